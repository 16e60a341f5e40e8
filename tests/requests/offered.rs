//! The actions offered to each viewer are exactly those that would succeed now: nothing is
//! offered that the case's clocks, what is pending or its mediator would refuse, and a right
//! whose window closed is shown as lapsed, not as a breach.
use chrono::Duration;
use redress::{
    app::App,
    models::{
        cases::{self, CaseAction},
        users,
    },
    views::cases::CaseDetail,
};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
use serde_json::{json, Value};
use serial_test::serial;

use crate::support::*;

fn offered(case: &Value) -> Vec<String> {
    case["allowed_actions"]
        .as_array()
        .expect("allowed actions")
        .iter()
        .filter_map(|a| a.as_str().map(String::from))
        .collect()
}

async fn seen_by(server: &axum_test::TestServer, who: &Person, case: &Value) -> Value {
    let pid = case["pid"].as_str().expect("pid");
    get(server, who, &format!("/api/cases/{pid}")).await.json()
}

#[tokio::test]
#[serial]
async fn nothing_is_offered_that_the_case_would_refuse_and_each_offer_appears_when_it_would_succeed(
) {
    request::<App, _, _>(|server, ctx| async move {
        let w = world(&ctx).await;
        let case = case_in_mediation(&server, &w).await;

        // Nobody asked for information, and nothing waits for a decision.
        let complainant = offered(&seen_by(&server, &w.complainant, &case).await);
        assert!(!complainant.contains(&"provide_information".to_string()), "{complainant:?}");
        assert!(complainant.contains(&"challenge_mediator".to_string()), "within the window");
        let registrar = offered(&seen_by(&server, &w.registrar, &case).await);
        for never in ["decide_challenge", "decide_extension", "lift_hold"] {
            assert!(!registrar.contains(&never.to_string()), "{never}: {registrar:?}");
        }
        // Refused for the same reason when tried all the same.
        let res = act(
            &server,
            &w.complainant,
            &case,
            json!({"action": "provide_information", "information": "Unasked."}),
        )
        .await;
        assert_eq!(res.status_code(), 409, "{}", res.text());

        // Asked, the information is offered; challenged, the decision is.
        must(
            &server,
            &w.mediator,
            &case,
            json!({"action": "request_information", "questions": "Which meeting?"}),
        )
        .await;
        must(
            &server,
            &w.respondent,
            &case,
            json!({"action": "challenge_mediator", "reason": "The mediator chaired the session."}),
        )
        .await;
        assert!(offered(&seen_by(&server, &w.complainant, &case).await)
            .contains(&"provide_information".to_string()));
        let complainant = offered(&seen_by(&server, &w.complainant, &case).await);
        assert!(
            !complainant.contains(&"challenge_mediator".to_string()),
            "one challenge at a time: {complainant:?}"
        );
        assert!(offered(&seen_by(&server, &w.registrar, &case).await)
            .contains(&"decide_challenge".to_string()));
        let clock = deadline(&seen_by(&server, &w.complainant, &case).await, "information")["id"].clone();
        must(
            &server,
            &w.complainant,
            &case,
            json!({"action": "request_extension", "deadline_id": clock, "days": 2, "reason": "The capital must clear the reply."}),
        )
        .await;
        assert!(offered(&seen_by(&server, &w.mediator, &case).await)
            .contains(&"decide_extension".to_string()));
    })
    .await;
}

#[tokio::test]
#[serial]
async fn a_dismissal_whose_appeal_window_closed_offers_no_appeal_and_reads_lapsed_not_overdue() {
    request::<App, _, _>(|server, ctx| async move {
        let w = world(&ctx).await;
        let case = file(&server, &w, &grievance()).await;
        must(&server, &w.registrar, &case, json!({"action": "register"})).await;
        let case = must(
            &server,
            &w.registrar,
            &case,
            json!({"action": "dismiss", "reason": "outside_mandate", "note": "Not a procedural matter."}),
        )
        .await;
        assert!(offered(&seen_by(&server, &w.complainant, &case).await)
            .contains(&"appeal".to_string()));

        let pid: uuid::Uuid = case["pid"].as_str().expect("pid").parse().expect("uuid");
        let row = cases::Entity::find()
            .filter(cases::Column::Pid.eq(pid))
            .one(&ctx.db)
            .await
            .expect("read")
            .expect("case");
        let filer = users::Entity::find_by_id(w.complainant.actor.id)
            .one(&ctx.db)
            .await
            .expect("read")
            .expect("filer")
            .actor()
            .expect("actor");
        let later = policy_at(&ctx, redress::clock::now(&ctx) + Duration::days(90)).await;
        let dossier = row.dossier(&ctx.db, &filer, &later).await.expect("dossier");
        let detail = CaseDetail::new(&dossier, &filer, &later.calendar, later.now);
        assert!(!detail.allowed_actions.contains(&CaseAction::Appeal), "{:?}", detail.allowed_actions);
        let window = detail
            .deadlines
            .iter()
            .find(|d| d.kind == "appeal_window")
            .expect("the appeal window");
        let state = serde_json::to_value(window.state).expect("state");
        assert_eq!(state, "lapsed");
        assert!(!window.breached, "a right unused is nobody's breach");
        assert_eq!(window.words(redress::models::vocabulary::Locale::En), "lapsed: the window closed unused");
    })
    .await;
}
