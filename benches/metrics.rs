//! Benchmark of oversight's figures (issue's figure: "with 1M cases the full metrics
//! response returns in ≤ 1 s on SQLite and on PostgreSQL").
//!
//! `cargo bench --bench metrics` (SQLite, the test database), or with
//! `DATABASE_URL=postgres://…/redress_bench` for PostgreSQL. It empties the database,
//! synthesizes `BENCH_CASES` cases over `BENCH_YEARS` years with `data:synthesize`'s
//! generator, then times each call behind the oversight dashboard — `metrics::overview`,
//! `disparities::disparities`, `metrics::trends`, `metrics::mediators` — over the whole
//! period and narrowed to the largest body: one warm-up, then `BENCH_RUNS` runs each, median
//! and max. The full metrics response is the four calls together. Prints PASS or FAIL
//! against `BENCH_TARGET_MS` for the overview alone and for the four together, and exits
//! non-zero on FAIL.
//!
//! Environment: `BENCH_CASES` (default 1000000), `BENCH_YEARS` (default 3), `BENCH_SEED`
//! (default 1), `BENCH_RUNS` (default 3), `BENCH_TARGET_MS` (default 1000), `BENCH_KEEP`
//! (set: leave the data in place at the end), `BENCH_REUSE` (set: measure the cases an
//! earlier `BENCH_KEEP` run left, if there are at least `BENCH_CASES`, instead of emptying
//! the database and synthesizing them again).
mod support;
use std::{future::Future, time::Instant};
use support::{env_number, Stats};

use chrono::{DateTime, Duration, Utc};
use loco_rs::app::Hooks;
use redress::{
    app::App,
    models::{
        _entities::{bodies, cases},
        oversight::{
            disparities,
            metrics::{self, Scope},
        },
        vocabulary::Category,
    },
    settings::Settings,
    tasks::synthetic,
};
use sea_orm::{
    ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, PaginatorTrait, QueryFilter,
    QueryOrder,
};

/// One warm-up, then `runs` timed calls; the last result is kept for the figures.
async fn time<T, F, Fut>(runs: usize, mut call: F) -> (Stats, T)
where
    F: FnMut() -> Fut,
    Fut: Future<Output = T>,
{
    let mut last = call().await;
    let mut times = Vec::with_capacity(runs);
    for _ in 0..runs {
        let t = Instant::now();
        last = call().await;
        times.push(t.elapsed());
    }
    (Stats::of(&mut times), last)
}

/// Times the four calls over `scope`; prints a line each and the verdicts. Returns whether
/// both verdicts pass.
async fn measure(
    db: &DatabaseConnection,
    settings: &Settings,
    label: &str,
    scope: &Scope,
    now: DateTime<Utc>,
    runs: usize,
    target_ms: f64,
) -> bool {
    println!("-- {label}");
    let (overview, m) = time(runs, || metrics::overview(db, scope, now)).await;
    let m = m.expect("overview");
    let (disparity, d) = time(runs, || {
        disparities::disparities(db, scope, &settings.oversight, now)
    })
    .await;
    let d = d.expect("disparities");
    let (trend, t) = time(runs, || metrics::trends(db, scope, now)).await;
    let t = t.expect("trends");
    let (mediator, f) = time(runs, || metrics::mediators(db, scope, now)).await;
    let f = f.expect("mediators");
    for (name, s) in [
        ("metrics::overview", &overview),
        ("disparities::disparities", &disparity),
        ("metrics::trends", &trend),
        ("metrics::mediators", &mediator),
    ] {
        println!(
            "   {name:<26} median {:>8.1} ms   max {:>8.1} ms",
            s.median, s.max
        );
    }
    let total = overview.median + disparity.median + trend.median + mediator.median;
    let total_max = overview.max + disparity.max + trend.max + mediator.max;
    println!(
        "   {:<26} median {total:>8.1} ms   max {total_max:>8.1} ms",
        "full metrics response"
    );
    let share = |c: Option<f64>| c.map_or_else(|| "-".into(), |v| format!("{v}%"));
    let flagged: usize = d
        .by_complainant_group
        .iter()
        .chain(&d.by_language)
        .filter(|c| !c.flags.is_empty())
        .count();
    println!(
        "   figures: filed {}, registered {}, dismissed {}, closed {}, open {}, overdue cases \
         {}, holds {}, extensions {}, appealed {}; acknowledge median {:?} p90 {:?}, \
         eligibility median {:?}, closure median {:?} p90 {:?} working days; registrar clocks \
         met on time {}, respondent {}, mediator {}; {} months, {} mediators, {} groups \
         flagged",
        m.filed,
        m.registered,
        m.dismissed,
        m.closed,
        m.open_by_status.values().sum::<u64>(),
        m.overdue_cases,
        m.holds,
        m.extensions.requested,
        m.appealed,
        m.time_to_acknowledge.median,
        m.time_to_acknowledge.p90,
        m.time_to_eligibility.median,
        m.time_to_closure.median,
        m.time_to_closure.p90,
        share(
            m.deadlines_by_party
                .get("registrar")
                .and_then(|c| c.share_met_on_time)
        ),
        share(
            m.deadlines_by_party
                .get("respondent")
                .and_then(|c| c.share_met_on_time)
        ),
        share(
            m.deadlines_by_party
                .get("mediator")
                .and_then(|c| c.share_met_on_time)
        ),
        t.len(),
        f.len(),
        flagged,
    );
    let mut ok = true;
    for (what, value) in [
        ("overview", overview.median),
        ("full metrics response", total),
    ] {
        let verdict = if value <= target_ms {
            "PASS"
        } else {
            ok = false;
            "FAIL"
        };
        println!(
            "{verdict}: {what} ({label}) median {value:.1} ms {} {target_ms} ms",
            if value <= target_ms { "<=" } else { ">" }
        );
    }
    ok
}

#[tokio::main]
async fn main() {
    let n = env_number("BENCH_CASES", 1_000_000);
    let years = u32::try_from(env_number("BENCH_YEARS", 3).clamp(1, 50)).unwrap_or(3);
    let seed = env_number("BENCH_SEED", 1);
    let runs = usize::try_from(env_number("BENCH_RUNS", 3).max(1)).unwrap_or(3);
    let target_ms = env_number("BENCH_TARGET_MS", 1000) as f64;
    let (ctx, settings, backend, now) = support::boot().await;
    println!("backend {backend}; cases {n} over {years} years; seed {seed}; runs {runs}");
    let held = cases::Entity::find().count(&ctx.db).await.expect("count");
    if std::env::var("BENCH_REUSE").is_ok() && held >= n {
        // Seeded by an earlier run with BENCH_KEEP: its summaries are brought up to date
        // by the first call, outside the timed runs.
        println!("reusing the {held} cases already there");
    } else {
        App::truncate(&ctx).await.expect("empty the database");
        let summary = synthetic::synthesize(&ctx.db, &settings, n, seed, years, now, true)
            .await
            .expect("synthesize");
        println!(
            "seeded in {:.1} s ({:.0} cases/s), of which oversight's summaries {:.1} s",
            summary.seconds,
            n as f64 / summary.seconds.max(1e-9),
            summary.summarizing_seconds,
        );
        println!("{summary}");
    }

    // The whole period, then the body with the most cases.
    if ctx.db.get_database_backend() == sea_orm::DatabaseBackend::Postgres {
        // The bulk load leaves gigabytes of WAL to write back; measure the steady state,
        // not the calls competing with that flush.
        ctx.db
            .execute_unprepared("CHECKPOINT")
            .await
            .expect("checkpoint");
    }
    // Whole UTC days, as the API's `from` and `to` dates give.
    let today = now.date_naive();
    let midnight = |d: chrono::NaiveDate| d.and_time(chrono::NaiveTime::MIN).and_utc();
    let all = Scope {
        from: midnight(today - Duration::days(365 * i64::from(years) + 1)),
        to: midnight(today + Duration::days(1)),
        body_id: None,
        category: None,
        respondent: None,
    };
    let mut largest = (0_u64, None::<bodies::Model>);
    for b in bodies::Entity::find()
        .order_by_asc(bodies::Column::Id)
        .all(&ctx.db)
        .await
        .expect("bodies")
    {
        let count = cases::Entity::find()
            .filter(cases::Column::BodyId.eq(b.id))
            .count(&ctx.db)
            .await
            .expect("count");
        if count > largest.0 {
            largest = (count, Some(b));
        }
    }
    let mut ok = measure(
        &ctx.db,
        &settings,
        &format!("all {n} cases, {years} years"),
        &all,
        now,
        runs,
        target_ms,
    )
    .await;
    if let (count, Some(body)) = largest {
        let scope = Scope {
            body_id: Some(body.id),
            ..all.clone()
        };
        ok &= measure(
            &ctx.db,
            &settings,
            &format!("body {} ({count} cases), {years} years", body.code),
            &scope,
            now,
            runs,
            target_ms,
        )
        .await;
    }

    // A category filter is not kept in summaries: those figures come from the cases.
    let scope = Scope {
        category: Some(Category::AgendaSetting),
        ..all.clone()
    };
    let (stats, _) = time(runs, || metrics::overview(&ctx.db, &scope, now)).await;
    println!(
        "-- category agenda_setting, {years} years (computed from the cases)\n   \
         metrics::overview           median {:>8.1} ms   max {:>8.1} ms",
        stats.median, stats.max
    );

    if std::env::var("BENCH_KEEP").is_err() {
        App::truncate(&ctx).await.expect("empty the database");
    }
    println!(
        "{}: full metrics response with {n} cases ({backend})",
        if ok { "PASS" } else { "FAIL" }
    );
    if !ok {
        std::process::exit(1);
    }
}
