Estimado/a {{ recipient.name }}:

{% block message %}{% endblock message %}
{% if case %}
Caso:        {{ case.reference }} — {{ case.title }}
Estado:      {{ case.status }}{% if case.complainant %}
Reclamante:  {{ case.complainant }}{% endif %}{% endif %}{% if deadline %}

Plazo:       {{ deadline.meaning }}
Debe actuar: {{ deadline.party }}
Vencimiento: {{ deadline.due_local }} ({{ deadline.zone }})
             {{ deadline.due_utc }}{% endif %}{% if link %}

Abrir el caso: {{ link }}{% endif %}

--
Redress, el servicio de quejas y reparación.
Las horas se indican en su zona horaria ({{ recipient.zone }}) y en UTC.{% if deadline %} La entrada de calendario adjunta se actualiza automáticamente si el plazo cambia.{% endif %}
