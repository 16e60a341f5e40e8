{% extends "_layout/en/html.t" %}{% block message %}<p>The case has been referred to independent review.</p>{% endblock message %}
