## Layout and navigation
skip-to-content = Saltar al contenido
nav-label = Navegación principal
nav-register = Registro público
nav-sign-in = Iniciar sesión
nav-my-cases = Mis casos
nav-file = Presentar una reclamación
nav-inbox = Bandeja de entrada
nav-caseload = Casos asignados
nav-intake = Recepción
nav-all-cases = Todos los casos
nav-received-mail = Correo recibido
nav-failed-notices = Notificaciones no entregadas
nav-dashboard = Panel
nav-samples = Muestras para revisar
nav-users = Personas
nav-delegations = Delegaciones
nav-bodies = Órganos
nav-mediators = Mediadores
nav-holidays = Días feriados
nav-policies = Plazos
language = Idioma
language-change = Cambiar
locale-en = English
locale-fr = Français
locale-es = Español
locale-ar = العربية
locale-zh = 中文
locale-ru = Русский
sign-out = Cerrar sesión
footer-purpose = Un cauce formal y transparente para las reclamaciones de carácter procesal, con plazos de reparación claros.
footer-zone = Las horas se muestran en la zona horaria { $zone }.
back-home = Volver a su página de inicio
choose = — seleccione —
problems-title = Hay un problema
error-prefix = Error:

## Roles
role-delegate = Delegado
role-respondent = Parte reclamada
role-mediator = Mediador
role-registrar = Registrador
role-oversight = Supervisión
role-admin = Administrador

## Flash messages
flash-signed-out = Ha cerrado la sesión.
flash-reset-sent = Si esta dirección está acreditada, se le ha enviado un código de restablecimiento. Introdúzcalo a continuación.
flash-password-changed = Su contraseña ha sido cambiada. Inicie sesión con ella.
flash-already-done = Este formulario ya se había enviado; este es su resultado.

## Home
home-title = Redress
home-intro = Aquí las delegaciones presentan reclamaciones por falta de equidad procesal y les dan seguimiento hasta su resolución, dentro de los plazos publicados.

## Sign-in and password
sign-in-title = Iniciar sesión
sign-in = Iniciar sesión
sign-in-failed = La dirección de correo electrónico o la contraseña no son correctas, o la cuenta no está activa.
sign-in-locked = Demasiados intentos fallidos de inicio de sesión con esta dirección. Para impedir que se adivine la contraseña, el inicio de sesión queda en pausa hasta el { $until }; mientras tanto, puede restablecer una contraseña olvidada.
forgot-link = ¿Olvidó su contraseña?
forgot-title = Restablecer su contraseña
forgot-intro = Introduzca la dirección de correo electrónico de su cuenta. Si está acreditada, le enviaremos por correo un código de restablecimiento.
forgot-send = Enviar el código
reset-title = Elija una nueva contraseña
reset-intro = Introduzca el código recibido por correo electrónico y una nueva contraseña de al menos 12 caracteres.
reset-save = Guardar la contraseña
reset-mismatch = Las dos contraseñas no coinciden.

## Fields
field-email = Correo electrónico
field-password = Contraseña
field-password_confirmation = Repita la contraseña
field-token = Código de restablecimiento
field-lang = Idioma
hint-token = El código recibido por correo electrónico; solo sirve una vez.
hint-password = Al menos 12 caracteres.
field-required = Introduzca un valor.
field-invalid-choice = Elija una de las opciones.
field-invalid = Este valor no es válido.
field-bad-email = Introduzca una dirección de correo electrónico.
field-too-short = Introduzca al menos { $min } caracteres.
field-too-long = Introduzca como máximo { $max } caracteres.

## Errors
error-not-found = Página no encontrada
error-not-found-help = Esta página no existe o usted no tiene acceso a ella.
error-unauthorized = Inicie sesión para continuar
error-unauthorized-help = Para ver esta página debe iniciar sesión.
error-forbidden = Acción no permitida
error-forbidden-help = Su función en este caso no lo permite.
error-forged = No se pudo aceptar el formulario
error-forged-help = El formulario había caducado o no procedía de este sitio. Vuelva atrás, recargue la página y envíelo de nuevo.
error-invalid = Algunos valores no son válidos
error-invalid-help = Vuelva atrás y corríjalos.
error-conflict = No se pudo realizar esta acción
error-conflict-help = El caso no lo permite en este momento, o alguien lo modificó al mismo tiempo. Recargue el caso e inténtelo de nuevo.
error-internal = Se produjo un error
error-internal-help = El problema es nuestro y ha quedado registrado. Inténtelo de nuevo en un momento.
error-unavailable = Servicio no disponible temporalmente
error-unavailable-help = El servicio no puede acceder a su base de datos en este momento. No se ha modificado nada; vuelva a intentarlo en unos segundos.
error-throttled = En pausa durante un tiempo
error-throttled-help = Se han rechazado demasiados intentos. Espere hasta la hora indicada abajo y vuelva a intentarlo.

## Common words
any = Todos
yes = Sí
no = No
filter = Filtrar
pager = Páginas
page-prev = Página anterior
page-next = Página siguiente
page-of = Página { $page } de { $pages }
withheld = no divulgado
on-hold = en suspenso
flash-filed = Su reclamación ha sido presentada. Su referencia y sus primeros plazos figuran a continuación.
flash-action-done = Hecho. El caso está actualizado y los correos a los interesados están en cola.

## Case lists
my-cases-title = Mis casos
inbox-title = Bandeja de entrada
all-cases-title = Todos los casos
caseload-title = Mis casos asignados
awaiting-title = Pendientes de su respuesta
awaiting-none = No hay nada pendiente de su respuesta.
all-yours-title = Todos los casos en su contra
caseload-open = casos abiertos
caseload-overdue = con un plazo vencido
caseload-week = con vencimiento antes del final de esta semana
caseload-order = Ordenados por próximo plazo, los más urgentes primero.
cases-count = { $n ->
    [one] Un caso
   *[other] { $n } casos
}
cases-none = No hay casos.
filter-overdue = Plazo vencido
col-reference = Referencia
col-title = Título
col-status = Estado
col-complainant = Reclamante
col-next-deadline = Próximo plazo
col-filed = Fecha de presentación
col-clock = Plazo
col-party = Quién debe actuar
col-due = Vencimiento
col-standing = Situación

## Clocks
clock-days-left = { $n ->
    [0] vence hoy
    [one] 1 { $unit ->
        [calendar] día natural
       *[working] día hábil
    } restante
   *[other] { $n } { $unit ->
        [calendar] días naturales
       *[working] días hábiles
    } restantes
}
clock-overdue-by = { $n ->
    [0] vencido hoy
    [one] vencido hace 1 { $unit ->
        [calendar] día natural
       *[working] día hábil
    }
   *[other] vencido hace { $n } { $unit ->
        [calendar] días naturales
       *[working] días hábiles
    }
}
clock-overdue = vencido
clock-running = en curso
clock-paused = en pausa (caso en suspenso)
clock-lapsed = caducado: el plazo terminó sin uso
clock-met = cumplido
clock-met-late = cumplido con retraso
clock-cancelled = sin objeto
clock-acknowledge = Acusar recibo
clock-eligibility = Decidir sobre la admisibilidad
clock-mediator_assignment = Asignar un mediador
clock-resolution = Resolver el caso
clock-formal_response = Respuesta formal
clock-complainant_reply = Réplica del reclamante
clock-information = Información solicitada
clock-independent_review = Revisión independiente
clock-appeal_window = Plazo de apelación
clock-monitoring = Seguimiento

## Parties
party-complainant = Reclamante
party-respondent = Parte reclamada
party-mediator = Mediador
party-registrar = Registro

## Statuses
status-submitted = Presentado
status-registered = Registrado
status-under_assessment = En evaluación
status-dismissed = Inadmitido
status-in_mediation = En mediación
status-awaiting_response = En espera de respuesta
status-response_received = Respuesta recibida
status-settled = Resuelto por acuerdo
status-monitoring = En seguimiento
status-under_review = En revisión independiente
status-decided = Decidido
status-withdrawn = Retirado
status-closed = Cerrado

## Categories
category-speaking_time = Tiempo de intervención
category-agenda_setting = Fijación del orden del día
category-document_access = Acceso a los documentos
category-interpretation = Interpretación y traducción
category-scheduling = Calendario y husos horarios
category-voting_procedure = Procedimiento de votación
category-chair_conduct = Conducta de la presidencia
category-exclusion_from_consultations = Exclusión de las consultas
category-retaliation = Represalias
category-other = Otra

## Vocabulary
confidentiality-public = Pública
confidentiality-identity_protected = Identidad protegida
urgency-normal = Normal
urgency-urgent = Urgente
language-en = Inglés
language-fr = Francés
language-es = Español
language-ar = Árabe
language-zh = Chino
language-ru = Ruso
outcome-response_accepted = Respuesta aceptada
outcome-settled = Resuelta por acuerdo
outcome-upheld = Estimada
outcome-partly_upheld = Estimada en parte
outcome-not_upheld = Desestimada
outcome-dismissed = Inadmitida
outcome-withdrawn = Retirada
decision-upheld = Estimada
decision-partly_upheld = Estimada en parte
decision-not_upheld = Desestimada
dismissal-outside_mandate = Fuera del mandato del mecanismo
dismissal-not_procedural = No se refiere al procedimiento
dismissal-time_barred = Presentada fuera de plazo
dismissal-duplicate_of_pending_case = Duplicado de un caso pendiente
dismissal-anonymous_or_unidentified = Anónima o no identificada
dismissal-manifestly_unfounded = Manifiestamente infundada
dismissal-resolved_before_registration = Resuelta antes del registro
dismissal-other = Otro motivo
extension-pending = pendiente
extension-granted = concedida
extension-refused = denegada
submission-complaint = Reclamación
submission-information_request = Solicitud de información
submission-information = Información
submission-response_request = Solicitud de respuesta formal
submission-formal_response = Respuesta formal
submission-acceptance = Aceptación
submission-counter_proposal = Contrapropuesta
submission-settlement_proposal = Acuerdo
submission-escalation_note = Remisión
submission-decision = Decisión
submission-appeal = Apelación
submission-monitoring_plan = Plan de seguimiento
submission-closing_note = Nota de cierre
submission-withdrawal = Retirada
submission-note = Nota
method-automatic = automática
method-manual = elegido por el registro
method-override = elegido pese a un conflicto de intereses
assign-automatic = Elegir automáticamente (rotación, sin conflictos de intereses)
assign-nobody = Ningún mediador elegible
assign-excluded = Descartados
assign-eligible = Elegibles: { $n }
challenge-by = Recusación presentada por: { $party }
challenge-pending = pendiente
challenge-upheld = estimada
challenge-rejected = rechazada
challenge-moot = sin objeto

## Actions (buttons and timeline)
action-file = Presentada
action-register = Registrar
action-declare_eligible = Declarar admisible
action-dismiss = Inadmitir
action-assign_mediator = Asignar un mediador
action-request_response = Solicitar una respuesta formal
action-submit_response = Presentar la respuesta formal
action-accept_response = Aceptar la respuesta
action-contest_response = Impugnar la respuesta
action-record_settlement = Registrar un acuerdo
action-escalate = Elevar a revisión independiente
action-record_decision = Registrar la decisión
action-appeal = Apelar
action-start_monitoring = Iniciar el seguimiento
action-close = Cerrar el caso
action-withdraw = Retirar la reclamación
action-place_hold = Poner en suspenso
action-lift_hold = Levantar la suspensión
action-request_information = Solicitar información
action-provide_information = Aportar información
action-request_extension = Solicitar una prórroga
action-decide_extension = Resolver una prórroga
action-challenge_mediator = Recusar al mediador
action-decide_challenge = Resolver una recusación
action-recuse_mediator = Inhibirse
action-assignment_blocked = No se pudo asignar ningún mediador
action-viewed = Consultado por supervisión
action-breach = Plazo incumplido
action-escalation = Remitido a supervisión
action-notice_failed = No se pudo entregar la notificación
action-notice_requeued = Notificación reenviada
afield-note = Nota
afield-reason = Motivo
afield-mediator = Mediador
afield-override_reason = Motivo para elegir un mediador con conflicto de intereses (solo al pasar por alto un conflicto)
afield-request = Solicitud
afield-response = Respuesta formal
afield-counter_proposal = Contrapropuesta
afield-terms = Términos del acuerdo
afield-reasoning = Fundamentación
afield-decision = Decisión
afield-grounds = Motivos de apelación
afield-plan = Plan de seguimiento
afield-summary = Resumen de cierre
afield-questions = Preguntas
afield-information = Información
afield-deadline_id = Plazo
afield-days = Días
afield-grant = ¿Concederla?
afield-challenge = Recusación
afield-uphold = ¿Estimarla?
afield-expected_version = Versión
afield-action = Acción
problem-title = No se pudo realizar esta acción
problem-conflict = Alguien modificó este caso mientras usted estaba en la página. Su estado actual figura a continuación; revíselo y vuelva a actuar.
problem-transition = La fase actual del caso no lo permite. Su estado actual figura a continuación.

## Case page
case-title = Caso
case-facts = La reclamación
case-mediator = Mediador
case-deadlines = Plazos
case-no-deadlines = Aún no hay plazos.
case-actions = Lo que usted puede hacer
case-read-only = Supervisión consulta los casos sin intervenir en ellos.
case-pleadings = Escritos
case-no-pleadings = Aún no se ha presentado nada.
case-holds = Suspensiones
case-extensions = Solicitudes de prórroga
case-assignments = Asignación del mediador
case-timeline = Cronología

## Filing
file-title = Presentar una reclamación
file-intro = Describa lo sucedido y lo que permitiría repararlo. Los campos marcados con * son obligatorios. Su caso recibe una referencia y plazos en cuanto se presenta.
file-submit = Presentar la reclamación
field-title = Título
field-category = Tipo de falta de equidad
field-body = Foro donde ocurrió
field-incident_date = Fecha del incidente
field-facts = Lo sucedido
hint-facts = Al menos 20 caracteres: fechas, sesiones, quién decidió qué.
field-remedy_sought = Reparación solicitada
field-respondent = Contra
respondent-body = Un órgano (su presidencia o secretaría)
respondent-delegation = Otra delegación
field-respondent_code = Órgano o delegación
hint-respondent_code = Elija un órgano o una delegación, según lo que haya elegido arriba.
field-co_complainants = Correclamantes
hint-co_complainants = Delegaciones que presentan la reclamación junto con la suya, si las hay: sus nombres o códigos de tres letras, separados por comas (por ejemplo: Haití, KIR).
field-confidentiality = Confidencialidad
hint-confidentiality = Con la identidad protegida, ni la parte reclamada ni el registro público ven quién presentó la reclamación.
field-language = Idioma del caso
field-urgency = Urgencia
hint-urgency = Los casos urgentes (con una sesión aún en curso) se rigen por plazos más cortos.
caseload-shown = Se muestran los { $n } más urgentes.
field-unknown = Elija uno de los valores propuestos.
field-future = Esta fecha es futura.
field-duplicate = Este valor figura dos veces.
field-taken = Este valor ya está en uso.
field-self = Su propia delegación no puede indicarse aquí.
document-too-large = { $name } supera { $mb } MB, el tamaño máximo de un archivo.
document-empty = { $name } está vacío.
document-type-refused = { $name } no es un tipo de archivo que el expediente conserve: envíe un PDF, una imagen, un documento de oficina, texto sin formato o un mensaje de correo electrónico.
document-none = Elija un archivo para añadir.
document-too-many = Añada como máximo { $n } archivos a la vez.
document-case-full = El expediente superaría { $mb } MB, el máximo que puede contener un caso.
document-not-taken = Esta acción no admite documentos: añádalos como pruebas o con un escrito.

# The case file
case-documents = Documentos
case-no-documents = Todavía no hay documentos.
evidence-add = Añadir pruebas
evidence-intro = Documentos que respaldan el caso: un orden del día, un acta, una lista de oradores, correspondencia. Añadirlos nunca mueve un plazo.
field-document_title = Título
field-document_language = Idioma de los documentos
field-files = Documentos
field-file = Documentos
afield-file = Documentos (opcional)
hint-files = Como máximo { $n } archivos de { $mb } MB cada uno: PDF, imágenes, documentos de oficina, texto sin formato o mensajes de correo electrónico, juzgados por su contenido.
files-again = Los archivos no se conservan cuando se devuelve un formulario: elíjalos de nuevo.
flash-evidence-added = Los documentos se han añadido al expediente.
action-documents_added = Pruebas añadidas
document-with = Documentos
document-kind = Tipo
document-size = Tamaño
document-added = Añadido por

# Correspondencia
case-correspondence = Correspondencia
case-no-messages = Todavía no hay mensajes.
message-write = Escribir un mensaje
message-intro = Un mensaje solo llega a los lectores que elija abajo, por correo electrónico en su propio idioma. Nunca cumple, inicia ni suspende un plazo: para responder formalmente a una solicitud, utilice las acciones de arriba.
message-send = Enviar el mensaje
field-audience = Quién puede leerlo
field-message_body = Mensaje
field-message_language = Idioma del mensaje
afield-note_audience = Quién puede leer la nota
audience-all_parties = Todas las partes y el mediador
audience-complainant_side = Solo el mediador y la parte reclamante
audience-respondent_side = Solo el mediador y la parte reclamada
audience-staff = Solo el personal (registro, mediador, supervisión): una nota interna
submission-message = Mensaje
action-message = Mensaje
action-note = Nota
flash-message-sent = El mensaje se ha guardado y los correos a sus lectores están en cola.

## What happens next, on the case page
next-title = Próximo paso
next-ended = Este caso ha concluido. Ya no se espera nada de nadie.
next-on-hold = El caso está en suspenso: todos los plazos están detenidos hasta que se levante la suspensión.
next-nothing-due = Ningún plazo está corriendo ahora.
next-yours = Le corresponde a usted: { $clock }.
next-waiting-complainant = A la espera del reclamante: { $clock }.
next-waiting-respondent = A la espera de la parte reclamada: { $clock }.
next-waiting-mediator = A la espera del mediador: { $clock }.
next-waiting-registrar = A la espera del registro: { $clock }.
next-due = Vence el { $at }
due-end-of-business = fin de la jornada laboral de la organización: { $at }, { $zone }
next-read-first = Lea primero
next-answer-with = Responda con una de estas acciones:
next-your-step = Su próximo paso:
next-nothing-yours = No le corresponde nada por ahora. Recibirá un correo cuando así sea.
complaint-above = La reclamación tal como se presentó: sus hechos y la reparación solicitada figuran más arriba.
pleading-above = Se muestra más arriba, en «Próximo paso».
withdraw-warning = Retirar la reclamación la termina definitivamente. Se le pedirá confirmación.
confirm-title = Confirmar
confirm-withdraw-title = ¿Retirar esta reclamación?
confirm-withdraw-ends = Retirarla termina la reclamación: todos los plazos en curso se detienen, se informa al mediador y a la parte reclamada, y el caso no puede reabrirse. Si cree que puede volver a ella, manténgala abierta.
confirm-withdraw-yes = Sí, retirar la reclamación
confirm-keep = No, mantener el caso abierto

field-name_fr = Nombre en francés
field-name_es = Nombre en español
field-names = Nombres en otros idiomas
timeline-status-moved = Estado: { $from } → { $to }

states-list = Estados miembros y sus códigos
field-name_ar = Nombre en árabe
field-name_zh = Nombre en chino
field-name_ru = Nombre en ruso

# Translations on a clock
clock-translation = Traducción
submission-translation = Traducción
action-request_translation = Solicitar una traducción
action-provide_translation = Facilitar una traducción
afield-source = Texto que se ha de traducir
afield-language = Al idioma
afield-text = Texto traducido
translation-pending = traducción solicitada
translation-provided = traducción
translation-lapsed = no facilitada: el caso terminó
translation-authentic = Versión auténtica
translation-due = La secretaría la facilita a más tardar el { $due }.
translation-waits = Los plazos de su parte quedan suspendidos hasta entonces.
translation-asked-by = Solicitada por: { $party }
case-translations = Traducciones

# Dates, as a translator of this language writes them (month-N names the month as the
# date says it: Russian in the genitive).
month-1 = enero
month-2 = febrero
month-3 = marzo
month-4 = abril
month-5 = mayo
month-6 = junio
month-7 = julio
month-8 = agosto
month-9 = septiembre
month-10 = octubre
month-11 = noviembre
month-12 = diciembre
date-long = { $day } de { $month } de { $year }
date-time = { $date }, { $time }
afield-written_in = Idioma de su texto
