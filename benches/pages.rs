//! Benchmark of the pages (issue's figure: "each page renders in ≤ 50 ms server time with
//! 100k cases in the database").
//!
//! `cargo bench --bench pages` (SQLite, the test database), or with
//! `DATABASE_URL=postgres://…/redress_bench` for PostgreSQL. It empties the database,
//! synthesizes `BENCH_CASES` cases with `data:synthesize`'s generator, opens a browser
//! session for the busiest person of each role, then requests every page through the app's
//! router in-process — session lookup, model calls, template rendering and middleware, no
//! network — one warm-up, then `BENCH_RUNS` runs each. Prints median, 95th percentile and
//! size per page and PASS or FAIL against `BENCH_TARGET_MS` for each page's 95th percentile;
//! exits non-zero on FAIL.
//!
//! Environment: `BENCH_CASES` (default 100000), `BENCH_YEARS` (default 3), `BENCH_SEED`
//! (default 1), `BENCH_RUNS` (default 20), `BENCH_TARGET_MS` (default 50), `BENCH_KEEP`
//! (set: leave the data), `BENCH_REUSE` (set: measure the cases an earlier `BENCH_KEEP` run
//! left, if there are at least `BENCH_CASES`).
mod support;
use std::time::Instant;
use support::{busiest, env_number, someone, Stats};

use axum::{body::Body, http::Request};
use loco_rs::app::Hooks;
use redress::{
    app::App,
    models::{_entities::cases, vocabulary::Role, web_sessions},
};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder};
use tower::ServiceExt;

#[tokio::main]
async fn main() {
    let n = env_number("BENCH_CASES", 100_000);
    let years = u32::try_from(env_number("BENCH_YEARS", 3).clamp(1, 50)).unwrap_or(3);
    let seed = env_number("BENCH_SEED", 1);
    let runs = usize::try_from(env_number("BENCH_RUNS", 20).max(1)).unwrap_or(20);
    #[allow(clippy::cast_precision_loss)]
    let target_ms = env_number("BENCH_TARGET_MS", 50) as f64;
    let (ctx, settings, backend, now, router) = support::boot_with_router().await;
    println!("backend {backend}; cases {n} over {years} years; seed {seed}; runs {runs}");
    support::seed_or_reuse(&ctx, &settings, n, seed, years, now).await;

    let delegate = busiest(
        &ctx.db,
        cases::Column::ComplainantDelegationId,
        Role::Delegate,
    )
    .await
    .expect("a delegate with cases");
    let respondent = busiest(&ctx.db, cases::Column::RespondentBodyId, Role::Respondent)
        .await
        .expect("a respondent with cases");
    let mediator = busiest(&ctx.db, cases::Column::MediatorId, Role::Mediator)
        .await
        .expect("a mediator with cases");
    let registrar = someone(
        &ctx,
        &settings,
        Role::Registrar,
        "registrar@bench.example",
        now,
    )
    .await;
    let oversight = someone(
        &ctx,
        &settings,
        Role::Oversight,
        "oversight@bench.example",
        now,
    )
    .await;
    let admin = someone(&ctx, &settings, Role::Admin, "admin@bench.example", now).await;
    let case_of = |column: cases::Column, id: i64| {
        let db = ctx.db.clone();
        async move {
            cases::Entity::find()
                .filter(column.eq(id))
                .order_by_desc(cases::Column::FiledAt)
                .one(&db)
                .await
                .expect("query")
                .map(|c| c.pid.to_string())
                .expect("a case")
        }
    };
    let delegate_case = case_of(
        cases::Column::ComplainantDelegationId,
        delegate.delegation_id.unwrap_or_default(),
    )
    .await;
    let mediator_case = case_of(cases::Column::MediatorId, mediator.id).await;
    let reference = cases::Entity::find()
        .order_by_asc(cases::Column::Id)
        .one(&ctx.db)
        .await
        .expect("query")
        .map(|c| c.reference)
        .unwrap_or_default();

    let wall = chrono::Utc::now();
    let mut plan: Vec<(String, Option<String>, String)> = Vec::new();
    let mut visit = |who: &Option<(&str, String)>, paths: &[String]| {
        for p in paths {
            plan.push((
                who.as_ref()
                    .map_or_else(|| "public".into(), |w| w.0.to_string()),
                who.as_ref().map(|w| w.1.clone()),
                p.clone(),
            ));
        }
    };
    for (label, user, paths) in [
        (
            "delegate",
            &delegate,
            vec![
                "/cases".to_string(),
                "/cases/new".into(),
                format!("/cases/{delegate_case}"),
            ],
        ),
        ("respondent", &respondent, vec!["/cases".to_string()]),
        (
            "mediator",
            &mediator,
            vec!["/cases".to_string(), format!("/cases/{mediator_case}")],
        ),
        (
            "registrar",
            &registrar,
            vec![
                "/desk".to_string(),
                "/cases".into(),
                "/cases?status=closed&page=40".into(),
                "/cases?overdue=true".into(),
                "/desk/notices".into(),
                format!("/cases/{delegate_case}"),
            ],
        ),
        (
            "oversight",
            &oversight,
            vec![
                "/oversight".to_string(),
                "/oversight/disparities".into(),
                "/oversight/trends".into(),
                "/oversight/samples".into(),
                "/oversight/export/metrics.csv".into(),
            ],
        ),
        (
            "admin",
            &admin,
            vec![
                "/admin/users?role=admin".to_string(),
                "/admin/delegations".into(),
                "/admin/bodies".into(),
                "/admin/mediators".into(),
                "/admin/holidays".into(),
                "/admin/policies".into(),
            ],
        ),
    ] {
        let token = web_sessions::start(&ctx.db, user, wall)
            .await
            .expect("session");
        visit(&Some((label, token)), &paths);
    }
    visit(
        &None,
        &[
            "/sign-in".to_string(),
            "/register".into(),
            "/register?page=200".into(),
            format!("/register?reference={reference}"),
            format!(
                "/register?reference={}",
                &reference[..reference.len().min(7)]
            ),
        ],
    );

    let mut ok = true;
    println!(
        "{:<11} {:<40} {:>10} {:>10} {:>9}",
        "who", "page", "median ms", "p95 ms", "bytes"
    );
    for (who, token, path) in plan {
        let request = || {
            let mut r = Request::builder().uri(&path);
            if let Some(t) = &token {
                r = r.header("cookie", format!("redress_session={t}"));
            }
            r.body(Body::empty()).expect("request")
        };
        let mut bytes = 0;
        let mut times = Vec::with_capacity(runs);
        for i in 0..=runs {
            let t = Instant::now();
            let res = router.clone().oneshot(request()).await.expect("answer");
            let status = res.status();
            let body = axum::body::to_bytes(res.into_body(), usize::MAX)
                .await
                .expect("body");
            let took = t.elapsed();
            assert!(status.is_success(), "{who} {path}: {status}");
            bytes = body.len();
            if i > 0 {
                times.push(took);
            }
        }
        let s = Stats::of(&mut times);
        let pass = s.p95 <= target_ms;
        ok &= pass;
        println!(
            "{who:<11} {path:<40} {:>10.1} {:>10.1} {bytes:>9} {}",
            s.median,
            s.p95,
            if pass { "" } else { "FAIL" }
        );
    }
    if ok {
        println!("PASS: every page's 95th percentile <= {target_ms} ms");
    } else {
        println!("FAIL: a page's 95th percentile exceeds {target_ms} ms (marked above)");
    }
    if std::env::var("BENCH_KEEP").is_err() {
        App::truncate(&ctx).await.expect("empty the database");
    }
    if !ok {
        std::process::exit(1);
    }
}
