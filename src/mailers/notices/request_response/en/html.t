{% extends "_layout/en/html.t" %}{% block message %}<p>The mediator has requested a formal response from the respondent.</p>{% endblock message %}
