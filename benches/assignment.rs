//! Benchmark of choosing a mediator (issue's figure: "choosing a mediator from 500 mediators
//! with 100k active cases stays under 20 ms").
//!
//! `cargo bench --bench assignment` (SQLite, the test database), or with
//! `DATABASE_URL=postgres://…/redress_bench` for PostgreSQL. It seeds the member states, 20
//! bodies, delegates, `BENCH_MEDIATORS` mediators with profiles and declared conflicts, and
//! `BENCH_CASES` cases in mediation spread evenly over them, each with its assignment; then
//! times `staffing::pick` (load the pool, apply the rule, explain it) on `BENCH_SAMPLES`
//! fresh cases between parties that already have cases, so that earlier involvement
//! excludes mediators; then times a few whole automatic assignments through the transition.
//! Prints PASS or FAIL for the p95 against `BENCH_TARGET_MS` and exits non-zero on FAIL.
//!
//! Environment: `BENCH_MEDIATORS` (default 500), `BENCH_CASES` (default 100000),
//! `BENCH_SAMPLES` (default 200), `BENCH_TARGET_MS` (default 20), `BENCH_EXPLANATION_BYTES`
//! (padding of each seeded assignment's stored explanation, default 0: a small JSON
//! document; real ones are about 16 KB with 500 mediators), `BENCH_KEEP` (set: leave the
//! seeded data in place at the end, to examine query plans). The database is emptied before
//! and after.
mod support;
use std::time::Instant;
use support::{env_number, Stats};

use chrono::{DateTime, Duration, Utc};
use indicatif::{ProgressBar, ProgressStyle};
use loco_rs::app::Hooks;
use redress::{
    app::App,
    models::{
        _entities::{
            assignments, case_co_complainants as co, cases, mediator_conflicts as conflicts,
            mediator_profiles as profiles,
        },
        bodies,
        cases::{
            actions::ActionInput,
            transition::{self, Command},
        },
        delegations,
        mediators::staffing::{self, Explanation, Pick},
        users::{self, Accreditation},
        vocabulary::{BodyKind, Locale, Role},
    },
};
use sea_orm::{
    ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter,
    QueryOrder, TransactionTrait,
};

// The benchmark seeds its own people and clocks; it shares the case rows.
#[allow(dead_code)]
#[path = "../tests/support/clocks.rs"]
mod clocks;

const BODIES: usize = 20;
/// Rows per INSERT: a case has about forty columns, and SQLite binds at most 32 766
/// parameters per statement.
const CHUNK: usize = 500;
const WARM_UP: usize = 5;
const THROUGH_TRANSITION: usize = 10;
/// Mediators' working languages, in the stored order (`en,fr,es,ar,zh,ru`).
const LANGUAGES: &[&str] = &[
    "en", "fr", "es", "en,fr", "en,es", "en,ar", "en,fr,es", "en,ru", "en,zh", "fr,es", "en",
    "en,fr",
];
/// Case languages, weighted: mostly English.
const CASE_LANGUAGES: &[&str] = &[
    "en", "en", "en", "en", "en", "en", "en", "fr", "fr", "es", "es", "ar",
];

/// SplitMix64: a fixed, well-spread pseudo-random number for each seed, so every run seeds
/// the same world.
fn mix(seed: u64) -> u64 {
    let mut z = seed.wrapping_add(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

fn pick_from<T: Copy>(items: &[T], seed: u64) -> T {
    items[(mix(seed) % items.len() as u64) as usize]
}

/// The reference data the cases point at.
struct World {
    /// Every member state's id, in id order.
    states: Vec<i64>,
    bodies: Vec<i64>,
    /// (delegation, delegate) for the delegations that file.
    delegates: Vec<(i64, i64)>,
    /// Mediators' user ids, in id order.
    mediators: Vec<i64>,
}

/// The parties and language of case `i`: a complainant among the delegations that file, a
/// respondent body (nine cases in ten) or delegation, now and then a co-complainant. About
/// 100 complainants and 20 bodies, so each pair comes back about 50 times in 100k cases.
struct Parties {
    complainant: (i64, i64),
    respondent_body: Option<i64>,
    respondent_delegation: Option<i64>,
    co_complainant: Option<i64>,
    language: &'static str,
}

fn parties(world: &World, i: u64, co_every: u64) -> Parties {
    let complainant = pick_from(&world.delegates, i);
    let r = mix(i ^ 0x00C0_FFEE);
    let (respondent_body, respondent_delegation) = if r.is_multiple_of(10) {
        let mut d = pick_from(&world.states, r);
        if d == complainant.0 {
            d = pick_from(&world.states, r + 1);
        }
        (None, Some(d))
    } else {
        (
            Some(world.bodies[(r / 10) as usize % world.bodies.len()]),
            None,
        )
    };
    let c = mix(i ^ 0x0000_BEEF);
    let co_complainant = c
        .is_multiple_of(co_every)
        .then(|| pick_from(&world.delegates, c / co_every).0)
        .filter(|d| *d != complainant.0 && Some(*d) != respondent_delegation);
    Parties {
        complainant,
        respondent_body,
        respondent_delegation,
        co_complainant,
        language: pick_from(CASE_LANGUAGES, i ^ 0x0001_0A06),
    }
}

fn case_row(
    i: i64,
    p: &Parties,
    forum: i64,
    status: &str,
    mediator: Option<i64>,
    at: DateTime<Utc>,
) -> cases::ActiveModel {
    clocks::case_row(
        &clocks::CaseSeed {
            id: i,
            complainant: p.complainant,
            body: forum,
            respondent_body: p.respondent_body,
            respondent_delegation: p.respondent_delegation,
            language: p.language,
            status,
            mediator,
        },
        at,
    )
}

#[tokio::main]
async fn main() {
    let n_mediators = env_number("BENCH_MEDIATORS", 500).max(1) as usize;
    let n_cases = env_number("BENCH_CASES", 100_000);
    let samples = env_number("BENCH_SAMPLES", 200).max(1) as usize;
    let target_ms = env_number("BENCH_TARGET_MS", 20) as f64;
    let padding = env_number("BENCH_EXPLANATION_BYTES", 0) as usize;
    let (ctx, settings, backend, now) = support::boot().await;
    println!(
        "backend {backend}; mediators {n_mediators}; active cases {n_cases}; samples {samples}; \
         exclude_same_regional_group {}",
        settings.assignment.exclude_same_regional_group
    );
    App::truncate(&ctx).await.expect("empty the database");

    let seeded = Instant::now();
    let world = world(&ctx, n_mediators, now).await;
    seed(&ctx, &world, n_cases, padding, now).await;
    println!(
        "seeded {} mediators, {} conflicts, {n_cases} active cases with their assignments, {} \
         co-complainants in {:.1} s",
        world.mediators.len(),
        conflicts::Entity::find()
            .count(&ctx.db)
            .await
            .expect("count"),
        co::Entity::find().count(&ctx.db).await.expect("count"),
        seeded.elapsed().as_secs_f64()
    );

    // Fresh cases awaiting a mediator, between parties that already have cases.
    let targets = WARM_UP + samples + THROUGH_TRANSITION;
    let registrar = awaiting(&ctx, &settings, &world, n_cases, targets, now).await;
    let fresh = cases::Entity::find()
        .filter(cases::Column::Status.eq("under_assessment"))
        .order_by_asc(cases::Column::Id)
        .all(&ctx.db)
        .await
        .expect("fresh cases");
    let (to_pick, to_transition) = fresh.split_at(WARM_UP + samples);

    let stats = time_picks(
        &ctx,
        &settings,
        to_pick,
        samples,
        world.mediators.len(),
        n_cases,
    )
    .await;
    time_assignments(&ctx, &registrar, to_transition, now).await;

    if std::env::var("BENCH_KEEP").is_err() {
        App::truncate(&ctx).await.expect("empty the database");
    }
    if stats.p95 <= target_ms {
        println!(
            "PASS: p95 {:.2} ms <= {target_ms} ms to choose a mediator from {} mediators with \
             {n_cases} active cases ({backend})",
            stats.p95,
            world.mediators.len()
        );
    } else {
        println!(
            "FAIL: p95 {:.2} ms > {target_ms} ms to choose a mediator from {} mediators with \
             {n_cases} active cases ({backend})",
            stats.p95,
            world.mediators.len()
        );
        std::process::exit(1);
    }
}

/// `targets` fresh cases awaiting a mediator, between parties that already have cases, and
/// the registrar who assigns them.
async fn awaiting(
    ctx: &loco_rs::app::AppContext,
    settings: &redress::settings::Settings,
    world: &World,
    n_cases: u64,
    targets: usize,
    now: DateTime<Utc>,
) -> users::Model {
    let first = n_cases as i64 + 1;
    let targets = targets as i64;
    let txn = ctx.db.begin().await.expect("begin");
    let mut rows = Vec::new();
    let mut co_rows = Vec::new();
    for i in first..first + targets {
        // Seeds from the seeded cases' range: the same pairs come back.
        let p = parties(world, mix(i as u64) % n_cases.max(1) + 1, 10);
        if let Some(d) = p.co_complainant {
            co_rows.push(co::ActiveModel {
                case_id: Set(i),
                delegation_id: Set(d),
                created_at: Set(now.into()),
                updated_at: Set(now.into()),
            });
        }
        rows.push(case_row(
            i,
            &p,
            world.bodies[0],
            "under_assessment",
            None,
            now,
        ));
    }
    cases::Entity::insert_many(rows)
        .exec_without_returning(&txn)
        .await
        .expect("cases");
    if !co_rows.is_empty() {
        co::Entity::insert_many(co_rows)
            .exec_without_returning(&txn)
            .await
            .expect("co-complainants");
    }
    let registrar = users::accredit(
        &txn,
        settings,
        Accreditation {
            email: "registrar@bench.example".into(),
            name: "Registrar".into(),
            role: Role::Registrar,
            delegation: None,
            body: None,
            locale: Locale::En,
            zone: chrono_tz::Europe::Zurich,
            password: None,
        },
        now,
    )
    .await
    .expect("registrar");
    txn.commit().await.expect("commit");
    maintain(ctx, &["cases", "case_co_complainants"]).await;
    registrar
}

/// Times the rule's choice (`staffing::pick`) for each case of `to_pick`, after a warm-up,
/// prints the figures and gives them.
async fn time_picks(
    ctx: &loco_rs::app::AppContext,
    settings: &redress::settings::Settings,
    to_pick: &[cases::Model],
    samples: usize,
    mediators: usize,
    n_cases: u64,
) -> Stats {
    let mut times = Vec::with_capacity(samples);
    let (mut found, mut nobody) = (0_usize, 0_usize);
    let (mut excluded, mut earlier, mut eligible) = (0_usize, 0_usize, 0_usize);
    for (k, case) in to_pick.iter().enumerate() {
        let co_ids = case.co_complainant_ids(&ctx.db).await.expect("co");
        let t = Instant::now();
        let pick = staffing::pick(&ctx.db, settings, case, &co_ids, None, None)
            .await
            .expect("pick");
        let took = t.elapsed();
        if k < WARM_UP {
            continue;
        }
        times.push(took);
        let explanation: &Explanation = match &pick {
            Pick::Chosen { explanation, .. } => {
                found += 1;
                explanation
            }
            Pick::Nobody(explanation) => {
                nobody += 1;
                explanation
            }
        };
        excluded += explanation.excluded.len();
        eligible += explanation.eligible;
        earlier += explanation
            .excluded
            .iter()
            .filter(|e| e.reasons.iter().any(|r| r.code == "earlier_involvement"))
            .count();
    }
    let stats = Stats::of(&mut times);
    let per = |x: usize| x as f64 / samples as f64;
    println!(
        "pick   mediators={} active cases={n_cases} samples={samples}  median {:.2} ms  p95 {:.2} \
         ms  max {:.2} ms",
        mediators, stats.median, stats.p95, stats.max
    );
    println!(
        "       chosen {found}, nobody {nobody}; per pick: {:.1} excluded ({:.1} for earlier \
         involvement), {:.1} eligible",
        per(excluded),
        per(earlier),
        per(eligible)
    );

    stats
}

/// Times the whole automatic assignment through the transition (transaction, pick, clocks,
/// assignment row, load, event and notices) for each case of `to_transition`.
async fn time_assignments(
    ctx: &loco_rs::app::AppContext,
    registrar: &users::Model,
    to_transition: &[cases::Model],
    now: DateTime<Utc>,
) {
    let actor = registrar.actor().expect("actor");
    let mut whole = Vec::with_capacity(to_transition.len());
    for case in to_transition {
        let t = Instant::now();
        // A request reads its policy (the calendar is kept per node) and acts.
        let policy = redress::policy::Policy::of_at(ctx, now)
            .await
            .expect("policy");
        let after = transition::transition(
            &ctx.db,
            &policy,
            &actor,
            case.pid,
            Command::of(ActionInput::AssignMediator {
                mediator: None,
                override_reason: None,
            }),
        )
        .await
        .expect("assign");
        whole.push(t.elapsed());
        assert!(
            after.mediator_id.is_some(),
            "{} got nobody",
            after.reference
        );
    }
    let recorded = assignments::Entity::find()
        .filter(assignments::Column::CaseId.is_in(to_transition.iter().map(|c| c.id)))
        .all(&ctx.db)
        .await
        .expect("assignments");
    let sizes: usize = recorded.iter().map(|a| a.explanation.len()).sum();
    let whole_stats = Stats::of(&mut whole);
    println!(
        "assign through the transition ({} cases): median {:.2} ms  max {:.2} ms; stored \
         explanations average {:.1} KB",
        whole.len(),
        whole_stats.median,
        whole_stats.max,
        sizes as f64 / recorded.len().max(1) as f64 / 1024.0
    );
}

/// On PostgreSQL, brings the sequences past explicit ids and lets the planner know the
/// sizes, as autovacuum would.
async fn maintain(ctx: &loco_rs::app::AppContext, tables: &[&str]) {
    if ctx.db.get_database_backend() != sea_orm::DatabaseBackend::Postgres {
        return;
    }
    ctx.db
        .execute_unprepared(
            "SELECT setval(pg_get_serial_sequence('cases', 'id'), (SELECT MAX(id) FROM cases))",
        )
        .await
        .expect("sequence");
    for t in tables {
        ctx.db
            .execute_unprepared(&format!("ANALYZE {t}"))
            .await
            .expect("analyze");
    }
}

/// Member states, bodies, one delegate for every other member state, and the mediators
/// (users only: their profiles follow the cases, which give their loads).
async fn world(ctx: &loco_rs::app::AppContext, n_mediators: usize, now: DateTime<Utc>) -> World {
    let txn = ctx.db.begin().await.expect("begin");
    delegations::load_member_states(&txn, now)
        .await
        .expect("states");
    let states: Vec<i64> = delegations::Entity::find()
        .order_by_asc(delegations::Column::Id)
        .all(&txn)
        .await
        .expect("states")
        .into_iter()
        .map(|d| d.id)
        .collect();
    let kinds = [
        BodyKind::Committee,
        BodyKind::Conference,
        BodyKind::WorkingGroup,
        BodyKind::Council,
    ];
    let mut body_ids = Vec::with_capacity(BODIES);
    for b in 0..BODIES {
        let body = bodies::create(
            &txn,
            &format!("BODY{b:02}"),
            &format!("Body number {b}"),
            &bodies::Translations::new(),
            kinds[b % kinds.len()],
            now,
        )
        .await
        .expect("body");
        body_ids.push(body.id);
    }
    let person = |email: String, name: String, role: Role, delegation: i64| users::ActiveModel {
        pid: Set(uuid::Uuid::new_v4()),
        email: Set(email),
        // Not a password hash: nobody signs in as these people.
        password: Set("!".into()),
        api_key: Set(format!("rd-{}", uuid::Uuid::new_v4().simple())),
        name: Set(name),
        role: Set(role.to_string()),
        delegation_id: Set(Some(delegation)),
        body_id: Set(None),
        locale: Set(Locale::En.to_string()),
        time_zone: Set("Europe/Zurich".into()),
        active: Set(true),
        reset_token_hash: Set(None),
        reset_sent_at: Set(None),
        created_at: Set(now.into()),
        updated_at: Set(now.into()),
        ..Default::default()
    };
    let delegate_rows: Vec<_> = states
        .iter()
        .step_by(2)
        .map(|d| {
            person(
                format!("delegate-{d}@bench.example"),
                format!("Delegate {d}"),
                Role::Delegate,
                *d,
            )
        })
        .collect();
    users::Entity::insert_many(delegate_rows)
        .exec_without_returning(&txn)
        .await
        .expect("delegates");
    let mediator_rows: Vec<_> = (0..n_mediators)
        .map(|k| {
            person(
                format!("mediator-{k:04}@bench.example"),
                format!("Mediator {k:04}"),
                Role::Mediator,
                states[k % states.len()],
            )
        })
        .collect();
    for chunk in mediator_rows.chunks(CHUNK) {
        users::Entity::insert_many(chunk.to_vec())
            .exec_without_returning(&txn)
            .await
            .expect("mediators");
    }
    let of_role = |role: Role| {
        users::Entity::find()
            .filter(users::Column::Role.eq(role.to_string()))
            .order_by_asc(users::Column::Id)
            .all(&txn)
    };
    let delegates = of_role(Role::Delegate)
        .await
        .expect("delegates")
        .into_iter()
        .map(|u| (u.delegation_id.expect("delegation"), u.id))
        .collect();
    let mediators: Vec<i64> = of_role(Role::Mediator)
        .await
        .expect("mediators")
        .into_iter()
        .map(|u| u.id)
        .collect();
    // Declared conflicts: one delegation each, and a body for every other mediator.
    let mut conflict_rows = Vec::new();
    for (k, m) in mediators.iter().enumerate() {
        let row = |delegation_id: Option<i64>, body_id: Option<i64>| conflicts::ActiveModel {
            mediator_id: Set(*m),
            delegation_id: Set(delegation_id),
            body_id: Set(body_id),
            created_at: Set(now.into()),
            updated_at: Set(now.into()),
            ..Default::default()
        };
        conflict_rows.push(row(Some(pick_from(&states, k as u64 ^ 0x00DE_C1A5)), None));
        if k.is_multiple_of(2) {
            conflict_rows.push(row(None, Some(body_ids[(k / 2) % body_ids.len()])));
        }
    }
    for chunk in conflict_rows.chunks(CHUNK) {
        conflicts::Entity::insert_many(chunk.to_vec())
            .exec_without_returning(&txn)
            .await
            .expect("conflicts");
    }
    txn.commit().await.expect("commit");
    World {
        states,
        bodies: body_ids,
        delegates,
        mediators,
    }
}

/// `n` cases in mediation over the past two years, mediators in turn, each with the
/// assignment that gave it to them; then the mediators' profiles with the loads and last
/// assignments those cases make.
async fn seed(
    ctx: &loco_rs::app::AppContext,
    world: &World,
    n: u64,
    padding: usize,
    now: DateTime<Utc>,
) {
    let bar = ProgressBar::new(n).with_style(
        ProgressStyle::with_template("seeding {bar:40} {pos}/{len} cases {per_sec} eta {eta}")
            .expect("template"),
    );
    // `pick` never reads a stored explanation; its size matters only to what loading an
    // assignment row costs.
    // Padding is pseudo-random hex, so that it compresses about as badly as real
    // explanations (names, pids) would.
    let noise: String = (0..padding.div_ceil(16) as u64)
        .map(|k| format!("{:016x}", mix(k)))
        .collect();
    let explanation = serde_json::json!({
        "method": "automatic",
        "seeded": true,
        "padding": &noise[..padding],
    })
    .to_string();
    let span = Duration::days(730).num_seconds();
    let mut loads = vec![0_i64; world.mediators.len()];
    let mut last = vec![None::<DateTime<Utc>>; world.mediators.len()];
    let mut id = 0_u64;
    while id < n {
        let upto = (id + CHUNK as u64).min(n);
        let mut case_rows = Vec::new();
        let mut assignment_rows = Vec::new();
        let mut co_rows = Vec::new();
        for i in id + 1..=upto {
            let at =
                now - Duration::seconds(span - span * i as i64 / n as i64) - Duration::hours(1);
            let k = (i - 1) as usize % world.mediators.len();
            let mediator = world.mediators[k];
            loads[k] += 1;
            last[k] = Some(at);
            let p = parties(world, i, 50);
            if let Some(d) = p.co_complainant {
                co_rows.push(co::ActiveModel {
                    case_id: Set(i as i64),
                    delegation_id: Set(d),
                    created_at: Set(at.into()),
                    updated_at: Set(at.into()),
                });
            }
            case_rows.push(case_row(
                i as i64,
                &p,
                world.bodies[i as usize % world.bodies.len()],
                "in_mediation",
                Some(mediator),
                at,
            ));
            assignment_rows.push(assignments::ActiveModel {
                pid: Set(uuid::Uuid::new_v4()),
                case_id: Set(i as i64),
                mediator_id: Set(Some(mediator)),
                method: Set("automatic".into()),
                override_reason: Set(None),
                explanation: Set(explanation.clone()),
                assigned_by_id: Set(None),
                assigned_at: Set(at.into()),
                ended_at: Set(None),
                end_reason: Set(None),
                created_at: Set(at.into()),
                updated_at: Set(at.into()),
                ..Default::default()
            });
        }
        let txn = ctx.db.begin().await.expect("begin");
        cases::Entity::insert_many(case_rows)
            .exec_without_returning(&txn)
            .await
            .expect("cases");
        if !co_rows.is_empty() {
            co::Entity::insert_many(co_rows)
                .exec_without_returning(&txn)
                .await
                .expect("co-complainants");
        }
        assignments::Entity::insert_many(assignment_rows)
            .exec_without_returning(&txn)
            .await
            .expect("assignments");
        txn.commit().await.expect("commit");
        bar.inc(upto - id);
        id = upto;
    }
    bar.finish_and_clear();
    // Capacity 300; one in 40 is exactly at capacity, one in 30 on leave.
    let profile_rows: Vec<_> = world
        .mediators
        .iter()
        .enumerate()
        .map(|(k, m)| profiles::ActiveModel {
            user_id: Set(*m),
            languages: Set(LANGUAGES[k % LANGUAGES.len()].into()),
            capacity: Set(if k % 40 == 11 { loads[k] } else { 300 }),
            on_leave: Set(k % 30 == 7),
            active_cases: Set(loads[k]),
            last_assigned_at: Set(last[k].map(Into::into)),
            created_at: Set(now.into()),
            updated_at: Set(now.into()),
            ..Default::default()
        })
        .collect();
    let txn = ctx.db.begin().await.expect("begin");
    for chunk in profile_rows.chunks(CHUNK) {
        profiles::Entity::insert_many(chunk.to_vec())
            .exec_without_returning(&txn)
            .await
            .expect("profiles");
    }
    txn.commit().await.expect("commit");
    maintain(
        ctx,
        &[
            "users",
            "cases",
            "case_co_complainants",
            "assignments",
            "mediator_profiles",
            "mediator_conflicts",
        ],
    )
    .await;
}
