{% extends "_layout/en/text.t" %}{% block message %}An appeal has been lodged.{% endblock message %}
