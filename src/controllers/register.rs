//! The public register: no sign-in, nothing identity-protected.
use super::extract::Ctx;
use axum::{extract::RawQuery, http::header, response::IntoResponse, routing::get};
use futures::TryStreamExt;
use loco_rs::prelude::{format, AppContext, Response, Result, Routes};

use super::extract::ValidQuery;
use crate::{
    errors::ErrorBody,
    models::oversight::register::{self, Entry, Filter},
    views::{
        metrics::{csv_lines, to_csv},
        Page,
    },
};

#[utoipa::path(get, path = "/api/register", tag = "register", params(Filter), responses((status = 200, body = Page<Entry>), (status = 422, description = "a bad filter", body = ErrorBody)))]
pub async fn list(Ctx(ctx): Ctx, ValidQuery(f): ValidQuery<Filter>) -> Result<Response> {
    let (items, total) = register::page(&ctx.db, &f, crate::clock::now(&ctx)).await?;
    let (page, per_page) = f.bounds();
    format::json(Page {
        items,
        page,
        per_page,
        total,
    })
}

/// Columns of the register export, in order.
pub const HEADER: &[&str] = &[
    "reference",
    "month_filed",
    "body",
    "category",
    "stage",
    "closure",
    "outcome",
    "days_open",
    "complainant",
];

fn row(e: &Entry) -> Vec<String> {
    vec![
        e.reference.clone(),
        e.month_filed.clone(),
        e.body.clone(),
        e.category.clone(),
        e.stage.to_string(),
        e.closure.map(|c| c.to_string()).unwrap_or_default(),
        e.outcome.clone().unwrap_or_default(),
        e.days_open.to_string(),
        e.complainant.clone().unwrap_or_default(),
    ]
}

/// Lines read per round of the export.
const CHUNK: u64 = 1000;

/// Exports of the register already written, per filter and per state of the register
/// ([`register::fingerprint`]) and day: anonymous clients asking again get the same bytes
/// without the register being read again, and one export is written at a time, so a few
/// clients cannot load the server. A change anywhere shows at once, on every node, since the
/// fingerprint is read from the database on each request.
#[derive(Default)]
pub struct Snapshots {
    kept: tokio::sync::Mutex<std::collections::VecDeque<(String, axum::body::Bytes)>>,
}

/// Exports kept per node: the filters people use are few.
const SNAPSHOTS_KEPT: usize = 8;

impl Snapshots {
    fn of(ctx: &AppContext) -> std::sync::Arc<Self> {
        ctx.shared_store
            .get::<std::sync::Arc<Self>>()
            .unwrap_or_default()
    }
}

#[utoipa::path(get, path = "/api/register.csv", tag = "register", params(Filter), responses((status = 200, description = "RFC 4180 CSV with the columns reference, month_filed, body, category, stage, closure, outcome, days_open, complainant", content_type = "text/csv"), (status = 422, description = "a bad filter", body = ErrorBody)))]
pub async fn export(
    Ctx(ctx): Ctx,
    RawQuery(raw): RawQuery,
    ValidQuery(f): ValidQuery<Filter>,
) -> Result<Response> {
    let at = crate::clock::now(&ctx);
    let (cases, versions) = register::fingerprint(&ctx.db).await?;
    // The filters that shape the export, in one order (paging does not): a client cannot
    // evict the kept exports by asking the same one under other names.
    let mut filters: Vec<(String, String)> =
        form_urlencoded::parse(raw.unwrap_or_default().as_bytes())
            .filter(|(k, v)| k != "page" && k != "per_page" && !v.is_empty())
            .map(|(k, v)| (k.into_owned(), v.into_owned()))
            .collect();
    filters.sort();
    let key = format!("{cases}:{versions}:{}:{filters:?}", at.date_naive());
    let snapshots = Snapshots::of(&ctx);
    let mut kept = snapshots.kept.lock().await;
    let bytes = if let Some((_, bytes)) = kept.iter().find(|(k, _)| *k == key) {
        bytes.clone()
    } else {
        let bytes = written(&ctx, f, at).await?;
        if kept.len() >= SNAPSHOTS_KEPT {
            kept.pop_front();
        }
        kept.push_back((key, bytes.clone()));
        bytes
    };
    drop(kept);
    Ok((
        [
            (header::CONTENT_TYPE, "text/csv; charset=utf-8"),
            (
                header::CONTENT_DISPOSITION,
                "attachment; filename=\"redress-register.csv\"",
            ),
            // Kept by the server; a client asks again and gets a change at once.
            (header::CACHE_CONTROL, "public, no-cache"),
        ],
        bytes,
    )
        .into_response())
}

/// The whole export under `f`, read in chunks.
async fn written(
    ctx: &AppContext,
    f: Filter,
    at: chrono::DateTime<chrono::Utc>,
) -> Result<axum::body::Bytes> {
    let db = ctx.db.clone();
    // Read in chunks, so the rows of the whole register are never loaded at once.
    let header = to_csv::<Vec<String>>(HEADER, &[]).unwrap_or_default();
    let stream = futures::stream::unfold(Some((0_i64, true)), move |state| {
        let (db, f, header) = (db.clone(), f.clone(), header.clone());
        async move {
            let (after, first) = state?;
            match register::chunk(&db, &f, after, CHUNK, at).await {
                Ok((entries, last)) => {
                    let rows: Vec<Vec<String>> = entries.iter().map(row).collect();
                    let Ok(lines) = csv_lines(&rows) else {
                        return Some((Err(std::io::Error::other("csv")), None));
                    };
                    let mut bytes = if first {
                        header.into_bytes()
                    } else {
                        Vec::new()
                    };
                    bytes.extend(lines);
                    let next = last
                        .filter(|_| rows.len() as u64 == CHUNK)
                        .map(|l| (l, false));
                    if bytes.is_empty() {
                        None
                    } else {
                        Some((Ok::<_, std::io::Error>(bytes), next))
                    }
                }
                Err(e) => {
                    tracing::error!(error = %e, "register export failed");
                    Some((Err(std::io::Error::other(e.to_string())), None))
                }
            }
        }
    });
    let chunks: Vec<Vec<u8>> = stream
        .try_collect()
        .await
        .map_err(|e| loco_rs::Error::Message(e.to_string()))?;
    Ok(chunks.concat().into())
}

/// One day's digest as the register publishes it.
#[derive(serde::Serialize, utoipa::ToSchema)]
pub struct DigestView {
    /// The day (UTC) whose audit events the root covers.
    pub day: String,
    /// The Merkle root (RFC 9162) over the hashes of the day's events, hex.
    pub root: String,
    /// How many events the day wrote.
    pub leaves: i64,
    pub published_at: String,
}

#[utoipa::path(get, path = "/api/register/digests", tag = "register", responses((status = 200, body = Vec<DigestView>)))]
pub async fn digests(Ctx(ctx): Ctx) -> Result<Response> {
    let days = crate::models::digests::published(&ctx.db, 366).await?;
    format::json(
        days.into_iter()
            .map(|d| DigestView {
                day: d.day.to_string(),
                root: d.root,
                leaves: d.leaves,
                published_at: d
                    .published_at
                    .to_utc()
                    .to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
            })
            .collect::<Vec<_>>(),
    )
}

#[utoipa::path(get, path = "/api/register/digests/{day}/events/{hash}", tag = "register", params(("day" = String, Path, description = "The day, YYYY-MM-DD (UTC)"), ("hash" = String, Path, description = "An event's hash, from a receipt")), responses((status = 200, body = crate::models::digests::Inclusion), (status = 404, description = "no published digest of that day holds that event", body = ErrorBody)))]
pub async fn inclusion(
    Ctx(ctx): Ctx,
    axum::extract::Path((day, hash)): axum::extract::Path<(String, String)>,
) -> Result<Response> {
    let day = chrono::NaiveDate::parse_from_str(&day, "%Y-%m-%d")
        .map_err(|_| crate::errors::AppError::NotFound)?;
    match crate::models::digests::inclusion(&ctx.db, day, &hash).await? {
        Some(i) => format::json(i),
        None => Err(crate::errors::AppError::NotFound.into()),
    }
}

pub fn routes() -> Routes {
    Routes::new()
        .add("/api/register", get(list))
        .add("/api/register.csv", get(export))
        .add("/api/register/digests", get(digests))
        .add("/api/register/digests/{day}/events/{hash}", get(inclusion))
}
