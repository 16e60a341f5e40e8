{% extends "_layout/es/html.t" %}{% block message %}<p>Se ha consignado una decisión en el caso. Puede apelarse dentro del plazo de apelación.</p>{% endblock message %}
