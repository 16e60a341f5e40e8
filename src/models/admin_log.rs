//! The administrative audit chain: every change an administrator makes to what the
//! procedure runs on (people and their roles, bodies, holidays, which move legal deadlines,
//! mediator profiles and their declared conflicts) is recorded in the same transaction as the
//! change, with who made it, when, and the record before and after. One chain for the whole
//! organization, linked and hashed like a case's (`case_events::verify_links`), so an entry
//! edited, inserted or deleted afterwards breaks it and `audit:verify` names it. Oversight
//! reads it.
use chrono::{DateTime, Utc};
use sea_orm::{entity::prelude::*, ActiveValue::Set, QueryOrder, QuerySelect};
use serde::Serialize;
use serde_json::Value;

pub use super::_entities::admin_events::{ActiveModel, Column, Entity, Model};
use super::{
    case_events::{self, ChainSeed, Chained},
    users,
    vocabulary::vocabulary_enum,
};
use crate::errors::{AppError, AppResult};

impl ActiveModelBehavior for ActiveModel {}

vocabulary_enum! {
    /// What an administrative change is about. `Policy` is the procedural part of the
    /// configuration (the calendar, special and differential treatment, the timelines and
    /// their overrides by category, the longest extension), recorded when the app starts
    /// with a policy other than the last one recorded.
    pub enum Subject { User, Body, Holiday, MediatorProfile, Policy }
}

vocabulary_enum! {
    /// What an administrative change did to its subject.
    pub enum AdminAction { Created, Changed, Removed }
}

/// One change an administrator made, before it is chained.
#[derive(Clone, Debug)]
pub struct AdminChange {
    /// The administrator; none for a policy the app was started with.
    pub actor_id: Option<i64>,
    pub subject: Subject,
    /// The subject's stable name: a person's or a mediator's pid, a body's code, a date.
    pub key: String,
    pub action: AdminAction,
    pub before: Option<Value>,
    pub after: Option<Value>,
}

impl AdminChange {
    /// A change from `before` to `after` (either absent for a creation or a removal).
    ///
    /// # Errors
    /// When a record cannot be written as JSON (never for the app's own views).
    pub fn of<T: Serialize>(
        admin: i64,
        subject: Subject,
        key: impl Into<String>,
        before: Option<&T>,
        after: Option<&T>,
    ) -> AppResult<Self> {
        let json = |v: Option<&T>| {
            v.map(serde_json::to_value)
                .transpose()
                .map_err(|e| AppError::Internal(format!("an audit record as JSON: {e}")))
        };
        let action = match (before.is_some(), after.is_some()) {
            (false, _) => AdminAction::Created,
            (true, true) => AdminAction::Changed,
            (true, false) => AdminAction::Removed,
        };
        Ok(Self {
            actor_id: Some(admin),
            subject,
            key: key.into(),
            action,
            before: json(before)?,
            after: json(after)?,
        })
    }
}

fn hash_of(e: &Model, seed: &str) -> String {
    case_events::digest(&[
        seed.to_string(),
        "admin".to_string(),
        e.seq.to_string(),
        e.actor_id.map_or_else(|| "-".into(), |a| a.to_string()),
        e.subject.clone(),
        e.subject_key.clone(),
        e.action.clone(),
        e.before.clone().unwrap_or_else(|| "-".into()),
        e.after.clone().unwrap_or_else(|| "-".into()),
        case_events::instant(e.occurred_at.to_utc()),
        e.prev_hash.clone(),
    ])
}

impl Chained for Model {
    fn seq(&self) -> i64 {
        self.seq
    }
    fn prev_hash(&self) -> &str {
        &self.prev_hash
    }
    fn hash(&self) -> &str {
        &self.hash
    }
    fn recompute(&self, seed: &str) -> String {
        hash_of(self, seed)
    }
}

/// The key ("redress" in ASCII) of the advisory lock that queues the chain's writers on
/// PostgreSQL.
const CHAIN_LOCK: i64 = 0x0072_6564_7265_7373;

/// Records `change` at the end of the chain. Call it inside the transaction that makes the
/// change, so neither stands without the other. On PostgreSQL, writers of the chain queue
/// behind a transaction-scoped advisory lock, so two administrators' changes at the same
/// moment both land, one after the other; SQLite has one writer at a time anyway.
///
/// # Errors
/// Database errors; [`AppError::Conflict`] should two writers still take the same place
/// (the unique sequence refuses the second: try again).
pub async fn record(
    db: &impl ConnectionTrait,
    change: AdminChange,
    now: DateTime<Utc>,
) -> AppResult<Model> {
    if db.get_database_backend() == sea_orm::DatabaseBackend::Postgres {
        db.execute_unprepared(&format!("SELECT pg_advisory_xact_lock({CHAIN_LOCK})"))
            .await?;
    }
    let last = Entity::find()
        .order_by_desc(Column::Seq)
        .limit(1)
        .one(db)
        .await?;
    let (seq, prev_hash, seed) = match last {
        None => {
            let seed = ChainSeed::new().as_str().to_string();
            (1, seed.clone(), seed)
        }
        Some(last) => {
            let first = Entity::find()
                .filter(Column::Seq.eq(1))
                .one(db)
                .await?
                .ok_or_else(|| AppError::Corrupt("the administrative chain has no start".into()))?;
            (last.seq + 1, last.hash, first.prev_hash)
        }
    };
    let mut row = Model {
        created_at: now.into(),
        updated_at: now.into(),
        id: 0,
        seq,
        actor_id: change.actor_id,
        subject: change.subject.to_string(),
        subject_key: change.key,
        action: change.action.to_string(),
        before: change.before.map(|v| v.to_string()),
        after: change.after.map(|v| v.to_string()),
        occurred_at: now.into(),
        prev_hash,
        hash: String::new(),
    };
    row.hash = row.recompute(&seed);
    let am = ActiveModel {
        seq: Set(row.seq),
        actor_id: Set(row.actor_id),
        subject: Set(row.subject),
        subject_key: Set(row.subject_key),
        action: Set(row.action),
        before: Set(row.before),
        after: Set(row.after),
        occurred_at: Set(row.occurred_at),
        prev_hash: Set(row.prev_hash),
        hash: Set(row.hash),
        created_at: Set(row.created_at),
        updated_at: Set(row.updated_at),
        ..Default::default()
    };
    am.insert(db).await.map_err(|e| {
        if matches!(
            e.sql_err(),
            Some(sea_orm::SqlErr::UniqueConstraintViolation(_))
        ) {
            AppError::Conflict("another administrative change was being recorded; try again".into())
        } else {
            e.into()
        }
    })
}

/// The keys of the `settings:` block that make the procedural policy.
pub const POLICY_KEYS: [&str; 5] = [
    "calendar",
    "special_and_differential",
    "timelines",
    "category_overrides",
    "max_extension_days",
];

/// Records the procedural policy in `settings` (the raw `settings:` block) when it differs
/// from the last one recorded, so a change of the timelines in force is in the chain with
/// the policy before and after. Gives the entry when one was recorded.
///
/// # Errors
/// Database errors.
pub async fn record_policy(
    db: &(impl ConnectionTrait + sea_orm::TransactionTrait),
    settings: &Value,
    now: DateTime<Utc>,
) -> AppResult<Option<Model>> {
    use sea_orm::TransactionSession;
    // In one transaction, so nodes starting together queue on the chain's lock and the
    // later ones find the policy already recorded.
    let txn = db.begin().await?;
    let recorded = record_policy_in(&txn, settings, now).await?;
    txn.commit().await?;
    Ok(recorded)
}

async fn record_policy_in(
    db: &impl ConnectionTrait,
    settings: &Value,
    now: DateTime<Utc>,
) -> AppResult<Option<Model>> {
    if db.get_database_backend() == sea_orm::DatabaseBackend::Postgres {
        db.execute_unprepared(&format!("SELECT pg_advisory_xact_lock({CHAIN_LOCK})"))
            .await?;
    }
    let policy: serde_json::Map<String, Value> = POLICY_KEYS
        .iter()
        .filter_map(|k| settings.get(*k).map(|v| ((*k).to_string(), v.clone())))
        .collect();
    let policy = Value::Object(policy);
    let last = Entity::find()
        .filter(Column::Subject.eq(Subject::Policy.as_ref()))
        .order_by_desc(Column::Seq)
        .limit(1)
        .one(db)
        .await?;
    let before: Option<Value> = last
        .and_then(|e| e.after)
        .and_then(|s| serde_json::from_str(&s).ok());
    if before.as_ref() == Some(&policy) {
        return Ok(None);
    }
    let action = if before.is_some() {
        AdminAction::Changed
    } else {
        AdminAction::Created
    };
    let change = AdminChange {
        actor_id: None,
        subject: Subject::Policy,
        key: "settings".into(),
        action,
        before,
        after: Some(policy),
    };
    record(db, change, now).await.map(Some)
}

/// One page of the chain, newest first, each entry with the administrator who made it; and
/// how many entries the chain holds.
///
/// # Errors
/// Database errors.
pub async fn page(
    db: &impl ConnectionTrait,
    page: u64,
    per_page: u64,
) -> AppResult<(Vec<(Model, Option<users::Model>)>, u64)> {
    use sea_orm::PaginatorTrait;
    let total = Entity::find().count(db).await?;
    let items = Entity::find()
        .find_also_related(users::Entity)
        .order_by_desc(Column::Seq)
        .offset(page.saturating_sub(1).saturating_mul(per_page))
        .limit(per_page)
        .all(db)
        .await?;
    Ok((items, total))
}

/// Verifies the whole chain (administrative changes are few: years of them fit in memory);
/// gives how many entries it holds and each problem with the sequence number it was found at.
///
/// # Errors
/// Database errors.
pub async fn verify(db: &impl ConnectionTrait) -> AppResult<(u64, Vec<(i64, String)>)> {
    let chain = Entity::find().order_by_asc(Column::Seq).all(db).await?;
    Ok((chain.len() as u64, case_events::verify_links(&chain)))
}
