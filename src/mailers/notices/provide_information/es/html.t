{% extends "_layout/es/html.t" %}{% block message %}<p>El reclamante ha presentado la información solicitada.</p>{% endblock message %}
