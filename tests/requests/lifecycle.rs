//! Whole cases over the API, from filing to closure.
use redress::app::App;
use serde_json::json;
use serial_test::serial;

use crate::support::*;

#[tokio::test]
#[serial]
async fn a_grievance_goes_from_filing_through_response_and_settlement_to_closure() {
    request::<App, _, _>(|server, ctx| async move {
        let w = world(&ctx).await;
        let case = file(&server, &w, &grievance()).await;
        assert!(
            case["reference"].as_str().unwrap().starts_with("GR-20"),
            "{case}"
        );
        assert_eq!(case["status"], "submitted");
        assert_eq!(deadline(&case, "acknowledge")["state"], "running");

        let case = must(&server, &w.registrar, &case, json!({"action": "register"})).await;
        assert_eq!(case["status"], "registered");
        assert_eq!(deadline(&case, "acknowledge")["state"], "met");
        // Declaring the case eligible assigns the one mediator without a conflict.
        let case = must(
            &server,
            &w.registrar,
            &case,
            json!({"action": "declare_eligible"}),
        )
        .await;
        assert_eq!(case["status"], "in_mediation");
        assert_eq!(case["mediator"]["pid"], w.mediator.pid());

        let case = must(
            &server,
            &w.mediator,
            &case,
            json!({"action": "request_response", "request": "Please explain the removal."}),
        )
        .await;
        assert_eq!(case["status"], "awaiting_response");
        let response_clock = deadline(&case, "formal_response");
        assert_eq!(response_clock["party"], "respondent");
        // speaking_time overrides the formal response clock to 10 working days.
        assert_eq!(response_clock["days"], 10);

        let case = must(
            &server,
            &w.respondent,
            &case,
            json!({"action": "submit_response", "response": "We regret it and offer a slot."}),
        )
        .await;
        assert_eq!(case["status"], "response_received");
        // Tuvalu is an LDC and a SIDS: its reply clock gets the extra working days.
        let reply = deadline(&case, "complainant_reply");
        assert_eq!(reply["extra_days"], 5);
        assert_eq!(reply["days"], 15);

        let case = must(
            &server,
            &w.complainant,
            &case,
            json!({"action": "accept_response"}),
        )
        .await;
        assert_eq!(case["status"], "settled");
        assert_eq!(case["outcome"], "response_accepted");
        let case = must(
            &server,
            &w.mediator,
            &case,
            json!({"action": "start_monitoring", "plan": "Check the next speakers' list."}),
        )
        .await;
        let case = must(
            &server,
            &w.mediator,
            &case,
            json!({"action": "close", "summary": "Slot granted and used."}),
        )
        .await;
        assert_eq!(case["status"], "closed");
        assert!(case["deadlines"]
            .as_array()
            .unwrap()
            .iter()
            .all(|d| d["state"] == "met" || d["state"] == "cancelled"));

        let actions: Vec<&str> = case["timeline"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| e["action"].as_str().unwrap())
            .collect();
        assert_eq!(
            actions,
            [
                "file",
                "register",
                "declare_eligible",
                "assign_mediator",
                "request_response",
                "submit_response",
                "accept_response",
                "start_monitoring",
                "close"
            ]
        );
        let kinds: Vec<&str> = case["submissions"]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| s["kind"].as_str().unwrap())
            .collect();
        assert_eq!(
            kinds,
            [
                "complaint",
                "response_request",
                "formal_response",
                "acceptance",
                "monitoring_plan",
                "closing_note"
            ]
        );
    })
    .await;
}

#[tokio::test]
#[serial]
async fn a_contested_response_goes_to_review_decision_and_appeal_within_the_window() {
    request::<App, _, _>(|server, ctx| async move {
        let w = world(&ctx).await;
        let case = case_in_mediation(&server, &w).await;
        must(&server, &w.mediator, &case, json!({"action": "request_response", "request": "Your account?"})).await;
        must(&server, &w.respondent, &case, json!({"action": "submit_response", "response": "Nothing happened."})).await;
        let case = must(&server, &w.complainant, &case,
            json!({"action": "contest_response", "counter_proposal": "The verbatim record shows otherwise."})).await;
        assert_eq!(case["status"], "in_mediation");
        let case = must(&server, &w.mediator, &case, json!({"action": "escalate", "reason": "No agreement."})).await;
        assert_eq!(case["status"], "under_review");
        let case = must(&server, &w.registrar, &case,
            json!({"action": "record_decision", "decision": "upheld", "reasoning": "Rule 27 was breached."})).await;
        assert_eq!(case["status"], "decided");
        assert_eq!(case["outcome"], "upheld");
        assert_eq!(deadline(&case, "appeal_window")["unit"], "calendar");

        // The decided case cannot be closed while the appeal window runs.
        let early = act(&server, &w.registrar, &case, json!({"action": "close", "summary": "Done."})).await;
        assert_eq!(early.status_code(), 409);
        assert!(early.text().contains("appeal window"));

        let case = must(&server, &w.respondent, &case, json!({"action": "appeal", "grounds": "The panel misread rule 27."})).await;
        assert_eq!(case["status"], "under_review");
        must(&server, &w.registrar, &case,
            json!({"action": "record_decision", "decision": "partly_upheld", "reasoning": "On appeal."})).await;
        let again = act(&server, &w.complainant, &case, json!({"action": "appeal", "grounds": "Once more."})).await;
        assert_eq!(again.status_code(), 409);
        assert!(again.text().contains("already been appealed"));
        assert_soonest_clocks_kept(&ctx).await;
    })
    .await;
}

#[tokio::test]
#[serial]
async fn a_hold_pauses_every_running_clock_and_lifting_it_resumes_them() {
    request::<App, _, _>(|server, ctx| async move {
        let w = world(&ctx).await;
        let case = case_in_mediation(&server, &w).await;
        let case = must(
            &server,
            &w.mediator,
            &case,
            json!({"action": "request_response", "request": "Account?"}),
        )
        .await;
        let before = deadline(&case, "formal_response")["due_at"]["utc"].clone();
        assert!(before.is_string());

        let no_reason = act(
            &server,
            &w.mediator,
            &case,
            json!({"action": "place_hold", "reason": ""}),
        )
        .await;
        assert_eq!(no_reason.status_code(), 422);

        let held = must(
            &server,
            &w.mediator,
            &case,
            json!({"action": "place_hold", "reason": "Awaiting the verbatim record."}),
        )
        .await;
        assert_eq!(held["on_hold"], true);
        for d in held["deadlines"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|d| d["state"] != "met" && d["state"] != "cancelled")
        {
            assert_eq!(d["state"], "paused", "{d}");
            assert!(d["due_at"].is_null());
        }
        let twice = act(
            &server,
            &w.mediator,
            &held,
            json!({"action": "place_hold", "reason": "Again, really."}),
        )
        .await;
        assert_eq!(twice.status_code(), 409);
        // Every clock paused: the case has none running to put it in a caseload's order.
        assert_soonest_clocks_kept(&ctx).await;

        let lifted = must(&server, &w.mediator, &held, json!({"action": "lift_hold"})).await;
        assert_eq!(lifted["on_hold"], false);
        // Lifted the same day: no working day was consumed, the due date is unchanged.
        assert_eq!(
            deadline(&lifted, "formal_response")["due_at"]["utc"],
            before
        );
        assert_eq!(lifted["holds"].as_array().unwrap().len(), 1);
        assert_soonest_clocks_kept(&ctx).await;
    })
    .await;
}

#[tokio::test]
#[serial]
async fn a_granted_extension_moves_the_deadline_and_a_refused_one_does_not() {
    request::<App, _, _>(|server, ctx| async move {
        let w = world(&ctx).await;
        let case = case_in_mediation(&server, &w).await;
        let case = must(&server, &w.mediator, &case, json!({"action": "request_response", "request": "Account?"})).await;
        let clock = deadline(&case, "formal_response").clone();
        let id = clock["id"].as_i64().unwrap();

        // The complainant may not ask for more time on the respondent's clock.
        let foreign = act(&server, &w.complainant, &case,
            json!({"action": "request_extension", "deadline_id": id, "days": 5, "reason": "We need time."})).await;
        assert_eq!(foreign.status_code(), 403);

        let asked = must(&server, &w.respondent, &case,
            json!({"action": "request_extension", "deadline_id": id, "days": 5, "reason": "The chair is travelling."})).await;
        let request_pid = asked["extension_requests"][0]["pid"].as_str().unwrap().to_string();
        assert_eq!(asked["extension_requests"][0]["status"], "pending");
        let dup = act(&server, &w.respondent, &asked,
            json!({"action": "request_extension", "deadline_id": id, "days": 3, "reason": "Another go."})).await;
        assert_eq!(dup.status_code(), 409);

        let granted = must(&server, &w.mediator, &asked,
            json!({"action": "decide_extension", "request": request_pid, "grant": true, "note": "Reasonable."})).await;
        let after = deadline(&granted, "formal_response");
        assert_eq!(after["extension_days"], 5);
        assert_eq!(after["days"], clock["days"].as_i64().unwrap() + 5);
        assert!(after["due_at"]["utc"].as_str().unwrap() > clock["due_at"]["utc"].as_str().unwrap());
        assert_soonest_clocks_kept(&ctx).await;

        let again = act(&server, &w.mediator, &granted,
            json!({"action": "decide_extension", "request": request_pid, "grant": false, "note": "Changed my mind."})).await;
        assert_eq!(again.status_code(), 409);
    })
    .await;
}

#[tokio::test]
#[serial]
async fn a_mediator_of_a_partys_nationality_is_refused() {
    request::<App, _, _>(|server, ctx| async move {
        let w = world(&ctx).await;
        let case = eligible_case(&server, &w, &grievance()).await;
        let res = act(
            &server,
            &w.registrar,
            &case,
            json!({"action": "assign_mediator", "mediator": w.conflicted_mediator.pid()}),
        )
        .await;
        assert_eq!(res.status_code(), 422);
        let body: serde_json::Value = res.json();
        assert_eq!(body["errors"]["mediator"][0]["code"], "conflict");
        let not_a_mediator = act(
            &server,
            &w.registrar,
            &case,
            json!({"action": "assign_mediator", "mediator": w.oversight.pid()}),
        )
        .await;
        assert_eq!(not_a_mediator.status_code(), 422);
    })
    .await;
}

#[tokio::test]
#[serial]
async fn dismissal_needs_a_reason_from_the_list_and_opens_the_appeal_window() {
    request::<App, _, _>(|server, ctx| async move {
        let w = world(&ctx).await;
        let case = file(&server, &w, &grievance()).await;
        must(&server, &w.registrar, &case, json!({"action": "register"})).await;
        let bad = act(&server, &w.registrar, &case,
            json!({"action": "dismiss", "reason": "because", "note": "No."})).await;
        assert_eq!(bad.status_code(), 422);
        let case = must(&server, &w.registrar, &case,
            json!({"action": "dismiss", "reason": "outside_mandate", "note": "A national matter."})).await;
        assert_eq!(case["status"], "dismissed");
        assert_eq!(case["dismissal_reason"], "outside_mandate");
        let window = deadline(&case, "appeal_window");
        assert_eq!(window["party"], "complainant");
        assert_eq!(window["state"], "running");
        let appealed = must(&server, &w.complainant, &case,
            json!({"action": "appeal", "grounds": "The matter concerns the forum's own procedure."})).await;
        assert_eq!(appealed["status"], "registered");
        assert_eq!(deadline(&appealed, "eligibility")["state"], "running");
    })
    .await;
}

#[tokio::test]
#[serial]
async fn the_complainant_may_withdraw_and_the_case_is_then_closed() {
    request::<App, _, _>(|server, ctx| async move {
        let w = world(&ctx).await;
        let case = case_in_mediation(&server, &w).await;
        let co = act(
            &server,
            &w.co_complainant,
            &case,
            json!({"action": "withdraw"}),
        )
        .await;
        assert_eq!(co.status_code(), 403, "only the lead complainant withdraws");
        let case = must(
            &server,
            &w.complainant,
            &case,
            json!({"action": "withdraw", "reason": "Settled informally."}),
        )
        .await;
        assert_eq!(case["status"], "withdrawn");
        assert_eq!(case["outcome"], "withdrawn");
        assert!(case["deadlines"]
            .as_array()
            .unwrap()
            .iter()
            .all(|d| d["state"] != "running"));
        let case = must(
            &server,
            &w.mediator,
            &case,
            json!({"action": "close", "summary": "Withdrawn."}),
        )
        .await;
        assert_eq!(case["status"], "closed");
        let late = act(
            &server,
            &w.complainant,
            &case,
            json!({"action": "withdraw"}),
        )
        .await;
        assert_eq!(late.status_code(), 409);
        assert!(late
            .text()
            .contains("cannot withdraw a case that is closed"));
    })
    .await;
}

#[tokio::test]
#[serial]
async fn filing_twice_with_one_idempotency_key_creates_one_case() {
    request::<App, _, _>(|server, ctx| async move {
        let w = world(&ctx).await;
        let mut body = grievance();
        body["idempotency_key"] = json!("submit-form-42");
        let first = post(&server, &w.complainant, "/api/cases", &body).await;
        assert_eq!(first.status_code(), 201);
        let second = post(&server, &w.complainant, "/api/cases", &body).await;
        assert_eq!(second.status_code(), 200);
        let (a, b): (serde_json::Value, serde_json::Value) = (first.json(), second.json());
        assert_eq!(a["pid"], b["pid"]);
        let list: serde_json::Value = get(&server, &w.registrar, "/api/cases").await.json();
        assert_eq!(list["total"], 1);
    })
    .await;
}

#[tokio::test]
#[serial]
async fn the_answer_to_a_filing_is_the_case_as_it_reads_back() {
    request::<App, _, _>(|server, ctx| async move {
        let w = world(&ctx).await;
        let against_a_delegation = {
            let mut g = grievance_against(json!({"kind": "delegation", "code": "BOL"}));
            g["co_complainants"] = json!([]);
            g
        };
        for body in [grievance(), against_a_delegation] {
            let filed = file(&server, &w, &body).await;
            let path = format!("/api/cases/{}", filed["pid"].as_str().unwrap());
            let read: serde_json::Value = get(&server, &w.complainant, &path).await.json();
            assert_eq!(filed, read);
            assert!(filed["reference"].as_str().unwrap().starts_with("GR-"));
        }
    })
    .await;
}

#[tokio::test]
#[serial]
async fn every_transition_queues_one_notice_per_recipient() {
    request::<App, _, _>(|server, ctx| async move {
        use redress::models::notifications;
        use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
        let w = world(&ctx).await;
        let case = case_in_mediation(&server, &w).await;
        let rows = notifications::Entity::find()
            .filter(notifications::Column::Kind.eq("assign_mediator"))
            .all(&ctx.db)
            .await
            .unwrap();
        let mut recipients: Vec<i64> = rows.iter().map(|r| r.user_id).collect();
        recipients.sort_unstable();
        let mut expected = vec![
            w.complainant.actor.id,
            w.co_complainant.actor.id,
            w.respondent.actor.id,
            w.mediator.actor.id,
        ];
        expected.sort_unstable();
        assert_eq!(recipients, expected);
        assert!(rows
            .iter()
            .all(|r| r.sent_at.is_none() && r.case_id.is_some()));
        assert!(
            rows.iter().all(|r| !r.payload.contains("TUV")),
            "notices never carry the complainant's identity"
        );
        let keys: std::collections::BTreeSet<_> =
            rows.iter().map(|r| r.dedupe_key.clone()).collect();
        assert_eq!(keys.len(), rows.len());
        assert_eq!(case["status"], "in_mediation");
    })
    .await;
}
