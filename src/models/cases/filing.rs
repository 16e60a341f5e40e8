//! Filing a grievance: the complaint, its parties, its reference and its first clock, in
//! one transaction; filing again with the same idempotency key returns the first case.
use chrono::{DateTime, Datelike, NaiveDate, Utc};
use sea_orm::{
    entity::prelude::*,
    sea_query::{ExprTrait, OnConflict},
    ActiveValue::Set,
    TransactionSession, TransactionTrait,
};
use serde::Deserialize;
use validator::Validate;

use super::{
    disclosure::Disclosure,
    dossier::Dossier,
    rows::{self, NewRow},
    status, ActiveModel, CaseAction, Column, Entity, Model,
};
use crate::{
    errors::{one_line, visible_20, visible_5, AppError, AppResult, FieldErrors, Said},
    models::{
        _entities::{case_co_complainants as co, reference_counters as counters, submissions},
        bodies, case_events,
        deadlines::{self, ClockPolicy},
        delegations, digests,
        documents::{self, Attachments, Keeping, Spooled},
        notifications::{self, Notice, NoticeKind, Timing},
        seal,
        users::{self, Actor},
        vocabulary::{
            Category, Channel, Confidentiality, DeadlineKind, Language, Party, Role,
            SubmissionKind, Urgency,
        },
    },
    policy::Policy,
};

pub const MAX_TITLE_CHARS: u64 = 200;
pub const MAX_TEXT_CHARS: u64 = 20_000;
pub const MAX_CO_COMPLAINANTS: u64 = 50;
pub const MAX_KEY_CHARS: u64 = 100;

/// Whom the grievance is against.
#[derive(Clone, Debug, Deserialize, PartialEq, Eq, utoipa::ToSchema)]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
pub enum RespondentRef {
    /// A body (its chair or secretariat), by code.
    Body { code: String },
    /// Another delegation, by ISO alpha-3 code.
    Delegation { code: String },
}

/// A grievance as the delegate submits it.
#[derive(Clone, Debug, Deserialize, Validate, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewCase {
    #[validate(
        length(max = MAX_TITLE_CHARS),
        custom(function = "one_line"),
        custom(function = "visible_5")
    )]
    pub title: String,
    pub category: Category,
    /// Code of the body where the incident happened.
    pub body: String,
    #[serde(deserialize_with = "crate::models::day::bounded")]
    pub incident_date: NaiveDate,
    #[validate(length(max = MAX_TEXT_CHARS), custom(function = "visible_20"))]
    pub facts: String,
    #[validate(length(max = MAX_TEXT_CHARS), custom(function = "visible_5"))]
    pub remedy_sought: String,
    pub respondent: RespondentRef,
    #[serde(default)]
    #[validate(length(max = MAX_CO_COMPLAINANTS))]
    pub co_complainants: Vec<String>,
    pub confidentiality: Confidentiality,
    pub language: Language,
    #[serde(default = "normal")]
    pub urgency: Urgency,
    /// Client-chosen key: filing twice with it creates one case.
    #[validate(length(min = 1, max = MAX_KEY_CHARS), custom(function = "one_line"))]
    pub idempotency_key: Option<String>,
}

const fn normal() -> Urgency {
    Urgency::Normal
}

/// The result of filing: a new case with its dossier as the filer sees it (built from what
/// the filing wrote, so answering costs no second read), or the case an earlier request with
/// the same key made.
#[derive(Clone, Debug)]
pub enum Filed {
    Created(Box<Dossier>),
    Replayed(Box<Model>),
}

impl Filed {
    #[must_use]
    pub fn case(&self) -> &Model {
        match self {
            Self::Created(d) => &d.case,
            Self::Replayed(c) => c,
        }
    }
}

struct Resolved {
    body: bodies::Model,
    respondent_body: Option<bodies::Model>,
    respondent_delegation: Option<delegations::Model>,
    co: Vec<delegations::Model>,
}

impl Resolved {
    fn co_ids(&self) -> Vec<i64> {
        self.co.iter().map(|d| d.id).collect()
    }
}

async fn resolve(
    db: &impl ConnectionTrait,
    complainant: &delegations::Model,
    input: &NewCase,
    now: DateTime<Utc>,
    errors: &mut FieldErrors,
) -> AppResult<Option<Resolved>> {
    errors.check(input);
    if input.incident_date > now.date_naive() {
        errors.add("incident_date", "future", "must not be in the future");
    }
    if input.incident_date < NaiveDate::from_ymd_opt(1945, 10, 24).unwrap_or(NaiveDate::MIN) {
        errors.add_said(
            "incident_date",
            "range",
            Said::new("field-after-un-founding"),
        );
    }
    // Every code the filing names, looked up in one query per table.
    let co_codes = input
        .co_complainants
        .iter()
        .take(usize::try_from(MAX_CO_COMPLAINANTS).unwrap_or(usize::MAX));
    let mut body_codes = vec![input.body.as_str()];
    let mut delegation_codes: Vec<&str> = co_codes.clone().map(String::as_str).collect();
    match &input.respondent {
        RespondentRef::Body { code } => body_codes.push(code),
        RespondentRef::Delegation { code } => delegation_codes.push(code),
    }
    let known_bodies = bodies::Model::find_by_codes(db, &body_codes).await?;
    let known_delegations = delegations::Model::find_by_codes(db, &delegation_codes).await?;
    let body_of = |code: &str| known_bodies.get(&crate::models::code_key(code)).cloned();
    let delegation_of = |code: &str| {
        known_delegations
            .get(&crate::models::code_key(code))
            .cloned()
    };
    let body = body_of(&input.body);
    if body.is_none() {
        errors.add(
            "body",
            "unknown",
            format!("no body has the code `{}`", input.body),
        );
    }
    let (respondent_body, respondent_delegation) = match &input.respondent {
        RespondentRef::Body { code } => match body_of(code) {
            Some(b) => (Some(b), None),
            None => {
                errors.add(
                    "respondent.code",
                    "unknown",
                    format!("no body has the code `{code}`"),
                );
                (None, None)
            }
        },
        RespondentRef::Delegation { code } => match delegation_of(code) {
            Some(d) if d.id == complainant.id => {
                errors.add(
                    "respondent.code",
                    "self",
                    "a delegation cannot complain against itself",
                );
                (None, None)
            }
            Some(d) => (None, Some(d)),
            None => {
                errors.add(
                    "respondent.code",
                    "unknown",
                    format!("no delegation has the code `{code}`"),
                );
                (None, None)
            }
        },
    };
    let mut co: Vec<delegations::Model> = Vec::new();
    for (i, code) in co_codes.enumerate() {
        let field = format!("co_complainants[{i}]");
        match delegation_of(code) {
            Some(d) if d.id == complainant.id => {
                errors.add(
                    &field,
                    "self",
                    "the filing delegation is already the complainant",
                );
            }
            Some(d) if respondent_delegation.as_ref().is_some_and(|r| r.id == d.id) => {
                errors.add_said(
                    &field,
                    "respondent",
                    Said::new("field-respondent-not-complainant"),
                );
            }
            Some(d) if co.iter().any(|c| c.id == d.id) => {
                errors.add(&field, "duplicate", "listed twice");
            }
            Some(d) => co.push(d),
            None => errors.add(
                &field,
                "unknown",
                format!("no delegation has the code `{code}`"),
            ),
        }
    }
    Ok(body.filter(|_| errors.is_empty()).map(|body| Resolved {
        body,
        respondent_body,
        respondent_delegation,
        co,
    }))
}

/// The year's next reference, from one upsert on the year's counter row. Gapless references
/// mean filings queue on that row's lock, so the filing takes it as its last write: the lock
/// is held from here to the commit, not for the whole filing.
async fn next_reference(db: &impl ConnectionTrait, year: i32) -> AppResult<String> {
    let row = counters::Entity::insert(counters::ActiveModel {
        year: Set(i64::from(year)),
        last_value: Set(1),
    })
    .on_conflict(
        OnConflict::column(counters::Column::Year)
            .value(
                counters::Column::LastValue,
                Expr::col((counters::Entity, counters::Column::LastValue)).add(1),
            )
            .to_owned(),
    )
    .exec_with_returning(db)
    .await?;
    Ok(format!("GR-{year}-{:06}", row.last_value))
}

async fn find_replay(
    db: &impl ConnectionTrait,
    actor: &Actor,
    key: &str,
) -> AppResult<Option<Model>> {
    Ok(Entity::find()
        .filter(Column::FiledById.eq(actor.id))
        .filter(Column::IdempotencyKey.eq(key))
        .one(db)
        .await?)
}

/// Files a grievance for the actor's delegation, under `policy` (at its instant).
///
/// # Errors
/// 403 for anyone but a delegate, 422 for invalid input.
pub async fn file<C>(db: &C, policy: &Policy, actor: &Actor, input: NewCase) -> AppResult<Filed>
where
    C: ConnectionTrait + TransactionTrait,
{
    file_attached(db, policy, actor, input, Attachments::default()).await
}

/// [`file`] with documents sent along, kept with the grievance's statement in the filing's
/// transaction.
///
/// # Errors
/// As [`file`]; 422 when the files break the case file's limits.
pub async fn file_attached<C>(
    db: &C,
    policy: &Policy,
    actor: &Actor,
    input: NewCase,
    mut attached: Attachments,
) -> AppResult<Filed>
where
    C: ConnectionTrait + TransactionTrait,
{
    let (Role::Delegate, Some(delegation_id)) = (actor.role, actor.delegation_id) else {
        return Err(AppError::Forbidden(Said::new(
            "forbidden-only-delegates-file",
        )));
    };
    if let Some(key) = &input.idempotency_key {
        if let Some(existing) = find_replay(db, actor, key).await? {
            return Ok(Filed::Replayed(Box::new(existing)));
        }
    }
    let complainant = delegations::Entity::find_by_id(delegation_id)
        .one(db)
        .await?
        .ok_or_else(|| AppError::Corrupt("the delegate's delegation is missing".into()))?;
    let mut errors = FieldErrors::new();
    let resolved = resolve(db, &complainant, &input, policy.now, &mut errors).await?;
    errors.clone().into_result()?;
    let Some(resolved) = resolved else {
        return Err(AppError::Validation(errors));
    };
    let filer = users::Entity::find_by_id(actor.id)
        .one(db)
        .await?
        .ok_or_else(|| AppError::Corrupt("the filing delegate is missing".into()))?;
    let txn = db.begin().await?;
    let filing = Filing {
        actor,
        filer: &filer,
        input: &input,
        attached: attached.take(),
    };
    let result = insert_case(&txn, policy, filing, complainant, resolved).await;
    match result {
        Ok(dossier) => {
            txn.commit().await?;
            Ok(Filed::Created(Box::new(dossier)))
        }
        Err(e) => {
            txn.rollback().await?;
            // Two filings with one key racing: the loser finds the winner's case.
            if let Some(key) = &input.idempotency_key {
                if let Some(existing) = find_replay(db, actor, key).await? {
                    return Ok(Filed::Replayed(Box::new(existing)));
                }
            }
            Err(e)
        }
    }
}

/// Who files what, with which files.
struct Filing<'a> {
    actor: &'a Actor,
    filer: &'a users::Model,
    input: &'a NewCase,
    attached: Vec<Spooled>,
}

async fn insert_case(
    db: &impl ConnectionTrait,
    policy: &Policy,
    filing: Filing<'_>,
    complainant: delegations::Model,
    resolved: Resolved,
) -> AppResult<Dossier> {
    let Filing {
        actor,
        filer,
        input,
        attached,
    } = filing;
    let (settings, calendar, now) = (&*policy.settings, &*policy.calendar, policy.now);
    let co_ids = resolved.co_ids();
    let case = case_row(input, &resolved, complainant.id, actor.id, now)
        .insert(db)
        .await?;
    crate::models::oversight::figures::touch(db, &case).await?;
    if !co_ids.is_empty() {
        co::Entity::insert_many(co_ids.iter().map(|&d| co::ActiveModel {
            case_id: Set(case.id),
            delegation_id: Set(d),
            created_at: Set(now.into()),
            updated_at: Set(now.into()),
        }))
        .exec_without_returning(db)
        .await?;
    }
    let complaint = complaint_row(case.id, actor.id, input, now)
        .insert(db)
        .await?;
    let policy = ClockPolicy {
        settings,
        calendar,
        category: input.category,
        urgency: input.urgency,
        complainant_extra_time: complainant.gets_extra_time(),
        respondent_extra_time: resolved
            .respondent_delegation
            .as_ref()
            .is_some_and(delegations::Model::gets_extra_time),
    };
    // The case records its first clock in its last write, below.
    let clock = deadlines::open_clock(
        db,
        case.id,
        DeadlineKind::Acknowledge,
        &policy,
        &deadlines::Pauses::default(),
        now,
    )
    .await?;
    let seed = case_events::ChainSeed::new();
    let mut detail = serde_json::json!({
        (seal::CASE_KEY): seal::of_case(&seed, &case, &co_ids),
        "submission": complaint.pid,
        (seal::SUBMISSION_KEY): seal::of_submission(&seed, &complaint),
    });
    if !attached.is_empty() {
        let keeping = Keeping {
            case: &case,
            author_id: actor.id,
            party: Party::Complainant,
            submission_id: Some(complaint.id),
            language: input.language,
            now,
        };
        let kept = documents::keep_all(db, &keeping, None, attached, settings.documents).await?;
        detail[documents::SEALED_KEY] = documents::sealed(&kept);
    }
    let event = case_events::start_chain(
        db,
        case_events::NewEvent::for_action(
            case.id,
            actor.id,
            CaseAction::File,
            None,
            status::INITIAL,
            detail,
        ),
        seed,
        now,
    )
    .await?;
    let recipients = case.recipients(db, &co_ids).await?;
    let notice = Notice {
        kind: NoticeKind::CaseFiled,
        case_id: Some(case.id),
        dedupe_base: format!("event:{}", event.id),
        payload: serde_json::json!({
            "case": case.pid, "status": case.status,
        }),
        timing: Timing::Now,
    };
    let mut people = recipients.complainants;
    people.extend(recipients.registrars);
    notifications::enqueue(db, &people, &notice, now).await?;
    let reference = next_reference(db, calendar.local_date(now).year()).await?;
    Entity::update_many()
        .col_expr(Column::Reference, Expr::value(reference.clone()))
        .col_expr(Column::NextDueAt, Expr::value(clock.due_at))
        .filter(Column::Id.eq(case.id))
        .exec(db)
        .await?;
    let case = Model {
        reference,
        next_due_at: clock.due_at,
        ..case
    };
    digests::send_receipt(
        db,
        filer,
        &case,
        &complaint.body,
        &event,
        Channel::Online,
        now,
    )
    .await?;
    let viewer_role = case.role_of(actor, &co_ids);
    let mut co_complainants = resolved.co;
    co_complainants.sort_by(|a, b| a.name.cmp(&b.name));
    // A grievance just filed: its one clock runs, nothing is pending, no mediator holds it.
    let moment = super::actions::Moment {
        now,
        open_clocks: vec![clock.clone()],
        extension_pending_on: Vec::new(),
        holding: None,
    };
    Ok(Dossier {
        disclosure: Disclosure::of(&case, viewer_role),
        viewer_role,
        moment,
        case,
        body: Some(resolved.body),
        complainant: Some(complainant),
        co_complainants,
        respondent_body: resolved.respondent_body,
        respondent_delegation: resolved.respondent_delegation,
        mediator: None,
        deadlines: vec![clock],
        submissions: vec![(complaint, Some(filer.clone()))],
        events: vec![(event, Some(filer.clone()))],
        holds: Vec::new(),
        extension_requests: Vec::new(),
        translations: Vec::new(),
    })
}

/// Every problem the filing of `input` by `actor` would meet, without filing it: its words,
/// its dates, and every code it names (the forum, the respondent, the co-complainants). A
/// form that cannot be filed as it stands is told all of them in one round.
///
/// # Errors
/// 403 for someone who does not file; database errors.
pub async fn problems(
    db: &impl ConnectionTrait,
    policy: &Policy,
    actor: &Actor,
    input: &NewCase,
) -> AppResult<FieldErrors> {
    let (Role::Delegate, Some(delegation_id)) = (actor.role, actor.delegation_id) else {
        return Err(AppError::Forbidden(Said::new(
            "forbidden-only-delegates-file",
        )));
    };
    let complainant = delegations::Entity::find_by_id(delegation_id)
        .one(db)
        .await?
        .ok_or_else(|| AppError::Corrupt("the delegate's delegation is missing".into()))?;
    let mut errors = FieldErrors::new();
    resolve(db, &complainant, input, policy.now, &mut errors).await?;
    Ok(errors)
}

/// The case row a filing writes, under a placeholder reference until the real one is taken
/// just before the commit.
fn case_row(
    input: &NewCase,
    resolved: &Resolved,
    complainant_id: i64,
    filer_id: i64,
    now: DateTime<Utc>,
) -> ActiveModel {
    let pid = Uuid::new_v4();
    rows::new_row(
        NewRow {
            pid,
            // Unique until the real reference is taken, just before the commit.
            reference: format!("pending-{pid}"),
            title: input.title.trim().to_string(),
            category: input.category,
            body_id: resolved.body.id,
            incident_date: input.incident_date,
            facts: input.facts.trim().to_string(),
            remedy_sought: input.remedy_sought.trim().to_string(),
            complainant_delegation_id: complainant_id,
            filed_by_id: filer_id,
            respondent_body_id: resolved.respondent_body.as_ref().map(|b| b.id),
            respondent_delegation_id: resolved.respondent_delegation.as_ref().map(|d| d.id),
            confidentiality: input.confidentiality,
            language: input.language,
            urgency: input.urgency,
            idempotency_key: input
                .idempotency_key
                .clone()
                .unwrap_or_else(|| Uuid::new_v4().to_string()),
        },
        now,
    )
}

/// The complaint a filing opens the case's record with: the facts and the remedy sought.
fn complaint_row(
    case_id: i64,
    author_id: i64,
    input: &NewCase,
    now: DateTime<Utc>,
) -> submissions::ActiveModel {
    submissions::ActiveModel {
        pid: Set(Uuid::new_v4()),
        case_id: Set(case_id),
        kind: Set(SubmissionKind::Complaint.to_string()),
        author_id: Set(author_id),
        party: Set(Party::Complainant.to_string()),
        language: Set(input.language.to_string()),
        body: Set(format!(
            "{}\n\nRemedy sought:\n{}",
            input.facts.trim(),
            input.remedy_sought.trim()
        )),
        deadline_id: Set(None),
        created_at: Set(now.into()),
        updated_at: Set(now.into()),
        ..Default::default()
    }
}
