//! Whether redress works: closure metrics over the cases filed in a period. Timings are the
//! integer working-day columns the transition writes when a step happens, kept as
//! histograms (value, count) from which medians and 90th percentiles are taken. The
//! figures are read from the kept summaries of [`super::figures`]; whether a running clock
//! is overdue is decided here against `now`, and failed notices are read live.
use std::collections::{BTreeMap, BTreeSet, HashMap};

use chrono::{DateTime, Utc};
use sea_orm::{entity::prelude::*, Condition, TransactionTrait};
use serde::Serialize;

use crate::errors::{AppError, AppResult, FieldErrors};
use crate::models::{
    _entities::cases,
    bodies,
    cases::CaseStatus,
    delegations,
    oversight::figures::{self, Histogram, Parts, Settled},
    vocabulary::{Category, Outcome},
};

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
            Some(code) => bodies::Model::id_named(db, code, "body", &mut errors).await?,
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
    /// From a kept histogram.
    #[must_use]
    pub fn of(histogram: &Histogram) -> Self {
        Self::from_histogram(histogram.iter().map(|(v, n)| (*v, *n)).collect())
    }

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
    fn of(settled: &Settled, overdue: i64, running: i64) -> Self {
        Self {
            met_on_time: count(settled.on_time),
            met_late: count(settled.late),
            overdue: count(overdue),
            running: count(running),
            cancelled: count(settled.cancelled),
            share_met_on_time: None,
        }
    }

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
#[derive(Clone, Debug, Default, Serialize, utoipa::ToSchema)]
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

fn split3(key: &str) -> (&str, Option<&str>, Option<&str>) {
    fn some(v: Option<&str>) -> Option<&str> {
        v.filter(|v| !v.is_empty())
    }
    let mut it = key.splitn(3, '|');
    let status = it.next().unwrap_or_default();
    (status, some(it.next()), some(it.next()))
}

const OVERVIEW: Parts = Parts {
    overview: true,
    series: false,
    cells: false,
    mediators: false,
};

/// Computes the metrics of `scope` as at `now` (which decides what is overdue).
///
/// # Errors
/// Database errors.
pub async fn overview<C>(db: &C, scope: &Scope, now: DateTime<Utc>) -> AppResult<Metrics>
where
    C: ConnectionTrait + TransactionTrait,
{
    let s = figures::gather(db, scope, Some(scope.from), scope.to, OVERVIEW, now).await?;
    let o = &s.overview;
    let mut m = Metrics {
        from: scope.from,
        to: scope.to,
        filed: count(s.cases),
        registered: count(o.registered),
        time_to_acknowledge: Durations::of(&o.acknowledge),
        time_to_eligibility: Durations::of(&o.eligibility),
        time_to_closure: Durations::of(&o.closure),
        holds: count(o.holds),
        appealed: count(o.appealed),
        ..Metrics::default()
    };
    for (key, n) in &o.statuses {
        let (status, outcome, reason) = split3(key);
        let n = count(*n);
        *m.by_status.entry(status.to_string()).or_default() += n;
        let parsed = CaseStatus::parse_stored(status)?;
        if parsed.is_active() {
            *m.open_by_status.entry(status.to_string()).or_default() += n;
        }
        if outcome == Some(Outcome::Dismissed.as_ref()) {
            m.dismissed += n;
            *m.dismissed_by_reason
                .entry(reason.unwrap_or("unknown").to_string())
                .or_default() += n;
        }
        if parsed == CaseStatus::Closed {
            m.closed += n;
            *m.closed_by_outcome
                .entry(outcome.unwrap_or("none").to_string())
                .or_default() += n;
        }
    }
    let keys: BTreeSet<&String> = o.clocks.keys().chain(o.running.keys()).collect();
    for key in keys {
        let (kind, party) = key.split_once('|').unwrap_or((key.as_str(), ""));
        let settled = o.clocks.get(key).copied().unwrap_or_default();
        let [overdue, open] = o
            .running
            .get(key)
            .map_or([0, 0], |due| figures::split_at(due, now));
        let c = Compliance::of(&settled, overdue, open);
        m.deadlines_by_kind
            .entry(kind.to_string())
            .or_default()
            .add(&c);
        m.deadlines_by_party
            .entry(party.to_string())
            .or_default()
            .add(&c);
    }
    for c in m
        .deadlines_by_kind
        .values_mut()
        .chain(m.deadlines_by_party.values_mut())
    {
        c.finish();
    }
    m.overdue_cases = count(figures::split_at(&o.earliest_due, now)[0]);
    for (status, n) in &o.extensions {
        let n = count(*n);
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
    m.notices_failed = count(figures::notices_failed(db, scope.condition()).await?);
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
    /// Only part of the month is counted: it is still under way, or the period starts or
    /// ends inside it. Its figures are not comparable with a whole month's.
    pub partial: bool,
}

/// Whether the month `key` (`YYYY-MM`, UTC) lies partly outside `[from, until)`.
fn is_partial(key: &str, from: DateTime<Utc>, until: DateTime<Utc>) -> bool {
    let start = chrono::NaiveDate::parse_from_str(&format!("{key}-01"), "%Y-%m-%d");
    let Ok(start) = start else { return false };
    let end = start
        .checked_add_months(chrono::Months::new(1))
        .unwrap_or(start);
    let at = |d: chrono::NaiveDate| d.and_time(chrono::NaiveTime::MIN).and_utc();
    at(start) < from || at(end) > until
}

/// Monthly series over `[scope.from, scope.to)`: filings and closures by the month they
/// happened, and deadline compliance by the month the deadline fell due. The body,
/// category and respondent filters apply; the period applies to each event's own date.
///
/// # Errors
/// Database errors.
pub async fn trends<C>(db: &C, scope: &Scope, now: DateTime<Utc>) -> AppResult<Vec<Month>>
where
    C: ConnectionTrait + TransactionTrait,
{
    // Closures and deadlines in the period may belong to cases filed long before it.
    let parts = Parts {
        overview: true,
        series: true,
        ..Parts::default()
    };
    let s = figures::gather(db, scope, None, scope.to, parts, now).await?;
    let o = &s.series;
    let (from, to) = (
        scope.from.format("%Y-%m-%d").to_string(),
        scope.to.format("%Y-%m-%d").to_string(),
    );
    let within = |day: &String| *day >= from && *day < to;
    let mut months: BTreeMap<String, Month> = BTreeMap::new();
    fn at<'m>(months: &'m mut BTreeMap<String, Month>, day: &str) -> &'m mut Month {
        let key = day.get(..7).unwrap_or(day).to_string();
        months.entry(key.clone()).or_insert_with(|| Month {
            month: key,
            ..Month::default()
        })
    }
    for (day, n) in o.filed_by_day.iter().filter(|(d, _)| within(d)) {
        at(&mut months, day).filed += count(*n);
    }
    for (day, n) in o.closed_by_day.iter().filter(|(d, _)| within(d)) {
        at(&mut months, day).closed += count(*n);
    }
    for (day, [n, on_time]) in o.met_by_due_day.iter().filter(|(d, _)| within(d)) {
        let m = at(&mut months, day);
        m.deadlines_due += count(*n);
        m.deadlines_met_on_time += count(*on_time);
    }
    // Running obligations count once past due, in the month they fell due.
    let until = Ord::min(scope.to, now).timestamp();
    for due in s.overview.running.values() {
        for (instant, n) in due.range(scope.from.timestamp()..until) {
            let day = DateTime::from_timestamp(*instant, 0)
                .map(|d| d.format("%Y-%m-%d").to_string())
                .unwrap_or_default();
            at(&mut months, &day).deadlines_due += count(*n);
        }
    }
    let mut out: Vec<Month> = months.into_values().collect();
    for m in &mut out {
        m.partial = is_partial(&m.month, scope.from, Ord::min(scope.to, now));
        let mut c = Compliance {
            met_on_time: m.deadlines_met_on_time,
            overdue: m.deadlines_due - m.deadlines_met_on_time,
            ..Compliance::default()
        };
        c.finish();
        m.share_met_on_time = c.share_met_on_time;
    }
    Ok(out)
}

#[cfg(test)]
mod month_tests {
    use chrono::TimeZone;

    use super::is_partial;

    #[test]
    fn a_month_under_way_or_cut_by_the_period_is_partial_and_a_whole_one_is_not() {
        let at = |m, d| chrono::Utc.with_ymd_and_hms(2026, m, d, 0, 0, 0).unwrap();
        let (from, now) = (at(1, 1), at(12, 7));
        assert!(!is_partial("2026-11", from, now));
        assert!(is_partial("2026-12", from, now), "December is under way");
        assert!(!is_partial("2026-01", from, now));
        assert!(
            is_partial("2026-01", at(1, 15), now),
            "the period starts mid-January"
        );
        assert!(
            !is_partial("2026-11", from, at(12, 1)),
            "a period ending on the 1st"
        );
    }
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
pub async fn mediators<C>(
    db: &C,
    scope: &Scope,
    now: DateTime<Utc>,
) -> AppResult<Vec<MediatorFigures>>
where
    C: ConnectionTrait + TransactionTrait,
{
    let parts = Parts {
        mediators: true,
        ..Parts::default()
    };
    let s = figures::gather(db, scope, Some(scope.from), scope.to, parts, now).await?;
    let held: Vec<(&i64, &figures::MediatorCell)> =
        s.mediators.iter().filter(|(_, c)| c.cases > 0).collect();
    let ids: Vec<i64> = held.iter().map(|(m, _)| **m).collect();
    let people: HashMap<i64, crate::models::users::Model> = crate::models::users::Entity::find()
        .filter(crate::models::users::Column::Id.is_in(ids))
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
    let mut out: Vec<MediatorFigures> = held
        .into_iter()
        .filter_map(|(m, c)| {
            let user = people.get(m)?;
            let [overdue, open] = figures::split_at(&c.running, now);
            let mut deadlines = Compliance::of(&c.clocks, overdue, open);
            deadlines.finish();
            Some(MediatorFigures {
                pid: user.pid.to_string(),
                name: user.name.clone(),
                regional_group: user.delegation_id.and_then(|d| groups.get(&d)).cloned(),
                cases: count(c.cases),
                open: count(c.open),
                closed: count(c.closed),
                time_to_closure: Durations::of(&c.closure),
                deadlines,
            })
        })
        .collect();
    out.sort_by(|a, b| b.cases.cmp(&a.cases).then(a.name.cmp(&b.name)));
    Ok(out)
}
