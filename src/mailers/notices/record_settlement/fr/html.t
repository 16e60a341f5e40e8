{% extends "_layout/fr/html.t" %}{% block message %}<p>Le médiateur a consigné un règlement amiable entre les parties.</p>{% endblock message %}
