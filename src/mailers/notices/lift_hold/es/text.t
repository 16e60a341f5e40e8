{% extends "_layout/es/text.t" %}{% block message %}Se ha levantado la suspensión y se ha reanudado el cómputo de los plazos del caso.{% endblock message %}
