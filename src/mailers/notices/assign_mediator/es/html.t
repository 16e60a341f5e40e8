{% extends "_layout/es/html.t" %}{% block message %}<p>Se ha designado un mediador para el caso, que se pondrá en contacto con las partes.</p>{% endblock message %}
