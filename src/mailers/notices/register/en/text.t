{% extends "_layout/en/text.t" %}{% block message %}The registry has registered the grievance. Its eligibility will now be assessed.{% endblock message %}
