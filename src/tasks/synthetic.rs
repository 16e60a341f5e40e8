//! `cargo loco task data:synthesize n:1000000 seed:1 years:3`: realistic synthetic cases for
//! measuring oversight's figures at scale.
//!
//! Cases are filed over the last `years` years (slightly more in recent months, fewer on
//! closed days), by every member state's delegation but more often by small states (LDC,
//! SIDS and LLDC delegations file more than the others), about every body, in every
//! category, mostly in English. Each case follows a lifecycle planned from its filing
//! (registration, eligibility, dismissal or mediation, a response, settlement or review,
//! monitoring, closure, now and then a withdrawal, an appeal, a hold or an extension) with
//! step durations drawn around the configured clocks, and is cut at `now`: its status, its
//! timing columns and its clocks (acknowledge, eligibility, and for mediated cases
//! resolution and formal response, met on time, late, still running or overdue) are what
//! the app would hold at that instant. Due dates come from the organization's calendar and
//! the configured timelines, exactly as the app computes them.
//!
//! The same seed over the same database gives the same rows (pids included): every draw
//! comes from one ChaCha8 generator. Rows are written 1000 cases per transaction with
//! explicit ids continuing after the largest existing one; references continue each year's
//! counter. Reference data (member states, a handful of bodies) is loaded when missing, and
//! the synthetic people (one delegate per delegation, one respondent official per body, a
//! registrar, mediators with profiles) are created once and reused by later runs.
use std::collections::{BTreeMap, HashMap, HashSet};

use chrono::{DateTime, Datelike, Duration, NaiveTime, TimeZone, Utc};
use indicatif::{ProgressBar, ProgressStyle};
use loco_rs::{
    app::AppContext,
    task::{Task, TaskInfo, Vars},
    Error, Result,
};
use rand::{
    distr::{weighted::WeightedIndex, Distribution},
    seq::SliceRandom,
    Rng, SeedableRng,
};
use rand_chacha::ChaCha8Rng;
use sea_orm::{
    sea_query::{Expr, OnConflict},
    ActiveValue::Set,
    ColumnTrait, ConnectionTrait, DatabaseBackend, DatabaseConnection, EntityTrait, PaginatorTrait,
    QueryFilter, QueryOrder, QuerySelect, TransactionTrait,
};
use uuid::Uuid;

use crate::{
    errors::{AppError, AppResult},
    models::{
        _entities::{
            bodies as body_rows, cases, deadlines, extension_requests, holds, mediator_profiles,
            reference_counters, users,
        },
        bodies,
        cases::CaseStatus,
        deadlines::{
            calendar::{Calendar, DayUnit},
            clock::{self, ClockSpec, Due, Pause},
            unit_name,
        },
        delegations, holidays,
        oversight::figures,
        reminders,
        vocabulary::{
            BodyKind, Category, DeadlineKind, DismissalReason, Locale, Outcome, Role, Urgency,
        },
    },
    settings::Settings,
};

/// Synthetic people's emails end with this domain, so later runs find and reuse them.
const DOMAIN: &str = "synthetic.redress.example";
/// Cases per transaction.
const CHUNK: usize = 1000;
/// Bind parameters per INSERT statement, under PostgreSQL's 65535 (and SQLite's limit).
const MAX_PARAMS: usize = 30_000;

/// Bodies created when the database has none: (code, name, kind).
const BODIES: &[(&str, &str, BodyKind)] = &[
    ("HRC", "Human Rights Council", BodyKind::Council),
    (
        "GA-C3",
        "General Assembly Third Committee",
        BodyKind::Committee,
    ),
    ("COP", "Conference of the Parties", BodyKind::Conference),
    ("WHA", "World Health Assembly", BodyKind::Conference),
    ("ECOSOC", "Economic and Social Council", BodyKind::Council),
    (
        "GA-C1",
        "General Assembly First Committee",
        BodyKind::Committee,
    ),
    (
        "OEWG-ICT",
        "Open-ended Working Group on ICT security",
        BodyKind::WorkingGroup,
    ),
    (
        "DGACM",
        "Department for General Assembly and Conference Management",
        BodyKind::Secretariat,
    ),
];

/// (category, weight, dismissed per thousand decisions, titles)
const CATEGORIES: &[(Category, u32, u32, &[&str])] = &[
    (
        Category::SpeakingTime,
        18,
        220,
        &[
            "Speaking slot cut before the delegation could take the floor",
            "Speakers' list closed without the announced notice",
            "Time limit applied to our statement but not to others",
        ],
    ),
    (
        Category::AgendaSetting,
        12,
        300,
        &[
            "Agenda item dropped without notice",
            "Proposed agenda item never circulated to the bureau",
        ],
    ),
    (
        Category::DocumentAccess,
        14,
        240,
        &[
            "Draft outcome circulated too late to consult capital",
            "Working documents not available in an official language",
        ],
    ),
    (
        Category::Interpretation,
        10,
        200,
        &[
            "No interpretation during informal consultations",
            "Interpretation withdrawn when the meeting overran",
        ],
    ),
    (
        Category::Scheduling,
        10,
        280,
        &[
            "Informal consultations scheduled in parallel with the plenary",
            "Meeting moved at short notice to a slot the delegation could not attend",
        ],
    ),
    (
        Category::VotingProcedure,
        6,
        260,
        &[
            "Recorded vote taken while the delegation was out of the room",
            "Request for a separate vote not put to the meeting",
        ],
    ),
    (
        Category::ChairConduct,
        9,
        330,
        &[
            "Chair ruled the delegation out of order without basis",
            "Chair's summary misrepresented the delegation's position",
        ],
    ),
    (
        Category::ExclusionFromConsultations,
        12,
        250,
        &[
            "Delegation left out of the facilitator's consultations",
            "Closed-door consultations excluded small delegations",
        ],
    ),
    (
        Category::Retaliation,
        4,
        180,
        &[
            "Side event refused after the delegation filed a grievance",
            "Delegation dropped from a drafting group after raising a complaint",
        ],
    ),
    (
        Category::Other,
        5,
        450,
        &[
            "Badge accreditation delayed for the whole delegation",
            "Meeting room too small for the registered delegations",
        ],
    ),
];

const FACTS: &[&str] = &[
    "The delegation had registered on the list of speakers within the deadline announced in the journal.",
    "The secretariat confirmed receipt of the request by email but no action followed before the meeting.",
    "Our permanent representative raised the matter from the floor; the chair did not respond.",
    "Other delegations of a similar size were treated differently in the same session.",
    "The document was posted on the portal only in one language, four hours before the decision was taken.",
    "The informal consultations were announced orally at the end of a late-evening meeting.",
    "The delegation consists of two diplomats covering all Main Committees at the same time.",
    "A written request was sent to the bureau the following morning and is attached to this grievance.",
    "The meeting summary records our position inaccurately and was adopted without a chance to comment.",
    "Interpretation services ended at 18:00 although the meeting continued for another two hours.",
    "The facilitator invited a limited group of delegations, which did not include any small island state.",
    "We were informed that the matter fell outside the chair's responsibility and should be taken up elsewhere.",
    "This is the second time in the current cycle that the delegation has been affected in this way.",
    "The decision was adopted without a vote while the delegation was attending a parallel meeting.",
];

const REMEDIES: &[&str] = &[
    "Reinstatement of the speaking slot at the next meeting.",
    "Circulation of the documents in all official languages with a new deadline for comments.",
    "A correction to the meeting summary.",
    "Inclusion in future informal consultations on this item.",
    "A written explanation from the chair and assurances for the rest of the session.",
    "Rescheduling of the consultations so that small delegations can attend.",
    "Acknowledgement of the error in the report of the session.",
];

const DISMISSAL_REASONS: &[(DismissalReason, u32)] = &[
    (DismissalReason::OutsideMandate, 22),
    (DismissalReason::NotProcedural, 20),
    (DismissalReason::TimeBarred, 14),
    (DismissalReason::DuplicateOfPendingCase, 8),
    (DismissalReason::AnonymousOrUnidentified, 3),
    (DismissalReason::ManifestlyUnfounded, 16),
    (DismissalReason::ResolvedBeforeRegistration, 10),
    (DismissalReason::Other, 7),
];

const HOLD_REASONS: &[&str] = &[
    "Awaiting information from the complainant's capital.",
    "Referred to the bureau for consultation.",
    "Session recess: parties unavailable.",
];

/// Languages of filing by the complainant's regional group: weights of en, fr, es, ar, zh,
/// ru.
fn language_weights(group: &str) -> [u32; 6] {
    match group {
        "african" => [52, 34, 0, 14, 0, 0],
        "asia_pacific" => [78, 1, 0, 12, 7, 2],
        "eastern_european" => [72, 2, 0, 0, 0, 26],
        "latin_american_caribbean" => [38, 3, 59, 0, 0, 0],
        "western_european_others" => [78, 13, 9, 0, 0, 0],
        _ => [90, 4, 3, 1, 1, 1],
    }
}

const LANGUAGES: [&str; 6] = ["en", "fr", "es", "ar", "zh", "ru"];

/// What a run wrote.
#[derive(Clone, Debug, Default)]
pub struct Summary {
    pub cases: u64,
    pub deadlines: u64,
    pub holds: u64,
    pub extension_requests: u64,
    pub first_id: i64,
    pub last_id: i64,
    /// Filing period.
    pub from: Option<DateTime<Utc>>,
    pub to: Option<DateTime<Utc>>,
    pub delegations_loaded: usize,
    pub bodies_created: usize,
    pub users_created: usize,
    pub mediators: usize,
    pub by_status: BTreeMap<String, u64>,
    pub seconds: f64,
    /// Filing days whose oversight summaries were computed, and the time it took (part of
    /// `seconds`).
    pub summaries: u64,
    pub summarizing_seconds: f64,
}

impl std::fmt::Display for Summary {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let day = |t: Option<DateTime<Utc>>| t.map(|t| t.date_naive().to_string());
        write!(
            f,
            "synthesized {} cases (ids {}..={}) filed {}..{}, {} clocks, {} holds, {} extension \
             requests in {:.1} s ({} oversight summaries in {:.1} s); {} member states loaded, {} bodies and {} people created, {} \
             mediators; by status: {}",
            self.cases,
            self.first_id,
            self.last_id,
            day(self.from).unwrap_or_default(),
            day(self.to).unwrap_or_default(),
            self.deadlines,
            self.holds,
            self.extension_requests,
            self.seconds,
            self.summaries,
            self.summarizing_seconds,
            self.delegations_loaded,
            self.bodies_created,
            self.users_created,
            self.mediators,
            self.by_status
                .iter()
                .map(|(s, n)| format!("{s} {n}"))
                .collect::<Vec<_>>()
                .join(", ")
        )
    }
}

/// `data:synthesize`.
pub struct Synthesize;

#[async_trait::async_trait]
impl Task for Synthesize {
    fn task(&self) -> TaskInfo {
        TaskInfo {
            name: "data:synthesize".to_string(),
            detail: "Insert N realistic synthetic cases with their clocks over the last years, \
                     reproducibly [n:10000] [seed:1] [years:3] [now:<RFC 3339>]"
                .to_string(),
        }
    }

    async fn run(&self, ctx: &AppContext, vars: &Vars) -> Result<()> {
        let number = |name: &str, default: u64| -> Result<u64> {
            vars.cli.get(name).map_or(Ok(default), |raw| {
                raw.trim()
                    .replace('_', "")
                    .parse()
                    .map_err(|_| Error::Message(format!("{name}: `{raw}` is not a whole number")))
            })
        };
        let n = number("n", 10_000)?;
        let seed = number("seed", 1)?;
        let years = u32::try_from(number("years", 3)?)
            .ok()
            .filter(|y| (1..=50).contains(y))
            .ok_or_else(|| Error::Message("years: between 1 and 50".into()))?;
        let now = super::notices::now_from(vars)?.unwrap_or_else(|| crate::clock::now(ctx));
        let settings = Settings::of(ctx)?;
        let summary = synthesize(&ctx.db, &settings, n, seed, years, now, true)
            .await
            .map_err(Error::from)?;
        println!("{summary}");
        Ok(())
    }
}

/// The reference data and people the cases point at.
struct World {
    /// (id, regional group, LDC or SIDS) of every delegation, in id order.
    states: Vec<(i64, String, bool)>,
    /// Filing weight of each delegation (same order).
    weights: Vec<f64>,
    /// Delegate (user id) of each delegation (same order).
    delegates: Vec<i64>,
    /// (id, kind) of every body, in id order, and the forum weights.
    bodies: Vec<(i64, String)>,
    body_weights: Vec<f64>,
    /// Respondent official of each body (same order).
    officials: Vec<i64>,
    /// A body of the secretariat, answering for conference services.
    secretariat: Option<usize>,
    registrar: i64,
    /// (user id, nationality) of each mediator.
    mediators: Vec<(i64, Option<i64>)>,
    /// Mediators speaking each language of [`LANGUAGES`] (indices into `mediators`).
    speakers: [Vec<usize>; 6],
}

/// (email, name, role, delegation, body)
type Person = (String, String, Role, Option<i64>, Option<i64>);

fn email(local: &str) -> String {
    format!("{local}@{DOMAIN}")
}

/// A version-4 UUID from the generator, so that a seed reproduces the pids.
fn uuid_from(rng: &mut ChaCha8Rng) -> Uuid {
    uuid::Builder::from_random_bytes(rng.random()).into_uuid()
}

/// A standard normal draw (Box–Muller).
fn normal(rng: &mut ChaCha8Rng) -> f64 {
    let u1: f64 = 1.0 - rng.random::<f64>();
    let u2: f64 = rng.random();
    (-2.0 * u1.ln()).sqrt() * (std::f64::consts::TAU * u2).cos()
}

fn mediator_languages(k: usize) -> Vec<&'static str> {
    let mut out = vec!["en"];
    if k.is_multiple_of(3) {
        out.push("fr");
    }
    if k % 4 == 1 {
        out.push("es");
    }
    if k % 6 == 2 {
        out.push("ar");
    }
    if k % 8 == 3 {
        out.push("zh");
    }
    if k % 8 == 5 {
        out.push("ru");
    }
    out
}

#[allow(clippy::too_many_lines)]
async fn world(
    db: &DatabaseConnection,
    settings: &Settings,
    rng: &mut ChaCha8Rng,
    n: u64,
    now: DateTime<Utc>,
    summary: &mut Summary,
) -> AppResult<World> {
    let txn = db.begin().await?;
    if delegations::Entity::find().count(&txn).await? == 0 {
        summary.delegations_loaded = delegations::load_member_states(&txn, now).await?;
    }
    if body_rows::Entity::find().count(&txn).await? == 0 {
        for (code, name, kind) in BODIES {
            bodies::create(&txn, code, name, *kind, now).await?;
            summary.bodies_created += 1;
        }
    }
    let states: Vec<delegations::Model> = delegations::Entity::find()
        .order_by_asc(delegations::Column::Id)
        .all(&txn)
        .await?;
    let all_bodies: Vec<body_rows::Model> = body_rows::Entity::find()
        .order_by_asc(body_rows::Column::Id)
        .all(&txn)
        .await?;
    let mediators_wanted = usize::try_from((n / 5000).clamp(12, 200)).unwrap_or(200);

    // The synthetic people, created once.
    let existing: HashSet<String> = users::Entity::find()
        .select_only()
        .column(users::Column::Email)
        .filter(users::Column::Email.like(format!("%@{DOMAIN}")))
        .into_tuple::<String>()
        .all(&txn)
        .await?
        .into_iter()
        .collect();
    // (email, name, role, delegation, body)
    let mut wanted: Vec<Person> = Vec::new();
    for s in &states {
        wanted.push((
            email(&format!("delegate.{}", s.code.to_lowercase())),
            format!("Delegate of {}", s.name),
            Role::Delegate,
            Some(s.id),
            None,
        ));
    }
    for b in &all_bodies {
        wanted.push((
            email(&format!("official.{}", b.code.to_lowercase())),
            format!("Official of {}", b.code),
            Role::Respondent,
            None,
            Some(b.id),
        ));
    }
    wanted.push((
        email("registrar"),
        "Synthetic registrar".into(),
        Role::Registrar,
        None,
        None,
    ));
    for k in 0..mediators_wanted {
        // Nationalities spread over the member states.
        let nationality = (!states.is_empty()).then(|| states[(k * 37 + 11) % states.len()].id);
        wanted.push((
            email(&format!("mediator.{k:03}")),
            format!("Mediator {k:03}"),
            Role::Mediator,
            nationality,
            None,
        ));
    }
    let rows: Vec<users::ActiveModel> = wanted
        .iter()
        .filter(|(e, ..)| !existing.contains(e))
        .map(|(e, name, role, delegation, body)| users::ActiveModel {
            pid: Set(uuid_from(rng)),
            email: Set(e.clone()),
            // Not a password hash: nobody signs in as these people.
            password: Set("!".into()),
            api_key: Set(format!("rd-{}", uuid_from(rng).simple())),
            name: Set(name.clone()),
            role: Set(role.to_string()),
            delegation_id: Set(*delegation),
            body_id: Set(*body),
            locale: Set(Locale::En.to_string()),
            time_zone: Set("Europe/Zurich".into()),
            active: Set(true),
            reset_token_hash: Set(None),
            reset_sent_at: Set(None),
            calendar_token_hash: Set(None),
            created_at: Set(now.into()),
            updated_at: Set(now.into()),
            ..Default::default()
        })
        .collect();
    summary.users_created = rows.len();
    for chunk in rows.chunks(MAX_PARAMS / 16) {
        users::Entity::insert_many(chunk.to_vec())
            .exec_without_returning(&txn)
            .await?;
    }
    let people: HashMap<String, users::Model> = users::Entity::find()
        .filter(users::Column::Email.like(format!("%@{DOMAIN}")))
        .all(&txn)
        .await?
        .into_iter()
        .map(|u| (u.email.clone(), u))
        .collect();
    let id_of = |e: &str| {
        people
            .get(e)
            .map(|u| u.id)
            .ok_or_else(|| AppError::Internal(format!("synthetic user {e} missing")))
    };
    let delegates = states
        .iter()
        .map(|s| id_of(&email(&format!("delegate.{}", s.code.to_lowercase()))))
        .collect::<AppResult<Vec<i64>>>()?;
    let officials = all_bodies
        .iter()
        .map(|b| id_of(&email(&format!("official.{}", b.code.to_lowercase()))))
        .collect::<AppResult<Vec<i64>>>()?;
    let registrar = id_of(&email("registrar"))?;
    // Every synthetic mediator, including more than wanted from an earlier, larger run.
    let mut mediator_users: Vec<&users::Model> = people
        .values()
        .filter(|u| u.role == Role::Mediator.as_ref())
        .collect();
    mediator_users.sort_by(|a, b| a.email.cmp(&b.email));
    let with_profile: HashSet<i64> = mediator_profiles::Entity::find()
        .select_only()
        .column(mediator_profiles::Column::UserId)
        .into_tuple::<i64>()
        .all(&txn)
        .await?
        .into_iter()
        .collect();
    let mut mediators = Vec::new();
    let mut speakers: [Vec<usize>; 6] = Default::default();
    let mut profiles = Vec::new();
    for (k, u) in mediator_users.iter().enumerate() {
        let spoken = mediator_languages(k);
        for (l, code) in LANGUAGES.iter().enumerate() {
            if spoken.contains(code) {
                speakers[l].push(k);
            }
        }
        mediators.push((u.id, u.delegation_id));
        if !with_profile.contains(&u.id) {
            profiles.push(mediator_profiles::ActiveModel {
                user_id: Set(u.id),
                languages: Set(spoken.join(",")),
                capacity: Set(i64::from(settings.assignment.default_capacity)),
                on_leave: Set(false),
                active_cases: Set(0),
                last_assigned_at: Set(None),
                created_at: Set(now.into()),
                updated_at: Set(now.into()),
                ..Default::default()
            });
        }
    }
    if !profiles.is_empty() {
        mediator_profiles::Entity::insert_many(profiles)
            .exec_without_returning(&txn)
            .await?;
    }
    txn.commit().await?;

    // Small states file more: LDC, SIDS and LLDC delegations weigh more, and every
    // delegation gets its own propensity around that.
    let weights = states
        .iter()
        .map(|s| {
            let base = 1.0
                + 1.6 * f64::from(u8::from(s.is_ldc))
                + 1.3 * f64::from(u8::from(s.is_sids))
                + 0.5 * f64::from(u8::from(s.is_lldc));
            base * (0.6 * normal(rng)).exp()
        })
        .collect();
    let secretariat = all_bodies
        .iter()
        .position(|b| b.kind == BodyKind::Secretariat.as_ref());
    // Incidents happen mostly at the first bodies (a few big ones dominate), rarely at the
    // secretariat itself.
    #[allow(clippy::cast_precision_loss)]
    let body_weights = all_bodies
        .iter()
        .enumerate()
        .map(|(k, b)| {
            let w = 1.0 / ((k + 1) as f64).powf(0.8);
            if b.kind == BodyKind::Secretariat.as_ref() {
                w * 0.2
            } else {
                w
            }
        })
        .collect();
    Ok(World {
        states: states
            .iter()
            .map(|s| (s.id, s.regional_group.clone(), s.gets_extra_time()))
            .collect(),
        weights,
        delegates,
        bodies: all_bodies.iter().map(|b| (b.id, b.kind.clone())).collect(),
        body_weights,
        officials,
        secretariat,
        registrar,
        mediators,
        speakers,
    })
}

/// One step of a case's planned life.
#[derive(Clone, Copy, Debug)]
enum Fx {
    Register,
    Eligible,
    Dismiss(DismissalReason),
    /// An appeal against a dismissal: back to registration, eligibility re-examined.
    AppealDismissal,
    Redismiss,
    Assign(usize),
    RequestResponse,
    Respond,
    Accept,
    Contest,
    Settle,
    Escalate,
    Decide(Outcome),
    /// An appeal against a review decision: back under review.
    AppealDecision,
    Monitor,
    Withdraw,
    Close,
    HoldPlaced,
    HoldLifted,
    ExtensionRequested(u32),
    ExtensionDecided(bool),
}

/// A clock as the case ran it.
#[derive(Clone, Copy, Debug)]
struct Clock {
    kind: DeadlineKind,
    start: DateTime<Utc>,
    met: Option<DateTime<Utc>>,
    cancelled: Option<DateTime<Utc>>,
    sdt: u32,
    extension: u32,
}

impl Clock {
    const fn is_open(&self) -> bool {
        self.met.is_none() && self.cancelled.is_none()
    }
}

/// An extension request: (requested, days, decided: (when, granted)).
type Extension = (DateTime<Utc>, u32, Option<(DateTime<Utc>, bool)>);

/// Where a case stands at `now`.
#[derive(Debug)]
struct State {
    status: CaseStatus,
    outcome: Option<Outcome>,
    reason: Option<DismissalReason>,
    mediator: Option<usize>,
    assigned_at: Option<DateTime<Utc>>,
    served_at: Option<DateTime<Utc>>,
    registered_at: Option<DateTime<Utc>>,
    decided_at: Option<DateTime<Utc>>,
    closed_at: Option<DateTime<Utc>>,
    appeals: i64,
    clocks: Vec<Clock>,
    /// (placed, lifted)
    holds: Vec<(DateTime<Utc>, Option<DateTime<Utc>>)>,
    extension: Option<Extension>,
}

/// Plans and replays case lifecycles.
struct Planner<'a> {
    settings: &'a Settings,
    calendar: &'a Calendar,
}

/// Facts of one case fixed at filing.
#[derive(Clone, Copy)]
struct Filing {
    at: DateTime<Utc>,
    category: Category,
    dismissal_per_mille: u32,
    urgency: Urgency,
    /// Filed in another language than English: translation slows the first steps.
    translated: bool,
    language: usize,
    complainant: Option<i64>,
    respondent_delegation: Option<i64>,
    respondent_extra_time: bool,
}

impl Planner<'_> {
    /// An instant in business hours `k` working days after `from` (`k = 0`: the same or the
    /// next working day), always after `from`.
    fn after(&self, from: DateTime<Utc>, k: u32, rng: &mut ChaCha8Rng) -> DateTime<Utc> {
        let cal = self.calendar;
        let day = cal.add_working_days(cal.local_date(from), k);
        let minute: u32 = rng.random_range(510..1065);
        let wall = day.and_time(
            NaiveTime::from_num_seconds_from_midnight_opt(minute * 60, 0).unwrap_or_default(),
        );
        let at = cal
            .zone()
            .from_local_datetime(&wall)
            .earliest()
            .map_or(from, |t| t.with_timezone(&Utc));
        if at > from {
            at
        } else {
            from + Duration::minutes(rng.random_range(5..120))
        }
    }

    fn days(&self, kind: DeadlineKind, f: &Filing) -> (DayUnit, u32) {
        self.settings.timeline(kind, f.category, f.urgency)
    }

    /// Working days a step takes: mostly within `due`, sometimes late, rarely very late.
    fn step(rng: &mut ChaCha8Rng, lo: u32, due: u32, late_share: f64) -> u32 {
        let due = due.max(lo);
        let r: f64 = rng.random();
        if r < 1.0 - late_share {
            rng.random_range(lo..=due)
        } else if r < 1.0 - late_share / 5.0 {
            due + rng.random_range(1..=(due / 2).max(3))
        } else {
            due + rng.random_range(1..=(due * 2).max(8))
        }
    }

    /// The whole planned life of a case, in order.
    #[allow(clippy::too_many_lines)]
    fn plan(&self, rng: &mut ChaCha8Rng, world: &World, f: &Filing) -> Vec<(DateTime<Utc>, Fx)> {
        let mut out = Vec::with_capacity(12);
        let cal = self.calendar;
        // A few complainants withdraw before registration.
        if rng.random_bool(0.01) {
            let w = self.after(f.at, rng.random_range(0..=3), rng);
            out.push((w, Fx::Withdraw));
            let c = self.after(w, rng.random_range(1..=8), rng);
            out.push((c, Fx::Close));
            return out;
        }
        let (_, ack_due) = self.days(DeadlineKind::Acknowledge, f);
        let k = Self::step(rng, 0, ack_due, 0.16);
        let registered = self.after(f.at, k, rng);
        out.push((registered, Fx::Register));

        let (_, el_due) = self.days(DeadlineKind::Eligibility, f);
        let mut k = Self::step(rng, 1, el_due, 0.18);
        if f.translated {
            k = k * 13 / 10 + 1;
        }
        let decided = self.after(registered, k, rng);
        let mut dismiss = f.dismissal_per_mille + if f.translated { 60 } else { 0 };
        if f.urgency == Urgency::Urgent {
            dismiss = dismiss * 8 / 10;
        }
        if rng.random_range(0..1000) < dismiss {
            let reasons = WeightedIndex::new(DISMISSAL_REASONS.iter().map(|r| r.1))
                .expect("dismissal weights");
            out.push((
                decided,
                Fx::Dismiss(DISMISSAL_REASONS[reasons.sample(rng)].0),
            ));
            let mut window_end = cal.due_at(decided, DayUnit::Calendar, 15);
            if rng.random_bool(0.07) {
                let appeal = decided + Duration::days(rng.random_range(2..14));
                out.push((appeal, Fx::AppealDismissal));
                let again = self.after(appeal, Self::step(rng, 3, el_due, 0.2), rng);
                out.push((again, Fx::Redismiss));
                window_end = again;
            }
            let closed = self.after(window_end, rng.random_range(1..=10), rng);
            out.push((closed, Fx::Close));
            return out;
        }
        out.push((decided, Fx::Eligible));

        // The rule usually finds a mediator at once; a few cases wait for one.
        let assigned = if rng.random_bool(0.85) {
            decided
        } else {
            self.after(decided, rng.random_range(1..=6), rng)
        };
        out.push((assigned, Fx::Assign(self.mediator(rng, world, f))));
        let (_, res_due) = self.days(DeadlineKind::Resolution, f);

        // The first mediation phase ends with a withdrawal, a settlement or a request for
        // the respondent's formal response.
        let r: f64 = rng.random();
        let (mut end, fx) = if r < 0.06 {
            let k = rng.random_range(3..=50);
            (self.after(assigned, k, rng), Fx::Withdraw)
        } else if r < 0.36 {
            let k = Self::step(rng, 10, res_due, 0.3);
            let at = self
                .after(decided, k, rng)
                .max(assigned + Duration::hours(1));
            (at, Fx::Settle)
        } else {
            let k = rng.random_range(2..=12);
            (self.after(assigned, k, rng), Fx::RequestResponse)
        };
        // Now and then the case is put on hold during that phase, which pushes its end
        // back by as many working days.
        if rng.random_bool(0.04) {
            let span = u32::try_from(cal.days_between(assigned, end, DayUnit::Working))
                .unwrap_or(0)
                .max(1);
            let placed = self.after(assigned, rng.random_range(0..span), rng);
            let length = rng.random_range(3..=25);
            let lifted = self.after(placed, length, rng);
            out.push((placed, Fx::HoldPlaced));
            out.push((lifted, Fx::HoldLifted));
            end = self
                .after(end, length, rng)
                .max(lifted + Duration::minutes(30));
        }
        out.push((end, fx));
        let settled = match fx {
            Fx::Withdraw => {
                if rng.random_bool(0.9) {
                    let c = self.after(end, rng.random_range(1..=10), rng);
                    out.push((c, Fx::Close));
                }
                return out;
            }
            Fx::Settle => end,
            _ => {
                let requested = end;
                let (_, fr_days) = self.days(DeadlineKind::FormalResponse, f);
                let sdt = if f.respondent_extra_time {
                    self.settings.special_and_differential.extra_working_days
                } else {
                    0
                };
                let mut due = fr_days + sdt;
                // The respondent waits for the answer to an extension request.
                let mut not_before = requested;
                if rng.random_bool(0.06) {
                    let asked = self.after(requested, rng.random_range(1..=due.max(2) - 1), rng);
                    let days = rng.random_range(5..=self.settings.max_extension_days.max(5));
                    let answered = self.after(asked, rng.random_range(1..=4), rng);
                    let granted = rng.random_bool(0.65);
                    out.push((asked, Fx::ExtensionRequested(days)));
                    out.push((answered, Fx::ExtensionDecided(granted)));
                    not_before = answered + Duration::hours(1);
                    if granted {
                        due += days;
                    }
                }
                let r: f64 = rng.random();
                let escalated = if r < 0.1 {
                    // No response: escalated once the deadline has passed.
                    let at = self
                        .after(requested, due + rng.random_range(3..=10), rng)
                        .max(not_before);
                    out.push((at, Fx::Escalate));
                    at
                } else {
                    let k = Self::step(rng, 2, due, 0.2);
                    let responded = self.after(requested, k, rng).max(not_before);
                    out.push((responded, Fx::Respond));
                    let c: f64 = rng.random();
                    if c < 0.5 {
                        let at = self.after(responded, rng.random_range(2..=10), rng);
                        out.push((at, Fx::Accept));
                        self.after_settlement(rng, at, &mut out);
                        return out;
                    } else if c < 0.75 {
                        let contested = self.after(responded, rng.random_range(1..=5), rng);
                        out.push((contested, Fx::Contest));
                        let at = self.after(contested, rng.random_range(5..=40), rng);
                        out.push((at, Fx::Settle));
                        self.after_settlement(rng, at, &mut out);
                        return out;
                    }
                    let at = self.after(responded, rng.random_range(3..=15), rng);
                    out.push((at, Fx::Escalate));
                    at
                };
                // Independent review.
                let (_, review_due) = self.days(DeadlineKind::IndependentReview, f);
                let outcome = |rng: &mut ChaCha8Rng| match rng.random_range(0..100) {
                    0..25 => Outcome::Upheld,
                    25..55 => Outcome::PartlyUpheld,
                    _ => Outcome::NotUpheld,
                };
                let mut decided = self.after(escalated, Self::step(rng, 10, review_due, 0.2), rng);
                out.push((decided, Fx::Decide(outcome(rng))));
                if rng.random_bool(0.08) {
                    let appeal = decided + Duration::days(rng.random_range(3..14));
                    out.push((appeal, Fx::AppealDecision));
                    decided = self.after(appeal, Self::step(rng, 10, review_due, 0.2), rng);
                    out.push((decided, Fx::Decide(outcome(rng))));
                }
                let window_end = cal.due_at(decided, DayUnit::Calendar, 15);
                if rng.random_bool(0.25) {
                    let m = self.after(window_end, rng.random_range(0..=3), rng);
                    out.push((m, Fx::Monitor));
                    let c = self.after(m, rng.random_range(20..=60), rng);
                    out.push((c, Fx::Close));
                } else {
                    let c = self.after(window_end, rng.random_range(1..=8), rng);
                    out.push((c, Fx::Close));
                }
                return out;
            }
        };
        self.after_settlement(rng, settled, &mut out);
        out
    }

    /// Monitoring of the settlement for some, then closure.
    fn after_settlement(
        &self,
        rng: &mut ChaCha8Rng,
        settled: DateTime<Utc>,
        out: &mut Vec<(DateTime<Utc>, Fx)>,
    ) {
        if rng.random_bool(0.45) {
            let m = self.after(settled, rng.random_range(0..=3), rng);
            out.push((m, Fx::Monitor));
            let c = self.after(m, rng.random_range(20..=60), rng);
            out.push((c, Fx::Close));
        } else {
            let c = self.after(settled, rng.random_range(1..=10), rng);
            out.push((c, Fx::Close));
        }
    }

    /// A mediator speaking the case's language, of neither party's nationality when
    /// possible.
    fn mediator(&self, rng: &mut ChaCha8Rng, world: &World, f: &Filing) -> usize {
        let pool = if world.speakers[f.language].is_empty() {
            &world.speakers[0]
        } else {
            &world.speakers[f.language]
        };
        let mut pick = pool[rng.random_range(0..pool.len())];
        for _ in 0..4 {
            let nationality = world.mediators[pick].1;
            if nationality.is_none()
                || (nationality != f.complainant && nationality != f.respondent_delegation)
            {
                break;
            }
            pick = pool[rng.random_range(0..pool.len())];
        }
        pick
    }

    /// Replays the plan up to `now`.
    fn replay(
        plan: &[(DateTime<Utc>, Fx)],
        f: &Filing,
        respondent_sdt: u32,
        now: DateTime<Utc>,
    ) -> State {
        let mut s = State {
            status: CaseStatus::Submitted,
            outcome: None,
            reason: None,
            mediator: None,
            assigned_at: None,
            served_at: None,
            registered_at: None,
            decided_at: None,
            closed_at: None,
            appeals: 0,
            clocks: vec![Clock {
                kind: DeadlineKind::Acknowledge,
                start: f.at,
                met: None,
                cancelled: None,
                sdt: 0,
                extension: 0,
            }],
            holds: Vec::new(),
            extension: None,
        };
        let start = |s: &mut State, kind: DeadlineKind, at: DateTime<Utc>, sdt: u32| {
            s.clocks.push(Clock {
                kind,
                start: at,
                met: None,
                cancelled: None,
                sdt,
                extension: 0,
            });
        };
        let meet = |s: &mut State, kind: DeadlineKind, at: DateTime<Utc>| {
            for c in s
                .clocks
                .iter_mut()
                .filter(|c| c.kind == kind && c.is_open())
            {
                c.met = Some(at);
            }
        };
        let cancel = |s: &mut State, kinds: Option<&[DeadlineKind]>, at: DateTime<Utc>| {
            for c in s
                .clocks
                .iter_mut()
                .filter(|c| c.is_open() && kinds.is_none_or(|k| k.contains(&c.kind)))
            {
                c.cancelled = Some(at);
            }
        };
        for &(at, fx) in plan.iter().take_while(|(at, _)| *at <= now) {
            match fx {
                Fx::Register => {
                    s.status = CaseStatus::Registered;
                    s.registered_at = Some(at);
                    meet(&mut s, DeadlineKind::Acknowledge, at);
                    start(&mut s, DeadlineKind::Eligibility, at, 0);
                }
                Fx::Eligible => {
                    s.status = CaseStatus::UnderAssessment;
                    s.decided_at = Some(at);
                    s.served_at = Some(at);
                    meet(&mut s, DeadlineKind::Eligibility, at);
                    start(&mut s, DeadlineKind::Resolution, at, 0);
                }
                Fx::Dismiss(reason) => {
                    s.status = CaseStatus::Dismissed;
                    s.outcome = Some(Outcome::Dismissed);
                    s.reason = Some(reason);
                    s.decided_at = Some(at);
                    meet(&mut s, DeadlineKind::Eligibility, at);
                    cancel(&mut s, None, at);
                }
                Fx::AppealDismissal => {
                    s.status = CaseStatus::Registered;
                    s.outcome = None;
                    s.appeals += 1;
                    start(&mut s, DeadlineKind::Eligibility, at, 0);
                }
                Fx::Redismiss => {
                    s.status = CaseStatus::Dismissed;
                    s.outcome = Some(Outcome::Dismissed);
                    meet(&mut s, DeadlineKind::Eligibility, at);
                    cancel(&mut s, None, at);
                }
                Fx::Assign(m) => {
                    s.status = CaseStatus::InMediation;
                    s.mediator = Some(m);
                    s.assigned_at = Some(at);
                }
                Fx::RequestResponse => {
                    s.status = CaseStatus::AwaitingResponse;
                    start(&mut s, DeadlineKind::FormalResponse, at, respondent_sdt);
                }
                Fx::Respond => {
                    s.status = CaseStatus::ResponseReceived;
                    meet(&mut s, DeadlineKind::FormalResponse, at);
                }
                Fx::Accept => {
                    s.status = CaseStatus::Settled;
                    s.outcome = Some(Outcome::ResponseAccepted);
                    meet(&mut s, DeadlineKind::Resolution, at);
                }
                Fx::Contest => s.status = CaseStatus::InMediation,
                Fx::Settle => {
                    s.status = CaseStatus::Settled;
                    s.outcome = Some(Outcome::Settled);
                    meet(&mut s, DeadlineKind::Resolution, at);
                    cancel(&mut s, Some(&[DeadlineKind::FormalResponse]), at);
                }
                Fx::Escalate => {
                    s.status = CaseStatus::UnderReview;
                    cancel(
                        &mut s,
                        Some(&[DeadlineKind::FormalResponse, DeadlineKind::Resolution]),
                        at,
                    );
                }
                Fx::Decide(outcome) => {
                    s.status = CaseStatus::Decided;
                    s.outcome = Some(outcome);
                }
                Fx::AppealDecision => {
                    s.status = CaseStatus::UnderReview;
                    s.outcome = None;
                    s.appeals += 1;
                }
                Fx::Monitor => {
                    s.status = CaseStatus::Monitoring;
                    cancel(&mut s, None, at);
                }
                Fx::Withdraw => {
                    s.status = CaseStatus::Withdrawn;
                    s.outcome = Some(Outcome::Withdrawn);
                    cancel(&mut s, None, at);
                }
                Fx::Close => {
                    s.status = CaseStatus::Closed;
                    s.closed_at = Some(at);
                    cancel(&mut s, None, at);
                }
                Fx::HoldPlaced => s.holds.push((at, None)),
                Fx::HoldLifted => {
                    if let Some(h) = s.holds.last_mut() {
                        h.1 = Some(at);
                    }
                }
                Fx::ExtensionRequested(days) => s.extension = Some((at, days, None)),
                Fx::ExtensionDecided(granted) => {
                    if let Some(e) = s.extension.as_mut() {
                        e.2 = Some((at, granted));
                        if granted {
                            let days = e.1;
                            for c in s
                                .clocks
                                .iter_mut()
                                .filter(|c| c.kind == DeadlineKind::FormalResponse && c.is_open())
                            {
                                c.extension += days;
                            }
                        }
                    }
                }
            }
        }
        s
    }
}

/// Inserts `rows` in statements of at most [`MAX_PARAMS`] bind parameters.
async fn insert_chunked<A>(db: &impl ConnectionTrait, rows: Vec<A>, columns: usize) -> AppResult<()>
where
    A: sea_orm::ActiveModelTrait + Clone,
{
    for chunk in rows.chunks((MAX_PARAMS / columns).max(1)) {
        <A::Entity as EntityTrait>::insert_many(chunk.to_vec())
            .exec_without_returning(db)
            .await?;
    }
    Ok(())
}

async fn max_id<E: EntityTrait>(db: &impl ConnectionTrait, column: E::Column) -> AppResult<i64> {
    Ok(E::find()
        .select_only()
        .expr(sea_orm::sea_query::Func::max(Expr::col(column)))
        .into_tuple::<Option<i64>>()
        .one(db)
        .await?
        .flatten()
        .unwrap_or(0))
}

/// Inserts `n` synthetic cases filed over the `years` years before `now`, with their clocks,
/// holds and extension requests, drawn from `seed`; loads the reference data and people they
/// need when missing. Shows a progress bar when `progress`.
///
/// # Errors
/// Database errors; a database without member states or bodies after loading.
#[allow(clippy::too_many_lines, clippy::too_many_arguments)]
pub async fn synthesize(
    db: &DatabaseConnection,
    settings: &Settings,
    n: u64,
    seed: u64,
    years: u32,
    now: DateTime<Utc>,
    progress: bool,
) -> AppResult<Summary> {
    let began = std::time::Instant::now();
    let mut summary = Summary::default();
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    let world = world(db, settings, &mut rng, n, now, &mut summary).await?;
    if world.states.len() < 2 || world.bodies.is_empty() || world.mediators.is_empty() {
        return Err(AppError::Internal(
            "synthesize: no member states, bodies or mediators to file cases with".into(),
        ));
    }
    summary.mediators = world.mediators.len();
    let calendar = holidays::calendar(db, settings).await?;
    let planner = Planner {
        settings,
        calendar: &calendar,
    };
    let first_id = max_id::<cases::Entity>(db, cases::Column::Id).await? + 1;
    let mut deadline_id = max_id::<deadlines::Entity>(db, deadlines::Column::Id).await?;
    let mut hold_id = max_id::<holds::Entity>(db, holds::Column::Id).await?;
    let mut extension_id =
        max_id::<extension_requests::Entity>(db, extension_requests::Column::Id).await?;
    // Pids come from their own stream, which depends on where the ids start: the same seed
    // reproduces a run on the same database, and a second run does not collide with the
    // first.
    let mut pids = ChaCha8Rng::seed_from_u64(seed);
    pids.set_stream(u64::try_from(first_id).unwrap_or(0));

    // Filing instants: more cases in recent months (volume grows by `GROWTH` over the
    // period), fewer on days the organization is closed, in order.
    const GROWTH: f64 = 0.5;
    let span = Duration::days(365 * i64::from(years)).num_seconds();
    let start = now - Duration::seconds(span);
    let count = usize::try_from(n).map_err(|_| AppError::Internal("n too large".into()))?;
    let mut filed: Vec<i64> = Vec::with_capacity(count);
    #[allow(clippy::cast_precision_loss, clippy::cast_possible_truncation)]
    for _ in 0..count {
        let mut at = 0;
        for _ in 0..4 {
            let u: f64 = rng.random();
            // Inverse of the CDF of the density 1 + GROWTH x on [0, 1).
            let x = ((1.0 + 2.0 * GROWTH * u * (1.0 + GROWTH / 2.0)).sqrt() - 1.0) / GROWTH;
            at = ((x * span as f64) as i64).min(span - 60);
            let day = calendar.local_date(start + Duration::seconds(at));
            if calendar.is_working_day(day) || rng.random_bool(0.25) {
                break;
            }
        }
        filed.push(at);
    }
    filed.sort_unstable();
    // Complainants: each delegation at least once, the rest by weight, shuffled.
    let by_weight = WeightedIndex::new(&world.weights)
        .map_err(|e| AppError::Internal(format!("delegation weights: {e}")))?;
    let mut complainants: Vec<u16> = (0..world.states.len().min(count))
        .map(|k| u16::try_from(k).unwrap_or(0))
        .collect();
    while complainants.len() < count {
        complainants.push(u16::try_from(by_weight.sample(&mut rng)).unwrap_or(0));
    }
    complainants.shuffle(&mut rng);
    let forums = WeightedIndex::new(&world.body_weights)
        .map_err(|e| AppError::Internal(format!("body weights: {e}")))?;
    let categories = WeightedIndex::new(CATEGORIES.iter().map(|c| c.1))
        .map_err(|e| AppError::Internal(format!("category weights: {e}")))?;
    let languages: HashMap<&str, WeightedIndex<u32>> = [
        "african",
        "asia_pacific",
        "eastern_european",
        "latin_american_caribbean",
        "western_european_others",
        "none",
    ]
    .into_iter()
    .map(|g| {
        (
            g,
            WeightedIndex::new(language_weights(g)).expect("language weights"),
        )
    })
    .collect();
    let other_languages = WeightedIndex::new(language_weights("")).expect("language weights");

    // References continue each year's counter.
    let mut counters: BTreeMap<i32, i64> = reference_counters::Entity::find()
        .all(db)
        .await?
        .into_iter()
        .filter_map(|c| i32::try_from(c.year).ok().map(|y| (y, c.last_value)))
        .collect();
    let mut loads = vec![(0_i64, None::<DateTime<Utc>>); world.mediators.len()];

    let bar = if progress {
        ProgressBar::new(n).with_style(
            ProgressStyle::with_template(
                "synthesizing {bar:40} {pos}/{len} cases {per_sec} eta {eta}",
            )
            .map_err(|e| AppError::Internal(e.to_string()))?,
        )
    } else {
        ProgressBar::hidden()
    };
    let zone = calendar.zone();
    let mut done = 0_usize;
    while done < count {
        let upto = (done + CHUNK).min(count);
        let mut case_rows = Vec::with_capacity(upto - done);
        let mut clock_rows = Vec::with_capacity((upto - done) * 3);
        let mut hold_rows = Vec::new();
        let mut extension_rows = Vec::new();
        for i in done..upto {
            let id = first_id + i64::try_from(i).unwrap_or(0);
            let at = start + Duration::seconds(filed[i]);
            let c = usize::from(complainants[i]);
            let (complainant, group, _) = &world.states[c];
            let language = languages
                .get(group.as_str())
                .unwrap_or(&other_languages)
                .sample(&mut rng);
            let (category, _, dismissal_per_mille, titles) =
                CATEGORIES[categories.sample(&mut rng)];
            let forum = forums.sample(&mut rng);
            // Nine respondents in ten are a body (the forum, or the secretariat for
            // conference services); the others a delegation.
            let (respondent_body, respondent_delegation) = if rng.random_bool(0.88) {
                let b = match world.secretariat {
                    Some(s) if rng.random_bool(0.25) => s,
                    _ => forum,
                };
                (Some(b), None)
            } else {
                let mut d = rng.random_range(0..world.states.len());
                if d == c {
                    d = (d + 1) % world.states.len();
                }
                (None, Some(d))
            };
            let respondent_extra_time = respondent_delegation.is_some_and(|d| world.states[d].2);
            let urgency = if rng.random_bool(0.08) {
                Urgency::Urgent
            } else {
                Urgency::Normal
            };
            let f = Filing {
                at,
                category,
                dismissal_per_mille,
                urgency,
                translated: language != 0,
                language,
                complainant: Some(*complainant),
                respondent_delegation: respondent_delegation.map(|d| world.states[d].0),
                respondent_extra_time,
            };
            let confidential = rng.random_bool(0.25);
            let title = titles[rng.random_range(0..titles.len())];
            let sentences = rng.random_range(2..=5);
            let facts = (0..sentences)
                .map(|_| FACTS[rng.random_range(0..FACTS.len())])
                .collect::<Vec<_>>()
                .join(" ");
            let remedy = REMEDIES[rng.random_range(0..REMEDIES.len())];
            let incident = calendar.local_date(at) - Duration::days(rng.random_range(0..30));
            let mut plan = planner.plan(&mut rng, &world, &f);
            // Steps drawn in different phases may interleave (a hold, an extension).
            plan.sort_by_key(|p| p.0);
            let sdt = if respondent_extra_time {
                settings.special_and_differential.extra_working_days
            } else {
                0
            };
            let s = Planner::replay(&plan, &f, sdt, now);

            let year = at.with_timezone(&zone).year();
            let counter = counters.entry(year).or_insert(0);
            *counter += 1;
            let since_filing = |t: Option<DateTime<Utc>>| {
                t.map(|t| calendar.days_between(at, t, DayUnit::Working))
            };
            let mediator_id = s.mediator.map(|m| world.mediators[m].0);
            if let Some(m) = s.mediator {
                if s.status.is_active() {
                    loads[m].0 += 1;
                }
                loads[m].1 = loads[m].1.max(s.assigned_at);
            }
            let on_hold = s.holds.iter().any(|h| h.1.is_none());
            case_rows.push(cases::ActiveModel {
                id: Set(id),
                pid: Set(uuid_from(&mut pids)),
                reference: Set(format!("GR-{year}-{counter:06}")),
                title: Set(title.into()),
                category: Set(category.to_string()),
                body_id: Set(world.bodies[forum].0),
                incident_date: Set(incident),
                facts: Set(facts),
                remedy_sought: Set(remedy.into()),
                complainant_delegation_id: Set(*complainant),
                filed_by_id: Set(world.delegates[c]),
                respondent_body_id: Set(respondent_body.map(|b| world.bodies[b].0)),
                respondent_delegation_id: Set(f.respondent_delegation),
                confidentiality: Set(if confidential {
                    "identity_protected"
                } else {
                    "public"
                }
                .into()),
                language: Set(LANGUAGES[language].into()),
                urgency: Set(urgency.to_string()),
                status: Set(s.status.to_string()),
                outcome: Set(s.outcome.map(|o| o.to_string())),
                dismissal_reason: Set(s.reason.map(|r| r.to_string())),
                mediator_id: Set(mediator_id),
                on_hold: Set(on_hold),
                appeals_lodged: Set(s.appeals),
                idempotency_key: Set(format!("synthetic-{seed}-{id}")),
                version: Set(
                    1 + i64::try_from(plan.iter().filter(|p| p.0 <= now).count()).unwrap_or(0),
                ),
                filed_at: Set(at.into()),
                served_at: Set(s.served_at.map(Into::into)),
                closed_at: Set(s.closed_at.map(Into::into)),
                stopped_at: Set((!s.status.is_open())
                    .then_some(s.closed_at.or(s.decided_at))
                    .flatten()
                    .map(Into::into)),
                registered_at: Set(s.registered_at.map(Into::into)),
                eligibility_decided_at: Set(s.decided_at.map(Into::into)),
                acknowledge_working_days: Set(since_filing(s.registered_at)),
                eligibility_working_days: Set(since_filing(s.decided_at)),
                closure_working_days: Set(since_filing(s.closed_at)),
                // Set below, once the clocks are known.
                next_due_at: Set(None),
                created_at: Set(at.into()),
                updated_at: Set(plan
                    .iter()
                    .take_while(|p| p.0 <= now)
                    .last()
                    .map_or(at, |p| p.0)
                    .into()),
            });

            let pauses: Vec<Pause> = s
                .holds
                .iter()
                .map(|(start, end)| Pause {
                    start: *start,
                    end: *end,
                })
                .collect();
            let mut formal_response_id = None;
            let mut soonest: Option<DateTime<Utc>> = None;
            for k in &s.clocks {
                deadline_id += 1;
                let (unit, days) = planner.days(k.kind, &f);
                let ended = k.met.or(k.cancelled);
                // Holds placed after the clock stopped did not move it.
                let relevant: Vec<Pause> = pauses
                    .iter()
                    .copied()
                    .filter(|p| ended.is_none_or(|e| p.start < e))
                    .collect();
                let spec = ClockSpec {
                    starts_at: k.start,
                    unit,
                    days: days + k.sdt + k.extension,
                };
                let due = clock::effective_due(&calendar, &spec, &relevant);
                let (due_at, paused_since) = match due {
                    Due::At(d) => (Some(d), None),
                    Due::Paused { since } => (None, Some(since)),
                };
                // The sweep marks a breach when the deadline passes unmet, and moves each
                // open clock's cursor to its next step.
                let breached_at = due_at.filter(|d| *d < ended.unwrap_or(now) && *d < now);
                if let (None, Some(d)) = (ended, due_at) {
                    soonest = Some(soonest.map_or(d, |s| s.min(d)));
                }
                let next_reminder_at = match (ended, due_at) {
                    (None, Some(d)) => reminders::plan(d, &calendar, settings, true)
                        .iter()
                        .map(|s| s.sweep_at)
                        .find(|t| *t > now),
                    _ => None,
                };
                if k.kind == DeadlineKind::FormalResponse {
                    formal_response_id = Some(deadline_id);
                }
                clock_rows.push(deadlines::ActiveModel {
                    id: Set(deadline_id),
                    case_id: Set(id),
                    kind: Set(k.kind.to_string()),
                    party: Set(k.kind.party().to_string()),
                    unit: Set(unit_name(unit).to_string()),
                    base_days: Set(i64::from(days)),
                    sdt_days: Set(i64::from(k.sdt)),
                    extension_days: Set(i64::from(k.extension)),
                    starts_at: Set(k.start.into()),
                    due_at: Set(due_at.map(Into::into)),
                    paused_since: Set(paused_since.map(Into::into)),
                    met_at: Set(k.met.map(Into::into)),
                    breached_at: Set(breached_at.map(Into::into)),
                    cancelled_at: Set(k.cancelled.map(Into::into)),
                    next_reminder_at: Set(next_reminder_at.map(Into::into)),
                    created_at: Set(k.start.into()),
                    updated_at: Set(ended.unwrap_or(k.start).into()),
                });
            }
            if let Some(row) = case_rows.last_mut() {
                row.next_due_at = Set(soonest.map(Into::into));
            }
            for (placed, lifted) in &s.holds {
                hold_id += 1;
                hold_rows.push(holds::ActiveModel {
                    id: Set(hold_id),
                    case_id: Set(id),
                    reason: Set(HOLD_REASONS
                        [usize::try_from(hold_id).unwrap_or(0) % HOLD_REASONS.len()]
                    .into()),
                    placed_by_id: Set(world.registrar),
                    placed_at: Set((*placed).into()),
                    lifted_by_id: Set(lifted.map(|_| world.registrar)),
                    lifted_at: Set(lifted.map(Into::into)),
                    created_at: Set((*placed).into()),
                    updated_at: Set(lifted.unwrap_or(*placed).into()),
                });
            }
            if let (Some((asked, days, decision)), Some(deadline)) =
                (s.extension, formal_response_id)
            {
                extension_id += 1;
                let requested_by = match (respondent_body, respondent_delegation) {
                    (Some(b), _) => world.officials[b],
                    (None, Some(d)) => world.delegates[d],
                    (None, None) => world.registrar,
                };
                let status = match decision {
                    None => "pending",
                    Some((_, true)) => "granted",
                    Some((_, false)) => "refused",
                };
                extension_rows.push(extension_requests::ActiveModel {
                    id: Set(extension_id),
                    pid: Set(uuid_from(&mut pids)),
                    case_id: Set(id),
                    deadline_id: Set(deadline),
                    requested_by_id: Set(requested_by),
                    reason: Set(
                        "The respondent needs to consult the bureau before answering.".into(),
                    ),
                    days: Set(i64::from(days)),
                    status: Set(status.into()),
                    decided_by_id: Set(decision.map(|_| world.registrar)),
                    decided_at: Set(decision.map(|(t, _)| t.into())),
                    decision_note: Set(decision.map(|_| "Decided by the registry.".to_string())),
                    created_at: Set(asked.into()),
                    updated_at: Set(decision.map_or(asked, |(t, _)| t).into()),
                });
            }
            *summary.by_status.entry(s.status.to_string()).or_default() += 1;
            summary.from = Some(summary.from.map_or(at, |f| f.min(at)));
            summary.to = Some(summary.to.map_or(at, |t| t.max(at)));
        }
        summary.deadlines += clock_rows.len() as u64;
        summary.holds += hold_rows.len() as u64;
        summary.extension_requests += extension_rows.len() as u64;
        let txn = db.begin().await?;
        insert_chunked(&txn, case_rows, 36).await?;
        insert_chunked(&txn, clock_rows, 17).await?;
        if !hold_rows.is_empty() {
            insert_chunked(&txn, hold_rows, 9).await?;
        }
        if !extension_rows.is_empty() {
            insert_chunked(&txn, extension_rows, 14).await?;
        }
        txn.commit().await?;
        bar.inc((upto - done) as u64);
        done = upto;
    }
    bar.finish_and_clear();

    // Counters, mediators' loads, sequences and statistics.
    let txn = db.begin().await?;
    for (year, last) in &counters {
        reference_counters::Entity::insert(reference_counters::ActiveModel {
            year: Set(i64::from(*year)),
            last_value: Set(*last),
        })
        .on_conflict(
            OnConflict::column(reference_counters::Column::Year)
                .update_column(reference_counters::Column::LastValue)
                .to_owned(),
        )
        .exec_without_returning(&txn)
        .await?;
    }
    for (k, (load, last)) in loads.iter().enumerate() {
        if *load == 0 && last.is_none() {
            continue;
        }
        let user = world.mediators[k].0;
        let Some(p) = mediator_profiles::Entity::find()
            .filter(mediator_profiles::Column::UserId.eq(user))
            .one(&txn)
            .await?
        else {
            continue;
        };
        let active = p.active_cases + load;
        let mut am: mediator_profiles::ActiveModel = p.clone().into();
        am.active_cases = Set(active);
        // Room for the synthetic load: the rule would otherwise see everyone as full.
        am.capacity = Set(p.capacity.max(active + active / 5));
        am.last_assigned_at = Set(p
            .last_assigned_at
            .map(|t| t.to_utc())
            .max(*last)
            .map(Into::into));
        am.updated_at = Set(now.into());
        sea_orm::ActiveModelTrait::update(am, &txn).await?;
    }
    txn.commit().await?;
    let tables = [
        "delegations",
        "bodies",
        "users",
        "mediator_profiles",
        "reference_counters",
        "cases",
        "deadlines",
        "holds",
        "extension_requests",
    ];
    if db.get_database_backend() == DatabaseBackend::Postgres {
        for t in ["cases", "deadlines", "holds", "extension_requests"] {
            db.execute_unprepared(&format!(
                "SELECT setval(pg_get_serial_sequence('{t}', 'id'), \
                 COALESCE((SELECT MAX(id) FROM {t}), 0) + 1, false)"
            ))
            .await?;
        }
        // What autovacuum does after a bulk load: statistics for the planner and the
        // visibility map that index-only scans need.
        for t in tables {
            db.execute_unprepared(&format!("VACUUM (ANALYZE) {t}"))
                .await?;
        }
    } else {
        for t in tables {
            db.execute_unprepared(&format!("ANALYZE {t}")).await?;
        }
    }
    // Oversight's summaries of the new filing days, as each filing would have recorded.
    let summarizing = std::time::Instant::now();
    let day = figures::day_sql(db.get_database_backend(), "cases", "filed_at");
    db.execute_unprepared(&format!(
        "INSERT INTO figure_changes (day) \
         SELECT DISTINCT {day} FROM cases WHERE id >= {first_id}"
    ))
    .await?;
    let bar = if progress {
        ProgressBar::new_spinner().with_style(
            ProgressStyle::with_template("summarizing {spinner} {pos} filing days")
                .map_err(|e| AppError::Internal(e.to_string()))?,
        )
    } else {
        ProgressBar::hidden()
    };
    loop {
        let n = figures::refresh_step(db, i64::MAX, now).await?;
        if n == 0 {
            break;
        }
        summary.summaries += n;
        bar.inc(n);
    }
    bar.finish_and_clear();
    summary.summarizing_seconds = summarizing.elapsed().as_secs_f64();
    summary.cases = n;
    summary.first_id = first_id;
    summary.last_id = first_id + i64::try_from(n).unwrap_or(0) - 1;
    summary.seconds = began.elapsed().as_secs_f64();
    Ok(summary)
}
