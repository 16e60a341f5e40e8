{% extends "_layout/en/text.t" %}{% block message %}The case has been referred to independent review.{% endblock message %}
