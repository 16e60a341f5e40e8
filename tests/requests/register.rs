//! The public register: what is published for each confidentiality level, and what never is.
use loco_rs::testing::prelude::*;
use redress::app::App;
use serde_json::{json, Value};
use serial_test::serial;

use crate::support::*;

#[tokio::test]
#[serial]
async fn the_public_register_lists_registered_cases_and_never_names_a_protected_complainant() {
    request::<App, _, _>(|server, ctx| async move {
        let w = world(&ctx).await;
        // Public, registered then dismissed.
        let public = file(&server, &w, &grievance()).await;
        must(
            &server,
            &w.registrar,
            &public,
            json!({"action": "register"}),
        )
        .await;
        must(
            &server,
            &w.registrar,
            &public,
            json!({"action": "dismiss",
            "reason": "outside_mandate", "note": "A national matter."}),
        )
        .await;
        // Identity-protected, in mediation.
        let mut g = grievance_against(json!({"kind": "body", "code": "COP"}));
        g["confidentiality"] = json!("identity_protected");
        g["title"] = json!("Interpretation withdrawn from our statement");
        g["body"] = json!("COP");
        let protected = eligible_case(&server, &w, &g).await;
        // Filed but not registered: not on the register.
        let unregistered = file(
            &server,
            &w,
            &grievance_against(json!({"kind": "delegation", "code": "FRA"})),
        )
        .await;

        let res = server.get("/api/register").await;
        assert_eq!(res.status_code(), 200, "no sign-in needed: {}", res.text());
        let body: Value = res.json();
        assert_eq!(body["total"], 2);
        let items = body["items"].as_array().unwrap();
        let entry = |case: &Value| {
            items
                .iter()
                .find(|e| e["reference"] == case["reference"])
                .cloned()
        };
        assert!(entry(&unregistered).is_none());
        let p = entry(&public).expect("the dismissed case is published");
        assert_eq!(p["complainant"], "TUV");
        assert_eq!(p["stage"], "closed");
        assert_eq!(p["closure"], "without_outputs");
        assert_eq!(p["outcome"], "dismissed");
        assert_eq!(p["body"], "HRC");
        assert_eq!(p["days_open"], 0);
        assert!(p["month_filed"].as_str().unwrap().starts_with("20"));
        let s = entry(&protected).expect("the protected case is published");
        assert!(s["complainant"].is_null());
        assert_eq!(s["stage"], "dispute_resolution");
        assert!(s["closure"].is_null());
        let published = serde_json::to_string(&s).unwrap();
        for secret in [
            "TUV",
            "Tuvalu",
            "KIR",
            "Kiribati",
            "Interpretation withdrawn",
            w.complainant.email.as_str(),
        ] {
            assert!(!published.contains(secret), "{secret} leaks in {published}");
        }
        for e in items {
            let keys: Vec<&String> = e.as_object().unwrap().keys().collect();
            assert_eq!(
                keys,
                vec![
                    "body",
                    "category",
                    "closure",
                    "complainant",
                    "days_open",
                    "month_filed",
                    "outcome",
                    "reference",
                    "stage"
                ]
            );
        }

        let csv = server.get("/api/register.csv").await;
        assert_eq!(csv.status_code(), 200);
        assert!(csv
            .header("content-type")
            .to_str()
            .unwrap()
            .starts_with("text/csv"));
        let text = csv.text();
        let mut reader = csv::Reader::from_reader(text.as_bytes());
        assert_eq!(
            reader.headers().unwrap(),
            vec![
                "reference",
                "month_filed",
                "body",
                "category",
                "stage",
                "closure",
                "outcome",
                "days_open",
                "complainant"
            ]
        );
        let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
        assert_eq!(rows.len(), 2);
        let protected_row = rows
            .iter()
            .find(|r| &r[0] == protected["reference"].as_str().unwrap())
            .unwrap();
        assert_eq!(&protected_row[8], "");
        assert!(!protected_row
            .iter()
            .any(|f| f.contains("TUV") || f.contains("Interpretation")));
        assert!(rows
            .iter()
            .any(|r| &r[8] == "TUV" && &r[5] == "without_outputs"));

        for (query, total) in [
            ("stage=closed", 1),
            ("stage=dispute_resolution", 1),
            ("body=HRC", 1),
            ("body=NOPE", 0),
            ("category=speaking_time", 2),
            ("year=1999", 0),
            ("per_page=1&page=2", 2),
        ] {
            let res: Value = server.get(&format!("/api/register?{query}")).await.json();
            assert_eq!(res["total"], total, "{query}");
        }
        let one: Value = server.get("/api/register?per_page=1&page=2").await.json();
        assert_eq!(one["items"].as_array().unwrap().len(), 1);
        let filtered = server.get("/api/register.csv?stage=closed").await.text();
        assert_eq!(filtered.lines().count(), 2, "{filtered}");
        for bad in ["stage=weather", "page=first", "year=soon", "secret=1"] {
            let res = server.get(&format!("/api/register?{bad}")).await;
            assert_eq!(res.status_code(), 422, "{bad}: {}", res.text());
            assert_eq!(
                server
                    .get(&format!("/api/register.csv?{bad}"))
                    .await
                    .status_code(),
                422,
                "{bad}"
            );
        }
    })
    .await;
}

#[tokio::test]
#[serial]
async fn a_case_stops_counting_days_open_when_it_stops_being_open_and_the_export_follows_changes() {
    request::<App, _, _>(|server, ctx| async move {
        let w = world(&ctx).await;
        let case = file(&server, &w, &grievance()).await;
        must(&server, &w.registrar, &case, json!({"action": "register"})).await;
        let csv_before = server.get("/api/register.csv").await.text();
        must(
            &server,
            &w.registrar,
            &case,
            json!({"action": "dismiss", "reason": "outside_mandate", "note": "A national matter."}),
        )
        .await;
        let csv_after = server.get("/api/register.csv").await;
        assert_eq!(
            csv_after
                .header("cache-control")
                .to_str()
                .unwrap_or_default(),
            "public, no-cache"
        );
        let csv_after = csv_after.text();
        assert_ne!(csv_before, csv_after, "a change reaches the export at once");
        assert!(csv_after.contains(",closed,"), "{csv_after}");
        // Nineteen days later the dismissed case still counts the days it was open: none.
        redress::clock::Clock::of(&ctx).advance(chrono::Duration::days(19));
        let body: Value = server.get("/api/register").await.json();
        assert_eq!(body["items"][0]["days_open"], 0, "{body}");
        let csv = server.get("/api/register.csv").await.text();
        let line = csv.lines().nth(1).expect("a line");
        assert!(line.contains(",0,"), "{line}");
    })
    .await;
}

#[tokio::test]
#[serial]
async fn the_register_finds_a_complainant_by_name_as_well_as_code_and_never_a_protected_one() {
    request::<App, _, _>(|server, ctx| async move {
        let w = world(&ctx).await;
        let public = eligible_case(&server, &w, &grievance()).await;
        let mut g = grievance();
        g["confidentiality"] = json!("identity_protected");
        eligible_case(&server, &w, &g).await;
        let reference = public["reference"].as_str().expect("reference");
        // By code, by name in any of the six languages, by its beginning, whatever accents.
        for words in [
            "TUV",
            "tuv",
            "Tuvalu",
            "tuvalu",
            "TUVA",
            "Tuválu",
            "توفالو",
            "图瓦卢",
            "Тувалу",
        ] {
            let found: Value = server
                .get("/api/register")
                .add_query_param("complainant", words)
                .await
                .json();
            let refs: Vec<&str> = found["items"]
                .as_array()
                .expect("items")
                .iter()
                .filter_map(|e| e["reference"].as_str())
                .collect();
            assert_eq!(refs, vec![reference], "{words}: the public case only");
        }
        // A wildcard typed is not a pattern: alone it finds nothing, and "T_valu" is no name.
        for words in ["T_valu", "Norway", "%25", "_"] {
            let found: Value = server
                .get(&format!("/api/register?complainant={words}"))
                .await
                .json();
            assert_eq!(found["items"], json!([]), "{words}");
        }
    })
    .await;
}
