//! Staffing: the registry assigns a mediator (or lets the rule choose, recording why each
//! other mediator was passed over), a party challenges the mediator within the challenge
//! window, the registry upholds or rejects the challenge, and a mediator recuses. A case left
//! without the mediator it needs is staffed again by the rule in the same transaction; when
//! the rule finds nobody, the registry is told and put on the clock to find someone.
use sea_orm::entity::prelude::*;

use super::{Acted, Audience, Cx, Done, Row};
use crate::{
    errors::{AppError, AppResult, FieldErrors, Said},
    models::{
        _entities::assignments,
        case_events::{self, NewEvent},
        mediators::{
            challenges,
            staffing::{self, Explanation, Pick},
        },
        notifications::{self, Notice, NoticeKind, Timing},
        of_case, users,
        vocabulary::{AssignmentEnd, AssignmentMethod, ChallengeStatus, DeadlineKind, Party, Role},
    },
};

/// A named mediator, or the rule's choice. Naming one over a recorded conflict needs a
/// reason and is flagged to oversight.
pub(super) async fn assign_mediator(
    cx: &mut Cx<'_>,
    mediator: Option<Uuid>,
    override_reason: Option<&str>,
) -> AppResult<Acted> {
    if mediator.is_none() && cx.case.mediator_id.is_some() {
        return Err(AppError::Rule(Said::new("rule-mediator-already-assigned")));
    }
    let pick = staffing::pick(
        cx.db,
        cx.settings,
        cx.case,
        cx.co,
        mediator,
        override_reason,
    )
    .await?;
    let (chosen, explanation) = match pick {
        Pick::Chosen {
            mediator,
            explanation,
        } => (mediator, explanation),
        Pick::Nobody(explanation) if cx.automatic => {
            blocked(cx, &explanation).await?;
            return Ok(Acted::Unchanged);
        }
        Pick::Nobody(explanation) => {
            return Err(AppError::Rule(Said::new("rule-no-eligible-mediator").list(
                "why",
                explanation.summary(),
                " | ",
            )));
        }
    };
    if cx.case.mediator_id == Some(chosen.id) {
        return Err(AppError::Rule(Said::new("rule-mediator-already-holds")));
    }
    let overridden = explanation.method == AssignmentMethod::Override;
    let written = cx
        .write(Row {
            mediator_id: Some(Some(chosen.id)),
            within_capacity: !overridden,
            ..Row::none()
        })
        .await?;
    cx.note("mediator", chosen.pid.to_string());
    cx.note("method", explanation.method.to_string());
    cx.answer_clocks().await?;
    let by = (!cx.automatic).then_some(cx.actor.id);
    let (a, hash) =
        staffing::record(cx.db, cx.case.id, Some(chosen.id), &explanation, by, cx.now).await?;
    cx.note("assignment", a.pid.to_string());
    cx.note("explanation_sha256", hash);
    let done = written.done(Audience::PARTIES);
    Ok(Acted::Done(if overridden {
        done.also(
            NoticeKind::AssignmentOverride,
            "override",
            Audience::OVERSIGHT,
        )
    } else {
        done
    }))
}

/// A party challenges the mediator, once at a time, within the window that opens at the
/// assignment.
/// A challenge within its window, none pending (`Moment::admits`).
pub(super) async fn challenge_mediator(cx: &mut Cx<'_>, reason: &str) -> AppResult<Done> {
    let current = holding(cx).await?;
    let written = cx.write(Row::none()).await?;
    let by = (cx.actor.id, cx.role.party().unwrap_or(Party::Complainant));
    let ch = challenges::raise(cx.db, cx.case.id, current.id, by, reason, cx.now).await?;
    cx.note("challenge", ch.pid.to_string());
    cx.note("reason", reason.trim());
    Ok(written.done(Audience::PARTIES.and_registry()))
}

/// Upheld, the mediator leaves the case and the rule finds another; rejected, nothing moves.
pub(super) async fn decide_challenge(
    cx: &mut Cx<'_>,
    challenge: Uuid,
    uphold: bool,
    note: &str,
) -> AppResult<Done> {
    let by_pid = (challenges::Column::Pid, challenges::Column::CaseId);
    let ch = of_case::<challenges::Entity>(cx.db, by_pid, cx.case.id, challenge)
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
            Said::new("rule-challenge-decided").said("status", Said::of("challenge-", &ch.status)),
        ));
    }
    let written = cx
        .write(Row {
            mediator_id: uphold.then_some(None),
            ..Row::none()
        })
        .await?;
    if uphold {
        if let Some(a) = assignments::Entity::find_by_id(ch.assignment_id)
            .one(cx.db)
            .await?
            .filter(|a| a.ended_at.is_none())
        {
            staffing::end(cx.db, a, AssignmentEnd::ChallengeUpheld, cx.now).await?;
        }
    }
    cx.note("challenge", ch.pid.to_string());
    cx.note("upheld", uphold);
    cx.note("note", note.trim());
    challenges::decide(cx.db, ch, uphold, cx.actor.id, note, cx.now).await?;
    Ok(written
        .done(Audience::PARTIES)
        .stage(if uphold { "upheld" } else { "rejected" })
        .then_staff(uphold))
}

/// The mediator withdraws; the rule finds another.
pub(super) async fn recuse_mediator(cx: &mut Cx<'_>, reason: &str) -> AppResult<Done> {
    let current = holding(cx).await?;
    let written = cx
        .write(Row {
            mediator_id: Some(None),
            ..Row::none()
        })
        .await?;
    staffing::end(cx.db, current, AssignmentEnd::Recused, cx.now).await?;
    cx.note("reason", reason.trim());
    Ok(written
        .done(Audience::PARTIES.and_registry())
        .then_staff(true))
}

/// The assignment under which the case's mediator holds it.
async fn holding(cx: &Cx<'_>) -> AppResult<assignments::Model> {
    match (
        cx.case.mediator_id,
        staffing::current(cx.db, cx.case.id).await?,
    ) {
        (Some(m), Some(a)) if a.mediator_id == Some(m) => Ok(a),
        _ => Err(AppError::Rule(Said::new("rule-no-mediator"))),
    }
}

/// The rule found nobody for a case that needs a mediator: the attempt is recorded with
/// its reasons, the registry is told, and a case that lost its mediator puts the registry
/// on the clock to find one. The case itself does not change.
async fn blocked(cx: &Cx<'_>, explanation: &Explanation) -> AppResult<()> {
    let case = cx.case;
    let (a, hash) = staffing::record(cx.db, case.id, None, explanation, None, cx.now).await?;
    if cx.from.is_mediated()
        && cx
            .open_clock(DeadlineKind::MediatorAssignment)
            .await?
            .is_none()
    {
        cx.start(&[DeadlineKind::MediatorAssignment]).await?;
    }
    let event = case_events::append(
        cx.db,
        NewEvent {
            case_id: case.id,
            actor_id: None,
            action: crate::models::case_events::Recorded::AssignmentBlocked,
            from: Some(cx.from),
            to: Some(cx.from),
            detail: serde_json::json!({
                "assignment": a.pid,
                "explanation_sha256": hash,
                "excluded": explanation.excluded.len(),
            }),
        },
        cx.now,
    )
    .await?;
    let registrars = users::active_in_role(cx.db, Role::Registrar).await?;
    let notice = Notice {
        kind: NoticeKind::AssignmentBlocked,
        case_id: Some(case.id),
        dedupe_base: format!("event:{}", event.id),
        payload: serde_json::json!({
            "case": case.pid,
            "reference": case.reference,
            "status": cx.from,
        }),
        timing: Timing::Now,
    };
    notifications::enqueue(cx.db, &registrars, &notice, cx.now).await
}
