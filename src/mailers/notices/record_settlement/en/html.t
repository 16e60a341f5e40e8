{% extends "_layout/en/html.t" %}{% block message %}<p>The mediator has recorded a settlement between the parties.</p>{% endblock message %}
