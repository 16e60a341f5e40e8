{% extends "_layout/es/text.t" %}{% block message %}Se ha designado un mediador para el caso, que se pondrá en contacto con las partes.{% endblock message %}
