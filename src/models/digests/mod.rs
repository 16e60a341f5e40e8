//! The public register's daily digests, and the check of a receipt against them. Each day
//! (UTC) closes with one Merkle root over the hashes of every audit event written that day:
//! every case's chain, then the administrative chain, each in the order written. The hashes
//! are keyed with each chain's secret seed, so a root says nothing of any case; but once a
//! root is published and kept by anyone, the secretariat cannot rewrite an event of that day
//! without the event's path no longer reaching the root. A party holding a receipt (the
//! reference, the SHA-256 of the text it filed, and the hash of the event that recorded it)
//! can then prove what it filed and when.
pub mod merkle;

use chrono::{DateTime, Days, NaiveDate, NaiveTime, Utc};
use sea_orm::{entity::prelude::*, ActiveValue::Set, QueryOrder, QuerySelect};
use serde::Serialize;
use sha2::{Digest, Sha256};

pub use super::_entities::register_digests::{ActiveModel, Column, Entity, Model};
use super::{
    _entities::{admin_events, case_events, cases, submissions},
    notifications::{self, Notice, NoticeKind, Timing},
    users,
    vocabulary::Channel,
};

/// The key of a receipt's payload that says the words came by mail.
pub const BY_MAIL_KEY: &str = "by_mail";
use crate::errors::AppResult;

impl ActiveModelBehavior for ActiveModel {}

/// The instants `[day 00:00, the next day 00:00)` in UTC.
fn bounds(day: NaiveDate) -> (DateTime<Utc>, DateTime<Utc>) {
    let start = day.and_time(NaiveTime::MIN).and_utc();
    (start, start + chrono::Duration::days(1))
}

/// The leaf of an event: its hash as bytes (or as written, were it not hex).
fn leaf(hash: &str) -> merkle::Hash {
    merkle::leaf_hash(&hex::decode(hash).unwrap_or_else(|_| hash.as_bytes().to_vec()))
}

/// The hashes of every event written on `day`, case chains first, in the order written.
async fn hashes_of(db: &impl ConnectionTrait, day: NaiveDate) -> AppResult<Vec<String>> {
    let (from, to) = bounds(day);
    let mut out: Vec<String> = case_events::Entity::find()
        .select_only()
        .column(case_events::Column::Hash)
        .filter(case_events::Column::OccurredAt.gte(from))
        .filter(case_events::Column::OccurredAt.lt(to))
        .order_by_asc(case_events::Column::Id)
        .into_tuple()
        .all(db)
        .await?;
    let admin: Vec<String> = admin_events::Entity::find()
        .select_only()
        .column(admin_events::Column::Hash)
        .filter(admin_events::Column::OccurredAt.gte(from))
        .filter(admin_events::Column::OccurredAt.lt(to))
        .order_by_asc(admin_events::Column::Id)
        .into_tuple()
        .all(db)
        .await?;
    out.extend(admin);
    Ok(out)
}

/// The root over `day`'s events as they stand, and how many there are.
///
/// # Errors
/// Database errors.
pub async fn root_of(db: &impl ConnectionTrait, day: NaiveDate) -> AppResult<(String, u64)> {
    let leaves: Vec<merkle::Hash> = hashes_of(db, day).await?.iter().map(|h| leaf(h)).collect();
    Ok((
        hex::encode(merkle::root(&leaves)),
        u64::try_from(leaves.len()).unwrap_or(u64::MAX),
    ))
}

/// Publishes the digest of every whole day before `now`'s (UTC) not yet published, from the
/// day after the last one published, or the day of the first event. A day without events is
/// published too (the root of nothing), so a gap is never a question.
///
/// # Errors
/// Database errors.
pub async fn publish(db: &impl ConnectionTrait, now: DateTime<Utc>) -> AppResult<Vec<Model>> {
    let today = now.date_naive();
    let last = Entity::find()
        .order_by_desc(Column::Day)
        .one(db)
        .await?
        .map(|d| d.day);
    let first = match last {
        Some(day) => day.checked_add_days(Days::new(1)),
        None => first_event_day(db).await?,
    };
    let mut published = Vec::new();
    let mut day = first;
    while let Some(d) = day.filter(|d| *d < today) {
        let (root, leaves) = root_of(db, d).await?;
        let row = ActiveModel {
            day: Set(d),
            root: Set(root),
            leaves: Set(i64::try_from(leaves).unwrap_or(i64::MAX)),
            published_at: Set(now.into()),
            created_at: Set(now.into()),
            updated_at: Set(now.into()),
            ..Default::default()
        };
        // Another node may publish the same day at the same time: the day is unique, and
        // its root is the same whoever computes it.
        match Entity::insert(row)
            .on_conflict(
                sea_orm::sea_query::OnConflict::column(Column::Day)
                    .do_nothing()
                    .to_owned(),
            )
            .exec_with_returning(db)
            .await
        {
            Ok(m) => published.push(m),
            Err(DbErr::RecordNotInserted) => {}
            Err(e) => return Err(e.into()),
        }
        day = d.checked_add_days(Days::new(1));
    }
    Ok(published)
}

async fn first_event_day(db: &impl ConnectionTrait) -> AppResult<Option<NaiveDate>> {
    let first: Option<DateTimeWithTimeZone> = case_events::Entity::find()
        .select_only()
        .column_as(case_events::Column::OccurredAt.min(), "first")
        .into_tuple()
        .one(db)
        .await?
        .flatten();
    Ok(first.map(|at| at.to_utc().date_naive()))
}

/// The digests published, the latest first.
///
/// # Errors
/// Database errors.
pub async fn published(db: &impl ConnectionTrait, limit: u64) -> AppResult<Vec<Model>> {
    Ok(Entity::find()
        .order_by_desc(Column::Day)
        .limit(limit)
        .all(db)
        .await?)
}

/// Where one event stands in its day's digest: its place, the tree's size, the path from it to
/// the root (nearest first, hex) and the root.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct Inclusion {
    pub day: NaiveDate,
    pub index: u64,
    pub size: u64,
    pub path: Vec<String>,
    pub root: String,
}

impl Inclusion {
    /// Whether the path takes the event `hash` to `root`.
    #[must_use]
    pub fn proves(&self, hash: &str, root: &str) -> bool {
        let node = |h: &str| {
            hex::decode(h)
                .ok()
                .and_then(|b| merkle::Hash::try_from(b).ok())
        };
        let path: Option<Vec<merkle::Hash>> = self.path.iter().map(|p| node(p)).collect();
        match (node(root), path) {
            (Some(root), Some(path)) => {
                merkle::verify(&leaf(hash), self.index, self.size, &path, &root)
            }
            _ => false,
        }
    }
}

/// The inclusion of the event `hash` in the published digest of `day`, as the events stand
/// now; `None` when the day is not published or holds no such event.
///
/// # Errors
/// Database errors.
pub async fn inclusion(
    db: &impl ConnectionTrait,
    day: NaiveDate,
    hash: &str,
) -> AppResult<Option<Inclusion>> {
    let Some(digest) = Entity::find().filter(Column::Day.eq(day)).one(db).await? else {
        return Ok(None);
    };
    let hashes = hashes_of(db, day).await?;
    let Some(index) = hashes.iter().position(|h| h == hash) else {
        return Ok(None);
    };
    let leaves: Vec<merkle::Hash> = hashes.iter().map(|h| leaf(h)).collect();
    let path = merkle::path(&leaves, index).unwrap_or_default();
    Ok(Some(Inclusion {
        day,
        index: u64::try_from(index).unwrap_or(u64::MAX),
        size: u64::try_from(leaves.len()).unwrap_or(u64::MAX),
        path: path.iter().map(hex::encode).collect(),
        root: digest.root,
    }))
}

/// Every published day whose events no longer give its root: an event of that day was
/// changed, added or removed after it was published.
///
/// # Errors
/// Database errors.
pub async fn verify(db: &impl ConnectionTrait) -> AppResult<(u64, Vec<(NaiveDate, String)>)> {
    let mut breaks = Vec::new();
    let days = Entity::find().order_by_asc(Column::Day).all(db).await?;
    for d in &days {
        let (root, leaves) = root_of(db, d.day).await?;
        if root != d.root {
            breaks.push((
                d.day,
                format!(
                    "the day's {leaves} events give the root {root}, not the {} published",
                    d.root
                ),
            ));
        }
    }
    Ok((u64::try_from(days.len()).unwrap_or(u64::MAX), breaks))
}

/// What a party's receipt says: the case, the SHA-256 of the text it filed, and the hash of
/// the event that recorded it.
#[derive(Clone, Debug)]
pub struct Receipt {
    pub reference: String,
    pub sha256: String,
    pub event: String,
}

impl Receipt {
    /// The receipt of `text`, filed on the case `reference` and recorded by `event`.
    #[must_use]
    pub fn of(reference: &str, text: &str, event: &case_events::Model) -> Self {
        Self {
            reference: reference.to_string(),
            sha256: text_hash(text),
            event: event.hash.clone(),
        }
    }
}

/// Sends `author` the receipt of `text`, filed on `case` through `channel` and recorded by
/// `event`: the reference, the SHA-256 of the text, the event's hash and the day whose
/// digest will hold it. Queued in the transaction that records the filing, so a receipt
/// goes out exactly when the filing is kept. A receipt for words that came by mail also
/// acknowledges the mail, and says what it did not do.
///
/// # Errors
/// Database errors.
pub async fn send_receipt(
    db: &impl ConnectionTrait,
    author: &users::Model,
    case: &cases::Model,
    text: &str,
    event: &case_events::Model,
    channel: Channel,
    now: DateTime<Utc>,
) -> AppResult<()> {
    let receipt = Receipt::of(&case.reference, text, event);
    let mut payload = serde_json::json!({
        "case": case.pid,
        "reference": receipt.reference,
        "sha256": receipt.sha256,
        "event": receipt.event,
        "day": event.occurred_at.to_utc().date_naive(),
    });
    if channel == Channel::Mail {
        payload[BY_MAIL_KEY] = true.into();
    }
    let notice = Notice {
        kind: NoticeKind::Receipt,
        case_id: Some(case.id),
        dedupe_base: format!("event:{}:receipt", event.id),
        payload,
        timing: Timing::Now,
    };
    notifications::enqueue(db, std::slice::from_ref(author), &notice, now).await
}

/// The SHA-256 of a filed text, as a receipt carries it: over its UTF-8 bytes, exactly as
/// filed.
#[must_use]
pub fn text_hash(text: &str) -> String {
    hex::encode(Sha256::digest(text.as_bytes()))
}

/// Checks `receipt` against the case file and the digest of its day; with `kept`, also
/// against the root the party kept from the register that day. Gives the inclusion and
/// every problem found (none: the receipt holds).
///
/// # Errors
/// Database errors.
pub async fn check_receipt(
    db: &impl ConnectionTrait,
    receipt: &Receipt,
    kept: Option<&str>,
) -> AppResult<(Option<Inclusion>, Vec<String>)> {
    let mut problems = Vec::new();
    let Some(case) = cases::Entity::find()
        .filter(cases::Column::Reference.eq(receipt.reference.as_str()))
        .one(db)
        .await?
    else {
        return Ok((
            None,
            vec![format!("no case has the reference {}", receipt.reference)],
        ));
    };
    let Some(event) = case_events::Entity::find()
        .filter(case_events::Column::CaseId.eq(case.id))
        .filter(case_events::Column::Hash.eq(receipt.event.as_str()))
        .one(db)
        .await?
    else {
        return Ok((
            None,
            vec!["no event of the case's chain has the receipt's hash: the chain was rewritten, or the receipt is another case's".into()],
        ));
    };
    for b in super::case_events::verify_case(db, &case).await? {
        problems.push(format!(
            "the case's chain breaks at event {}: {}",
            b.seq, b.problem
        ));
    }
    let detail: serde_json::Value = serde_json::from_str(&event.detail).unwrap_or_default();
    let filed = match detail.get("submission").and_then(serde_json::Value::as_str) {
        Some(pid) => match Uuid::parse_str(pid) {
            Ok(pid) => {
                submissions::Entity::find()
                    .filter(submissions::Column::CaseId.eq(case.id))
                    .filter(submissions::Column::Pid.eq(pid))
                    .one(db)
                    .await?
            }
            Err(_) => None,
        },
        None => None,
    };
    match filed {
        None => problems.push("the event records no filed text".into()),
        Some(s) if text_hash(&s.body) != receipt.sha256.to_ascii_lowercase() => problems
            .push("the text the case file holds is not the text the receipt was given for".into()),
        Some(_) => {}
    }
    let day = event.occurred_at.to_utc().date_naive();
    let inclusion = inclusion(db, day, &event.hash).await?;
    match &inclusion {
        None => problems.push(format!(
            "the digest of {day} is not published yet, or does not hold the event"
        )),
        Some(i) => {
            if !i.proves(&event.hash, &i.root) {
                problems.push(format!(
                    "the events of {day} no longer give the root published that day"
                ));
            }
            if let Some(kept) = kept.filter(|k| !k.eq_ignore_ascii_case(&i.root)) {
                problems.push(format!(
                    "the root published for {day} is {}, not the {kept} kept",
                    i.root
                ));
            }
        }
    }
    Ok((inclusion, problems))
}
