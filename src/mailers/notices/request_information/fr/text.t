{% extends "_layout/fr/text.t" %}{% block message %}Des informations complémentaires ont été demandées au plaignant.{% endblock message %}
