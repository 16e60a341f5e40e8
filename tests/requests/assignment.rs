//! Mediator assignment as the parties, the registry, mediators and oversight live it:
//! automatic choice with its reasons, nobody eligible, overrides, challenges, recusal,
//! caseloads, loads and the fairness ledger.
use chrono::Duration;
use loco_rs::testing::prelude::*;
use redress::{
    app::App,
    models::{
        _entities::{assignments, notifications},
        cases::{
            actions::ActionInput,
            transition::{transition, Command},
        },
        mediators::ledger::end_of_week,
    },
    tasks::demo::DEMO_PASSWORD,
};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
use serde_json::{json, Value};
use serial_test::serial;
use sha2::{Digest, Sha256};

use crate::support::*;

async fn patch_profile(
    server: &axum_test::TestServer,
    w: &World,
    who: &Person,
    body: Value,
) -> Value {
    let res = server
        .patch(&format!("/api/admin/mediators/{}", who.pid()))
        .authorization_bearer(&w.admin.token)
        .json(&body)
        .await;
    assert_eq!(res.status_code(), 200, "{body}: {}", res.text());
    res.json()
}

/// Accredits another mediator of `nationality` through the admin API and signs them in.
async fn another_mediator(
    server: &axum_test::TestServer,
    ctx: &loco_rs::app::AppContext,
    w: &World,
    nationality: &str,
) -> Person {
    let email = format!("{}.mediator@test.example", nationality.to_lowercase());
    let res = post(
        server,
        &w.admin,
        "/api/admin/users",
        &json!({"email": email, "name": format!("Mediator of {nationality}"), "role": "mediator",
                "delegation": nationality, "time_zone": "Europe/Zurich", "password": DEMO_PASSWORD}),
    )
    .await;
    assert_eq!(res.status_code(), 201, "{}", res.text());
    let login: Value = server
        .post("/api/auth/login")
        .json(&json!({"email": email, "password": DEMO_PASSWORD}))
        .await
        .json();
    let user = redress::models::users::Entity::find()
        .filter(redress::models::users::Column::Email.eq(email.clone()))
        .one(&ctx.db)
        .await
        .expect("query")
        .expect("user");
    Person {
        token: login["token"].as_str().expect("token").to_string(),
        actor: user.actor().expect("actor"),
        email,
    }
}

async fn record(server: &axum_test::TestServer, who: &Person, case: &Value) -> Vec<Value> {
    let pid = case["pid"].as_str().expect("pid");
    let res = get(server, who, &format!("/api/cases/{pid}/assignments")).await;
    assert_eq!(res.status_code(), 200, "{}", res.text());
    res.json::<Value>()["items"]
        .as_array()
        .expect("items")
        .clone()
}

async fn show(server: &axum_test::TestServer, who: &Person, case: &Value) -> Value {
    let pid = case["pid"].as_str().expect("pid");
    get(server, who, &format!("/api/cases/{pid}")).await.json()
}

async fn notices_of(ctx: &loco_rs::app::AppContext, kind: &str) -> Vec<notifications::Model> {
    notifications::Entity::find()
        .filter(notifications::Column::Kind.eq(kind))
        .all(&ctx.db)
        .await
        .expect("notices")
}

fn reasons_of<'a>(entry: &'a Value, who: &Person) -> Vec<(&'a str, Option<&'a str>)> {
    entry["excluded"]
        .as_array()
        .expect("excluded")
        .iter()
        .filter(|e| e["mediator"]["pid"] == who.pid())
        .flat_map(|e| e["reasons"].as_array().expect("reasons").iter())
        .map(|r| (r["code"].as_str().expect("code"), r["detail"].as_str()))
        .collect()
}

#[tokio::test]
#[serial]
async fn declaring_a_case_eligible_assigns_the_mediator_without_a_conflict_and_keeps_the_reasons() {
    request::<App, _, _>(|server, ctx| async move {
        let w = world(&ctx).await;
        let case = eligible_case(&server, &w, &grievance()).await;
        assert_eq!(case["status"], "in_mediation");
        assert_eq!(case["mediator"]["pid"], w.mediator.pid());
        assert_eq!(deadline(&case, "mediator_assignment")["state"], "met");

        let full = record(&server, &w.registrar, &case).await;
        assert_eq!(full.len(), 1);
        assert_eq!(full[0]["method"], "automatic");
        assert_eq!(full[0]["mediator"]["pid"], w.mediator.pid());
        assert_eq!(full[0]["eligible"], 1);
        assert_eq!(
            reasons_of(&full[0], &w.conflicted_mediator),
            vec![("same_nationality", Some("TUV"))]
        );
        assert_eq!(full[0]["ranking"][0]["mediator"]["pid"], w.mediator.pid());
        assert_eq!(full[0]["ranking"][0]["speaks_case_language"], true);

        // The parties see the outcome and the counts, never another mediator's conflicts.
        let partial = record(&server, &w.complainant, &case).await;
        assert_eq!(partial[0]["excluded_count"], 1);
        assert!(partial[0]["excluded"].is_null() && partial[0]["ranking"].is_null());
        let res = get(
            &server,
            &w.outsider,
            &format!("/api/cases/{}/assignments", case["pid"].as_str().unwrap()),
        )
        .await;
        assert_eq!(res.status_code(), 404);

        // The event names no actor (the rule chose) and seals the stored explanation.
        let event = case["timeline"]
            .as_array()
            .unwrap()
            .iter()
            .find(|e| e["action"] == "assign_mediator")
            .expect("assignment event");
        assert!(event["actor"].is_null());
        assert_eq!(event["detail"]["method"], "automatic");
        let stored = assignments::Entity::find()
            .one(&ctx.db)
            .await
            .unwrap()
            .unwrap();
        assert_eq!(
            event["detail"]["explanation_sha256"],
            hex::encode(Sha256::digest(stored.explanation.as_bytes()))
        );

        assert_soonest_clocks_kept(&ctx).await;
        let mine: Value = get(&server, &w.mediator, "/api/mediators/me/caseload")
            .await
            .json();
        assert_eq!(mine["total"], 1);
        assert_eq!(mine["items"][0]["pid"], case["pid"]);
        let loads: Value = get(&server, &w.registrar, "/api/mediators").await.json();
        let gha = loads["items"]
            .as_array()
            .unwrap()
            .iter()
            .find(|m| m["pid"] == w.mediator.pid())
            .unwrap();
        assert_eq!(gha["active_cases"], 1);
        assert_eq!(gha["capacity"], 20);
        assert_eq!(gha["load_percent"], 5);
        assert_eq!(loads["awaiting_mediator"], 0);
    })
    .await;
}

#[tokio::test]
#[serial]
async fn when_every_mediator_has_a_conflict_the_case_waits_for_the_registry_and_nobody_conflicted_is_assigned(
) {
    request::<App, _, _>(|server, ctx| async move {
        let w = world(&ctx).await;
        let profile = patch_profile(&server, &w, &w.mediator, json!({"on_leave": true})).await;
        assert_eq!(profile["on_leave"], true);

        let case = eligible_case(&server, &w, &grievance()).await;
        assert_eq!(case["status"], "under_assessment");
        assert!(case["mediator"].is_null());
        assert_eq!(
            case["timeline"].as_array().unwrap().last().unwrap()["action"],
            "assignment_blocked"
        );
        assert_eq!(deadline(&case, "mediator_assignment")["state"], "running");
        let flagged = notices_of(&ctx, "assignment_blocked").await;
        assert_eq!(
            flagged.iter().map(|n| n.user_id).collect::<Vec<_>>(),
            vec![w.registrar.actor.id]
        );

        let attempt = record(&server, &w.registrar, &case).await;
        assert!(attempt[0]["mediator"].is_null());
        assert_eq!(
            reasons_of(&attempt[0], &w.mediator),
            vec![("on_leave", None)]
        );
        assert_eq!(
            reasons_of(&attempt[0], &w.conflicted_mediator),
            vec![("same_nationality", Some("TUV"))]
        );
        let loads: Value = get(&server, &w.registrar, "/api/mediators").await.json();
        assert_eq!(loads["awaiting_mediator"], 1);

        // Asking again changes nothing while the pool is the same, and says why.
        let again = act(
            &server,
            &w.registrar,
            &case,
            json!({"action": "assign_mediator"}),
        )
        .await;
        assert_eq!(again.status_code(), 409);
        assert!(again.text().contains("is on leave"), "{}", again.text());

        patch_profile(&server, &w, &w.mediator, json!({"on_leave": false})).await;
        let case = must(
            &server,
            &w.registrar,
            &case,
            json!({"action": "assign_mediator"}),
        )
        .await;
        assert_eq!(case["status"], "in_mediation");
        assert_eq!(case["mediator"]["pid"], w.mediator.pid());
        assert_eq!(record(&server, &w.registrar, &case).await.len(), 2);
    })
    .await;
}

#[tokio::test]
#[serial]
async fn earlier_involvement_declared_conflicts_and_capacity_each_exclude_a_mediator() {
    request::<App, _, _>(|server, ctx| async move {
        let w = world(&ctx).await;
        let first = case_in_mediation(&server, &w).await;

        // Another dispute between the same parties: the mediator of the first is excluded.
        let second = eligible_case(&server, &w, &grievance()).await;
        assert!(second["mediator"].is_null());
        let why = record(&server, &w.registrar, &second).await;
        assert_eq!(
            reasons_of(&why[0], &w.mediator),
            vec![("earlier_involvement", None)]
        );

        // A declared conflict with a co-complainant, and a full caseload.
        patch_profile(
            &server,
            &w,
            &w.mediator,
            json!({"conflicting_delegations": ["kir"], "capacity": 1}),
        )
        .await;
        let third = eligible_case(
            &server,
            &w,
            &grievance_against(json!({"kind": "body", "code": "COP"})),
        )
        .await;
        assert!(third["mediator"].is_null());
        let why = record(&server, &w.registrar, &third).await;
        assert_eq!(
            reasons_of(&why[0], &w.mediator),
            vec![
                ("at_capacity", Some("1/1")),
                ("declared_conflict", Some("KIR"))
            ]
        );

        // The first case ends: the load falls, and without the conflict the mediator is free.
        must(
            &server,
            &w.complainant,
            &first,
            json!({"action": "withdraw"}),
        )
        .await;
        patch_profile(
            &server,
            &w,
            &w.mediator,
            json!({"conflicting_delegations": []}),
        )
        .await;
        let third = must(
            &server,
            &w.registrar,
            &third,
            json!({"action": "assign_mediator"}),
        )
        .await;
        assert_eq!(third["mediator"]["pid"], w.mediator.pid());
    })
    .await;
}

#[tokio::test]
#[serial]
async fn a_named_mediator_with_a_conflict_needs_a_written_override_which_oversight_is_told_of() {
    request::<App, _, _>(|server, ctx| async move {
        let w = world(&ctx).await;
        patch_profile(&server, &w, &w.mediator, json!({"on_leave": true})).await;
        let case = eligible_case(&server, &w, &grievance()).await;
        let named = json!({"action": "assign_mediator", "mediator": w.conflicted_mediator.pid()});
        let refused = act(&server, &w.registrar, &case, named.clone()).await;
        assert_eq!(refused.status_code(), 422);
        let body: Value = refused.json();
        assert_eq!(body["errors"]["mediator"][0]["code"], "conflict", "{body}");

        let mut short = named.clone();
        short["override_reason"] = json!("urgent");
        let res = act(&server, &w.registrar, &case, short).await;
        assert_eq!(res.status_code(), 422);
        assert!(res.json::<Value>()["errors"]["override_reason"].is_array());
        let res = act(&server, &w.registrar, &case, json!({"action": "assign_mediator", "override_reason": "Nobody else is available this month."})).await;
        assert_eq!(res.status_code(), 422, "an override names its mediator");

        let mut overriding = named;
        overriding["override_reason"] = json!("The only mediator who speaks the language of the session records.");
        let case = must(&server, &w.registrar, &case, overriding).await;
        assert_eq!(case["mediator"]["pid"], w.conflicted_mediator.pid());
        let full = record(&server, &w.registrar, &case).await;
        let last = full.last().unwrap();
        assert_eq!(last["method"], "override");
        assert!(last["override_reason"].as_str().unwrap().starts_with("The only mediator"));
        assert_eq!(reasons_of(last, &w.conflicted_mediator), vec![("same_nationality", Some("TUV"))]);
        assert!(record(&server, &w.complainant, &case).await.last().unwrap()["override_reason"].is_null());
        let told = notices_of(&ctx, "assignment_override").await;
        assert_eq!(told.iter().map(|n| n.user_id).collect::<Vec<_>>(), vec![w.oversight.actor.id]);
        let ledger: Value = get(&server, &w.oversight, "/api/mediators/fairness").await.json();
        assert_eq!(ledger["overrides"], 1);
        assert_eq!(ledger["nobody_eligible"], 1);
    })
    .await;
}

#[tokio::test]
#[serial]
async fn an_upheld_challenge_replaces_the_mediator_with_the_next_eligible_one_and_clocks_run_on() {
    request::<App, _, _>(|server, ctx| async move {
        let w = world(&ctx).await;
        let brazil = another_mediator(&server, &ctx, &w, "BRA").await;
        let case = case_in_mediation(&server, &w).await;
        let resolution_due = deadline(&case, "resolution")["due_at"].clone();

        let reason = json!({"action": "challenge_mediator", "reason": "The mediator chaired the session we complain of."});
        let case = must(&server, &w.respondent, &case, reason.clone()).await;
        assert_eq!(case["status"], "in_mediation");
        assert_eq!(case["mediator"]["pid"], w.mediator.pid());
        let twice = act(&server, &w.complainant, &case, json!({"action": "challenge_mediator", "reason": "We also object to this mediator."})).await;
        assert_eq!(twice.status_code(), 409, "one pending challenge at a time");
        let outsider = act(&server, &w.registrar, &case, reason).await;
        assert_eq!(outsider.status_code(), 403, "only the parties challenge");

        let challenge = record(&server, &w.registrar, &case).await[0]["challenges"][0].clone();
        assert_eq!(challenge["status"], "pending");
        assert_eq!(challenge["party"], "respondent");
        let case = must(&server, &w.registrar, &case, json!({"action": "decide_challenge",
            "challenge": challenge["pid"], "uphold": true, "note": "The mediator's role in the session is established."})).await;
        assert_eq!(case["mediator"]["pid"], brazil.pid(), "reassigned at once");
        assert_eq!(case["status"], "in_mediation");
        assert_eq!(deadline(&case, "resolution")["due_at"], resolution_due, "clocks run on");
        let res = get(&server, &w.mediator, &format!("/api/cases/{}", case["pid"].as_str().unwrap())).await;
        assert_eq!(res.status_code(), 404, "the removed mediator no longer sees the case");

        let history = record(&server, &w.registrar, &case).await;
        assert_eq!(history[0]["end_reason"], "challenge_upheld");
        assert_eq!(history[0]["challenges"][0]["status"], "upheld");
        assert_eq!(history[1]["method"], "automatic");
        assert_eq!(reasons_of(&history[1], &w.mediator), vec![("challenged_or_recused", None)]);
        let decided = notices_of(&ctx, "decide_challenge").await;
        assert!(decided.iter().any(|n| n.user_id == w.mediator.actor.id), "the removed mediator is told");
        assert!(decided.iter().all(|n| n.payload.contains("\"stage\":\"upheld\"")));

        // The removed mediator cannot be named again, even with a reason.
        let back = act(&server, &w.registrar, &case, json!({"action": "assign_mediator",
            "mediator": w.mediator.pid(), "override_reason": "The challenge was a misunderstanding."})).await;
        assert_eq!(back.status_code(), 422);
        assert_eq!(back.json::<Value>()["errors"]["mediator"][0]["code"], "removed");

        let loads: Value = get(&server, &w.registrar, "/api/mediators").await.json();
        let load_of = |p: &Person| loads["items"].as_array().unwrap().iter().find(|m| m["pid"] == p.pid()).unwrap()["active_cases"].clone();
        assert_eq!(load_of(&w.mediator), 0);
        assert_eq!(load_of(&brazil), 1);
    })
    .await;
}

#[tokio::test]
#[serial]
async fn a_rejected_challenge_keeps_the_mediator_and_a_late_one_is_refused() {
    request::<App, _, _>(|server, ctx| async move {
        let w = world(&ctx).await;
        let case = case_in_mediation(&server, &w).await;
        let case = must(
            &server,
            &w.co_complainant,
            &case,
            json!({"action": "challenge_mediator",
            "reason": "The mediator once represented the respondent body."}),
        )
        .await;
        let challenge =
            record(&server, &w.registrar, &case).await[0]["challenges"][0]["pid"].clone();
        let case = must(
            &server,
            &w.registrar,
            &case,
            json!({"action": "decide_challenge",
            "challenge": challenge, "uphold": false, "note": "No link with the body was shown."}),
        )
        .await;
        assert_eq!(case["mediator"]["pid"], w.mediator.pid());
        assert_eq!(
            record(&server, &w.registrar, &case).await[0]["challenges"][0]["status"],
            "rejected"
        );
        let again = act(
            &server,
            &w.registrar,
            &case,
            json!({"action": "decide_challenge",
            "challenge": challenge, "uphold": true, "note": "On reflection."}),
        )
        .await;
        assert_eq!(again.status_code(), 409);

        // Past the window (5 working days after the assignment) a challenge is refused.
        let pid = case["pid"].as_str().unwrap().parse().unwrap();
        let (app, respondent) = (&ctx, &w.respondent.actor);
        let challenge_at = |at| async move {
            transition(
                &app.db,
                &policy_at(app, at).await,
                respondent,
                pid,
                Command::of(ActionInput::ChallengeMediator {
                    reason: "We have learnt of a conflict.".into(),
                }),
            )
            .await
        };
        let err = challenge_at(redress::clock::now(&ctx) + Duration::days(10))
            .await
            .expect_err("a late challenge");
        assert!(err.to_string().contains("window"), "{err}");
        let in_time = challenge_at(redress::clock::now(&ctx) + Duration::hours(1)).await;
        assert!(in_time.is_ok(), "{in_time:?}");
    })
    .await;
}

#[tokio::test]
#[serial]
async fn a_recusing_mediator_hands_the_case_on_and_when_nobody_is_left_the_registry_is_on_the_clock(
) {
    request::<App, _, _>(|server, ctx| async move {
        let w = world(&ctx).await;
        let brazil = another_mediator(&server, &ctx, &w, "BRA").await;
        let case = case_in_mediation(&server, &w).await;
        let short = act(
            &server,
            &w.mediator,
            &case,
            json!({"action": "recuse_mediator", "reason": "Busy"}),
        )
        .await;
        assert_eq!(short.status_code(), 422);
        let case = must(
            &server,
            &w.mediator,
            &case,
            json!({"action": "recuse_mediator",
            "reason": "I advised one of the co-complainants last year."}),
        )
        .await;
        assert_eq!(case["mediator"]["pid"], brazil.pid());
        let told: Vec<i64> = notices_of(&ctx, "recuse_mediator")
            .await
            .iter()
            .map(|n| n.user_id)
            .collect();
        for who in [&w.complainant, &w.respondent, &w.registrar] {
            assert!(
                told.contains(&who.actor.id),
                "{} is told of the recusal",
                who.email
            );
        }
        assert!(
            !told.contains(&w.mediator.actor.id),
            "not the mediator who recused"
        );

        // The next one recuses too: nobody is left, the case keeps its status and waits.
        let case = must(
            &server,
            &brazil,
            &case,
            json!({"action": "recuse_mediator",
            "reason": "A family member sits on the respondent body."}),
        )
        .await;
        let case = show(&server, &w.registrar, &case).await;
        assert!(case["mediator"].is_null());
        assert_eq!(case["status"], "in_mediation");
        assert_eq!(
            case["timeline"].as_array().unwrap().last().unwrap()["action"],
            "assignment_blocked"
        );
        let clocks: Vec<&Value> = case["deadlines"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|d| d["kind"] == "mediator_assignment")
            .collect();
        assert_eq!(
            clocks.last().unwrap()["state"],
            "running",
            "the registry must find someone"
        );
        let loads: Value = get(&server, &w.registrar, "/api/mediators").await.json();
        assert_eq!(loads["awaiting_mediator"], 1);
        assert!(loads["items"]
            .as_array()
            .unwrap()
            .iter()
            .all(|m| m["active_cases"] == 0));
    })
    .await;
}

#[tokio::test]
#[serial]
async fn a_mediator_sees_open_cases_soonest_deadline_first_with_overdue_and_this_weeks_counts() {
    request::<App, _, _>(|server, ctx| async move {
        use redress::models::deadlines;
        use sea_orm::{ActiveModelTrait, ActiveValue::Set};
        let w = world(&ctx).await;
        let later = case_in_mediation(&server, &w).await;
        let overdue = eligible_case(
            &server,
            &w,
            &grievance_against(json!({"kind": "body", "code": "COP"})),
        )
        .await;
        let soon = eligible_case(
            &server,
            &w,
            &grievance_against(json!({"kind": "delegation", "code": "FRA"})),
        )
        .await;
        let at = redress::clock::now(&ctx);
        for (case, due) in [
            (&overdue, at - Duration::hours(1)),
            (&soon, at + Duration::minutes(30)),
        ] {
            let id = deadline(case, "resolution")["id"].as_i64().unwrap();
            let row = deadlines::Entity::find_by_id(id)
                .one(&ctx.db)
                .await
                .unwrap()
                .unwrap();
            let case_id = row.case_id;
            let mut am: deadlines::ActiveModel = row.into();
            am.due_at = Set(Some(due.into()));
            am.update(&ctx.db).await.unwrap();
            // Moved by hand, not through the model: keep the case's soonest clock with it.
            deadlines::sync_soonest(&ctx.db, case_id).await.unwrap();
        }
        let mine: Value = get(&server, &w.mediator, "/api/mediators/me/caseload")
            .await
            .json();
        let order: Vec<&Value> = mine["items"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| &c["pid"])
            .collect();
        assert_eq!(order, vec![&overdue["pid"], &soon["pid"], &later["pid"]]);
        // Each row carries its next clock, read with the row.
        let next = |i: usize| &mine["items"][i]["next_deadline"];
        assert_eq!(
            (&next(0)["kind"], &next(0)["state"]),
            (&json!("resolution"), &json!("overdue"))
        );
        assert_eq!(
            (&next(1)["kind"], &next(1)["state"]),
            (&json!("resolution"), &json!("running"))
        );
        assert_eq!(next(2)["kind"], "resolution");
        assert_eq!(mine["overdue"], 1);
        assert_eq!(mine["total"], 3);
        // The most pressing only, the counts still of all.
        let top: Value = get(&server, &w.mediator, "/api/mediators/me/caseload?limit=1")
            .await
            .json();
        assert_eq!(top["items"].as_array().unwrap().len(), 1);
        assert_eq!(top["items"][0]["pid"], overdue["pid"]);
        assert_eq!(
            (top["total"].as_i64(), top["overdue"].as_i64()),
            (Some(3), Some(1))
        );
        assert_eq!(
            get(
                &server,
                &w.mediator,
                "/api/mediators/me/caseload?limit=many"
            )
            .await
            .status_code(),
            422
        );
        let this_week =
            usize::from(at + Duration::minutes(30) < end_of_week(at, w.mediator.actor.zone));
        assert_eq!(mine["due_this_week"], this_week);
        // A case with no open clock is listed last, with no next deadline.
        let later_row = redress::models::_entities::cases::Entity::find()
            .filter(
                redress::models::_entities::cases::Column::Pid.eq(later["pid"]
                    .as_str()
                    .unwrap()
                    .parse::<uuid::Uuid>()
                    .unwrap()),
            )
            .one(&ctx.db)
            .await
            .unwrap()
            .unwrap();
        deadlines::Entity::update_many()
            .col_expr(
                deadlines::Column::CancelledAt,
                sea_orm::sea_query::Expr::value(Some(
                    chrono::DateTime::<chrono::FixedOffset>::from(at),
                )),
            )
            .filter(deadlines::Column::CaseId.eq(later_row.id))
            .exec(&ctx.db)
            .await
            .unwrap();
        deadlines::sync_soonest(&ctx.db, later_row.id)
            .await
            .unwrap();
        let mine: Value = get(&server, &w.mediator, "/api/mediators/me/caseload")
            .await
            .json();
        assert_eq!(mine["items"][2]["pid"], later["pid"]);
        assert!(
            mine["items"][2]["next_deadline"].is_null(),
            "{}",
            mine["items"][2]
        );
        assert_eq!(mine["items"][0]["next_deadline"]["state"], "overdue");
        let loads: Value = get(&server, &w.registrar, "/api/mediators").await.json();
        let gha = loads["items"]
            .as_array()
            .unwrap()
            .iter()
            .find(|m| m["pid"] == w.mediator.pid())
            .unwrap();
        assert_eq!(
            (gha["active_cases"].as_i64(), gha["overdue"].as_i64()),
            (Some(3), Some(1))
        );
        for who in [&w.registrar, &w.complainant, &w.admin] {
            assert_eq!(
                get(&server, who, "/api/mediators/me/caseload")
                    .await
                    .status_code(),
                404
            );
        }
        for who in [&w.mediator, &w.complainant, &w.respondent, &w.admin] {
            assert_eq!(get(&server, who, "/api/mediators").await.status_code(), 404);
            assert_eq!(
                get(&server, who, "/api/mediators/fairness")
                    .await
                    .status_code(),
                404
            );
        }
    })
    .await;
}

#[tokio::test]
#[serial]
async fn the_fairness_ledger_counts_assignments_by_mediator_and_group_and_the_spread() {
    request::<App, _, _>(|server, ctx| async move {
        let w = world(&ctx).await;
        let brazil = another_mediator(&server, &ctx, &w, "BRA").await;
        // Three disputes: the rule alternates between the two free mediators by load.
        for respondent in [
            json!({"kind": "body", "code": "HRC"}),
            json!({"kind": "body", "code": "COP"}),
            json!({"kind": "delegation", "code": "FRA"}),
        ] {
            eligible_case(&server, &w, &grievance_against(respondent)).await;
        }
        let today = redress::clock::now(&ctx).date_naive();
        let ledger: Value = get(
            &server,
            &w.oversight,
            &format!("/api/mediators/fairness?from={today}&to={today}"),
        )
        .await
        .json();
        assert_eq!(ledger["assignments"], 3, "{ledger}");
        let count = |p: &Person| {
            ledger["by_mediator"]
                .as_array()
                .unwrap()
                .iter()
                .find(|m| m["pid"] == p.pid())
                .unwrap()["assignments"]
                .as_u64()
                .unwrap()
        };
        assert_eq!((count(&w.mediator), count(&brazil)), (2, 1));
        assert_eq!(ledger["by_mediator_group"]["african"], 2);
        assert_eq!(ledger["by_mediator_group"]["latin_american_caribbean"], 1);
        assert_eq!(ledger["by_complainant_group"]["asia_pacific"], 3);
        // Spread between the most and least loaded of the three available mediators.
        assert_eq!(
            ledger["assignment_spread"],
            json!({"most": 2, "fewest": 0, "spread": 2})
        );
        assert_eq!(ledger["load_spread"]["spread"], 2);

        let yesterday = today - chrono::Days::new(1);
        let empty: Value = get(
            &server,
            &w.registrar,
            &format!("/api/mediators/fairness?from={yesterday}&to={yesterday}"),
        )
        .await
        .json();
        assert_eq!(empty["assignments"], 0);
        for bad in [
            "from=2026-12-31&to=2026-01-01",
            "from=yesterday",
            "from=2020-01-01&to=2026-01-01",
            "colour=blue",
        ] {
            let res = get(
                &server,
                &w.registrar,
                &format!("/api/mediators/fairness?{bad}"),
            )
            .await;
            assert_eq!(res.status_code(), 422, "{bad}: {}", res.text());
        }
    })
    .await;
}

#[tokio::test]
#[serial]
async fn admins_manage_profiles_and_bad_profiles_are_refused_per_field() {
    request::<App, _, _>(|server, ctx| async move {
        let w = world(&ctx).await;
        let path = format!("/api/admin/mediators/{}", w.mediator.pid());
        let profile: Value = get(&server, &w.admin, &path).await.json();
        assert_eq!(profile["nationality"], "GHA");
        assert_eq!(profile["regional_group"], "african");
        assert_eq!(profile["languages"], json!(["en"]));
        assert_eq!(profile["capacity"], 20);

        let changed = patch_profile(&server, &w, &w.mediator, json!({"languages": ["fr", "en", "fr"],
            "capacity": 35, "conflicting_delegations": ["FRA", "deu"], "conflicting_bodies": ["COP"]})).await;
        assert_eq!(changed["languages"], json!(["en", "fr"]));
        assert_eq!(changed["capacity"], 35);
        assert_eq!(changed["conflicting_delegations"], json!(["DEU", "FRA"]));
        assert_eq!(changed["conflicting_bodies"], json!(["COP"]));
        let kept = patch_profile(&server, &w, &w.mediator, json!({"on_leave": true})).await;
        assert_eq!(kept["conflicting_delegations"], json!(["DEU", "FRA"]), "absent lists stay");

        for (body, field) in [
            (json!({"capacity": 0}), "capacity"),
            (json!({"capacity": 5000}), "capacity"),
            (json!({"languages": []}), "languages"),
            (json!({"languages": ["xx"]}), "languages[0]"),
            (json!({"conflicting_delegations": ["ATLANTIS"]}), "conflicting_delegations[0]"),
            (json!({"conflicting_bodies": ["HRC", "NOPE"]}), "conflicting_bodies[1]"),
            (json!({"capacity": "many"}), "capacity"),
            (json!({"nationality": "FRA"}), "nationality"),
        ] {
            let res = server.patch(&path).authorization_bearer(&w.admin.token).json(&body).await;
            assert_eq!(res.status_code(), 422, "{body}: {}", res.text());
            let errors = res.json::<Value>()["errors"].clone();
            assert!(errors.get(field).is_some(), "{body}: {errors}");
        }
        let not_a_mediator = format!("/api/admin/mediators/{}", w.registrar.pid());
        assert_eq!(get(&server, &w.admin, &not_a_mediator).await.status_code(), 404);
        assert_eq!(get(&server, &w.admin, "/api/admin/mediators/not-a-pid").await.status_code(), 404);
        for who in [&w.registrar, &w.mediator, &w.oversight] {
            assert_eq!(get(&server, who, &path).await.status_code(), 404);
        }
    })
    .await;
}
