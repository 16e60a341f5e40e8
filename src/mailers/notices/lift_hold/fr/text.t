{% extends "_layout/fr/text.t" %}{% block message %}La suspension a été levée et le décompte des délais du dossier a repris.{% endblock message %}
