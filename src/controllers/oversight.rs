//! Oversight's figures: whether redress works, and for whom. JSON for programs, CSV for
//! spreadsheets; the registry and oversight only.
use axum::{extract::State, http::header, response::IntoResponse, routing::get};
use chrono::NaiveDate;
use loco_rs::prelude::{format, AppContext, Response, Result, Routes};
use serde::Deserialize;

use super::extract::{now, only, period, CurrentActor, ValidQuery};
use crate::{
    errors::{AppError, ErrorBody},
    models::{
        metrics::{self, Metrics, Scope},
        vocabulary::{Category, Role},
    },
    views::metrics as csv_view,
};

/// Which cases to measure: those filed from `from` to `to` (whole days, UTC), narrowed.
#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct MetricsQuery {
    /// First day of filing; 365 days before `to` when absent.
    from: Option<NaiveDate>,
    /// Last day of filing; today when absent.
    to: Option<NaiveDate>,
    /// Body code: where the incident happened.
    body: Option<String>,
    category: Option<Category>,
    /// Body code or delegation ISO code of the respondent.
    respondent: Option<String>,
}

async fn compute(ctx: &AppContext, current: &CurrentActor, q: MetricsQuery) -> Result<Metrics> {
    only(current, &[Role::Oversight, Role::Registrar])?;
    let (from, to) = period(q.from, q.to, 365)?;
    let scope = Scope::resolve(
        &ctx.db,
        from,
        to,
        q.body.as_deref(),
        q.category,
        q.respondent.as_deref(),
    )
    .await?;
    Ok(metrics::overview(&ctx.db, &scope, now()).await?)
}

#[utoipa::path(get, path = "/api/oversight/metrics", tag = "oversight", security(("bearer" = [])), params(MetricsQuery), responses((status = 200, body = Metrics), (status = 401, description = "not signed in", body = ErrorBody), (status = 404, description = "not oversight or the registry", body = ErrorBody), (status = 422, description = "a bad period or an unknown code", body = ErrorBody)))]
pub async fn metrics(
    State(ctx): State<AppContext>,
    current: CurrentActor,
    ValidQuery(q): ValidQuery<MetricsQuery>,
) -> Result<Response> {
    format::json(compute(&ctx, &current, q).await?)
}

#[utoipa::path(get, path = "/api/oversight/metrics.csv", tag = "oversight", security(("bearer" = [])), params(MetricsQuery), responses((status = 200, description = "RFC 4180 CSV, columns section,key,measure,value", content_type = "text/csv"), (status = 401, description = "not signed in", body = ErrorBody), (status = 404, description = "not oversight or the registry", body = ErrorBody), (status = 422, description = "a bad period or an unknown code", body = ErrorBody)))]
pub async fn metrics_csv(
    State(ctx): State<AppContext>,
    current: CurrentActor,
    ValidQuery(q): ValidQuery<MetricsQuery>,
) -> Result<Response> {
    let m = compute(&ctx, &current, q).await?;
    let text = csv_view::to_csv(csv_view::HEADER, &csv_view::rows(&m))
        .map_err(|e| AppError::Internal(format!("csv: {e}")))?;
    Ok((
        [
            (header::CONTENT_TYPE, "text/csv; charset=utf-8"),
            (
                header::CONTENT_DISPOSITION,
                "attachment; filename=\"redress-metrics.csv\"",
            ),
        ],
        text,
    )
        .into_response())
}

pub fn routes() -> Routes {
    Routes::new()
        .add("/api/oversight/metrics", get(metrics))
        .add("/api/oversight/metrics.csv", get(metrics_csv))
}
