//! A mail server's pipe hands one message to `redress-cli task mail:receive` on standard
//! input: it is kept through the same door as the mailbox's, once however often it is
//! piped, and a message too large to keep is refused whole, with a failure the mail server
//! returns to its sender.
use std::{
    io::Write,
    process::{Command, Stdio},
};

use redress::{
    app::App,
    models::inbound::{self, MailOutcome, Via},
};
use sea_orm::{EntityTrait, PaginatorTrait};
use serial_test::serial;

use crate::support::*;

/// Pipes `raw` to the task as a mail server would: its exit status and what it printed.
fn pipe(raw: &[u8]) -> (Option<i32>, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_redress-cli"))
        .args(["task", "mail:receive", "-e", "test"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start redress-cli");
    let mut stdin = child.stdin.take().expect("stdin");
    // A refusal may close the pipe before all is written; the exit status says what happened.
    let _ = stdin.write_all(raw);
    drop(stdin);
    let out = child.wait_with_output().expect("the task ends");
    (
        out.status.code(),
        format!(
            "{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        ),
    )
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[serial]
async fn a_message_piped_twice_is_kept_once_and_one_too_large_is_refused_whole() {
    request::<App, _, _>(|_server, ctx| async move {
        let raw = mail_fixture("filing-with-attachment.eml");
        let (status, said) = pipe(&raw);
        assert_eq!(status, Some(0), "{said}");
        assert!(said.contains("kept "), "{said}");
        let (status, said) = pipe(&raw);
        assert_eq!(status, Some(0), "{said}");
        assert!(said.contains("taken before as"), "{said}");

        let rows = inbound::Entity::find().all(&ctx.db).await.expect("query");
        assert_eq!(rows.len(), 1);
        assert_eq!(rows[0].via, Via::Pipe.to_string());
        assert_eq!(rows[0].outcome, MailOutcome::Review.to_string());
        assert_eq!(
            rows[0].sender.as_deref(),
            Some("ana.lima@delegation-tv.example")
        );
        assert_eq!(rows[0].raw, raw);

        let mut huge = b"From: a@b.example\r\nSubject: big\r\n\r\n".to_vec();
        huge.resize(inbound::MAX_MESSAGE_BYTES + 10, b'x');
        let (status, said) = pipe(&huge);
        assert_ne!(status, Some(0), "{said}");
        assert_ne!(
            status,
            Some(redress::tasks::mail::TRY_AGAIN_LATER),
            "not worth trying again: {said}"
        );
        assert!(said.contains("over 64 MB"), "{said}");
        assert_eq!(
            inbound::Entity::find().count(&ctx.db).await.expect("count"),
            1
        );
    })
    .await;
}
