{% extends "_layout/fr/text.t" %}{% block message %}La partie défenderesse a présenté sa réponse formelle. Le plaignant peut désormais l'accepter ou la contester.{% endblock message %}
