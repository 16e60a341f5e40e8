{% extends "_layout/es/text.t" %}{% block message %}La aplicación del resultado es ahora objeto de seguimiento.{% endblock message %}
