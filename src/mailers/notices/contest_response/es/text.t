{% extends "_layout/es/text.t" %}{% block message %}El reclamante ha impugnado la respuesta formal; la mediación continúa.{% endblock message %}
