{% extends "_layout/fr/text.t" %}{% block message %}Un médiateur a été désigné pour le dossier et prendra contact avec les parties.{% endblock message %}
