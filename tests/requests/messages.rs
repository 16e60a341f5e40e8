//! Correspondence through the API: each message reaches exactly its audience, by every route
//! (the messages, the case, its timeline, its documents and their downloads, the notices);
//! a side writes only to all parties or to the mediator alone; a message moves no clock; a
//! registry note is for the staff's file unless said otherwise; and the seal covers a
//! message's words and its audience.
use axum_test::{
    multipart::{MultipartForm, Part},
    TestResponse, TestServer,
};
use redress::{
    app::App,
    models::{
        _entities::{case_events, cases, notifications, submissions},
        case_events as chain,
    },
};
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, EntityTrait, QueryFilter, QueryOrder,
};
use serde_json::{json, Value};
use serial_test::serial;

use crate::support::*;

const AUDIENCES: [&str; 4] = [
    "all_parties",
    "complainant_side",
    "respondent_side",
    "staff",
];

/// Who reads which audience, written apart from the rule: all parties, complainant side,
/// respondent side, staff.
fn reads(who: &str) -> [bool; 4] {
    match who {
        "complainant" | "co_complainant" => [true, true, false, false],
        "respondent" => [true, false, true, false],
        "mediator" | "registrar" | "oversight" => [true; 4],
        _ => [false; 4],
    }
}

async fn send(
    server: &TestServer,
    who: &Person,
    case: &Value,
    message: Value,
    file: Option<(&str, &[u8])>,
) -> TestResponse {
    let pid = case["pid"].as_str().expect("pid");
    let path = format!("/api/cases/{pid}/messages");
    match file {
        None => post(server, who, &path, &message).await,
        Some((name, bytes)) => {
            let form = MultipartForm::new()
                .add_text("json", message.to_string())
                .add_part("file", Part::bytes(bytes.to_vec()).file_name(name));
            server
                .post(&path)
                .authorization_bearer(&who.token)
                .multipart(form)
                .await
        }
    }
}

fn words_for(audience: &str) -> String {
    format!("Words for the {audience} audience.")
}

fn bodies(list: &Value) -> Vec<String> {
    list.as_array()
        .map(|l| {
            l.iter()
                .filter_map(|m| m["body"].as_str().map(String::from))
                .collect()
        })
        .unwrap_or_default()
}

#[tokio::test]
#[serial]
async fn every_message_and_its_documents_reach_exactly_their_audience_by_every_route() {
    request::<App, _, _>(|server, ctx| async move {
        let w = world(&ctx).await;
        let mut g = grievance();
        g["confidentiality"] = json!("identity_protected");
        let case = eligible_case(&server, &w, &g).await;
        let pid = case["pid"].as_str().expect("pid").to_string();
        assert_eq!(case["mediator"]["pid"], w.mediator.pid(), "{case}");

        let mut documents = Vec::new();
        for audience in AUDIENCES {
            let res = send(
                &server,
                &w.mediator,
                &case,
                json!({"audience": audience, "body": words_for(audience)}),
                Some((&format!("{audience}.pdf"), PDF)),
            )
            .await;
            assert_eq!(res.status_code(), 201, "{audience}: {}", res.text());
            let sent: Value = res.json();
            assert_eq!(sent["audience"], audience);
            assert_eq!(sent["kind"], "message");
            documents.push(
                sent["documents"][0]["pid"]
                    .as_str()
                    .expect("doc")
                    .to_string(),
            );
        }

        let viewers = [
            ("complainant", &w.complainant),
            ("co_complainant", &w.co_complainant),
            ("respondent", &w.respondent),
            ("mediator", &w.mediator),
            ("registrar", &w.registrar),
            ("oversight", &w.oversight),
            ("outsider", &w.outsider),
            ("other_respondent", &w.other_respondent),
        ];
        for (name, who) in viewers {
            let expected = reads(name);
            let sees_case = expected[0];
            let listed = get(&server, who, &format!("/api/cases/{pid}/messages")).await;
            let detail = get(&server, who, &format!("/api/cases/{pid}")).await;
            let docs = get(&server, who, &format!("/api/cases/{pid}/documents")).await;
            if !sees_case {
                for res in [&listed, &detail, &docs] {
                    assert_eq!(res.status_code(), 404, "{name}");
                }
            } else {
                let listed = bodies(&listed.json());
                let detail: Value = detail.json();
                let in_case = bodies(&detail["submissions"]);
                let docs: Value = docs.json();
                let doc_pids: Vec<&str> = docs
                    .as_array()
                    .expect("docs")
                    .iter()
                    .filter_map(|d| d["pid"].as_str())
                    .collect();
                let events = detail["timeline"]
                    .as_array()
                    .expect("timeline")
                    .iter()
                    .filter(|e| e["action"] == "message")
                    .count();
                let reached = expected.iter().filter(|r| **r).count();
                assert_eq!(events, reached, "{name}: message events on the timeline");
                for (i, audience) in AUDIENCES.iter().enumerate() {
                    let words = words_for(audience);
                    assert_eq!(
                        listed.contains(&words),
                        expected[i],
                        "{name} listing {audience}"
                    );
                    assert_eq!(
                        in_case.contains(&words),
                        expected[i],
                        "{name} reading the case, {audience}"
                    );
                    assert_eq!(
                        doc_pids.contains(&documents[i].as_str()),
                        expected[i],
                        "{name} listing the document of {audience}"
                    );
                    let download = get(
                        &server,
                        who,
                        &format!("/api/cases/{pid}/documents/{}", documents[i]),
                    )
                    .await;
                    assert_eq!(
                        download.status_code(),
                        if expected[i] { 200 } else { 404 },
                        "{name} downloading the document of {audience}"
                    );
                }
            }
            // Told of exactly what they read, the author and oversight excepted.
            let told: Vec<String> = notifications::Entity::find()
                .filter(notifications::Column::UserId.eq(who.actor.id))
                .filter(notifications::Column::Kind.eq("message"))
                .all(&ctx.db)
                .await
                .expect("notices")
                .iter()
                .map(|n| {
                    let p: Value = serde_json::from_str(&n.payload).expect("payload");
                    p["stage"].as_str().expect("audience").to_string()
                })
                .collect();
            for (i, audience) in AUDIENCES.iter().enumerate() {
                let should = expected[i] && !matches!(name, "mediator" | "oversight" | "registrar");
                assert_eq!(
                    told.iter().any(|t| t == audience),
                    should,
                    "{name} told of {audience}: {told:?}"
                );
            }
        }
    })
    .await;
}

#[tokio::test]
#[serial]
async fn a_side_writes_only_to_all_parties_or_to_the_mediator_alone_and_a_message_moves_no_clock() {
    request::<App, _, _>(|server, ctx| async move {
        let w = world(&ctx).await;
        let case = case_in_mediation(&server, &w).await;
        let pid = case["pid"].as_str().expect("pid").to_string();

        for (who, audience) in [
            (&w.complainant, "staff"),
            (&w.complainant, "respondent_side"),
            (&w.respondent, "complainant_side"),
            (&w.co_complainant, "staff"),
        ] {
            let res = send(
                &server,
                who,
                &case,
                json!({"audience": audience, "body": "Hello."}),
                None,
            )
            .await;
            assert_eq!(res.status_code(), 422, "{audience}: {}", res.text());
            assert_eq!(
                res.json::<Value>()["errors"]["audience"][0]["code"],
                "not_open"
            );
        }
        let res = send(
            &server,
            &w.oversight,
            &case,
            json!({"audience": "staff", "body": "A note."}),
            None,
        )
        .await;
        assert_eq!(res.status_code(), 403, "oversight reads only");
        let res = send(
            &server,
            &w.outsider,
            &case,
            json!({"audience": "all_parties", "body": "Hello."}),
            None,
        )
        .await;
        assert_eq!(res.status_code(), 404, "no standing, no case");
        for bad in [
            json!({"audience": "everyone", "body": "Hello."}),
            json!({"audience": "all_parties", "body": "   "}),
            json!({"audience": "all_parties", "body": "Hello.", "cc": "x"}),
            json!({"body": "Hello."}),
        ] {
            let res = send(&server, &w.complainant, &case, bad.clone(), None).await;
            assert_eq!(res.status_code(), 422, "{bad}: {}", res.text());
        }
        // An HTML file is refused with the message: nothing is kept.
        let res = send(
            &server,
            &w.complainant,
            &case,
            json!({"audience": "all_parties", "body": "See the page."}),
            Some(("page.html", b"<html><script>alert(1)</script></html>")),
        )
        .await;
        assert_eq!(res.status_code(), 422, "{}", res.text());

        let before: Value = get(&server, &w.complainant, &format!("/api/cases/{pid}"))
            .await
            .json();
        let res = send(
            &server,
            &w.co_complainant,
            &case,
            json!({"audience": "complainant_side", "body": "Our side only.", "language": "fr"}),
            None,
        )
        .await;
        assert_eq!(res.status_code(), 201, "{}", res.text());
        assert_eq!(res.json::<Value>()["language"], "fr");
        let after: Value = get(&server, &w.complainant, &format!("/api/cases/{pid}"))
            .await
            .json();
        assert_eq!(after["version"], before["version"], "a message is no step");
        assert_eq!(after["deadlines"], before["deadlines"], "nor a clock's");
        assert_eq!(after["status"], before["status"]);
        let respondent: Value = get(
            &server,
            &w.respondent,
            &format!("/api/cases/{pid}/messages"),
        )
        .await
        .json();
        assert_eq!(respondent, json!([]), "the other side reads nothing of it");
        // The author gets a receipt for what they wrote.
        let receipts = notifications::Entity::find()
            .filter(notifications::Column::UserId.eq(w.co_complainant.actor.id))
            .filter(notifications::Column::Kind.eq("receipt"))
            .all(&ctx.db)
            .await
            .expect("receipts")
            .len();
        assert_eq!(receipts, 1);

        // A closed case takes no message.
        let closed = cases::Entity::find()
            .filter(cases::Column::Pid.eq(uuid::Uuid::parse_str(&pid).expect("uuid")))
            .one(&ctx.db)
            .await
            .expect("read")
            .expect("case");
        let mut am: cases::ActiveModel = closed.into();
        am.status = Set("closed".into());
        am.update(&ctx.db).await.expect("close");
        let res = send(
            &server,
            &w.complainant,
            &case,
            json!({"audience": "all_parties", "body": "Too late."}),
            None,
        )
        .await;
        assert_eq!(res.status_code(), 409, "{}", res.text());
    })
    .await;
}

#[tokio::test]
#[serial]
async fn a_registry_note_on_registering_is_for_the_staffs_file_unless_said_otherwise() {
    request::<App, _, _>(|server, ctx| async move {
        let w = world(&ctx).await;
        let case = file(&server, &w, &grievance()).await;
        let pid = case["pid"].as_str().expect("pid").to_string();
        must(
            &server,
            &w.registrar,
            &case,
            json!({"action": "register", "note": "Caller sounded distressed; check in weekly."}),
        )
        .await;
        must(
            &server,
            &w.registrar,
            &case,
            json!({"action": "declare_eligible", "note": "Within the mandate: a procedural matter."}),
        )
        .await;
        let seen = |v: &Value| {
            (
                bodies(&v["submissions"]).contains(&"Caller sounded distressed; check in weekly.".to_string()),
                bodies(&v["submissions"]).contains(&"Within the mandate: a procedural matter.".to_string()),
                v["timeline"].as_array().expect("timeline").iter().any(|e| e["action"] == "note"),
            )
        };
        for (who, expected) in [
            (&w.complainant, (false, true, false)),
            (&w.respondent, (false, true, false)),
            (&w.registrar, (true, true, true)),
            (&w.oversight, (true, true, true)),
        ] {
            let detail: Value = get(&server, who, &format!("/api/cases/{pid}")).await.json();
            assert_eq!(seen(&detail), expected, "{}", who.email);
            // Registration itself is on everyone's timeline.
            assert!(detail["timeline"].as_array().expect("timeline").iter().any(|e| e["action"] == "register"));
        }

        // Said otherwise, a registration note reaches the complainant side.
        let other = file(&server, &w, &grievance()).await;
        must(
            &server,
            &w.registrar,
            &other,
            json!({"action": "register", "note": "Registered; we will write within ten days.", "note_audience": "complainant_side"}),
        )
        .await;
        let opid = other["pid"].as_str().expect("pid");
        let detail: Value = get(&server, &w.complainant, &format!("/api/cases/{opid}")).await.json();
        assert!(bodies(&detail["submissions"]).contains(&"Registered; we will write within ten days.".to_string()));
        let res = act(&server, &w.registrar, &other, json!({"action": "declare_eligible", "note_audience": "nobody"})).await;
        assert_eq!(res.status_code(), 422, "{}", res.text());
    })
    .await;
}

#[tokio::test]
#[serial]
async fn the_seal_covers_a_messages_words_and_who_may_read_it() {
    request::<App, _, _>(|server, ctx| async move {
        let w = world(&ctx).await;
        let case = case_in_mediation(&server, &w).await;
        let res = send(
            &server,
            &w.mediator,
            &case,
            json!({"audience": "staff", "body": "The chair's office was uncooperative."}),
            None,
        )
        .await;
        assert_eq!(res.status_code(), 201, "{}", res.text());
        let row = cases::Entity::find()
            .filter(
                cases::Column::Pid
                    .eq(uuid::Uuid::parse_str(case["pid"].as_str().expect("pid")).expect("uuid")),
            )
            .one(&ctx.db)
            .await
            .expect("read")
            .expect("case");
        assert!(chain::verify_case(&ctx.db, &row)
            .await
            .expect("verify")
            .is_empty());

        // Widening the note to all parties after the fact breaks the seal.
        let note = submissions::Entity::find()
            .filter(submissions::Column::CaseId.eq(row.id))
            .filter(submissions::Column::Kind.eq("message"))
            .one(&ctx.db)
            .await
            .expect("read")
            .expect("note");
        let mut am: submissions::ActiveModel = note.clone().into();
        am.audience = Set("all_parties".into());
        am.update(&ctx.db).await.expect("widen");
        let breaks = chain::verify_case(&ctx.db, &row).await.expect("verify");
        assert!(
            breaks
                .iter()
                .any(|b| b.problem.contains(&note.pid.to_string())),
            "{breaks:?}"
        );
        let mut am: submissions::ActiveModel = note.clone().into();
        am.audience = Set("staff".into());
        am.body = Set("The chair's office was helpful.".into());
        am.update(&ctx.db).await.expect("reword");
        assert!(!chain::verify_case(&ctx.db, &row)
            .await
            .expect("verify")
            .is_empty());
        let mut am: submissions::ActiveModel = note.into();
        am.body = Set("The chair's office was uncooperative.".into());
        am.update(&ctx.db).await.expect("restore");
        assert!(chain::verify_case(&ctx.db, &row)
            .await
            .expect("verify")
            .is_empty());

        // Showing the event to everyone (clearing its audience) breaks the chain too.
        let event = case_events::Entity::find()
            .filter(case_events::Column::CaseId.eq(row.id))
            .filter(case_events::Column::Action.eq("message"))
            .order_by_desc(case_events::Column::Seq)
            .one(&ctx.db)
            .await
            .expect("read")
            .expect("event");
        assert_eq!(event.audience.as_deref(), Some("staff"));
        let mut am: case_events::ActiveModel = event.into();
        am.audience = Set(None);
        am.update(&ctx.db).await.expect("unscope");
        let breaks = chain::verify_case(&ctx.db, &row).await.expect("verify");
        assert!(
            breaks.iter().any(|b| b.problem.contains("audience")),
            "{breaks:?}"
        );
    })
    .await;
}
