//! The reminder sweep (DESIGN §5): reads only the clocks whose `next_reminder_at` has
//! passed, queues the reminders, breach notices and escalations they call for, and moves
//! each clock's cursor to its next step. Its cost follows what is due, never the number of
//! open cases, and every notice it queues carries a dedupe key, so a sweep run twice, late,
//! or on two nodes at once queues each notice once.
use std::collections::{BTreeMap, HashMap};

use chrono::{DateTime, Duration, Utc};
use sea_orm::{
    entity::prelude::*, sea_query::Expr, DatabaseBackend, DatabaseConnection, QueryOrder,
    QuerySelect, TransactionTrait,
};
use serde::Serialize;

use super::{
    cases::{self, Recipients},
    deadlines::{self, calendar::Calendar},
    notifications::{self, Notice, NoticeKind, Timing},
    users,
    vocabulary::{Party, Role},
};
use crate::{errors::AppResult, settings::Settings};

/// A step in a clock's reminder plan.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Stage {
    /// A reminder this many working days before the deadline.
    Lead(u32),
    /// The reminder on the morning of the due day.
    DueDay,
    /// The deadline passed and the clock was not met.
    Breach,
    /// The breach is escalated to oversight.
    Escalation,
}

impl Stage {
    #[must_use]
    pub fn key(self) -> String {
        match self {
            Self::Lead(days) => format!("lead{days}"),
            Self::DueDay => "due_day".into(),
            Self::Breach => "breach".into(),
            Self::Escalation => "escalation".into(),
        }
    }

    const fn is_reminder(self) -> bool {
        matches!(self, Self::Lead(_) | Self::DueDay)
    }
}

/// When the sweep acts on a stage (`sweep_at`) and the instant the stage is about
/// (`target`: the lead day's close of business, or the deadline itself).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Step {
    pub stage: Stage,
    pub sweep_at: DateTime<Utc>,
    pub target: DateTime<Utc>,
}

/// A reminder is queued a day ahead of the instant it is about, so that it can wait in the
/// outbox for each recipient's own morning, wherever they are.
const AHEAD: Duration = Duration::hours(24);

/// The reminder plan of a clock that falls due at `due`, in sweep order.
#[must_use]
pub fn plan(
    due: DateTime<Utc>,
    calendar: &Calendar,
    settings: &Settings,
    obligation: bool,
) -> Vec<Step> {
    let notices = &settings.notices;
    let due_day = calendar.local_date(due);
    let mut steps: Vec<Step> = notices
        .reminder_leads_working_days
        .iter()
        .map(|&days| {
            let target = calendar.end_of_business(calendar.sub_working_days(due_day, days));
            Step {
                stage: Stage::Lead(days),
                sweep_at: target - AHEAD,
                target,
            }
        })
        .collect();
    steps.push(Step {
        stage: Stage::DueDay,
        sweep_at: due - AHEAD,
        target: due,
    });
    if obligation {
        steps.push(Step {
            stage: Stage::Breach,
            sweep_at: due,
            target: due,
        });
        let escalate_day = calendar.add_working_days(due_day, notices.escalate_after_working_days);
        steps.push(Step {
            stage: Stage::Escalation,
            sweep_at: calendar.end_of_business(escalate_day).max(due),
            target: due,
        });
    }
    steps.sort_by_key(|s| (s.sweep_at, s.stage));
    steps.dedup_by_key(|s| s.stage);
    steps
}

/// What a sweep at `now` does with one clock.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Decision {
    /// The one reminder to queue: the most urgent still ahead of its instant. Leads that
    /// were missed (the sweep was down) are skipped rather than sent stale.
    pub reminder: Option<Step>,
    pub breach: bool,
    pub escalate: bool,
    /// Where the cursor moves: the first step after `now`, or none when the plan is done.
    pub next: Option<DateTime<Utc>>,
}

#[must_use]
pub fn decide(steps: &[Step], now: DateTime<Utc>) -> Decision {
    let reminder = steps
        .iter()
        .filter(|s| s.stage.is_reminder() && s.sweep_at <= now && s.target > now)
        .max_by_key(|s| s.target)
        .copied();
    let reached = |stage: Stage| steps.iter().any(|s| s.stage == stage && s.sweep_at <= now);
    Decision {
        reminder,
        breach: reached(Stage::Breach),
        escalate: reached(Stage::Escalation),
        next: steps
            .iter()
            .map(|s| s.sweep_at)
            .filter(|at| *at > now)
            .min(),
    }
}

/// What one sweep did.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct SweepReport {
    /// Clocks read because their cursor had passed.
    pub clocks: u64,
    /// Outbox rows inserted (reminders, breach notices, escalations).
    pub notices: u64,
    /// Clocks newly marked breached.
    pub breaches: u64,
    pub escalations: u64,
}

impl std::ops::AddAssign for SweepReport {
    fn add_assign(&mut self, o: Self) {
        self.clocks += o.clocks;
        self.notices += o.notices;
        self.breaches += o.breaches;
        self.escalations += o.escalations;
    }
}

/// Runs the sweep as at `now`, `batch` clocks per transaction, until no cursor has passed.
/// A sweep killed midway loses only its open transaction, which the next run redoes.
///
/// # Errors
/// Database errors.
pub async fn sweep(
    db: &DatabaseConnection,
    settings: &Settings,
    calendar: &Calendar,
    now: DateTime<Utc>,
    batch: u64,
) -> AppResult<SweepReport> {
    let mut report = SweepReport::default();
    loop {
        // The batch is idempotent, so a batch that lost the write lock is simply redone.
        let round = super::redo_when_busy(|| async {
            let txn = db.begin().await?;
            let round = sweep_once(&txn, settings, calendar, now, batch).await?;
            txn.commit().await?;
            Ok(round)
        })
        .await?;
        report += round;
        if round.clocks < batch.max(1) {
            return Ok(report);
        }
    }
}

/// One batch of the sweep inside the caller's transaction: the clocks read are the
/// `batch` whose cursors passed longest ago.
///
/// # Errors
/// Database errors.
pub async fn sweep_once(
    db: &impl ConnectionTrait,
    settings: &Settings,
    calendar: &Calendar,
    now: DateTime<Utc>,
    batch: u64,
) -> AppResult<SweepReport> {
    let mut query = deadlines::Entity::find()
        .filter(deadlines::Column::NextReminderAt.lte(now))
        .order_by_asc(deadlines::Column::NextReminderAt)
        .order_by_asc(deadlines::Column::Id)
        .limit(batch.max(1));
    if db.get_database_backend() == DatabaseBackend::Postgres {
        // A second node sweeping at the same moment takes the next clocks instead.
        query = query.lock_with_behavior(
            sea_orm::sea_query::LockType::Update,
            sea_orm::sea_query::LockBehavior::SkipLocked,
        );
    }
    let due = query.all(db).await?;
    if due.is_empty() {
        return Ok(SweepReport::default());
    }
    sweep_batch(db, settings, calendar, due, now).await
}

/// The payload every deadline notice carries: enough for the email, and the due instant it
/// was queued for, so delivery can withdraw it if the clock moved or was met meanwhile.
fn payload(case: &cases::Model, d: &deadlines::Model, step: &Step) -> serde_json::Value {
    serde_json::json!({
        "case": case.pid,
        "reference": case.reference,
        "deadline": d.id,
        "clock": d.kind,
        "party": d.party,
        "stage": step.stage.key(),
        "due_at": d.due_at.map(|t| t.to_utc()),
        "target": step.target,
    })
}

fn people(recipients: &Recipients, party: Party) -> Vec<users::Model> {
    match party {
        Party::Complainant => recipients.complainants.clone(),
        Party::Respondent => recipients.respondents.clone(),
        Party::Mediator if !recipients.mediator.is_empty() => recipients.mediator.clone(),
        Party::Mediator | Party::Registrar => recipients.registrars.clone(),
    }
}

/// Where a clock's plan stands after a sweep: its next sweep instant and its breach.
type Plan = (Option<DateTime<Utc>>, Option<DateTime<Utc>>);

async fn sweep_batch(
    db: &impl ConnectionTrait,
    settings: &Settings,
    calendar: &Calendar,
    due: Vec<deadlines::Model>,
    now: DateTime<Utc>,
) -> AppResult<SweepReport> {
    let mut report = SweepReport {
        clocks: due.len() as u64,
        ..SweepReport::default()
    };
    let case_ids: Vec<i64> = due.iter().map(|d| d.case_id).collect();
    let cases = cases::by_id(db, case_ids.clone()).await?;
    let co_map = cases::co_complainants_of(db, case_ids).await?;
    let case_refs: Vec<&cases::Model> = cases.values().collect();
    let recipients = Recipients::for_cases(db, &case_refs, &co_map).await?;
    let oversight = users::Entity::find()
        .filter(users::Column::Role.eq(Role::Oversight.as_ref()))
        .filter(users::Column::Active.eq(true))
        .all(db)
        .await?;

    let hour = settings.notices.morning_hour;
    let mut plans: HashMap<(DateTime<Utc>, bool), Vec<Step>> = HashMap::new();
    let mut rows = Vec::new();
    // Clocks that end up in the same state are updated together: deadlines falling due at
    // the same close of business share their whole plan.
    let mut updates: BTreeMap<Plan, Vec<i64>> = BTreeMap::new();
    let mut breached_now = Vec::new();
    let nobody = Recipients::default();
    for d in due {
        let (Some(due_at), Some(case)) = (d.due_at.map(|t| t.to_utc()), cases.get(&d.case_id))
        else {
            // Paused, or a clock whose case vanished: nothing to remind until it runs again.
            updates
                .entry((None, d.breached_at.map(|t| t.to_utc())))
                .or_default()
                .push(d.id);
            continue;
        };
        if !d.is_open() {
            updates
                .entry((None, d.breached_at.map(|t| t.to_utc())))
                .or_default()
                .push(d.id);
            continue;
        }
        let kind = d.kind()?;
        let party = d.party()?;
        let steps = plans
            .entry((due_at, kind.is_obligation()))
            .or_insert_with(|| plan(due_at, calendar, settings, kind.is_obligation()));
        let decision = decide(steps, now);
        let who = recipients.get(&case.id).unwrap_or(&nobody);
        if let Some(step) = decision.reminder {
            let notice = reminder(case, &d, &step, hour);
            rows.extend(notifications::rows_for(&people(who, party), &notice, now));
        }
        let mut breached_at = d.breached_at.map(|t| t.to_utc());
        if decision.breach {
            if breached_at.is_none() {
                breached_at = Some(due_at);
                breached_now.push(d.id);
                report.breaches += 1;
            }
            let (to, notice) = breach(case, &d, due_at, who, party);
            rows.extend(notifications::rows_for(&to, &notice, now));
        }
        if decision.escalate {
            let step = steps
                .iter()
                .find(|s| s.stage == Stage::Escalation)
                .copied()
                .unwrap_or(Step {
                    stage: Stage::Escalation,
                    sweep_at: now,
                    target: due_at,
                });
            let (to, notice) = escalation(case, &d, (due_at, &step), who, &oversight);
            let before = rows.len();
            rows.extend(notifications::rows_for(&to, &notice, now));
            if rows.len() > before {
                report.escalations += 1;
            }
        }
        updates
            .entry((decision.next, breached_at))
            .or_default()
            .push(d.id);
    }
    report.notices = notifications::insert_rows(db, rows).await?;
    record_plans(db, updates, now).await?;
    if !breached_now.is_empty() {
        tracing::info!(clocks = breached_now.len(), "deadlines breached");
    }
    Ok(report)
}

/// The reminder of `step` to the party that must act, in their morning before its target.
fn reminder(case: &cases::Model, d: &deadlines::Model, step: &Step, hour: u32) -> Notice {
    Notice {
        kind: NoticeKind::Reminder,
        case_id: Some(case.id),
        dedupe_base: format!(
            "deadline:{}:{}:{}",
            d.id,
            step.stage.key(),
            step.target.timestamp()
        ),
        payload: payload(case, d, step),
        timing: Timing::MorningBefore {
            target: step.target,
            hour,
        },
    }
}

/// The breach of a clock, told at once to the party that missed it and the mediator (and the
/// registry when the staff missed it).
fn breach(
    case: &cases::Model,
    d: &deadlines::Model,
    due_at: DateTime<Utc>,
    who: &Recipients,
    party: Party,
) -> (Vec<users::Model>, Notice) {
    let step = Step {
        stage: Stage::Breach,
        sweep_at: due_at,
        target: due_at,
    };
    let mut to = people(who, party);
    to.extend(who.mediator.iter().cloned());
    if matches!(party, Party::Mediator | Party::Registrar) {
        to.extend(who.registrars.iter().cloned());
    }
    let notice = Notice {
        kind: NoticeKind::Breach,
        case_id: Some(case.id),
        dedupe_base: format!("deadline:{}:breach:{}", d.id, due_at.timestamp()),
        payload: payload(case, d, &step),
        timing: Timing::Now,
    };
    (to, notice)
}

/// A breach left unanswered, told to oversight and the mediator (the registry while the
/// case has none).
fn escalation(
    case: &cases::Model,
    d: &deadlines::Model,
    (due_at, step): (DateTime<Utc>, &Step),
    who: &Recipients,
    oversight: &[users::Model],
) -> (Vec<users::Model>, Notice) {
    let mut to = oversight.to_vec();
    if who.mediator.is_empty() {
        to.extend(who.registrars.iter().cloned());
    } else {
        to.extend(who.mediator.iter().cloned());
    }
    let notice = Notice {
        kind: NoticeKind::Escalation,
        case_id: Some(case.id),
        dedupe_base: format!("deadline:{}:escalation:{}", d.id, due_at.timestamp()),
        payload: payload(case, d, step),
        timing: Timing::Now,
    };
    (to, notice)
}

/// Writes each clock's next sweep instant and breach, clocks that end up alike together.
async fn record_plans(
    db: &impl ConnectionTrait,
    updates: BTreeMap<Plan, Vec<i64>>,
    now: DateTime<Utc>,
) -> AppResult<()> {
    for ((next, breached_at), ids) in updates {
        for chunk in ids.chunks(1000) {
            deadlines::Entity::update_many()
                .col_expr(
                    deadlines::Column::NextReminderAt,
                    Expr::value(next.map(DateTimeWithTimeZone::from)),
                )
                .col_expr(
                    deadlines::Column::BreachedAt,
                    Expr::value(breached_at.map(DateTimeWithTimeZone::from)),
                )
                .col_expr(
                    deadlines::Column::UpdatedAt,
                    Expr::value(DateTimeWithTimeZone::from(now)),
                )
                .filter(deadlines::Column::Id.is_in(chunk.iter().copied()))
                .exec(db)
                .await?;
        }
    }
    Ok(())
}

/// What a rebuild changed.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct RebuildReport {
    pub cases: u64,
    pub clocks: u64,
    /// Clocks whose length changed under the new policy.
    pub resized: u64,
    /// Clocks whose due instant moved.
    pub moved: u64,
}

/// Recomputes every open clock under the current policy and calendar (`deadlines:rebuild`):
/// lengths from the timelines and special-and-differential rule, due instants from the
/// calendar and holds. Met, cancelled and breached clocks never move; a clock that moves is
/// looked at by the next sweep, and reminders already sent for its old date are not sent
/// again (their dedupe keys name the instant they were about).
///
/// # Errors
/// Database errors.
pub async fn rebuild(
    db: &DatabaseConnection,
    settings: &Settings,
    calendar: &Calendar,
    now: DateTime<Utc>,
) -> AppResult<RebuildReport> {
    let mut report = RebuildReport::default();
    let mut after = 0_i64;
    loop {
        let case_ids: Vec<i64> = deadlines::Entity::find()
            .select_only()
            .column(deadlines::Column::CaseId)
            .distinct()
            .filter(deadlines::Column::MetAt.is_null())
            .filter(deadlines::Column::CancelledAt.is_null())
            .filter(deadlines::Column::BreachedAt.is_null())
            .filter(deadlines::Column::CaseId.gt(after))
            .order_by_asc(deadlines::Column::CaseId)
            .limit(200)
            .into_tuple()
            .all(db)
            .await?;
        let Some(&last) = case_ids.last() else {
            return Ok(report);
        };
        after = last;
        let txn = db.begin().await?;
        for case in cases::Entity::find()
            .filter(cases::Column::Id.is_in(case_ids))
            .all(&txn)
            .await?
        {
            let policy = case.clock_policy(&txn, settings, calendar).await?;
            let (clocks, resized, moved) =
                deadlines::rebuild_case(&txn, case.id, &policy, now).await?;
            if moved > 0 {
                // Oversight's summaries hold running clocks' due instants.
                super::oversight::figures::touch(&txn, &case).await?;
            }
            report.cases += 1;
            report.clocks += clocks;
            report.resized += resized;
            report.moved += moved;
        }
        txn.commit().await?;
    }
}

/// Deadline notices refer to one deadline at one due instant; delivery withdraws them if
/// the deadline (`current`, as it stands now) has been met, cancelled, paused or moved since
/// they were queued.
#[must_use]
pub fn is_current(current: Option<&deadlines::Model>, payload: &serde_json::Value) -> bool {
    let queued_for: Option<DateTime<Utc>> = payload
        .get("due_at")
        .and_then(|v| serde_json::from_value(v.clone()).ok());
    current.is_some_and(|d| d.is_open() && d.due_at.map(|t| t.to_utc()) == queued_for)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::models::deadlines::calendar::DayUnit;
    use chrono::{NaiveDate, NaiveTime, Weekday};

    fn calendar() -> Calendar {
        Calendar::new(
            chrono_tz::Europe::Zurich,
            &[Weekday::Sat, Weekday::Sun],
            [NaiveDate::from_ymd_opt(2026, 12, 25).expect("date")],
            NaiveTime::from_hms_opt(18, 0, 0).expect("time"),
        )
        .expect("calendar")
    }

    /// The test environment's policy, read as the app reads it (rendered, then parsed).
    fn settings() -> Settings {
        let config = loco_rs::config::Config::from_folder(
            &loco_rs::environment::Environment::Test,
            std::path::Path::new("config"),
        )
        .expect("the test config renders");
        Settings::from_value(config.settings.as_ref()).expect("valid settings")
    }

    fn utc(s: &str) -> DateTime<Utc> {
        s.parse().expect("instant")
    }

    #[test]
    fn the_plan_runs_leads_then_due_day_then_breach_then_escalation() {
        let cal = calendar();
        // Due Wednesday 2 December 2026 at 18:00 in Geneva.
        let due = cal.due_at(utc("2026-11-25T09:00:00Z"), DayUnit::Working, 5);
        assert_eq!(due, utc("2026-12-02T17:00:00Z"));
        let steps = plan(due, &cal, &settings(), true);
        let stages: Vec<Stage> = steps.iter().map(|s| s.stage).collect();
        assert_eq!(
            stages,
            vec![
                Stage::Lead(5),
                Stage::Lead(2),
                Stage::Lead(1),
                Stage::DueDay,
                Stage::Breach,
                Stage::Escalation
            ]
        );
        // Five working days before Wednesday 2 December is Wednesday 25 November.
        assert_eq!(steps[0].target, utc("2026-11-25T17:00:00Z"));
        // Escalation at close of business the next working day, in Geneva.
        assert_eq!(steps[5].sweep_at, utc("2026-12-03T17:00:00Z"));
    }

    #[test]
    fn an_appeal_window_is_reminded_but_never_breached_or_escalated() {
        let cal = calendar();
        let due = utc("2026-12-02T17:00:00Z");
        let steps = plan(due, &cal, &settings(), false);
        assert!(steps.iter().all(|s| s.stage.is_reminder()));
        let after = decide(&steps, due + Duration::days(3));
        assert!(!after.breach && !after.escalate && after.reminder.is_none());
        assert_eq!(after.next, None);
    }

    #[test]
    fn a_late_sweep_sends_only_the_most_urgent_reminder_still_ahead() {
        let cal = calendar();
        let due = utc("2026-12-02T17:00:00Z");
        let steps = plan(due, &cal, &settings(), true);
        // Down since before the five-day lead; back on Monday 30 November at noon.
        let d = decide(&steps, utc("2026-11-30T11:00:00Z"));
        assert_eq!(d.reminder.map(|s| s.stage), Some(Stage::Lead(2)));
        assert!(!d.breach);
        assert_eq!(d.next, Some(utc("2026-11-30T17:00:00Z")));
    }

    #[test]
    fn after_the_deadline_the_sweep_breaches_and_then_escalates_a_working_day_later() {
        let cal = calendar();
        let due = utc("2026-12-02T17:00:00Z");
        let steps = plan(due, &cal, &settings(), true);
        let at_due = decide(&steps, due);
        assert!(at_due.breach && !at_due.escalate && at_due.reminder.is_none());
        let next_day = decide(&steps, utc("2026-12-03T17:00:00Z"));
        assert!(next_day.escalate);
        assert_eq!(next_day.next, None);
    }
}
