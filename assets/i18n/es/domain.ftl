## The domain's refusals, as pages and the API say them

# A rule of the case refused the action.
rule-appeal-window-open = El plazo de apelación está abierto hasta el { $until }; el caso podrá avanzar cuando haya vencido.
rule-appeal-window-closed = El plazo de apelación ha vencido.
rule-already-appealed = Este caso ya ha sido objeto de una apelación.
rule-mediator-already-assigned = El caso ya tiene un mediador; indique el mediador que debe sustituirlo.
rule-mediator-already-holds = Este mediador ya tiene asignado el caso.
rule-no-eligible-mediator = Ningún mediador puede hacerse cargo de este caso: { $why }
rule-no-mediator = Ningún mediador tiene asignado este caso.
rule-challenge-window-closed = El plazo para recusar a este mediador venció el { $closed }.
rule-challenge-pending = Ya hay una recusación de este mediador pendiente de decisión.
rule-challenge-decided = Esta recusación ya no está pendiente (estado: { $status }).
rule-already-on-hold = El caso ya está en suspenso.
rule-not-on-hold = El caso no está en suspenso.
rule-no-information-requested = No se ha solicitado información en este caso.
rule-extension-pending = Ya hay una prórroga de este plazo pendiente de decisión.
rule-no-challenge-pending = Ninguna recusación del mediador espera una decisión.
rule-no-extension-pending = Ninguna solicitud de prórroga espera una decisión.
rule-extension-decided = Ya se ha decidido sobre esta solicitud de prórroga.

# The actor's part does not allow the action.
forbidden-not-a-party = Usted no es parte en este caso.
forbidden-role-may-not = Su función en este caso no permite esta acción ({ $action }).
forbidden-only-complainant-appeals-dismissal = Solo el reclamante puede apelar una inadmisión.
forbidden-own-deadlines-only = Solo puede solicitar una prórroga de sus propios plazos.
forbidden-only-delegates-file = Solo los delegados presentan reclamaciones.
forbidden-failures-for-staff = Los fallos de envío los gestionan el registro, la supervisión y los mediadores.
forbidden-resend-for-staff = Solo el registro o el mediador del caso pueden reenviar una notificación.

# Why a mediator cannot take a case.
mediator-eligible-of = { $name }: elegible, sin conflicto
exclusion-of = { $name }: { $reasons }
exclusion-challenged-or-recused = fue apartado de este caso tras una recusación, o se inhibió
exclusion-on-leave = está de licencia
exclusion-at-capacity = tiene { $open } casos abiertos de una capacidad de { $capacity }
exclusion-same-nationality = comparte la nacionalidad de una parte ({ $party })
exclusion-declared-conflict = declaró un conflicto de intereses con { $with }
exclusion-earlier-involvement = se ocupó de un caso anterior entre las mismas partes
exclusion-same-regional-group = pertenece al grupo regional de una parte ({ $group })
exclusion-other = está excluido ({ $code })

# Field messages that need more than the field's code.
field-at-least-days = { $min ->
    [one] Indique al menos { $min } día.
   *[other] Indique al menos { $min } días.
}
field-length-between = Escriba entre { $min } y { $max } caracteres.
field-at-most-days = { $max ->
    [one] Indique como máximo { $max } día.
   *[other] Indique como máximo { $max } días.
}
field-after-un-founding = Indique una fecha posterior a la fundación de las Naciones Unidas (24 de octubre de 1945).
field-respondent-not-complainant = La parte reclamada no puede ser también reclamante.
field-override-needs-mediator = Solo puede dispensarse el conflicto de un mediador designado por su nombre; elija el mediador.
field-no-such-mediator = Esta persona no es un mediador en activo.
field-mediator-removed = Este mediador { $reasons }; no puede volver a ser asignado a este caso.
field-mediator-conflict = Este mediador { $reasons }; indique un motivo para asignarlo de todos modos.
field-mediator-needs-language = Un mediador trabaja al menos en un idioma.
field-mediator-needs-nationality = La nacionalidad de un mediador es necesaria para el control de conflictos de intereses.
field-delegate-needs-delegation = Un delegado habla en nombre de una delegación.
field-body-only-respondents = Solo los representantes de la parte reclamada pertenecen a un órgano.
field-respondent-answers-for-one = Un representante de la parte reclamada responde por un único órgano o una única delegación.
field-role-unaffiliated = Esta función no está adscrita a ninguna delegación ni órgano.
field-capacity-range = Indique entre 1 y { $max } casos abiertos.
field-sample-size = Indique entre 1 y { $max } casos.
field-reset-link-expired = Este código de restablecimiento no es válido o ha caducado; solicite uno nuevo.
field-form-damaged = Este formulario está dañado; vuelva a cargar la página.
field-from-after-to = El inicio no puede ser posterior al final.
field-period-too-long = Un período abarca como máximo { $max } días.
field-bad-date = Indique una fecha con el formato AAAA-MM-DD.
field-bad-zone = «{ $zone }» no es una zona horaria; utilice un nombre como Europe/Zurich o America/New_York.
rule-case-closed-to-evidence = El caso está cerrado: ya no se pueden añadir pruebas.
forbidden-read-only = La supervisión lee los casos; no escribe en ellos.
message-audience-closed = No puede escribir a estos lectores: una parte escribe a todas las partes o solo al mediador.
rule-case-closed-to-messages = El caso está cerrado: no se puede escribir ningún mensaje en él.

field-no-such-state = Ningún Estado miembro se llama o tiene el código «{ $entry }»: escriba su nombre como figura en la lista de abajo, o su código de tres letras.

# Translations on a clock
field-translation-source-unknown = Elija un escrito, mensaje o documento de este caso que pueda leer.
field-translation-same-language = Ya está redactado en este idioma.
rule-translation-asked = Ya se ha solicitado una traducción de este texto a ese idioma.
field-translation-request-unknown = Elija una solicitud de traducción de este caso.
rule-translation-provided = Esta traducción ya se ha facilitado, o el caso terminó antes.
field-translation-empty = Escriba el texto traducido, adjunte el documento traducido, o ambos.
rule-no-translation-asked = No hay ninguna traducción pendiente en este caso.
field-written-in-not-taken = Esta acción no produce ningún texto cuyo idioma pueda indicarse.
