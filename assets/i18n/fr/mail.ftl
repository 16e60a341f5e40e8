## The frame of every email
mail-greeting = Bonjour { $name },
mail-label-colon = { $label } :
mail-label-case = Dossier
mail-label-status = Statut
mail-label-complainant = Plaignant
mail-label-deadline = Délai
mail-label-party = Qui doit agir
mail-label-due = Échéance
mail-open-case = Ouvrir le dossier
mail-signature = Redress, le service de traitement des plaintes et de réparation.
mail-zone-note = Les heures sont indiquées dans votre fuseau horaire ({ $zone }) et en UTC.
mail-calendar-note = L'entrée de calendrier jointe se met à jour automatiquement si le délai est modifié.

## The statuses as an email states them
mail-status-submitted = soumis
mail-status-registered = enregistré
mail-status-under_assessment = en cours d'évaluation
mail-status-dismissed = rejeté
mail-status-in_mediation = en médiation
mail-status-awaiting_response = en attente de la réponse formelle
mail-status-response_received = réponse formelle reçue
mail-status-settled = réglé à l'amiable
mail-status-monitoring = en phase de suivi
mail-status-under_review = en cours d'examen indépendant
mail-status-decided = décision rendue
mail-status-withdrawn = retiré
mail-status-closed = clos

## One subject and one message per kind of notice

mail-accept_response-subject = Réponse formelle acceptée
mail-accept_response-body = Le plaignant a accepté la réponse formelle.
mail-appeal-subject = Appel interjeté
mail-appeal-body = Un appel a été interjeté.
mail-assign_mediator-subject = Médiateur désigné
mail-assign_mediator-body = Un médiateur a été désigné pour le dossier et prendra contact avec les parties.
mail-assignment_blocked-subject = Aucun médiateur n'a pu être désigné automatiquement
mail-assignment_blocked-body = Aucun médiateur n'a pu être désigné automatiquement pour le dossier : tous les médiateurs sont soit en situation de conflit d'intérêts, soit indisponibles (en congé ou ayant atteint leur capacité maximale). Il appartient au greffe de désigner un médiateur. Une désignation manuelle est soumise au même contrôle des conflits d'intérêts ; pour passer outre à ce contrôle, une justification écrite est requise. L'historique des désignations du dossier indique quels médiateurs ont été écartés et pour quel motif.
mail-assignment_override-subject = Médiateur désigné malgré un conflit ou une indisponibilité consignés
mail-assignment_override-body = Le greffe a désigné un médiateur pour le dossier malgré un conflit d'intérêts ou une indisponibilité consignés, en dérogeant à la règle de désignation par une décision motivée par écrit. L'instance de contrôle souhaitera peut-être examiner l'historique des désignations du dossier, qui comporte les motifs invoqués.
mail-breach-subject = Délai non respecté : { $meaning }
mail-breach-body = Le délai pour { $meaning } a expiré le { $due } sans avoir été respecté. C'était { $party } qui devait agir. Le médiateur et le greffe en ont été informés ; si le délai n'est toujours pas respecté, la question sera portée devant l'instance de contrôle.
mail-case_filed-subject = Plainte déposée
mail-case_filed-body = Une plainte a été déposée et consignée sous la référence { $reference }. Le greffe en accusera réception et en évaluera la recevabilité dans les délais fixés par le règlement.
mail-challenge_mediator-subject = Demande de récusation du médiateur
mail-challenge_mediator-body = Une partie a demandé la récusation du médiateur désigné pour le dossier, pour des motifs tenant à sa neutralité ou à un conflit d'intérêts. Le greffe décidera s'il y a lieu de faire droit à cette demande. Dans l'intervalle, les délais en cours continuent de courir, sauf si le dossier est mis en suspens.
mail-close-subject = Dossier clos
mail-close-body = Le dossier a été clos.
mail-contest_response-subject = Réponse formelle contestée
mail-contest_response-body = Le plaignant a contesté la réponse formelle ; la médiation se poursuit.
mail-decide_challenge-subject = { $stage ->
    [upheld] Récusation du médiateur admise
    [rejected] Récusation du médiateur rejetée
   *[other] Décision sur la demande de récusation du médiateur
}
mail-decide_challenge-body = { $stage ->
    [upheld] Le greffe a fait droit à la demande de récusation du médiateur. Le médiateur est dessaisi du dossier et un nouveau médiateur va être désigné ; si aucune désignation automatique n'est possible, le greffe y procédera.
    [rejected] Le greffe a rejeté la demande de récusation du médiateur. Le médiateur reste chargé du dossier et la médiation se poursuit.
   *[other] Le greffe a statué sur la demande de récusation du médiateur ; le détail de la décision figure dans le dossier.
}
mail-decide_extension-subject = Décision sur la prorogation
mail-decide_extension-body = Une décision a été prise sur la demande de prorogation d'un délai.
mail-declare_eligible-subject = Plainte déclarée recevable
mail-declare_eligible-body = La plainte a été déclarée recevable et notifiée à la partie défenderesse. Un médiateur va être désigné.
mail-dismiss-subject = Plainte rejetée
mail-dismiss-body = Le greffe a rejeté la plainte au stade de l'évaluation de la recevabilité. Le plaignant peut faire appel de cette décision.
mail-escalate-subject = Dossier renvoyé pour examen indépendant
mail-escalate-body = Le dossier a été renvoyé pour examen indépendant.
mail-escalation-subject = Saisine de l'instance de contrôle : délai dépassé pour { $meaning }
mail-escalation-body = Le délai pour { $meaning } a expiré le { $due } et n'a toujours pas été respecté par { $party }. Le présent avis saisit l'instance de contrôle et le médiateur pour suite à donner.
mail-lift_hold-subject = Suspension levée : reprise du décompte des délais
mail-lift_hold-body = La suspension a été levée et le décompte des délais du dossier a repris.
mail-password_reset-subject = Réinitialisation de votre mot de passe Redress
mail-password_reset-body = Quelqu'un (vous, nous l'espérons) a demandé la réinitialisation du mot de passe de votre compte Redress. Utilisez ce code pour choisir un nouveau mot de passe :
mail-password_reset-open = Ou ouvrez cette page, où le code est déjà saisi :
mail-password_reset-link = Ouvrir la page de réinitialisation
mail-password_reset-expiry = Ce code n'est valable qu'une seule fois et expire dans { $minutes } minutes. Si vous n'êtes pas à l'origine de cette demande, ignorez ce message : votre mot de passe reste inchangé.
mail-place_hold-subject = Dossier mis en suspens : décompte des délais interrompu
mail-place_hold-body = Le dossier a été mis en suspens. Le décompte de ses délais est interrompu jusqu'à la levée de la suspension.
mail-provide_information-subject = Informations communiquées
mail-provide_information-body = Le plaignant a communiqué les informations demandées.
mail-record_decision-subject = Décision consignée
mail-record_decision-body = Une décision a été consignée dans le dossier. Elle peut faire l'objet d'un appel dans le délai d'appel.
mail-record_settlement-subject = Règlement amiable consigné
mail-record_settlement-body = Le médiateur a consigné un règlement amiable entre les parties.
mail-recuse_mediator-subject = Déport du médiateur
mail-recuse_mediator-body = Le médiateur s'est déporté et s'est retiré du dossier. Un nouveau médiateur va être désigné. Dans l'intervalle, les délais en cours continuent de courir, sauf si le dossier est mis en suspens.
mail-register-subject = Plainte enregistrée
mail-register-body = Le greffe a enregistré la plainte. Sa recevabilité va maintenant être évaluée.
mail-reminder-subject = { $stage ->
    [due_day] Échéance aujourd'hui
   *[other] Rappel
} : { $meaning }, au plus tard le { $due }
mail-reminder-body = { $stage ->
    [due_day] Nous vous rappelons que le délai pour { $meaning } expire aujourd'hui, { $due }.
   *[other] Nous vous rappelons que le délai pour { $meaning } expire dans { $days ->
        [one] { $days } jour ouvrable
       *[other] { $days } jours ouvrables
    }, le { $due }.
} C'est { $party } qui doit agir.
mail-request_extension-subject = Prorogation demandée
mail-request_extension-body = La prorogation d'un délai a été demandée et est en attente de décision.
mail-request_information-subject = Informations demandées
mail-request_information-body = Des informations complémentaires ont été demandées au plaignant.
mail-request_response-subject = Réponse formelle demandée
mail-request_response-body = Le médiateur a demandé une réponse formelle à la partie défenderesse.
mail-start_monitoring-subject = Début du suivi
mail-start_monitoring-body = La mise en œuvre de l'issue du dossier fait désormais l'objet d'un suivi.
mail-submit_response-subject = Réponse formelle reçue
mail-submit_response-body = La partie défenderesse a présenté sa réponse formelle. Le plaignant peut désormais l'accepter ou la contester.
mail-withdraw-subject = Plainte retirée
mail-withdraw-body = Le plaignant a retiré la plainte.

## The clocks and parties as a sentence names them
mail-clock-acknowledge = l'accusé de réception de la plainte
mail-clock-eligibility = l'évaluation de la recevabilité
mail-clock-mediator_assignment = la désignation d'un médiateur
mail-clock-resolution = la résolution du dossier
mail-clock-formal_response = la réponse formelle
mail-clock-complainant_reply = la réplique du plaignant à la réponse formelle
mail-clock-information = la communication des informations demandées
mail-clock-independent_review = l'examen indépendant
mail-clock-appeal_window = l'introduction d'un appel
mail-clock-monitoring = l'achèvement du suivi
mail-party-complainant = le plaignant
mail-party-respondent = la partie défenderesse
mail-party-mediator = le médiateur
mail-party-registrar = le greffe
