//! Translations on a clock: a party asks for a pleading, message or document it reads in
//! one of the six languages, which starts the registry's clock and pauses the clocks the
//! party owes while it waits; the registry provides the translation (its text, its files or
//! both), which meets that request's clock alone and lets the party's clocks run again,
//! their due instants moved by the time waited. A translation is read by the side that
//! asked for it (`translations::read_by_asker`), which alone hears of it with the staff.
use sea_orm::entity::prelude::*;

use super::{Audience, Cx, Done, Row};
use crate::{
    errors::{AppError, AppResult, FieldErrors, Said},
    models::{
        correspondence,
        deadlines::{self, calendar::DayUnit},
        translations::{self, Request, State},
        vocabulary::{DeadlineKind, Language, SubmissionKind},
    },
};

pub(super) async fn request_translation(
    cx: &mut Cx<'_>,
    source: Uuid,
    language: Language,
) -> AppResult<Done> {
    let found = translations::source(cx.db, cx.case.id, cx.role, source)
        .await?
        .ok_or_else(|| {
            AppError::Validation(FieldErrors::single_said(
                "source",
                "unknown",
                Said::new("field-translation-source-unknown"),
            ))
        })?;
    if found.language == language {
        return Err(AppError::Validation(FieldErrors::single_said(
            "language",
            "same_language",
            Said::new("field-translation-same-language"),
        )));
    }
    let audience = translations::read_by_asker(found.audience, cx.role);
    if translations::already_asked(cx.db, &found, language, audience)
        .await?
        .is_some()
    {
        return Err(AppError::Rule(Said::new("rule-translation-asked")));
    }
    let written = cx.write(Row::none()).await?;
    let clock = cx.start_one(DeadlineKind::Translation).await?;
    let request = translations::open(
        cx.db,
        Request {
            case_id: cx.case.id,
            source: &found,
            audience,
            language,
            requested_by_id: cx.actor.id,
            party: cx.party(),
            deadline_id: clock.id,
        },
        cx.now,
    )
    .await?;
    // The party's own clocks stop from now until the translation is provided.
    deadlines::recompute(cx.db, cx.case.id, cx.calendar, cx.now).await?;
    cx.note("translation", request.pid.to_string());
    cx.note("source", found.pid.to_string());
    cx.note("language", language.to_string());
    cx.note("deadline", clock.id);
    cx.note(correspondence::AUDIENCE_KEY, audience.to_string());
    Ok(written.done(Audience::REGISTRY))
}

/// The translation is kept as a pleading in the language it translates into, read by the
/// audience of its original; a document is translated by a file, a text, or both.
pub(super) async fn provide_translation(
    cx: &mut Cx<'_>,
    request: Uuid,
    text: Option<&str>,
) -> AppResult<Done> {
    let req = translations::of_case(cx.db, cx.case.id, request)
        .await?
        .ok_or_else(|| {
            AppError::Validation(FieldErrors::single_said(
                "request",
                "unknown",
                Said::new("field-translation-request-unknown"),
            ))
        })?;
    let clock = deadlines::Entity::find_by_id(req.deadline_id)
        .one(cx.db)
        .await?
        .ok_or_else(|| AppError::Corrupt(format!("translation {} has no clock", req.pid)))?;
    if req.state(Some(&clock)) != State::Pending {
        return Err(AppError::Rule(Said::new("rule-translation-provided")));
    }
    let text = text.map(str::trim).unwrap_or_default();
    if text.is_empty() && cx.attached.is_empty() {
        return Err(AppError::Validation(FieldErrors::single_said(
            "text",
            "required",
            Said::new("field-translation-empty"),
        )));
    }
    let audience = crate::models::vocabulary::Audience::parse_stored(&req.audience)?;
    let written = cx.write(Row::none()).await?;
    cx.written_in = Some(req.language()?);
    cx.plead_to(SubmissionKind::Translation, text, Some(clock.id), audience)
        .await?;
    let translation = cx
        .last_pleading
        .ok_or_else(|| AppError::Internal("a translation wrote no pleading".into()))?;
    // Oversight's timing, in working days on the calendar in force now.
    let took = cx
        .calendar
        .days_between(req.created_at.to_utc(), cx.now, DayUnit::Working);
    translations::provide(cx.db, &req, (translation, cx.actor.id), took, cx.now).await?;
    deadlines::meet_one(cx.db, clock, cx.now).await?;
    // The waiting party's clocks run again, later by the time it waited.
    deadlines::recompute(cx.db, cx.case.id, cx.calendar, cx.now).await?;
    cx.note("translation", req.pid.to_string());
    cx.note("language", req.language.clone());
    if audience != crate::models::vocabulary::Audience::AllParties {
        cx.note(correspondence::AUDIENCE_KEY, audience.to_string());
    }
    Ok(written.done(correspondence::told(audience)))
}
