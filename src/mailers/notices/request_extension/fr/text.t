{% extends "_layout/fr/text.t" %}{% block message %}La prorogation d'un délai a été demandée et est en attente de décision.{% endblock message %}
