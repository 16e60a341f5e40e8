//! A party's challenge to the mediator holding its case, and the registry's decision on it.
//! The case actions (`cases::actions::staffing`) hold the rules; this module reads and writes
//! the rows. A challenge still pending when its assignment ends becomes moot
//! (`staffing::end`).
use chrono::{DateTime, Utc};
use sea_orm::{entity::prelude::*, ActiveValue::Set};

pub use crate::models::_entities::challenges::{ActiveModel, Column, Entity, Model};
use crate::{
    errors::AppResult,
    models::vocabulary::{ChallengeStatus, Party},
};

impl ActiveModelBehavior for ActiveModel {}

/// Records a pending challenge by `by`, for `party`, against the assignment `assignment_id`.
///
/// # Errors
/// Database errors.
pub async fn raise(
    db: &impl ConnectionTrait,
    case_id: i64,
    assignment_id: i64,
    by: (i64, Party),
    reason: &str,
    now: DateTime<Utc>,
) -> AppResult<Model> {
    Ok(ActiveModel {
        pid: Set(Uuid::new_v4()),
        case_id: Set(case_id),
        assignment_id: Set(assignment_id),
        raised_by_id: Set(by.0),
        party: Set(by.1.to_string()),
        reason: Set(reason.trim().to_string()),
        status: Set(ChallengeStatus::Pending.to_string()),
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

/// The challenge still waiting for a decision against this assignment, if any.
///
/// # Errors
/// Database errors.
pub async fn pending_against(
    db: &impl ConnectionTrait,
    assignment_id: i64,
) -> AppResult<Option<Model>> {
    Ok(Entity::find()
        .filter(Column::AssignmentId.eq(assignment_id))
        .filter(Column::Status.eq(ChallengeStatus::Pending.as_ref()))
        .one(db)
        .await?)
}

/// Records the registry's decision: upheld or rejected, by `by`, with its note.
///
/// # Errors
/// Database errors.
pub async fn decide(
    db: &impl ConnectionTrait,
    challenge: Model,
    uphold: bool,
    by: i64,
    note: &str,
    now: DateTime<Utc>,
) -> AppResult<Model> {
    let mut am: ActiveModel = challenge.into();
    am.status = Set(if uphold {
        ChallengeStatus::Upheld
    } else {
        ChallengeStatus::Rejected
    }
    .to_string());
    am.decided_by_id = Set(Some(by));
    am.decided_at = Set(Some(now.into()));
    am.decision_note = Set(Some(note.trim().to_string()));
    am.updated_at = Set(now.into());
    Ok(am.update(db).await?)
}
