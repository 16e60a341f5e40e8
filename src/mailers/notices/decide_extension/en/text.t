{% extends "_layout/en/text.t" %}{% block message %}A decision has been taken on the request to extend a deadline.{% endblock message %}
