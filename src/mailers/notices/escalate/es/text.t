{% extends "_layout/es/text.t" %}{% block message %}El caso se ha remitido a examen independiente.{% endblock message %}
