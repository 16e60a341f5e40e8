{% extends "_layout/es/text.t" %}{% block message %}El registro ha desestimado la queja en la fase de evaluación de la admisibilidad. El reclamante puede apelar esta decisión.{% endblock message %}
