{% extends "_layout/en/text.t" %}{% block message %}An extension of a deadline has been requested and awaits a decision.{% endblock message %}
