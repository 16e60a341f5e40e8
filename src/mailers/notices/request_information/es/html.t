{% extends "_layout/es/html.t" %}{% block message %}<p>Se ha solicitado información adicional al reclamante.</p>{% endblock message %}
