{% extends "_layout/es/html.t" %}{% block message %}<p>Se ha presentado una apelación.</p>{% endblock message %}
