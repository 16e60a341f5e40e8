//! Two people acting on the same version of a case: one wins, the other is told so.
use redress::app::App;
use serde_json::json;
use serial_test::serial;

use crate::support::*;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[serial]
async fn two_registrars_registering_at_once_give_one_success_and_one_conflict() {
    request::<App, _, _>(|server, ctx| async move {
        let w = world(&ctx).await;
        for round in 0..5 {
            let case = file(&server, &w, &grievance()).await;
            let version = case["version"].clone();
            let (a, b) = tokio::join!(
                act(
                    &server,
                    &w.registrar,
                    &case,
                    json!({"action": "register", "expected_version": version})
                ),
                act(
                    &server,
                    &w.registrar,
                    &case,
                    json!({"action": "register", "expected_version": version})
                ),
            );
            let mut codes = [a.status_code().as_u16(), b.status_code().as_u16()];
            codes.sort_unstable();
            assert_eq!(
                codes,
                [200, 409],
                "round {round}: {} / {}",
                a.text(),
                b.text()
            );
            let now: serde_json::Value = get(
                &server,
                &w.registrar,
                &format!("/api/cases/{}", case["pid"].as_str().unwrap()),
            )
            .await
            .json();
            assert_eq!(now["status"], "registered");
            assert_eq!(now["version"], 2);
            let registers = now["timeline"]
                .as_array()
                .unwrap()
                .iter()
                .filter(|e| e["action"] == "register")
                .count();
            assert_eq!(registers, 1, "round {round}: one event, never two");
        }
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[serial]
async fn different_actions_racing_on_one_version_never_skip_a_state() {
    request::<App, _, _>(|server, ctx| async move {
        let w = world(&ctx).await;
        // A mediator who handled a case between the same parties is not assigned again, so
        // each round's grievance is against another delegation.
        for (round, respondent) in ["FRA", "DEU", "JPN", "BRA", "IND"].iter().enumerate() {
            let case = eligible_case(&server, &w, &grievance_against(json!({"kind": "delegation", "code": respondent}))).await;
            assert_eq!(case["mediator"]["pid"], w.mediator.pid());
            let version = case["version"].clone();
            let (a, b) = tokio::join!(
                act(&server, &w.mediator, &case, json!({"action": "request_response", "request": "Account?", "expected_version": version})),
                act(&server, &w.mediator, &case, json!({"action": "escalate", "reason": "Stuck.", "expected_version": version})),
            );
            let ok: Vec<_> = [&a, &b].into_iter().filter(|r| r.status_code() == 200).collect();
            assert_eq!(ok.len(), 1, "round {round}: {} / {}", a.text(), b.text());
            let after: serde_json::Value = ok[0].json();
            assert_eq!(after["version"], version.as_i64().unwrap() + 1);
            assert!(["awaiting_response", "under_review"].contains(&after["status"].as_str().unwrap()));
        }
    })
    .await;
}

#[tokio::test]
#[serial]
async fn a_stale_version_is_refused_with_409() {
    request::<App, _, _>(|server, ctx| async move {
        let w = world(&ctx).await;
        let case = file(&server, &w, &grievance()).await;
        must(&server, &w.registrar, &case, json!({"action": "register"})).await;
        let stale = act(
            &server,
            &w.registrar,
            &case,
            json!({"action": "declare_eligible", "expected_version": 1}),
        )
        .await;
        assert_eq!(stale.status_code(), 409);
        assert!(stale.text().contains("version 2"));
    })
    .await;
}
