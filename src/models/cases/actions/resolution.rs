//! How a case ends: a settlement, an escalation to independent review and its decision, an
//! appeal (within its window), monitoring of what was agreed or decided, closure, and
//! withdrawal by the complainant side.
use super::{super::status::CaseStatus, Audience, Cx, Done, Row};
use crate::{
    errors::AppResult,
    models::vocabulary::{DeadlineKind as K, Decision, Outcome, SubmissionKind as S},
};

pub(super) async fn record_settlement(cx: &mut Cx<'_>, terms: &str) -> AppResult<Done> {
    let written = cx.write(Row::outcome(Outcome::Settled)).await?;
    cx.answer_clocks().await?;
    cx.cancel(Some(&[
        K::FormalResponse,
        K::ComplainantReply,
        K::Information,
    ]))
    .await?;
    cx.plead(S::SettlementProposal, terms, None).await?;
    Ok(written.done(Audience::PARTIES))
}

/// Mediation gives way to independent review.
pub(super) async fn escalate(cx: &mut Cx<'_>, reason: &str) -> AppResult<Done> {
    let written = cx.write(Row::none()).await?;
    cx.cancel(Some(&[
        K::FormalResponse,
        K::ComplainantReply,
        K::Information,
        K::Resolution,
    ]))
    .await?;
    cx.start(&[K::IndependentReview]).await?;
    cx.plead(S::EscalationNote, reason, None).await?;
    Ok(written.done(Audience::PARTIES.and_registry()))
}

/// The decision opens the appeal window.
pub(super) async fn record_decision(
    cx: &mut Cx<'_>,
    decision: Decision,
    reasoning: &str,
) -> AppResult<Done> {
    let written = cx
        .write(Row::outcome(Outcome::from_decision(decision)))
        .await?;
    cx.note("decision", decision.to_string());
    cx.answer_clocks().await?;
    cx.start(&[K::AppealWindow]).await?;
    cx.plead(S::Decision, reasoning, None).await?;
    Ok(written.done(Audience::PARTIES))
}

/// One appeal per case, within the appeal window; only the complainant side appeals a
/// dismissal, which goes back to eligibility (a decision goes back to review).
/// An appeal within its window, once (`Moment::admits` holds the window and who may).
pub(super) async fn appeal(cx: &mut Cx<'_>, grounds: &str) -> AppResult<Done> {
    let dismissed = cx.from == CaseStatus::Dismissed;
    let written = cx
        .write(Row {
            outcome: Some(None),
            appeal: true,
            ..Row::none()
        })
        .await?;
    cx.answer_clocks().await?;
    let next = if dismissed {
        K::Eligibility
    } else {
        K::IndependentReview
    };
    cx.start(&[next]).await?;
    cx.plead(S::Appeal, grounds, None).await?;
    Ok(written.done(Audience::PARTIES.and_registry()))
}

/// A determined case moves on only once its appeal window has run out (`Moment::admits`).
pub(super) async fn start_monitoring(cx: &mut Cx<'_>, plan: &str) -> AppResult<Done> {
    let written = cx.write(Row::none()).await?;
    // The case goes on: a translation asked for is still owed.
    let ended: Vec<K> = <K as strum::IntoEnumIterator>::iter()
        .filter(|k| *k != K::Translation)
        .collect();
    cx.cancel(Some(&ended)).await?;
    cx.start(&[K::Monitoring]).await?;
    cx.plead(S::MonitoringPlan, plan, None).await?;
    Ok(written.done(Audience::PARTIES))
}

pub(super) async fn close(cx: &mut Cx<'_>, summary: &str) -> AppResult<Done> {
    let written = cx
        .write(Row {
            close: true,
            ..Row::none()
        })
        .await?;
    cx.answer_clocks().await?;
    cx.cancel(None).await?;
    cx.plead(S::ClosingNote, summary, None).await?;
    Ok(written.done(Audience::PARTIES))
}

pub(super) async fn withdraw(cx: &mut Cx<'_>, reason: Option<&str>) -> AppResult<Done> {
    let written = cx.write(Row::outcome(Outcome::Withdrawn)).await?;
    cx.cancel(None).await?;
    cx.plead(S::Withdrawal, reason.unwrap_or("Withdrawn."), None)
        .await?;
    Ok(written.done(Audience::PARTIES.and_registry()))
}
