{% extends "_layout/es/text.t" %}{% block message %}El caso se ha cerrado.{% endblock message %}
