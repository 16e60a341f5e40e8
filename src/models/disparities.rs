//! For whom redress works: the outcome and timing figures of [`super::metrics`] broken down
//! by the complainant's group (LDC, SIDS, LLDC, UN regional group, and the states in none of
//! the three lists) and by language of filing. Each group is compared with the rest of the
//! measured cases, and a difference beyond the configured margin is flagged, with the counts
//! behind it, when both sides are large enough to judge.
//!
//! The database returns small aggregates per (complainant delegation, language); the groups
//! are sums of those cells, and "the rest" is the total minus the group.
use std::collections::{BTreeMap, HashMap};

use chrono::{DateTime, Utc};
use sea_orm::{
    entity::prelude::*,
    sea_query::{Expr, ExprTrait, Func},
    FromQueryResult, QuerySelect,
};
use serde::Serialize;

use super::{
    _entities::cases,
    delegations,
    metrics::{percent, Durations, Scope},
    vocabulary::Outcome,
};
use crate::{errors::AppResult, settings::OversightSettings};

/// Counts and working-day histograms of one set of cases.
#[derive(Clone, Debug, Default)]
struct Cell {
    cases: i64,
    registered: i64,
    decided: i64,
    dismissed: i64,
    closed: i64,
    with_outputs: i64,
    acknowledge: BTreeMap<i64, i64>,
    eligibility: BTreeMap<i64, i64>,
    closure: BTreeMap<i64, i64>,
}

fn merge(into: &mut BTreeMap<i64, i64>, from: &BTreeMap<i64, i64>, sign: i64) {
    for (v, n) in from {
        *into.entry(*v).or_default() += sign * n;
    }
}

impl Cell {
    fn add(&mut self, other: &Self, sign: i64) {
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

    fn figures(&self, group: &str) -> Figures {
        let n = |v: i64| u64::try_from(v).unwrap_or(0);
        let histogram = |h: &BTreeMap<i64, i64>| {
            Durations::from_histogram(h.iter().map(|(v, c)| (*v, *c)).collect())
        };
        Figures {
            group: group.to_string(),
            cases: n(self.cases),
            registered: n(self.registered),
            eligibility_decided: n(self.decided),
            dismissed: n(self.dismissed),
            dismissal_rate: percent(self.dismissed, self.decided),
            closed: n(self.closed),
            closed_with_outputs: n(self.with_outputs),
            time_to_acknowledge: histogram(&self.acknowledge),
            time_to_eligibility: histogram(&self.eligibility),
            time_to_closure: histogram(&self.closure),
        }
    }
}

/// The figures of one group of cases.
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct Figures {
    pub group: String,
    pub cases: u64,
    pub registered: u64,
    pub eligibility_decided: u64,
    pub dismissed: u64,
    /// Dismissed among the cases whose eligibility was decided, in percent.
    pub dismissal_rate: Option<f64>,
    pub closed: u64,
    /// Closed with a remedy, a settlement or a finding in the complainant's favour.
    pub closed_with_outputs: u64,
    pub time_to_acknowledge: Durations,
    pub time_to_eligibility: Durations,
    pub time_to_closure: Durations,
}

/// A difference worth oversight's attention.
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct Flag {
    /// `dismissal_rate` (percentage points) or `median_time_to_closure` (working days).
    pub measure: String,
    pub group_value: f64,
    pub rest_value: f64,
    pub difference: f64,
    pub margin: f64,
    /// The counts behind the two values: decisions for a rate, closures for a median.
    pub group_count: u64,
    pub rest_count: u64,
}

/// One group beside the rest of the measured cases.
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct Comparison {
    pub group: Figures,
    pub rest: Figures,
    pub flags: Vec<Flag>,
}

#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct Disparities {
    pub from: DateTime<Utc>,
    pub to: DateTime<Utc>,
    pub min_cases: u64,
    pub all: Figures,
    /// LDC, SIDS, LLDC, each UN regional group, and `other` (in none of the three lists).
    pub by_complainant_group: Vec<Comparison>,
    pub by_language: Vec<Comparison>,
}

#[derive(FromQueryResult)]
struct CountRow {
    delegation: i64,
    language: String,
    cases: i64,
    registered: i64,
    decided: i64,
    dismissed: i64,
    closed: i64,
    with_outputs: i64,
}

fn compare(name: &str, group: &Cell, total: &Cell, rules: &OversightSettings) -> Comparison {
    let mut rest = total.clone();
    rest.add(group, -1);
    let (g, r) = (group.figures(name), rest.figures("rest"));
    let mut flags = Vec::new();
    let min = rules.disparity_min_cases;
    if let (Some(a), Some(b)) = (g.dismissal_rate, r.dismissal_rate) {
        if g.eligibility_decided >= min
            && r.eligibility_decided >= min
            && (a - b).abs() > rules.dismissal_rate_margin_points
        {
            flags.push(Flag {
                measure: "dismissal_rate".into(),
                group_value: a,
                rest_value: b,
                difference: ((a - b) * 10.0).round() / 10.0,
                margin: rules.dismissal_rate_margin_points,
                group_count: g.eligibility_decided,
                rest_count: r.eligibility_decided,
            });
        }
    }
    if let (Some(a), Some(b)) = (g.time_to_closure.median, r.time_to_closure.median) {
        if g.time_to_closure.count >= min
            && r.time_to_closure.count >= min
            && (a - b).abs() > rules.closure_median_margin_working_days
        {
            // Working-day medians are small integers.
            #[allow(clippy::cast_precision_loss)]
            flags.push(Flag {
                measure: "median_time_to_closure".into(),
                group_value: a as f64,
                rest_value: b as f64,
                difference: (a - b) as f64,
                margin: rules.closure_median_margin_working_days as f64,
                group_count: g.time_to_closure.count,
                rest_count: r.time_to_closure.count,
            });
        }
    }
    Comparison {
        group: g,
        rest: r,
        flags,
    }
}

/// The disparity figures of `scope`.
///
/// # Errors
/// Database errors.
pub async fn disparities(
    db: &impl ConnectionTrait,
    scope: &Scope,
    rules: &OversightSettings,
) -> AppResult<Disparities> {
    let cohort = || cases::Entity::find().filter(scope.condition());
    let when = |c: Expr| Func::count(Expr::case(c, 1));
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
    let counts = cohort()
        .select_only()
        .column_as(cases::Column::ComplainantDelegationId, "delegation")
        .column(cases::Column::Language)
        .column_as(cases::Column::Id.count(), "cases")
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
        .into_model::<CountRow>()
        .all(db)
        .await?;
    let mut cells: HashMap<(i64, String), Cell> = HashMap::new();
    for r in counts {
        cells.insert(
            (r.delegation, r.language),
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
            (|c: &mut Cell| &mut c.acknowledge) as fn(&mut Cell) -> &mut BTreeMap<i64, i64>,
        ),
        (cases::Column::EligibilityWorkingDays, |c| {
            &mut c.eligibility
        }),
        (cases::Column::ClosureWorkingDays, |c| &mut c.closure),
    ] {
        let rows: Vec<(i64, String, i64, i64)> = cohort()
            .select_only()
            .column(cases::Column::ComplainantDelegationId)
            .column(cases::Column::Language)
            .column(column)
            .column_as(cases::Column::Id.count(), "n")
            .filter(column.is_not_null())
            .group_by(cases::Column::ComplainantDelegationId)
            .group_by(cases::Column::Language)
            .group_by(column)
            .into_tuple()
            .all(db)
            .await?;
        for (d, l, v, n) in rows {
            *pick(cells.entry((d, l)).or_default()).entry(v).or_default() += n;
        }
    }

    let states: HashMap<i64, delegations::Model> = delegations::Entity::find()
        .all(db)
        .await?
        .into_iter()
        .map(|d| (d.id, d))
        .collect();
    let mut total = Cell::default();
    let mut by_group: BTreeMap<String, Cell> = BTreeMap::new();
    let mut by_language: BTreeMap<String, Cell> = BTreeMap::new();
    for ((delegation, language), cell) in &cells {
        total.add(cell, 1);
        by_language
            .entry(language.clone())
            .or_default()
            .add(cell, 1);
        let Some(state) = states.get(delegation) else {
            continue;
        };
        let mut groups = vec![state.regional_group.clone()];
        for (flag, name) in [
            (state.is_ldc, "ldc"),
            (state.is_sids, "sids"),
            (state.is_lldc, "lldc"),
        ] {
            if flag {
                groups.push(name.to_string());
            }
        }
        if !(state.is_ldc || state.is_sids || state.is_lldc) {
            groups.push("other".to_string());
        }
        for g in groups {
            by_group.entry(g).or_default().add(cell, 1);
        }
    }
    // The three lists first, then the others, then the regional groups.
    let order = |g: &str| match g {
        "ldc" => 0,
        "sids" => 1,
        "lldc" => 2,
        "other" => 3,
        _ => 4,
    };
    let mut groups: Vec<(&String, &Cell)> = by_group.iter().collect();
    groups.sort_by_key(|(g, _)| (order(g), (*g).clone()));
    Ok(Disparities {
        from: scope.from,
        to: scope.to,
        min_cases: rules.disparity_min_cases,
        all: total.figures("all"),
        by_complainant_group: groups
            .into_iter()
            .map(|(g, c)| compare(g, c, &total, rules))
            .collect(),
        by_language: by_language
            .iter()
            .map(|(l, c)| compare(l, c, &total, rules))
            .collect(),
    })
}
