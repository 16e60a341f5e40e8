//! The administrative audit chain as oversight reads it.
use serde::Serialize;
use serde_json::Value;

use super::{cases::PersonRef, Instant};
use crate::models::{admin_log::Model, users};

/// One administrative change.
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct AdminEventView {
    pub seq: i64,
    /// The administrator who made it; absent for a policy the app was started with.
    pub actor: Option<PersonRef>,
    /// `user`, `body`, `holiday`, `mediator_profile` or `policy`.
    pub subject: String,
    /// The subject's name: a person's pid, a body's code, a date.
    pub subject_key: String,
    /// `created`, `changed` or `removed`.
    pub action: String,
    /// The record before the change (absent for a creation).
    #[schema(value_type = Option<Object>)]
    pub before: Option<Value>,
    /// The record after the change (absent for a removal).
    #[schema(value_type = Option<Object>)]
    pub after: Option<Value>,
    pub at: Instant,
    pub hash: String,
}

/// One page of the administrative audit chain, newest first.
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct AdminLog {
    pub items: Vec<AdminEventView>,
    pub total: u64,
    pub page: u64,
    pub per_page: u64,
}

impl AdminEventView {
    #[must_use]
    pub fn new(e: &Model, actor: Option<&users::Model>, zone: chrono_tz::Tz) -> Self {
        let json = |s: &Option<String>| s.as_deref().and_then(|s| serde_json::from_str(s).ok());
        Self {
            seq: e.seq,
            actor: actor.map(PersonRef::from),
            subject: e.subject.clone(),
            subject_key: e.subject_key.clone(),
            action: e.action.clone(),
            before: json(&e.before),
            after: json(&e.after),
            at: Instant::from_db(e.occurred_at, zone),
            hash: e.hash.clone(),
        }
    }
}
