//! Oversight's figures: whether redress works, and for whom. JSON for programs, CSV for
//! spreadsheets; the registry and oversight only.
use super::extract::Ctx;
use crate::models::day::Day;
use axum::{
    http::{header, StatusCode},
    response::IntoResponse,
    routing::get,
};
use loco_rs::prelude::{format, AppContext, Response, Result, Routes};
use serde::Deserialize;

use super::extract::{only, period, CurrentActor, ValidJson, ValidQuery};
use crate::{
    errors::{AppError, ErrorBody},
    models::{
        oversight::{
            disparities::{self, Disparities},
            metrics::{self, MediatorFigures, Metrics, Month, Scope},
            parity::{self, Parity},
            samples::{self, Draw},
        },
        vocabulary::{Category, Role},
    },
    settings::Settings,
    views::{
        admin_log::{AdminEventView, AdminLog},
        charts, metrics as csv_view,
    },
};

/// Which cases to measure: those filed from `from` to `to` (whole days, UTC), narrowed.
#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct MetricsQuery {
    /// First day of filing; 365 days before `to` when absent.
    pub from: Option<Day>,
    /// Last day of filing; today when absent.
    pub to: Option<Day>,
    /// Body code: where the incident happened.
    pub body: Option<String>,
    pub category: Option<Category>,
    /// Body code or delegation ISO code of the respondent.
    pub respondent: Option<String>,
}

impl MetricsQuery {
    /// The cases these filters measure.
    ///
    /// # Errors
    /// 422 for a bad period or an unknown code.
    pub async fn scope(&self, ctx: &AppContext) -> Result<Scope, AppError> {
        let (from, to) = period(self.from, self.to, 365, crate::clock::now(ctx).date_naive())?;
        Scope::resolve(
            &ctx.db,
            from,
            to,
            self.body.as_deref(),
            self.category,
            self.respondent.as_deref(),
        )
        .await
    }
}

async fn compute(ctx: &AppContext, current: &CurrentActor, q: MetricsQuery) -> Result<Metrics> {
    only(current, &[Role::Oversight, Role::Registrar])?;
    let scope = q.scope(ctx).await?;
    Ok(metrics::overview(&ctx.db, &scope, crate::clock::now(ctx)).await?)
}

/// A CSV download named `name`.
///
/// # Errors
/// When the rows cannot be written.
pub fn csv_response(name: &str, header: &[&str], rows: &[Vec<String>]) -> Result<Response> {
    let text =
        csv_view::to_csv(header, rows).map_err(|e| AppError::Internal(format!("csv: {e}")))?;
    Ok((
        [
            (header::CONTENT_TYPE, "text/csv; charset=utf-8".to_string()),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{name}.csv\""),
            ),
        ],
        text,
    )
        .into_response())
}

async fn disparities_of(
    ctx: &AppContext,
    current: &CurrentActor,
    q: MetricsQuery,
) -> Result<Disparities> {
    only(current, &[Role::Oversight, Role::Registrar])?;
    let settings = Settings::of(ctx)?;
    let scope = q.scope(ctx).await?;
    Ok(
        disparities::disparities(&ctx.db, &scope, &settings.oversight, crate::clock::now(ctx))
            .await?,
    )
}

#[utoipa::path(get, path = "/api/oversight/disparities", tag = "oversight", security(("bearer" = [])), params(MetricsQuery), responses((status = 200, body = Disparities), (status = 401, description = "not signed in", body = ErrorBody), (status = 404, description = "not oversight or the registry", body = ErrorBody), (status = 422, description = "a bad period or an unknown code", body = ErrorBody)))]
pub async fn disparities(
    Ctx(ctx): Ctx,
    current: CurrentActor,
    ValidQuery(q): ValidQuery<MetricsQuery>,
) -> Result<Response> {
    format::json(disparities_of(&ctx, &current, q).await?)
}

#[utoipa::path(get, path = "/api/oversight/disparities.csv", tag = "oversight", security(("bearer" = [])), params(MetricsQuery), responses((status = 200, description = "RFC 4180 CSV, columns dimension,group,side,measure,value", content_type = "text/csv"), (status = 401, description = "not signed in", body = ErrorBody), (status = 404, description = "not oversight or the registry", body = ErrorBody), (status = 422, description = "a bad period or an unknown code", body = ErrorBody)))]
pub async fn disparities_csv(
    Ctx(ctx): Ctx,
    current: CurrentActor,
    ValidQuery(q): ValidQuery<MetricsQuery>,
) -> Result<Response> {
    let d = disparities_of(&ctx, &current, q).await?;
    csv_response(
        "redress-disparities",
        csv_view::DISPARITY_HEADER,
        &csv_view::disparity_rows(&d),
    )
}

async fn parity_of(ctx: &AppContext, current: &CurrentActor, q: MetricsQuery) -> Result<Parity> {
    only(current, &[Role::Oversight, Role::Registrar])?;
    let scope = q.scope(ctx).await?;
    Ok(parity::parity(&ctx.db, &scope, crate::clock::now(ctx)).await?)
}

#[utoipa::path(get, path = "/api/oversight/translations", tag = "oversight", security(("bearer" = [])), params(MetricsQuery), responses((status = 200, body = Parity, description = "the language-parity ledger: translations asked for in the period, by language and by forum"), (status = 401, description = "not signed in", body = ErrorBody), (status = 404, description = "not oversight or the registry", body = ErrorBody), (status = 422, description = "a bad period or an unknown code", body = ErrorBody)))]
pub async fn translations(
    Ctx(ctx): Ctx,
    current: CurrentActor,
    ValidQuery(q): ValidQuery<MetricsQuery>,
) -> Result<Response> {
    format::json(parity_of(&ctx, &current, q).await?)
}

#[utoipa::path(get, path = "/api/oversight/translations.csv", tag = "oversight", security(("bearer" = [])), params(MetricsQuery), responses((status = 200, description = "RFC 4180 CSV, columns dimension,key,requested,provided,pending,lapsed,missed,missed_percent,median_working_days,p90_working_days,max_working_days", content_type = "text/csv"), (status = 401, description = "not signed in", body = ErrorBody), (status = 404, description = "not oversight or the registry", body = ErrorBody), (status = 422, description = "a bad period or an unknown code", body = ErrorBody)))]
pub async fn translations_csv(
    Ctx(ctx): Ctx,
    current: CurrentActor,
    ValidQuery(q): ValidQuery<MetricsQuery>,
) -> Result<Response> {
    let p = parity_of(&ctx, &current, q).await?;
    csv_response(
        "redress-translations",
        csv_view::PARITY_HEADER,
        &csv_view::parity_rows(&p),
    )
}

#[derive(serde::Serialize, utoipa::ToSchema)]
pub struct Trends {
    pub items: Vec<Month>,
}

async fn trends_of(
    ctx: &AppContext,
    current: &CurrentActor,
    q: MetricsQuery,
) -> Result<Vec<Month>> {
    only(current, &[Role::Oversight, Role::Registrar])?;
    let scope = q.scope(ctx).await?;
    Ok(metrics::trends(&ctx.db, &scope, crate::clock::now(ctx)).await?)
}

#[utoipa::path(get, path = "/api/oversight/trends", tag = "oversight", security(("bearer" = [])), params(MetricsQuery), responses((status = 200, body = Trends), (status = 401, description = "not signed in", body = ErrorBody), (status = 404, description = "not oversight or the registry", body = ErrorBody), (status = 422, description = "a bad period or an unknown code", body = ErrorBody)))]
pub async fn trends(
    Ctx(ctx): Ctx,
    current: CurrentActor,
    ValidQuery(q): ValidQuery<MetricsQuery>,
) -> Result<Response> {
    format::json(Trends {
        items: trends_of(&ctx, &current, q).await?,
    })
}

#[utoipa::path(get, path = "/api/oversight/trends.csv", tag = "oversight", security(("bearer" = [])), params(MetricsQuery), responses((status = 200, description = "RFC 4180 CSV, columns month,filed,closed,deadlines_due,deadlines_met_on_time,share_met_on_time_percent", content_type = "text/csv"), (status = 401, description = "not signed in", body = ErrorBody), (status = 404, description = "not oversight or the registry", body = ErrorBody), (status = 422, description = "a bad period or an unknown code", body = ErrorBody)))]
pub async fn trends_csv(
    Ctx(ctx): Ctx,
    current: CurrentActor,
    ValidQuery(q): ValidQuery<MetricsQuery>,
) -> Result<Response> {
    let months = trends_of(&ctx, &current, q).await?;
    csv_response(
        "redress-trends",
        csv_view::TREND_HEADER,
        &csv_view::trend_rows(&months),
    )
}

#[derive(serde::Serialize, utoipa::ToSchema)]
pub struct MediatorTable {
    pub items: Vec<MediatorFigures>,
}

async fn mediators_of(
    ctx: &AppContext,
    current: &CurrentActor,
    q: MetricsQuery,
) -> Result<Vec<MediatorFigures>> {
    only(current, &[Role::Oversight, Role::Registrar])?;
    let scope = q.scope(ctx).await?;
    Ok(metrics::mediators(&ctx.db, &scope, crate::clock::now(ctx)).await?)
}

#[utoipa::path(get, path = "/api/oversight/mediators", tag = "oversight", security(("bearer" = [])), params(MetricsQuery), responses((status = 200, body = MediatorTable), (status = 401, description = "not signed in", body = ErrorBody), (status = 404, description = "not oversight or the registry", body = ErrorBody), (status = 422, description = "a bad period or an unknown code", body = ErrorBody)))]
pub async fn mediator_figures(
    Ctx(ctx): Ctx,
    current: CurrentActor,
    ValidQuery(q): ValidQuery<MetricsQuery>,
) -> Result<Response> {
    format::json(MediatorTable {
        items: mediators_of(&ctx, &current, q).await?,
    })
}

#[utoipa::path(get, path = "/api/oversight/mediators.csv", tag = "oversight", security(("bearer" = [])), params(MetricsQuery), responses((status = 200, description = "RFC 4180 CSV, one row per mediator", content_type = "text/csv"), (status = 401, description = "not signed in", body = ErrorBody), (status = 404, description = "not oversight or the registry", body = ErrorBody), (status = 422, description = "a bad period or an unknown code", body = ErrorBody)))]
pub async fn mediator_figures_csv(
    Ctx(ctx): Ctx,
    current: CurrentActor,
    ValidQuery(q): ValidQuery<MetricsQuery>,
) -> Result<Response> {
    let list = mediators_of(&ctx, &current, q).await?;
    csv_response(
        "redress-mediators",
        csv_view::MEDIATOR_HEADER,
        &csv_view::mediator_rows(&list),
    )
}

fn svg_response(name: &str, drawn: Result<String, String>) -> Result<Response> {
    let svg = drawn.map_err(AppError::Internal)?;
    Ok((
        [
            (header::CONTENT_TYPE, "image/svg+xml".to_string()),
            (
                header::CONTENT_DISPOSITION,
                format!("inline; filename=\"{name}.svg\""),
            ),
        ],
        svg,
    )
        .into_response())
}

#[utoipa::path(get, path = "/api/oversight/charts/trends.svg", tag = "oversight", security(("bearer" = [])), params(MetricsQuery), responses((status = 200, description = "SVG line chart of filings and closures by month", content_type = "image/svg+xml"), (status = 401, description = "not signed in", body = ErrorBody), (status = 404, description = "not oversight or the registry", body = ErrorBody), (status = 422, description = "a bad period or an unknown code", body = ErrorBody)))]
pub async fn trends_chart(
    Ctx(ctx): Ctx,
    current: CurrentActor,
    ValidQuery(q): ValidQuery<MetricsQuery>,
) -> Result<Response> {
    let months = trends_of(&ctx, &current, q).await?;
    svg_response(
        "redress-trends",
        charts::trends(&months, current.actor.locale),
    )
}

#[utoipa::path(get, path = "/api/oversight/charts/outcomes.svg", tag = "oversight", security(("bearer" = [])), params(MetricsQuery), responses((status = 200, description = "SVG bar chart of closed cases by outcome", content_type = "image/svg+xml"), (status = 401, description = "not signed in", body = ErrorBody), (status = 404, description = "not oversight or the registry", body = ErrorBody), (status = 422, description = "a bad period or an unknown code", body = ErrorBody)))]
pub async fn outcomes_chart(
    Ctx(ctx): Ctx,
    current: CurrentActor,
    ValidQuery(q): ValidQuery<MetricsQuery>,
) -> Result<Response> {
    let m = compute(&ctx, &current, q).await?;
    svg_response(
        "redress-outcomes",
        charts::outcomes(&m, current.actor.locale),
    )
}

#[utoipa::path(get, path = "/api/oversight/charts/disparities.svg", tag = "oversight", security(("bearer" = [])), params(MetricsQuery), responses((status = 200, description = "SVG bar chart of dismissal rates by complainant group, flagged groups in red", content_type = "image/svg+xml"), (status = 401, description = "not signed in", body = ErrorBody), (status = 404, description = "not oversight or the registry", body = ErrorBody), (status = 422, description = "a bad period or an unknown code", body = ErrorBody)))]
pub async fn disparities_chart(
    Ctx(ctx): Ctx,
    current: CurrentActor,
    ValidQuery(q): ValidQuery<MetricsQuery>,
) -> Result<Response> {
    let d = disparities_of(&ctx, &current, q).await?;
    svg_response(
        "redress-disparities",
        charts::disparities(&d, current.actor.locale),
    )
}

/// A draw of closed cases for independent review.
#[derive(Debug, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct SampleParams {
    /// How many closed cases to draw.
    pub size: u32,
    /// Any unsigned 64-bit number; a random one is chosen (and recorded) when absent.
    pub seed: Option<u64>,
    pub from: Option<Day>,
    pub to: Option<Day>,
    pub body: Option<String>,
    pub category: Option<Category>,
    pub respondent: Option<String>,
}

#[utoipa::path(post, path = "/api/oversight/samples", tag = "oversight", security(("bearer" = [])), request_body = SampleParams, responses((status = 201, body = Draw), (status = 401, description = "not signed in", body = ErrorBody), (status = 404, description = "not oversight", body = ErrorBody), (status = 422, description = "a bad size, period or code", body = ErrorBody)))]
pub async fn draw_sample(
    Ctx(ctx): Ctx,
    current: CurrentActor,
    ValidJson(p): ValidJson<SampleParams>,
) -> Result<Response> {
    only(&current, &[Role::Oversight])?;
    let drawn = draw(&ctx, &current.actor, p).await?;
    format::render().status(StatusCode::CREATED).json(drawn)
}

/// Draws and records a review sample for `actor`, a random seed chosen when none is given.
///
/// # Errors
/// 422 for a bad size, period or code.
pub async fn draw(
    ctx: &AppContext,
    actor: &crate::models::users::Actor,
    p: SampleParams,
) -> Result<Draw, AppError> {
    let settings = Settings::of(ctx)?;
    let q = MetricsQuery {
        from: p.from,
        to: p.to,
        body: p.body,
        category: p.category,
        respondent: p.respondent,
    };
    let scope = q.scope(ctx).await?;
    let described = serde_json::json!({
        "from": scope.from, "to": scope.to, "body": q.body, "category": q.category,
        "respondent": q.respondent,
    });
    let seed = p
        .seed
        .unwrap_or_else(|| uuid::Uuid::new_v4().as_u64_pair().0);
    let ask = samples::Ask {
        scope: &scope,
        described,
        seed,
        size: p.size,
    };
    samples::draw(
        &ctx.db,
        actor,
        ask,
        settings.oversight.sample_max,
        crate::clock::now(ctx),
    )
    .await
}

#[derive(serde::Serialize, utoipa::ToSchema)]
pub struct DrawList {
    pub items: Vec<Draw>,
}

#[utoipa::path(get, path = "/api/oversight/samples", tag = "oversight", security(("bearer" = [])), responses((status = 200, body = DrawList), (status = 401, description = "not signed in", body = ErrorBody), (status = 404, description = "not oversight or the registry", body = ErrorBody)))]
pub async fn samples_drawn(Ctx(ctx): Ctx, current: CurrentActor) -> Result<Response> {
    only(&current, &[Role::Oversight, Role::Registrar])?;
    format::json(DrawList {
        items: samples::list(&ctx.db).await?,
    })
}

#[utoipa::path(get, path = "/api/oversight/metrics", tag = "oversight", security(("bearer" = [])), params(MetricsQuery), responses((status = 200, body = Metrics), (status = 401, description = "not signed in", body = ErrorBody), (status = 404, description = "not oversight or the registry", body = ErrorBody), (status = 422, description = "a bad period or an unknown code", body = ErrorBody)))]
pub async fn metrics(
    Ctx(ctx): Ctx,
    current: CurrentActor,
    ValidQuery(q): ValidQuery<MetricsQuery>,
) -> Result<Response> {
    format::json(compute(&ctx, &current, q).await?)
}

#[utoipa::path(get, path = "/api/oversight/metrics.csv", tag = "oversight", security(("bearer" = [])), params(MetricsQuery), responses((status = 200, description = "RFC 4180 CSV, columns section,key,measure,value", content_type = "text/csv"), (status = 401, description = "not signed in", body = ErrorBody), (status = 404, description = "not oversight or the registry", body = ErrorBody), (status = 422, description = "a bad period or an unknown code", body = ErrorBody)))]
pub async fn metrics_csv(
    Ctx(ctx): Ctx,
    current: CurrentActor,
    ValidQuery(q): ValidQuery<MetricsQuery>,
) -> Result<Response> {
    let m = compute(&ctx, &current, q).await?;
    let rows: Vec<Vec<String>> = csv_view::rows(&m).into_iter().map(Vec::from).collect();
    csv_response("redress-metrics", csv_view::HEADER, &rows)
}

pub fn routes() -> Routes {
    Routes::new()
        .add("/api/oversight/metrics", get(metrics))
        .add("/api/oversight/metrics.csv", get(metrics_csv))
        .add("/api/oversight/disparities", get(disparities))
        .add("/api/oversight/trends", get(trends))
        .add("/api/oversight/charts/trends.svg", get(trends_chart))
        .add("/api/oversight/charts/outcomes.svg", get(outcomes_chart))
        .add(
            "/api/oversight/charts/disparities.svg",
            get(disparities_chart),
        )
        .add("/api/oversight/trends.csv", get(trends_csv))
        .add("/api/oversight/mediators", get(mediator_figures))
        .add("/api/oversight/mediators.csv", get(mediator_figures_csv))
        .add("/api/oversight/disparities.csv", get(disparities_csv))
        .add("/api/oversight/translations", get(translations))
        .add("/api/oversight/translations.csv", get(translations_csv))
        .add(
            "/api/oversight/samples",
            get(samples_drawn).post(draw_sample),
        )
        .add("/api/oversight/admin-log", get(admin_log))
}

/// Which page of the administrative audit chain to send.
#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct LogQuery {
    /// From 1.
    page: Option<u64>,
    /// 1 to 100 (25 when absent).
    per_page: Option<u64>,
}

#[utoipa::path(get, path = "/api/oversight/admin-log", tag = "oversight", security(("bearer" = [])), params(LogQuery), responses((status = 200, body = AdminLog), (status = 401, description = "not signed in", body = ErrorBody), (status = 404, description = "not oversight or an admin", body = ErrorBody), (status = 422, description = "a bad page", body = ErrorBody)))]
pub async fn admin_log(
    Ctx(ctx): Ctx,
    current: CurrentActor,
    ValidQuery(q): ValidQuery<LogQuery>,
) -> Result<Response> {
    only(&current, &[Role::Oversight, Role::Admin])?;
    let (page, per_page) = crate::models::cases::bounds(q.page, q.per_page);
    let (items, total) = crate::models::admin_log::page(&ctx.db, page, per_page).await?;
    format::json(AdminLog {
        items: items
            .iter()
            .map(|(e, who)| AdminEventView::new(e, who.as_ref(), current.actor.zone))
            .collect(),
        total,
        page,
        per_page,
    })
}
