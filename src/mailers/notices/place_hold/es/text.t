{% extends "_layout/es/text.t" %}{% block message %}El caso ha quedado en suspenso. El cómputo de sus plazos se detiene hasta que se levante la suspensión.{% endblock message %}
