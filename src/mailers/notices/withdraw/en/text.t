{% extends "_layout/en/text.t" %}{% block message %}The complainant has withdrawn the grievance.{% endblock message %}
