//! Browser sessions: a random token in an HttpOnly cookie, a hash of it in a row. Signing
//! out, a password reset or a deactivation ends sessions at once, on every node.
use chrono::{DateTime, Duration, Utc};
use sea_orm::{entity::prelude::*, ActiveValue::Set};

pub use super::_entities::web_sessions::{self, ActiveModel, Column, Entity, Model};
use super::{
    holidays::CalendarVersion,
    users::{self, fresh_token, token_hash},
};
use crate::errors::AppResult;

impl ActiveModelBehavior for ActiveModel {}

/// How long a browser session lasts without use: a working day. Each use in its second half
/// extends it by as much again.
pub const SESSION_HOURS: i64 = 12;

/// However much it is used, a session ends this long after sign-in.
pub const SESSION_MAX_DAYS: i64 = 7;

/// Starts a session for `user`: the token goes in the cookie and is never stored. Sessions
/// that have run out are cleared on the way.
///
/// # Errors
/// Database errors.
pub async fn start(
    db: &impl ConnectionTrait,
    user: &users::Model,
    now: DateTime<Utc>,
) -> AppResult<String> {
    Entity::delete_many()
        .filter(Column::ExpiresAt.lte(now))
        .exec(db)
        .await?;
    let token = fresh_token();
    ActiveModel {
        token_hash: Set(token_hash(&token)),
        user_id: Set(user.id),
        expires_at: Set((now + Duration::hours(SESSION_HOURS)).into()),
        created_at: Set(now.into()),
        updated_at: Set(now.into()),
        ..Default::default()
    }
    .insert(db)
    .await?;
    Ok(token)
}

/// The active person a session token belongs to, while the session lasts, with the holiday
/// table's version read beside them.
///
/// # Errors
/// Database errors.
pub async fn resolve(
    db: &impl ConnectionTrait,
    token: &str,
    now: DateTime<Utc>,
) -> AppResult<Option<(users::Model, CalendarVersion)>> {
    let Some(session) = Entity::find()
        .filter(Column::TokenHash.eq(token_hash(token)))
        .filter(Column::ExpiresAt.gt(now))
        .one(db)
        .await?
    else {
        return Ok(None);
    };
    // Someone at work is not signed out mid-task: a session in use keeps going, up to the
    // absolute limit. Only uses in the second half write, so most requests only read.
    let expires = session.expires_at.to_utc();
    let limit = session.created_at.to_utc() + Duration::days(SESSION_MAX_DAYS);
    let user_id = session.user_id;
    if expires - now < Duration::hours(SESSION_HOURS / 2) && expires < limit {
        let mut active: ActiveModel = session.into();
        active.expires_at = Set(Ord::min(now + Duration::hours(SESSION_HOURS), limit).into());
        active.updated_at = Set(now.into());
        active.update(db).await?;
    }
    users::one_with_calendar(
        db,
        users::Entity::find_by_id(user_id).filter(users::Column::Active.eq(true)),
    )
    .await
}

/// Ends the session of `token` (signing out).
///
/// # Errors
/// Database errors.
pub async fn end(db: &impl ConnectionTrait, token: &str) -> AppResult<()> {
    Entity::delete_many()
        .filter(Column::TokenHash.eq(token_hash(token)))
        .exec(db)
        .await?;
    Ok(())
}

/// Ends every session of a person: after a password change, so a stolen session dies with
/// the old password.
///
/// # Errors
/// Database errors.
pub async fn end_all_for(db: &impl ConnectionTrait, user_id: i64) -> AppResult<()> {
    Entity::delete_many()
        .filter(Column::UserId.eq(user_id))
        .exec(db)
        .await?;
    Ok(())
}
