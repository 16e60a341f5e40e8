pub mod _entities;
pub mod admin_log;
pub mod bodies;
pub mod case_co_complainants;
pub mod case_events;
pub mod cases;
pub mod correspondence;
pub mod day;
pub mod deadlines;
pub mod delegations;
pub mod digests;
pub mod documents;
pub mod extension_requests;
pub mod form_replays;
pub mod holds;
pub mod holidays;
pub mod inbound;
pub mod mediators;
pub mod notices;
pub mod notifications;
pub mod oversight;
pub mod reference_counters;
pub mod reminders;
pub mod seal;
pub mod sign_in_failures;
pub mod submissions;
pub mod text;
pub mod translations;
pub mod users;
pub mod vocabulary;
pub mod web_sessions;

use std::future::Future;

use crate::errors::{AppError, AppResult};

/// Runs `unit`, a transaction that is safe to redo, again while another writer holds the
/// database: SQLite has one writer at a time, and a transaction that loses the race for the
/// write lock fails at once (as a conflict) instead of waiting.
///
/// # Errors
/// The unit's own error, or the conflict once the retries are spent (about 25 s).
pub async fn redo_when_busy<T, F, Fut>(mut unit: F) -> AppResult<T>
where
    F: FnMut() -> Fut,
    Fut: Future<Output = AppResult<T>>,
{
    let mut tries = 0_u64;
    loop {
        match unit().await {
            Err(AppError::Conflict(_)) if tries < 50 => {
                tries += 1;
                tokio::time::sleep(std::time::Duration::from_millis(20 * tries)).await;
            }
            done => return done,
        }
    }
}

/// A body's or delegation's code as stored: trimmed, upper case, so a code is found in any
/// letter case.
#[must_use]
pub fn code_key(code: &str) -> String {
    code.trim().to_uppercase()
}

/// The row of a reference table whose `code` is `code`, in any letter case.
///
/// # Errors
/// Database errors.
async fn by_code<E>(
    db: &impl sea_orm::ConnectionTrait,
    column: E::Column,
    code: &str,
) -> crate::errors::AppResult<Option<E::Model>>
where
    E: sea_orm::EntityTrait,
{
    use sea_orm::{ColumnTrait, QueryFilter};
    Ok(E::find().filter(column.eq(code_key(code))).one(db).await?)
}

/// The id of the reference row an input names by `code` (a `what`: body, delegation), or,
/// when none has it, `None` and an `unknown` problem on `field`.
///
/// # Errors
/// Database errors.
async fn id_named<E>(
    db: &impl sea_orm::ConnectionTrait,
    (column, what): (E::Column, &str),
    code: &str,
    (field, errors): (&str, &mut crate::errors::FieldErrors),
    id: impl Fn(&E::Model) -> i64,
) -> crate::errors::AppResult<Option<i64>>
where
    E: sea_orm::EntityTrait,
{
    let found = by_code::<E>(db, column, code).await?;
    if found.is_none() {
        errors.add(field, "unknown", format!("no {what} has the code `{code}`"));
    }
    Ok(found.as_ref().map(id))
}

/// The rows of a reference table whose `code` is one of `codes` (in any letter case; codes
/// are stored upper case), keyed by their code.
///
/// # Errors
/// Database errors.
async fn by_codes<E>(
    db: &impl sea_orm::ConnectionTrait,
    code: E::Column,
    codes: &[&str],
    code_of: impl Fn(&E::Model) -> String,
) -> crate::errors::AppResult<std::collections::HashMap<String, E::Model>>
where
    E: sea_orm::EntityTrait,
{
    use sea_orm::{ColumnTrait, QueryFilter};
    if codes.is_empty() {
        return Ok(std::collections::HashMap::new());
    }
    Ok(E::find()
        .filter(code.is_in(codes.iter().map(|c| code_key(c))))
        .all(db)
        .await?
        .into_iter()
        .map(|m| (code_of(&m), m))
        .collect())
}

/// The row of `E` with this pid among a case's rows, if any: how an action names the request,
/// challenge or other row of its own case that it decides.
///
/// # Errors
/// Database errors.
pub async fn of_case<E>(
    db: &impl sea_orm::ConnectionTrait,
    (pid_column, case_column): (E::Column, E::Column),
    case_id: i64,
    pid: uuid::Uuid,
) -> AppResult<Option<E::Model>>
where
    E: sea_orm::EntityTrait,
{
    use sea_orm::{ColumnTrait, QueryFilter};
    Ok(E::find()
        .filter(pid_column.eq(pid))
        .filter(case_column.eq(case_id))
        .one(db)
        .await?)
}
