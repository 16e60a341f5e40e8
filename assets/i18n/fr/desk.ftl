## Registry desk
desk-title = Réception
desk-to-register = À enregistrer
desk-registered = Enregistrées, à évaluer
desk-assessing = En cours d'évaluation
desk-empty = Rien en attente.
desk-loads = Médiateurs
desk-awaiting-mediator = { $n ->
    [0] Toutes les affaires déclarées recevables ont un médiateur.
    [one] Une affaire déclarée recevable n'a pas de médiateur.
   *[other] { $n } affaires déclarées recevables n'ont pas de médiateur.
}
col-nationality = Nationalité
col-languages = Langues
col-active-cases = Affaires en cours
col-capacity = Capacité
col-overdue = En retard
col-availability = Disponibilité
mediator-inactive = inactif
mediator-on-leave = en congé
mediator-available = disponible
notices-title = Notifications non remises
notices-intro = Courriels qui n'ont pas pu être remis malgré toutes les tentatives. Vérifiez l'adresse, puis renvoyez-les.
notices-none = Aucune notification n'a échoué.
notices-counts = En attente d'envoi : { $waiting } · Envoyées : { $sent } · Échouées après toutes les tentatives : { $failed }
notice-retry = Renvoyer
flash-requeued = La notification a été remise en file d'attente.
col-case = Affaire
col-notice = Notification
col-recipient = Destinataire
col-attempts = Tentatives
col-last-error = Dernière erreur
col-failed = Date de l'échec
desk-all-of-queue = Les { $n } affaires de cette file d'attente

received-title = Courrier reçu
received-intro = Le courrier parvenu au greffe : ce qui attend votre examen, les réponses versées à leur dossier, les avis de non-remise de nos notifications et les messages automatiques mis de côté. Chaque message est conservé tel qu'il est arrivé.
received-tabs = Ce qu'il en est advenu
received-outcome-review = À examiner
received-outcome-placed = Versé à un dossier
received-outcome-bounce = Échecs de remise
received-outcome-set_aside = Mis de côté
received-download = Télécharger
received-none = Rien ici.
col-arrived = Arrivé
col-sender = Expéditeur
col-subject = Objet
col-reason = Motif
col-size-kb = Taille (Ko)
received-back = Retour au courrier
received-recipients = Envoyé à
received-words = Ses termes
received-files = Fichiers joints
received-unreadable = Il n'a pas pu être lu :
received-file-bytes = { $bytes } octets
