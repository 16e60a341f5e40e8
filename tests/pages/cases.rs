use redress::{app::App, models::_entities::cases};
use sea_orm::{EntityTrait, PaginatorTrait};
use serde_json::{json, Value};
use serial_test::serial;

use super::{input_value, location, Browser};
use crate::support::*;

const FORM: &[(&str, &str)] = &[
    ("title", "Speaking slot cut from the general debate"),
    ("category", "speaking_time"),
    ("body", "HRC"),
    ("incident_date", "2026-01-15"),
    (
        "facts",
        "The chair removed our delegation from the speakers' list without notice.",
    ),
    ("remedy_sought", "A guaranteed slot at the next session."),
    ("respondent_kind", "body"),
    ("respondent_code", "HRC"),
    ("co_complainants", "KIR"),
    ("confidentiality", "public"),
    ("language", "en"),
    ("urgency", "normal"),
];

fn with(changes: &[(&'static str, &'static str)]) -> Vec<(&'static str, &'static str)> {
    FORM.iter()
        .map(|(k, v)| {
            changes
                .iter()
                .find(|(ck, _)| ck == k)
                .map_or((*k, *v), |(ck, cv)| (*ck, *cv))
        })
        .collect()
}

#[tokio::test]
#[serial]
async fn a_delegate_files_through_the_form_and_a_refused_form_keeps_what_was_typed() {
    request::<App, _, _>(|server, ctx| async move {
        let w = world(&ctx).await;
        let mut b = Browser::sign_in(&server, &w.complainant).await;
        assert_eq!(b.get(&server, "/cases/new").await.status_code(), 200);

        let bad = with(&[("title", "Cut"), ("facts", "")]);
        let mut fields = vec![("_key", b.key.clone())];
        fields.extend(bad.iter().map(|(k, v)| (*k, (*v).to_string())));
        let fields: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
        let res = b.post(&server, "/cases", &fields).await;
        assert_eq!(res.status_code(), 422);
        let html = res.text();
        assert!(
            html.contains("href=\"#f-title\""),
            "the summary links to the field {html}"
        );
        assert!(html.contains("href=\"#f-facts\""));
        assert!(html.contains("value=\"Cut\""), "what was typed stays");
        assert!(html.contains("A guaranteed slot at the next session."));
        assert!(html.contains("aria-invalid=\"true\""));

        let key = b.key.clone();
        let mut good: Vec<(&str, &str)> = vec![("_key", key.as_str())];
        good.extend_from_slice(FORM);
        let res = b.post(&server, "/cases", &good).await;
        assert_eq!(res.status_code(), 303, "{}", res.text());
        let case_page = location(&res);
        assert!(case_page.starts_with("/cases/"));
        let html = b.get(&server, &case_page).await.text();
        assert!(html.contains("GR-"), "the reference is shown");
        assert!(html.contains("working days left"), "{html}");
        assert!(html.contains("Your grievance is filed."));

        // The same form again (a double click, a retried request) lands on the same case.
        let again = b.post(&server, "/cases", &good).await;
        assert_eq!(location(&again), case_page);
        assert_eq!(cases::Entity::find().count(&ctx.db).await.unwrap(), 1);
    })
    .await;
}

#[tokio::test]
#[serial]
async fn the_registry_acts_through_the_case_page_and_a_stale_form_is_refused() {
    request::<App, _, _>(|server, ctx| async move {
        let w = world(&ctx).await;
        let case = file(&server, &w, &grievance()).await;
        let pid = case["pid"].as_str().unwrap().to_string();
        let reference = case["reference"].as_str().unwrap().to_string();
        let mut b = Browser::sign_in(&server, &w.registrar).await;
        let desk = b.get(&server, "/desk").await.text();
        assert!(
            desk.contains(&reference),
            "the new case is in the intake queue"
        );

        let page = b.get(&server, &format!("/cases/{pid}")).await.text();
        assert!(page.contains("value=\"register\""));
        let key = input_value(&page, "_key").unwrap();
        let version = input_value(&page, "expected_version").unwrap();
        let act = |key: String, version: String| {
            vec![
                ("_key".to_string(), key),
                ("action".to_string(), "register".to_string()),
                ("expected_version".to_string(), version),
                ("note".to_string(), "Within the mandate.".to_string()),
            ]
        };
        let path = format!("/cases/{pid}/act");
        let fields = act(key.clone(), version.clone());
        let refs: Vec<(&str, &str)> = fields
            .iter()
            .map(|(k, v)| (k.as_str(), v.as_str()))
            .collect();
        let res = b.post(&server, &path, &refs).await;
        assert_eq!(res.status_code(), 303, "{}", res.text());
        let html = b.get(&server, &location(&res)).await.text();
        assert!(html.contains("Registered"));

        // Sent twice: lands where the first went, acts once.
        let res = b.post(&server, &path, &refs).await;
        assert_eq!(res.status_code(), 303);
        assert!(b
            .get(&server, &location(&res))
            .await
            .text()
            .contains("already sent"));

        // A form from before the change, with a new key: refused, the case shown as it is.
        let fields = act("0a1b2c3d-stale-form".to_string(), version);
        let refs: Vec<(&str, &str)> = fields
            .iter()
            .map(|(k, v)| (k.as_str(), v.as_str()))
            .collect();
        let res = b.post(&server, &path, &refs).await;
        assert_eq!(res.status_code(), 409);
        assert!(res.text().contains("role=\"alert\""));
        // Reloaded (or the language changed) on the refusal's address: the case page.
        let res = b.get(&server, &path).await;
        assert_eq!(res.status_code(), 303);
        assert_eq!(location(&res), format!("/cases/{pid}"));
    })
    .await;
}

#[tokio::test]
#[serial]
async fn a_refused_action_opens_its_form_again_with_the_reason_beside_the_field() {
    request::<App, _, _>(|server, ctx| async move {
        let w = world(&ctx).await;
        let case = case_in_mediation(&server, &w).await;
        let pid = case["pid"].as_str().unwrap().to_string();
        let mut b = Browser::sign_in(&server, &w.mediator).await;
        let res = b
            .act(
                &server,
                &pid,
                "hold-form-key-1",
                "place_hold",
                &[("reason", "no")],
            )
            .await;
        assert_eq!(res.status_code(), 422);
        let html = res.text();
        assert!(html.contains("id=\"act-place_hold\" open>"), "{html}");
        assert!(html.contains("href=\"#a-place_hold-reason\""));
        assert!(html.contains("id=\"a-place_hold-reason\""));
        assert!(html.contains("Enter at least 5 characters."), "{html}");
    })
    .await;
}

#[tokio::test]
#[serial]
async fn stored_script_is_shown_as_text_on_every_page_it_reaches() {
    request::<App, _, _>(|server, ctx| async move {
        let w = world(&ctx).await;
        let payload = "<script>alert('x')</script><img src=x onerror=alert(1)>";
        let mut g = grievance();
        g["title"] = format!("Slot cut {payload}").into();
        g["facts"] = format!("The chair removed us from the list. {payload}").into();
        g["remedy_sought"] = format!("A slot. {payload}").into();
        let case = eligible_case(&server, &w, &g).await;
        let pid = case["pid"].as_str().unwrap().to_string();
        must(
            &server,
            &w.mediator,
            &case,
            serde_json::json!({"action": "place_hold", "reason": payload}),
        )
        .await;
        for (who, path) in [
            (&w.complainant, format!("/cases/{pid}")),
            (&w.complainant, "/cases".to_string()),
            (&w.registrar, format!("/cases/{pid}")),
            (&w.mediator, "/cases".to_string()),
            (&w.respondent, "/cases".to_string()),
            (&w.respondent, format!("/cases/{pid}")),
        ] {
            let mut b = Browser::sign_in(&server, who).await;
            let html = b.get(&server, &path).await.text();
            assert!(!html.contains("<script>alert"), "{path}: raw script");
            assert!(!html.contains("<img src=x"), "{path}: raw tag");
            assert!(
                html.contains("&lt;script&gt;") || html.contains("&lt;script"),
                "{path}: shown as text {html}"
            );
        }
    })
    .await;
}

#[tokio::test]
#[serial]
async fn each_role_sees_only_its_own_pages() {
    request::<App, _, _>(|server, ctx| async move {
        let w = world(&ctx).await;
        let case = file(&server, &w, &grievance()).await;
        let pid = case["pid"].as_str().unwrap().to_string();

        let mut anonymous = Browser::default();
        for path in ["/cases", "/desk", "/cases/new", &format!("/cases/{pid}")] {
            let res = anonymous.get(&server, path).await;
            assert_eq!(res.status_code(), 303, "{path}");
            assert!(location(&res).starts_with("/sign-in?next="), "{path}");
        }
        let mut outsider = Browser::sign_in(&server, &w.outsider).await;
        assert_eq!(
            outsider
                .get(&server, &format!("/cases/{pid}"))
                .await
                .status_code(),
            404
        );
        assert_eq!(outsider.get(&server, "/desk").await.status_code(), 404);
        let mut mediator = Browser::sign_in(&server, &w.mediator).await;
        assert_eq!(mediator.get(&server, "/cases/new").await.status_code(), 404);
        assert_eq!(
            mediator
                .get(&server, &format!("/cases/{pid}"))
                .await
                .status_code(),
            404
        );
        assert_eq!(
            mediator
                .get(&server, "/cases/not-a-uuid")
                .await
                .status_code(),
            404
        );
        let mut respondent = Browser::sign_in(&server, &w.respondent).await;
        assert_eq!(
            respondent.get(&server, "/desk/notices").await.status_code(),
            404
        );
        // Not served on the respondent until it is found eligible.
        assert_eq!(
            respondent
                .get(&server, &format!("/cases/{pid}"))
                .await
                .status_code(),
            404
        );
        let bad = respondent.get(&server, "/cases?status=nonsense").await;
        assert_eq!(bad.status_code(), 422);
    })
    .await;
}

#[tokio::test]
#[serial]
async fn a_rule_refusal_reads_in_the_visitors_language_and_in_english_for_the_api() {
    request::<App, _, _>(|server, ctx| async move {
        let w = world(&ctx).await;
        let case = case_in_mediation(&server, &w).await;
        let pid = case["pid"].as_str().unwrap().to_string();

        let api = act(
            &server,
            &w.mediator,
            &case,
            serde_json::json!({"action": "lift_hold"}),
        )
        .await;
        assert_eq!(api.status_code(), 409);
        let body: serde_json::Value = api.json();
        assert_eq!(body["error"], "rule");
        assert_eq!(body["description"], "The case is not on hold.");

        let mut b = Browser::sign_in(&server, &w.mediator).await;
        b.post(&server, "/language", &[("lang", "fr"), ("next", "/cases")])
            .await;
        let res = b
            .act(&server, &pid, "lift-form-key-1", "lift_hold", &[])
            .await;
        assert_eq!(res.status_code(), 409);
        let html = res.text();
        assert!(html.contains("affaire n&#39;est pas en suspens."), "{html}");
        assert!(!html.contains("not on hold"));
    })
    .await;
}

#[tokio::test]
#[serial]
async fn documents_go_with_a_pleading_or_as_evidence_from_the_case_page_and_come_back_as_attachments(
) {
    request::<App, _, _>(|server, ctx| async move {
        let w = world(&ctx).await;
        let case = case_in_mediation(&server, &w).await;
        let pid = case["pid"].as_str().expect("pid");

        // The mediator's request carries a file; the forms that take files say their limits.
        let mut mediator = Browser::sign_in(&server, &w.mediator).await;
        let page = mediator.get(&server, &format!("/cases/{pid}")).await.text();
        assert!(page.contains("enctype=\"multipart/form-data\""), "{page}");
        assert!(page.contains("20 files of 25 MB"), "the limits are stated");
        let version = input_value(&page, "expected_version").expect("a version");
        let res = mediator
            .post_files(
                &server,
                &format!("/cases/{pid}/act"),
                &[
                    ("action", "request_information"),
                    ("expected_version", &version),
                    ("questions", "Which meeting removed you from the list?"),
                ],
                &[("rules of procedure.pdf", PDF)],
            )
            .await;
        assert_eq!(res.status_code(), 303, "{}", res.text());

        // The complainant adds evidence on its own; a page is refused with the form kept.
        let mut delegate = Browser::sign_in(&server, &w.complainant).await;
        delegate.get(&server, &format!("/cases/{pid}")).await;
        let refused = delegate
            .post_files(
                &server,
                &format!("/cases/{pid}/documents"),
                &[("title", "Speakers list"), ("language", "en")],
                &[("list.pdf", b"<html><body>list</body></html>")],
            )
            .await;
        assert_eq!(refused.status_code(), 422);
        let html = refused.text();
        assert!(
            html.contains("value=\"Speakers list\""),
            "what was typed stays"
        );
        assert!(html.contains("list.pdf is not a kind of file"), "{html}");
        assert!(html.contains("choose them again"));
        let res = delegate
            .post_files(
                &server,
                &format!("/cases/{pid}/documents"),
                &[("title", "Speakers list"), ("language", "en")],
                &[("list.pdf", PDF)],
            )
            .await;
        assert_eq!(res.status_code(), 303, "{}", res.text());

        // The case page lists both with their kind and size, and each downloads as itself.
        let page = delegate.get(&server, &format!("/cases/{pid}")).await.text();
        assert!(page.contains("rules of procedure"), "{page}");
        assert!(page.contains("Speakers list"));
        assert!(page.contains("<td>PDF</td><td>1 kB</td>"), "{page}");
        let docs: Vec<Value> = get(
            &server,
            &w.complainant,
            &format!("/api/cases/{pid}/documents"),
        )
        .await
        .json();
        assert_eq!(docs.len(), 2);
        for doc in &docs {
            let href = format!(
                "/cases/{pid}/documents/{}",
                doc["pid"].as_str().expect("pid")
            );
            assert!(page.contains(&href), "{href}");
            let file = delegate.get(&server, &href).await;
            assert_eq!(file.status_code(), 200);
            assert_eq!(file.as_bytes().as_ref(), PDF);
            let disposition = file.header("content-disposition");
            assert!(disposition
                .to_str()
                .expect("ascii")
                .starts_with("attachment;"));
            assert_eq!(file.header("x-content-type-options"), "nosniff");
        }

        // A form with files and a forged token is refused before any file is received.
        delegate.csrf = "00".repeat(32);
        let forged = delegate
            .post_files(
                &server,
                &format!("/cases/{pid}/documents"),
                &[("title", "Forged"), ("language", "en")],
                &[("f.pdf", PDF)],
            )
            .await;
        assert!(
            forged.status_code().is_client_error(),
            "{}",
            forged.status_code()
        );
        let outsider = Browser::sign_in(&server, &w.outsider).await;
        let mut outsider = outsider;
        let href = format!(
            "/cases/{pid}/documents/{}",
            docs[0]["pid"].as_str().expect("pid")
        );
        assert_eq!(outsider.get(&server, &href).await.status_code(), 404);
        assert_eq!(
            get(
                &server,
                &w.complainant,
                &format!("/api/cases/{pid}/documents")
            )
            .await
            .json::<Vec<Value>>()
            .len(),
            2
        );
    })
    .await;
}

#[tokio::test]
#[serial]
async fn a_message_written_on_the_case_page_is_shown_only_to_its_audience_and_says_it_moves_no_clock(
) {
    request::<App, _, _>(|server, ctx| async move {
        let w = world(&ctx).await;
        let case = case_in_mediation(&server, &w).await;
        let pid = case["pid"].as_str().expect("pid");

        // A delegate is offered only what a side may write to, and told it moves no clock.
        let mut delegate = Browser::sign_in(&server, &w.complainant).await;
        let page = delegate.get(&server, &format!("/cases/{pid}")).await.text();
        assert!(
            page.contains("never meets, starts or pauses a deadline"),
            "{page}"
        );
        assert!(page.contains("value=\"complainant_side\""));
        assert!(
            !page.contains("value=\"staff\""),
            "a side writes no staff note"
        );
        assert!(!page.contains("value=\"respondent_side\""));

        // The mediator writes to the respondent side alone, with a file; a refusal first.
        let mut mediator = Browser::sign_in(&server, &w.mediator).await;
        mediator.get(&server, &format!("/cases/{pid}")).await;
        let refused = mediator
            .post_files(
                &server,
                &format!("/cases/{pid}/messages"),
                &[
                    ("audience", "respondent_side"),
                    ("body", "  "),
                    ("language", "en"),
                ],
                &[],
            )
            .await;
        assert_eq!(refused.status_code(), 422);
        let html = refused.text();
        assert!(html.contains("id=\"a-message-body-error\""), "{html}");
        assert!(
            html.contains("value=\"respondent_side\" checked"),
            "the audience chosen stays chosen"
        );
        let res = mediator
            .post_files(
                &server,
                &format!("/cases/{pid}/messages"),
                &[
                    ("audience", "respondent_side"),
                    (
                        "body",
                        "Could the secretariat share the speakers list of 12 March?",
                    ),
                    ("language", "en"),
                ],
                &[("speakers list request.pdf", PDF)],
            )
            .await;
        assert_eq!(res.status_code(), 303, "{}", res.text());

        let mut respondent = Browser::sign_in(&server, &w.respondent).await;
        let theirs = respondent
            .get(&server, &format!("/cases/{pid}"))
            .await
            .text();
        assert!(
            theirs.contains("Could the secretariat share the speakers list"),
            "{theirs}"
        );
        assert!(theirs.contains("Only the mediator and the respondent side"));
        assert!(theirs.contains("speakers list request"));
        let ours = delegate.get(&server, &format!("/cases/{pid}")).await.text();
        assert!(!ours.contains("Could the secretariat share the speakers list"));
        assert!(!ours.contains("speakers list request"), "nor its file");
        assert!(ours.contains("No messages yet."));
    })
    .await;
}

#[tokio::test]
#[serial]
async fn the_failed_notices_page_says_how_many_wait_were_sent_and_failed_never_that_all_arrived() {
    request::<App, _, _>(|server, ctx| async move {
        let w = world(&ctx).await;
        case_in_mediation(&server, &w).await;
        // Nothing was delivered yet: the queued notices are counted as waiting.
        let mut registrar = Browser::sign_in(&server, &w.registrar).await;
        let page = registrar.get(&server, "/desk/notices").await.text();
        assert!(!page.contains("Every notice was delivered"), "{page}");
        assert!(page.contains("No notice has failed."));
        assert!(page.contains("Sent: 0"), "{page}");
        let waiting = page
            .split("Waiting to be sent: ")
            .nth(1)
            .and_then(|rest| rest.split(' ').next())
            .and_then(|n| n.parse::<u64>().ok())
            .expect("a count of notices waiting");
        assert!(
            waiting > 0,
            "the filing's and the steps' notices wait: {page}"
        );
    })
    .await;
}

#[tokio::test]
#[serial]
async fn naming_a_mediator_the_page_says_beside_each_name_why_the_rule_excludes_them() {
    request::<App, _, _>(|server, ctx| async move {
        let w = world(&ctx).await;
        let case = case_in_mediation(&server, &w).await;
        let pid = case["pid"].as_str().expect("pid");
        let mut registrar = Browser::sign_in(&server, &w.registrar).await;
        let page = registrar
            .get(&server, &format!("/cases/{pid}"))
            .await
            .text();
        let select = page
            .split("id=\"a-assign_mediator-mediator\"")
            .nth(1)
            .and_then(|rest| rest.split("</select>").next())
            .expect("the mediator choice");
        assert!(
            select.contains(
                "Test tuv.mediator@test.example: shares the nationality of a party (TUV)"
            ),
            "{select}"
        );
        assert!(select.contains("Choose automatically"));
        // The record says whom the rule passed over when it assigned, and why.
        let record = page
            .split("Passed over: ")
            .nth(1)
            .and_then(|rest| rest.split("</small>").next())
            .expect("the reasons of the record");
        assert!(
            record.contains("shares the nationality of a party (TUV)"),
            "{record}"
        );
    })
    .await;
}

#[tokio::test]
#[serial]
async fn a_filing_with_many_problems_is_told_all_of_them_at_once_once_each_in_the_pages_language() {
    request::<App, _, _>(|server, ctx| async move {
        let w = world(&ctx).await;
        relocate(&ctx, &w.complainant, "fr", "Europe/Paris").await;
        let mut delegate = Browser::sign_in(&server, &w.complainant).await;
        delegate.get(&server, "/cases/new").await;
        // A short title, an unknown forum and respondent, and no category: one round.
        let res = delegate
            .post_files(
                &server,
                "/cases",
                &[
                    ("title", "Cut"),
                    ("body", "NOPE"),
                    ("incident_date", "2026-01-15"),
                    ("facts", "The chair removed our delegation from the list."),
                    ("remedy_sought", "A slot."),
                    ("respondent_kind", "body"),
                    ("respondent_code", "NADA"),
                    ("confidentiality", "public"),
                    ("language", "en"),
                    ("urgency", "normal"),
                ],
                &[],
            )
            .await;
        assert_eq!(res.status_code(), 422);
        let html = res.text();
        for field in ["title", "category", "body", "respondent_code"] {
            let id = format!("id=\"f-{field}-error\"");
            assert_eq!(
                html.matches(&id).count(),
                1,
                "{field} is flagged once: {html}"
            );
            let block = html
                .split(&id)
                .nth(1)
                .and_then(|rest| rest.split("</div>").next())
                .unwrap_or_default();
            assert_eq!(
                block.matches("<p>").count(),
                1,
                "{field}: one message: {block}"
            );
        }
        assert!(
            !html.contains("Enter between"),
            "no English on a French page: {html}"
        );
    })
    .await;
}

/// The text of `html` between the first `from` and the first `to` after it.
fn between<'a>(html: &'a str, from: &str, to: &str) -> &'a str {
    let start = html
        .find(from)
        .unwrap_or_else(|| panic!("no {from} in {html}"));
    let rest = &html[start..];
    &rest[..rest.find(to).unwrap_or(rest.len())]
}

#[tokio::test]
#[serial]
async fn the_case_page_says_first_whose_turn_it_is_and_puts_the_response_to_answer_above_the_forms()
{
    request::<App, _, _>(|server, ctx| async move {
        let w = world(&ctx).await;
        let case = case_in_mediation(&server, &w).await;
        let pid = case["pid"].as_str().unwrap().to_string();
        let case = must(
            &server,
            &w.mediator,
            &case,
            json!({"action": "request_response", "request": "Please answer the complaint."}),
        )
        .await;

        // Before the response: the delegate waits for the respondent and owes nothing.
        let mut delegate = Browser::sign_in(&server, &w.complainant).await;
        let html = delegate.get(&server, &format!("/cases/{pid}")).await.text();
        let next = between(&html, "id=\"next-title\"", "</section>");
        assert!(
            next.contains("Waiting for the respondent: Formal response."),
            "{next}"
        );
        assert!(
            next.contains("end of the organisation&#39;s business day"),
            "{next}"
        );
        assert!(next.contains("Nothing is yours to do now."), "{next}");
        let mut respondent = Browser::sign_in(&server, &w.respondent).await;
        let html = respondent
            .get(&server, &format!("/cases/{pid}"))
            .await
            .text();
        let next = between(&html, "id=\"next-title\"", "</section>");
        assert!(next.contains("It is your turn: Formal response."), "{next}");
        assert!(
            next.contains("Please answer the complaint."),
            "the request is read first"
        );
        assert!(next.contains("href=\"#act-submit_response\""), "{next}");

        let response = "We regret it and offer a slot at the next session.";
        must(
            &server,
            &w.respondent,
            &case,
            json!({"action": "submit_response", "response": response}),
        )
        .await;
        let html = delegate.get(&server, &format!("/cases/{pid}")).await.text();
        let next = between(&html, "id=\"next-title\"", "</section>");
        assert!(
            next.contains("It is your turn: Complainant&#39;s reply."),
            "{next}"
        );
        assert!(
            next.contains(response),
            "the response to answer is in the panel"
        );
        assert!(next.contains("href=\"#act-accept_response\""));
        assert!(next.contains("href=\"#act-contest_response\""));
        assert_eq!(
            html.matches(response).count(),
            1,
            "the response is shown once"
        );
        assert!(
            html.find("id=\"next-title\"") < html.find("What you can do"),
            "what to do comes before the forms"
        );
        assert!(
            html.contains("id=\"act-accept_response\" open>"),
            "its answer's form is open"
        );
        let facts = "The chair removed";
        assert!(
            html.matches(facts).count() <= 1,
            "the facts are shown once, not again as the complaint's pleading"
        );
        assert!(!html.contains("Remedy sought:"), "{html}");
    })
    .await;
}

#[tokio::test]
#[serial]
async fn withdrawing_from_the_page_asks_once_more_saying_what_it_ends_and_keeping_is_a_way_back() {
    request::<App, _, _>(|server, ctx| async move {
        let w = world(&ctx).await;
        let case = case_in_mediation(&server, &w).await;
        let pid = case["pid"].as_str().unwrap().to_string();
        let mut b = Browser::sign_in(&server, &w.complainant).await;
        let page = b.get(&server, &format!("/cases/{pid}")).await.text();
        assert!(
            page.contains("class=\"action grave\" id=\"act-withdraw\""),
            "withdrawal looks unlike the others"
        );

        let res = b
            .act(
                &server,
                &pid,
                "withdraw-key-1",
                "withdraw",
                &[("reason", "Settled between us.")],
            )
            .await;
        assert_eq!(res.status_code(), 200);
        let confirm = res.text();
        assert!(confirm.contains("Withdraw this grievance?"), "{confirm}");
        assert!(confirm.contains("cannot be reopened"));
        assert!(
            confirm.contains("value=\"Settled between us.\""),
            "the reason travels"
        );
        assert!(
            confirm.contains(&format!("href=\"/cases/{pid}\"")),
            "keeping it is a link back"
        );
        let status = || async {
            get(&server, &w.complainant, &format!("/api/cases/{pid}"))
                .await
                .json::<Value>()["status"]
                .clone()
        };
        assert_eq!(
            status().await,
            "in_mediation",
            "nothing is withdrawn before the second step"
        );

        let fields: Vec<(String, String)> =
            ["_key", "action", "expected_version", "reason", "confirmed"]
                .iter()
                .map(|name| {
                    let value = if *name == "confirmed" {
                        Some("yes".to_string())
                    } else {
                        input_value(&confirm, name)
                    };
                    (
                        (*name).to_string(),
                        value.unwrap_or_else(|| panic!("{name} kept")),
                    )
                })
                .collect();
        let refs: Vec<(&str, &str)> = fields
            .iter()
            .map(|(k, v)| (k.as_str(), v.as_str()))
            .collect();
        let res = b.post(&server, &format!("/cases/{pid}/act"), &refs).await;
        assert_eq!(res.status_code(), 303, "{}", res.text());
        assert_eq!(status().await, "withdrawn");
        let html = b.get(&server, &format!("/cases/{pid}")).await.text();
        assert!(html.contains("This case has ended."), "{html}");
        // Asked again once withdrawn: refused at once, never a second confirmation.
        let again = b
            .post(
                &server,
                &format!("/cases/{pid}/act"),
                &[
                    ("_key", "withdraw-key-2"),
                    ("action", "withdraw"),
                    ("expected_version", "1"),
                ],
            )
            .await;
        assert_eq!(again.status_code(), 409);
        assert!(!again.text().contains("Withdraw this grievance?"));
    })
    .await;
}

#[tokio::test]
#[serial]
async fn co_complainants_are_typed_by_name_in_any_language_or_by_code_and_an_unknown_one_is_named()
{
    request::<App, _, _>(|server, ctx| async move {
        let w = world(&ctx).await;
        let mut b = Browser::sign_in(&server, &w.complainant).await;
        b.get(&server, "/cases/new").await;
        let key = b.key.clone();
        let send = |typed: &'static str| {
            let mut fields: Vec<(&str, &str)> = vec![("_key", key.as_str())];
            fields.extend(with(&[("co_complainants", typed)]));
            fields
        };
        let res = b
            .post(&server, "/cases", &send("Haïti, Xyzzy; papua"))
            .await;
        assert_eq!(res.status_code(), 422);
        let html = res.text();
        assert!(
            html.contains("No member state is called or coded “Xyzzy”"),
            "{html}"
        );
        assert!(
            !html.contains("“Haïti”") && !html.contains("“papua”"),
            "the others are known"
        );
        assert!(
            html.contains("value=\"Haïti, Xyzzy; papua\""),
            "what was typed stays"
        );

        let res = b
            .post(&server, "/cases", &send("haiti, KIR, Allemagne, papua"))
            .await;
        assert_eq!(res.status_code(), 303, "{}", res.text());
        let page = location(&res);
        let pid = page.trim_start_matches("/cases/");
        let case = get(&server, &w.complainant, &format!("/api/cases/{pid}"))
            .await
            .json::<Value>();
        let mut codes: Vec<&str> = case["co_complainants"]
            .as_array()
            .unwrap()
            .iter()
            .map(|d| d["code"].as_str().unwrap())
            .collect();
        codes.sort_unstable();
        assert_eq!(codes, ["DEU", "HTI", "KIR", "PNG"]);
    })
    .await;
}

#[tokio::test]
#[serial]
async fn a_delegate_asks_for_a_translation_on_the_page_and_reads_it_beside_the_authentic_original()
{
    request::<App, _, _>(|server, ctx| async move {
        let w = world(&ctx).await;
        let case = case_in_mediation(&server, &w).await;
        let case = must(
            &server,
            &w.mediator,
            &case,
            json!({"action": "request_information", "questions": "Which meeting was it?"}),
        )
        .await;
        let pid = case["pid"].as_str().unwrap().to_string();
        let questions = case["submissions"]
            .as_array()
            .unwrap()
            .iter()
            .find(|s| s["kind"] == "information_request")
            .unwrap()["pid"]
            .as_str()
            .unwrap()
            .to_string();

        let mut delegate = Browser::sign_in(&server, &w.complainant).await;
        let page = delegate.get(&server, &format!("/cases/{pid}")).await.text();
        assert!(
            page.contains("value=\"request_translation\""),
            "the form is offered"
        );
        assert!(
            page.contains(&format!("value=\"{questions}\"")),
            "the questions are offered to translate"
        );
        let res = delegate
            .act(
                &server,
                &pid,
                "ask-french-form-key-1",
                "request_translation",
                &[("source", questions.as_str()), ("language", "fr")],
            )
            .await;
        assert_eq!(res.status_code(), 303, "{}", res.text());
        let page = delegate.get(&server, &location(&res)).await.text();
        assert!(
            page.contains("class=\"versions\""),
            "the original is shown with its pending translation"
        );
        assert!(
            page.contains("Your side&#39;s deadlines are paused until then."),
            "{page}"
        );

        let mut registry = Browser::sign_in(&server, &w.registrar).await;
        let page = registry.get(&server, &format!("/cases/{pid}")).await.text();
        assert!(page.contains("value=\"provide_translation\""));
        assert!(
            !page.contains("paused until then"),
            "the registry does not wait for it"
        );
        let request = input_option(&page, "request").expect("the pending request is offered");
        let res = registry
            .act(
                &server,
                &pid,
                "give-french-form-key-1",
                "provide_translation",
                &[
                    ("request", request.as_str()),
                    ("text", "De quelle séance s'agissait-il ?"),
                ],
            )
            .await;
        assert_eq!(res.status_code(), 303, "{}", res.text());

        let page = delegate.get(&server, &format!("/cases/{pid}")).await.text();
        let versions = &page[page.find("class=\"versions\"").expect("side by side")..];
        let original = versions
            .find("Which meeting was it?")
            .expect("the original");
        let translated = versions
            .find("De quelle séance s&#39;agissait-il ?")
            .expect("the translation");
        assert!(original < translated, "the authentic original comes first");
        assert!(versions[..original].contains("Authentic version"));
        assert!(versions.contains("lang=\"fr\""));
        // The translation is no pleading of its own in the list.
        assert_eq!(page.matches("De quelle séance").count(), 1);

        // The delegate answers in French, and says so: the page's language is the default.
        let select = &page[page
            .find("id=\"a-provide_information-written_in\"")
            .expect("the language is asked")..];
        let select = &select[..select.find("</select>").unwrap()];
        assert!(
            select.contains("<option value=\"en\" selected>"),
            "written in the page's language unless said: {select}"
        );
        let res = delegate
            .act(
                &server,
                &pid,
                "answer-french-form-key-1",
                "provide_information",
                &[
                    ("information", "La 3e séance, le 4 mars."),
                    ("written_in", "fr"),
                ],
            )
            .await;
        assert_eq!(res.status_code(), 303, "{}", res.text());
        let case: Value = get(&server, &w.complainant, &format!("/api/cases/{pid}"))
            .await
            .json();
        let answer = case["submissions"]
            .as_array()
            .unwrap()
            .iter()
            .find(|s| s["kind"] == "information")
            .expect("the answer");
        assert_eq!(answer["language"], "fr");
    })
    .await;
}

/// The first value a `<select name=...>` offers (past its blank "choose" option).
fn input_option(html: &str, name: &str) -> Option<String> {
    let select = &html[html.find(&format!("name=\"{name}\""))?..];
    let select = &select[..select.find("</select>")?];
    select
        .split("<option value=\"")
        .skip(1)
        .filter_map(|o| o.split('"').next())
        .find(|v| !v.is_empty())
        .map(str::to_string)
}
