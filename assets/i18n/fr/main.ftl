## Layout and navigation
skip-to-content = Aller au contenu
nav-label = Navigation principale
nav-register = Registre public
nav-sign-in = Se connecter
nav-my-cases = Mes affaires
nav-file = Déposer une réclamation
nav-inbox = Boîte de réception
nav-caseload = Affaires attribuées
nav-intake = Réception
nav-all-cases = Toutes les affaires
nav-received-mail = Courrier reçu
nav-failed-notices = Notifications non remises
nav-dashboard = Tableau de bord
nav-samples = Échantillons à examiner
nav-users = Personnes
nav-delegations = Délégations
nav-bodies = Organes
nav-mediators = Médiateurs
nav-holidays = Jours fériés
nav-policies = Délais
language = Langue
language-change = Changer
locale-en = English
locale-fr = Français
locale-es = Español
locale-ar = العربية
locale-zh = 中文
locale-ru = Русский
sign-out = Se déconnecter
footer-purpose = Un canal officiel et transparent pour les réclamations d'ordre procédural, assorti de délais de recours clairs.
footer-zone = Les heures sont indiquées dans le fuseau horaire { $zone }.
back-home = Retour à votre page d'accueil
choose = — choisir —
problems-title = Un problème est survenu
error-prefix = Erreur :

## Roles
role-delegate = Délégué
role-respondent = Défendeur
role-mediator = Médiateur
role-registrar = Greffier
role-oversight = Contrôle
role-admin = Administrateur

## Flash messages
flash-signed-out = Vous êtes déconnecté.
flash-reset-sent = Si cette adresse est accréditée, un code de réinitialisation vous a été envoyé. Saisissez-le ci-dessous.
flash-password-changed = Votre mot de passe a été modifié. Connectez-vous avec ce nouveau mot de passe.
flash-already-done = Ce formulaire a déjà été envoyé ; voici le résultat.

## Home
home-title = Redress
home-intro = Les délégations déposent ici leurs réclamations pour iniquité procédurale et en suivent le traitement jusqu'à son issue, dans les délais publiés.

## Sign-in and password
sign-in-title = Connexion
sign-in = Se connecter
sign-in-failed = L'adresse électronique ou le mot de passe est incorrect, ou le compte n'est pas actif.
sign-in-locked = Trop de tentatives de connexion ont échoué pour cette adresse. Pour empêcher que l'on devine le mot de passe, la connexion est suspendue jusqu'au { $until } ; un mot de passe oublié peut être réinitialisé entre-temps.
forgot-link = Mot de passe oublié ?
forgot-title = Réinitialiser votre mot de passe
forgot-intro = Saisissez l'adresse électronique de votre compte. Si elle est accréditée, nous vous enverrons un code de réinitialisation par courriel.
forgot-send = Envoyer le code
reset-title = Choisir un nouveau mot de passe
reset-intro = Saisissez le code reçu par courriel et un nouveau mot de passe d'au moins 12 caractères.
reset-save = Enregistrer le mot de passe
reset-mismatch = Les deux mots de passe ne correspondent pas.

## Fields
field-email = Adresse électronique
field-password = Mot de passe
field-password_confirmation = Confirmation du mot de passe
field-token = Code de réinitialisation
field-lang = Langue
hint-token = Le code reçu par courriel ; il n'est valable qu'une fois.
hint-password = Au moins 12 caractères.
field-required = Saisissez une valeur.
field-invalid-choice = Choisissez l'une des options.
field-invalid = Cette valeur n'est pas valide.
field-bad-email = Saisissez une adresse électronique.
field-too-short = Saisissez au moins { $min } caractères.
field-too-long = Saisissez au plus { $max } caractères.

## Errors
error-not-found = Page introuvable
error-not-found-help = Cette page n'existe pas, ou vous n'y avez pas accès.
error-unauthorized = Connectez-vous pour continuer
error-unauthorized-help = Vous devez être connecté pour accéder à cette page.
error-forbidden = Action non autorisée
error-forbidden-help = Votre rôle dans cette affaire ne le permet pas.
error-forged = Le formulaire n'a pas pu être accepté
error-forged-help = Le formulaire avait expiré ou ne provenait pas de ce site. Revenez en arrière, rechargez la page et envoyez-le à nouveau.
error-invalid = Certaines valeurs ne sont pas valides
error-invalid-help = Revenez en arrière et corrigez-les.
error-conflict = Cette opération n'a pas pu être effectuée
error-conflict-help = L'affaire ne le permet pas actuellement, ou quelqu'un d'autre l'a modifiée au même moment. Rechargez l'affaire et réessayez.
error-internal = Une erreur s'est produite
error-internal-help = Le problème vient de notre côté et a été consigné. Réessayez dans un instant.
error-unavailable = Service momentanément indisponible
error-unavailable-help = Le service ne peut pas joindre sa base de données pour le moment. Rien n'a été modifié ; réessayez dans quelques secondes.
error-throttled = Suspendu pour un moment
error-throttled-help = Trop de tentatives ont été refusées. Attendez l'heure indiquée ci-dessous, puis réessayez.

## Common words
any = Tous
yes = Oui
no = Non
filter = Filtrer
pager = Pages
page-prev = Page précédente
page-next = Page suivante
page-of = Page { $page } sur { $pages }
withheld = non divulgué
on-hold = en suspens
flash-filed = Votre réclamation a été déposée. Sa référence et ses premiers délais figurent ci-dessous.
flash-action-done = C'est fait. L'affaire est à jour et les courriels aux personnes concernées sont en file d'attente.

## Case lists
my-cases-title = Mes affaires
inbox-title = Boîte de réception
all-cases-title = Toutes les affaires
caseload-title = Mes affaires attribuées
awaiting-title = En attente de votre réponse
awaiting-none = Aucune affaire n'attend votre réponse.
all-yours-title = Toutes les affaires vous visant
caseload-open = affaires en cours
caseload-overdue = dont un délai est dépassé
caseload-week = à échéance d'ici la fin de la semaine
caseload-order = Classées par prochaine échéance, les plus urgentes en premier.
cases-count = { $n ->
    [one] { $n } affaire
   *[other] { $n } affaires
}
cases-none = Aucune affaire.
filter-overdue = Délai dépassé
col-reference = Référence
col-title = Titre
col-status = Statut
col-complainant = Requérant
col-next-deadline = Prochaine échéance
col-filed = Date de dépôt
col-clock = Délai
col-party = Qui doit agir
col-due = Échéance
col-standing = Situation

## Clocks
clock-days-left = { $n ->
    [0] échéance aujourd'hui
    [one] 1 { $unit ->
        [calendar] jour calendaire
       *[working] jour ouvrable
    } restant
   *[other] { $n } { $unit ->
        [calendar] jours calendaires
       *[working] jours ouvrables
    } restants
}
clock-overdue-by = { $n ->
    [0] échéance dépassée aujourd'hui
    [one] en retard de 1 { $unit ->
        [calendar] jour calendaire
       *[working] jour ouvrable
    }
   *[other] en retard de { $n } { $unit ->
        [calendar] jours calendaires
       *[working] jours ouvrables
    }
}
clock-overdue = dépassé
clock-running = en cours
clock-paused = suspendu (affaire en suspens)
clock-lapsed = expiré : le délai s'est écoulé sans recours
clock-met = respecté
clock-met-late = respecté en retard
clock-cancelled = sans objet
clock-acknowledge = Accuser réception
clock-eligibility = Statuer sur la recevabilité
clock-mediator_assignment = Désigner un médiateur
clock-resolution = Régler l'affaire
clock-formal_response = Réponse officielle
clock-complainant_reply = Réplique du requérant
clock-information = Informations demandées
clock-independent_review = Examen indépendant
clock-appeal_window = Délai d'appel
clock-monitoring = Suivi

## Parties
party-complainant = Requérant
party-respondent = Défendeur
party-mediator = Médiateur
party-registrar = Greffe

## Statuses
status-submitted = Soumise
status-registered = Enregistrée
status-under_assessment = En cours d'évaluation
status-dismissed = Irrecevable
status-in_mediation = En médiation
status-awaiting_response = En attente de réponse
status-response_received = Réponse reçue
status-settled = Réglée à l'amiable
status-monitoring = En suivi
status-under_review = En examen indépendant
status-decided = Tranchée
status-withdrawn = Retirée
status-closed = Clôturée

## Categories
category-speaking_time = Temps de parole
category-agenda_setting = Établissement de l'ordre du jour
category-document_access = Accès aux documents
category-interpretation = Interprétation et traduction
category-scheduling = Calendrier et fuseaux horaires
category-voting_procedure = Procédure de vote
category-chair_conduct = Conduite de la présidence
category-exclusion_from_consultations = Exclusion des consultations
category-retaliation = Représailles
category-other = Autre

## Vocabulary
confidentiality-public = Publique
confidentiality-identity_protected = Identité protégée
urgency-normal = Normale
urgency-urgent = Urgente
language-en = Anglais
language-fr = Français
language-es = Espagnol
language-ar = Arabe
language-zh = Chinois
language-ru = Russe
outcome-response_accepted = Réponse acceptée
outcome-settled = Réglée à l'amiable
outcome-upheld = Accueillie
outcome-partly_upheld = Partiellement accueillie
outcome-not_upheld = Non accueillie
outcome-dismissed = Irrecevable
outcome-withdrawn = Retirée
decision-upheld = Accueillie
decision-partly_upheld = Partiellement accueillie
decision-not_upheld = Non accueillie
dismissal-outside_mandate = Hors du mandat du mécanisme
dismissal-not_procedural = Ne porte pas sur la procédure
dismissal-time_barred = Déposée hors délai
dismissal-duplicate_of_pending_case = Double emploi avec une affaire pendante
dismissal-anonymous_or_unidentified = Anonyme ou non identifiée
dismissal-manifestly_unfounded = Manifestement infondée
dismissal-resolved_before_registration = Réglée avant l'enregistrement
dismissal-other = Autre motif
extension-pending = en attente
extension-granted = accordée
extension-refused = refusée
submission-complaint = Réclamation
submission-information_request = Demande d'informations
submission-information = Informations
submission-response_request = Demande de réponse officielle
submission-formal_response = Réponse officielle
submission-acceptance = Acceptation
submission-counter_proposal = Contre-proposition
submission-settlement_proposal = Règlement amiable
submission-escalation_note = Renvoi
submission-decision = Décision
submission-appeal = Appel
submission-monitoring_plan = Plan de suivi
submission-closing_note = Note de clôture
submission-withdrawal = Retrait
submission-note = Note
method-automatic = automatique
method-manual = choisi par le greffe
method-override = choisi malgré un conflit d'intérêts
assign-automatic = Choisir automatiquement (rotation, sans conflit d'intérêts)
assign-nobody = Aucun médiateur éligible
assign-excluded = Écartés
assign-eligible = Éligibles : { $n }
challenge-by = Récusation par : { $party }
challenge-pending = en attente
challenge-upheld = accueillie
challenge-rejected = rejetée
challenge-moot = sans objet

## Actions (buttons and timeline)
action-file = Déposée
action-register = Enregistrer
action-declare_eligible = Déclarer recevable
action-dismiss = Déclarer irrecevable
action-assign_mediator = Désigner un médiateur
action-request_response = Demander une réponse officielle
action-submit_response = Soumettre la réponse officielle
action-accept_response = Accepter la réponse
action-contest_response = Contester la réponse
action-record_settlement = Consigner un règlement amiable
action-escalate = Renvoyer pour examen indépendant
action-record_decision = Consigner la décision
action-appeal = Faire appel
action-start_monitoring = Ouvrir le suivi
action-close = Clore l'affaire
action-withdraw = Retirer la réclamation
action-place_hold = Mettre en suspens
action-lift_hold = Lever la suspension
action-request_information = Demander des informations
action-provide_information = Fournir des informations
action-request_extension = Demander une prorogation
action-decide_extension = Statuer sur une prorogation
action-challenge_mediator = Récuser le médiateur
action-decide_challenge = Statuer sur une récusation
action-recuse_mediator = Se déporter
action-assignment_blocked = Aucun médiateur n'a pu être désigné
action-viewed = Consultée par le contrôle
action-breach = Délai non respecté
action-escalation = Signalée au contrôle
action-notice_failed = Notification non remise
action-notice_requeued = Notification renvoyée
afield-note = Note
afield-reason = Motif
afield-mediator = Médiateur
afield-override_reason = Justification du choix d'un médiateur en conflit d'intérêts (uniquement en cas de dérogation)
afield-request = Demande
afield-response = Réponse officielle
afield-counter_proposal = Contre-proposition
afield-terms = Termes du règlement amiable
afield-reasoning = Motivation
afield-decision = Décision
afield-grounds = Moyens d'appel
afield-plan = Plan de suivi
afield-summary = Résumé de clôture
afield-questions = Questions
afield-information = Informations
afield-deadline_id = Délai
afield-days = Jours
afield-grant = L'accorder ?
afield-challenge = Récusation
afield-uphold = L'accueillir ?
afield-expected_version = Version
afield-action = Action
problem-title = Cette opération n'a pas pu être effectuée
problem-conflict = Quelqu'un a modifié cette affaire pendant que vous consultiez la page. Son état actuel figure ci-dessous ; vérifiez-le et recommencez.
problem-transition = Le stade actuel de l'affaire ne le permet pas. Son état actuel figure ci-dessous.

## Case page
case-title = Affaire
case-facts = La réclamation
case-mediator = Médiateur
case-deadlines = Délais
case-no-deadlines = Aucun délai pour l'instant.
case-actions = Ce que vous pouvez faire
case-read-only = Le contrôle consulte les affaires sans y intervenir.
case-pleadings = Écritures
case-no-pleadings = Aucune pièce déposée pour l'instant.
case-holds = Suspensions
case-extensions = Demandes de prorogation
case-assignments = Désignation du médiateur
case-timeline = Chronologie

## Filing
file-title = Déposer une réclamation
file-intro = Décrivez ce qui s'est passé et ce qui permettrait d'y remédier. Les champs marqués d'un * sont obligatoires. Votre affaire reçoit une référence et des délais dès son dépôt.
file-submit = Déposer la réclamation
field-title = Titre
field-category = Nature de l'iniquité
field-body = Instance où les faits se sont produits
field-incident_date = Date de l'incident
field-facts = Exposé des faits
hint-facts = Au moins 20 caractères : dates, séances, qui a décidé quoi.
field-remedy_sought = Réparation demandée
field-respondent = Partie mise en cause
respondent-body = Un organe (sa présidence ou son secrétariat)
respondent-delegation = Une autre délégation
field-respondent_code = Organe ou délégation
hint-respondent_code = Choisissez un organe ou une délégation, selon votre choix ci-dessus.
field-co_complainants = Co-requérants
hint-co_complainants = Délégations déposant la réclamation avec la vôtre, le cas échéant : leurs noms ou codes à trois lettres, séparés par des virgules (par exemple : Haïti, KIR).
field-confidentiality = Confidentialité
hint-confidentiality = Si l'identité est protégée, le défendeur et le registre public ne voient pas qui a déposé la réclamation.
field-language = Langue de l'affaire
field-urgency = Urgence
hint-urgency = Les affaires urgentes (session encore en cours) sont soumises à des délais plus courts.
caseload-shown = Les { $n } plus urgentes sont affichées.
field-unknown = Choisissez l'une des valeurs proposées.
field-future = Cette date est dans le futur.
field-duplicate = Cette valeur figure deux fois.
field-taken = Cette valeur est déjà utilisée.
field-self = Votre propre délégation ne peut pas être désignée ici.
document-too-large = { $name } dépasse { $mb } Mo, la taille maximale d'un fichier.
document-empty = { $name } est vide.
document-type-refused = { $name } n'est pas un type de fichier que le dossier conserve : envoyez un PDF, une image, un document bureautique, du texte brut ou un message électronique.
document-none = Choisissez un fichier à ajouter.
document-too-many = Ajoutez au plus { $n } fichiers à la fois.
document-case-full = Le dossier dépasserait { $mb } Mo, le maximum qu'une affaire peut contenir.
document-not-taken = Cette action ne prend pas de documents : ajoutez-les comme pièces, ou avec une écriture.

# The case file
case-documents = Documents
case-no-documents = Aucun document pour l'instant.
evidence-add = Ajouter des pièces
evidence-intro = Les documents à l'appui de l'affaire : un ordre du jour, un procès-verbal, une liste d'orateurs, une correspondance. Les ajouter ne déplace jamais un délai.
field-document_title = Titre
field-document_language = Langue des documents
field-files = Documents
field-file = Documents
afield-file = Documents (facultatif)
hint-files = Au plus { $n } fichiers de { $mb } Mo chacun : PDF, images, documents bureautiques, texte brut ou messages électroniques, jugés d'après leur contenu.
files-again = Les fichiers ne sont pas conservés lorsqu'un formulaire est renvoyé : choisissez-les à nouveau.
flash-evidence-added = Les documents sont ajoutés au dossier.
action-documents_added = Pièces ajoutées
document-with = Documents
document-kind = Type
document-size = Taille
document-added = Ajouté par

# Correspondance
case-correspondence = Correspondance
case-no-messages = Aucun message pour l'instant.
message-write = Écrire un message
message-intro = Un message ne parvient qu'aux lecteurs choisis ci-dessous, par courriel dans leur propre langue. Il ne respecte, ne lance ni ne suspend aucun délai : pour répondre formellement à une demande, utilisez les actions ci-dessus.
message-send = Envoyer le message
field-audience = Qui peut le lire
field-message_body = Message
field-message_language = Langue du message
afield-note_audience = Qui peut lire la note
audience-all_parties = Toutes les parties et le médiateur
audience-complainant_side = Seulement le médiateur et le requérant
audience-respondent_side = Seulement le médiateur et le défendeur
audience-staff = Personnel seulement (greffe, médiateur, contrôle) : une note interne
submission-message = Message
action-message = Message
action-note = Note
flash-message-sent = Le message est conservé et les courriels à ses lecteurs sont en file d'attente.

## What happens next, on the case page
next-title = Prochaine étape
next-ended = Ce dossier est clos. Plus rien n'est attendu de personne.
next-on-hold = Le dossier est suspendu : tous les délais sont arrêtés jusqu'à la levée de la suspension.
next-nothing-due = Aucun délai ne court actuellement.
next-yours = C'est à vous : { $clock }.
next-waiting-complainant = En attente du requérant : { $clock }.
next-waiting-respondent = En attente du défendeur : { $clock }.
next-waiting-mediator = En attente du médiateur : { $clock }.
next-waiting-registrar = En attente du greffe : { $clock }.
next-due = Échéance : { $at }
due-end-of-business = fin de la journée de travail de l'organisation : { $at }, { $zone }
next-read-first = À lire d'abord
next-answer-with = Répondez par l'une de ces actions :
next-your-step = Votre prochaine étape :
next-nothing-yours = Rien ne vous incombe pour l'instant. Vous recevrez un courriel lorsque ce sera le cas.
complaint-above = La plainte telle que déposée : ses faits et la réparation demandée figurent plus haut.
pleading-above = Affiché plus haut, sous « Prochaine étape ».
withdraw-warning = Le retrait met fin à la plainte définitivement. Une confirmation vous sera demandée.
confirm-title = Confirmer
confirm-withdraw-title = Retirer cette plainte ?
confirm-withdraw-ends = Le retrait met fin à la plainte : tous les délais en cours s'arrêtent, le médiateur et le défendeur en sont informés, et le dossier ne peut pas être rouvert. Si vous pensez y revenir, gardez-le ouvert.
confirm-withdraw-yes = Oui, retirer la plainte
confirm-keep = Non, garder le dossier ouvert

field-name_fr = Nom en français
field-name_es = Nom en espagnol
field-names = Noms dans d'autres langues
timeline-status-moved = Statut : { $from } → { $to }

states-list = États membres et leurs codes
field-name_ar = Nom en arabe
field-name_zh = Nom en chinois
field-name_ru = Nom en russe

# Translations on a clock
clock-translation = Traduction
submission-translation = Traduction
action-request_translation = Demander une traduction
action-provide_translation = Fournir une traduction
afield-source = Texte à traduire
afield-language = Vers
afield-text = Texte traduit
translation-pending = traduction demandée
translation-provided = traduction
translation-lapsed = non fournie : l'affaire est close
translation-authentic = Version faisant foi
translation-due = Le greffe la fournit au plus tard le { $due }.
translation-waits = Les délais de votre partie sont suspendus jusque-là.
translation-asked-by = Demandée par : { $party }
case-translations = Traductions

# Dates, as a translator of this language writes them (month-N names the month as the
# date says it: Russian in the genitive).
month-1 = janvier
month-2 = février
month-3 = mars
month-4 = avril
month-5 = mai
month-6 = juin
month-7 = juillet
month-8 = août
month-9 = septembre
month-10 = octobre
month-11 = novembre
month-12 = décembre
date-long = { $day ->
    [1] 1er
   *[other] { $day }
} { $month } { $year }
date-time = { $date }, { $time }
afield-written_in = Langue de votre texte
