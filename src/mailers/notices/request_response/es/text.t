{% extends "_layout/es/text.t" %}{% block message %}El mediador ha solicitado una respuesta formal a la parte demandada.{% endblock message %}
