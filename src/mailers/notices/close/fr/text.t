{% extends "_layout/fr/text.t" %}{% block message %}Le dossier a été clos.{% endblock message %}
