//! Intake: the registry acknowledges a grievance, then decides whether it is eligible (which
//! serves it on the respondent and starts the search for a mediator) or dismisses it.
use super::{Audience, Cx, Done, Row};
use crate::{
    errors::AppResult,
    models::vocabulary::{
        Audience as Readers, DeadlineKind as K, DismissalReason, Outcome, SubmissionKind,
    },
};

pub(super) async fn register(
    cx: &mut Cx<'_>,
    note: Option<&str>,
    note_to: Readers,
) -> AppResult<Done> {
    let written = cx.write(Row::none()).await?;
    cx.answer_clocks().await?;
    cx.start(&[K::Eligibility]).await?;
    if let Some(note) = note {
        cx.plead_to(SubmissionKind::Note, note, None, note_to)
            .await?;
    }
    Ok(written.done(Audience::COMPLAINANTS))
}

/// Eligible: the respondent is served, and the rule looks for a mediator in the same
/// transaction.
pub(super) async fn declare_eligible(
    cx: &mut Cx<'_>,
    note: Option<&str>,
    note_to: Readers,
) -> AppResult<Done> {
    let written = cx
        .write(Row {
            serve: true,
            ..Row::none()
        })
        .await?;
    cx.answer_clocks().await?;
    cx.start(&[K::MediatorAssignment, K::Resolution]).await?;
    if let Some(note) = note {
        cx.plead_to(SubmissionKind::Note, note, None, note_to)
            .await?;
    }
    Ok(written.done(Audience::PARTIES).then_staff(true))
}

/// Dismissed: every clock stops but the appeal window.
pub(super) async fn dismiss(
    cx: &mut Cx<'_>,
    reason: DismissalReason,
    note: &str,
) -> AppResult<Done> {
    let written = cx
        .write(Row {
            dismissal_reason: Some(reason),
            ..Row::outcome(Outcome::Dismissed)
        })
        .await?;
    cx.note("reason", reason.to_string());
    cx.answer_clocks().await?;
    cx.cancel(None).await?;
    cx.start(&[K::AppealWindow]).await?;
    cx.plead(SubmissionKind::Decision, note, None).await?;
    Ok(written.done(Audience::COMPLAINANTS))
}
