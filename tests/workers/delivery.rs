//! The outbox worker against a real SMTP server in the test process: every notice arrives
//! once, in its recipient's language and zone, whatever the server does.
use chrono::{DateTime, Duration, Utc};
use loco_rs::app::AppContext;
use redress::{
    app::App,
    models::{
        case_events, cases,
        notifications::{self, Column as N},
        users,
    },
    workers::outbox::{self, DeliveryReport, Postman},
};
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};
use serde_json::{json, Value};
use serial_test::serial;

use crate::support::{
    smtp::{config_for_port, Mode, Sink},
    *,
};

async fn deliver(ctx: &AppContext, postman: &Postman, now: DateTime<Utc>) -> DeliveryReport {
    let (settings, calendar) = policy(ctx).await;
    outbox::drain(&ctx.db, postman, &settings, &calendar, || now)
        .await
        .expect("delivery runs")
}

async fn count(ctx: &AppContext, filter: sea_orm::Condition) -> u64 {
    notifications::Entity::find()
        .filter(filter)
        .count(&ctx.db)
        .await
        .expect("count")
}

fn waiting() -> sea_orm::Condition {
    sea_orm::Condition::all()
        .add(N::SentAt.is_null())
        .add(N::FailedAt.is_null())
        .add(N::CancelledAt.is_null())
}

async fn case_id(ctx: &AppContext, case: &Value) -> i64 {
    let pid: uuid::Uuid = case["pid"].as_str().expect("pid").parse().expect("uuid");
    cases::Entity::find()
        .filter(cases::Column::Pid.eq(pid))
        .one(&ctx.db)
        .await
        .expect("query")
        .expect("case")
        .id
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[serial]
async fn every_lifecycle_notice_arrives_once_with_the_case_reference() {
    request::<App, _, _>(|server, ctx| async move {
        let w = world(&ctx).await;
        let sink = Sink::start();
        let postman = Postman::smtp(&sink.config(), 4).expect("transport");
        let case = case_in_mediation(&server, &w).await;
        must(
            &server,
            &w.mediator,
            &case,
            json!({"action": "request_response", "request": "Please explain the removal."}),
        )
        .await;
        let queued = count(&ctx, waiting()).await;
        assert!(
            queued >= 8,
            "filing, registration, eligibility, assignment and the request queue notices: {queued}"
        );

        let report = deliver(&ctx, &postman, redress::clock::now(&ctx)).await;
        assert_eq!(report.sent, queued);
        assert_eq!(sink.received().len() as u64, queued);
        assert_eq!(count(&ctx, waiting()).await, 0);
        // A second run finds nothing to send.
        assert_eq!(
            deliver(&ctx, &postman, redress::clock::now(&ctx))
                .await
                .claimed,
            0
        );
        assert_eq!(sink.received().len() as u64, queued);

        let reference = case["reference"].as_str().expect("reference");
        let to_respondent = sink.to(&w.respondent.email);
        let request = to_respondent
            .iter()
            .find(|m| m.subject().contains("Formal response requested"))
            .expect("the respondent is asked for a response");
        assert!(request.subject().contains(reference));
        let page = format!("/cases/{}", case["pid"].as_str().expect("pid"));
        assert!(
            request.text().contains(&page),
            "the email links to the case page"
        );
        assert!(request.html().contains(&format!("{page}\"")));
        assert!(request.text().contains("America/New_York"));
        assert!(request.text().contains("UTC"));
        let ics = request
            .ics()
            .expect("the request carries the response deadline");
        assert!(ics.contains("BEGIN:VEVENT"));
        assert_eq!(request.header("Content-Language").as_deref(), Some("en"));
        for m in sink.received() {
            assert!(m
                .header("Message-ID")
                .is_some_and(|id| id.starts_with("<notice-")));
        }
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[serial]
async fn a_protected_complainant_is_never_named_to_the_respondent() {
    request::<App, _, _>(|server, ctx| async move {
        let w = world(&ctx).await;
        let sink = Sink::start();
        let postman = Postman::smtp(&sink.config(), 4).expect("transport");
        let mut body = grievance();
        body["confidentiality"] = json!("identity_protected");
        eligible_case(&server, &w, &body).await;
        deliver(&ctx, &postman, redress::clock::now(&ctx)).await;
        let to_respondent = sink.to(&w.respondent.email);
        assert!(
            !to_respondent.is_empty(),
            "the respondent is told of the case"
        );
        for m in &to_respondent {
            let all = format!("{}{}{}", m.subject(), m.text(), m.html());
            assert!(
                !all.contains("Tuvalu") && !all.contains("Kiribati"),
                "{all}"
            );
        }
        let to_mediator = sink.to(&w.mediator.email);
        assert!(
            to_mediator.iter().any(|m| m.text().contains("Tuvalu")),
            "the mediator sees who complains"
        );
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[serial]
async fn a_refused_connection_is_retried_and_every_notice_arrives_exactly_once_when_smtp_returns() {
    request::<App, _, _>(|server, ctx| async move {
        let w = world(&ctx).await;
        let port = Sink::reserve_port();
        let postman = Postman::smtp(&config_for_port(port), 4).expect("transport");
        case_in_mediation(&server, &w).await;
        let queued = count(&ctx, waiting()).await;
        let t0 = redress::clock::now(&ctx);

        let down = deliver(&ctx, &postman, t0).await;
        assert_eq!(down.retried, queued, "{down:?}");
        assert_eq!(down.sent + down.failed, 0);
        // Not due again before the backoff has passed.
        assert_eq!(
            deliver(&ctx, &postman, t0 + Duration::seconds(30))
                .await
                .claimed,
            0
        );

        let sink = Sink::start_on(port);
        let up = deliver(&ctx, &postman, t0 + Duration::minutes(2)).await;
        assert_eq!(up.sent, queued);
        assert_eq!(sink.received().len() as u64, queued);
        let attempts: Vec<i64> = notifications::Entity::find()
            .all(&ctx.db)
            .await
            .expect("rows")
            .iter()
            .map(|n| n.attempts)
            .collect();
        assert!(attempts.iter().all(|a| *a == 2), "{attempts:?}");
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[serial]
async fn a_temporary_refusal_backs_off_and_the_last_attempt_fails_and_flags_the_notice() {
    request::<App, _, _>(|server, ctx| async move {
        let w = world(&ctx).await;
        let sink = Sink::start();
        sink.set_mode(Mode::Temporary);
        let postman = Postman::smtp(&sink.config(), 4).expect("transport");
        let case = case_in_mediation(&server, &w).await;
        let id = case_id(&ctx, &case).await;
        let (settings, _) = policy(&ctx).await;
        let max = i64::from(settings.notices.delivery.max_attempts);
        let queued = count(&ctx, waiting()).await;

        let mut now = redress::clock::now(&ctx);
        let mut gaps = Vec::new();
        for attempt in 1..=max {
            let report = deliver(&ctx, &postman, now).await;
            assert_eq!(report.claimed, queued, "attempt {attempt}");
            let next = notifications::Entity::find()
                .one(&ctx.db)
                .await
                .expect("row")
                .expect("row")
                .next_attempt_at
                .to_utc();
            if attempt < max {
                assert_eq!(report.retried, queued);
                gaps.push((next - now).num_seconds());
                now = next;
            } else {
                assert_eq!(report.failed, queued);
            }
        }
        assert_eq!(gaps[0], 60);
        assert_eq!(gaps[1], 120, "backoff doubles: {gaps:?}");
        assert!(sink.received().is_empty());
        assert_eq!(
            count(
                &ctx,
                sea_orm::Condition::all().add(N::FailedAt.is_not_null())
            )
            .await,
            queued
        );

        // The failure joins the case's audit chain and is listed for those who must act.
        let failed_events = case_events::Entity::find()
            .filter(case_events::Column::CaseId.eq(id))
            .filter(case_events::Column::Action.eq("notice_failed"))
            .count(&ctx.db)
            .await
            .expect("events");
        assert!(failed_events > 0);
        let for_mediator: Value = get(&server, &w.mediator, "/api/notices/failed")
            .await
            .json();
        let for_oversight: Value = get(&server, &w.oversight, "/api/notices/failed")
            .await
            .json();
        assert!(!for_mediator["items"].as_array().expect("items").is_empty());
        assert!(!for_oversight["items"].as_array().expect("items").is_empty());
        let other = get(&server, &w.conflicted_mediator, "/api/notices/failed").await;
        assert_eq!(
            other.json::<Value>()["items"].as_array().map(Vec::len),
            Some(0),
            "another mediator's cases stay out of sight"
        );
        assert_eq!(
            get(&server, &w.complainant, "/api/notices/failed")
                .await
                .status_code(),
            403
        );

        // Once the server is fixed, the registry requeues one and it arrives.
        sink.set_mode(Mode::Accept);
        let first = for_oversight["items"][0]["id"].as_i64().expect("id");
        let res = post(
            &server,
            &w.registrar,
            &format!("/api/notices/{first}/retry"),
            &json!({}),
        )
        .await;
        assert_eq!(res.status_code(), 200, "{}", res.text());
        let report = deliver(&ctx, &postman, redress::clock::now(&ctx)).await;
        assert_eq!(report.sent, 1);
        assert_eq!(sink.received().len(), 1);
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[serial]
async fn a_permanent_refusal_fails_at_once_without_retrying() {
    request::<App, _, _>(|server, ctx| async move {
        let w = world(&ctx).await;
        let sink = Sink::start();
        sink.set_mode(Mode::Permanent);
        let postman = Postman::smtp(&sink.config(), 4).expect("transport");
        file(&server, &w, &grievance()).await;
        let queued = count(&ctx, waiting()).await;
        let report = deliver(&ctx, &postman, redress::clock::now(&ctx)).await;
        assert_eq!(report.failed, queued);
        assert_eq!(report.retried, 0);
        let rows = notifications::Entity::find()
            .all(&ctx.db)
            .await
            .expect("rows");
        assert!(
            rows.iter()
                .all(|n| n.attempts == 1
                    && n.last_error.as_deref().is_some_and(|e| e.contains("550"))),
            "{:?}",
            rows.iter()
                .map(|n| n.last_error.clone())
                .collect::<Vec<_>>()
        );
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[serial]
async fn a_worker_killed_after_claiming_loses_nothing_the_rows_return_when_the_lease_ends() {
    request::<App, _, _>(|server, ctx| async move {
        let w = world(&ctx).await;
        let sink = Sink::start();
        let postman = Postman::smtp(&sink.config(), 4).expect("transport");
        file(&server, &w, &grievance()).await;
        let queued = count(&ctx, waiting()).await;
        let (settings, _) = policy(&ctx).await;
        let t0 = redress::clock::now(&ctx);
        // A worker claims everything and dies before sending.
        let claimed = notifications::claim(
            &ctx.db,
            t0,
            Duration::seconds(i64::from(settings.notices.delivery.lease_seconds)),
            100,
        )
        .await
        .expect("claim");
        assert_eq!(claimed.len() as u64, queued);
        // Another worker does not take leased rows...
        assert_eq!(
            deliver(&ctx, &postman, t0 + Duration::seconds(10))
                .await
                .claimed,
            0
        );
        // ...until the lease has run out.
        let after = t0 + Duration::seconds(i64::from(settings.notices.delivery.lease_seconds) + 1);
        assert_eq!(deliver(&ctx, &postman, after).await.sent, queued);
        assert_eq!(sink.received().len() as u64, queued);
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[serial]
async fn two_workers_draining_at_once_send_each_notice_once() {
    request::<App, _, _>(|server, ctx| async move {
        let w = world(&ctx).await;
        let sink = Sink::start();
        let postman = Postman::smtp(&sink.config(), 4).expect("transport");
        for _ in 0..6 {
            file(&server, &w, &grievance()).await;
        }
        let queued = count(&ctx, waiting()).await;
        let now = redress::clock::now(&ctx);
        let (a, b) = tokio::join!(deliver(&ctx, &postman, now), deliver(&ctx, &postman, now));
        assert_eq!(a.sent + b.sent, queued, "{a:?} {b:?}");
        assert_eq!(sink.received().len() as u64, queued);
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[serial]
async fn a_password_reset_email_carries_the_code_and_the_outbox_forgets_it_once_sent() {
    request::<App, _, _>(|server, ctx| async move {
        let w = world(&ctx).await;
        relocate(&ctx, &w.complainant, "fr", "Pacific/Funafuti").await;
        let sink = Sink::start();
        let postman = Postman::smtp(&sink.config(), 4).expect("transport");
        let res = server
            .post("/api/auth/forgot")
            .json(&json!({"email": w.complainant.email}))
            .await;
        assert!(res.status_code().is_success(), "{}", res.text());
        let row = notifications::Entity::find()
            .filter(N::Kind.eq("password_reset"))
            .one(&ctx.db)
            .await
            .expect("query")
            .expect("queued");
        let token: Value = serde_json::from_str(&row.payload).expect("json");
        let token = token["token"].as_str().expect("token").to_string();
        deliver(&ctx, &postman, redress::clock::now(&ctx)).await;
        let mail = sink.to(&w.complainant.email);
        assert_eq!(mail.len(), 1);
        assert!(mail[0].text().contains(&token));
        assert!(
            mail[0]
                .text()
                .contains(&format!("/password/reset?token={token}")),
            "the email links to the reset page with the code filled in"
        );
        assert_eq!(mail[0].header("Content-Language").as_deref(), Some("fr"));
        assert!(
            mail[0].subject().contains("mot de passe"),
            "{}",
            mail[0].subject()
        );
        let after = notifications::Entity::find_by_id(row.id)
            .one(&ctx.db)
            .await
            .expect("q")
            .expect("row");
        assert!(!after.payload.contains(&token));
        // The code still works: only the outbox copy was blanked.
        let reset = server
            .post("/api/auth/reset")
            .json(&json!({"token": token, "password": "a new long passphrase 2026"}))
            .await;
        assert!(reset.status_code().is_success(), "{}", reset.text());
        let _ = users::Entity::find().count(&ctx.db).await;
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[serial]
async fn challenge_recusal_and_assignment_notices_arrive_worded_for_what_happened() {
    request::<App, _, _>(|server, ctx| async move {
        let w = world(&ctx).await;
        let sink = Sink::start();
        let postman = Postman::smtp(&sink.config(), 4).expect("transport");
        relocate(&ctx, &w.respondent, "fr", "Europe/Paris").await;
        let case = case_in_mediation(&server, &w).await;
        let case = must(
            &server,
            &w.respondent,
            &case,
            json!({"action": "challenge_mediator",
            "reason": "The mediator chaired the session we complain of."}),
        )
        .await;
        let pid = case["pid"].as_str().unwrap();
        let record: Value = get(
            &server,
            &w.registrar,
            &format!("/api/cases/{pid}/assignments"),
        )
        .await
        .json();
        let challenge = record["items"][0]["challenges"][0]["pid"].clone();
        // Upheld: nobody else is free, so the registry is told, then overrides.
        let case = must(
            &server,
            &w.registrar,
            &case,
            json!({"action": "decide_challenge",
            "challenge": challenge, "uphold": true, "note": "Established."}),
        )
        .await;
        assert!(case["mediator"].is_null());
        must(
            &server,
            &w.registrar,
            &case,
            json!({"action": "assign_mediator",
            "mediator": w.conflicted_mediator.pid(),
            "override_reason": "No other mediator is free before the session ends."}),
        )
        .await;
        must(
            &server,
            &w.conflicted_mediator,
            &case,
            json!({"action": "recuse_mediator",
            "reason": "On reflection my nationality is a bar."}),
        )
        .await;
        deliver(&ctx, &postman, redress::clock::now(&ctx)).await;

        let reference = case["reference"].as_str().unwrap();
        let subjects = |who: &Person| -> Vec<String> {
            sink.to(&who.email)
                .iter()
                .map(|m| m.subject())
                .filter(|s| s.contains(reference))
                .collect()
        };
        let has = |who: &Person, words: &str| {
            let got = subjects(who);
            assert!(
                got.iter().any(|s| s.contains(words)),
                "{} expected `{words}` in {got:?}",
                who.email
            );
        };
        has(&w.complainant, "Mediator challenged");
        has(&w.registrar, "Mediator challenged");
        has(&w.mediator, "Challenge to the mediator upheld");
        has(&w.respondent, "Récusation du médiateur accueillie");
        has(&w.registrar, "No mediator could be assigned automatically");
        has(&w.oversight, "despite a recorded conflict");
        has(&w.complainant, "Mediator recused");
        assert!(
            subjects(&w.oversight)
                .iter()
                .all(|s| !s.contains("challenged")),
            "oversight hears of the override, not of every step"
        );
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[serial]
async fn a_notice_that_cannot_be_built_fails_alone_and_the_rest_of_its_batch_goes() {
    request::<App, _, _>(|server, ctx| async move {
        let w = world(&ctx).await;
        let sink = Sink::start();
        let postman = Postman::smtp(&sink.config(), 4).expect("transport");
        for (poisoned, respondent) in [
            (
                "Line\r\nBcc: victim@example.org",
                json!({"kind": "body", "code": "HRC"}),
            ),
            (
                "Escape\u{1b}[31m and a next-line\u{85}",
                json!({"kind": "body", "code": "COP"}),
            ),
            ("Bell\u{7}", json!({"kind": "delegation", "code": "FRA"})),
        ] {
            // Notices to the registrar among others, in one batch.
            eligible_case(&server, &w, &grievance_against(respondent)).await;
            alter_user(&ctx, &w.registrar, |am| {
                am.name = sea_orm::ActiveValue::Set(poisoned.to_string());
            })
            .await;
            let queued = count(&ctx, waiting()).await;
            assert!(queued > 1);
            let report = deliver(&ctx, &postman, redress::clock::now(&ctx)).await;
            assert_eq!(report.claimed, queued, "{poisoned:?}");
            assert_eq!(
                count(&ctx, waiting()).await,
                0,
                "nothing is left unsent: {report:?}"
            );
            assert_eq!(report.sent + report.failed, queued, "{report:?}");
            // The name is written as one safe line, or the notice fails on its own, flagged.
            let to_registrar = sink.to(&w.registrar.email);
            for m in &to_registrar {
                let to = m.header("To").unwrap_or_default();
                assert!(
                    !to.contains('\n') && !to.contains('\r') && !to.contains('\0'),
                    "{to:?}"
                );
                assert!(m.header("Bcc").is_none());
            }
            assert!(sink.to("victim@example.org").is_empty());
        }
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[serial]
async fn a_notice_claimed_past_its_attempts_without_an_outcome_is_failed_and_flagged() {
    request::<App, _, _>(|server, ctx| async move {
        use sea_orm::{ActiveModelTrait, ActiveValue::Set};
        let w = world(&ctx).await;
        let sink = Sink::start();
        let postman = Postman::smtp(&sink.config(), 4).expect("transport");
        case_in_mediation(&server, &w).await;
        let (settings, _) = policy(&ctx).await;
        let max = i64::from(settings.notices.delivery.max_attempts);
        // A process died mid-batch each time it claimed this row: claimed, never answered.
        let stuck = notifications::Entity::find()
            .filter(waiting())
            .one(&ctx.db)
            .await
            .expect("query")
            .expect("a row");
        let mut am: notifications::ActiveModel = stuck.clone().into();
        am.attempts = Set(max);
        am.update(&ctx.db).await.expect("update");
        let queued = count(&ctx, waiting()).await;
        let report = deliver(&ctx, &postman, redress::clock::now(&ctx)).await;
        assert_eq!(report.failed, 1, "{report:?}");
        assert_eq!(report.sent, queued - 1, "{report:?}");
        let row = notifications::Entity::find_by_id(stuck.id)
            .one(&ctx.db)
            .await
            .expect("query")
            .expect("row");
        assert!(row.failed_at.is_some() && row.sent_at.is_none());
        assert!(
            row.last_error
                .as_deref()
                .unwrap_or_default()
                .contains("without an outcome"),
            "{:?}",
            row.last_error
        );
        let failed: Value = get(&server, &w.registrar, "/api/notices/failed")
            .await
            .json();
        assert!(
            failed.to_string().contains(&format!("\"id\":{}", stuck.id)),
            "{failed}"
        );
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[serial]
async fn an_email_describes_the_case_as_it_was_at_the_event_it_reports() {
    request::<App, _, _>(|server, ctx| async move {
        let w = world(&ctx).await;
        let sink = Sink::start();
        let postman = Postman::smtp(&sink.config(), 4).expect("transport");
        let case = file(&server, &w, &grievance()).await;
        // Registered before the filing notice goes out.
        must(&server, &w.registrar, &case, json!({"action": "register"})).await;
        deliver(&ctx, &postman, redress::clock::now(&ctx)).await;
        let mail = sink.to(&w.complainant.email);
        let filed = mail
            .iter()
            .find(|m| m.text().contains("A grievance has been filed"))
            .expect("the filing notice");
        let status = |text: String| {
            text.lines()
                .find_map(|l| l.strip_prefix("Status:").map(|s| s.trim().to_string()))
                .unwrap_or_default()
        };
        assert_eq!(status(filed.text()), "Submitted", "{}", filed.text());
        let registered = mail
            .iter()
            .find(|m| m.subject().contains("Grievance registered"))
            .expect("the registration notice");
        assert_eq!(status(registered.text()), "Registered");
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[serial]
async fn a_message_and_new_evidence_reach_their_readers_by_email_in_their_language_and_no_one_else()
{
    request::<App, _, _>(|server, ctx| async move {
        let w = world(&ctx).await;
        let sink = Sink::start();
        let postman = Postman::smtp(&sink.config(), 4).expect("transport");
        let mut body = grievance();
        body["confidentiality"] = json!("identity_protected");
        let case = eligible_case(&server, &w, &body).await;
        relocate(&ctx, &w.respondent, "fr", "Europe/Paris").await;
        deliver(&ctx, &postman, redress::clock::now(&ctx)).await;
        let before = sink.count();

        let pid = case["pid"].as_str().expect("pid");
        let res = post(
            &server,
            &w.mediator,
            &format!("/api/cases/{pid}/messages"),
            &json!({"audience": "respondent_side", "body": "Please send the speakers list."}),
        )
        .await;
        assert_eq!(res.status_code(), 201, "{}", res.text());
        deliver(&ctx, &postman, redress::clock::now(&ctx)).await;
        let to_respondent = sink.to(&w.respondent.email);
        let message = to_respondent
            .iter()
            .find(|m| m.subject().contains("Nouveau message"))
            .expect("the respondent is told, in French");
        assert!(
            message.text().contains("au seul médiateur et au défendeur"),
            "{}",
            message.text()
        );
        assert!(
            !message.text().contains("speakers list"),
            "the words stay on the case page, behind sign-in"
        );
        assert!(sink
            .to(&w.complainant.email)
            .iter()
            .all(|m| !m.subject().contains("message")));
        assert_eq!(
            sink.to(&w.mediator.email)
                .iter()
                .filter(|m| m.subject().contains("Receipt"))
                .count(),
            1,
            "the author gets a receipt, not a notice"
        );
        assert_eq!(sink.count(), before + 2);

        // Evidence from the complainant: the respondent and the mediator hear of it, without
        // learning who added it.
        add_evidence(&server, &w.complainant, &case).await;
        deliver(&ctx, &postman, redress::clock::now(&ctx)).await;
        let told: Vec<_> = sink
            .to(&w.respondent.email)
            .into_iter()
            .filter(|m| m.subject().contains("Pièces ajoutées"))
            .collect();
        assert_eq!(told.len(), 1);
        let all = format!("{}{}", told[0].text(), told[0].html());
        assert!(
            !all.contains("Tuvalu") && !all.contains("Kiribati"),
            "{all}"
        );
        assert!(sink
            .to(&w.mediator.email)
            .iter()
            .any(|m| m.subject().contains("Evidence added")));
        assert!(sink
            .to(&w.complainant.email)
            .iter()
            .all(|m| !m.subject().contains("Evidence added")));
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[serial]
async fn every_notice_carries_a_reply_address_that_names_it_and_no_other() {
    request::<App, _, _>(|server, ctx| async move {
        let w = world(&ctx).await;
        let sink = Sink::start();
        let postman = Postman::smtp(&sink.config(), 4).expect("transport");
        case_in_mediation(&server, &w).await;
        deliver(&ctx, &postman, redress::clock::now(&ctx)).await;
        let (settings, _) = policy(&ctx).await;
        let intake = settings
            .intake
            .clone()
            .expect("the test deployment reads mail");
        let key = settings
            .reply_key()
            .expect("reply addresses are signed at boot");
        let received = sink.received();
        assert!(received.len() >= 8, "{}", received.len());
        let mut named = std::collections::HashSet::new();
        for m in received {
            let notice = m
                .header("Message-ID")
                .and_then(|id| {
                    redress::models::inbound::reading::notice_of(&id, settings.public_host())
                })
                .expect("a notice of ours");
            let reply_to = m.header("Reply-To").expect("a reply address");
            let token = intake
                .detail_of(reply_to.trim().trim_matches(['<', '>']))
                .expect("the intake address with a token");
            assert_eq!(key.verify(token), Ok(notice), "{reply_to}");
            named.insert(token.to_string());
        }
        assert_eq!(named.len(), sink.received().len(), "one address per notice");
    })
    .await;
}
