{% extends "_layout/fr/html.t" %}{% block message %}<p>La mise en œuvre de l'issue du dossier fait désormais l'objet d'un suivi.</p>{% endblock message %}
