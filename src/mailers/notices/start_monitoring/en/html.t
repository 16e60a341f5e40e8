{% extends "_layout/en/html.t" %}{% block message %}<p>The implementation of the outcome is now being monitored.</p>{% endblock message %}
