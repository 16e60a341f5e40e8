{% extends "_layout/es/html.t" %}{% block message %}<p>El reclamante ha impugnado la respuesta formal; la mediación continúa.</p>{% endblock message %}
