{% extends "_layout/en/html.t" %}{% block message %}<p>The complainant has contested the formal response; mediation continues.</p>{% endblock message %}
