{% extends "_layout/es/html.t" %}{% block message %}<p>El caso se ha cerrado.</p>{% endblock message %}
