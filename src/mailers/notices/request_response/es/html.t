{% extends "_layout/es/html.t" %}{% block message %}<p>El mediador ha solicitado una respuesta formal a la parte demandada.</p>{% endblock message %}
