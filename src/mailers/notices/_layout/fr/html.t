<!DOCTYPE html>
<html lang="fr">
<body style="font-family:Arial,Helvetica,sans-serif;font-size:14px;color:#1b1b1b;max-width:640px">
<p>Bonjour {{ recipient.name }},</p>
{% block message %}{% endblock message %}
{% if case %}<table style="border-collapse:collapse;margin:16px 0">
<tr><th align="left" style="padding:2px 12px 2px 0">Dossier</th><td>{{ case.reference }} — {{ case.title }}</td></tr>
<tr><th align="left" style="padding:2px 12px 2px 0">Statut</th><td>{{ case.status }}</td></tr>{% if case.complainant %}
<tr><th align="left" style="padding:2px 12px 2px 0">Plaignant</th><td>{{ case.complainant }}</td></tr>{% endif %}{% if deadline %}
<tr><th align="left" style="padding:2px 12px 2px 0">Délai</th><td>{{ deadline.meaning }}</td></tr>
<tr><th align="left" style="padding:2px 12px 2px 0">Qui doit agir</th><td>{{ deadline.party }}</td></tr>
<tr><th align="left" style="padding:2px 12px 2px 0">Échéance</th><td><strong>{{ deadline.due_local }}</strong> ({{ deadline.zone }})<br>{{ deadline.due_utc }}</td></tr>{% endif %}
</table>{% endif %}{% if link %}
<p><a href="{{ link }}">Ouvrir le dossier</a></p>{% endif %}
<hr>
<p style="color:#555;font-size:12px">Redress, le service de traitement des plaintes et de réparation. Les heures sont indiquées dans votre fuseau horaire ({{ recipient.zone }}) et en UTC.{% if deadline %} L'entrée de calendrier jointe se met à jour automatiquement si le délai est modifié.{% endif %}</p>
</body>
</html>
