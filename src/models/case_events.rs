//! The append-only audit log and timeline of a case. Each event carries the hash of the
//! previous one of its case, so an edited, inserted or deleted event breaks the chain.
use chrono::{DateTime, SecondsFormat, Utc};
use sea_orm::{entity::prelude::*, ActiveValue::Set, QueryOrder, QuerySelect};
use serde::Serialize;
use sha2::{Digest, Sha256};

pub use super::_entities::case_events::{ActiveModel, Column, Entity, Model};
use super::cases::status::{CaseAction, CaseStatus};
use crate::errors::AppResult;

impl ActiveModelBehavior for ActiveModel {}

/// Where a new chain starts: 64 hex digits of fresh randomness (244 bits), stored as the
/// first event's `prev_hash` and shown to nobody. Every hash of the chain depends on it. With
/// a start everyone knows, a hash shown to the respondent was an oracle: hashing the filing
/// event with each candidate as its actor would name the protected filer.
fn chain_seed() -> String {
    super::users::fresh_token()
}

/// Whether `start` can begin a chain: 64 lowercase hex digits, a seed (or, for chains begun
/// before seeds, the zero hash).
fn is_chain_start(start: &str) -> bool {
    start.len() == 64
        && start
            .bytes()
            .all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'))
}

/// What an event records, before it is chained.
#[derive(Clone, Debug)]
pub struct NewEvent {
    pub case_id: i64,
    pub actor_id: Option<i64>,
    pub action: String,
    pub from: Option<CaseStatus>,
    pub to: Option<CaseStatus>,
    pub detail: serde_json::Value,
}

impl NewEvent {
    #[must_use]
    pub fn for_action(
        case_id: i64,
        actor_id: i64,
        action: CaseAction,
        from: Option<CaseStatus>,
        to: CaseStatus,
        detail: serde_json::Value,
    ) -> Self {
        Self {
            case_id,
            actor_id: Some(actor_id),
            action: action.to_string(),
            from,
            to: Some(to),
            detail,
        }
    }
}

/// The fields of an event that its hash covers.
#[derive(Clone, Copy, Debug)]
pub struct Link<'a> {
    pub case_id: i64,
    pub seq: i64,
    pub actor_id: Option<i64>,
    pub action: &'a str,
    pub from: Option<&'a str>,
    pub to: Option<&'a str>,
    pub detail: &'a str,
    pub occurred_at: DateTime<Utc>,
    pub prev_hash: &'a str,
}

impl<'a> Link<'a> {
    #[must_use]
    pub fn of(e: &'a Model) -> Self {
        Self {
            case_id: e.case_id,
            seq: e.seq,
            actor_id: e.actor_id,
            action: &e.action,
            from: e.from_status.as_deref(),
            to: e.to_status.as_deref(),
            detail: &e.detail,
            occurred_at: e.occurred_at.to_utc(),
            prev_hash: &e.prev_hash,
        }
    }
}

/// The chained hash of an event: every stored field that carries meaning, and the previous
/// hash. Timestamps are hashed in a fixed format at microsecond precision, which both
/// databases keep exactly.
#[must_use]
pub fn chain_hash(link: &Link<'_>) -> String {
    let mut h = Sha256::new();
    for part in [
        link.case_id.to_string(),
        link.seq.to_string(),
        link.actor_id.map_or_else(|| "-".into(), |a| a.to_string()),
        link.action.to_string(),
        link.from.unwrap_or("-").to_string(),
        link.to.unwrap_or("-").to_string(),
        link.detail.to_string(),
        link.occurred_at
            .to_rfc3339_opts(SecondsFormat::Micros, true),
        link.prev_hash.to_string(),
    ] {
        h.update(part.as_bytes());
        h.update([0x1f]);
    }
    hex::encode(h.finalize())
}

/// Appends an event to its case's chain.
///
/// # Errors
/// Database errors; a concurrent append to the same case fails on the unique
/// `(case_id, seq)` index rather than forking the chain.
pub async fn append(
    db: &impl ConnectionTrait,
    event: NewEvent,
    now: DateTime<Utc>,
) -> AppResult<Model> {
    let last = Entity::find()
        .filter(Column::CaseId.eq(event.case_id))
        .order_by_desc(Column::Seq)
        .one(db)
        .await?;
    let (seq, prev_hash) = last.map_or_else(|| (1, chain_seed()), |e| (e.seq + 1, e.hash));
    Ok(link(event, seq, prev_hash, now).insert(db).await?)
}

/// Starts the chain of a case just written in this transaction, which has no event yet to
/// look up.
///
/// # Errors
/// Database errors, among them a chain already started (the unique `(case_id, seq)` index).
pub async fn start_chain(
    db: &impl ConnectionTrait,
    event: NewEvent,
    now: DateTime<Utc>,
) -> AppResult<Model> {
    Ok(link(event, 1, chain_seed(), now).insert(db).await?)
}

fn link(event: NewEvent, seq: i64, prev_hash: String, now: DateTime<Utc>) -> ActiveModel {
    let detail = event.detail.to_string();
    let from = event.from.map(|s| s.to_string());
    let to = event.to.map(|s| s.to_string());
    let hash = chain_hash(&Link {
        case_id: event.case_id,
        seq,
        actor_id: event.actor_id,
        action: &event.action,
        from: from.as_deref(),
        to: to.as_deref(),
        detail: &detail,
        occurred_at: now,
        prev_hash: &prev_hash,
    });
    ActiveModel {
        case_id: Set(event.case_id),
        seq: Set(seq),
        actor_id: Set(event.actor_id),
        action: Set(event.action),
        from_status: Set(from),
        to_status: Set(to),
        detail: Set(detail),
        occurred_at: Set(now.into()),
        prev_hash: Set(prev_hash),
        hash: Set(hash),
        created_at: Set(now.into()),
        updated_at: Set(now.into()),
        ..Default::default()
    }
}

/// One break found in a case's chain.
#[derive(Clone, Debug, Serialize, PartialEq, Eq)]
pub struct ChainBreak {
    pub case_id: i64,
    pub seq: i64,
    pub problem: String,
}

/// Checks one case's events, in order: sequence without gaps, each linked to the previous
/// hash, each hash matching its content.
#[must_use]
pub fn verify_chain(events: &[Model]) -> Vec<ChainBreak> {
    let mut breaks = Vec::new();
    let mut prev: Option<String> = None;
    let mut expected_seq = 1;
    for e in events {
        let mut flag = |problem: String| {
            breaks.push(ChainBreak {
                case_id: e.case_id,
                seq: e.seq,
                problem,
            });
        };
        if e.seq != expected_seq {
            flag(format!(
                "expected event #{expected_seq}, found #{} (an event is missing)",
                e.seq
            ));
        }
        match &prev {
            Some(hash) if e.prev_hash != *hash => {
                flag("does not link to the previous event's hash".into());
            }
            None if !is_chain_start(&e.prev_hash) => {
                flag("does not start from a chain seed".into());
            }
            _ => {}
        }
        let recomputed = chain_hash(&Link::of(e));
        if recomputed != e.hash {
            flag("content does not match its hash (edited)".into());
        }
        prev = Some(e.hash.clone());
        expected_seq = e.seq + 1;
    }
    breaks
}

/// Verifies every case's chain, a page of cases at a time.
///
/// # Errors
/// Database errors.
pub async fn verify_all(db: &impl ConnectionTrait) -> AppResult<(u64, Vec<ChainBreak>)> {
    use super::_entities::cases;
    let mut breaks = Vec::new();
    let mut checked = 0;
    let mut after = 0_i64;
    loop {
        let ids: Vec<i64> = cases::Entity::find()
            .filter(cases::Column::Id.gt(after))
            .order_by_asc(cases::Column::Id)
            .limit(500)
            .all(db)
            .await?
            .into_iter()
            .map(|c| c.id)
            .collect();
        let Some(&last) = ids.last() else { break };
        for id in ids {
            let events = Entity::find()
                .filter(Column::CaseId.eq(id))
                .order_by_asc(Column::Seq)
                .all(db)
                .await?;
            breaks.extend(verify_chain(&events));
            checked += 1;
        }
        after = last;
    }
    Ok((checked, breaks))
}
