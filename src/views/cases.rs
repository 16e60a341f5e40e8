use chrono::{DateTime, Utc};
use serde::Serialize;

use super::{
    people::{BodyView, DelegationView},
    Instant,
};
use crate::models::{
    cases::{
        disclosure::Disclosure,
        dossier::Dossier,
        next_step::{self, Running, Situation},
        CaseAction, CaseLine, CaseRole, CaseStatus, ListContext,
    },
    correspondence,
    deadlines::{self, calendar::Calendar, clock::Due},
    users::{self, Actor},
    vocabulary::{Audience, DeadlineKind},
};

/// Where a clock stands for the viewer.
#[derive(Clone, Copy, Debug, Serialize, PartialEq, Eq, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum DeadlineState {
    Running,
    Overdue,
    /// A right's window (to appeal) that closed unused: nobody is late.
    Lapsed,
    Paused,
    Met,
    Cancelled,
}

#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct DeadlineView {
    pub id: i64,
    pub kind: String,
    pub party: String,
    pub unit: String,
    pub days: u32,
    pub extra_days: i64,
    pub extension_days: i64,
    pub state: DeadlineState,
    pub starts_at: Instant,
    pub due_at: Option<Instant>,
    /// The same instant on the organisation's own clock: the end of its business day.
    pub due_office: Option<Instant>,
    /// Days (in the clock's unit) from now to the due date; negative once overdue.
    pub days_left: Option<i64>,
    pub met_at: Option<Instant>,
    pub breached: bool,
}

impl DeadlineView {
    #[must_use]
    pub fn new(
        d: &deadlines::Model,
        calendar: &Calendar,
        zone: chrono_tz::Tz,
        now: DateTime<Utc>,
    ) -> Self {
        let due = d.due_at.map(|at| at.to_utc());
        let state = if d.met_at.is_some() {
            DeadlineState::Met
        } else if d.cancelled_at.is_some() {
            DeadlineState::Cancelled
        } else if d.paused_since.is_some() {
            DeadlineState::Paused
        } else if due.is_some_and(|at| deadlines::clock::is_overdue(Due::At(at), now)) {
            if d.kind().is_ok_and(DeadlineKind::is_a_right) {
                DeadlineState::Lapsed
            } else {
                DeadlineState::Overdue
            }
        } else {
            DeadlineState::Running
        };
        let unit = deadlines::parse_unit(&d.unit).unwrap_or(deadlines::calendar::DayUnit::Working);
        let days_left = match state {
            DeadlineState::Running | DeadlineState::Overdue => {
                due.map(|at| calendar.days_between(now, at, unit))
            }
            _ => None,
        };
        Self {
            id: d.id,
            kind: d.kind.clone(),
            party: d.party.clone(),
            unit: d.unit.clone(),
            days: d.total_days(),
            extra_days: d.sdt_days,
            extension_days: d.extension_days,
            state,
            starts_at: Instant::from_db(d.starts_at, zone),
            due_at: Instant::opt(d.due_at, zone),
            due_office: Instant::opt(d.due_at, calendar.zone()),
            days_left,
            met_at: Instant::opt(d.met_at, zone),
            breached: d.breached_at.is_some() || state == DeadlineState::Overdue,
        }
    }
}

impl DeadlineView {
    /// Where the clock stands, in words of `locale`: "3 working days left", "overdue by 2
    /// calendar days", "paused (case on hold)".
    #[must_use]
    pub fn words(&self, locale: crate::models::vocabulary::Locale) -> String {
        use fluent_templates::fluent_bundle::FluentValue;
        let text = |key: &str, n: Option<i64>| {
            let args: Vec<(&str, FluentValue<'static>)> = n.map_or_else(Vec::new, |n| {
                vec![
                    ("n", FluentValue::from(n)),
                    ("unit", FluentValue::from(self.unit.clone())),
                ]
            });
            super::i18n::text(locale, key, &args)
        };
        match (self.state, self.days_left) {
            (DeadlineState::Overdue, Some(n)) => text("clock-overdue-by", Some(n.abs())),
            (DeadlineState::Overdue, None) => text("clock-overdue", None),
            (DeadlineState::Running, Some(n)) => text("clock-days-left", Some(n)),
            (DeadlineState::Running, None) => text("clock-running", None),
            (DeadlineState::Lapsed, _) => text("clock-lapsed", None),
            (DeadlineState::Paused, _) => text("clock-paused", None),
            (DeadlineState::Met, _) => text("clock-met", None),
            (DeadlineState::Cancelled, _) => text("clock-cancelled", None),
        }
    }
}

#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct CaseSummary {
    pub pid: String,
    pub reference: String,
    pub title: String,
    pub category: String,
    pub status: String,
    /// The stage of the process the status belongs to (intake, mediation, review, ended).
    pub phase: Option<crate::models::cases::status::Phase>,
    pub urgency: String,
    pub confidentiality: String,
    pub body: Option<String>,
    /// Withheld (null) from respondents when the complainant asked for identity protection.
    pub complainant: Option<String>,
    pub on_hold: bool,
    pub filed_at: Instant,
    pub next_deadline: Option<DeadlineView>,
    pub version: i64,
}

impl CaseSummary {
    #[must_use]
    pub fn new(
        c: &CaseLine,
        ctx: &ListContext,
        actor: &Actor,
        calendar: &Calendar,
        now: DateTime<Utc>,
    ) -> Self {
        let disclosure = Disclosure::for_actor(c, actor);
        Self {
            pid: c.pid.to_string(),
            reference: c.reference.clone(),
            title: c.title.clone(),
            category: c.category.clone(),
            status: c.status.clone(),
            phase: CaseStatus::parse_stored(&c.status)
                .ok()
                .map(CaseStatus::phase),
            urgency: c.urgency.clone(),
            confidentiality: c.confidentiality.clone(),
            body: ctx.bodies.get(&c.body_id).cloned(),
            complainant: disclosure
                .complainant(ctx.complainants.get(&c.complainant_delegation_id))
                .flatten()
                .cloned(),
            on_hold: c.on_hold,
            filed_at: Instant::from_db(c.filed_at, actor.zone),
            next_deadline: ctx
                .open_clocks
                .get(&c.id)
                .and_then(|clocks| disclosure.next_clock(clocks))
                .map(|d| DeadlineView::new(d, calendar, actor.zone, now)),
            version: c.version,
        }
    }
}

#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct Respondent {
    pub kind: &'static str,
    pub code: String,
    pub name: String,
    /// Its name in the other languages the pages speak, where it has one.
    #[schema(value_type = std::collections::BTreeMap<String, String>)]
    pub names: crate::models::bodies::Translations,
}

#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct PersonRef {
    pub pid: String,
    pub name: String,
}

impl From<&users::Model> for PersonRef {
    fn from(u: &users::Model) -> Self {
        Self {
            pid: u.pid.to_string(),
            name: u.name.clone(),
        }
    }
}

#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct SubmissionView {
    pub pid: String,
    pub kind: String,
    pub party: String,
    /// Withheld when it would identify a protected complainant.
    pub author: Option<PersonRef>,
    pub language: String,
    pub body: String,
    pub answers_deadline: Option<i64>,
    pub at: Instant,
    /// Who reads it: all parties for every pleading; a message or note may be narrower.
    pub audience: String,
}

impl SubmissionView {
    /// A pleading, message or note the viewer reads, its author named where `shown` lets.
    #[must_use]
    pub fn new(
        s: &crate::models::submissions::Model,
        author: &Option<users::Model>,
        shown: Disclosure,
        zone: chrono_tz::Tz,
    ) -> Self {
        Self {
            pid: s.pid.to_string(),
            kind: s.kind.clone(),
            party: s.party.clone(),
            author: named(shown, author),
            language: s.language.clone(),
            body: s.body.clone(),
            answers_deadline: s.deadline_id,
            at: Instant::from_db(s.created_at, zone),
            audience: s.audience.clone(),
        }
    }
}

#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct EventView {
    pub seq: i64,
    pub action: String,
    pub from: Option<String>,
    pub to: Option<String>,
    pub actor: Option<PersonRef>,
    pub detail: serde_json::Value,
    pub at: Instant,
    pub hash: String,
}

#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct HoldView {
    pub reason: String,
    pub placed_at: Instant,
    pub lifted_at: Option<Instant>,
}

#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct ExtensionView {
    pub pid: String,
    pub deadline_id: i64,
    pub days: i64,
    pub reason: String,
    pub status: String,
    pub decision_note: Option<String>,
    pub requested_at: Instant,
    pub decided_at: Option<Instant>,
}

/// A translation asked for: of what, into which language, where it stands and, once
/// provided, the pleading that holds it. The original stays the authentic version.
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct TranslationView {
    pub pid: String,
    /// The pleading, message or document translated.
    pub source: String,
    pub source_language: String,
    pub language: String,
    pub state: crate::models::translations::State,
    /// The side that asked (its own clocks wait while it is pending).
    pub party: String,
    pub requested_at: Instant,
    /// The registry's clock, and when it falls due (the clock itself is shown to the staff
    /// alone).
    pub deadline_id: i64,
    pub due_at: Option<Instant>,
    /// The translation provided: a pleading of kind `translation`, in `submissions`.
    pub translation: Option<String>,
    pub provided_at: Option<Instant>,
}

impl TranslationView {
    #[must_use]
    pub fn new(
        listed: &crate::models::translations::Listed,
        clocks: &[crate::models::deadlines::Model],
        zone: chrono_tz::Tz,
    ) -> Self {
        let r = &listed.request;
        let clock = clocks.iter().find(|c| c.id == r.deadline_id);
        Self {
            pid: r.pid.to_string(),
            source: listed.source.to_string(),
            source_language: r.source_language.clone(),
            language: r.language.clone(),
            state: r.state(clock),
            party: r.party.clone(),
            requested_at: Instant::from_db(r.created_at, zone),
            deadline_id: r.deadline_id,
            due_at: clock.and_then(|c| Instant::opt(c.due_at, zone)),
            translation: listed.translation.map(|t| t.to_string()),
            provided_at: Instant::opt(r.provided_at, zone),
        }
    }
}

#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct CaseDetail {
    #[serde(flatten)]
    pub summary: CaseSummary,
    pub incident_date: chrono::NaiveDate,
    pub facts: String,
    pub remedy_sought: String,
    pub language: String,
    pub outcome: Option<String>,
    pub dismissal_reason: Option<String>,
    /// The delegation that filed, unless withheld from the viewer (see `complainant`).
    pub lead_complainant: Option<DelegationView>,
    pub co_complainants: Vec<DelegationView>,
    /// The forum where it happened, with its names.
    pub forum: Option<BodyView>,
    pub respondent: Option<Respondent>,
    pub mediator: Option<PersonRef>,
    pub deadlines: Vec<DeadlineView>,
    pub submissions: Vec<SubmissionView>,
    pub timeline: Vec<EventView>,
    pub holds: Vec<HoldView>,
    pub extension_requests: Vec<ExtensionView>,
    /// The translations asked of what the viewer reads.
    pub translations: Vec<TranslationView>,
    /// What the viewer may do now (their standing and the lifecycle both allow it).
    pub allowed_actions: Vec<CaseAction>,
    /// Whom the viewer may write a message to now (none on a closed case, or for oversight).
    pub message_audiences: Vec<Audience>,
    /// What happens next, for the viewer.
    pub next_step: NextStepView,
}

/// What happens next on the case, for the viewer: who must act, by when, and what the
/// viewer should do about it.
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct NextStepView {
    pub situation: Situation,
    /// The clock awaited: the viewer's own earliest running one, or else the case's.
    pub awaited: Option<DeadlineView>,
    /// Whether the viewer is the party awaited.
    pub yours: bool,
    /// The actions that matter most for the viewer now, among `allowed_actions`.
    pub actions: Vec<CaseAction>,
    /// The pleading that asked for what is awaited (the response to accept or contest, the
    /// questions to answer), to read before answering.
    pub asked_in: Option<String>,
}

impl NextStepView {
    fn new(detail: &CaseDetail, d: &Dossier, allowed: &[CaseAction]) -> Self {
        // The deadlines the viewer may see; a lapsed right (an appeal window that closed) is
        // awaited from nobody.
        let running: Vec<Running> = detail
            .deadlines
            .iter()
            .filter(|v| matches!(v.state, DeadlineState::Running | DeadlineState::Overdue))
            .filter_map(|v| {
                let clock = d.deadlines.iter().find(|c| c.id == v.id)?;
                Some(Running {
                    id: clock.id,
                    kind: clock.kind().ok()?,
                    party: clock.party().ok()?,
                    due_at: clock.due_at?.to_utc(),
                })
            })
            .collect();
        let party = d.viewer_role.and_then(CaseRole::party);
        let status = d.case.status().unwrap_or(CaseStatus::Submitted);
        let step = next_step::of(status, d.case.on_hold, &running, party, allowed);
        let asked_in = step.awaited.filter(|_| step.yours).and_then(|a| {
            let kinds = next_step::asked_in(a.kind);
            detail
                .submissions
                .iter()
                .rev()
                .find(|s| kinds.iter().any(|k| k.as_ref() == s.kind))
                .map(|s| s.pid.clone())
        });
        Self {
            situation: step.situation,
            awaited: step
                .awaited
                .and_then(|a| detail.deadlines.iter().find(|v| v.id == a.id).cloned()),
            yours: step.yours,
            actions: step.actions,
            asked_in,
        }
    }
}

/// A person named to the viewer, when the disclosure rule lets them be.
pub(crate) fn named(shown: Disclosure, who: &Option<users::Model>) -> Option<PersonRef> {
    who.as_ref()
        .filter(|u| shown.may_name(u))
        .map(PersonRef::from)
}

/// The case's events as the viewer may read them: actors and details the disclosure rule
/// withholds are left out.
fn timeline(d: &Dossier, hidden_extensions: &[String], zone: chrono_tz::Tz) -> Vec<EventView> {
    let shown = d.disclosure;
    d.events
        .iter()
        .map(|(e, who)| EventView {
            seq: e.seq,
            action: e.action.clone(),
            from: e.from_status.clone(),
            to: e.to_status.clone(),
            actor: named(shown, who),
            detail: shown.event_detail(
                &e.action,
                serde_json::from_str(&e.detail).unwrap_or(serde_json::Value::Null),
                hidden_extensions,
            ),
            at: Instant::from_db(e.occurred_at, zone),
            hash: e.hash.clone(),
        })
        .collect()
}

impl Respondent {
    /// Who answers the case: a body, or else a delegation.
    fn of(d: &Dossier) -> Option<Self> {
        d.respondent_body
            .as_ref()
            .map(|b| Self {
                kind: "body",
                code: b.code.clone(),
                name: b.name.clone(),
                names: b.translations(),
            })
            .or_else(|| {
                d.respondent_delegation.as_ref().map(|r| Self {
                    kind: "delegation",
                    code: r.code.clone(),
                    name: r.name.clone(),
                    names: crate::models::delegations::translations(&r.code),
                })
            })
    }
}

impl CaseDetail {
    #[must_use]
    pub fn new(d: &Dossier, actor: &Actor, calendar: &Calendar, now: DateTime<Utc>) -> Self {
        let zone = actor.zone;
        let c = &d.case;
        let mut ctx = ListContext::default();
        if let Some(b) = &d.body {
            ctx.bodies.insert(b.id, b.code.clone());
        }
        if let Some(cd) = &d.complainant {
            ctx.complainants.insert(cd.id, cd.code.clone());
        }
        let shown = d.disclosure;
        let mut summary = CaseSummary::new(&CaseLine::from(c), &ctx, actor, calendar, now);
        if shown.withholds_complainant() {
            summary.complainant = None;
        }
        summary.next_deadline = shown
            .next_clock(&d.deadlines)
            .map(|x| DeadlineView::new(x, calendar, zone, now));
        let visible_clock = |id: i64| {
            d.deadlines
                .iter()
                .any(|c| c.id == id && shown.may_see_clock(c))
        };
        let hidden_extensions: Vec<String> = d
            .extension_requests
            .iter()
            .filter(|x| !visible_clock(x.deadline_id))
            .map(|x| x.pid.to_string())
            .collect();
        let allowed_actions = d
            .viewer_role
            .map_or_else(Vec::new, |role| c.offered_actions(role, &d.moment));
        let open = c.status().is_ok_and(|s| s.is_open());
        let message_audiences = d
            .viewer_role
            .filter(|_| open)
            .map_or_else(Vec::new, |role| correspondence::open_to(role).to_vec());
        let mut detail = Self {
            summary,
            incident_date: c.incident_date,
            facts: c.facts.clone(),
            remedy_sought: c.remedy_sought.clone(),
            language: c.language.clone(),
            outcome: c.outcome.clone(),
            dismissal_reason: c.dismissal_reason.clone(),
            lead_complainant: d
                .complainant
                .as_ref()
                .filter(|_| !shown.withholds_complainant())
                .map(DelegationView::from),
            forum: d.body.as_ref().map(BodyView::from),
            co_complainants: shown
                .complainant(&d.co_complainants)
                .map(|cs| cs.iter().map(DelegationView::from).collect())
                .unwrap_or_default(),
            respondent: Respondent::of(d),
            mediator: d.mediator.as_ref().map(PersonRef::from),
            deadlines: d
                .deadlines
                .iter()
                .filter(|x| shown.may_see_clock(x))
                .map(|x| DeadlineView::new(x, calendar, zone, now))
                .collect(),
            submissions: d
                .submissions
                .iter()
                .map(|(s, author)| SubmissionView::new(s, author, shown, zone))
                .collect(),
            timeline: timeline(d, &hidden_extensions, zone),
            holds: d
                .holds
                .iter()
                .map(|h| HoldView {
                    reason: h.reason.clone(),
                    placed_at: Instant::from_db(h.placed_at, zone),
                    lifted_at: Instant::opt(h.lifted_at, zone),
                })
                .collect(),
            extension_requests: d
                .extension_requests
                .iter()
                .filter(|x| visible_clock(x.deadline_id))
                .map(|x| ExtensionView {
                    pid: x.pid.to_string(),
                    deadline_id: x.deadline_id,
                    days: x.days,
                    reason: x.reason.clone(),
                    status: x.status.clone(),
                    decision_note: x.decision_note.clone(),
                    requested_at: Instant::from_db(x.created_at, zone),
                    decided_at: Instant::opt(x.decided_at, zone),
                })
                .collect(),
            translations: d
                .translations
                .iter()
                .map(|t| TranslationView::new(t, &d.deadlines, zone))
                .collect(),
            allowed_actions,
            message_audiences,
            next_step: NextStepView {
                situation: Situation::NothingDue,
                awaited: None,
                yours: false,
                actions: Vec::new(),
                asked_in: None,
            },
        };
        detail.next_step = NextStepView::new(&detail, d, &detail.allowed_actions);
        detail
    }
}
