{% extends "_layout/es/text.t" %}{% block message %}Alguien (esperamos que usted) ha solicitado restablecer la contraseña de su cuenta de Redress. Utilice este código para elegir una nueva contraseña:

    {{ reset.token }}

O abra esta página, con el código ya introducido:

    {{ reset.url }}

El código solo puede utilizarse una vez y caduca en {{ reset.minutes }} minutos. Si usted no lo ha solicitado, ignore este mensaje: su contraseña seguirá siendo la misma.{% endblock message %}
