//! Open cases by the thousand, each with one running clock, of which a chosen number are due
//! for a reminder: written straight into the tables, since filing them one by one would take
//! longer than what the reminder benchmark and the fault suites measure.
use chrono::{DateTime, Duration, NaiveDate, Utc};
use loco_rs::app::AppContext;
use redress::{
    models::{
        _entities::cases,
        bodies,
        cases::rows::{self, NewRow},
        deadlines::{self, calendar::DayUnit},
        delegations,
        users::{self, Accreditation},
        vocabulary::{BodyKind, Category, Confidentiality, DeadlineKind, Locale, Role, Urgency},
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
    let body = bodies::create(
        &txn,
        "HRC",
        "Human Rights Council",
        &bodies::Translations::new(),
        BodyKind::Council,
        now,
    )
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
    let i = seed.id;
    let mut row = rows::new_row(
        NewRow {
            pid: uuid::Uuid::new_v4(),
            reference: format!("GR-2026-{i:07}"),
            title: "Agenda item dropped without notice".into(),
            category: Category::AgendaSetting,
            body_id: seed.body,
            incident_date: NaiveDate::from_ymd_opt(2026, 11, 2).expect("date"),
            facts: "Seeded in bulk.".into(),
            remedy_sought: "Reinstatement.".into(),
            complainant_delegation_id: seed.complainant.0,
            filed_by_id: seed.complainant.1,
            respondent_body_id: seed.respondent_body,
            respondent_delegation_id: seed.respondent_delegation,
            confidentiality: Confidentiality::Public,
            language: seed.language.parse().expect("language"),
            urgency: Urgency::Normal,
            idempotency_key: format!("seeded-{i}"),
        },
        at,
    );
    row.id = Set(i);
    row.status = Set(seed.status.into());
    row.mediator_id = Set(seed.mediator);
    row.served_at = Set(Some(at.into()));
    // Callers that seed clocks set `next_due_at` to the soonest of them.
    row
}

/// `n` cases in mediation, ids 1 to `n` (the database holds no case yet), each with one
/// running information clock owed by the complainant. The first `due` fall due at `due_at`
/// and are due for the sweep now; the others fall due weeks later and are not looked at.
/// `progress` hears the number of cases of each chunk written.
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
            let mut clock =
                deadlines::new_row(i, DeadlineKind::Information, DayUnit::Working, (10, 0), now);
            clock.due_at = Set(Some(due_at.into()));
            clock.next_reminder_at = Set(Some(next.into()));
            clock_rows.push(clock);
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
