//! Rows of `holds`; their rules live with the case that owns them (`cases::actions`).
use chrono::{DateTime, Utc};
use sea_orm::ActiveValue::Set;

pub use super::_entities::holds::{ActiveModel, Column, Entity, Model};

impl sea_orm::ActiveModelBehavior for ActiveModel {}

/// The row of a hold `by` placed on a case at `at`, not yet lifted. Placing a hold and bulk
/// seeding both start from it, so a column added to holds is given its value here.
#[must_use]
pub fn placed(case_id: i64, reason: String, by: i64, at: DateTime<Utc>) -> ActiveModel {
    ActiveModel {
        case_id: Set(case_id),
        reason: Set(reason),
        placed_by_id: Set(by),
        placed_at: Set(at.into()),
        lifted_by_id: Set(None),
        lifted_at: Set(None),
        created_at: Set(at.into()),
        updated_at: Set(at.into()),
        ..Default::default()
    }
}
