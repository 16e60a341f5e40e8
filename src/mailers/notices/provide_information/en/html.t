{% extends "_layout/en/html.t" %}{% block message %}<p>The complainant has provided the requested information.</p>{% endblock message %}
