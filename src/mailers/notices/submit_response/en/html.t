{% extends "_layout/en/html.t" %}{% block message %}<p>The respondent has submitted its formal response. The complainant may now accept or contest it.</p>{% endblock message %}
