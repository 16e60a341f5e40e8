//! For whom redress works: the outcome and timing figures of [`super::metrics`] broken down
//! by the complainant's group (LDC, SIDS, LLDC, UN regional group, and the states in none of
//! the three lists) and by language of filing, with how long their translations took (the
//! requests of the period, from the language-parity ledger's counts, [`super::parity`]). Each group is compared with the rest of the
//! measured cases, and a difference beyond the configured margin is flagged, with the counts
//! behind it, when both sides are large enough to judge.
//!
//! The kept summaries hold small aggregates per (complainant delegation, language); the
//! groups are sums of those cells (so a state joining or leaving a list counts in its new
//! group at once), and "the rest" is the total minus the group.
use std::collections::{BTreeMap, HashMap};

use chrono::{DateTime, Utc};
use sea_orm::{entity::prelude::*, TransactionTrait};
use serde::Serialize;

use crate::models::{
    delegations,
    oversight::figures::{self, Cell, Parts},
    oversight::metrics::{percent, Durations, Scope},
    oversight::parity::{self, Tally},
};
use crate::{
    errors::{AppError, AppResult},
    settings::OversightSettings,
};

/// The figures of one set of cases, and of the translations asked for on them.
fn describe((cell, waits): (&Cell, &Tally), group: &str) -> Figures {
    let n = |v: i64| u64::try_from(v).unwrap_or(0);
    Figures {
        group: group.to_string(),
        cases: n(cell.cases),
        registered: n(cell.registered),
        eligibility_decided: n(cell.decided),
        dismissed: n(cell.dismissed),
        dismissal_rate: percent(cell.dismissed, cell.decided),
        closed: n(cell.closed),
        closed_with_outputs: n(cell.with_outputs),
        time_to_acknowledge: Durations::of(&cell.acknowledge),
        time_to_eligibility: Durations::of(&cell.eligibility),
        time_to_closure: Durations::of(&cell.closure),
        translations_requested: n(waits.requested),
        translations_missed: n(waits.missed),
        time_to_translation: Durations::of(&waits.took),
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
    /// Translations asked for on these cases in the period.
    pub translations_requested: u64,
    /// Of those, provided late or still awaited past the registry's clock.
    pub translations_missed: u64,
    /// Working days the translations provided took.
    pub time_to_translation: Durations,
}

/// A difference worth oversight's attention.
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct Flag {
    /// `dismissal_rate` (percentage points), `median_time_to_closure` or
    /// `median_time_to_translation` (working days).
    pub measure: String,
    pub group_value: f64,
    pub rest_value: f64,
    pub difference: f64,
    pub margin: f64,
    /// The counts behind the two values: decisions for a rate, closures or translations for
    /// a median.
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

/// A set of cases with the translations asked for on them.
#[derive(Clone, Debug, Default)]
struct Group {
    cell: Cell,
    waits: Tally,
}

impl Group {
    fn add(&mut self, other: &Self, sign: i64) {
        self.cell.add(&other.cell, sign);
        self.waits.add(&other.waits, sign);
    }

    fn describe(&self, name: &str) -> Figures {
        describe((&self.cell, &self.waits), name)
    }
}

/// Flags a median of working days that differs from the rest's by more than `margin`, when
/// both rest on at least `min` values.
fn median_flag(
    measure: &str,
    (g, r): (Durations, Durations),
    min: u64,
    margin: i64,
) -> Option<Flag> {
    let (a, b) = (g.median?, r.median?);
    // Working-day medians are small integers.
    #[allow(clippy::cast_precision_loss)]
    (g.count >= min && r.count >= min && (a - b).abs() > margin).then(|| Flag {
        measure: measure.into(),
        group_value: a as f64,
        rest_value: b as f64,
        difference: (a - b) as f64,
        margin: margin as f64,
        group_count: g.count,
        rest_count: r.count,
    })
}

fn compare(name: &str, group: &Group, total: &Group, rules: &OversightSettings) -> Comparison {
    let mut rest = total.clone();
    rest.add(group, -1);
    let (g, r) = (group.describe(name), rest.describe("rest"));
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
    flags.extend(median_flag(
        "median_time_to_closure",
        (g.time_to_closure, r.time_to_closure),
        min,
        rules.closure_median_margin_working_days,
    ));
    flags.extend(median_flag(
        "median_time_to_translation",
        (g.time_to_translation, r.time_to_translation),
        min,
        rules.translation_median_margin_working_days,
    ));
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
pub async fn disparities<C>(
    db: &C,
    scope: &Scope,
    rules: &OversightSettings,
    now: DateTime<Utc>,
) -> AppResult<Disparities>
where
    C: ConnectionTrait + TransactionTrait,
{
    let parts = Parts {
        cells: true,
        ..Parts::default()
    };
    let summary = figures::gather(db, scope, Some(scope.from), scope.to, parts, now).await?;
    let mut cells: HashMap<(i64, String), Group> = HashMap::new();
    for (key, cell) in summary.cells {
        let (delegation, language) = figures::cell_of(&key)
            .ok_or_else(|| AppError::Corrupt(format!("disparity cell `{key}`")))?;
        cells
            .entry((delegation, language.to_string()))
            .or_default()
            .cell = cell;
    }
    for counted in parity::counted(db, scope, now).await? {
        cells
            .entry((counted.delegation, counted.filed_in.clone()))
            .or_default()
            .waits
            .count(&counted);
    }
    let states: HashMap<i64, delegations::Model> = delegations::Entity::find()
        .all(db)
        .await?
        .into_iter()
        .map(|d| (d.id, d))
        .collect();
    let mut total = Group::default();
    let mut by_group: BTreeMap<String, Group> = BTreeMap::new();
    let mut by_language: BTreeMap<String, Group> = BTreeMap::new();
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
    let mut groups: Vec<(&String, &Group)> = by_group.iter().collect();
    groups.sort_by_key(|(g, _)| (order(g), (*g).clone()));
    Ok(Disparities {
        from: scope.from,
        to: scope.to,
        min_cases: rules.disparity_min_cases,
        all: total.describe("all"),
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
