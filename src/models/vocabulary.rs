//! The closed vocabularies of the domain. Each is stored as its snake_case name, parsed at the
//! edge (JSON, query strings, config) and when a row is read, so a bad value never travels.

macro_rules! vocabulary_enum {
    ($(#[$meta:meta])* pub enum $name:ident { $($(#[$vmeta:meta])* $variant:ident),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(
            Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, ::serde::Serialize, ::serde::Deserialize, ::utoipa::ToSchema,
            strum::Display, strum::EnumString, strum::AsRefStr, strum::EnumIter, strum::IntoStaticStr,
        )]
        #[serde(rename_all = "snake_case")]
        #[strum(serialize_all = "snake_case")]
        pub enum $name { $($(#[$vmeta])* $variant),+ }

        impl $name {
            /// Every value, in declaration order (used in error messages and docs).
            #[must_use]
            pub fn names() -> Vec<&'static str> {
                <Self as strum::IntoEnumIterator>::iter().map(Into::into).collect()
            }

            /// Reads a stored value; a value the code does not know is a data error.
            ///
            /// # Errors
            /// When `s` is not one of [`Self::names`].
            pub fn parse_stored(s: &str) -> Result<Self, crate::errors::AppError> {
                s.parse().map_err(|_| crate::errors::AppError::Corrupt(format!(
                    "unknown {} `{s}` in the database", stringify!($name)
                )))
            }
        }
    };
}
pub(crate) use vocabulary_enum;

vocabulary_enum! {
    /// One role per person (DESIGN §2).
    pub enum Role { Delegate, Respondent, Mediator, Registrar, Oversight, Admin }
}

vocabulary_enum! {
    /// UN regional groups of member states.
    pub enum RegionalGroup {
        African, AsiaPacific, EasternEuropean, LatinAmericanCaribbean, WesternEuropeanOthers, None
    }
}

vocabulary_enum! {
    /// Kinds of procedural unfairness a delegation can complain of.
    pub enum Category {
        SpeakingTime, AgendaSetting, DocumentAccess, Interpretation, Scheduling,
        VotingProcedure, ChairConduct, ExclusionFromConsultations, Retaliation, Other
    }
}

vocabulary_enum! {
    pub enum Confidentiality { Public, IdentityProtected }
}

vocabulary_enum! {
    pub enum Urgency { Normal, Urgent }
}

vocabulary_enum! {
    /// The six official languages, any of which a grievance may be filed in.
    pub enum Language { En, Fr, Es, Ar, Zh, Ru }
}

vocabulary_enum! {
    /// How words reached a case: written online (a page or the API), or by mail (a reply
    /// to a notice), whose receipt says a message meets no clock.
    pub enum Channel { Online, Mail }
}

impl Default for Channel {
    /// What a client sends was written online: only the mail door says otherwise.
    fn default() -> Self {
        Self::Online
    }
}

vocabulary_enum! {
    /// Languages of the interface and of emails.
    pub enum Locale { En, Fr, Es, Ar, Zh, Ru }
}

impl Locale {
    /// Written right to left: its pages are `dir="rtl"` and lay out mirrored.
    #[must_use]
    pub const fn is_rtl(self) -> bool {
        matches!(self, Self::Ar)
    }
}

vocabulary_enum! {
    pub enum BodyKind { Committee, Conference, WorkingGroup, Council, Secretariat, Other }
}

vocabulary_enum! {
    /// Why a grievance was found ineligible (the fixed list registrars choose from).
    pub enum DismissalReason {
        OutsideMandate, NotProcedural, TimeBarred, DuplicateOfPendingCase, AnonymousOrUnidentified,
        ManifestlyUnfounded, ResolvedBeforeRegistration, Other
    }
}

vocabulary_enum! {
    /// How a case ended.
    pub enum Outcome {
        ResponseAccepted, Settled, Upheld, PartlyUpheld, NotUpheld, Dismissed, Withdrawn
    }
}

vocabulary_enum! {
    /// What an independent review can decide.
    pub enum Decision { Upheld, PartlyUpheld, NotUpheld }
}

vocabulary_enum! {
    /// Who must act for a clock to be met.
    pub enum Party { Complainant, Respondent, Mediator, Registrar }
}

vocabulary_enum! {
    /// The redress clocks a case can run.
    pub enum DeadlineKind {
        Acknowledge, Eligibility, MediatorAssignment, Resolution, FormalResponse,
        ComplainantReply, Information, IndependentReview, AppealWindow, Monitoring,
        /// The registry's clock to provide a translation a party asked for.
        Translation
    }
}

impl DeadlineKind {
    /// A window in which a party may exercise a right (to appeal), not a duty to act: when
    /// it closes unused the right has lapsed, and nobody is late.
    #[must_use]
    pub const fn is_a_right(self) -> bool {
        matches!(self, Self::AppealWindow)
    }
}

vocabulary_enum! {
    /// Steps of the pleading chain.
    pub enum SubmissionKind {
        Complaint, InformationRequest, Information, ResponseRequest, FormalResponse,
        Acceptance, CounterProposal, SettlementProposal, EscalationNote, Decision, Appeal,
        MonitoringPlan, ClosingNote, Withdrawal, Note, Message,
        /// A translation the registry provided of a pleading, a message or a document: it
        /// is shown beside its original, which stays the authentic version.
        Translation
    }
}

vocabulary_enum! {
    /// Who may read a message or a note (issue 10's correspondence): every party; the
    /// mediator with one side alone; or the staff who run the case (registry, mediator,
    /// oversight), which is the internal note. Staff read every audience.
    pub enum Audience { AllParties, ComplainantSide, RespondentSide, Staff }
}

vocabulary_enum! {
    pub enum ExtensionStatus { Pending, Granted, Refused }
}

vocabulary_enum! {
    /// How a mediator came to a case: chosen by the rule, named by the registry after the
    /// same conflict check, or named by the registry overriding a recorded conflict.
    pub enum AssignmentMethod { Automatic, Manual, Override }
}

vocabulary_enum! {
    /// Why a mediator stopped holding a case before it ended.
    pub enum AssignmentEnd { Replaced, ChallengeUpheld, Recused }
}

vocabulary_enum! {
    /// Where a challenge to a mediator stands; `moot` when the mediator left the case
    /// before the registry decided.
    pub enum ChallengeStatus { Pending, Upheld, Rejected, Moot }
}

impl Outcome {
    #[must_use]
    pub const fn from_decision(d: Decision) -> Self {
        match d {
            Decision::Upheld => Self::Upheld,
            Decision::PartlyUpheld => Self::PartlyUpheld,
            Decision::NotUpheld => Self::NotUpheld,
        }
    }
}

impl DeadlineKind {
    /// Whether missing this clock is a breach. The appeal window only closes a right; no
    /// one is late when nobody appeals.
    #[must_use]
    pub const fn is_obligation(self) -> bool {
        !matches!(self, Self::AppealWindow)
    }

    /// The party that must act for this clock to be met.
    #[must_use]
    pub const fn party(self) -> Party {
        match self {
            Self::Acknowledge
            | Self::Eligibility
            | Self::MediatorAssignment
            | Self::IndependentReview
            | Self::Translation => Party::Registrar,
            Self::Resolution | Self::Monitoring => Party::Mediator,
            Self::FormalResponse => Party::Respondent,
            Self::ComplainantReply | Self::Information | Self::AppealWindow => Party::Complainant,
        }
    }
}
