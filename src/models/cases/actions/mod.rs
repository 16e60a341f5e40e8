//! The actions on a case after filing. [`ActionInput`] is what a client may ask, with the
//! words its fields must hold; the group modules give, for each of their actions, the checks
//! the lifecycle cannot see, the change to the case row, the clocks and rows it moves and who
//! hears of it, each action as one function read from top to bottom. The skeleton that runs
//! them (scope, version, standing, lifecycle, event, notices) is `cases::transition`.
//!
//! An action's function gets a [`Cx`] and must pass through [`Cx::write`], the conditional
//! status write, exactly once: the [`Done`] it returns can only be made from the [`Written`]
//! that write gives back.
mod extensions;
mod holds;
mod intake;
mod pleadings;
mod resolution;
mod staffing;

use chrono::{DateTime, Utc};
use sea_orm::{entity::prelude::*, ActiveValue::Set, DatabaseTransaction};
use serde::Deserialize;

use super::{
    filing::MAX_TEXT_CHARS, status::CaseStatus, ActiveModel, CaseAction, CaseRole, Column, Entity,
    Model,
};
use crate::{
    errors::{AppError, AppResult, FieldErrors, Said},
    models::{
        _entities::submissions,
        deadlines::{
            self,
            calendar::{Calendar, DayUnit},
        },
        mediators,
        users::Actor,
        vocabulary::{DeadlineKind, Decision, DismissalReason, Outcome, Party, SubmissionKind},
    },
    settings::Settings,
};

/// An action with what it needs. Clients send it flat (`{"action": "dismiss", "reason": ...}`);
/// the edge rewrites that to serde's external tagging so errors keep their field paths.
#[derive(Clone, Debug, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub enum ActionInput {
    Register {
        note: Option<String>,
    },
    DeclareEligible {
        note: Option<String>,
    },
    Dismiss {
        reason: DismissalReason,
        note: String,
    },
    /// Names a mediator, or (without one) asks the rule to choose. A named mediator with
    /// a recorded conflict needs `override_reason`, and the override is flagged to
    /// oversight.
    AssignMediator {
        mediator: Option<Uuid>,
        override_reason: Option<String>,
    },
    RequestResponse {
        request: String,
    },
    SubmitResponse {
        response: String,
    },
    AcceptResponse {
        note: Option<String>,
    },
    ContestResponse {
        counter_proposal: String,
    },
    RecordSettlement {
        terms: String,
    },
    Escalate {
        reason: String,
    },
    RecordDecision {
        decision: Decision,
        reasoning: String,
    },
    Appeal {
        grounds: String,
    },
    StartMonitoring {
        plan: String,
    },
    Close {
        summary: String,
    },
    Withdraw {
        reason: Option<String>,
    },
    PlaceHold {
        reason: String,
    },
    LiftHold {
        note: Option<String>,
    },
    RequestInformation {
        questions: String,
    },
    ProvideInformation {
        information: String,
    },
    RequestExtension {
        deadline_id: i64,
        days: u32,
        reason: String,
    },
    DecideExtension {
        request: Uuid,
        grant: bool,
        days: Option<u32>,
        note: String,
    },
    /// A party's challenge to the assigned mediator, within the challenge window.
    ChallengeMediator {
        reason: String,
    },
    /// The registry upholds (the mediator is replaced) or rejects a challenge.
    DecideChallenge {
        challenge: Uuid,
        uphold: bool,
        note: String,
    },
    /// The mediator withdraws from the case.
    RecuseMediator {
        reason: String,
    },
}

/// The shortest written reason for a challenge, a recusal or an override: a few words that
/// others can act on.
pub const MIN_REASON_CHARS: u64 = 10;

/// The shortest reason for a hold or an extension request.
const MIN_HOLD_REASON_CHARS: u64 = 5;

impl ActionInput {
    /// The names clients use for the actions.
    #[must_use]
    pub fn names() -> Vec<&'static str> {
        CaseAction::names()
            .into_iter()
            .filter(|n| *n != "file")
            .collect()
    }

    #[must_use]
    pub const fn action(&self) -> CaseAction {
        match self {
            Self::Register { .. } => CaseAction::Register,
            Self::DeclareEligible { .. } => CaseAction::DeclareEligible,
            Self::Dismiss { .. } => CaseAction::Dismiss,
            Self::AssignMediator { .. } => CaseAction::AssignMediator,
            Self::RequestResponse { .. } => CaseAction::RequestResponse,
            Self::SubmitResponse { .. } => CaseAction::SubmitResponse,
            Self::AcceptResponse { .. } => CaseAction::AcceptResponse,
            Self::ContestResponse { .. } => CaseAction::ContestResponse,
            Self::RecordSettlement { .. } => CaseAction::RecordSettlement,
            Self::Escalate { .. } => CaseAction::Escalate,
            Self::RecordDecision { .. } => CaseAction::RecordDecision,
            Self::Appeal { .. } => CaseAction::Appeal,
            Self::StartMonitoring { .. } => CaseAction::StartMonitoring,
            Self::Close { .. } => CaseAction::Close,
            Self::Withdraw { .. } => CaseAction::Withdraw,
            Self::PlaceHold { .. } => CaseAction::PlaceHold,
            Self::LiftHold { .. } => CaseAction::LiftHold,
            Self::RequestInformation { .. } => CaseAction::RequestInformation,
            Self::ProvideInformation { .. } => CaseAction::ProvideInformation,
            Self::RequestExtension { .. } => CaseAction::RequestExtension,
            Self::DecideExtension { .. } => CaseAction::DecideExtension,
            Self::ChallengeMediator { .. } => CaseAction::ChallengeMediator,
            Self::DecideChallenge { .. } => CaseAction::DecideChallenge,
            Self::RecuseMediator { .. } => CaseAction::RecuseMediator,
        }
    }

    /// Checks the words of the action, before anything is read: what each text must hold
    /// and the numbers it may carry.
    ///
    /// # Errors
    /// 422 with the offending fields.
    pub fn validate(&self) -> AppResult<()> {
        let mut e = FieldErrors::new();
        let optional = |e: &mut FieldErrors, field: &str, text: &Option<String>| {
            if let Some(text) = text {
                e.text(field, text, 0, MAX_TEXT_CHARS);
            }
        };
        let days = |e: &mut FieldErrors, days: u32| {
            if days == 0 {
                e.add_said(
                    "days",
                    "range",
                    Said::new("field-at-least-days").number("min", 1),
                );
            }
        };
        match self {
            Self::Register { note }
            | Self::DeclareEligible { note }
            | Self::AcceptResponse { note }
            | Self::LiftHold { note } => optional(&mut e, "note", note),
            Self::Withdraw { reason } => optional(&mut e, "reason", reason),
            Self::Dismiss { note, .. } => e.text("note", note, 1, MAX_TEXT_CHARS),
            Self::RequestResponse { request } => e.text("request", request, 1, MAX_TEXT_CHARS),
            Self::SubmitResponse { response } => e.text("response", response, 1, MAX_TEXT_CHARS),
            Self::ContestResponse { counter_proposal } => {
                e.text("counter_proposal", counter_proposal, 1, MAX_TEXT_CHARS);
            }
            Self::RecordSettlement { terms } => e.text("terms", terms, 1, MAX_TEXT_CHARS),
            Self::Escalate { reason } => e.text("reason", reason, 1, MAX_TEXT_CHARS),
            Self::RecordDecision { reasoning, .. } => {
                e.text("reasoning", reasoning, 1, MAX_TEXT_CHARS);
            }
            Self::Appeal { grounds } => e.text("grounds", grounds, 1, MAX_TEXT_CHARS),
            Self::StartMonitoring { plan } => e.text("plan", plan, 1, MAX_TEXT_CHARS),
            Self::Close { summary } => e.text("summary", summary, 1, MAX_TEXT_CHARS),
            Self::RequestInformation { questions } => {
                e.text("questions", questions, 1, MAX_TEXT_CHARS);
            }
            Self::ProvideInformation { information } => {
                e.text("information", information, 1, MAX_TEXT_CHARS);
            }
            Self::PlaceHold { reason } => {
                e.text("reason", reason, MIN_HOLD_REASON_CHARS, MAX_TEXT_CHARS);
            }
            Self::RequestExtension {
                days: asked,
                reason,
                ..
            } => {
                e.text("reason", reason, MIN_HOLD_REASON_CHARS, MAX_TEXT_CHARS);
                days(&mut e, *asked);
            }
            Self::DecideExtension {
                note,
                days: granted,
                ..
            } => {
                e.text("note", note, 1, MAX_TEXT_CHARS);
                if let Some(granted) = granted {
                    days(&mut e, *granted);
                }
            }
            Self::DecideChallenge { note, .. } => e.text("note", note, 1, MAX_TEXT_CHARS),
            Self::ChallengeMediator { reason } | Self::RecuseMediator { reason } => {
                e.text("reason", reason, MIN_REASON_CHARS, MAX_TEXT_CHARS);
            }
            Self::AssignMediator {
                mediator,
                override_reason,
            } => {
                if let Some(reason) = override_reason {
                    e.text("override_reason", reason, MIN_REASON_CHARS, MAX_TEXT_CHARS);
                    if mediator.is_none() {
                        e.add_said(
                            "override_reason",
                            "not_allowed",
                            Said::new("field-override-needs-mediator"),
                        );
                    }
                }
            }
        }
        e.into_result()
    }

    /// Carries the action out on the case `cx` holds, through its group's function.
    pub(super) async fn act(&self, cx: &mut Cx<'_>) -> AppResult<Acted> {
        let done = match self {
            Self::Register { note } => intake::register(cx, note.as_deref()).await?,
            Self::DeclareEligible { note } => intake::declare_eligible(cx, note.as_deref()).await?,
            Self::Dismiss { reason, note } => intake::dismiss(cx, *reason, note).await?,
            Self::AssignMediator {
                mediator,
                override_reason,
            } => return staffing::assign_mediator(cx, *mediator, override_reason.as_deref()).await,
            Self::ChallengeMediator { reason } => staffing::challenge_mediator(cx, reason).await?,
            Self::DecideChallenge {
                challenge,
                uphold,
                note,
            } => staffing::decide_challenge(cx, *challenge, *uphold, note).await?,
            Self::RecuseMediator { reason } => staffing::recuse_mediator(cx, reason).await?,
            Self::RequestResponse { request } => pleadings::request_response(cx, request).await?,
            Self::SubmitResponse { response } => pleadings::submit_response(cx, response).await?,
            Self::AcceptResponse { note } => {
                pleadings::accept_response(cx, note.as_deref()).await?
            }
            Self::ContestResponse { counter_proposal } => {
                pleadings::contest_response(cx, counter_proposal).await?
            }
            Self::RequestInformation { questions } => {
                pleadings::request_information(cx, questions).await?
            }
            Self::ProvideInformation { information } => {
                pleadings::provide_information(cx, information).await?
            }
            Self::RecordSettlement { terms } => resolution::record_settlement(cx, terms).await?,
            Self::Escalate { reason } => resolution::escalate(cx, reason).await?,
            Self::RecordDecision {
                decision,
                reasoning,
            } => resolution::record_decision(cx, *decision, reasoning).await?,
            Self::Appeal { grounds } => resolution::appeal(cx, grounds).await?,
            Self::StartMonitoring { plan } => resolution::start_monitoring(cx, plan).await?,
            Self::Close { summary } => resolution::close(cx, summary).await?,
            Self::Withdraw { reason } => resolution::withdraw(cx, reason.as_deref()).await?,
            Self::PlaceHold { reason } => holds::place_hold(cx, reason).await?,
            Self::LiftHold { note } => holds::lift_hold(cx, note.as_deref()).await?,
            Self::RequestExtension {
                deadline_id,
                days,
                reason,
            } => extensions::request_extension(cx, *deadline_id, *days, reason).await?,
            Self::DecideExtension {
                request,
                grant,
                days,
                note,
            } => extensions::decide_extension(cx, *request, *grant, *days, note).await?,
        };
        Ok(Acted::Done(done))
    }
}

/// One field of an action's form, named as the action's input names it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Field {
    pub name: &'static str,
    pub kind: FieldKind,
    pub required: bool,
}

/// What a field holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FieldKind {
    /// Free text, with lines.
    Text,
    /// A whole number of days.
    Days,
    YesNo,
    /// One of the choices the case or the vocabulary offers.
    Choice(Choices),
}

/// Where a choice field's options come from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Choices {
    DismissalReasons,
    Decisions,
    /// The active mediators (none chosen: the rule chooses).
    Mediators,
    /// The case's running clocks.
    RunningClocks,
    PendingExtensions,
    PendingChallenges,
}

const fn text(name: &'static str) -> Field {
    Field {
        name,
        kind: FieldKind::Text,
        required: true,
    }
}

const fn optional(name: &'static str) -> Field {
    Field {
        name,
        kind: FieldKind::Text,
        required: false,
    }
}

const fn field(name: &'static str, kind: FieldKind, required: bool) -> Field {
    Field {
        name,
        kind,
        required,
    }
}

impl CaseAction {
    /// What the action's form asks, in the order shown.
    #[must_use]
    pub const fn fields(self) -> &'static [Field] {
        use Choices as C;
        use FieldKind::{Choice, Days, YesNo};
        match self {
            Self::Register | Self::DeclareEligible | Self::AcceptResponse | Self::LiftHold => {
                const { &[optional("note")] }
            }
            Self::Dismiss => {
                const {
                    &[
                        field("reason", Choice(C::DismissalReasons), true),
                        text("note"),
                    ]
                }
            }
            Self::AssignMediator => {
                const {
                    &[
                        field("mediator", Choice(C::Mediators), false),
                        optional("override_reason"),
                    ]
                }
            }
            Self::RequestResponse => const { &[text("request")] },
            Self::SubmitResponse => const { &[text("response")] },
            Self::ContestResponse => const { &[text("counter_proposal")] },
            Self::RecordSettlement => const { &[text("terms")] },
            Self::RecordDecision => {
                const {
                    &[
                        field("decision", Choice(C::Decisions), true),
                        text("reasoning"),
                    ]
                }
            }
            Self::Appeal => const { &[text("grounds")] },
            Self::StartMonitoring => const { &[text("plan")] },
            Self::Close => const { &[text("summary")] },
            Self::Withdraw => const { &[optional("reason")] },
            Self::Escalate | Self::PlaceHold | Self::ChallengeMediator | Self::RecuseMediator => {
                const { &[text("reason")] }
            }
            Self::RequestInformation => const { &[text("questions")] },
            Self::ProvideInformation => const { &[text("information")] },
            Self::RequestExtension => {
                const {
                    &[
                        field("deadline_id", Choice(C::RunningClocks), true),
                        field("days", Days, true),
                        text("reason"),
                    ]
                }
            }
            Self::DecideExtension => {
                const {
                    &[
                        field("request", Choice(C::PendingExtensions), true),
                        field("grant", YesNo, true),
                        field("days", Days, false),
                        text("note"),
                    ]
                }
            }
            Self::DecideChallenge => {
                const {
                    &[
                        field("challenge", Choice(C::PendingChallenges), true),
                        field("uphold", YesNo, true),
                        text("note"),
                    ]
                }
            }
            Self::File => const { &[] },
        }
    }
}

impl Model {
    /// The actions `role` may take on this case now: those its standing and the lifecycle
    /// allow and that the case row admits. The API's `allowed_actions` and the page's forms
    /// both ask it, so nothing is offered that the case refuses for those reasons.
    #[must_use]
    pub fn offered_actions(&self, role: CaseRole) -> Vec<CaseAction> {
        let Ok(status) = self.status() else {
            return Vec::new();
        };
        <CaseAction as strum::IntoEnumIterator>::iter()
            .filter(|a| role.may(*a) && status.apply(*a).is_ok() && admits(self, *a))
            .collect()
    }
}

/// What the case row alone must allow for the action, checked again by the action itself.
fn admits(case: &Model, action: CaseAction) -> bool {
    match action {
        CaseAction::PlaceHold => holds::may_place(case).is_ok(),
        CaseAction::LiftHold => holds::may_lift(case).is_ok(),
        _ => true,
    }
}

/// One action under way: the case as read in this transaction, who acts with what standing,
/// the status it leads to, and the event detail gathered so far.
pub struct Cx<'a> {
    pub db: &'a DatabaseTransaction,
    pub settings: &'a Settings,
    pub calendar: &'a Calendar,
    pub actor: &'a Actor,
    pub role: CaseRole,
    pub case: &'a Model,
    /// The co-complainant delegations' ids.
    pub co: &'a [i64],
    pub from: CaseStatus,
    pub to: CaseStatus,
    pub now: DateTime<Utc>,
    /// The system's own follow-up to the actor's action (an automatic assignment): it acts
    /// with the registry's standing and names no actor.
    pub automatic: bool,
    pub(super) detail: serde_json::Map<String, serde_json::Value>,
}

/// Changes to the case row that an action makes besides its status and version.
#[derive(Default)]
pub struct Row {
    pub outcome: Option<Option<Outcome>>,
    pub dismissal_reason: Option<DismissalReason>,
    /// `Some(None)` when the mediator leaves the case.
    pub mediator_id: Option<Option<i64>>,
    /// A mediator taken within their capacity (an override is not).
    pub within_capacity: bool,
    pub on_hold: Option<bool>,
    /// The case is served on the respondent, who may now see it.
    pub serve: bool,
    pub close: bool,
    pub appeal: bool,
}

impl Row {
    /// Only the status moves.
    #[must_use]
    pub fn none() -> Self {
        Self::default()
    }

    #[must_use]
    pub fn outcome(outcome: Outcome) -> Self {
        Self {
            outcome: Some(Some(outcome)),
            ..Self::default()
        }
    }
}

/// Proof that the status was written: only [`Cx::write`] makes one.
#[must_use]
pub struct Written(());

/// An action carried out: who hears of it, and what follows.
pub struct Done {
    pub(super) audience: Audience,
    /// A word the notice adds to the action (a challenge upheld or rejected).
    pub(super) stage: Option<&'static str>,
    /// The case is left without the mediator it needs: the rule assigns one next.
    pub(super) staff_after: bool,
    /// A further notice about the same event: its kind, key and audience.
    pub(super) also: Option<(&'static str, &'static str, Audience)>,
}

impl Written {
    /// The action is done; `audience` hears of it.
    pub const fn done(self, audience: Audience) -> Done {
        Done {
            audience,
            stage: None,
            staff_after: false,
            also: None,
        }
    }
}

impl Done {
    #[must_use]
    pub const fn stage(mut self, stage: &'static str) -> Self {
        self.stage = Some(stage);
        self
    }

    #[must_use]
    pub const fn then_staff(mut self, staff: bool) -> Self {
        self.staff_after = staff;
        self
    }

    #[must_use]
    pub const fn also(mut self, kind: &'static str, key: &'static str, to: Audience) -> Self {
        self.also = Some((kind, key, to));
        self
    }
}

/// What an action led to.
pub enum Acted {
    Done(Done),
    /// Nothing changed on the case; the action recorded and told what it had to itself.
    Unchanged,
}

/// Who hears of an action, besides the actor (never told of their own act) and a mediator
/// who leaves the case (always told why).
#[derive(Clone, Copy, Debug, Default)]
#[expect(
    clippy::struct_excessive_bools,
    reason = "one flag per party that may hear"
)]
pub struct Audience {
    pub complainants: bool,
    pub respondents: bool,
    pub mediator: bool,
    pub registry: bool,
    /// The registry, when the case has no mediator to hear it.
    pub registry_without_mediator: bool,
    pub oversight: bool,
}

impl Audience {
    /// The complainant side.
    pub const COMPLAINANTS: Self = Self {
        complainants: true,
        respondents: false,
        mediator: false,
        registry: false,
        registry_without_mediator: false,
        oversight: false,
    };
    /// Both sides and the mediator.
    pub const PARTIES: Self = Self {
        respondents: true,
        mediator: true,
        ..Self::COMPLAINANTS
    };
    /// The case's mediator, or the registry while it has none.
    pub const MEDIATOR_OR_REGISTRY: Self = Self {
        complainants: false,
        mediator: true,
        registry_without_mediator: true,
        ..Self::COMPLAINANTS
    };
    /// Oversight alone.
    pub const OVERSIGHT: Self = Self {
        complainants: false,
        oversight: true,
        ..Self::COMPLAINANTS
    };

    #[must_use]
    pub const fn and_respondents(mut self) -> Self {
        self.respondents = true;
        self
    }

    #[must_use]
    pub const fn and_mediator(mut self) -> Self {
        self.mediator = true;
        self
    }

    #[must_use]
    pub const fn and_registry(mut self) -> Self {
        self.registry = true;
        self
    }

    /// The side whose clock it is (both sides when the clock is not a side's), and the
    /// mediator.
    #[must_use]
    pub const fn side_of(party: Option<Party>) -> Self {
        match party {
            Some(Party::Complainant) => Self::COMPLAINANTS.and_mediator(),
            Some(Party::Respondent) => Self {
                complainants: false,
                respondents: true,
                mediator: true,
                ..Self::COMPLAINANTS
            },
            _ => Self::PARTIES,
        }
    }
}

impl Cx<'_> {
    /// The status write, conditional on the version read: a concurrent writer makes it touch
    /// no row, and the whole action is refused. The mediator's load follows the case.
    ///
    /// # Errors
    /// 409 when the case changed meanwhile; database errors.
    pub async fn write(&mut self, row: Row) -> AppResult<Written> {
        write_status(self.db, self.case, self.to, &row, self.calendar, self.now).await?;
        // The load counts for the mediator while the case is open for work.
        let holder = row.mediator_id.unwrap_or(self.case.mediator_id);
        mediators::shift_load(
            self.db,
            self.case.mediator_id.filter(|_| self.from.is_active()),
            holder.filter(|_| self.to.is_active()),
            row.within_capacity,
            self.now,
        )
        .await?;
        Ok(Written(()))
    }

    /// Adds `value` under `key` to the event's detail (and so to the audit chain).
    pub fn note(&mut self, key: &str, value: impl Into<serde_json::Value>) {
        self.detail.insert(key.into(), value.into());
    }

    /// Starts clocks of these kinds now, under the case's policy.
    ///
    /// # Errors
    /// Database errors.
    pub async fn start(&self, kinds: &[DeadlineKind]) -> AppResult<()> {
        let policy = self
            .case
            .clock_policy(self.db, self.settings, self.calendar)
            .await?;
        let pauses = deadlines::pauses_for(self.db, self.case.id).await?;
        for &k in kinds {
            deadlines::start(self.db, self.case.id, k, &policy, &pauses, self.now).await?;
        }
        Ok(())
    }

    /// Marks the open clocks of these kinds met now.
    ///
    /// # Errors
    /// Database errors.
    pub async fn meet(&self, kinds: &[DeadlineKind]) -> AppResult<()> {
        deadlines::meet(self.db, self.case.id, kinds, self.now).await
    }

    /// Cancels the open clocks of these kinds (`None`: all of them).
    ///
    /// # Errors
    /// Database errors.
    pub async fn cancel(&self, kinds: Option<&[DeadlineKind]>) -> AppResult<()> {
        deadlines::cancel(self.db, self.case.id, kinds, self.now).await
    }

    /// The case's open clock of this kind, if one runs.
    ///
    /// # Errors
    /// Database errors.
    pub async fn open_clock(&self, kind: DeadlineKind) -> AppResult<Option<deadlines::Model>> {
        Ok(deadlines::open_for_case(self.db, self.case.id)
            .await?
            .into_iter()
            .find(|d| d.kind == kind.as_ref()))
    }

    /// The party this actor writes for.
    #[must_use]
    pub fn party(&self) -> Party {
        self.role.party().unwrap_or(Party::Registrar)
    }

    /// Adds a pleading to the case's record, written by the actor for their party, answering
    /// the clock `answers` when it meets one.
    ///
    /// # Errors
    /// Database errors.
    pub async fn plead(
        &mut self,
        kind: SubmissionKind,
        text: &str,
        answers: Option<i64>,
    ) -> AppResult<()> {
        let sub = submissions::ActiveModel {
            pid: Set(Uuid::new_v4()),
            case_id: Set(self.case.id),
            kind: Set(kind.to_string()),
            author_id: Set(self.actor.id),
            party: Set(self.party().to_string()),
            language: Set(self.case.language.clone()),
            body: Set(text.trim().to_string()),
            deadline_id: Set(answers),
            created_at: Set(self.now.into()),
            updated_at: Set(self.now.into()),
            ..Default::default()
        }
        .insert(self.db)
        .await?;
        self.note("submission", sub.pid.to_string());
        Ok(())
    }
}

async fn write_status(
    db: &DatabaseTransaction,
    case: &Model,
    to: CaseStatus,
    row: &Row,
    calendar: &Calendar,
    now: DateTime<Utc>,
) -> AppResult<()> {
    // Oversight's timings, in working days from filing on the calendar in force now.
    let since_filing =
        || Some(calendar.days_between(case.filed_at.to_utc(), now, DayUnit::Working));
    let mut am = ActiveModel {
        status: Set(to.to_string()),
        version: Set(case.version + 1),
        updated_at: Set(now.into()),
        ..Default::default()
    };
    if let Some(outcome) = row.outcome {
        am.outcome = Set(outcome.map(|o| o.to_string()));
    }
    if let Some(reason) = row.dismissal_reason {
        am.dismissal_reason = Set(Some(reason.to_string()));
    }
    if let Some(m) = row.mediator_id {
        am.mediator_id = Set(m);
    }
    if let Some(h) = row.on_hold {
        am.on_hold = Set(h);
    }
    if row.serve && case.served_at.is_none() {
        am.served_at = Set(Some(now.into()));
    }
    match (
        CaseStatus::parse_stored(&case.status)?.is_open(),
        to.is_open(),
    ) {
        (true, false) => am.stopped_at = Set(Some(now.into())),
        (false, true) => am.stopped_at = Set(None),
        _ => {}
    }
    if row.close {
        am.closed_at = Set(Some(now.into()));
        am.closure_working_days = Set(since_filing());
    }
    if to == CaseStatus::Registered && case.registered_at.is_none() {
        am.registered_at = Set(Some(now.into()));
        am.acknowledge_working_days = Set(since_filing());
    }
    // The first eligibility decision counts; one remade after an appeal does not reset it.
    if matches!(to, CaseStatus::UnderAssessment | CaseStatus::Dismissed)
        && case.status != to.as_ref()
        && case.eligibility_decided_at.is_none()
    {
        am.eligibility_decided_at = Set(Some(now.into()));
        am.eligibility_working_days = Set(since_filing());
    }
    if row.appeal {
        am.appeals_lodged = Set(case.appeals_lodged + 1);
    }
    let res = Entity::update_many()
        .set(am)
        .filter(Column::Id.eq(case.id))
        .filter(Column::Version.eq(case.version))
        .exec(db)
        .await?;
    if res.rows_affected == 0 {
        return Err(AppError::Conflict(
            "the case was changed by someone else at the same moment; reload it and try again"
                .into(),
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use serde_json::{json, Map, Value};
    use strum::IntoEnumIterator;

    use super::{ActionInput, CaseAction, Choices, Field, FieldKind};

    fn sample(field: &Field) -> Value {
        match field.kind {
            FieldKind::Text => json!("Some words to act on."),
            FieldKind::Days => json!(3),
            FieldKind::YesNo => json!(true),
            FieldKind::Choice(Choices::DismissalReasons) => json!("outside_mandate"),
            FieldKind::Choice(Choices::Decisions) => json!("upheld"),
            FieldKind::Choice(Choices::RunningClocks) => json!(7),
            FieldKind::Choice(
                Choices::Mediators | Choices::PendingExtensions | Choices::PendingChallenges,
            ) => json!(uuid::Uuid::nil()),
        }
    }

    fn parse(action: CaseAction, fields: &[&Field]) -> Result<ActionInput, serde_json::Error> {
        let body: Map<String, Value> = fields
            .iter()
            .map(|f| (f.name.to_string(), sample(f)))
            .collect();
        serde_json::from_value(json!({ action.to_string(): body }))
    }

    #[test]
    fn every_form_asks_exactly_what_its_action_takes() {
        for action in CaseAction::iter().filter(|a| *a != CaseAction::File) {
            let all: Vec<&Field> = action.fields().iter().collect();
            let input = parse(action, &all)
                .unwrap_or_else(|e| panic!("{action} with every field of its form: {e}"));
            assert_eq!(input.action(), action);
            let required: Vec<&Field> = all.iter().copied().filter(|f| f.required).collect();
            parse(action, &required)
                .unwrap_or_else(|e| panic!("{action} with only its required fields: {e}"));
            for missing in &required {
                let rest: Vec<&Field> = required
                    .iter()
                    .copied()
                    .filter(|f| f.name != missing.name)
                    .collect();
                assert!(
                    parse(action, &rest).is_err(),
                    "{action} without {} is taken, so the form must not require it",
                    missing.name
                );
            }
        }
    }

    #[test]
    fn a_form_field_the_action_does_not_take_is_refused() {
        let unknown = Field {
            name: "unknown",
            kind: FieldKind::Text,
            required: false,
        };
        for action in CaseAction::iter().filter(|a| *a != CaseAction::File) {
            let mut all: Vec<&Field> = action.fields().iter().collect();
            all.push(&unknown);
            assert!(
                parse(action, &all).is_err(),
                "{action} took an unknown field"
            );
        }
    }
}
