//! The append-only audit log and timeline of a case. Each event carries the hash of the
//! previous one of its case, so an edited, inserted or deleted event breaks the chain.
use chrono::{DateTime, SecondsFormat, Utc};
use sea_orm::{entity::prelude::*, ActiveValue::Set, QueryOrder, QuerySelect};
use serde::Serialize;
use sha2::{Digest, Sha256};

pub use super::_entities::case_events::{ActiveModel, Column, Entity, Model};
use super::cases::status::{CaseAction, CaseStatus};
use crate::errors::{AppError, AppResult};

impl ActiveModelBehavior for ActiveModel {}

/// Where a case's chain starts, and the key of every link in it: 64 hex digits of fresh
/// randomness (244 bits), stored as the first event's `prev_hash` and shown to nobody. Every
/// hash of the chain is taken over the seed as well as the event, and so is every seal of
/// what the case holds (`seal`). The timeline shows each event's hash to every party; taken
/// over the event and the previous (shown) hash alone, it was an oracle: hashing an event
/// with each candidate as its actor would name the protected complainant who acted.
#[derive(Clone, PartialEq, Eq)]
pub struct ChainSeed(String);

/// The start of chains begun before seeds: their hashes are taken without a key, are
/// checked the old way, and get no seals.
const ZERO_START: &str = "0000000000000000000000000000000000000000000000000000000000000000";

impl std::fmt::Debug for ChainSeed {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("ChainSeed(…)")
    }
}

impl ChainSeed {
    /// A fresh seed for a new chain.
    #[must_use]
    pub fn new() -> Self {
        Self(super::users::fresh_token())
    }

    /// The seed a stored chain starts from, when `start` can be one: 64 lowercase hex
    /// digits (chains begun before seeds start from the zero hash, which is one).
    #[must_use]
    pub fn stored(start: &str) -> Option<Self> {
        (start.len() == 64
            && start
                .bytes()
                .all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f')))
        .then(|| Self(start.to_string()))
    }

    #[must_use]
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Whether this is the zero start of a chain begun before seeds.
    #[must_use]
    pub fn is_zero(&self) -> bool {
        self.0 == ZERO_START
    }
}

impl Default for ChainSeed {
    fn default() -> Self {
        Self::new()
    }
}

/// The seed of a case's chain (the zero start for a chain begun before seeds).
///
/// # Errors
/// Database errors; a case without a chain, or whose chain does not start from a seed.
pub async fn seed_of(db: &impl ConnectionTrait, case_id: i64) -> AppResult<ChainSeed> {
    let first = Entity::find()
        .filter(Column::CaseId.eq(case_id))
        .filter(Column::Seq.eq(1))
        .one(db)
        .await?
        .ok_or_else(|| AppError::Corrupt(format!("case {case_id} has no audit chain")))?;
    ChainSeed::stored(&first.prev_hash)
        .ok_or_else(|| AppError::Corrupt(format!("case {case_id}'s chain has no seed")))
}

/// What an event records: an action on the case, or one of the records the system keeps
/// of its own. A closed list, so that every timeline has words for every event (a test
/// holds each to its words in every language).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Recorded {
    Action(CaseAction),
    /// Oversight read an identity-protected case.
    Viewed,
    /// The staffing rule found nobody eligible for a case that needs a mediator.
    AssignmentBlocked,
    NoticeFailed,
    NoticeRequeued,
    /// Evidence added on its own.
    DocumentsAdded,
    /// A message to an audience.
    Message,
    /// A note written with an action for fewer readers than the action's own event.
    Note,
}

impl Recorded {
    /// The name stored in `case_events.action`.
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Self::Action(a) => a.into(),
            Self::Viewed => "viewed",
            Self::AssignmentBlocked => "assignment_blocked",
            Self::NoticeFailed => "notice_failed",
            Self::NoticeRequeued => "notice_requeued",
            Self::DocumentsAdded => "documents_added",
            Self::Message => "message",
            Self::Note => "note",
        }
    }

    /// Everything an event can record, each once.
    pub fn all() -> impl Iterator<Item = Self> {
        <CaseAction as strum::IntoEnumIterator>::iter()
            .map(Self::Action)
            .chain([
                Self::Viewed,
                Self::AssignmentBlocked,
                Self::NoticeFailed,
                Self::NoticeRequeued,
                Self::DocumentsAdded,
                Self::Message,
                Self::Note,
            ])
    }
}

/// What an event records, before it is chained.
#[derive(Clone, Debug)]
pub struct NewEvent {
    pub case_id: i64,
    pub actor_id: Option<i64>,
    pub action: Recorded,
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
            action: Recorded::Action(action),
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
    /// The chain's seed, the key of every link.
    pub seed: &'a str,
}

impl<'a> Link<'a> {
    /// The link `e` is in a chain begun from `seed`.
    #[must_use]
    pub fn of(e: &'a Model, seed: &'a str) -> Self {
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
            seed,
        }
    }
}

/// SHA-256 over `parts`, each followed by a unit separator, as hex: the hash of one link of
/// a chain (a case's, or the administrative one).
#[must_use]
pub fn digest(parts: &[String]) -> String {
    let mut h = Sha256::new();
    for part in parts {
        h.update(part.as_bytes());
        h.update([0x1f]);
    }
    hex::encode(h.finalize())
}

/// An instant as chains hash it: a fixed format at microsecond precision, which both
/// databases keep exactly.
#[must_use]
pub fn instant(at: DateTime<Utc>) -> String {
    at.to_rfc3339_opts(SecondsFormat::Micros, true)
}

/// The chained hash of an event: the chain's seed, every stored field that carries meaning,
/// and the previous hash. A chain begun before seeds keeps its unkeyed hashes.
#[must_use]
pub fn chain_hash(link: &Link<'_>) -> String {
    let key = (link.seed != ZERO_START).then(|| link.seed.to_string());
    let fields = [
        link.case_id.to_string(),
        link.seq.to_string(),
        link.actor_id.map_or_else(|| "-".into(), |a| a.to_string()),
        link.action.to_string(),
        link.from.unwrap_or("-").to_string(),
        link.to.unwrap_or("-").to_string(),
        link.detail.to_string(),
        instant(link.occurred_at),
        link.prev_hash.to_string(),
    ];
    digest(&key.into_iter().chain(fields).collect::<Vec<_>>())
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
    let Some((seed, last)) = ends(db, event.case_id).await? else {
        return start_chain(db, event, ChainSeed::new(), now).await;
    };
    Ok(link(event, last.seq + 1, last.hash, &seed, now)
        .insert(db)
        .await?)
}

/// A case's chain by its ends, read in one statement: the seed its first event starts
/// from, and its last event (`None` for a case with no chain yet).
async fn ends(db: &impl ConnectionTrait, case_id: i64) -> AppResult<Option<(ChainSeed, Model)>> {
    use sea_orm::{sea_query::Query, Condition};
    let last_seq = Query::select()
        .expr(Column::Seq.max())
        .from(Entity)
        .and_where(Column::CaseId.eq(case_id))
        .to_owned();
    let mut ends = Entity::find()
        .filter(Column::CaseId.eq(case_id))
        .filter(
            Condition::any()
                .add(Column::Seq.eq(1))
                .add(Column::Seq.in_subquery(last_seq)),
        )
        .order_by_asc(Column::Seq)
        .all(db)
        .await?;
    let Some(last) = ends.pop() else {
        return Ok(None);
    };
    let first = ends.first().unwrap_or(&last);
    let seed = ChainSeed::stored(&first.prev_hash)
        .filter(|_| first.seq == 1)
        .ok_or_else(|| AppError::Corrupt(format!("case {case_id}'s chain has no seed")))?;
    Ok(Some((seed, last)))
}

/// Starts the chain of a case just written in this transaction, which has no event yet to
/// look up, from `seed` (the one its filing's seals were made with).
///
/// # Errors
/// Database errors, among them a chain already started (the unique `(case_id, seq)` index).
pub async fn start_chain(
    db: &impl ConnectionTrait,
    event: NewEvent,
    seed: ChainSeed,
    now: DateTime<Utc>,
) -> AppResult<Model> {
    Ok(link(event, 1, seed.0.clone(), &seed, now)
        .insert(db)
        .await?)
}

fn link(
    event: NewEvent,
    seq: i64,
    prev_hash: String,
    seed: &ChainSeed,
    now: DateTime<Utc>,
) -> ActiveModel {
    let audience = super::correspondence::audience_of_detail(&event.detail);
    let detail = event.detail.to_string();
    let from = event.from.map(|s| s.to_string());
    let to = event.to.map(|s| s.to_string());
    let hash = chain_hash(&Link {
        case_id: event.case_id,
        seq,
        actor_id: event.actor_id,
        action: event.action.name(),
        from: from.as_deref(),
        to: to.as_deref(),
        detail: &detail,
        occurred_at: now,
        prev_hash: &prev_hash,
        seed: seed.as_str(),
    });
    ActiveModel {
        case_id: Set(event.case_id),
        seq: Set(seq),
        actor_id: Set(event.actor_id),
        action: Set(event.action.name().to_string()),
        from_status: Set(from),
        to_status: Set(to),
        detail: Set(detail),
        occurred_at: Set(now.into()),
        prev_hash: Set(prev_hash),
        hash: Set(hash),
        audience: Set(audience),
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

/// One link of a hash chain, as the verifier reads it.
pub trait Chained {
    fn seq(&self) -> i64;
    fn prev_hash(&self) -> &str;
    fn hash(&self) -> &str;
    /// The hash its stored fields give now, in a chain begun from `seed`.
    fn recompute(&self, seed: &str) -> String;
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
        chain_hash(&Link::of(self, seed))
    }
}

/// Checks a chain's links, in order: it starts from a seed, its sequence has no gap, each
/// link names the previous one's hash and each hash matches its content. Gives each
/// problem with the sequence number it was found at.
#[must_use]
pub fn verify_links<T: Chained>(links: &[T]) -> Vec<(i64, String)> {
    let mut problems = Vec::new();
    // The first link's start is the seed; a chain missing its first link is flagged, and
    // its hashes cannot match.
    let seed = links.first().map_or("", |e| e.prev_hash());
    let mut prev: Option<&str> = None;
    let mut expected_seq = 1;
    for e in links {
        let mut flag = |problem: String| problems.push((e.seq(), problem));
        if e.seq() != expected_seq {
            flag(format!(
                "expected event #{expected_seq}, found #{} (an event is missing)",
                e.seq()
            ));
        }
        match prev {
            Some(hash) if e.prev_hash() != hash => {
                flag("does not link to the previous event's hash".into());
            }
            None if ChainSeed::stored(e.prev_hash()).is_none() => {
                flag("does not start from a chain seed".into());
            }
            _ => {}
        }
        if e.recompute(seed) != e.hash() {
            flag("content does not match its hash (edited)".into());
        }
        prev = Some(e.hash());
        expected_seq = e.seq() + 1;
    }
    problems
}

/// Checks one case's events, in order (see [`verify_links`]).
#[must_use]
pub fn verify_chain(events: &[Model]) -> Vec<ChainBreak> {
    let case_id = events.first().map_or(0, |e| e.case_id);
    let mut breaks: Vec<ChainBreak> = verify_links(events)
        .into_iter()
        .map(|(seq, problem)| ChainBreak {
            case_id,
            seq,
            problem,
        })
        .collect();
    // Who reads an event is scoped by its `audience` column, outside the hash: it must say
    // what the sealed detail says, or an event was shown to people it was not written for.
    for e in events {
        let detail: serde_json::Value = serde_json::from_str(&e.detail).unwrap_or_default();
        if e.audience != super::correspondence::audience_of_detail(&detail) {
            breaks.push(ChainBreak {
                case_id,
                seq: e.seq,
                problem: "its audience is not the one it was written for (changed)".into(),
            });
        }
    }
    breaks
}

/// A case's events, co-complainants and pleadings, read so that they agree: a pleading is
/// written in the same transaction as its event, so the events are read again after the
/// rest, and all of it again should an event have landed in between (`audit:verify` runs on a
/// live system; a pleading read without its event would look slipped in).
async fn case_record(
    db: &impl ConnectionTrait,
    case_id: i64,
) -> AppResult<(
    Vec<Model>,
    Vec<i64>,
    Vec<super::_entities::submissions::Model>,
)> {
    use super::_entities::{case_co_complainants as co, submissions};
    let events = || {
        Entity::find()
            .filter(Column::CaseId.eq(case_id))
            .order_by_asc(Column::Seq)
            .all(db)
    };
    loop {
        let before = events().await?;
        let co = co::Entity::find()
            .filter(co::Column::CaseId.eq(case_id))
            .all(db)
            .await?
            .into_iter()
            .map(|c| c.delegation_id)
            .collect();
        let pleadings = submissions::Entity::find()
            .filter(submissions::Column::CaseId.eq(case_id))
            .all(db)
            .await?;
        let after = events().await?;
        if after.len() == before.len() {
            return Ok((after, co, pleadings));
        }
    }
}

/// Every break of one case's chain and seals.
///
/// # Errors
/// Database errors.
pub async fn verify_case(
    db: &impl ConnectionTrait,
    case: &super::_entities::cases::Model,
) -> AppResult<Vec<ChainBreak>> {
    let (events, co, pleadings) = case_record(db, case.id).await?;
    let mut breaks = verify_chain(&events);
    breaks.extend(super::seal::check(case, &co, &events, &pleadings));
    breaks.extend(super::documents::check_sealed(db, case.id, &events).await?);
    Ok(breaks)
}

/// Verifies every case's chain, a page of cases at a time: its links
/// ([`verify_chain`]) and what it sealed against the case and its pleadings as stored
/// ([`super::seal::check`]).
///
/// # Errors
/// Database errors.
pub async fn verify_all(db: &impl ConnectionTrait) -> AppResult<(u64, Vec<ChainBreak>)> {
    use super::_entities::cases;
    let mut breaks = Vec::new();
    let mut checked = 0;
    let mut after = 0_i64;
    loop {
        let page = cases::Entity::find()
            .filter(cases::Column::Id.gt(after))
            .order_by_asc(cases::Column::Id)
            .limit(500)
            .all(db)
            .await?;
        let Some(last) = page.last().map(|c| c.id) else {
            break;
        };
        for case in page {
            breaks.extend(verify_case(db, &case).await?);
            checked += 1;
        }
        after = last;
    }
    Ok((checked, breaks))
}
