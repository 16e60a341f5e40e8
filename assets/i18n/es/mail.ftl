## The frame of every email
mail-greeting = Estimado/a { $name }:
mail-label-colon = { $label }:
mail-label-case = Caso
mail-label-status = Estado
mail-label-complainant = Reclamante
mail-label-deadline = Plazo
mail-label-party = Quién debe actuar
mail-label-due = Vencimiento
mail-open-case = Abrir el caso
mail-signature = Redress, el servicio de reclamaciones y reparación.
mail-zone-note = Las horas se indican en su zona horaria ({ $zone }) y en UTC.
mail-calendar-note = La entrada de calendario adjunta se actualiza automáticamente si el plazo cambia.

## One subject and one message per kind of notice

mail-accept_response-subject = Respuesta formal aceptada
mail-accept_response-body = El reclamante ha aceptado la respuesta formal.
mail-appeal-subject = Apelación presentada
mail-appeal-body = Se ha presentado una apelación.
mail-assign_mediator-subject = Mediador asignado
mail-assign_mediator-body = Se ha asignado un mediador al caso, que se pondrá en contacto con las partes.
mail-assignment_blocked-subject = No ha sido posible asignar un mediador automáticamente
mail-assignment_blocked-body = No ha sido posible asignar automáticamente un mediador al caso: todos los mediadores tienen un conflicto de intereses o no están disponibles (por encontrarse de licencia o haber alcanzado su capacidad máxima). Corresponde al registro asignar un mediador. La asignación manual está sujeta al mismo control de conflictos de intereses; para apartarse de su resultado se requiere una justificación por escrito. En el historial de asignaciones del caso se indica qué mediadores han quedado excluidos y por qué motivo.
mail-assignment_override-subject = Mediador asignado pese a un conflicto o una indisponibilidad consignados
mail-assignment_override-body = El registro ha asignado un mediador al caso pese a un conflicto de intereses o una indisponibilidad consignados, apartándose de la norma de asignación mediante una decisión motivada por escrito. La supervisión tal vez desee examinar el historial de asignaciones del caso, en el que constan los motivos aducidos.
mail-breach-subject = Plazo incumplido: { $meaning }
mail-breach-body = El plazo para { $meaning } venció el { $due } sin haberse cumplido. Debía actuar { $party }. Se ha informado al mediador y al registro; si sigue sin cumplirse, la cuestión se remitirá a la supervisión.
mail-case_filed-subject = Reclamación presentada
mail-case_filed-body = Se ha presentado una reclamación, que ha quedado consignada con la referencia { $reference }. El registro acusará recibo de ella y evaluará su admisibilidad dentro de los plazos fijados en el reglamento.
mail-challenge_mediator-subject = Recusación del mediador
mail-challenge_mediator-body = Una de las partes ha recusado al mediador asignado al caso por motivos de neutralidad o de conflicto de intereses. El registro decidirá si estima la recusación. Entretanto, los plazos en curso siguen corriendo, salvo que el caso quede en suspenso.
mail-close-subject = Caso cerrado
mail-close-body = El caso se ha cerrado.
mail-contest_response-subject = Respuesta formal impugnada
mail-contest_response-body = El reclamante ha impugnado la respuesta formal; la mediación continúa.
mail-decide_challenge-subject = { $stage ->
    [upheld] Recusación del mediador estimada
    [rejected] Recusación del mediador rechazada
   *[other] Decisión sobre la recusación del mediador
}
mail-decide_challenge-body = { $stage ->
    [upheld] El registro ha estimado la recusación del mediador. El mediador deja de ocuparse del caso y se asignará un nuevo mediador; si no fuera posible asignarlo automáticamente, el registro procederá a su asignación.
    [rejected] El registro ha rechazado la recusación del mediador. El mediador sigue a cargo del caso y la mediación continúa.
   *[other] El registro ha adoptado una decisión sobre la recusación del mediador; los detalles de la decisión constan en el caso.
}
mail-decide_extension-subject = Decisión sobre la prórroga
mail-decide_extension-body = Se ha adoptado una decisión sobre la solicitud de prórroga de un plazo.
mail-declare_eligible-subject = Reclamación declarada admisible
mail-declare_eligible-body = La reclamación se ha declarado admisible y se ha notificado a la parte reclamada. Se asignará un mediador.
mail-dismiss-subject = Reclamación inadmitida
mail-dismiss-body = El registro ha inadmitido la reclamación en la fase de evaluación de la admisibilidad. El reclamante puede apelar esta decisión.
mail-escalate-subject = Caso elevado a revisión independiente
mail-escalate-body = El caso se ha elevado a revisión independiente.
mail-escalation-subject = Remisión a supervisión: plazo vencido para { $meaning }
mail-escalation-body = El plazo para { $meaning } venció el { $due } y { $party } todavía no lo ha cumplido. Mediante el presente aviso, la cuestión se remite a la supervisión y al mediador para que adopten las medidas oportunas.
mail-receipt-subject = Resguardo de lo que ha presentado
mail-receipt-body = Este es el resguardo de lo que ha presentado en el caso { $reference }. Consérvelo: con los valores siguientes, cualquiera puede comprobar, sin tener que fiarse de los registros de la secretaría, que el expediente sigue conteniendo exactamente el texto que presentó y que quedó consignado el { $day } (UTC).
mail-receipt-text = Huella SHA-256 del texto presentado:
mail-receipt-event = Evento que lo consignó en la cadena de auditoría del caso:
mail-receipt-day = Día (UTC) cuyo resumen publicado contiene ese evento:
mail-receipt-proof = A partir del día siguiente, el registro público muestra la prueba de que este evento figura en el resumen de ese día:
mail-receipt-by-mail = Su respuesta por correo electrónico se ha incorporado al caso como mensaje. Un mensaje no cumple ningún plazo ni pide nada por sí mismo: para dar un paso formal (una respuesta, una aceptación, una apelación), utilice la página del caso.
mail-lift_hold-subject = Suspensión levantada: se reanuda el cómputo de los plazos
mail-lift_hold-body = Se ha levantado la suspensión y se ha reanudado el cómputo de los plazos del caso.
mail-password_reset-subject = Restablezca su contraseña de Redress
mail-password_reset-body = Alguien (esperamos que usted) ha solicitado restablecer la contraseña de su cuenta de Redress. Utilice este código para elegir una nueva contraseña:
mail-password_reset-open = O abra esta página, con el código ya introducido:
mail-password_reset-link = Abrir la página de restablecimiento
mail-password_reset-expiry = El código solo puede utilizarse una vez y caduca en { $minutes } minutos. Si usted no lo ha solicitado, ignore este mensaje: su contraseña seguirá siendo la misma.
mail-place_hold-subject = Caso en suspenso: cómputo de los plazos detenido
mail-place_hold-body = El caso ha quedado en suspenso. El cómputo de sus plazos se detiene hasta que se levante la suspensión.
mail-provide_information-subject = Información aportada
mail-provide_information-body = El reclamante ha aportado la información solicitada.
mail-record_decision-subject = Decisión registrada
mail-record_decision-body = Se ha registrado una decisión en el caso. Puede apelarse dentro del plazo de apelación.
mail-record_settlement-subject = Acuerdo registrado
mail-record_settlement-body = El mediador ha registrado un acuerdo entre las partes.
mail-recuse_mediator-subject = Inhibición del mediador
mail-recuse_mediator-body = El mediador se ha inhibido y se ha retirado del caso. Se asignará un nuevo mediador. Entretanto, los plazos en curso siguen corriendo, salvo que el caso quede en suspenso.
mail-register-subject = Reclamación registrada
mail-register-body = La reclamación ha quedado registrada. A continuación se evaluará su admisibilidad.
mail-reminder-subject = { $when ->
    [today] Vence hoy
    [tomorrow] Vence mañana
   *[other] Recordatorio
}: { $meaning }, a más tardar el { $due }
mail-reminder-body = { $when ->
    [today] Le recordamos que el plazo para { $meaning } vence hoy, { $due }.
    [tomorrow] Le recordamos que el plazo para { $meaning } vence mañana, { $due }.
   *[other] Le recordamos que el plazo para { $meaning } vence dentro de { $days ->
        [one] { $days } día hábil
       *[other] { $days } días hábiles
    }, el { $due }.
} Debe actuar { $party }.
mail-request_extension-subject = Prórroga solicitada
mail-request_extension-body = Se ha solicitado la prórroga de un plazo, que está pendiente de decisión.
mail-request_information-subject = Información solicitada
mail-request_information-body = Se ha solicitado información adicional al reclamante.
mail-request_response-subject = Respuesta formal solicitada
mail-request_response-body = El mediador ha solicitado una respuesta formal a la parte reclamada.
mail-start_monitoring-subject = Inicio del seguimiento
mail-start_monitoring-body = La aplicación del resultado es ahora objeto de seguimiento.
mail-submit_response-subject = Respuesta formal recibida
mail-submit_response-body = La parte reclamada ha presentado su respuesta formal. El reclamante puede ahora aceptarla o impugnarla.
mail-withdraw-subject = Reclamación retirada
mail-withdraw-body = El reclamante ha retirado la reclamación.

## The clocks and parties as a sentence names them
mail-clock-acknowledge = el acuse de recibo de la reclamación
mail-clock-eligibility = la evaluación de la admisibilidad
mail-clock-mediator_assignment = la asignación de un mediador
mail-clock-resolution = la resolución del caso
mail-clock-formal_response = la respuesta formal
mail-clock-complainant_reply = la réplica del reclamante a la respuesta formal
mail-clock-information = la aportación de la información solicitada
mail-clock-independent_review = la revisión independiente
mail-clock-appeal_window = la presentación de una apelación
mail-clock-monitoring = la conclusión del seguimiento
mail-party-complainant = el reclamante
mail-party-respondent = la parte reclamada
mail-party-mediator = el mediador
mail-party-registrar = el registro
mail-message-subject = Nuevo mensaje en su caso
mail-message-body = { $stage ->
    [complainant_side] Un nuevo mensaje en el caso { $reference } está dirigido solo al mediador y a la parte reclamante.
    [respondent_side] Un nuevo mensaje en el caso { $reference } está dirigido solo al mediador y a la parte reclamada.
    [staff] Una nueva nota interna en el caso { $reference } está dirigida al personal que lleva el caso.
   *[other] Un nuevo mensaje en el caso { $reference } está dirigido a todas las partes y al mediador.
} Léalo en la página del caso. Un mensaje nunca cumple, inicia ni suspende un plazo.
mail-documents_added-subject = Pruebas añadidas a su caso
mail-documents_added-body = Se han añadido nuevas pruebas documentales al caso { $reference }. Consúltelas en la página del caso. Añadir pruebas nunca modifica un plazo.
mail-reply_not_placed-subject = No se pudo incorporar su respuesta al caso
mail-reply_not_placed-body = { $stage ->
    [closed] Su respuesta por correo electrónico a una notificación sobre el caso { $reference } no se incorporó al caso: el caso ya no admite mensajes.
    [empty] Su respuesta por correo electrónico a una notificación sobre el caso { $reference } no se incorporó al caso: no quedaba texto suyo una vez apartados el mensaje citado y la firma.
   *[refused] Su respuesta por correo electrónico a una notificación sobre el caso { $reference } no se incorporó al caso: un archivo adjunto es de un tipo o tamaño que el expediente no conserva.
} La secretaría tiene su mensaje y lo examinará. Para escribir usted mismo en el caso, utilice la página del caso.

# Translations on a clock
mail-request_translation-subject = Traducción solicitada
mail-request_translation-body = Una parte ha solicitado una traducción. Ha comenzado a correr el plazo de la secretaría para facilitarla.
mail-provide_translation-subject = Traducción facilitada
mail-provide_translation-body = La secretaría ha facilitado una traducción. El original sigue siendo la versión auténtica. Los plazos suspendidos mientras se esperaba vuelven a correr desde hoy.
mail-clock-translation = la entrega de una traducción solicitada por una parte
