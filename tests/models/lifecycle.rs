//! The lifecycle table, written out independently of the code: every (status, action) pair
//! not listed here must be refused.
use redress::{
    errors::AppError,
    models::cases::{CaseAction as A, CaseStatus as S},
};
use strum::IntoEnumIterator;

const ACTIVE: &[S] = &[
    S::Submitted,
    S::Registered,
    S::UnderAssessment,
    S::InMediation,
    S::AwaitingResponse,
    S::ResponseReceived,
    S::Settled,
    S::Monitoring,
    S::UnderReview,
];

fn allowed() -> Vec<(S, A, S)> {
    let mut t = vec![
        (S::Submitted, A::Register, S::Registered),
        (S::Registered, A::DeclareEligible, S::UnderAssessment),
        (S::Registered, A::Dismiss, S::Dismissed),
        (S::UnderAssessment, A::Dismiss, S::Dismissed),
        (S::UnderAssessment, A::AssignMediator, S::InMediation),
        (S::InMediation, A::RequestResponse, S::AwaitingResponse),
        (S::AwaitingResponse, A::SubmitResponse, S::ResponseReceived),
        (S::ResponseReceived, A::AcceptResponse, S::Settled),
        (S::ResponseReceived, A::ContestResponse, S::InMediation),
        (S::InMediation, A::RecordSettlement, S::Settled),
        (S::ResponseReceived, A::RecordSettlement, S::Settled),
        (S::InMediation, A::Escalate, S::UnderReview),
        (S::AwaitingResponse, A::Escalate, S::UnderReview),
        (S::ResponseReceived, A::Escalate, S::UnderReview),
        (S::UnderReview, A::RecordDecision, S::Decided),
        (S::Decided, A::Appeal, S::UnderReview),
        (S::Dismissed, A::Appeal, S::Registered),
        (S::Settled, A::StartMonitoring, S::Monitoring),
        (S::Decided, A::StartMonitoring, S::Monitoring),
        (S::Settled, A::Close, S::Closed),
        (S::Monitoring, A::Close, S::Closed),
        (S::Decided, A::Close, S::Closed),
        (S::Dismissed, A::Close, S::Closed),
        (S::Withdrawn, A::Close, S::Closed),
    ];
    for &s in ACTIVE {
        t.push((s, A::Withdraw, S::Withdrawn));
        for a in [
            A::PlaceHold,
            A::LiftHold,
            A::RequestInformation,
            A::ProvideInformation,
        ] {
            t.push((s, a, s));
        }
    }
    // Once a mediator is involved, they can be replaced, challenged or recuse without the
    // case moving.
    for s in [
        S::InMediation,
        S::AwaitingResponse,
        S::ResponseReceived,
        S::Settled,
        S::Monitoring,
        S::UnderReview,
    ] {
        for a in [
            A::AssignMediator,
            A::ChallengeMediator,
            A::DecideChallenge,
            A::RecuseMediator,
        ] {
            t.push((s, a, s));
        }
    }
    for s in S::iter().filter(|s| !matches!(s, S::Withdrawn | S::Closed)) {
        t.push((s, A::RequestExtension, s));
        t.push((s, A::DecideExtension, s));
        // A translation may be asked for and provided while anything is still to be read
        // or decided: a dismissal's reasons are read before an appeal.
        t.push((s, A::RequestTranslation, s));
        t.push((s, A::ProvideTranslation, s));
    }
    t
}

#[test]
fn every_status_and_action_pair_is_allowed_or_refused_as_the_table_says() {
    let table = allowed();
    let mut checked = 0;
    for from in S::iter() {
        for action in A::iter() {
            let expected = table
                .iter()
                .find(|(s, a, _)| *s == from && *a == action)
                .map(|(_, _, to)| *to);
            match (from.apply(action), expected) {
                (Ok(to), Some(want)) => assert_eq!(to, want, "{from} + {action}"),
                (Err(AppError::InvalidTransition { .. }), None) => {}
                (got, want) => panic!("{from} + {action}: got {got:?}, table says {want:?}"),
            }
            checked += 1;
        }
    }
    assert_eq!(checked, S::iter().count() * A::iter().count());
}

#[test]
fn filing_is_never_a_transition_of_an_existing_case() {
    for from in S::iter() {
        assert!(from.apply(A::File).is_err(), "{from} accepted File");
    }
}

#[test]
fn closed_and_withdrawn_cases_accept_nothing_but_closing_a_withdrawal() {
    for action in A::iter() {
        assert!(S::Closed.apply(action).is_err(), "closed accepted {action}");
        assert_eq!(
            S::Withdrawn.apply(action).is_ok(),
            action == A::Close,
            "withdrawn + {action}"
        );
    }
}

#[test]
fn a_refusal_names_the_status_and_the_action() {
    let err = S::Closed.apply(A::Register).expect_err("refused");
    assert_eq!(err.to_string(), "cannot register a case that is closed");
}
