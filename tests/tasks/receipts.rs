//! A party's receipt (the reference, the SHA-256 of the text it filed, the hash of the event
//! that recorded it) holds against the case file and the digest the register published for
//! its day, and fails once the text is changed, whatever else is made to match.
use chrono::Duration;
use loco_rs::{boot::run_task, task};
use redress::{
    app::App,
    models::{
        _entities::{case_events, submissions},
        digests::{self, Receipt},
    },
    workers::outbox::{self, Postman},
};
use sea_orm::{ActiveModelTrait, ActiveValue::Set, ColumnTrait, EntityTrait, QueryFilter};
use serial_test::serial;

use crate::support::{smtp::Sink, *};

/// The event that recorded the response "The list was full.".
async fn event_of_response(ctx: &loco_rs::app::AppContext) -> case_events::Model {
    let response = submissions::Entity::find()
        .filter(submissions::Column::Body.eq("The list was full."))
        .one(&ctx.db)
        .await
        .expect("query")
        .expect("the response");
    case_events::Entity::find()
        .filter(case_events::Column::CaseId.eq(response.case_id))
        .all(&ctx.db)
        .await
        .expect("events")
        .into_iter()
        .find(|e| e.detail.contains(&response.pid.to_string()))
        .expect("the event that recorded the response")
}

/// The value the receipt emailed to `to` gives under `label` (on the line after it).
fn emailed(sink: &Sink, to: &str, label: &str) -> Vec<String> {
    sink.to(to)
        .iter()
        .filter(|m| m.subject().contains("Receipt"))
        .filter_map(|m| {
            let text = m.text();
            let mut lines = text.lines();
            lines.find(|l| l.starts_with(label))?;
            lines
                .find(|l| !l.trim().is_empty())
                .map(|v| v.trim().to_string())
        })
        .collect()
}

#[tokio::test]
#[serial]
async fn a_receipt_holds_against_the_days_digest_and_fails_once_the_pleading_is_changed() {
    request::<App, _, _>(|server, ctx| async move {
        let w = world(&ctx).await;
        let sink = Sink::start();
        let case = case_in_mediation(&server, &w).await;
        let case = must(
            &server,
            &w.mediator,
            &case,
            serde_json::json!({"action": "request_response", "request": "Please account."}),
        )
        .await;
        must(
            &server,
            &w.respondent,
            &case,
            serde_json::json!({"action": "submit_response", "response": "The list was full."}),
        )
        .await;
        let reference = case["reference"].as_str().expect("a reference");

        // Each author is emailed a receipt for what they filed, and nobody else is.
        let now = redress::clock::now(&ctx);
        let (settings, calendar) = policy(&ctx).await;
        let postman = Postman::smtp(&sink.config(), 4).expect("transport");
        outbox::drain(&ctx.db, &postman, &settings, &calendar, || now)
            .await
            .expect("delivery runs");
        let respondent = emailed(&sink, &w.respondent.email, "SHA-256 of the text");
        assert_eq!(respondent, [digests::text_hash("The list was full.")]);
        assert_eq!(
            emailed(&sink, &w.complainant.email, "SHA-256 of the text").len(),
            1,
            "the complainant's receipt is for the grievance they filed"
        );
        assert_eq!(
            emailed(&sink, &w.mediator.email, "SHA-256 of the text").len(),
            1,
            "the mediator's receipt is for the request they made"
        );
        for other in [&w.registrar, &w.oversight] {
            assert!(emailed(&sink, &other.email, "SHA-256").is_empty());
        }
        let event = event_of_response(&ctx).await;
        let receipt = Receipt {
            reference: reference.to_string(),
            sha256: respondent[0].clone(),
            event: emailed(&sink, &w.respondent.email, "The event that recorded it")[0].clone(),
        };
        assert_eq!(receipt.event, event.hash);
        assert_eq!(
            emailed(&sink, &w.respondent.email, "The day (UTC)"),
            [now.date_naive().to_string()]
        );

        // Before the day is over, nothing is published to check against.
        let (_, problems) = digests::check_receipt(&ctx.db, &receipt, None)
            .await
            .expect("checked");
        assert!(
            problems.iter().any(|p| p.contains("not published yet")),
            "{problems:?}"
        );

        let published = digests::publish(&ctx.db, now + Duration::days(1))
            .await
            .expect("published");
        let day = published.last().expect("the day published");
        assert_eq!(day.day, now.date_naive());
        assert!(digests::publish(&ctx.db, now + Duration::days(1))
            .await
            .expect("again")
            .is_empty());

        let (inclusion, problems) = digests::check_receipt(&ctx.db, &receipt, Some(&day.root))
            .await
            .expect("checked");
        assert!(problems.is_empty(), "{problems:?}");
        let inclusion = inclusion.expect("the event's place");
        assert!(inclusion.proves(&receipt.event, &day.root));
        // The public register's page shows the day's digest to anyone.
        let register = server.get("/register").await.text();
        assert!(
            register.contains(&day.root),
            "the digest is on the register page"
        );
        // The link the receipt gives shows the same proof on the public register.
        let link = emailed(&sink, &w.respondent.email, "From the next day")[0].clone();
        let path = link
            .split_once("/api/")
            .map(|(_, p)| format!("/api/{p}"))
            .expect("a register link");
        let proof = server.get(&path).await;
        proof.assert_status_ok();
        assert_eq!(proof.json::<serde_json::Value>()["root"], day.root.as_str());
        assert_eq!(inclusion.size, u64::try_from(day.leaves).unwrap());
        let vars = task::Vars::from_cli_args(vec![
            ("reference".into(), receipt.reference.clone()),
            ("sha256".into(), receipt.sha256.clone()),
            ("event".into(), receipt.event.clone()),
            ("root".into(), day.root.clone()),
        ]);
        run_task::<App>(&ctx, Some(&"receipt:verify".to_string()), &vars)
            .await
            .expect("the receipt holds");

        // A root other than the one published is named.
        let (_, problems) = digests::check_receipt(&ctx.db, &receipt, Some(&"0".repeat(64)))
            .await
            .expect("checked");
        assert!(problems.iter().any(|p| p.contains("kept")), "{problems:?}");

        // The response's words changed after the fact: the receipt no longer holds.
        let response = submissions::Entity::find()
            .filter(submissions::Column::Body.eq("The list was full."))
            .one(&ctx.db)
            .await
            .expect("query")
            .expect("the response");
        let mut am: submissions::ActiveModel = response.into();
        am.body = Set("The list was never full.".into());
        am.update(&ctx.db).await.expect("tampered");
        let (_, problems) = digests::check_receipt(&ctx.db, &receipt, Some(&day.root))
            .await
            .expect("checked");
        assert!(
            problems
                .iter()
                .any(|p| p.contains("not the text the receipt")),
            "{problems:?}"
        );
        assert!(
            run_task::<App>(&ctx, Some(&"receipt:verify".to_string()), &vars)
                .await
                .is_err()
        );

        // Rewriting the event to match the new words gives it another hash: the receipt
        // names an event the chain no longer holds, and the day's root no longer holds.
        let event = case_events::Entity::find()
            .filter(case_events::Column::Hash.eq(receipt.event.as_str()))
            .one(&ctx.db)
            .await
            .expect("query")
            .expect("the event");
        let mut am: case_events::ActiveModel = event.into();
        am.hash = Set("f".repeat(64));
        am.update(&ctx.db).await.expect("rewritten");
        let (_, problems) = digests::check_receipt(&ctx.db, &receipt, Some(&day.root))
            .await
            .expect("checked");
        assert!(
            problems.iter().any(|p| p.contains("no event")),
            "{problems:?}"
        );
        let (_, days) = digests::verify(&ctx.db).await.expect("verified");
        assert_eq!(
            days.len(),
            1,
            "the day's digest no longer matches: {days:?}"
        );
    })
    .await;
}
