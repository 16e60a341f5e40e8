{% extends "_layout/en/html.t" %}{% block message %}<p>The case has been placed on hold. Its clocks are stopped until the hold is lifted.</p>{% endblock message %}
