//! The form of each action: its fields, in the order shown, named as the action's input
//! names them. Pages draw an action's form from it (filling the choices the case offers); a
//! test holds every form to what its action takes.
use super::CaseAction;
use crate::models::vocabulary::Audience;

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
    /// The pleadings, messages and documents the viewer reads, to ask a translation of.
    Translatables,
    /// The six official languages.
    Languages,
    /// The translations asked for and not yet provided.
    PendingTranslations,
    /// Who may read a note, the action's default first.
    Audiences {
        default: Audience,
    },
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
    /// Whether documents may be sent with the action: those that write a pleading of
    /// substance (a request, an answer, terms, a decision, grounds, a plan, a summary).
    #[must_use]
    pub const fn takes_files(self) -> bool {
        matches!(
            self,
            Self::RequestResponse
                | Self::SubmitResponse
                | Self::ContestResponse
                | Self::RecordSettlement
                | Self::RecordDecision
                | Self::Appeal
                | Self::StartMonitoring
                | Self::Close
                | Self::Escalate
                | Self::RequestInformation
                | Self::ProvideInformation
                | Self::ProvideTranslation
        )
    }

    /// Whether the action writes a pleading (a note, a request, an answer, a decision...),
    /// whose language the actor may name (`written_in`). A translation is written in the
    /// language it was asked in, so it is not one of them.
    #[must_use]
    pub const fn writes_pleading(self) -> bool {
        matches!(
            self,
            Self::Register
                | Self::DeclareEligible
                | Self::Dismiss
                | Self::RequestResponse
                | Self::SubmitResponse
                | Self::AcceptResponse
                | Self::ContestResponse
                | Self::RequestInformation
                | Self::ProvideInformation
                | Self::RecordSettlement
                | Self::Escalate
                | Self::RecordDecision
                | Self::Appeal
                | Self::StartMonitoring
                | Self::Close
                | Self::Withdraw
        )
    }

    /// What the action's form asks, in the order shown.
    #[must_use]
    pub const fn fields(self) -> &'static [Field] {
        use Choices as C;
        use FieldKind::{Choice, Days, YesNo};
        match self {
            Self::Register => {
                const {
                    &[
                        optional("note"),
                        field(
                            "note_audience",
                            Choice(C::Audiences {
                                default: Audience::Staff,
                            }),
                            false,
                        ),
                    ]
                }
            }
            Self::DeclareEligible => {
                const {
                    &[
                        optional("note"),
                        field(
                            "note_audience",
                            Choice(C::Audiences {
                                default: Audience::AllParties,
                            }),
                            false,
                        ),
                    ]
                }
            }
            Self::AcceptResponse | Self::LiftHold => const { &[optional("note")] },
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
            Self::RequestTranslation => {
                const {
                    &[
                        field("source", Choice(C::Translatables), true),
                        field("language", Choice(C::Languages), true),
                    ]
                }
            }
            Self::ProvideTranslation => {
                const {
                    &[
                        field("request", Choice(C::PendingTranslations), true),
                        optional("text"),
                    ]
                }
            }
            Self::File => const { &[] },
        }
    }
}

#[cfg(test)]
mod tests {
    use serde_json::{json, Map, Value};
    use strum::IntoEnumIterator;

    use super::{super::ActionInput, CaseAction, Choices, Field, FieldKind};

    fn sample(field: &Field) -> Value {
        match field.kind {
            FieldKind::Text => json!("Some words to act on."),
            FieldKind::Days => json!(3),
            FieldKind::YesNo => json!(true),
            FieldKind::Choice(Choices::DismissalReasons) => json!("outside_mandate"),
            FieldKind::Choice(Choices::Decisions) => json!("upheld"),
            FieldKind::Choice(Choices::RunningClocks) => json!(7),
            FieldKind::Choice(Choices::Audiences { .. }) => json!("staff"),
            FieldKind::Choice(Choices::Languages) => json!("fr"),
            FieldKind::Choice(
                Choices::Mediators
                | Choices::PendingExtensions
                | Choices::PendingChallenges
                | Choices::Translatables
                | Choices::PendingTranslations,
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
