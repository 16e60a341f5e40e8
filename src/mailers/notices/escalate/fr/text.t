{% extends "_layout/fr/text.t" %}{% block message %}Le dossier a été renvoyé pour examen indépendant.{% endblock message %}
