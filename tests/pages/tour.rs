//! Every page, for every role: their own pages render, everyone else's do not exist for them.
use redress::app::App;
use sea_orm::{EntityTrait, PaginatorTrait};
use serde_json::json;
use serial_test::serial;

use super::{location, Browser};
use crate::support::*;

const PAGES: &[(&str, &[&str])] = &[
    (
        "/cases",
        &[
            "delegate",
            "respondent",
            "mediator",
            "registrar",
            "oversight",
        ],
    ),
    ("/cases/new", &["delegate"]),
    ("/desk", &["registrar"]),
    ("/desk/notices", &["registrar", "oversight", "mediator"]),
    ("/desk/mail", &["registrar"]),
    ("/desk/mail?outcome=set_aside", &["registrar"]),
    ("/oversight", &["oversight", "registrar"]),
    (
        "/oversight?from=2026-01-01&body=HRC&category=",
        &["oversight", "registrar"],
    ),
    ("/oversight/disparities", &["oversight", "registrar"]),
    ("/oversight/translations", &["oversight", "registrar"]),
    (
        "/oversight/export/translations.csv",
        &["oversight", "registrar"],
    ),
    (
        "/oversight/trends?from=2026-01-01",
        &["oversight", "registrar"],
    ),
    ("/oversight/samples", &["oversight", "registrar"]),
    ("/oversight/export/metrics.csv", &["oversight", "registrar"]),
    (
        "/oversight/export/disparities.csv",
        &["oversight", "registrar"],
    ),
    ("/admin/users", &["admin"]),
    ("/admin/delegations", &["admin"]),
    ("/admin/bodies", &["admin"]),
    ("/admin/mediators", &["admin"]),
    ("/admin/holidays", &["admin"]),
    ("/admin/policies", &["admin", "oversight", "registrar"]),
    (
        "/register",
        &[
            "delegate",
            "respondent",
            "mediator",
            "registrar",
            "oversight",
            "admin",
        ],
    ),
];

#[tokio::test]
#[serial]
async fn every_role_reaches_its_own_pages_and_no_other() {
    request::<App, _, _>(|server, ctx| async move {
        let w = world(&ctx).await;
        let case = case_in_mediation(&server, &w).await;
        must(
            &server,
            &w.mediator,
            &case,
            json!({"action": "request_response", "request": "Please explain the cut."}),
        )
        .await;
        let pid = case["pid"].as_str().unwrap().to_string();
        let people = [
            ("delegate", &w.complainant),
            ("respondent", &w.respondent),
            ("mediator", &w.mediator),
            ("registrar", &w.registrar),
            ("oversight", &w.oversight),
            ("admin", &w.admin),
        ];
        for (role, person) in people {
            let mut b = Browser::sign_in(&server, person).await;
            for (path, allowed) in PAGES {
                let res = b.get(&server, path).await;
                let expected = if allowed.contains(&role) { 200 } else { 404 };
                assert_eq!(res.status_code(), expected, "{role} {path}: {}", res.text());
            }
            let case_page = b.get(&server, &format!("/cases/{pid}")).await;
            let expected = if role == "admin" { 404 } else { 200 };
            assert_eq!(case_page.status_code(), expected, "{role} case page");
            if role == "admin" {
                // Nor its mediator's profile page for anyone else.
                continue;
            }
            assert_eq!(
                b.get(&server, &format!("/admin/mediators/{}", w.mediator.pid()))
                    .await
                    .status_code(),
                404
            );
        }
        let mut anonymous = Browser::default();
        assert_eq!(anonymous.get(&server, "/register").await.status_code(), 200);
        assert_eq!(anonymous.get(&server, "/").await.status_code(), 200);
        let res = anonymous.get(&server, "/oversight").await;
        assert_eq!(res.status_code(), 303);
    })
    .await;
}

#[tokio::test]
#[serial]
async fn the_respondent_answers_from_the_inbox_and_the_delegate_accepts() {
    request::<App, _, _>(|server, ctx| async move {
        let w = world(&ctx).await;
        let case = case_in_mediation(&server, &w).await;
        must(
            &server,
            &w.mediator,
            &case,
            json!({"action": "request_response", "request": "Please explain the cut."}),
        )
        .await;
        let pid = case["pid"].as_str().unwrap().to_string();
        let reference = case["reference"].as_str().unwrap().to_string();

        let mut respondent = Browser::sign_in(&server, &w.respondent).await;
        let inbox = respondent.get(&server, "/cases").await.text();
        let awaiting = inbox
            .split_once("Awaiting your response")
            .map_or("", |(_, rest)| rest);
        assert!(
            awaiting.contains(&reference),
            "the case awaits the respondent: {inbox}"
        );
        assert!(awaiting.contains("working days left"));
        let res = respondent
            .act(
                &server,
                &pid,
                "respondent-answer-1",
                "submit_response",
                &[(
                    "response",
                    "The list was closed by the bureau's decision of 12 January.",
                )],
            )
            .await;
        assert_eq!(res.status_code(), 303, "{}", res.text());

        let mut delegate = Browser::sign_in(&server, &w.complainant).await;
        let page = delegate.get(&server, &format!("/cases/{pid}")).await.text();
        assert!(page.contains("The list was closed by the bureau"));
        let res = delegate
            .act(
                &server,
                &pid,
                "delegate-accept-1",
                "accept_response",
                &[("note", "")],
            )
            .await;
        assert_eq!(res.status_code(), 303, "{}", res.text());
        let page = delegate.get(&server, &location(&res)).await.text();
        assert!(
            page.contains("Response accepted") || page.contains("Settled"),
            "{page}"
        );
    })
    .await;
}

#[tokio::test]
#[serial]
async fn an_admin_accredits_someone_and_keeps_the_calendar_through_the_pages() {
    request::<App, _, _>(|server, ctx| async move {
        let w = world(&ctx).await;
        let mut admin = Browser::sign_in(&server, &w.admin).await;
        admin.get(&server, "/admin/users").await;
        let key = admin.key.clone();
        let bad = admin
            .post(
                &server,
                "/admin/users",
                &[
                    ("_key", &key),
                    ("email", "not-an-address"),
                    ("name", ""),
                    ("role", "delegate"),
                    ("delegation", "FJI"),
                    ("time_zone", "Mars/Olympus"),
                ],
            )
            .await;
        assert_eq!(bad.status_code(), 422);
        let html = bad.text();
        for field in ["email", "name", "time_zone"] {
            assert!(
                html.contains(&format!("href=\"#f-{field}\"")),
                "{field}: {html}"
            );
        }
        assert!(html.contains("value=\"Mars/Olympus\""));
        let ok = admin
            .post(
                &server,
                "/admin/users",
                &[
                    ("_key", &key),
                    ("email", "fiji@test.example"),
                    ("name", "Delegate of Fiji"),
                    ("role", "delegate"),
                    ("delegation", "FJI"),
                    ("locale", "fr"),
                    ("time_zone", "Pacific/Fiji"),
                ],
            )
            .await;
        assert_eq!(ok.status_code(), 303, "{}", ok.text());
        assert!(admin
            .get(&server, "/admin/users")
            .await
            .text()
            .contains("Delegate of Fiji"));

        admin.get(&server, "/admin/holidays").await;
        let key = admin.key.clone();
        let res = admin
            .post(
                &server,
                "/admin/holidays",
                &[
                    ("_key", &key),
                    ("date", "2026-12-24"),
                    ("name", "Christmas Eve"),
                ],
            )
            .await;
        assert_eq!(res.status_code(), 303, "{}", res.text());
        let page = admin.get(&server, "/admin/holidays").await.text();
        assert!(page.contains("Christmas Eve"));
        let res = admin
            .post(
                &server,
                "/admin/holidays",
                &[
                    ("_key", "another-holiday-key"),
                    ("date", "24/12/2026"),
                    ("name", "x"),
                ],
            )
            .await;
        assert_eq!(res.status_code(), 422);
        let res = admin
            .post(
                &server,
                "/admin/holidays/2026-12-24/delete",
                &[("_key", "remove-holiday-key")],
            )
            .await;
        assert_eq!(res.status_code(), 303);
        assert!(!admin
            .get(&server, "/admin/holidays")
            .await
            .text()
            .contains("Christmas Eve"));

        let path = format!("/admin/mediators/{}", w.mediator.pid());
        admin.get(&server, &path).await;
        let res = admin
            .post(
                &server,
                &path,
                &[
                    ("capacity", "7"),
                    ("on_leave", "yes"),
                    ("languages", "en"),
                    ("languages", "fr"),
                    ("conflicting_delegations", "BOL"),
                ],
            )
            .await;
        assert_eq!(res.status_code(), 303, "{}", res.text());
        let page = admin.get(&server, "/admin/mediators").await.text();
        assert!(page.contains("on leave") && page.contains("BOL"), "{page}");
    })
    .await;
}

#[tokio::test]
#[serial]
async fn oversight_draws_a_sample_and_downloads_the_figures() {
    request::<App, _, _>(|server, ctx| async move {
        let w = world(&ctx).await;
        case_in_mediation(&server, &w).await;
        let mut o = Browser::sign_in(&server, &w.oversight).await;
        let dash = o.get(&server, "/oversight").await.text();
        assert!(
            dash.contains("<svg role=\"img\""),
            "charts are drawn in the page"
        );
        let csv = o.get(&server, "/oversight/export/metrics.csv").await;
        assert!(csv
            .header("content-type")
            .to_str()
            .unwrap()
            .starts_with("text/csv"));
        assert!(csv.text().starts_with("section,key,measure,value"));
        assert_eq!(
            o.get(&server, "/oversight/export/secrets.csv")
                .await
                .status_code(),
            404
        );
        assert_eq!(
            o.get(&server, "/oversight?from=2026-13-01")
                .await
                .status_code(),
            422
        );

        o.get(&server, "/oversight/samples").await;
        let key = o.key.clone();
        let res = o
            .post(
                &server,
                "/oversight/samples",
                &[("_key", &key), ("size", "0")],
            )
            .await;
        assert_eq!(res.status_code(), 422);
        let res = o
            .post(
                &server,
                "/oversight/samples",
                &[("_key", &key), ("size", "3"), ("seed", "42")],
            )
            .await;
        assert_eq!(res.status_code(), 303, "{}", res.text());
        assert!(o
            .get(&server, "/oversight/samples")
            .await
            .text()
            .contains("<code>42</code>"));
    })
    .await;
}

#[tokio::test]
#[serial]
async fn the_public_register_finds_a_case_by_reference_and_never_names_a_protected_complainant() {
    request::<App, _, _>(|server, ctx| async move {
        let w = world(&ctx).await;
        let open = eligible_case(&server, &w, &grievance()).await;
        let mut protected = grievance_against(json!({"kind": "body", "code": "COP"}));
        protected["confidentiality"] = "identity_protected".into();
        let hidden = eligible_case(&server, &w, &protected).await;
        let mut anyone = Browser::default();
        let page = anyone.get(&server, "/register").await.text();
        assert!(page.contains(open["reference"].as_str().unwrap()));
        assert!(page.contains(hidden["reference"].as_str().unwrap()));
        assert!(
            page.contains("<td>Tuvalu <small>(TUV)</small></td>"),
            "the public filer is named, with its code"
        );
        let only = anyone
            .get(
                &server,
                &format!(
                    "/register?reference={}",
                    hidden["reference"].as_str().unwrap()
                ),
            )
            .await
            .text();
        assert!(
            !only.contains("Tuvalu <small>") && !only.contains("(TUV)"),
            "the protected filer is not: {only}"
        );
        assert!(!only.contains(open["reference"].as_str().unwrap()));
        // Searching by the protected filer finds only their public case.
        let by_filer = anyone
            .get(&server, "/register?complainant=tuv")
            .await
            .text();
        assert!(by_filer.contains(open["reference"].as_str().unwrap()));
        assert!(!by_filer.contains(hidden["reference"].as_str().unwrap()));
        assert!(by_filer.contains("/api/register.csv?complainant=tuv"));
        assert_eq!(
            anyone
                .get(&server, "/register?stage=nowhere")
                .await
                .status_code(),
            422
        );
    })
    .await;
}

#[tokio::test]
#[serial]
async fn names_set_by_admins_are_shown_as_text_wherever_they_appear() {
    request::<App, _, _>(|server, ctx| async move {
        let w = world(&ctx).await;
        let payload = "<script>alert(1)</script>";
        let res = post(
            &server,
            &w.admin,
            "/api/admin/bodies",
            &json!({"code": "XSS", "name": format!("Body {payload}"), "kind": "committee"}),
        )
        .await;
        assert_eq!(res.status_code(), 201, "{}", res.text());
        let res = post(
            &server,
            &w.admin,
            "/api/admin/holidays",
            &json!({"date": "2026-12-31", "name": format!("Eve {payload}")}),
        )
        .await;
        assert_eq!(res.status_code(), 201, "{}", res.text());
        let res = post(
            &server,
            &w.admin,
            "/api/admin/users",
            &json!({"email": "x@test.example", "name": format!("Name {payload}"), "role": "oversight", "time_zone": "UTC"}),
        )
        .await;
        assert_eq!(res.status_code(), 201, "{}", res.text());
        let g = grievance_against(json!({"kind": "body", "code": "XSS"}));
        let case = file(&server, &w, &g).await;
        let pid = case["pid"].as_str().unwrap();
        for (who, path) in [
            (&w.admin, "/admin/bodies".to_string()),
            (&w.admin, "/admin/holidays".to_string()),
            (&w.admin, "/admin/users".to_string()),
            (&w.complainant, "/cases/new".to_string()),
            (&w.complainant, format!("/cases/{pid}")),
        ] {
            let mut b = Browser::sign_in(&server, who).await;
            let html = b.get(&server, &path).await.text();
            assert!(!html.contains(payload), "{path}: raw script");
            assert!(html.contains("&lt;script&gt;"), "{path}: shown as text");
        }

        // A name that a spreadsheet would run as a formula is exported as text.
        let formula = "=HYPERLINK(\"http://evil.example\",\"Open\")";
        case_in_mediation(&server, &w).await;
        let res = server
            .patch(&format!("/api/admin/users/{}", w.mediator.pid()))
            .add_header("authorization", format!("Bearer {}", w.admin.token))
            .json(&json!({"name": formula}))
            .await;
        assert_eq!(res.status_code(), 200, "{}", res.text());
        let mut b = Browser::sign_in(&server, &w.oversight).await;
        let csv = b
            .get(&server, "/oversight/export/mediators.csv")
            .await
            .text();
        assert!(csv.contains("'=HYPERLINK("), "{csv}");
        assert!(!csv.contains(",=HYPERLINK(") && !csv.contains(",\"=HYPERLINK("), "{csv}");
    })
    .await;
}

#[tokio::test]
#[serial]
async fn the_same_form_sent_twice_at_once_acts_once() {
    request::<App, _, _>(|server, ctx| async move {
        let w = world(&ctx).await;
        case_in_mediation(&server, &w).await;
        let mut o = Browser::sign_in(&server, &w.oversight).await;
        o.get(&server, "/oversight/samples").await;
        let key = o.key.clone();
        let fields = [("_key", key.as_str()), ("size", "1"), ("seed", "7")];
        let (mut a, mut b) = (o.clone(), o.clone());
        let (first, second) = tokio::join!(
            a.post(&server, "/oversight/samples", &fields),
            b.post(&server, "/oversight/samples", &fields)
        );
        let codes = [first.status_code().as_u16(), second.status_code().as_u16()];
        assert!(codes.contains(&303), "{codes:?}");
        let draws = redress::models::_entities::review_samples::Entity::find()
            .count(&ctx.db)
            .await
            .unwrap();
        assert_eq!(draws, 1, "one draw recorded, answers {codes:?}");
        // And once more, later: where the first one led.
        let again = o.post(&server, "/oversight/samples", &fields).await;
        assert_eq!(again.status_code(), 303);
    })
    .await;
}

#[tokio::test]
#[serial]
async fn a_refused_profile_keeps_exactly_the_choices_made() {
    request::<App, _, _>(|server, ctx| async move {
        let w = world(&ctx).await;
        for code in ["WTO", "WTO-DSB"] {
            let res = post(
                &server,
                &w.admin,
                "/api/admin/bodies",
                &json!({"code": code, "name": format!("Body {code}"), "kind": "committee"}),
            )
            .await;
            assert_eq!(res.status_code(), 201);
        }
        let mut admin = Browser::sign_in(&server, &w.admin).await;
        let path = format!("/admin/mediators/{}", w.mediator.pid());
        admin.get(&server, &path).await;
        let res = admin
            .post(
                &server,
                &path,
                &[("capacity", "lots"), ("conflicting_bodies", "WTO-DSB")],
            )
            .await;
        assert_eq!(res.status_code(), 422);
        let html = res.text();
        assert!(
            html.contains("<option value=\"WTO-DSB\" selected>"),
            "{html}"
        );
        assert!(
            !html.contains("<option value=\"WTO\" selected>"),
            "only what was chosen"
        );
    })
    .await;
}

#[tokio::test]
#[serial]
async fn every_page_and_every_event_of_a_case_reads_in_each_language_without_a_missing_word_or_an_english_name(
) {
    request::<App, _, _>(|server, ctx| async move {
        let w = world(&ctx).await;
        // Co-complainants and a forum whose names differ in every language.
        let mut g = grievance();
        g["co_complainants"] = json!(["HTI", "DEU"]);
        let case = eligible_case(&server, &w, &g).await;
        let pid = case["pid"].as_str().unwrap().to_string();
        for (who, step) in [
            (
                &w.mediator,
                json!({"action": "request_information", "questions": "Who chaired the meeting?"}),
            ),
            (
                &w.complainant,
                json!({"action": "provide_information", "information": "The vice-chair."}),
            ),
            (
                &w.mediator,
                json!({"action": "place_hold", "reason": "Waiting for the minutes."}),
            ),
            (&w.mediator, json!({"action": "lift_hold"})),
            (
                &w.mediator,
                json!({"action": "request_response", "request": "Please explain the cut."}),
            ),
            (
                &w.respondent,
                json!({"action": "submit_response", "response": "The list was closed."}),
            ),
            (
                &w.complainant,
                json!({"action": "contest_response", "counter_proposal": "Reopen the list."}),
            ),
        ] {
            let case = get(&server, who, &format!("/api/cases/{pid}"))
                .await
                .json::<serde_json::Value>();
            must(&server, who, &case, step).await;
        }
        let english_names = ["Human Rights Council", "Haiti", "Germany"];
        let people = [
            ("delegate", &w.complainant),
            ("respondent", &w.respondent),
            ("mediator", &w.mediator),
            ("registrar", &w.registrar),
            ("oversight", &w.oversight),
            ("admin", &w.admin),
        ];
        for locale in ["en", "fr", "es", "ar", "zh", "ru"] {
            for (role, person) in people {
                relocate(&ctx, person, locale, "Pacific/Fiji").await;
                let mut b = Browser::sign_in(&server, person).await;
                let mut paths: Vec<String> = PAGES
                    .iter()
                    .filter(|(path, allowed)| allowed.contains(&role) && !path.ends_with(".csv"))
                    .map(|(path, _)| (*path).to_string())
                    .collect();
                if role != "admin" {
                    paths.push(format!("/cases/{pid}"));
                }
                for path in paths {
                    let res = b.get(&server, &path).await;
                    assert_eq!(res.status_code(), 200, "{locale} {role} {path}");
                    let html = res.text();
                    assert!(
                        !html.contains("Unknown localization key")
                            && !html.contains("Unknown localisation"),
                        "{locale} {role} {path}: a word is missing: {html}"
                    );
                    assert!(!html.contains("Remedy sought:"), "{locale} {role} {path}");
                    // The page where a body's names are kept shows every one of them.
                    if locale != "en" && path != "/admin/bodies" {
                        for name in english_names {
                            assert!(
                                !html.contains(name),
                                "{locale} {role} {path} names `{name}` in English: {html}"
                            );
                        }
                    }
                }
            }
        }
    })
    .await;
}

#[tokio::test]
#[serial]
async fn a_body_added_with_its_names_in_other_languages_is_offered_by_them() {
    request::<App, _, _>(|server, ctx| async move {
        let w = world(&ctx).await;
        let mut admin = Browser::sign_in(&server, &w.admin).await;
        let page = admin.get(&server, "/admin/bodies").await.text();
        assert!(page.contains("name=\"name_fr\"") && page.contains("name=\"name_es\""));
        let key = admin.key.clone();
        let res = admin
            .post(
                &server,
                "/admin/bodies",
                &[
                    ("_key", &key),
                    ("code", "CSW"),
                    ("name", "Commission on the Status of Women"),
                    ("name_fr", "Commission de la condition de la femme"),
                    (
                        "name_es",
                        "Comisión de la Condición Jurídica y Social de la Mujer",
                    ),
                    ("kind", "committee"),
                ],
            )
            .await;
        assert_eq!(res.status_code(), 303, "{}", res.text());

        relocate(&ctx, &w.complainant, "es", "America/La_Paz").await;
        let mut delegate = Browser::sign_in(&server, &w.complainant).await;
        let form = delegate.get(&server, "/cases/new").await.text();
        assert!(
            form.contains("Comisión de la Condición Jurídica y Social de la Mujer (CSW)"),
            "{form}"
        );
        assert!(!form.contains("Commission on the Status of Women"));
        assert!(
            form.contains(">Alemania<"),
            "member states by their Spanish names"
        );
    })
    .await;
}

#[tokio::test]
#[serial]
async fn an_admin_finds_a_state_by_any_of_its_names_and_types_a_zone_from_the_offered_list() {
    request::<App, _, _>(|server, ctx| async move {
        let w = world(&ctx).await;
        let mut admin = Browser::sign_in(&server, &w.admin).await;
        for q in ["tuv", "TUV", "Tuvalu", "Allemagne", "cote d'ivoire"] {
            let html = admin
                .get(&server, &format!("/admin/delegations?q={}", urlencoding(q)))
                .await
                .text();
            assert!(html.contains("One member state"), "{q}: {html}");
        }
        let all = admin.get(&server, "/admin/delegations").await.text();
        assert!(all.contains("193 member states"));
        assert_eq!(
            admin
                .get(&server, "/admin/delegations?page=2")
                .await
                .status_code(),
            422,
            "an unknown parameter is refused"
        );
        let form = admin.get(&server, "/admin/users").await.text();
        assert!(form.contains("list=\"zones\""));
        assert!(form.contains("<option value=\"Pacific/Funafuti\">"));
        assert!(
            !form.contains("<option value=\"US/Eastern\">"),
            "aliases are not offered"
        );
        assert!(
            form.contains("Body they answer for"),
            "not the forum of an incident"
        );
    })
    .await;
}

fn urlencoding(q: &str) -> String {
    q.replace(' ', "%20").replace('\'', "%27")
}
