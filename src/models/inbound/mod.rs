//! Mail that reaches Redress: grievances filed by email and replies to notices (issue
//! 22). `reading` reads a message once at the edge; `token` signs and checks the reply
//! address every notice carries; [`receive`] is the one door both the mailbox poller and
//! the mail server's pipe come through: every message is kept, once, and given an outcome.
pub mod queue;
pub mod reading;
pub mod reply;
pub mod token;

use chrono::{DateTime, Utc};
use sea_orm::{
    entity::prelude::*,
    sea_query::{Expr, OnConflict},
    ActiveValue::Set,
    DatabaseConnection, DatabaseTransaction, TransactionTrait,
};
use sha2::Digest;

pub use super::_entities::inbound_mail::{ActiveModel, Column, Entity, Model};
use super::{_entities::users, notifications, vocabulary::vocabulary_enum};
use crate::{errors::AppResult, settings::Settings};
use reading::{Nature, Reading};
use token::TokenError;

impl ActiveModelBehavior for ActiveModel {}

vocabulary_enum! {
    /// How a message reached Redress: polled from the registry's mailbox, or handed over
    /// by the mail server's pipe.
    pub enum Via { Imap, Pipe }
}

vocabulary_enum! {
    /// What became of an arriving message.
    pub enum MailOutcome {
        /// In the registry's review queue, with the reason it is there.
        Review,
        /// An automatic message, or our own come back: kept, never answered.
        SetAside,
        /// A report that one of our notices did not arrive, recorded on that notice.
        Bounce,
        /// A reply to one of our notices, placed on its case as a message.
        Placed
    }
}

/// What [`receive`] did with a message.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Taken {
    /// Kept for the first time, with its outcome.
    Kept { pid: Uuid, outcome: MailOutcome },
    /// Taken before (the same Message-ID, or the same bytes): nothing was done again.
    Again { pid: Uuid },
}

/// The largest message taken (the mail server's own limit is usually lower): a larger one
/// is refused whole, so its sender hears it was not kept, rather than kept in part.
pub const MAX_MESSAGE_BYTES: usize = 64 * 1024 * 1024;

/// The longest Message-ID kept as it is; a longer one is kept by its digest.
const MAX_KEY: usize = 250;

/// What tells a message apart from every other: its Message-ID, else a digest of its
/// bytes (a message without one, delivered twice, is the same bytes twice).
fn key_of(reading: Option<&Reading>, raw: &[u8]) -> String {
    match reading.and_then(|r| r.message_id.as_deref()) {
        Some(id) if id.len() <= MAX_KEY => format!("id:{id}"),
        Some(id) => format!("id-sha256:{:x}", sha2::Sha256::digest(id.as_bytes())),
        None => format!("sha256:{:x}", sha2::Sha256::digest(raw)),
    }
}

/// What a message is for, and why, before the database is asked.
struct Disposition {
    outcome: MailOutcome,
    reason: String,
    /// The notice it concerns.
    notice: Option<i64>,
    /// A reply to that notice by its valid token: to place on its case.
    reply: bool,
}

impl From<(MailOutcome, String, Option<i64>)> for Disposition {
    fn from((outcome, reason, notice): (MailOutcome, String, Option<i64>)) -> Self {
        Self {
            outcome,
            reason,
            notice,
            reply: false,
        }
    }
}

/// What a message read as `reading` is for, and why: the outcome, the reason, and the
/// notice it concerns. Pure but for the key reply tokens are checked with.
fn disposition(reading: &Result<Reading, reading::Unreadable>, settings: &Settings) -> Disposition {
    let host = settings.public_host();
    let r = match reading {
        Ok(r) => r,
        Err(e) => return (MailOutcome::Review, format!("unreadable: {e}"), None).into(),
    };
    let triaged = match &r.nature {
        Nature::Ours => (
            MailOutcome::SetAside,
            "one of our own notices came back".into(),
            r.message_id
                .as_deref()
                .and_then(|id| reading::notice_of(id, host)),
        ),
        Nature::Automatic { why } => (
            MailOutcome::SetAside,
            format!("an automatic message ({why})"),
            None,
        ),
        Nature::Bounce {
            original, reason, ..
        } => {
            match original
                .as_deref()
                .and_then(|id| reading::notice_of(id, host))
            {
                Some(notice) => (MailOutcome::Bounce, reason.clone(), Some(notice)),
                None => (
                    MailOutcome::Review,
                    format!(
                        "a delivery failure for a message that is not one of our notices: {reason}"
                    ),
                    None,
                ),
            }
        }
        Nature::Personal => return personal(r, settings),
    };
    triaged.into()
}

/// A message a person wrote: what it is to the registry that reviews it.
fn personal(r: &Reading, settings: &Settings) -> Disposition {
    let Some(intake) = settings.intake.as_ref() else {
        return (
            MailOutcome::Review,
            "this deployment has no intake address".into(),
            None,
        )
            .into();
    };
    let tokens: Vec<&str> = r
        .recipients
        .iter()
        .filter_map(|a| intake.detail_of(a))
        .collect();
    let checked = tokens.iter().map(|t| {
        settings
            .reply_key()
            .map_or(Err(TokenError::Forged), |key| key.verify(t))
    });
    let mut forged = false;
    for result in checked {
        match result {
            Ok(notice) => {
                return Disposition {
                    outcome: MailOutcome::Review,
                    reason: format!("a reply to notice {notice}"),
                    notice: Some(notice),
                    reply: true,
                }
            }
            Err(TokenError::Forged) => forged = true,
            Err(TokenError::Malformed) => {}
        }
    }
    let reason = if forged {
        "a reply address with a forged or altered token"
    } else if !tokens.is_empty() {
        "a reply address whose token is not one of ours"
    } else if r.recipients.iter().any(|a| intake.is(a)) {
        "a new message to the intake address"
    } else {
        "not addressed to the intake address"
    };
    (MailOutcome::Review, reason.into(), None).into()
}

/// A report fails a notice only when it names one of ours and, where it says whom the
/// message was for, that notice's recipient: anyone can write a report, and one naming
/// someone else (or a notice we never sent) is for the registry to read.
async fn confirm_bounce(
    db: &DatabaseConnection,
    reading: &Result<Reading, reading::Unreadable>,
    notice: Option<&notifications::Model>,
    reason: String,
) -> AppResult<(MailOutcome, String)> {
    let Some(notice) = notice else {
        return Ok((
            MailOutcome::Review,
            format!("a delivery failure for a notice that does not exist: {reason}"),
        ));
    };
    let named = match reading {
        Ok(Reading {
            nature: Nature::Bounce { recipient, .. },
            ..
        }) => recipient.as_deref(),
        _ => None,
    };
    if let Some(named) = named {
        let addressee = users::Entity::find_by_id(notice.user_id).one(db).await?;
        if !addressee.is_some_and(|u| u.email.eq_ignore_ascii_case(named)) {
            return Ok((
                MailOutcome::Review,
                format!(
                    "a delivery failure for notice {} naming another recipient: {reason}",
                    notice.id
                ),
            ));
        }
    }
    Ok((MailOutcome::Bounce, reason))
}

/// Inserts `row` unless a message with its key was kept before (then `false`, and the
/// caller rolls back whatever else it did).
async fn insert_once(txn: &DatabaseTransaction, row: ActiveModel) -> AppResult<bool> {
    let inserted = Entity::insert(row)
        .on_conflict(
            OnConflict::column(Column::MessageKey)
                .do_nothing()
                .to_owned(),
        )
        .exec_without_returning(txn)
        .await?;
    Ok(inserted > 0)
}

/// The answer for a message kept before under `key`.
async fn earlier(db: &DatabaseConnection, key: String) -> AppResult<Taken> {
    let earlier = Entity::find()
        .filter(Column::MessageKey.eq(key))
        .one(db)
        .await?
        .ok_or_else(|| crate::errors::AppError::Internal("a kept message vanished".into()))?;
    Ok(Taken::Again { pid: earlier.pid })
}

/// Takes a message too large to keep whole ([`MAX_MESSAGE_BYTES`]), of which only its
/// `header` was read, `size` bytes in all, in the mailbox where the poller left it (the
/// pipe refuses such a message instead, and its sender is told by the mail server): the
/// header is kept in the review queue, once, saying where the whole message is.
///
/// # Errors
/// Database errors.
pub async fn receive_too_large(
    db: &DatabaseConnection,
    settings: &Settings,
    header: &[u8],
    size: u64,
    left_in: &str,
    now: DateTime<Utc>,
) -> AppResult<Taken> {
    let reading = reading::read(header, settings.public_host()).ok();
    let key = key_of(reading.as_ref(), header);
    let pid = Uuid::new_v4();
    let row = ActiveModel {
        pid: Set(pid),
        message_key: Set(key.clone()),
        via: Set(Via::Imap.to_string()),
        arrived_at: Set(now.into()),
        sender: Set(reading.as_ref().and_then(|r| r.from.clone())),
        subject: Set(reading.map(|r| r.subject).unwrap_or_default()),
        outcome: Set(MailOutcome::Review.to_string()),
        reason: Set(Some(format!(
            "over {} MB ({size} bytes): only its header is kept here; the whole message is in the mailbox's folder {left_in}",
            MAX_MESSAGE_BYTES / (1024 * 1024)
        ))),
        size: Set(i64::try_from(size).unwrap_or(i64::MAX)),
        raw: Set(header.to_vec()),
        ..Default::default()
    };
    let txn = db.begin().await?;
    if !insert_once(&txn, row).await? {
        txn.rollback().await?;
        return earlier(db, key).await;
    }
    txn.commit().await?;
    Ok(Taken::Kept {
        pid,
        outcome: MailOutcome::Review,
    })
}

/// Takes one arriving message, `raw` as it arrived `via` the mailbox or the pipe at
/// `now`: it is kept whatever it is (an unreadable one with the reason, in the review
/// queue), once (by its key: a second delivery returns [`Taken::Again`]), and a bounce of
/// one of our notices marks that notice failed in the same transaction.
///
/// # Errors
/// Database errors (nothing is kept then, and the caller leaves the message where it was).
pub async fn receive(
    db: &DatabaseConnection,
    settings: &Settings,
    raw: &[u8],
    via: Via,
    now: DateTime<Utc>,
) -> AppResult<Taken> {
    let reading = reading::read(raw, settings.public_host());
    let key = key_of(reading.as_ref().ok(), raw);
    let Disposition {
        outcome,
        reason,
        notice,
        reply,
    } = disposition(&reading, settings);
    // Read before the transaction, whose first statement then writes: SQLite refuses at
    // once a writer whose transaction read first while another writes.
    let notice = match notice {
        Some(id) => notifications::Entity::find_by_id(id).one(db).await?,
        None => None,
    };
    let (outcome, reason) = match outcome {
        MailOutcome::Bounce => confirm_bounce(db, &reading, notice.as_ref(), reason).await?,
        other => (other, reason),
    };
    let pid = Uuid::new_v4();
    let txn = db.begin().await?;
    let subject = reading
        .as_ref()
        .map(|r| r.subject.clone())
        .unwrap_or_default();
    let row = ActiveModel {
        pid: Set(pid),
        message_key: Set(key.clone()),
        via: Set(via.to_string()),
        arrived_at: Set(now.into()),
        sender: Set(reading.as_ref().ok().and_then(|r| r.from.clone())),
        subject: Set(subject),
        outcome: Set(outcome.to_string()),
        reason: Set(Some(reason.clone())),
        notice_id: Set(notice.as_ref().map(|n| n.id)),
        case_id: Set(notice.as_ref().and_then(|n| n.case_id)),
        size: Set(i64::try_from(raw.len()).unwrap_or(i64::MAX)),
        raw: Set(raw.to_vec()),
        ..Default::default()
    };
    if !insert_once(&txn, row).await? {
        txn.rollback().await?;
        return earlier(db, key).await;
    }
    if let (MailOutcome::Bounce, Some(notice)) = (outcome, &notice) {
        notifications::mark_bounced(&txn, notice, &reason, now).await?;
    }
    let outcome = match (reply, &notice, &reading) {
        (true, Some(notice), Ok(reading)) => {
            let placed = reply::place(&txn, reading, notice, pid, settings.documents, now).await?;
            let (outcome, reason, message) = match placed {
                Ok(message) => (
                    MailOutcome::Placed,
                    format!(
                        "a reply to notice {}, placed on its case as a message to {}",
                        notice.id, message.audience
                    ),
                    Some(message.id),
                ),
                Err(why) => (
                    MailOutcome::Review,
                    format!(
                        "a reply to notice {}, not placed: {}",
                        notice.id,
                        why.reason()
                    ),
                    None,
                ),
            };
            Entity::update_many()
                .col_expr(Column::Outcome, Expr::value(outcome.to_string()))
                .col_expr(Column::Reason, Expr::value(reason))
                .col_expr(Column::SubmissionId, Expr::value(message))
                .filter(Column::Pid.eq(pid))
                .exec(&txn)
                .await?;
            outcome
        }
        _ => outcome,
    };
    txn.commit().await?;
    Ok(Taken::Kept { pid, outcome })
}
