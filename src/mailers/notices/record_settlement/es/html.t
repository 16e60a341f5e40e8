{% extends "_layout/es/html.t" %}{% block message %}<p>El mediador ha consignado un acuerdo entre las partes.</p>{% endblock message %}
