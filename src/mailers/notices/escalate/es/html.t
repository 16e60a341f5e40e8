{% extends "_layout/es/html.t" %}{% block message %}<p>El caso se ha remitido a examen independiente.</p>{% endblock message %}
