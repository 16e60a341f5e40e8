{% extends "_layout/es/html.t" %}{% block message %}<p>El reclamante ha aceptado la respuesta formal.</p>{% endblock message %}
