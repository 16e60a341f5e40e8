{% extends "_layout/fr/html.t" %}{% block message %}<p>La partie défenderesse a présenté sa réponse formelle. Le plaignant peut désormais l'accepter ou la contester.</p>{% endblock message %}
