//! Delivery failures (flagged to the registry, oversight and mediators) and each person's
//! private calendar feed of their open deadlines.
use super::extract::Ctx;
use axum::{
    extract::Path,
    http::{header, StatusCode},
    response::IntoResponse,
    routing::{delete, get, post},
};
use loco_rs::prelude::{format, Response, Result, Routes};
use serde::Serialize;

use super::extract::CurrentActor;
use crate::{
    errors::{AppError, ErrorBody},
    mailers::notices::Renderer,
    models::{
        deadlines,
        notifications::{self, Failure},
        users,
        vocabulary::Locale,
    },
    settings::Settings,
    views::calendar::{self as ics, DeadlineEntry},
};

/// Failed notices, newest first.
#[derive(Serialize, utoipa::ToSchema)]
pub struct FailureList {
    pub items: Vec<Failure>,
}

#[utoipa::path(get, path = "/api/notices/failed", tag = "notices", security(("bearer" = [])), responses((status = 200, body = FailureList), (status = 401, description = "not signed in", body = ErrorBody), (status = 403, description = "not a registrar, mediator or oversight officer", body = ErrorBody)))]
pub async fn failed(Ctx(ctx): Ctx, current: CurrentActor) -> Result<Response> {
    let items = notifications::failures_for(&ctx.db, &current.actor, 500).await?;
    format::json(FailureList { items })
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct Requeued {
    pub id: i64,
}

#[utoipa::path(post, path = "/api/notices/{id}/retry", tag = "notices", security(("bearer" = [])), params(("id" = i64, Path, description = "the failed notice")), responses((status = 200, body = Requeued), (status = 401, description = "not signed in", body = ErrorBody), (status = 403, description = "only the registry or the case's mediator", body = ErrorBody), (status = 404, description = "no such failure in sight", body = ErrorBody)))]
pub async fn retry(
    Ctx(ctx): Ctx,
    current: CurrentActor,
    Path(id): Path<String>,
) -> Result<Response> {
    let id: i64 = id.parse().map_err(|_| AppError::NotFound)?;
    notifications::requeue(&ctx.db, &current.actor, id, crate::clock::now(&ctx)).await?;
    format::json(Requeued { id })
}

/// A calendar feed's address, shown once.
#[derive(Serialize, utoipa::ToSchema)]
pub struct CalendarFeed {
    /// Subscribe to this URL in a calendar client; anyone holding it sees your deadlines,
    /// so treat it as a password. Issuing a new one revokes the old.
    pub url: String,
}

#[utoipa::path(post, path = "/api/auth/me/calendar", tag = "auth", security(("bearer" = [])), responses((status = 201, body = CalendarFeed), (status = 401, description = "not signed in", body = ErrorBody)))]
pub async fn issue_feed(Ctx(ctx): Ctx, current: CurrentActor) -> Result<Response> {
    let settings = Settings::of(&ctx)?;
    let token = current
        .user
        .issue_calendar_token(&ctx.db, crate::clock::now(&ctx))
        .await?;
    let url = format!("{}/api/calendar/{token}", settings.public_base_url);
    Ok((StatusCode::CREATED, axum::Json(CalendarFeed { url })).into_response())
}

#[utoipa::path(delete, path = "/api/auth/me/calendar", tag = "auth", security(("bearer" = [])), responses((status = 204, description = "the feed URL no longer works"), (status = 401, description = "not signed in", body = ErrorBody)))]
pub async fn revoke_feed(Ctx(ctx): Ctx, current: CurrentActor) -> Result<Response> {
    current
        .user
        .revoke_calendar_token(&ctx.db, crate::clock::now(&ctx))
        .await?;
    Ok(StatusCode::NO_CONTENT.into_response())
}

#[utoipa::path(get, path = "/api/calendar/{token}", tag = "notices", params(("token" = String, Path, description = "the private feed token")), responses((status = 200, description = "iCalendar (RFC 5545) of the holder's open deadlines", content_type = "text/calendar"), (status = 404, description = "unknown or revoked token", body = ErrorBody)))]
pub async fn feed(Ctx(ctx): Ctx, Path(token): Path<String>) -> Result<Response> {
    let settings = Settings::of(&ctx)?;
    let user = users::Model::by_calendar_token(&ctx.db, &token).await?;
    let actor = user.actor()?;
    let locale: Locale = user.locale.parse().unwrap_or(Locale::En);
    let renderer = Renderer::get()?;
    let rows = deadlines::open_for_actor(&ctx.db, &actor, 2000).await?;
    let mut entries = Vec::with_capacity(rows.len());
    for (d, case) in rows {
        let (Some(due), Ok(kind), Ok(party)) = (d.due_at, d.kind(), d.party()) else {
            continue;
        };
        let (meaning, party) = renderer.clock_words(locale, kind, party)?;
        entries.push(DeadlineEntry {
            id: d.id,
            reference: case.reference.clone(),
            title: case.title.clone(),
            meaning,
            party,
            due_at: due.to_utc(),
            updated_at: d.updated_at.to_utc(),
            url: settings.case_url(case.pid),
        });
    }
    let body = ics::render("Redress", &entries, &settings.public_base_url);
    Ok((
        [
            (header::CONTENT_TYPE, "text/calendar; charset=utf-8"),
            (header::CACHE_CONTROL, "private, max-age=300"),
        ],
        body,
    )
        .into_response())
}

pub fn routes() -> Routes {
    Routes::new()
        .add("/api/notices/failed", get(failed))
        .add("/api/notices/{id}/retry", post(retry))
        .add("/api/auth/me/calendar", post(issue_feed))
        .add("/api/auth/me/calendar", delete(revoke_feed))
        .add("/api/calendar/{token}", get(feed))
}
