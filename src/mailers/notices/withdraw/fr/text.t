{% extends "_layout/fr/text.t" %}{% block message %}Le plaignant a retiré la plainte.{% endblock message %}
