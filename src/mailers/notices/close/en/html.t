{% extends "_layout/en/html.t" %}{% block message %}<p>The case has been closed.</p>{% endblock message %}
