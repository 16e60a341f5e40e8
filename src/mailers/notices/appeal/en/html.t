{% extends "_layout/en/html.t" %}{% block message %}<p>An appeal has been lodged.</p>{% endblock message %}
