//! The language-parity ledger: for each language translated into, and for each forum, how
//! many translations were asked for in the period, how many were provided, how long they
//! took in working days, and how many missed the registry's clock. The same counts, by the
//! complainant and the language a grievance was filed in, feed the disparity tables' wait
//! for translations ([`super::disparities`]).
//!
//! One aggregation in SQL over the requests of the period (grouped by what the ledger and the
//! disparities split by, and by the working days taken), never the requests themselves.
use std::collections::{BTreeMap, HashMap};

use chrono::{DateTime, Utc};
use sea_orm::{
    entity::prelude::*,
    sea_query::{Expr, ExprTrait, Func},
    FromQueryResult, JoinType, QuerySelect, RelationTrait,
};
use serde::Serialize;

use super::{
    figures::{self, Histogram},
    metrics::{percent, Durations, Scope},
};
use crate::{
    errors::AppResult,
    models::{
        _entities::{bodies, cases, deadlines, translations},
        vocabulary::Language,
    },
};

/// Requests alike in what the ledger and the disparities split them by.
#[derive(Clone, Debug, FromQueryResult)]
pub struct Counted {
    /// The language translated into.
    pub language: String,
    pub body: i64,
    /// The language the grievance was filed in.
    pub filed_in: String,
    pub delegation: i64,
    /// Working days from request to translation (`None` while not provided).
    pub working_days: Option<i64>,
    pub requested: i64,
    pub provided: i64,
    /// Provided after the registry's clock fell due, or still awaited past it.
    pub missed: i64,
    /// Not provided before the case ended.
    pub lapsed: i64,
}

/// The requests made in `scope`'s period on the cases its filters keep, counted.
///
/// # Errors
/// Database errors.
pub async fn counted(
    db: &impl ConnectionTrait,
    scope: &Scope,
    now: DateTime<Utc>,
) -> AppResult<Vec<Counted>> {
    let col = |c: deadlines::Column| Expr::col((deadlines::Entity, c));
    let when = |c: Expr| -> Expr { Func::count(Expr::case(c, 1)).into() };
    let missed = col(deadlines::Column::BreachedAt)
        .is_not_null()
        .or(col(deadlines::Column::MetAt)
            .is_null()
            .and(col(deadlines::Column::CancelledAt).is_null())
            .and(col(deadlines::Column::DueAt).lt(now)));
    let lapsed = Expr::col((translations::Entity, translations::Column::TranslationId))
        .is_null()
        .and(col(deadlines::Column::CancelledAt).is_not_null());
    Ok(translations::Entity::find()
        .select_only()
        .join(JoinType::InnerJoin, translations::Relation::Cases.def())
        .join(JoinType::InnerJoin, translations::Relation::Deadlines.def())
        .column(translations::Column::Language)
        .column_as(cases::Column::BodyId, "body")
        .column_as(cases::Column::Language, "filed_in")
        .column_as(cases::Column::ComplainantDelegationId, "delegation")
        .column(translations::Column::WorkingDays)
        .expr_as(Func::count(Expr::cust("*")), "requested")
        .column_as(translations::Column::TranslationId.count(), "provided")
        .expr_as(when(missed), "missed")
        .expr_as(when(lapsed), "lapsed")
        .filter(translations::Column::CreatedAt.gte(scope.from))
        .filter(translations::Column::CreatedAt.lt(scope.to))
        .filter(scope.filters())
        .group_by(translations::Column::Language)
        .group_by(cases::Column::BodyId)
        .group_by(cases::Column::Language)
        .group_by(cases::Column::ComplainantDelegationId)
        .group_by(translations::Column::WorkingDays)
        .into_model::<Counted>()
        .all(db)
        .await?)
}

/// Translations asked for, summed over some groups of [`Counted`].
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Tally {
    pub requested: i64,
    pub provided: i64,
    pub missed: i64,
    pub lapsed: i64,
    /// Working days taken, of those provided.
    pub took: Histogram,
}

impl Tally {
    /// Adds (`sign` 1) or takes away (`sign` -1) `other`.
    pub fn add(&mut self, other: &Self, sign: i64) {
        self.requested += sign * other.requested;
        self.provided += sign * other.provided;
        self.missed += sign * other.missed;
        self.lapsed += sign * other.lapsed;
        figures::merge(&mut self.took, &other.took, sign);
    }

    /// Adds one group of counted requests.
    pub fn count(&mut self, c: &Counted) {
        self.requested += c.requested;
        self.provided += c.provided;
        self.missed += c.missed;
        self.lapsed += c.lapsed;
        if let Some(days) = c.working_days {
            *self.took.entry(days).or_default() += c.provided;
        }
    }
}

/// One line of the ledger.
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct Line {
    /// The language translated into, or the forum's code.
    pub key: String,
    pub requested: u64,
    pub provided: u64,
    /// Neither provided nor lapsed: the registry's clock still runs.
    pub pending: u64,
    /// Not provided before the case ended.
    pub lapsed: u64,
    /// Provided late, or still awaited past the registry's clock.
    pub missed: u64,
    /// Missed among those requested, in percent.
    pub missed_rate: Option<f64>,
    /// Working days from request to translation.
    pub time_to_provide: Durations,
}

impl Line {
    #[must_use]
    pub fn of(key: &str, t: &Tally) -> Self {
        let n = |v: i64| u64::try_from(v).unwrap_or(0);
        Self {
            key: key.to_string(),
            requested: n(t.requested),
            provided: n(t.provided),
            pending: n(t.requested - t.provided - t.lapsed),
            lapsed: n(t.lapsed),
            missed: n(t.missed),
            missed_rate: percent(t.missed, t.requested),
            time_to_provide: Durations::of(&t.took),
        }
    }
}

/// The ledger of one period and scope.
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct Parity {
    pub from: DateTime<Utc>,
    pub to: DateTime<Utc>,
    pub all: Line,
    /// Each of the six languages, asked for or not, in their order.
    pub by_language: Vec<Line>,
    /// Each forum any translation was asked for in, by code.
    pub by_body: Vec<Line>,
}

/// The language-parity ledger of `scope`.
///
/// # Errors
/// Database errors.
pub async fn parity(
    db: &impl ConnectionTrait,
    scope: &Scope,
    now: DateTime<Utc>,
) -> AppResult<Parity> {
    let rows = counted(db, scope, now).await?;
    let mut all = Tally::default();
    let mut by_language: BTreeMap<String, Tally> = BTreeMap::new();
    let mut by_body: HashMap<i64, Tally> = HashMap::new();
    for r in &rows {
        all.count(r);
        by_language.entry(r.language.clone()).or_default().count(r);
        by_body.entry(r.body).or_default().count(r);
    }
    let codes: HashMap<i64, String> = bodies::Entity::find()
        .filter(bodies::Column::Id.is_in(by_body.keys().copied()))
        .all(db)
        .await?
        .into_iter()
        .map(|b| (b.id, b.code))
        .collect();
    let mut by_body: Vec<Line> = by_body
        .iter()
        .map(|(id, t)| Line::of(codes.get(id).map_or("?", String::as_str), t))
        .collect();
    by_body.sort_by(|a, b| a.key.cmp(&b.key));
    Ok(Parity {
        from: scope.from,
        to: scope.to,
        all: Line::of("all", &all),
        by_language: Language::names()
            .into_iter()
            .map(|l| Line::of(l, &by_language.remove(l).unwrap_or_default()))
            .collect(),
        by_body,
    })
}
