use loco_rs::{boot::run_task, task};
use redress::{
    app::App,
    models::{
        _entities::{case_co_complainants, cases, submissions},
        case_events, seal,
    },
};
use sea_orm::{
    ActiveModelTrait,
    ActiveValue::{NotSet, Set},
    ColumnTrait, EntityTrait, QueryFilter, QueryOrder,
};
use serde_json::json;
use serial_test::serial;

use crate::support::*;

#[tokio::test]
#[serial]
async fn audit_verify_passes_on_real_cases_and_fails_once_an_event_is_edited() {
    request::<App, _, _>(|server, ctx| async move {
        let w = world(&ctx).await;
        let case = case_in_mediation(&server, &w).await;
        must(
            &server,
            &w.mediator,
            &case,
            json!({"action": "request_response", "request": "Account?"}),
        )
        .await;
        let vars = task::Vars::from_cli_args(vec![]);
        run_task::<App>(&ctx, Some(&"audit:verify".to_string()), &vars)
            .await
            .expect("a clean chain verifies");

        let first = case_events::Entity::find()
            .one(&ctx.db)
            .await
            .unwrap()
            .unwrap();
        let mut am: case_events::ActiveModel = first.into();
        am.action = Set("dismiss".into());
        am.update(&ctx.db).await.unwrap();
        let res = run_task::<App>(&ctx, Some(&"audit:verify".to_string()), &vars).await;
        assert!(res.is_err(), "an edited event must be reported");
    })
    .await;
}

/// A case in mediation whose respondent has answered: its chain seals the filing, the
/// complaint and the response. Returns the response's row.
async fn answered_case(
    server: &loco_rs::TestServer,
    ctx: &loco_rs::app::AppContext,
    w: &World,
) -> submissions::Model {
    let case = case_in_mediation(server, w).await;
    let case = must(
        server,
        &w.mediator,
        &case,
        json!({"action": "request_response", "request": "Please account for the removal."}),
    )
    .await;
    must(
        server,
        &w.respondent,
        &case,
        json!({"action": "submit_response", "response": "The list was full."}),
    )
    .await;
    let (checked, breaks) = case_events::verify_all(&ctx.db).await.expect("verify");
    assert_eq!(
        (checked, breaks),
        (1, vec![]),
        "an untouched case matches its seals"
    );
    submissions::Entity::find()
        .filter(submissions::Column::Body.eq("The list was full."))
        .one(&ctx.db)
        .await
        .expect("query")
        .expect("the response")
}

async fn breaks(ctx: &loco_rs::app::AppContext) -> Vec<case_events::ChainBreak> {
    let vars = task::Vars::from_cli_args(vec![]);
    let task = run_task::<App>(ctx, Some(&"audit:verify".to_string()), &vars).await;
    assert!(task.is_err(), "audit:verify must fail");
    case_events::verify_all(&ctx.db).await.expect("verify").1
}

#[tokio::test]
#[serial]
async fn a_word_of_a_pleading_changed_after_the_fact_is_named_by_audit_verify() {
    request::<App, _, _>(|server, ctx| async move {
        let w = world(&ctx).await;
        let response = answered_case(&server, &ctx, &w).await;
        let pid = response.pid.to_string();
        let mut am: submissions::ActiveModel = response.into();
        am.body = Set("The list was never full.".into());
        am.update(&ctx.db).await.expect("tampered");
        let found = breaks(&ctx).await;
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(
            found[0].problem.contains(&pid) && found[0].problem.contains("edited"),
            "{found:?}"
        );
    })
    .await;
}

#[tokio::test]
#[serial]
async fn a_pleading_deleted_or_slipped_in_after_the_fact_is_named_by_audit_verify() {
    request::<App, _, _>(|server, ctx| async move {
        let w = world(&ctx).await;
        let response = answered_case(&server, &ctx, &w).await;
        let gone = response.pid.to_string();
        let mut forged: submissions::ActiveModel = response.clone().into();
        forged.id = NotSet;
        forged.pid = Set(uuid::Uuid::new_v4());
        forged.body = Set("We admit everything.".into());
        let forged = forged.insert(&ctx.db).await.expect("slipped in");
        submissions::Entity::delete_by_id(response.id)
            .exec(&ctx.db)
            .await
            .expect("deleted");
        let found = breaks(&ctx).await;
        assert!(
            found
                .iter()
                .any(|b| b.problem.contains(&gone) && b.problem.contains("gone")),
            "{found:?}"
        );
        assert!(
            found
                .iter()
                .any(|b| b.problem.contains(&forged.pid.to_string())
                    && b.problem.contains("no event")),
            "{found:?}"
        );
    })
    .await;
}

#[tokio::test]
#[serial]
async fn the_filing_changed_after_the_fact_is_named_by_audit_verify() {
    request::<App, _, _>(|server, ctx| async move {
        let w = world(&ctx).await;
        let response = answered_case(&server, &ctx, &w).await;
        // The filer's facts, and separately who filed: either change breaks the seal.
        for change in [
            cases::ActiveModel {
                id: Set(response.case_id),
                facts: Set("Nothing happened.".into()),
                ..Default::default()
            },
            cases::ActiveModel {
                id: Set(response.case_id),
                complainant_delegation_id: Set(w.outsider.actor.delegation_id.expect("BOL")),
                ..Default::default()
            },
        ] {
            let before = cases::Entity::find_by_id(response.case_id)
                .one(&ctx.db)
                .await
                .expect("query")
                .expect("case");
            change.update(&ctx.db).await.expect("tampered");
            let found = breaks(&ctx).await;
            assert_eq!(found.len(), 1, "{found:?}");
            assert_eq!(found[0].seq, 1);
            assert!(found[0].problem.contains("filing"), "{found:?}");
            let restore: cases::ActiveModel = before.into();
            restore.reset_all().update(&ctx.db).await.expect("restored");
            assert!(case_events::verify_all(&ctx.db)
                .await
                .expect("verify")
                .1
                .is_empty());
        }
        // Who files beside the complainant decides who sees the case: dropping a
        // co-complainant breaks the filing's seal too.
        case_co_complainants::Entity::delete_many()
            .filter(case_co_complainants::Column::CaseId.eq(response.case_id))
            .exec(&ctx.db)
            .await
            .expect("dropped");
        let found = breaks(&ctx).await;
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(
            found[0].seq == 1 && found[0].problem.contains("filing"),
            "{found:?}"
        );
    })
    .await;
}

#[tokio::test]
#[serial]
async fn a_chain_begun_before_seals_is_held_only_to_the_seals_it_carries() {
    request::<App, _, _>(|server, ctx| async move {
        let w = world(&ctx).await;
        let response = answered_case(&server, &ctx, &w).await;
        let case = cases::Entity::find_by_id(response.case_id)
            .one(&ctx.db)
            .await
            .expect("query")
            .expect("case");
        let mut events = case_events::Entity::find()
            .filter(case_events::Column::CaseId.eq(case.id))
            .order_by_asc(case_events::Column::Seq)
            .all(&ctx.db)
            .await
            .expect("events");
        let pleadings = submissions::Entity::find()
            .filter(submissions::Column::CaseId.eq(case.id))
            .all(&ctx.db)
            .await
            .expect("pleadings");
        let co: Vec<i64> = case_co_complainants::Entity::find()
            .filter(case_co_complainants::Column::CaseId.eq(case.id))
            .all(&ctx.db)
            .await
            .expect("co-complainants")
            .into_iter()
            .map(|c| c.delegation_id)
            .collect();
        assert!(!co.is_empty(), "the grievance is co-filed");
        assert!(seal::check(&case, &co, &events, &pleadings).is_empty());
        // As it would stand had it been filed before seals: the complaint is sealed by no
        // event, and that is no break; the response, sealed since, still is checked.
        events[0].detail = "{}".into();
        assert!(seal::check(&case, &co, &events, &pleadings).is_empty());
        let mut edited = pleadings.clone();
        for p in &mut edited {
            p.body.push('!');
        }
        let found = seal::check(&case, &co, &events, &edited);
        let complaint = pleadings
            .iter()
            .find(|p| p.kind == "complaint")
            .expect("the complaint");
        assert_eq!(
            found.len(),
            pleadings.len() - 1,
            "all but the complaint: {found:?}"
        );
        assert!(found
            .iter()
            .any(|b| b.problem.contains(&response.pid.to_string())));
        assert!(!found
            .iter()
            .any(|b| b.problem.contains(&complaint.pid.to_string())));
    })
    .await;
}
