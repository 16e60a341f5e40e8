//! The case lifecycle as one pure function (DESIGN §3), and who may take which action.
use crate::{
    errors::AppError,
    models::vocabulary::{DeadlineKind, Party},
};

crate::models::vocabulary::vocabulary_enum! {
    /// Where a case stands. Holds are orthogonal and live beside the status.
    pub enum CaseStatus {
        Submitted, Registered, UnderAssessment, Dismissed, InMediation, AwaitingResponse,
        ResponseReceived, Settled, Monitoring, UnderReview, Decided, Withdrawn, Closed
    }
}

crate::models::vocabulary::vocabulary_enum! {
    /// Everything that can be done to a case. Some actions move the status; the others
    /// (holds, information, extensions) are allowed only in certain statuses and leave it.
    pub enum CaseAction {
        File, Register, DeclareEligible, Dismiss, AssignMediator, RequestResponse, SubmitResponse,
        AcceptResponse, ContestResponse, RecordSettlement, Escalate, RecordDecision, Appeal,
        StartMonitoring, Close, Withdraw, PlaceHold, LiftHold, RequestInformation,
        ProvideInformation, RequestExtension, DecideExtension, ChallengeMediator,
        DecideChallenge, RecuseMediator, RequestTranslation, ProvideTranslation
    }
}

impl CaseAction {
    /// An action that ends the case for good at a party's own word: the pages ask a second
    /// time, saying what it ends, before taking it.
    #[must_use]
    pub const fn asks_to_confirm(self) -> bool {
        matches!(self, Self::Withdraw)
    }

    /// The clocks this action answers: taking it meets them. The actions meet their clocks
    /// by this table, and "what happens next" reads it backwards to name the action that
    /// answers the clock a viewer is waited on for.
    #[must_use]
    pub const fn meets(self) -> &'static [DeadlineKind] {
        use DeadlineKind as K;
        match self {
            Self::Register => &[K::Acknowledge],
            Self::DeclareEligible | Self::Dismiss => &[K::Eligibility],
            Self::AssignMediator => &[K::MediatorAssignment],
            Self::SubmitResponse => &[K::FormalResponse],
            Self::AcceptResponse => &[K::ComplainantReply, K::Resolution],
            Self::ContestResponse => &[K::ComplainantReply],
            Self::ProvideInformation => &[K::Information],
            Self::RecordSettlement => &[K::Resolution],
            Self::RecordDecision => &[K::IndependentReview],
            Self::Appeal => &[K::AppealWindow],
            Self::Close => &[K::Monitoring],
            // Each request runs a clock of its own: providing one translation meets the
            // clock of that request alone, never every translation clock of the case.
            Self::ProvideTranslation => &[K::Translation],
            _ => &[],
        }
    }
}

crate::models::vocabulary::vocabulary_enum! {
    /// The stage of the process a status belongs to: what the pages colour a status tag
    /// by (its words always say the status itself).
    pub enum Phase { Intake, Mediation, Review, Ended }
}

impl CaseStatus {
    /// The stage of the process this status belongs to.
    #[must_use]
    pub const fn phase(self) -> Phase {
        match self {
            Self::Submitted | Self::Registered | Self::UnderAssessment => Phase::Intake,
            Self::InMediation
            | Self::AwaitingResponse
            | Self::ResponseReceived
            | Self::Settled
            | Self::Monitoring => Phase::Mediation,
            Self::UnderReview | Self::Decided => Phase::Review,
            Self::Dismissed | Self::Withdrawn | Self::Closed => Phase::Ended,
        }
    }

    /// Open for work: the grievance is still being handled (not determined, withdrawn or
    /// closed). Holds, information requests and withdrawal are possible only here.
    #[must_use]
    pub const fn is_active(self) -> bool {
        !matches!(
            self,
            Self::Dismissed | Self::Decided | Self::Withdrawn | Self::Closed
        )
    }

    /// Past eligibility and still open for work: a mediator holds (or should hold) the
    /// case, and may be challenged, recuse, or be replaced.
    #[must_use]
    pub const fn is_mediated(self) -> bool {
        matches!(
            self,
            Self::InMediation
                | Self::AwaitingResponse
                | Self::ResponseReceived
                | Self::Settled
                | Self::Monitoring
                | Self::UnderReview
        )
    }

    /// The stored names of the statuses for which `pred` holds, for `IN (...)` filters.
    #[must_use]
    pub fn stored_where(pred: impl Fn(Self) -> bool) -> Vec<&'static str> {
        <Self as strum::IntoEnumIterator>::iter()
            .filter(|s| pred(*s))
            .map(Into::into)
            .collect()
    }

    /// Still open: not dismissed, withdrawn or closed (an appeal may reopen a dismissal).
    #[must_use]
    pub const fn is_open(self) -> bool {
        !matches!(self, Self::Dismissed | Self::Withdrawn | Self::Closed)
    }

    /// Closed or withdrawn: nothing runs any more.
    #[must_use]
    pub const fn is_terminal(self) -> bool {
        matches!(self, Self::Withdrawn | Self::Closed)
    }

    /// The whole state machine: the status `action` leads to from `self`, or the refusal.
    ///
    /// # Errors
    /// [`AppError::InvalidTransition`] when the lifecycle does not allow `action` here.
    pub fn apply(self, action: CaseAction) -> Result<Self, AppError> {
        use CaseAction as A;
        use CaseStatus as S;
        let next = match (self, action) {
            (S::Registered, A::DeclareEligible) => Some(S::UnderAssessment),
            (S::Submitted, A::Register) | (S::Dismissed, A::Appeal) => Some(S::Registered),
            (S::Registered | S::UnderAssessment, A::Dismiss) => Some(S::Dismissed),
            (S::UnderAssessment, A::AssignMediator) | (S::ResponseReceived, A::ContestResponse) => {
                Some(S::InMediation)
            }
            (S::InMediation, A::RequestResponse) => Some(S::AwaitingResponse),
            (S::AwaitingResponse, A::SubmitResponse) => Some(S::ResponseReceived),
            (S::ResponseReceived, A::AcceptResponse)
            | (S::InMediation | S::ResponseReceived, A::RecordSettlement) => Some(S::Settled),
            (S::InMediation | S::AwaitingResponse | S::ResponseReceived, A::Escalate)
            | (S::Decided, A::Appeal) => Some(S::UnderReview),
            (S::UnderReview, A::RecordDecision) => Some(S::Decided),
            (S::Settled | S::Decided, A::StartMonitoring) => Some(S::Monitoring),
            (S::Settled | S::Monitoring | S::Decided | S::Dismissed | S::Withdrawn, A::Close) => {
                Some(S::Closed)
            }
            (s, A::Withdraw) if s.is_active() => Some(S::Withdrawn),
            (s, A::PlaceHold | A::LiftHold | A::RequestInformation | A::ProvideInformation)
                if s.is_active() =>
            {
                Some(s)
            }
            (
                s,
                A::RequestExtension
                | A::DecideExtension
                | A::RequestTranslation
                | A::ProvideTranslation,
            ) if !s.is_terminal() => Some(s),
            (
                s,
                A::AssignMediator | A::ChallengeMediator | A::DecideChallenge | A::RecuseMediator,
            ) if s.is_mediated() => Some(s),
            _ => None,
        };
        next.ok_or_else(|| AppError::InvalidTransition {
            from: self.to_string(),
            action: action.to_string(),
        })
    }
}

/// How the actor stands to one case; decides which actions they may take.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CaseRole {
    /// A delegate of the delegation that filed.
    LeadComplainant,
    /// A delegate of a co-complainant delegation (sees the case, provides information).
    CoComplainant,
    Respondent,
    /// The mediator assigned to the case.
    Mediator,
    Registrar,
    Oversight,
}

impl CaseRole {
    /// The pleading party this role writes for, if any.
    #[must_use]
    pub const fn party(self) -> Option<Party> {
        match self {
            Self::LeadComplainant | Self::CoComplainant => Some(Party::Complainant),
            Self::Respondent => Some(Party::Respondent),
            Self::Mediator => Some(Party::Mediator),
            Self::Registrar => Some(Party::Registrar),
            Self::Oversight => None,
        }
    }

    /// Who may take which action (on top of what the lifecycle allows).
    #[must_use]
    pub const fn may(self, action: CaseAction) -> bool {
        use CaseAction as A;
        match self {
            Self::LeadComplainant => matches!(
                action,
                A::AcceptResponse
                    | A::ContestResponse
                    | A::Appeal
                    | A::Withdraw
                    | A::ProvideInformation
                    | A::RequestExtension
                    | A::ChallengeMediator
                    | A::RequestTranslation
            ),
            Self::CoComplainant => matches!(
                action,
                A::ProvideInformation | A::ChallengeMediator | A::RequestTranslation
            ),
            Self::Respondent => matches!(
                action,
                A::SubmitResponse
                    | A::Appeal
                    | A::RequestExtension
                    | A::ChallengeMediator
                    | A::RequestTranslation
            ),
            Self::Mediator => matches!(
                action,
                A::RequestResponse
                    | A::RecordSettlement
                    | A::Escalate
                    | A::StartMonitoring
                    | A::Close
                    | A::PlaceHold
                    | A::LiftHold
                    | A::RequestInformation
                    | A::DecideExtension
                    | A::RecuseMediator
                    | A::RequestTranslation
            ),
            Self::Registrar => matches!(
                action,
                A::Register
                    | A::DeclareEligible
                    | A::Dismiss
                    | A::AssignMediator
                    | A::RecordDecision
                    | A::Close
                    | A::PlaceHold
                    | A::LiftHold
                    | A::RequestInformation
                    | A::DecideExtension
                    | A::DecideChallenge
                    | A::ProvideTranslation
            ),
            Self::Oversight => false,
        }
    }
}

/// The status a freshly filed case starts in.
pub const INITIAL: CaseStatus = CaseStatus::Submitted;
