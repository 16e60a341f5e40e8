{% extends "_layout/fr/html.t" %}{% block message %}<p>Le dossier a été mis en suspens. Le décompte de ses délais est interrompu jusqu'à la levée de la suspension.</p>{% endblock message %}
