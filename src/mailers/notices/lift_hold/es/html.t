{% extends "_layout/es/html.t" %}{% block message %}<p>Se ha levantado la suspensión y se ha reanudado el cómputo de los plazos del caso.</p>{% endblock message %}
