{% extends "_layout/fr/text.t" %}{% block message %}Une décision a été consignée dans le dossier. Elle peut faire l'objet d'un appel dans le délai d'appel.{% endblock message %}
