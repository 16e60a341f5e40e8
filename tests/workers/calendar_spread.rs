//! The clocks, reminders, breaches and escalations at a spread of fixed instants: a Friday
//! evening, the days around 25 December and 1 January, both changes of daylight saving time,
//! 29 February 2028 and recipients on either side of the date line. The whole app runs at the
//! instant (its one clock is set), so a fault that only shows on some dates shows here, in
//! every run, rather than on a user's calendar.
use chrono::{DateTime, Datelike, Duration, NaiveDate, TimeZone, Utc};
use chrono_tz::Tz;
use loco_rs::app::AppContext;
use redress::{
    app::App,
    clock::Clock,
    models::{
        deadlines::{self, calendar::Calendar},
        holidays, notifications,
        reminders::{self, Stage},
        vocabulary::DeadlineKind,
    },
    workers::outbox::{self, Postman},
};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder};
use serde_json::{json, Value};
use serial_test::serial;

use crate::support::{smtp::Sink, *};

struct Moment {
    what: &'static str,
    at: DateTime<Utc>,
    /// Where the respondent reads their mail.
    zone: Tz,
}

fn utc(y: i32, m: u32, d: u32, h: u32, min: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(y, m, d, h, min, 0)
        .single()
        .expect("instant")
}

fn moments() -> Vec<Moment> {
    use chrono_tz::{America, Asia, Europe, Pacific};
    vec![
        Moment {
            what: "a Friday evening, after close of business in Geneva",
            at: utc(2026, 11, 27, 17, 30),
            zone: America::New_York,
        },
        Moment {
            what: "the day before Christmas Eve",
            at: utc(2026, 12, 23, 15, 0),
            zone: Europe::Zurich,
        },
        Moment {
            what: "New Year's Eve, read in Tonga",
            at: utc(2026, 12, 31, 11, 0),
            zone: Pacific::Tongatapu,
        },
        Moment {
            what: "the week European clocks go forward, over Easter",
            at: utc(2027, 3, 22, 8, 0),
            zone: Europe::London,
        },
        Moment {
            what: "the week European clocks go back, read in New York",
            at: utc(2026, 10, 19, 12, 0),
            zone: America::New_York,
        },
        Moment {
            what: "29 February 2028",
            at: utc(2028, 2, 29, 10, 0),
            zone: Asia::Tokyo,
        },
        Moment {
            what: "a reader at UTC+14 (Kiritimati)",
            at: utc(2026, 11, 25, 16, 0),
            zone: Pacific::Kiritimati,
        },
        Moment {
            what: "a reader at UTC-11 (Pago Pago)",
            at: utc(2026, 11, 25, 16, 0),
            zone: Pacific::Pago_Pago,
        },
    ]
}

/// The organization's closures around the moments: Christmas, New Year, Easter.
const HOLIDAYS: &[(i32, u32, u32, &str)] = &[
    (2026, 12, 25, "Christmas Day"),
    (2026, 12, 26, "St Stephen's Day"),
    (2027, 1, 1, "New Year's Day"),
    (2027, 3, 26, "Good Friday"),
    (2027, 3, 29, "Easter Monday"),
];

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("date")
}

/// Working days `d` with `from < d <= to`, counted one day at a time (apart from the
/// calendar's own arithmetic).
fn working_days_after(calendar: &Calendar, from: NaiveDate, to: NaiveDate) -> u32 {
    from.iter_days()
        .skip(1)
        .take_while(|d| *d <= to)
        .filter(|d| {
            !matches!(d.weekday(), chrono::Weekday::Sat | chrono::Weekday::Sun)
                && !HOLIDAYS
                    .iter()
                    .any(|(y, m, day, _)| date(*y, *m, *day) == *d)
        })
        .inspect(|d| assert!(calendar.is_working_day(*d), "{d} is a working day"))
        .count()
        .try_into()
        .expect("small")
}

async fn reminder_rows(ctx: &AppContext, user: i64) -> Vec<notifications::Model> {
    notifications::Entity::find()
        .filter(notifications::Column::UserId.eq(user))
        .filter(notifications::Column::Kind.is_in(["reminder", "breach", "escalation"]))
        .order_by_asc(notifications::Column::Id)
        .all(&ctx.db)
        .await
        .expect("rows")
}

fn stage_of(row: &notifications::Model) -> String {
    let payload: Value = serde_json::from_str(&row.payload).expect("json");
    payload["stage"].as_str().unwrap_or(&row.kind).to_string()
}

async fn live_through(ctx: &AppContext, server: &axum_test::TestServer, m: &Moment) {
    Clock::of(ctx).set(m.at);
    for (y, mo, d, name) in HOLIDAYS {
        holidays::add(&ctx.db, date(*y, *mo, *d), name, m.at)
            .await
            .expect("holiday");
    }
    let w = world(ctx).await;
    relocate(ctx, &w.respondent, "en", m.zone.name()).await;
    let case = case_in_mediation(server, &w).await;
    must(
        server,
        &w.mediator,
        &case,
        json!({"action": "request_response", "request": "Please account for the removal."}),
    )
    .await;
    let (settings, calendar) = policy(ctx).await;
    let d = deadlines::Entity::find()
        .filter(deadlines::Column::Kind.eq(DeadlineKind::FormalResponse.as_ref()))
        .one(&ctx.db)
        .await
        .expect("query")
        .expect("the formal response clock");
    let what = m.what;
    let started = d.starts_at.to_utc();
    assert!(
        started >= m.at && started - m.at < Duration::minutes(5),
        "{what}: the clock starts when the app's clock says"
    );

    // Due at close of business, on the tenth working day after the day it started (speaking
    // time is answered in 10 working days).
    let due = d.due_at.expect("running").to_utc();
    let due_day = calendar.local_date(due);
    assert_eq!(due, calendar.end_of_business(due_day), "{what}");
    assert_eq!(
        working_days_after(&calendar, calendar.local_date(started), due_day),
        10,
        "{what}: started {started}, due {due}"
    );

    // Every step of the plan, swept twice at its instant: each notice is queued once.
    let plan = reminders::plan(due, &calendar, &settings, true);
    let leads: Vec<_> = plan
        .iter()
        .filter(|s| matches!(s.stage, Stage::Lead(_)))
        .collect();
    for pair in leads.windows(2) {
        assert!(pair[0].target < pair[1].target, "{what}: leads in order");
    }
    for s in &plan {
        if let Stage::Lead(n) = s.stage {
            let day = calendar.local_date(s.target);
            assert!(calendar.is_working_day(day), "{what}: lead{n} on {day}");
            assert_eq!(working_days_after(&calendar, day, due_day), n, "{what}");
        }
        reminders::sweep(&ctx.db, &settings, &calendar, s.sweep_at, 1000)
            .await
            .expect("sweep");
        let again = reminders::sweep(&ctx.db, &settings, &calendar, s.sweep_at, 1000)
            .await
            .expect("sweep");
        assert_eq!(again.notices, 0, "{what}: {:?} swept twice", s.stage);
    }
    let rows = reminder_rows(ctx, w.respondent.actor.id).await;
    let stages: Vec<String> = rows.iter().map(stage_of).collect();
    assert_eq!(
        stages,
        ["lead5", "lead2", "lead1", "due_day", "breach"],
        "{what}: one of each, in order"
    );
    let escalated = reminder_rows(ctx, w.oversight.actor.id).await;
    assert_eq!(escalated.len(), 1, "{what}: one escalation to oversight");
    let escalation_day = calendar.local_date(escalated[0].created_at.to_utc());
    assert_eq!(
        working_days_after(&calendar, due_day, escalation_day),
        1,
        "{what}: escalated a working day after the breach"
    );

    // Each reminder reaches the respondent at 08:00 in their own zone, before the instant
    // it is about, and speaks of the due day in their own calendar.
    let sink = Sink::start();
    let postman = Postman::smtp(&sink.config(), 4).expect("transport");
    for row in rows.iter().filter(|r| r.kind == "reminder") {
        let at = row.next_attempt_at.to_utc();
        let local = at.with_timezone(&m.zone);
        let stage = stage_of(row);
        let target = plan
            .iter()
            .find(|s| s.stage.key() == stage)
            .expect("stage")
            .target;
        assert!(at < target, "{what}: {stage} before its instant");
        let swept = row.created_at.to_utc();
        assert!(
            at == swept || local.format("%H:%M").to_string() == "08:00",
            "{what}: {stage} at {local}"
        );
        let reminders_received = || {
            sink.to(&w.respondent.email)
                .into_iter()
                .filter(|m| m.text().contains("This is a reminder"))
                .collect::<Vec<_>>()
        };
        let before = reminders_received().len();
        outbox::drain(&ctx.db, &postman, &settings, &calendar, || at)
            .await
            .expect("deliver");
        let mail = reminders_received();
        assert_eq!(mail.len(), before + 1, "{what}: {stage} delivered once");
        let text = mail.last().expect("mail").text();
        let read_on = local.date_naive();
        let due_local = due.with_timezone(&m.zone).date_naive();
        let says_today = text.contains("falls due today");
        let says_tomorrow = text.contains("falls due tomorrow");
        assert_eq!(
            says_today,
            due_local == read_on,
            "{what}: {stage} read on {read_on}, due {due_local} there: {text}"
        );
        assert_eq!(
            says_tomorrow,
            Some(due_local) == read_on.succ_opt(),
            "{what}: {stage} read on {read_on}, due {due_local} there: {text}"
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[serial]
async fn a_formal_response_clock_runs_true_at_every_instant_of_the_calendars_edges() {
    for m in moments() {
        request::<App, _, _>(|server, ctx| async move {
            live_through(&ctx, &server, &m).await;
        })
        .await;
    }
}
