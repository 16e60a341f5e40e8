//! Who sees what (DESIGN §6): every role against the list, the detail and every action, for
//! a case of their own, another's, and one unrelated to them.
use redress::{app::App, models::cases::CaseAction};
use serde_json::{json, Value};
use serial_test::serial;
use strum::IntoEnumIterator;

use crate::support::*;

fn visible(list: &Value, case: &Value) -> bool {
    list["items"]
        .as_array()
        .unwrap()
        .iter()
        .any(|c| c["pid"] == case["pid"])
}

#[tokio::test]
#[serial]
async fn each_role_sees_exactly_the_cases_it_may_see() {
    request::<App, _, _>(|server, ctx| async move {
        let w = world(&ctx).await;
        // Served case with the mediator assigned; a fresh unserved case; a case of another
        // delegation against another body.
        let served = case_in_mediation(&server, &w).await;
        let unserved = file(&server, &w, &grievance()).await;
        let mut other = grievance();
        other["respondent"] = json!({"kind": "body", "code": "COP"});
        other["co_complainants"] = json!([]);
        let res = post(&server, &w.outsider, "/api/cases", &other).await;
        assert_eq!(res.status_code(), 201);
        let foreign: Value = res.json();
        // Each case holds a document, so that the routes about one have one to show.
        let mut evidence = std::collections::HashMap::new();
        for (case, by) in [
            (&served, &w.complainant),
            (&unserved, &w.complainant),
            (&foreign, &w.outsider),
        ] {
            let pid = case["pid"].as_str().unwrap().to_string();
            evidence.insert(pid, add_evidence(&server, by, case).await);
        }

        let doc: Value = server.get("/api/openapi.json").await.json();
        let case_routes: Vec<String> = doc["paths"]
            .as_object()
            .unwrap()
            .iter()
            .filter(|(path, ops)| path.starts_with("/api/cases/{pid}") && ops.get("get").is_some())
            .map(|(path, _)| path.clone())
            .collect();
        assert!(case_routes.len() >= 2, "{case_routes:?}");

        let expectations: Vec<(&Person, [bool; 3])> = vec![
            (&w.complainant, [true, true, false]),
            (&w.co_complainant, [true, true, false]),
            (&w.outsider, [false, false, true]),
            (&w.respondent, [true, false, false]),
            (&w.other_respondent, [false, false, false]),
            (&w.mediator, [true, false, false]),
            (&w.conflicted_mediator, [false, false, false]),
            (&w.registrar, [true, true, true]),
            (&w.oversight, [true, true, true]),
            (&w.admin, [false, false, false]),
        ];
        for (who, expect) in expectations {
            let list: Value = get(&server, who, "/api/cases").await.json();
            for (case, sees) in [&served, &unserved, &foreign].into_iter().zip(expect) {
                assert_eq!(
                    visible(&list, case),
                    sees,
                    "{} list / {}",
                    who.email,
                    case["reference"]
                );
                let pid = case["pid"].as_str().unwrap();
                // Every case route the API describes, so a new one is covered as it lands,
                // and the case page.
                for route in &case_routes {
                    let path = route
                        .replace("{pid}", pid)
                        .replace("{document}", &evidence[pid]);
                    assert_eq!(
                        get(&server, who, &path).await.status_code(),
                        if sees { 200 } else { 404 },
                        "{} {path} / {}",
                        who.email,
                        case["reference"]
                    );
                }
                let mut browser = crate::pages::Browser::sign_in(&server, who).await;
                assert_eq!(
                    browser
                        .get(&server, &format!("/cases/{pid}"))
                        .await
                        .status_code(),
                    if sees { 200 } else { 404 },
                    "{} case page / {}",
                    who.email,
                    case["reference"]
                );
                if !sees {
                    // Acting on an invisible case is indistinguishable from acting on none.
                    for action in CaseAction::iter().filter(|a| *a != CaseAction::File) {
                        let res = act(&server, who, case, json!({"action": action})).await;
                        assert!(
                            matches!(res.status_code().as_u16(), 404 | 422),
                            "{} {action}: {}",
                            who.email,
                            res.status_code()
                        );
                    }
                }
            }
        }
        assert_eq!(
            server.get("/api/cases").await.status_code(),
            401,
            "anonymous"
        );
    })
    .await;
}

#[tokio::test]
#[serial]
async fn a_visible_case_refuses_actions_outside_the_viewers_standing() {
    request::<App, _, _>(|server, ctx| async move {
        let w = world(&ctx).await;
        let case = case_in_mediation(&server, &w).await;
        let forbidden = [
            (
                &w.complainant,
                json!({"action": "request_response", "request": "x"}),
            ),
            (&w.respondent, json!({"action": "close", "summary": "x"})),
            (
                &w.mediator,
                json!({"action": "assign_mediator", "mediator": w.mediator.pid()}),
            ),
            (
                &w.oversight,
                json!({"action": "place_hold", "reason": "Just looking."}),
            ),
            (&w.co_complainant, json!({"action": "accept_response"})),
            (
                &w.registrar,
                json!({"action": "submit_response", "response": "x"}),
            ),
        ];
        for (who, action) in forbidden {
            let res = act(&server, who, &case, action.clone()).await;
            assert_eq!(
                res.status_code(),
                403,
                "{} {action}: {}",
                who.email,
                res.text()
            );
        }
        let detail: Value = get(
            &server,
            &w.mediator,
            &format!("/api/cases/{}", case["pid"].as_str().unwrap()),
        )
        .await
        .json();
        let allowed: Vec<&str> = detail["allowed_actions"]
            .as_array()
            .unwrap()
            .iter()
            .map(|a| a.as_str().unwrap())
            .collect();
        assert!(
            allowed.contains(&"request_response") && allowed.contains(&"place_hold"),
            "{allowed:?}"
        );
        assert!(
            !allowed.contains(&"lift_hold") && !allowed.contains(&"register"),
            "{allowed:?}"
        );
    })
    .await;
}

#[tokio::test]
#[serial]
async fn respondents_never_see_a_protected_complainant() {
    request::<App, _, _>(|server, ctx| async move {
        let w = world(&ctx).await;
        let mut g = grievance();
        g["confidentiality"] = json!("identity_protected");
        let case = eligible_case(&server, &w, &g).await;
        let pid = case["pid"].as_str().unwrap();

        let seen: Value = get(&server, &w.respondent, &format!("/api/cases/{pid}"))
            .await
            .json();
        assert!(seen["complainant"].is_null());
        assert_eq!(seen["co_complainants"], json!([]));
        let text = seen.to_string();
        for leak in [
            "TUV",
            "KIR",
            "Tuvalu",
            "Kiribati",
            &w.complainant.email,
            &w.complainant.pid(),
        ] {
            assert!(!text.contains(leak), "respondent sees {leak}: {text}");
        }
        let list: Value = get(&server, &w.respondent, "/api/cases").await.json();
        assert!(list["items"][0]["complainant"].is_null());

        let registrar_view: Value = get(&server, &w.registrar, &format!("/api/cases/{pid}"))
            .await
            .json();
        assert_eq!(registrar_view["complainant"], "TUV");
        // Oversight sees it, and the view is recorded in the audit chain.
        let before = registrar_view["timeline"].as_array().unwrap().len();
        get(&server, &w.oversight, &format!("/api/cases/{pid}")).await;
        let after: Value = get(&server, &w.registrar, &format!("/api/cases/{pid}"))
            .await
            .json();
        assert_eq!(after["timeline"].as_array().unwrap().len(), before + 1);
        assert_eq!(
            after["timeline"].as_array().unwrap().last().unwrap()["action"],
            "viewed"
        );
    })
    .await;
}

#[tokio::test]
#[serial]
async fn only_admins_reach_the_admin_api_and_only_delegates_file() {
    request::<App, _, _>(|server, ctx| async move {
        let w = world(&ctx).await;
        for who in [
            &w.complainant,
            &w.respondent,
            &w.mediator,
            &w.registrar,
            &w.oversight,
        ] {
            assert_eq!(
                get(&server, who, "/api/admin/users").await.status_code(),
                404,
                "{}",
                who.email
            );
            let res = post(
                &server,
                who,
                "/api/admin/holidays",
                &json!({"date": "2026-12-25", "name": "Christmas"}),
            )
            .await;
            assert_eq!(res.status_code(), 404, "{}", who.email);
        }
        assert_eq!(
            get(&server, &w.admin, "/api/admin/users")
                .await
                .status_code(),
            200
        );
        for who in [
            &w.respondent,
            &w.mediator,
            &w.registrar,
            &w.oversight,
            &w.admin,
        ] {
            let res = post(&server, who, "/api/cases", &grievance()).await;
            assert_eq!(res.status_code(), 403, "{}", who.email);
        }
    })
    .await;
}

#[tokio::test]
#[serial]
async fn every_non_case_endpoint_answers_each_role_as_documented() {
    request::<App, _, _>(|server, ctx| async move {
        let w = world(&ctx).await;
        let everyone = [
            &w.complainant, &w.co_complainant, &w.outsider, &w.respondent, &w.other_respondent,
            &w.mediator, &w.conflicted_mediator, &w.registrar, &w.oversight, &w.admin,
        ];
        let target = w.outsider.pid();
        for who in everyone {
            let admin = who.actor.role == redress::models::vocabulary::Role::Admin;
            let expect_admin = if admin { 200 } else { 404 };
            for path in ["/api/delegations", "/api/bodies", "/api/auth/me"] {
                assert_eq!(get(&server, who, path).await.status_code(), 200, "{} {path}", who.email);
            }
            for path in ["/api/admin/users", "/api/admin/holidays"] {
                assert_eq!(get(&server, who, path).await.status_code(), expect_admin, "{} {path}", who.email);
            }
            let patch = server
                .patch(&format!("/api/admin/users/{target}"))
                .authorization_bearer(&who.token)
                .json(&json!({"name": "Renamed Person"}))
                .await;
            assert_eq!(patch.status_code(), expect_admin, "{} patch user", who.email);
            let body = post(&server, who, "/api/admin/bodies",
                &json!({"code": format!("B{}", who.actor.id), "name": "A body", "kind": "committee"})).await;
            assert_eq!(body.status_code(), if admin { 201 } else { 404 }, "{} add body", who.email);
        }
        for path in ["/api/delegations", "/api/bodies", "/api/auth/me", "/api/admin/users", "/api/cases"] {
            assert_eq!(server.get(path).await.status_code(), 401, "anonymous {path}");
        }
        let forged = server.get("/api/cases").authorization_bearer("not.a.token").await;
        assert_eq!(forged.status_code(), 401);
    })
    .await;
}

#[tokio::test]
#[serial]
async fn a_delegations_list_pages_its_own_and_co_filed_cases_newest_first_under_its_filters() {
    request::<App, _, _>(|server, ctx| async move {
        let w = world(&ctx).await;
        let mut alone = grievance();
        alone["co_complainants"] = json!([]);
        // Tuvalu names Kiribati on the first and third; Kiribati files the second and fourth.
        let first = file(&server, &w, &grievance()).await;
        let second = file_as(&server, &w.co_complainant, &alone).await;
        let third = file(&server, &w, &grievance()).await;
        let fourth = file_as(&server, &w.co_complainant, &alone).await;
        let pids = |list: &Value| -> Vec<Value> {
            list["items"]
                .as_array()
                .unwrap()
                .iter()
                .map(|c| c["pid"].clone())
                .collect()
        };
        let page = |n: u32| {
            let server = &server;
            let who = &w.co_complainant;
            async move {
                let list: Value = get(server, who, &format!("/api/cases?per_page=3&page={n}"))
                    .await
                    .json();
                list
            }
        };
        let one = page(1).await;
        assert_eq!(one["total"], 4, "{one}");
        assert_eq!(
            pids(&one),
            vec![
                fourth["pid"].clone(),
                third["pid"].clone(),
                second["pid"].clone()
            ]
        );
        assert_eq!(pids(&page(2).await), vec![first["pid"].clone()]);
        assert!(pids(&page(3).await).is_empty());

        let oldest: Value = get(
            &server,
            &w.co_complainant,
            "/api/cases?oldest_first=true&per_page=2",
        )
        .await
        .json();
        assert_eq!(
            pids(&oldest),
            vec![first["pid"].clone(), second["pid"].clone()]
        );

        must(
            &server,
            &w.registrar,
            &second,
            json!({"action": "register"}),
        )
        .await;
        let registered: Value = get(&server, &w.co_complainant, "/api/cases?status=registered")
            .await
            .json();
        assert_eq!(registered["total"], 1, "{registered}");
        assert_eq!(pids(&registered), vec![second["pid"].clone()]);

        // Tuvalu sees only what it filed, not Kiribati's own.
        let tuvalu: Value = get(&server, &w.complainant, "/api/cases").await.json();
        assert_eq!(
            pids(&tuvalu),
            vec![third["pid"].clone(), first["pid"].clone()]
        );
    })
    .await;
}
