//! The one transition function: every change to a case after filing goes through
//! [`transition`], which checks the lifecycle, the actor's standing and the case's rules,
//! writes the status with a version check, and in the same transaction records the event,
//! moves the clocks and queues the notices.
use chrono::{DateTime, Utc};
use sea_orm::{entity::prelude::*, ActiveValue::Set, TransactionSession, TransactionTrait};
use serde::Deserialize;

use super::{
    super::mediators::{
        self,
        staffing::{self, Pick},
    },
    filing::MAX_TEXT_CHARS,
    status::CaseStatus,
    ActiveModel, CaseAction, CaseRole, Column, Entity, Model, Recipients,
};
use crate::{
    errors::{AppError, AppResult, FieldErrors, Said},
    models::{
        _entities::{assignments, challenges, extension_requests as ext, holds, submissions},
        case_events::{self, NewEvent},
        deadlines::{
            self,
            calendar::{Calendar, DayUnit},
            ClockPolicy,
        },
        holidays,
        notifications::{self, Notice, Timing},
        users::{self, Actor},
        vocabulary::{
            AssignmentEnd, AssignmentMethod, ChallengeStatus, DeadlineKind, Decision,
            DismissalReason, ExtensionStatus, Outcome, Party, Role, SubmissionKind,
        },
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

    /// The pleading this action adds to the case's record, if any, with its field name.
    fn pleading(&self) -> Option<(SubmissionKind, &'static str, &str)> {
        use SubmissionKind as K;
        let (kind, field, text) = match self {
            Self::Register { note: Some(t) } | Self::DeclareEligible { note: Some(t) } => {
                (K::Note, "note", t.as_str())
            }
            Self::Dismiss { note, .. } => (K::Decision, "note", note.as_str()),
            Self::RequestResponse { request } => (K::ResponseRequest, "request", request.as_str()),
            Self::SubmitResponse { response } => (K::FormalResponse, "response", response.as_str()),
            Self::AcceptResponse { note } => (
                K::Acceptance,
                "note",
                note.as_deref().unwrap_or("Accepted."),
            ),
            Self::ContestResponse { counter_proposal } => (
                K::CounterProposal,
                "counter_proposal",
                counter_proposal.as_str(),
            ),
            Self::RecordSettlement { terms } => (K::SettlementProposal, "terms", terms.as_str()),
            Self::Escalate { reason } => (K::EscalationNote, "reason", reason.as_str()),
            Self::RecordDecision { reasoning, .. } => {
                (K::Decision, "reasoning", reasoning.as_str())
            }
            Self::Appeal { grounds } => (K::Appeal, "grounds", grounds.as_str()),
            Self::StartMonitoring { plan } => (K::MonitoringPlan, "plan", plan.as_str()),
            Self::Close { summary } => (K::ClosingNote, "summary", summary.as_str()),
            Self::Withdraw { reason } => (
                K::Withdrawal,
                "reason",
                reason.as_deref().unwrap_or("Withdrawn."),
            ),
            Self::RequestInformation { questions } => {
                (K::InformationRequest, "questions", questions.as_str())
            }
            Self::ProvideInformation { information } => {
                (K::Information, "information", information.as_str())
            }
            _ => return None,
        };
        Some((kind, field, text))
    }

    /// Checks the free text of the action.
    ///
    /// # Errors
    /// 422 with the offending fields.
    pub fn validate(&self) -> AppResult<()> {
        let mut errors = FieldErrors::new();
        let optional_note = match self {
            Self::Register { note }
            | Self::DeclareEligible { note }
            | Self::AcceptResponse { note }
            | Self::LiftHold { note } => note.as_deref().map(|n| ("note", n)),
            Self::Withdraw { reason } => reason.as_deref().map(|r| ("reason", r)),
            _ => None,
        };
        if let Some((field, text)) = optional_note {
            errors.text(field, text, 0, MAX_TEXT_CHARS);
        } else if let Some((_, field, text)) = self.pleading() {
            errors.text(field, text, 1, MAX_TEXT_CHARS);
        }
        match self {
            Self::PlaceHold { reason } | Self::RequestExtension { reason, .. } => {
                errors.text("reason", reason, 5, MAX_TEXT_CHARS);
            }
            Self::DecideExtension { note, .. } | Self::DecideChallenge { note, .. } => {
                errors.text("note", note, 1, MAX_TEXT_CHARS);
            }
            Self::ChallengeMediator { reason } | Self::RecuseMediator { reason } => {
                errors.text("reason", reason, MIN_REASON_CHARS, MAX_TEXT_CHARS);
            }
            Self::AssignMediator {
                override_reason: Some(reason),
                mediator,
            } => {
                errors.text("override_reason", reason, MIN_REASON_CHARS, MAX_TEXT_CHARS);
                if mediator.is_none() {
                    errors.add_said(
                        "override_reason",
                        "not_allowed",
                        Said::new("field-override-needs-mediator"),
                    );
                }
            }
            _ => {}
        }
        if let Self::RequestExtension { days, .. }
        | Self::DecideExtension {
            days: Some(days), ..
        } = self
        {
            if *days == 0 {
                errors.add_said(
                    "days",
                    "range",
                    Said::new("field-at-least-days").number("min", 1),
                );
            }
        }
        errors.into_result()
    }
}

/// The shortest written reason for a challenge, a recusal or an override: a few words that
/// others can act on.
pub const MIN_REASON_CHARS: u64 = 10;

/// What the client asks: an action, and the version of the case it acted on.
#[derive(Clone, Debug)]
pub struct Command {
    /// The case version the client saw; a stale one is refused with 409.
    pub expected_version: Option<i64>,
    pub input: ActionInput,
}

/// Everything the effects of one action need.
struct Step<'a> {
    settings: &'a Settings,
    calendar: &'a Calendar,
    actor: &'a Actor,
    role: CaseRole,
    case: &'a Model,
    co: &'a [i64],
    from: CaseStatus,
    to: CaseStatus,
    now: DateTime<Utc>,
}

impl Step<'_> {
    async fn policy<'p>(&'p self, db: &impl ConnectionTrait) -> AppResult<ClockPolicy<'p>> {
        self.case
            .clock_policy(db, self.settings, self.calendar)
            .await
    }

    async fn start(&self, db: &impl ConnectionTrait, kinds: &[DeadlineKind]) -> AppResult<()> {
        let policy = self.policy(db).await?;
        let pauses = deadlines::pauses_for(db, self.case.id).await?;
        for &k in kinds {
            deadlines::start(db, self.case.id, k, &policy, &pauses, self.now).await?;
        }
        Ok(())
    }

    async fn meet(&self, db: &impl ConnectionTrait, kinds: &[DeadlineKind]) -> AppResult<()> {
        deadlines::meet(db, self.case.id, kinds, self.now).await
    }

    async fn cancel(
        &self,
        db: &impl ConnectionTrait,
        kinds: Option<&[DeadlineKind]>,
    ) -> AppResult<()> {
        deadlines::cancel(db, self.case.id, kinds, self.now).await
    }

    /// The appeal window must have run out before a determined case moves on.
    async fn appeal_window_over(&self, db: &impl ConnectionTrait) -> AppResult<()> {
        for d in deadlines::open_for_case(db, self.case.id).await? {
            if d.kind == DeadlineKind::AppealWindow.as_ref() {
                if let Some(due) = d.due_at.filter(|due| due.to_utc() >= self.now) {
                    return Err(AppError::Rule(
                        Said::new("rule-appeal-window-open").when("until", due.to_utc()),
                    ));
                }
            }
        }
        Ok(())
    }
}

/// Changes to the case row that an action makes besides its status and version.
#[derive(Default)]
struct RowChange {
    outcome: Option<Option<Outcome>>,
    dismissal_reason: Option<DismissalReason>,
    /// `Some(None)` when the mediator leaves the case.
    mediator_id: Option<Option<i64>>,
    on_hold: Option<bool>,
    serve: bool,
    close: bool,
    appeal: bool,
}

/// Applies `command` to the case `pid` as `actor`, at `now`.
///
/// # Errors
/// 404 when the case is not visible; 403 when the actor may not take this action; 409 for a
/// lifecycle refusal, a stale version or a broken rule; 422 for invalid input.
pub async fn transition<C>(
    db: &C,
    settings: &Settings,
    actor: &Actor,
    pid: Uuid,
    command: Command,
    now: DateTime<Utc>,
) -> AppResult<Model>
where
    C: ConnectionTrait + TransactionTrait,
{
    command.input.validate()?;
    let calendar = holidays::calendar(db, settings).await?;
    let txn = db.begin().await?;
    let result = run(&txn, settings, &calendar, actor, pid, &command, now).await;
    match result {
        Ok(case) => {
            txn.commit().await?;
            Ok(case)
        }
        Err(e) => {
            txn.rollback().await?;
            Err(e)
        }
    }
}

/// The action, then, when it leaves an eligible case without a mediator (eligibility, an
/// upheld challenge, a recusal), the rule's automatic assignment in the same transaction.
async fn run(
    db: &impl ConnectionTrait,
    settings: &Settings,
    calendar: &Calendar,
    actor: &Actor,
    pid: Uuid,
    command: &Command,
    now: DateTime<Utc>,
) -> AppResult<Model> {
    let (case, staff) = apply(db, settings, calendar, actor, pid, command, now, false).await?;
    // The case's filing day and body never change, so one mark covers both steps.
    crate::models::figures::touch(db, &case).await?;
    if !staff {
        return Ok(case);
    }
    let automatic = Command {
        expected_version: None,
        input: ActionInput::AssignMediator {
            mediator: None,
            override_reason: None,
        },
    };
    let (case, _) = apply(db, settings, calendar, actor, pid, &automatic, now, true).await?;
    Ok(case)
}

/// One action. With `automatic`, it is the system's own follow-up to `actor`'s action: it
/// acts with the registry's standing, and its event names no actor.
#[allow(clippy::too_many_lines, clippy::too_many_arguments)]
async fn apply(
    db: &impl ConnectionTrait,
    settings: &Settings,
    calendar: &Calendar,
    actor: &Actor,
    pid: Uuid,
    command: &Command,
    now: DateTime<Utc>,
    automatic: bool,
) -> AppResult<(Model, bool)> {
    let case = if automatic {
        // The actor may have just left the case (a recusing mediator no longer sees it).
        Entity::find()
            .filter(Column::Pid.eq(pid))
            .one(db)
            .await?
            .ok_or(AppError::NotFound)?
    } else {
        Model::find_for(db, actor, pid).await?
    };
    if let Some(v) = command.expected_version {
        if v != case.version {
            return Err(AppError::Conflict(format!(
                "the case is at version {}, you acted on version {v}; reload it and try again",
                case.version
            )));
        }
    }
    let action = command.input.action();
    let co = case.co_complainant_ids(db).await?;
    let role = if automatic {
        CaseRole::Registrar
    } else {
        case.role_of(actor, &co)
            .ok_or_else(|| AppError::Forbidden(Said::new("forbidden-not-a-party")))?
    };
    if !role.may(action) {
        return Err(AppError::Forbidden(
            Said::new("forbidden-role-may-not").said("action", Said::of("action-", action)),
        ));
    }
    let from = case.status()?;
    let to = from.apply(action)?;
    let step = Step {
        settings,
        calendar,
        actor,
        role,
        case: &case,
        co: &co,
        from,
        to,
        now,
    };
    let mut row = RowChange::default();
    let mut detail = serde_json::Map::new();
    let mut answers: Option<i64> = None;
    let mut staffed: Option<staffing::Explanation> = None;
    let mut challenged: Option<assignments::Model> = None;
    let mut decided: Option<challenges::Model> = None;
    let mut stage: Option<&'static str> = None;
    let mut staff_after = false;
    use ActionInput as I;
    use DeadlineKind as K;
    // Rules the state machine cannot see, checked before anything is written.
    match &command.input {
        I::AssignMediator {
            mediator,
            override_reason,
        } => {
            if mediator.is_none() && case.mediator_id.is_some() {
                return Err(AppError::Rule(Said::new("rule-mediator-already-assigned")));
            }
            let pick = staffing::pick(
                db,
                settings,
                &case,
                &co,
                *mediator,
                override_reason.as_deref(),
            )
            .await?;
            match pick {
                Pick::Chosen {
                    mediator,
                    explanation,
                } => {
                    if case.mediator_id == Some(mediator.id) {
                        return Err(AppError::Rule(Said::new("rule-mediator-already-holds")));
                    }
                    row.mediator_id = Some(Some(mediator.id));
                    detail.insert("mediator".into(), mediator.pid.to_string().into());
                    detail.insert("method".into(), explanation.method.to_string().into());
                    staffed = Some(explanation);
                }
                Pick::Nobody(explanation) if automatic => {
                    return blocked(db, &step, &explanation).await.map(|c| (c, false));
                }
                Pick::Nobody(explanation) => {
                    return Err(AppError::Rule(Said::new("rule-no-eligible-mediator").list(
                        "why",
                        explanation.summary(),
                        " | ",
                    )));
                }
            }
        }
        I::ChallengeMediator { .. } => {
            let current = holding(db, &case).await?;
            let closes = calendar.due_at(
                current.assigned_at.to_utc(),
                DayUnit::Working,
                settings.assignment.challenge_window_working_days,
            );
            if now > closes {
                return Err(AppError::Rule(
                    Said::new("rule-challenge-window-closed").when("closed", closes),
                ));
            }
            let pending = challenges::Entity::find()
                .filter(challenges::Column::AssignmentId.eq(current.id))
                .filter(challenges::Column::Status.eq(ChallengeStatus::Pending.as_ref()))
                .one(db)
                .await?;
            if pending.is_some() {
                return Err(AppError::Rule(Said::new("rule-challenge-pending")));
            }
            challenged = Some(current);
        }
        I::DecideChallenge {
            challenge, uphold, ..
        } => {
            let ch = challenges::Entity::find()
                .filter(challenges::Column::Pid.eq(*challenge))
                .filter(challenges::Column::CaseId.eq(case.id))
                .one(db)
                .await?
                .ok_or_else(|| {
                    AppError::Validation(FieldErrors::single(
                        "challenge",
                        "unknown",
                        "no challenge in this case has this id",
                    ))
                })?;
            if ch.status != ChallengeStatus::Pending.as_ref() {
                return Err(AppError::Rule(
                    Said::new("rule-challenge-decided")
                        .said("status", Said::of("challenge-", &ch.status)),
                ));
            }
            if *uphold {
                row.mediator_id = Some(None);
            }
            decided = Some(ch);
        }
        I::RecuseMediator { .. } => {
            challenged = Some(holding(db, &case).await?);
            row.mediator_id = Some(None);
        }
        I::Appeal { .. } => {
            if case.appeals_lodged >= 1 {
                return Err(AppError::Rule(Said::new("rule-already-appealed")));
            }
            if from == CaseStatus::Dismissed && role != CaseRole::LeadComplainant {
                return Err(AppError::Forbidden(Said::new(
                    "forbidden-only-complainant-appeals-dismissal",
                )));
            }
            let window = deadlines::open_for_case(db, case.id)
                .await?
                .into_iter()
                .find(|d| d.kind == K::AppealWindow.as_ref());
            match window.and_then(|w| w.due_at) {
                Some(due) if due.to_utc() >= now => {}
                _ => return Err(AppError::Rule(Said::new("rule-appeal-window-closed"))),
            }
            row.appeal = true;
            row.outcome = Some(None);
        }
        I::Close { .. } | I::StartMonitoring { .. }
            if matches!(from, CaseStatus::Decided | CaseStatus::Dismissed) =>
        {
            step.appeal_window_over(db).await?;
        }
        I::PlaceHold { .. } if case.on_hold => {
            return Err(AppError::Rule(Said::new("rule-already-on-hold")));
        }
        I::LiftHold { .. } if !case.on_hold => {
            return Err(AppError::Rule(Said::new("rule-not-on-hold")));
        }
        _ => {}
    }

    // The status write comes first, conditional on the version read above: a concurrent
    // writer makes this update touch no row, and the whole action is refused.
    match &command.input {
        I::Dismiss { reason, .. } => {
            row.dismissal_reason = Some(*reason);
            row.outcome = Some(Some(Outcome::Dismissed));
            detail.insert("reason".into(), reason.to_string().into());
        }
        I::DeclareEligible { .. } => row.serve = true,
        I::AcceptResponse { .. } => row.outcome = Some(Some(Outcome::ResponseAccepted)),
        I::RecordSettlement { .. } => row.outcome = Some(Some(Outcome::Settled)),
        I::RecordDecision { decision, .. } => {
            row.outcome = Some(Some(Outcome::from_decision(*decision)));
            detail.insert("decision".into(), decision.to_string().into());
        }
        I::Withdraw { .. } => row.outcome = Some(Some(Outcome::Withdrawn)),
        I::Close { .. } => row.close = true,
        I::PlaceHold { .. } => row.on_hold = Some(true),
        I::LiftHold { .. } => row.on_hold = Some(false),
        _ => {}
    }
    write_status(db, &case, to, &row, calendar, now).await?;
    // The load follows the case: it counts for its mediator while it is open for work.
    let holder = row.mediator_id.unwrap_or(case.mediator_id);
    let within_capacity = staffed
        .as_ref()
        .is_some_and(|e| e.method != AssignmentMethod::Override);
    mediators::shift_load(
        db,
        case.mediator_id.filter(|_| from.is_active()),
        holder.filter(|_| to.is_active()),
        within_capacity,
        now,
    )
    .await?;

    // Clocks, holds and extensions.
    match &command.input {
        I::Register { .. } => {
            step.meet(db, &[K::Acknowledge]).await?;
            step.start(db, &[K::Eligibility]).await?;
        }
        I::DeclareEligible { .. } => {
            step.meet(db, &[K::Eligibility]).await?;
            step.start(db, &[K::MediatorAssignment, K::Resolution])
                .await?;
        }
        I::Dismiss { .. } => {
            step.meet(db, &[K::Eligibility]).await?;
            step.cancel(db, None).await?;
            step.start(db, &[K::AppealWindow]).await?;
        }
        I::AssignMediator { .. } => {
            step.meet(db, &[K::MediatorAssignment]).await?;
            if let Some(explanation) = &staffed {
                let (a, hash) = staffing::record(
                    db,
                    case.id,
                    holder,
                    explanation,
                    (!automatic).then_some(actor.id),
                    now,
                )
                .await?;
                detail.insert("assignment".into(), a.pid.to_string().into());
                detail.insert("explanation_sha256".into(), hash.into());
            }
        }
        I::ChallengeMediator { reason } => {
            if let Some(current) = &challenged {
                let ch = challenges::ActiveModel {
                    pid: Set(Uuid::new_v4()),
                    case_id: Set(case.id),
                    assignment_id: Set(current.id),
                    raised_by_id: Set(actor.id),
                    party: Set(role.party().unwrap_or(Party::Complainant).to_string()),
                    reason: Set(reason.trim().to_string()),
                    status: Set(ChallengeStatus::Pending.to_string()),
                    decided_by_id: Set(None),
                    decided_at: Set(None),
                    decision_note: Set(None),
                    created_at: Set(now.into()),
                    updated_at: Set(now.into()),
                    ..Default::default()
                }
                .insert(db)
                .await?;
                detail.insert("challenge".into(), ch.pid.to_string().into());
                detail.insert("reason".into(), reason.trim().into());
            }
        }
        I::DecideChallenge { uphold, note, .. } => {
            if let Some(ch) = decided.take() {
                if *uphold {
                    if let Some(a) = assignments::Entity::find_by_id(ch.assignment_id)
                        .one(db)
                        .await?
                        .filter(|a| a.ended_at.is_none())
                    {
                        staffing::end(db, a, AssignmentEnd::ChallengeUpheld, now).await?;
                    }
                    staff_after = true;
                }
                detail.insert("challenge".into(), ch.pid.to_string().into());
                detail.insert("upheld".into(), (*uphold).into());
                detail.insert("note".into(), note.trim().into());
                stage = Some(if *uphold { "upheld" } else { "rejected" });
                let mut am: challenges::ActiveModel = ch.into();
                am.status = Set(if *uphold {
                    ChallengeStatus::Upheld
                } else {
                    ChallengeStatus::Rejected
                }
                .to_string());
                am.decided_by_id = Set(Some(actor.id));
                am.decided_at = Set(Some(now.into()));
                am.decision_note = Set(Some(note.trim().to_string()));
                am.updated_at = Set(now.into());
                am.update(db).await?;
            }
        }
        I::RecuseMediator { reason } => {
            if let Some(current) = challenged.take() {
                staffing::end(db, current, AssignmentEnd::Recused, now).await?;
                staff_after = true;
                detail.insert("reason".into(), reason.trim().into());
            }
        }
        I::RequestResponse { .. } => step.start(db, &[K::FormalResponse]).await?,
        I::SubmitResponse { .. } => {
            answers = open_id(db, case.id, K::FormalResponse).await?;
            step.meet(db, &[K::FormalResponse]).await?;
            step.start(db, &[K::ComplainantReply]).await?;
        }
        I::AcceptResponse { .. } => {
            answers = open_id(db, case.id, K::ComplainantReply).await?;
            step.meet(db, &[K::ComplainantReply, K::Resolution]).await?;
            step.cancel(db, Some(&[K::Information])).await?;
        }
        I::ContestResponse { .. } => {
            answers = open_id(db, case.id, K::ComplainantReply).await?;
            step.meet(db, &[K::ComplainantReply]).await?;
        }
        I::RecordSettlement { .. } => {
            step.meet(db, &[K::Resolution]).await?;
            step.cancel(
                db,
                Some(&[K::FormalResponse, K::ComplainantReply, K::Information]),
            )
            .await?;
        }
        I::Escalate { .. } => {
            step.cancel(
                db,
                Some(&[
                    K::FormalResponse,
                    K::ComplainantReply,
                    K::Information,
                    K::Resolution,
                ]),
            )
            .await?;
            step.start(db, &[K::IndependentReview]).await?;
        }
        I::RecordDecision { .. } => {
            step.meet(db, &[K::IndependentReview]).await?;
            step.start(db, &[K::AppealWindow]).await?;
        }
        I::Appeal { .. } => {
            step.meet(db, &[K::AppealWindow]).await?;
            let next = if from == CaseStatus::Dismissed {
                K::Eligibility
            } else {
                K::IndependentReview
            };
            step.start(db, &[next]).await?;
        }
        I::StartMonitoring { .. } => {
            step.cancel(db, None).await?;
            step.start(db, &[K::Monitoring]).await?;
        }
        I::Close { .. } => {
            step.meet(db, &[K::Monitoring]).await?;
            step.cancel(db, None).await?;
        }
        I::Withdraw { .. } => step.cancel(db, None).await?,
        I::PlaceHold { reason } => {
            holds::ActiveModel {
                case_id: Set(case.id),
                reason: Set(reason.trim().to_string()),
                placed_by_id: Set(actor.id),
                placed_at: Set(now.into()),
                lifted_by_id: Set(None),
                lifted_at: Set(None),
                created_at: Set(now.into()),
                updated_at: Set(now.into()),
                ..Default::default()
            }
            .insert(db)
            .await?;
            detail.insert("reason".into(), reason.trim().into());
            deadlines::recompute(db, case.id, calendar, now).await?;
        }
        I::LiftHold { note } => {
            // Kept on the timeline (and so in the audit chain), as a hold's reason is.
            if let Some(note) = note.as_deref().map(str::trim).filter(|n| !n.is_empty()) {
                detail.insert("note".into(), note.into());
            }
            holds::Entity::update_many()
                .col_expr(
                    holds::Column::LiftedAt,
                    Expr::value(sea_orm::Value::from(Some(chrono::DateTime::<
                        chrono::FixedOffset,
                    >::from(now)))),
                )
                .col_expr(holds::Column::LiftedById, Expr::value(Some(actor.id)))
                .filter(holds::Column::CaseId.eq(case.id))
                .filter(holds::Column::LiftedAt.is_null())
                .exec(db)
                .await?;
            deadlines::recompute(db, case.id, calendar, now).await?;
        }
        I::RequestInformation { .. } => step.start(db, &[K::Information]).await?,
        I::ProvideInformation { .. } => {
            answers = open_id(db, case.id, K::Information).await?;
            if answers.is_none() {
                return Err(AppError::Rule(Said::new("rule-no-information-requested")));
            }
            step.meet(db, &[K::Information]).await?;
        }
        I::RequestExtension {
            deadline_id,
            days,
            reason,
        } => {
            request_extension(db, &step, *deadline_id, *days, reason, &mut detail).await?;
        }
        I::DecideExtension {
            request,
            grant,
            days,
            note,
        } => {
            decide_extension(db, &step, *request, *grant, *days, note, &mut detail).await?;
        }
    }

    if let Some((kind, _, text)) = command.input.pleading() {
        let party = role.party().unwrap_or(Party::Registrar);
        let sub = submissions::ActiveModel {
            pid: Set(Uuid::new_v4()),
            case_id: Set(case.id),
            kind: Set(kind.to_string()),
            author_id: Set(actor.id),
            party: Set(party.to_string()),
            language: Set(case.language.clone()),
            body: Set(text.trim().to_string()),
            deadline_id: Set(answers),
            created_at: Set(now.into()),
            updated_at: Set(now.into()),
            ..Default::default()
        }
        .insert(db)
        .await?;
        detail.insert("submission".into(), sub.pid.to_string().into());
    }

    let mut event = NewEvent::for_action(case.id, actor.id, action, Some(from), to, detail.into());
    if automatic {
        event.actor_id = None;
    }
    let event = case_events::append(db, event, now).await?;
    let updated = Entity::find_by_id(case.id)
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    notify(db, &step, &updated, action, event.id, stage).await?;
    if staffed
        .as_ref()
        .is_some_and(|e| e.method == AssignmentMethod::Override)
    {
        flag_override(db, &step, &updated, event.id).await?;
    }
    Ok((
        updated,
        staff_after || action == CaseAction::DeclareEligible,
    ))
}

async fn write_status(
    db: &impl ConnectionTrait,
    case: &Model,
    to: CaseStatus,
    row: &RowChange,
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

async fn open_id(
    db: &impl ConnectionTrait,
    case_id: i64,
    kind: DeadlineKind,
) -> AppResult<Option<i64>> {
    Ok(deadlines::open_for_case(db, case_id)
        .await?
        .into_iter()
        .find(|d| d.kind == kind.as_ref())
        .map(|d| d.id))
}

/// The assignment under which the case's mediator holds it.
async fn holding(db: &impl ConnectionTrait, case: &Model) -> AppResult<assignments::Model> {
    match (case.mediator_id, staffing::current(db, case.id).await?) {
        (Some(m), Some(a)) if a.mediator_id == Some(m) => Ok(a),
        _ => Err(AppError::Rule(Said::new("rule-no-mediator"))),
    }
}

/// The rule found nobody for a case that needs a mediator: the attempt is recorded with
/// its reasons, the registry is told, and a case that lost its mediator puts the registry
/// on the clock to find one. The case itself does not change.
async fn blocked(
    db: &impl ConnectionTrait,
    step: &Step<'_>,
    explanation: &staffing::Explanation,
) -> AppResult<Model> {
    let case = step.case;
    let (a, hash) = staffing::record(db, case.id, None, explanation, None, step.now).await?;
    if step.from.is_mediated()
        && open_id(db, case.id, DeadlineKind::MediatorAssignment)
            .await?
            .is_none()
    {
        step.start(db, &[DeadlineKind::MediatorAssignment]).await?;
    }
    let event = case_events::append(
        db,
        NewEvent {
            case_id: case.id,
            actor_id: None,
            action: BLOCKED.to_string(),
            from: Some(step.from),
            to: Some(step.from),
            detail: serde_json::json!({
                "assignment": a.pid,
                "explanation_sha256": hash,
                "excluded": explanation.excluded.len(),
            }),
        },
        step.now,
    )
    .await?;
    let registrars = users::active_in_role(db, Role::Registrar).await?;
    let notice = Notice {
        kind: BLOCKED,
        case_id: Some(case.id),
        dedupe_base: format!("event:{}", event.id),
        payload: serde_json::json!({
            "case": case.pid,
            "reference": case.reference,
            "status": step.from,
        }),
        timing: Timing::Now,
    };
    notifications::enqueue(db, &registrars, &notice, step.now).await?;
    Ok(case.clone())
}

/// The event and notice kind of an automatic assignment that found nobody eligible.
pub const BLOCKED: &str = "assignment_blocked";
/// The notice kind that tells oversight the registry overrode a conflict.
pub const OVERRIDE: &str = "assignment_override";

/// Tells oversight that the registry assigned a mediator over a recorded conflict.
async fn flag_override(
    db: &impl ConnectionTrait,
    step: &Step<'_>,
    case: &Model,
    event_id: i64,
) -> AppResult<()> {
    let oversight = users::active_in_role(db, Role::Oversight).await?;
    let notice = Notice {
        kind: OVERRIDE,
        case_id: Some(case.id),
        dedupe_base: format!("event:{event_id}:override"),
        payload: serde_json::json!({
            "case": case.pid,
            "reference": case.reference,
            "status": step.to,
        }),
        timing: Timing::Now,
    };
    notifications::enqueue(db, &oversight, &notice, step.now).await
}

async fn request_extension(
    db: &impl ConnectionTrait,
    step: &Step<'_>,
    deadline_id: i64,
    days: u32,
    reason: &str,
    detail: &mut serde_json::Map<String, serde_json::Value>,
) -> AppResult<()> {
    let field = |code: &str, msg: String| {
        AppError::Validation(FieldErrors::single("deadline_id", code, msg))
    };
    let deadline = deadlines::Entity::find_by_id(deadline_id)
        .one(db)
        .await?
        .filter(|d| d.case_id == step.case.id && d.is_open())
        .ok_or_else(|| {
            field(
                "unknown",
                "no open deadline of this case has this id".into(),
            )
        })?;
    if deadline.party()? != step.role.party().unwrap_or(Party::Registrar) {
        return Err(AppError::Forbidden(Said::new(
            "forbidden-own-deadlines-only",
        )));
    }
    if days > step.settings.max_extension_days {
        return Err(AppError::Validation(FieldErrors::single_said(
            "days",
            "range",
            Said::new("field-at-most-days").number("max", step.settings.max_extension_days),
        )));
    }
    let pending = ext::Entity::find()
        .filter(ext::Column::DeadlineId.eq(deadline.id))
        .filter(ext::Column::Status.eq(ExtensionStatus::Pending.as_ref()))
        .one(db)
        .await?;
    if pending.is_some() {
        return Err(AppError::Rule(Said::new("rule-extension-pending")));
    }
    let req = ext::ActiveModel {
        pid: Set(Uuid::new_v4()),
        case_id: Set(step.case.id),
        deadline_id: Set(deadline.id),
        requested_by_id: Set(step.actor.id),
        reason: Set(reason.trim().to_string()),
        days: Set(i64::from(days)),
        status: Set(ExtensionStatus::Pending.to_string()),
        decided_by_id: Set(None),
        decided_at: Set(None),
        decision_note: Set(None),
        created_at: Set(step.now.into()),
        updated_at: Set(step.now.into()),
        ..Default::default()
    }
    .insert(db)
    .await?;
    detail.insert("extension_request".into(), req.pid.to_string().into());
    detail.insert("deadline".into(), deadline.kind.into());
    detail.insert("days".into(), days.into());
    Ok(())
}

async fn decide_extension(
    db: &impl ConnectionTrait,
    step: &Step<'_>,
    request: Uuid,
    grant: bool,
    days: Option<u32>,
    note: &str,
    detail: &mut serde_json::Map<String, serde_json::Value>,
) -> AppResult<()> {
    let req = ext::Entity::find()
        .filter(ext::Column::Pid.eq(request))
        .filter(ext::Column::CaseId.eq(step.case.id))
        .one(db)
        .await?
        .ok_or_else(|| {
            AppError::Validation(FieldErrors::single(
                "request",
                "unknown",
                "no extension request of this case has this id",
            ))
        })?;
    if req.status != ExtensionStatus::Pending.as_ref() {
        return Err(AppError::Rule(Said::new("rule-extension-decided")));
    }
    let requested = u32::try_from(req.days).unwrap_or(0);
    let granted = days.unwrap_or(requested);
    if grant && granted > step.settings.max_extension_days {
        return Err(AppError::Validation(FieldErrors::single_said(
            "days",
            "range",
            Said::new("field-at-most-days").number("max", step.settings.max_extension_days),
        )));
    }
    let deadline = deadlines::Entity::find_by_id(req.deadline_id)
        .one(db)
        .await?;
    let mut am: ext::ActiveModel = req.clone().into();
    am.status = Set(if grant {
        ExtensionStatus::Granted
    } else {
        ExtensionStatus::Refused
    }
    .to_string());
    am.decided_by_id = Set(Some(step.actor.id));
    am.decided_at = Set(Some(step.now.into()));
    am.decision_note = Set(Some(note.trim().to_string()));
    if grant {
        am.days = Set(i64::from(granted));
    }
    am.updated_at = Set(step.now.into());
    am.update(db).await?;
    if let Some(d) = deadline.filter(|d| grant && d.is_open()) {
        deadlines::extend(db, d, granted, step.calendar, step.now).await?;
    }
    detail.insert("extension_request".into(), req.pid.to_string().into());
    detail.insert("granted".into(), grant.into());
    if grant {
        detail.insert("days".into(), granted.into());
    }
    detail.insert("note".into(), note.trim().into());
    Ok(())
}

/// The party whose clock the extension decided at `now` (in this transaction) was for.
async fn decided_clock_party(
    db: &impl ConnectionTrait,
    case_id: i64,
    now: DateTime<Utc>,
) -> AppResult<Option<Party>> {
    let decided = ext::Entity::find()
        .filter(ext::Column::CaseId.eq(case_id))
        .filter(ext::Column::DecidedAt.eq(DateTimeWithTimeZone::from(now)))
        .one(db)
        .await?;
    let Some(req) = decided else {
        return Ok(None);
    };
    Ok(deadlines::Entity::find_by_id(req.deadline_id)
        .one(db)
        .await?
        .and_then(|d| d.party().ok()))
}

/// Queues the notices of one action: one row per person concerned, except the actor.
async fn notify(
    db: &impl ConnectionTrait,
    step: &Step<'_>,
    case: &Model,
    action: CaseAction,
    event_id: i64,
    stage: Option<&str>,
) -> AppResult<()> {
    use CaseAction as A;
    let Recipients {
        complainants,
        respondents,
        mediator,
        registrars,
    } = case.recipients(db, step.co).await?;
    let mut people = Vec::new();
    let parties = |people: &mut Vec<users::Model>| {
        people.extend(complainants.iter().cloned());
        people.extend(respondents.iter().cloned());
        people.extend(mediator.iter().cloned());
    };
    match action {
        A::Register | A::Dismiss | A::RequestInformation => {
            people.extend(complainants.iter().cloned())
        }
        A::RequestResponse => {
            people.extend(respondents.iter().cloned());
            people.extend(complainants.iter().cloned());
        }
        A::SubmitResponse => {
            people.extend(complainants.iter().cloned());
            people.extend(mediator.iter().cloned());
        }
        // An extension is the business of the side whose clock it is, and of the staff.
        A::DecideExtension => {
            match decided_clock_party(db, case.id, step.now).await? {
                Some(Party::Complainant) => people.extend(complainants.iter().cloned()),
                Some(Party::Respondent) => people.extend(respondents.iter().cloned()),
                _ => parties(&mut people),
            }
            people.extend(mediator.iter().cloned());
        }
        A::ProvideInformation | A::RequestExtension => {
            people.extend(mediator.iter().cloned());
            if mediator.is_empty() {
                people.extend(registrars.iter().cloned());
            }
        }
        A::Escalate | A::Appeal | A::Withdraw | A::ChallengeMediator | A::RecuseMediator => {
            parties(&mut people);
            people.extend(registrars.iter().cloned());
        }
        _ => parties(&mut people),
    }
    // A mediator who leaves the case hears why, whoever made them leave.
    if let Some(former) = step
        .case
        .mediator_id
        .filter(|m| case.mediator_id != Some(*m))
    {
        people.extend(users::Entity::find_by_id(former).one(db).await?);
    }
    people.sort_by_key(|u| u.id);
    people.dedup_by_key(|u| u.id);
    people.retain(|u| u.id != step.actor.id);
    let notice = Notice {
        kind: action.into(),
        case_id: Some(case.id),
        dedupe_base: format!("event:{event_id}"),
        payload: serde_json::json!({
            "case": case.pid,
            "reference": case.reference,
            "action": action,
            "from": step.from,
            "status": step.to,
            "stage": stage,
        }),
        timing: Timing::Now,
    };
    notifications::enqueue(db, &people, &notice, step.now).await
}
