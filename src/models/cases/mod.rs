//! Grievances: filing, who may see and act on them, and the one transition function.
pub mod actions;
pub mod disclosure;
pub mod dossier;
pub mod filing;
pub mod next_step;
pub mod parties;

use parties::HasParties as _;
pub mod rows;
pub mod status;
pub mod transition;

use std::collections::{BTreeSet, HashMap};

use chrono::{DateTime, Utc};
use sea_orm::{
    entity::prelude::*,
    sea_query::{Order, Query},
    Condition, FromQueryResult, JoinType, PaginatorTrait, QueryOrder, QuerySelect, Select,
};
use serde::Deserialize;

pub use super::_entities::cases::{ActiveModel, Column, Entity, Model};
use super::{
    _entities::{case_co_complainants as co, deadlines},
    users::{self, Actor},
    vocabulary::{Category, Outcome, Party, Role, Urgency},
};
use super::{
    deadlines::{calendar::Calendar, ClockPolicy},
    delegations,
};
use crate::{
    errors::{AppError, AppResult},
    settings::Settings,
};
pub use status::{CaseAction, CaseRole, CaseStatus};

impl ActiveModelBehavior for ActiveModel {}

impl Model {
    /// # Errors
    /// When the stored status is unknown.
    pub fn status(&self) -> AppResult<CaseStatus> {
        CaseStatus::parse_stored(&self.status)
    }

    /// # Errors
    /// When the stored category is unknown.
    pub fn category(&self) -> AppResult<Category> {
        Category::parse_stored(&self.category)
    }

    /// # Errors
    /// When the stored urgency is unknown.
    pub fn urgency(&self) -> AppResult<Urgency> {
        Urgency::parse_stored(&self.urgency)
    }

    /// # Errors
    /// When the stored outcome is unknown.
    pub fn outcome(&self) -> AppResult<Option<Outcome>> {
        self.outcome
            .as_deref()
            .map(Outcome::parse_stored)
            .transpose()
    }

    #[must_use]
    pub fn is_identity_protected(&self) -> bool {
        self.parties().identity_protected
    }

    /// Takes the case `pid` for writing as the first statement of a transaction that will
    /// keep files: on SQLite it takes the database's one write lock, waiting its turn (the
    /// busy timeout) behind another writer instead of failing the moment a transaction that
    /// read first tries to write; on PostgreSQL it locks the case's row, so the case file's
    /// size is checked by one writer at a time. Nothing changes. Uploads that took seconds
    /// to arrive are not refused because someone else wrote at the same moment.
    ///
    /// # Errors
    /// Database errors.
    pub async fn claim_for_writing(db: &impl ConnectionTrait, pid: Uuid) -> AppResult<()> {
        use sea_orm::sea_query::Expr;
        Entity::update_many()
            .col_expr(Column::Version, Expr::col(Column::Version))
            .filter(Column::Pid.eq(pid))
            .exec(db)
            .await?;
        Ok(())
    }

    /// The visible case with this pid, or 404 — whether it does not exist or the actor may
    /// not see it (DESIGN §6: scope the query, never check after loading).
    ///
    /// # Errors
    /// [`AppError::NotFound`], or database errors.
    pub async fn find_for(db: &impl ConnectionTrait, actor: &Actor, pid: Uuid) -> AppResult<Self> {
        let Some(scope) = visibility(actor) else {
            return Err(AppError::NotFound);
        };
        Entity::find()
            .filter(Column::Pid.eq(pid))
            .filter(scope)
            .one(db)
            .await?
            .ok_or(AppError::NotFound)
    }

    /// The co-complainant delegations' ids.
    ///
    /// # Errors
    /// Database errors.
    pub async fn co_complainant_ids(&self, db: &impl ConnectionTrait) -> AppResult<Vec<i64>> {
        Ok(co_complainants_of(db, vec![self.id])
            .await?
            .remove(&self.id)
            .unwrap_or_default())
    }

    /// How `actor` stands to this case (which the caller already may see).
    #[must_use]
    pub fn role_of(&self, actor: &Actor, co_complainants: &[i64]) -> Option<CaseRole> {
        self.parties().role_of(actor, co_complainants)
    }

    /// The policy the case's clocks run under: its category and urgency, and whether each
    /// party is an LDC or SIDS delegation entitled to extra time.
    ///
    /// # Errors
    /// Database errors; a stored category or urgency the code does not know.
    pub async fn clock_policy<'p>(
        &self,
        db: &impl ConnectionTrait,
        settings: &'p Settings,
        calendar: &'p Calendar,
    ) -> AppResult<ClockPolicy<'p>> {
        let ids: Vec<i64> = std::iter::once(self.complainant_delegation_id)
            .chain(self.respondent_delegation_id)
            .collect();
        let extra: std::collections::HashMap<i64, bool> = delegations::Entity::find()
            .filter(delegations::Column::Id.is_in(ids))
            .all(db)
            .await?
            .into_iter()
            .map(|d| (d.id, d.gets_extra_time()))
            .collect();
        let has = |id: Option<i64>| id.and_then(|id| extra.get(&id).copied()).unwrap_or(false);
        Ok(ClockPolicy {
            settings,
            calendar,
            category: self.category()?,
            urgency: self.urgency()?,
            complainant_extra_time: has(Some(self.complainant_delegation_id)),
            respondent_extra_time: has(self.respondent_delegation_id),
        })
    }

    /// The accredited people of each party, for notices.
    ///
    /// # Errors
    /// Database errors.
    pub async fn recipients(
        &self,
        db: &impl ConnectionTrait,
        co_complainants: &[i64],
    ) -> AppResult<Recipients> {
        let co = HashMap::from([(self.id, co_complainants.to_vec())]);
        let mut all = Recipients::for_cases(db, &[self], &co).await?;
        Ok(all.remove(&self.id).unwrap_or_default())
    }
}

/// The cases `ids`, by id, for work on many at once (one statement; none for no ids).
///
/// # Errors
/// Database errors.
pub async fn by_id(db: &impl ConnectionTrait, ids: Vec<i64>) -> AppResult<HashMap<i64, Model>> {
    if ids.is_empty() {
        return Ok(HashMap::new());
    }
    Ok(Entity::find()
        .filter(Column::Id.is_in(ids))
        .all(db)
        .await?
        .into_iter()
        .map(|c| (c.id, c))
        .collect())
}

/// The co-complainant delegations of each of these cases (by delegation id), for work on
/// many cases at once.
///
/// # Errors
/// Database errors.
pub async fn co_complainants_of(
    db: &impl ConnectionTrait,
    case_ids: Vec<i64>,
) -> AppResult<HashMap<i64, Vec<i64>>> {
    let mut out: HashMap<i64, Vec<i64>> = HashMap::new();
    for row in co::Entity::find()
        .filter(co::Column::CaseId.is_in(case_ids))
        .order_by_asc(co::Column::CaseId)
        .order_by_asc(co::Column::DelegationId)
        .all(db)
        .await?
    {
        out.entry(row.case_id).or_default().push(row.delegation_id);
    }
    Ok(out)
}

/// The people to notify about a case, by party.
#[derive(Clone, Debug, Default)]
pub struct Recipients {
    pub complainants: Vec<users::Model>,
    pub respondents: Vec<users::Model>,
    pub mediator: Vec<users::Model>,
    pub registrars: Vec<users::Model>,
}

impl Recipients {
    /// The people of each party for many cases at once, in a fixed number of queries
    /// whatever the number of cases (the reminder sweep works in batches of thousands).
    /// `co_complainants` maps a case id to its co-complainant delegations. Respondents are
    /// told nothing before the case is served on them.
    ///
    /// # Errors
    /// Database errors.
    pub async fn for_cases(
        db: &impl ConnectionTrait,
        cases: &[&Model],
        co_complainants: &HashMap<i64, Vec<i64>>,
    ) -> AppResult<HashMap<i64, Self>> {
        let mut delegations = BTreeSet::new();
        let (mut bodies, mut respondent_delegations, mut mediators) =
            (BTreeSet::new(), BTreeSet::new(), BTreeSet::new());
        for c in cases {
            delegations.insert(c.complainant_delegation_id);
            delegations.extend(co_complainants.get(&c.id).into_iter().flatten().copied());
            if c.served_at.is_some() {
                bodies.extend(c.respondent_body_id);
                respondent_delegations.extend(c.respondent_delegation_id);
            }
            mediators.extend(c.mediator_id);
        }
        let active = |role: Role| {
            users::Entity::find()
                .filter(users::Column::Role.eq(role.as_ref()))
                .filter(users::Column::Active.eq(true))
                .order_by_asc(users::Column::Id)
        };
        let delegates = active(Role::Delegate)
            .filter(users::Column::DelegationId.is_in(delegations))
            .all(db)
            .await?;
        let respondents = if bodies.is_empty() && respondent_delegations.is_empty() {
            Vec::new()
        } else {
            active(Role::Respondent)
                .filter(
                    Condition::any()
                        .add(users::Column::BodyId.is_in(bodies))
                        .add(users::Column::DelegationId.is_in(respondent_delegations)),
                )
                .all(db)
                .await?
        };
        let mediator_users: HashMap<i64, users::Model> = if mediators.is_empty() {
            HashMap::new()
        } else {
            users::Entity::find()
                .filter(users::Column::Id.is_in(mediators))
                .all(db)
                .await?
                .into_iter()
                .map(|u| (u.id, u))
                .collect()
        };
        let registrars = users::active_in_role(db, Role::Registrar).await?;
        Ok(cases
            .iter()
            .map(|c| {
                let mut filed_by = vec![c.complainant_delegation_id];
                filed_by.extend(co_complainants.get(&c.id).into_iter().flatten().copied());
                let complainants = delegates
                    .iter()
                    .filter(|u| u.delegation_id.is_some_and(|d| filed_by.contains(&d)))
                    .cloned()
                    .collect();
                let respondents = if c.served_at.is_some() {
                    respondents
                        .iter()
                        .filter(|u| {
                            (u.body_id.is_some() && u.body_id == c.respondent_body_id)
                                || (u.delegation_id.is_some()
                                    && u.delegation_id == c.respondent_delegation_id)
                        })
                        .cloned()
                        .collect()
                } else {
                    Vec::new()
                };
                let mediator = c
                    .mediator_id
                    .and_then(|id| mediator_users.get(&id))
                    .cloned()
                    .into_iter()
                    .collect();
                (
                    c.id,
                    Self {
                        complainants,
                        respondents,
                        mediator,
                        registrars: registrars.clone(),
                    },
                )
            })
            .collect())
    }
}

/// The cases `actor` may see, as a query condition; `None` when they may see none.
#[must_use]
pub fn visibility(actor: &Actor) -> Option<Condition> {
    match actor.role {
        Role::Delegate => {
            let d = actor.delegation_id?;
            // One set of ids from two indexed lookups: an `OR` of the two would make
            // PostgreSQL read every case.
            let own = Query::select()
                .column(Column::Id)
                .from(Entity)
                .and_where(Column::ComplainantDelegationId.eq(d))
                .union(
                    sea_orm::sea_query::UnionType::Distinct,
                    Query::select()
                        .column(co::Column::CaseId)
                        .from(co::Entity)
                        .and_where(co::Column::DelegationId.eq(d))
                        .to_owned(),
                )
                .to_owned();
            Some(Condition::all().add(Column::Id.in_subquery(own)))
        }
        Role::Respondent => {
            let mut against = Condition::any();
            if let Some(b) = actor.body_id {
                against = against.add(Column::RespondentBodyId.eq(b));
            }
            if let Some(d) = actor.delegation_id {
                against = against.add(Column::RespondentDelegationId.eq(d));
            }
            Some(
                Condition::all()
                    .add(Column::ServedAt.is_not_null())
                    .add(against),
            )
        }
        Role::Mediator => Some(Condition::all().add(Column::MediatorId.eq(actor.id))),
        Role::Registrar | Role::Oversight => Some(Condition::all()),
        Role::Admin => None,
    }
}

/// Filters of the case list, parsed from the query string.
#[derive(Clone, Debug, Default, Deserialize, utoipa::IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct CaseFilter {
    pub status: Option<CaseStatus>,
    pub category: Option<Category>,
    /// Body code.
    pub body: Option<String>,
    /// Only cases with a clock past due (true), or none (false).
    pub overdue: Option<bool>,
    /// Only cases with a running clock this party must act on.
    pub acting: Option<Party>,
    /// Oldest filing first (a queue), instead of newest first.
    pub oldest_first: Option<bool>,
    pub page: Option<u64>,
    pub per_page: Option<u64>,
}

pub const MAX_PER_PAGE: u64 = 100;
pub const DEFAULT_PER_PAGE: u64 = 25;

/// The furthest page a list goes to: far past any real list, and its offset still fits the
/// databases' 64-bit integers.
pub const MAX_PAGE: u64 = 1_000_000_000;
// The databases bind an offset as a signed 64-bit integer (SQLite's driver panics on more):
// every list pages through `bounds`, so this holds for all of them.
const _: () = assert!(MAX_PAGE * MAX_PER_PAGE <= i64::MAX as u64);

/// The page asked for (from 1, at most [`MAX_PAGE`]) and its size (within
/// `1..=MAX_PER_PAGE`): a page past the end is simply empty.
#[must_use]
pub fn bounds(page: Option<u64>, per_page: Option<u64>) -> (u64, u64) {
    (
        page.unwrap_or(1).clamp(1, MAX_PAGE),
        per_page.unwrap_or(DEFAULT_PER_PAGE).clamp(1, MAX_PER_PAGE),
    )
}

impl CaseFilter {
    /// The page asked for, from 1.
    #[must_use]
    pub fn page(&self) -> u64 {
        bounds(self.page, self.per_page).0
    }

    /// Rows per page, within `1..=MAX_PER_PAGE`.
    #[must_use]
    pub fn per_page(&self) -> u64 {
        bounds(self.page, self.per_page).1
    }
}

/// One page of cases with what their rows show.
#[derive(Clone, Debug, Default)]
pub struct Listing {
    pub items: Vec<CaseLine>,
    pub total: u64,
    pub page: u64,
    pub per_page: u64,
    pub context: ListContext,
}

/// One page of the cases `actor` may see, newest first, with their bodies, complainants and
/// next clocks.
///
/// # Errors
/// Database errors.
pub async fn list_for(
    db: &impl ConnectionTrait,
    actor: &Actor,
    filter: &CaseFilter,
    now: DateTime<Utc>,
) -> AppResult<Listing> {
    let (page, per_page) = (filter.page(), filter.per_page());
    let empty = Listing {
        page,
        per_page,
        ..Listing::default()
    };
    let Some(scope) = visibility(actor) else {
        return Ok(empty);
    };
    let mut filters = Condition::all();
    if let Some(s) = filter.status {
        filters = filters.add(Column::Status.eq(s.as_ref()));
    }
    if let Some(c) = filter.category {
        filters = filters.add(Column::Category.eq(c.as_ref()));
    }
    if let Some(code) = &filter.body {
        match super::bodies::Model::find_by_code(db, code).await? {
            Some(b) => filters = filters.add(Column::BodyId.eq(b.id)),
            None => return Ok(empty),
        }
    }
    // A list filtered by clocks tells of those clocks: only the ones the viewer may see.
    let visible = disclosure::Disclosure::visible_clocks(actor.role).unwrap_or_else(Condition::all);
    if let Some(overdue) = filter.overdue {
        let late = Query::select()
            .column(deadlines::Column::CaseId)
            .from(deadlines::Entity)
            .and_where(deadlines::Column::MetAt.is_null())
            .and_where(deadlines::Column::CancelledAt.is_null())
            .and_where(deadlines::Column::DueAt.lt(now))
            .cond_where(visible.clone())
            .to_owned();
        filters = filters.add(if overdue {
            Column::Id.in_subquery(late)
        } else {
            Column::Id.not_in_subquery(late)
        });
    }
    if let Some(party) = filter.acting {
        let waiting = Query::select()
            .column(deadlines::Column::CaseId)
            .from(deadlines::Entity)
            .and_where(deadlines::Column::Party.eq(party.as_ref()))
            .and_where(deadlines::Column::MetAt.is_null())
            .and_where(deadlines::Column::CancelledAt.is_null())
            .cond_where(visible.clone())
            .to_owned();
        filters = filters.add(Column::Id.in_subquery(waiting));
    }
    let query = Entity::find().filter(Condition::all().add(scope).add(filters.clone()));
    let total = query.clone().count(db).await?;
    let order = if filter.oldest_first == Some(true) {
        Order::Asc
    } else {
        Order::Desc
    };
    let offset = (page - 1) * per_page;
    let query = match (actor.role, actor.delegation_id) {
        // A delegation's page is taken from the (id, filing time) pairs of its own and its
        // co-filed cases, read from indexes, so only the rows shown are read whole: sorting
        // thousands of whole rows to keep 25 took the busiest delegation's list 45 ms.
        (Role::Delegate, Some(d)) => {
            let ids = delegation_page(d, filters, order.clone(), offset, per_page);
            Entity::find().filter(Column::Id.in_subquery(ids))
        }
        _ => query.offset(offset).limit(per_page),
    };
    let rows = listed(query)
        .order_by(Column::FiledAt, order.clone())
        .order_by(Column::Id, order)
        .into_model::<Listed>()
        .all(db)
        .await?;
    let (items, context) = ListContext::of(db, rows).await?;
    Ok(Listing {
        items,
        total,
        page,
        per_page,
        context,
    })
}

/// The ids of one page of a delegation's cases (its own and those it co-filed) that pass
/// `filters`, in filing order: a union of (id, filing time) pairs, then the page.
fn delegation_page(
    delegation: i64,
    filters: Condition,
    order: Order,
    offset: u64,
    limit: u64,
) -> sea_orm::sea_query::SelectStatement {
    use sea_orm::sea_query::{Alias, ExprTrait, UnionType};
    let pairs = || {
        Query::select()
            .column((Entity, Column::Id))
            .column((Entity, Column::FiledAt))
            .from(Entity)
            .to_owned()
    };
    let mut own = pairs()
        .cond_where(
            Condition::all()
                .add(Expr::col((Entity, Column::ComplainantDelegationId)).eq(delegation))
                .add(filters.clone()),
        )
        .to_owned();
    let co_filed = pairs()
        .inner_join(
            co::Entity,
            Expr::col((co::Entity, co::Column::CaseId)).equals((Entity, Column::Id)),
        )
        .cond_where(
            Condition::all()
                .add(Expr::col((co::Entity, co::Column::DelegationId)).eq(delegation))
                .add(filters),
        )
        .to_owned();
    let mine = Alias::new("mine");
    Query::select()
        .column((mine.clone(), Column::Id))
        .from_subquery(
            own.union(UnionType::Distinct, co_filed).to_owned(),
            mine.clone(),
        )
        .order_by((mine.clone(), Column::FiledAt), order.clone())
        .order_by((mine, Column::Id), order)
        .offset(offset)
        .limit(limit)
        .to_owned()
}

/// What a list row shows besides the case: its body's code, its complainant's code and its
/// open clocks.
#[derive(Clone, Debug, Default)]
pub struct ListContext {
    /// The code of each listed case's body, by body id.
    pub bodies: HashMap<i64, String>,
    /// The code of each listed case's complainant delegation, by delegation id.
    pub complainants: HashMap<i64, String>,
    /// The open clocks of each case, soonest first.
    pub open_clocks: HashMap<i64, Vec<deadlines::Model>>,
}

/// A case as a list row shows it: what the row says, and the parties by which its viewer's
/// standing (and so what it may say of the complainant) is judged. Less than half the
/// columns of a case: a caseload's rows were read whole, and decoding them was a fifth of
/// the server's time.
#[derive(Clone, Debug, FromQueryResult)]
pub struct CaseLine {
    pub id: i64,
    pub pid: Uuid,
    pub reference: String,
    pub title: String,
    pub category: String,
    pub status: String,
    pub urgency: String,
    pub confidentiality: String,
    pub body_id: i64,
    pub complainant_delegation_id: i64,
    pub respondent_body_id: Option<i64>,
    pub respondent_delegation_id: Option<i64>,
    pub served_at: Option<DateTimeWithTimeZone>,
    pub mediator_id: Option<i64>,
    pub on_hold: bool,
    pub filed_at: DateTimeWithTimeZone,
    pub version: i64,
}

/// The columns of a [`CaseLine`], in its order.
const LINE_COLUMNS: [Column; 17] = [
    Column::Id,
    Column::Pid,
    Column::Reference,
    Column::Title,
    Column::Category,
    Column::Status,
    Column::Urgency,
    Column::Confidentiality,
    Column::BodyId,
    Column::ComplainantDelegationId,
    Column::RespondentBodyId,
    Column::RespondentDelegationId,
    Column::ServedAt,
    Column::MediatorId,
    Column::OnHold,
    Column::FiledAt,
    Column::Version,
];

impl From<&Model> for CaseLine {
    fn from(c: &Model) -> Self {
        Self {
            id: c.id,
            pid: c.pid,
            reference: c.reference.clone(),
            title: c.title.clone(),
            category: c.category.clone(),
            status: c.status.clone(),
            urgency: c.urgency.clone(),
            confidentiality: c.confidentiality.clone(),
            body_id: c.body_id,
            complainant_delegation_id: c.complainant_delegation_id,
            respondent_body_id: c.respondent_body_id,
            respondent_delegation_id: c.respondent_delegation_id,
            served_at: c.served_at,
            mediator_id: c.mediator_id,
            on_hold: c.on_hold,
            filed_at: c.filed_at,
            version: c.version,
        }
    }
}

impl parties::HasParties for CaseLine {
    fn parties(&self) -> parties::Parties {
        parties::Parties::new(
            self.complainant_delegation_id,
            (self.respondent_body_id, self.respondent_delegation_id),
            self.served_at.is_some(),
            self.mediator_id,
            &self.confidentiality,
        )
    }
}

/// A case as a list reads it: its line, with the codes of its body and of its complainant
/// joined in by the same statement ([`listed`]).
#[derive(Clone, Debug, FromQueryResult)]
pub struct Listed {
    #[sea_orm(nested)]
    pub case: CaseLine,
    pub body_code: String,
    pub complainant_code: String,
}

/// `select` cut to a [`CaseLine`]'s columns and joined to the body and the complainant
/// delegation whose codes a list row shows, to be read into [`Listed`] (or a row that nests
/// it): one statement where a join on the client side took three.
#[must_use]
pub fn listed(select: Select<Entity>) -> Select<Entity> {
    use super::_entities::cases::Relation;
    select
        .select_only()
        .columns(LINE_COLUMNS)
        .join(JoinType::InnerJoin, Relation::Bodies1.def())
        .join(JoinType::InnerJoin, Relation::Delegations1.def())
        .column_as(super::bodies::Column::Code, "body_code")
        .column_as(delegations::Column::Code, "complainant_code")
}

impl ListContext {
    /// Splits rows read through [`listed`] into the cases and their context, reading the open
    /// clocks of those cases in one more statement.
    ///
    /// # Errors
    /// Database errors.
    pub async fn of(
        db: &impl ConnectionTrait,
        rows: Vec<Listed>,
    ) -> AppResult<(Vec<CaseLine>, Self)> {
        let ids = rows.iter().map(|r| r.case.id).collect();
        let clocks = crate::models::deadlines::open_by_case(db, ids).await?;
        Ok(Self::with_clocks(rows, clocks))
    }

    /// The context of rows whose open clocks the caller already read (a caseload reads each
    /// row's next clock in the statement that reads the row).
    #[must_use]
    pub fn with_clocks(
        rows: Vec<Listed>,
        open_clocks: HashMap<i64, Vec<deadlines::Model>>,
    ) -> (Vec<CaseLine>, Self) {
        let mut context = Self {
            open_clocks,
            ..Self::default()
        };
        let items = rows
            .into_iter()
            .map(|r| {
                context.bodies.insert(r.case.body_id, r.body_code);
                context
                    .complainants
                    .insert(r.case.complainant_delegation_id, r.complainant_code);
                r.case
            })
            .collect();
        (items, context)
    }
}
