{% extends "_layout/en/html.t" %}{% block message %}<p>The complainant has withdrawn the grievance.</p>{% endblock message %}
