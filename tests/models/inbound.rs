//! Every arriving message is kept once, whatever it is, with what it is for the registry; a
//! bounce of one of our notices fails that notice and flags it; the mail server's pipe
//! (`redress-cli task mail:receive`) comes through the same door.
use loco_rs::app::AppContext;
use redress::{
    app::App,
    models::{
        _entities::case_events,
        inbound::{self, MailOutcome, Taken, Via},
        notifications,
    },
    settings::Settings,
    workers::outbox::{self, Postman},
};
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder};
use serial_test::serial;

use crate::support::{smtp::Sink, *};

/// A case in mediation whose notices went out; the first notice sent on it.
async fn a_sent_notice(
    server: &axum_test::TestServer,
    ctx: &AppContext,
) -> (std::sync::Arc<Settings>, notifications::Model) {
    let w = world(ctx).await;
    case_in_mediation(server, &w).await;
    let sink = Sink::start();
    let postman = Postman::smtp(&sink.config(), 4).expect("transport");
    let (settings, calendar) = policy(ctx).await;
    let now = redress::clock::now(ctx);
    outbox::drain(&ctx.db, &postman, &settings, &calendar, || now)
        .await
        .expect("delivery");
    let notice = notifications::Entity::find()
        .filter(notifications::Column::SentAt.is_not_null())
        .filter(notifications::Column::CaseId.is_not_null())
        .order_by_asc(notifications::Column::Id)
        .one(&ctx.db)
        .await
        .expect("query")
        .expect("a sent notice");
    (settings, notice)
}

/// A delivery report with Message-ID `<{id}@mx…>` saying notice `notice` did not reach
/// `recipient`.
fn bounce_of(id: &str, notice: i64, host: &str, recipient: &str) -> Vec<u8> {
    format!(
        "From: Mail Delivery System <MAILER-DAEMON@mx.delegation.example>\r\n\
         To: notices@redress.example\r\n\
         Subject: Undelivered Mail Returned to Sender\r\n\
         Message-ID: <{id}@mx.delegation.example>\r\n\
         MIME-Version: 1.0\r\n\
         Content-Type: multipart/report; report-type=delivery-status; boundary=\"r\"\r\n\r\n\
         --r\r\nContent-Type: text/plain\r\n\r\nCould not be delivered.\r\n\
         --r\r\nContent-Type: message/delivery-status\r\n\r\n\
         Reporting-MTA: dns; mx.delegation.example\r\n\r\n\
         Final-Recipient: rfc822; {recipient}\r\nAction: failed\r\nStatus: 5.1.1\r\n\
         Diagnostic-Code: smtp; 550 5.1.1 User unknown\r\n\
         --r\r\nContent-Type: text/rfc822-headers\r\n\r\n\
         From: Redress <notices@redress.example>\r\nMessage-ID: <notice-{notice}@{host}>\r\n\
         --r--\r\n"
    )
    .into_bytes()
}

/// What is sent, what it is kept as, a word of its reason, and the notice it concerns.
type Expected<'a> = (&'a str, Vec<u8>, MailOutcome, &'a str, Option<i64>);

fn personal(id: &str, to: &str) -> Vec<u8> {
    format!(
        "From: Ana Lima <ana.lima@delegation-tv.example>\r\nTo: {to}\r\n\
         Subject: About our case\r\nMessage-ID: <{id}@delegation-tv.example>\r\n\r\n\
         The minutes are attached to our note.\r\n"
    )
    .into_bytes()
}

async fn kept(ctx: &AppContext, pid: uuid::Uuid) -> inbound::Model {
    inbound::Entity::find()
        .filter(inbound::Column::Pid.eq(pid))
        .one(&ctx.db)
        .await
        .expect("query")
        .expect("kept")
}

async fn failures_flagged(ctx: &AppContext, case_id: i64) -> u64 {
    case_events::Entity::find()
        .filter(case_events::Column::CaseId.eq(case_id))
        .filter(case_events::Column::Action.eq("notice_failed"))
        .count(&ctx.db)
        .await
        .expect("count")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[serial]
async fn a_bounce_of_one_of_our_notices_fails_it_with_the_reason_once_however_often_it_arrives() {
    request::<App, _, _>(|server, ctx| async move {
        let (settings, notice) = a_sent_notice(&server, &ctx).await;
        let case_id = notice.case_id.expect("on a case");
        let now = redress::clock::now(&ctx);
        let recipient = redress::models::users::Entity::find_by_id(notice.user_id)
            .one(&ctx.db)
            .await
            .expect("query")
            .expect("recipient");
        // A report naming someone else is not taken as this notice's failure.
        let stray = bounce_of(
            "stray",
            notice.id,
            settings.public_host(),
            "someone@else.example",
        );
        let taken = inbound::receive(&ctx.db, &settings, &stray, Via::Imap, now)
            .await
            .expect("kept");
        let Taken::Kept {
            pid: stray_pid,
            outcome,
        } = taken
        else {
            panic!("{taken:?}")
        };
        assert_eq!(outcome, MailOutcome::Review);
        assert!(kept(&ctx, stray_pid)
            .await
            .reason
            .is_some_and(|r| r.contains("naming another recipient")));
        assert_eq!(failures_flagged(&ctx, case_id).await, 0);

        let bounce = bounce_of(
            "failed",
            notice.id,
            settings.public_host(),
            &recipient.email.to_uppercase(),
        );

        let taken = inbound::receive(&ctx.db, &settings, &bounce, Via::Pipe, now)
            .await
            .expect("kept");
        let Taken::Kept { pid, outcome } = taken else {
            panic!("the first delivery is kept: {taken:?}")
        };
        assert_eq!(outcome, MailOutcome::Bounce);
        let row = kept(&ctx, pid).await;
        assert_eq!(
            (row.notice_id, row.case_id),
            (Some(notice.id), Some(case_id))
        );
        assert_eq!(row.raw, bounce, "the message is kept as it arrived");
        let failed = notifications::Entity::find_by_id(notice.id)
            .one(&ctx.db)
            .await
            .expect("query")
            .expect("notice");
        assert!(
            failed.failed_at.is_some(),
            "the registry sees it among failed notices"
        );
        assert!(
            failed.sent_at.is_none(),
            "a bounced notice never reached its person"
        );
        assert_eq!(
            failed.last_error.as_deref(),
            Some("bounced: smtp; 550 5.1.1 User unknown")
        );
        assert_eq!(failures_flagged(&ctx, case_id).await, 1);

        // The same report again, by the mailbox this time: taken once.
        let again = inbound::receive(&ctx.db, &settings, &bounce, Via::Imap, now)
            .await
            .expect("answered");
        assert_eq!(again, Taken::Again { pid });
        assert_eq!(
            inbound::Entity::find().count(&ctx.db).await.expect("count"),
            2,
            "the stray report and this one"
        );
        assert_eq!(failures_flagged(&ctx, case_id).await, 1);
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[serial]
async fn every_message_is_kept_once_with_what_it_is_and_nothing_a_person_wrote_is_set_aside() {
    request::<App, _, _>(|server, ctx| async move {
        let (settings, notice) = a_sent_notice(&server, &ctx).await;
        let now = redress::clock::now(&ctx);
        let intake = "registry@redress.test";
        let reply_to = settings.reply_address(notice.id).expect("a reply address");
        let forged = format!("registry+n{}-00112233445566778899@redress.test", notice.id);
        let ours = format!(
            "From: Redress <notices@redress.example>\r\nTo: {intake}\r\nSubject: Reminder\r\n\
             Message-ID: <notice-{}@{}>\r\n\r\nYour case has a deadline.\r\n",
            notice.id,
            settings.public_host()
        )
        .into_bytes();
        let no_message_id =
            b"From: a@delegation.example\r\nTo: registry@redress.test\r\nSubject: hi\r\n\r\nWords.\r\n"
                .to_vec();
        let cases: Vec<Expected> = vec![
            ("a reply", personal("r1", &reply_to), MailOutcome::Review, "a reply to notice", Some(notice.id)),
            ("a forged reply", personal("r2", &forged), MailOutcome::Review, "forged", None),
            ("a new grievance", personal("r3", intake), MailOutcome::Review, "a new message to the intake address", None),
            ("elsewhere", personal("r4", "someone@else.example"), MailOutcome::Review, "not addressed to the intake address", None),
            ("an auto-reply", mail_fixture("auto-reply.eml"), MailOutcome::SetAside, "automatic", None),
            ("our own", ours, MailOutcome::SetAside, "came back", Some(notice.id)),
            ("empty", Vec::new(), MailOutcome::Review, "unreadable", None),
            ("no message id", no_message_id.clone(), MailOutcome::Review, "a new message", None),
        ];
        for (what, raw, outcome, reason, notice_id) in cases {
            let taken = inbound::receive(&ctx.db, &settings, &raw, Via::Imap, now)
                .await
                .expect(what);
            let Taken::Kept { pid, outcome: got } = taken else {
                panic!("{what}: {taken:?}")
            };
            let row = kept(&ctx, pid).await;
            assert_eq!(got, outcome, "{what}: {row:?}");
            assert!(row.reason.as_deref().is_some_and(|r| r.contains(reason)), "{what}: {:?}", row.reason);
            assert_eq!(row.notice_id, notice_id, "{what}");
            assert_eq!(row.raw, raw, "{what}: kept as it arrived");
        }
        let again = inbound::receive(&ctx.db, &settings, &no_message_id, Via::Pipe, now)
            .await
            .expect("answered");
        assert!(matches!(again, Taken::Again { .. }), "the same bytes twice: {again:?}");
        assert_eq!(inbound::Entity::find().count(&ctx.db).await.expect("count"), 8);
    })
    .await;
}

/// A reply from `from` to `notice` (at its reply address, answering its Message-ID),
/// written in French with a quoted history, a signature and a PDF.
fn reply_with_minutes(
    id: &str,
    from: &str,
    notice: &notifications::Model,
    settings: &Settings,
    words: &str,
) -> Vec<u8> {
    let to = settings.reply_address(notice.id).expect("reply address");
    let answers = format!("notice-{}@{}", notice.id, settings.public_host());
    let mut raw = format!(
        "From: Delegate <{from}>\r\nTo: {to}\r\nSubject: Re: New message on your case\r\n\
         Message-ID: <{id}@delegation.example>\r\nIn-Reply-To: <{answers}>\r\n\
         Content-Language: fr-CH\r\nMIME-Version: 1.0\r\n\
         Content-Type: multipart/mixed; boundary=\"b\"\r\n\r\n\
         --b\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n\
         {words}\r\n\r\n-- \r\nAna Lima\r\nMission permanente\r\n\r\n\
         Le 3 déc. 2026, Redress a écrit :\r\n> Un nouveau message est arrivé.\r\n\
         --b\r\nContent-Type: application/pdf; name=\"minutes.pdf\"\r\n\
         Content-Disposition: attachment; filename=\"minutes.pdf\"\r\n\r\n"
    )
    .into_bytes();
    raw.extend_from_slice(PDF);
    raw.extend_from_slice(b"\r\n--b--\r\n");
    raw
}

/// The database id of the case `pid`.
async fn case_id_of(ctx: &AppContext, pid: &str) -> i64 {
    redress::models::cases::Entity::find()
        .filter(redress::models::cases::Column::Pid.eq(uuid::Uuid::parse_str(pid).expect("uuid")))
        .one(&ctx.db)
        .await
        .expect("query")
        .expect("case")
        .id
}

/// The mediator writes `body` to all parties of the case `pid`.
async fn mediator_writes_to_all(server: &axum_test::TestServer, w: &World, pid: &str, body: &str) {
    let res = post(
        server,
        &w.mediator,
        &format!("/api/cases/{pid}/messages"),
        &serde_json::json!({"audience": "all_parties", "body": body}),
    )
    .await;
    assert_eq!(res.status_code(), 201, "{}", res.text());
}

/// The message notice sent to `email` on the case `case_id`.
async fn message_notice_to(ctx: &AppContext, case_id: i64, email: &str) -> notifications::Model {
    let user = redress::models::users::Entity::find()
        .filter(redress::models::users::Column::Email.eq(email))
        .one(&ctx.db)
        .await
        .expect("query")
        .expect("user");
    notifications::Entity::find()
        .filter(notifications::Column::CaseId.eq(case_id))
        .filter(notifications::Column::UserId.eq(user.id))
        .filter(notifications::Column::Kind.eq("message"))
        .filter(notifications::Column::SentAt.is_not_null())
        .one(&ctx.db)
        .await
        .expect("query")
        .expect("a message notice")
}

/// The bodies of the messages `who` reads on the case `pid`, with their audience, language
/// and number of documents.
async fn messages_read_by(
    server: &axum_test::TestServer,
    who: &Person,
    pid: &str,
) -> Vec<(String, String, String, usize)> {
    let listed: serde_json::Value = get(server, who, &format!("/api/cases/{pid}/messages"))
        .await
        .json();
    listed
        .as_array()
        .expect("messages")
        .iter()
        .map(|m| {
            (
                m["body"].as_str().unwrap_or_default().to_string(),
                m["audience"].as_str().unwrap_or_default().to_string(),
                m["language"].as_str().unwrap_or_default().to_string(),
                m["documents"].as_array().map_or(0, Vec::len),
            )
        })
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[serial]
async fn a_reply_to_a_notice_lands_on_its_case_in_its_audience_and_a_protected_complainant_never_reaches_the_other_side(
) {
    request::<App, _, _>(|server, ctx| async move {
        let w = world(&ctx).await;
        let mut g = grievance();
        g["confidentiality"] = serde_json::json!("identity_protected");
        let case = eligible_case(&server, &w, &g).await;
        let pid = case["pid"].as_str().expect("pid").to_string();
        let version = case["version"].clone();
        mediator_writes_to_all(&server, &w, &pid, "Please both send your minutes.").await;
        let sink = Sink::start();
        let postman = Postman::smtp(&sink.config(), 4).expect("transport");
        let (settings, calendar) = policy(&ctx).await;
        let now = redress::clock::now(&ctx);
        let deliver = || outbox::drain(&ctx.db, &postman, &settings, &calendar, || now);
        deliver().await.expect("delivery");
        let case_id = case_id_of(&ctx, &pid).await;
        let to_complainant = message_notice_to(&ctx, case_id, &w.complainant.email).await;
        let to_respondent = message_notice_to(&ctx, case_id, &w.respondent.email).await;

        let complainant_reply = reply_with_minutes(
            "c1",
            &w.complainant.email.to_uppercase(),
            &to_complainant,
            &settings,
            "Nous maintenons notre demande : Ana Lima, Mission du Tuvalu.",
        );
        let respondent_reply = reply_with_minutes(
            "r1",
            &w.respondent.email,
            &to_respondent,
            &settings,
            "Le procès-verbal est joint.",
        );
        // The complainant's address on the respondent's notice: the token and the sender
        // must agree.
        let crossed = reply_with_minutes(
            "x1",
            &w.complainant.email,
            &to_respondent,
            &settings,
            "Sent from the wrong notice.",
        );
        for (what, raw, expected) in [
            ("the complainant's", &complainant_reply, MailOutcome::Placed),
            ("the respondent's", &respondent_reply, MailOutcome::Placed),
            ("a crossed reply", &crossed, MailOutcome::Review),
        ] {
            let taken = inbound::receive(&ctx.db, &settings, raw, Via::Imap, now)
                .await
                .expect(what);
            let Taken::Kept { pid: kept_pid, outcome } = taken else {
                panic!("{what}: {taken:?}")
            };
            let row = kept(&ctx, kept_pid).await;
            assert_eq!(outcome, expected, "{what}: {:?}", row.reason);
            assert_eq!(row.submission_id.is_some(), expected == MailOutcome::Placed, "{what}");
            assert_eq!(row.case_id, Some(case_id), "{what}");
        }

        let theirs = |body: &str| body.starts_with("Nous maintenons");
        let complainant_reads = messages_read_by(&server, &w.complainant, &pid).await;
        let placed = complainant_reads
            .iter()
            .find(|m| theirs(&m.0))
            .expect("the complainant reads its reply");
        assert_eq!(
            placed,
            &(
                "Nous maintenons notre demande : Ana Lima, Mission du Tuvalu.".to_string(),
                "complainant_side".to_string(),
                "fr".to_string(),
                1
            ),
            "its words without signature or quoted history, in the client's language, with its file"
        );
        let respondent_reads = messages_read_by(&server, &w.respondent, &pid).await;
        assert!(
            !respondent_reads.iter().any(|m| theirs(&m.0)),
            "a protected complainant's reply by mail never reaches the respondent: {respondent_reads:?}"
        );
        assert!(
            respondent_reads
                .iter()
                .any(|m| m.0 == "Le procès-verbal est joint." && m.1 == "all_parties" && m.3 == 1),
            "the respondent's reply joins the audience of the message it answers: {respondent_reads:?}"
        );
        assert!(!complainant_reads.iter().any(|m| m.0.contains("wrong notice")));
        let after: serde_json::Value = get(&server, &w.complainant, &format!("/api/cases/{pid}"))
            .await
            .json();
        assert_eq!(after["version"], version, "a reply moves no step of the case");

        let again = inbound::receive(&ctx.db, &settings, &complainant_reply, Via::Pipe, now)
            .await
            .expect("answered");
        assert!(matches!(again, Taken::Again { .. }), "{again:?}");
        let count = messages_read_by(&server, &w.complainant, &pid)
            .await
            .iter()
            .filter(|m| theirs(&m.0))
            .count();
        assert_eq!(count, 1, "the same reply delivered twice is placed once");

        deliver().await.expect("delivery");
        let receipts: Vec<String> = sink
            .to(&w.complainant.email)
            .iter()
            .map(|m| m.text())
            .filter(|t| t.contains("reply by email"))
            .collect();
        assert_eq!(receipts.len(), 1, "the sender is acknowledged once");
        assert!(receipts[0].contains("meets no deadline"), "{}", receipts[0]);
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[serial]
async fn a_reply_that_cannot_be_placed_waits_for_the_registry_and_its_sender_is_told_why_in_their_language(
) {
    request::<App, _, _>(|server, ctx| async move {
        let w = world(&ctx).await;
        let case = case_in_mediation(&server, &w).await;
        let pid = case["pid"].as_str().expect("pid").to_string();
        mediator_writes_to_all(&server, &w, &pid, "Please send the minutes.").await;
        // The respondent reads its mail in French.
        let respondent = redress::models::users::Entity::find()
            .filter(redress::models::users::Column::Email.eq(w.respondent.email.as_str()))
            .one(&ctx.db)
            .await
            .expect("query")
            .expect("respondent");
        let mut french: redress::models::users::ActiveModel = respondent.into();
        french.locale = sea_orm::ActiveValue::Set("fr".into());
        sea_orm::ActiveModelTrait::update(french, &ctx.db)
            .await
            .expect("locale");
        let sink = Sink::start();
        let postman = Postman::smtp(&sink.config(), 4).expect("transport");
        let (settings, calendar) = policy(&ctx).await;
        let now = redress::clock::now(&ctx);
        let deliver = || outbox::drain(&ctx.db, &postman, &settings, &calendar, || now);
        deliver().await.expect("delivery");
        let case_id = case_id_of(&ctx, &pid).await;
        let notice = message_notice_to(&ctx, case_id, &w.respondent.email).await;
        let to = settings.reply_address(notice.id).expect("reply address");
        let host = settings.public_host().to_string();
        let reply = |id: &str, from: &str, body: &str| {
            format!(
                "From: {from}\r\nTo: {to}\r\nSubject: Re: minutes\r\nMessage-ID: <{id}@hrc.example>\r\n\
                 In-Reply-To: <notice-{}@{host}>\r\nMIME-Version: 1.0\r\n\
                 Content-Type: multipart/mixed; boundary=\"b\"\r\n\r\n\
                 --b\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n{body}\r\n\
                 --b\r\nContent-Type: text/html; name=\"minutes.html\"\r\n\
                 Content-Disposition: attachment; filename=\"minutes.html\"\r\n\r\n\
                 <html><body><script>alert(1)</script></body></html>\r\n--b--\r\n",
                notice.id
            )
            .into_bytes()
        };
        let cases = [
            ("a file the case does not keep", reply("f1", &w.respondent.email, "Minutes attached."), "refused"),
            ("no words of its own", reply("f2", &w.respondent.email, "> Please send the minutes."), "no words"),
            ("someone else", reply("f3", "intruder@elsewhere.example", "Minutes attached."), "not sent to"),
        ];
        for (what, raw, reason) in &cases {
            let taken = inbound::receive(&ctx.db, &settings, raw, Via::Imap, now)
                .await
                .expect(what);
            let Taken::Kept { pid: kept_pid, outcome } = taken else {
                panic!("{what}: {taken:?}")
            };
            let row = kept(&ctx, kept_pid).await;
            assert_eq!(outcome, MailOutcome::Review, "{what}");
            assert!(
                row.reason.as_deref().is_some_and(|r| r.contains(reason)),
                "{what}: {:?}",
                row.reason
            );
        }
        deliver().await.expect("delivery");
        let told: Vec<String> = sink
            .to(&w.respondent.email)
            .iter()
            .filter(|m| m.subject().contains("n'a pas pu être versée"))
            .map(|m| m.text())
            .collect();
        assert_eq!(told.len(), 2, "the respondent is told twice, in French: {told:?}");
        assert!(told.iter().any(|t| t.contains("un fichier joint")), "{told:?}");
        assert!(told.iter().any(|t| t.contains("aucun texte de votre main")), "{told:?}");
        assert!(
            sink.to("intruder@elsewhere.example").is_empty(),
            "a stranger is never answered"
        );
        let on_case: serde_json::Value = get(&server, &w.respondent, &format!("/api/cases/{pid}/messages"))
            .await
            .json();
        assert_eq!(on_case.as_array().map(Vec::len), Some(1), "only the mediator's message: {on_case}");
    })
    .await;
}
