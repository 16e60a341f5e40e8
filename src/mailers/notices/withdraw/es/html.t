{% extends "_layout/es/html.t" %}{% block message %}<p>El reclamante ha retirado la queja.</p>{% endblock message %}
