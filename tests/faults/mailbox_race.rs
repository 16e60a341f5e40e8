//! Two nodes watching one mailbox (`redress-cli task mail:poll watch:true`, each waiting
//! with IDLE) while mail pours in from four clients at once, some of it delivered twice,
//! and one node killed with SIGKILL mid-stream and started again: every message is kept
//! exactly once, none is lost, and every copy ends in the taken folder.
use std::{
    fs::File,
    os::unix::process::CommandExt,
    path::PathBuf,
    process::{Child, Command, Stdio},
    time::Duration,
};

use futures::future::join_all;
use redress::models::inbound;
use sea_orm::{EntityTrait, PaginatorTrait};
use serial_test::serial;

use super::{postgres, wait_for};
use crate::support::imap::{self, Dovecot};

const WITH_ID: usize = 90;
const WITHOUT_ID: usize = 10;
const REDELIVERED: usize = 20;

/// One polling node, killed with everything it started when dropped.
struct Poller {
    child: Option<Child>,
    log: PathBuf,
}

impl Poller {
    fn start(name: &str, database_url: &str, server: &Dovecot) -> Self {
        let log = std::env::temp_dir().join(format!(
            "redress-faults-{}-poller-{name}.log",
            std::process::id()
        ));
        let out = File::options()
            .create(true)
            .append(true)
            .open(&log)
            .expect("log");
        let child = Command::new(env!("CARGO_BIN_EXE_redress-cli"))
            .args(["task", "mail:poll", "watch:true", "-e", "proof"])
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .env("DATABASE_URL", database_url)
            .env("IMAP_HOST", "127.0.0.1")
            .env("IMAP_PORT", server.port.to_string())
            .env("IMAP_USER", imap::USER)
            .env("IMAP_PASSWORD", imap::PASSWORD)
            .stdin(Stdio::null())
            .stdout(out.try_clone().expect("log"))
            .stderr(out)
            .process_group(0)
            .spawn()
            .expect("start redress-cli");
        Self {
            child: Some(child),
            log,
        }
    }

    fn kill(&mut self) {
        if let Some(mut child) = self.child.take() {
            let _ = Command::new("kill")
                .args(["-KILL", "--", &format!("-{}", child.id())])
                .status();
            let _ = child.kill();
            let _ = child.wait();
        }
    }
}

impl Drop for Poller {
    fn drop(&mut self) {
        self.kill();
        if std::thread::panicking() {
            eprintln!("poller output: {}", self.log.display());
        } else {
            let _ = std::fs::remove_file(&self.log);
        }
    }
}

/// Message `i`: with a Message-ID for the first [`WITH_ID`], without one after.
fn message(i: usize) -> Vec<u8> {
    let id = if i < WITH_ID {
        format!("Message-ID: <race-{i}@delegation.example>\r\n")
    } else {
        String::new()
    };
    format!(
        "From: Delegate {i} <delegate{i}@delegation.example>\r\nTo: registry@redress.test\r\n\
         Subject: Grievance {i}\r\n{id}\r\nThe chair refused us the floor (message {i}).\r\n"
    )
    .into_bytes()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "starts server processes: see tests/faults"]
#[serial]
async fn two_nodes_watching_one_mailbox_take_each_message_once_even_when_one_is_killed() {
    let Some(url) = postgres() else {
        return;
    };
    let ctx = loco_rs::testing::prelude::boot_test::<redress::app::App>()
        .await
        .expect("boot on the faults database")
        .app_context;
    let server = Dovecot::start();
    let mut a = Poller::start("a", &url, &server);
    let _b = Poller::start("b", &url, &server);

    let distinct = WITH_ID + WITHOUT_ID;
    // Every message once, and some again (as a server redelivers after a timeout): the
    // copies of messages without a Message-ID are the same bytes.
    let mut deliveries: Vec<Vec<u8>> = (0..distinct).map(message).collect();
    deliveries.extend((0..REDELIVERED / 2).map(message));
    deliveries.extend((WITH_ID..WITH_ID + REDELIVERED / 2).map(message));
    let total = deliveries.len();
    let (first, rest) = deliveries.split_at(total / 3);
    let client = |batch: Vec<Vec<u8>>| {
        let server = &server;
        async move {
            for raw in batch {
                server.append("INBOX", &raw).await;
            }
        }
    };
    let in_four = |part: &[Vec<u8>]| {
        let mut batches = vec![Vec::new(); 4];
        for (i, raw) in part.iter().enumerate() {
            batches[i % 4].push(raw.clone());
        }
        batches
    };
    join_all(in_four(first).into_iter().map(client)).await;
    // Killed while it may hold a message kept but not yet moved.
    a.kill();
    join_all(in_four(rest).into_iter().map(client)).await;
    let _a = Poller::start("a-again", &url, &server);

    let took = wait_for("every message taken", Duration::from_secs(120), || async {
        server.count("INBOX").await == 0
            && inbound::Entity::find().count(&ctx.db).await.unwrap_or(0) >= distinct as u64
    })
    .await;
    // A late second copy of anything would show now.
    tokio::time::sleep(Duration::from_secs(2)).await;
    let kept = inbound::Entity::find().count(&ctx.db).await.expect("count");
    let taken = server.count("Redress").await;
    println!(
        "two nodes, one killed: {total} deliveries of {distinct} messages, {kept} kept, \
         {taken} moved, all taken in {:.1} s",
        took.as_secs_f64()
    );
    assert_eq!(kept, distinct as u64, "each message kept once");
    assert_eq!(server.count("INBOX").await, 0, "nothing left behind");
    assert_eq!(taken as usize, total, "every copy moved, none deleted");
}
