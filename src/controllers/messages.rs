//! Correspondence on a case: write a message to an audience (JSON, or multipart with
//! documents), and list the messages and notes the caller reads. Each handler parses,
//! scopes, makes one model call, renders.
use super::extract::Ctx;
use axum::{
    extract::{DefaultBodyLimit, Path},
    http::StatusCode,
    routing::post,
};
use loco_rs::prelude::{format, Response, Result, Routes};

use super::{
    extract::{parse_json, pid, CurrentActor},
    upload::JsonWithFiles,
};
use crate::{
    errors::ErrorBody,
    models::{correspondence, documents},
    views::messages::MessageView,
};

#[utoipa::path(post, path = "/api/cases/{pid}/messages", tag = "messages", security(("bearer" = [])), params(("pid" = String, Path, description = "the case pid")), request_body(content((correspondence::MessageInput = "application/json"), (crate::views::documents::JsonWithFilesForm = "multipart/form-data")), description = "the message as JSON; or, with documents, multipart: the same JSON in a `json` part and a `file` part per document. A message never meets or starts a clock"), responses((status = 201, description = "kept, sealed into the case's chain, and its audience notified", body = MessageView), (status = 401, description = "not signed in", body = ErrorBody), (status = 403, description = "not a party to the case, or oversight (which reads only)", body = ErrorBody), (status = 404, description = "no such case, or not visible to you", body = ErrorBody), (status = 409, description = "the case is closed", body = ErrorBody), (status = 422, description = "invalid input, per field; an audience you may not write to; a file refused", body = ErrorBody)))]
pub async fn send(
    Ctx(ctx): Ctx,
    current: CurrentActor,
    Path(raw): Path<String>,
    body: JsonWithFiles,
) -> Result<Response> {
    let input: correspondence::MessageInput = parse_json(&body.json)?;
    let policy = current.policy(&ctx).await?;
    let sent = correspondence::send(
        &ctx.db,
        &current.actor,
        pid(&raw)?,
        &input,
        body.attached.into_files(),
        policy.settings.documents,
        policy.now,
    )
    .await?;
    let listed: Vec<documents::Listed> = sent
        .documents
        .into_iter()
        .map(|doc| documents::Listed {
            doc,
            author: Some(current.user.clone()),
            pleading: Some(sent.message.pid),
        })
        .collect();
    let view = MessageView::new(
        &sent.case,
        &(sent.message, Some(current.user.clone())),
        &listed,
        &current.actor,
    );
    format::render().status(StatusCode::CREATED).json(view)
}

#[utoipa::path(get, path = "/api/cases/{pid}/messages", tag = "messages", security(("bearer" = [])), params(("pid" = String, Path, description = "the case pid")), responses((status = 200, description = "the messages and notes you read, oldest first", body = [MessageView]), (status = 401, description = "not signed in", body = ErrorBody), (status = 404, description = "no such case, or not visible to you", body = ErrorBody)))]
pub async fn list(
    Ctx(ctx): Ctx,
    current: CurrentActor,
    Path(raw): Path<String>,
) -> Result<Response> {
    let (case, role, messages) =
        correspondence::of_case(&ctx.db, &current.actor, pid(&raw)?).await?;
    let docs = documents::listed(&ctx.db, &case, role).await?;
    format::json(
        messages
            .iter()
            .map(|m| MessageView::new(&case, m, &docs, &current.actor))
            .collect::<Vec<_>>(),
    )
}

pub fn routes() -> Routes {
    Routes::new().prefix("/api/cases").add(
        "/{pid}/messages",
        post(send).get(list).layer(DefaultBodyLimit::disable()),
    )
}
