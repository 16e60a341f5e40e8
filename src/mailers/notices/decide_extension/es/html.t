{% extends "_layout/es/html.t" %}{% block message %}<p>Se ha adoptado una decisión sobre la solicitud de prórroga de un plazo.</p>{% endblock message %}
