//! What oversight's reports are made of: a mergeable summary of a set of cases (counts by
//! status and outcome, working-day histograms, settled clocks, the cells behind the
//! disparity tables and each mediator's figures). The summary of the cases filed on one
//! UTC day about one body is computed from the cases themselves and kept; so is the sum
//! of a month's days. A report over a period adds up the month summaries it covers whole
//! and the day summaries at its edges: a few hundred small rows, whatever the number of
//! cases.
//!
//! Every write that can change a case's figures (filing, and each transition) appends the
//! case's filing day to `figure_changes` in the same transaction. Before figures are read,
//! [`refresh`] recomputes the summaries of the days named there (every body at once, by
//! aggregations grouped by body) and of their months, then deletes exactly the change rows it read, all under one lock, so a change
//! committed meanwhile is still there for the next refresh.
//!
//! Running clocks are kept by due instant, so whether each is overdue is decided when the
//! figures are read. A change to a running clock's due instant outside a transition (a
//! new holiday calendar, `deadlines:rebuild`) records its case's day like a transition.
//! What changes outside any of these (a notice failing) is read live from the few rows
//! concerned, through a partial index.
use std::collections::{BTreeMap, BTreeSet};

use chrono::{DateTime, Datelike, Months, NaiveDate, NaiveTime, Utc};
use sea_orm::{
    entity::prelude::*,
    sea_query::{Expr, ExprTrait, Func, OnConflict},
    ActiveValue::Set,
    Condition, DatabaseBackend, FromQueryResult, JoinType, QueryOrder, QuerySelect,
    TransactionSession, TransactionTrait,
};
use serde::{de::DeserializeOwned, Deserialize, Serialize};

use crate::errors::{AppError, AppResult};
use crate::models::{
    _entities::{
        cases, deadlines, extension_requests, figure_changes, figure_refresh, figure_summaries,
        holds, notifications,
    },
    cases::CaseStatus,
    oversight::metrics::Scope,
    vocabulary::{DeadlineKind, Outcome, Party},
};

impl ActiveModelBehavior for figure_summaries::ActiveModel {}
impl ActiveModelBehavior for figure_changes::ActiveModel {}
impl ActiveModelBehavior for figure_refresh::ActiveModel {}

/// Working days (or any integer) → how many cases took that long.
pub type Histogram = BTreeMap<i64, i64>;

/// Adds (`sign` 1) or takes away (`sign` -1) the counts of `from`.
pub fn merge<K: Ord + Clone>(into: &mut BTreeMap<K, i64>, from: &BTreeMap<K, i64>, sign: i64) {
    for (k, n) in from {
        *into.entry(k.clone()).or_default() += sign * n;
    }
}

/// Clocks that have stopped: met on time, met late, or cancelled.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Settled {
    pub on_time: i64,
    pub late: i64,
    pub cancelled: i64,
}

impl Settled {
    fn add(&mut self, other: &Self) {
        self.on_time += other.on_time;
        self.late += other.late;
        self.cancelled += other.cancelled;
    }
}

/// The closure metrics' part of a summary.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Overview {
    /// Cases by `status|outcome|dismissal reason` (empty when there is none).
    pub statuses: BTreeMap<String, i64>,
    pub registered: i64,
    pub appealed: i64,
    pub holds: i64,
    /// Extension requests by status.
    pub extensions: BTreeMap<String, i64>,
    /// Working days from filing to registration, to the first eligibility decision, and
    /// to closure.
    pub acknowledge: Histogram,
    pub eligibility: Histogram,
    pub closure: Histogram,
    /// Settled obligations (the appeal window is a right, not one) by `kind|party`.
    pub clocks: BTreeMap<String, Settled>,
    /// Running obligations by `kind|party`, then by due instant (Unix seconds; [`PAUSED`]
    /// for a paused clock): whether each is overdue is decided when the figures are read.
    pub running: BTreeMap<String, Histogram>,
    /// Cases with running obligations, by the earliest instant one of them falls due.
    pub earliest_due: Histogram,
}

/// The monthly series' part of a summary: filings, closures, and met obligations by the
/// UTC day they were due (`[met, of which on time]`).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Series {
    pub filed_by_day: BTreeMap<String, i64>,
    pub closed_by_day: BTreeMap<String, i64>,
    pub met_by_due_day: BTreeMap<String, [i64; 2]>,
}

impl Series {
    fn add(&mut self, o: &Self) {
        merge(&mut self.filed_by_day, &o.filed_by_day, 1);
        merge(&mut self.closed_by_day, &o.closed_by_day, 1);
        for (k, [n, on_time]) in &o.met_by_due_day {
            let e = self.met_by_due_day.entry(k.clone()).or_default();
            e[0] += n;
            e[1] += on_time;
        }
    }
}

impl Overview {
    fn add(&mut self, o: &Self) {
        merge(&mut self.statuses, &o.statuses, 1);
        self.registered += o.registered;
        self.appealed += o.appealed;
        self.holds += o.holds;
        merge(&mut self.extensions, &o.extensions, 1);
        merge(&mut self.acknowledge, &o.acknowledge, 1);
        merge(&mut self.eligibility, &o.eligibility, 1);
        merge(&mut self.closure, &o.closure, 1);
        for (k, s) in &o.clocks {
            self.clocks.entry(k.clone()).or_default().add(s);
        }
        for (k, h) in &o.running {
            merge(self.running.entry(k.clone()).or_default(), h, 1);
        }
        merge(&mut self.earliest_due, &o.earliest_due, 1);
    }
}

/// The cases of one complainant delegation in one language (or any sum of such cells).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Cell {
    pub cases: i64,
    pub registered: i64,
    pub decided: i64,
    pub dismissed: i64,
    pub closed: i64,
    pub with_outputs: i64,
    pub acknowledge: Histogram,
    pub eligibility: Histogram,
    pub closure: Histogram,
}

impl Cell {
    /// Adds (`sign` 1) or takes away (`sign` -1) `other`.
    pub fn add(&mut self, other: &Self, sign: i64) {
        self.cases += sign * other.cases;
        self.registered += sign * other.registered;
        self.decided += sign * other.decided;
        self.dismissed += sign * other.dismissed;
        self.closed += sign * other.closed;
        self.with_outputs += sign * other.with_outputs;
        merge(&mut self.acknowledge, &other.acknowledge, sign);
        merge(&mut self.eligibility, &other.eligibility, sign);
        merge(&mut self.closure, &other.closure, sign);
    }
}

/// One mediator's part of a summary: the cases they hold now.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct MediatorCell {
    pub cases: i64,
    pub open: i64,
    pub closed: i64,
    pub closure: Histogram,
    /// Their own clocks (resolution, monitoring) that have stopped.
    pub clocks: Settled,
    /// Their own running clocks by due instant, as in [`Overview::running`].
    pub running: Histogram,
}

impl MediatorCell {
    fn add(&mut self, o: &Self) {
        self.cases += o.cases;
        self.open += o.open;
        self.closed += o.closed;
        merge(&mut self.closure, &o.closure, 1);
        self.clocks.add(&o.clocks);
        merge(&mut self.running, &o.running, 1);
    }
}

/// The summary of a set of cases.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Summary {
    pub cases: i64,
    pub overview: Overview,
    pub series: Series,
    /// By `complainant delegation id|language`.
    pub cells: BTreeMap<String, Cell>,
    /// By mediator id.
    pub mediators: BTreeMap<i64, MediatorCell>,
}

impl Summary {
    pub fn add(&mut self, o: &Self) {
        self.cases += o.cases;
        self.overview.add(&o.overview);
        self.series.add(&o.series);
        for (k, c) in &o.cells {
            self.cells.entry(k.clone()).or_default().add(c, 1);
        }
        for (k, c) in &o.mediators {
            self.mediators.entry(*k).or_default().add(c);
        }
    }
}

/// The due "instant" of a paused clock: never reached.
pub const PAUSED: i64 = i64::MAX;

/// `[overdue, running]` at `now` of clocks counted by due instant.
#[must_use]
pub fn split_at(due: &Histogram, now: DateTime<Utc>) -> [i64; 2] {
    let now = now.timestamp();
    due.iter().fold([0, 0], |[overdue, running], (at, n)| {
        if *at < now {
            [overdue + n, running]
        } else {
            [overdue, running + n]
        }
    })
}

/// Which parts of the summaries a report reads (each is stored apart, so a report parses
/// only what it uses).
#[derive(Clone, Copy, Debug, Default)]
pub struct Parts {
    pub overview: bool,
    pub series: bool,
    pub cells: bool,
    pub mediators: bool,
}

/// The UTC day of a timestamp column, `YYYY-MM-DD`, as SQL. Timestamps are stored in UTC
/// on both databases; SQLite keeps them as ISO 8601 text.
#[must_use]
pub fn day_sql(backend: DatabaseBackend, table: &str, column: &str) -> String {
    match backend {
        DatabaseBackend::Postgres => {
            format!("to_char(timezone('UTC', \"{table}\".\"{column}\"), 'YYYY-MM-DD')")
        }
        _ => format!("substr(\"{table}\".\"{column}\", 1, 10)"),
    }
}

fn day_of(backend: DatabaseBackend, table: &str, column: &str) -> Expr {
    Expr::cust(day_sql(backend, table, column))
}

fn when(c: Expr) -> Expr {
    Func::count(Expr::case(c, 1)).into()
}

#[derive(FromQueryResult)]
struct StatusRow {
    body: i64,
    status: String,
    outcome: Option<String>,
    reason: Option<String>,
    n: i64,
    registered: i64,
    appealed: i64,
}

#[derive(FromQueryResult)]
struct CellRow {
    body: i64,
    delegation: i64,
    language: String,
    cases: i64,
    registered: i64,
    decided: i64,
    dismissed: i64,
    closed: i64,
    with_outputs: i64,
}

/// Body, kind, party, mediator, due instant, count.
type RunningRow = (
    i64,
    String,
    String,
    Option<i64>,
    Option<DateTimeWithTimeZone>,
    i64,
);

#[derive(FromQueryResult)]
struct ClockRow {
    body: i64,
    kind: String,
    party: String,
    mediator: Option<i64>,
    on_time: i64,
    late: i64,
    cancelled: i64,
}

fn cell_key(delegation: i64, language: &str) -> String {
    format!("{delegation}|{language}")
}

/// Splits a cell key back into the delegation id and the language.
#[must_use]
pub fn cell_of(key: &str) -> Option<(i64, &str)> {
    let (d, l) = key.split_once('|')?;
    Some((d.parse().ok()?, l))
}

/// The summary of the cases matching `condition`, from the cases themselves.
///
/// # Errors
/// Database errors.
pub async fn compute(db: &impl ConnectionTrait, condition: Condition) -> AppResult<Summary> {
    let mut sum = Summary::default();
    for s in compute_by_body(db, condition).await?.values() {
        sum.add(s);
    }
    Ok(sum)
}

/// The summaries of the cases matching `condition`, one per body, from the cases
/// themselves: a dozen aggregations grouped by body, none of which loads a case.
///
/// # Errors
/// Database errors.
/// The summaries of the cases matching `condition`, one per body, from the cases
/// themselves: a dozen aggregations grouped by body, none of which loads a case.
///
/// # Errors
/// Database errors.
pub async fn compute_by_body(
    db: &impl ConnectionTrait,
    condition: Condition,
) -> AppResult<BTreeMap<i64, Summary>> {
    let by_body = ByBody {
        db,
        backend: db.get_database_backend(),
        condition,
    };
    let mut out: BTreeMap<i64, Summary> = BTreeMap::new();
    by_body.statuses(&mut out).await?;
    if out.is_empty() {
        return Ok(out);
    }
    by_body.cells(&mut out).await?;
    by_body.series(&mut out).await?;
    by_body.mediators(&mut out).await?;
    by_body.settled_clocks(&mut out).await?;
    by_body.running_clocks(&mut out).await?;
    by_body.holds_and_extensions(&mut out).await?;
    Ok(out)
}

/// The cases' body, the key every aggregation groups by.
const BODY: cases::Column = cases::Column::BodyId;

/// The aggregations behind [`compute_by_body`], each adding its part to the summaries.
struct ByBody<'a, C> {
    db: &'a C,
    backend: DatabaseBackend,
    condition: Condition,
}

impl<C: ConnectionTrait> ByBody<'_, C> {
    /// The matching cases, grouped by body.
    fn cohort(&self) -> Select<cases::Entity> {
        cases::Entity::find()
            .filter(self.condition.clone())
            .select_only()
            .column_as(BODY, "body")
            .group_by(BODY)
    }

    /// The matching cases' settled or running clocks (not the appeal window, a right rather
    /// than an obligation), grouped by body.
    fn clocks(&self) -> Select<deadlines::Entity> {
        deadlines::Entity::find()
            .inner_join(cases::Entity)
            .filter(self.condition.clone())
            .filter(deadlines::Column::Kind.ne(DeadlineKind::AppealWindow.as_ref()))
            .select_only()
            .column_as(BODY, "body")
            .group_by(BODY)
    }

    /// The matching cases' running clocks, not grouped.
    fn open(&self) -> Select<deadlines::Entity> {
        deadlines::Entity::find()
            .inner_join(cases::Entity)
            .filter(self.condition.clone())
            .filter(deadlines::Column::Kind.ne(DeadlineKind::AppealWindow.as_ref()))
            .filter(deadlines::Column::MetAt.is_null())
            .filter(deadlines::Column::CancelledAt.is_null())
            .select_only()
            .column_as(BODY, "body")
    }

    /// Cases by status, outcome and dismissal reason; registered and appealed.
    async fn statuses(&self, out: &mut BTreeMap<i64, Summary>) -> AppResult<()> {
        let rows = self
            .cohort()
            .column(cases::Column::Status)
            .column(cases::Column::Outcome)
            .column_as(cases::Column::DismissalReason, "reason")
            .expr_as(Func::count(Expr::cust("*")), "n")
            .column_as(cases::Column::RegisteredAt.count(), "registered")
            .expr_as(
                when(Expr::col(cases::Column::AppealsLodged).gt(0)),
                "appealed",
            )
            .group_by(cases::Column::Status)
            .group_by(cases::Column::Outcome)
            .group_by(cases::Column::DismissalReason)
            .into_model::<StatusRow>()
            .all(self.db)
            .await?;
        for r in rows {
            let s = out.entry(r.body).or_default();
            s.cases += r.n;
            s.overview.registered += r.registered;
            s.overview.appealed += r.appealed;
            let key = format!(
                "{}|{}|{}",
                r.status,
                r.outcome.unwrap_or_default(),
                r.reason.unwrap_or_default()
            );
            *s.overview.statuses.entry(key).or_default() += r.n;
        }
        Ok(())
    }

    /// Each complainant and language's counts and time-taken histograms, and the body's overall histograms.
    async fn cells(&self, out: &mut BTreeMap<i64, Summary>) -> AppResult<()> {
        let outcome = Expr::col(cases::Column::Outcome);
        let with_outputs: Vec<&str> = [
            Outcome::ResponseAccepted,
            Outcome::Settled,
            Outcome::Upheld,
            Outcome::PartlyUpheld,
        ]
        .iter()
        .map(AsRef::as_ref)
        .collect();
        let cells = self
            .cohort()
            .column_as(cases::Column::ComplainantDelegationId, "delegation")
            .column(cases::Column::Language)
            .expr_as(Func::count(Expr::cust("*")), "cases")
            .column_as(cases::Column::RegisteredAt.count(), "registered")
            .column_as(cases::Column::EligibilityWorkingDays.count(), "decided")
            .expr_as(
                when(outcome.clone().eq(Outcome::Dismissed.as_ref())),
                "dismissed",
            )
            .column_as(cases::Column::ClosedAt.count(), "closed")
            .expr_as(
                when(
                    Expr::col(cases::Column::ClosedAt)
                        .is_not_null()
                        .and(outcome.is_in(with_outputs)),
                ),
                "with_outputs",
            )
            .group_by(cases::Column::ComplainantDelegationId)
            .group_by(cases::Column::Language)
            .into_model::<CellRow>()
            .all(self.db)
            .await?;
        for r in cells {
            out.entry(r.body).or_default().cells.insert(
                cell_key(r.delegation, &r.language),
                Cell {
                    cases: r.cases,
                    registered: r.registered,
                    decided: r.decided,
                    dismissed: r.dismissed,
                    closed: r.closed,
                    with_outputs: r.with_outputs,
                    ..Cell::default()
                },
            );
        }
        for (column, pick) in [
            (
                cases::Column::AcknowledgeWorkingDays,
                (|c: &mut Cell| &mut c.acknowledge) as fn(&mut Cell) -> &mut Histogram,
            ),
            (cases::Column::EligibilityWorkingDays, |c| {
                &mut c.eligibility
            }),
            (cases::Column::ClosureWorkingDays, |c| &mut c.closure),
        ] {
            let rows: Vec<(i64, i64, String, i64, i64)> = self
                .cohort()
                .column(cases::Column::ComplainantDelegationId)
                .column(cases::Column::Language)
                .column(column)
                .expr_as(Func::count(Expr::cust("*")), "n")
                .filter(column.is_not_null())
                .group_by(cases::Column::ComplainantDelegationId)
                .group_by(cases::Column::Language)
                .group_by(column)
                .into_tuple()
                .all(self.db)
                .await?;
            for (b, d, l, v, n) in rows {
                *pick(
                    out.entry(b)
                        .or_default()
                        .cells
                        .entry(cell_key(d, &l))
                        .or_default(),
                )
                .entry(v)
                .or_default() += n;
            }
        }
        for s in out.values_mut() {
            for c in s.cells.values() {
                merge(&mut s.overview.acknowledge, &c.acknowledge, 1);
                merge(&mut s.overview.eligibility, &c.eligibility, 1);
                merge(&mut s.overview.closure, &c.closure, 1);
            }
        }
        Ok(())
    }

    /// Filings and closures by day.
    async fn series(&self, out: &mut BTreeMap<i64, Summary>) -> AppResult<()> {
        for (column, name, filed) in [
            (cases::Column::FiledAt, "filed_at", true),
            (cases::Column::ClosedAt, "closed_at", false),
        ] {
            let rows: Vec<(i64, String, i64)> = self
                .cohort()
                .expr_as(day_of(self.backend, "cases", name), "day")
                .expr_as(Func::count(Expr::cust("*")), "n")
                .filter(column.is_not_null())
                .group_by(Expr::cust("2"))
                .into_tuple()
                .all(self.db)
                .await?;
            for (b, day, n) in rows {
                let o = &mut out.entry(b).or_default().series;
                let into = if filed {
                    &mut o.filed_by_day
                } else {
                    &mut o.closed_by_day
                };
                into.insert(day, n);
            }
        }
        Ok(())
    }

    /// Each mediator's cases, open and closed, and their closure times.
    async fn mediators(&self, out: &mut BTreeMap<i64, Summary>) -> AppResult<()> {
        let active = CaseStatus::stored_where(CaseStatus::is_active);
        let rows: Vec<(i64, i64, i64, i64, i64)> = self
            .cohort()
            .column(cases::Column::MediatorId)
            .expr_as(Func::count(Expr::cust("*")), "n")
            .expr_as(when(Expr::col(cases::Column::Status).is_in(active)), "open")
            .column_as(cases::Column::ClosedAt.count(), "closed")
            .filter(cases::Column::MediatorId.is_not_null())
            .group_by(cases::Column::MediatorId)
            .into_tuple()
            .all(self.db)
            .await?;
        for (b, m, n, open, closed) in rows {
            let c = out.entry(b).or_default().mediators.entry(m).or_default();
            c.cases = n;
            c.open = open;
            c.closed = closed;
        }
        let rows: Vec<(i64, i64, i64, i64)> = self
            .cohort()
            .column(cases::Column::MediatorId)
            .column(cases::Column::ClosureWorkingDays)
            .expr_as(Func::count(Expr::cust("*")), "n")
            .filter(cases::Column::MediatorId.is_not_null())
            .filter(cases::Column::ClosureWorkingDays.is_not_null())
            .group_by(cases::Column::MediatorId)
            .group_by(cases::Column::ClosureWorkingDays)
            .into_tuple()
            .all(self.db)
            .await?;
        for (b, m, v, n) in rows {
            *out.entry(b)
                .or_default()
                .mediators
                .entry(m)
                .or_default()
                .closure
                .entry(v)
                .or_default() += n;
        }
        Ok(())
    }

    /// Clocks met (on time or late) or cancelled, by kind and party and for mediators; met by due day.
    async fn settled_clocks(&self, out: &mut BTreeMap<i64, Summary>) -> AppResult<()> {
        let (met, cancelled, due) = (
            Expr::col((deadlines::Entity, deadlines::Column::MetAt)),
            Expr::col((deadlines::Entity, deadlines::Column::CancelledAt)),
            Expr::col((deadlines::Entity, deadlines::Column::DueAt)),
        );
        let on_time = || {
            met.clone()
                .is_not_null()
                .and(due.clone().is_null().or(met.clone().lte(due.clone())))
        };
        let rows = self
            .clocks()
            .column(deadlines::Column::Kind)
            .column(deadlines::Column::Party)
            .column_as(cases::Column::MediatorId, "mediator")
            .expr_as(when(on_time()), "on_time")
            .expr_as(
                when(met.clone().is_not_null().and(met.clone().gt(due.clone()))),
                "late",
            )
            .expr_as(when(cancelled.clone().is_not_null()), "cancelled")
            .filter(
                met.clone()
                    .is_not_null()
                    .or(cancelled.clone().is_not_null()),
            )
            .group_by(deadlines::Column::Kind)
            .group_by(deadlines::Column::Party)
            .group_by(cases::Column::MediatorId)
            .into_model::<ClockRow>()
            .all(self.db)
            .await?;
        for r in rows {
            let settled = Settled {
                on_time: r.on_time,
                late: r.late,
                cancelled: r.cancelled,
            };
            let s = out.entry(r.body).or_default();
            s.overview
                .clocks
                .entry(format!("{}|{}", r.kind, r.party))
                .or_default()
                .add(&settled);
            if let (Some(m), true) = (r.mediator, r.party == Party::Mediator.as_ref()) {
                s.mediators.entry(m).or_default().clocks.add(&settled);
            }
        }
        let rows: Vec<(i64, String, i64, i64)> = self
            .clocks()
            .expr_as(day_of(self.backend, "deadlines", "due_at"), "day")
            .expr_as(Func::count(Expr::cust("*")), "n")
            .expr_as(when(met.clone().lte(due.clone())), "on_time")
            .filter(met.is_not_null())
            .filter(cancelled.is_null())
            .filter(due.is_not_null())
            .group_by(Expr::cust("2"))
            .into_tuple()
            .all(self.db)
            .await?;
        for (b, day, n, on_time) in rows {
            out.entry(b)
                .or_default()
                .series
                .met_by_due_day
                .insert(day, [n, on_time]);
        }
        Ok(())
    }

    /// Running clocks by due instant, and each case's earliest.
    async fn running_clocks(&self, out: &mut BTreeMap<i64, Summary>) -> AppResult<()> {
        let instant = |due: Option<DateTimeWithTimeZone>| due.map_or(PAUSED, |d| d.timestamp());
        let rows: Vec<RunningRow> = self
            .open()
            .column(deadlines::Column::Kind)
            .column(deadlines::Column::Party)
            .column(cases::Column::MediatorId)
            .column(deadlines::Column::DueAt)
            .expr(Func::count(Expr::cust("*")))
            .group_by(BODY)
            .group_by(deadlines::Column::Kind)
            .group_by(deadlines::Column::Party)
            .group_by(cases::Column::MediatorId)
            .group_by(deadlines::Column::DueAt)
            .into_tuple()
            .all(self.db)
            .await?;
        for (b, kind, party, mediator, due, n) in rows {
            let s = out.entry(b).or_default();
            let at = instant(due);
            *s.overview
                .running
                .entry(format!("{kind}|{party}"))
                .or_default()
                .entry(at)
                .or_default() += n;
            if let (Some(m), true) = (mediator, party == Party::Mediator.as_ref()) {
                *s.mediators
                    .entry(m)
                    .or_default()
                    .running
                    .entry(at)
                    .or_default() += n;
            }
        }
        let rows: Vec<(i64, i64, Option<DateTimeWithTimeZone>)> = self
            .open()
            .column(deadlines::Column::CaseId)
            .expr(Func::min(Expr::col((
                deadlines::Entity,
                deadlines::Column::DueAt,
            ))))
            .filter(deadlines::Column::DueAt.is_not_null())
            .group_by(BODY)
            .group_by(deadlines::Column::CaseId)
            .into_tuple()
            .all(self.db)
            .await?;
        for (b, _, due) in rows {
            *out.entry(b)
                .or_default()
                .overview
                .earliest_due
                .entry(instant(due))
                .or_default() += 1;
        }
        Ok(())
    }

    /// Holds placed, and extension requests by status.
    async fn holds_and_extensions(&self, out: &mut BTreeMap<i64, Summary>) -> AppResult<()> {
        let rows: Vec<(i64, i64)> = holds::Entity::find()
            .inner_join(cases::Entity)
            .filter(self.condition.clone())
            .select_only()
            .column_as(BODY, "body")
            .expr(Func::count(Expr::cust("*")))
            .group_by(BODY)
            .into_tuple()
            .all(self.db)
            .await?;
        for (b, n) in rows {
            out.entry(b).or_default().overview.holds = n;
        }
        let rows: Vec<(i64, String, i64)> = extension_requests::Entity::find()
            .inner_join(cases::Entity)
            .filter(self.condition.clone())
            .select_only()
            .column_as(BODY, "body")
            .column(extension_requests::Column::Status)
            .expr(Func::count(Expr::cust("*")))
            .group_by(BODY)
            .group_by(extension_requests::Column::Status)
            .into_tuple()
            .all(self.db)
            .await?;
        for (b, status, n) in rows {
            out.entry(b)
                .or_default()
                .overview
                .extensions
                .insert(status, n);
        }
        Ok(())
    }
}

/// Records, in the writer's transaction, that the figures of `case`'s filing day changed.
///
/// # Errors
/// Database errors.
pub async fn touch(db: &impl ConnectionTrait, case: &cases::Model) -> AppResult<()> {
    let day = case.filed_at.with_timezone(&Utc).date_naive();
    figure_changes::Entity::insert(figure_changes::ActiveModel {
        day: Set(day.format("%Y-%m-%d").to_string()),
        ..Default::default()
    })
    .exec(db)
    .await?;
    Ok(())
}

const SPAN_DAY: &str = "day";
const SPAN_MONTH: &str = "month";

fn parse_day(day: &str) -> AppResult<NaiveDate> {
    NaiveDate::parse_from_str(day, "%Y-%m-%d")
        .map_err(|_| AppError::Corrupt(format!("figure change day `{day}`")))
}

fn midnight(day: NaiveDate) -> DateTime<Utc> {
    day.and_time(NaiveTime::MIN).and_utc()
}

fn first_of_month(day: NaiveDate) -> NaiveDate {
    day.with_day(1).unwrap_or(day)
}

fn json<T: Serialize>(value: &T) -> AppResult<String> {
    serde_json::to_string(value).map_err(|e| AppError::Corrupt(format!("figure summary: {e}")))
}

fn parse<T: DeserializeOwned + Default>(text: &str) -> AppResult<T> {
    serde_json::from_str(text).map_err(|e| AppError::Corrupt(format!("figure summary: {e}")))
}

/// Makes the summaries of one span and start exactly `by_body`: one row per body with
/// cases, none for the others.
async fn replace(
    db: &impl ConnectionTrait,
    span: &str,
    start: &str,
    by_body: &BTreeMap<i64, Summary>,
    now: DateTime<Utc>,
) -> AppResult<()> {
    figure_summaries::Entity::delete_many()
        .filter(figure_summaries::Column::Span.eq(span))
        .filter(figure_summaries::Column::Start.eq(start))
        .filter(figure_summaries::Column::BodyId.is_not_in(by_body.keys().copied()))
        .exec(db)
        .await?;
    // One statement for all the bodies: large bind messages each cost a network round trip.
    let mut rows = Vec::with_capacity(by_body.len());
    for (body_id, summary) in by_body {
        rows.push(figure_summaries::ActiveModel {
            span: Set(span.to_string()),
            start: Set(start.to_string()),
            body_id: Set(*body_id),
            cases: Set(summary.cases),
            overview: Set(json(&summary.overview)?),
            series: Set(json(&summary.series)?),
            cells: Set(json(&summary.cells)?),
            mediators: Set(json(&summary.mediators)?),
            created_at: Set(now.into()),
            updated_at: Set(now.into()),
            ..Default::default()
        });
    }
    if rows.is_empty() {
        return Ok(());
    }
    figure_summaries::Entity::insert_many(rows)
        .on_conflict(
            OnConflict::columns([
                figure_summaries::Column::Span,
                figure_summaries::Column::Start,
                figure_summaries::Column::BodyId,
            ])
            .update_columns([
                figure_summaries::Column::Cases,
                figure_summaries::Column::Overview,
                figure_summaries::Column::Series,
                figure_summaries::Column::Cells,
                figure_summaries::Column::Mediators,
                figure_summaries::Column::UpdatedAt,
            ])
            .to_owned(),
        )
        .exec_without_returning(db)
        .await?;
    Ok(())
}

fn decode(row: &figure_summaries::Model, parts: Parts) -> AppResult<Summary> {
    Ok(Summary {
        cases: row.cases,
        overview: if parts.overview {
            parse(&row.overview)?
        } else {
            Overview::default()
        },
        series: if parts.series {
            parse(&row.series)?
        } else {
            Series::default()
        },
        cells: if parts.cells {
            parse(&row.cells)?
        } else {
            BTreeMap::new()
        },
        mediators: if parts.mediators {
            parse(&row.mediators)?
        } else {
            BTreeMap::new()
        },
    })
}

/// How many change rows one refresh transaction takes at most, so that a
/// long backlog never holds the database's write lock for long.
const BATCH: u64 = 2000;

/// Brings the summaries up to date with every change recorded before the call. Changes
/// recorded meanwhile are left to the next refresh, so a reader never chases a stream of
/// writes. Returns how many day summaries were recomputed.
///
/// # Errors
/// Database errors.
pub async fn refresh<C>(db: &C, now: DateTime<Utc>) -> AppResult<u64>
where
    C: ConnectionTrait + TransactionTrait,
{
    let Some(last) = figure_changes::Entity::find()
        .select_only()
        .expr(Func::max(Expr::col(figure_changes::Column::Id)))
        .into_tuple::<Option<i64>>()
        .one(db)
        .await?
        .flatten()
    else {
        return Ok(0);
    };
    let mut recomputed = 0;
    loop {
        match refresh_step(db, last, now).await? {
            0 => return Ok(recomputed),
            n => recomputed += n,
        }
    }
}

/// One transaction of [`refresh`]: recomputes the summaries named by up to [`BATCH`]
/// change rows, none after `last`. Returns how many day summaries it recomputed (0:
/// nothing was pending).
///
/// # Errors
/// Database errors.
pub async fn refresh_step<C>(db: &C, last: i64, now: DateTime<Utc>) -> AppResult<u64>
where
    C: ConnectionTrait + TransactionTrait,
{
    let txn = db.begin().await?;
    match refresh_batch(&txn, last, now).await {
        Ok(n) => {
            txn.commit().await?;
            Ok(n)
        }
        Err(e) => {
            txn.rollback().await?;
            Err(e)
        }
    }
}

async fn refresh_batch(db: &impl ConnectionTrait, last: i64, now: DateTime<Utc>) -> AppResult<u64> {
    // The lock first: on SQLite this write takes the database's write lock at once; on
    // PostgreSQL it queues concurrent refreshes behind this one, so an older summary can
    // never overwrite a newer one.
    figure_refresh::Entity::update_many()
        .col_expr(
            figure_refresh::Column::RefreshedAt,
            Expr::value(DateTimeWithTimeZone::from(now)),
        )
        .filter(figure_refresh::Column::Id.eq(1))
        .exec(db)
        .await?;
    let changes = figure_changes::Entity::find()
        .filter(figure_changes::Column::Id.lte(last))
        .order_by_asc(figure_changes::Column::Id)
        .limit(BATCH)
        .all(db)
        .await?;
    if changes.is_empty() {
        return Ok(0);
    }
    let mut days: BTreeSet<NaiveDate> = BTreeSet::new();
    for c in &changes {
        days.insert(parse_day(&c.day)?);
    }
    let mut months: BTreeSet<NaiveDate> = BTreeSet::new();
    for day in &days {
        let condition = Condition::all()
            .add(cases::Column::FiledAt.gte(midnight(*day)))
            .add(cases::Column::FiledAt.lt(midnight(*day + chrono::Duration::days(1))));
        let by_body = compute_by_body(db, condition).await?;
        let start = day.format("%Y-%m-%d").to_string();
        replace(db, SPAN_DAY, &start, &by_body, now).await?;
        months.insert(first_of_month(*day));
    }
    let everything = Parts {
        overview: true,
        series: true,
        cells: true,
        mediators: true,
    };
    for month in &months {
        let next = *month + Months::new(1);
        let rows = figure_summaries::Entity::find()
            .filter(figure_summaries::Column::Span.eq(SPAN_DAY))
            .filter(figure_summaries::Column::Start.gte(month.format("%Y-%m-%d").to_string()))
            .filter(figure_summaries::Column::Start.lt(next.format("%Y-%m-%d").to_string()))
            .all(db)
            .await?;
        let mut by_body: BTreeMap<i64, Summary> = BTreeMap::new();
        for row in &rows {
            by_body
                .entry(row.body_id)
                .or_default()
                .add(&decode(row, everything)?);
        }
        let start = month.format("%Y-%m").to_string();
        replace(db, SPAN_MONTH, &start, &by_body, now).await?;
    }
    let ids: Vec<i64> = changes.iter().map(|c| c.id).collect();
    for chunk in ids.chunks(500) {
        figure_changes::Entity::delete_many()
            .filter(figure_changes::Column::Id.is_in(chunk.iter().copied()))
            .exec(db)
            .await?;
    }
    Ok(days.len() as u64)
}

/// Whether `at` is a UTC midnight, the only instants summaries begin and end at.
fn on_a_day(at: DateTime<Utc>) -> bool {
    at.time() == NaiveTime::MIN
}

/// The summary of the cases filed in `[from, to)` (from the beginning when `from` is none)
/// that `scope`'s body, category and respondent filters select, as at `now`.
///
/// Periods of whole days without a category or respondent filter are read from the kept
/// summaries; anything else is computed from the cases.
///
/// # Errors
/// Database errors.
pub async fn gather<C>(
    db: &C,
    scope: &Scope,
    from: Option<DateTime<Utc>>,
    to: DateTime<Utc>,
    parts: Parts,
    now: DateTime<Utc>,
) -> AppResult<Summary>
where
    C: ConnectionTrait + TransactionTrait,
{
    let summarized = scope.category.is_none()
        && scope.respondent.is_none()
        && from.is_none_or(on_a_day)
        && on_a_day(to);
    if !summarized {
        let mut condition = scope.filters().add(cases::Column::FiledAt.lt(to));
        if let Some(from) = from {
            condition = condition.add(cases::Column::FiledAt.gte(from));
        }
        return compute(db, condition).await;
    }
    refresh(db, now).await?;
    let end = to.date_naive();
    let start = from.map(|f| f.date_naive());
    // Whole months are read from month summaries, the days around them from day ones.
    let whole_from = start.map(|s| {
        if s.day() == 1 {
            s
        } else {
            first_of_month(s) + Months::new(1)
        }
    });
    let whole_to = first_of_month(end);
    let day = |d: NaiveDate| d.format("%Y-%m-%d").to_string();
    let month = |d: NaiveDate| d.format("%Y-%m").to_string();
    let days_between = |a: Option<NaiveDate>, b: NaiveDate| {
        let mut c = Condition::all()
            .add(figure_summaries::Column::Span.eq(SPAN_DAY))
            .add(figure_summaries::Column::Start.lt(day(b)));
        if let Some(a) = a {
            c = c.add(figure_summaries::Column::Start.gte(day(a)));
        }
        c
    };
    let mut which = Condition::any();
    if whole_from.is_some_and(|w| w >= whole_to) {
        which = which.add(days_between(start, end));
    } else {
        let mut months = Condition::all()
            .add(figure_summaries::Column::Span.eq(SPAN_MONTH))
            .add(figure_summaries::Column::Start.lt(month(whole_to)));
        if let Some(w) = whole_from {
            months = months.add(figure_summaries::Column::Start.gte(month(w)));
            which = which.add(days_between(start, w));
        }
        which = which.add(months).add(days_between(Some(whole_to), end));
    }
    // Only the parts asked for cross from the database: a month's cells alone are tens of
    // kilobytes, and most reports do not need them.
    use figure_summaries::Column as S;
    let mut query = figure_summaries::Entity::find()
        .filter(which)
        .select_only()
        .columns([
            S::Id,
            S::CreatedAt,
            S::UpdatedAt,
            S::Span,
            S::Start,
            S::BodyId,
            S::Cases,
        ]);
    for (column, name, wanted) in [
        (S::Overview, "overview", parts.overview),
        (S::Series, "series", parts.series),
        (S::Cells, "cells", parts.cells),
        (S::Mediators, "mediators", parts.mediators),
    ] {
        query = if wanted {
            query.column(column)
        } else {
            query.column_as(Expr::val(""), name)
        };
    }
    if let Some(body) = scope.body_id {
        query = query.filter(figure_summaries::Column::BodyId.eq(body));
    }
    let mut sum = Summary::default();
    for row in query.all(db).await? {
        sum.add(&decode(&row, parts)?);
    }
    Ok(sum)
}

/// Notices about the matching cases that could not be delivered.
///
/// # Errors
/// Database errors.
pub async fn notices_failed(db: &impl ConnectionTrait, condition: Condition) -> AppResult<i64> {
    let failed = notifications::Entity::find();
    // Start from the few failed notices (a partial index) and look each case up by its
    // key. SQLite would otherwise start from the cases' filing-date range, for a long
    // period every case; `CROSS JOIN` fixes its order (sea-query writes no `ON` after it,
    // so the join condition goes in `WHERE`). PostgreSQL plans both the same way.
    let failed = match db.get_database_backend() {
        DatabaseBackend::Sqlite => failed
            .join(JoinType::CrossJoin, notifications::Relation::Cases.def())
            .filter(
                Expr::col((notifications::Entity, notifications::Column::CaseId))
                    .equals((cases::Entity, cases::Column::Id)),
            ),
        _ => failed.inner_join(cases::Entity),
    };
    Ok(failed
        .filter(condition)
        .filter(notifications::Column::FailedAt.is_not_null())
        .select_only()
        .expr(Func::count(Expr::cust("*")))
        .into_tuple::<i64>()
        .one(db)
        .await?
        .unwrap_or(0))
}
