{% extends "_layout/es/text.t" %}{% block message %}Se ha consignado una decisión en el caso. Puede apelarse dentro del plazo de apelación.{% endblock message %}
