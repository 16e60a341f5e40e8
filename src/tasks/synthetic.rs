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
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

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
        _entities::{bodies as body_rows, cases, mediator_profiles, reference_counters},
        bodies,
        cases::{
            rows::{self, NewRow},
            CaseStatus,
        },
        deadlines::{
            self,
            calendar::{Calendar, DayUnit},
            clock::{self, ClockSpec, Due, Pause},
        },
        delegations,
        extension_requests::{self, Request},
        holds, holidays, mediators,
        oversight::figures,
        reminders,
        users::{self, NewAccount},
        vocabulary::{
            BodyKind, Category, Confidentiality, DeadlineKind, DismissalReason, ExtensionStatus,
            Language, Locale, Outcome, Role, Urgency,
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

const LANGUAGES: [Language; 6] = [
    Language::En,
    Language::Fr,
    Language::Es,
    Language::Ar,
    Language::Zh,
    Language::Ru,
];

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

fn delegate_email(state: &delegations::Model) -> String {
    email(&format!("delegate.{}", state.code.to_lowercase()))
}

fn official_email(body: &body_rows::Model) -> String {
    email(&format!("official.{}", body.code.to_lowercase()))
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

/// The `k`th synthetic mediator's languages: everyone English, some others in turn.
fn mediator_languages(k: usize) -> BTreeSet<Language> {
    let others = [
        (k.is_multiple_of(3), Language::Fr),
        (k % 4 == 1, Language::Es),
        (k % 6 == 2, Language::Ar),
        (k % 8 == 3, Language::Zh),
        (k % 8 == 5, Language::Ru),
    ];
    std::iter::once(Language::En)
        .chain(others.into_iter().filter(|o| o.0).map(|o| o.1))
        .collect()
}

/// The member states and bodies, loaded or created when the database has none.
async fn reference_data(
    txn: &impl ConnectionTrait,
    now: DateTime<Utc>,
    summary: &mut Summary,
) -> AppResult<(Vec<delegations::Model>, Vec<body_rows::Model>)> {
    if delegations::Entity::find().count(txn).await? == 0 {
        summary.delegations_loaded = delegations::load_member_states(txn, now).await?;
    }
    if body_rows::Entity::find().count(txn).await? == 0 {
        for (code, name, kind) in BODIES {
            bodies::create(txn, code, name, &bodies::Translations::new(), *kind, now).await?;
            summary.bodies_created += 1;
        }
    }
    let states = delegations::Entity::find()
        .order_by_asc(delegations::Column::Id)
        .all(txn)
        .await?;
    let all_bodies = body_rows::Entity::find()
        .order_by_asc(body_rows::Column::Id)
        .all(txn)
        .await?;
    Ok((states, all_bodies))
}

/// The synthetic people, created once (one delegate per delegation, one official per body, a
/// registrar, `mediators` mediators): how many were created now, and all of them.
async fn people(
    txn: &impl ConnectionTrait,
    rng: &mut ChaCha8Rng,
    (states, all_bodies): (&[delegations::Model], &[body_rows::Model]),
    mediators: usize,
    now: DateTime<Utc>,
) -> AppResult<(usize, Vec<users::Model>)> {
    let mine = || users::Entity::find().filter(users::Column::Email.like(format!("%@{DOMAIN}")));
    let existing: HashSet<String> = mine()
        .all(txn)
        .await?
        .into_iter()
        .map(|u| u.email)
        .collect();
    let mut wanted: Vec<Person> = Vec::new();
    for s in states {
        let name = format!("Delegate of {}", s.name);
        wanted.push((delegate_email(s), name, Role::Delegate, Some(s.id), None));
    }
    for b in all_bodies {
        let name = format!("Official of {}", b.code);
        wanted.push((official_email(b), name, Role::Respondent, None, Some(b.id)));
    }
    let registrar = "Synthetic registrar".into();
    wanted.push((email("registrar"), registrar, Role::Registrar, None, None));
    for k in 0..mediators {
        // Nationalities spread over the member states.
        let nationality = (!states.is_empty()).then(|| states[(k * 37 + 11) % states.len()].id);
        let (address, name) = (
            email(&format!("mediator.{k:03}")),
            format!("Mediator {k:03}"),
        );
        wanted.push((address, name, Role::Mediator, nationality, None));
    }
    let rows: Vec<users::ActiveModel> = wanted
        .into_iter()
        .filter(|(e, ..)| !existing.contains(e))
        .map(|(email, name, role, delegation_id, body_id)| {
            let account = NewAccount {
                pid: uuid_from(rng),
                email,
                // Not a password hash: nobody signs in as these people.
                password_hash: "!".into(),
                api_key: format!("rd-{}", uuid_from(rng).simple()),
                name,
                role,
                delegation_id,
                body_id,
                locale: Locale::En,
                zone: chrono_tz::Europe::Zurich,
            };
            users::new_row(account, now)
        })
        .collect();
    let created = rows.len();
    insert_chunked(txn, rows, 16).await?;
    Ok((created, mine().all(txn).await?))
}

async fn world(
    db: &DatabaseConnection,
    settings: &Settings,
    rng: &mut ChaCha8Rng,
    n: u64,
    now: DateTime<Utc>,
    summary: &mut Summary,
) -> AppResult<World> {
    let txn = db.begin().await?;
    let (states, all_bodies) = reference_data(&txn, now, summary).await?;
    let mediators_wanted = usize::try_from((n / 5000).clamp(12, 200)).unwrap_or(200);
    let (created, people) =
        people(&txn, rng, (&states, &all_bodies), mediators_wanted, now).await?;
    summary.users_created = created;
    let people: HashMap<String, users::Model> =
        people.into_iter().map(|u| (u.email.clone(), u)).collect();
    let id_of = |e: String| {
        people
            .get(&e)
            .map(|u| u.id)
            .ok_or_else(|| AppError::Internal(format!("synthetic user {e} missing")))
    };
    let delegates = states
        .iter()
        .map(|s| id_of(delegate_email(s)))
        .collect::<AppResult<Vec<i64>>>()?;
    let officials = all_bodies
        .iter()
        .map(|b| id_of(official_email(b)))
        .collect::<AppResult<Vec<i64>>>()?;
    let registrar = id_of(email("registrar"))?;
    // Every synthetic mediator, including more than wanted from an earlier, larger run.
    let mut mediator_users: Vec<&users::Model> = people
        .values()
        .filter(|u| u.role == Role::Mediator.as_ref())
        .collect();
    mediator_users.sort_by(|a, b| a.email.cmp(&b.email));
    let (mediators, speakers) = profiles(&txn, settings, &mediator_users, now).await?;
    txn.commit().await?;
    Ok(World {
        states: states
            .iter()
            .map(|s| (s.id, s.regional_group.clone(), s.gets_extra_time()))
            .collect(),
        weights: filing_weights(rng, &states),
        delegates,
        bodies: all_bodies.iter().map(|b| (b.id, b.kind.clone())).collect(),
        body_weights: forum_weights(&all_bodies),
        officials,
        secretariat: all_bodies
            .iter()
            .position(|b| b.kind == BodyKind::Secretariat.as_ref()),
        registrar,
        mediators,
        speakers,
    })
}

/// The mediators as (user id, nationality) and who speaks each language; a profile for each
/// that has none yet.
async fn profiles(
    txn: &impl ConnectionTrait,
    settings: &Settings,
    mediator_users: &[&users::Model],
    now: DateTime<Utc>,
) -> AppResult<(Vec<(i64, Option<i64>)>, [Vec<usize>; 6])> {
    let with_profile: HashSet<i64> = mediator_profiles::Entity::find()
        .select_only()
        .column(mediator_profiles::Column::UserId)
        .into_tuple::<i64>()
        .all(txn)
        .await?
        .into_iter()
        .collect();
    let mut mediators = Vec::new();
    let mut speakers: [Vec<usize>; 6] = Default::default();
    let mut rows = Vec::new();
    for (k, u) in mediator_users.iter().enumerate() {
        let spoken = mediator_languages(k);
        for (l, language) in LANGUAGES.iter().enumerate() {
            if spoken.contains(language) {
                speakers[l].push(k);
            }
        }
        mediators.push((u.id, u.delegation_id));
        if !with_profile.contains(&u.id) {
            let capacity = settings.assignment.default_capacity;
            rows.push(mediators::profile_row(u.id, &spoken, capacity, now));
        }
    }
    insert_chunked(txn, rows, 8).await?;
    Ok((mediators, speakers))
}

/// Small states file more: LDC, SIDS and LLDC delegations weigh more, and every delegation
/// gets its own propensity around that.
fn filing_weights(rng: &mut ChaCha8Rng, states: &[delegations::Model]) -> Vec<f64> {
    states
        .iter()
        .map(|s| {
            let base = 1.0
                + 1.6 * f64::from(u8::from(s.is_ldc))
                + 1.3 * f64::from(u8::from(s.is_sids))
                + 0.5 * f64::from(u8::from(s.is_lldc));
            base * (0.6 * normal(rng)).exp()
        })
        .collect()
}

/// Incidents happen mostly at the first bodies (a few big ones dominate), rarely at the
/// secretariat itself.
#[expect(clippy::cast_precision_loss, reason = "a handful of bodies")]
fn forum_weights(all_bodies: &[body_rows::Model]) -> Vec<f64> {
    all_bodies
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
        .collect()
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
    fn plan(&self, rng: &mut ChaCha8Rng, world: &World, f: &Filing) -> Vec<(DateTime<Utc>, Fx)> {
        let mut out = Vec::with_capacity(12);
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
            self.dismissal(rng, decided, el_due, &mut out);
        } else {
            out.push((decided, Fx::Eligible));
            self.mediation(rng, world, f, decided, &mut out);
        }
        out
    }

    /// A dismissal at `decided`, now and then appealed and dismissed again, then closure.
    fn dismissal(
        &self,
        rng: &mut ChaCha8Rng,
        decided: DateTime<Utc>,
        el_due: u32,
        out: &mut Vec<(DateTime<Utc>, Fx)>,
    ) {
        let reasons =
            WeightedIndex::new(DISMISSAL_REASONS.iter().map(|r| r.1)).expect("dismissal weights");
        out.push((
            decided,
            Fx::Dismiss(DISMISSAL_REASONS[reasons.sample(rng)].0),
        ));
        let mut window_end = self.calendar.due_at(decided, DayUnit::Calendar, 15);
        if rng.random_bool(0.07) {
            let appeal = decided + Duration::days(rng.random_range(2..14));
            out.push((appeal, Fx::AppealDismissal));
            let again = self.after(appeal, Self::step(rng, 3, el_due, 0.2), rng);
            out.push((again, Fx::Redismiss));
            window_end = again;
        }
        let closed = self.after(window_end, rng.random_range(1..=10), rng);
        out.push((closed, Fx::Close));
    }

    /// From eligibility at `decided`: a mediator, then a withdrawal, a settlement or a request
    /// for the respondent's formal response, and what follows.
    fn mediation(
        &self,
        rng: &mut ChaCha8Rng,
        world: &World,
        f: &Filing,
        decided: DateTime<Utc>,
        out: &mut Vec<(DateTime<Utc>, Fx)>,
    ) {
        // The rule usually finds a mediator at once; a few cases wait for one.
        let assigned = if rng.random_bool(0.85) {
            decided
        } else {
            self.after(decided, rng.random_range(1..=6), rng)
        };
        out.push((assigned, Fx::Assign(self.mediator(rng, world, f))));
        let (_, res_due) = self.days(DeadlineKind::Resolution, f);
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
            let span = u32::try_from(self.calendar.days_between(assigned, end, DayUnit::Working))
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
        match fx {
            Fx::Withdraw => {
                if rng.random_bool(0.9) {
                    let c = self.after(end, rng.random_range(1..=10), rng);
                    out.push((c, Fx::Close));
                }
            }
            Fx::Settle => self.after_settlement(rng, end, out),
            _ => self.formal_response(rng, f, end, out),
        }
    }

    /// From the request for a formal response at `requested`: now and then an extension,
    /// then a response accepted or contested and settled, or an escalation to review.
    fn formal_response(
        &self,
        rng: &mut ChaCha8Rng,
        f: &Filing,
        requested: DateTime<Utc>,
        out: &mut Vec<(DateTime<Utc>, Fx)>,
    ) {
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
                self.after_settlement(rng, at, out);
                return;
            } else if c < 0.75 {
                let contested = self.after(responded, rng.random_range(1..=5), rng);
                out.push((contested, Fx::Contest));
                let at = self.after(contested, rng.random_range(5..=40), rng);
                out.push((at, Fx::Settle));
                self.after_settlement(rng, at, out);
                return;
            }
            let at = self.after(responded, rng.random_range(3..=15), rng);
            out.push((at, Fx::Escalate));
            at
        };
        self.review(rng, f, escalated, out);
    }

    /// Independent review from `escalated`: a decision, now and then appealed and decided
    /// again, monitoring for some, then closure.
    fn review(
        &self,
        rng: &mut ChaCha8Rng,
        f: &Filing,
        escalated: DateTime<Utc>,
        out: &mut Vec<(DateTime<Utc>, Fx)>,
    ) {
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
        let window_end = self.calendar.due_at(decided, DayUnit::Calendar, 15);
        if rng.random_bool(0.25) {
            let m = self.after(window_end, rng.random_range(0..=3), rng);
            out.push((m, Fx::Monitor));
            let c = self.after(m, rng.random_range(20..=60), rng);
            out.push((c, Fx::Close));
        } else {
            let c = self.after(window_end, rng.random_range(1..=8), rng);
            out.push((c, Fx::Close));
        }
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
        let mut s = State::filed(f.at);
        for &(at, fx) in plan.iter().take_while(|(at, _)| *at <= now) {
            s.apply(at, fx, respondent_sdt);
        }
        s
    }
}

impl State {
    /// A case just filed at `at`: its acknowledgement clock running.
    fn filed(at: DateTime<Utc>) -> Self {
        Self {
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
            clocks: Vec::new(),
            holds: Vec::new(),
            extension: None,
        }
        .started(DeadlineKind::Acknowledge, at, 0)
    }

    fn started(mut self, kind: DeadlineKind, at: DateTime<Utc>, sdt: u32) -> Self {
        self.start(kind, at, sdt);
        self
    }

    fn start(&mut self, kind: DeadlineKind, at: DateTime<Utc>, sdt: u32) {
        self.clocks.push(Clock {
            kind,
            start: at,
            met: None,
            cancelled: None,
            sdt,
            extension: 0,
        });
    }

    fn meet(&mut self, kind: DeadlineKind, at: DateTime<Utc>) {
        for c in self
            .clocks
            .iter_mut()
            .filter(|c| c.kind == kind && c.is_open())
        {
            c.met = Some(at);
        }
    }

    /// Cancels the open clocks of `kinds`, or all open clocks.
    fn cancel(&mut self, kinds: Option<&[DeadlineKind]>, at: DateTime<Utc>) {
        for c in self
            .clocks
            .iter_mut()
            .filter(|c| c.is_open() && kinds.is_none_or(|k| k.contains(&c.kind)))
        {
            c.cancelled = Some(at);
        }
    }

    /// Where the case stands after the step `fx` taken at `at`.
    fn apply(&mut self, at: DateTime<Utc>, fx: Fx, respondent_sdt: u32) {
        match fx {
            Fx::Register => {
                self.status = CaseStatus::Registered;
                self.registered_at = Some(at);
                self.meet(DeadlineKind::Acknowledge, at);
                self.start(DeadlineKind::Eligibility, at, 0);
            }
            Fx::Eligible => {
                self.status = CaseStatus::UnderAssessment;
                self.decided_at = Some(at);
                self.served_at = Some(at);
                self.meet(DeadlineKind::Eligibility, at);
                self.start(DeadlineKind::Resolution, at, 0);
            }
            Fx::Dismiss(reason) => {
                self.status = CaseStatus::Dismissed;
                self.outcome = Some(Outcome::Dismissed);
                self.reason = Some(reason);
                self.decided_at = Some(at);
                self.meet(DeadlineKind::Eligibility, at);
                self.cancel(None, at);
            }
            Fx::AppealDismissal => {
                self.status = CaseStatus::Registered;
                self.outcome = None;
                self.appeals += 1;
                self.start(DeadlineKind::Eligibility, at, 0);
            }
            Fx::Redismiss => {
                self.status = CaseStatus::Dismissed;
                self.outcome = Some(Outcome::Dismissed);
                self.meet(DeadlineKind::Eligibility, at);
                self.cancel(None, at);
            }
            Fx::Assign(m) => {
                self.status = CaseStatus::InMediation;
                self.mediator = Some(m);
                self.assigned_at = Some(at);
            }
            Fx::RequestResponse => {
                self.status = CaseStatus::AwaitingResponse;
                self.start(DeadlineKind::FormalResponse, at, respondent_sdt);
            }
            Fx::Respond => {
                self.status = CaseStatus::ResponseReceived;
                self.meet(DeadlineKind::FormalResponse, at);
            }
            Fx::Accept => {
                self.status = CaseStatus::Settled;
                self.outcome = Some(Outcome::ResponseAccepted);
                self.meet(DeadlineKind::Resolution, at);
            }
            Fx::Contest => self.status = CaseStatus::InMediation,
            Fx::Settle => {
                self.status = CaseStatus::Settled;
                self.outcome = Some(Outcome::Settled);
                self.meet(DeadlineKind::Resolution, at);
                self.cancel(Some(&[DeadlineKind::FormalResponse]), at);
            }
            Fx::Escalate => {
                self.status = CaseStatus::UnderReview;
                self.cancel(
                    Some(&[DeadlineKind::FormalResponse, DeadlineKind::Resolution]),
                    at,
                );
            }
            Fx::Decide(outcome) => {
                self.status = CaseStatus::Decided;
                self.outcome = Some(outcome);
            }
            Fx::AppealDecision => {
                self.status = CaseStatus::UnderReview;
                self.outcome = None;
                self.appeals += 1;
            }
            Fx::Monitor => {
                self.status = CaseStatus::Monitoring;
                self.cancel(None, at);
            }
            Fx::Withdraw => {
                self.status = CaseStatus::Withdrawn;
                self.outcome = Some(Outcome::Withdrawn);
                self.cancel(None, at);
            }
            Fx::Close => {
                self.status = CaseStatus::Closed;
                self.closed_at = Some(at);
                self.cancel(None, at);
            }
            Fx::HoldPlaced => self.holds.push((at, None)),
            Fx::HoldLifted => {
                if let Some(h) = self.holds.last_mut() {
                    h.1 = Some(at);
                }
            }
            Fx::ExtensionRequested(days) => self.extension = Some((at, days, None)),
            Fx::ExtensionDecided(granted) => {
                if let Some(e) = self.extension.as_mut() {
                    e.2 = Some((at, granted));
                    if granted {
                        let days = e.1;
                        for c in self
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

/// Filing instants in seconds after `start`, in order: more cases in recent months (volume
/// grows by `GROWTH` over the period), fewer on days the organization is closed.
#[expect(
    clippy::cast_precision_loss,
    clippy::cast_possible_truncation,
    reason = "seconds of a few years"
)]
fn filing_instants(
    rng: &mut ChaCha8Rng,
    calendar: &Calendar,
    count: usize,
    start: DateTime<Utc>,
    span: i64,
) -> Vec<i64> {
    const GROWTH: f64 = 0.5;
    let mut filed: Vec<i64> = Vec::with_capacity(count);
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
    filed
}

/// The distributions every case is drawn from.
struct Draws {
    /// Seconds after the start of the period of each filing, in order.
    filed: Vec<i64>,
    /// Complainant of each case (index into the world's states).
    complainants: Vec<u16>,
    forums: WeightedIndex<f64>,
    categories: WeightedIndex<u32>,
    /// Languages of filing by regional group, and for a group not listed.
    languages: HashMap<&'static str, WeightedIndex<u32>>,
    other_languages: WeightedIndex<u32>,
}

impl Draws {
    fn new(rng: &mut ChaCha8Rng, world: &World, filed: Vec<i64>) -> AppResult<Self> {
        let count = filed.len();
        let weights = |what: &str, e: rand::distr::weighted::Error| {
            AppError::Internal(format!("{what} weights: {e}"))
        };
        // Complainants: each delegation at least once, the rest by weight, shuffled.
        let by_weight = WeightedIndex::new(&world.weights).map_err(|e| weights("delegation", e))?;
        let mut complainants: Vec<u16> = (0..world.states.len().min(count))
            .map(|k| u16::try_from(k).unwrap_or(0))
            .collect();
        while complainants.len() < count {
            complainants.push(u16::try_from(by_weight.sample(rng)).unwrap_or(0));
        }
        complainants.shuffle(rng);
        let groups = [
            "african",
            "asia_pacific",
            "eastern_european",
            "latin_american_caribbean",
            "western_european_others",
            "none",
        ];
        Ok(Self {
            filed,
            complainants,
            forums: WeightedIndex::new(&world.body_weights).map_err(|e| weights("body", e))?,
            categories: WeightedIndex::new(CATEGORIES.iter().map(|c| c.1))
                .map_err(|e| weights("category", e))?,
            languages: groups
                .into_iter()
                .map(|g| (g, WeightedIndex::new(language_weights(g))))
                .map(|(g, w)| w.map(|w| (g, w)).map_err(|e| weights("language", e)))
                .collect::<AppResult<_>>()?,
            other_languages: WeightedIndex::new(language_weights(""))
                .map_err(|e| weights("language", e))?,
        })
    }
}

/// What was drawn for one case at filing.
struct Drawn {
    id: i64,
    /// Indices of the respondent body or delegation.
    respondent: (Option<usize>, Option<usize>),
    filing: Filing,
    case: NewRow,
}

/// The rows of one transaction.
#[derive(Default)]
struct Rows {
    cases: Vec<cases::ActiveModel>,
    clocks: Vec<deadlines::ActiveModel>,
    holds: Vec<holds::ActiveModel>,
    extensions: Vec<extension_requests::ActiveModel>,
}

/// One run: what it draws from, and the ids, references and loads it has taken so far.
struct Run<'a> {
    settings: &'a Settings,
    calendar: &'a Calendar,
    world: &'a World,
    draws: Draws,
    seed: u64,
    now: DateTime<Utc>,
    /// Start of the filing period.
    start: DateTime<Utc>,
    first_id: i64,
    /// The last ids taken.
    deadline_id: i64,
    hold_id: i64,
    extension_id: i64,
    /// Pids come from their own stream, which depends on where the ids start: the same seed
    /// reproduces a run on the same database, and a second run does not collide with the
    /// first.
    pids: ChaCha8Rng,
    /// Last reference number of each year.
    counters: BTreeMap<i32, i64>,
    /// Active cases and last assignment added to each mediator.
    loads: Vec<(i64, Option<DateTime<Utc>>)>,
}

impl Run<'_> {
    const fn planner(&self) -> Planner<'_> {
        Planner {
            settings: self.settings,
            calendar: self.calendar,
        }
    }

    /// Draws the `i`th case's parties, category, urgency and words.
    fn draw(&self, rng: &mut ChaCha8Rng, i: usize) -> Drawn {
        let (world, draws) = (self.world, &self.draws);
        let id = self.first_id + i64::try_from(i).unwrap_or(0);
        let at = self.start + Duration::seconds(draws.filed[i]);
        let c = usize::from(draws.complainants[i]);
        let (complainant, group, _) = &world.states[c];
        let language = draws
            .languages
            .get(group.as_str())
            .unwrap_or(&draws.other_languages)
            .sample(rng);
        let (category, _, dismissal_per_mille, titles) = CATEGORIES[draws.categories.sample(rng)];
        let forum = draws.forums.sample(rng);
        // Nine respondents in ten are a body (the forum, or the secretariat for conference
        // services); the others a delegation.
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
        let urgency = if rng.random_bool(0.08) {
            Urgency::Urgent
        } else {
            Urgency::Normal
        };
        let filing = Filing {
            at,
            category,
            dismissal_per_mille,
            urgency,
            translated: language != 0,
            language,
            complainant: Some(*complainant),
            respondent_delegation: respondent_delegation.map(|d| world.states[d].0),
            respondent_extra_time: respondent_delegation.is_some_and(|d| world.states[d].2),
        };
        let confidentiality = if rng.random_bool(0.25) {
            Confidentiality::IdentityProtected
        } else {
            Confidentiality::Public
        };
        let title = titles[rng.random_range(0..titles.len())];
        let sentences = rng.random_range(2..=5);
        let facts = (0..sentences)
            .map(|_| FACTS[rng.random_range(0..FACTS.len())])
            .collect::<Vec<_>>()
            .join(" ");
        let remedy = REMEDIES[rng.random_range(0..REMEDIES.len())];
        let incident = self.calendar.local_date(at) - Duration::days(rng.random_range(0..30));
        let case = NewRow {
            // Taken when the row is built, from the pids' own stream.
            pid: Uuid::nil(),
            reference: String::new(),
            title: title.into(),
            category,
            body_id: world.bodies[forum].0,
            incident_date: incident,
            facts,
            remedy_sought: remedy.into(),
            complainant_delegation_id: *complainant,
            filed_by_id: world.delegates[c],
            respondent_body_id: respondent_body.map(|b| world.bodies[b].0),
            respondent_delegation_id: filing.respondent_delegation,
            confidentiality,
            language: LANGUAGES[language],
            urgency,
            idempotency_key: format!("synthetic-{}-{id}", self.seed),
        };
        Drawn {
            id,
            respondent: (respondent_body, respondent_delegation),
            filing,
            case,
        }
    }

    /// Draws the `i`th case, plans its life, and adds its rows as they stand at `now`.
    fn case(&mut self, rng: &mut ChaCha8Rng, i: usize, rows: &mut Rows, summary: &mut Summary) {
        let drawn = self.draw(rng, i);
        let f = drawn.filing;
        let mut plan = self.planner().plan(rng, self.world, &f);
        // Steps drawn in different phases may interleave (a hold, an extension).
        plan.sort_by_key(|p| p.0);
        let sdt = if f.respondent_extra_time {
            self.settings.special_and_differential.extra_working_days
        } else {
            0
        };
        let s = Planner::replay(&plan, &f, sdt, self.now);
        if let Some(m) = s.mediator {
            if s.status.is_active() {
                self.loads[m].0 += 1;
            }
            self.loads[m].1 = self.loads[m].1.max(s.assigned_at);
        }
        let (case_id, respondent) = (drawn.id, drawn.respondent);
        let mut row = self.case_row(drawn, &s, &plan);
        let (soonest, formal_response) = self.clocks(case_id, &f, &s, &mut rows.clocks);
        row.next_due_at = Set(soonest.map(Into::into));
        rows.cases.push(row);
        for (placed, lifted) in &s.holds {
            self.hold_id += 1;
            let reason =
                HOLD_REASONS[usize::try_from(self.hold_id).unwrap_or(0) % HOLD_REASONS.len()];
            let mut hold = holds::placed(case_id, reason.into(), self.world.registrar, *placed);
            hold.id = Set(self.hold_id);
            hold.lifted_by_id = Set(lifted.map(|_| self.world.registrar));
            hold.lifted_at = Set(lifted.map(Into::into));
            hold.updated_at = Set(lifted.unwrap_or(*placed).into());
            rows.holds.push(hold);
        }
        if let (Some(extension), Some(deadline)) = (s.extension, formal_response) {
            let by = match respondent {
                (Some(b), _) => self.world.officials[b],
                (None, Some(d)) => self.world.delegates[d],
                (None, None) => self.world.registrar,
            };
            rows.extensions
                .push(self.extension_row(case_id, deadline, by, extension));
        }
        *summary.by_status.entry(s.status.to_string()).or_default() += 1;
        summary.from = Some(summary.from.map_or(f.at, |t| t.min(f.at)));
        summary.to = Some(summary.to.map_or(f.at, |t| t.max(f.at)));
    }

    /// The case's row as it stands at `now` after `plan`; its soonest clock is set later.
    fn case_row(
        &mut self,
        drawn: Drawn,
        s: &State,
        plan: &[(DateTime<Utc>, Fx)],
    ) -> cases::ActiveModel {
        let (at, now, calendar) = (drawn.filing.at, self.now, self.calendar);
        let year = at.with_timezone(&calendar.zone()).year();
        let counter = self.counters.entry(year).or_insert(0);
        *counter += 1;
        let since_filing =
            |t: Option<DateTime<Utc>>| t.map(|t| calendar.days_between(at, t, DayUnit::Working));
        let mut row = rows::new_row(
            NewRow {
                pid: uuid_from(&mut self.pids),
                reference: format!("GR-{year}-{counter:06}"),
                ..drawn.case
            },
            at,
        );
        row.id = Set(drawn.id);
        row.status = Set(s.status.to_string());
        row.outcome = Set(s.outcome.map(|o| o.to_string()));
        row.dismissal_reason = Set(s.reason.map(|r| r.to_string()));
        row.mediator_id = Set(s.mediator.map(|m| self.world.mediators[m].0));
        row.on_hold = Set(s.holds.iter().any(|h| h.1.is_none()));
        row.appeals_lodged = Set(s.appeals);
        let steps = plan.iter().filter(|p| p.0 <= now).count();
        row.version = Set(1 + i64::try_from(steps).unwrap_or(0));
        let last = plan.iter().take_while(|p| p.0 <= now).last();
        row.updated_at = Set(last.map_or(at, |p| p.0).into());
        row.served_at = Set(s.served_at.map(Into::into));
        row.closed_at = Set(s.closed_at.map(Into::into));
        row.stopped_at = Set((!s.status.is_open())
            .then_some(s.closed_at.or(s.decided_at))
            .flatten()
            .map(Into::into));
        row.registered_at = Set(s.registered_at.map(Into::into));
        row.eligibility_decided_at = Set(s.decided_at.map(Into::into));
        row.acknowledge_working_days = Set(since_filing(s.registered_at));
        row.eligibility_working_days = Set(since_filing(s.decided_at));
        row.closure_working_days = Set(since_filing(s.closed_at));
        row
    }

    /// Adds the case's clocks as they stand at `now`; returns the soonest due instant of
    /// those running and the id of the formal response clock.
    fn clocks(
        &mut self,
        case_id: i64,
        f: &Filing,
        s: &State,
        rows: &mut Vec<deadlines::ActiveModel>,
    ) -> (Option<DateTime<Utc>>, Option<i64>) {
        let (now, calendar) = (self.now, self.calendar);
        let mut formal_response = None;
        let mut soonest: Option<DateTime<Utc>> = None;
        for k in &s.clocks {
            self.deadline_id += 1;
            let (unit, days) = self.planner().days(k.kind, f);
            let ended = k.met.or(k.cancelled);
            // Holds placed after the clock stopped did not move it.
            let pauses: Vec<Pause> = s
                .holds
                .iter()
                .map(|&(start, end)| Pause { start, end })
                .filter(|p| ended.is_none_or(|e| p.start < e))
                .collect();
            let spec = ClockSpec {
                starts_at: k.start,
                unit,
                days: days + k.sdt + k.extension,
            };
            let (due_at, paused_since) = match clock::effective_due(calendar, &spec, &pauses) {
                Due::At(d) => (Some(d), None),
                Due::Paused { since } => (None, Some(since)),
            };
            // The sweep marks a breach when the deadline passes unmet, and moves each open
            // clock's cursor to its next step.
            let breached_at = due_at.filter(|d| *d < ended.unwrap_or(now) && *d < now);
            if let (None, Some(d)) = (ended, due_at) {
                soonest = Some(soonest.map_or(d, |s| s.min(d)));
            }
            let next_reminder_at = match (ended, due_at) {
                (None, Some(d)) => reminders::plan(d, calendar, self.settings, true)
                    .iter()
                    .map(|s| s.sweep_at)
                    .find(|t| *t > now),
                _ => None,
            };
            if k.kind == DeadlineKind::FormalResponse {
                formal_response = Some(self.deadline_id);
            }
            let mut row = deadlines::new_row(case_id, k.kind, unit, (days, k.sdt), k.start);
            row.id = Set(self.deadline_id);
            row.extension_days = Set(i64::from(k.extension));
            row.due_at = Set(due_at.map(Into::into));
            row.paused_since = Set(paused_since.map(Into::into));
            row.met_at = Set(k.met.map(Into::into));
            row.breached_at = Set(breached_at.map(Into::into));
            row.cancelled_at = Set(k.cancelled.map(Into::into));
            row.next_reminder_at = Set(next_reminder_at.map(Into::into));
            row.updated_at = Set(ended.unwrap_or(k.start).into());
            rows.push(row);
        }
        (soonest, formal_response)
    }

    /// The row of the respondent's extension request on the formal response clock.
    fn extension_row(
        &mut self,
        case_id: i64,
        deadline_id: i64,
        requested_by_id: i64,
        (asked, days, decision): Extension,
    ) -> extension_requests::ActiveModel {
        self.extension_id += 1;
        let request = Request {
            pid: uuid_from(&mut self.pids),
            case_id,
            deadline_id,
            requested_by_id,
            reason: "The respondent needs to consult the bureau before answering.".into(),
            days,
        };
        let mut row = extension_requests::requested(request, asked);
        row.id = Set(self.extension_id);
        if let Some((at, granted)) = decision {
            row.status = Set(if granted {
                ExtensionStatus::Granted
            } else {
                ExtensionStatus::Refused
            }
            .to_string());
            row.decided_by_id = Set(Some(self.world.registrar));
            row.decided_at = Set(Some(at.into()));
            row.decision_note = Set(Some("Decided by the registry.".to_string()));
            row.updated_at = Set(at.into());
        }
        row
    }
}

/// Inserts `n` synthetic cases filed over the `years` years before `now`, with their clocks,
/// holds and extension requests, drawn from `seed`; loads the reference data and people they
/// need when missing. Shows a progress bar when `progress`.
///
/// # Errors
/// Database errors; a database without member states or bodies after loading.
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
    let first_id = max_id::<cases::Entity>(db, cases::Column::Id).await? + 1;
    let mut pids = ChaCha8Rng::seed_from_u64(seed);
    pids.set_stream(u64::try_from(first_id).unwrap_or(0));
    let span = Duration::days(365 * i64::from(years)).num_seconds();
    let start = now - Duration::seconds(span);
    let count = usize::try_from(n).map_err(|_| AppError::Internal("n too large".into()))?;
    let filed = filing_instants(&mut rng, &calendar, count, start, span);
    let mut run = Run {
        settings,
        calendar: &calendar,
        world: &world,
        draws: Draws::new(&mut rng, &world, filed)?,
        seed,
        now,
        start,
        first_id,
        deadline_id: max_id::<deadlines::Entity>(db, deadlines::Column::Id).await?,
        hold_id: max_id::<holds::Entity>(db, holds::Column::Id).await?,
        extension_id: max_id::<extension_requests::Entity>(db, extension_requests::Column::Id)
            .await?,
        pids,
        // References continue each year's counter.
        counters: reference_counters::Entity::find()
            .all(db)
            .await?
            .into_iter()
            .filter_map(|c| i32::try_from(c.year).ok().map(|y| (y, c.last_value)))
            .collect(),
        loads: vec![(0, None); world.mediators.len()],
    };
    let bar = bar(
        progress,
        ProgressBar::new(n),
        "synthesizing {bar:40} {pos}/{len} cases {per_sec} eta {eta}",
    )?;
    let mut done = 0_usize;
    while done < count {
        let upto = (done + CHUNK).min(count);
        let mut rows = Rows::default();
        for i in done..upto {
            run.case(&mut rng, i, &mut rows, &mut summary);
        }
        summary.deadlines += rows.clocks.len() as u64;
        summary.holds += rows.holds.len() as u64;
        summary.extension_requests += rows.extensions.len() as u64;
        let txn = db.begin().await?;
        insert_chunked(&txn, rows.cases, 36).await?;
        insert_chunked(&txn, rows.clocks, 17).await?;
        insert_chunked(&txn, rows.holds, 9).await?;
        insert_chunked(&txn, rows.extensions, 14).await?;
        txn.commit().await?;
        bar.inc((upto - done) as u64);
        done = upto;
    }
    bar.finish_and_clear();
    record_loads(db, &run, now).await?;
    maintain(db).await?;
    summarize(db, first_id, now, progress, &mut summary).await?;
    summary.cases = n;
    summary.first_id = first_id;
    summary.last_id = first_id + i64::try_from(n).unwrap_or(0) - 1;
    summary.seconds = began.elapsed().as_secs_f64();
    Ok(summary)
}

/// `bar` styled with `template` when `progress`, else a hidden one.
fn bar(progress: bool, bar: ProgressBar, template: &str) -> AppResult<ProgressBar> {
    if !progress {
        return Ok(ProgressBar::hidden());
    }
    let style =
        ProgressStyle::with_template(template).map_err(|e| AppError::Internal(e.to_string()))?;
    Ok(bar.with_style(style))
}

/// The references taken and the mediators' new loads, in one transaction.
async fn record_loads(db: &DatabaseConnection, run: &Run<'_>, now: DateTime<Utc>) -> AppResult<()> {
    let txn = db.begin().await?;
    for (year, last) in &run.counters {
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
    for (k, (load, last)) in run.loads.iter().enumerate() {
        if *load == 0 && last.is_none() {
            continue;
        }
        let user = run.world.mediators[k].0;
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
    Ok(())
}

/// Sequences past the explicit ids, and what autovacuum does after a bulk load.
async fn maintain(db: &DatabaseConnection) -> AppResult<()> {
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
        // Statistics for the planner and the visibility map that index-only scans need.
        for t in tables {
            db.execute_unprepared(&format!("VACUUM (ANALYZE) {t}"))
                .await?;
        }
    } else {
        for t in tables {
            db.execute_unprepared(&format!("ANALYZE {t}")).await?;
        }
    }
    Ok(())
}

/// Oversight's summaries of the new filing days, as each filing would have recorded.
async fn summarize(
    db: &DatabaseConnection,
    first_id: i64,
    now: DateTime<Utc>,
    progress: bool,
    summary: &mut Summary,
) -> AppResult<()> {
    let summarizing = std::time::Instant::now();
    let day = figures::day_sql(db.get_database_backend(), "cases", "filed_at");
    db.execute_unprepared(&format!(
        "INSERT INTO figure_changes (day) \
         SELECT DISTINCT {day} FROM cases WHERE id >= {first_id}"
    ))
    .await?;
    let bar = bar(
        progress,
        ProgressBar::new_spinner(),
        "summarizing {spinner} {pos} filing days",
    )?;
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
    Ok(())
}
