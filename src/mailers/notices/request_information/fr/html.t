{% extends "_layout/fr/html.t" %}{% block message %}<p>Des informations complémentaires ont été demandées au plaignant.</p>{% endblock message %}
