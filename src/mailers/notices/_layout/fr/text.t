Bonjour {{ recipient.name }},

{% block message %}{% endblock message %}
{% if case %}
Dossier :       {{ case.reference }} — {{ case.title }}
Statut :        {{ case.status }}{% if case.complainant %}
Plaignant :     {{ case.complainant }}{% endif %}{% endif %}{% if deadline %}

Délai :         {{ deadline.meaning }}
Qui doit agir : {{ deadline.party }}
Échéance :      {{ deadline.due_local }} ({{ deadline.zone }})
                {{ deadline.due_utc }}{% endif %}{% if link %}

Ouvrir le dossier : {{ link }}{% endif %}

--
Redress, le service de traitement des plaintes et de réparation.
Les heures sont indiquées dans votre fuseau horaire ({{ recipient.zone }}) et en UTC.{% if deadline %} L'entrée de calendrier jointe se met à jour automatiquement si le délai est modifié.{% endif %}
