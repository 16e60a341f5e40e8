{% extends "_layout/fr/text.t" %}{% block message %}La plainte a été déclarée recevable et notifiée à la partie défenderesse. Un médiateur va être désigné.{% endblock message %}
