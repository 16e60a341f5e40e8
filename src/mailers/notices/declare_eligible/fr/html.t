{% extends "_layout/fr/html.t" %}{% block message %}<p>La plainte a été déclarée recevable et notifiée à la partie défenderesse. Un médiateur va être désigné.</p>{% endblock message %}
