{% extends "_layout/es/text.t" %}{% block message %}Se ha adoptado una decisión sobre la solicitud de prórroga de un plazo.{% endblock message %}
