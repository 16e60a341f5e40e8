//! Every change an administrator makes to what the procedure runs on is in the
//! administrative audit chain, with who made it, when, before and after; oversight reads it,
//! nobody else does, and `audit:verify` names an entry changed afterwards.
use loco_rs::{boot::run_task, task};
use redress::{app::App, models::admin_log, tasks::demo::DEMO_PASSWORD};
use sea_orm::{ActiveModelTrait, ActiveValue::Set, EntityTrait};
use serde_json::{json, Value};
use serial_test::serial;

use crate::support::*;

/// Six administrative changes, one of each kind, made through the API.
async fn administer(server: &axum_test::TestServer, w: &World) {
    let created = |res: axum_test::TestResponse| {
        assert!(res.status_code().is_success(), "{}", res.text());
    };
    created(
        post(
            server,
            &w.admin,
            "/api/admin/bodies",
            &json!({"code": "UNGA", "name": "General Assembly", "kind": "other"}),
        )
        .await,
    );
    created(
        post(
            server,
            &w.admin,
            "/api/admin/holidays",
            &json!({"date": "2027-01-02", "name": "Day after New Year"}),
        )
        .await,
    );
    created(
        server
            .delete("/api/admin/holidays/2027-01-02")
            .authorization_bearer(&w.admin.token)
            .await,
    );
    created(post(server, &w.admin, "/api/admin/users",
        &json!({"email": "new.delegate@test.example", "name": "New Delegate", "role": "delegate",
                "delegation": "BOL", "time_zone": "America/La_Paz", "password": DEMO_PASSWORD})).await);
    let users: Value = get(server, &w.admin, "/api/admin/users").await.json();
    let newcomer = users
        .as_array()
        .expect("users")
        .iter()
        .find(|u| u["email"] == "new.delegate@test.example")
        .expect("accredited")["pid"]
        .as_str()
        .expect("pid")
        .to_string();
    created(
        server
            .patch(&format!("/api/admin/users/{newcomer}"))
            .authorization_bearer(&w.admin.token)
            .json(&json!({"active": false}))
            .await,
    );
    created(
        server
            .patch(&format!("/api/admin/mediators/{}", w.mediator.pid()))
            .authorization_bearer(&w.admin.token)
            .json(&json!({"capacity": 3, "on_leave": true}))
            .await,
    );
}

#[tokio::test]
#[serial]
async fn every_administrative_change_is_recorded_with_who_when_before_and_after() {
    request::<App, _, _>(|server, ctx| async move {
        let w = world(&ctx).await;
        administer(&server, &w).await;
        let log: Value = get(&server, &w.oversight, "/api/oversight/admin-log")
            .await
            .json();
        assert_eq!(log["total"], 7, "{log}");
        let items = log["items"].as_array().expect("items");
        let kinds: Vec<(&str, &str)> = items
            .iter()
            .map(|e| {
                (
                    e["subject"].as_str().unwrap_or(""),
                    e["action"].as_str().unwrap_or(""),
                )
            })
            .collect();
        assert_eq!(
            kinds,
            [
                ("mediator_profile", "changed"),
                ("user", "changed"),
                ("user", "created"),
                ("holiday", "removed"),
                ("holiday", "created"),
                ("body", "created"),
                ("policy", "created"),
            ],
            "newest first, after the policy the app started with: {log}"
        );
        for e in &items[..6] {
            assert_eq!(e["actor"]["pid"], w.admin.pid(), "{e}");
        }
        let profile = &items[0];
        assert_eq!(
            (
                &profile["before"]["capacity"],
                &profile["after"]["capacity"]
            ),
            (&json!(20), &json!(3)),
            "{profile}"
        );
        assert_eq!(profile["after"]["on_leave"], true);
        let deactivation = &items[1];
        assert_eq!(
            (
                &deactivation["before"]["active"],
                &deactivation["after"]["active"]
            ),
            (&json!(true), &json!(false))
        );
        let removal = &items[3];
        assert_eq!(removal["subject_key"], "2027-01-02");
        assert_eq!(removal["before"]["name"], "Day after New Year");
        assert!(removal["after"].is_null());
        assert_eq!(items[5]["subject_key"], "UNGA");
        // A person's record is their accreditation, never a credential.
        for e in &items[1..=2] {
            let text = e.to_string();
            for secret in ["password", "api_key", "token", "credential"] {
                assert!(!text.contains(secret), "{secret} in {text}");
            }
        }
        let (entries, problems) = admin_log::verify(&ctx.db).await.expect("verify");
        assert_eq!((entries, problems), (7, vec![]));
    })
    .await;
}

#[tokio::test]
#[serial]
async fn only_oversight_and_admins_read_the_administrative_chain() {
    request::<App, _, _>(|server, ctx| async move {
        let w = world(&ctx).await;
        for who in [&w.registrar, &w.mediator, &w.complainant, &w.respondent] {
            let res = get(&server, who, "/api/oversight/admin-log").await;
            assert_eq!(res.status_code(), 404, "{}", res.text());
        }
        assert_eq!(
            get(&server, &w.admin, "/api/oversight/admin-log")
                .await
                .status_code(),
            200
        );
        let bad = get(&server, &w.oversight, "/api/oversight/admin-log?page=first").await;
        assert_eq!(bad.status_code(), 422, "{}", bad.text());
    })
    .await;
}

#[tokio::test]
#[serial]
async fn an_administrative_entry_changed_or_deleted_afterwards_is_named_by_audit_verify() {
    request::<App, _, _>(|server, ctx| async move {
        let w = world(&ctx).await;
        administer(&server, &w).await;
        let vars = task::Vars::from_cli_args(vec![]);
        let name = "audit:verify".to_string();
        let verify = || run_task::<App>(&ctx, Some(&name), &vars);
        verify().await.expect("an untouched chain verifies");

        // Someone rewrites history: the holiday was never removed by this admin.
        let chain = admin_log::Entity::find().all(&ctx.db).await.expect("chain");
        let removal = chain
            .iter()
            .find(|e| e.action == "removed")
            .expect("the removal")
            .clone();
        let mut am: admin_log::ActiveModel = removal.clone().into();
        am.actor_id = Set(Some(w.registrar.actor.id));
        am.update(&ctx.db).await.expect("tampered");
        assert!(verify().await.is_err(), "an edited entry must be reported");
        let (_, problems) = admin_log::verify(&ctx.db).await.expect("verify");
        assert_eq!(
            problems,
            vec![(
                removal.seq,
                "content does not match its hash (edited)".to_string()
            )]
        );

        let am: admin_log::ActiveModel = removal.clone().into();
        am.reset_all().update(&ctx.db).await.expect("restored");
        verify().await.expect("restored, it verifies again");
        admin_log::Entity::delete_by_id(removal.id)
            .exec(&ctx.db)
            .await
            .expect("deleted");
        let (_, problems) = admin_log::verify(&ctx.db).await.expect("verify");
        assert!(
            problems
                .iter()
                .any(|(seq, p)| *seq == removal.seq + 1 && p.contains("missing")),
            "{problems:?}"
        );
        assert!(verify().await.is_err(), "a deleted entry must be reported");
    })
    .await;
}

#[tokio::test]
#[serial]
async fn a_change_of_the_timelines_in_force_is_recorded_once_with_the_policy_before_and_after() {
    request::<App, _, _>(|server, ctx| async move {
        let w = world(&ctx).await;
        let now = redress::clock::now(&ctx);
        let mut settings = redress::settings::Written::of(&ctx)
            .expect("settings")
            .0
            .clone();
        let chain = admin_log::Entity::find().all(&ctx.db).await.expect("chain");
        assert_eq!(
            chain
                .iter()
                .map(|e| (e.subject.as_str(), e.action.as_str(), e.actor_id))
                .collect::<Vec<_>>(),
            [("policy", "created", None)],
            "the app's start recorded the policy it started with"
        );
        assert!(
            admin_log::record_policy(&ctx.db, &settings, now)
                .await
                .expect("record")
                .is_none(),
            "a start with the same policy records nothing"
        );
        // A setting outside the procedural policy is not the chain's business.
        settings["sign_in"]["max_failures"] = json!(99);
        assert!(admin_log::record_policy(&ctx.db, &settings, now)
            .await
            .expect("record")
            .is_none());

        settings["max_extension_days"] = json!(3);
        let changed = admin_log::record_policy(&ctx.db, &settings, now)
            .await
            .expect("record")
            .expect("a changed policy is recorded");
        assert_eq!(changed.action, "changed");
        let log: Value = get(&server, &w.oversight, "/api/oversight/admin-log")
            .await
            .json();
        let entry = &log["items"][0];
        assert_eq!(entry["subject"], "policy");
        assert!(
            entry["actor"].is_null(),
            "the configuration, not a person: {entry}"
        );
        assert_eq!(
            entry["before"]["max_extension_days"],
            redress::settings::Written::of(&ctx).expect("settings").0["max_extension_days"]
        );
        assert_eq!(entry["after"]["max_extension_days"], 3);
        assert!(entry["after"]["timelines"].is_object(), "{entry}");
        let (_, problems) = admin_log::verify(&ctx.db).await.expect("verify");
        assert!(problems.is_empty(), "{problems:?}");
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[serial]
async fn administrators_changing_things_at_the_same_moment_never_fork_the_chain() {
    request::<App, _, _>(|_server, ctx| async move {
        let w = world(&ctx).await;
        let now = redress::clock::now(&ctx);
        let adds = (0..6).map(|i| {
            let db = ctx.db.clone();
            let admin = w.admin.actor.clone();
            tokio::spawn(async move {
                redress::models::bodies::NewBody {
                    code: format!("WG{i}"),
                    name: format!("Working group {i}"),
                    names: redress::models::bodies::Translations::new(),
                    kind: redress::models::vocabulary::BodyKind::WorkingGroup,
                }
                .add(&db, &admin, now)
                .await
            })
        });
        let results = futures::future::join_all(adds).await;
        let mut landed = 0;
        for r in results {
            match r.expect("joined") {
                Ok(_) => landed += 1,
                // SQLite has one writer at a time: a writer whose snapshot went stale is
                // refused as a conflict, to be sent again. Nothing else may happen.
                Err(redress::errors::AppError::Conflict(_)) => {}
                Err(e) => panic!("an administrative change failed: {e:?}"),
            }
        }
        if ctx.db.get_database_backend() == sea_orm::DatabaseBackend::Postgres {
            assert_eq!(landed, 6, "on PostgreSQL the writers queue and all land");
        }
        let (entries, problems) = admin_log::verify(&ctx.db).await.expect("verify");
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(
            entries,
            1 + landed,
            "the policy, then one entry per body that landed"
        );
    })
    .await;
}
