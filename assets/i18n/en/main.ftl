## Layout and navigation
skip-to-content = Skip to content
nav-label = Main
nav-register = Public register
nav-sign-in = Sign in
nav-my-cases = My cases
nav-file = File a grievance
nav-inbox = Inbox
nav-caseload = Caseload
nav-intake = Intake
nav-all-cases = All cases
nav-received-mail = Mail received
nav-failed-notices = Failed notices
nav-dashboard = Dashboard
nav-samples = Review samples
nav-users = People
nav-delegations = Delegations
nav-bodies = Bodies
nav-mediators = Mediators
nav-holidays = Holidays
nav-policies = Timelines
language = Language
language-change = Change
locale-en = English
locale-fr = Français
locale-es = Español
locale-ar = العربية
locale-zh = 中文
locale-ru = Русский
sign-out = Sign out
footer-purpose = A formal, transparent channel for procedural grievances, with clear redress timelines.
footer-zone = Times are shown in { $zone }.
back-home = Back to your start page
choose = — choose —
problems-title = There is a problem
error-prefix = Error:

## Roles
role-delegate = Delegate
role-respondent = Respondent
role-mediator = Mediator
role-registrar = Registrar
role-oversight = Oversight
role-admin = Administrator

## Flash messages
flash-signed-out = You are signed out.
flash-reset-sent = If this address is accredited, a reset code is on its way. Enter it below.
flash-password-changed = Your password is changed. Sign in with it.
flash-already-done = This form was already sent; here is where it led.

## Home
home-title = Redress
home-intro = Delegations file grievances about procedural unfairness here and follow them to an outcome, within published timelines.

## Sign-in and password
sign-in-title = Sign in
sign-in = Sign in
sign-in-failed = The email address or password is not right, or the account is not active.
sign-in-locked = Too many failed sign-ins for this address. To stop password guessing, sign-in is paused until { $until }; a forgotten password can be reset meanwhile.
forgot-link = Forgotten your password?
forgot-title = Reset your password
forgot-intro = Enter the email address of your account. If it is accredited, we email you a reset code.
forgot-send = Send the code
reset-title = Choose a new password
reset-intro = Enter the code from the email and a new password of at least 12 characters.
reset-save = Save the password
reset-mismatch = The two passwords differ.

## Fields
field-email = Email address
field-password = Password
field-password_confirmation = The password again
field-token = Reset code
field-lang = Language
hint-token = The code from the email; it works once.
hint-password = At least 12 characters.
field-required = Enter a value.
field-invalid-choice = Choose one of the options.
field-invalid = This value is not valid.
field-bad-email = Enter an email address.
field-too-short = Enter at least { $min } characters.
field-too-long = Enter at most { $max } characters.

## Errors
error-not-found = Page not found
error-not-found-help = There is no such page, or it is not open to you.
error-unauthorized = Sign in to continue
error-unauthorized-help = This page needs you to be signed in.
error-forbidden = Not allowed
error-forbidden-help = Your part in this case does not allow this.
error-forged = The form could not be accepted
error-forged-help = The form had expired or did not come from this site. Go back, reload the page and send it again.
error-invalid = Some values are not valid
error-invalid-help = Go back and correct them.
error-conflict = This could not be done
error-conflict-help = The case does not allow it now, or someone else changed it at the same moment. Reload the case and try again.
error-internal = Something went wrong
error-internal-help = The problem is on our side and has been logged. Try again in a moment.
error-unavailable = Temporarily unavailable
error-unavailable-help = The service cannot reach its database for a moment. Nothing was changed; try again in a few seconds.
error-throttled = Paused for a while
error-throttled-help = Too many attempts were refused. Wait until the time below, then try again.

## Common words
any = Any
yes = Yes
no = No
filter = Filter
pager = Pages
page-prev = Previous page
page-next = Next page
page-of = Page { $page } of { $pages }
withheld = withheld
on-hold = on hold
flash-filed = Your grievance is filed. Its reference and first deadlines are below.
flash-action-done = Done. The case is updated, and emails to those concerned are queued.

## Case lists
my-cases-title = My cases
inbox-title = Inbox
all-cases-title = All cases
caseload-title = My caseload
awaiting-title = Awaiting your response
awaiting-none = Nothing awaits your response.
all-yours-title = All cases against you
caseload-open = open cases
caseload-overdue = with a deadline passed
caseload-week = due by the end of this week
caseload-order = Ordered by next deadline, the most pressing first.
cases-count = { $n ->
    [one] One case
   *[other] { $n } cases
}
cases-none = No cases.
filter-overdue = Deadline passed
col-reference = Reference
col-title = Title
col-status = Status
col-complainant = Complainant
col-next-deadline = Next deadline
col-filed = Filed
col-clock = Deadline
col-party = Who acts
col-due = Due
col-standing = Where it stands

## Clocks
clock-days-left = { $n ->
    [0] due today
    [one] 1 { $unit ->
        [calendar] calendar day
       *[working] working day
    } left
   *[other] { $n } { $unit ->
        [calendar] calendar days
       *[working] working days
    } left
}
clock-overdue-by = { $n ->
    [0] overdue today
    [one] overdue by 1 { $unit ->
        [calendar] calendar day
       *[working] working day
    }
   *[other] overdue by { $n } { $unit ->
        [calendar] calendar days
       *[working] working days
    }
}
clock-overdue = overdue
clock-running = running
clock-paused = paused (case on hold)
clock-lapsed = lapsed: the window closed unused
clock-met = met
clock-met-late = late
clock-cancelled = no longer needed
clock-acknowledge = Acknowledge receipt
clock-eligibility = Decide eligibility
clock-mediator_assignment = Assign a mediator
clock-resolution = Resolve the case
clock-formal_response = Formal response
clock-complainant_reply = Complainant's reply
clock-information = Information requested
clock-independent_review = Independent review
clock-appeal_window = Appeal window
clock-monitoring = Monitoring

## Parties
party-complainant = Complainant
party-respondent = Respondent
party-mediator = Mediator
party-registrar = Registry

## Statuses
status-submitted = Submitted
status-registered = Registered
status-under_assessment = Under assessment
status-dismissed = Dismissed
status-in_mediation = In mediation
status-awaiting_response = Awaiting response
status-response_received = Response received
status-settled = Settled
status-monitoring = Monitoring
status-under_review = Under independent review
status-decided = Decided
status-withdrawn = Withdrawn
status-closed = Closed

## Categories
category-speaking_time = Speaking time
category-agenda_setting = Agenda setting
category-document_access = Access to documents
category-interpretation = Interpretation and translation
category-scheduling = Scheduling and time zones
category-voting_procedure = Voting procedure
category-chair_conduct = Conduct of the chair
category-exclusion_from_consultations = Exclusion from consultations
category-retaliation = Retaliation
category-other = Other

## Vocabulary
confidentiality-public = Public
confidentiality-identity_protected = Identity protected
urgency-normal = Normal
urgency-urgent = Urgent
language-en = English
language-fr = French
language-es = Spanish
language-ar = Arabic
language-zh = Chinese
language-ru = Russian
outcome-response_accepted = Response accepted
outcome-settled = Settled
outcome-upheld = Upheld
outcome-partly_upheld = Partly upheld
outcome-not_upheld = Not upheld
outcome-dismissed = Dismissed
outcome-withdrawn = Withdrawn
decision-upheld = Upheld
decision-partly_upheld = Partly upheld
decision-not_upheld = Not upheld
dismissal-outside_mandate = Outside the mechanism's mandate
dismissal-not_procedural = Not about procedure
dismissal-time_barred = Filed too late
dismissal-duplicate_of_pending_case = Duplicate of a pending case
dismissal-anonymous_or_unidentified = Anonymous or unidentified
dismissal-manifestly_unfounded = Manifestly unfounded
dismissal-resolved_before_registration = Resolved before registration
dismissal-other = Other reason
extension-pending = pending
extension-granted = granted
extension-refused = refused
submission-complaint = Complaint
submission-information_request = Request for information
submission-information = Information
submission-response_request = Request for a formal response
submission-formal_response = Formal response
submission-acceptance = Acceptance
submission-counter_proposal = Counter-proposal
submission-settlement_proposal = Settlement
submission-escalation_note = Escalation
submission-decision = Decision
submission-appeal = Appeal
submission-monitoring_plan = Monitoring plan
submission-closing_note = Closing note
submission-withdrawal = Withdrawal
submission-note = Note
method-automatic = automatic
method-manual = chosen by the registry
method-override = chosen despite a conflict
assign-automatic = Choose automatically (rotation, no conflicts)
assign-nobody = Nobody eligible
assign-excluded = Passed over
assign-eligible = { $n } eligible
challenge-by = Challenge by the { $party }
challenge-pending = pending
challenge-upheld = upheld
challenge-rejected = rejected
challenge-moot = moot

## Actions (buttons and timeline)
action-file = Filed
action-register = Register
action-declare_eligible = Declare eligible
action-dismiss = Dismiss
action-assign_mediator = Assign a mediator
action-request_response = Request a formal response
action-submit_response = Submit the formal response
action-accept_response = Accept the response
action-contest_response = Contest the response
action-record_settlement = Record a settlement
action-escalate = Escalate to independent review
action-record_decision = Record the decision
action-appeal = Appeal
action-start_monitoring = Start monitoring
action-close = Close the case
action-withdraw = Withdraw the grievance
action-place_hold = Place on hold
action-lift_hold = Lift the hold
action-request_information = Request information
action-provide_information = Provide information
action-request_extension = Request an extension
action-decide_extension = Decide an extension
action-challenge_mediator = Challenge the mediator
action-decide_challenge = Decide a challenge
action-recuse_mediator = Recuse yourself
action-assignment_blocked = No mediator could be assigned
action-viewed = Viewed by oversight
action-breach = Deadline missed
action-escalation = Escalated to oversight
action-notice_failed = Notice could not be delivered
action-notice_requeued = Notice sent again
afield-note = Note
afield-reason = Reason
afield-mediator = Mediator
afield-override_reason = Why a conflicted mediator (only when overriding a conflict)
afield-request = Request
afield-response = Formal response
afield-counter_proposal = Counter-proposal
afield-terms = Terms of the settlement
afield-reasoning = Reasoning
afield-decision = Decision
afield-grounds = Grounds of appeal
afield-plan = Monitoring plan
afield-summary = Closing summary
afield-questions = Questions
afield-information = Information
afield-deadline_id = Deadline
afield-days = Days
afield-grant = Grant it?
afield-challenge = Challenge
afield-uphold = Uphold it?
afield-expected_version = Version
afield-action = Action
problem-title = This could not be done
problem-conflict = Someone changed this case while you were on the page. Its current state is below; check it and act again.
problem-transition = The case's present stage does not allow this. Its current state is below.

## Case page
case-title = Case
case-facts = The grievance
case-mediator = Mediator
case-deadlines = Deadlines
case-no-deadlines = No deadlines yet.
case-actions = What you can do
case-read-only = Oversight reads cases and does not act on them.
case-pleadings = Pleadings
case-no-pleadings = Nothing filed yet.
case-holds = Holds
case-extensions = Extension requests
case-assignments = Mediator assignment
case-timeline = Timeline

## Filing
file-title = File a grievance
file-intro = Describe what happened and what would put it right. Fields marked * are required. Your case gets a reference and deadlines as soon as it is filed.
file-submit = File the grievance
field-title = Title
field-category = Kind of unfairness
field-body = Forum where it happened
field-incident_date = Date of the incident
field-facts = What happened
hint-facts = At least 20 characters: dates, sessions, who decided what.
field-remedy_sought = What would put it right
field-respondent = Against
respondent-body = A body (its chair or secretariat)
respondent-delegation = Another delegation
field-respondent_code = Body or delegation
hint-respondent_code = Choose a body or a delegation, matching your choice above.
field-co_complainants = Co-complainants
hint-co_complainants = Delegations filing with yours, if any: their names or three-letter codes, separated by commas (for example: Haiti, KIR).
field-confidentiality = Confidentiality
hint-confidentiality = With identity protected, the respondent and the public register do not see who filed.
field-language = Language of the case
field-urgency = Urgency
hint-urgency = Urgent cases (a session still sitting) run on shorter deadlines.
caseload-shown = The { $n } most pressing are shown.
field-unknown = Choose one of the listed values.
field-future = This date is in the future.
field-duplicate = This is listed twice.
field-taken = This is already in use.
field-self = Your own delegation cannot be named here.
document-too-large = { $name } is larger than { $mb } MB, the most a file may be.
document-empty = { $name } is empty.
document-type-refused = { $name } is not a kind of file a case file keeps: send a PDF, an image, an office document, plain text or an e-mail message.
document-none = Choose a file to add.
document-too-many = Add at most { $n } files at once.
document-case-full = The case file would exceed { $mb } MB, the most a case may hold.
document-not-taken = This action takes no documents: add them as evidence, or with a pleading.

# The case file
case-documents = Documents
case-no-documents = No documents yet.
evidence-add = Add evidence
evidence-intro = Documents that support the case: an agenda, minutes, a speakers list, correspondence. Adding them never moves a deadline.
field-document_title = Title
field-document_language = Language of the documents
field-files = Documents
field-file = Documents
afield-file = Documents (optional)
hint-files = At most { $n } files of { $mb } MB each: PDF, images, office documents, plain text or e-mail messages, judged by their content.
files-again = Files are not kept when a form is sent back: choose them again.
flash-evidence-added = The documents are added to the case file.
action-documents_added = Evidence added
document-with = Documents
document-kind = Kind
document-size = Size
document-added = Added by

# Correspondence
case-correspondence = Correspondence
case-no-messages = No messages yet.
message-write = Write a message
message-intro = A message reaches only the readers you choose below, by email in their own language. It never meets, starts or pauses a deadline: to answer a request formally, use the actions above.
message-send = Send the message
field-audience = Who may read it
field-message_body = Message
field-message_language = Language of the message
afield-note_audience = Who may read the note
audience-all_parties = All parties and the mediator
audience-complainant_side = Only the mediator and the complainant side
audience-respondent_side = Only the mediator and the respondent side
audience-staff = Staff only (registry, mediator, oversight): an internal note
submission-message = Message
action-message = Message
action-note = Note
flash-message-sent = The message is kept and its readers' emails are queued.

## What happens next, on the case page
next-title = What happens next
next-ended = This case has ended. Nothing more is due from anyone.
next-on-hold = The case is on hold: every deadline is paused until the hold is lifted.
next-nothing-due = No deadline is running now.
next-yours = It is your turn: { $clock }.
next-waiting-complainant = Waiting for the complainant: { $clock }.
next-waiting-respondent = Waiting for the respondent: { $clock }.
next-waiting-mediator = Waiting for the mediator: { $clock }.
next-waiting-registrar = Waiting for the registry: { $clock }.
next-due = Due { $at }
due-end-of-business = the end of the organisation's business day: { $at }, { $zone }
next-read-first = Read first
next-answer-with = Answer it with one of these:
next-your-step = Your next step:
next-nothing-yours = Nothing is yours to do now. You will be emailed when something is.
complaint-above = The complaint as filed: its facts and the remedy sought are shown above.
pleading-above = Shown above, under "What happens next".
withdraw-warning = Withdrawing ends the grievance for good. You will be asked to confirm.
confirm-title = Confirm
confirm-withdraw-title = Withdraw this grievance?
confirm-withdraw-ends = Withdrawing ends the grievance: every deadline still running stops, the mediator and the respondent are told, and the case cannot be reopened. If you may want to come back to it, keep it open.
confirm-withdraw-yes = Yes, withdraw the grievance
confirm-keep = No, keep the case open

field-name_fr = Name in French
field-name_es = Name in Spanish
field-names = Names in other languages
timeline-status-moved = Status: { $from } → { $to }

states-list = Member states and their codes
field-name_ar = Name in Arabic
field-name_zh = Name in Chinese
field-name_ru = Name in Russian

# Translations on a clock
clock-translation = Translation
submission-translation = Translation
action-request_translation = Request a translation
action-provide_translation = Provide a translation
afield-source = What to translate
afield-language = Into
afield-text = Translated text
translation-pending = translation requested
translation-provided = translation
translation-lapsed = not provided: the case ended
translation-authentic = Authentic version
translation-due = The registry provides it by { $due }.
translation-waits = Your side's deadlines are paused until then.
translation-asked-by = Asked for by the { $party }
case-translations = Translations

# Dates, as a translator of this language writes them (month-N names the month as the
# date says it: Russian in the genitive).
month-1 = January
month-2 = February
month-3 = March
month-4 = April
month-5 = May
month-6 = June
month-7 = July
month-8 = August
month-9 = September
month-10 = October
month-11 = November
month-12 = December
date-long = { $day } { $month } { $year }
date-time = { $date }, { $time }
afield-written_in = Language of your text
