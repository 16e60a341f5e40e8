{% extends "_layout/en/text.t" %}{% block message %}The mediator has recorded a settlement between the parties.{% endblock message %}
