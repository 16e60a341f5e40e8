//! Benchmark of the reminder sweep and of outbox delivery.
//!
//! `cargo bench --bench notices` (SQLite, the test database), or with
//! `DATABASE_URL=postgres://…/redress_test` for PostgreSQL. It seeds N open cases with one
//! running clock each, of which `BENCH_DUE` are due for a reminder, and times the sweep;
//! then a second sweep with nothing due; then delivery of the queued reminders to an SMTP
//! server in this process over pooled connections.
//!
//! Environment: `BENCH_CASES` (comma-separated, default `100000,1000000`), `BENCH_DUE`
//! (default 10000). The test database is emptied before and after.
mod support;
use std::time::Instant;
use support::env_list;

use chrono::Duration;
use indicatif::{ProgressBar, ProgressStyle};
use loco_rs::app::Hooks;
use redress::{
    app::App,
    models::{holidays, reminders},
    workers::outbox::{self, Postman},
};

// The benchmark uses only part of the test sink.
#[allow(dead_code)]
#[path = "../tests/support/smtp.rs"]
mod smtp;

#[allow(dead_code)]
#[path = "../tests/support/clocks.rs"]
mod clocks;

#[tokio::main]
async fn main() {
    let sizes = env_list("BENCH_CASES", "100000,1000000");
    let due = env_list("BENCH_DUE", "10000")
        .first()
        .copied()
        .unwrap_or(10_000);
    let (ctx, settings, backend, now) = support::boot().await;
    println!("backend {backend}; due clocks {due}; sizes {sizes:?}");
    let mut delivered = false;
    for &n in &sizes {
        App::truncate(&ctx).await.expect("empty the database");
        let calendar = holidays::calendar(&ctx.db, &settings)
            .await
            .expect("calendar");
        let filers = clocks::delegates(&ctx, &settings, chrono_tz::Europe::Zurich, None, now).await;
        let seeded = Instant::now();
        let bar = ProgressBar::new(n).with_style(
            ProgressStyle::with_template("seeding {bar:40} {pos}/{len} cases {per_sec} eta {eta}")
                .expect("template"),
        );
        // Clocks due on Wednesday's close of business are at their two-working-day
        // reminder on the benchmarks' Monday morning.
        let due_soon =
            calendar.end_of_business(calendar.add_working_days(calendar.local_date(now), 2));
        clocks::open_cases(&ctx, &filers, n, due.min(n), due_soon, now, |k| bar.inc(k)).await;
        bar.finish_and_clear();
        println!(
            "seeded {n} open cases in {:.1} s",
            seeded.elapsed().as_secs_f64()
        );

        let t = Instant::now();
        let report = reminders::sweep(&ctx.db, &settings, &calendar, now, 1000)
            .await
            .expect("sweep");
        let sweep = t.elapsed();
        let t = Instant::now();
        let idle = reminders::sweep(
            &ctx.db,
            &settings,
            &calendar,
            now + Duration::minutes(1),
            1000,
        )
        .await
        .expect("sweep");
        let idle_time = t.elapsed();
        println!(
            "sweep  cases={n:>8} due={:>6} notices={:>6}  {:>7.3} s  ({:.0} clocks/s); next minute: {} clocks in {:.3} s",
            report.clocks,
            report.notices,
            sweep.as_secs_f64(),
            report.clocks as f64 / sweep.as_secs_f64(),
            idle.clocks,
            idle_time.as_secs_f64()
        );

        if !delivered {
            delivered = true;
            let sink = smtp::Sink::start();
            let postman = Postman::smtp(&sink.config(), settings.notices.delivery.concurrency)
                .expect("transport");
            let t = Instant::now();
            let out = outbox::drain(&ctx.db, &postman, &settings, &calendar, || now)
                .await
                .expect("deliver");
            let took = t.elapsed();
            println!(
                "deliver {} emails (concurrency {}, pooled SMTP): {:.2} s = {:.0} emails/s; received {}",
                out.sent,
                settings.notices.delivery.concurrency,
                took.as_secs_f64(),
                out.sent as f64 / took.as_secs_f64(),
                sink.received().len()
            );
        }
    }
    App::truncate(&ctx).await.expect("empty the database");
}
