//! The API description is generated from the code and covers every route; the interactive
//! reference is served by the app itself, with nothing fetched from elsewhere.
use loco_rs::app::Hooks;
use redress::app::App;
use serde_json::Value;
use serial_test::serial;

use crate::support::*;

fn refs(v: &Value, out: &mut Vec<String>) {
    match v {
        Value::Object(m) => {
            for (k, x) in m {
                if k == "$ref" {
                    out.push(x.as_str().unwrap_or_default().to_string());
                }
                refs(x, out);
            }
        }
        Value::Array(a) => a.iter().for_each(|x| refs(x, out)),
        _ => {}
    }
}

#[tokio::test]
#[serial]
async fn the_openapi_document_describes_every_api_route_and_every_reference_resolves() {
    request::<App, _, _>(|server, ctx| async move {
        let res = server.get("/api/openapi.json").await;
        assert_eq!(res.status_code(), 200);
        let doc: Value = res.json();
        assert!(doc["openapi"].as_str().unwrap().starts_with("3."));

        let documented_but_self = ["/api/openapi.json", "/api/docs"];
        for route in App::routes(&ctx).collect() {
            let uri = route.uri.trim_end_matches('/').to_string();
            if !uri.starts_with("/api") || documented_but_self.contains(&uri.as_str()) {
                continue;
            }
            for method in &route.actions {
                let m = method.as_str().to_lowercase();
                assert!(
                    doc["paths"][&uri][&m].is_object(),
                    "{m} {uri} is not documented"
                );
            }
        }

        let mut all = Vec::new();
        refs(&doc, &mut all);
        assert!(!all.is_empty());
        for r in all {
            let pointer = r.trim_start_matches('#');
            assert!(doc.pointer(pointer).is_some(), "dangling reference {r}");
        }

        let actions = doc["components"]["schemas"]["ActionInput"]["oneOf"]
            .as_array()
            .unwrap();
        let names: Vec<&str> = actions
            .iter()
            .map(|a| a["properties"]["action"]["enum"][0].as_str().unwrap())
            .collect();
        assert_eq!(names.len(), 26);
        for a in actions {
            assert_eq!(a["required"][0], "action", "{a}");
            assert!(a["properties"]["expected_version"].is_object());
        }
        assert!(
            names.contains(&"dismiss")
                && names.contains(&"decide_extension")
                && !names.contains(&"file")
        );
    })
    .await;
}

#[tokio::test]
#[serial]
async fn the_interactive_reference_is_served_locally() {
    request::<App, _, _>(|server, _ctx| async move {
        let redirect = server.get("/api/docs").await;
        assert_eq!(redirect.status_code(), 308);
        assert_eq!(redirect.header("location"), "/static/docs/index.html");
        let page = server.get("/static/docs/index.html").await;
        assert_eq!(page.status_code(), 200);
        let html = page.text();
        assert!(
            !html.contains("http://") && !html.contains("https://"),
            "the page loads nothing from elsewhere"
        );
        for asset in ["swagger-ui-bundle.js", "swagger-ui.css", "redress-docs.js"] {
            assert!(html.contains(asset), "{asset}");
            let res = server.get(&format!("/static/docs/{asset}")).await;
            assert_eq!(res.status_code(), 200, "{asset}");
        }
        assert!(server
            .get("/static/docs/redress-docs.js")
            .await
            .text()
            .contains("/api/openapi.json"));
    })
    .await;
}

/// Validates `instance` against the named component schema of `doc`.
fn conforms(doc: &Value, schema: &str, instance: &Value) -> Result<(), String> {
    let wrapper = serde_json::json!({
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$ref": format!("#/components/schemas/{schema}"),
        "components": doc["components"],
    });
    let validator = jsonschema::validator_for(&wrapper).map_err(|e| e.to_string())?;
    let errors: Vec<String> = validator
        .iter_errors(instance)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect();
    if errors.is_empty() {
        Ok(())
    } else {
        Err(errors.join("; "))
    }
}

#[tokio::test]
#[serial]
async fn real_answers_conform_to_the_documented_schemas() {
    request::<App, _, _>(|server, ctx| async move {
        let doc: Value = server.get("/api/openapi.json").await.json();
        let w = world(&ctx).await;
        let case = case_in_mediation(&server, &w).await;
        conforms(&doc, "CaseDetail", &case).unwrap();
        let held = must(&server, &w.mediator, &case, serde_json::json!({"action": "place_hold", "reason": "Awaiting the record."})).await;
        conforms(&doc, "CaseDetail", &held).unwrap();
        let list: Value = get(&server, &w.registrar, "/api/cases").await.json();
        conforms(&doc, "Page_CaseSummary", &list).unwrap();
        let invalid: Value = post(&server, &w.complainant, "/api/cases", &serde_json::json!({})).await.json();
        conforms(&doc, "ErrorBody", &invalid).unwrap();
        let me: Value = get(&server, &w.respondent, "/api/auth/me").await.json();
        conforms(&doc, "UserView", &me).unwrap();
        // The documented request shapes accept what clients really send.
        conforms(&doc, "NewCase", &grievance()).unwrap();
        conforms(&doc, "ActionInput", &serde_json::json!({"action": "dismiss", "reason": "outside_mandate", "note": "x", "expected_version": 3})).unwrap();
        assert!(conforms(&doc, "ActionInput", &serde_json::json!({"action": "dismiss", "reason": "because", "note": "x"})).is_err());
    })
    .await;
}
