{% extends "_layout/fr/html.t" %}{% block message %}<p>Un appel a été interjeté.</p>{% endblock message %}
