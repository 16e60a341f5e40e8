//! The seal over what a case holds. The filing (every field the filer chose, and who filed,
//! for whom, against whom) and the words of every pleading enter the case's audit chain as
//! seals in the detail of the event that wrote them, so a word changed, a pleading swapped or
//! one slipped in after the fact no longer matches the chain, and `audit:verify` names it.
//!
//! A seal is SHA-256 over the chain's secret seed and the sealed fields, never over the
//! fields alone: the timeline shows seals to every party, and a bare hash of a filing would
//! let a respondent test a guess of the protected complainant, or of a pleading they may
//! not read, by hashing candidates.
use serde_json::Value;
use sha2::{Digest, Sha256};

use super::{
    case_events::{self, ChainBreak, ChainSeed},
    cases, submissions,
};

/// The event detail key that carries the seal of the case row (on the filing event).
pub const CASE_KEY: &str = "sealed_case";
/// The event detail key that carries the seal of the pleading named under `submission`.
pub const SUBMISSION_KEY: &str = "sealed";

/// SHA-256 over the seed and `parts`, each followed by a unit separator, as hex.
fn seal(seed: &ChainSeed, parts: &[String]) -> String {
    let mut h = Sha256::new();
    h.update(seed.as_str().as_bytes());
    h.update([0x1f]);
    for part in parts {
        h.update(part.as_bytes());
        h.update([0x1f]);
    }
    hex::encode(h.finalize())
}

fn opt(id: Option<i64>) -> String {
    id.map_or_else(|| "-".into(), |i| i.to_string())
}

/// The seal of a filing: what the filer chose and who stands where, co-complainants
/// included (`co`, their delegations' ids). The reference, status and clocks change as the
/// case moves and are sealed by the events that change them.
#[must_use]
pub fn of_case(seed: &ChainSeed, c: &cases::Model, co: &[i64]) -> String {
    let mut co = co.to_vec();
    co.sort_unstable();
    let co: Vec<String> = co.iter().map(ToString::to_string).collect();
    seal(
        seed,
        &[
            c.pid.to_string(),
            c.title.clone(),
            c.category.clone(),
            c.body_id.to_string(),
            c.incident_date.to_string(),
            c.facts.clone(),
            c.remedy_sought.clone(),
            c.complainant_delegation_id.to_string(),
            c.filed_by_id.to_string(),
            opt(c.respondent_body_id),
            opt(c.respondent_delegation_id),
            c.confidentiality.clone(),
            c.language.clone(),
            c.urgency.clone(),
            co.join(","),
        ],
    )
}

/// The seal of a pleading, message or note: its words, who wrote them for which side, the
/// clock they met, and who may read them. All parties, the audience of every pleading, adds
/// nothing, so chains sealed before audiences existed verify as they did; any narrower
/// audience is sealed, so widening a note after the fact breaks the chain.
#[must_use]
pub fn of_submission(seed: &ChainSeed, s: &submissions::Model) -> String {
    let mut parts = vec![
        s.pid.to_string(),
        s.case_id.to_string(),
        s.kind.clone(),
        s.author_id.to_string(),
        s.party.clone(),
        s.language.clone(),
        s.body.clone(),
        opt(s.deadline_id),
    ];
    if s.audience != crate::models::vocabulary::Audience::AllParties.as_ref() {
        parts.push(s.audience.clone());
    }
    seal(seed, &parts)
}

/// Checks what `events` (one case's chain, in order) sealed against the case row and its
/// pleadings as they are stored now: the filing, each sealed pleading, and, in a chain whose
/// filing was sealed, that no pleading stands unsealed. A chain begun before seals is checked
/// for the pleadings sealed since, and for its links (`case_events::verify_chain`).
#[must_use]
pub fn check(
    case: &cases::Model,
    co: &[i64],
    events: &[case_events::Model],
    pleadings: &[submissions::Model],
) -> Vec<ChainBreak> {
    let mut breaks = Vec::new();
    let Some(seed) = events
        .first()
        .filter(|e| e.seq == 1)
        .and_then(|e| ChainSeed::stored(&e.prev_hash))
        .filter(|s| !s.is_zero())
    else {
        return breaks;
    };
    let mut flag = |seq: i64, problem: String| {
        breaks.push(ChainBreak {
            case_id: case.id,
            seq,
            problem,
        });
    };
    let mut sealed_pleadings = Vec::new();
    let mut sealed_filing = false;
    for e in events {
        let detail: Value = serde_json::from_str(&e.detail).unwrap_or(Value::Null);
        if let Some(sealed) = detail.get(CASE_KEY).and_then(Value::as_str) {
            sealed_filing = true;
            if sealed != of_case(&seed, case, co) {
                flag(
                    e.seq,
                    "the filing no longer matches its seal (edited after filing)".into(),
                );
            }
        }
        let Some(sealed) = detail.get(SUBMISSION_KEY).and_then(Value::as_str) else {
            continue;
        };
        let pid = detail
            .get("submission")
            .and_then(Value::as_str)
            .unwrap_or_default();
        sealed_pleadings.push(pid.to_string());
        match pleadings.iter().find(|s| s.pid.to_string() == pid) {
            None => flag(e.seq, format!("pleading {pid} is gone (deleted)")),
            Some(s) if of_submission(&seed, s) != sealed => flag(
                e.seq,
                format!("pleading {pid} no longer matches its seal (edited)"),
            ),
            Some(_) => {}
        }
    }
    if sealed_filing {
        for s in pleadings {
            if !sealed_pleadings.contains(&s.pid.to_string()) {
                flag(
                    0,
                    format!(
                        "pleading {} is sealed by no event (added after the fact)",
                        s.pid
                    ),
                );
            }
        }
    }
    breaks
}
