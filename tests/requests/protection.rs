//! A protected complainant is never identifiable to the respondent (DESIGN §6). Every
//! person of the complainant side acts on a protected case (the filer, a second delegate of
//! the lead delegation, a co-complainant's delegate), its clocks run with special and
//! differential time, and then everything the respondent can reach is read: every case route
//! of the API, the list, the pages, the calendar feed and every email they were sent.
use redress::{
    app::App,
    models::{_entities::cases, case_events, vocabulary::Role},
    workers::outbox::{self, Postman},
};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
use serde_json::{json, Value};
use serial_test::serial;

use crate::{
    pages::Browser,
    support::{smtp::Sink, *},
};

/// Whether `word` stands in `text` as a word of its own (codes such as `TUV` may occur
/// inside random tokens, which would say nothing).
fn has_word(text: &str, word: &str) -> bool {
    text.match_indices(word).any(|(at, _)| {
        let before = text[..at].chars().next_back();
        let after = text[at + word.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

struct Leaks<'a> {
    words: Vec<String>,
    people: Vec<&'a Person>,
}

impl Leaks<'_> {
    fn assert_none_in(&self, what: &str, text: &str) {
        for w in &self.words {
            assert!(!has_word(text, w), "{what} names `{w}`: {text}");
        }
        for p in &self.people {
            for identifying in [p.email.clone(), p.pid(), format!("Test {}", p.email)] {
                assert!(
                    !text.contains(&identifying),
                    "{what} identifies {}: {text}",
                    p.email
                );
            }
        }
    }
}

/// No clock of the complainant side, and so none of its extra time, in a case as JSON.
fn assert_no_complainant_clock(what: &str, case: &Value) {
    for d in case["deadlines"].as_array().into_iter().flatten() {
        assert_ne!(d["party"], "complainant", "{what}: {d}");
        assert_eq!(d["extra_days"], 0, "{what}: {d}");
    }
    if let Some(next) = case.get("next_deadline").filter(|n| !n.is_null()) {
        assert_ne!(next["party"], "complainant", "{what}: {next}");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[serial]
async fn nothing_identifies_a_protected_complainant_to_the_respondent_anywhere() {
    request::<App, _, _>(|server, ctx| async move {
        let w = world(&ctx).await;
        let second = another(&ctx, "tuv2@test.example", Role::Delegate, Some("TUV"), None).await;
        let mut g = grievance();
        g["confidentiality"] = json!("identity_protected");
        let case = eligible_case(&server, &w, &g).await;
        let pid = case["pid"].as_str().expect("pid").to_string();

        // Every person of the complainant side acts, and its clocks run with extra time.
        let case = must(&server, &w.co_complainant, &case,
            json!({"action": "challenge_mediator", "reason": "We doubt the mediator's neutrality."})).await;
        let challenge = case["timeline"].as_array().expect("timeline").last().expect("event")
            ["detail"]["challenge"].as_str().expect("challenge").to_string();
        let case = must(&server, &w.registrar, &case,
            json!({"action": "decide_challenge", "challenge": challenge, "uphold": false, "note": "No grounds."})).await;
        let case = must(&server, &w.mediator, &case,
            json!({"action": "request_information", "questions": "When was the slot removed?"})).await;
        let info = deadline(&case, "information");
        assert_eq!(info["extra_days"], 5, "Tuvalu is an LDC and a SIDS");
        let case = must(&server, &second, &case,
            json!({"action": "provide_information", "information": "On the second day."})).await;
        let case = must(&server, &w.mediator, &case,
            json!({"action": "request_response", "request": "Please account for the removal."})).await;
        must(&server, &w.respondent, &case,
            json!({"action": "submit_response", "response": "The list was full."})).await;
        let case: Value = get(&server, &second, &format!("/api/cases/{pid}")).await.json();
        let reply = deadline(&case, "complainant_reply")["id"].as_i64().expect("id");
        let case = must(&server, &second, &case,
            json!({"action": "request_extension", "deadline_id": reply, "days": 3, "reason": "Our capital must decide."})).await;
        let request_pid = case["extension_requests"][0]["pid"].as_str().expect("pid").to_string();
        must(&server, &w.mediator, &case,
            json!({"action": "decide_extension", "request": request_pid, "grant": true, "note": "Granted."})).await;

        // The complainant side adds evidence: the respondent reads it, never who added it.
        let document = add_evidence(&server, &second, &case).await;

        // The seed the case's chain starts from: with it, the hashes on the timeline would
        // test a guess of who acted.
        let seed = case_events::Entity::find()
            .filter(case_events::Column::Seq.eq(1))
            .filter(case_events::Column::CaseId.eq(
                cases::Entity::find()
                    .filter(cases::Column::Pid.eq(uuid::Uuid::parse_str(&pid).expect("uuid")))
                    .one(&ctx.db)
                    .await
                    .expect("query")
                    .expect("the case")
                    .id,
            ))
            .one(&ctx.db)
            .await
            .expect("query")
            .expect("the filing event")
            .prev_hash;
        let leaks = Leaks {
            words: ["TUV", "KIR", "Tuvalu", "Kiribati", "LDC", "SIDS", seed.as_str()]
                .map(String::from)
                .to_vec(),
            people: vec![&w.complainant, &second, &w.co_complainant],
        };
        // The registry sees what the respondent must not: the test would catch a leak.
        let full: Value = get(&server, &w.registrar, &format!("/api/cases/{pid}")).await.json();
        assert!(has_word(&full.to_string(), "TUV") && full.to_string().contains(&second.pid()));

        // Every case route of the API the respondent may call.
        let doc: Value = server.get("/api/openapi.json").await.json();
        let routes: Vec<String> = doc["paths"]
            .as_object()
            .expect("paths")
            .iter()
            .filter(|(path, ops)| path.starts_with("/api/cases") && ops.get("get").is_some())
            .map(|(path, _)| path.replace("{pid}", &pid).replace("{document}", &document))
            .collect();
        assert!(routes.len() >= 3, "{routes:?}");
        for route in &routes {
            let res = get(&server, &w.respondent, route).await;
            assert_eq!(res.status_code(), 200, "{route}: {}", res.text());
            leaks.assert_none_in(route, &res.text());
        }
        let seen: Value = get(&server, &w.respondent, &format!("/api/cases/{pid}")).await.json();
        assert_no_complainant_clock("the case", &seen);
        assert!(seen["extension_requests"].as_array().expect("list").is_empty(),
            "an extension of the complainant's clock is the complainant's business: {seen}");
        let list: Value = get(&server, &w.respondent, "/api/cases").await.json();
        for item in list["items"].as_array().expect("items") {
            assert_no_complainant_clock("the list", item);
        }
        assert!(seen["timeline"].as_array().expect("timeline").len() >= 10);
        let timeline = seen["timeline"].to_string();
        for hidden in ["complainant_reply", "Our capital must decide."] {
            assert!(!timeline.contains(hidden), "the timeline tells of `{hidden}`: {timeline}");
        }
        // Lists filtered by clocks read only the clocks the viewer may see.
        let acting: Value = get(&server, &w.respondent, "/api/cases?acting=complainant").await.json();
        assert_eq!(acting["total"], 0, "{acting}");
        let registry: Value = get(&server, &w.registrar, "/api/cases?acting=complainant").await.json();
        assert_eq!(registry["total"], 1, "{registry}");

        // The pages.
        let mut b = Browser::sign_in(&server, &w.respondent).await;
        for page in ["/cases".to_string(), format!("/cases/{pid}")] {
            let res = b.get(&server, &page).await;
            assert_eq!(res.status_code(), 200, "{page}");
            leaks.assert_none_in(&page, &res.text());
        }

        // The calendar feed.
        let issued: Value = post(&server, &w.respondent, "/api/auth/me/calendar", &json!({})).await.json();
        let url = issued["url"].as_str().expect("url");
        let path = url.split_once("5150").map_or(url, |(_, p)| p);
        let feed = server.get(path).await.text();
        leaks.assert_none_in("the calendar feed", &feed);
        assert!(!feed.contains(&format!("deadline-{reply}@")), "{feed}");

        // Every email the respondent was sent.
        let sink = Sink::start();
        let postman = Postman::smtp(&sink.config(), 4).expect("transport");
        let (settings, calendar) = policy(&ctx).await;
        let far = redress::clock::now(&ctx) + chrono::Duration::days(90);
        redress::models::reminders::sweep(&ctx.db, &settings, &calendar, far, 1000)
            .await
            .expect("sweep");
        outbox::drain(&ctx.db, &postman, &settings, &calendar, || far)
            .await
            .expect("deliver");
        let mail = sink.to(&w.respondent.email);
        assert!(mail.len() >= 3, "the respondent was notified: {}", mail.len());
        for m in &mail {
            let what = format!("the email `{}`", m.subject());
            leaks.assert_none_in(&what, &m.subject());
            leaks.assert_none_in(&what, &m.text());
            leaks.assert_none_in(&what, &m.html());
            leaks.assert_none_in(&what, &m.ics().unwrap_or_default());
        }
        println!(
            "protected complainant: {} case routes, 2 pages, 1 calendar feed and {} emails read \
             as the respondent; nothing identifying",
            routes.len(),
            mail.len()
        );
        // The complainant side's own mail does name them: the check reads real mail.
        assert!(sink.to(&w.complainant.email).iter().any(|m| m.text().contains("Tuvalu")));
    })
    .await;
}
