//! PostgreSQL restarted under load: while it is down every request is answered 503 with a
//! time to come back (never 500, never a dropped connection), a filing refused that way and
//! sent again with its key is filed once, and the same process serves again as soon as the
//! database does.
use std::{
    collections::BTreeMap,
    process::Command,
    sync::{
        atomic::{AtomicBool, AtomicU8, Ordering},
        Arc, Mutex,
    },
    time::{Duration, Instant},
};

use axum::http::Method;
use futures::future::join_all;
use redress::{models::_entities::cases, tasks::demo::DEMO_PASSWORD};
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};
use serde_json::{json, Value};
use serial_test::serial;

use super::{wait_for, Burst, Http, Node};
use crate::support::{grievance, smtp::Sink};

const CLIENTS: usize = 4;
const DOWN: Duration = Duration::from_secs(4);

/// The local PostgreSQL cluster, started again when dropped if it is not running, so that
/// a failing test never leaves the machine without its database.
struct Cluster {
    version: String,
    url: String,
}

impl Cluster {
    /// The Debian cluster behind `url`, when this machine manages it with pg_ctlcluster.
    fn local(url: &str) -> Option<Self> {
        let version = std::fs::read_dir("/etc/postgresql")
            .ok()?
            .filter_map(Result::ok)
            .filter_map(|e| e.file_name().into_string().ok())
            .max()?;
        let on_loopback = url.contains("@127.0.0.1") || url.contains("@localhost");
        let tool = Command::new("pg_ctlcluster").arg("--help").output().is_ok();
        (on_loopback && tool).then(|| Self {
            version,
            url: url.to_string(),
        })
    }

    fn ctl(&self, action: &str) {
        let ok = Command::new("pg_ctlcluster")
            .args(["--skip-systemctl-redirect", &self.version, "main", action])
            .status()
            .is_ok_and(|s| s.success());
        assert!(ok, "pg_ctlcluster {action} failed");
    }

    fn is_ready(&self) -> bool {
        Command::new("pg_isready")
            .args(["-q", "-d", &self.url])
            .status()
            .is_ok_and(|s| s.success())
    }
}

impl Drop for Cluster {
    fn drop(&mut self) {
        if !self.is_ready() {
            let _ = Command::new("pg_ctlcluster")
                .args(["--skip-systemctl-redirect", &self.version, "main", "start"])
                .status();
        }
    }
}

const BEFORE: u8 = 0;
const DURING: u8 = 1;
const AFTER: u8 = 2;

/// Answers by phase and status, and the answers that break the rules.
#[derive(Default)]
struct Tally {
    statuses: BTreeMap<(u8, u16), usize>,
    unavailable_without_retry_after: usize,
    no_answer: Vec<String>,
    /// Filing keys sent, and how many were sent again after a 503.
    keys: usize,
    retried_keys: usize,
}

/// One client of the load. Over and over: the cases listed, the public register page, one
/// case, a sign-in and a filing; a filing refused with 503 is sent again with its key.
struct Client {
    c: usize,
    http: Http,
    token: String,
    urls: [String; 5],
    body: Value,
    sign_in: Value,
    phase: Arc<AtomicU8>,
    stop: Arc<AtomicBool>,
    tally: Arc<Mutex<Tally>>,
}

impl Client {
    async fn run(self) {
        let mut n = 0;
        let mut pending: Option<String> = None;
        // A client stops once told to and its last filing is in.
        while !self.stop.load(Ordering::Relaxed) || pending.is_some() {
            let first_try = pending.is_none();
            let key = pending
                .take()
                .unwrap_or_else(|| format!("restart-{}-{n}", self.c));
            let headers = [("idempotency-key", key.as_str())];
            let (http, urls) = (&self.http, &self.urls);
            let answers = [
                http.get(&urls[0], Some(&self.token)).await,
                http.get(&urls[1], None).await,
                http.get(&urls[2], Some(&self.token)).await,
                http.send(Method::POST, &urls[3], None, &[], Some(&self.sign_in))
                    .await,
                http.post(&urls[4], &self.token, &headers, &self.body).await,
            ];
            if self.tally(&answers, first_try) {
                // Sent again with the same key, as Retry-After asks (sooner, to keep the
                // test short).
                pending = Some(key);
                tokio::time::sleep(Duration::from_millis(200)).await;
            } else {
                n += 1;
            }
        }
    }

    /// Counts `answers` in the current phase; whether the filing was refused with 503.
    fn tally(&self, answers: &[Result<super::Answer, String>; 5], first_try: bool) -> bool {
        let at = self.phase.load(Ordering::Relaxed);
        let mut t = self.tally.lock().expect("tally");
        for (i, answer) in answers.iter().enumerate() {
            match answer {
                Ok(a) => {
                    *t.statuses.entry((at, a.status)).or_insert(0) += 1;
                    if a.status == 503 && a.retry_after.is_none() {
                        t.unavailable_without_retry_after += 1;
                    }
                }
                Err(e) => t.no_answer.push(format!("{}: {e}", self.urls[i])),
            }
        }
        let refused = answers[4].as_ref().is_ok_and(|a| a.status == 503);
        if !refused {
            t.keys += 1;
        } else if first_try {
            t.retried_keys += 1;
        }
        refused
    }
}

/// Stops PostgreSQL for [`DOWN`] and starts it again, then waits for the node to serve.
/// Gives how long the database was down, and how long after it was back the node served.
async fn restart_database(
    cluster: &Cluster,
    phase: &AtomicU8,
    http: &Http,
    listing: &str,
    token: &str,
) -> (Duration, Duration) {
    tokio::time::sleep(Duration::from_secs(2)).await;
    phase.store(DURING, Ordering::Relaxed);
    cluster.ctl("stop");
    let stopped = Instant::now();
    tokio::time::sleep(DOWN).await;
    cluster.ctl("start");
    wait_for(
        "PostgreSQL to accept connections",
        Duration::from_secs(60),
        || async { cluster.is_ready() },
    )
    .await;
    let down_for = stopped.elapsed();
    let recovered = wait_for(
        "the node to serve again",
        Duration::from_secs(60),
        || async {
            http.get(listing, Some(token))
                .await
                .is_ok_and(|a| a.status == 200)
        },
    )
    .await;
    (down_for, recovered)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "restarts PostgreSQL: see tests/faults"]
#[serial]
async fn a_database_restart_under_load_answers_503_then_recovers_without_restarting_the_app() {
    let Some(burst) = Burst::seed(0, 0).await else {
        return;
    };
    let Some(cluster) = Cluster::local(&burst.url) else {
        println!("skipped: PostgreSQL is not a local cluster this machine can restart");
        return;
    };
    let (ctx, filers) = (&burst.ctx, &burst.filers);
    let sink = Sink::start();
    let mut node = Node::start("database-restart", &burst.url, sink.port).await;
    let http = Http::new();
    let token = http.sign_in(&node, &filers.emails[0], DEMO_PASSWORD).await;
    let mut body = grievance();
    body["co_complainants"] = json!([]);
    let filed_before = http
        .post(&node.url("/api/cases"), &token, &[], &body)
        .await
        .expect("an answer");
    assert_eq!(filed_before.status, 201, "{}", filed_before.body);
    let case = node.url(&format!(
        "/api/cases/{}",
        filed_before.json()["pid"].as_str().expect("pid")
    ));
    let sign_in = json!({"email": filers.emails[1], "password": DEMO_PASSWORD});

    let phase = Arc::new(AtomicU8::new(BEFORE));
    let stop = Arc::new(AtomicBool::new(false));
    let tally = Arc::new(Mutex::new(Tally::default()));
    let clients = (0..CLIENTS).map(|c| {
        Client {
            c,
            http: http.clone(),
            token: token.clone(),
            urls: [
                node.url("/api/cases"),
                node.url("/register"),
                case.clone(),
                node.url("/api/auth/login"),
                node.url("/api/cases"),
            ],
            body: body.clone(),
            sign_in: sign_in.clone(),
            phase: phase.clone(),
            stop: stop.clone(),
            tally: tally.clone(),
        }
        .run()
    });
    let load = tokio::spawn(join_all(clients));
    let (down_for, recovered) =
        restart_database(&cluster, &phase, &http, &node.url("/api/cases"), &token).await;
    phase.store(AFTER, Ordering::Relaxed);
    tokio::time::sleep(Duration::from_secs(2)).await;
    stop.store(true, Ordering::Relaxed);
    tokio::time::timeout(Duration::from_secs(60), load)
        .await
        .expect("the clients finish within a minute")
        .expect("the clients ran");
    let listing = node.url("/api/cases");
    let still_serving = join_all((0..20).map(|_| http.get(&listing, Some(&token))))
        .await
        .into_iter()
        .filter(|a| a.as_ref().is_ok_and(|a| a.status == 200))
        .count();

    let t = std::mem::take(&mut *tally.lock().expect("tally"));
    let filed = cases::Entity::find()
        .filter(cases::Column::IdempotencyKey.starts_with("restart-"))
        .count(&ctx.db)
        .await
        .expect("count filed");
    let server_errors: Vec<_> = t
        .statuses
        .iter()
        .filter(|((_, s), _)| *s >= 500 && *s != 503)
        .collect();
    let by_phase = |phase: u8| -> BTreeMap<u16, usize> {
        t.statuses
            .iter()
            .filter(|((p, _), _)| *p == phase)
            .map(|((_, s), n)| (*s, *n))
            .collect()
    };
    println!(
        "database restart: PostgreSQL down {:.1} s; answers by status before {:?}, during \
         {:?}, after {:?}; {} 503 without Retry-After, {} requests unanswered; the node \
         served again {:.1} s after the database was back, on the same process; {} filing \
         keys, {} sent again after a 503, {filed} cases filed",
        down_for.as_secs_f64(),
        by_phase(BEFORE),
        by_phase(DURING),
        by_phase(AFTER),
        t.unavailable_without_retry_after,
        t.no_answer.len(),
        recovered.as_secs_f64(),
        t.keys,
        t.retried_keys,
    );
    assert!(server_errors.is_empty(), "server errors: {server_errors:?}");
    assert!(t.no_answer.is_empty(), "unanswered: {:?}", t.no_answer);
    assert_eq!(
        t.unavailable_without_retry_after, 0,
        "503 without Retry-After"
    );
    assert!(
        by_phase(DURING).contains_key(&503),
        "the outage was seen as 503s"
    );
    let unexpected: Vec<_> = t
        .statuses
        .keys()
        .filter(|(_, s)| ![200, 201, 503].contains(s))
        .collect();
    assert!(unexpected.is_empty(), "unexpected answers: {unexpected:?}");
    assert!(node.is_running(), "the node was never restarted");
    assert_eq!(still_serving, 20, "the node serves every request again");
    assert_eq!(filed, t.keys as u64, "one case per key, retries included");
}
