{% extends "_layout/fr/text.t" %}{% block message %}La mise en œuvre de l'issue du dossier fait désormais l'objet d'un suivi.{% endblock message %}
