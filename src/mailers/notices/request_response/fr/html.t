{% extends "_layout/fr/html.t" %}{% block message %}<p>Le médiateur a demandé une réponse formelle à la partie défenderesse.</p>{% endblock message %}
