{% extends "_layout/fr/html.t" %}{% block message %}<p>Le plaignant a communiqué les informations demandées.</p>{% endblock message %}
