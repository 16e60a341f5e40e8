{% extends "_layout/fr/html.t" %}{% block message %}<p>Le plaignant a contesté la réponse formelle ; la médiation se poursuit.</p>{% endblock message %}
