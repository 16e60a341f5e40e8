{% extends "_layout/en/html.t" %}{% block message %}<p>The registry has registered the grievance. Its eligibility will now be assessed.</p>{% endblock message %}
