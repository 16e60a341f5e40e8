{% extends "_layout/fr/text.t" %}{% block message %}Le médiateur a consigné un règlement amiable entre les parties.{% endblock message %}
