{% extends "_layout/fr/text.t" %}{% block message %}Le plaignant a communiqué les informations demandées.{% endblock message %}
