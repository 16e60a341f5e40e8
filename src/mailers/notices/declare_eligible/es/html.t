{% extends "_layout/es/html.t" %}{% block message %}<p>La queja se ha declarado admisible y se ha notificado a la parte demandada. Se designará un mediador.</p>{% endblock message %}
