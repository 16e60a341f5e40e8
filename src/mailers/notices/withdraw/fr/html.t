{% extends "_layout/fr/html.t" %}{% block message %}<p>Le plaignant a retiré la plainte.</p>{% endblock message %}
