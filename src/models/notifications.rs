//! The outbox (DESIGN §5): a notice becomes one row per recipient, written in the same
//! transaction as the change that caused it. Delivery drains these rows; nothing here sends.
use chrono::{DateTime, Utc};
use sea_orm::{entity::prelude::*, ActiveValue::Set};

pub use super::_entities::notifications::{ActiveModel, Column, Entity, Model};
use super::users;
use crate::errors::AppResult;

impl ActiveModelBehavior for ActiveModel {}

/// One notice to queue for a set of recipients.
#[derive(Clone, Debug)]
pub struct Notice {
    pub kind: &'static str,
    pub case_id: Option<i64>,
    /// Unique per cause (an event, a reminder lead...); the recipient is appended, so the
    /// same cause never queues two rows for one person.
    pub dedupe_base: String,
    pub payload: serde_json::Value,
}

/// Queues `notice` for every recipient, skipping rows whose dedupe key already exists.
///
/// # Errors
/// Database errors.
pub async fn enqueue(
    db: &impl ConnectionTrait,
    recipients: &[users::Model],
    notice: &Notice,
    now: DateTime<Utc>,
) -> AppResult<()> {
    let mut seen = std::collections::BTreeSet::new();
    let rows: Vec<ActiveModel> = recipients
        .iter()
        .filter(|u| u.active && seen.insert(u.id))
        .map(|u| ActiveModel {
            user_id: Set(u.id),
            case_id: Set(notice.case_id),
            kind: Set(notice.kind.to_string()),
            locale: Set(u.locale.clone()),
            payload: Set(notice.payload.to_string()),
            dedupe_key: Set(format!("{}:user:{}", notice.dedupe_base, u.id)),
            attempts: Set(0),
            next_attempt_at: Set(now.into()),
            sent_at: Set(None),
            failed_at: Set(None),
            last_error: Set(None),
            created_at: Set(now.into()),
            updated_at: Set(now.into()),
            ..Default::default()
        })
        .collect();
    if rows.is_empty() {
        return Ok(());
    }
    Entity::insert_many(rows)
        .on_conflict_do_nothing_on([Column::DedupeKey])
        .exec_without_returning(db)
        .await?;
    Ok(())
}
