{% extends "_layout/en/text.t" %}{% block message %}The mediator has requested a formal response from the respondent.{% endblock message %}
