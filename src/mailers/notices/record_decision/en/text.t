{% extends "_layout/en/text.t" %}{% block message %}A decision has been recorded on the case. It may be appealed within the appeal window.{% endblock message %}
