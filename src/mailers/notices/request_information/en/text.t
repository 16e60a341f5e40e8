{% extends "_layout/en/text.t" %}{% block message %}Further information has been requested from the complainant.{% endblock message %}
