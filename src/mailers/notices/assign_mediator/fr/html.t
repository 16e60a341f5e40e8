{% extends "_layout/fr/html.t" %}{% block message %}<p>Un médiateur a été désigné pour le dossier et prendra contact avec les parties.</p>{% endblock message %}
