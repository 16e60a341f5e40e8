{% extends "_layout/fr/html.t" %}{% block message %}<p>Le plaignant a accepté la réponse formelle.</p>{% endblock message %}
