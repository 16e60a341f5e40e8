{% extends "_layout/es/text.t" %}{% block message %}El mediador ha consignado un acuerdo entre las partes.{% endblock message %}
