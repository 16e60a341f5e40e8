//! Holds on a case: while one is in place the case's clocks stand still. The case action that
//! places or lifts one (`cases::actions::holds`) decides when; this module writes the rows.
use chrono::{DateTime, FixedOffset, Utc};
use sea_orm::{entity::prelude::*, sea_query::Expr, ActiveValue::Set};

pub use super::_entities::holds::{ActiveModel, Column, Entity, Model};
use crate::errors::AppResult;

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

/// Records a hold placed on a case by `by`, now.
///
/// # Errors
/// Database errors.
pub async fn place(
    db: &impl ConnectionTrait,
    case_id: i64,
    reason: &str,
    by: i64,
    now: DateTime<Utc>,
) -> AppResult<Model> {
    Ok(placed(case_id, reason.trim().to_string(), by, now)
        .insert(db)
        .await?)
}

/// Lifts every hold in place on a case, as `by`, now.
///
/// # Errors
/// Database errors.
pub async fn lift_all(
    db: &impl ConnectionTrait,
    case_id: i64,
    by: i64,
    now: DateTime<Utc>,
) -> AppResult<()> {
    Entity::update_many()
        .col_expr(
            Column::LiftedAt,
            Expr::value(sea_orm::Value::from(Some(DateTime::<FixedOffset>::from(
                now,
            )))),
        )
        .col_expr(Column::LiftedById, Expr::value(Some(by)))
        .filter(Column::CaseId.eq(case_id))
        .filter(Column::LiftedAt.is_null())
        .exec(db)
        .await?;
    Ok(())
}
