{% extends "_layout/es/text.t" %}{% block message %}El reclamante ha retirado la queja.{% endblock message %}
