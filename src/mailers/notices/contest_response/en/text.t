{% extends "_layout/en/text.t" %}{% block message %}The complainant has contested the formal response; mediation continues.{% endblock message %}
