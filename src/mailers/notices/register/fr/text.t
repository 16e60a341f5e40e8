{% extends "_layout/fr/text.t" %}{% block message %}Le greffe a enregistré la plainte. Sa recevabilité va maintenant être évaluée.{% endblock message %}
