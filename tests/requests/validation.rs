//! Bad input is answered with 422 and the field it concerns; never a 500.
use redress::app::App;
use serde_json::{json, Value};
use serial_test::serial;

use crate::support::*;

fn with(field: &str, value: Value) -> Value {
    let mut g = grievance();
    g[field] = value;
    g
}

fn without(field: &str) -> Value {
    let mut g = grievance();
    g.as_object_mut().unwrap().remove(field);
    g
}

#[tokio::test]
#[serial]
async fn a_bad_grievance_is_refused_with_the_field_that_is_wrong() {
    request::<App, _, _>(|server, ctx| async move {
        let w = world(&ctx).await;
        let cases: Vec<(&str, Value, &str)> = vec![
            ("missing title", without("title"), "title"),
            ("missing respondent", without("respondent"), "respondent"),
            ("title as a number", with("title", json!(42)), "title"),
            ("empty title", with("title", json!("   ")), "title"),
            (
                "oversized facts",
                with("facts", json!("x".repeat(20_001))),
                "facts",
            ),
            (
                "unknown category",
                with("category", json!("rudeness")),
                "category",
            ),
            (
                "unknown confidentiality",
                with("confidentiality", json!("secret")),
                "confidentiality",
            ),
            (
                "bad date",
                with("incident_date", json!("2026-02-30")),
                "incident_date",
            ),
            (
                "future date",
                with("incident_date", json!("2999-01-01")),
                "incident_date",
            ),
            ("unknown body", with("body", json!("NOPE")), "body"),
            (
                "unknown respondent",
                with("respondent", json!({"kind": "delegation", "code": "XXX"})),
                "respondent.code",
            ),
            (
                "self as respondent",
                with("respondent", json!({"kind": "delegation", "code": "TUV"})),
                "respondent.code",
            ),
            (
                "unknown co-complainant",
                with("co_complainants", json!(["KIR", "ZZZ"])),
                "co_complainants[1]",
            ),
            (
                "duplicate co-complainant",
                with("co_complainants", json!(["KIR", "KIR"])),
                "co_complainants[1]",
            ),
            ("unknown field", with("priority", json!("high")), "priority"),
        ];
        for (what, body, field) in cases {
            let res = post(&server, &w.complainant, "/api/cases", &body).await;
            assert_eq!(res.status_code(), 422, "{what}: {}", res.text());
            let err: Value = res.json();
            assert!(
                err["errors"][field].is_array(),
                "{what}: expected an error on `{field}`, got {err}"
            );
        }
        let res = server
            .post("/api/cases")
            .authorization_bearer(&w.complainant.token)
            .content_type("application/json")
            .bytes("{not json".into())
            .await;
        assert_eq!(res.status_code(), 422);
        let list: Value = get(&server, &w.registrar, "/api/cases").await.json();
        assert_eq!(list["total"], 0, "nothing was filed");
    })
    .await;
}

#[tokio::test]
#[serial]
async fn bad_actions_and_queries_are_422_and_foreign_pids_are_404() {
    request::<App, _, _>(|server, ctx| async move {
        let w = world(&ctx).await;
        let case = file(&server, &w, &grievance()).await;
        for (what, body, field) in [
            ("unknown action", json!({"action": "teleport"}), "action"),
            ("missing action", json!({"note": "x"}), "action"),
            (
                "wrong type",
                json!({"action": "dismiss", "reason": 3, "note": "x"}),
                "reason",
            ),
            (
                "bad uuid",
                json!({"action": "assign_mediator", "mediator": "nobody"}),
                "mediator",
            ),
            (
                "version as text",
                json!({"action": "register", "expected_version": "one"}),
                "expected_version",
            ),
        ] {
            let res = act(&server, &w.registrar, &case, body).await;
            assert_eq!(res.status_code(), 422, "{what}: {}", res.text());
            let err: Value = res.json();
            assert!(
                err["errors"]
                    .as_object()
                    .unwrap()
                    .keys()
                    .any(|k| k.contains(field)),
                "{what}: {err}"
            );
        }
        for query in [
            "status=lost",
            "overdue=perhaps",
            "page=-1",
            "per_page=lots",
            "colour=red",
        ] {
            let res = get(&server, &w.registrar, &format!("/api/cases?{query}")).await;
            assert_eq!(res.status_code(), 422, "{query}: {}", res.text());
        }
        for path in [
            "/api/cases/not-a-uuid",
            "/api/cases/00000000-0000-0000-0000-000000000000",
        ] {
            assert_eq!(
                get(&server, &w.registrar, path).await.status_code(),
                404,
                "{path}"
            );
        }
        let res = post(
            &server,
            &w.registrar,
            "/api/cases/00000000-0000-0000-0000-000000000000/actions",
            &json!({"action": "register"}),
        )
        .await;
        assert_eq!(res.status_code(), 404);
    })
    .await;
}

#[tokio::test]
#[serial]
async fn list_filters_narrow_the_cases_and_pages_are_bounded() {
    request::<App, _, _>(|server, ctx| async move {
        let w = world(&ctx).await;
        for i in 0..3 {
            let mut g = grievance();
            if i == 0 {
                g["category"] = json!("interpretation");
            }
            file(&server, &w, &g).await;
        }
        let all: Value = get(&server, &w.registrar, "/api/cases?per_page=2")
            .await
            .json();
        assert_eq!(all["total"], 3);
        assert_eq!(all["items"].as_array().unwrap().len(), 2);
        let second: Value = get(&server, &w.registrar, "/api/cases?per_page=2&page=2")
            .await
            .json();
        assert_eq!(second["items"].as_array().unwrap().len(), 1);
        let interp: Value = get(&server, &w.registrar, "/api/cases?category=interpretation")
            .await
            .json();
        assert_eq!(interp["total"], 1);
        let submitted: Value = get(
            &server,
            &w.registrar,
            "/api/cases?status=submitted&body=HRC",
        )
        .await
        .json();
        assert_eq!(submitted["total"], 3);
        let none: Value = get(&server, &w.registrar, "/api/cases?status=closed")
            .await
            .json();
        assert_eq!(none["total"], 0);
        let fresh: Value = get(&server, &w.registrar, "/api/cases?overdue=false")
            .await
            .json();
        assert_eq!(fresh["total"], 3, "nothing filed just now is overdue");
        let huge: Value = get(&server, &w.registrar, "/api/cases?per_page=100000")
            .await
            .json();
        assert_eq!(huge["per_page"], 100);
    })
    .await;
}

/// Found by the API fuzzer: the largest numbers a query string can carry.
#[tokio::test]
#[serial]
async fn extreme_pages_and_years_answer_an_empty_list_not_a_server_error() {
    request::<App, _, _>(|server, ctx| async move {
        let w = world(&ctx).await;
        for path in [
            "/api/cases?page=9223372036854775808",
            "/api/cases?page=18446744073709551615&per_page=18446744073709551615",
            "/api/register?page=9223372036854775808",
            "/api/register?year=2147483647",
            "/api/register?year=-2147483648",
        ] {
            let res = get(&server, &w.registrar, path).await;
            assert_eq!(res.status_code(), 200, "{path}: {}", res.text());
            assert_eq!(
                res.json::<serde_json::Value>()["items"],
                serde_json::json!([]),
                "{path}"
            );
        }
        let csv = server.get("/api/register.csv?year=2147483647").await;
        assert_eq!(csv.status_code(), 200);
        assert_eq!(csv.text().lines().count(), 1, "the header alone");
    })
    .await;
}
