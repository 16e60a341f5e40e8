{% extends "_layout/fr/text.t" %}{% block message %}Le plaignant a accepté la réponse formelle.{% endblock message %}
