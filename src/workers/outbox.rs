//! The outbox worker (DESIGN §5): claims due notices, renders each email in its
//! recipient's language and zone, sends it through Loco's configured mailer (lettre's pooled
//! SMTP transport), and records the outcome. Transient failures (connection refused, 4xx)
//! retry with exponential backoff; a permanent refusal (5xx) or the last attempt marks the
//! notice failed, which writes a case event and flags it to the mediator, the registry and
//! oversight.
//!
//! Nothing is lost if the process dies: a claimed row comes due again when its lease runs
//! out. A notice is sent twice only if the process dies between the SMTP server's accept
//! and the commit of `sent_at` (or the server acknowledges only after the send was given
//! up); the second copy carries the same Message-ID, so mail systems can recognise it.
//!
//! A live process never races another for a row: sends of a batch start only in the first
//! third of its lease and are given up after another third, which leaves the last third to
//! record their outcomes before anyone may claim the rows again. Rows a slow mail server
//! leaves unsent by then are released, due at once, for the next round.

use chrono::{DateTime, Duration, Utc};
use futures::{stream, FutureExt, StreamExt};
use lettre::transport::smtp::{authentication::Credentials, extension::ClientId, PoolConfig};
use lettre::{
    message::{header, Attachment, Mailbox, MultiPart},
    AsyncTransport, Message, Transport as _,
};
use loco_rs::config::{MailerTls, SmtpMailer};
use sea_orm::{DatabaseConnection, TransactionTrait};
use serde::Serialize;

use crate::{
    errors::{AppError, AppResult},
    mailers::notices::{self, CaseFacts, DeadlineFacts, Letter, ReceiptView, Renderer, ResetView},
    models::{
        cases::disclosure::Disclosure,
        deadlines::calendar::{Calendar, DayUnit},
        digests,
        notices::{About, Facts},
        notifications::{self, NoticeKind},
        redo_when_busy, reminders, text, users,
        vocabulary::Locale,
    },
    settings::{DeliverySettings, Settings},
    views::calendar as ics,
};

const SEND_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(60);

const NO_MAILER: &str =
    "no mailer configured (mailer.smtp.enable or mailer.stub): notices stay queued";

/// The mail transport, built from Loco's mailer configuration.
#[derive(Clone)]
pub enum Postman {
    Smtp(lettre::AsyncSmtpTransport<lettre::Tokio1Executor>),
    Stub(lettre::transport::stub::StubTransport),
}

impl Postman {
    /// The transport Loco's `mailer:` config describes: SMTP (host, port, TLS mode,
    /// credentials, HELO name) with a connection pool sized for `concurrency`, or the
    /// in-memory stub when `mailer.stub` is set.
    ///
    /// # Errors
    /// When the app has no mailer configured (the outbox then keeps its rows), or the SMTP
    /// host cannot be used for TLS.
    pub fn from_config(config: &loco_rs::config::Config, concurrency: u32) -> AppResult<Self> {
        let Some(mailer) = config.mailer.as_ref() else {
            return Err(AppError::Internal(NO_MAILER.into()));
        };
        if mailer.stub {
            return Ok(Self::Stub(lettre::transport::stub::StubTransport::new_ok()));
        }
        match mailer.smtp.as_ref().filter(|s| s.enable) {
            Some(smtp) => Self::smtp(smtp, concurrency),
            None => Err(AppError::Internal(NO_MAILER.into())),
        }
    }

    /// A pooled SMTP transport for one server.
    ///
    /// # Errors
    /// When the host cannot be used for TLS.
    pub fn smtp(smtp: &SmtpMailer, concurrency: u32) -> AppResult<Self> {
        type Smtp = lettre::AsyncSmtpTransport<lettre::Tokio1Executor>;
        let tls_error =
            |e: lettre::transport::smtp::Error| AppError::Internal(format!("mailer.smtp: {e}"));
        let mut builder = match smtp.tls_mode() {
            MailerTls::Starttls => Smtp::starttls_relay(&smtp.host).map_err(tls_error)?,
            MailerTls::Implicit => Smtp::relay(&smtp.host).map_err(tls_error)?,
            MailerTls::None => Smtp::builder_dangerous(&smtp.host),
        }
        .port(smtp.port)
        .timeout(Some(std::time::Duration::from_secs(30)))
        .pool_config(PoolConfig::new().max_size(concurrency.max(1)));
        if let Some(auth) = &smtp.auth {
            builder =
                builder.credentials(Credentials::new(auth.user.clone(), auth.password.clone()));
        }
        if let Some(name) = &smtp.hello_name {
            builder = builder.hello_name(ClientId::Domain(name.clone()));
        }
        Ok(Self::Smtp(builder.build()))
    }

    async fn send(&self, message: Message, within: std::time::Duration) -> Result<(), SendError> {
        match self {
            // A server that stops answering mid-conversation must not hold the worker: the
            // attempt counts as a transient failure and is retried later.
            Self::Smtp(t) => match tokio::time::timeout(within, t.send(message)).await {
                Err(_) => Err(SendError::Transient(format!(
                    "no answer from the SMTP server within {} s",
                    within.as_secs_f64()
                ))),
                Ok(Ok(_)) => Ok(()),
                Ok(Err(e)) if e.is_permanent() => Err(SendError::Permanent(e.to_string())),
                Ok(Err(e)) => Err(SendError::Transient(e.to_string())),
            },
            Self::Stub(t) => t
                .send(&message)
                .map_err(|e| SendError::Transient(e.to_string())),
        }
    }
}

#[derive(Debug)]
enum SendError {
    Transient(String),
    Permanent(String),
}

/// What one round of delivery did.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct DeliveryReport {
    pub claimed: u64,
    pub sent: u64,
    pub retried: u64,
    pub failed: u64,
    /// Reminders withdrawn because their deadline was met, moved or paused meanwhile.
    pub withdrawn: u64,
    /// Rows handed back unsent because the lease ran short (a slow mail server).
    pub released: u64,
}

impl std::ops::AddAssign for DeliveryReport {
    fn add_assign(&mut self, o: Self) {
        self.claimed += o.claimed;
        self.sent += o.sent;
        self.retried += o.retried;
        self.failed += o.failed;
        self.withdrawn += o.withdrawn;
        self.released += o.released;
    }
}

enum Composed {
    Send(Box<Message>),
    Withdraw(&'static str),
    Fail(String),
}

/// Claims one batch of due notices as at `now` and delivers it.
///
/// # Errors
/// Database errors (send failures are outcomes, not errors).
pub async fn deliver_due(
    db: &DatabaseConnection,
    postman: &Postman,
    settings: &Settings,
    calendar: &Calendar,
    now: DateTime<Utc>,
) -> AppResult<DeliveryReport> {
    let d = &settings.notices.delivery;
    let claimed_at = std::time::Instant::now();
    let rows = notifications::claim(
        db,
        now,
        Duration::seconds(i64::from(d.lease_seconds)),
        d.batch,
    )
    .await?;
    let third = std::time::Duration::from_secs(u64::from(d.lease_seconds)) / 3;
    let start_by = claimed_at + third;
    let send_within = third.min(SEND_TIMEOUT);
    let mut report = DeliveryReport {
        claimed: rows.len() as u64,
        ..DeliveryReport::default()
    };
    let renderer = Renderer::get()?;
    let claimed: Vec<Claimed> = rows.into_iter().map(Claimed::new).collect();
    let about: Vec<About> = claimed
        .iter()
        .map(|c| About {
            user_id: c.row.user_id,
            case_id: c.row.case_id,
            deadline_id: c.deadline,
        })
        .collect();
    let facts = Facts::load(db, &about).await?;
    let max_attempts = i64::from(d.max_attempts);
    let jobs: Vec<(notifications::Model, Composed)> = claimed
        .into_iter()
        .map(|c| {
            let composed = if c.row.attempts > max_attempts {
                // Claimed this often and never answered: each delivering process died on
                // it. Claiming it again would only hold back the rest.
                Composed::Fail(format!(
                    "claimed {} times without an outcome (the delivering process stopped each time)",
                    c.row.attempts
                ))
            } else {
                // One row that cannot be built (whatever the reason) fails alone.
                std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                    compose(&facts, settings, calendar, renderer, &c, now)
                }))
                .unwrap_or_else(|panic| {
                    Composed::Fail(format!("the email could not be built: {}", said(&*panic)))
                })
            };
            (c.row, composed)
        })
        .collect();
    let concurrency = usize::try_from(d.concurrency).unwrap_or(1).max(1);
    let outcomes: Vec<(notifications::Model, Outcome)> = stream::iter(jobs)
        .map(|(row, composed)| async move {
            let outcome = match composed {
                Composed::Send(_) if std::time::Instant::now() >= start_by => Outcome::Released,
                Composed::Send(message) => {
                    let sent = std::panic::AssertUnwindSafe(postman.send(*message, send_within))
                        .catch_unwind()
                        .await;
                    match sent {
                        Ok(Ok(())) => Outcome::Sent,
                        Ok(Err(SendError::Transient(why))) => Outcome::Failed {
                            why,
                            transient: true,
                        },
                        Ok(Err(SendError::Permanent(why))) => Outcome::Failed {
                            why,
                            transient: false,
                        },
                        Err(panic) => Outcome::Failed {
                            why: format!("the email could not be sent: {}", said(&*panic)),
                            transient: false,
                        },
                    }
                }
                Composed::Withdraw(why) => Outcome::Withdrawn(why),
                Composed::Fail(why) => Outcome::Failed {
                    why,
                    transient: false,
                },
            };
            (row, outcome)
        })
        .buffer_unordered(concurrency)
        .collect()
        .await;
    record(db, outcomes, d, &mut report, now).await?;
    Ok(report)
}

/// Records each outcome of a batch: sent rows together, released rows due again at once,
/// withdrawn rows with their reason, failures retried with backoff or failed and flagged.
async fn record(
    db: &DatabaseConnection,
    outcomes: Vec<(notifications::Model, Outcome)>,
    d: &DeliverySettings,
    report: &mut DeliveryReport,
    now: DateTime<Utc>,
) -> AppResult<()> {
    let mut sent = Vec::new();
    let mut released = Vec::new();
    for (row, outcome) in outcomes {
        match outcome {
            Outcome::Sent => {
                report.sent += 1;
                sent.push(row);
            }
            Outcome::Released => {
                report.released += 1;
                released.push(row.id);
            }
            Outcome::Withdrawn(why) => {
                notifications::withdraw(db, &row, why, now).await?;
                report.withdrawn += 1;
            }
            Outcome::Failed { why, transient } => {
                match notifications::after_failure(&row, transient, d, now) {
                    Some(next) => {
                        tracing::warn!(notice.id = row.id, notice.kind = %row.kind, attempts = row.attempts, error = %why, "notice not delivered, will retry");
                        notifications::mark_retry(db, &row, &why, next, now).await?;
                        report.retried += 1;
                    }
                    None => {
                        tracing::error!(notice.id = row.id, notice.kind = %row.kind, attempts = row.attempts, error = %why, "notice failed");
                        fail(db, &row, &why, now).await?;
                        report.failed += 1;
                    }
                }
            }
        }
    }
    notifications::mark_sent(db, &sent, now).await?;
    notifications::release(db, released, now).await?;
    Ok(())
}

/// What a panic said, for the row's `last_error`.
fn said(panic: &(dyn std::any::Any + Send)) -> String {
    panic
        .downcast_ref::<&str>()
        .map(ToString::to_string)
        .or_else(|| panic.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "an unexpected failure".into())
}

/// Marks a notice failed and appends the case event in one transaction, redone if another
/// writer held the lock (SQLite has one writer at a time).
async fn fail(
    db: &DatabaseConnection,
    row: &notifications::Model,
    why: &str,
    now: DateTime<Utc>,
) -> AppResult<()> {
    redo_when_busy(|| async {
        let txn = db.begin().await?;
        notifications::mark_failed(&txn, row, why, now).await?;
        Ok(txn.commit().await?)
    })
    .await
}

enum Outcome {
    Sent,
    Failed {
        why: String,
        transient: bool,
    },
    Withdrawn(&'static str),
    /// Not attempted: the lease was too far gone to start a send.
    Released,
}

/// Delivers until nothing is due, reading the clock before each round.
///
/// # Errors
/// Database errors.
pub async fn drain(
    db: &DatabaseConnection,
    postman: &Postman,
    settings: &Settings,
    calendar: &Calendar,
    clock: impl Fn() -> DateTime<Utc>,
) -> AppResult<DeliveryReport> {
    let mut total = DeliveryReport::default();
    loop {
        let round = deliver_due(db, postman, settings, calendar, clock()).await?;
        total += round;
        if round.claimed == 0 {
            return Ok(total);
        }
        if round.released == round.claimed {
            // Not one send could start within the lease: claiming again would spin.
            tracing::warn!(
                claimed = round.claimed,
                "a batch took a third of its lease to prepare; lengthen \
                 notices.delivery.lease_seconds or shorten batch"
            );
            return Ok(total);
        }
    }
}

/// A claimed row with its payload read once.
struct Claimed {
    row: notifications::Model,
    payload: serde_json::Value,
    /// The deadline a deadline notice is about.
    deadline: Option<i64>,
    kind: Option<NoticeKind>,
}

impl Claimed {
    fn new(row: notifications::Model) -> Self {
        let payload: serde_json::Value = serde_json::from_str(&row.payload).unwrap_or_default();
        let deadline = payload.get("deadline").and_then(serde_json::Value::as_i64);
        let kind = NoticeKind::parse(&row.kind);
        Self {
            row,
            payload,
            deadline,
            kind,
        }
    }
}

/// Renders the email for `row` from what the batch loaded.
fn compose(
    facts: &Facts,
    settings: &Settings,
    calendar: &Calendar,
    renderer: &Renderer,
    claimed: &Claimed,
    now: DateTime<Utc>,
) -> Composed {
    let Claimed {
        row,
        payload,
        deadline: deadline_id,
        kind,
    } = claimed;
    let Some(kind) = *kind else {
        return Composed::Fail(format!("no email for `{}`", row.kind));
    };
    let deadline_id = *deadline_id;
    let Some(user) = facts.users.get(&row.user_id) else {
        return Composed::Withdraw("recipient no longer exists");
    };
    if !user.active {
        return Composed::Withdraw("recipient no longer accredited");
    }
    let named = deadline_id.and_then(|id| facts.deadlines.get(&id));
    if kind.is_about_a_deadline() && !reminders::is_current(named, payload) {
        return Composed::Withdraw("deadline met, moved or paused since queued");
    }
    let locale: Locale = row.locale.parse().unwrap_or(Locale::En);
    let zone: chrono_tz::Tz = user.time_zone.parse().unwrap_or(chrono_tz::UTC);
    let case = row.case_id.and_then(|id| facts.cases.get(&id));
    let mut deadline = None;
    let mut case_facts = None;
    let mut link = None;
    if let Some(case) = case {
        let shown = Disclosure::to_recipient(case, user);
        case_facts = Some(CaseFacts {
            reference: case.reference.clone(),
            title: case.title.clone(),
            // The case as it was at the event the notice reports, not as it is by the time
            // the notice goes out.
            status: payload
                .get("status")
                .and_then(serde_json::Value::as_str)
                .map_or_else(|| case.status.clone(), str::to_string),
            complainant: shown
                .complainant(facts.complainants.get(&case.id))
                .flatten()
                .cloned(),
        });
        link = Some(settings.case_url(case.pid));
        let clock = match deadline_id {
            Some(_) => named.filter(|d| shown.may_see_clock(d)),
            None if kind.shows_the_next_clock() => facts
                .open_clocks
                .get(&case.id)
                .and_then(|clocks| shown.next_clock(clocks)),
            None => None,
        };
        if let Some(d) = clock {
            if let (Some(due), Ok(kind), Ok(party)) = (d.due_at, d.kind(), d.party()) {
                let due = due.to_utc();
                deadline = Some(DeadlineFacts {
                    id: d.id,
                    kind,
                    party,
                    due_at: due,
                    updated_at: d.updated_at.to_utc(),
                    working_days_left: calendar.days_between(now, due, DayUnit::Working),
                    local_days_left: notices::local_days_between(now, due, zone),
                });
            }
        }
    }
    let reset = (kind == NoticeKind::PasswordReset).then(|| {
        let token = payload
            .get("token")
            .and_then(serde_json::Value::as_str)
            .unwrap_or_default()
            .to_string();
        ResetView {
            url: settings.reset_url(&token),
            token,
            minutes: settings.reset_token_minutes,
        }
    });
    let receipt = (kind == NoticeKind::Receipt).then(|| {
        let said = |key: &str| {
            payload
                .get(key)
                .and_then(serde_json::Value::as_str)
                .unwrap_or_default()
                .to_string()
        };
        let (day, event) = (said("day"), said("event"));
        ReceiptView {
            sha256: said("sha256"),
            proof_url: settings.inclusion_url(&day, &event),
            event,
            day,
            by_mail: payload
                .get(digests::BY_MAIL_KEY)
                .and_then(serde_json::Value::as_bool)
                .unwrap_or(false),
        }
    });
    let letter = Letter {
        kind,
        locale,
        recipient_name: user.name.clone(),
        zone,
        case: case_facts,
        deadline,
        stage: payload
            .get("stage")
            .and_then(serde_json::Value::as_str)
            .map(str::to_string),
        reset,
        receipt,
        link: link.clone(),
    };
    match build_message(settings, renderer, &letter, user, row.id, link, now) {
        Ok(m) => Composed::Send(Box::new(m)),
        Err(why) => Composed::Fail(why),
    }
}

fn build_message(
    settings: &Settings,
    renderer: &Renderer,
    letter: &Letter,
    user: &users::Model,
    notice_id: i64,
    link: Option<String>,
    now: DateTime<Utc>,
) -> Result<Message, String> {
    let rendered = renderer.render(letter).map_err(|e| e.to_string())?;
    let address = user
        .email
        .parse::<lettre::Address>()
        .map_err(|_| format!("recipient address `{}` is not valid", user.email))?;
    let to = Mailbox::new(Some(text::one_line(&user.name).into_owned()), address);
    let from: Mailbox = settings
        .notices
        .delivery
        .from
        .parse()
        .map_err(|e| format!("notices.delivery.from: {e}"))?;
    let body = MultiPart::alternative_plain_html(rendered.text, rendered.html);
    let calendar_entry = letter
        .deadline
        .as_ref()
        .filter(|d| d.due_at > now)
        .and_then(|d| d.entry(renderer, letter, link.unwrap_or_default()));
    let content = match calendar_entry {
        Some(entry) => {
            let ics = ics::render("Redress", &[entry], &settings.public_base_url);
            let content_type =
                header::ContentType::parse("text/calendar; charset=utf-8; method=PUBLISH")
                    .map_err(|e| format!("content type: {e}"))?;
            MultiPart::mixed()
                .multipart(body)
                .singlepart(Attachment::new("deadline.ics".to_string()).body(ics, content_type))
        }
        None => MultiPart::mixed().multipart(body),
    };
    let builder = Message::builder().from(from).to(to);
    let builder = match settings.reply_address(notice_id) {
        Some(address) => builder.reply_to(
            address
                .parse()
                .map_err(|e| format!("reply address {address:?}: {e}"))?,
        ),
        None => builder,
    };
    builder
        .subject(text::one_line(&rendered.subject))
        .message_id(Some(format!(
            "<notice-{notice_id}@{}>",
            settings.public_host()
        )))
        .header(ContentLanguage(letter.locale.to_string()))
        .multipart(content)
        .map_err(|e| format!("email could not be built: {e}"))
}

/// `Content-Language`: tells mail clients (and screen readers) which language the body is in.
#[derive(Clone, Debug)]
struct ContentLanguage(String);

impl header::Header for ContentLanguage {
    fn name() -> header::HeaderName {
        header::HeaderName::new_from_ascii_str("Content-Language")
    }

    fn parse(s: &str) -> Result<Self, Box<dyn std::error::Error + Send + Sync>> {
        Ok(Self(s.to_string()))
    }

    fn display(&self) -> header::HeaderValue {
        header::HeaderValue::new(Self::name(), self.0.clone())
    }
}
