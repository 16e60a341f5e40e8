{% extends "_layout/en/text.t" %}{% block message %}Someone (we hope you) asked to reset the password of your Redress account. Use this code to choose a new password:

    {{ reset.token }}

Or open this page, where the code is filled in:

    {{ reset.url }}

The code works once and expires in {{ reset.minutes }} minutes. If you did not ask for it, ignore this email: your password stays as it is.{% endblock message %}
