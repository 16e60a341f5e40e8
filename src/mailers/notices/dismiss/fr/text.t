{% extends "_layout/fr/text.t" %}{% block message %}Le greffe a rejeté la plainte au stade de l'évaluation de la recevabilité. Le plaignant peut faire appel de cette décision.{% endblock message %}
