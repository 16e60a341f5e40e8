//! What mediators, the registry and oversight read about the distribution of work: a
//! mediator's caseload by next deadline, every mediator's load against capacity, and the
//! fairness ledger of assignments over a period. Counts are SQL aggregations; only the
//! (small) sets of mediators and delegations are held in memory.
use std::collections::{BTreeMap, HashMap};

use chrono::{DateTime, Datelike, Days, NaiveTime, TimeZone, Utc};
use sea_orm::{entity::prelude::*, Condition, FromQueryResult, QueryOrder, QuerySelect};
use serde::Serialize;

use super::Model as ProfileModel;
use crate::{
    errors::{AppError, AppResult},
    models::{
        _entities::{assignments, cases},
        cases::{listed, CaseLine, CaseStatus, ListContext, Listed},
        delegations, users,
        vocabulary::{RegionalGroup, Role},
    },
};

/// The statuses in which a case counts against its mediator's capacity.
#[must_use]
pub fn active_statuses() -> Vec<&'static str> {
    CaseStatus::stored_where(CaseStatus::is_active)
}

/// A mediator's open cases, the soonest deadline first.
#[derive(Clone, Debug, Default)]
pub struct Caseload {
    /// The most pressing cases, up to the limit asked for.
    pub items: Vec<CaseLine>,
    pub context: ListContext,
    /// All the cases the mediator holds open.
    pub open: u64,
    /// Cases whose next deadline has passed.
    pub overdue: u64,
    /// Cases whose next deadline falls from now to the end of the week (Sunday midnight in
    /// the mediator's zone).
    pub due_this_week: u64,
}

/// The end of the week that contains `now`: the coming Monday at 00:00 in `zone`.
#[must_use]
pub fn end_of_week(now: DateTime<Utc>, zone: chrono_tz::Tz) -> DateTime<Utc> {
    let today = now.with_timezone(&zone).date_naive();
    let monday = today
        .checked_add_days(Days::new(u64::from(
            7 - today.weekday().num_days_from_monday(),
        )))
        .unwrap_or(today);
    zone.from_local_datetime(&monday.and_time(NaiveTime::MIN))
        .earliest()
        .map_or(now, |t| t.with_timezone(&Utc))
}

/// How many of a caseload's cases are listed when the caller does not say, and at most.
pub const CASELOAD_DEFAULT: u64 = 50;
pub const CASELOAD_MAX: u64 = 200;

/// The number of cases a caseload lists for a requested `limit`, within the bounds.
#[must_use]
pub fn caseload_limit(limit: Option<u64>) -> u64 {
    limit.unwrap_or(CASELOAD_DEFAULT).clamp(1, CASELOAD_MAX)
}

/// The open cases `mediator` holds, ordered by next deadline (cases with no running clock
/// last, oldest first), cut to the `limit` most pressing, with the counts of all of them:
/// open, overdue and due this week. One statement reads the rows, their codes and the counts
/// from the soonest due instant each case carries (`next_due_at`, kept by the deadlines
/// module) over one index of the mediator's cases, so a mediator holding hundreds of cases
/// costs little more than one holding `limit`, and with each listed case its next clock.
///
/// # Errors
/// Database errors.
pub async fn caseload(
    db: &impl ConnectionTrait,
    mediator: &users::Actor,
    now: DateTime<Utc>,
    limit: u64,
) -> AppResult<Caseload> {
    use sea_orm::{
        sea_query::{Alias, ExprTrait, Func, NullOrdering, Order, Query, WindowStatement},
        JoinType,
    };
    #[derive(FromQueryResult)]
    struct Row {
        #[sea_orm(nested)]
        listed: Listed,
        #[sea_orm(nested)]
        next: Option<crate::models::deadlines::NextOpen>,
        open: i64,
        overdue: i64,
        due_this_week: i64,
    }
    let due = || Expr::col(cases::Column::NextDueAt);
    let counting = |cond: Expr| Expr::from(Func::count(Expr::case(cond, Expr::val(1))));
    let week_end = end_of_week(now, mediator.zone);
    // The page is chosen and counted over narrow rows (id and sort keys): the counts ride on
    // them as window aggregates over every case the filter keeps, computed before the limit.
    // Only the chosen rows are then read whole; sorting whole rows to keep 50 of hundreds
    // cost twice as much.
    let page = Alias::new("page");
    let sort = |q: &mut sea_orm::sea_query::SelectStatement, table: Alias| {
        q.order_by_with_nulls(
            (table.clone(), cases::Column::NextDueAt),
            Order::Asc,
            NullOrdering::Last,
        )
        .order_by((table.clone(), cases::Column::FiledAt), Order::Asc)
        .order_by((table, cases::Column::Id), Order::Asc);
    };
    let mut chosen = Query::select();
    chosen
        .columns([
            cases::Column::Id,
            cases::Column::NextDueAt,
            cases::Column::FiledAt,
        ])
        .from(cases::Entity)
        .and_where(cases::Column::MediatorId.eq(mediator.id))
        .and_where(cases::Column::Status.is_in(active_statuses()))
        .expr_window_as(
            Func::count(Expr::col(cases::Column::Id)),
            WindowStatement::new(),
            "open",
        )
        .expr_window_as(counting(due().lt(now)), WindowStatement::new(), "overdue")
        .expr_window_as(
            counting(due().gte(now).and(due().lt(week_end))),
            WindowStatement::new(),
            "due_this_week",
        )
        .limit(limit);
    sort(&mut chosen, Alias::new(cases::Entity.table_name()));
    let mut select = listed(cases::Entity::find());
    let query = QuerySelect::query(&mut select);
    query
        .join_subquery(
            JoinType::InnerJoin,
            chosen,
            page.clone(),
            Expr::col((page.clone(), cases::Column::Id)).equals((cases::Entity, cases::Column::Id)),
        )
        .columns(["open", "overdue", "due_this_week"].map(|c| (page.clone(), Alias::new(c))));
    // Each row's next clock rides along: the list shows no other.
    crate::models::deadlines::join_next_open(query);
    sort(query, page);
    let rows = select.into_model::<Row>().all(db).await?;
    let count = |n: i64| u64::try_from(n).unwrap_or(0);
    // No row: the mediator holds no open case, and every count is zero.
    let (open, overdue, due_this_week) = rows.first().map_or((0, 0, 0), |r| {
        (count(r.open), count(r.overdue), count(r.due_this_week))
    });
    let mut clocks: HashMap<i64, Vec<crate::models::deadlines::Model>> = HashMap::new();
    let listed = rows
        .into_iter()
        .map(|r| {
            if let Some(next) = r.next {
                clocks.insert(r.listed.case.id, vec![next.into()]);
            }
            r.listed
        })
        .collect();
    let (items, context) = ListContext::with_clocks(listed, clocks);
    Ok(Caseload {
        items,
        context,
        open,
        overdue,
        due_this_week,
    })
}

/// One mediator's load against capacity.
#[derive(Clone, Debug)]
pub struct Load {
    pub user: users::Model,
    pub profile: ProfileModel,
    pub nationality: Option<delegations::Model>,
    /// Their open cases with a deadline past due.
    pub overdue: u64,
}

/// Every mediator with their profile and nationality, by name (overdue counts left at 0).
async fn roster(db: &impl ConnectionTrait) -> AppResult<Vec<Load>> {
    let people = users::Entity::find()
        .filter(users::Column::Role.eq(Role::Mediator.as_ref()))
        .order_by_asc(users::Column::Name)
        .all(db)
        .await?;
    let ids: Vec<i64> = people.iter().map(|u| u.id).collect();
    let mut profiles = super::profiles_of(db, ids).await?;
    let nationalities: HashMap<i64, delegations::Model> = delegations::Entity::find()
        .filter(
            delegations::Column::Id.is_in(
                people
                    .iter()
                    .filter_map(|u| u.delegation_id)
                    .collect::<Vec<_>>(),
            ),
        )
        .all(db)
        .await?
        .into_iter()
        .map(|d| (d.id, d))
        .collect();
    let mut out = Vec::with_capacity(people.len());
    for user in people {
        let profile = profiles
            .remove(&user.id)
            .ok_or_else(|| AppError::Corrupt(format!("mediator {} has no profile", user.pid)))?;
        out.push(Load {
            nationality: user
                .delegation_id
                .and_then(|d| nationalities.get(&d))
                .cloned(),
            overdue: 0,
            user,
            profile,
        });
    }
    Ok(out)
}

/// Every mediator's load, the most loaded (relative to capacity) first, and the number of
/// open cases waiting for a mediator.
///
/// # Errors
/// Database errors.
pub async fn loads(db: &impl ConnectionTrait, now: DateTime<Utc>) -> AppResult<(Vec<Load>, u64)> {
    let mut out = roster(db).await?;
    let ids: Vec<i64> = out.iter().map(|l| l.user.id).collect();
    let overdue: HashMap<i64, i64> = cases::Entity::find()
        .select_only()
        .column(cases::Column::MediatorId)
        .column_as(cases::Column::Id.count(), "n")
        .filter(cases::Column::MediatorId.is_in(ids))
        .filter(cases::Column::Status.is_in(active_statuses()))
        .filter(cases::Column::NextDueAt.lt(now))
        .group_by(cases::Column::MediatorId)
        .into_tuple::<(i64, i64)>()
        .all(db)
        .await?
        .into_iter()
        .collect();
    for l in &mut out {
        l.overdue = overdue
            .get(&l.user.id)
            .and_then(|n| u64::try_from(*n).ok())
            .unwrap_or(0);
    }
    // active/capacity descending, without division.
    out.sort_by(|a, b| {
        (b.profile.active_cases * a.profile.capacity.max(1))
            .cmp(&(a.profile.active_cases * b.profile.capacity.max(1)))
    });
    let waiting = cases::Entity::find()
        .filter(cases::Column::MediatorId.is_null())
        .filter(
            Condition::any()
                .add(cases::Column::Status.eq(CaseStatus::UnderAssessment.as_ref()))
                .add(
                    cases::Column::Status.is_in(CaseStatus::stored_where(CaseStatus::is_mediated)),
                ),
        )
        .count(db)
        .await?;
    Ok((out, waiting))
}

/// Assignments made over a period, by mediator and by regional group.
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct Ledger {
    pub from: DateTime<Utc>,
    pub to: DateTime<Utc>,
    /// Mediators assigned to a case in the period (automatic, manual and override).
    pub assignments: u64,
    /// Of which the registry overrode a recorded conflict.
    pub overrides: u64,
    /// Attempts that found nobody eligible.
    pub nobody_eligible: u64,
    pub by_mediator: Vec<MediatorLine>,
    /// Assignments by the regional group of the mediator's nationality.
    pub by_mediator_group: BTreeMap<String, u64>,
    /// Assignments by the regional group of the complainant delegation.
    pub by_complainant_group: BTreeMap<String, u64>,
    /// Between the active mediators who are not on leave: the most and the fewest
    /// assignments in the period, and the difference.
    pub assignment_spread: Spread,
    /// The same for the open cases they hold now.
    pub load_spread: Spread,
}

#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct MediatorLine {
    pub pid: String,
    pub name: String,
    pub regional_group: Option<String>,
    pub assignments: u64,
    pub active_cases: i64,
    pub capacity: i64,
    pub on_leave: bool,
    pub active: bool,
}

#[derive(Clone, Copy, Debug, Default, Serialize, utoipa::ToSchema)]
pub struct Spread {
    pub most: i64,
    pub fewest: i64,
    pub spread: i64,
}

impl Spread {
    fn of(values: impl Iterator<Item = i64>) -> Self {
        let v: Vec<i64> = values.collect();
        let (most, fewest) = (
            v.iter().copied().max().unwrap_or(0),
            v.iter().copied().min().unwrap_or(0),
        );
        Self {
            most,
            fewest,
            spread: most - fewest,
        }
    }
}

/// The fairness ledger for `[from, to)`.
///
/// # Errors
/// Database errors.
pub async fn ledger(
    db: &impl ConnectionTrait,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
) -> AppResult<Ledger> {
    let in_period = Condition::all()
        .add(assignments::Column::AssignedAt.gte(from))
        .add(assignments::Column::AssignedAt.lt(to));
    let count_by = |column: assignments::Column| {
        assignments::Entity::find()
            .select_only()
            .column(column)
            .column_as(assignments::Column::Id.count(), "n")
            .filter(in_period.clone())
            .group_by(column)
    };
    let per_mediator: HashMap<Option<i64>, i64> = count_by(assignments::Column::MediatorId)
        .into_tuple::<(Option<i64>, i64)>()
        .all(db)
        .await?
        .into_iter()
        .collect();
    let per_method: HashMap<String, i64> = count_by(assignments::Column::Method)
        .filter(assignments::Column::MediatorId.is_not_null())
        .into_tuple::<(String, i64)>()
        .all(db)
        .await?
        .into_iter()
        .collect();
    let per_complainant: Vec<(i64, i64)> = assignments::Entity::find()
        .select_only()
        .column(cases::Column::ComplainantDelegationId)
        .column_as(assignments::Column::Id.count(), "n")
        .inner_join(cases::Entity)
        .filter(in_period.clone())
        .filter(assignments::Column::MediatorId.is_not_null())
        .group_by(cases::Column::ComplainantDelegationId)
        .into_tuple()
        .all(db)
        .await?;
    let groups: HashMap<i64, String> = delegations::Entity::find()
        .all(db)
        .await?
        .into_iter()
        .map(|d| (d.id, d.regional_group))
        .collect();
    let loads = roster(db).await?;
    let count = |n: Option<&i64>| n.and_then(|n| u64::try_from(*n).ok()).unwrap_or(0);
    let mut by_mediator_group = BTreeMap::new();
    let mut by_mediator: Vec<MediatorLine> = loads
        .iter()
        .map(|l| {
            let group = l.user.delegation_id.and_then(|d| groups.get(&d)).cloned();
            let n = count(per_mediator.get(&Some(l.user.id)));
            *by_mediator_group
                .entry(
                    group
                        .clone()
                        .unwrap_or_else(|| RegionalGroup::None.to_string()),
                )
                .or_insert(0) += n;
            MediatorLine {
                pid: l.user.pid.to_string(),
                name: l.user.name.clone(),
                regional_group: group,
                assignments: n,
                active_cases: l.profile.active_cases,
                capacity: l.profile.capacity,
                on_leave: l.profile.on_leave,
                active: l.user.active,
            }
        })
        .collect();
    by_mediator.sort_by(|a, b| b.assignments.cmp(&a.assignments).then(a.name.cmp(&b.name)));
    let mut by_complainant_group = BTreeMap::new();
    for (delegation, n) in per_complainant {
        let g = groups
            .get(&delegation)
            .cloned()
            .unwrap_or_else(|| RegionalGroup::None.to_string());
        *by_complainant_group.entry(g).or_insert(0) += count(Some(&n));
    }
    let available: Vec<&MediatorLine> = by_mediator
        .iter()
        .filter(|m| m.active && !m.on_leave)
        .collect();
    Ok(Ledger {
        from,
        to,
        assignments: per_mediator
            .iter()
            .filter(|(m, _)| m.is_some())
            .map(|(_, n)| count(Some(n)))
            .sum(),
        overrides: count(per_method.get("override")),
        nobody_eligible: count(per_mediator.get(&None)),
        assignment_spread: Spread::of(
            available
                .iter()
                .map(|m| i64::try_from(m.assignments).unwrap_or(i64::MAX)),
        ),
        load_spread: Spread::of(available.iter().map(|m| m.active_cases)),
        by_mediator,
        by_mediator_group,
        by_complainant_group,
    })
}
