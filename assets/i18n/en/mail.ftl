## The frame of every email
mail-greeting = Dear { $name },
mail-label-colon = { $label }:
mail-label-case = Case
mail-label-status = Status
mail-label-complainant = Complainant
mail-label-deadline = Deadline
mail-label-party = Who acts
mail-label-due = Due
mail-open-case = Open the case
mail-signature = Redress, the grievance and redress service.
mail-zone-note = Times are shown in your time zone ({ $zone }) and in UTC.
mail-calendar-note = The attached calendar entry updates itself if the deadline moves.

## One subject and one message per kind of notice

mail-accept_response-subject = Formal response accepted
mail-accept_response-body = The complainant has accepted the formal response.
mail-appeal-subject = Appeal lodged
mail-appeal-body = An appeal has been lodged.
mail-assign_mediator-subject = Mediator assigned
mail-assign_mediator-body = A mediator has been assigned to the case and will be in touch with the parties.
mail-assignment_blocked-subject = No mediator could be assigned automatically
mail-assignment_blocked-body = No mediator could be assigned to the case automatically: every mediator either has a conflict of interest in the case or is unavailable (on leave or at full capacity). The registry must assign a mediator. A manual assignment is subject to the same conflict check; overriding it requires a written reason. The case's assignment record shows which mediators were excluded and why.
mail-assignment_override-subject = Mediator assigned despite a recorded conflict or unavailability
mail-assignment_override-body = The registry has assigned a mediator to the case despite a recorded conflict of interest or unavailability, overriding the assignment rule with a written reason. Oversight may wish to review the case's assignment record, which includes the reason given.
mail-breach-subject = Deadline missed: { $meaning }
mail-breach-body = The deadline for { $meaning } passed on { $due } without being met. It was for { $party } to act. The mediator and the registry have been informed; if it stays unmet it will be escalated to oversight.
mail-case_filed-subject = Grievance filed
mail-case_filed-body = A grievance has been filed and recorded under reference { $reference }. The registry will acknowledge it and assess its eligibility within the deadlines set by the rules.
mail-challenge_mediator-subject = Mediator challenged
mail-challenge_mediator-body = A party has challenged the mediator assigned to the case on grounds of neutrality or conflict of interest. The registry will decide whether to uphold the challenge. In the meantime, running deadlines continue unless the case is placed on hold.
mail-close-subject = Case closed
mail-close-body = The case has been closed.
mail-contest_response-subject = Formal response contested
mail-contest_response-body = The complainant has contested the formal response; mediation continues.
mail-decide_challenge-subject = { $stage ->
    [upheld] Challenge to the mediator upheld
    [rejected] Challenge to the mediator rejected
   *[other] Decision on the challenge to the mediator
}
mail-decide_challenge-body = { $stage ->
    [upheld] The registry has upheld the challenge to the mediator. The mediator has been removed from the case and a new mediator is being assigned; if none can be assigned automatically, the registry will assign one.
    [rejected] The registry has rejected the challenge to the mediator. The mediator remains assigned to the case and mediation continues.
   *[other] The registry has taken a decision on the challenge to the mediator; the details are recorded in the case.
}
mail-decide_extension-subject = Extension decided
mail-decide_extension-body = A decision has been taken on the request to extend a deadline.
mail-declare_eligible-subject = Grievance declared eligible
mail-declare_eligible-body = The grievance has been declared eligible and served on the respondent. A mediator will be assigned.
mail-dismiss-subject = Grievance dismissed
mail-dismiss-body = The registry has dismissed the grievance at the eligibility stage. The complainant may appeal this decision.
mail-escalate-subject = Case referred to independent review
mail-escalate-body = The case has been referred to independent review.
mail-escalation-subject = Escalation: { $meaning } overdue
mail-escalation-body = The deadline for { $meaning } passed on { $due } and has still not been met by { $party }. This notice escalates it to oversight and to the mediator for action.
mail-receipt-subject = Receipt for what you filed
mail-receipt-body = This is your receipt for what you filed on case { $reference }. Keep it: with the values below anyone can check, without having to trust the secretariat's records, that the case file still holds exactly the text you filed and that it was recorded on { $day } (UTC).
mail-receipt-text = SHA-256 of the text you filed:
mail-receipt-event = The event that recorded it in the case's audit chain:
mail-receipt-day = The day (UTC) whose published digest holds that event:
mail-receipt-proof = From the next day, the public register shows the proof that this event is in that day's digest:
mail-receipt-by-mail = Your reply by email has been placed on the case as a message. A message meets no deadline and asks for nothing by itself: to take a formal step (a response, an acceptance, an appeal), use the case page.
mail-lift_hold-subject = Hold lifted: clocks running again
mail-lift_hold-body = The hold has been lifted and the case's clocks are running again.
mail-password_reset-subject = Reset your Redress password
mail-password_reset-body = Someone (we hope you) asked to reset the password of your Redress account. Use this code to choose a new password:
mail-password_reset-open = Or open this page, where the code is filled in:
mail-password_reset-link = Open the reset page
mail-password_reset-expiry = The code works once and expires in { $minutes } minutes. If you did not ask for it, ignore this email: your password stays as it is.
mail-place_hold-subject = Case on hold: clocks stopped
mail-place_hold-body = The case has been placed on hold. Its clocks are stopped until the hold is lifted.
mail-provide_information-subject = Information provided
mail-provide_information-body = The complainant has provided the requested information.
mail-record_decision-subject = Decision recorded
mail-record_decision-body = A decision has been recorded on the case. It may be appealed within the appeal window.
mail-record_settlement-subject = Settlement recorded
mail-record_settlement-body = The mediator has recorded a settlement between the parties.
mail-recuse_mediator-subject = Mediator recused
mail-recuse_mediator-body = The mediator has recused themselves and withdrawn from the case. A new mediator is being assigned. In the meantime, running deadlines continue unless the case is placed on hold.
mail-register-subject = Grievance registered
mail-register-body = The registry has registered the grievance. Its eligibility will now be assessed.
mail-reminder-subject = { $when ->
    [today] Due today
    [tomorrow] Due tomorrow
   *[other] Reminder
}: { $meaning } by { $due }
mail-reminder-body = { $when ->
    [today] This is a reminder that the deadline for { $meaning } falls due today, { $due }.
    [tomorrow] This is a reminder that the deadline for { $meaning } falls due tomorrow, { $due }.
   *[other] This is a reminder that the deadline for { $meaning } falls due in { $days ->
        [one] { $days } working day
       *[other] { $days } working days
    }, on { $due }.
} It is for { $party } to act.
mail-request_extension-subject = Extension requested
mail-request_extension-body = An extension of a deadline has been requested and awaits a decision.
mail-request_information-subject = Information requested
mail-request_information-body = Further information has been requested from the complainant.
mail-request_response-subject = Formal response requested
mail-request_response-body = The mediator has requested a formal response from the respondent.
mail-start_monitoring-subject = Monitoring started
mail-start_monitoring-body = The implementation of the outcome is now being monitored.
mail-submit_response-subject = Formal response received
mail-submit_response-body = The respondent has submitted its formal response. The complainant may now accept or contest it.
mail-withdraw-subject = Grievance withdrawn
mail-withdraw-body = The complainant has withdrawn the grievance.

## The clocks and parties as a sentence names them
mail-clock-acknowledge = acknowledging the grievance
mail-clock-eligibility = the eligibility assessment
mail-clock-mediator_assignment = assigning a mediator
mail-clock-resolution = resolving the case
mail-clock-formal_response = the formal response
mail-clock-complainant_reply = the complainant's reply to the formal response
mail-clock-information = providing the requested information
mail-clock-independent_review = the independent review
mail-clock-appeal_window = lodging an appeal
mail-clock-monitoring = concluding the monitoring
mail-party-complainant = the complainant
mail-party-respondent = the respondent
mail-party-mediator = the mediator
mail-party-registrar = the registry
mail-message-subject = New message on your case
mail-message-body = { $stage ->
    [complainant_side] A new message on case { $reference } is written for the mediator and the complainant side only.
    [respondent_side] A new message on case { $reference } is written for the mediator and the respondent side only.
    [staff] A new internal note on case { $reference } is written for the staff who run the case.
   *[other] A new message on case { $reference } is written for all parties and the mediator.
} Read it on the case page. A message never meets, starts or pauses a deadline.
mail-documents_added-subject = Evidence added to your case
mail-documents_added-body = New evidence documents were added to case { $reference }. Read them on the case page. Adding evidence never moves a deadline.
mail-reply_not_placed-subject = Your reply could not be placed on the case
mail-reply_not_placed-body = { $stage ->
    [closed] Your reply by email to a notice on case { $reference } was not placed on the case: the case no longer takes messages.
    [empty] Your reply by email to a notice on case { $reference } was not placed on the case: nothing of your own words was left once the quoted message and signature were set apart.
   *[refused] Your reply by email to a notice on case { $reference } was not placed on the case: a file it carries is of a kind, or a size, the case file does not keep.
} The registry has your message and will look at it. To write on the case yourself, use the case page.

# Translations on a clock
mail-request_translation-subject = Translation requested
mail-request_translation-body = A party has asked for a translation. The registry's clock to provide it has started.
mail-provide_translation-subject = Translation provided
mail-provide_translation-body = The registry has provided a translation. The original remains the authentic version. Deadlines paused while it was awaited run again from today.
mail-clock-translation = providing a translation a party asked for
