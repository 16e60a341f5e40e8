<!DOCTYPE html>
<html lang="es">
<body style="font-family:Arial,Helvetica,sans-serif;font-size:14px;color:#1b1b1b;max-width:640px">
<p>Estimado/a {{ recipient.name }}:</p>
{% block message %}{% endblock message %}
{% if case %}<table style="border-collapse:collapse;margin:16px 0">
<tr><th align="left" style="padding:2px 12px 2px 0">Caso</th><td>{{ case.reference }} — {{ case.title }}</td></tr>
<tr><th align="left" style="padding:2px 12px 2px 0">Estado</th><td>{{ case.status }}</td></tr>{% if case.complainant %}
<tr><th align="left" style="padding:2px 12px 2px 0">Reclamante</th><td>{{ case.complainant }}</td></tr>{% endif %}{% if deadline %}
<tr><th align="left" style="padding:2px 12px 2px 0">Plazo</th><td>{{ deadline.meaning }}</td></tr>
<tr><th align="left" style="padding:2px 12px 2px 0">Debe actuar</th><td>{{ deadline.party }}</td></tr>
<tr><th align="left" style="padding:2px 12px 2px 0">Vencimiento</th><td><strong>{{ deadline.due_local }}</strong> ({{ deadline.zone }})<br>{{ deadline.due_utc }}</td></tr>{% endif %}
</table>{% endif %}{% if link %}
<p><a href="{{ link }}">Abrir el caso</a></p>{% endif %}
<hr>
<p style="color:#555;font-size:12px">Redress, el servicio de quejas y reparación. Las horas se indican en su zona horaria ({{ recipient.zone }}) y en UTC.{% if deadline %} La entrada de calendario adjunta se actualiza automáticamente si el plazo cambia.{% endif %}</p>
</body>
</html>
