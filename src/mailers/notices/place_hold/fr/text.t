{% extends "_layout/fr/text.t" %}{% block message %}Le dossier a été mis en suspens. Le décompte de ses délais est interrompu jusqu'à la levée de la suspension.{% endblock message %}
