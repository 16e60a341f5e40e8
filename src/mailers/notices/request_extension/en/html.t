{% extends "_layout/en/html.t" %}{% block message %}<p>An extension of a deadline has been requested and awaits a decision.</p>{% endblock message %}
