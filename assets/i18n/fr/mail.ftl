## The frame of every email
mail-greeting = Bonjour { $name },
mail-label-colon = { $label } :
mail-label-case = Affaire
mail-label-status = Statut
mail-label-complainant = Requérant
mail-label-deadline = Délai
mail-label-party = Qui doit agir
mail-label-due = Échéance
mail-open-case = Ouvrir l'affaire
mail-signature = Redress, le service de traitement des réclamations et de réparation.
mail-zone-note = Les heures sont indiquées dans votre fuseau horaire ({ $zone }) et en UTC.
mail-calendar-note = L'entrée de calendrier jointe se met à jour automatiquement si le délai est modifié.

## One subject and one message per kind of notice

mail-accept_response-subject = Réponse officielle acceptée
mail-accept_response-body = Le requérant a accepté la réponse officielle.
mail-appeal-subject = Appel interjeté
mail-appeal-body = Un appel a été interjeté.
mail-assign_mediator-subject = Médiateur désigné
mail-assign_mediator-body = Un médiateur a été désigné pour l'affaire et prendra contact avec les parties.
mail-assignment_blocked-subject = Aucun médiateur n'a pu être désigné automatiquement
mail-assignment_blocked-body = Aucun médiateur n'a pu être désigné automatiquement pour l'affaire : tous les médiateurs sont soit en situation de conflit d'intérêts, soit indisponibles (en congé ou ayant atteint leur capacité maximale). Il appartient au greffe de désigner un médiateur. Une désignation manuelle est soumise au même contrôle des conflits d'intérêts ; pour passer outre à ce contrôle, une justification écrite est requise. L'historique des désignations de l'affaire indique quels médiateurs ont été écartés et pour quel motif.
mail-assignment_override-subject = Médiateur désigné malgré un conflit ou une indisponibilité consignés
mail-assignment_override-body = Le greffe a désigné un médiateur pour l'affaire malgré un conflit d'intérêts ou une indisponibilité consignés, en dérogeant à la règle de désignation par une décision motivée par écrit. Le contrôle souhaitera peut-être examiner l'historique des désignations de l'affaire, qui comporte les motifs invoqués.
mail-breach-subject = Délai non respecté : { $meaning }
mail-breach-body = Le délai pour { $meaning } a expiré le { $due } sans avoir été respecté. C'était { $party } qui devait agir. Le médiateur et le greffe en ont été informés ; si le délai n'est toujours pas respecté, la question sera signalée au contrôle.
mail-case_filed-subject = Réclamation déposée
mail-case_filed-body = Une réclamation a été déposée et consignée sous la référence { $reference }. Le greffe en accusera réception et en évaluera la recevabilité dans les délais fixés par le règlement.
mail-challenge_mediator-subject = Demande de récusation du médiateur
mail-challenge_mediator-body = Une partie a demandé la récusation du médiateur désigné pour l'affaire, pour des motifs tenant à sa neutralité ou à un conflit d'intérêts. Le greffe décidera s'il y a lieu d'accueillir cette demande. Dans l'intervalle, les délais en cours continuent de courir, sauf si l'affaire est mise en suspens.
mail-close-subject = Affaire clôturée
mail-close-body = L'affaire a été clôturée.
mail-contest_response-subject = Réponse officielle contestée
mail-contest_response-body = Le requérant a contesté la réponse officielle ; la médiation se poursuit.
mail-decide_challenge-subject = { $stage ->
    [upheld] Récusation du médiateur accueillie
    [rejected] Récusation du médiateur rejetée
   *[other] Décision sur la demande de récusation du médiateur
}
mail-decide_challenge-body = { $stage ->
    [upheld] Le greffe a accueilli la demande de récusation du médiateur. Le médiateur est dessaisi de l'affaire et un nouveau médiateur va être désigné ; si aucune désignation automatique n'est possible, le greffe y procédera.
    [rejected] Le greffe a rejeté la demande de récusation du médiateur. Le médiateur reste chargé de l'affaire et la médiation se poursuit.
   *[other] Le greffe a statué sur la demande de récusation du médiateur ; le détail de la décision est consigné dans l'affaire.
}
mail-decide_extension-subject = Décision sur la prorogation
mail-decide_extension-body = Une décision a été prise sur la demande de prorogation d'un délai.
mail-declare_eligible-subject = Réclamation déclarée recevable
mail-declare_eligible-body = La réclamation a été déclarée recevable et notifiée au défendeur. Un médiateur va être désigné.
mail-dismiss-subject = Réclamation déclarée irrecevable
mail-dismiss-body = Le greffe a déclaré la réclamation irrecevable à l'issue de l'évaluation de sa recevabilité. Le requérant peut faire appel de cette décision.
mail-escalate-subject = Affaire renvoyée pour examen indépendant
mail-escalate-body = L'affaire a été renvoyée pour examen indépendant.
mail-escalation-subject = Signalement au contrôle : délai dépassé pour { $meaning }
mail-escalation-body = Le délai pour { $meaning } a expiré le { $due } et n'a toujours pas été respecté par { $party }. Par le présent avis, la question est signalée au contrôle et au médiateur pour suite à donner.
mail-receipt-subject = Récépissé de votre dépôt
mail-receipt-body = Voici le récépissé de ce que vous avez déposé dans l'affaire { $reference }. Conservez-le : grâce aux valeurs ci-dessous, chacun peut vérifier, sans devoir se fier aux registres du secrétariat, que le dossier contient toujours exactement le texte que vous avez déposé et qu'il a été consigné le { $day } (UTC).
mail-receipt-text = Empreinte SHA-256 du texte déposé :
mail-receipt-event = Événement qui l'a consigné dans la chaîne d'audit de l'affaire :
mail-receipt-day = Jour (UTC) dont le condensé publié contient cet événement :
mail-receipt-proof = Dès le lendemain, le registre public donne la preuve que cet événement figure dans le condensé de ce jour :
mail-receipt-by-mail = Votre réponse par courriel a été versée au dossier comme message. Un message ne respecte aucun délai et ne demande rien par lui-même : pour accomplir une démarche formelle (réponse, acceptation, appel), utilisez la page du dossier.
mail-lift_hold-subject = Suspension levée : reprise du décompte des délais
mail-lift_hold-body = La suspension a été levée et le décompte des délais de l'affaire a repris.
mail-password_reset-subject = Réinitialisation de votre mot de passe Redress
mail-password_reset-body = Quelqu'un (vous, nous l'espérons) a demandé la réinitialisation du mot de passe de votre compte Redress. Utilisez ce code pour choisir un nouveau mot de passe :
mail-password_reset-open = Ou ouvrez cette page, où le code est déjà saisi :
mail-password_reset-link = Ouvrir la page de réinitialisation
mail-password_reset-expiry = Ce code n'est valable qu'une seule fois et expire dans { $minutes } minutes. Si vous n'êtes pas à l'origine de cette demande, ignorez ce message : votre mot de passe reste inchangé.
mail-place_hold-subject = Affaire mise en suspens : décompte des délais interrompu
mail-place_hold-body = L'affaire a été mise en suspens. Le décompte de ses délais est interrompu jusqu'à la levée de la suspension.
mail-provide_information-subject = Informations fournies
mail-provide_information-body = Le requérant a fourni les informations demandées.
mail-record_decision-subject = Décision consignée
mail-record_decision-body = Une décision a été consignée dans l'affaire. Elle peut faire l'objet d'un appel dans le délai d'appel.
mail-record_settlement-subject = Règlement amiable consigné
mail-record_settlement-body = Le médiateur a consigné un règlement amiable entre les parties.
mail-recuse_mediator-subject = Déport du médiateur
mail-recuse_mediator-body = Le médiateur s'est déporté et s'est retiré de l'affaire. Un nouveau médiateur va être désigné. Dans l'intervalle, les délais en cours continuent de courir, sauf si l'affaire est mise en suspens.
mail-register-subject = Réclamation enregistrée
mail-register-body = Le greffe a enregistré la réclamation. Sa recevabilité va maintenant être évaluée.
mail-reminder-subject = { $when ->
    [today] Échéance aujourd'hui
    [tomorrow] Échéance demain
   *[other] Rappel
} : { $meaning }, au plus tard le { $due }
mail-reminder-body = { $when ->
    [today] Nous vous rappelons que le délai pour { $meaning } expire aujourd'hui, { $due }.
    [tomorrow] Nous vous rappelons que le délai pour { $meaning } expire demain, { $due }.
   *[other] Nous vous rappelons que le délai pour { $meaning } expire dans { $days ->
        [one] { $days } jour ouvrable
       *[other] { $days } jours ouvrables
    }, le { $due }.
} C'est { $party } qui doit agir.
mail-request_extension-subject = Prorogation demandée
mail-request_extension-body = La prorogation d'un délai a été demandée et est en attente de décision.
mail-request_information-subject = Informations demandées
mail-request_information-body = Des informations complémentaires ont été demandées au requérant.
mail-request_response-subject = Réponse officielle demandée
mail-request_response-body = Le médiateur a demandé une réponse officielle au défendeur.
mail-start_monitoring-subject = Ouverture du suivi
mail-start_monitoring-body = La mise en œuvre de l'issue de l'affaire fait désormais l'objet d'un suivi.
mail-submit_response-subject = Réponse officielle reçue
mail-submit_response-body = Le défendeur a présenté sa réponse officielle. Le requérant peut désormais l'accepter ou la contester.
mail-withdraw-subject = Réclamation retirée
mail-withdraw-body = Le requérant a retiré la réclamation.

## The clocks and parties as a sentence names them
mail-clock-acknowledge = l'accusé de réception de la réclamation
mail-clock-eligibility = l'évaluation de la recevabilité
mail-clock-mediator_assignment = la désignation d'un médiateur
mail-clock-resolution = le règlement de l'affaire
mail-clock-formal_response = la réponse officielle
mail-clock-complainant_reply = la réplique du requérant à la réponse officielle
mail-clock-information = la communication des informations demandées
mail-clock-independent_review = l'examen indépendant
mail-clock-appeal_window = l'introduction d'un appel
mail-clock-monitoring = l'achèvement du suivi
mail-party-complainant = le requérant
mail-party-respondent = le défendeur
mail-party-mediator = le médiateur
mail-party-registrar = le greffe
mail-message-subject = Nouveau message dans votre affaire
mail-message-body = { $stage ->
    [complainant_side] Un nouveau message dans l'affaire { $reference } est destiné au seul médiateur et au requérant.
    [respondent_side] Un nouveau message dans l'affaire { $reference } est destiné au seul médiateur et au défendeur.
    [staff] Une nouvelle note interne dans l'affaire { $reference } est destinée au personnel qui la traite.
   *[other] Un nouveau message dans l'affaire { $reference } est destiné à toutes les parties et au médiateur.
} Lisez-le sur la page de l'affaire. Un message ne respecte, ne lance ni ne suspend aucun délai.
mail-documents_added-subject = Pièces ajoutées à votre affaire
mail-documents_added-body = De nouvelles pièces ont été ajoutées à l'affaire { $reference }. Consultez-les sur la page de l'affaire. L'ajout de pièces ne modifie jamais un délai.
mail-reply_not_placed-subject = Votre réponse n'a pas pu être versée au dossier
mail-reply_not_placed-body = { $stage ->
    [closed] Votre réponse par courriel à une notification concernant le dossier { $reference } n'a pas été versée au dossier : celui-ci ne reçoit plus de messages.
    [empty] Votre réponse par courriel à une notification concernant le dossier { $reference } n'a pas été versée au dossier : il n'y restait aucun texte de votre main une fois le message cité et la signature mis de côté.
   *[refused] Votre réponse par courriel à une notification concernant le dossier { $reference } n'a pas été versée au dossier : un fichier joint est d'un type ou d'une taille que le dossier ne conserve pas.
} Le greffe a reçu votre message et l'examinera. Pour écrire vous-même au dossier, utilisez la page du dossier.

# Translations on a clock
mail-request_translation-subject = Traduction demandée
mail-request_translation-body = Une partie a demandé une traduction. Le délai du greffe pour la fournir a commencé à courir.
mail-provide_translation-subject = Traduction fournie
mail-provide_translation-body = Le greffe a fourni une traduction. L'original reste la version faisant foi. Les délais suspendus dans l'attente reprennent à compter d'aujourd'hui.
mail-clock-translation = la fourniture d'une traduction demandée par une partie
