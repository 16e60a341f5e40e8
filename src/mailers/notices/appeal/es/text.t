{% extends "_layout/es/text.t" %}{% block message %}Se ha presentado una apelación.{% endblock message %}
