{% extends "_layout/fr/text.t" %}{% block message %}Un appel a été interjeté.{% endblock message %}
