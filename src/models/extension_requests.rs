//! Requests for more time on one clock. The case actions that ask and decide
//! (`cases::actions::extensions`) hold the rules; this module reads and writes the rows.
use chrono::{DateTime, Utc};
use sea_orm::{entity::prelude::*, ActiveValue::Set};

pub use super::_entities::extension_requests::{ActiveModel, Column, Entity, Model};
use crate::{errors::AppResult, models::vocabulary::ExtensionStatus};

impl sea_orm::ActiveModelBehavior for ActiveModel {}

/// A new request, pending, for `days` more on the clock `deadline_id`.
pub struct NewRequest<'a> {
    pub case_id: i64,
    pub deadline_id: i64,
    pub requested_by_id: i64,
    pub reason: &'a str,
    pub days: u32,
}

/// Records a pending request.
///
/// # Errors
/// Database errors.
pub async fn open(
    db: &impl ConnectionTrait,
    new: &NewRequest<'_>,
    now: DateTime<Utc>,
) -> AppResult<Model> {
    Ok(ActiveModel {
        pid: Set(Uuid::new_v4()),
        case_id: Set(new.case_id),
        deadline_id: Set(new.deadline_id),
        requested_by_id: Set(new.requested_by_id),
        reason: Set(new.reason.trim().to_string()),
        days: Set(i64::from(new.days)),
        status: Set(ExtensionStatus::Pending.to_string()),
        decided_by_id: Set(None),
        decided_at: Set(None),
        decision_note: Set(None),
        created_at: Set(now.into()),
        updated_at: Set(now.into()),
        ..Default::default()
    }
    .insert(db)
    .await?)
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

/// The request with this pid in this case, if any.
///
/// # Errors
/// Database errors.
pub async fn in_case(
    db: &impl ConnectionTrait,
    case_id: i64,
    pid: Uuid,
) -> AppResult<Option<Model>> {
    Ok(Entity::find()
        .filter(Column::Pid.eq(pid))
        .filter(Column::CaseId.eq(case_id))
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
