//! The skeleton every change to a case after filing goes through: the case in the actor's
//! scope, at the version the client saw, an action the actor's standing and the lifecycle
//! allow; then the action itself (`cases::actions`, which writes the status conditionally on
//! the version), the event on the audit chain and the notices, all in one transaction.
use chrono::{DateTime, Utc};
use sea_orm::{entity::prelude::*, DatabaseTransaction, TransactionTrait};

use super::{
    actions::{Acted, ActionInput, Audience, Cx, Done, Moment},
    CaseAction, Column, Entity, Model, Recipients,
};
use crate::{
    errors::{AppError, AppResult, FieldErrors, Said},
    models::{
        case_events::{self, NewEvent},
        deadlines::calendar::Calendar,
        digests,
        documents::{Attachments, Spooled},
        notifications::{self, Notice, NoticeKind, Timing},
        users::{self, Actor},
        vocabulary::{Channel, Language, Role},
    },
    policy::Policy,
    settings::Settings,
};

/// What the client asks: an action, and the version of the case it acted on.
#[derive(Clone, Debug)]
pub struct Command {
    /// The case version the client saw; a stale one is refused with 409.
    pub expected_version: Option<i64>,
    /// The language the action's pleading is written in, for an action that writes one
    /// ([`CaseAction::writes_pleading`]); the case's when not given.
    pub written_in: Option<Language>,
    pub input: ActionInput,
}

impl Command {
    /// An action with nothing else said: acting on the case as it is now, in its language.
    #[must_use]
    pub const fn of(input: ActionInput) -> Self {
        Self {
            expected_version: None,
            written_in: None,
            input,
        }
    }
}

/// Applies `command` to the case `pid` as `actor`, under `policy` (at its instant).
///
/// # Errors
/// 404 when the case is not visible; 403 when the actor may not take this action; 409 for a
/// lifecycle refusal, a stale version or a broken rule; 422 for invalid input.
pub async fn transition<C>(
    db: &C,
    policy: &Policy,
    actor: &Actor,
    pid: Uuid,
    command: Command,
) -> AppResult<Model>
where
    C: ConnectionTrait + TransactionTrait<Transaction = DatabaseTransaction>,
{
    transition_attached(db, policy, actor, pid, command, Attachments::default()).await
}

/// [`transition`] with files sent along, kept with the pleading the action writes, in its
/// transaction: no pleading without its files, no file without its pleading.
///
/// # Errors
/// As [`transition`]; 422 when the action writes no pleading to attach files to, or the
/// files break the case file's limits.
pub async fn transition_attached<C>(
    db: &C,
    policy: &Policy,
    actor: &Actor,
    pid: Uuid,
    command: Command,
    mut attached: Attachments,
) -> AppResult<Model>
where
    C: ConnectionTrait + TransactionTrait<Transaction = DatabaseTransaction>,
{
    command.input.validate()?;
    if command.written_in.is_some() && !command.input.action().writes_pleading() {
        return Err(AppError::Validation(FieldErrors::single_said(
            "written_in",
            "not_taken",
            Said::new("field-written-in-not-taken"),
        )));
    }
    if !attached.is_empty() && !command.input.action().takes_files() {
        return Err(AppError::Validation(FieldErrors::single_said(
            "file",
            "not_taken",
            Said::new("document-not-taken"),
        )));
    }
    let frame = Frame {
        settings: &policy.settings,
        calendar: &policy.calendar,
        actor,
        now: policy.now,
    };
    let txn = db.begin().await?;
    if !attached.is_empty() {
        Model::claim_for_writing(&txn, pid).await?;
    }
    let result = run(&txn, &frame, pid, &command, attached.take()).await;
    match result {
        Ok(case) => {
            txn.commit().await?;
            Ok(case)
        }
        Err(e) => {
            txn.rollback().await?;
            Err(e)
        }
    }
}

/// What every step of one request shares: the policy, the calendar, who acts and when.
struct Frame<'a> {
    settings: &'a Settings,
    calendar: &'a Calendar,
    actor: &'a Actor,
    now: DateTime<Utc>,
}

/// The action, then, when it leaves an eligible case without a mediator (eligibility, an
/// upheld challenge, a recusal), the rule's automatic assignment in the same transaction.
async fn run(
    db: &DatabaseTransaction,
    frame: &Frame<'_>,
    pid: Uuid,
    command: &Command,
    attached: Vec<Spooled>,
) -> AppResult<Model> {
    let (case, staff) = apply(db, frame, pid, command, false, attached).await?;
    // The case's filing day and body never change, so one mark covers both steps.
    crate::models::oversight::figures::touch(db, &case).await?;
    if !staff {
        return Ok(case);
    }
    let automatic = Command::of(ActionInput::AssignMediator {
        mediator: None,
        override_reason: None,
    });
    let (case, _) = apply(db, frame, pid, &automatic, true, Vec::new()).await?;
    Ok(case)
}

/// One action. With `automatic`, it is the system's own follow-up to the actor's action: it
/// acts with the registry's standing, and its event names no actor. Answers the case as it
/// now is, and whether it needs a mediator next.
async fn apply(
    db: &DatabaseTransaction,
    frame: &Frame<'_>,
    pid: Uuid,
    command: &Command,
    automatic: bool,
    attached: Vec<Spooled>,
) -> AppResult<(Model, bool)> {
    let case = if automatic {
        // The actor may have just left the case (a recusing mediator no longer sees it).
        Entity::find()
            .filter(Column::Pid.eq(pid))
            .one(db)
            .await?
            .ok_or(AppError::NotFound)?
    } else {
        Model::find_for(db, frame.actor, pid).await?
    };
    if let Some(v) = command.expected_version {
        if v != case.version {
            return Err(AppError::Conflict(format!(
                "the case is at version {}, you acted on version {v}; reload it and try again",
                case.version
            )));
        }
    }
    let action = command.input.action();
    let co = case.co_complainant_ids(db).await?;
    let role = if automatic {
        super::CaseRole::Registrar
    } else {
        case.role_of(frame.actor, &co)
            .ok_or_else(|| AppError::Forbidden(Said::new("forbidden-not-a-party")))?
    };
    if !role.may(action) {
        return Err(AppError::Forbidden(
            Said::new("forbidden-role-may-not").said("action", Said::of("action-", action)),
        ));
    }
    let from = case.status()?;
    let to = from.apply(action)?;
    Moment::read(db, &case, frame.settings, frame.calendar, frame.now)
        .await?
        .admits(&case, role, action)?;
    let mut cx = Cx {
        db,
        settings: frame.settings,
        calendar: frame.calendar,
        actor: frame.actor,
        role,
        action,
        case: &case,
        co: &co,
        from,
        to,
        now: frame.now,
        automatic,
        detail: serde_json::Map::new(),
        pleaded: None,
        attached,
        written_in: command.written_in,
        last_pleading: None,
        asides: Vec::new(),
    };
    let acted = command.input.act(&mut cx).await?;
    if !cx.attached.is_empty() {
        // Refused up front for actions that take no files; reaching here is a bug, and the
        // transaction must not keep a pleading that lost its files.
        return Err(AppError::Internal(format!(
            "{action} took files but wrote no pleading to keep them with"
        )));
    }
    let Acted::Done(done) = acted else {
        return Ok((case.clone(), false));
    };
    let detail = std::mem::take(&mut cx.detail);
    let mut event = NewEvent::for_action(
        case.id,
        frame.actor.id,
        action,
        Some(from),
        to,
        detail.into(),
    );
    if automatic {
        event.actor_id = None;
    }
    let event = case_events::append(db, event, frame.now).await?;
    for aside in std::mem::take(&mut cx.asides) {
        case_events::append(
            db,
            NewEvent {
                case_id: case.id,
                actor_id: (!automatic).then_some(frame.actor.id),
                action: case_events::Recorded::Note,
                from: None,
                to: None,
                detail: aside.into(),
            },
            frame.now,
        )
        .await?;
    }
    let updated = Entity::find_by_id(case.id)
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    notify(&cx, &updated, action, event.id, &done).await?;
    if let Some(text) = cx.pleaded.take() {
        let author = users::Entity::find_by_id(frame.actor.id)
            .one(db)
            .await?
            .ok_or(AppError::NotFound)?;
        digests::send_receipt(
            db,
            &author,
            &updated,
            &text,
            &event,
            Channel::Online,
            frame.now,
        )
        .await?;
    }
    Ok((updated, done.staff_after))
}

/// Queues the notices of one action: one row per person concerned, except the actor; and
/// the action's further notice about the same event, if it has one.
async fn notify(
    cx: &Cx<'_>,
    case: &Model,
    action: CaseAction,
    event_id: i64,
    done: &Done,
) -> AppResult<()> {
    let mut told = people(cx.db, case, cx.co, done.audience).await?;
    // A mediator who leaves the case hears why, whoever made them leave.
    if let Some(former) = cx.case.mediator_id.filter(|m| case.mediator_id != Some(*m)) {
        told.extend(users::Entity::find_by_id(former).one(cx.db).await?);
    }
    told.sort_by_key(|u| u.id);
    told.dedup_by_key(|u| u.id);
    told.retain(|u| u.id != cx.actor.id);
    let notice = Notice {
        kind: NoticeKind::Action(action),
        case_id: Some(case.id),
        dedupe_base: format!("event:{event_id}"),
        payload: serde_json::json!({
            "case": case.pid,
            "reference": case.reference,
            "action": action,
            "from": cx.from,
            "status": cx.to,
            "stage": done.stage,
        }),
        timing: Timing::Now,
    };
    notifications::enqueue(cx.db, &told, &notice, cx.now).await?;
    let Some((kind, key, to)) = done.also else {
        return Ok(());
    };
    let notice = Notice {
        kind,
        case_id: Some(case.id),
        dedupe_base: format!("event:{event_id}:{key}"),
        payload: serde_json::json!({
            "case": case.pid,
            "reference": case.reference,
            "status": cx.to,
        }),
        timing: Timing::Now,
    };
    let also = people(cx.db, case, cx.co, to).await?;
    notifications::enqueue(cx.db, &also, &notice, cx.now).await
}

/// The accredited people an audience names on this case (`co`: its co-complainant
/// delegations).
///
/// # Errors
/// Database errors.
pub(crate) async fn people(
    db: &impl ConnectionTrait,
    case: &Model,
    co: &[i64],
    to: Audience,
) -> AppResult<Vec<users::Model>> {
    let mut people = Vec::new();
    if to.oversight {
        people.extend(users::active_in_role(db, Role::Oversight).await?);
    }
    if !(to.complainants
        || to.respondents
        || to.mediator
        || to.registry
        || to.registry_without_mediator)
    {
        return Ok(people);
    }
    let Recipients {
        complainants,
        respondents,
        mediator,
        registrars,
    } = case.recipients(db, co).await?;
    let registry = to.registry || (to.registry_without_mediator && mediator.is_empty());
    for (wanted, group) in [
        (to.complainants, complainants),
        (to.respondents, respondents),
        (to.mediator, mediator),
        (registry, registrars),
    ] {
        if wanted {
            people.extend(group);
        }
    }
    Ok(people)
}
