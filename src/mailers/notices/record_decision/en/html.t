{% extends "_layout/en/html.t" %}{% block message %}<p>A decision has been recorded on the case. It may be appealed within the appeal window.</p>{% endblock message %}
