//! The outbox (DESIGN §5): a notice becomes one row per recipient, written in the same
//! transaction as the change that caused it. Delivery claims due rows, and every outcome
//! of an attempt (sent, retry later, failed, withdrawn) is recorded here.
use chrono::{DateTime, Duration, NaiveTime, TimeZone, Utc};
use sea_orm::{
    entity::prelude::*, sea_query::Expr, ActiveValue::Set, DatabaseBackend, QueryOrder,
    QuerySelect, Statement,
};
use serde::Serialize;

pub use super::_entities::notifications::{ActiveModel, Column, Entity, Model};
use super::{
    case_events::{self, NewEvent},
    cases::{self, CaseAction},
    users::{self, Actor},
    vocabulary::Role,
};
use crate::errors::{AppError, AppResult, Said};

impl ActiveModelBehavior for ActiveModel {}

/// What a notice is about: a case filed, an action on a case (named as the action), a
/// step of a clock's reminder plan, the staffing rule's outcomes, or a password reset.
/// Stored in `notifications.kind` by name; every email kind has words in each language.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum NoticeKind {
    CaseFiled,
    Action(CaseAction),
    /// An automatic assignment found nobody eligible.
    AssignmentBlocked,
    /// The registry assigned a mediator over a recorded conflict.
    AssignmentOverride,
    PasswordReset,
    Reminder,
    Breach,
    Escalation,
    /// The author's receipt for a filing or pleading: what can later prove what was filed.
    Receipt,
    /// A message on a case, to its audience (the stage names the audience).
    Message,
    /// Evidence added to a case on its own.
    DocumentsAdded,
    /// A reply by mail that could not be placed on its case, told to its sender (the stage
    /// says why: `closed`, `empty` or `refused`).
    ReplyNotPlaced,
}

impl NoticeKind {
    /// Every kind, each once.
    pub fn all() -> impl Iterator<Item = Self> {
        std::iter::once(Self::CaseFiled)
            .chain(
                <CaseAction as strum::IntoEnumIterator>::iter()
                    .filter(|a| *a != CaseAction::File)
                    .map(Self::Action),
            )
            .chain([
                Self::AssignmentBlocked,
                Self::AssignmentOverride,
                Self::PasswordReset,
                Self::Reminder,
                Self::Breach,
                Self::Escalation,
                Self::Receipt,
                Self::Message,
                Self::DocumentsAdded,
                Self::ReplyNotPlaced,
            ])
    }

    /// The stored name.
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Self::CaseFiled => "case_filed",
            Self::Action(a) => a.into(),
            Self::AssignmentBlocked => "assignment_blocked",
            Self::AssignmentOverride => "assignment_override",
            Self::PasswordReset => "password_reset",
            Self::Reminder => "reminder",
            Self::Breach => "breach",
            Self::Escalation => "escalation",
            Self::Receipt => "receipt",
            Self::Message => "message",
            Self::DocumentsAdded => "documents_added",
            Self::ReplyNotPlaced => "reply_not_placed",
        }
    }

    /// The kind stored under `name`, if any.
    #[must_use]
    pub fn parse(name: &str) -> Option<Self> {
        Self::all().find(|k| k.name() == name)
    }

    /// About one clock: withdrawn, not sent, when the clock moved on since it was queued.
    #[must_use]
    pub const fn is_about_a_deadline(self) -> bool {
        matches!(self, Self::Reminder | Self::Breach | Self::Escalation)
    }

    /// Shows the case's next clock its reader may see (a receipt is about what was filed,
    /// a deadline notice names its own clock).
    #[must_use]
    pub const fn shows_the_next_clock(self) -> bool {
        !matches!(self, Self::Receipt | Self::PasswordReset)
    }

    /// About a case (every kind but a password reset).
    #[must_use]
    pub const fn is_about_a_case(self) -> bool {
        !matches!(self, Self::PasswordReset)
    }
}

impl std::fmt::Display for NoticeKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

impl Serialize for NoticeKind {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.name())
    }
}

/// When a queued notice should go out.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Timing {
    /// As soon as delivery runs.
    Now,
    /// In each recipient's own morning (at `hour`, their zone) before `target`: a reminder
    /// should not arrive at 3 a.m., nor after the deadline it announces.
    MorningBefore { target: DateTime<Utc>, hour: u32 },
}

/// One notice to queue for a set of recipients.
#[derive(Clone, Debug)]
pub struct Notice {
    pub kind: NoticeKind,
    pub case_id: Option<i64>,
    /// Unique per cause (an event, a reminder lead...); the recipient is appended, so the
    /// same cause never queues two rows for one person.
    pub dedupe_base: String,
    pub payload: serde_json::Value,
    pub timing: Timing,
}

/// The morning before `target` in `zone`: `hour` o'clock on the local day `target` falls
/// on, or on the day before when that hour is not earlier than `target` (a deadline at
/// 18:00 in Geneva is 06:00 the next day in Nuku'alofa, so the reminder comes the morning
/// before).
#[must_use]
pub fn morning_before(target: DateTime<Utc>, zone: chrono_tz::Tz, hour: u32) -> DateTime<Utc> {
    let at = NaiveTime::from_hms_opt(hour.min(23), 0, 0).unwrap_or(NaiveTime::MIN);
    let local_day = target.with_timezone(&zone).date_naive();
    let mut day = local_day;
    for _ in 0..3 {
        if let Some(m) = zone.from_local_datetime(&day.and_time(at)).earliest() {
            let m = m.with_timezone(&Utc);
            if m < target {
                return m;
            }
        }
        day = day.pred_opt().unwrap_or(day);
    }
    target - Duration::hours(12)
}

fn first_attempt(user: &users::Model, timing: Timing, now: DateTime<Utc>) -> DateTime<Utc> {
    match timing {
        Timing::Now => now,
        Timing::MorningBefore { target, hour } => {
            let zone = user.time_zone.parse().unwrap_or(chrono_tz::UTC);
            morning_before(target, zone, hour).max(now)
        }
    }
}

/// The outbox rows `notice` makes for these recipients: one per active person.
#[must_use]
pub fn rows_for(
    recipients: &[users::Model],
    notice: &Notice,
    now: DateTime<Utc>,
) -> Vec<ActiveModel> {
    let mut seen = std::collections::BTreeSet::new();
    let payload = notice.payload.to_string();
    recipients
        .iter()
        .filter(|u| u.active && seen.insert(u.id))
        .map(|u| ActiveModel {
            user_id: Set(u.id),
            case_id: Set(notice.case_id),
            kind: Set(notice.kind.to_string()),
            locale: Set(u.locale.clone()),
            payload: Set(payload.clone()),
            dedupe_key: Set(format!("{}:user:{}", notice.dedupe_base, u.id)),
            attempts: Set(0),
            next_attempt_at: Set(first_attempt(u, notice.timing, now).into()),
            sent_at: Set(None),
            failed_at: Set(None),
            cancelled_at: Set(None),
            last_error: Set(None),
            created_at: Set(now.into()),
            updated_at: Set(now.into()),
            ..Default::default()
        })
        .collect()
}

/// Inserts outbox rows, skipping those whose dedupe key already exists: re-running the
/// cause (a sweep twice, on two nodes, after a crash) queues nothing twice.
///
/// # Errors
/// Database errors.
pub async fn insert_rows(db: &impl ConnectionTrait, rows: Vec<ActiveModel>) -> AppResult<u64> {
    // 13 bound values per row keeps a chunk far below SQLite's and PostgreSQL's limits.
    const CHUNK: usize = 500;
    let mut inserted = 0;
    let mut rows = rows.into_iter().peekable();
    while rows.peek().is_some() {
        let chunk: Vec<ActiveModel> = rows.by_ref().take(CHUNK).collect();
        let result = Entity::insert_many(chunk)
            .on_conflict_do_nothing_on([Column::DedupeKey])
            .exec_without_returning(db)
            .await?;
        if let sea_orm::TryInsertResult::Inserted(n) = result {
            inserted += n;
        }
    }
    Ok(inserted)
}

/// Queues `notice` for every recipient, skipping rows whose dedupe key already exists.
///
/// # Errors
/// Database errors.
pub async fn enqueue(
    db: &impl ConnectionTrait,
    recipients: &[users::Model],
    notice: &Notice,
    now: DateTime<Utc>,
) -> AppResult<()> {
    insert_rows(db, rows_for(recipients, notice, now)).await?;
    Ok(())
}

/// Reserves up to `limit` rows that are due, for `lease` (their next attempt moves to the
/// end of the lease and the attempt is counted now). Two processes never hold the same
/// row: PostgreSQL skips rows another claim has locked, SQLite runs one writer at a time.
/// A process that dies before recording the outcome loses nothing: the row comes due again
/// when its lease runs out.
///
/// # Errors
/// Database errors.
pub async fn claim(
    db: &impl ConnectionTrait,
    now: DateTime<Utc>,
    lease: Duration,
    limit: u32,
) -> AppResult<Vec<Model>> {
    let backend = db.get_database_backend();
    let lock = if backend == DatabaseBackend::Postgres {
        " FOR UPDATE SKIP LOCKED"
    } else {
        ""
    };
    let (p1, p2, p3, p4) = match backend {
        DatabaseBackend::Postgres => ("$1", "$2", "$3", "$4"),
        _ => ("?", "?", "?", "?"),
    };
    let sql = format!(
        "UPDATE notifications SET attempts = attempts + 1, next_attempt_at = {p1}, updated_at = {p2} \
         WHERE id IN (SELECT id FROM notifications \
           WHERE sent_at IS NULL AND failed_at IS NULL AND cancelled_at IS NULL \
           AND next_attempt_at <= {p3} ORDER BY next_attempt_at, id LIMIT {p4}{lock}) \
         RETURNING *"
    );
    let lease_until: DateTimeWithTimeZone = (now + lease).into();
    let stamp: DateTimeWithTimeZone = now.into();
    let mut rows = Entity::find()
        .from_raw_sql(Statement::from_sql_and_values(
            backend,
            sql,
            [
                lease_until.into(),
                stamp.into(),
                stamp.into(),
                i64::from(limit).into(),
            ],
        ))
        .all(db)
        .await?;
    rows.sort_by_key(|r| (r.next_attempt_at, r.id));
    Ok(rows)
}

/// Records deliveries. Secrets a notice carried for its email (a reset token) are blanked
/// once it is sent, so the outbox never keeps them.
///
/// # Errors
/// Database errors.
pub async fn mark_sent(
    db: &impl ConnectionTrait,
    rows: &[Model],
    now: DateTime<Utc>,
) -> AppResult<()> {
    let (secret, plain): (Vec<&Model>, Vec<&Model>) = rows
        .iter()
        .partition(|r| scrubbed_payload(&r.payload).is_some());
    let sent = |ids: Vec<i64>| {
        unsent(ids, now)
            .col_expr(Column::SentAt, at(now))
            .col_expr(Column::LastError, Expr::value(Option::<String>::None))
    };
    for chunk in plain.chunks(500) {
        sent(chunk.iter().map(|r| r.id).collect()).exec(db).await?;
    }
    for row in secret {
        sent(vec![row.id])
            .col_expr(Column::Payload, Expr::value(scrubbed_payload(&row.payload)))
            .exec(db)
            .await?;
    }
    Ok(())
}

/// An update of rows not yet sent, stamped `now`: every outcome of an attempt goes
/// through it, so a row once sent is never changed again.
fn unsent(ids: Vec<i64>, now: DateTime<Utc>) -> sea_orm::UpdateMany<Entity> {
    Entity::update_many()
        .col_expr(Column::UpdatedAt, at(now))
        .filter(Column::Id.is_in(ids))
        .filter(Column::SentAt.is_null())
}

fn at(t: DateTime<Utc>) -> sea_orm::sea_query::SimpleExpr {
    Expr::value(DateTimeWithTimeZone::from(t))
}

fn scrubbed_payload(payload: &str) -> Option<String> {
    let mut value: serde_json::Value = serde_json::from_str(payload).ok()?;
    let token = value.get_mut("token")?;
    *token = serde_json::Value::String("(delivered)".into());
    Some(value.to_string())
}

/// Hands claimed rows back unsent and due at once, their claim not counted as an attempt.
///
/// # Errors
/// Database errors.
pub async fn release(
    db: &impl ConnectionTrait,
    ids: Vec<i64>,
    now: DateTime<Utc>,
) -> AppResult<()> {
    use sea_orm::sea_query::ExprTrait;
    for chunk in ids.chunks(500) {
        unsent(chunk.to_vec(), now)
            .col_expr(Column::NextAttemptAt, at(now))
            .col_expr(Column::Attempts, Expr::col(Column::Attempts).sub(1))
            .exec(db)
            .await?;
    }
    Ok(())
}

/// The wait before attempt `attempts + 1`: the base, doubled per earlier failure, capped.
#[must_use]
pub fn backoff(attempts: i64, base_seconds: u32, max_seconds: u32) -> Duration {
    let doublings = u32::try_from(attempts.saturating_sub(1).clamp(0, 30)).unwrap_or(30);
    let seconds = u64::from(base_seconds)
        .saturating_mul(1_u64 << doublings)
        .min(u64::from(max_seconds));
    Duration::seconds(i64::try_from(seconds).unwrap_or(i64::MAX))
}

/// What follows a failed attempt: another try after the backoff, or giving up. A
/// transient failure (no connection, 4xx) is retried until `max_attempts`; a permanent one
/// (5xx) is not, since the same message would be refused again.
#[must_use]
pub fn after_failure(
    row: &Model,
    transient: bool,
    delivery: &crate::settings::DeliverySettings,
    now: DateTime<Utc>,
) -> Option<DateTime<Utc>> {
    (transient && row.attempts < i64::from(delivery.max_attempts)).then(|| {
        now + backoff(
            row.attempts,
            delivery.backoff_base_seconds,
            delivery.backoff_max_seconds,
        )
    })
}

/// Records a failed attempt that may succeed later.
///
/// # Errors
/// Database errors.
pub async fn mark_retry(
    db: &impl ConnectionTrait,
    row: &Model,
    error: &str,
    next_attempt_at: DateTime<Utc>,
    now: DateTime<Utc>,
) -> AppResult<()> {
    unsent(vec![row.id], now)
        .col_expr(Column::NextAttemptAt, at(next_attempt_at))
        .col_expr(Column::LastError, Expr::value(error.to_string()))
        .exec(db)
        .await?;
    Ok(())
}

/// Gives up on a notice: the row is marked failed, which flags it to the case's mediator,
/// the registry and oversight, and the failure joins the case's audit chain.
///
/// # Errors
/// Database errors.
pub async fn mark_failed(
    db: &impl ConnectionTrait,
    row: &Model,
    error: &str,
    now: DateTime<Utc>,
) -> AppResult<()> {
    let done = unsent(vec![row.id], now)
        .col_expr(Column::FailedAt, at(now))
        .col_expr(Column::LastError, Expr::value(error.to_string()))
        .filter(Column::FailedAt.is_null())
        .exec(db)
        .await?;
    if done.rows_affected == 1 {
        flag_failure(db, row, error, now).await?;
    }
    Ok(())
}

/// Records that a notice the mail server accepted never reached its person (a bounce
/// reported it): it is failed with the report's reason and flagged as any failure is, and
/// no longer counts as sent, so the registry can send it again once the address is fixed.
/// A notice already failed stays as it was: a second report of one failure flags nothing.
///
/// # Errors
/// Database errors.
pub async fn mark_bounced(
    db: &impl ConnectionTrait,
    row: &Model,
    reason: &str,
    now: DateTime<Utc>,
) -> AppResult<bool> {
    let error = format!("bounced: {reason}");
    let done = Entity::update_many()
        .col_expr(Column::UpdatedAt, at(now))
        .col_expr(
            Column::SentAt,
            Expr::value(Option::<DateTimeWithTimeZone>::None),
        )
        .col_expr(Column::FailedAt, at(now))
        .col_expr(Column::LastError, Expr::value(error.clone()))
        .filter(Column::Id.eq(row.id))
        .filter(Column::FailedAt.is_null())
        .exec(db)
        .await?;
    if done.rows_affected == 1 {
        flag_failure(db, row, &error, now).await?;
    }
    Ok(done.rows_affected == 1)
}

/// A failure joins its case's audit chain, which flags it to the case's staff.
async fn flag_failure(
    db: &impl ConnectionTrait,
    row: &Model,
    error: &str,
    now: DateTime<Utc>,
) -> AppResult<()> {
    if let Some(case_id) = row.case_id {
        let recipient_role = users::Entity::find_by_id(row.user_id)
            .one(db)
            .await?
            .map(|u| u.role);
        case_events::append(
            db,
            NewEvent {
                case_id,
                actor_id: None,
                action: case_events::Recorded::NoticeFailed,
                from: None,
                to: None,
                detail: serde_json::json!({
                    "notice": row.id,
                    "kind": row.kind,
                    "recipient_role": recipient_role,
                    "attempts": row.attempts,
                    "error": error,
                }),
            },
            now,
        )
        .await?;
    }
    Ok(())
}

/// Withdraws a notice that no longer makes sense (a reminder for a deadline met or moved
/// since it was queued).
///
/// # Errors
/// Database errors.
pub async fn withdraw(
    db: &impl ConnectionTrait,
    row: &Model,
    why: &str,
    now: DateTime<Utc>,
) -> AppResult<()> {
    unsent(vec![row.id], now)
        .col_expr(Column::CancelledAt, at(now))
        .col_expr(Column::LastError, Expr::value(why.to_string()))
        .exec(db)
        .await?;
    Ok(())
}

/// A notice that could not be delivered, as flagged to those who must act on it.
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct Failure {
    pub id: i64,
    pub kind: String,
    /// The case reference, when the notice was about a case.
    pub case_reference: Option<String>,
    pub case: Option<Uuid>,
    pub recipient_name: String,
    pub recipient_email: String,
    pub recipient_role: String,
    pub attempts: i64,
    pub last_error: Option<String>,
    pub failed_at: DateTime<Utc>,
}

/// Failed notices the actor must know about: the registry and oversight see all of them,
/// a mediator those on the cases assigned to them. Notices without a case (password
/// resets) go to the registry only.
fn in_sight(actor: &Actor) -> AppResult<sea_orm::Select<Entity>> {
    let query = Entity::find();
    Ok(match actor.role {
        Role::Registrar => query,
        Role::Oversight => query.filter(Column::CaseId.is_not_null()),
        Role::Mediator => query.filter(
            Column::CaseId.in_subquery(
                sea_orm::sea_query::Query::select()
                    .column(cases::Column::Id)
                    .from(cases::Entity)
                    .and_where(cases::Column::MediatorId.eq(actor.id))
                    .to_owned(),
            ),
        ),
        _ => {
            return Err(AppError::Forbidden(Said::new(
                "forbidden-failures-for-staff",
            )))
        }
    })
}

/// Where the notices in an actor's sight stand: waiting to be sent (queued or retrying),
/// sent, failed after every retry. Withdrawn notices are none of these.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize)]
pub struct Delivery {
    pub waiting: u64,
    pub sent: u64,
    pub failed: u64,
}

/// How the notices in the actor's sight stand, counted.
///
/// # Errors
/// 403 for roles that do not handle delivery failures; database errors.
pub async fn delivery_for(db: &impl ConnectionTrait, actor: &Actor) -> AppResult<Delivery> {
    use sea_orm::PaginatorTrait;
    let waiting = in_sight(actor)?
        .filter(Column::SentAt.is_null())
        .filter(Column::FailedAt.is_null())
        .filter(Column::CancelledAt.is_null())
        .count(db)
        .await?;
    let sent = in_sight(actor)?
        .filter(Column::SentAt.is_not_null())
        .count(db)
        .await?;
    let failed = in_sight(actor)?
        .filter(Column::FailedAt.is_not_null())
        .count(db)
        .await?;
    Ok(Delivery {
        waiting,
        sent,
        failed,
    })
}

/// The failed notices in the actor's sight, newest first.
///
/// # Errors
/// 403 for roles that do not handle delivery failures; database errors.
pub async fn failures_for(
    db: &impl ConnectionTrait,
    actor: &Actor,
    limit: u64,
) -> AppResult<Vec<Failure>> {
    let rows = in_sight(actor)?
        .filter(Column::FailedAt.is_not_null())
        .order_by_desc(Column::FailedAt)
        .order_by_desc(Column::Id)
        .limit(limit)
        .find_also_related(users::Entity)
        .all(db)
        .await?;
    let case_ids: Vec<i64> = rows.iter().filter_map(|(n, _)| n.case_id).collect();
    let cases = cases::by_id(db, case_ids).await?;
    Ok(rows
        .into_iter()
        .filter_map(|(n, user)| {
            let user = user?;
            let case = n.case_id.and_then(|id| cases.get(&id));
            Some(Failure {
                id: n.id,
                kind: n.kind,
                case_reference: case.map(|c| c.reference.clone()),
                case: case.map(|c| c.pid),
                recipient_name: user.name,
                recipient_email: user.email,
                recipient_role: user.role,
                attempts: n.attempts,
                last_error: n.last_error,
                failed_at: n.failed_at?.to_utc(),
            })
        })
        .collect())
}

/// Sends a failed notice again (after the address or the mail server was fixed): the flag
/// is cleared and delivery starts over. The registry may requeue any failure, a mediator
/// those on their cases.
///
/// # Errors
/// 404 when the actor may not see that failure; database errors.
pub async fn requeue(
    db: &impl ConnectionTrait,
    actor: &Actor,
    id: i64,
    now: DateTime<Utc>,
) -> AppResult<()> {
    if !matches!(actor.role, Role::Registrar | Role::Mediator) {
        return Err(AppError::Forbidden(Said::new("forbidden-resend-for-staff")));
    }
    let row = in_sight(actor)?
        .filter(Column::FailedAt.is_not_null())
        .filter(Column::Id.eq(id))
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    unsent(vec![row.id], now)
        .col_expr(
            Column::FailedAt,
            Expr::value(Option::<DateTimeWithTimeZone>::None),
        )
        .col_expr(Column::Attempts, Expr::value(0_i64))
        .col_expr(Column::NextAttemptAt, at(now))
        .exec(db)
        .await?;
    if let Some(case_id) = row.case_id {
        case_events::append(
            db,
            NewEvent {
                case_id,
                actor_id: Some(actor.id),
                action: case_events::Recorded::NoticeRequeued,
                from: None,
                to: None,
                detail: serde_json::json!({ "notice": row.id, "kind": row.kind }),
            },
            now,
        )
        .await?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utc(s: &str) -> DateTime<Utc> {
        s.parse().expect("test instant")
    }

    #[test]
    fn a_geneva_deadline_reaches_geneva_the_same_morning() {
        let due = utc("2026-12-02T17:00:00Z"); // 18:00 in Geneva
        assert_eq!(
            morning_before(due, chrono_tz::Europe::Zurich, 8),
            utc("2026-12-02T07:00:00Z")
        );
    }

    #[test]
    fn a_pacific_delegate_is_reminded_the_morning_before_not_after_the_deadline() {
        let due = utc("2026-12-02T17:00:00Z"); // 06:00 on 3 December in Tonga
        let m = morning_before(due, chrono_tz::Pacific::Tongatapu, 8);
        assert!(m < due);
        assert_eq!(m, utc("2026-12-01T19:00:00Z")); // 08:00 on 2 December in Tonga
    }

    #[test]
    fn backoff_doubles_and_is_capped() {
        assert_eq!(backoff(1, 60, 3600), Duration::seconds(60));
        assert_eq!(backoff(2, 60, 3600), Duration::seconds(120));
        assert_eq!(backoff(4, 60, 3600), Duration::seconds(480));
        assert_eq!(backoff(40, 60, 3600), Duration::seconds(3600));
    }

    #[test]
    fn a_delivered_reset_token_is_blanked_and_other_payloads_are_left_alone() {
        let scrubbed = scrubbed_payload(r#"{"token":"secret"}"#).expect("has a token");
        assert!(!scrubbed.contains("secret"));
        assert_eq!(scrubbed_payload(r#"{"reference":"GR-2026-000001"}"#), None);
    }
}
