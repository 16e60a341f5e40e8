{% extends "_layout/en/text.t" %}{% block message %}The hold has been lifted and the case's clocks are running again.{% endblock message %}
