//! A node killed outright (SIGKILL, with the sweep and delivery it started) in the middle of
//! a reminder sweep, and again in the middle of delivering the burst, then restarted: every
//! clock is reminded once, every reminder arrives, and the copies sent twice are exactly
//! those the documented window allows (src/workers/outbox.rs): accepted by the mail server
//! but not yet recorded as sent when the process died.
use std::{
    collections::BTreeSet,
    time::{Duration, Instant},
};

use chrono::Utc;
use redress::models::notifications;
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};
use serial_test::serial;

use super::{clocks_due, Burst, Delivery, Node};
use crate::support::smtp::{Mode, Sink};

const CASES: u64 = 4000;
/// Three batches of the sweep (a thousand clocks each), so that it can be caught between
/// two of them.
const DUE: u64 = 3000;

/// What a kill left behind.
struct Kill {
    /// Messages the mail server had accepted whose rows were not marked sent: the window
    /// in which a copy may be sent again.
    window: BTreeSet<i64>,
    /// Rows claimed by a sender and not settled.
    in_flight: usize,
    received: usize,
}

async fn kill(node: &mut Node, db: &sea_orm::DatabaseConnection, sink: &Sink) -> Kill {
    node.kill();
    let d = Delivery::read(db, sink).await;
    let in_flight: BTreeSet<i64> = d
        .rows
        .iter()
        .filter(|r| r.sent_at.is_none() && r.attempts > 0)
        .map(|r| r.id)
        .collect();
    let window: BTreeSet<i64> = d
        .rows
        .iter()
        .filter(|r| r.sent_at.is_none() && d.copies.contains_key(&r.id))
        .map(|r| r.id)
        .collect();
    assert!(
        window.is_subset(&in_flight),
        "a message arrived for a row no sender had claimed"
    );
    Kill {
        window,
        in_flight: in_flight.len(),
        received: d.received(),
    }
}

async fn reminders_queued(db: &sea_orm::DatabaseConnection) -> u64 {
    notifications::Entity::find()
        .filter(notifications::Column::Kind.eq("reminder"))
        .count(db)
        .await
        .expect("count")
}

/// Polls every 20 ms (a sweep batch takes well under a second) until `ready`, for at most
/// a minute.
async fn poll<F, Fut>(what: &str, mut ready: F)
where
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = Result<bool, String>>,
{
    let began = Instant::now();
    loop {
        match ready().await {
            Ok(true) => return,
            Ok(false) => {}
            Err(missed) => panic!("{what}: {missed}"),
        }
        assert!(
            began.elapsed() < Duration::from_secs(60),
            "timed out waiting for {what}"
        );
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

/// Kills `node` once its sweep is under way and not finished. Gives what the kill left, the
/// reminders queued by then and the clocks left unswept.
async fn kill_mid_sweep(
    node: &mut Node,
    db: &sea_orm::DatabaseConnection,
    sink: &Sink,
) -> (Kill, u64, u64) {
    poll("the sweep to be under way", || async {
        let queued = reminders_queued(db).await;
        let left = clocks_due(db, Utc::now()).await;
        if queued == DUE {
            return Err("the sweep finished before it could be interrupted".into());
        }
        Ok(queued > 0 && left > 0)
    })
    .await;
    let killed = kill(node, db, sink).await;
    let queued = reminders_queued(db).await;
    let unswept = clocks_due(db, Utc::now()).await;
    (killed, queued, unswept)
}

/// Restarts `node`, and kills it again once delivery is under way, at the moment the mail
/// server holds a message it has accepted but not yet acknowledged: the one moment the
/// documented window allows a second copy.
async fn kill_mid_delivery(
    node: &mut Node,
    db: &sea_orm::DatabaseConnection,
    sink: &Sink,
    delivered_at_restart: usize,
) -> Kill {
    node.restart().await;
    poll("delivery to be under way", || async {
        let received = sink.count();
        if received >= DUE as usize {
            return Err("delivery finished before it could be interrupted".into());
        }
        Ok(received >= delivered_at_restart + 300)
    })
    .await;
    sink.set_mode(Mode::Slow(Duration::from_secs(1)));
    let held_from = sink.count();
    poll("a message accepted and not yet acknowledged", || async {
        Ok(sink.count() > held_from)
    })
    .await;
    let killed = kill(node, db, sink).await;
    sink.set_mode(Mode::Accept);
    killed
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "starts and kills server processes: see tests/faults"]
#[serial]
async fn a_node_killed_mid_sweep_and_mid_delivery_loses_nothing_and_resends_only_the_unrecorded() {
    let Some(burst) = Burst::seed(CASES, DUE).await else {
        return;
    };
    let db = &burst.ctx.db;
    let sink = Sink::start();
    let mut node = Node::start("killed", &burst.url, sink.port).await;

    let (mid_sweep, queued_at_kill, unswept_at_kill) = kill_mid_sweep(&mut node, db, &sink).await;
    let mid_delivery = kill_mid_delivery(&mut node, db, &sink, mid_sweep.received).await;
    node.restart().await;
    let (outbox, took) = burst.delivered(&sink, Duration::from_secs(240)).await;
    let duplicated = outbox.duplicated();
    let window: BTreeSet<i64> = mid_sweep
        .window
        .union(&mid_delivery.window)
        .copied()
        .collect();
    println!(
        "node killed: mid-sweep with {queued_at_kill} of {DUE} reminders queued and \
         {unswept_at_kill} clocks unswept ({} notices in flight); mid-delivery with {} of {} \
         received, {} in flight, {} accepted but unrecorded; after the restart all {} \
         delivered in {:.1} s; {} sent twice, of {} accepted but unrecorded at the kills",
        mid_sweep.in_flight,
        mid_delivery.received,
        outbox.rows.len(),
        mid_delivery.in_flight,
        mid_delivery.window.len(),
        outbox.rows.len(),
        took.as_secs_f64(),
        duplicated.len(),
        window.len(),
    );
    assert!(unswept_at_kill > 0, "the first kill came mid-sweep");
    assert!(
        !mid_delivery.window.is_empty(),
        "the second kill came between an accept and its record"
    );
    assert_eq!(
        outbox.reminders_of(CASES),
        DUE as usize,
        "one reminder per clock"
    );
    outbox.assert_all_sent(&burst.ctx.db).await;
    assert!(
        duplicated.is_subset(&window),
        "sent twice outside the window: {:?}",
        duplicated.difference(&window).collect::<Vec<_>>()
    );
    // And every message in the window was sent again: its row was never marked sent.
    assert_eq!(duplicated, window, "the window's messages were sent again");
    assert!(
        outbox.copies.values().all(|&n| n <= 2),
        "no notice sent more than twice"
    );
}
