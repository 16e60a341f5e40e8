//! Extensions: a side asks for more days on one of its own running clocks, within the
//! organization's maximum; the mediator or the registry grants (as asked or fewer days) or
//! refuses. Only the side whose clock it is, and the staff, hear of it.
use sea_orm::entity::prelude::*;

use super::{Audience, Cx, Done, Row};
use crate::{
    errors::{AppError, AppResult, FieldErrors, Said},
    models::{
        deadlines,
        extension_requests::{self as requests, Column, Request},
        of_case,
        vocabulary::ExtensionStatus,
    },
};

pub(super) async fn request_extension(
    cx: &mut Cx<'_>,
    deadline_id: i64,
    days: u32,
    reason: &str,
) -> AppResult<Done> {
    let deadline = deadlines::Entity::find_by_id(deadline_id)
        .one(cx.db)
        .await?
        .filter(|d| d.case_id == cx.case.id && d.is_open())
        .ok_or_else(|| {
            AppError::Validation(FieldErrors::single(
                "deadline_id",
                "unknown",
                "no open deadline of this case has this id",
            ))
        })?;
    if deadline.party()? != cx.party() {
        return Err(AppError::Forbidden(Said::new(
            "forbidden-own-deadlines-only",
        )));
    }
    at_most_allowed(cx, days)?;
    if requests::pending_on(cx.db, deadline.id).await?.is_some() {
        return Err(AppError::Rule(Said::new("rule-extension-pending")));
    }
    let written = cx.write(Row::none()).await?;
    let new = Request {
        pid: Uuid::new_v4(),
        case_id: cx.case.id,
        deadline_id: deadline.id,
        requested_by_id: cx.actor.id,
        reason: reason.trim().to_string(),
        days,
    };
    let req = requests::open(cx.db, new, cx.now).await?;
    cx.note("extension_request", req.pid.to_string());
    cx.note("deadline", deadline.kind);
    cx.note("days", days);
    Ok(written.done(Audience::MEDIATOR_OR_REGISTRY))
}

/// Granted, the clock's due instant moves by the days granted (the days asked unless the
/// decision names fewer or more, within the maximum).
pub(super) async fn decide_extension(
    cx: &mut Cx<'_>,
    request: Uuid,
    grant: bool,
    days: Option<u32>,
    note: &str,
) -> AppResult<Done> {
    let req =
        of_case::<requests::Entity>(cx.db, (Column::Pid, Column::CaseId), cx.case.id, request)
            .await?
            .ok_or_else(|| {
                AppError::Validation(FieldErrors::single(
                    "request",
                    "unknown",
                    "no extension request of this case has this id",
                ))
            })?;
    if req.status != ExtensionStatus::Pending.as_ref() {
        return Err(AppError::Rule(Said::new("rule-extension-decided")));
    }
    let granted = days.unwrap_or_else(|| u32::try_from(req.days).unwrap_or(0));
    if grant {
        at_most_allowed(cx, granted)?;
    }
    let written = cx.write(Row::none()).await?;
    let deadline = deadlines::Entity::find_by_id(req.deadline_id)
        .one(cx.db)
        .await?;
    let req = requests::decide(
        cx.db,
        req,
        grant.then_some(granted),
        cx.actor.id,
        note,
        cx.now,
    )
    .await?;
    if let Some(d) = deadline.as_ref().filter(|d| grant && d.is_open()) {
        deadlines::extend(cx.db, d.clone(), granted, cx.calendar, cx.now).await?;
    }
    cx.note("extension_request", req.pid.to_string());
    cx.note("granted", grant);
    if grant {
        cx.note("days", granted);
    }
    cx.note("note", note.trim());
    let side = deadline.and_then(|d| d.party().ok());
    Ok(written.done(Audience::side_of(side)))
}

fn at_most_allowed(cx: &Cx<'_>, days: u32) -> AppResult<()> {
    let max = cx.settings.max_extension_days;
    if days > max {
        return Err(AppError::Validation(FieldErrors::single_said(
            "days",
            "range",
            Said::new("field-at-most-days").number("max", max),
        )));
    }
    Ok(())
}
