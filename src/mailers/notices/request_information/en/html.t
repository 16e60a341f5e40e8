{% extends "_layout/en/html.t" %}{% block message %}<p>Further information has been requested from the complainant.</p>{% endblock message %}
