//! Evidence documents through the API: kept whole and sealed into the case's chain, judged
//! by their content, always downloaded as attachments, seen only by those who see the case,
//! and never naming a protected complainant.
use axum_test::{
    multipart::{MultipartForm, Part},
    TestResponse, TestServer,
};
use redress::{
    app::App,
    models::{
        _entities::{case_events, document_chunks},
        case_events as chain,
    },
};
use sea_orm::{ActiveModelTrait, ActiveValue::Set, ColumnTrait, EntityTrait, QueryFilter};
use serde_json::{json, Value};
use serial_test::serial;
use sha2::{Digest, Sha256};

use crate::support::*;

fn upload(title: &str, name: &str, bytes: &[u8]) -> MultipartForm {
    MultipartForm::new()
        .add_text("title", title)
        .add_text("language", "fr")
        .add_part("file", Part::bytes(bytes.to_vec()).file_name(name))
}

async fn add(server: &TestServer, who: &Person, case: &Value, form: MultipartForm) -> TestResponse {
    let pid = case["pid"].as_str().expect("pid");
    server
        .post(&format!("/api/cases/{pid}/documents"))
        .authorization_bearer(&who.token)
        .multipart(form)
        .await
}

fn field_codes(res: &TestResponse) -> Value {
    res.json::<Value>()["errors"].clone()
}

#[tokio::test]
#[serial]
async fn a_party_adds_evidence_that_comes_back_byte_for_byte_as_an_attachment_sealed_into_the_chain(
) {
    request::<App, _, _>(|server, ctx| async move {
        let w = world(&ctx).await;
        let case = eligible_case(&server, &w, &grievance()).await;
        let pid = case["pid"].as_str().expect("pid");

        let res = add(
            &server,
            &w.complainant,
            &case,
            upload(
                "Ordre du jour annoté",
                "../../ordre du jour «final».PDF",
                PDF,
            ),
        )
        .await;
        assert_eq!(res.status_code(), 201, "{}", res.text());
        let added: Value = res.json();
        let doc = &added[0];
        let sha = hex::encode(Sha256::digest(PDF));
        assert_eq!(doc["sha256"], sha.as_str());
        assert_eq!(doc["size"], PDF.len());
        assert_eq!(doc["media_type"], "application/pdf");
        assert_eq!(doc["language"], "fr");
        assert_eq!(
            doc["file_name"], "ordre du jour «final».PDF",
            "no folder kept"
        );
        assert_eq!(doc["author"]["name"], w.complainant.actor.name.as_str());

        // Everyone who sees the case lists it; the respondent and oversight too.
        for who in [
            &w.complainant,
            &w.respondent,
            &w.mediator,
            &w.registrar,
            &w.oversight,
        ] {
            let list = get(&server, who, &format!("/api/cases/{pid}/documents")).await;
            assert_eq!(list.status_code(), 200);
            assert_eq!(list.json::<Value>()[0]["sha256"], sha.as_str());
        }

        let href = doc["href"].as_str().expect("href");
        let file = get(&server, &w.respondent, href).await;
        assert_eq!(file.status_code(), 200);
        assert_eq!(file.as_bytes().as_ref(), PDF);
        let header = |name: &str| file.header(name).to_str().expect("ascii").to_string();
        assert_eq!(header("content-type"), "application/pdf");
        assert!(header("content-disposition").starts_with("attachment; filename=\""));
        assert!(header("content-disposition").contains("filename*=UTF-8''"));
        assert_eq!(header("x-content-type-options"), "nosniff");
        assert!(header("content-security-policy").contains("sandbox"));

        // The file's SHA-256 is in the event that recorded it, so the chain covers it.
        let event = case_events::Entity::find()
            .filter(case_events::Column::Action.eq("documents_added"))
            .one(&ctx.db)
            .await
            .expect("query")
            .expect("the event");
        assert!(event.detail.contains(&sha));
        let (_, breaks) = chain::verify_all(&ctx.db).await.expect("verified");
        assert!(breaks.is_empty(), "{breaks:?}");

        // A file swapped in the database after the fact is named by the verifier.
        let stored = document_chunks::Entity::find()
            .one(&ctx.db)
            .await
            .expect("query")
            .expect("a chunk");
        let mut swapped: document_chunks::ActiveModel = stored.into();
        swapped.data = Set(PDF.iter().map(|b| b.to_ascii_lowercase()).collect());
        swapped.update(&ctx.db).await.expect("swapped");
        let (_, breaks) = chain::verify_all(&ctx.db).await.expect("verified");
        assert_eq!(breaks.len(), 1, "{breaks:?}");
        assert!(breaks[0].problem.contains("not the file that was sealed"));
    })
    .await;
}

#[tokio::test]
#[serial]
async fn a_file_is_judged_by_its_content_and_bad_uploads_are_refused_per_field() {
    request::<App, _, _>(|server, ctx| async move {
        let w = world(&ctx).await;
        let case = eligible_case(&server, &w, &grievance()).await;
        let page = b"<!DOCTYPE html><html><script>alert(1)</script></html>";
        for (form, field, code) in [
            (upload("Agenda", "agenda.pdf", page), "file", "type"),
            (upload("Agenda", "drawing.svg", b"<svg onload=alert(1)/>"), "file", "type"),
            (upload("Agenda", "tool.pdf", b"\x7fELF\x02\x01\x01\0"), "file", "type"),
            (upload("Agenda", "empty.txt", b""), "file", "empty"),
            (upload("", "a.pdf", PDF), "title", "required"),
            (
                MultipartForm::new().add_text("title", "Agenda").add_text("language", "fr"),
                "file",
                "required",
            ),
            (upload("Agenda", "a.pdf", PDF).add_text("language", "xx"), "language", "unknown"),
            (upload("Agenda", "a.pdf", PDF).add_text("owner", "me"), "owner", "unknown"),
        ] {
            let res = add(&server, &w.complainant, &case, form).await;
            assert_eq!(res.status_code(), 422, "{field}/{code}: {}", res.text());
            let errors = field_codes(&res);
            assert_eq!(errors[field][0]["code"], code, "{errors}");
        }
        // Text and a mail message are kept as what they are, whatever their names.
        let mail = "From: Chair <chair@un.example>\r\nSubject: Speakers\r\nDate: Mon, 7 Dec 2026 10:00:00 +0100\r\n\r\nThe list is closed.";
        for (bytes, kind) in [
            ("Notes de séance.\n".as_bytes(), "text/plain; charset=utf-8"),
            (mail.as_bytes(), "message/rfc822"),
        ] {
            let res = add(&server, &w.complainant, &case, upload("Pièce", "x.pdf", bytes)).await;
            assert_eq!(res.status_code(), 201, "{}", res.text());
            assert_eq!(res.json::<Value>()[0]["media_type"], kind);
        }
    })
    .await;
}

#[tokio::test]
#[serial]
async fn only_those_who_see_the_case_see_its_documents_and_a_protected_complainant_stays_unnamed() {
    request::<App, _, _>(|server, ctx| async move {
        let w = world(&ctx).await;
        let mut g = grievance();
        g["confidentiality"] = json!("identity_protected");
        let case = eligible_case(&server, &w, &g).await;
        let pid = case["pid"].as_str().expect("pid");
        let res = add(
            &server,
            &w.complainant,
            &case,
            upload("Liste", "l.pdf", PDF),
        )
        .await;
        assert_eq!(res.status_code(), 201, "{}", res.text());
        let href = res.json::<Value>()[0]["href"]
            .as_str()
            .expect("href")
            .to_string();

        // The respondent reads the evidence, never who added it.
        let seen: Value = get(
            &server,
            &w.respondent,
            &format!("/api/cases/{pid}/documents"),
        )
        .await
        .json();
        assert!(seen[0]["author"].is_null(), "{seen}");
        assert_eq!(seen[0]["party"], "complainant");
        let mediator: Value = get(&server, &w.mediator, &format!("/api/cases/{pid}/documents"))
            .await
            .json();
        assert!(mediator[0]["author"].is_object());

        // Someone with no standing finds nothing, by any route.
        for path in [format!("/api/cases/{pid}/documents"), href.clone()] {
            assert_eq!(
                get(&server, &w.outsider, &path).await.status_code(),
                404,
                "{path}"
            );
        }
        let res = add(&server, &w.outsider, &case, upload("Mine", "m.pdf", PDF)).await;
        assert_eq!(res.status_code(), 404);
        let res = add(
            &server,
            &w.other_respondent,
            &case,
            upload("Mine", "m.pdf", PDF),
        )
        .await;
        assert_eq!(res.status_code(), 404);
        // Oversight reads, but adds nothing.
        let res = add(&server, &w.oversight, &case, upload("Mine", "m.pdf", PDF)).await;
        assert_eq!(res.status_code(), 403, "{}", res.text());
        // A document of another case is not found through this one.
        let other = eligible_case(&server, &w, &grievance()).await;
        let other_pid = other["pid"].as_str().expect("pid");
        let crossed = href.replace(pid, other_pid);
        assert_eq!(
            get(&server, &w.complainant, &crossed).await.status_code(),
            404
        );
        assert_eq!(
            get(
                &server,
                &w.complainant,
                &format!("/api/cases/{pid}/documents/not-a-uuid")
            )
            .await
            .status_code(),
            404
        );
    })
    .await;
}

/// A request of `json` with `files` beside it, as multipart.
fn with_files(json: &Value, files: &[(&str, &[u8])]) -> MultipartForm {
    files.iter().fold(
        MultipartForm::new().add_text("json", json.to_string()),
        |form, (name, bytes)| form.add_part("file", Part::bytes(bytes.to_vec()).file_name(*name)),
    )
}

async fn documents_of(server: &TestServer, who: &Person, pid: &str) -> Vec<Value> {
    let res = get(server, who, &format!("/api/cases/{pid}/documents")).await;
    assert_eq!(res.status_code(), 200, "{}", res.text());
    res.json::<Vec<Value>>()
}

#[tokio::test]
#[serial]
async fn files_sent_with_a_filing_or_a_pleading_are_kept_with_it_and_sealed_in_its_event() {
    request::<App, _, _>(|server, ctx| async move {
        let w = world(&ctx).await;
        let res = server
            .post("/api/cases")
            .authorization_bearer(&w.complainant.token)
            .multipart(with_files(
                &grievance(),
                &[
                    ("speakers list.pdf", PDF),
                    ("minutes.txt", b"Minutes of the 3rd meeting.\n"),
                ],
            ))
            .await;
        assert_eq!(res.status_code(), 201, "{}", res.text());
        let case: Value = res.json();
        let pid = case["pid"].as_str().expect("pid");
        let statement = case["submissions"][0]["pid"]
            .as_str()
            .expect("the statement");
        let docs = documents_of(&server, &w.complainant, pid).await;
        assert_eq!(docs.len(), 2, "{docs:?}");
        for doc in &docs {
            assert_eq!(doc["pleading"], statement, "{doc}");
            assert_eq!(doc["language"], case["language"], "in the case's language");
        }
        assert_eq!(docs[0]["title"], "speakers list");
        assert_eq!(docs[1]["media_type"], "text/plain; charset=utf-8");

        // A pleading with a file: the file belongs to it.
        must(&server, &w.registrar, &case, json!({"action": "register"})).await;
        must(
            &server,
            &w.registrar,
            &case,
            json!({"action": "declare_eligible"}),
        )
        .await;
        let ask = json!({"action": "request_information", "questions": "Which session was it?"});
        let res = server
            .post(&format!("/api/cases/{pid}/actions"))
            .authorization_bearer(&w.mediator.token)
            .multipart(with_files(&ask, &[("rules.pdf", PDF)]))
            .await;
        assert_eq!(res.status_code(), 200, "{}", res.text());
        let asked: Value = res.json();
        let request = asked["submissions"]
            .as_array()
            .and_then(|s| s.iter().find(|s| s["kind"] == "information_request"))
            .expect("the request")["pid"]
            .clone();
        let docs = documents_of(&server, &w.respondent, pid).await;
        assert_eq!(docs.len(), 3);
        assert_eq!(docs[2]["pleading"], request);
        assert_eq!(docs[2]["party"], "mediator");

        // The files' hashes are in the events that recorded the filing and the request.
        let events = case_events::Entity::find()
            .filter(case_events::Column::Action.is_in(["file", "request_information"]))
            .all(&ctx.db)
            .await
            .expect("query");
        assert_eq!(events.len(), 2);
        assert!(events
            .iter()
            .all(|e| e.detail.contains(&hex::encode(Sha256::digest(PDF)))));
        let (_, breaks) = chain::verify_all(&ctx.db).await.expect("verified");
        assert!(breaks.is_empty(), "{breaks:?}");

        // An action that writes no pleading takes no file, and a refused action keeps none.
        let hold = json!({"action": "place_hold", "reason": "Awaiting the chair's return."});
        let res = server
            .post(&format!("/api/cases/{pid}/actions"))
            .authorization_bearer(&w.mediator.token)
            .multipart(with_files(&hold, &[("memo.pdf", PDF)]))
            .await;
        assert_eq!(res.status_code(), 422, "{}", res.text());
        assert_eq!(field_codes(&res)["file"][0]["code"], "not_taken");
        let answer = json!({"action": "provide_information", "information": ""});
        let res = server
            .post(&format!("/api/cases/{pid}/actions"))
            .authorization_bearer(&w.complainant.token)
            .multipart(with_files(&answer, &[("answer.pdf", PDF)]))
            .await;
        assert_eq!(res.status_code(), 422, "{}", res.text());
        // A file of a kind not kept refuses the whole filing: no case without its files.
        let before = get(&server, &w.complainant, "/api/cases")
            .await
            .json::<Value>()["total"]
            .clone();
        let res = server
            .post("/api/cases")
            .authorization_bearer(&w.complainant.token)
            .multipart(with_files(
                &grievance(),
                &[("a.pdf", PDF), ("page.html", b"<html><script>x</script>")],
            ))
            .await;
        assert_eq!(res.status_code(), 422, "{}", res.text());
        assert_eq!(field_codes(&res)["file"][0]["code"], "type");
        let after = get(&server, &w.complainant, "/api/cases")
            .await
            .json::<Value>()["total"]
            .clone();
        assert_eq!(before, after);
        // The multipart form needs its JSON.
        let res = server
            .post("/api/cases")
            .authorization_bearer(&w.complainant.token)
            .multipart(
                MultipartForm::new().add_part("file", Part::bytes(PDF.to_vec()).file_name("a.pdf")),
            )
            .await;
        assert_eq!(res.status_code(), 422, "{}", res.text());
        assert_eq!(field_codes(&res)["json"][0]["code"], "required");
        assert_eq!(documents_of(&server, &w.complainant, pid).await.len(), 3);
    })
    .await;
}

#[tokio::test]
#[serial]
async fn a_case_file_is_held_to_its_size_however_its_files_arrive() {
    use redress::models::documents::{self, Described, DocumentLimits, Spooler};
    request::<App, _, _>(|server, ctx| async move {
        let w = world(&ctx).await;
        let case = eligible_case(&server, &w, &grievance()).await;
        let pid = uuid::Uuid::parse_str(case["pid"].as_str().expect("pid")).expect("uuid");
        let limits = DocumentLimits {
            max_file_mb: 1,
            max_files_per_pleading: 3,
            max_case_mb: 1,
        };
        let spooled = |size: usize| async move {
            let mut spool = Spooler::new("big.txt", limits).expect("spooler");
            spool
                .push(&vec![b'a'; size])
                .await
                .expect("within a file's limit");
            spool.finish().await.expect("plain text")
        };
        let described = Described {
            title: "Transcript".into(),
            language: "en".parse().expect("en"),
        };
        let now = redress::clock::now(&ctx);
        let add = |files| {
            documents::add_evidence(
                &ctx.db,
                &w.complainant.actor,
                pid,
                &described,
                files,
                limits,
                now,
            )
        };
        add(vec![spooled(700 * 1024).await])
            .await
            .expect("room for the first");
        let full = add(vec![spooled(200 * 1024).await, spooled(200 * 1024).await])
            .await
            .expect_err("past the case's megabyte");
        let redress::errors::AppError::Validation(errors) = full else {
            panic!("{full:?}")
        };
        assert_eq!(errors.0["file"][0].code, "case_full");
        add(vec![spooled(300 * 1024).await])
            .await
            .expect("what is left fits");
        let held: i64 = documents_of(&server, &w.complainant, &pid.to_string())
            .await
            .iter()
            .map(|d| d["size"].as_i64().expect("size"))
            .sum();
        assert_eq!(held, 1000 * 1024);
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
#[serial]
async fn evidence_sent_by_several_parties_at_the_same_moment_is_all_kept() {
    request::<App, _, _>(|server, ctx| async move {
        let w = world(&ctx).await;
        let case = case_in_mediation(&server, &w).await;
        // Large enough that each upload's transaction is still writing when the next begins.
        let mut big = PDF.to_vec();
        big.resize(3 * 1024 * 1024, b' ');
        let senders = [
            &w.complainant,
            &w.co_complainant,
            &w.respondent,
            &w.mediator,
            &w.registrar,
            &w.complainant,
        ];
        let answers = futures::future::join_all(senders.iter().enumerate().map(|(i, who)| {
            add(
                &server,
                who,
                &case,
                upload(&format!("Exhibit {i}"), &format!("exhibit-{i}.pdf"), &big),
            )
        }))
        .await;
        for res in &answers {
            assert_eq!(res.status_code(), 201, "{}", res.text());
        }
        let pid = case["pid"].as_str().expect("pid");
        let docs: Value = get(
            &server,
            &w.registrar,
            &format!("/api/cases/{pid}/documents"),
        )
        .await
        .json();
        assert_eq!(docs.as_array().map(Vec::len), Some(senders.len()));
    })
    .await;
}
