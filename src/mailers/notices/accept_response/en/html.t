{% extends "_layout/en/html.t" %}{% block message %}<p>The complainant has accepted the formal response.</p>{% endblock message %}
