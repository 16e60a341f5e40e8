Dear {{ recipient.name }},

{% block message %}{% endblock message %}
{% if case %}
Case:        {{ case.reference }} — {{ case.title }}
Status:      {{ case.status }}{% if case.complainant %}
Complainant: {{ case.complainant }}{% endif %}{% endif %}{% if deadline %}

Deadline:    {{ deadline.meaning }}
Who acts:    {{ deadline.party }}
Due:         {{ deadline.due_local }} ({{ deadline.zone }})
             {{ deadline.due_utc }}{% endif %}{% if link %}

Open the case: {{ link }}{% endif %}

--
Redress, the grievance and redress service.
Times are shown in your time zone ({{ recipient.zone }}) and in UTC.{% if deadline %} The attached calendar entry updates itself if the deadline moves.{% endif %}
