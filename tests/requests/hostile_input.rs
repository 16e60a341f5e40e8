//! Input a hostile or careless sender writes, at every kind of edge: control characters and
//! NUL bytes in any text, invisible "reasons", dates past the calendar, numbers that are not,
//! unknown addresses. Each is a 422 naming the field (or the app's own 404), never a 500,
//! and nothing of it is kept.
use redress::app::App;
use serde_json::{json, Value};
use serial_test::serial;

use crate::support::*;

fn field_of<'a>(err: &'a Value, field: &str) -> &'a Value {
    &err["errors"][field][0]
}

#[tokio::test]
#[serial]
async fn control_characters_and_nul_bytes_are_refused_in_every_text_naming_the_field() {
    request::<App, _, _>(|server, ctx| async move {
        let w = world(&ctx).await;
        let mut cases: Vec<(String, Value, &str)> = Vec::new();
        for (field, bad) in [
            ("title", "Slot cut\r\nBcc: someone"),
            ("title", "A bare\rcarriage return"),
            ("title", "A line\nbreak in a title"),
            ("facts", "The chair removed us from the list.\0 And more."),
            ("remedy_sought", "A slot \u{1b}[31mnow"),
            ("body", "HRC\0"),
        ] {
            let mut g = grievance();
            g[field] = json!(bad);
            cases.push((format!("{field}: {bad:?}"), g, field));
        }
        let mut g = grievance();
        g["co_complainants"] = json!(["KIR", "TO\0N"]);
        cases.push(("a code in a list".into(), g, "co_complainants[1]"));
        for (what, body, field) in cases {
            let res = post(&server, &w.complainant, "/api/cases", &body).await;
            assert_eq!(res.status_code(), 422, "{what}: {}", res.text());
            let err: Value = res.json();
            assert!(err["errors"][field].is_array(), "{what}: {err}");
        }
        // Facts keep their lines, as a form sends them.
        let mut g = grievance();
        g["facts"] = json!("First, the list.\r\nThen, the slot.\n\tIndented.");
        file(&server, &w, &g).await;

        // Names reach the To: header; codes, keys and reasons are text too.
        let res = server
            .patch(&format!("/api/admin/users/{}", w.registrar.pid()))
            .authorization_bearer(&w.admin.token)
            .json(&json!({"name": "Registrar\r\nBcc: x@example.org"}))
            .await;
        assert_eq!(res.status_code(), 422, "{}", res.text());
        assert_eq!(field_of(&res.json(), "name")["code"], "control_character");
        for (path, body, field) in [
            (
                "/api/admin/holidays",
                json!({"date": "2026-12-28", "name": "Eve\0"}),
                "name",
            ),
            (
                "/api/admin/bodies",
                json!({"code": "ABC", "name": "A\nB", "kind": "committee"}),
                "name",
            ),
        ] {
            let res = post(&server, &w.admin, path, &body).await;
            assert_eq!(res.status_code(), 422, "{path}: {}", res.text());
            assert!(res.json::<Value>()["errors"][field].is_array(), "{path}");
        }
        let case = case_in_mediation(&server, &w).await;
        let res = act(
            &server,
            &w.mediator,
            &case,
            json!({"action": "place_hold", "reason": "Waiting\0 for the chair"}),
        )
        .await;
        assert_eq!(res.status_code(), 422, "{}", res.text());
        let res = server
            .get("/api/cases?status=in_mediation%00")
            .authorization_bearer(&w.registrar.token)
            .await;
        assert_eq!(res.status_code(), 422, "{}", res.text());
        assert_eq!(field_of(&res.json(), "status")["code"], "control_character");

        let list: Value = get(&server, &w.registrar, "/api/cases").await.json();
        assert_eq!(list["total"], 2, "only the two good filings were kept");
    })
    .await;
}

#[tokio::test]
#[serial]
async fn a_reason_counts_the_characters_a_reader_sees() {
    request::<App, _, _>(|server, ctx| async move {
        let w = world(&ctx).await;
        let case = case_in_mediation(&server, &w).await;
        let invisible = "\u{200b}".repeat(10);
        for action in [
            json!({"action": "challenge_mediator", "reason": invisible}),
            json!({"action": "challenge_mediator", "reason": format!("ab{}", "\u{feff}".repeat(12))}),
        ] {
            let res = act(&server, &w.complainant, &case, action.clone()).await;
            assert_eq!(res.status_code(), 422, "{action}: {}", res.text());
            assert_eq!(field_of(&res.json(), "reason")["code"], "length");
        }
        let res = act(&server, &w.registrar, &case, json!({
            "action": "assign_mediator", "mediator": w.mediator.pid(), "override_reason": invisible
        })).await;
        assert_eq!(res.status_code(), 422, "{}", res.text());
        let mut g = grievance();
        g["title"] = json!("\u{200b}\u{200b}\u{200b}\u{200b}\u{200b}\u{200b}A");
        let res = post(&server, &w.complainant, "/api/cases", &g).await;
        assert_eq!(res.status_code(), 422, "{}", res.text());
        assert_eq!(field_of(&res.json(), "title")["code"], "length");
    })
    .await;
}

#[tokio::test]
#[serial]
async fn dates_past_the_calendar_are_refused_on_every_report_with_the_field_named() {
    request::<App, _, _>(|server, ctx| async move {
        let w = world(&ctx).await;
        let doc: Value = server.get("/api/openapi.json").await.json();
        let reports: Vec<String> = doc["paths"]
            .as_object()
            .expect("paths")
            .iter()
            .filter(|(_, ops)| {
                ops["get"]["parameters"].as_array().is_some_and(|ps| {
                    ps.iter().any(|p| p["name"] == "to") && ps.iter().any(|p| p["name"] == "from")
                })
            })
            .map(|(path, _)| path.clone())
            .collect();
        assert!(reports.len() >= 8, "{reports:?}");
        for path in &reports {
            for (query, field) in [
                ("to=%2B262142-12-31", "to"),
                ("from=-262143-01-01", "from"),
                ("to=2026-02-30", "to"),
                ("from=1899-12-31", "from"),
                ("to=3000-01-01", "to"),
            ] {
                let res = get(&server, &w.oversight, &format!("{path}?{query}")).await;
                assert_eq!(res.status_code(), 422, "{path}?{query}: {}", res.text());
                let err: Value = res.json();
                let message = field_of(&err, field)["message"]
                    .as_str()
                    .unwrap_or_default();
                assert!(
                    message.contains("YYYY-MM-DD") || message.contains("between 1900 and 2999"),
                    "{path}?{query}: {err}"
                );
            }
        }
        println!(
            "dates past the calendar: {} reports x 5 dates, each a 422 naming the field",
            reports.len()
        );
        // The pages that take a period answer with a page, not a 500.
        let mut b = crate::pages::Browser::sign_in(&server, &w.oversight).await;
        for page in [
            "/oversight?to=%2B262142-12-31",
            "/oversight/trends?from=-262143-01-01",
        ] {
            let res = b.get(&server, page).await;
            assert!(
                res.status_code().as_u16() < 500,
                "{page}: {}",
                res.status_code()
            );
        }
    })
    .await;
}

#[tokio::test]
#[serial]
async fn errors_say_what_is_wrong_and_what_is_expected() {
    request::<App, _, _>(|server, ctx| async move {
        let w = world(&ctx).await;
        let res = get(&server, &w.registrar, "/api/cases?page=-1").await;
        assert_eq!(res.status_code(), 422);
        let message = field_of(&res.json(), "page")["message"]
            .as_str()
            .unwrap_or_default()
            .to_string();
        assert!(message.contains("whole number"), "{message}");
        let mut g = grievance();
        g["incident_date"] = json!("2026-02-30");
        let res = post(&server, &w.complainant, "/api/cases", &g).await;
        let message = field_of(&res.json(), "incident_date")["message"]
            .as_str()
            .unwrap_or_default()
            .to_string();
        assert!(message.contains("not a day of the calendar"), "{message}");
        // A body too large is a problem of the request, not of the case's `body` field.
        let big = json!({"title": "x".repeat(600 * 1024)});
        let res = post(&server, &w.complainant, "/api/cases", &big).await;
        assert_eq!(res.status_code(), 422);
        let err: Value = res.json();
        assert!(
            err["errors"]["request"].is_array() && err["errors"]["body"].is_null(),
            "{err}"
        );
    })
    .await;
}

#[tokio::test]
#[serial]
async fn unknown_addresses_and_missing_files_are_the_apps_own_404_in_the_visitors_language() {
    request::<App, _, _>(|server, _ctx| async move {
        for path in [
            "/no/such/page",
            "/static/no-such-file.css",
            "/cases/not-a-pid/nowhere",
        ] {
            let res = server
                .get(path)
                .add_header("accept-language", "fr-CH, fr;q=0.9")
                .add_header("accept", "text/html")
                .await;
            assert_eq!(res.status_code(), 404, "{path}");
            let page = res.text();
            assert!(!page.contains("Welcome to Loco"), "{path}: {page}");
            assert!(page.contains("lang=\"fr\""), "{path}: {page}");
        }
        let res = server.get("/api/no/such/thing").await;
        assert_eq!(res.status_code(), 404);
    })
    .await;
}
