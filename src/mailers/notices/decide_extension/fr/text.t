{% extends "_layout/fr/text.t" %}{% block message %}Une décision a été prise sur la demande de prorogation d'un délai.{% endblock message %}
