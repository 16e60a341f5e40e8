{% extends "_layout/fr/html.t" %}{% block message %}<p>Le greffe a enregistré la plainte. Sa recevabilité va maintenant être évaluée.</p>{% endblock message %}
