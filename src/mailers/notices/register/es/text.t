{% extends "_layout/es/text.t" %}{% block message %}El registro ha inscrito la queja. A continuación se evaluará su admisibilidad.{% endblock message %}
