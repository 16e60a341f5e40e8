//! The registry's mailbox, polled over IMAP from a real server (Dovecot on loopback): every
//! message goes through the same door as the pipe, is taken once, and moves to the taken
//! folder; nothing is deleted, and IDLE wakes the poller when mail arrives.
use std::time::{Duration, Instant};

use loco_rs::app::AppContext;
use redress::{
    app::App,
    models::{
        inbound::{self, MailOutcome, Taken, Via},
        notifications, users,
    },
    settings::Settings,
    workers::{
        mailbox::{self, Mailbox, Pass},
        outbox::{self, Postman},
    },
};
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder};
use serial_test::serial;

use crate::support::{imap::Dovecot, smtp::Sink, *};

/// The app's settings with the test server's mailbox.
fn with_mailbox(ctx: &AppContext, server: &Dovecot) -> Settings {
    let mut settings = (*Settings::of(ctx).expect("settings")).clone();
    settings.mailbox = Some(server.settings());
    settings
}

fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len() * 4 / 3 + bytes.len() / 57 * 2 + 4);
    for (i, chunk) in bytes.chunks(3).enumerate() {
        let n = chunk.iter().fold(0u32, |n, b| n << 8 | u32::from(*b)) << (8 * (3 - chunk.len()));
        for k in 0..4 {
            out.push(if k <= chunk.len() {
                char::from(ALPHABET[(n >> (18 - 6 * k) & 63) as usize])
            } else {
                '='
            });
        }
        if i % 19 == 18 {
            out.push_str("\r\n");
        }
    }
    out
}

/// A 30 MB message to the intake address: a delegation's scanned annex, base64 encoded.
fn thirty_megabytes() -> Vec<u8> {
    let mut scan = PDF.to_vec();
    scan.extend((0..22_000_000u32).map(|i| (i.wrapping_mul(2_654_435_761) >> 24) as u8));
    let mut raw = b"From: Ana Lima <ana.lima@delegation-tv.example>\r\n\
        To: registry@redress.test\r\nSubject: Annex to our grievance (scanned)\r\n\
        Message-ID: <annex-30mb@delegation-tv.example>\r\nMIME-Version: 1.0\r\n\
        Content-Type: multipart/mixed; boundary=\"annex\"\r\n\r\n\
        --annex\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nThe annex is attached.\r\n\
        --annex\r\nContent-Type: application/pdf; name=\"annex.pdf\"\r\n\
        Content-Disposition: attachment; filename=\"annex.pdf\"\r\n\
        Content-Transfer-Encoding: base64\r\n\r\n"
        .to_vec();
    raw.extend(base64(&scan).into_bytes());
    raw.extend_from_slice(b"\r\n--annex--\r\n");
    raw
}

/// A case in mediation whose notices went out; a notice sent to the complainant, and the
/// reply its addressee writes to it.
async fn a_reply_to_a_notice(
    server: &axum_test::TestServer,
    ctx: &AppContext,
    settings: &Settings,
) -> Vec<u8> {
    let w = world(ctx).await;
    case_in_mediation(server, &w).await;
    let sink = Sink::start();
    let postman = Postman::smtp(&sink.config(), 4).expect("transport");
    let (_, calendar) = policy(ctx).await;
    let now = redress::clock::now(ctx);
    outbox::drain(&ctx.db, &postman, settings, &calendar, || now)
        .await
        .expect("delivery");
    let complainant = users::Entity::find()
        .filter(users::Column::Email.eq(w.complainant.email.as_str()))
        .one(&ctx.db)
        .await
        .expect("query")
        .expect("complainant");
    let notice = notifications::Entity::find()
        .filter(notifications::Column::UserId.eq(complainant.id))
        .filter(notifications::Column::CaseId.is_not_null())
        .filter(notifications::Column::SentAt.is_not_null())
        .order_by_asc(notifications::Column::Id)
        .one(&ctx.db)
        .await
        .expect("query")
        .expect("a notice to the complainant");
    format!(
        "From: {}\r\nTo: {}\r\nSubject: Re: your case\r\nMessage-ID: <reply-1@tv.example>\r\n\
         In-Reply-To: <notice-{}@{}>\r\n\r\nWe will attend the hearing.\r\n\r\n\
         On 3 Dec 2026, Redress wrote:\r\n> A notice.\r\n",
        complainant.email,
        settings.reply_address(notice.id).expect("reply address"),
        notice.id,
        settings.public_host()
    )
    .into_bytes()
}

async fn outcomes(ctx: &AppContext) -> Vec<(String, String, String)> {
    inbound::Entity::find()
        .order_by_asc(inbound::Column::Id)
        .all(&ctx.db)
        .await
        .expect("query")
        .into_iter()
        .map(|m| (m.subject, m.outcome, m.via))
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[serial]
async fn the_poller_takes_every_message_once_through_the_one_door_and_moves_it_to_the_taken_folder()
{
    request::<App, _, _>(|server, ctx| async move {
        let imap = Dovecot::start();
        let settings = with_mailbox(&ctx, &imap);
        let reply = a_reply_to_a_notice(&server, &ctx, &settings).await;
        let no_id = b"From: a@delegation.example\r\nTo: registry@redress.test\r\n\
            Subject: no id\r\n\r\nWords.\r\n"
            .to_vec();
        let big = thirty_megabytes();
        let delivered: Vec<(&str, Vec<u8>)> = vec![
            ("a reply", reply.clone()),
            ("an auto-reply", mail_fixture("auto-reply.eml")),
            (
                "HTML only, in Chinese",
                mail_fixture("html-only-chinese.eml"),
            ),
            (
                "a filing with its attachment",
                mail_fixture("filing-with-attachment.eml"),
            ),
            ("a delivery report", mail_fixture("bounce.eml")),
            ("without a Message-ID", no_id.clone()),
            ("the same without a Message-ID", no_id),
            ("30 MB", big.clone()),
            ("the reply delivered twice", reply.clone()),
        ];
        for (_, raw) in &delivered {
            imap.append("INBOX", raw).await;
        }
        let now = redress::clock::now(&ctx);
        let done = mailbox::poll_once(&ctx.db, &settings, || now)
            .await
            .expect("a pass");
        assert_eq!(
            done,
            Pass { kept: 7, again: 2 },
            "{:?}",
            outcomes(&ctx).await
        );
        assert_eq!(imap.count("INBOX").await, 0, "everything taken");
        assert_eq!(imap.count("Redress").await, 9, "nothing deleted");

        let kept = outcomes(&ctx).await;
        assert!(kept.iter().all(|(_, _, via)| via == "imap"), "{kept:?}");
        let outcome_of = |subject: &str| {
            kept.iter()
                .find(|(s, ..)| s.contains(subject))
                .map(|(_, o, _)| o.clone())
                .unwrap_or_else(|| panic!("{subject}: {kept:?}"))
        };
        assert_eq!(outcome_of("Re: your case"), MailOutcome::Placed.to_string());
        assert_eq!(outcome_of("Annex"), MailOutcome::Review.to_string());
        let annex = inbound::Entity::find()
            .filter(inbound::Column::Subject.contains("Annex"))
            .one(&ctx.db)
            .await
            .expect("query")
            .expect("the 30 MB message");
        assert_eq!(annex.raw, big, "kept whole, as it arrived");

        // The same reply through the pipe afterwards is taken before, not placed again.
        let again = inbound::receive(&ctx.db, &settings, &reply, Via::Pipe, now)
            .await
            .expect("answered");
        assert!(matches!(again, Taken::Again { .. }), "{again:?}");
        assert_eq!(
            mailbox::poll_once(&ctx.db, &settings, || now)
                .await
                .expect("an empty pass"),
            Pass::default()
        );
        assert_eq!(
            inbound::Entity::find().count(&ctx.db).await.expect("count"),
            7
        );
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[serial]
async fn a_watching_poller_wakes_when_mail_arrives_and_keeps_what_it_could_not_take_for_later() {
    request::<App, _, _>(|_server, ctx| async move {
        let imap = Dovecot::start();
        let mut settings = with_mailbox(&ctx, &imap);
        // IDLE is offered, so only the server's word can wake the poller within the test.
        if let Some(m) = settings.mailbox.as_mut() {
            m.idle_minutes = 29;
            m.poll_seconds = 600;
        }
        let opened = Mailbox::open(settings.mailbox.as_ref().expect("mailbox"))
            .await
            .expect("opens");
        assert!(opened.offers_idle(), "Dovecot offers IDLE");
        opened.close().await;

        let now = redress::clock::now(&ctx);
        let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
        let db = ctx.db.clone();
        let watching = {
            let settings = settings.clone();
            tokio::spawn(async move {
                mailbox::watch(&db, &settings, || now, async {
                    let _ = stopped.await;
                })
                .await
            })
        };
        // Let the first pass find the folder empty and the poller settle into IDLE.
        tokio::time::sleep(Duration::from_millis(500)).await;
        imap.append("INBOX", &mail_fixture("subject-fr.eml")).await;
        let started = Instant::now();
        while imap.count("Redress").await < 1 {
            assert!(
                started.elapsed() < Duration::from_secs(20),
                "IDLE did not wake the poller: {:?}",
                outcomes(&ctx).await
            );
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        assert_eq!(
            inbound::Entity::find().count(&ctx.db).await.expect("count"),
            1
        );
        stop.send(()).expect("stop");
        watching.await.expect("joined").expect("watched");

        // A server that cannot be reached is an error for the pass, and nothing is lost.
        imap.append("INBOX", &mail_fixture("subject-ru.eml")).await;
        let mut unreachable = settings.clone();
        if let Some(m) = unreachable.mailbox.as_mut() {
            m.port = Sink::reserve_port();
        }
        let refused = mailbox::poll_once(&ctx.db, &unreachable, || now).await;
        assert!(refused.is_err(), "{refused:?}");
        assert_eq!(imap.count("INBOX").await, 1, "left for the next pass");
        let mut wrong = settings.clone();
        if let Some(m) = wrong.mailbox.as_mut() {
            m.password = "not-it".into();
        }
        let refused = mailbox::poll_once(&ctx.db, &wrong, || now)
            .await
            .expect_err("a wrong password");
        assert!(refused.to_string().contains("signing in"), "{refused}");
        assert_eq!(
            mailbox::poll_once(&ctx.db, &settings, || now)
                .await
                .expect("a pass"),
            Pass { kept: 1, again: 0 }
        );
    })
    .await;
}
