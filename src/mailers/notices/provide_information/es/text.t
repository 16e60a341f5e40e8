{% extends "_layout/es/text.t" %}{% block message %}El reclamante ha presentado la información solicitada.{% endblock message %}
