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

use chrono::{DateTime, Duration, NaiveDate, Utc};
use indicatif::{ProgressBar, ProgressStyle};
use loco_rs::app::Hooks;
use redress::{
    app::App,
    models::{
        _entities::cases,
        bodies, deadlines, delegations, holidays, reminders,
        users::{self, Accreditation},
        vocabulary::{BodyKind, DeadlineKind, Locale, Party, Role},
    },
    settings::Settings,
    workers::outbox::{self, Postman},
};
use sea_orm::{ActiveValue::Set, EntityTrait, TransactionTrait};

// The benchmark uses only part of the test sink.
#[allow(dead_code)]
#[path = "../tests/support/smtp.rs"]
mod smtp;

const DELEGATIONS: &[&str] = &[
    "TUV", "KIR", "BOL", "GHA", "FJI", "NPL", "HTI", "MDV", "VUT", "TON", "SEN", "PER",
];

#[tokio::main]
async fn main() {
    let sizes = env_list("BENCH_CASES", "100000,1000000");
    let due = env_list("BENCH_DUE", "10000")
        .first()
        .copied()
        .unwrap_or(10_000);
    // Clocks due on Wednesday's close of business are at their two-working-day reminder
    // on the benchmarks' Monday morning.
    let (ctx, settings, backend, now) = support::boot().await;
    println!("backend {backend}; due clocks {due}; sizes {sizes:?}");
    let mut delivered = false;
    for &n in &sizes {
        App::truncate(&ctx).await.expect("empty the database");
        let calendar = holidays::calendar(&ctx.db, &settings)
            .await
            .expect("calendar");
        let (body, people) = world(&ctx, &settings, now).await;
        let seeded = Instant::now();
        seed(&ctx, n, due.min(n), body, &people, &calendar, now).await;
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

async fn world(
    ctx: &loco_rs::app::AppContext,
    settings: &Settings,
    now: DateTime<Utc>,
) -> (i64, Vec<(i64, i64)>) {
    let txn = ctx.db.begin().await.expect("begin");
    delegations::load_member_states(&txn, now)
        .await
        .expect("states");
    let body = bodies::create(&txn, "HRC", "Human Rights Council", BodyKind::Council, now)
        .await
        .expect("body");
    let mut people = Vec::new();
    for code in DELEGATIONS {
        let user = users::accredit(
            &txn,
            settings,
            Accreditation {
                email: format!("{}@bench.example", code.to_lowercase()),
                name: format!("Delegate of {code}"),
                role: Role::Delegate,
                delegation: Some((*code).to_string()),
                body: None,
                locale: Locale::En,
                zone: chrono_tz::Europe::Zurich,
                password: None,
            },
            now,
        )
        .await
        .expect("accredit");
        people.push((user.delegation_id.expect("delegation"), user.id));
    }
    txn.commit().await.expect("commit");
    (body.id, people)
}

async fn seed(
    ctx: &loco_rs::app::AppContext,
    n: u64,
    due: u64,
    body: i64,
    people: &[(i64, i64)],
    calendar: &redress::models::deadlines::calendar::Calendar,
    now: DateTime<Utc>,
) {
    // Rows per INSERT: a case has about forty columns, and SQLite binds at most 32 766
    // parameters per statement.
    const CHUNK: u64 = 500;
    let bar = ProgressBar::new(n).with_style(
        ProgressStyle::with_template("seeding {bar:40} {pos}/{len} cases {per_sec} eta {eta}")
            .expect("template"),
    );
    let due_soon = calendar.end_of_business(calendar.add_working_days(calendar.local_date(now), 2));
    let later = now + Duration::days(20);
    let stamp = now.into();
    let mut id = 0_i64;
    while (id as u64) < n {
        let txn = ctx.db.begin().await.expect("begin");
        let upto = ((id as u64 + CHUNK).min(n)) as i64;
        let mut case_rows = Vec::new();
        let mut clock_rows = Vec::new();
        for i in id + 1..=upto {
            let (delegation, filer) = people[(i as usize) % people.len()];
            case_rows.push(cases::ActiveModel {
                id: Set(i),
                pid: Set(uuid::Uuid::new_v4()),
                reference: Set(format!("GR-2026-{i:07}")),
                title: Set("Agenda item dropped without notice".into()),
                category: Set("agenda_setting".into()),
                body_id: Set(body),
                incident_date: Set(NaiveDate::from_ymd_opt(2026, 11, 2).expect("date")),
                facts: Set("Seeded for the benchmark.".into()),
                remedy_sought: Set("Reinstatement.".into()),
                complainant_delegation_id: Set(delegation),
                filed_by_id: Set(filer),
                respondent_body_id: Set(Some(body)),
                respondent_delegation_id: Set(None),
                confidentiality: Set("public".into()),
                language: Set("en".into()),
                urgency: Set("normal".into()),
                status: Set("in_mediation".into()),
                outcome: Set(None),
                dismissal_reason: Set(None),
                mediator_id: Set(None),
                on_hold: Set(false),
                appeals_lodged: Set(0),
                idempotency_key: Set(format!("bench-{i}")),
                version: Set(1),
                filed_at: Set(stamp),
                served_at: Set(Some(stamp)),
                closed_at: Set(None),
                registered_at: Set(None),
                eligibility_decided_at: Set(None),
                acknowledge_working_days: Set(None),
                eligibility_working_days: Set(None),
                closure_working_days: Set(None),
                created_at: Set(stamp),
                updated_at: Set(stamp),
            });
            let is_due = (i as u64) <= due;
            let (due_at, next) = if is_due {
                (due_soon, now - Duration::minutes(1))
            } else {
                (later + Duration::days(20), later)
            };
            clock_rows.push(deadlines::ActiveModel {
                case_id: Set(i),
                kind: Set(DeadlineKind::Information.to_string()),
                party: Set(Party::Complainant.to_string()),
                unit: Set("working".into()),
                base_days: Set(10),
                sdt_days: Set(0),
                extension_days: Set(0),
                starts_at: Set(stamp),
                due_at: Set(Some(due_at.into())),
                paused_since: Set(None),
                met_at: Set(None),
                breached_at: Set(None),
                cancelled_at: Set(None),
                next_reminder_at: Set(Some(next.into())),
                created_at: Set(stamp),
                updated_at: Set(stamp),
                ..Default::default()
            });
        }
        cases::Entity::insert_many(case_rows)
            .exec_without_returning(&txn)
            .await
            .expect("cases");
        deadlines::Entity::insert_many(clock_rows)
            .exec_without_returning(&txn)
            .await
            .expect("clocks");
        txn.commit().await.expect("commit");
        bar.inc((upto - id) as u64);
        id = upto;
    }
    bar.finish_and_clear();
    if ctx.db.get_database_backend() == sea_orm::DatabaseBackend::Postgres {
        // Explicit ids leave the sequences behind; analyze so the planner knows the sizes.
        use sea_orm::ConnectionTrait;
        for sql in [
            "SELECT setval(pg_get_serial_sequence('cases', 'id'), (SELECT MAX(id) FROM cases))",
            "ANALYZE cases",
            "ANALYZE deadlines",
        ] {
            ctx.db.execute_unprepared(sql).await.expect("maintenance");
        }
    }
}
