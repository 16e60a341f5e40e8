//! Forms that repeat safely: each form carries a one-time key, and the page a key led to is
//! remembered, so sending the same form again lands there without acting twice.
use chrono::{DateTime, Duration, Utc};
use sea_orm::{entity::prelude::*, ActiveValue::Set};

pub use super::_entities::form_replays::{self, ActiveModel, Column, Entity, Model};
use crate::errors::{AppError, AppResult, FieldErrors, Said};

impl ActiveModelBehavior for ActiveModel {}

/// How long a key is remembered: far longer than any retry, short enough to stay small.
pub const KEEP_DAYS: i64 = 7;

/// A form key: 8 to 64 visible characters (the pages send a UUID).
///
/// # Errors
/// 422 naming `_key`.
pub fn parse_key(raw: &str) -> AppResult<String> {
    let ok = (8..=64).contains(&raw.len())
        && raw
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
    if ok {
        Ok(raw.to_string())
    } else {
        Err(AppError::Validation(FieldErrors::single_said(
            "_key",
            "invalid",
            Said::new("field-form-damaged"),
        )))
    }
}

/// What a form key says about a form being sent.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Claim {
    /// First time: act, then [`settle`] where it led.
    Fresh,
    /// Sent before and done: go where it led.
    Done(String),
    /// Sent before and still being handled (two clicks at once).
    Pending,
}

/// Claims `key` for `user_id` before acting, so that of two identical forms sent at once
/// only one acts. Keys older than [`KEEP_DAYS`] are forgotten on the way.
///
/// # Errors
/// Database errors.
pub async fn claim(
    db: &impl ConnectionTrait,
    user_id: i64,
    key: &str,
    now: DateTime<Utc>,
) -> AppResult<Claim> {
    Entity::delete_many()
        .filter(Column::CreatedAt.lt(now - Duration::days(KEEP_DAYS)))
        .exec(db)
        .await?;
    let inserted = Entity::insert(ActiveModel {
        user_id: Set(user_id),
        key: Set(key.to_string()),
        location: Set(String::new()),
        created_at: Set(now.into()),
        updated_at: Set(now.into()),
        ..Default::default()
    })
    .on_conflict_do_nothing_on([Column::UserId, Column::Key])
    .exec_without_returning(db)
    .await?;
    if matches!(inserted, sea_orm::TryInsertResult::Inserted(n) if n > 0) {
        return Ok(Claim::Fresh);
    }
    let row = Entity::find()
        .filter(Column::UserId.eq(user_id))
        .filter(Column::Key.eq(key))
        .one(db)
        .await?;
    Ok(match row {
        Some(r) if !r.location.is_empty() => Claim::Done(r.location),
        _ => Claim::Pending,
    })
}

/// Records where the claimed `key` led.
///
/// # Errors
/// Database errors.
pub async fn settle(
    db: &impl ConnectionTrait,
    user_id: i64,
    key: &str,
    location: &str,
) -> AppResult<()> {
    Entity::update_many()
        .col_expr(Column::Location, sea_orm::sea_query::Expr::value(location))
        .filter(Column::UserId.eq(user_id))
        .filter(Column::Key.eq(key))
        .exec(db)
        .await?;
    Ok(())
}

/// Frees a claimed `key` whose form was refused, so it may be sent again once corrected.
///
/// # Errors
/// Database errors.
pub async fn release(db: &impl ConnectionTrait, user_id: i64, key: &str) -> AppResult<()> {
    Entity::delete_many()
        .filter(Column::UserId.eq(user_id))
        .filter(Column::Key.eq(key))
        .filter(Column::Location.eq(""))
        .exec(db)
        .await?;
    Ok(())
}
