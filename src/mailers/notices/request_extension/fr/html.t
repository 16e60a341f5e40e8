{% extends "_layout/fr/html.t" %}{% block message %}<p>La prorogation d'un délai a été demandée et est en attente de décision.</p>{% endblock message %}
