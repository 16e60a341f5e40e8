{% extends "_layout/es/html.t" %}{% block message %}<p>El caso ha quedado en suspenso. El cómputo de sus plazos se detiene hasta que se levante la suspensión.</p>{% endblock message %}
