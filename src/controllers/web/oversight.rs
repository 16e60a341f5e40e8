//! Oversight's dashboard: closure metrics, deadline compliance, disparities between groups of
//! states, trends and mediators, with the charts drawn in the page and every table as CSV;
//! and the random samples drawn for independent review.
use axum::{
    extract::{Path, Query},
    http::StatusCode,
    response::Response,
};
use chrono::Datelike;
use serde_json::{json, Value};

use super::{field_messages, parse_query, query_with, Posted, Visitor, WebError};
use crate::models::day::Day;
use crate::{
    controllers::oversight::{self as api, MetricsQuery, SampleParams},
    errors::{AppError, FieldErrors, Said},
    models::{
        bodies,
        oversight::{disparities, metrics, parity, samples},
        vocabulary::{Category, Role},
    },
    settings::Settings,
    views::{charts, metrics as csv_view, people},
};

/// An SVG chart made fit to sit in the page: named for assistive technology.
fn inline_chart(drawn: Result<String, String>, label: &str) -> Result<String, WebError> {
    let svg = drawn.map_err(AppError::Internal)?;
    let label = label
        .replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('<', "&lt;");
    Ok(svg.replacen(
        "<svg ",
        &format!("<svg role=\"img\" aria-label=\"{label}\" focusable=\"false\" "),
        1,
    ))
}

/// The dashboard's tabs: each reads only the summaries' parts it shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Tab {
    Overview,
    Disparities,
    Translations,
    Trends,
}

async fn tab(v: &Visitor, raw: &[(String, String)], tab: Tab) -> Result<Response, WebError> {
    v.with_role(&[Role::Oversight, Role::Registrar])?;
    let mut q: MetricsQuery = parse_query(raw)?;
    if q.from.is_none() {
        // By default the twelve months before this one, whole, and this month so far: whole
        // months are read from month summaries.
        let today = q.to.map_or_else(|| v.now.date_naive(), Day::date);
        q.from = today
            .with_day(1)
            .and_then(|d| d.checked_sub_months(chrono::Months::new(12)))
            .and_then(Day::new);
    }
    let settings = Settings::of(&v.ctx)?;
    let scope = q.scope(&v.ctx).await?;
    let (template, title, figures) = match tab {
        Tab::Overview => {
            let m = metrics::overview(&v.ctx.db, &scope, v.now).await?;
            let mediators = metrics::mediators(&v.ctx.db, &scope, v.now).await?;
            let chart = inline_chart(charts::outcomes(&m, v.locale), &v.t("chart-outcomes"))?;
            // The table beside the chart shows the rows the chart draws, no more, no fewer.
            let outcomes: Vec<Value> = charts::outcome_rows(&m, v.locale)
                .into_iter()
                .map(|(label, n)| json!({ "label": label, "n": n }))
                .collect();
            (
                "oversight/dashboard.html",
                "dashboard-title",
                json!({ "m": m, "mediators": mediators, "chart": chart, "outcomes": outcomes }),
            )
        }
        Tab::Disparities => {
            let d = disparities::disparities(&v.ctx.db, &scope, &settings.oversight, v.now).await?;
            let chart = inline_chart(charts::disparities(&d, v.locale), &v.t("chart-disparities"))?;
            (
                "oversight/disparities.html",
                "d-title",
                json!({ "d": d, "chart": chart }),
            )
        }
        Tab::Translations => (
            "oversight/translations.html",
            "tr-title",
            json!({ "p": parity::parity(&v.ctx.db, &scope, v.now).await? }),
        ),
        Tab::Trends => {
            let months = metrics::trends(&v.ctx.db, &scope, v.now).await?;
            let chart = inline_chart(charts::trends(&months, v.locale), &v.t("chart-trends"))?;
            (
                "oversight/trends.html",
                "trends-title",
                json!({ "months": months, "chart": chart }),
            )
        }
    };
    let bodies: Vec<Value> = bodies::list(&v.ctx.db)
        .await?
        .iter()
        .map(|b| json!({ "code": b.code, "name": people::name_in(&b.name, &b.translations(), v.locale) }))
        .collect();
    let period = json!({
        "from": scope.from.date_naive().to_string(),
        "to": (scope.to - chrono::Duration::days(1)).date_naive().to_string(),
    });
    // The same filters on every tab and export.
    let qs = query_with(
        raw,
        &[
            ("from", period["from"].as_str().unwrap_or_default()),
            ("to", period["to"].as_str().unwrap_or_default()),
        ],
    );
    let tabs: Vec<Value> = [
        (Tab::Overview, "/oversight", "tab-overview"),
        (Tab::Disparities, "/oversight/disparities", "d-title"),
        (Tab::Translations, "/oversight/translations", "tr-title"),
        (Tab::Trends, "/oversight/trends", "trends-title"),
    ]
    .iter()
    .map(|(t, path, key)| json!({ "href": format!("{path}?{qs}"), "key": key, "current": *t == tab }))
    .collect();
    v.page(
        StatusCode::OK,
        template,
        title,
        json!({
            "figures": figures,
            "tabs": tabs,
            "action": tabs.iter().find(|t| t["current"] == true).and_then(|t| t["href"].as_str()).and_then(|h| h.split('?').next()).unwrap_or("/oversight"),
            "period": period,
            "filter": { "body": q.body, "category": q.category, "respondent": q.respondent },
            "bodies": bodies,
            "categories": Category::names(),
            "exports": {
                "metrics": format!("/oversight/export/metrics.csv?{qs}"),
                "disparities": format!("/oversight/export/disparities.csv?{qs}"),
                "translations": format!("/oversight/export/translations.csv?{qs}"),
                "trends": format!("/oversight/export/trends.csv?{qs}"),
                "mediators": format!("/oversight/export/mediators.csv?{qs}"),
            },
        }),
    )
}

/// `GET /oversight`: closure metrics, deadline compliance, outcomes and mediators.
pub async fn dashboard(
    v: Visitor,
    Query(raw): Query<Vec<(String, String)>>,
) -> Result<Response, WebError> {
    tab(&v, &raw, Tab::Overview).await
}

/// `GET /oversight/disparities`: each group of states and each language beside the rest.
pub async fn disparities_tab(
    v: Visitor,
    Query(raw): Query<Vec<(String, String)>>,
) -> Result<Response, WebError> {
    tab(&v, &raw, Tab::Disparities).await
}

/// `GET /oversight/translations`: the language-parity ledger, by language and by forum.
pub async fn translations_tab(
    v: Visitor,
    Query(raw): Query<Vec<(String, String)>>,
) -> Result<Response, WebError> {
    tab(&v, &raw, Tab::Translations).await
}

/// `GET /oversight/trends`: filings, closures and compliance by month.
pub async fn trends_tab(
    v: Visitor,
    Query(raw): Query<Vec<(String, String)>>,
) -> Result<Response, WebError> {
    tab(&v, &raw, Tab::Trends).await
}

/// `GET /oversight/export/{name}.csv`: the dashboard's tables for spreadsheets, with the
/// same filters.
pub async fn export(
    v: Visitor,
    Path(name): Path<String>,
    Query(raw): Query<Vec<(String, String)>>,
) -> Result<Response, WebError> {
    v.with_role(&[Role::Oversight, Role::Registrar])?;
    let q: MetricsQuery = parse_query(&raw)?;
    let settings = Settings::of(&v.ctx)?;
    let scope = q.scope(&v.ctx).await?;
    let res = match name.as_str() {
        "metrics.csv" => {
            let m = metrics::overview(&v.ctx.db, &scope, v.now).await?;
            let rows: Vec<Vec<String>> = csv_view::rows(&m).into_iter().map(Vec::from).collect();
            api::csv_response("redress-metrics", csv_view::HEADER, &rows)
        }
        "disparities.csv" => {
            let d = disparities::disparities(&v.ctx.db, &scope, &settings.oversight, v.now).await?;
            api::csv_response(
                "redress-disparities",
                csv_view::DISPARITY_HEADER,
                &csv_view::disparity_rows(&d),
            )
        }
        "translations.csv" => {
            let p = parity::parity(&v.ctx.db, &scope, v.now).await?;
            api::csv_response(
                "redress-translations",
                csv_view::PARITY_HEADER,
                &csv_view::parity_rows(&p),
            )
        }
        "trends.csv" => {
            let months = metrics::trends(&v.ctx.db, &scope, v.now).await?;
            api::csv_response(
                "redress-trends",
                csv_view::TREND_HEADER,
                &csv_view::trend_rows(&months),
            )
        }
        "mediators.csv" => {
            let list = metrics::mediators(&v.ctx.db, &scope, v.now).await?;
            api::csv_response(
                "redress-mediators",
                csv_view::MEDIATOR_HEADER,
                &csv_view::mediator_rows(&list),
            )
        }
        _ => return Err(AppError::NotFound.into()),
    };
    Ok(res?)
}

async fn samples_page(
    v: &Visitor,
    status: StatusCode,
    values: serde_json::Map<String, Value>,
    errors: &FieldErrors,
) -> Result<Response, WebError> {
    let me = v.with_role(&[Role::Oversight, Role::Registrar])?;
    let draws = samples::list(&v.ctx.db).await?;
    let draws: Vec<Value> = draws
        .iter()
        .map(|d| {
            let mut row = serde_json::to_value(d).unwrap_or(Value::Null);
            if let Some(obj) = row.as_object_mut() {
                obj.insert(
                    "drawn".into(),
                    serde_json::to_value(crate::views::Instant::new(d.drawn_at, me.actor.zone))
                        .unwrap_or(Value::Null),
                );
            }
            row
        })
        .collect();
    let settings = Settings::of(&v.ctx)?;
    v.page(
        status,
        "oversight/samples.html",
        "samples-title",
        json!({
            "draws": draws,
            "values": values,
            "errors": field_messages(v.locale, errors),
            "can_draw": me.actor.role == Role::Oversight,
            "max": settings.oversight.sample_max,
            "categories": Category::names(),
        }),
    )
}

/// `GET /oversight/samples`
pub async fn samples_index(v: Visitor) -> Result<Response, WebError> {
    samples_page(
        &v,
        StatusCode::OK,
        serde_json::Map::new(),
        &FieldErrors::new(),
    )
    .await
}

/// `POST /oversight/samples`: draws a sample; the seed is recorded so anyone can redo it.
pub async fn draw(Posted { v, form }: Posted) -> Result<Response, WebError> {
    let me = v.with_role(&[Role::Oversight])?.clone();
    if let Some(done) = v.replay(&form).await? {
        return Ok(done);
    }
    let mut errors = FieldErrors::new();
    let size = match form.text("size").trim().parse::<u32>() {
        Ok(n) if n >= 1 => n,
        _ => {
            errors.add("size", "invalid_type", "must be a whole number");
            0
        }
    };
    let seed = match form.optional("seed") {
        None => None,
        Some(s) => s.trim().parse::<u64>().map(Some).unwrap_or_else(|_| {
            errors.add("seed", "invalid_type", "must be a whole number");
            None
        }),
    };
    let date = |name: &str, errors: &mut FieldErrors| match form.optional(name) {
        None => None,
        Some(s) => Day::parse(&s).map(Some).unwrap_or_else(|_| {
            errors.add_said(name, "invalid", Said::new("field-bad-date"));
            None
        }),
    };
    let from = date("from", &mut errors);
    let to = date("to", &mut errors);
    let category = match form.optional("category") {
        None => None,
        Some(c) => c.parse::<Category>().map(Some).unwrap_or_else(|_| {
            errors.add("category", "invalid_choice", "unknown category");
            None
        }),
    };
    let outcome = async {
        errors.into_result()?;
        api::draw(
            &v.ctx,
            &me.actor,
            SampleParams {
                size,
                seed,
                from,
                to,
                body: form.optional("body"),
                category,
                respondent: form.optional("respondent"),
            },
        )
        .await
        .map(|_| ())
    }
    .await;
    let (page, sent) = (&v, &form);
    v.answer(
        &form,
        outcome,
        "/oversight/samples",
        "flash-sample-drawn",
        move |status, errors| async move { samples_page(page, status, sent.echo(), &errors).await },
    )
    .await
}
