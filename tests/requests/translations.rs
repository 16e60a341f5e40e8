//! Translations on a clock, over the API: a party asks, the registry's clock runs and the
//! party's own clocks wait; the registry provides, which meets that clock, and the party's
//! clocks run again, later by the time waited; the original stays authentic beside it.
use axum_test::{
    multipart::{MultipartForm, Part},
    TestServer,
};
use chrono::{DateTime, Duration, Utc};
use redress::app::App;
use serde_json::{json, Value};
use serial_test::serial;

use crate::support::*;

fn pleading<'a>(case: &'a Value, kind: &str) -> &'a Value {
    case["submissions"]
        .as_array()
        .expect("submissions")
        .iter()
        .rev()
        .find(|s| s["kind"] == kind)
        .unwrap_or_else(|| panic!("no {kind} in {case}"))
}

fn due(clock: &Value) -> DateTime<Utc> {
    clock["due_at"]["utc"]
        .as_str()
        .expect("a due instant")
        .parse()
        .expect("an instant")
}

async fn case_of(server: &TestServer, who: &Person, case: &Value) -> Value {
    let pid = case["pid"].as_str().expect("pid");
    let res = get(server, who, &format!("/api/cases/{pid}")).await;
    assert_eq!(res.status_code(), 200, "{}", res.text());
    res.json()
}

#[tokio::test]
#[serial]
async fn a_translation_runs_on_the_registrys_clock_while_the_party_that_asked_waits_for_it() {
    request::<App, _, _>(|server, ctx| async move {
        let w = world(&ctx).await;
        let case = case_in_mediation(&server, &w).await;
        let case = must(&server, &w.mediator, &case,
            json!({"action": "request_information", "questions": "Which meeting was it?"})).await;
        let questions = pleading(&case, "information_request")["pid"].as_str().unwrap().to_string();
        let before = due(deadline(&case, "information"));

        // The questions are in English: asking for them in English is refused, by field.
        let same = act(&server, &w.complainant, &case,
            json!({"action": "request_translation", "source": questions, "language": "en"})).await;
        assert_eq!(same.status_code(), 422, "{}", same.text());
        assert!(same.json::<Value>()["errors"]["language"].is_array(), "{}", same.text());
        let unknown = act(&server, &w.complainant, &case,
            json!({"action": "request_translation", "source": uuid::Uuid::new_v4(), "language": "fr"})).await;
        assert_eq!(unknown.status_code(), 422);
        assert!(unknown.json::<Value>()["errors"]["source"].is_array());

        let asked = must(&server, &w.complainant, &case,
            json!({"action": "request_translation", "source": questions, "language": "fr"})).await;
        let t = &asked["translations"][0];
        assert_eq!(t["state"], "pending");
        assert_eq!((t["source"].as_str(), t["language"].as_str(), t["source_language"].as_str()),
            (Some(questions.as_str()), Some("fr"), Some("en")));
        // The registry's clock is the staff's to see; the side that asked reads its due day on
        // the request.
        assert!(t["due_at"]["utc"].is_string(), "{t}");
        assert!(asked["deadlines"].as_array().unwrap().iter().all(|d| d["kind"] != "translation"));
        let registry = case_of(&server, &w.registrar, &asked).await;
        let clock = deadline(&registry, "translation");
        assert_eq!((clock["party"].as_str(), clock["state"].as_str()), (Some("registrar"), Some("running")));
        assert_eq!(clock["id"], t["deadline_id"]);
        assert_eq!(clock["due_at"], t["due_at"]);
        // The complainant is not held to answer questions it asked to read in French.
        assert_eq!(deadline(&asked, "information")["state"], "paused", "{asked}");
        // The other side's clocks run on: the wait is the complainant's alone.
        assert_eq!(deadline(&asked, "resolution")["state"], "running");
        let twice = act(&server, &w.co_complainant, &asked,
            json!({"action": "request_translation", "source": questions, "language": "fr"})).await;
        assert_eq!(twice.status_code(), 409, "{}", twice.text());

        // The other side learns nothing of it (the language a side reads in says something of
        // who it is), and asks for its own.
        let respondent = case_of(&server, &w.respondent, &asked).await;
        assert_eq!(respondent["translations"], json!([]));
        assert!(respondent["timeline"].as_array().unwrap().iter().all(|e| e["action"] != "request_translation"));
        must(&server, &w.respondent, &asked,
            json!({"action": "request_translation", "source": questions, "language": "fr"})).await;
        // Only the registry provides, and it is offered to it alone.
        assert!(registry["allowed_actions"].as_array().unwrap().contains(&json!("provide_translation")));
        assert_eq!(registry["next_step"]["awaited"]["kind"], "translation", "{}", registry["next_step"]);
        let request = t["pid"].as_str().unwrap().to_string();
        let by_party = act(&server, &w.complainant, &asked,
            json!({"action": "provide_translation", "request": request, "text": "Quelle séance ?"})).await;
        assert_eq!(by_party.status_code(), 403);
        let empty = act(&server, &w.registrar, &asked,
            json!({"action": "provide_translation", "request": request, "text": "  "})).await;
        assert_eq!(empty.status_code(), 422, "{}", empty.text());
        assert!(empty.json::<Value>()["errors"]["text"].is_array());

        redress::clock::Clock::of(&ctx).advance(Duration::days(7));
        let provided = must(&server, &w.registrar, &asked,
            json!({"action": "provide_translation", "request": request, "text": "De quelle séance s'agissait-il ?"})).await;
        let t = &provided["translations"][0];
        assert_eq!(t["state"], "provided");
        let translation = pleading(&provided, "translation");
        assert_eq!(t["translation"], translation["pid"]);
        assert_eq!((translation["language"].as_str(), translation["body"].as_str()),
            (Some("fr"), Some("De quelle séance s'agissait-il ?")));
        let met = provided["deadlines"].as_array().unwrap().iter()
            .find(|d| d["id"] == t["deadline_id"]).expect("its clock");
        assert_eq!(met["state"], "met", "that request's clock alone");
        // The complainant's clock runs again, later by the working days it waited.
        let information = deadline(&provided, "information");
        assert_eq!(information["state"], "running");
        assert!(due(information) >= before + Duration::days(2), "{before} -> {information}");
        // The original is untouched, and still the one in its own language.
        assert_eq!(pleading(&provided, "information_request")["language"], "en");

        let again = act(&server, &w.registrar, &provided,
            json!({"action": "provide_translation", "request": request, "text": "Encore."})).await;
        assert_eq!(again.status_code(), 409, "{}", again.text());
        assert_soonest_clocks_kept(&ctx).await;
    })
    .await;
}

#[tokio::test]
#[serial]
async fn a_translation_of_words_for_one_side_is_read_and_asked_by_that_side_alone() {
    request::<App, _, _>(|server, ctx| async move {
        let w = world(&ctx).await;
        let case = case_in_mediation(&server, &w).await;
        let pid = case["pid"].as_str().unwrap().to_string();
        let sent = post(&server, &w.mediator, &format!("/api/cases/{pid}/messages"),
            &json!({"audience": "complainant_side", "body": "Between us: the chair may concede.", "language": "en"})).await;
        assert_eq!(sent.status_code(), 201, "{}", sent.text());
        let message = sent.json::<Value>()["pid"].as_str().unwrap().to_string();

        // The respondent does not read it, so it cannot ask for it either.
        let foreign = act(&server, &w.respondent, &case,
            json!({"action": "request_translation", "source": message, "language": "es"})).await;
        assert_eq!(foreign.status_code(), 422, "{}", foreign.text());

        let asked = must(&server, &w.co_complainant, &case,
            json!({"action": "request_translation", "source": message, "language": "es"})).await;
        let request = asked["translations"][0]["pid"].as_str().unwrap().to_string();
        let form = MultipartForm::new()
            .add_text("json", json!({"action": "provide_translation", "request": request}).to_string())
            .add_part("file", Part::bytes(b"Entre nosotros: la presidencia podria ceder.\n".to_vec()).file_name("mensaje.txt"));
        let res = server
            .post(&format!("/api/cases/{pid}/actions"))
            .authorization_bearer(&w.registrar.token)
            .multipart(form)
            .await;
        assert_eq!(res.status_code(), 200, "{}", res.text());

        let complainant = case_of(&server, &w.complainant, &case).await;
        let translation = pleading(&complainant, "translation");
        assert_eq!((translation["audience"].as_str(), translation["language"].as_str()),
            (Some("complainant_side"), Some("es")));
        let docs: Vec<Value> = get(&server, &w.complainant, &format!("/api/cases/{pid}/documents"))
            .await
            .json();
        let file = docs.iter().find(|d| d["pleading"] == translation["pid"]).expect("the translated file");
        assert_eq!(file["language"], "es", "a translation's file is in the language it translates into");

        let respondent = case_of(&server, &w.respondent, &case).await;
        assert_eq!(respondent["translations"], json!([]), "{}", respondent["translations"]);
        assert!(respondent["submissions"].as_array().unwrap().iter().all(|s| s["kind"] != "translation"));
        let told = respondent["timeline"].as_array().unwrap().iter()
            .any(|e| e["action"].as_str().is_some_and(|a| a.ends_with("_translation")));
        assert!(!told, "the respondent's timeline records nothing of it: {}", respondent["timeline"]);
    })
    .await;
}

#[tokio::test]
#[serial]
async fn oversight_sees_how_long_translations_took_and_which_missed_the_registrys_clock() {
    request::<App, _, _>(|server, ctx| async move {
        let w = world(&ctx).await;
        let case = case_in_mediation(&server, &w).await;
        let complaint = pleading(&case, "complaint")["pid"].as_str().unwrap().to_string();
        for language in ["fr", "es"] {
            must(&server, &w.complainant, &case,
                json!({"action": "request_translation", "source": complaint, "language": language})).await;
        }
        let asked = case_of(&server, &w.registrar, &case).await;
        let french = asked["translations"].as_array().unwrap().iter()
            .find(|t| t["language"] == "fr").unwrap()["pid"].as_str().unwrap().to_string();
        let clock = redress::clock::Clock::of(&ctx);
        clock.advance(Duration::days(3));
        must(&server, &w.registrar, &asked,
            json!({"action": "provide_translation", "request": french, "text": "Créneau supprimé du débat général."})).await;
        // The Spanish one is still awaited four weeks on: past the registry's clock.
        clock.advance(Duration::days(28));

        let res = get(&server, &w.oversight, "/api/oversight/translations").await;
        assert_eq!(res.status_code(), 200, "{}", res.text());
        let ledger: Value = res.json();
        let all = &ledger["all"];
        assert_eq!((all["requested"].as_u64(), all["provided"].as_u64(), all["pending"].as_u64(), all["missed"].as_u64()),
            (Some(2), Some(1), Some(1), Some(1)), "{all}");
        let line = |key: &str| ledger["by_language"].as_array().unwrap().iter()
            .find(|l| l["key"] == key).cloned().unwrap_or_else(|| panic!("no {key} in {ledger}"));
        let fr = line("fr");
        assert_eq!((fr["provided"].as_u64(), fr["missed"].as_u64()), (Some(1), Some(0)));
        let took = fr["time_to_provide"]["median"].as_i64().expect("a median");
        assert!((1..=3).contains(&took), "three calendar days hold one to three working days: {took}");
        assert_eq!(line("es")["missed"], 1);
        assert_eq!(line("ar")["requested"], 0, "every language has its line, asked for or not");
        assert_eq!(ledger["by_body"][0]["key"], "HRC");
        assert_eq!(ledger["by_body"][0]["requested"], 2);

        let csv = get(&server, &w.registrar, "/api/oversight/translations.csv").await;
        assert_eq!(csv.status_code(), 200);
        let text = csv.text();
        assert!(text.starts_with("dimension,key,requested,provided,pending,lapsed,missed,missed_percent"), "{text}");
        assert!(text.contains(&format!("language,fr,1,1,0,0,0,0,{took},{took},{took}")), "{text}");

        // The disparity tables show the same wait for the language the grievance was filed in.
        let d: Value = get(&server, &w.oversight, "/api/oversight/disparities").await.json();
        let english = d["by_language"].as_array().unwrap().iter()
            .find(|c| c["group"]["group"] == "en").expect("English filings");
        assert_eq!(english["group"]["translations_requested"], 2);
        assert_eq!(english["group"]["translations_missed"], 1);
        assert_eq!(english["group"]["time_to_translation"]["median"], took);

        for who in [&w.respondent, &w.complainant, &w.mediator] {
            assert_eq!(get(&server, who, "/api/oversight/translations").await.status_code(), 404);
        }

        // The dashboard's tab shows the same ledger, and the disparity tables the same wait.
        let mut b = crate::pages::Browser::sign_in(&server, &w.oversight).await;
        let page = b.get(&server, "/oversight/translations").await.text();
        let french = &page[page.find("<th scope=\"row\">French</th>").expect("French's line")..];
        let french = &french[..french.find("</tr>").unwrap()];
        assert!(french.contains(&format!("<td class=\"num\">{took}</td>")), "{french}");
        assert!(page.contains("<strong class=\"overdue\">1</strong>"), "the missed one stands out");
        assert!(page.contains("/oversight/export/translations.csv?"));
        let page = b.get(&server, "/oversight/disparities").await.text();
        assert!(page.contains("Median days to translation"));
    })
    .await;
}

#[tokio::test]
#[serial]
async fn the_api_answers_a_refusal_in_the_language_the_request_asks_for() {
    request::<App, _, _>(|server, ctx| async move {
        let w = world(&ctx).await;
        let case = case_in_mediation(&server, &w).await;
        let pid = case["pid"].as_str().unwrap().to_string();
        let path = format!("/api/cases/{pid}/actions");
        let ask = |body: Value, language: &'static str| {
            let req = server
                .post(&path)
                .authorization_bearer(&w.complainant.token)
                .json(&body);
            async move { req.add_header("accept-language", language).await }
        };
        // A rule of the case, in Russian; the code stays the same in every language.
        let res = ask(
            json!({"action": "provide_information", "information": "Ответ."}),
            "ru-RU,ru;q=0.9",
        )
        .await;
        assert_eq!(res.status_code(), 409);
        assert_eq!(res.header("content-language"), "ru");
        let body: Value = res.json();
        assert_eq!(body["error"], "rule");
        assert_eq!(
            body["description"],
            "По этому делу информация не запрашивалась."
        );
        // A field's problem, in Arabic.
        let res = ask(
            json!({"action": "request_translation", "source": pid, "language": "fr"}),
            "ar",
        )
        .await;
        assert_eq!(res.status_code(), 422);
        let body: Value = res.json();
        assert_eq!(body["errors"]["source"][0]["code"], "unknown");
        assert_eq!(
            body["errors"]["source"][0]["message"],
            "اختر مذكرة أو رسالة أو وثيقة من هذه القضية يمكنك الاطلاع عليها."
        );
        // A language we do not speak, or none: English.
        let res = ask(
            json!({"action": "provide_information", "information": "x"}),
            "de",
        )
        .await;
        assert_eq!(res.header("content-language"), "en");
        assert_eq!(
            res.json::<Value>()["description"],
            "No information was requested in this case."
        );
    })
    .await;
}
