//! What happens next on a case, for one viewer: who must act and by when, and the actions
//! that answer it if the viewer is the one awaited. Pure: the caller passes the clocks the
//! viewer may see, the actions offered to them now ([`super::Model::offered_actions`]) and
//! `now`. The case page puts it at the top and the API gives it as `next_step`.
use chrono::{DateTime, Utc};
use serde::Serialize;

use super::{CaseAction, CaseStatus};
use crate::models::vocabulary::{DeadlineKind, Party, SubmissionKind};

/// Where the case stands for the viewer, in one word.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Situation {
    /// Closed or withdrawn: nothing more is due from anyone.
    Ended,
    /// On hold: the clocks are paused until the hold is lifted.
    OnHold,
    /// A clock runs: its party is awaited.
    Awaiting,
    /// No clock runs; the case waits for someone's step that no clock times.
    NothingDue,
}

/// A running clock, as the rule reads it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Running {
    pub id: i64,
    pub kind: DeadlineKind,
    pub party: Party,
    pub due_at: DateTime<Utc>,
}

/// What happens next, for one viewer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NextStep {
    pub situation: Situation,
    /// The clock awaited: the viewer's own earliest, or else the case's earliest.
    pub awaited: Option<Running>,
    /// Whether the viewer is the party awaited.
    pub yours: bool,
    /// The actions that matter most for the viewer now: those that answer the clock they
    /// are awaited on, or else those that move the case on; always among those offered.
    pub actions: Vec<CaseAction>,
}

/// The pleadings that ask for what a clock of `kind` awaits, the latest of which the viewer
/// should read before answering it (the response to accept or contest, the questions).
#[must_use]
pub const fn asked_in(kind: DeadlineKind) -> &'static [SubmissionKind] {
    use DeadlineKind as K;
    use SubmissionKind as S;
    match kind {
        K::FormalResponse => &[S::ResponseRequest],
        K::ComplainantReply => &[S::FormalResponse],
        K::Information => &[S::InformationRequest],
        K::IndependentReview => &[S::EscalationNote, S::Appeal],
        K::AppealWindow => &[S::Decision],
        K::Monitoring => &[S::MonitoringPlan],
        K::Acknowledge
        | K::Eligibility
        | K::MediatorAssignment
        | K::Resolution
        | K::Translation => &[],
    }
}

/// What happens next on a case in `status` for a viewer writing for `party` (none for
/// oversight), given the running clocks they may see and the actions offered to them.
#[must_use]
pub fn of(
    status: CaseStatus,
    on_hold: bool,
    running: &[Running],
    party: Option<Party>,
    offered: &[CaseAction],
) -> NextStep {
    // A clock is the viewer's to answer when it is their party's and an action offered to
    // them now meets it; a clock of their party they cannot answer yet (a mediator's
    // resolution while the respondent is awaited) is not their turn.
    let answering = |r: &Running| -> Vec<CaseAction> {
        offered
            .iter()
            .copied()
            .filter(|x| x.meets().contains(&r.kind))
            .collect()
    };
    let soonest = |r: &&Running| (r.due_at, r.id);
    let situation = if status.is_terminal() {
        Situation::Ended
    } else if on_hold {
        Situation::OnHold
    } else if running.is_empty() {
        Situation::NothingDue
    } else {
        Situation::Awaiting
    };
    let mine = running
        .iter()
        .filter(|r| Some(r.party) == party && !answering(r).is_empty())
        .min_by_key(soonest)
        .copied();
    let awaited = match situation {
        // Not the viewer's turn: whom they wait for, another party before their own.
        Situation::Awaiting => mine
            .or_else(|| {
                running
                    .iter()
                    .filter(|r| Some(r.party) != party)
                    .min_by_key(soonest)
                    .copied()
            })
            .or_else(|| running.iter().min_by_key(soonest).copied()),
        _ => None,
    };
    let yours = mine.is_some() && awaited == mine;
    let actions = match (yours, situation, awaited) {
        (true, _, Some(a)) => answering(&a),
        // Nothing runs: the steps that move the case on, if any (never withdrawal).
        (false, Situation::NothingDue, _) => offered
            .iter()
            .copied()
            .filter(|x| status.apply(*x).is_ok_and(|to| to != status))
            .filter(|x| *x != CaseAction::Withdraw)
            .collect(),
        _ => Vec::new(),
    };
    NextStep {
        situation,
        awaited,
        yours,
        actions,
    }
}

#[cfg(test)]
mod tests {
    use chrono::TimeZone;

    use super::*;
    use crate::models::vocabulary::{DeadlineKind as K, Party as P};

    fn clock(id: i64, kind: K, party: P, day: u32) -> Running {
        Running {
            id,
            kind,
            party,
            due_at: Utc.with_ymd_and_hms(2026, 3, day, 16, 0, 0).unwrap(),
        }
    }

    #[test]
    fn a_complainant_with_a_response_to_answer_is_told_it_is_theirs_and_offered_both_answers() {
        let running = [
            clock(1, K::Resolution, P::Mediator, 20),
            clock(2, K::ComplainantReply, P::Complainant, 10),
        ];
        let offered = [
            CaseAction::AcceptResponse,
            CaseAction::ContestResponse,
            CaseAction::Withdraw,
            CaseAction::RequestExtension,
        ];
        let next = of(
            CaseStatus::ResponseReceived,
            false,
            &running,
            Some(P::Complainant),
            &offered,
        );
        assert_eq!(next.situation, Situation::Awaiting);
        assert_eq!(next.awaited.map(|a| a.id), Some(2));
        assert!(next.yours);
        assert_eq!(
            next.actions,
            vec![CaseAction::AcceptResponse, CaseAction::ContestResponse]
        );
    }

    #[test]
    fn a_viewers_own_clock_comes_before_an_earlier_one_of_someone_else() {
        let running = [
            clock(1, K::FormalResponse, P::Respondent, 5),
            clock(2, K::Information, P::Complainant, 12),
        ];
        let next = of(
            CaseStatus::AwaitingResponse,
            false,
            &running,
            Some(P::Complainant),
            &[CaseAction::ProvideInformation],
        );
        assert_eq!(next.awaited.map(|a| a.kind), Some(K::Information));
        assert_eq!(next.actions, vec![CaseAction::ProvideInformation]);
    }

    #[test]
    fn a_viewer_waiting_on_another_party_is_told_whom_and_offered_no_answer_of_theirs() {
        let running = [clock(1, K::FormalResponse, P::Respondent, 5)];
        let next = of(
            CaseStatus::AwaitingResponse,
            false,
            &running,
            Some(P::Complainant),
            &[CaseAction::Withdraw, CaseAction::ChallengeMediator],
        );
        assert_eq!(next.awaited.map(|a| a.party), Some(P::Respondent));
        assert!(!next.yours);
        assert!(next.actions.is_empty(), "{:?}", next.actions);
    }

    #[test]
    fn with_no_clock_running_the_steps_that_move_the_case_on_are_named_and_withdrawal_is_not() {
        let next = of(
            CaseStatus::Dismissed,
            false,
            &[],
            Some(P::Registrar),
            &[CaseAction::Close],
        );
        assert_eq!(next.situation, Situation::NothingDue);
        assert_eq!(next.actions, vec![CaseAction::Close]);
        let delegate = of(
            CaseStatus::InMediation,
            false,
            &[],
            Some(P::Complainant),
            &[CaseAction::Withdraw],
        );
        assert!(delegate.actions.is_empty());
    }

    #[test]
    fn a_clock_of_ones_party_that_nothing_offered_answers_is_not_ones_turn() {
        // The mediator's resolution clock runs while the respondent is asked to answer, and
        // nothing the mediator may do now meets it.
        let running = [
            clock(1, K::Resolution, P::Mediator, 4),
            clock(2, K::FormalResponse, P::Respondent, 9),
        ];
        let next = of(
            CaseStatus::AwaitingResponse,
            false,
            &running,
            Some(P::Mediator),
            &[CaseAction::Escalate, CaseAction::PlaceHold],
        );
        assert!(!next.yours);
        assert_eq!(
            next.awaited.map(|a| a.id),
            Some(2),
            "the respondent, whom it waits for"
        );
        assert!(next.actions.is_empty(), "{:?}", next.actions);
        // A co-complainant, who cannot accept or contest, waits for the lead complainant.
        let reply = [clock(3, K::ComplainantReply, P::Complainant, 6)];
        let co = of(
            CaseStatus::ResponseReceived,
            false,
            &reply,
            Some(P::Complainant),
            &[CaseAction::ChallengeMediator],
        );
        assert!(!co.yours);
        assert!(co.actions.is_empty());
    }

    #[test]
    fn a_held_case_awaits_nobody_and_an_ended_one_offers_nothing() {
        let running = [clock(1, K::FormalResponse, P::Respondent, 5)];
        let held = of(
            CaseStatus::AwaitingResponse,
            true,
            &running,
            Some(P::Respondent),
            &[CaseAction::SubmitResponse],
        );
        assert_eq!(held.situation, Situation::OnHold);
        assert_eq!(held.awaited, None);
        let ended = of(CaseStatus::Closed, false, &[], Some(P::Registrar), &[]);
        assert_eq!(ended.situation, Situation::Ended);
        assert!(ended.actions.is_empty());
    }

    #[test]
    fn every_clock_is_answered_by_some_action() {
        // The table the actions meet their clocks by, read backwards: no clock is left that
        // no action answers, so the panel always has something to offer the one awaited.
        use strum::IntoEnumIterator;
        for kind in K::iter() {
            let answered = CaseAction::iter().any(|a| a.meets().contains(&kind));
            assert!(answered, "{kind} is answered by no action");
        }
    }
}
