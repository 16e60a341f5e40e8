//! The registry's view of arriving mail (issue 22): the review queue and everything else
//! kept, each message as it arrived and as Redress read it. Only the registry sees it: mail
//! can name a protected complainant, and it is not yet on any case whose rules would scope
//! it; everyone else is answered as if it did not exist.
use chrono::{DateTime, Utc};
use sea_orm::{entity::prelude::*, Condition, FromQueryResult, QueryOrder, QuerySelect};
use serde::{Deserialize, Serialize};

use super::{reading, Column, Entity, MailOutcome, Model};
use crate::{
    errors::{AppError, AppResult},
    models::{cases, users::Actor, vocabulary::Role},
};

/// Whether `actor` works the mail: the registry alone.
fn works_the_mail(actor: &Actor) -> AppResult<()> {
    if actor.role == Role::Registrar {
        Ok(())
    } else {
        Err(AppError::NotFound)
    }
}

/// Which messages to list.
#[derive(Clone, Debug, Default, Deserialize, utoipa::ToSchema, utoipa::IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct MailFilter {
    /// What became of them; the review queue when left out.
    pub outcome: Option<MailOutcome>,
    /// 1 for the newest; each page holds `per_page`.
    pub page: Option<u64>,
    /// 1 to 100; 25 when left out.
    pub per_page: Option<u64>,
}

/// A kept message, as a list shows it.
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct Listed {
    pub pid: Uuid,
    pub arrived_at: DateTime<Utc>,
    /// `imap` or `pipe`.
    pub via: String,
    pub sender: Option<String>,
    pub subject: String,
    pub outcome: MailOutcome,
    /// Why it has that outcome, for the registry.
    pub reason: Option<String>,
    /// Its size as it arrived, in bytes.
    pub size: i64,
    /// The notice it answers or reports on.
    pub notice: Option<i64>,
    /// The case it concerns, with its reference.
    pub case: Option<Uuid>,
    pub case_reference: Option<String>,
}

/// A file a message carries, as the registry sees it before anything is kept of it.
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct AttachedFile {
    pub name: String,
    pub content_type: String,
    pub size: usize,
}

/// One message: as listed, and as Redress read it.
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct Opened {
    #[serde(flatten)]
    pub listed: Listed,
    pub from_name: Option<String>,
    pub recipients: Vec<String>,
    /// The sender's own words, quoted history trimmed; empty for an unreadable message.
    pub text: String,
    /// The language its client names, if any.
    pub language: Option<String>,
    pub attachments: Vec<AttachedFile>,
    /// Why it could not be read, when it could not.
    pub unreadable: Option<String>,
}

/// The columns a list shows: never the message itself, which may be tens of megabytes.
#[derive(Debug, FromQueryResult)]
struct Head {
    pid: Uuid,
    arrived_at: DateTimeWithTimeZone,
    via: String,
    sender: Option<String>,
    subject: String,
    outcome: String,
    reason: Option<String>,
    size: i64,
    notice_id: Option<i64>,
    case_id: Option<i64>,
}

impl From<&Model> for Head {
    fn from(m: &Model) -> Self {
        Self {
            pid: m.pid,
            arrived_at: m.arrived_at,
            via: m.via.clone(),
            sender: m.sender.clone(),
            subject: m.subject.clone(),
            outcome: m.outcome.clone(),
            reason: m.reason.clone(),
            size: m.size,
            notice_id: m.notice_id,
            case_id: m.case_id,
        }
    }
}

async fn listed(db: &impl ConnectionTrait, rows: Vec<Head>) -> AppResult<Vec<Listed>> {
    let case_ids: Vec<i64> = rows.iter().filter_map(|m| m.case_id).collect();
    let cases = cases::by_id(db, case_ids).await?;
    rows.into_iter()
        .map(|m| {
            let case = m.case_id.and_then(|id| cases.get(&id));
            Ok(Listed {
                pid: m.pid,
                arrived_at: m.arrived_at.to_utc(),
                via: m.via,
                sender: m.sender,
                subject: m.subject,
                outcome: MailOutcome::parse_stored(&m.outcome)?,
                reason: m.reason,
                size: m.size,
                notice: m.notice_id,
                case: case.map(|c| c.pid),
                case_reference: case.map(|c| c.reference.clone()),
            })
        })
        .collect()
}

/// The messages `filter` asks for, newest first: the review queue by default.
///
/// # Errors
/// 404 for anyone but the registry; database errors.
pub async fn list(
    db: &impl ConnectionTrait,
    actor: &Actor,
    filter: &MailFilter,
) -> AppResult<Vec<Listed>> {
    works_the_mail(actor)?;
    // Paged as every list is: a page past the end is empty, never an error.
    let (page, per_page) = crate::models::cases::bounds(filter.page, filter.per_page);
    let outcome = filter.outcome.unwrap_or(MailOutcome::Review);
    let rows = Entity::find()
        .select_only()
        .columns([
            Column::Pid,
            Column::ArrivedAt,
            Column::Via,
            Column::Sender,
            Column::Subject,
            Column::Outcome,
            Column::Reason,
            Column::Size,
            Column::NoticeId,
            Column::CaseId,
        ])
        .filter(Condition::all().add(Column::Outcome.eq(outcome.to_string())))
        .order_by_desc(Column::ArrivedAt)
        .order_by_desc(Column::Id)
        .offset((page - 1) * per_page)
        .limit(per_page)
        .into_model::<Head>()
        .all(db)
        .await?;
    listed(db, rows).await
}

async fn find(db: &impl ConnectionTrait, actor: &Actor, pid: Uuid) -> AppResult<Model> {
    works_the_mail(actor)?;
    Entity::find()
        .filter(Column::Pid.eq(pid))
        .one(db)
        .await?
        .ok_or(AppError::NotFound)
}

/// The message `pid`, as listed and as read, for the registry.
///
/// # Errors
/// 404 for anyone but the registry, or no such message; database errors.
pub async fn open(
    db: &impl ConnectionTrait,
    actor: &Actor,
    pid: Uuid,
    own_host: &str,
) -> AppResult<Opened> {
    let row = find(db, actor, pid).await?;
    let read = reading::read(&row.raw, own_host);
    let mut rows = listed(db, vec![Head::from(&row)]).await?;
    let listed = rows
        .pop()
        .ok_or_else(|| AppError::Internal("a listed message vanished".into()))?;
    Ok(match read {
        Ok(r) => Opened {
            listed,
            from_name: r.from_name,
            recipients: r.recipients,
            text: r.text,
            language: r.language,
            attachments: r
                .attachments
                .iter()
                .map(|a| AttachedFile {
                    name: a.name.clone(),
                    content_type: a.content_type.clone(),
                    size: a.bytes.len(),
                })
                .collect(),
            unreadable: None,
        },
        Err(e) => Opened {
            listed,
            from_name: None,
            recipients: Vec::new(),
            text: String::new(),
            language: None,
            attachments: Vec::new(),
            unreadable: Some(e.to_string()),
        },
    })
}

/// The message `pid` exactly as it arrived, for the registry to open in a mail client.
///
/// # Errors
/// 404 for anyone but the registry, or no such message; database errors.
pub async fn raw(db: &impl ConnectionTrait, actor: &Actor, pid: Uuid) -> AppResult<Vec<u8>> {
    Ok(find(db, actor, pid).await?.raw)
}
