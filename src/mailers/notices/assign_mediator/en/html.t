{% extends "_layout/en/html.t" %}{% block message %}<p>A mediator has been assigned to the case and will be in touch with the parties.</p>{% endblock message %}
