{% extends "_layout/en/text.t" %}{% block message %}The implementation of the outcome is now being monitored.{% endblock message %}
