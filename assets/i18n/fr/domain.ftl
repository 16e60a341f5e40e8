## The domain's refusals, as pages and the API say them

# A rule of the case refused the action.
rule-appeal-window-open = Le délai d'appel court jusqu'au { $until } ; l'affaire pourra avancer une fois ce délai expiré.
rule-appeal-window-closed = Le délai d'appel a expiré.
rule-already-appealed = Cette affaire a déjà fait l'objet d'un appel.
rule-mediator-already-assigned = Un médiateur est déjà chargé de l'affaire ; désignez le médiateur qui doit le remplacer.
rule-mediator-already-holds = Ce médiateur est déjà chargé de l'affaire.
rule-no-eligible-mediator = Aucun médiateur ne peut être chargé de cette affaire : { $why }
rule-no-mediator = Aucun médiateur n'est chargé de cette affaire.
rule-challenge-window-closed = Le délai de récusation de ce médiateur a expiré le { $closed }.
rule-challenge-pending = Une demande de récusation de ce médiateur est déjà en cours d'examen.
rule-challenge-decided = Cette demande de récusation n'est plus en cours d'examen : elle est { $status }.
rule-already-on-hold = L'affaire est déjà en suspens.
rule-not-on-hold = L'affaire n'est pas en suspens.
rule-no-information-requested = Aucune information n'a été demandée dans cette affaire.
rule-extension-pending = Une prorogation de ce délai est déjà en attente de décision.
rule-no-challenge-pending = Aucune récusation du médiateur n'attend de décision.
rule-no-extension-pending = Aucune demande de prolongation n'attend de décision.
rule-extension-decided = Il a déjà été statué sur cette demande de prorogation.

# The actor's part does not allow the action.
forbidden-not-a-party = Vous n'êtes pas partie à cette affaire.
forbidden-role-may-not = Votre rôle dans cette affaire ne permet pas cette action ({ $action }).
forbidden-only-complainant-appeals-dismissal = Seul le requérant peut faire appel d'une décision d'irrecevabilité.
forbidden-own-deadlines-only = Vous ne pouvez demander une prorogation que pour vos propres délais.
forbidden-only-delegates-file = Seuls les délégués peuvent déposer une réclamation.
forbidden-failures-for-staff = Les échecs d'envoi sont traités par le greffe, le contrôle et les médiateurs.
forbidden-resend-for-staff = Seul le greffe ou le médiateur de l'affaire peut renvoyer une notification.

# Why a mediator cannot take a case.
mediator-eligible-of = { $name } : admissible, aucun conflit
exclusion-of = { $name } : { $reasons }
exclusion-challenged-or-recused = a été dessaisi de cette affaire à la suite d'une récusation, ou s'est déporté
exclusion-on-leave = est en congé
exclusion-at-capacity = est chargé de { $open } affaires en cours pour une capacité de { $capacity }
exclusion-same-nationality = a la nationalité d'une partie ({ $party })
exclusion-declared-conflict = a déclaré un conflit d'intérêts avec { $with }
exclusion-earlier-involvement = a traité une affaire antérieure entre les mêmes parties
exclusion-same-regional-group = appartient au groupe régional d'une partie ({ $group })
exclusion-other = est écarté ({ $code })

# Field messages that need more than the field's code.
field-at-least-days = { $min ->
    [one] Saisissez au moins { $min } jour.
   *[other] Saisissez au moins { $min } jours.
}
field-length-between = Saisissez entre { $min } et { $max } caractères.
field-at-most-days = { $max ->
    [one] Saisissez au plus { $max } jour.
   *[other] Saisissez au plus { $max } jours.
}
field-after-un-founding = Saisissez une date postérieure à la fondation de l'Organisation des Nations Unies (24 octobre 1945).
field-respondent-not-complainant = Le défendeur ne peut pas être également requérant.
field-override-needs-mediator = Seul le conflit d'un médiateur nommément désigné peut être écarté ; choisissez le médiateur.
field-no-such-mediator = Cette personne n'est pas un médiateur en activité.
field-mediator-removed = Ce médiateur { $reasons } ; il ne peut plus être chargé de cette affaire.
field-mediator-conflict = Ce médiateur { $reasons } ; indiquez un motif pour le désigner malgré tout.
field-mediator-needs-language = Un médiateur travaille dans au moins une langue.
field-mediator-needs-nationality = La nationalité d'un médiateur est nécessaire au contrôle des conflits d'intérêts.
field-delegate-needs-delegation = Un délégué représente une délégation.
field-body-only-respondents = Seuls les représentants des défendeurs relèvent d'un organe.
field-respondent-answers-for-one = Un représentant du défendeur répond pour un seul organe ou une seule délégation.
field-role-unaffiliated = Ce rôle n'est rattaché à aucune délégation ni à aucun organe.
field-capacity-range = Saisissez un nombre d'affaires en cours compris entre 1 et { $max }.
field-sample-size = Saisissez un nombre d'affaires compris entre 1 et { $max }.
field-reset-link-expired = Ce code de réinitialisation n'est pas valide ou a expiré ; demandez-en un nouveau.
field-form-damaged = Ce formulaire est endommagé ; rechargez la page.
field-from-after-to = Le début ne peut pas être postérieur à la fin.
field-period-too-long = Une période couvre au plus { $max } jours.
field-bad-date = Saisissez une date au format AAAA-MM-JJ.
field-bad-zone = « { $zone } » n'est pas un fuseau horaire ; utilisez un nom tel que Europe/Zurich ou America/New_York.
rule-case-closed-to-evidence = L'affaire est close : aucune pièce ne peut plus y être ajoutée.
forbidden-read-only = Le contrôle lit les affaires ; il n'y écrit pas.
message-audience-closed = Vous ne pouvez pas écrire à ces lecteurs : une partie écrit à toutes les parties ou au seul médiateur.
rule-case-closed-to-messages = L'affaire est close : aucun message ne peut y être écrit.

field-no-such-state = Aucun État membre ne s’appelle ou n’a pour code « { $entry } » : saisissez son nom tel que la liste ci-dessous le donne, ou son code à trois lettres.

# Translations on a clock
field-translation-source-unknown = Choisissez un acte, un message ou un document de cette affaire que vous pouvez lire.
field-translation-same-language = Ce texte est déjà rédigé dans cette langue.
rule-translation-asked = Une traduction de ce texte dans cette langue a déjà été demandée.
field-translation-request-unknown = Choisissez une demande de traduction de cette affaire.
rule-translation-provided = Cette traduction a déjà été fournie, ou l'affaire s'est terminée avant.
field-translation-empty = Saisissez le texte traduit, joignez le document traduit, ou les deux.
rule-no-translation-asked = Aucune traduction n'est en attente dans cette affaire.
field-written-in-not-taken = Cette action ne produit aucun texte dont la langue puisse être indiquée.
