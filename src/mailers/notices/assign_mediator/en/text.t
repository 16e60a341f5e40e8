{% extends "_layout/en/text.t" %}{% block message %}A mediator has been assigned to the case and will be in touch with the parties.{% endblock message %}
