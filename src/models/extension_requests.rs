//! Requests for more time on one clock. The case actions that ask and decide
//! (`cases::actions::extensions`) hold the rules; this module reads and writes the rows.
use chrono::{DateTime, Utc};
use sea_orm::{entity::prelude::*, ActiveValue::Set};

pub use super::_entities::extension_requests::{ActiveModel, Column, Entity, Model};
use crate::{errors::AppResult, models::vocabulary::ExtensionStatus};

impl sea_orm::ActiveModelBehavior for ActiveModel {}

/// Who asks for how many more days on which clock, and why.
pub struct Request {
    pub pid: Uuid,
    pub case_id: i64,
    pub deadline_id: i64,
    pub requested_by_id: i64,
    pub reason: String,
    pub days: u32,
}

/// The row of an extension request made at `at`, pending. Requesting an extension and bulk
/// seeding both start from it, so a column added to extension requests is given its value
/// here.
#[must_use]
pub fn requested(request: Request, at: DateTime<Utc>) -> ActiveModel {
    ActiveModel {
        pid: Set(request.pid),
        case_id: Set(request.case_id),
        deadline_id: Set(request.deadline_id),
        requested_by_id: Set(request.requested_by_id),
        reason: Set(request.reason),
        days: Set(i64::from(request.days)),
        status: Set(ExtensionStatus::Pending.to_string()),
        decided_by_id: Set(None),
        decided_at: Set(None),
        decision_note: Set(None),
        created_at: Set(at.into()),
        updated_at: Set(at.into()),
        ..Default::default()
    }
}

/// Records a pending request.
///
/// # Errors
/// Database errors.
pub async fn open(
    db: &impl ConnectionTrait,
    request: Request,
    now: DateTime<Utc>,
) -> AppResult<Model> {
    Ok(requested(request, now).insert(db).await?)
}

/// The request still waiting for a decision on this clock, if any.
///
/// # Errors
/// Database errors.
pub async fn pending_on(db: &impl ConnectionTrait, deadline_id: i64) -> AppResult<Option<Model>> {
    Ok(Entity::find()
        .filter(Column::DeadlineId.eq(deadline_id))
        .filter(Column::Status.eq(ExtensionStatus::Pending.as_ref()))
        .one(db)
        .await?)
}

/// Records the decision on a request: granted for `granted` days, or refused.
///
/// # Errors
/// Database errors.
pub async fn decide(
    db: &impl ConnectionTrait,
    request: Model,
    granted: Option<u32>,
    by: i64,
    note: &str,
    now: DateTime<Utc>,
) -> AppResult<Model> {
    let mut am: ActiveModel = request.into();
    am.status = Set(if granted.is_some() {
        ExtensionStatus::Granted
    } else {
        ExtensionStatus::Refused
    }
    .to_string());
    am.decided_by_id = Set(Some(by));
    am.decided_at = Set(Some(now.into()));
    am.decision_note = Set(Some(note.trim().to_string()));
    if let Some(days) = granted {
        am.days = Set(i64::from(days));
    }
    am.updated_at = Set(now.into());
    Ok(am.update(db).await?)
}
