{% extends "_layout/fr/text.t" %}{% block message %}Le plaignant a contesté la réponse formelle ; la médiation se poursuit.{% endblock message %}
