//! Rows of `extension_requests`; their rules live with the case that owns them (`cases::actions`).
use chrono::{DateTime, Utc};
use sea_orm::ActiveValue::Set;
use uuid::Uuid;

pub use super::_entities::extension_requests::{ActiveModel, Column, Entity, Model};
use super::vocabulary::ExtensionStatus;

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
