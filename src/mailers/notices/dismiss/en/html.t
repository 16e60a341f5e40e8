{% extends "_layout/en/html.t" %}{% block message %}<p>The registry has dismissed the grievance at the eligibility stage. The complainant may appeal this decision.</p>{% endblock message %}
