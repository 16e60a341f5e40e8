//! The registry's mail: the review queue and everything else that arrived, each message as
//! read and as it arrived (issue 22). Only the registry sees it; anyone else gets 404.
use super::extract::Ctx;
use axum::{
    body::Body,
    extract::Path,
    http::{header, StatusCode},
    response::IntoResponse,
    routing::get,
};
use loco_rs::prelude::{format, Response, Result, Routes};

use super::extract::{pid, CurrentActor, ValidQuery};
use crate::{
    errors::ErrorBody,
    models::inbound::queue::{self, Listed, MailFilter, Opened},
    settings::Settings,
};

#[utoipa::path(get, path = "/api/mail", tag = "mail", security(("bearer" = [])), params(MailFilter), responses((status = 200, description = "newest first; the review queue unless another outcome is asked for", body = Vec<Listed>), (status = 401, description = "not signed in", body = ErrorBody), (status = 404, description = "not the registry", body = ErrorBody), (status = 422, description = "an unknown outcome or parameter, or a page that is not a number", body = ErrorBody)))]
pub async fn list(
    Ctx(ctx): Ctx,
    current: CurrentActor,
    ValidQuery(filter): ValidQuery<MailFilter>,
) -> Result<Response> {
    format::json(queue::list(&ctx.db, &current.actor, &filter).await?)
}

#[utoipa::path(get, path = "/api/mail/{pid}", tag = "mail", security(("bearer" = [])), params(("pid" = String, Path, description = "the message pid")), responses((status = 200, description = "the message as Redress read it: its words without quoted history, its files, why it is where it is", body = Opened), (status = 401, description = "not signed in", body = ErrorBody), (status = 404, description = "no such message, or not the registry", body = ErrorBody)))]
pub async fn show(
    Ctx(ctx): Ctx,
    current: CurrentActor,
    Path(raw): Path<String>,
) -> Result<Response> {
    let settings = Settings::of(&ctx)?;
    format::json(queue::open(&ctx.db, &current.actor, pid(&raw)?, settings.public_host()).await?)
}

#[utoipa::path(get, path = "/api/mail/{pid}/raw", tag = "mail", security(("bearer" = [])), params(("pid" = String, Path, description = "the message pid")), responses((status = 200, description = "the message exactly as it arrived, to open in a mail client", content_type = "message/rfc822"), (status = 401, description = "not signed in", body = ErrorBody), (status = 404, description = "no such message, or not the registry", body = ErrorBody)))]
pub async fn raw(
    Ctx(ctx): Ctx,
    current: CurrentActor,
    Path(raw): Path<String>,
) -> Result<Response> {
    let message_pid = pid(&raw)?;
    let bytes = queue::raw(&ctx.db, &current.actor, message_pid).await?;
    Ok(rfc822(message_pid, bytes))
}

/// A kept message as a download, whichever door asked: always an attachment that no
/// browser renders.
#[must_use]
pub fn rfc822(message_pid: uuid::Uuid, bytes: Vec<u8>) -> Response {
    (
        StatusCode::OK,
        [
            (header::CONTENT_TYPE, "message/rfc822".to_string()),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{message_pid}.eml\""),
            ),
            (header::X_CONTENT_TYPE_OPTIONS, "nosniff".to_string()),
            (
                header::CONTENT_SECURITY_POLICY,
                "default-src 'none'; sandbox".to_string(),
            ),
            (header::CACHE_CONTROL, "private, no-store".to_string()),
        ],
        Body::from(bytes),
    )
        .into_response()
}

pub fn routes() -> Routes {
    Routes::new()
        .prefix("/api/mail")
        .add("/", get(list))
        .add("/{pid}", get(show))
        .add("/{pid}/raw", get(raw))
}
