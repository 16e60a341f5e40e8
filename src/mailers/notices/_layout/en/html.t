<!DOCTYPE html>
<html lang="en">
<body style="font-family:Arial,Helvetica,sans-serif;font-size:14px;color:#1b1b1b;max-width:640px">
<p>Dear {{ recipient.name }},</p>
{% block message %}{% endblock message %}
{% if case %}<table style="border-collapse:collapse;margin:16px 0">
<tr><th align="left" style="padding:2px 12px 2px 0">Case</th><td>{{ case.reference }} — {{ case.title }}</td></tr>
<tr><th align="left" style="padding:2px 12px 2px 0">Status</th><td>{{ case.status }}</td></tr>{% if case.complainant %}
<tr><th align="left" style="padding:2px 12px 2px 0">Complainant</th><td>{{ case.complainant }}</td></tr>{% endif %}{% if deadline %}
<tr><th align="left" style="padding:2px 12px 2px 0">Deadline</th><td>{{ deadline.meaning }}</td></tr>
<tr><th align="left" style="padding:2px 12px 2px 0">Who acts</th><td>{{ deadline.party }}</td></tr>
<tr><th align="left" style="padding:2px 12px 2px 0">Due</th><td><strong>{{ deadline.due_local }}</strong> ({{ deadline.zone }})<br>{{ deadline.due_utc }}</td></tr>{% endif %}
</table>{% endif %}{% if link %}
<p><a href="{{ link }}">Open the case</a></p>{% endif %}
<hr>
<p style="color:#555;font-size:12px">Redress, the grievance and redress service. Times are shown in your time zone ({{ recipient.zone }}) and in UTC.{% if deadline %} The attached calendar entry updates itself if the deadline moves.{% endif %}</p>
</body>
</html>
