{% extends "_layout/en/text.t" %}{% block message %}The respondent has submitted its formal response. The complainant may now accept or contest it.{% endblock message %}
