{% extends "_layout/en/html.t" %}{% block message %}<p>The grievance has been declared eligible and served on the respondent. A mediator will be assigned.</p>{% endblock message %}
