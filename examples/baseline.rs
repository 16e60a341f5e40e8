//! The bare baseline for the load harness: axum and sqlx, nothing else, serving one route,
//! `GET /caseload/{mediator_id}`, with the hand-written single query that gathers what
//! Redress's caseload shows by default (a mediator's 50 most pressing active cases, each with
//! its forum, complainant and soonest open deadline as the case carries it, soonest first,
//! and how many are open; Redress also counts the overdue and those due this week). No authentication, no framework,
//! no ORM: the ceiling a Redress node is measured against (`cargo bench --bench load`).
//!
//! `baseline <database-url> <port> <pool-size> <active statuses, comma-separated>`
use std::{net::SocketAddr, sync::Arc};

use axum::{
    extract::{Path, State},
    http::StatusCode,
    response::{IntoResponse, Response},
    routing::get,
    Json, Router,
};
use sea_orm::sqlx::{self, postgres::PgPoolOptions, sqlite::SqlitePoolOptions, Row as _};
use serde::Serialize;

#[derive(Serialize)]
struct Item {
    id: i64,
    reference: String,
    title: String,
    status: String,
    body: String,
    complainant: String,
    next_due: Option<String>,
}

enum Pool {
    Sqlite(sqlx::SqlitePool),
    Postgres(sqlx::PgPool),
}

struct App {
    pool: Pool,
    sql: String,
}

/// The query, with `?` or `$n` placeholders for the mediator and the statuses.
fn caseload_sql(statuses: usize, dollar: bool) -> String {
    let mark = |n: usize| {
        if dollar {
            format!("${n}")
        } else {
            "?".to_string()
        }
    };
    let list: Vec<String> = (2..statuses + 2).map(mark).collect();
    format!(
        "SELECT c.id, c.reference, c.title, c.status, b.code AS body, dl.code AS complainant, \
           CAST(c.next_due_at AS TEXT) AS next_due, COUNT(*) OVER () AS open \
         FROM cases c \
         JOIN bodies b ON b.id = c.body_id \
         JOIN delegations dl ON dl.id = c.complainant_delegation_id \
         WHERE c.mediator_id = {} AND c.status IN ({}) \
         ORDER BY c.next_due_at IS NULL, c.next_due_at, c.filed_at, c.id \
         LIMIT 50",
        mark(1),
        list.join(", ")
    )
}

async fn caseload(
    State((app, statuses)): State<(Arc<App>, Arc<Vec<String>>)>,
    Path(mediator): Path<i64>,
) -> Response {
    // The same code for either driver: bind, fetch, read each column by name.
    macro_rules! fetch {
        ($pool:expr) => {{
            let mut q = sqlx::query(sqlx::AssertSqlSafe(app.sql.as_str())).bind(mediator);
            for s in statuses.iter() {
                q = q.bind(s);
            }
            q.fetch_all($pool).await.and_then(|rows| {
                let open: i64 = rows.first().map_or(Ok(0), |r| r.try_get("open"))?;
                rows.iter()
                    .map(|r| {
                        Ok(Item {
                            id: r.try_get("id")?,
                            reference: r.try_get("reference")?,
                            title: r.try_get("title")?,
                            status: r.try_get("status")?,
                            body: r.try_get("body")?,
                            complainant: r.try_get("complainant")?,
                            next_due: r.try_get("next_due")?,
                        })
                    })
                    .collect::<Result<Vec<Item>, sqlx::Error>>()
                    .map(|items| (open, items))
            })
        }};
    }
    let rows = match &app.pool {
        Pool::Sqlite(pool) => fetch!(pool),
        Pool::Postgres(pool) => fetch!(pool),
    };
    match rows {
        Ok((open, items)) => {
            Json(serde_json::json!({ "total": open, "items": items })).into_response()
        }
        Err(e) => (StatusCode::SERVICE_UNAVAILABLE, e.to_string()).into_response(),
    }
}

#[tokio::main]
async fn main() {
    let args: Vec<String> = std::env::args().collect();
    let [_, url, port, size, statuses] = args.as_slice() else {
        eprintln!("usage: baseline <database-url> <port> <pool-size> <statuses,...>");
        std::process::exit(2);
    };
    let port: u16 = port.parse().expect("a port");
    let size: u32 = size.parse().expect("a pool size");
    let statuses: Vec<String> = statuses.split(',').map(str::to_string).collect();
    let (pool, dollar) = if url.starts_with("postgres") {
        let pool = PgPoolOptions::new()
            .max_connections(size)
            .connect(url)
            .await
            .expect("PostgreSQL");
        (Pool::Postgres(pool), true)
    } else {
        let pool = SqlitePoolOptions::new()
            .max_connections(size)
            .connect(url)
            .await
            .expect("SQLite");
        (Pool::Sqlite(pool), false)
    };
    let app = Arc::new(App {
        pool,
        sql: caseload_sql(statuses.len(), dollar),
    });
    let router = Router::new()
        .route("/caseload/{mediator}", get(caseload))
        .with_state((app, Arc::new(statuses)));
    let addr = SocketAddr::from(([127, 0, 0, 1], port));
    let listener = tokio::net::TcpListener::bind(addr).await.expect("bind");
    axum::serve(listener, router).await.expect("serve");
}
