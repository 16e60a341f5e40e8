{% extends "_layout/es/html.t" %}{% block message %}<p>La aplicación del resultado es ahora objeto de seguimiento.</p>{% endblock message %}
