{% extends "_layout/es/html.t" %}{% block message %}<p>La parte demandada ha presentado su respuesta formal. El reclamante puede ahora aceptarla o impugnarla.</p>{% endblock message %}
