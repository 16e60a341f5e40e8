//! Holds: the mediator or the registry stops a case's clocks for a reason, and lifts the
//! hold to let them run again (the clocks' due instants move by the time held).
use super::{super::Model, Audience, Cx, Done, Row};
use crate::{
    errors::{AppError, AppResult, Said},
    models::{deadlines, holds},
};

/// A hold is placed on a case not already held.
pub(super) fn may_place(case: &Model) -> AppResult<()> {
    if case.on_hold {
        return Err(AppError::Rule(Said::new("rule-already-on-hold")));
    }
    Ok(())
}

/// A hold is lifted from a case held.
pub(super) fn may_lift(case: &Model) -> AppResult<()> {
    if !case.on_hold {
        return Err(AppError::Rule(Said::new("rule-not-on-hold")));
    }
    Ok(())
}

pub(super) async fn place_hold(cx: &mut Cx<'_>, reason: &str) -> AppResult<Done> {
    let written = cx
        .write(Row {
            on_hold: Some(true),
            ..Row::none()
        })
        .await?;
    holds::place(cx.db, cx.case.id, reason, cx.actor.id, cx.now).await?;
    cx.note("reason", reason.trim());
    deadlines::recompute(cx.db, cx.case.id, cx.calendar, cx.now).await?;
    Ok(written.done(Audience::PARTIES))
}

pub(super) async fn lift_hold(cx: &mut Cx<'_>, note: Option<&str>) -> AppResult<Done> {
    may_lift(cx.case)?;
    let written = cx
        .write(Row {
            on_hold: Some(false),
            ..Row::none()
        })
        .await?;
    // Kept on the timeline (and so in the audit chain), as a hold's reason is.
    if let Some(note) = note.map(str::trim).filter(|n| !n.is_empty()) {
        cx.note("note", note);
    }
    holds::lift_all(cx.db, cx.case.id, cx.actor.id, cx.now).await?;
    deadlines::recompute(cx.db, cx.case.id, cx.calendar, cx.now).await?;
    Ok(written.done(Audience::PARTIES))
}
