{% extends "_layout/es/text.t" %}{% block message %}Se ha solicitado información adicional al reclamante.{% endblock message %}
