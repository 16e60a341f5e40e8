{% extends "_layout/es/html.t" %}{% block message %}<p>El registro ha inscrito la queja. A continuación se evaluará su admisibilidad.</p>{% endblock message %}
