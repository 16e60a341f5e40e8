{% extends "_layout/fr/html.t" %}{% block message %}<p>La suspension a été levée et le décompte des délais du dossier a repris.</p>{% endblock message %}
