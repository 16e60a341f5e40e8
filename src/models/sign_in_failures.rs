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
use crate::errors::{AppError, AppResult};

impl ActiveModelBehavior for ActiveModel {}

/// How many failures lock an address, and for how long (`settings.sign_in`).
#[derive(Clone, Copy, Debug, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields, default)]
pub struct SignInPolicy {
    /// Failures within the window that lock the address.
    pub max_failures: i32,
    pub window_minutes: i64,
    pub lockout_minutes: i64,
    /// One password-reset email per address in this many minutes: asking again sooner
    /// sends nothing (and leaves the code already sent working).
    pub reset_interval_minutes: i64,
}

impl Default for SignInPolicy {
    /// OWASP's order of magnitude: a handful of tries, then a quarter of an hour's pause,
    /// which stops guessing without locking a delegate out for the day.
    fn default() -> Self {
        Self {
            max_failures: 5,
            window_minutes: 15,
            lockout_minutes: 15,
            reset_interval_minutes: 5,
        }
    }
}

/// The key an address is counted under: a hash, so the table holds no address in the clear.
#[must_use]
pub fn subject(email: &str) -> String {
    token_hash(&normalize_email(email))
}

/// Forgets the counts that have run out, of any address: the table holds only live ones.
///
/// # Errors
/// Database errors.
pub async fn forget_stale(
    db: &impl ConnectionTrait,
    now: DateTime<Utc>,
    policy: SignInPolicy,
) -> AppResult<()> {
    Entity::delete_many()
        .filter(Column::WindowStartedAt.lte(now - Duration::minutes(policy.window_minutes)))
        .filter(not_locked(now))
        .exec(db)
        .await?;
    Ok(())
}

/// Admits one sign-in attempt for `subject`, counting it before its password is checked, in
/// the attempt's own transaction: the conditional UPDATE that raises the count holds the
/// address's row (a row lock on PostgreSQL, the one writer on SQLite) until the attempt's
/// verdict commits, so attempts for one address are judged one after the other and within a
/// window at most `max_failures` are checked, however many arrive at once. A successful
/// sign-in clears the count; an attempt that ends without a verdict (the database went
/// away) rolls back and counts for nothing.
///
/// # Errors
/// [`AppError::Throttled`] with the end of the pause when the attempt is refused (a verdict,
/// to be committed); database errors.
pub async fn admit(
    db: &impl ConnectionTrait,
    subject: &str,
    now: DateTime<Utc>,
    policy: SignInPolicy,
) -> AppResult<()> {
    let window_start = now - Duration::minutes(policy.window_minutes);
    // The row may go between the insert and the update (a sign-in that succeeded cleared
    // it, or counts that ran out were forgotten): then the attempt is counted again, on a
    // fresh row, rather than refused.
    for _ in 0..3 {
        let fresh = ActiveModel {
            subject: Set(subject.to_string()),
            failures: Set(0),
            window_started_at: Set(now.into()),
            locked_until: Set(None),
            created_at: Set(now.into()),
            updated_at: Set(now.into()),
            ..Default::default()
        };
        Entity::insert(fresh)
            .on_conflict(OnConflict::column(Column::Subject).do_nothing().to_owned())
            .exec_without_returning(db)
            .await?;
        // A window that has run out starts again at this attempt.
        let stale = Expr::col(Column::WindowStartedAt).lte(stamp(window_start));
        let admitted = Entity::update_many()
            .col_expr(
                Column::Failures,
                Expr::case(stale.clone(), 1)
                    .finally(Expr::col(Column::Failures).add(1))
                    .into(),
            )
            .col_expr(
                Column::WindowStartedAt,
                Expr::case(stale.clone(), Expr::val(stamp(now)))
                    .finally(Expr::col(Column::WindowStartedAt))
                    .into(),
            )
            .col_expr(Column::UpdatedAt, Expr::val(stamp(now)))
            .filter(Column::Subject.eq(subject))
            .filter(not_locked(now))
            .filter(
                Condition::any()
                    .add(Column::Failures.lt(policy.max_failures))
                    .add(stale),
            )
            .exec(db)
            .await?;
        if admitted.rows_affected == 1 {
            return Ok(());
        }
        let Some(row) = Entity::find()
            .filter(Column::Subject.eq(subject))
            .one(db)
            .await?
        else {
            continue;
        };
        if let Some(until) = row.locked_until.map(|t| t.to_utc()).filter(|t| *t > now) {
            return Err(AppError::Throttled(until));
        }
        if row.failures >= policy.max_failures {
            // Over the limit: the address pauses now.
            let until = lock(db, subject, now, policy)
                .await?
                .unwrap_or(now + Duration::minutes(policy.lockout_minutes));
            return Err(AppError::Throttled(until));
        }
    }
    Ok(())
}

/// After an admitted attempt failed: the failure that reaches the limit pauses the address,
/// and the pause starts a new count. Returns the end of the pause it starts, if it does.
///
/// # Errors
/// Database errors.
pub async fn after_failure(
    db: &impl ConnectionTrait,
    subject: &str,
    now: DateTime<Utc>,
    policy: SignInPolicy,
) -> AppResult<Option<DateTime<Utc>>> {
    lock(db, subject, now, policy).await
}

/// Pauses `subject` when its count has reached the limit and it is not paused already.
async fn lock(
    db: &impl ConnectionTrait,
    subject: &str,
    now: DateTime<Utc>,
    policy: SignInPolicy,
) -> AppResult<Option<DateTime<Utc>>> {
    let until = now + Duration::minutes(policy.lockout_minutes);
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
