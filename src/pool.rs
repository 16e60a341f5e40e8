//! The database pool every request, task and worker shares, built from the `database:`
//! block of the configuration with two choices of our own:
//!
//! - A pooled connection is pinged before use only after it has sat idle for
//!   [`PING_IF_IDLE_FOR`]. Pinging on every checkout doubles the round trips of each
//!   statement run outside a transaction (a caseload is six such statements). A connection in
//!   steady use is known to be alive; one that a database restart broke fails its statement,
//!   which is answered 503 with Retry-After, and is then dropped from the pool.
//! - On SQLite every connection gets the pragmas (write-ahead log, `synchronous = NORMAL`, a
//!   busy timeout, foreign keys, a cap on the log's size), not only the first one. The
//!   framework's 128 MB memory map is left out: it counted toward the process's resident
//!   memory.
use std::time::Duration;

use loco_rs::config;
use sea_orm::{
    sqlx::sqlite::{SqliteJournalMode, SqliteSynchronous},
    ConnectOptions, ConnectionTrait, Database, DatabaseConnection, DbErr,
};

/// How long a pooled connection may sit unused before it is checked on checkout.
pub const PING_IF_IDLE_FOR: Duration = Duration::from_secs(5);

/// How long a SQLite writer waits for another to finish before giving up.
pub const SQLITE_BUSY_TIMEOUT: Duration = Duration::from_secs(5);

/// Opens the pool `config` describes; runs its `run_on_start` statements when it has any.
///
/// # Errors
/// When the database cannot be reached or a `run_on_start` statement fails.
pub async fn connect(config: &config::Database) -> Result<DatabaseConnection, DbErr> {
    let mut opt = ConnectOptions::new(&config.uri);
    opt.max_connections(config.max_connections)
        .min_connections(config.min_connections)
        .connect_timeout(Duration::from_millis(config.connect_timeout))
        .idle_timeout(Duration::from_millis(config.idle_timeout))
        .sqlx_logging(config.enable_logging)
        .test_before_acquire_if_idle_for(PING_IF_IDLE_FOR)
        .map_sqlx_sqlite_opts(|o| {
            o.journal_mode(SqliteJournalMode::Wal)
                .synchronous(SqliteSynchronous::Normal)
                .busy_timeout(SQLITE_BUSY_TIMEOUT)
                .foreign_keys(true)
                // The write-ahead log shrinks back to 64 MB after a burst of writes.
                .pragma("journal_size_limit", "67108864")
        });
    if let Some(ms) = config.acquire_timeout {
        opt.acquire_timeout(Duration::from_millis(ms));
    }
    let db = Database::connect(opt).await?;
    if let Some(sql) = &config.run_on_start {
        db.execute_unprepared(sql).await?;
    }
    Ok(db)
}
