//! The outbox worker (DESIGN §5): claims due notices, renders each email in its
//! recipient's language and zone, sends it through Loco's configured mailer (lettre's pooled
//! SMTP transport), and records the outcome. Transient failures (connection refused, 4xx)
//! retry with exponential backoff; a permanent refusal (5xx) or the last attempt marks the
//! notice failed, which writes a case event and flags it to the mediator, the registry and
//! oversight.
//!
//! Nothing is lost if the process dies: a claimed row comes due again when its lease runs
//! out. A notice is sent twice only if the process dies between the SMTP server's accept
//! and the commit of `sent_at`; the second copy carries the same Message-ID, so mail
//! systems can recognise it.
use chrono::{DateTime, Duration, Utc};
use futures::{stream, StreamExt};
use lettre::{
    message::{header, Attachment, Mailbox, MultiPart},
    AsyncTransport, Message, Transport as _,
};
use lettre::transport::smtp::{authentication::Credentials, extension::ClientId, PoolConfig};
use loco_rs::config::{MailerTls, SmtpMailer};
use sea_orm::{entity::prelude::*, DatabaseConnection, QueryOrder, TransactionTrait};
use serde::Serialize;

use crate::{
    errors::{AppError, AppResult},
    mailers::notices::{CaseFacts, DeadlineFacts, Letter, Renderer, ResetView},
    models::{
        _entities::case_co_complainants as co,
        cases,
        deadlines::{self, calendar::Calendar, calendar::DayUnit},
        delegations,
        notifications::{self, backoff},
        reminders,
        vocabulary::{Locale, Role},
        users,
    },
    settings::Settings,
    views::calendar as ics,
};

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
        let tls_error = |e: lettre::transport::smtp::Error| AppError::Internal(format!("mailer.smtp: {e}"));
        let mut builder = match smtp.tls_mode() {
            MailerTls::Starttls => Smtp::starttls_relay(&smtp.host).map_err(tls_error)?,
            MailerTls::Implicit => Smtp::relay(&smtp.host).map_err(tls_error)?,
            MailerTls::None => Smtp::builder_dangerous(&smtp.host),
        }
        .port(smtp.port)
        .timeout(Some(std::time::Duration::from_secs(30)))
        .pool_config(PoolConfig::new().max_size(concurrency.max(1)));
        if let Some(auth) = &smtp.auth {
            builder = builder.credentials(Credentials::new(auth.user.clone(), auth.password.clone()));
        }
        if let Some(name) = &smtp.hello_name {
            builder = builder.hello_name(ClientId::Domain(name.clone()));
        }
        Ok(Self::Smtp(builder.build()))
    }

    async fn send(&self, message: Message) -> Result<(), SendError> {
        match self {
            Self::Smtp(t) => t.send(message).await.map(|_| ()).map_err(|e| {
                if e.is_permanent() {
                    SendError::Permanent(e.to_string())
                } else {
                    SendError::Transient(e.to_string())
                }
            }),
            Self::Stub(t) => t
                .send(&message)
                .map(|()| ())
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
}

impl std::ops::AddAssign for DeliveryReport {
    fn add_assign(&mut self, o: Self) {
        self.claimed += o.claimed;
        self.sent += o.sent;
        self.retried += o.retried;
        self.failed += o.failed;
        self.withdrawn += o.withdrawn;
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
    let rows = notifications::claim(
        db,
        now,
        Duration::seconds(i64::from(d.lease_seconds)),
        d.batch,
    )
    .await?;
    let mut report = DeliveryReport {
        claimed: rows.len() as u64,
        ..DeliveryReport::default()
    };
    let renderer = Renderer::get()?;
    let mut jobs = Vec::with_capacity(rows.len());
    for row in rows {
        let composed = compose(db, settings, calendar, renderer, &row, now).await?;
        jobs.push((row, composed));
    }
    let concurrency = usize::try_from(d.concurrency).unwrap_or(1).max(1);
    let outcomes: Vec<(notifications::Model, Outcome)> = stream::iter(jobs)
        .map(|(row, composed)| async move {
            let outcome = match composed {
                Composed::Send(message) => match postman.send(*message).await {
                    Ok(()) => Outcome::Sent,
                    Err(SendError::Transient(e)) => Outcome::Transient(e),
                    Err(SendError::Permanent(e)) => Outcome::Permanent(e),
                },
                Composed::Withdraw(why) => Outcome::Withdrawn(why),
                Composed::Fail(why) => Outcome::Permanent(why),
            };
            (row, outcome)
        })
        .buffer_unordered(concurrency)
        .collect()
        .await;
    for (row, outcome) in outcomes {
        match outcome {
            Outcome::Sent => {
                notifications::mark_sent(db, &row, now).await?;
                report.sent += 1;
            }
            Outcome::Withdrawn(why) => {
                notifications::withdraw(db, &row, why, now).await?;
                report.withdrawn += 1;
            }
            Outcome::Transient(why) if row.attempts < i64::from(d.max_attempts) => {
                let wait = backoff(row.attempts, d.backoff_base_seconds, d.backoff_max_seconds);
                tracing::warn!(notice.id = row.id, notice.kind = %row.kind, attempts = row.attempts, error = %why, "notice not delivered, will retry");
                notifications::mark_retry(db, &row, &why, now + wait, now).await?;
                report.retried += 1;
            }
            Outcome::Transient(why) | Outcome::Permanent(why) => {
                tracing::error!(notice.id = row.id, notice.kind = %row.kind, attempts = row.attempts, error = %why, "notice failed");
                fail(db, &row, &why, now).await?;
                report.failed += 1;
            }
        }
    }
    Ok(report)
}

/// Marks a notice failed and appends the case event in one transaction, redone if another
/// writer held the lock (SQLite has one writer at a time).
async fn fail(db: &DatabaseConnection, row: &notifications::Model, why: &str, now: DateTime<Utc>) -> AppResult<()> {
    let mut contended = 0_u64;
    loop {
        let txn = db.begin().await?;
        match notifications::mark_failed(&txn, row, why, now).await {
            Ok(()) => return Ok(txn.commit().await?),
            Err(AppError::Conflict(_)) if contended < 50 => {
                drop(txn);
                contended += 1;
                tokio::time::sleep(std::time::Duration::from_millis(20 * contended)).await;
            }
            Err(e) => return Err(e),
        }
    }
}

enum Outcome {
    Sent,
    Transient(String),
    Permanent(String),
    Withdrawn(&'static str),
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
    }
}

fn case_link(settings: &Settings, case: &cases::Model) -> String {
    format!("{}/api/cases/{}", settings.public_base_url, case.pid)
}

/// Gathers what the email for `row` needs and renders it.
async fn compose(
    db: &DatabaseConnection,
    settings: &Settings,
    calendar: &Calendar,
    renderer: &Renderer,
    row: &notifications::Model,
    now: DateTime<Utc>,
) -> AppResult<Composed> {
    let payload: serde_json::Value = serde_json::from_str(&row.payload).unwrap_or_default();
    let Some(user) = users::Entity::find_by_id(row.user_id).one(db).await? else {
        return Ok(Composed::Withdraw("recipient no longer exists"));
    };
    if !user.active {
        return Ok(Composed::Withdraw("recipient no longer accredited"));
    }
    let is_deadline_notice = matches!(row.kind.as_str(), "reminder" | "breach" | "escalation");
    if is_deadline_notice && !reminders::still_relevant(db, &payload).await? {
        return Ok(Composed::Withdraw("deadline met, moved or paused since queued"));
    }
    let locale: Locale = row.locale.parse().unwrap_or(Locale::En);
    let zone: chrono_tz::Tz = user.time_zone.parse().unwrap_or(chrono_tz::UTC);
    let case = match row.case_id {
        Some(id) => cases::Entity::find_by_id(id).one(db).await?,
        None => None,
    };
    let mut deadline = None;
    let mut case_facts = None;
    let mut link = None;
    if let Some(case) = &case {
        let withheld = user.role == Role::Respondent.as_ref() && case.is_identity_protected();
        let complainant = if withheld {
            None
        } else {
            Some(complainant_names(db, case).await?)
        };
        case_facts = Some(CaseFacts {
            reference: case.reference.clone(),
            title: case.title.clone(),
            status: case.status.clone(),
            complainant,
        });
        link = Some(case_link(settings, case));
        let clock = match payload.get("deadline").and_then(serde_json::Value::as_i64) {
            Some(id) => deadlines::Entity::find_by_id(id).one(db).await?,
            // A lifecycle notice shows the case's next running deadline, if any.
            None => deadlines::Entity::find()
                .filter(deadlines::Column::CaseId.eq(case.id))
                .filter(deadlines::Column::MetAt.is_null())
                .filter(deadlines::Column::CancelledAt.is_null())
                .filter(deadlines::Column::DueAt.is_not_null())
                .order_by_asc(deadlines::Column::DueAt)
                .one(db)
                .await?,
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
                });
            }
        }
    }
    let reset = (row.kind == "password_reset").then(|| ResetView {
        token: payload
            .get("token")
            .and_then(serde_json::Value::as_str)
            .unwrap_or_default()
            .to_string(),
        minutes: settings.reset_token_minutes,
    });
    let letter = Letter {
        kind: row.kind.clone(),
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
        link: link.clone(),
    };
    let rendered = match renderer.render(&letter) {
        Ok(r) => r,
        Err(e) => return Ok(Composed::Fail(e.to_string())),
    };
    let Ok(address) = user.email.parse::<lettre::Address>() else {
        return Ok(Composed::Fail(format!("recipient address `{}` is not valid", user.email)));
    };
    let to = Mailbox::new(Some(user.name.clone()), address);
    let from: Mailbox = settings
        .notices
        .delivery
        .from
        .parse()
        .map_err(|e| AppError::Internal(format!("notices.delivery.from: {e}")))?;
    let body = MultiPart::alternative_plain_html(rendered.text, rendered.html);
    let calendar_entry = letter
        .deadline
        .as_ref()
        .filter(|d| d.due_at > now)
        .and_then(|d| d.entry(renderer, &letter, link.clone().unwrap_or_default()));
    let content = match calendar_entry {
        Some(entry) => {
            let ics = ics::render("Redress", &[entry], &settings.public_base_url);
            let content_type = header::ContentType::parse("text/calendar; charset=utf-8; method=PUBLISH")
                .map_err(|e| AppError::Internal(format!("content type: {e}")))?;
            MultiPart::mixed()
                .multipart(body)
                .singlepart(Attachment::new("deadline.ics".to_string()).body(ics, content_type))
        }
        None => MultiPart::mixed().multipart(body),
    };
    let host = settings
        .public_base_url
        .split("://")
        .nth(1)
        .and_then(|r| r.split(['/', ':']).next())
        .filter(|h| !h.is_empty())
        .unwrap_or("redress.invalid");
    let message = Message::builder()
        .from(from)
        .to(to)
        .subject(rendered.subject)
        .message_id(Some(format!("<notice-{}@{host}>", row.id)))
        .header(ContentLanguage(locale.to_string()))
        .multipart(content);
    match message {
        Ok(m) => Ok(Composed::Send(Box::new(m))),
        Err(e) => Ok(Composed::Fail(format!("email could not be built: {e}"))),
    }
}

/// The lead complainant and co-complainants, by name.
async fn complainant_names(db: &DatabaseConnection, case: &cases::Model) -> AppResult<String> {
    let co_ids: Vec<i64> = co::Entity::find()
        .filter(co::Column::CaseId.eq(case.id))
        .all(db)
        .await?
        .into_iter()
        .map(|c| c.delegation_id)
        .collect();
    let mut names = Vec::new();
    if let Some(lead) = delegations::Entity::find_by_id(case.complainant_delegation_id)
        .one(db)
        .await?
    {
        names.push(lead.name);
    }
    names.extend(
        delegations::Entity::find()
            .filter(delegations::Column::Id.is_in(co_ids))
            .order_by_asc(delegations::Column::Name)
            .all(db)
            .await?
            .into_iter()
            .map(|d| d.name),
    );
    Ok(names.join(", "))
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
