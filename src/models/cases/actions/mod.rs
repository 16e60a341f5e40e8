//! The actions on a case after filing. [`ActionInput`] is what a client may ask, with the
//! words its fields must hold; the group modules give, for each of their actions, the checks
//! the lifecycle cannot see, the change to the case row, the clocks and rows it moves and who
//! hears of it, each action as one function read from top to bottom. The skeleton that runs
//! them (scope, version, standing, lifecycle, event, notices) is `cases::transition`.
//!
//! An action's function gets a [`Cx`] and must pass through [`Cx::write`], the conditional
//! status write, exactly once: the [`Done`] it returns can only be made from the [`Written`]
//! that write gives back.
mod cx;
mod extensions;
mod forms;
mod holds;
mod intake;
mod moment;
mod pleadings;
mod resolution;
mod staffing;
mod translations;

use sea_orm::entity::prelude::*;
use serde::Deserialize;

pub use cx::{Acted, Audience, Cx, Done, Row, Written};
pub use forms::{Choices, Field, FieldKind};
pub use moment::{Holding, Moment};

use super::{filing::MAX_TEXT_CHARS, CaseAction, CaseRole, Model};
use crate::{
    errors::{AppResult, FieldErrors, Said},
    models::vocabulary::{Audience as NoteAudience, Decision, DismissalReason, Language},
};

/// An action with what it needs. Clients send it flat (`{"action": "dismiss", "reason": ...}`);
/// the edge rewrites that to serde's external tagging so errors keep their field paths.
#[derive(Clone, Debug, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub enum ActionInput {
    /// A note on registering is for the staff's file unless `note_audience` says otherwise:
    /// the registration notice is what the complainant is told.
    Register {
        note: Option<String>,
        note_audience: Option<NoteAudience>,
    },
    /// A note on eligibility goes to all parties unless `note_audience` says otherwise: an
    /// eligibility finding gives its reasons to both sides.
    DeclareEligible {
        note: Option<String>,
        note_audience: Option<NoteAudience>,
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
    /// A party asks for a pleading, message or document it reads (`source`, its id) in
    /// another of the six languages: the registry's clock starts, and the party's own
    /// clocks wait for it.
    RequestTranslation {
        source: Uuid,
        language: Language,
    },
    /// The registry provides the translation asked for by `request`: its text, files sent
    /// with the action, or both.
    ProvideTranslation {
        request: Uuid,
        text: Option<String>,
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
            Self::RequestTranslation { .. } => CaseAction::RequestTranslation,
            Self::ProvideTranslation { .. } => CaseAction::ProvideTranslation,
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
            Self::Register { note, .. }
            | Self::DeclareEligible { note, .. }
            | Self::AcceptResponse { note }
            | Self::LiftHold { note } => optional(&mut e, "note", note),
            Self::Withdraw { reason } => optional(&mut e, "reason", reason),
            Self::ProvideTranslation { text, .. } => optional(&mut e, "text", text),
            Self::RequestTranslation { .. } => {}
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
            Self::Register {
                note,
                note_audience,
            } => {
                let to = note_audience.unwrap_or(NoteAudience::Staff);
                intake::register(cx, note.as_deref(), to).await?
            }
            Self::DeclareEligible {
                note,
                note_audience,
            } => {
                let to = note_audience.unwrap_or(NoteAudience::AllParties);
                intake::declare_eligible(cx, note.as_deref(), to).await?
            }
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
            Self::RequestTranslation { source, language } => {
                translations::request_translation(cx, *source, *language).await?
            }
            Self::ProvideTranslation { request, text } => {
                translations::provide_translation(cx, *request, text.as_deref()).await?
            }
        };
        Ok(Acted::Done(done))
    }
}

impl Model {
    /// The actions `role` may take on this case now: those its standing and the lifecycle
    /// allow and that the case admits at `moment` (its clocks, what is pending, its
    /// mediator). The API's `allowed_actions` and the page's forms both ask it, and the
    /// transition refuses by the same rule, so exactly what would succeed is offered.
    #[must_use]
    pub fn offered_actions(&self, role: CaseRole, moment: &Moment) -> Vec<CaseAction> {
        let Ok(status) = self.status() else {
            return Vec::new();
        };
        <CaseAction as strum::IntoEnumIterator>::iter()
            .filter(|a| {
                role.may(*a) && status.apply(*a).is_ok() && moment.admits(self, role, *a).is_ok()
            })
            .collect()
    }
}
