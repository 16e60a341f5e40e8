//! The reminder sweep: reminders before each deadline in each person's morning, breach at
//! the deadline, escalation a working day later, and never a notice twice.
use chrono::{DateTime, Duration, Utc};
use loco_rs::{app::AppContext, boot::run_task, task};
use redress::{
    app::App,
    models::{
        deadlines, notifications,
        reminders::{self, Stage, Step},
        vocabulary::DeadlineKind,
    },
    workers::outbox::{self, Postman},
};
use sea_orm::{
    ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder, TransactionTrait,
};
use serde_json::{json, Value};
use serial_test::serial;

use crate::support::{smtp::Sink, *};

async fn rows_of_kind(ctx: &AppContext, kind: &str) -> Vec<notifications::Model> {
    // In the order they were queued: PostgreSQL returns updated rows in any order.
    notifications::Entity::find()
        .filter(notifications::Column::Kind.eq(kind))
        .order_by_asc(notifications::Column::Id)
        .all(&ctx.db)
        .await
        .expect("rows")
}

async fn clock(ctx: &AppContext, kind: DeadlineKind) -> deadlines::Model {
    deadlines::Entity::find()
        .filter(deadlines::Column::Kind.eq(kind.as_ref()))
        .filter(deadlines::Column::MetAt.is_null())
        .one(&ctx.db)
        .await
        .expect("query")
        .expect("a running clock")
}

async fn sweep(ctx: &AppContext, now: DateTime<Utc>) -> reminders::SweepReport {
    let (settings, calendar) = policy(ctx).await;
    reminders::sweep(&ctx.db, &settings, &calendar, now, 1000)
        .await
        .expect("sweep")
}

async fn plan_of(ctx: &AppContext, d: &deadlines::Model) -> Vec<Step> {
    let (settings, calendar) = policy(ctx).await;
    let due = d.due_at.expect("running").to_utc();
    reminders::plan(
        due,
        &calendar,
        &settings,
        d.kind().expect("kind").is_obligation(),
    )
}

fn step(plan: &[Step], stage: Stage) -> Step {
    *plan
        .iter()
        .find(|s| s.stage == stage)
        .expect("stage in plan")
}

/// A case awaiting the respondent's formal response.
async fn awaiting_response(server: &axum_test::TestServer, w: &World) -> Value {
    let case = case_in_mediation(server, w).await;
    must(
        server,
        &w.mediator,
        &case,
        json!({"action": "request_response", "request": "Please account for the removal."}),
    )
    .await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[serial]
async fn a_reminder_reaches_the_respondent_in_their_morning_language_and_zone_with_a_calendar_entry(
) {
    request::<App, _, _>(|server, ctx| async move {
        let w = world(&ctx).await;
        relocate(&ctx, &w.respondent, "es", "Asia/Tokyo").await;
        let case = awaiting_response(&server, &w).await;
        let d = clock(&ctx, DeadlineKind::FormalResponse).await;
        let plan = plan_of(&ctx, &d).await;
        let lead = step(&plan, Stage::Lead(2));

        let at = lead.sweep_at + Duration::minutes(1);
        let report = sweep(&ctx, at).await;
        assert!(report.notices >= 1, "{report:?}");
        let rows = rows_of_kind(&ctx, "reminder").await;
        assert_eq!(rows.len(), 1, "one respondent, one reminder");
        let morning = notifications::morning_before(lead.target, chrono_tz::Asia::Tokyo, 8);
        assert_eq!(rows[0].next_attempt_at.to_utc(), morning.max(at));

        let sink = Sink::start();
        let postman = Postman::smtp(&sink.config(), 4).expect("transport");
        let (settings, calendar) = policy(&ctx).await;
        outbox::drain(&ctx.db, &postman, &settings, &calendar, || {
            morning + Duration::minutes(1)
        })
        .await
        .expect("deliver");
        let reminder = sink
            .to(&w.respondent.email)
            .into_iter()
            .find(|m| {
                m.ics().is_some()
                    && m.text().contains("Asia/Tokyo")
                    && !m.subject().contains("solicit")
            })
            .expect("the reminder arrived");
        assert_eq!(reminder.header("Content-Language").as_deref(), Some("es"));
        assert!(reminder
            .subject()
            .contains(case["reference"].as_str().expect("ref")));
        let due = d.due_at.expect("due").to_utc();
        // In Tokyo time, and as Spanish writes a date: `9 de diciembre de 2026, 02:00`.
        let local = due.with_timezone(&chrono_tz::Asia::Tokyo);
        let month = [
            "enero",
            "febrero",
            "marzo",
            "abril",
            "mayo",
            "junio",
            "julio",
            "agosto",
            "septiembre",
            "octubre",
            "noviembre",
            "diciembre",
        ][usize::try_from(chrono::Datelike::month0(&local)).unwrap()];
        let tokyo = format!(
            "{} de {month} de {}, {}",
            chrono::Datelike::day(&local),
            chrono::Datelike::year(&local),
            local.format("%H:%M")
        );
        assert!(
            reminder.text().contains(&tokyo),
            "due shown in Tokyo time {tokyo}: {}",
            reminder.text()
        );
        assert!(reminder
            .text()
            .contains(&due.format("%Y-%m-%d %H:%M UTC").to_string()));
        let ics = reminder.ics().expect("ics");
        assert!(
            ics.contains(&format!("UID:deadline-{}@localhost", d.id)),
            "{ics}"
        );
        assert!(
            ics.contains(&format!("DTSTART:{}", due.format("%Y%m%dT%H%M%SZ"))),
            "{ics}"
        );
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[serial]
async fn sweeping_twice_late_or_at_once_queues_each_notice_once() {
    request::<App, _, _>(|server, ctx| async move {
        let w = world(&ctx).await;
        awaiting_response(&server, &w).await;
        let d = clock(&ctx, DeadlineKind::FormalResponse).await;
        let plan = plan_of(&ctx, &d).await;
        let lead5 = step(&plan, Stage::Lead(5));
        let at = lead5.sweep_at + Duration::minutes(1);
        let (a, b) = tokio::join!(sweep(&ctx, at), sweep(&ctx, at));
        assert_eq!(a.notices + b.notices, 1, "{a:?} {b:?}");
        let again = sweep(&ctx, at).await;
        assert_eq!(again.notices, 0);
        // Late: the sweep was down from the five-day lead until just before the two-day
        // lead's instant; only that lead goes out, however often the sweep runs then.
        let lead2 = step(&plan, Stage::Lead(2));
        sweep(&ctx, lead2.target - Duration::minutes(1)).await;
        sweep(&ctx, lead2.target - Duration::minutes(1)).await;
        let reminders = rows_of_kind(&ctx, "reminder").await;
        let stages: Vec<String> = reminders
            .iter()
            .map(|r| {
                serde_json::from_str::<Value>(&r.payload).expect("json")["stage"]
                    .as_str()
                    .expect("stage")
                    .to_string()
            })
            .collect();
        assert_eq!(stages, vec!["lead5", "lead2"]);
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[serial]
async fn a_missed_deadline_is_breached_at_due_and_escalated_to_oversight_and_the_mediator_a_working_day_later(
) {
    request::<App, _, _>(|server, ctx| async move {
        let w = world(&ctx).await;
        awaiting_response(&server, &w).await;
        let d = clock(&ctx, DeadlineKind::FormalResponse).await;
        let plan = plan_of(&ctx, &d).await;
        let due = d.due_at.expect("due").to_utc();

        let before = sweep(&ctx, due - Duration::seconds(1)).await;
        assert_eq!(before.breaches, 0);
        let at_due = sweep(&ctx, due).await;
        assert_eq!(at_due.breaches, 1);
        let breached = clock(&ctx, DeadlineKind::FormalResponse).await;
        assert_eq!(breached.breached_at.map(|t| t.to_utc()), Some(due));
        let breach_to: Vec<i64> = rows_of_kind(&ctx, "breach")
            .await
            .iter()
            .map(|r| r.user_id)
            .collect();
        assert!(
            breach_to.contains(&w.respondent.actor.id) && breach_to.contains(&w.mediator.actor.id)
        );
        assert!(
            rows_of_kind(&ctx, "escalation").await.is_empty(),
            "not before a working day has passed"
        );

        let escalation = step(&plan, Stage::Escalation);
        sweep(&ctx, escalation.sweep_at - Duration::minutes(1)).await;
        assert!(rows_of_kind(&ctx, "escalation").await.is_empty());
        let report = sweep(&ctx, escalation.sweep_at).await;
        assert_eq!(report.escalations, 1);
        let to: Vec<i64> = rows_of_kind(&ctx, "escalation")
            .await
            .iter()
            .map(|r| r.user_id)
            .collect();
        assert!(
            to.contains(&w.oversight.actor.id) && to.contains(&w.mediator.actor.id),
            "{to:?}"
        );
        assert!(!to.contains(&w.respondent.actor.id));
        // The plan is done: the clock leaves the sweep's index.
        assert_eq!(
            clock(&ctx, DeadlineKind::FormalResponse)
                .await
                .next_reminder_at,
            None
        );
        assert_eq!(
            sweep(&ctx, escalation.sweep_at + Duration::days(30))
                .await
                .clocks,
            0
        );
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[serial]
async fn a_reminder_for_a_deadline_met_before_it_went_out_is_withdrawn() {
    request::<App, _, _>(|server, ctx| async move {
        let w = world(&ctx).await;
        let case = awaiting_response(&server, &w).await;
        let d = clock(&ctx, DeadlineKind::FormalResponse).await;
        let plan = plan_of(&ctx, &d).await;
        let lead = step(&plan, Stage::DueDay);
        sweep(&ctx, lead.sweep_at + Duration::minutes(1)).await;
        assert_eq!(rows_of_kind(&ctx, "reminder").await.len(), 1);
        must(
            &server,
            &w.respondent,
            &case,
            json!({"action": "submit_response", "response": "Here is our account."}),
        )
        .await;

        let sink = Sink::start();
        let postman = Postman::smtp(&sink.config(), 4).expect("transport");
        let (settings, calendar) = policy(&ctx).await;
        let report = outbox::drain(&ctx.db, &postman, &settings, &calendar, || lead.target)
            .await
            .expect("deliver");
        assert_eq!(report.withdrawn, 1, "{report:?}");
        let reminder = &rows_of_kind(&ctx, "reminder").await[0];
        assert!(reminder.cancelled_at.is_some() && reminder.sent_at.is_none());
        assert!(sink
            .received()
            .iter()
            .all(|m| m.ics().is_none() || !m.subject().contains("Reminder")));
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[serial]
async fn a_sweep_killed_midway_is_redone_by_the_next_run_without_loss_or_duplicates() {
    request::<App, _, _>(|server, ctx| async move {
        let w = world(&ctx).await;
        // Three disputes with different respondents: a mediator who handled one is never
        // assigned to another between the same parties.
        for respondent in [
            json!({"kind": "body", "code": "HRC"}),
            json!({"kind": "body", "code": "COP"}),
            json!({"kind": "delegation", "code": "FRA"}),
        ] {
            let case = eligible_case(&server, &w, &grievance_against(respondent)).await;
            must(
                &server,
                &w.mediator,
                &case,
                json!({"action": "request_response", "request": "Please account for the removal."}),
            )
            .await;
        }
        let d = clock(&ctx, DeadlineKind::FormalResponse).await;
        let plan = plan_of(&ctx, &d).await;
        let due = d.due_at.expect("due").to_utc();
        let (settings, calendar) = policy(&ctx).await;
        let at = due + Duration::minutes(1);
        {
            // The process dies inside its first batch: the transaction never commits.
            let txn = ctx.db.begin().await.expect("begin");
            let partial = reminders::sweep_once(&txn, &settings, &calendar, at, 2)
                .await
                .expect("batch");
            assert_eq!(partial.clocks, 2);
            // Rolled back and awaited: a dropped transaction releases its row locks only
            // when its background rollback runs, and SKIP LOCKED would skip them meanwhile.
            txn.rollback().await.expect("rollback");
        }
        assert!(
            rows_of_kind(&ctx, "breach").await.is_empty(),
            "nothing of the dead batch survives"
        );
        let report = sweep(&ctx, at).await;
        let breached = deadlines::Entity::find()
            .filter(deadlines::Column::BreachedAt.is_not_null())
            .count(&ctx.db)
            .await
            .expect("count");
        let open_response_clocks = 3;
        assert!(breached >= open_response_clocks, "{report:?}");
        let breach_rows = rows_of_kind(&ctx, "breach").await;
        let mut keys: Vec<&str> = breach_rows.iter().map(|r| r.dedupe_key.as_str()).collect();
        keys.sort_unstable();
        keys.dedup();
        assert_eq!(keys.len(), breach_rows.len());
        assert_eq!(sweep(&ctx, at).await.notices, 0);
        let _ = plan;
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[serial]
async fn rebuild_moves_open_clocks_under_a_new_policy_and_never_met_ones_nor_resends_reminders() {
    request::<App, _, _>(|server, ctx| async move {
        let w = world(&ctx).await;
        awaiting_response(&server, &w).await;
        let (settings, calendar) = policy(&ctx).await;
        let met_before: Vec<deadlines::Model> = deadlines::Entity::find()
            .filter(deadlines::Column::MetAt.is_not_null())
            .all(&ctx.db)
            .await
            .expect("met");
        assert!(!met_before.is_empty());
        let d = clock(&ctx, DeadlineKind::FormalResponse).await;
        let now = d.starts_at.to_utc() + Duration::hours(1);

        // Unchanged policy: nothing moves, and reminders already queued are not queued again.
        let lead = step(&plan_of(&ctx, &d).await, Stage::Lead(5));
        sweep(&ctx, lead.sweep_at + Duration::minutes(1)).await;
        let report = reminders::rebuild(&ctx.db, &settings, &calendar, now)
            .await
            .expect("rebuild");
        assert_eq!((report.resized, report.moved), (0, 0), "{report:?}");
        assert_eq!(
            clock(&ctx, DeadlineKind::FormalResponse).await.due_at,
            d.due_at
        );
        assert_eq!(
            sweep(&ctx, lead.sweep_at + Duration::minutes(2))
                .await
                .notices,
            0
        );

        // Oversight's summaries keep running clocks' due instants: a rebuild that moves one
        // marks its case's filing day for recomputation.
        redress::models::oversight::figures::refresh(&ctx.db, now)
            .await
            .expect("refresh");
        let pending = || async {
            redress::models::_entities::figure_changes::Entity::find()
                .count(&ctx.db)
                .await
                .expect("changes")
        };
        assert_eq!(pending().await, 0);

        // Longer formal responses: the open clock moves, met clocks stay as they were.
        let mut longer = (*settings).clone();
        for t in longer.timelines.values_mut() {
            t.days += 5;
            t.urgent_days += 5;
        }
        for o in longer.category_overrides.values_mut() {
            for t in o.values_mut() {
                t.days = t.days.map(|d| d + 5);
                t.urgent_days = t.urgent_days.map(|d| d + 5);
            }
        }
        let report = reminders::rebuild(&ctx.db, &longer, &calendar, now)
            .await
            .expect("rebuild");
        assert!(report.resized >= 1 && report.moved >= 1, "{report:?}");
        assert!(pending().await >= 1, "the moved clock's case is marked");
        let moved = clock(&ctx, DeadlineKind::FormalResponse).await;
        assert_eq!(moved.base_days, d.base_days + 5);
        assert!(moved.due_at > d.due_at);
        assert_soonest_clocks_kept(&ctx).await;
        let met_after: Vec<deadlines::Model> = deadlines::Entity::find()
            .filter(deadlines::Column::MetAt.is_not_null())
            .all(&ctx.db)
            .await
            .expect("met");
        assert_eq!(met_before, met_after);
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[serial]
async fn the_remind_task_runs_as_at_a_given_instant_and_refuses_a_bad_one() {
    request::<App, _, _>(|server, ctx| async move {
        let w = world(&ctx).await;
        awaiting_response(&server, &w).await;
        let d = clock(&ctx, DeadlineKind::FormalResponse).await;
        let at = d.due_at.expect("due").to_utc() + Duration::minutes(1);
        let vars = task::Vars::from_cli_args(vec![
            ("now".to_string(), at.to_rfc3339()),
            ("deliver".to_string(), "false".to_string()),
        ]);
        run_task::<App>(&ctx, Some(&"deadlines:remind".to_string()), &vars)
            .await
            .expect("the sweep runs");
        assert!(clock(&ctx, DeadlineKind::FormalResponse)
            .await
            .breached_at
            .is_some());
        let bad = task::Vars::from_cli_args(vec![("now".to_string(), "next tuesday".to_string())]);
        let err = run_task::<App>(&ctx, Some(&"deadlines:remind".to_string()), &bad)
            .await
            .expect_err("a bad instant is refused");
        assert!(err.to_string().contains("RFC 3339"), "{err}");
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[serial]
async fn a_private_calendar_feed_lists_open_deadlines_until_it_is_revoked() {
    request::<App, _, _>(|server, ctx| async move {
        let w = world(&ctx).await;
        awaiting_response(&server, &w).await;
        let d = clock(&ctx, DeadlineKind::FormalResponse).await;
        let issued = post(&server, &w.respondent, "/api/auth/me/calendar", &json!({})).await;
        assert_eq!(issued.status_code(), 201, "{}", issued.text());
        let url = issued.json::<Value>()["url"]
            .as_str()
            .expect("url")
            .to_string();
        let path = url
            .split_once("5150")
            .map_or(url.as_str(), |(_, p)| p)
            .to_string();
        let feed = server.get(&path).await;
        assert_eq!(feed.status_code(), 200);
        assert!(feed
            .header("content-type")
            .to_str()
            .expect("ascii")
            .starts_with("text/calendar"));
        let body = feed.text();
        assert!(
            body.contains(&format!("UID:deadline-{}@localhost", d.id)),
            "{body}"
        );
        // Another person's feed holds only what they may see.
        let other = post(
            &server,
            &w.other_respondent,
            "/api/auth/me/calendar",
            &json!({}),
        )
        .await;
        let other_url = other.json::<Value>()["url"]
            .as_str()
            .expect("url")
            .to_string();
        let other_path = other_url
            .split_once("5150")
            .map_or(other_url.as_str(), |(_, p)| p)
            .to_string();
        assert!(!server
            .get(&other_path)
            .await
            .text()
            .contains("BEGIN:VEVENT"));
        // Revoked: the URL stops working; an unknown token is a 404.
        let revoked = server
            .delete("/api/auth/me/calendar")
            .authorization_bearer(&w.respondent.token)
            .await;
        assert_eq!(revoked.status_code(), 204);
        assert_eq!(server.get(&path).await.status_code(), 404);
        assert_eq!(
            server.get("/api/calendar/not-a-token").await.status_code(),
            404
        );
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[serial]
async fn the_deliver_task_drains_the_outbox_through_the_configured_mailer() {
    request::<App, _, _>(|server, ctx| async move {
        let w = world(&ctx).await;
        awaiting_response(&server, &w).await;
        let waiting = || {
            notifications::Entity::find()
                .filter(notifications::Column::SentAt.is_null())
                .count(&ctx.db)
        };
        assert!(waiting().await.expect("count") > 0);
        // The test config's mailer is Loco's stub: the task needs no server to run.
        run_task::<App>(
            &ctx,
            Some(&"notices:deliver".to_string()),
            &task::Vars::from_cli_args(vec![]),
        )
        .await
        .expect("delivery runs");
        assert_eq!(waiting().await.expect("count"), 0);
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[serial]
async fn the_registry_is_reminded_of_a_translation_it_owes_as_of_any_clock() {
    request::<App, _, _>(|server, ctx| async move {
        let w = world(&ctx).await;
        let case = case_in_mediation(&server, &w).await;
        let complaint = case["submissions"][0]["pid"].as_str().unwrap().to_string();
        must(
            &server,
            &w.complainant,
            &case,
            json!({"action": "request_translation", "source": complaint, "language": "zh"}),
        )
        .await;
        let d = clock(&ctx, DeadlineKind::Translation).await;
        let lead = step(&plan_of(&ctx, &d).await, Stage::Lead(2));
        sweep(&ctx, lead.sweep_at + Duration::minutes(1)).await;
        let rows = rows_of_kind(&ctx, "reminder").await;
        assert!(
            rows.iter().any(|r| r.user_id == w.registrar.actor.id),
            "the registry owes it: {rows:?}"
        );

        let sink = Sink::start();
        let postman = Postman::smtp(&sink.config(), 4).expect("transport");
        let (settings, calendar) = policy(&ctx).await;
        outbox::drain(&ctx.db, &postman, &settings, &calendar, || {
            lead.target + Duration::days(1)
        })
        .await
        .expect("deliver");
        // Its words depend on the days left when it is sent, so it is found by the clock its
        // subject names.
        let reminders: Vec<_> = sink
            .to(&w.registrar.email)
            .into_iter()
            .filter(|m| {
                m.subject()
                    .contains("providing a translation a party asked for")
            })
            .collect();
        assert_eq!(
            reminders.len(),
            1,
            "the registry's reminder arrived, once: {:?}",
            sink.received()
                .iter()
                .map(|m| m.subject())
                .collect::<Vec<_>>()
        );
    })
    .await;
}
