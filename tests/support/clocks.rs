//! Open cases by the thousand, each with one running clock, of which a chosen number are due
//! for a reminder: written straight into the tables, since filing them one by one would take
//! longer than what the reminder benchmark and the fault suites measure.
use chrono::{DateTime, Duration, NaiveDate, Utc};
use loco_rs::app::AppContext;
use redress::{
    models::{
        _entities::cases,
        bodies, deadlines, delegations,
        users::{self, Accreditation},
        vocabulary::{BodyKind, DeadlineKind, Locale, Party, Role},
    },
    settings::Settings,
};
use sea_orm::{ActiveValue::Set, ConnectionTrait, EntityTrait, TransactionTrait};

/// The delegations whose delegates file the seeded cases, in turn.
pub const DELEGATIONS: &[&str] = &[
    "TUV", "KIR", "BOL", "GHA", "FJI", "NPL", "HTI", "MDV", "VUT", "TON", "SEN", "PER",
];

/// Who the seeded cases belong to: the body they are about, and each delegation with its
/// delegate.
#[derive(Clone, Debug)]
pub struct Filers {
    pub body: i64,
    /// (delegation id, delegate's user id), in the order of [`DELEGATIONS`].
    pub delegates: Vec<(i64, i64)>,
    /// The delegates' emails, same order.
    pub emails: Vec<String>,
}

/// The member states, the Human Rights Council, and one delegate per delegation of
/// [`DELEGATIONS`] living in `zone`. Without a password each delegate is sent a link to
/// set one (a notice in the outbox).
pub async fn delegates(
    ctx: &AppContext,
    settings: &Settings,
    zone: chrono_tz::Tz,
    password: Option<&str>,
    now: DateTime<Utc>,
) -> Filers {
    let txn = ctx.db.begin().await.expect("begin");
    delegations::load_member_states(&txn, now)
        .await
        .expect("states");
    let body = bodies::create(&txn, "HRC", "Human Rights Council", BodyKind::Council, now)
        .await
        .expect("body");
    let mut filers = Filers {
        body: body.id,
        delegates: Vec::new(),
        emails: Vec::new(),
    };
    for code in DELEGATIONS {
        let user = users::accredit(
            &txn,
            settings,
            Accreditation {
                email: format!("{}@delegates.example", code.to_lowercase()),
                name: format!("Delegate of {code}"),
                role: Role::Delegate,
                delegation: Some((*code).to_string()),
                body: None,
                locale: Locale::En,
                zone,
                password: password.map(str::to_string),
            },
            now,
        )
        .await
        .expect("accredit");
        filers
            .delegates
            .push((user.delegation_id.expect("delegation"), user.id));
        filers.emails.push(user.email);
    }
    txn.commit().await.expect("commit");
    filers
}

/// Who a bulk-seeded case is between, and where it stands.
pub struct CaseSeed<'a> {
    pub id: i64,
    /// (delegation id, delegate's user id) of the complainant, who filed it.
    pub complainant: (i64, i64),
    /// The forum.
    pub body: i64,
    pub respondent_body: Option<i64>,
    pub respondent_delegation: Option<i64>,
    pub language: &'a str,
    pub status: &'a str,
    pub mediator: Option<i64>,
}

/// The row of a bulk-seeded case filed and served at `at`; its reference and idempotency
/// key come from its id.
pub fn case_row(seed: &CaseSeed<'_>, at: DateTime<Utc>) -> cases::ActiveModel {
    let stamp = at.into();
    let i = seed.id;
    cases::ActiveModel {
        id: Set(i),
        pid: Set(uuid::Uuid::new_v4()),
        reference: Set(format!("GR-2026-{i:07}")),
        title: Set("Agenda item dropped without notice".into()),
        category: Set("agenda_setting".into()),
        body_id: Set(seed.body),
        incident_date: Set(NaiveDate::from_ymd_opt(2026, 11, 2).expect("date")),
        facts: Set("Seeded in bulk.".into()),
        remedy_sought: Set("Reinstatement.".into()),
        complainant_delegation_id: Set(seed.complainant.0),
        filed_by_id: Set(seed.complainant.1),
        respondent_body_id: Set(seed.respondent_body),
        respondent_delegation_id: Set(seed.respondent_delegation),
        confidentiality: Set("public".into()),
        language: Set(seed.language.into()),
        urgency: Set("normal".into()),
        status: Set(seed.status.into()),
        outcome: Set(None),
        dismissal_reason: Set(None),
        mediator_id: Set(seed.mediator),
        on_hold: Set(false),
        appeals_lodged: Set(0),
        idempotency_key: Set(format!("seeded-{i}")),
        version: Set(1),
        filed_at: Set(stamp),
        served_at: Set(Some(stamp)),
        closed_at: Set(None),
        stopped_at: Set(None),
        registered_at: Set(None),
        eligibility_decided_at: Set(None),
        acknowledge_working_days: Set(None),
        eligibility_working_days: Set(None),
        closure_working_days: Set(None),
        // Callers that seed clocks set it to the soonest of them.
        next_due_at: Set(None),
        created_at: Set(stamp),
        updated_at: Set(stamp),
    }
}

/// `n` cases in mediation, ids 1 to `n` (the database holds no case yet), each with one
/// running information clock owed by the complainant. The first `due` fall due at `due_at`
/// and are due for the sweep now; the others fall due weeks later and are not looked at.
/// `progress` hears the number of cases of each chunk written.
#[allow(clippy::too_many_arguments)]
pub async fn open_cases(
    ctx: &AppContext,
    filers: &Filers,
    n: u64,
    due: u64,
    due_at: DateTime<Utc>,
    now: DateTime<Utc>,
    mut progress: impl FnMut(u64),
) {
    // Rows per INSERT: a case has about forty columns, and SQLite binds at most 32 766
    // parameters per statement.
    const CHUNK: u64 = 500;
    let later = now + Duration::days(20);
    let stamp: sea_orm::prelude::DateTimeWithTimeZone = now.into();
    let mut id = 0_i64;
    while (id as u64) < n {
        let txn = ctx.db.begin().await.expect("begin");
        let upto = ((id as u64 + CHUNK).min(n)) as i64;
        let mut case_rows = Vec::new();
        let mut clock_rows = Vec::new();
        for i in id + 1..=upto {
            case_rows.push(case_row(
                &CaseSeed {
                    id: i,
                    complainant: filers.delegates[(i as usize) % filers.delegates.len()],
                    body: filers.body,
                    respondent_body: Some(filers.body),
                    respondent_delegation: None,
                    language: "en",
                    status: "in_mediation",
                    mediator: None,
                },
                now,
            ));
            let is_due = (i as u64) <= due;
            let (due_at, next) = if is_due {
                (due_at, now - Duration::minutes(1))
            } else {
                (later + Duration::days(20), later)
            };
            if let Some(row) = case_rows.last_mut() {
                row.next_due_at = Set(Some(due_at.into()));
            }
            clock_rows.push(deadlines::ActiveModel {
                case_id: Set(i),
                kind: Set(DeadlineKind::Information.to_string()),
                party: Set(Party::Complainant.to_string()),
                unit: Set("working".into()),
                base_days: Set(10),
                sdt_days: Set(0),
                extension_days: Set(0),
                starts_at: Set(stamp),
                due_at: Set(Some(due_at.into())),
                paused_since: Set(None),
                met_at: Set(None),
                breached_at: Set(None),
                cancelled_at: Set(None),
                next_reminder_at: Set(Some(next.into())),
                created_at: Set(stamp),
                updated_at: Set(stamp),
                ..Default::default()
            });
        }
        cases::Entity::insert_many(case_rows)
            .exec_without_returning(&txn)
            .await
            .expect("cases");
        deadlines::Entity::insert_many(clock_rows)
            .exec_without_returning(&txn)
            .await
            .expect("clocks");
        txn.commit().await.expect("commit");
        progress((upto - id) as u64);
        id = upto;
    }
    if ctx.db.get_database_backend() == sea_orm::DatabaseBackend::Postgres {
        // Explicit ids leave the sequences behind; analyze so the planner knows the sizes.
        for sql in [
            "SELECT setval(pg_get_serial_sequence('cases', 'id'), (SELECT MAX(id) FROM cases))",
            "ANALYZE cases",
            "ANALYZE deadlines",
        ] {
            ctx.db.execute_unprepared(sql).await.expect("maintenance");
        }
    }
}
