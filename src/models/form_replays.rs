//! Forms that repeat safely: each form carries a one-time key, and the page a key led to is
//! remembered, so sending the same form again lands there without acting twice.
use chrono::{DateTime, Duration, Utc};
use sea_orm::{entity::prelude::*, ActiveValue::Set};

pub use super::_entities::form_replays::{self, ActiveModel, Column, Entity, Model};
use crate::errors::{AppError, AppResult, FieldErrors};

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
        Err(AppError::Validation(FieldErrors::single(
            "_key",
            "invalid",
            "this form is damaged; reload the page",
        )))
    }
}

/// Where `key`, sent earlier by `user_id`, led.
///
/// # Errors
/// Database errors.
pub async fn recall(
    db: &impl ConnectionTrait,
    user_id: i64,
    key: &str,
) -> AppResult<Option<String>> {
    Ok(Entity::find()
        .filter(Column::UserId.eq(user_id))
        .filter(Column::Key.eq(key))
        .one(db)
        .await?
        .map(|r| r.location))
}

/// Remembers that `key` led to `location`; the first answer for a key stands. Keys older
/// than [`KEEP_DAYS`] are forgotten on the way.
///
/// # Errors
/// Database errors.
pub async fn remember(
    db: &impl ConnectionTrait,
    user_id: i64,
    key: &str,
    location: &str,
    now: DateTime<Utc>,
) -> AppResult<()> {
    Entity::delete_many()
        .filter(Column::CreatedAt.lt(now - Duration::days(KEEP_DAYS)))
        .exec(db)
        .await?;
    Entity::insert(ActiveModel {
        user_id: Set(user_id),
        key: Set(key.to_string()),
        location: Set(location.to_string()),
        created_at: Set(now.into()),
        updated_at: Set(now.into()),
        ..Default::default()
    })
    .on_conflict_do_nothing_on([Column::UserId, Column::Key])
    .exec_without_returning(db)
    .await?;
    Ok(())
}
