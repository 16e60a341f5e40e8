{% extends "_layout/fr/html.t" %}{% block message %}<p>Le dossier a été renvoyé pour examen indépendant.</p>{% endblock message %}
