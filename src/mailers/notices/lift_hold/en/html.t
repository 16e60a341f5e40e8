{% extends "_layout/en/html.t" %}{% block message %}<p>The hold has been lifted and the case's clocks are running again.</p>{% endblock message %}
