//! The public register: every registered case, with no sign-in and nothing a protected
//! complainant asked to withhold; searchable, and downloadable as CSV; with the latest daily
//! digests of the audit chains, against which a party checks its receipts.
use axum::{extract::Query, http::StatusCode, response::Response};
use serde_json::{json, Map, Value};

use super::{parse_query, query_with, Visitor, WebError};
use crate::{
    models::{
        bodies, delegations, digests,
        oversight::register::{self, Filter, Stage},
        vocabulary::Category,
    },
    views::people,
};

/// The latest daily digests the page shows; the API gives older ones.
const DIGESTS_SHOWN: u64 = 14;

/// `GET /register`
pub async fn register(
    v: Visitor,
    Query(raw): Query<Vec<(String, String)>>,
) -> Result<Response, WebError> {
    let filter: Filter = parse_query(&raw)?;
    let (items, total) = register::page(&v.ctx.db, &filter, v.now).await?;
    let digests = digests::published(&v.ctx.db, DIGESTS_SHOWN).await?;
    let (page, per_page) = filter.bounds();
    let pages = total.div_ceil(per_page).max(1);
    // Forums and complainants are listed by code; each code is named in the reader's
    // language beside it.
    let bodies: Vec<Value> = bodies::list(&v.ctx.db)
        .await?
        .iter()
        .map(|b| {
            let name = people::name_in(&b.name, &b.translations(), v.locale);
            json!({ "code": b.code, "name": name })
        })
        .collect();
    let codes: Vec<&str> = items
        .iter()
        .filter_map(|e| e.complainant.as_deref())
        .collect();
    let named: Map<String, Value> = delegations::Model::find_by_codes(&v.ctx.db, &codes)
        .await?
        .into_iter()
        .map(|(code, d)| {
            let names = delegations::translations(&d.code);
            let name = people::name_in(&d.name, &names, v.locale);
            (code, Value::String(name))
        })
        .collect();
    let this_year = v
        .now
        .format("%Y")
        .to_string()
        .parse::<i32>()
        .unwrap_or(2026);
    v.page(
        StatusCode::OK,
        "public/register.html",
        "register-title",
        json!({
            "items": items,
            "total": total,
            "page": page,
            "pages": pages,
            "prev": (page > 1).then(|| format!("/register?{}", query_with(&raw, &[("page", page - 1)]))),
            "next": (page < pages).then(|| format!("/register?{}", query_with(&raw, &[("page", page + 1)]))),
            "csv": format!("/api/register.csv?{}", query_with(&raw, &[("page", "")])),
            "filter": {
                "reference": filter.reference,
                "complainant": filter.complainant,
                "year": filter.year,
                "stage": filter.stage,
                "body": filter.body,
                "category": filter.category,
            },
            "years": (2020..=this_year).rev().collect::<Vec<_>>(),
            "stages": Stage::names(),
            "categories": Category::names(),
            "bodies": bodies,
            "complainants": named,
            "digests": digests,
        }),
    )
}
