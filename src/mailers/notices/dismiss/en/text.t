{% extends "_layout/en/text.t" %}{% block message %}The registry has dismissed the grievance at the eligibility stage. The complainant may appeal this decision.{% endblock message %}
