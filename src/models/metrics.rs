//! Whether redress works: closure metrics over the cases filed in a period. Every figure is
//! an SQL aggregation; timings are the integer working-day columns the transition writes
//! when a step happens, read back as histograms (value, count) from which medians and 90th
//! percentiles are taken, so no case row is ever loaded.
use std::collections::{BTreeMap, HashMap};

use chrono::{DateTime, Utc};
use sea_orm::{
    entity::prelude::*,
    sea_query::{Expr, ExprTrait, Func, Query, SelectStatement},
    Condition, FromQueryResult, QuerySelect,
};
use serde::Serialize;

use super::{
    _entities::{cases, deadlines, extension_requests, holds, notifications},
    bodies,
    cases::CaseStatus,
    delegations,
    vocabulary::{Category, DeadlineKind, Outcome},
};
use crate::errors::{AppError, AppResult, FieldErrors};

/// Which cases are measured: those filed in `[from, to)`, narrowed by body, category and
/// respondent.
#[derive(Clone, Debug)]
pub struct Scope {
    pub from: DateTime<Utc>,
    pub to: DateTime<Utc>,
    pub body_id: Option<i64>,
    pub category: Option<Category>,
    pub respondent: Option<RespondentFilter>,
}

#[derive(Clone, Copy, Debug)]
pub enum RespondentFilter {
    Body(i64),
    Delegation(i64),
}

impl Scope {
    /// Resolves the filters' codes.
    ///
    /// # Errors
    /// 422 naming the filter whose code is unknown.
    pub async fn resolve(
        db: &impl ConnectionTrait,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
        body: Option<&str>,
        category: Option<Category>,
        respondent: Option<&str>,
    ) -> AppResult<Self> {
        let mut errors = FieldErrors::new();
        let body_id = match body {
            Some(code) => match bodies::Model::find_by_code(db, code).await? {
                Some(b) => Some(b.id),
                None => {
                    errors.add("body", "unknown", format!("no body has the code `{code}`"));
                    None
                }
            },
            None => None,
        };
        let respondent = match respondent {
            Some(code) => {
                if let Some(b) = bodies::Model::find_by_code(db, code).await? {
                    Some(RespondentFilter::Body(b.id))
                } else if let Some(d) = delegations::Model::find_by_code(db, code).await? {
                    Some(RespondentFilter::Delegation(d.id))
                } else {
                    errors.add(
                        "respondent",
                        "unknown",
                        format!("no body or delegation has the code `{code}`"),
                    );
                    None
                }
            }
            None => None,
        };
        errors.into_result()?;
        Ok(Self {
            from,
            to,
            body_id,
            category,
            respondent,
        })
    }

    /// The measured cases, as a condition on `cases`.
    #[must_use]
    pub fn condition(&self) -> Condition {
        self.filters()
            .add(cases::Column::FiledAt.gte(self.from))
            .add(cases::Column::FiledAt.lt(self.to))
    }

    /// The body, category and respondent filters alone, without the period.
    #[must_use]
    pub fn filters(&self) -> Condition {
        let mut c = Condition::all();
        if let Some(b) = self.body_id {
            c = c.add(cases::Column::BodyId.eq(b));
        }
        if let Some(cat) = self.category {
            c = c.add(cases::Column::Category.eq(cat.as_ref()));
        }
        match self.respondent {
            Some(RespondentFilter::Body(b)) => c = c.add(cases::Column::RespondentBodyId.eq(b)),
            Some(RespondentFilter::Delegation(d)) => {
                c = c.add(cases::Column::RespondentDelegationId.eq(d));
            }
            None => {}
        }
        c
    }

    /// The ids of the measured cases, for figures kept in other tables.
    #[must_use]
    pub fn case_ids(&self) -> SelectStatement {
        Query::select()
            .column(cases::Column::Id)
            .from(cases::Entity)
            .cond_where(self.condition())
            .to_owned()
    }
}

/// A duration in working days across cases: how many, the median and the 90th percentile
/// (nearest rank: the smallest value with at least half, or nine tenths, of the cases at or
/// below it), and the longest.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct Durations {
    pub count: u64,
    pub median: Option<i64>,
    pub p90: Option<i64>,
    pub max: Option<i64>,
}

impl Durations {
    /// From `(value, count)` pairs in any order.
    #[must_use]
    pub fn from_histogram(mut pairs: Vec<(i64, i64)>) -> Self {
        pairs.retain(|(_, n)| *n > 0);
        pairs.sort_unstable();
        let count: i64 = pairs.iter().map(|(_, n)| n).sum();
        let rank = |share: i64| {
            // ceil(count * share / 100), at least 1.
            let target = Ord::max((count * share + 99) / 100, 1);
            let mut seen = 0;
            pairs.iter().find_map(|(v, n)| {
                seen += n;
                (seen >= target).then_some(*v)
            })
        };
        Self {
            count: u64::try_from(count).unwrap_or(0),
            median: rank(50),
            p90: rank(90),
            max: pairs.last().map(|(v, _)| *v),
        }
    }
}

/// How one kind of clock (or one acting party's clocks) fared.
#[derive(Clone, Debug, Default, PartialEq, Serialize, utoipa::ToSchema)]
pub struct Compliance {
    pub met_on_time: u64,
    pub met_late: u64,
    /// Still open and past due.
    pub overdue: u64,
    /// Still open, not yet due (or paused).
    pub running: u64,
    /// Stopped by the case ending or moving on; not counted either way.
    pub cancelled: u64,
    /// Met on time among those whose outcome is known (met, or overdue), in percent.
    pub share_met_on_time: Option<f64>,
}

impl Compliance {
    fn add(&mut self, other: &Self) {
        self.met_on_time += other.met_on_time;
        self.met_late += other.met_late;
        self.overdue += other.overdue;
        self.running += other.running;
        self.cancelled += other.cancelled;
    }

    fn finish(&mut self) {
        self.share_met_on_time = percent(
            self.met_on_time,
            self.met_on_time + self.met_late + self.overdue,
        );
    }
}

/// Extension requests by how they were decided.
#[derive(Clone, Debug, Default, Serialize, utoipa::ToSchema)]
pub struct Extensions {
    pub requested: u64,
    pub granted: u64,
    pub refused: u64,
    pub pending: u64,
}

/// The closure metrics of the measured cases.
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct Metrics {
    pub from: DateTime<Utc>,
    pub to: DateTime<Utc>,
    pub filed: u64,
    pub registered: u64,
    pub dismissed: u64,
    pub dismissed_by_reason: BTreeMap<String, u64>,
    /// Every status, including the ended ones.
    pub by_status: BTreeMap<String, u64>,
    /// Cases still open for work, by status.
    pub open_by_status: BTreeMap<String, u64>,
    pub closed: u64,
    pub closed_by_outcome: BTreeMap<String, u64>,
    /// From filing to registration, in working days.
    pub time_to_acknowledge: Durations,
    /// From filing to the first eligibility decision (eligible or dismissed).
    pub time_to_eligibility: Durations,
    /// From filing to closure.
    pub time_to_closure: Durations,
    /// Obligations only (the appeal window is a right, not a deadline anyone can miss).
    pub deadlines_by_kind: BTreeMap<String, Compliance>,
    pub deadlines_by_party: BTreeMap<String, Compliance>,
    /// Open cases with at least one obligation past due now.
    pub overdue_cases: u64,
    pub holds: u64,
    pub extensions: Extensions,
    /// Cases appealed (each case may be appealed once).
    pub appealed: u64,
    /// Notices that could not be delivered.
    pub notices_failed: u64,
}

/// `part / whole` in percent, to one decimal; none of an empty whole.
#[must_use]
pub fn percent<T: Into<i128>>(part: T, whole: T) -> Option<f64> {
    let (part, whole) = (part.into(), whole.into());
    (whole > 0).then(|| {
        // Counts of cases stay far below 2^53, where f64 is exact.
        #[allow(clippy::cast_precision_loss)]
        let p = part as f64 * 100.0 / whole as f64;
        (p * 10.0).round() / 10.0
    })
}

fn count(n: i64) -> u64 {
    u64::try_from(n).unwrap_or(0)
}

#[derive(FromQueryResult)]
struct ClockRow {
    kind: String,
    party: String,
    met_on_time: i64,
    met_late: i64,
    overdue: i64,
    running: i64,
    cancelled: i64,
}

/// Computes the metrics of `scope` as at `now` (which decides what is overdue).
///
/// # Errors
/// Database errors.
pub async fn overview(
    db: &impl ConnectionTrait,
    scope: &Scope,
    now: DateTime<Utc>,
) -> AppResult<Metrics> {
    let cohort = || cases::Entity::find().filter(scope.condition());

    let rows: Vec<(String, Option<String>, Option<String>, i64)> = cohort()
        .select_only()
        .column(cases::Column::Status)
        .column(cases::Column::Outcome)
        .column(cases::Column::DismissalReason)
        .column_as(cases::Column::Id.count(), "n")
        .group_by(cases::Column::Status)
        .group_by(cases::Column::Outcome)
        .group_by(cases::Column::DismissalReason)
        .into_tuple()
        .all(db)
        .await?;
    let mut m = Metrics {
        from: scope.from,
        to: scope.to,
        filed: 0,
        registered: 0,
        dismissed: 0,
        dismissed_by_reason: BTreeMap::new(),
        by_status: BTreeMap::new(),
        open_by_status: BTreeMap::new(),
        closed: 0,
        closed_by_outcome: BTreeMap::new(),
        time_to_acknowledge: Durations::default(),
        time_to_eligibility: Durations::default(),
        time_to_closure: Durations::default(),
        deadlines_by_kind: BTreeMap::new(),
        deadlines_by_party: BTreeMap::new(),
        overdue_cases: 0,
        holds: 0,
        extensions: Extensions::default(),
        appealed: 0,
        notices_failed: 0,
    };
    for (status, outcome, reason, n) in rows {
        let n = count(n);
        m.filed += n;
        *m.by_status.entry(status.clone()).or_default() += n;
        let parsed = CaseStatus::parse_stored(&status)?;
        if parsed.is_active() {
            *m.open_by_status.entry(status.clone()).or_default() += n;
        }
        if outcome.as_deref() == Some(Outcome::Dismissed.as_ref()) {
            m.dismissed += n;
            *m.dismissed_by_reason
                .entry(reason.unwrap_or_else(|| "unknown".into()))
                .or_default() += n;
        }
        if parsed == CaseStatus::Closed {
            m.closed += n;
            *m.closed_by_outcome
                .entry(outcome.unwrap_or_else(|| "none".into()))
                .or_default() += n;
        }
    }
    m.registered = cohort()
        .filter(cases::Column::RegisteredAt.is_not_null())
        .count(db)
        .await?;
    m.appealed = cohort()
        .filter(cases::Column::AppealsLodged.gt(0))
        .count(db)
        .await?;
    let histogram = |column: cases::Column| async move {
        let pairs: Vec<(i64, i64)> = cohort()
            .select_only()
            .column(column)
            .column_as(cases::Column::Id.count(), "n")
            .filter(column.is_not_null())
            .group_by(column)
            .into_tuple()
            .all(db)
            .await?;
        AppResult::Ok(Durations::from_histogram(pairs))
    };
    m.time_to_acknowledge = histogram(cases::Column::AcknowledgeWorkingDays).await?;
    m.time_to_eligibility = histogram(cases::Column::EligibilityWorkingDays).await?;
    m.time_to_closure = histogram(cases::Column::ClosureWorkingDays).await?;

    let (met, cancelled, due) = (
        Expr::col(deadlines::Column::MetAt),
        Expr::col(deadlines::Column::CancelledAt),
        Expr::col(deadlines::Column::DueAt),
    );
    let open = met.clone().is_null().and(cancelled.clone().is_null());
    let when = |c: Expr| Func::count(Expr::case(c, 1));
    let clocks = deadlines::Entity::find()
        .select_only()
        .column(deadlines::Column::Kind)
        .column(deadlines::Column::Party)
        .expr_as(
            when(
                met.clone()
                    .is_not_null()
                    .and(due.clone().is_null().or(met.clone().lte(due.clone()))),
            ),
            "met_on_time",
        )
        .expr_as(
            when(met.clone().is_not_null().and(met.gt(due.clone()))),
            "met_late",
        )
        .expr_as(when(open.clone().and(due.clone().lt(now))), "overdue")
        .expr_as(
            when(open.and(due.clone().is_null().or(due.gte(now)))),
            "running",
        )
        .expr_as(when(cancelled.is_not_null()), "cancelled")
        .filter(deadlines::Column::CaseId.in_subquery(scope.case_ids()))
        .filter(deadlines::Column::Kind.ne(DeadlineKind::AppealWindow.as_ref()))
        .group_by(deadlines::Column::Kind)
        .group_by(deadlines::Column::Party)
        .into_model::<ClockRow>()
        .all(db)
        .await?;
    for row in clocks {
        let c = Compliance {
            met_on_time: count(row.met_on_time),
            met_late: count(row.met_late),
            overdue: count(row.overdue),
            running: count(row.running),
            cancelled: count(row.cancelled),
            share_met_on_time: None,
        };
        m.deadlines_by_kind.entry(row.kind).or_default().add(&c);
        m.deadlines_by_party.entry(row.party).or_default().add(&c);
    }
    for c in m
        .deadlines_by_kind
        .values_mut()
        .chain(m.deadlines_by_party.values_mut())
    {
        c.finish();
    }

    m.overdue_cases = deadlines::Entity::find()
        .select_only()
        .expr(Func::count_distinct(Expr::col(deadlines::Column::CaseId)))
        .filter(deadlines::Column::CaseId.in_subquery(scope.case_ids()))
        .filter(deadlines::Column::Kind.ne(DeadlineKind::AppealWindow.as_ref()))
        .filter(deadlines::Column::MetAt.is_null())
        .filter(deadlines::Column::CancelledAt.is_null())
        .filter(deadlines::Column::DueAt.lt(now))
        .into_tuple::<i64>()
        .one(db)
        .await?
        .map_or(0, count);
    m.holds = holds::Entity::find()
        .filter(holds::Column::CaseId.in_subquery(scope.case_ids()))
        .count(db)
        .await?;
    let extensions: Vec<(String, i64)> = extension_requests::Entity::find()
        .select_only()
        .column(extension_requests::Column::Status)
        .column_as(extension_requests::Column::Id.count(), "n")
        .filter(extension_requests::Column::CaseId.in_subquery(scope.case_ids()))
        .group_by(extension_requests::Column::Status)
        .into_tuple()
        .all(db)
        .await?;
    for (status, n) in extensions {
        let n = count(n);
        m.extensions.requested += n;
        match status.as_str() {
            "granted" => m.extensions.granted += n,
            "refused" => m.extensions.refused += n,
            "pending" => m.extensions.pending += n,
            other => {
                return Err(AppError::Corrupt(format!(
                    "extension request status `{other}`"
                )))
            }
        }
    }
    m.notices_failed = notifications::Entity::find()
        .filter(notifications::Column::CaseId.in_subquery(scope.case_ids()))
        .filter(notifications::Column::FailedAt.is_not_null())
        .count(db)
        .await?;
    Ok(m)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn medians_and_percentiles_take_the_nearest_rank() {
        // 1, 2, 2, 3, 10: median 2, p90 10 (rank 5 of 5).
        let d = Durations::from_histogram(vec![(3, 1), (2, 2), (10, 1), (1, 1)]);
        assert_eq!(
            d,
            Durations {
                count: 5,
                median: Some(2),
                p90: Some(10),
                max: Some(10)
            }
        );
        // Ten cases of 1..=10 days: median 5 (rank 5), p90 9 (rank 9).
        let d = Durations::from_histogram((1..=10).map(|v| (v, 1)).collect());
        assert_eq!((d.median, d.p90), (Some(5), Some(9)));
        assert_eq!(Durations::from_histogram(vec![]), Durations::default());
    }

    #[test]
    fn the_share_met_on_time_leaves_out_running_and_cancelled_clocks() {
        let mut c = Compliance {
            met_on_time: 2,
            met_late: 1,
            overdue: 1,
            running: 5,
            cancelled: 3,
            share_met_on_time: None,
        };
        c.finish();
        assert_eq!(c.share_met_on_time, Some(50.0));
        let mut none = Compliance::default();
        none.finish();
        assert_eq!(none.share_met_on_time, None);
    }
}

/// `YYYY-MM` of a timestamp column, in UTC. Timestamps are stored in UTC on both databases;
/// SQLite keeps them as ISO 8601 text. Written out rather than bound, so that `GROUP BY 1`
/// groups by exactly this expression on both databases.
fn month_of(backend: sea_orm::DatabaseBackend, table: &str, column: &str) -> Expr {
    match backend {
        sea_orm::DatabaseBackend::Postgres => Expr::cust(format!(
            "to_char(timezone('UTC', \"{table}\".\"{column}\"), 'YYYY-MM')"
        )),
        _ => Expr::cust(format!("substr(\"{table}\".\"{column}\", 1, 7)")),
    }
}

/// One month of the trends.
#[derive(Clone, Debug, Default, Serialize, utoipa::ToSchema)]
pub struct Month {
    /// `YYYY-MM`.
    pub month: String,
    pub filed: u64,
    pub closed: u64,
    /// Obligations that fell due in the month, and how they fared.
    pub deadlines_due: u64,
    pub deadlines_met_on_time: u64,
    pub share_met_on_time: Option<f64>,
}

/// Monthly series over `[scope.from, scope.to)`: filings and closures by the month they
/// happened, and deadline compliance by the month the deadline fell due. The body,
/// category and respondent filters apply; the period applies to each event's own date.
///
/// # Errors
/// Database errors.
pub async fn trends(
    db: &impl ConnectionTrait,
    scope: &Scope,
    now: DateTime<Utc>,
) -> AppResult<Vec<Month>> {
    let backend = db.get_database_backend();
    // The period applies to each series' own date; the other filters to the case.
    let within = |column: cases::Column| {
        scope
            .filters()
            .add(column.gte(scope.from))
            .add(column.lt(scope.to))
    };
    let filtered = Query::select()
        .column(cases::Column::Id)
        .from(cases::Entity)
        .cond_where(scope.filters())
        .to_owned();
    let mut months: BTreeMap<String, Month> = BTreeMap::new();
    for (column, name, filed) in [
        (cases::Column::FiledAt, "filed_at", true),
        (cases::Column::ClosedAt, "closed_at", false),
    ] {
        let rows: Vec<(String, i64)> = cases::Entity::find()
            .select_only()
            .expr_as(month_of(backend, "cases", name), "month")
            .column_as(cases::Column::Id.count(), "n")
            .filter(within(column))
            .group_by(Expr::cust("1"))
            .into_tuple()
            .all(db)
            .await?;
        for (month, n) in rows {
            let m = months.entry(month.clone()).or_insert_with(|| Month {
                month,
                ..Month::default()
            });
            if filed {
                m.filed = count(n);
            } else {
                m.closed = count(n);
            }
        }
    }
    let (met, due) = (
        Expr::col(deadlines::Column::MetAt),
        Expr::col(deadlines::Column::DueAt),
    );
    let rows: Vec<(String, i64, i64)> = deadlines::Entity::find()
        .select_only()
        .expr_as(month_of(backend, "deadlines", "due_at"), "month")
        .column_as(deadlines::Column::Id.count(), "n")
        .expr_as(
            Func::count(Expr::case(met.clone().is_not_null().and(met.lte(due)), 1)),
            "on_time",
        )
        .filter(deadlines::Column::DueAt.gte(scope.from))
        .filter(deadlines::Column::DueAt.lt(Ord::min(scope.to, now)))
        .filter(deadlines::Column::CancelledAt.is_null())
        .filter(deadlines::Column::Kind.ne(DeadlineKind::AppealWindow.as_ref()))
        .filter(deadlines::Column::CaseId.in_subquery(filtered))
        .group_by(Expr::cust("1"))
        .into_tuple()
        .all(db)
        .await?;
    for (month, n, on_time) in rows {
        let m = months.entry(month.clone()).or_insert_with(|| Month {
            month,
            ..Month::default()
        });
        m.deadlines_due = count(n);
        m.deadlines_met_on_time = count(on_time);
        let mut c = Compliance {
            met_on_time: count(on_time),
            overdue: count(n - on_time),
            ..Compliance::default()
        };
        c.finish();
        m.share_met_on_time = c.share_met_on_time;
    }
    Ok(months.into_values().collect())
}

/// One mediator's figures over the measured cases.
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct MediatorFigures {
    pub pid: String,
    pub name: String,
    pub regional_group: Option<String>,
    /// Measured cases the mediator holds.
    pub cases: u64,
    /// Of which still open for work.
    pub open: u64,
    pub closed: u64,
    pub time_to_closure: Durations,
    /// The mediator's own clocks (resolution, monitoring) on those cases.
    pub deadlines: Compliance,
}

/// Figures per mediator for the cases of `scope` they hold.
///
/// # Errors
/// Database errors.
pub async fn mediators(
    db: &impl ConnectionTrait,
    scope: &Scope,
    now: DateTime<Utc>,
) -> AppResult<Vec<MediatorFigures>> {
    let cohort = || {
        cases::Entity::find()
            .filter(scope.condition())
            .filter(cases::Column::MediatorId.is_not_null())
    };
    let active = CaseStatus::stored_where(CaseStatus::is_active);
    let counts: Vec<(i64, i64, i64, i64)> = cohort()
        .select_only()
        .column(cases::Column::MediatorId)
        .column_as(cases::Column::Id.count(), "n")
        .expr_as(
            Func::count(Expr::case(
                Expr::col(cases::Column::Status).is_in(active),
                1,
            )),
            "open",
        )
        .column_as(cases::Column::ClosedAt.count(), "closed")
        .group_by(cases::Column::MediatorId)
        .into_tuple()
        .all(db)
        .await?;
    let closure: Vec<(i64, i64, i64)> = cohort()
        .select_only()
        .column(cases::Column::MediatorId)
        .column(cases::Column::ClosureWorkingDays)
        .column_as(cases::Column::Id.count(), "n")
        .filter(cases::Column::ClosureWorkingDays.is_not_null())
        .group_by(cases::Column::MediatorId)
        .group_by(cases::Column::ClosureWorkingDays)
        .into_tuple()
        .all(db)
        .await?;
    let (met, cancelled, due) = (
        Expr::col((deadlines::Entity, deadlines::Column::MetAt)),
        Expr::col((deadlines::Entity, deadlines::Column::CancelledAt)),
        Expr::col((deadlines::Entity, deadlines::Column::DueAt)),
    );
    let open = met.clone().is_null().and(cancelled.clone().is_null());
    let when = |c: Expr| Func::count(Expr::case(c, 1));
    let clocks: Vec<(i64, i64, i64, i64, i64, i64)> = deadlines::Entity::find()
        .select_only()
        .column(cases::Column::MediatorId)
        .expr(when(
            met.clone()
                .is_not_null()
                .and(due.clone().is_null().or(met.clone().lte(due.clone()))),
        ))
        .expr(when(met.clone().is_not_null().and(met.gt(due.clone()))))
        .expr(when(open.clone().and(due.clone().lt(now))))
        .expr(when(open.and(due.clone().is_null().or(due.gte(now)))))
        .expr(when(cancelled.is_not_null()))
        .inner_join(cases::Entity)
        .filter(scope.condition())
        .filter(cases::Column::MediatorId.is_not_null())
        .filter(deadlines::Column::Party.eq(super::vocabulary::Party::Mediator.as_ref()))
        .group_by(cases::Column::MediatorId)
        .into_tuple()
        .all(db)
        .await?;
    let ids: Vec<i64> = counts.iter().map(|(m, ..)| *m).collect();
    let people: HashMap<i64, super::users::Model> = super::users::Entity::find()
        .filter(super::users::Column::Id.is_in(ids))
        .all(db)
        .await?
        .into_iter()
        .map(|u| (u.id, u))
        .collect();
    let groups: HashMap<i64, String> = delegations::Entity::find()
        .all(db)
        .await?
        .into_iter()
        .map(|d| (d.id, d.regional_group))
        .collect();
    let mut out: Vec<MediatorFigures> = counts
        .into_iter()
        .filter_map(|(m, n, open, closed)| {
            let user = people.get(&m)?;
            let mut deadlines = clocks
                .iter()
                .find(|c| c.0 == m)
                .map(|c| Compliance {
                    met_on_time: count(c.1),
                    met_late: count(c.2),
                    overdue: count(c.3),
                    running: count(c.4),
                    cancelled: count(c.5),
                    share_met_on_time: None,
                })
                .unwrap_or_default();
            deadlines.finish();
            Some(MediatorFigures {
                pid: user.pid.to_string(),
                name: user.name.clone(),
                regional_group: user.delegation_id.and_then(|d| groups.get(&d)).cloned(),
                cases: count(n),
                open: count(open),
                closed: count(closed),
                time_to_closure: Durations::from_histogram(
                    closure
                        .iter()
                        .filter(|(id, ..)| *id == m)
                        .map(|(_, v, c)| (*v, *c))
                        .collect(),
                ),
                deadlines,
            })
        })
        .collect();
    out.sort_by(|a, b| b.cases.cmp(&a.cases).then(a.name.cmp(&b.name)));
    Ok(out)
}
