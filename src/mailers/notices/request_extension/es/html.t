{% extends "_layout/es/html.t" %}{% block message %}<p>Se ha solicitado la prórroga de un plazo, que está pendiente de decisión.</p>{% endblock message %}
