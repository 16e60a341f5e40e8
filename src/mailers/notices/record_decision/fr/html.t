{% extends "_layout/fr/html.t" %}{% block message %}<p>Une décision a été consignée dans le dossier. Elle peut faire l'objet d'un appel dans le délai d'appel.</p>{% endblock message %}
