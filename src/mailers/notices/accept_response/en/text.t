{% extends "_layout/en/text.t" %}{% block message %}The complainant has accepted the formal response.{% endblock message %}
