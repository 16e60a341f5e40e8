{% extends "_layout/es/text.t" %}{% block message %}La parte demandada ha presentado su respuesta formal. El reclamante puede ahora aceptarla o impugnarla.{% endblock message %}
