{% extends "_layout/fr/text.t" %}{% block message %}Quelqu'un (vous, nous l'espérons) a demandé la réinitialisation du mot de passe de votre compte Redress. Utilisez ce code pour choisir un nouveau mot de passe :

    {{ reset.token }}

Ou ouvrez cette page, où le code est déjà saisi :

    {{ reset.url }}

Ce code n'est valable qu'une seule fois et expire dans {{ reset.minutes }} minutes. Si vous n'êtes pas à l'origine de cette demande, ignorez ce message : votre mot de passe reste inchangé.{% endblock message %}
