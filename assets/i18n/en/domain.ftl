## The domain's refusals, as pages and the API say them

# A rule of the case refused the action.
rule-appeal-window-open = The appeal window is open until { $until }; the case moves on when it has closed.
rule-appeal-window-closed = The appeal window has closed.
rule-already-appealed = This case has already been appealed once.
rule-mediator-already-assigned = The case already has a mediator; name the mediator who should replace them.
rule-mediator-already-holds = This mediator already holds the case.
rule-no-eligible-mediator = No mediator is eligible for this case: { $why }
rule-no-mediator = No mediator holds this case.
rule-challenge-window-closed = The window to challenge this mediator closed on { $closed }.
rule-challenge-pending = A challenge to this mediator is already pending.
rule-challenge-decided = This challenge is no longer pending: it is { $status }.
rule-already-on-hold = The case is already on hold.
rule-not-on-hold = The case is not on hold.
rule-no-information-requested = No information was requested in this case.
rule-extension-pending = An extension of this deadline is already pending.
rule-no-challenge-pending = No challenge to the mediator is waiting for a decision.
rule-no-extension-pending = No extension request is waiting for a decision.
rule-extension-decided = This extension request has already been decided.

# The actor's part does not allow the action.
forbidden-not-a-party = You are not a party to this case.
forbidden-role-may-not = Your part in this case does not allow this action ({ $action }).
forbidden-only-complainant-appeals-dismissal = Only the complainant may appeal a dismissal.
forbidden-own-deadlines-only = You may only ask for more time on your own deadlines.
forbidden-only-delegates-file = Only delegates file grievances.
forbidden-failures-for-staff = Delivery failures are handled by the registry, oversight and mediators.
forbidden-resend-for-staff = Only the registry or the case's mediator may send a notice again.

# Why a mediator cannot take a case.
mediator-eligible-of = { $name }: eligible, no conflict
exclusion-of = { $name }: { $reasons }
exclusion-challenged-or-recused = was removed from this case after a challenge, or recused
exclusion-on-leave = is on leave
exclusion-at-capacity = holds { $open } open cases of a capacity of { $capacity }
exclusion-same-nationality = shares the nationality of a party ({ $party })
exclusion-declared-conflict = declared a conflict with { $with }
exclusion-earlier-involvement = handled an earlier case between the same parties
exclusion-same-regional-group = belongs to the regional group of a party ({ $group })
exclusion-other = is excluded ({ $code })

# Field messages that need more than the field's code.
field-at-least-days = { $min ->
    [one] Enter at least 1 day.
   *[other] Enter at least { $min } days.
}
field-length-between = Enter between { $min } and { $max } characters.
field-at-most-days = { $max ->
    [one] Enter at most 1 day.
   *[other] Enter at most { $max } days.
}
field-after-un-founding = Enter a date after the founding of the United Nations (24 October 1945).
field-respondent-not-complainant = The respondent cannot also be a complainant.
field-override-needs-mediator = Only a named mediator's conflict can be overridden; choose the mediator.
field-no-such-mediator = No active mediator is this person.
field-mediator-removed = This mediator { $reasons }; they cannot be assigned to this case again.
field-mediator-conflict = This mediator { $reasons }; give a reason to assign them all the same.
field-mediator-needs-language = A mediator works in at least one language.
field-mediator-needs-nationality = A mediator's nationality is needed for conflict checks.
field-delegate-needs-delegation = A delegate speaks for a delegation.
field-body-only-respondents = Only respondent officials belong to a body.
field-respondent-answers-for-one = A respondent official answers for exactly one body or one delegation.
field-role-unaffiliated = This role is not affiliated to a delegation or body.
field-capacity-range = Enter between 1 and { $max } open cases.
field-sample-size = Enter between 1 and { $max } cases.
field-reset-link-expired = This reset code is invalid or has expired; ask for a new one.
field-form-damaged = This form is damaged; reload the page.
field-from-after-to = The start must not be after the end.
field-period-too-long = A period covers at most { $max } days.
field-bad-date = Enter a date as YYYY-MM-DD.
field-bad-zone = “{ $zone }” is not a time zone; use a name such as Europe/Zurich or America/New_York.
rule-case-closed-to-evidence = The case is closed: no evidence can be added to it.
forbidden-read-only = Oversight reads cases; it does not write on them.
message-audience-closed = You may not write to this audience: a side writes to all parties or to the mediator alone.
rule-case-closed-to-messages = The case is closed: no message can be written on it.

field-no-such-state = No member state is called or coded “{ $entry }”: type its name as the list below gives it, or its three-letter code.

# Translations on a clock
field-translation-source-unknown = Choose a pleading, message or document of this case that you can read.
field-translation-same-language = It is already written in this language.
rule-translation-asked = A translation of this into that language has already been asked for.
field-translation-request-unknown = Choose a translation request of this case.
rule-translation-provided = This translation has already been provided, or the case ended before it was.
field-translation-empty = Give the translated text, attach the translated document, or both.
rule-no-translation-asked = No translation is waiting to be provided in this case.
field-written-in-not-taken = This action writes no text whose language could be named.
