//! The mail server is down while a burst of reminders falls due, then refuses for a while
//! with "try again later", then accepts: every reminder arrives, once.
use std::time::{Duration, Instant};

use serial_test::serial;

use super::{free_port, wait_for, Burst, Delivery, Node};
use crate::support::smtp::{Mode, Sink};

const CASES: u64 = 1000;
const DUE: u64 = 600;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "starts server processes: see tests/faults"]
#[serial]
async fn reminders_queued_while_the_mail_server_is_down_all_arrive_once_it_is_back() {
    let Some(burst) = Burst::seed(CASES, DUE).await else {
        return;
    };
    let db = &burst.ctx.db;

    // Nothing listens on the mail port: every connection is refused.
    let port = free_port();
    let began = Instant::now();
    let _node = Node::start("mail-outage", &burst.url, port).await;
    assert!(
        std::net::TcpStream::connect(("127.0.0.1", port)).is_err(),
        "the mail port is closed at first"
    );
    wait_for(
        "every reminder to be queued and refused at least once",
        Duration::from_secs(120),
        || async {
            let d = Delivery::from_database(db).await;
            d.reminders_of(CASES) == DUE as usize && d.rows.iter().all(|r| r.last_error.is_some())
        },
    )
    .await;
    // Long enough for several retries of each.
    tokio::time::sleep(Duration::from_secs(5)).await;
    let refused = Delivery::from_database(db).await;
    let down_for = began.elapsed();

    // Up, but answering 450 (mailbox busy) for a while; then accepting.
    let sink = Sink::start_on(port);
    sink.set_mode(Mode::Temporary);
    tokio::time::sleep(Duration::from_secs(5)).await;
    let busy = Delivery::read(db, &sink).await;
    let busy_received = busy.received();
    sink.set_mode(Mode::Accept);

    let (outbox, took) = burst.delivered(&sink, Duration::from_secs(180)).await;
    let duplicated = outbox.duplicated();
    println!(
        "mail outage: {} reminders queued; mail port closed for {:.1} s ({} attempts refused), \
         then 450 for 5 s ({} accepted meanwhile, {} attempts in all by then); all {} notices \
         received {:.1} s after the server accepted again, {} attempts in all (at most {} for \
         one notice), {} duplicated, {} failed",
        outbox.reminders_of(CASES),
        down_for.as_secs_f64(),
        refused.attempts(),
        busy_received,
        busy.attempts(),
        outbox.rows.len(),
        took.as_secs_f64(),
        outbox.attempts(),
        outbox.rows.iter().map(|r| r.attempts).max().unwrap_or(0),
        duplicated.len(),
        outbox.rows.iter().filter(|r| r.failed_at.is_some()).count(),
    );
    outbox.assert_all_sent(&burst.ctx.db).await;
    assert!(duplicated.is_empty(), "sent twice: {duplicated:?}");
    assert!(
        outbox.rows.iter().all(|r| r.attempts >= 2),
        "each notice was refused at least once before it went through"
    );
}
