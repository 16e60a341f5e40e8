## Registry desk
desk-title = Intake
desk-to-register = To register
desk-registered = Registered, to assess
desk-assessing = Under assessment
desk-empty = Nothing waiting.
desk-loads = Mediators
desk-awaiting-mediator = { $n ->
    [0] Every case past eligibility has a mediator.
    [one] One case past eligibility has no mediator.
   *[other] { $n } cases past eligibility have no mediator.
}
col-nationality = Nationality
col-languages = Languages
col-active-cases = Open cases
col-capacity = Capacity
col-overdue = Overdue
col-availability = Availability
mediator-inactive = inactive
mediator-on-leave = on leave
mediator-available = available
notices-title = Failed notices
notices-intro = Emails that could not be delivered after every retry. Check the address, then send again.
notices-none = No notice has failed.
notices-counts = Waiting to be sent: { $waiting } · Sent: { $sent } · Failed after every retry: { $failed }
notice-retry = Send again
flash-requeued = The notice is queued again.
col-case = Case
col-notice = Notice
col-recipient = Recipient
col-attempts = Attempts
col-last-error = Last error
col-failed = Failed
desk-all-of-queue = All { $n } in this queue

received-title = Mail received
received-intro = Mail that reached the registry: what waits for you to review, replies placed on their cases, reports of notices that did not arrive, and automatic messages set aside. Each message is kept exactly as it arrived.
received-tabs = What became of it
received-outcome-review = To review
received-outcome-placed = Placed on a case
received-outcome-bounce = Delivery failures
received-outcome-set_aside = Set aside
received-download = Download
received-none = Nothing here.
col-arrived = Arrived
col-sender = Sender
col-subject = Subject
col-reason = Why
col-size-kb = Size (KB)
received-back = Back to the mail
received-recipients = Sent to
received-words = Their words
received-files = Files it carries
received-unreadable = It could not be read:
received-file-bytes = { $bytes } bytes
