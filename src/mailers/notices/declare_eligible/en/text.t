{% extends "_layout/en/text.t" %}{% block message %}The grievance has been declared eligible and served on the respondent. A mediator will be assigned.{% endblock message %}
