{% extends "_layout/es/text.t" %}{% block message %}La queja se ha declarado admisible y se ha notificado a la parte demandada. Se designará un mediador.{% endblock message %}
