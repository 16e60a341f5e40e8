//! Demo data: reference data, one person per role (and a few more), and about thirty cases
//! driven through the real transition function at past instants, so every status, clock,
//! event and notice in the demo is one the app itself would have produced.
use std::collections::HashMap;

use chrono::{DateTime, Duration, NaiveDate, Utc};
use loco_rs::{app::AppContext, Error, Result};
use sea_orm::{DatabaseTransaction, EntityTrait, PaginatorTrait, TransactionTrait};
use uuid::Uuid;

use crate::{
    errors::AppError,
    models::{
        bodies, cases,
        cases::{
            actions::ActionInput,
            filing::{file, NewCase, RespondentRef},
            transition::{transition, Command},
        },
        delegations,
        mediators::{self, ProfileChange},
        users::{self, Accreditation, Actor},
        vocabulary::{
            BodyKind, Category, Confidentiality, Decision, DismissalReason, Language, Locale, Role,
            Urgency,
        },
    },
    policy::Policy,
    settings::Settings,
};

/// The password of every demo account (documented in README).
pub const DEMO_PASSWORD: &str = "redress-demo-2026";

/// The languages of a demo body's official names besides English, in [`BODIES`]' order.
const TRANSLATED: [Locale; 5] = [Locale::Fr, Locale::Es, Locale::Ar, Locale::Zh, Locale::Ru];

/// A demo body's official names in the languages of [`TRANSLATED`], as a body keeps them.
#[must_use]
pub fn translations(names: &[&str; 5]) -> bodies::Translations {
    TRANSLATED
        .into_iter()
        .zip(names.iter().map(|n| (*n).to_string()))
        .collect()
}

/// The demo's bodies: (code, name, its official names in French, Spanish, Arabic, Chinese
/// and Russian, kind). The tests' bodies are taken from here too.
pub const BODIES: &[(&str, &str, [&str; 5], BodyKind)] = &[
    (
        "HRC",
        "Human Rights Council",
        [
            "Conseil des droits de l'homme",
            "Consejo de Derechos Humanos",
            "مجلس حقوق الإنسان",
            "人权理事会",
            "Совет по правам человека",
        ],
        BodyKind::Council,
    ),
    (
        "GA-C3",
        "General Assembly Third Committee",
        [
            "Troisième Commission de l'Assemblée générale",
            "Tercera Comisión de la Asamblea General",
            "اللجنة الثالثة للجمعية العامة",
            "大会第三委员会",
            "Третий комитет Генеральной Ассамблеи",
        ],
        BodyKind::Committee,
    ),
    (
        "COP",
        "Conference of the Parties",
        [
            "Conférence des Parties",
            "Conferencia de las Partes",
            "مؤتمر الأطراف",
            "缔约方大会",
            "Конференция Сторон",
        ],
        BodyKind::Conference,
    ),
    (
        "OEWG-ICT",
        "Open-ended Working Group on ICT security",
        [
            "Groupe de travail à composition non limitée sur la sécurité du numérique",
            "Grupo de Trabajo de Composición Abierta sobre la seguridad de las TIC",
            "الفريق العامل المفتوح العضوية المعني بأمن تكنولوجيا المعلومات والاتصالات",
            "信息和通信技术安全问题不限成员名额工作组",
            "Рабочая группа открытого состава по безопасности ИКТ",
        ],
        BodyKind::WorkingGroup,
    ),
    (
        "DGACM",
        "Department for General Assembly and Conference Management",
        [
            "Département de l'Assemblée générale et de la gestion des conférences",
            "Departamento de la Asamblea General y de Gestión de Conferencias",
            "إدارة شؤون الجمعية العامة والمؤتمرات",
            "大会和会议管理部",
            "Департамент по делам Генеральной Ассамблеи и конференционному управлению",
        ],
        BodyKind::Secretariat,
    ),
];

/// (email, name, role, delegation, body, locale, zone)
type DemoPerson = (
    &'static str,
    &'static str,
    Role,
    Option<&'static str>,
    Option<&'static str>,
    Locale,
    &'static str,
);

const PEOPLE: &[DemoPerson] = &[
    (
        "admin@redress.example",
        "Ada Admin",
        Role::Admin,
        None,
        None,
        Locale::En,
        "Europe/Zurich",
    ),
    (
        "registrar@redress.example",
        "Rosa Registrar",
        Role::Registrar,
        None,
        None,
        Locale::En,
        "Europe/Zurich",
    ),
    (
        "oversight@redress.example",
        "Omar Oversight",
        Role::Oversight,
        None,
        None,
        Locale::Fr,
        "Europe/Paris",
    ),
    (
        "mediator.ghana@redress.example",
        "Ama Mensah",
        Role::Mediator,
        Some("GHA"),
        None,
        Locale::En,
        "Africa/Accra",
    ),
    (
        "mediator.uruguay@redress.example",
        "Lucía Pereira",
        Role::Mediator,
        Some("URY"),
        None,
        Locale::Es,
        "America/Montevideo",
    ),
    (
        "mediator.norway@redress.example",
        "Ingrid Berg",
        Role::Mediator,
        Some("NOR"),
        None,
        Locale::En,
        "Europe/Oslo",
    ),
    (
        "delegate.tuvalu@redress.example",
        "Tala Seluka",
        Role::Delegate,
        Some("TUV"),
        None,
        Locale::En,
        "Pacific/Funafuti",
    ),
    (
        "delegate.haiti@redress.example",
        "Jean Baptiste",
        Role::Delegate,
        Some("HTI"),
        None,
        Locale::Fr,
        "America/Port-au-Prince",
    ),
    (
        "delegate.bolivia@redress.example",
        "Carmen Quispe",
        Role::Delegate,
        Some("BOL"),
        None,
        Locale::Es,
        "America/La_Paz",
    ),
    (
        "delegate.nepal@redress.example",
        "Sita Sharma",
        Role::Delegate,
        Some("NPL"),
        None,
        Locale::En,
        "Asia/Kathmandu",
    ),
    (
        "respondent.hrc@redress.example",
        "Henrik Chair",
        Role::Respondent,
        None,
        Some("HRC"),
        Locale::En,
        "Europe/Zurich",
    ),
    (
        "respondent.dgacm@redress.example",
        "Dana Secretariat",
        Role::Respondent,
        None,
        Some("DGACM"),
        Locale::En,
        "America/New_York",
    ),
    (
        "respondent.cop@redress.example",
        "Carlos Presidency",
        Role::Respondent,
        None,
        Some("COP"),
        Locale::Es,
        "Europe/Berlin",
    ),
    (
        "respondent.france@redress.example",
        "Françoise Martin",
        Role::Respondent,
        Some("FRA"),
        None,
        Locale::Fr,
        "Europe/Paris",
    ),
];

/// How far along the lifecycle a demo case is driven.
#[derive(Clone, Copy)]
enum Stage {
    Submitted,
    Registered,
    Assessing,
    Dismissed,
    Mediating,
    AwaitingResponse,
    ResponseReceived,
    Settled,
    Monitoring,
    ClosedSettled,
    UnderReview,
    Decided,
    ClosedDecided,
    Withdrawn,
    OnHold,
}

/// Most advanced first: the oldest demo cases have had time to go furthest.
const STAGES: &[Stage] = &[
    Stage::ClosedDecided,
    Stage::ClosedSettled,
    Stage::ClosedSettled,
    Stage::ClosedSettled,
    Stage::Monitoring,
    Stage::Monitoring,
    Stage::Decided,
    Stage::UnderReview,
    Stage::UnderReview,
    Stage::Settled,
    Stage::Settled,
    Stage::ResponseReceived,
    Stage::ResponseReceived,
    Stage::AwaitingResponse,
    Stage::AwaitingResponse,
    Stage::AwaitingResponse,
    Stage::OnHold,
    Stage::OnHold,
    Stage::Mediating,
    Stage::Mediating,
    Stage::Mediating,
    Stage::Dismissed,
    Stage::Dismissed,
    Stage::Withdrawn,
    Stage::Withdrawn,
    Stage::Assessing,
    Stage::Registered,
    Stage::Registered,
    Stage::Submitted,
    Stage::Submitted,
];

const TITLES: &[(&str, Category)] = &[
    (
        "Speaking slot cut from the general debate list",
        Category::SpeakingTime,
    ),
    (
        "Agenda item on sea-level rise dropped without consultation",
        Category::AgendaSetting,
    ),
    (
        "Draft resolution circulated in English only, hours before the vote",
        Category::DocumentAccess,
    ),
    (
        "No interpretation into French during informal consultations",
        Category::Interpretation,
    ),
    (
        "Night sessions scheduled at 03:00 in the delegation's capital",
        Category::Scheduling,
    ),
    (
        "Recorded vote called without the notice the rules require",
        Category::VotingProcedure,
    ),
    (
        "Chair refused the floor on a point of order",
        Category::ChairConduct,
    ),
    (
        "Excluded from the friends-of-the-chair consultations",
        Category::ExclusionFromConsultations,
    ),
    (
        "Side-event access withdrawn after a critical statement",
        Category::Retaliation,
    ),
    (
        "Badge accreditation delayed for the whole delegation",
        Category::Other,
    ),
];

fn err(e: AppError) -> Error {
    Error::from(e)
}

/// Loads everything into an empty database; a database that already has delegations is left
/// alone. Returns a one-line summary.
///
/// # Errors
/// When a demo row cannot be written.
pub async fn load(ctx: &AppContext, now: DateTime<Utc>) -> Result<String> {
    if delegations::Entity::find().count(&ctx.db).await? > 0 {
        return Ok("demo data already present; nothing loaded".into());
    }
    let policy = Policy::of(ctx).await.map_err(err)?;
    let settings = &policy.settings;
    // All or nothing: a failed load leaves an empty database, which the next start fills.
    let txn = ctx.db.begin().await?;
    let db = &txn;
    let states = delegations::load_member_states(db, now)
        .await
        .map_err(err)?;
    for (code, name, translated, kind) in BODIES {
        let names = translations(translated);
        bodies::create(db, code, name, &names, *kind, now)
            .await
            .map_err(err)?;
    }
    let people = accredit_people(db, settings, now).await?;
    let who = |email: &str| -> Result<Actor> {
        people
            .get(email)
            .cloned()
            .ok_or_else(|| Error::Message(format!("demo person {email}")))
    };
    let delegates = [
        "delegate.tuvalu@redress.example",
        "delegate.haiti@redress.example",
        "delegate.bolivia@redress.example",
        "delegate.nepal@redress.example",
    ];
    let respondents = [
        (
            "respondent.hrc@redress.example",
            RespondentRef::Body { code: "HRC".into() },
            "HRC",
        ),
        (
            "respondent.dgacm@redress.example",
            RespondentRef::Body {
                code: "DGACM".into(),
            },
            "GA-C3",
        ),
        (
            "respondent.cop@redress.example",
            RespondentRef::Body { code: "COP".into() },
            "COP",
        ),
        (
            "respondent.france@redress.example",
            RespondentRef::Delegation { code: "FRA".into() },
            "OEWG-ICT",
        ),
    ];
    profile_mediators(db, &who, now).await?;
    let registrar = who("registrar@redress.example")?;
    for (i, stage) in STAGES.iter().enumerate() {
        let delegate = who(delegates[i % delegates.len()])?;
        // Each complainant meets each respondent at most twice: a mediator who handled one
        // dispute between two parties is never assigned another, and there are three.
        let (resp_email, respondent, body) =
            &respondents[(i + i / delegates.len()) % respondents.len()];
        let respondent_actor = who(resp_email)?;
        let (title, category) = TITLES[i % TITLES.len()];
        // Older cases are further along: each starts 2 to 90 days ago and moves every 2 days.
        let t = now - Duration::days(90 - i64::try_from(i).unwrap_or(0) * 3);
        let filed = file(
            db,
            &policy.at(t),
            &delegate,
            NewCase {
                title: title.to_string(),
                category,
                body: (*body).to_string(),
                incident_date: (t - Duration::days(7)).date_naive().max(NaiveDate::from_ymd_opt(2026, 1, 1).unwrap_or_default()),
                facts: format!("{title}. The delegation raised the matter with the secretariat at the time and received no answer; the minutes of the meeting record the incident."),
                remedy_sought: "Formal acknowledgment, and a guaranteed slot at the next session.".into(),
                respondent: respondent.clone(),
                // The case left under assessment is brought by a coalition that includes the
                // nationality of every demo mediator, so the rule finds nobody and flags it.
                co_complainants: if matches!(stage, Stage::Assessing) { vec!["GHA".into(), "URY".into(), "NOR".into()] } else if i % 5 == 0 { vec!["KIR".into(), "MDV".into()] } else { Vec::new() },
                confidentiality: if i % 4 == 1 { Confidentiality::IdentityProtected } else { Confidentiality::Public },
                language: [Language::En, Language::Fr, Language::Es][i % 3],
                urgency: if i % 6 == 2 { Urgency::Urgent } else { Urgency::Normal },
                idempotency_key: Some(format!("demo-{i}")),
            },
        )
        .await
        .map_err(err)?;
        let cast = Cast {
            registrar: &registrar,
            respondent: &respondent_actor,
            complainant: &delegate,
        };
        play(db, &policy, filed.case().pid, *stage, &cast, (t, now)).await?;
    }
    let total = cases::Entity::find().count(db).await?;
    txn.commit().await?;
    Ok(format!(
        "loaded {states} delegations, {} bodies, {} people, {total} cases (password: {DEMO_PASSWORD})",
        BODIES.len(),
        PEOPLE.len()
    ))
}

#[derive(Clone, Copy)]
enum By {
    Registrar,
    Mediator,
    Respondent,
    Complainant,
}

/// One account per demo person, with the demo password.
async fn accredit_people(
    db: &impl sea_orm::ConnectionTrait,
    settings: &Settings,
    now: DateTime<Utc>,
) -> Result<HashMap<&'static str, Actor>> {
    let mut people = HashMap::new();
    for (email, name, role, delegation, body, locale, zone) in PEOPLE {
        let user = users::accredit(
            db,
            settings,
            Accreditation {
                email: (*email).to_string(),
                name: (*name).to_string(),
                role: *role,
                delegation: delegation.map(str::to_string),
                body: body.map(str::to_string),
                locale: *locale,
                zone: zone
                    .parse()
                    .map_err(|_| Error::Message(format!("zone {zone}")))?,
                password: Some(DEMO_PASSWORD.to_string()),
            },
            now,
        )
        .await
        .map_err(err)?;
        people.insert(*email, user.actor().map_err(err)?);
    }
    Ok(people)
}

/// Languages, capacity and a declared conflict for each demo mediator, so the rule has real
/// choices to make.
async fn profile_mediators(
    db: &DatabaseTransaction,
    who: &impl Fn(&str) -> Result<Actor>,
    now: DateTime<Utc>,
) -> Result<()> {
    for (email, languages, conflicting_bodies) in [
        (
            "mediator.ghana@redress.example",
            &[Language::En, Language::Fr][..],
            &[][..],
        ),
        (
            "mediator.uruguay@redress.example",
            &[Language::Es, Language::En][..],
            &["COP"][..],
        ),
        (
            "mediator.norway@redress.example",
            &[Language::En, Language::Fr, Language::Es][..],
            &[][..],
        ),
    ] {
        mediators::change_profile(
            db,
            &who("admin@redress.example")?,
            who(email)?.pid,
            ProfileChange {
                languages: Some(languages.iter().copied().collect()),
                capacity: Some(12),
                on_leave: None,
                conflicting_delegations: None,
                conflicting_bodies: Some(
                    conflicting_bodies
                        .iter()
                        .map(|b| (*b).to_string())
                        .collect(),
                ),
            },
            now,
        )
        .await
        .map_err(err)?;
    }
    Ok(())
}

/// Who plays each part in one demo case.
struct Cast<'a> {
    registrar: &'a Actor,
    respondent: &'a Actor,
    complainant: &'a Actor,
}

/// Takes a filed case through the steps of `stage`, one every two days from `t` (thirty
/// after a decision, when the appeal window must run out), none later than `now`.
async fn play(
    db: &DatabaseTransaction,
    policy: &Policy,
    pid: Uuid,
    stage: Stage,
    cast: &Cast<'_>,
    (mut t, now): (DateTime<Utc>, DateTime<Utc>),
) -> Result<()> {
    let steps = steps_for(stage);
    let mut after_decision = false;
    for (actor_kind, input) in steps {
        // After a decision the next step waits for the appeal window to run out.
        t += Duration::days(if after_decision { 30 } else { 2 });
        after_decision = matches!(input, ActionInput::RecordDecision { .. });
        // The mediator is whoever the rule assigned when the case became eligible.
        let mediator = match actor_kind {
            By::Mediator => Some(holder(db, pid).await?),
            _ => None,
        };
        let actor = match actor_kind {
            By::Registrar => cast.registrar,
            By::Mediator => mediator.as_ref().unwrap_or(cast.registrar),
            By::Respondent => cast.respondent,
            By::Complainant => cast.complainant,
        };
        let asked_for_a_response = matches!(input, ActionInput::RequestResponse { .. });
        transition(db, &policy.at(t.min(now)), actor, pid, Command::of(input))
            .await
            .map_err(err)?;
        if asked_for_a_response {
            let asked = correspond(db, policy, pid, (actor, cast.complainant), (t, now)).await?;
            translate(db, policy, pid, cast, asked, (t, now)).await?;
        }
    }
    Ok(())
}

/// The mediator writes to the complainant side alone, which answers, and leaves a note for
/// the staff's file, the day after asking the respondent for its response: what a case page
/// shows of correspondence. Gives the mediator's first message.
async fn correspond(
    db: &DatabaseTransaction,
    policy: &Policy,
    pid: Uuid,
    (mediator, complainant): (&Actor, &Actor),
    (t, now): (DateTime<Utc>, DateTime<Utc>),
) -> Result<crate::models::_entities::submissions::Model> {
    use crate::models::{
        correspondence,
        vocabulary::{Audience, Channel},
    };
    let at = (t + Duration::days(1)).min(now);
    let mut first = None;
    for (who, audience, body) in [
        (
            mediator,
            Audience::ComplainantSide,
            "I have asked the respondent for its account. Do you have the speakers list as it \
             stood on the morning of the session? It would help me greatly.",
        ),
        (
            complainant,
            Audience::ComplainantSide,
            "Yes: we kept the list circulated at 9:00. Our delegation's name was on it; it was \
             gone from the list read out at 15:00.",
        ),
        (
            mediator,
            Audience::Staff,
            "The complainant's account is consistent and documented; the respondent has so far \
             answered promptly.",
        ),
    ] {
        let input = correspondence::MessageInput {
            audience,
            body: body.into(),
            language: None,
            channel: Channel::Online,
        };
        let sent = correspondence::send(
            db,
            who,
            pid,
            &input,
            Vec::new(),
            policy.settings.documents,
            at,
        )
        .await
        .map_err(err)?;
        first.get_or_insert(sent.message);
    }
    first.ok_or_else(|| Error::Message(format!("demo case {pid} has no message")))
}

/// The complainant asks for the mediator's message in another language (French, or English
/// when the case is in French), and the registry provides it hours later: what a case page
/// shows of a translation beside its authentic original.
async fn translate(
    db: &DatabaseTransaction,
    policy: &Policy,
    pid: Uuid,
    cast: &Cast<'_>,
    message: crate::models::_entities::submissions::Model,
    (t, now): (DateTime<Utc>, DateTime<Utc>),
) -> Result<()> {
    use sea_orm::{ColumnTrait, QueryFilter};
    let (language, text) = if message.language == Language::Fr.as_ref() {
        (
            Language::En,
            "I have asked the respondent for its account. Do you have the speakers list as it \
             stood on the morning of the session? It would help me greatly.",
        )
    } else {
        (
            Language::Fr,
            "J'ai demandé à l'intimé de présenter sa version des faits. Disposez-vous de la \
             liste des orateurs telle qu'elle se présentait le matin de la séance ? Elle me \
             serait très utile.",
        )
    };
    let at = |hours| (t + Duration::days(1) + Duration::hours(hours)).min(now);
    let asked = transition(
        db,
        &policy.at(at(1)),
        cast.complainant,
        pid,
        Command::of(ActionInput::RequestTranslation {
            source: message.pid,
            language,
        }),
    )
    .await
    .map_err(err)?;
    let request = crate::models::translations::Entity::find()
        .filter(crate::models::translations::Column::CaseId.eq(asked.id))
        .one(db)
        .await?
        .ok_or_else(|| Error::Message(format!("demo case {pid}: no translation asked")))?;
    transition(
        db,
        &policy.at(at(5)),
        cast.registrar,
        pid,
        Command::of(ActionInput::ProvideTranslation {
            request: request.pid,
            text: Some(text.into()),
        }),
    )
    .await
    .map_err(err)?;
    Ok(())
}

/// The mediator who holds the case `pid`.
async fn holder(db: &impl sea_orm::ConnectionTrait, pid: Uuid) -> Result<Actor> {
    use sea_orm::{ColumnTrait, QueryFilter};
    let case = cases::Entity::find()
        .filter(cases::Column::Pid.eq(pid))
        .one(db)
        .await?
        .ok_or_else(|| Error::Message(format!("demo case {pid}")))?;
    let id = case
        .mediator_id
        .ok_or_else(|| Error::Message(format!("demo case {} has no mediator", case.reference)))?;
    users::Entity::find_by_id(id)
        .one(db)
        .await?
        .ok_or_else(|| Error::Message(format!("demo mediator {id}")))?
        .actor()
        .map_err(err)
}

fn steps_for(stage: Stage) -> Vec<(By, ActionInput)> {
    use ActionInput as I;
    let register = (
        By::Registrar,
        I::Register {
            note: None,
            note_audience: None,
        },
    );
    let eligible = (
        By::Registrar,
        I::DeclareEligible {
            note: Some("Within the mechanism's mandate.".into()),
            note_audience: None,
        },
    );
    let request = (
        By::Mediator,
        I::RequestResponse {
            request: "Please set out the body's account of the incident and any remedy it offers."
                .into(),
        },
    );
    let respond = (
        By::Respondent,
        I::SubmitResponse {
            response:
                "The body regrets the incident and offers a guaranteed slot at the next session."
                    .into(),
        },
    );
    let accept = (
        By::Complainant,
        I::AcceptResponse {
            note: Some("The delegation accepts the remedy offered.".into()),
        },
    );
    let monitor = (
        By::Mediator,
        I::StartMonitoring {
            plan: "Check the speakers' list of the next session.".into(),
        },
    );
    let close = (
        By::Mediator,
        I::Close {
            summary: "Remedy implemented as agreed.".into(),
        },
    );
    let escalate = (
        By::Mediator,
        I::Escalate {
            reason: "The parties could not agree; independent review is needed.".into(),
        },
    );
    let decide = (
        By::Registrar,
        I::RecordDecision {
            decision: Decision::PartlyUpheld,
            reasoning: "The rules of procedure were not followed in part.".into(),
        },
    );
    // Declaring a case eligible assigns its mediator automatically.
    let mediate = vec![register.clone(), eligible.clone()];
    let respond_path = [mediate.clone(), vec![request.clone(), respond.clone()]].concat();
    match stage {
        Stage::Submitted => vec![],
        Stage::Registered => vec![register],
        Stage::Assessing => vec![register, eligible],
        Stage::Dismissed => vec![
            register,
            (
                By::Registrar,
                I::Dismiss {
                    reason: DismissalReason::OutsideMandate,
                    note:
                        "The incident concerns a national matter outside the mechanism's mandate."
                            .into(),
                },
            ),
        ],
        Stage::Mediating => mediate,
        Stage::AwaitingResponse => [mediate, vec![request]].concat(),
        Stage::ResponseReceived => respond_path,
        Stage::Settled => [respond_path, vec![accept]].concat(),
        Stage::Monitoring => [respond_path, vec![accept, monitor]].concat(),
        Stage::ClosedSettled => [respond_path, vec![accept, monitor, close]].concat(),
        Stage::UnderReview => [respond_path, vec![escalate]].concat(),
        Stage::Decided => [respond_path, vec![escalate, decide]].concat(),
        Stage::ClosedDecided => [
            respond_path,
            vec![
                escalate,
                decide,
                (
                    By::Mediator,
                    I::StartMonitoring {
                        plan: "Follow the review's recommendations.".into(),
                    },
                ),
                close,
            ],
        ]
        .concat(),
        Stage::Withdrawn => vec![
            register,
            (
                By::Complainant,
                I::Withdraw {
                    reason: Some("Resolved informally with the chair.".into()),
                },
            ),
        ],
        Stage::OnHold => [
            mediate,
            vec![(
                By::Mediator,
                I::PlaceHold {
                    reason: "Awaiting the verbatim record of the meeting.".into(),
                },
            )],
        ]
        .concat(),
    }
}
