//! Fault suites: Redress as separate server processes on one PostgreSQL database, under
//! load, with the mail server down or slow, nodes killed and the database restarted. They
//! start and kill processes and restart PostgreSQL, so they are ignored by the ordinary
//! test run and run on a database of their own, one at a time:
//!
//! ```text
//! DATABASE_URL=postgres://postgres@127.0.0.1:5432/redress_faults \
//!   cargo test --test mod faults:: -- --ignored --test-threads=1 --nocapture
//! ```
//!
//! Each suite boots the app in the test process (which empties that database), seeds it
//! through the library, and starts nodes: the debug `redress-cli start --all -e proof`
//! (`config/proof.yaml`: sweep every three seconds, delivery leases and backoff of seconds)
//! with an SMTP server in the test process. Mail is matched to outbox rows by Message-ID.
//! On SQLite they pass after saying why they did nothing.
mod database_restart;
mod mail_outage;
mod mailbox_race;
mod node_killed;
mod poisoned_notice;
mod slow_mail;
mod two_nodes;

use std::{
    collections::{BTreeMap, BTreeSet},
    fs::File,
    future::Future,
    io::{Read, Seek, SeekFrom},
    os::unix::process::CommandExt,
    path::PathBuf,
    process::{Child, Command, Stdio},
    time::{Duration, Instant},
};

use axum::{
    body::Bytes,
    http::{header, Method, Request},
};
use chrono::{DateTime, Timelike, Utc};
use http_body_util::{BodyExt, Full};
use hyper_util::{
    client::legacy::{connect::HttpConnector, Client},
    rt::TokioExecutor,
};
use loco_rs::app::AppContext;
use redress::{
    models::{
        _entities::{cases, deadlines},
        case_events,
        cases::status::{CaseAction, CaseStatus},
        notifications,
    },
    settings::Settings,
    tasks::demo::DEMO_PASSWORD,
};
use sea_orm::{
    prelude::DateTimeWithTimeZone, ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter,
    QueryOrder,
};
use serde_json::Value;

use crate::support::{
    clocks,
    smtp::{Received, Sink},
};

/// The database the suites run on, or `None` (and a line saying so) when it is not
/// PostgreSQL: several processes on one SQLite file prove nothing about production.
fn postgres() -> Option<String> {
    match std::env::var("DATABASE_URL") {
        Ok(url) if url.starts_with("postgres") => Some(url),
        _ => {
            println!("skipped: the fault suites need DATABASE_URL=postgres://… (see tests/faults)");
            None
        }
    }
}

/// Polls `ready` every quarter second until it holds, or fails naming `what` after
/// `limit`.
pub async fn wait_for<F, Fut>(what: &str, limit: Duration, mut ready: F) -> Duration
where
    F: FnMut() -> Fut,
    Fut: Future<Output = bool>,
{
    let began = Instant::now();
    loop {
        if ready().await {
            return began.elapsed();
        }
        assert!(
            began.elapsed() < limit,
            "timed out after {} s waiting for {what}",
            limit.as_secs()
        );
        tokio::time::sleep(Duration::from_millis(250)).await;
    }
}

/// A zone where it is about noon now: a reminder due in a few hours is then past its
/// recipient's morning and goes out at once, whatever the hour the suite runs at.
fn zone_at_noon(now: DateTime<Utc>) -> chrono_tz::Tz {
    let offset = 12 - i32::try_from(now.hour()).expect("an hour");
    let name = match offset {
        0 => "Etc/GMT".to_string(),
        // The POSIX names count the other way: Etc/GMT-5 is five hours ahead of UTC.
        o if o > 0 => format!("Etc/GMT-{o}"),
        o => format!("Etc/GMT+{}", -o),
    };
    name.parse().expect("an Etc zone")
}

/// A port nothing listens on yet.
pub fn free_port() -> u16 {
    Sink::reserve_port()
}

/// One Redress process with its web server, scheduler and delivery
/// (`start --all -e proof`), killed with everything it started when dropped.
pub struct Node {
    pub name: String,
    pub port: u16,
    database_url: String,
    mailer_port: u16,
    child: Option<Child>,
    log: PathBuf,
}

impl Node {
    /// Starts a node and waits until it answers.
    pub async fn start(name: &str, database_url: &str, mailer_port: u16) -> Self {
        let mut node = Self {
            name: name.to_string(),
            port: free_port(),
            database_url: database_url.to_string(),
            mailer_port,
            child: None,
            log: std::env::temp_dir()
                .join(format!("redress-faults-{}-{name}.log", std::process::id())),
        };
        let _ = std::fs::remove_file(&node.log);
        node.spawn().await;
        node
    }

    async fn spawn(&mut self) {
        let log = File::options()
            .create(true)
            .append(true)
            .open(&self.log)
            .expect("node log");
        let child = Command::new(env!("CARGO_BIN_EXE_redress-cli"))
            .args(["start", "--all", "-e", "proof", "-n"])
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .env("DATABASE_URL", &self.database_url)
            .env("PORT", self.port.to_string())
            .env("MAILER_PORT", self.mailer_port.to_string())
            .env("NODE_NAME", &self.name)
            .stdin(Stdio::null())
            .stdout(log.try_clone().expect("log"))
            .stderr(log)
            // The scheduler runs each sweep as a child process: a group of its own lets a
            // kill reach the sweep and delivery too, as a crash of the machine would.
            .process_group(0)
            .spawn()
            .expect("start redress-cli");
        self.child = Some(child);
        let http = Http::new();
        let began = Instant::now();
        loop {
            if let Ok(a) = http.get(&self.url("/_ping"), None).await {
                if a.status == 200 {
                    return;
                }
            }
            if let Some(status) = self
                .child
                .as_mut()
                .and_then(|c| c.try_wait().ok().flatten())
            {
                panic!(
                    "node {} exited at start ({status}):\n{}",
                    self.name,
                    self.log_tail()
                );
            }
            assert!(
                began.elapsed() < Duration::from_secs(60),
                "node {} did not answer within 60 s:\n{}",
                self.name,
                self.log_tail()
            );
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    pub fn url(&self, path: &str) -> String {
        format!("http://127.0.0.1:{}{path}", self.port)
    }

    /// SIGKILL to the node and every process it started: no shutdown, no last commit.
    pub fn kill(&mut self) {
        if let Some(mut child) = self.child.take() {
            let _ = Command::new("kill")
                .args(["-KILL", "--", &format!("-{}", child.id())])
                .status();
            let _ = child.kill();
            let _ = child.wait();
        }
    }

    /// Starts the node again on its port after a kill.
    pub async fn restart(&mut self) {
        self.kill();
        self.spawn().await;
    }

    /// Whether the process started last is still the one running.
    pub fn is_running(&mut self) -> bool {
        self.child
            .as_mut()
            .is_some_and(|c| matches!(c.try_wait(), Ok(None)))
    }

    /// The end of the node's output, for failure messages.
    pub fn log_tail(&self) -> String {
        let mut text = String::new();
        if let Ok(mut f) = File::open(&self.log) {
            let len = f.metadata().map(|m| m.len()).unwrap_or(0);
            let _ = f.seek(SeekFrom::Start(len.saturating_sub(4000)));
            let _ = f.read_to_string(&mut text);
        }
        text
    }
}

impl Drop for Node {
    /// Kills the node; its output is kept only when the test failed.
    fn drop(&mut self) {
        self.kill();
        if std::thread::panicking() {
            eprintln!("node {}'s output: {}", self.name, self.log.display());
        } else {
            let _ = std::fs::remove_file(&self.log);
        }
    }
}

/// An answer from a node.
#[derive(Debug)]
pub struct Answer {
    pub status: u16,
    pub retry_after: Option<String>,
    pub body: String,
}

impl Answer {
    pub fn json(&self) -> Value {
        serde_json::from_str(&self.body).unwrap_or_else(|e| panic!("not JSON ({e}): {}", self.body))
    }
}

/// A plain HTTP/1.1 client over loopback.
#[derive(Clone)]
pub struct Http(Client<HttpConnector, Full<Bytes>>);

impl Http {
    pub fn new() -> Self {
        Self(Client::builder(TokioExecutor::new()).build_http())
    }

    /// Sends one request; `Err` when no answer came (connection refused or cut, or none
    /// within 30 s).
    pub async fn send(
        &self,
        method: Method,
        url: &str,
        token: Option<&str>,
        headers: &[(&str, &str)],
        body: Option<&Value>,
    ) -> Result<Answer, String> {
        let mut req = Request::builder().method(method).uri(url);
        if let Some(t) = token {
            req = req.header(header::AUTHORIZATION, format!("Bearer {t}"));
        }
        for (k, v) in headers {
            req = req.header(*k, *v);
        }
        let body = match body {
            Some(v) => {
                req = req.header(header::CONTENT_TYPE, "application/json");
                Bytes::from(v.to_string())
            }
            None => Bytes::new(),
        };
        let req = req.body(Full::new(body)).map_err(|e| e.to_string())?;
        let exchange = async {
            let res = self.0.request(req).await.map_err(|e| e.to_string())?;
            let status = res.status().as_u16();
            let retry_after = res
                .headers()
                .get(header::RETRY_AFTER)
                .and_then(|v| v.to_str().ok())
                .map(str::to_string);
            let bytes = res
                .into_body()
                .collect()
                .await
                .map_err(|e| e.to_string())?
                .to_bytes();
            Ok(Answer {
                status,
                retry_after,
                body: String::from_utf8_lossy(&bytes).into_owned(),
            })
        };
        tokio::time::timeout(Duration::from_secs(30), exchange)
            .await
            .map_err(|_| format!("no answer from {url} within 30 s"))?
    }

    pub async fn get(&self, url: &str, token: Option<&str>) -> Result<Answer, String> {
        self.send(Method::GET, url, token, &[], None).await
    }

    pub async fn post(
        &self,
        url: &str,
        token: &str,
        headers: &[(&str, &str)],
        body: &Value,
    ) -> Result<Answer, String> {
        self.send(Method::POST, url, Some(token), headers, Some(body))
            .await
    }

    /// Signs in through the node and returns the bearer token.
    pub async fn sign_in(&self, node: &Node, email: &str, password: &str) -> String {
        let answer = self
            .send(
                Method::POST,
                &node.url("/api/auth/login"),
                None,
                &[],
                Some(&serde_json::json!({ "email": email, "password": password })),
            )
            .await
            .expect("an answer to sign-in");
        assert_eq!(answer.status, 200, "sign-in of {email}: {}", answer.body);
        answer.json()["token"]
            .as_str()
            .expect("a token")
            .to_string()
    }
}

/// The outbox row a message was sent for, from its Message-ID (`<notice-{id}@host>`),
/// read from the header block without parsing the whole message.
pub fn notice_id(message: &Received) -> Option<i64> {
    let raw = &message.raw;
    let head = raw
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .map_or(&raw[..], |end| &raw[..end]);
    let head = String::from_utf8_lossy(head);
    let line = head
        .lines()
        .find(|l| l.to_ascii_lowercase().starts_with("message-id:"))?;
    line.split_once("<notice-")?
        .1
        .split('@')
        .next()?
        .parse()
        .ok()
}

/// The outbox as the database holds it, beside what the mail server received.
pub struct Delivery {
    pub rows: Vec<notifications::Model>,
    /// Copies received per outbox row.
    pub copies: BTreeMap<i64, usize>,
    /// Messages received per node (the SMTP greeting names the node).
    pub by_node: BTreeMap<String, usize>,
    /// Messages that match no outbox row.
    pub strangers: usize,
}

impl Delivery {
    /// The outbox alone, before any mail server listens. A notice not yet due and never
    /// tried (a reminder waiting for its reader's morning, which a grievance filed during a
    /// suite can queue at some hours of the day) is not delivery's to make yet and is left
    /// out, so what a suite asserts holds whatever the hour it runs at.
    pub async fn from_database(db: &sea_orm::DatabaseConnection) -> Self {
        use sea_orm::Condition;
        let n = notifications::Column::NextAttemptAt;
        let due_or_touched = Condition::any()
            .add(n.lte(DateTimeWithTimeZone::from(Utc::now())))
            .add(notifications::Column::Attempts.gt(0))
            .add(notifications::Column::SentAt.is_not_null())
            .add(notifications::Column::FailedAt.is_not_null())
            .add(notifications::Column::CancelledAt.is_not_null());
        Self {
            rows: notifications::Entity::find()
                .filter(due_or_touched)
                .order_by_asc(notifications::Column::Id)
                .all(db)
                .await
                .expect("outbox"),
            copies: BTreeMap::new(),
            by_node: BTreeMap::new(),
            strangers: 0,
        }
    }

    /// The outbox and what the mail server received.
    pub async fn read(db: &sea_orm::DatabaseConnection, sink: &Sink) -> Self {
        let mut d = Self::from_database(db).await;
        let known: BTreeSet<i64> = d.rows.iter().map(|r| r.id).collect();
        for m in sink.received() {
            *d.by_node.entry(m.helo.clone()).or_insert(0) += 1;
            match notice_id(&m).filter(|id| known.contains(id)) {
                Some(id) => *d.copies.entry(id).or_insert(0) += 1,
                None => d.strangers += 1,
            }
        }
        d
    }

    /// Reminders about the seeded cases (ids 1 to `seeded`).
    pub fn reminders_of(&self, seeded: u64) -> usize {
        let seeded = i64::try_from(seeded).expect("a case id");
        self.rows
            .iter()
            .filter(|r| r.kind == "reminder" && r.case_id.is_some_and(|c| c <= seeded))
            .count()
    }

    /// Rows that are neither sent, failed nor withdrawn.
    pub fn pending(&self) -> usize {
        self.rows
            .iter()
            .filter(|r| r.sent_at.is_none() && r.failed_at.is_none() && r.cancelled_at.is_none())
            .count()
    }

    pub fn received(&self) -> usize {
        self.copies.values().sum::<usize>() + self.strangers
    }

    /// Rows marked sent whose message never arrived.
    pub fn lost(&self) -> Vec<i64> {
        self.rows
            .iter()
            .filter(|r| r.sent_at.is_some() && !self.copies.contains_key(&r.id))
            .map(|r| r.id)
            .collect()
    }

    /// Rows whose message arrived more than once.
    pub fn duplicated(&self) -> BTreeSet<i64> {
        self.copies
            .iter()
            .filter(|(_, n)| **n > 1)
            .map(|(id, _)| *id)
            .collect()
    }

    pub fn attempts(&self) -> i64 {
        self.rows.iter().map(|r| r.attempts).sum()
    }

    /// Every row sent and received, none failed, and none withdrawn but a reminder about a
    /// clock that has since stopped running: at some hours a grievance filed during a suite
    /// gets its first reminder queued at once, and registering it meets that clock before
    /// the reminder goes out.
    pub async fn assert_all_sent(&self, db: &sea_orm::DatabaseConnection) {
        let unsent: Vec<_> = self
            .rows
            .iter()
            .filter(|r| r.sent_at.is_none() && r.cancelled_at.is_none())
            .map(|r| (r.id, r.kind.clone(), r.last_error.clone()))
            .collect();
        assert!(unsent.is_empty(), "notices not sent: {unsent:?}");
        let lost = self.lost();
        assert!(lost.is_empty(), "marked sent but never received: {lost:?}");
        assert_eq!(self.strangers, 0, "messages that match no outbox row");
        let mut wrongly = Vec::new();
        for row in self.rows.iter().filter(|r| r.cancelled_at.is_some()) {
            if !clock_stopped_since(db, row).await {
                wrongly.push((row.id, row.kind.clone(), row.last_error.clone()));
            }
        }
        assert!(wrongly.is_empty(), "notices withdrawn wrongly: {wrongly:?}");
    }
}

/// Whether `row` is a reminder whose clock has been met, cancelled or moved since it was
/// queued, read from the clock itself.
async fn clock_stopped_since(db: &sea_orm::DatabaseConnection, row: &notifications::Model) -> bool {
    let payload: serde_json::Value = serde_json::from_str(&row.payload).unwrap_or_default();
    let Some(id) = payload["deadline"].as_i64() else {
        return false;
    };
    let Some(clock) = deadlines::Entity::find_by_id(id)
        .one(db)
        .await
        .expect("the reminder's clock")
    else {
        return false;
    };
    let queued_for: Option<DateTime<Utc>> = serde_json::from_value(payload["due_at"].clone()).ok();
    row.kind == "reminder"
        && (clock.met_at.is_some()
            || clock.cancelled_at.is_some()
            || queued_for != clock.due_at.map(|d| d.with_timezone(&Utc)))
}

/// Clocks whose reminder cursor has passed `at`: what a sweep at `at` still has to do.
pub async fn clocks_due(db: &sea_orm::DatabaseConnection, at: DateTime<Utc>) -> u64 {
    deadlines::Entity::find()
        .filter(deadlines::Column::NextReminderAt.lte(at))
        .count(db)
        .await
        .expect("count clocks")
}

/// Waits until the sweep has queued `reminders` reminders about the `seeded` cases, no
/// clock due at `swept_at` is left unswept, every outbox row is settled and has reached the
/// mail server, and nothing more has arrived for three seconds (a late copy from a stalled
/// sender would show up then). Returns the outbox and how long it took to be delivered.
async fn settle(
    db: &sea_orm::DatabaseConnection,
    sink: &Sink,
    seeded: u64,
    reminders: usize,
    swept_at: DateTime<Utc>,
    limit: Duration,
) -> (Delivery, Duration) {
    let began = Instant::now();
    let mut last = usize::MAX;
    let mut quiet_since = Instant::now();
    let mut done_after = None;
    loop {
        let d = Delivery::read(db, sink).await;
        let received = d.received();
        if received != last {
            last = received;
            quiet_since = Instant::now();
        }
        let done = d.reminders_of(seeded) == reminders
            && clocks_due(db, swept_at).await == 0
            && d.pending() == 0
            && d.lost().is_empty();
        if !done {
            done_after = None;
        } else if done_after.is_none() {
            done_after = Some(began.elapsed());
        }
        if let (Some(took), true) = (done_after, quiet_since.elapsed() >= Duration::from_secs(3)) {
            return (d, took);
        }
        assert!(
            began.elapsed() < limit,
            "the outbox did not settle within {} s: {} of {reminders} reminders queued, {} rows \
             pending, {} received, {} never received",
            limit.as_secs(),
            d.reminders_of(seeded),
            d.pending(),
            received,
            d.lost().len()
        );
        tokio::time::sleep(Duration::from_millis(250)).await;
    }
}

/// Cases whose audit chain is broken, or whose status events skip or repeat a state: each
/// status event must start where the previous one ended, follow the lifecycle, and the last
/// must end where the case stands.
pub async fn lifecycle_breaks(db: &sea_orm::DatabaseConnection, ids: &[i64]) -> Vec<String> {
    let (_, chain) = case_events::verify_all(db).await.expect("verify chains");
    let mut found: Vec<String> = chain
        .iter()
        .map(|b| format!("case {} event {}: {}", b.case_id, b.seq, b.problem))
        .collect();
    for &id in ids {
        let case = cases::Entity::find_by_id(id)
            .one(db)
            .await
            .expect("case")
            .expect("the case exists");
        let events = case_events::Entity::find()
            .filter(case_events::Column::CaseId.eq(id))
            .order_by_asc(case_events::Column::Seq)
            .all(db)
            .await
            .expect("events");
        let mut at: Option<String> = None;
        for e in events.iter().filter(|e| e.to_status.is_some()) {
            if e.from_status != at {
                found.push(format!(
                    "case {id} event {}: from {:?} but the case was {at:?}",
                    e.seq, e.from_status
                ));
            }
            let parsed = (
                e.from_status.as_deref().map(str::parse::<CaseStatus>),
                e.action.parse::<CaseAction>(),
                e.to_status.as_deref().map(str::parse::<CaseStatus>),
            );
            if let (Some(Ok(from)), Ok(action), Some(Ok(to))) = parsed {
                if from.apply(action).ok() != Some(to) {
                    found.push(format!(
                        "case {id} event {}: {action} does not lead from {from} to {to}",
                        e.seq
                    ));
                }
            }
            at.clone_from(&e.to_status);
        }
        if at.as_deref() != Some(case.status.as_str()) {
            found.push(format!(
                "case {id}: events end at {at:?}, the case is {}",
                case.status
            ));
        }
    }
    found
}

/// The suites' database, emptied and seeded: `cases` open cases, of which `due` have a
/// clock due for a reminder now, and the delegates who filed them (the demo password signs
/// them in). The due clocks fall due in four hours, in a zone where it is about noon, so
/// each reminder goes out at once.
pub struct Burst {
    pub ctx: AppContext,
    pub url: String,
    pub filers: clocks::Filers,
    pub cases: u64,
    pub due: u64,
}

impl Burst {
    /// `None`, and a line saying why, when the database is not PostgreSQL.
    pub async fn seed(cases: u64, due: u64) -> Option<Self> {
        let url = postgres()?;
        let ctx = loco_rs::testing::prelude::boot_test::<redress::app::App>()
            .await
            .expect("boot on the faults database")
            .app_context;
        let settings = Settings::of(&ctx).expect("settings");
        let now = Utc::now();
        let filers =
            clocks::delegates(&ctx, &settings, zone_at_noon(now), Some(DEMO_PASSWORD), now).await;
        // Within a day of its deadline a clock is owed its due-day reminder, and a breach
        // notice is hours away: one reminder per clock, whatever the hour.
        let due_at = now + chrono::Duration::hours(4);
        clocks::open_cases(&ctx, &filers, cases, due, due_at, now, |_| {}).await;
        Some(Self {
            ctx,
            url,
            filers,
            cases,
            due,
        })
    }

    /// Waits until every due clock has its reminder and the outbox is delivered (see
    /// [`settle`]); fails after `limit`.
    pub async fn delivered(&self, sink: &Sink, limit: Duration) -> (Delivery, Duration) {
        let due = usize::try_from(self.due).expect("a count");
        settle(&self.ctx.db, sink, self.cases, due, Utc::now(), limit).await
    }
}
