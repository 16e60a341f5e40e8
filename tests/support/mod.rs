//! A small world for tests: the member states, a few bodies, and one signed-in person per
//! standing a case can give (complainant, co-complainant, outsider, respondent, ...).
use axum_test::{TestResponse, TestServer};
use chrono::{DateTime, TimeZone, Utc};
use loco_rs::app::AppContext;
use redress::{
    models::{
        bodies, delegations,
        users::{self, Accreditation, Actor},
        vocabulary::{BodyKind, Locale, Role},
    },
    tasks::demo::DEMO_PASSWORD,
};
use sea_orm::TransactionTrait;
use serde_json::{json, Value};

pub use loco_rs::testing::prelude::*;

#[derive(Clone, Debug)]
pub struct Person {
    pub token: String,
    pub actor: Actor,
    pub email: String,
}

impl Person {
    pub fn pid(&self) -> String {
        self.actor.pid.to_string()
    }
}

#[derive(Clone, Debug)]
pub struct World {
    /// Delegate of Tuvalu (an LDC and SIDS), files the cases.
    pub complainant: Person,
    /// Delegate of Kiribati, named co-complainant.
    pub co_complainant: Person,
    /// Delegate of Bolivia: no standing in the cases.
    pub outsider: Person,
    /// Official of the Human Rights Council, the respondent body.
    pub respondent: Person,
    /// Official of another body.
    pub other_respondent: Person,
    /// Mediator of Ghanaian nationality.
    pub mediator: Person,
    /// Mediator of Tuvaluan nationality: conflicted in Tuvalu's cases.
    pub conflicted_mediator: Person,
    pub registrar: Person,
    pub oversight: Person,
    pub admin: Person,
}

const PEOPLE: &[(&str, Role, Option<&str>, Option<&str>)] = &[
    ("tuv@test.example", Role::Delegate, Some("TUV"), None),
    ("kir@test.example", Role::Delegate, Some("KIR"), None),
    ("bol@test.example", Role::Delegate, Some("BOL"), None),
    ("hrc@test.example", Role::Respondent, None, Some("HRC")),
    ("cop@test.example", Role::Respondent, None, Some("COP")),
    ("gha@test.example", Role::Mediator, Some("GHA"), None),
    (
        "tuv.mediator@test.example",
        Role::Mediator,
        Some("TUV"),
        None,
    ),
    ("registrar@test.example", Role::Registrar, None, None),
    ("oversight@test.example", Role::Oversight, None, None),
    ("admin@test.example", Role::Admin, None, None),
];

/// A fixed instant well inside a working week, for tests that drive the model directly.
pub fn monday_morning() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 3, 2, 9, 0, 0)
        .single()
        .expect("valid instant")
}

/// Builds the world in one transaction and signs everyone in.
pub async fn world(ctx: &AppContext) -> World {
    let now = redress::clock::now(ctx);
    let settings = redress::settings::Settings::of(ctx).expect("settings");
    let txn = ctx.db.begin().await.expect("begin");
    delegations::load_member_states(&txn, now)
        .await
        .expect("member states");
    // Two of the demo's bodies, with their official names in every language.
    for (code, name, translated, _) in redress::tasks::demo::BODIES
        .iter()
        .filter(|(code, ..)| ["HRC", "COP"].contains(code))
    {
        let names = redress::tasks::demo::translations(translated);
        bodies::create(&txn, code, name, &names, BodyKind::Council, now)
            .await
            .expect("body");
    }
    let mut people = Vec::new();
    for (email, role, delegation, body) in PEOPLE {
        let user = users::accredit(
            &txn,
            &settings,
            Accreditation {
                email: (*email).to_string(),
                name: format!("Test {email}"),
                role: *role,
                delegation: delegation.map(str::to_string),
                body: body.map(str::to_string),
                locale: Locale::En,
                zone: chrono_tz::America::New_York,
                password: Some(DEMO_PASSWORD.to_string()),
            },
            now,
        )
        .await
        .expect("accredit");
        people.push(user);
    }
    txn.commit().await.expect("commit");
    let jwt = ctx.config.get_jwt_config().expect("jwt config");
    let mut persons = people.into_iter().map(|u| Person {
        token: u.generate_jwt(&jwt.secret, jwt.expiration).expect("token"),
        actor: u.actor().expect("actor"),
        email: u.email.clone(),
    });
    let mut next = || persons.next().expect("person");
    World {
        complainant: next(),
        co_complainant: next(),
        outsider: next(),
        respondent: next(),
        other_respondent: next(),
        mediator: next(),
        conflicted_mediator: next(),
        registrar: next(),
        oversight: next(),
        admin: next(),
    }
}

/// One more signed-in person: `role`, of `delegation` or `body`, in New York, English.
pub async fn another(
    ctx: &AppContext,
    email: &str,
    role: Role,
    delegation: Option<&str>,
    body: Option<&str>,
) -> Person {
    let settings = redress::settings::Settings::of(ctx).expect("settings");
    let user = users::accredit(
        &ctx.db,
        &settings,
        Accreditation {
            email: email.to_string(),
            name: format!("Test {email}"),
            role,
            delegation: delegation.map(str::to_string),
            body: body.map(str::to_string),
            locale: Locale::En,
            zone: chrono_tz::America::New_York,
            password: Some(DEMO_PASSWORD.to_string()),
        },
        redress::clock::now(ctx),
    )
    .await
    .expect("accredit");
    let jwt = ctx.config.get_jwt_config().expect("jwt config");
    Person {
        token: user
            .generate_jwt(&jwt.secret, jwt.expiration)
            .expect("token"),
        actor: user.actor().expect("actor"),
        email: user.email.clone(),
    }
}

/// A valid grievance, to be changed field by field in tests.
pub fn grievance() -> Value {
    json!({
        "title": "Speaking slot cut from the general debate",
        "category": "speaking_time",
        "body": "HRC",
        "incident_date": "2026-01-15",
        "facts": "The chair removed our delegation from the speakers' list without notice.",
        "remedy_sought": "A guaranteed slot at the next session.",
        "respondent": { "kind": "body", "code": "HRC" },
        "co_complainants": ["KIR"],
        "confidentiality": "public",
        "language": "en",
        "urgency": "normal"
    })
}

/// The grievance of [`grievance`] against another respondent: a mediator who handled one
/// dispute between two parties is never assigned another, so tests that need several
/// mediated cases vary the respondent.
pub fn grievance_against(respondent: Value) -> Value {
    let mut g = grievance();
    g["respondent"] = respondent;
    g
}

pub async fn get(server: &TestServer, who: &Person, path: &str) -> TestResponse {
    server.get(path).authorization_bearer(&who.token).await
}

pub async fn post(server: &TestServer, who: &Person, path: &str, body: &Value) -> TestResponse {
    server
        .post(path)
        .authorization_bearer(&who.token)
        .json(body)
        .await
}

/// Files `body` as the complainant and returns the case as answered.
pub async fn file(server: &TestServer, world: &World, body: &Value) -> Value {
    file_as(server, &world.complainant, body).await
}

/// Files `body` as the delegate `who` and returns the case as answered.
pub async fn file_as(server: &TestServer, who: &Person, body: &Value) -> Value {
    let res = post(server, who, "/api/cases", body).await;
    assert_eq!(res.status_code(), 201, "filing failed: {}", res.text());
    res.json()
}

/// A small but real PDF.
pub const PDF: &[u8] = b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n\
2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n";

/// `who` adds a PDF as evidence to `case`; gives the document's pid.
pub async fn add_evidence(server: &TestServer, who: &Person, case: &Value) -> String {
    use axum_test::multipart::{MultipartForm, Part};
    let pid = case["pid"].as_str().expect("pid");
    let form = MultipartForm::new()
        .add_text("title", "Annotated agenda")
        .add_text("language", "en")
        .add_part("file", Part::bytes(PDF.to_vec()).file_name("agenda.pdf"));
    let res = server
        .post(&format!("/api/cases/{pid}/documents"))
        .authorization_bearer(&who.token)
        .multipart(form)
        .await;
    assert_eq!(res.status_code(), 201, "evidence refused: {}", res.text());
    res.json::<Value>()[0]["pid"]
        .as_str()
        .expect("a document pid")
        .to_string()
}

/// Takes an action on a case and returns the response.
pub async fn act(server: &TestServer, who: &Person, case: &Value, action: Value) -> TestResponse {
    let pid = case["pid"].as_str().expect("pid");
    post(server, who, &format!("/api/cases/{pid}/actions"), &action).await
}

/// Takes an action that must succeed and returns the updated case.
pub async fn must(server: &TestServer, who: &Person, case: &Value, action: Value) -> Value {
    let res = act(server, who, case, action.clone()).await;
    assert_eq!(res.status_code(), 200, "{action} failed: {}", res.text());
    res.json()
}

/// Files `body`, then the registrar registers it and declares it eligible (serving it on
/// the respondent, and assigning a mediator if one is eligible); returns the case as last
/// answered.
pub async fn eligible_case(server: &TestServer, world: &World, body: &Value) -> Value {
    let case = file(server, world, body).await;
    must(
        server,
        &world.registrar,
        &case,
        json!({"action": "register"}),
    )
    .await;
    must(
        server,
        &world.registrar,
        &case,
        json!({"action": "declare_eligible"}),
    )
    .await
}

/// Drives a fresh case to `in_mediation`: declaring it eligible assigns `world.mediator`,
/// the only mediator with no conflict in Tuvalu's cases.
pub async fn case_in_mediation(server: &TestServer, world: &World) -> Value {
    let case = eligible_case(server, world, &grievance()).await;
    assert_eq!(case["status"], "in_mediation", "{case}");
    assert_eq!(case["mediator"]["pid"], world.mediator.pid(), "{case}");
    case
}

pub fn deadline<'a>(case: &'a Value, kind: &str) -> &'a Value {
    case["deadlines"]
        .as_array()
        .expect("deadlines")
        .iter()
        .rev()
        .find(|d| d["kind"] == kind)
        .unwrap_or_else(|| panic!("no {kind} deadline in {case}"))
}

pub mod clocks;
pub mod imap;
pub mod smtp;

/// The policy and calendar the app booted with.
/// The app's policy as it stands, at `at`.
pub async fn policy_at(ctx: &AppContext, at: DateTime<Utc>) -> redress::policy::Policy {
    redress::policy::Policy::of_at(ctx, at)
        .await
        .expect("policy")
}

pub async fn policy(
    ctx: &AppContext,
) -> (
    std::sync::Arc<redress::settings::Settings>,
    redress::models::deadlines::calendar::Calendar,
) {
    let settings = redress::settings::Settings::of(ctx).expect("settings");
    let calendar = redress::models::holidays::calendar(&ctx.db, &settings)
        .await
        .expect("calendar");
    (settings, calendar)
}

/// Changes a person's stored row as `change` says, past every check of the edge (as data
/// from before a check, or written by hand, would be).
pub async fn alter_user(
    ctx: &AppContext,
    who: &Person,
    change: impl FnOnce(&mut users::ActiveModel),
) {
    use sea_orm::{ActiveModelTrait, EntityTrait};
    let user = users::Entity::find_by_id(who.actor.id)
        .one(&ctx.db)
        .await
        .expect("query")
        .expect("user");
    let mut am: users::ActiveModel = user.into();
    change(&mut am);
    am.update(&ctx.db).await.expect("update");
}

/// Moves a person to another language and time zone.
pub async fn relocate(ctx: &AppContext, who: &Person, locale: &str, zone: &str) {
    use sea_orm::ActiveValue::Set;
    alter_user(ctx, who, |am| {
        am.locale = Set(locale.to_string());
        am.time_zone = Set(zone.to_string());
    })
    .await;
}

/// Every case carries the soonest due instant of its running clocks (`next_due_at`, which
/// orders the caseload), whatever the actions that opened, met, paused or moved them.
pub async fn assert_soonest_clocks_kept(ctx: &AppContext) {
    use redress::models::{_entities::cases, deadlines};
    use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
    let mut soonest: std::collections::HashMap<i64, DateTime<Utc>> = Default::default();
    for d in deadlines::Entity::find()
        .filter(deadlines::Column::MetAt.is_null())
        .filter(deadlines::Column::CancelledAt.is_null())
        .all(&ctx.db)
        .await
        .expect("clocks")
    {
        if let Some(due) = d.due_at.map(|t| t.to_utc()) {
            let s = soonest.entry(d.case_id).or_insert(due);
            *s = (*s).min(due);
        }
    }
    let cases = cases::Entity::find().all(&ctx.db).await.expect("cases");
    assert!(!cases.is_empty(), "no case to check");
    for c in cases {
        assert_eq!(
            c.next_due_at.map(|t| t.to_utc()),
            soonest.get(&c.id).copied(),
            "the soonest clock of {} ({})",
            c.reference,
            c.status
        );
    }
}

/// A message of the mail corpus (`tests/fixtures/mail`), as its bytes.
pub fn mail_fixture(name: &str) -> Vec<u8> {
    std::fs::read(format!(
        "{}/tests/fixtures/mail/{name}",
        env!("CARGO_MANIFEST_DIR")
    ))
    .expect("fixture")
}
