//! Redress clocks as stored rows. The arithmetic is pure (`calendar`, `clock`); this module
//! starts, meets, cancels and recomputes the rows of one case, always inside the caller's
//! transaction and always from `now` given by the caller.
pub mod calendar;
pub mod clock;

use chrono::{DateTime, Utc};
use sea_orm::{entity::prelude::*, ActiveValue::Set, QueryOrder};

pub use super::_entities::deadlines::{ActiveModel, Column, Entity, Model};
use super::{
    _entities::holds,
    cases::disclosure::Disclosure,
    vocabulary::{Category, DeadlineKind, Party, Urgency},
};
use crate::{
    errors::{AppError, AppResult},
    settings::Settings,
};
use calendar::{Calendar, DayUnit};
use clock::{ClockSpec, Due, Pause};

impl ActiveModelBehavior for ActiveModel {}

#[must_use]
pub const fn unit_name(unit: DayUnit) -> &'static str {
    match unit {
        DayUnit::Working => "working",
        DayUnit::Calendar => "calendar",
    }
}

/// # Errors
/// When the stored unit is unknown.
pub fn parse_unit(s: &str) -> AppResult<DayUnit> {
    match s {
        "working" => Ok(DayUnit::Working),
        "calendar" => Ok(DayUnit::Calendar),
        other => Err(AppError::Corrupt(format!("deadline unit `{other}`"))),
    }
}

impl Model {
    /// # Errors
    /// When the stored kind is unknown.
    pub fn kind(&self) -> AppResult<DeadlineKind> {
        DeadlineKind::parse_stored(&self.kind)
    }

    /// # Errors
    /// When the stored party is unknown.
    pub fn party(&self) -> AppResult<Party> {
        Party::parse_stored(&self.party)
    }

    /// Still running (or overrun) and not yet met or cancelled.
    #[must_use]
    pub const fn is_open(&self) -> bool {
        self.met_at.is_none() && self.cancelled_at.is_none()
    }

    /// Total length in the clock's unit: policy, extra days for LDC/SIDS parties, extensions.
    #[must_use]
    pub fn total_days(&self) -> u32 {
        u32::try_from(self.base_days + self.sdt_days + self.extension_days).unwrap_or(0)
    }

    /// Where this clock stands given what stops the case's clocks.
    ///
    /// # Errors
    /// When the stored unit or party is unknown.
    pub fn due(&self, calendar: &Calendar, pauses: &Pauses) -> AppResult<Due> {
        let spec = ClockSpec {
            starts_at: self.starts_at.to_utc(),
            unit: parse_unit(&self.unit)?,
            days: self.total_days(),
        };
        Ok(clock::effective_due(
            calendar,
            &spec,
            &pauses.of(self.kind()?, self.party()?),
        ))
    }
}

/// What a case needs to know to start its clocks.
#[derive(Clone, Copy, Debug)]
pub struct ClockPolicy<'a> {
    pub settings: &'a Settings,
    pub calendar: &'a Calendar,
    pub category: Category,
    pub urgency: Urgency,
    /// Whether the complainant (lead delegation) is an LDC or SIDS.
    pub complainant_extra_time: bool,
    /// Whether the respondent is an LDC or SIDS delegation.
    pub respondent_extra_time: bool,
}

impl ClockPolicy<'_> {
    /// Extra working days under the special and differential rule, when the acting party
    /// qualifies. Calendar-day windows get the same number of days.
    #[must_use]
    pub fn extra_days(&self, party: Party) -> u32 {
        let qualifies = match party {
            Party::Complainant => self.complainant_extra_time,
            Party::Respondent => self.respondent_extra_time,
            Party::Mediator | Party::Registrar => false,
        };
        if qualifies {
            self.settings.special_and_differential.extra_working_days
        } else {
            0
        }
    }
}

/// What stops a case's clocks: a hold stops every clock of the case; a party's wait for a
/// translation it asked for stops the clocks that party owes (DESIGN §4).
#[derive(Clone, Debug, Default)]
pub struct Pauses {
    pub holds: Vec<Pause>,
    pub waits: Vec<(Party, Pause)>,
}

impl Pauses {
    /// The pauses of a clock of `kind` owed by `party`. A right's window (to appeal) is
    /// either side's to use, so either side's wait stops it.
    #[must_use]
    pub fn of(&self, kind: DeadlineKind, party: Party) -> Vec<Pause> {
        let waits_for = |waiting: Party| {
            waiting == party
                || (kind.is_a_right() && matches!(waiting, Party::Complainant | Party::Respondent))
        };
        self.holds
            .iter()
            .copied()
            .chain(
                self.waits
                    .iter()
                    .filter(|(waiting, _)| waits_for(*waiting))
                    .map(|(_, pause)| *pause),
            )
            .collect()
    }
}

/// The case's holds and its parties' waits for translations, as clock pauses.
///
/// # Errors
/// Database errors.
pub async fn pauses_for(db: &impl ConnectionTrait, case_id: i64) -> AppResult<Pauses> {
    let holds = holds::Entity::find()
        .filter(holds::Column::CaseId.eq(case_id))
        .order_by_asc(holds::Column::PlacedAt)
        .all(db)
        .await?
        .into_iter()
        .map(|h| Pause {
            start: h.placed_at.to_utc(),
            end: h.lifted_at.map(|t| t.to_utc()),
        })
        .collect();
    Ok(Pauses {
        holds,
        waits: super::translations::waits(db, case_id).await?,
    })
}

/// Stores where a clock stands. A clock that runs (again) is due for a look by the reminder
/// sweep right away: the sweep, not this module, knows which reminder comes next.
fn apply_due(am: &mut ActiveModel, due: Due, now: DateTime<Utc>) {
    match due {
        Due::At(at) => {
            am.due_at = Set(Some(at.into()));
            am.paused_since = Set(None);
            am.next_reminder_at = Set(Some(now.into()));
        }
        Due::Paused { since } => {
            am.due_at = Set(None);
            am.paused_since = Set(Some(since.into()));
            am.next_reminder_at = Set(None);
        }
    }
}

/// Keeps the case's `next_due_at` equal to the soonest due instant of its running clocks
/// (null when none runs or all are paused). Every function here that opens, closes or moves
/// a clock calls it in the caller's transaction, so the caseload can read cases in due order
/// from an index.
///
/// # Errors
/// Database errors.
pub async fn sync_soonest(db: &impl ConnectionTrait, case_id: i64) -> AppResult<()> {
    use sea_orm::sea_query::{ExprTrait, Query};
    let soonest = Query::select()
        .expr(Expr::col(Column::DueAt).min())
        .from(Entity)
        .and_where(Expr::col(Column::CaseId).eq(case_id))
        .and_where(Expr::col(Column::MetAt).is_null())
        .and_where(Expr::col(Column::CancelledAt).is_null())
        .to_owned();
    super::_entities::cases::Entity::update_many()
        .col_expr(
            super::_entities::cases::Column::NextDueAt,
            Expr::from(soonest),
        )
        .filter(super::_entities::cases::Column::Id.eq(case_id))
        .exec(db)
        .await?;
    Ok(())
}

/// Starts a clock of `kind` on a case, now.
///
/// # Errors
/// Database errors.
pub async fn start(
    db: &impl ConnectionTrait,
    case_id: i64,
    kind: DeadlineKind,
    policy: &ClockPolicy<'_>,
    pauses: &Pauses,
    now: DateTime<Utc>,
) -> AppResult<Model> {
    let clock = open_clock(db, case_id, kind, policy, pauses, now).await?;
    sync_soonest(db, case_id).await?;
    Ok(clock)
}

/// The row of a clock of `kind` started at `starts_at`, owed by the kind's party: `days` of
/// `unit` plus `sdt` days of special and differential treatment, no extension, not yet met,
/// breached or cancelled, and no due instant until the caller sets one. Opening a clock and
/// bulk seeding both start from it, so a column added to clocks is given its value here.
#[must_use]
pub fn new_row(
    case_id: i64,
    kind: DeadlineKind,
    unit: DayUnit,
    (days, sdt): (u32, u32),
    starts_at: DateTime<Utc>,
) -> ActiveModel {
    ActiveModel {
        case_id: Set(case_id),
        kind: Set(kind.to_string()),
        party: Set(kind.party().to_string()),
        unit: Set(unit_name(unit).to_string()),
        base_days: Set(i64::from(days)),
        sdt_days: Set(i64::from(sdt)),
        extension_days: Set(0),
        starts_at: Set(starts_at.into()),
        due_at: Set(None),
        paused_since: Set(None),
        met_at: Set(None),
        breached_at: Set(None),
        cancelled_at: Set(None),
        next_reminder_at: Set(None),
        created_at: Set(starts_at.into()),
        updated_at: Set(starts_at.into()),
        ..Default::default()
    }
}

/// Writes a new clock without touching the case: for filing, which records the first clock
/// on the case in the case's own last write.
///
/// # Errors
/// Database errors.
pub(crate) async fn open_clock(
    db: &impl ConnectionTrait,
    case_id: i64,
    kind: DeadlineKind,
    policy: &ClockPolicy<'_>,
    pauses: &Pauses,
    now: DateTime<Utc>,
) -> AppResult<Model> {
    let (unit, days) = policy
        .settings
        .timeline(kind, policy.category, policy.urgency);
    let party = kind.party();
    let sdt = policy.extra_days(party);
    let spec = ClockSpec {
        starts_at: now,
        unit,
        days: days + sdt,
    };
    let mut am = new_row(case_id, kind, unit, (days, sdt), now);
    apply_due(
        &mut am,
        clock::effective_due(policy.calendar, &spec, &pauses.of(kind, party)),
        now,
    );
    Ok(am.insert(db).await?)
}

/// The open clocks of a case.
///
/// # Errors
/// Database errors.
pub async fn open_for_case(db: &impl ConnectionTrait, case_id: i64) -> AppResult<Vec<Model>> {
    Ok(Entity::find()
        .filter(Column::CaseId.eq(case_id))
        .filter(Column::MetAt.is_null())
        .filter(Column::CancelledAt.is_null())
        .order_by_asc(Column::Id)
        .all(db)
        .await?)
}

/// Marks the open clocks of these kinds as met. A clock met after it fell due keeps the
/// record that it was breached.
///
/// # Errors
/// Database errors.
pub async fn meet(
    db: &impl ConnectionTrait,
    case_id: i64,
    kinds: &[DeadlineKind],
    now: DateTime<Utc>,
) -> AppResult<()> {
    let mut changed = false;
    for d in open_for_case(db, case_id).await? {
        if kinds.iter().any(|k| k.as_ref() == d.kind) {
            mark_met(db, d, now).await?;
            changed = true;
        }
    }
    if changed {
        sync_soonest(db, case_id).await?;
    }
    Ok(())
}

/// Marks one open clock as met: for a clock that is one of several of its kind on a case
/// (each translation request runs its own), met by the step that answers it alone.
///
/// # Errors
/// Database errors.
pub async fn meet_one(
    db: &impl ConnectionTrait,
    clock: Model,
    now: DateTime<Utc>,
) -> AppResult<()> {
    if !clock.is_open() {
        return Ok(());
    }
    let case_id = clock.case_id;
    mark_met(db, clock, now).await?;
    sync_soonest(db, case_id).await
}

async fn mark_met(db: &impl ConnectionTrait, d: Model, now: DateTime<Utc>) -> AppResult<()> {
    let breached = d.breached_at.or_else(|| {
        d.due_at
            .filter(|due| due.to_utc() < now)
            .map(|due| due.to_utc().into())
    });
    let mut am: ActiveModel = d.into();
    am.met_at = Set(Some(now.into()));
    am.breached_at = Set(breached);
    am.next_reminder_at = Set(None);
    am.updated_at = Set(now.into());
    am.update(db).await?;
    Ok(())
}

/// Cancels open clocks that no longer apply (`None`: all of them).
///
/// # Errors
/// Database errors.
pub async fn cancel(
    db: &impl ConnectionTrait,
    case_id: i64,
    kinds: Option<&[DeadlineKind]>,
    now: DateTime<Utc>,
) -> AppResult<()> {
    let mut changed = false;
    for d in open_for_case(db, case_id).await? {
        if kinds.is_none_or(|ks| ks.iter().any(|k| k.as_ref() == d.kind)) {
            let mut am: ActiveModel = d.into();
            am.cancelled_at = Set(Some(now.into()));
            am.next_reminder_at = Set(None);
            am.updated_at = Set(now.into());
            am.update(db).await?;
            changed = true;
        }
    }
    if changed {
        sync_soonest(db, case_id).await?;
    }
    Ok(())
}

/// Recomputes the due instant of every open clock of a case from its start, length and
/// the case's holds (after a hold, a lifted hold, an extension, or a calendar change).
/// Clocks already met, cancelled or breached keep their record.
///
/// # Errors
/// Database errors.
pub async fn recompute(
    db: &impl ConnectionTrait,
    case_id: i64,
    calendar: &Calendar,
    now: DateTime<Utc>,
) -> AppResult<u64> {
    let pauses = pauses_for(db, case_id).await?;
    let mut changed = 0;
    for d in open_for_case(db, case_id).await? {
        if d.breached_at.is_some() {
            continue;
        }
        let due = d.due(calendar, &pauses)?;
        let current = match (d.due_at, d.paused_since) {
            (Some(at), _) => Due::At(at.to_utc()),
            (None, Some(since)) => Due::Paused {
                since: since.to_utc(),
            },
            (None, None) => Due::At(DateTime::<Utc>::MIN_UTC),
        };
        if current != due {
            let mut am: ActiveModel = d.into();
            apply_due(&mut am, due, now);
            am.updated_at = Set(now.into());
            am.update(db).await?;
            changed += 1;
        }
    }
    if changed > 0 {
        sync_soonest(db, case_id).await?;
    }
    Ok(changed)
}

/// Adds granted extension days to a clock and recomputes it.
///
/// # Errors
/// Database errors.
pub async fn extend(
    db: &impl ConnectionTrait,
    deadline: Model,
    days: u32,
    calendar: &Calendar,
    now: DateTime<Utc>,
) -> AppResult<()> {
    let case_id = deadline.case_id;
    let mut am: ActiveModel = deadline.clone().into();
    am.extension_days = Set(deadline.extension_days + i64::from(days));
    // An extension granted after a breach was recorded lifts the breach: the party is in
    // time again under the new deadline.
    am.breached_at = Set(None);
    am.updated_at = Set(now.into());
    am.update(db).await?;
    recompute(db, case_id, calendar, now).await?;
    Ok(())
}

/// Brings a case's open clocks in line with the current policy (`deadlines:rebuild`): the
/// length from the timelines and the special-and-differential rule, extensions kept, then
/// the due instant from the calendar and holds. Breached clocks keep their record.
/// Returns the clocks looked at, those whose length changed and those whose due instant
/// moved.
///
/// # Errors
/// Database errors.
pub async fn rebuild_case(
    db: &impl ConnectionTrait,
    case_id: i64,
    policy: &ClockPolicy<'_>,
    now: DateTime<Utc>,
) -> AppResult<(u64, u64, u64)> {
    let mut looked = 0;
    let mut resized = 0;
    for d in open_for_case(db, case_id).await? {
        if d.breached_at.is_some() {
            continue;
        }
        looked += 1;
        let kind = d.kind()?;
        let (unit, days) = policy
            .settings
            .timeline(kind, policy.category, policy.urgency);
        let sdt = policy.extra_days(kind.party());
        let (unit, days, sdt) = (unit_name(unit), i64::from(days), i64::from(sdt));
        if d.unit != unit || d.base_days != days || d.sdt_days != sdt {
            let mut am: ActiveModel = d.into();
            am.unit = Set(unit.to_string());
            am.base_days = Set(days);
            am.sdt_days = Set(sdt);
            am.updated_at = Set(now.into());
            am.update(db).await?;
            resized += 1;
        }
    }
    let moved = recompute(db, case_id, policy.calendar, now).await?;
    Ok((looked, resized, moved))
}

/// The running deadlines of the cases `actor` may see, soonest first (the calendar feed),
/// with their case.
///
/// # Errors
/// Database errors.
pub async fn open_for_actor(
    db: &impl ConnectionTrait,
    actor: &super::users::Actor,
    limit: u64,
) -> AppResult<Vec<(Model, super::cases::Model)>> {
    use sea_orm::QuerySelect;
    let Some(visible) = super::cases::visibility(actor) else {
        return Ok(Vec::new());
    };
    let case_ids = sea_orm::sea_query::Query::select()
        .column(super::cases::Column::Id)
        .from(super::cases::Entity)
        .cond_where(visible)
        .to_owned();
    Ok(Entity::find()
        .filter(Column::CaseId.in_subquery(case_ids))
        .filter(Column::MetAt.is_null())
        .filter(Column::CancelledAt.is_null())
        .filter(Column::DueAt.is_not_null())
        .order_by_asc(Column::DueAt)
        .limit(limit)
        .find_also_related(super::cases::Entity)
        .all(db)
        .await?
        .into_iter()
        .filter_map(|(d, c)| c.map(|c| (d, c)))
        .filter(|(d, c)| Disclosure::for_actor(c, actor).may_see_clock(d))
        .collect())
}

/// A case's next open clock, read beside the case in the same statement
/// ([`join_next_open`]): its columns carry the `nx_` prefix.
#[derive(Clone, Debug, sea_orm::FromQueryResult)]
pub struct NextOpen {
    #[sea_orm(alias = "nx_created_at")]
    created_at: DateTimeWithTimeZone,
    #[sea_orm(alias = "nx_updated_at")]
    updated_at: DateTimeWithTimeZone,
    #[sea_orm(alias = "nx_id")]
    id: i64,
    #[sea_orm(alias = "nx_case_id")]
    case_id: i64,
    #[sea_orm(alias = "nx_kind")]
    kind: String,
    #[sea_orm(alias = "nx_party")]
    party: String,
    #[sea_orm(alias = "nx_unit")]
    unit: String,
    #[sea_orm(alias = "nx_base_days")]
    base_days: i64,
    #[sea_orm(alias = "nx_sdt_days")]
    sdt_days: i64,
    #[sea_orm(alias = "nx_extension_days")]
    extension_days: i64,
    #[sea_orm(alias = "nx_starts_at")]
    starts_at: DateTimeWithTimeZone,
    #[sea_orm(alias = "nx_due_at")]
    due_at: Option<DateTimeWithTimeZone>,
    #[sea_orm(alias = "nx_paused_since")]
    paused_since: Option<DateTimeWithTimeZone>,
    #[sea_orm(alias = "nx_met_at")]
    met_at: Option<DateTimeWithTimeZone>,
    #[sea_orm(alias = "nx_breached_at")]
    breached_at: Option<DateTimeWithTimeZone>,
    #[sea_orm(alias = "nx_cancelled_at")]
    cancelled_at: Option<DateTimeWithTimeZone>,
    #[sea_orm(alias = "nx_next_reminder_at")]
    next_reminder_at: Option<DateTimeWithTimeZone>,
}

impl From<NextOpen> for Model {
    fn from(n: NextOpen) -> Self {
        Self {
            created_at: n.created_at,
            updated_at: n.updated_at,
            id: n.id,
            case_id: n.case_id,
            kind: n.kind,
            party: n.party,
            unit: n.unit,
            base_days: n.base_days,
            sdt_days: n.sdt_days,
            extension_days: n.extension_days,
            starts_at: n.starts_at,
            due_at: n.due_at,
            paused_since: n.paused_since,
            met_at: n.met_at,
            breached_at: n.breached_at,
            cancelled_at: n.cancelled_at,
            next_reminder_at: n.next_reminder_at,
        }
    }
}

/// Joins to a query over cases each case's next open clock (the one a list shows: the
/// soonest due, then one with no due instant, then the first made), its columns named
/// `nx_...` for [`NextOpen`]: a list reads its rows and their clocks in one statement.
pub fn join_next_open(query: &mut sea_orm::sea_query::SelectStatement) {
    use sea_orm::sea_query::{
        Alias, Expr, ExprTrait, JoinType, NullOrdering, Order, Query, QueryStatementBuilder,
    };
    use sea_orm::Iterable;

    use crate::models::_entities::cases as cases_table;
    let next = Alias::new("nx");
    let inner = Alias::new("d");
    let mut soonest = Query::select();
    soonest
        .column((inner.clone(), Column::Id))
        .from_as(Entity, inner.clone())
        .and_where(
            Expr::col((inner.clone(), Column::CaseId))
                .equals((cases_table::Entity, cases_table::Column::Id)),
        )
        .and_where(Expr::col((inner.clone(), Column::MetAt)).is_null())
        .and_where(Expr::col((inner.clone(), Column::CancelledAt)).is_null())
        .order_by_with_nulls(
            (inner.clone(), Column::DueAt),
            Order::Asc,
            NullOrdering::Last,
        )
        .order_by((inner, Column::Id), Order::Asc)
        .limit(1);
    query.join_as(
        JoinType::LeftJoin,
        Entity,
        next.clone(),
        Expr::col((next.clone(), Column::Id)).eq(Expr::SubQuery(
            None,
            Box::new(soonest.into_sub_query_statement()),
        )),
    );
    for c in Column::iter() {
        let name = format!("nx_{}", c.as_str());
        query.expr_as(Expr::col((next.clone(), c)), Alias::new(name));
    }
}

/// The open clocks of each of `case_ids`, soonest due first (unscheduled ones last), for
/// lists and notices to pick each viewer's next deadline from ([`Disclosure::next_clock`]).
///
/// # Errors
/// Database errors.
pub async fn open_by_case(
    db: &impl ConnectionTrait,
    case_ids: Vec<i64>,
) -> AppResult<std::collections::HashMap<i64, Vec<Model>>> {
    let mut out: std::collections::HashMap<i64, Vec<Model>> = std::collections::HashMap::new();
    for d in Entity::find()
        .filter(Column::CaseId.is_in(case_ids))
        .filter(Column::MetAt.is_null())
        .filter(Column::CancelledAt.is_null())
        .order_by_asc(Column::DueAt)
        .order_by_asc(Column::Id)
        .all(db)
        .await?
    {
        out.entry(d.case_id).or_default().push(d);
    }
    Ok(out)
}
