//! Mediators' profiles, loads and caseloads, and the assignment record of a case.
use chrono::{DateTime, Utc};
use serde::Serialize;

use super::{cases::CaseSummary, Instant};
use crate::models::{
    _entities::{assignments, challenges},
    deadlines::calendar::Calendar,
    mediators::{
        ledger::{Caseload, Load},
        staffing::{Excluded, Explanation, Ranked},
        Profile,
    },
    users::{self, Actor},
};

/// A mediator's profile as admins manage it.
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct ProfileView {
    pub pid: String,
    pub name: String,
    pub active: bool,
    /// ISO alpha-3 code of the mediator's nationality.
    pub nationality: Option<String>,
    pub regional_group: Option<String>,
    pub languages: Vec<String>,
    pub capacity: i64,
    pub active_cases: i64,
    pub on_leave: bool,
    pub last_assigned_at: Option<String>,
    pub conflicting_delegations: Vec<String>,
    pub conflicting_bodies: Vec<String>,
}

fn utc(at: Option<chrono::DateTime<chrono::FixedOffset>>) -> Option<String> {
    at.map(|t| {
        t.to_utc()
            .to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
    })
}

fn languages(stored: &str) -> Vec<String> {
    stored
        .split(',')
        .filter(|l| !l.is_empty())
        .map(str::to_string)
        .collect()
}

impl From<&Profile> for ProfileView {
    fn from(p: &Profile) -> Self {
        Self {
            pid: p.user.pid.to_string(),
            name: p.user.name.clone(),
            active: p.user.active,
            nationality: p.nationality.as_ref().map(|d| d.code.clone()),
            regional_group: p.nationality.as_ref().map(|d| d.regional_group.clone()),
            languages: languages(&p.profile.languages),
            capacity: p.profile.capacity,
            active_cases: p.profile.active_cases,
            on_leave: p.profile.on_leave,
            last_assigned_at: utc(p.profile.last_assigned_at),
            conflicting_delegations: p
                .conflicting_delegations
                .iter()
                .map(|d| d.code.clone())
                .collect(),
            conflicting_bodies: p
                .conflicting_bodies
                .iter()
                .map(|b| b.code.clone())
                .collect(),
        }
    }
}

/// One mediator's load against capacity, for the registry.
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct LoadView {
    pub pid: String,
    pub name: String,
    pub active: bool,
    pub on_leave: bool,
    pub nationality: Option<String>,
    pub regional_group: Option<String>,
    pub languages: Vec<String>,
    pub active_cases: i64,
    pub capacity: i64,
    /// Open cases as a share of capacity, in percent.
    pub load_percent: i64,
    /// Open cases with a deadline past due.
    pub overdue: u64,
    pub last_assigned_at: Option<String>,
}

impl From<&Load> for LoadView {
    fn from(l: &Load) -> Self {
        Self {
            pid: l.user.pid.to_string(),
            name: l.user.name.clone(),
            active: l.user.active,
            on_leave: l.profile.on_leave,
            nationality: l.nationality.as_ref().map(|d| d.code.clone()),
            regional_group: l.nationality.as_ref().map(|d| d.regional_group.clone()),
            languages: languages(&l.profile.languages),
            active_cases: l.profile.active_cases,
            capacity: l.profile.capacity,
            load_percent: l.profile.active_cases * 100 / l.profile.capacity.max(1),
            overdue: l.overdue,
            last_assigned_at: utc(l.profile.last_assigned_at),
        }
    }
}

#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct LoadList {
    pub items: Vec<LoadView>,
    /// Open cases past eligibility that no mediator holds.
    pub awaiting_mediator: u64,
}

/// A mediator's own open cases, the soonest deadline first.
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct CaseloadView {
    /// The most pressing open cases, soonest deadline first, up to the limit asked for.
    pub items: Vec<CaseSummary>,
    /// All the open cases the mediator holds.
    pub total: u64,
    pub overdue: u64,
    /// Due from now to the end of this week (Sunday midnight in the mediator's zone).
    pub due_this_week: u64,
}

impl CaseloadView {
    #[must_use]
    pub fn new(c: &Caseload, actor: &Actor, calendar: &Calendar, now: DateTime<Utc>) -> Self {
        Self {
            items: c
                .items
                .iter()
                .map(|case| CaseSummary::new(case, &c.context, actor, calendar, now))
                .collect(),
            total: c.open,
            overdue: c.overdue,
            due_this_week: c.due_this_week,
        }
    }
}

#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct ChallengeView {
    pub pid: String,
    /// The party that challenged: complainant or respondent.
    pub party: String,
    pub reason: String,
    /// pending, upheld, rejected, or moot (the mediator left first).
    pub status: String,
    pub raised_at: Instant,
    pub decided_at: Option<Instant>,
    pub decision_note: Option<String>,
}

/// One assignment decision of a case. The registry and oversight see the whole
/// explanation; the parties and the mediator see who was chosen, how, and how many were
/// eligible and excluded, but not other mediators' conflicts.
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct AssignmentView {
    pub pid: String,
    /// automatic, manual or override.
    pub method: String,
    /// Null when nobody was eligible.
    pub mediator: Option<super::cases::PersonRef>,
    pub assigned_at: Instant,
    pub ended_at: Option<Instant>,
    /// replaced, challenge_upheld or recused.
    pub end_reason: Option<String>,
    pub eligible: usize,
    pub excluded_count: usize,
    pub override_reason: Option<String>,
    pub ranking: Option<Vec<Ranked>>,
    pub excluded: Option<Vec<Excluded>>,
    pub challenges: Vec<ChallengeView>,
}

impl AssignmentView {
    #[must_use]
    pub fn new(
        a: &assignments::Model,
        mediator: Option<&users::Model>,
        explanation: &Explanation,
        challenges: &[challenges::Model],
        full: bool,
        zone: chrono_tz::Tz,
    ) -> Self {
        Self {
            pid: a.pid.to_string(),
            method: a.method.clone(),
            mediator: mediator.map(super::cases::PersonRef::from),
            assigned_at: Instant::from_db(a.assigned_at, zone),
            ended_at: Instant::opt(a.ended_at, zone),
            end_reason: a.end_reason.clone(),
            eligible: explanation.eligible,
            excluded_count: explanation.excluded.len(),
            override_reason: if full {
                explanation.override_reason.clone()
            } else {
                None
            },
            ranking: full.then(|| explanation.ranking.clone()),
            excluded: full.then(|| explanation.excluded.clone()),
            challenges: challenges
                .iter()
                .filter(|c| c.assignment_id == a.id)
                .map(|c| ChallengeView {
                    pid: c.pid.to_string(),
                    party: c.party.clone(),
                    reason: c.reason.clone(),
                    status: c.status.clone(),
                    raised_at: Instant::from_db(c.created_at, zone),
                    decided_at: Instant::opt(c.decided_at, zone),
                    decision_note: c.decision_note.clone(),
                })
                .collect(),
        }
    }
}

#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct AssignmentList {
    pub items: Vec<AssignmentView>,
}

impl AssignmentList {
    /// A case's assignment record as seen from `zone`.
    #[must_use]
    pub fn new(record: &crate::models::mediators::staffing::Record, zone: chrono_tz::Tz) -> Self {
        Self {
            items: record
                .assignments
                .iter()
                .map(|(a, who, e)| {
                    AssignmentView::new(a, who.as_ref(), e, &record.challenges, record.full, zone)
                })
                .collect(),
        }
    }
}
