{% extends "_layout/es/text.t" %}{% block message %}El reclamante ha aceptado la respuesta formal.{% endblock message %}
