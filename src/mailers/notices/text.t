{{ words.greeting }}

{{ words.message }}{% if receipt and receipt.by_mail %}

{{ words.receipt_by_mail }}{% endif %}{% if reset %}

    {{ reset.token }}

{{ words.reset_open }}

    {{ reset.url }}

{{ words.reset_expiry }}{% endif %}{% if receipt %}

{{ words.receipt_text }}
    {{ receipt.sha256 }}
{{ words.receipt_event }}
    {{ receipt.event }}
{{ words.receipt_day }}
    {{ receipt.day }}

{{ words.receipt_proof }}

    {{ receipt.proof_url }}{% endif %}
{% if case %}
{{ labels.case }}{{ case.reference }} — {{ case.title }}
{{ labels.status }}{{ case.status }}{% if case.complainant %}
{{ labels.complainant }}{{ case.complainant }}{% endif %}{% endif %}{% if deadline %}

{{ labels.deadline }}{{ deadline.meaning }}
{{ labels.party }}{{ deadline.party }}
{{ labels.due }}{{ deadline.due_local }} ({{ deadline.zone }})
{{ labels.blank }}{{ deadline.due_utc }}{% endif %}{% if link %}

{{ labels.open_case }}{{ link }}{% endif %}

--
{{ words.signature }}
{{ words.zone_note }}{% if deadline %} {{ words.calendar_note }}{% endif %}
