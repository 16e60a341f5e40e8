//! Throttling password guessing. Failures are counted per address, accredited or not, in the
//! database, so every node sees the same count; enough failures within the window lock the
//! address for a while, during which no password is even checked. A successful sign-in
//! clears the count.
use chrono::{DateTime, Duration, Utc};
use sea_orm::{
    entity::prelude::*,
    sea_query::{ExprTrait, OnConflict},
    ActiveValue::Set,
    Condition,
};
use serde::Deserialize;

pub use super::_entities::sign_in_failures::{ActiveModel, Column, Entity, Model};
use super::users::{normalize_email, token_hash};
use crate::errors::AppResult;

impl ActiveModelBehavior for ActiveModel {}

/// How many failures lock an address, and for how long (`settings.sign_in`).
#[derive(Clone, Copy, Debug, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields, default)]
pub struct SignInPolicy {
    /// Failures within the window that lock the address.
    pub max_failures: i32,
    pub window_minutes: i64,
    pub lockout_minutes: i64,
}

impl Default for SignInPolicy {
    /// OWASP's order of magnitude: a handful of tries, then a quarter of an hour's pause,
    /// which stops guessing without locking a delegate out for the day.
    fn default() -> Self {
        Self {
            max_failures: 5,
            window_minutes: 15,
            lockout_minutes: 15,
        }
    }
}

/// The key an address is counted under: a hash, so the table holds no address in the clear.
#[must_use]
pub fn subject(email: &str) -> String {
    token_hash(&normalize_email(email))
}

/// Until when sign-ins for `subject` are refused, if they are now.
///
/// # Errors
/// Database errors.
pub async fn locked_until(
    db: &impl ConnectionTrait,
    subject: &str,
    now: DateTime<Utc>,
) -> AppResult<Option<DateTime<Utc>>> {
    Ok(Entity::find()
        .filter(Column::Subject.eq(subject))
        .filter(Column::LockedUntil.gt(now))
        .one(db)
        .await?
        .and_then(|row| row.locked_until)
        .map(|until| until.to_utc()))
}

/// Counts one failure for `subject`; returns the end of the lockout it starts, if it
/// starts one. The count is raised in SQL, so failures sent at the same moment all count.
///
/// # Errors
/// Database errors.
pub async fn record_failure(
    db: &impl ConnectionTrait,
    subject: &str,
    now: DateTime<Utc>,
    policy: SignInPolicy,
) -> AppResult<Option<DateTime<Utc>>> {
    let fresh = ActiveModel {
        subject: Set(subject.to_string()),
        failures: Set(0),
        window_started_at: Set(now.into()),
        locked_until: Set(None),
        created_at: Set(now.into()),
        updated_at: Set(now.into()),
        ..Default::default()
    };
    // Counts that have run out, of any address, go: the table holds only live ones.
    Entity::delete_many()
        .filter(Column::WindowStartedAt.lte(now - Duration::minutes(policy.window_minutes)))
        .filter(not_locked(now))
        .exec(db)
        .await?;
    Entity::insert(fresh)
        .on_conflict(OnConflict::column(Column::Subject).do_nothing().to_owned())
        .exec_without_returning(db)
        .await?;
    // A window that has run out starts again at this failure.
    let stale =
        Expr::col(Column::WindowStartedAt).lte(now - Duration::minutes(policy.window_minutes));
    Entity::update_many()
        .col_expr(
            Column::Failures,
            Expr::case(stale.clone(), 1)
                .finally(Expr::col(Column::Failures).add(1))
                .into(),
        )
        .col_expr(
            Column::WindowStartedAt,
            Expr::case(stale, Expr::val(stamp(now)))
                .finally(Expr::col(Column::WindowStartedAt))
                .into(),
        )
        .col_expr(Column::UpdatedAt, Expr::val(stamp(now)))
        .filter(Column::Subject.eq(subject))
        .exec(db)
        .await?;
    let until = now + Duration::minutes(policy.lockout_minutes);
    // Only the failure that reaches the limit locks; the lockout then starts a new count.
    let locked = Entity::update_many()
        .col_expr(Column::LockedUntil, Expr::val(stamp(until)))
        .col_expr(Column::Failures, Expr::val(0))
        .col_expr(Column::WindowStartedAt, Expr::val(stamp(now)))
        .filter(Column::Subject.eq(subject))
        .filter(Column::Failures.gte(policy.max_failures))
        .filter(not_locked(now))
        .exec(db)
        .await?;
    Ok((locked.rows_affected > 0).then_some(until))
}

/// Rows whose lockout, if any, has ended by `now`.
fn not_locked(now: DateTime<Utc>) -> Condition {
    Condition::any()
        .add(Column::LockedUntil.is_null())
        .add(Column::LockedUntil.lte(now))
}

/// An instant as the columns store it (written through `Set`), so SQLite compares like
/// with like.
fn stamp(at: DateTime<Utc>) -> DateTimeWithTimeZone {
    at.into()
}

/// Forgets the failures of `subject` (after a successful sign-in).
///
/// # Errors
/// Database errors.
pub async fn clear(db: &impl ConnectionTrait, subject: &str) -> AppResult<()> {
    Entity::delete_many()
        .filter(Column::Subject.eq(subject))
        .exec(db)
        .await?;
    Ok(())
}
