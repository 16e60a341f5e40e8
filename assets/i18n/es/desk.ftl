## Registry desk
desk-title = Recepción
desk-to-register = Por registrar
desk-registered = Registrados, por evaluar
desk-assessing = En evaluación
desk-empty = Nada pendiente.
desk-loads = Mediadores
desk-awaiting-mediator = { $n ->
    [0] Todos los casos declarados admisibles tienen mediador.
    [one] Un caso declarado admisible no tiene mediador.
   *[other] { $n } casos declarados admisibles no tienen mediador.
}
col-nationality = Nacionalidad
col-languages = Idiomas
col-active-cases = Casos abiertos
col-capacity = Capacidad
col-overdue = Vencidos
col-availability = Disponibilidad
mediator-inactive = inactivo
mediator-on-leave = de licencia
mediator-available = disponible
notices-title = Notificaciones no entregadas
notices-intro = Correos electrónicos que no pudieron entregarse tras todos los intentos. Compruebe la dirección y vuelva a enviarlos.
notices-none = Ninguna notificación ha fallado.
notices-counts = Pendientes de envío: { $waiting } · Enviadas: { $sent } · Fallidas tras todos los intentos: { $failed }
notice-retry = Reenviar
flash-requeued = La notificación ha vuelto a ponerse en cola.
col-case = Caso
col-notice = Notificación
col-recipient = Destinatario
col-attempts = Intentos
col-last-error = Último error
col-failed = Fecha del error
desk-all-of-queue = Los { $n } casos de esta cola

received-title = Correo recibido
received-intro = El correo que llegó a la secretaría: lo que espera su revisión, las respuestas incorporadas a su caso, los avisos de notificaciones no entregadas y los mensajes automáticos apartados. Cada mensaje se conserva tal como llegó.
received-tabs = Qué fue de él
received-outcome-review = Por revisar
received-outcome-placed = Incorporado a un caso
received-outcome-bounce = Fallos de entrega
received-outcome-set_aside = Apartado
received-download = Descargar
received-none = Nada aquí.
col-arrived = Llegada
col-sender = Remitente
col-subject = Asunto
col-reason = Motivo
col-size-kb = Tamaño (KB)
received-back = Volver al correo
received-recipients = Enviado a
received-words = Sus palabras
received-files = Archivos adjuntos
received-unreadable = No se pudo leer:
received-file-bytes = { $bytes } bytes
