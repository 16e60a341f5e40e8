//! Nothing accepted is dropped: every action is sent with every field it accepts, each text
//! carrying a mark of its own, and each mark is then found on the case (its pleadings,
//! timeline, holds, extensions or assignment record). The table must name every action the
//! API takes, so a new action cannot land with a field that goes nowhere.
use std::collections::BTreeSet;

use redress::{
    app::App,
    models::{
        cases::{actions::ActionInput, CaseAction},
        vocabulary::Role,
    },
};
use serde_json::{json, Value};
use serial_test::serial;

use crate::support::*;

/// What the registry can read of a case: the case and its assignment record.
async fn everything(server: &axum_test::TestServer, w: &World, case: &Value) -> String {
    let pid = case["pid"].as_str().expect("pid");
    let detail = get(server, &w.registrar, &format!("/api/cases/{pid}"))
        .await
        .text();
    let record = get(
        server,
        &w.registrar,
        &format!("/api/cases/{pid}/assignments"),
    )
    .await
    .text();
    format!("{detail}{record}")
}

fn last_detail(case: &Value, key: &str) -> String {
    case["timeline"]
        .as_array()
        .expect("timeline")
        .iter()
        .rev()
        .find_map(|e| e["detail"][key].as_str())
        .expect("the detail")
        .to_string()
}

struct Run<'a> {
    server: &'a axum_test::TestServer,
    sent: BTreeSet<&'static str>,
    marks: Vec<(String, String)>,
}

impl Run<'_> {
    /// Sends `action` with its fields; each text field carries `kept <action> <field>`.
    async fn act(
        &mut self,
        who: &Person,
        case: &Value,
        action: &'static str,
        texts: &[&str],
        other: Value,
    ) -> Value {
        let mut body = json!({"action": action});
        for field in texts {
            let mark = format!("kept {action} {field}");
            body[*field] = json!(mark);
            self.marks
                .push((case["pid"].as_str().expect("pid").to_string(), mark));
        }
        for (k, v) in other.as_object().into_iter().flatten() {
            body[k] = v.clone();
        }
        // Every pleading is written in Russian: the language named is the one kept.
        if action
            .parse::<CaseAction>()
            .is_ok_and(CaseAction::writes_pleading)
        {
            body["written_in"] = json!("ru");
        }
        self.sent.insert(action);
        must(self.server, who, case, body).await
    }
}

#[tokio::test]
#[serial]
async fn every_field_every_action_accepts_is_found_on_the_case_afterwards() {
    request::<App, _, _>(|server, ctx| async move {
        let w = world(&ctx).await;
        let norway = another(&ctx, "nor@test.example", Role::Mediator, Some("NOR"), None).await;
        let peru = another(&ctx, "per@test.example", Role::Mediator, Some("PER"), None).await;
        let mut run = Run {
            server: &server,
            sent: BTreeSet::new(),
            marks: Vec::new(),
        };

        // One case through the whole process.
        let a = file(&server, &w, &grievance()).await;
        run.act(&w.registrar, &a, "register", &["note"], json!({}))
            .await;
        let a = run
            .act(&w.registrar, &a, "declare_eligible", &["note"], json!({}))
            .await;
        let a = run
            .act(
                &w.complainant,
                &a,
                "challenge_mediator",
                &["reason"],
                json!({}),
            )
            .await;
        let challenge = last_detail(&a, "challenge");
        run.act(
            &w.registrar,
            &a,
            "decide_challenge",
            &["note"],
            json!({"challenge": challenge, "uphold": false}),
        )
        .await;
        let complaint = a["submissions"][0]["pid"]
            .as_str()
            .expect("pid")
            .to_string();
        let asked = run
            .act(
                &w.complainant,
                &a,
                "request_translation",
                &[],
                json!({"source": complaint, "language": "fr"}),
            )
            .await;
        let translation = asked["translations"][0]["pid"]
            .as_str()
            .expect("pid")
            .to_string();
        run.act(
            &w.registrar,
            &a,
            "provide_translation",
            &["text"],
            json!({"request": translation}),
        )
        .await;
        run.act(&w.mediator, &a, "place_hold", &["reason"], json!({}))
            .await;
        run.act(&w.mediator, &a, "lift_hold", &["note"], json!({}))
            .await;
        run.act(
            &w.mediator,
            &a,
            "request_information",
            &["questions"],
            json!({}),
        )
        .await;
        run.act(
            &w.complainant,
            &a,
            "provide_information",
            &["information"],
            json!({}),
        )
        .await;
        let a = run
            .act(&w.mediator, &a, "request_response", &["request"], json!({}))
            .await;
        let clock = deadline(&a, "formal_response")["id"].as_i64().expect("id");
        let a = run
            .act(
                &w.respondent,
                &a,
                "request_extension",
                &["reason"],
                json!({"deadline_id": clock, "days": 3}),
            )
            .await;
        let request = a["extension_requests"][0]["pid"]
            .as_str()
            .expect("pid")
            .to_string();
        run.act(
            &w.mediator,
            &a,
            "decide_extension",
            &["note"],
            json!({"request": request, "grant": true, "days": 2}),
        )
        .await;
        run.act(
            &w.respondent,
            &a,
            "submit_response",
            &["response"],
            json!({}),
        )
        .await;
        run.act(
            &w.complainant,
            &a,
            "contest_response",
            &["counter_proposal"],
            json!({}),
        )
        .await;
        run.act(&w.mediator, &a, "escalate", &["reason"], json!({}))
            .await;
        run.act(
            &w.registrar,
            &a,
            "record_decision",
            &["reasoning"],
            json!({"decision": "partly_upheld"}),
        )
        .await;
        run.act(&w.complainant, &a, "appeal", &["grounds"], json!({}))
            .await;
        run.act(
            &w.registrar,
            &a,
            "record_decision",
            &["reasoning"],
            json!({"decision": "upheld"}),
        )
        .await;
        // Monitoring starts once the appeal window has closed.
        redress::clock::Clock::of(&ctx).advance(chrono::Duration::days(30));
        run.act(&w.mediator, &a, "start_monitoring", &["plan"], json!({}))
            .await;
        run.act(&w.mediator, &a, "close", &["summary"], json!({}))
            .await;

        // Recusal, and an assignment made against the rule's choice.
        let b = eligible_case(
            &server,
            &w,
            &grievance_against(json!({"kind": "body", "code": "COP"})),
        )
        .await;
        let holder = |case: &Value| {
            [&w.mediator, &norway, &peru]
                .into_iter()
                .find(|m| case["mediator"]["pid"] == m.pid())
                .expect("a mediator holds the case")
                .clone()
        };
        let recused = holder(&b);
        let b = run
            .act(&recused, &b, "recuse_mediator", &["reason"], json!({}))
            .await;
        // The registry overrides the rule's new choice with a mediator of its own.
        let chosen = [&w.mediator, &norway, &peru]
            .into_iter()
            .find(|m| b["mediator"]["pid"] != m.pid() && m.pid() != recused.pid())
            .expect("another mediator")
            .clone();
        let b = run
            .act(
                &w.registrar,
                &b,
                "assign_mediator",
                &["override_reason"],
                json!({"mediator": chosen.pid()}),
            )
            .await;
        let b = run
            .act(&chosen, &b, "request_response", &["request"], json!({}))
            .await;
        run.act(
            &w.other_respondent,
            &b,
            "submit_response",
            &["response"],
            json!({}),
        )
        .await;
        run.act(&w.complainant, &b, "accept_response", &["note"], json!({}))
            .await;

        // A settlement in mediation, a withdrawal, a dismissal.
        let c = eligible_case(
            &server,
            &w,
            &grievance_against(json!({"kind": "delegation", "code": "FRA"})),
        )
        .await;
        run.act(&holder(&c), &c, "record_settlement", &["terms"], json!({}))
            .await;
        let d = file(&server, &w, &grievance()).await;
        run.act(&w.complainant, &d, "withdraw", &["reason"], json!({}))
            .await;
        let e = file(&server, &w, &grievance()).await;
        run.act(&w.registrar, &e, "register", &["note"], json!({}))
            .await;
        run.act(
            &w.registrar,
            &e,
            "dismiss",
            &["note"],
            json!({"reason": "outside_mandate"}),
        )
        .await;

        let every: BTreeSet<&str> = ActionInput::names().into_iter().collect();
        let missing: Vec<_> = every.difference(&run.sent).collect();
        assert!(
            missing.is_empty(),
            "actions the table does not send: {missing:?}"
        );

        for case in [&a, &b, &c, &d, &e] {
            let seen = everything(&server, &w, case).await;
            for (pid, mark) in &run.marks {
                if case["pid"] == *pid {
                    assert!(
                        seen.contains(mark.as_str()),
                        "`{mark}` was accepted and not kept"
                    );
                }
            }
        }
        // The language each pleading was written in is kept, and only the actions that write
        // one take it: every pleading but the complaint (filed in English) and what was never
        // written through an action (messages, translations) reads as Russian.
        for case in [&a, &b, &c, &d, &e] {
            let pid = case["pid"].as_str().expect("pid");
            let detail: Value = get(&server, &w.registrar, &format!("/api/cases/{pid}"))
                .await
                .json();
            for s in detail["submissions"].as_array().expect("submissions") {
                if !["complaint", "message", "translation"].contains(&s["kind"].as_str().unwrap()) {
                    assert_eq!(s["language"], "ru", "{s}");
                }
            }
        }
        let refused = act(
            &server,
            &w.mediator,
            &a,
            json!({"action": "place_hold", "reason": "Waiting.", "written_in": "fr"}),
        )
        .await;
        assert_eq!(refused.status_code(), 422, "a hold writes no pleading");
        assert!(refused.json::<Value>()["errors"]["written_in"].is_array());
        // Fields that are not text are kept too.
        let seen_a = everything(&server, &w, &a).await;
        assert!(
            seen_a.contains("\"decision\":\"upheld\"") && seen_a.contains("\"extension_days\":2")
        );
        let seen_e = everything(&server, &w, &e).await;
        assert!(seen_e.contains("outside_mandate"));
    })
    .await;
}
