<!DOCTYPE html>
<html lang="{{ lang }}" dir="{{ dir }}">
<body dir="{{ dir }}" style="font-family:Arial,Helvetica,sans-serif;font-size:14px;color:#1b1b1b;max-width:640px;text-align:{{ start }}">
<p>{{ words.greeting }}</p>
<p>{{ words.message }}</p>{% if receipt and receipt.by_mail %}<p><strong>{{ words.receipt_by_mail }}</strong></p>{% endif %}{% if reset %}<p style="font-family:monospace;font-size:16px">{{ reset.token }}</p><p><a href="{{ reset.url }}">{{ words.reset_link }}</a></p><p>{{ words.reset_expiry }}</p>{% endif %}{% if receipt %}
<dl style="margin:16px 0">
<dt>{{ words.receipt_text }}</dt><dd style="font-family:monospace;word-break:break-all">{{ receipt.sha256 }}</dd>
<dt>{{ words.receipt_event }}</dt><dd style="font-family:monospace;word-break:break-all">{{ receipt.event }}</dd>
<dt>{{ words.receipt_day }}</dt><dd style="font-family:monospace">{{ receipt.day }}</dd>
</dl>
<p>{{ words.receipt_proof }} <a href="{{ receipt.proof_url }}" style="word-break:break-all">{{ receipt.proof_url }}</a></p>{% endif %}
{% if case %}<table style="border-collapse:collapse;margin:16px 0">
<tr><th align="{{ start }}" style="padding:2px 12px">{{ words.case }}</th><td>{{ case.reference }} — <span dir="auto">{{ case.title }}</span></td></tr>
<tr><th align="{{ start }}" style="padding:2px 12px">{{ words.status }}</th><td>{{ case.status }}</td></tr>{% if case.complainant %}
<tr><th align="{{ start }}" style="padding:2px 12px">{{ words.complainant }}</th><td>{{ case.complainant }}</td></tr>{% endif %}{% if deadline %}
<tr><th align="{{ start }}" style="padding:2px 12px">{{ words.deadline }}</th><td>{{ deadline.meaning }}</td></tr>
<tr><th align="{{ start }}" style="padding:2px 12px">{{ words.party }}</th><td>{{ deadline.party }}</td></tr>
<tr><th align="{{ start }}" style="padding:2px 12px">{{ words.due }}</th><td><strong>{{ deadline.due_local }}</strong> ({{ deadline.zone }})<br>{{ deadline.due_utc }}</td></tr>{% endif %}
</table>{% endif %}{% if link %}
<p><a href="{{ link }}">{{ words.open_case }}</a></p>{% endif %}
<hr>
<p style="color:#555;font-size:12px">{{ words.signature }} {{ words.zone_note }}{% if deadline %} {{ words.calendar_note }}{% endif %}</p>
</body>
</html>
