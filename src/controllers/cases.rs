//! Cases: file, list, read, act. Each handler parses, scopes, makes one model call, renders.
use super::extract::Ctx;
use axum::{
    extract::{DefaultBodyLimit, Path},
    http::{HeaderMap, StatusCode},
    routing::{get, post},
};
use loco_rs::prelude::{format, AppContext, Response, Result, Routes};

use super::{
    extract::{parse_command, parse_json, pid, CurrentActor, ValidQuery},
    upload::JsonWithFiles,
};
use crate::errors::ErrorBody;
use crate::{
    errors::{AppError, FieldErrors},
    models::cases::{
        self,
        dossier::Dossier,
        filing::{self, Filed, NewCase},
        transition, CaseFilter,
    },
    policy::Policy,
    views::{
        cases::{CaseDetail, CaseSummary},
        Page,
    },
};

async fn detail(
    ctx: &AppContext,
    policy: &Policy,
    current: &CurrentActor,
    case: cases::Model,
    status: StatusCode,
) -> Result<Response> {
    let dossier = case.dossier(&ctx.db, &current.actor, policy).await?;
    render(policy, current, &dossier, status)
}

fn render(
    policy: &Policy,
    current: &CurrentActor,
    dossier: &Dossier,
    status: StatusCode,
) -> Result<Response> {
    format::render().status(status).json(CaseDetail::new(
        dossier,
        &current.actor,
        &policy.calendar,
        policy.now,
    ))
}

#[utoipa::path(post, path = "/api/cases", tag = "cases", security(("bearer" = [])), request_body(content((NewCase = "application/json"), (crate::views::documents::JsonWithFilesForm = "multipart/form-data")), description = "the grievance as JSON; or, with documents, multipart: the same JSON in a `json` part and a `file` part per document"), params(("Idempotency-Key" = Option<String>, Header, description = "filing again with the same key returns the first case")), responses((status = 201, description = "filed", body = CaseDetail), (status = 200, description = "already filed with this key", body = CaseDetail), (status = 401, description = "not signed in", body = ErrorBody), (status = 403, description = "only delegates file", body = ErrorBody), (status = 422, description = "invalid input, per field", body = ErrorBody)))]
pub async fn file(
    Ctx(ctx): Ctx,
    current: CurrentActor,
    headers: HeaderMap,
    body: JsonWithFiles,
) -> Result<Response> {
    let mut input: NewCase = parse_json(&body.json)?;
    if let Some(key) = headers.get("idempotency-key") {
        let key = key.to_str().map_err(|_| {
            AppError::Validation(FieldErrors::single(
                "idempotency_key",
                "invalid",
                "must be visible ASCII",
            ))
        })?;
        input.idempotency_key = Some(key.to_string());
    }
    let policy = current.policy(&ctx).await?;
    match filing::file_attached(&ctx.db, &policy, &current.actor, input, body.attached).await? {
        Filed::Created(dossier) => render(&policy, &current, &dossier, StatusCode::CREATED),
        Filed::Replayed(case) => detail(&ctx, &policy, &current, *case, StatusCode::OK).await,
    }
}

#[utoipa::path(get, path = "/api/cases", tag = "cases", security(("bearer" = [])), params(CaseFilter), responses((status = 200, body = Page<CaseSummary>), (status = 401, description = "not signed in", body = ErrorBody), (status = 422, description = "invalid input, per field", body = ErrorBody)))]
pub async fn list(
    Ctx(ctx): Ctx,
    current: CurrentActor,
    ValidQuery(filter): ValidQuery<CaseFilter>,
) -> Result<Response> {
    let policy = current.policy(&ctx).await?;
    let listing = cases::list_for(&ctx.db, &current.actor, &filter, policy.now).await?;
    format::json(Page {
        items: listing
            .items
            .iter()
            .map(|c| {
                CaseSummary::new(
                    c,
                    &listing.context,
                    &current.actor,
                    &policy.calendar,
                    policy.now,
                )
            })
            .collect(),
        page: listing.page,
        per_page: listing.per_page,
        total: listing.total,
    })
}

#[utoipa::path(get, path = "/api/cases/{pid}", tag = "cases", security(("bearer" = [])), params(("pid" = String, Path, description = "the case pid")), responses((status = 200, body = CaseDetail), (status = 401, description = "not signed in", body = ErrorBody), (status = 404, description = "no such case, or not visible to you", body = ErrorBody)))]
pub async fn show(
    Ctx(ctx): Ctx,
    current: CurrentActor,
    Path(raw): Path<String>,
) -> Result<Response> {
    let policy = current.policy(&ctx).await?;
    let case = cases::Model::find_for(&ctx.db, &current.actor, pid(&raw)?).await?;
    detail(&ctx, &policy, &current, case, StatusCode::OK).await
}

#[utoipa::path(post, path = "/api/cases/{pid}/actions", tag = "cases", security(("bearer" = [])), params(("pid" = String, Path, description = "the case pid")), request_body(content((crate::models::cases::actions::ActionInput = "application/json"), (crate::views::documents::JsonWithFilesForm = "multipart/form-data")), description = "`{\"action\": name, \"expected_version\": n, ...fields}`: the action name with its fields beside it; or, with documents (for an action that writes a pleading), multipart: the same JSON in a `json` part and a `file` part per document"), responses((status = 200, body = CaseDetail), (status = 401, description = "not signed in", body = ErrorBody), (status = 403, description = "your standing in the case does not allow this action", body = ErrorBody), (status = 404, description = "no such case, or not visible to you", body = ErrorBody), (status = 409, description = "refused by the lifecycle, a stale version or a case rule", body = ErrorBody), (status = 422, description = "invalid input, per field", body = ErrorBody)))]
pub async fn act(
    Ctx(ctx): Ctx,
    current: CurrentActor,
    Path(raw): Path<String>,
    body: JsonWithFiles,
) -> Result<Response> {
    let command = parse_command(&body.json)?;
    let policy = current.policy(&ctx).await?;
    let case = transition::transition_attached(
        &ctx.db,
        &policy,
        &current.actor,
        pid(&raw)?,
        command,
        body.attached,
    )
    .await?;
    detail(&ctx, &policy, &current, case, StatusCode::OK).await
}

pub fn routes() -> Routes {
    Routes::new()
        .prefix("/api/cases")
        // A filing and an action may carry documents: each file is held to its limit while
        // it streams in, and a JSON body to its own.
        .add("/", get(list).post(file).layer(DefaultBodyLimit::disable()))
        .add("/{pid}", get(show))
        .add(
            "/{pid}/actions",
            post(act).layer(DefaultBodyLimit::disable()),
        )
}
