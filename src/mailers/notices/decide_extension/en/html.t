{% extends "_layout/en/html.t" %}{% block message %}<p>A decision has been taken on the request to extend a deadline.</p>{% endblock message %}
