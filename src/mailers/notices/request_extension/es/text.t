{% extends "_layout/es/text.t" %}{% block message %}Se ha solicitado la prórroga de un plazo, que está pendiente de decisión.{% endblock message %}
