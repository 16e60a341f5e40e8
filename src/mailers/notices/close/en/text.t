{% extends "_layout/en/text.t" %}{% block message %}The case has been closed.{% endblock message %}
