{% extends "_layout/en/text.t" %}{% block message %}The case has been placed on hold. Its clocks are stopped until the hold is lifted.{% endblock message %}
