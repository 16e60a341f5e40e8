{% extends "_layout/fr/html.t" %}{% block message %}<p>Une décision a été prise sur la demande de prorogation d'un délai.</p>{% endblock message %}
