//! `cargo build --release --bin redress-cli --example baseline && cargo bench --bench load`:
//! Redress under load over loopback, as a client sees it.
//!
//! Seeds the test database (`DATABASE_URL` chooses SQLite or PostgreSQL) with 100k synthetic
//! cases, starts the release server as its own process, and drives it with wrk: filing a
//! grievance, the busiest mediator's caseload, a case page, and oversight's metrics, each at
//! 8 and 64 concurrent clients for a fixed time. Then it starts the bare axum + sqlx
//! baseline (`examples/baseline.rs`) on the same database and drives its caseload the same
//! way. It prints requests per second, p50/p95/p99 latency, errors, the server process's CPU
//! time per request (steadier than throughput on a shared machine), the server's peak
//! resident memory, and the caseload's throughput as a share of the baseline's, against the
//! goals: intake ≥ 1,000 cases/s on PostgreSQL at 8 clients, caseload p95 ≤ 10 ms, ratio ≥
//! 0.7, peak RSS ≤ 150 MB at 64 clients.
//!
//! Knobs: `BENCH_CASES` (100000), `BENCH_REUSE` (keep the cases of an earlier run),
//! `LOAD_SECONDS` (10 per run), `LOAD_CLIENTS` ("8,64"), `LOAD_THREADS` (wrk's, 2),
//! `DB_MAX_CONNECTIONS` (both servers' pool, 16), `LOAD_PORT` (5190, the baseline one above),
//! `LOAD_PACED_RATE` (200: the requests a second the 8 clients of the paced caseload runs
//! offer together, for latency below saturation), `LOAD_SCENARIOS` (the scenarios to run,
//! comma-separated: filing, caseload, case_page, metrics, uploads; all when unset).
//! Needs `wrk` (Debian's package).
//!
//! The uploads scenario starts a server of its own, so that its peak memory is the uploads'
//! alone: `LOAD_UPLOADERS` (8) clients each send one file of `LOAD_UPLOAD_MB` (25) MB as
//! evidence at the same moment, each to an open case of its own that holds no documents yet.
//! It prints the server's resident memory when idle and at its peak, against the goal: peak
//! RSS under 200 MB while 8 clients upload 25 MB each.
mod support;

use std::{
    collections::BTreeMap,
    io::Write,
    process::{Child, Command, Stdio},
    time::{Duration, Instant},
};

use redress::models::{
    _entities::{bodies, cases},
    mediators::ledger::active_statuses,
    vocabulary::Role,
    web_sessions,
};
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder};
use serde::Deserialize;
use support::{busiest, env_list, env_number, someone};

/// Clients of the paced runs.
const PACED_CLIENTS: u64 = 8;

/// Linux's `USER_HZ`, the unit of `/proc/<pid>/stat`'s times (100 on every architecture
/// Linux runs on today).
const CLOCK_TICKS_PER_SECOND: f64 = 100.0;

fn print_run(label: &str, clients: u64, run: &Run) {
    println!(
        "{label:<28} {clients:>3} clients: {:>8.1} req/s  p50 {:>7.2} ms  p95 {:>7.2} ms  p99 {:>7.2} ms  errors {}",
        run.rate(),
        run.p50,
        run.p95,
        run.p99,
        run.status_errors + run.socket_errors
    );
}

/// What the wrk script's `done` prints, and the server's CPU time over the run.
#[derive(Debug, Deserialize)]
struct Run {
    requests: u64,
    seconds: f64,
    p50: f64,
    p95: f64,
    p99: f64,
    status_errors: u64,
    socket_errors: u64,
    /// The server process's CPU time (user and system) over the run, in seconds: divided by
    /// the requests, a cost that does not move with how fast this machine runs at the time.
    #[serde(default)]
    cpu_seconds: f64,
}

impl Run {
    #[allow(clippy::cast_precision_loss)]
    fn rate(&self) -> f64 {
        self.requests as f64 / self.seconds.max(f64::EPSILON)
    }

    /// The server's CPU time per request, in milliseconds.
    #[allow(clippy::cast_precision_loss)]
    fn cpu_ms(&self) -> f64 {
        self.cpu_seconds * 1000.0 / (self.requests.max(1) as f64)
    }
}

/// One kind of request the harness sends.
struct Scenario {
    name: &'static str,
    method: &'static str,
    path: String,
    headers: Vec<(String, String)>,
    body: Option<String>,
}

impl Scenario {
    /// The wrk script for this request, printing its figures as one JSON line. With `pause`,
    /// each client waits that many milliseconds after an answer before its next request.
    fn script(&self, pause: Option<u64>) -> String {
        let quote = |s: &str| format!("{s:?}");
        let mut lua = format!("wrk.method = {}\n", quote(self.method));
        for (k, v) in &self.headers {
            lua.push_str(&format!("wrk.headers[{}] = {}\n", quote(k), quote(v)));
        }
        if let Some(body) = &self.body {
            lua.push_str(&format!("wrk.body = {}\n", quote(body)));
        }
        if let Some(ms) = pause {
            lua.push_str(&format!("delay = function() return {ms} end\n"));
        }
        lua.push_str(
            r#"done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format('{"requests":%d,"seconds":%.6f,"p50":%.3f,"p95":%.3f,"p99":%.3f,"status_errors":%d,"socket_errors":%d}\n',
    summary.requests, summary.duration / 1e6, latency:percentile(50) / 1000,
    latency:percentile(95) / 1000, latency:percentile(99) / 1000, e.status,
    e.connect + e.read + e.write + e.timeout))
end
"#,
        );
        lua
    }
}

/// Runs wrk against `base` for `scenario` and reads its figures: flat out, or with each
/// client pausing `pause` milliseconds between requests.
fn drive(
    server: &Server,
    base: &str,
    scenario: &Scenario,
    (clients, pause): (u64, Option<u64>),
    seconds: u64,
    threads: u64,
) -> Run {
    let dir = std::env::temp_dir().join("redress-load");
    std::fs::create_dir_all(&dir).expect("temp dir");
    let script = dir.join(format!("{}.lua", scenario.name));
    std::fs::File::create(&script)
        .and_then(|mut f| f.write_all(scenario.script(pause).as_bytes()))
        .expect("write the wrk script");
    let cpu_before = server.cpu_seconds();
    let out = Command::new("wrk")
        .args([
            "-t",
            &threads.min(clients).to_string(),
            "-c",
            &clients.to_string(),
            "-d",
            &format!("{seconds}s"),
            "--timeout",
            "10s",
            "-s",
        ])
        .arg(&script)
        .arg(format!("{base}{}", scenario.path))
        .output()
        .expect("wrk (apt-get install wrk)");
    let text = String::from_utf8_lossy(&out.stdout);
    let line = text
        .lines()
        .find(|l| l.starts_with("{\"requests\""))
        .unwrap_or_else(|| {
            panic!(
                "wrk printed no figures:\n{text}\n{}",
                String::from_utf8_lossy(&out.stderr)
            )
        });
    let mut run: Run = serde_json::from_str(line).expect("wrk figures");
    run.cpu_seconds = server.cpu_seconds() - cpu_before;
    run
}

/// Whether `GET probe` on the port gets a complete answer.
fn answers(port: u16, probe: &str) -> bool {
    use std::io::Read;
    let Ok(mut stream) = std::net::TcpStream::connect(("127.0.0.1", port)) else {
        return false;
    };
    let _ = stream.set_read_timeout(Some(Duration::from_secs(5)));
    let request = format!("GET {probe} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
    let mut reply = String::new();
    stream.write_all(request.as_bytes()).is_ok()
        && stream.read_to_string(&mut reply).is_ok()
        && reply.starts_with("HTTP/1.1 200")
}

/// A server process, stopped when dropped.
struct Server {
    child: Child,
    name: &'static str,
}

impl Server {
    fn start(name: &'static str, command: &mut Command, port: u16, probe: &str) -> Self {
        let child = command
            .stdout(Stdio::null())
            .stderr(Stdio::inherit())
            .spawn()
            .unwrap_or_else(|e| {
                panic!("cannot start {name} ({e}): build it first, see the header")
            });
        let server = Self { child, name };
        let began = Instant::now();
        while began.elapsed() < Duration::from_secs(60) {
            if answers(port, probe) {
                return server;
            }
            std::thread::sleep(Duration::from_millis(200));
        }
        panic!("{name} did not answer on port {port}");
    }

    /// The CPU time (user and system, all threads) the process has used so far, in seconds.
    #[allow(clippy::cast_precision_loss)]
    fn cpu_seconds(&self) -> f64 {
        let stat =
            std::fs::read_to_string(format!("/proc/{}/stat", self.child.id())).unwrap_or_default();
        // The fields after the command name, which is in parentheses and may hold spaces:
        // utime and stime are the 14th and 15th of the line, in clock ticks.
        let after = stat.rsplit_once(')').map_or("", |(_, rest)| rest);
        let fields: Vec<&str> = after.split_whitespace().collect();
        let ticks = |i: usize| {
            fields
                .get(i)
                .and_then(|f| f.parse::<u64>().ok())
                .unwrap_or(0)
        };
        (ticks(11) + ticks(12)) as f64 / CLOCK_TICKS_PER_SECOND
    }

    /// The process's peak resident memory so far, in MB (Linux's VmHWM).
    fn peak_rss_mb(&self) -> f64 {
        let status = std::fs::read_to_string(format!("/proc/{}/status", self.child.id()))
            .unwrap_or_default();
        status
            .lines()
            .find_map(|l| l.strip_prefix("VmHWM:"))
            .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<f64>().ok())
            .map_or(f64::NAN, |kb| kb / 1024.0)
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
        println!("({} stopped)", self.name);
    }
}

/// What a run is asked to do, from the environment (see the knobs above).
struct Knobs {
    n: u64,
    seconds: u64,
    threads: u64,
    clients: Vec<u64>,
    pool: u64,
    only: Vec<String>,
    /// Each paced client's pause between requests, in milliseconds.
    pause: u64,
    port: u16,
    database_url: String,
}

impl Knobs {
    fn from_env() -> Self {
        // The paced run: each client waits between requests so that together they offer
        // about `LOAD_PACED_RATE` requests a second, well below what the machine serves
        // flat out, to read the latency a request meets when it does not queue behind
        // others.
        let paced_rate = env_number("LOAD_PACED_RATE", 200).max(1);
        Self {
            n: env_number("BENCH_CASES", 100_000),
            seconds: env_number("LOAD_SECONDS", 10),
            threads: env_number("LOAD_THREADS", 2),
            clients: env_list("LOAD_CLIENTS", "8,64"),
            pool: env_number("DB_MAX_CONNECTIONS", 16),
            only: std::env::var("LOAD_SCENARIOS")
                .unwrap_or_default()
                .split(',')
                .filter(|s| !s.is_empty())
                .map(str::to_string)
                .collect(),
            pause: PACED_CLIENTS * 1000 / paced_rate,
            port: u16::try_from(env_number("LOAD_PORT", 5190)).expect("a port"),
            database_url: std::env::var("DATABASE_URL")
                .unwrap_or_else(|_| "sqlite://redress_test.sqlite?mode=rwc".to_string()),
        }
    }

    fn runs(&self, name: &str) -> bool {
        self.only.is_empty() || self.only.iter().any(|o| o == name)
    }
}

/// What each run measures, and the release binaries it starts.
type Results = BTreeMap<(u64, &'static str), Run>;

fn bin() -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("target/release")
}

/// The four scenarios (filing, the busiest mediator's caseload, a case page, oversight's
/// metrics), each with a signed-in person of the seeded data; and that mediator.
async fn scenarios(
    ctx: &loco_rs::app::AppContext,
    settings: &redress::settings::Settings,
    now: chrono::DateTime<chrono::Utc>,
) -> (
    [Scenario; 4],
    redress::models::_entities::users::Model,
    Uploads,
) {
    let mediator = busiest(&ctx.db, cases::Column::MediatorId, Role::Mediator)
        .await
        .expect("a mediator with cases");
    let delegate = busiest(
        &ctx.db,
        cases::Column::ComplainantDelegationId,
        Role::Delegate,
    )
    .await
    .expect("a delegate");
    let oversight = someone(
        ctx,
        settings,
        Role::Oversight,
        "oversight@bench.example",
        now,
    )
    .await;
    let case = cases::Entity::find()
        .filter(cases::Column::MediatorId.eq(mediator.id))
        .order_by_desc(cases::Column::FiledAt)
        .one(&ctx.db)
        .await
        .expect("query")
        .expect("a case of the mediator");
    let body = bodies::Entity::find()
        .order_by_asc(bodies::Column::Id)
        .one(&ctx.db)
        .await
        .expect("query")
        .expect("a body");
    let jwt = ctx.config.get_jwt_config().expect("jwt config");
    let bearer = |u: &redress::models::_entities::users::Model| {
        format!(
            "Bearer {}",
            u.generate_jwt(&jwt.secret, jwt.expiration).expect("token")
        )
    };
    // The server keeps real time; the session must be alive by its clock.
    let session = web_sessions::start(&ctx.db, &mediator, chrono::Utc::now())
        .await
        .expect("a session");
    let held_by_mediator = cases::Entity::find()
        .filter(cases::Column::MediatorId.eq(mediator.id))
        .filter(cases::Column::Status.is_in(active_statuses()))
        .count(&ctx.db)
        .await
        .expect("count");
    println!(
        "mediator {} holds {held_by_mediator} active cases; delegate {}; case {}",
        mediator.email, delegate.email, case.reference
    );

    let json = ("Content-Type".to_string(), "application/json".to_string());
    let filing = serde_json::json!({
        "title": "Speaking slot cut from the general debate",
        "category": "speaking_time",
        "body": body.code,
        "incident_date": "2026-01-15",
        "facts": "The chair removed our delegation from the speakers' list without notice.",
        "remedy_sought": "A guaranteed slot at the next session.",
        "respondent": { "kind": "body", "code": body.code },
        "co_complainants": [],
        "confidentiality": "public",
        "language": "en",
        "urgency": "normal"
    });
    let scenarios = [
        Scenario {
            name: "filing",
            method: "POST",
            path: "/api/cases".into(),
            headers: vec![("Authorization".into(), bearer(&delegate)), json.clone()],
            body: Some(filing.to_string()),
        },
        Scenario {
            name: "caseload",
            method: "GET",
            path: "/api/mediators/me/caseload".into(),
            headers: vec![("Authorization".into(), bearer(&mediator))],
            body: None,
        },
        Scenario {
            name: "case_page",
            method: "GET",
            path: format!("/cases/{}", case.pid),
            headers: vec![("Cookie".into(), format!("redress_session={session}"))],
            body: None,
        },
        Scenario {
            name: "metrics",
            method: "GET",
            path: "/api/oversight/metrics".into(),
            headers: vec![("Authorization".into(), bearer(&oversight))],
            body: None,
        },
    ];
    let uploads = Uploads {
        bearer: bearer(&delegate),
        cases: upload_targets(ctx, &delegate, env_number("LOAD_UPLOADERS", 8)).await,
        mb: env_number("LOAD_UPLOAD_MB", 25),
    };
    (scenarios, mediator, uploads)
}

/// Redress as its own process: every scenario at every client count, then the caseload
/// paced. Gives the runs, the server's peak RSS after each client count, and the paced run.
fn run_redress(k: &Knobs, scenarios: &[Scenario]) -> (Results, BTreeMap<u64, f64>, Run) {
    let mut results = Results::new();
    let mut peak = BTreeMap::new();
    let (port, pool, seconds, threads) = (k.port, k.pool, k.seconds, k.threads);
    let (database_url, clients, pause) = (&k.database_url, &k.clients, k.pause);
    let bin = bin();
    let server = Server::start(
        "redress",
        Command::new(bin.join("redress-cli"))
            .args(["start", "-e", "test", "-n", "-p", &port.to_string()])
            .env("DATABASE_URL", database_url)
            .env("DB_TRUNCATE_AT_BOOT", "false")
            .env("DB_MAX_CONNECTIONS", pool.to_string())
            .current_dir(env!("CARGO_MANIFEST_DIR")),
        port,
        "/_ping",
    );
    let base = format!("http://127.0.0.1:{port}");
    for &c in clients {
        for s in scenarios.iter().filter(|s| k.runs(s.name)) {
            let run = drive(&server, &base, s, (c, None), seconds, threads);
            print_run(&format!("redress  {}", s.name), c, &run);
            results.insert((c, s.name), run);
        }
        peak.insert(c, server.peak_rss_mb());
        println!("redress peak RSS after {c} clients: {:.1} MB", peak[&c]);
    }
    let run = drive(
        &server,
        &base,
        &scenarios[1],
        (PACED_CLIENTS, Some(pause)),
        seconds,
        threads,
    );
    print_run("redress  caseload, paced", PACED_CLIENTS, &run);
    (results, peak, run)
}

/// The bare axum + sqlx baseline on the same database and pool: its caseload at every
/// client count, then paced.
fn run_baseline(k: &Knobs, mediator_id: i64) -> (BTreeMap<u64, Run>, Run) {
    let statuses = active_statuses().join(",");
    let mut baseline = BTreeMap::new();
    let baseline_port = k.port + 1;
    let (pool, seconds, threads, pause) = (k.pool, k.seconds, k.threads, k.pause);
    let bin = bin();
    let server = Server::start(
        "baseline",
        Command::new(bin.join("examples/baseline")).args([
            k.database_url.as_str(),
            &baseline_port.to_string(),
            &pool.to_string(),
            &statuses,
        ]),
        baseline_port,
        &format!("/caseload/{mediator_id}"),
    );
    let s = Scenario {
        name: "baseline",
        method: "GET",
        path: format!("/caseload/{mediator_id}"),
        headers: vec![],
        body: None,
    };
    for &c in &k.clients {
        let run = drive(
            &server,
            &format!("http://127.0.0.1:{baseline_port}"),
            &s,
            (c, None),
            seconds,
            threads,
        );
        print_run("baseline caseload", c, &run);
        baseline.insert(c, run);
    }
    let run = drive(
        &server,
        &format!("http://127.0.0.1:{baseline_port}"),
        &s,
        (PACED_CLIENTS, Some(pause)),
        seconds,
        threads,
    );
    print_run("baseline caseload, paced", PACED_CLIENTS, &run);
    (baseline, run)
}

/// The table of every run, and each figure against its goal.
fn report(
    backend: &str,
    results: &Results,
    baseline: &BTreeMap<u64, Run>,
    paced: &[(&str, &Run)],
    peak: &BTreeMap<u64, f64>,
) {
    println!();
    println!(
        "| {backend} | clients | req/s | p50 ms | p95 ms | p99 ms | errors | server CPU ms/req |"
    );
    println!("|---|---|---|---|---|---|---|---|");
    for ((c, name), r) in results {
        println!(
            "| {name} | {c} | {:.0} | {:.2} | {:.2} | {:.2} | {} | {:.3} |",
            r.rate(),
            r.p50,
            r.p95,
            r.p99,
            r.status_errors + r.socket_errors,
            r.cpu_ms()
        );
    }
    for (c, r) in baseline {
        println!(
            "| bare axum + sqlx caseload | {c} | {:.0} | {:.2} | {:.2} | {:.2} | {} | {:.3} |",
            r.rate(),
            r.p50,
            r.p95,
            r.p99,
            r.status_errors + r.socket_errors,
            r.cpu_ms()
        );
    }
    for (name, r) in paced {
        println!(
            "| {name} | {PACED_CLIENTS} | {:.0} | {:.2} | {:.2} | {:.2} | {} | {:.3} |",
            r.rate(),
            r.p50,
            r.p95,
            r.p99,
            r.status_errors + r.socket_errors,
            r.cpu_ms()
        );
    }
    println!();
    let verdict = |ok: bool| if ok { "PASS" } else { "MISS" };
    if let Some(f) = results.get(&(8, "filing")) {
        let ok = f.status_errors + f.socket_errors == 0 && f.rate() >= 1000.0;
        println!(
            "intake at 8 clients: {:.0} cases/s (goal ≥ 1000 on PostgreSQL) {}",
            f.rate(),
            verdict(ok)
        );
    }
    for (&c, b) in baseline {
        if let Some(r) = results.get(&(c, "caseload")) {
            let ratio = r.rate() / b.rate().max(f64::EPSILON);
            println!(
                "caseload at {c} clients: p95 {:.2} ms (goal ≤ 10) {}; {:.2} of the baseline's throughput (goal ≥ 0.7) {}",
                r.p95,
                verdict(r.p95 <= 10.0),
                ratio,
                verdict(ratio >= 0.7)
            );
            println!(
                "caseload at {c} clients: server CPU {:.3} ms a request against the baseline's {:.3} ({:.2} of its cost per request)",
                r.cpu_ms(),
                b.cpu_ms(),
                b.cpu_ms() / r.cpu_ms().max(f64::EPSILON)
            );
        }
    }
    // The first paced run is Redress's own.
    if let Some((_, r)) = paced.first() {
        println!(
            "caseload at {:.0} req/s from {PACED_CLIENTS} clients: p95 {:.2} ms (goal ≤ 10) {}",
            r.rate(),
            r.p95,
            verdict(r.p95 <= 10.0)
        );
    }
    if let Some(mb) = peak.values().copied().reduce(f64::max) {
        println!("peak RSS: {mb:.1} MB (goal ≤ 150) {}", verdict(mb <= 150.0));
    }
}

/// The uploads: who sends them, where.
struct Uploads {
    bearer: String,
    cases: Vec<uuid::Uuid>,
    mb: u64,
}

/// Open cases of `delegate`'s delegation that hold no documents yet, one per uploader.
async fn upload_targets(
    ctx: &loco_rs::app::AppContext,
    delegate: &redress::models::_entities::users::Model,
    n: u64,
) -> Vec<uuid::Uuid> {
    use redress::models::_entities::documents;
    use sea_orm::{sea_query::Query, QuerySelect};
    let holding = Query::select()
        .column(documents::Column::CaseId)
        .from(documents::Entity)
        .to_owned();
    cases::Entity::find()
        .select_only()
        .column(cases::Column::Pid)
        .filter(cases::Column::ComplainantDelegationId.eq(delegate.delegation_id))
        .filter(cases::Column::Status.is_in(active_statuses()))
        .filter(cases::Column::Id.not_in_subquery(holding))
        .order_by_asc(cases::Column::Id)
        .limit(n)
        .into_tuple::<uuid::Uuid>()
        .all(&ctx.db)
        .await
        .expect("open cases without documents")
}

/// Sends one file of `mb` MB as evidence to `case`, streamed in 64 KiB writes over a plain
/// socket as a browser would; gives the answer's status.
fn upload(port: u16, bearer: &str, case: uuid::Uuid, mb: u64) -> u16 {
    use std::io::Read;
    let boundary = "redress-bench-upload";
    let head = format!(
        "--{boundary}\r\nContent-Disposition: form-data; name=\"title\"\r\n\r\nSpeakers list, full session\r\n\
         --{boundary}\r\nContent-Disposition: form-data; name=\"language\"\r\n\r\nen\r\n\
         --{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"session.pdf\"\r\n\
         Content-Type: application/pdf\r\n\r\n"
    );
    let tail = format!("\r\n--{boundary}--\r\n");
    let size = usize::try_from(mb * 1024 * 1024).expect("a size");
    let length = head.len() + size + tail.len();
    let mut stream = std::net::TcpStream::connect(("127.0.0.1", port)).expect("connect");
    let _ = stream.set_read_timeout(Some(Duration::from_secs(300)));
    let request = format!(
        "POST /api/cases/{case}/documents HTTP/1.1\r\nHost: 127.0.0.1\r\n\
         Authorization: {bearer}\r\nContent-Type: multipart/form-data; boundary={boundary}\r\n\
         Content-Length: {length}\r\nConnection: close\r\n\r\n"
    );
    stream.write_all(request.as_bytes()).expect("headers");
    stream.write_all(head.as_bytes()).expect("fields");
    let mut block = vec![b' '; 64 * 1024];
    block[..9].copy_from_slice(b"%PDF-1.4\n");
    let mut sent = 0;
    while sent < size {
        let n = block.len().min(size - sent);
        stream.write_all(&block[..n]).expect("file");
        if sent == 0 {
            block[..9].fill(b' ');
        }
        sent += n;
    }
    stream.write_all(tail.as_bytes()).expect("end");
    let mut reply = String::new();
    let _ = stream.read_to_string(&mut reply);
    reply
        .split_whitespace()
        .nth(1)
        .and_then(|c| c.parse().ok())
        .unwrap_or(0)
}

/// The uploads scenario on a server of its own: every upload at once, then the server's
/// idle and peak resident memory against the goal.
fn run_uploads(k: &Knobs, uploads: &Uploads) {
    let port = k.port + 2;
    let server = Server::start(
        "redress (uploads)",
        Command::new(bin().join("redress-cli"))
            .args(["start", "-e", "test", "-n", "-p", &port.to_string()])
            .env("DATABASE_URL", &k.database_url)
            .env("DB_TRUNCATE_AT_BOOT", "false")
            .env("DB_MAX_CONNECTIONS", k.pool.to_string())
            .current_dir(env!("CARGO_MANIFEST_DIR")),
        port,
        "/_ping",
    );
    let idle = server.peak_rss_mb();
    let began = Instant::now();
    let statuses: Vec<u16> = std::thread::scope(|scope| {
        let handles: Vec<_> = uploads
            .cases
            .iter()
            .map(|case| scope.spawn(|| upload(port, &uploads.bearer, *case, uploads.mb)))
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().expect("an uploader"))
            .collect()
    });
    let seconds = began.elapsed().as_secs_f64();
    let peak = server.peak_rss_mb();
    let kept = statuses.iter().filter(|s| **s == 201).count();
    #[allow(clippy::cast_precision_loss)]
    let total = (uploads.mb * uploads.cases.len() as u64) as f64;
    println!();
    println!(
        "uploads: {} clients x {} MB at once: {kept} kept (statuses {statuses:?}) in {seconds:.1} s, {:.1} MB/s",
        uploads.cases.len(),
        uploads.mb,
        total / seconds.max(f64::EPSILON)
    );
    println!(
        "uploads: server RSS idle {idle:.1} MB, peak {peak:.1} MB (goal: peak < 200 MB): {}",
        if peak < 200.0 && kept == uploads.cases.len() {
            "met"
        } else {
            "NOT met"
        }
    );
}

#[tokio::main]
async fn main() {
    let k = Knobs::from_env();
    let (ctx, settings, backend, now, _) = support::boot_with_router().await;
    println!(
        "backend {backend}; {} cases; {} s per run; clients {:?}; pool {}",
        k.n, k.seconds, k.clients, k.pool
    );
    support::seed_or_reuse(&ctx, &settings, k.n, 1, 3, now).await;
    let (scenarios, mediator, uploads) = scenarios(&ctx, &settings, now).await;
    if k.only.iter().any(|o| o != "uploads") || k.only.is_empty() {
        let (results, peak, paced) = run_redress(&k, &scenarios);
        let (baseline, baseline_paced) = run_baseline(&k, mediator.id);
        report(
            &backend.to_string(),
            &results,
            &baseline,
            &[
                ("caseload, paced", &paced),
                ("bare axum + sqlx caseload, paced", &baseline_paced),
            ],
            &peak,
        );
    }
    if k.runs("uploads") {
        run_uploads(&k, &uploads);
    }
}
