{% extends "_layout/en/text.t" %}{% block message %}The complainant has provided the requested information.{% endblock message %}
