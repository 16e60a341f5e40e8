{% extends "_layout/fr/html.t" %}{% block message %}<p>Le dossier a été clos.</p>{% endblock message %}
