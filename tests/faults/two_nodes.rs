//! Two nodes on one database, both sweeping and delivering on their own schedule, while
//! delegates file through both at once and the registry acts through both at once.
use std::time::{Duration, Instant};

use chrono::Utc;
use futures::future::join_all;
use redress::{
    models::{
        _entities::cases,
        users::{self, Accreditation},
        vocabulary::{Locale, Role},
    },
    settings::Settings,
    tasks::demo::DEMO_PASSWORD,
};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
use serde_json::json;
use serial_test::serial;

use super::{lifecycle_breaks, Burst, Http, Node};
use crate::support::{grievance, smtp::Sink};

const CASES: u64 = 2000;
const DUE: u64 = 1200;
const FILINGS_EACH: usize = 4;
const REGISTRAR: &str = "registrar@registry.example";

/// The registrar who registers every filing, through both nodes at once.
async fn accredit_registrar(ctx: &loco_rs::app::AppContext) {
    let settings = Settings::of(ctx).expect("settings");
    users::accredit(
        &ctx.db,
        &settings,
        Accreditation {
            email: REGISTRAR.into(),
            name: "Registrar".into(),
            role: Role::Registrar,
            delegation: None,
            body: None,
            locale: Locale::En,
            zone: chrono_tz::Europe::Zurich,
            password: Some(DEMO_PASSWORD.into()),
        },
        Utc::now(),
    )
    .await
    .expect("registrar");
}

/// Delegate `i` files `FILINGS_EACH` grievances, each through both nodes at once with one
/// idempotency key (a client that timed out on one node and retried on the other); the
/// registry registers each through both nodes at once on one version; each is read back on
/// the other node and its key sent once more. Gives the number of keys used.
async fn file_through_both(
    http: Http,
    nodes: [&Node; 2],
    registrar: String,
    i: usize,
    email: &str,
) -> usize {
    let token = http.sign_in(nodes[i % 2], email, DEMO_PASSWORD).await;
    let mut body = grievance();
    body["co_complainants"] = json!([]);
    for k in 0..FILINGS_EACH {
        let key = format!("proof-{i}-{k}");
        let headers = [("idempotency-key", key.as_str())];
        let urls = nodes.map(|n| n.url("/api/cases"));
        let (x, y) = tokio::join!(
            http.post(&urls[0], &token, &headers, &body),
            http.post(&urls[1], &token, &headers, &body),
        );
        let (x, y) = (x.expect("node a answers"), y.expect("node b answers"));
        let mut codes = [x.status, y.status];
        codes.sort_unstable();
        assert_eq!(codes, [200, 201], "{key}: {} / {}", x.body, y.body);
        let (x, y) = (x.json(), y.json());
        assert_eq!(x["pid"], y["pid"], "{key}: one case for one key");
        let pid = x["pid"].as_str().expect("pid").to_string();

        let register = json!({"action": "register", "expected_version": 1});
        let urls = nodes.map(|n| n.url(&format!("/api/cases/{pid}/actions")));
        let (x, y) = tokio::join!(
            http.post(&urls[0], &registrar, &[], &register),
            http.post(&urls[1], &registrar, &[], &register),
        );
        let (x, y) = (x.expect("node a answers"), y.expect("node b answers"));
        let mut codes = [x.status, y.status];
        codes.sort_unstable();
        assert_eq!(codes, [200, 409], "register {pid}: {} / {}", x.body, y.body);

        let read = http
            .get(
                &nodes[(i + 1) % 2].url(&format!("/api/cases/{pid}")),
                Some(&token),
            )
            .await
            .expect("an answer");
        assert_eq!(read.status, 200, "{}", read.body);
        assert_eq!(read.json()["status"], "registered");
        assert_eq!(read.json()["version"], 2);
        let again = http
            .post(&nodes[k % 2].url("/api/cases"), &token, &headers, &body)
            .await
            .expect("an answer");
        assert_eq!(again.status, 200, "{key} replayed: {}", again.body);
        assert_eq!(again.json()["pid"], pid.as_str());
    }
    FILINGS_EACH
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "starts server processes: see tests/faults"]
#[serial]
async fn two_nodes_deliver_every_reminder_once_and_file_every_grievance_once() {
    let Some(burst) = Burst::seed(CASES, DUE).await else {
        return;
    };
    let (ctx, filers) = (&burst.ctx, &burst.filers);
    accredit_registrar(ctx).await;

    let sink = Sink::start();
    let began = Instant::now();
    let (a, b) = tokio::join!(
        Node::start("node-a", &burst.url, sink.port),
        Node::start("node-b", &burst.url, sink.port)
    );
    let nodes = [&a, &b];
    let http = Http::new();
    let registrar = http.sign_in(&a, REGISTRAR, DEMO_PASSWORD).await;

    // Every delegate files through both nodes at once.
    let load = filers
        .emails
        .iter()
        .enumerate()
        .map(|(i, email)| file_through_both(http.clone(), nodes, registrar.clone(), i, email));
    let keys: usize = join_all(load).await.into_iter().sum();
    let load_took = began.elapsed();

    let (outbox, took) = burst.delivered(&sink, Duration::from_secs(240)).await;

    let filed = cases::Entity::find()
        .filter(cases::Column::IdempotencyKey.starts_with("proof-"))
        .all(&ctx.db)
        .await
        .expect("filed cases");
    let breaks = lifecycle_breaks(&ctx.db, &filed.iter().map(|c| c.id).collect::<Vec<_>>()).await;
    let duplicated = outbox.duplicated();
    println!(
        "two nodes: {keys} grievances each filed through both nodes at once with one key and \
         once more (each: one 201, two 200 replays of the same case), {keys} registrations \
         raced through both (each: one 200, one 409), {} cases filed; {} reminders for {DUE} \
         due clocks; {} notices, {} received (by node: {:?}), {} duplicated, {} attempts; \
         the load took {:.1} s, all notices were delivered {:.1} s after the nodes started",
        filed.len(),
        outbox.reminders_of(CASES),
        outbox.rows.len(),
        outbox.received(),
        outbox.by_node,
        duplicated.len(),
        outbox.attempts(),
        load_took.as_secs_f64(),
        (load_took + took).as_secs_f64(),
    );
    assert_eq!(filed.len(), keys, "one case per idempotency key");
    assert!(breaks.is_empty(), "lifecycle: {breaks:#?}");
    outbox.assert_all_sent(&burst.ctx.db).await;
    assert!(duplicated.is_empty(), "sent twice: {duplicated:?}");
    assert_eq!(
        outbox.by_node.len(),
        2,
        "both nodes delivered: {:?}",
        outbox.by_node
    );
}
