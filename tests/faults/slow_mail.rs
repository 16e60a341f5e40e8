//! A mail server that takes seconds to acknowledge each message, so that a batch takes
//! longer to send than its lease lasts: the node's next scheduled run must not claim and
//! send again what the one before is still sending.
use std::time::Duration;

use serial_test::serial;

use super::{Burst, Node};
use crate::support::smtp::{Mode, Sink};

const CASES: u64 = 100;
/// More than one batch, fewer than two: the second run finds nothing new to claim when the
/// first batch's lease runs out.
const DUE: u64 = 60;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "starts server processes: see tests/faults"]
#[serial]
async fn a_mail_server_slower_than_the_lease_still_gets_each_notice_once() {
    let Some(burst) = Burst::seed(CASES, DUE).await else {
        return;
    };
    // Three seconds a message, eight at a time: a batch of fifty would take 21 s, longer
    // than the 15 s lease of config/proof.yaml.
    let pause = Duration::from_secs(3);
    let sink = Sink::start();
    sink.set_mode(Mode::Slow(pause));
    let _node = Node::start("slow-mail", &burst.url, sink.port).await;
    let (outbox, took) = burst.delivered(&sink, Duration::from_secs(180)).await;
    let duplicated = outbox.duplicated();
    println!(
        "slow mail server ({} s per message): {} notices, {} received, {} duplicated, {} \
         attempts, delivered in {:.1} s",
        pause.as_secs(),
        outbox.rows.len(),
        outbox.received(),
        duplicated.len(),
        outbox.attempts(),
        took.as_secs_f64()
    );
    outbox.assert_all_sent(&burst.ctx.db).await;
    assert!(duplicated.is_empty(), "sent twice: {duplicated:?}");
}
