{% extends "_layout/fr/text.t" %}{% block message %}Le médiateur a demandé une réponse formelle à la partie défenderesse.{% endblock message %}
