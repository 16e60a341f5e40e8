//! Mediators as the registry manages them: profiles (languages, capacity, leave), declared
//! conflicts, the pool the assignment rule chooses from, the record of every assignment,
//! caseloads and the fairness ledger. The rule itself is pure, in [`super::assignment`].
pub mod assignment;
pub mod challenges;
pub mod ledger;
pub mod staffing;

use std::collections::BTreeSet;

use chrono::{DateTime, Utc};
use sea_orm::{
    entity::prelude::*, sea_query::ExprTrait, ActiveValue::Set, QueryOrder, TransactionSession,
    TransactionTrait,
};

pub use super::_entities::mediator_profiles::{ActiveModel, Column, Entity, Model};
use super::{
    _entities::mediator_conflicts as conflicts,
    admin_log::{self, AdminChange, Subject},
    bodies, delegations,
    users::{self},
    vocabulary::{Language, Role},
};
use crate::errors::{AppError, AppResult, FieldErrors, Said};

impl ActiveModelBehavior for ActiveModel {}
impl ActiveModelBehavior for conflicts::ActiveModel {}

/// The most open cases a profile may allow; beyond it the load figures mean nothing.
pub const MAX_CAPACITY: u32 = 1000;

/// Reads the stored language list (`en,fr`).
///
/// # Errors
/// A code the app does not know.
pub fn parse_languages(stored: &str) -> AppResult<BTreeSet<Language>> {
    stored
        .split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(Language::parse_stored)
        .collect()
}

fn store_languages(languages: &BTreeSet<Language>) -> String {
    languages
        .iter()
        .map(AsRef::as_ref)
        .collect::<Vec<&str>>()
        .join(",")
}

impl Model {
    /// # Errors
    /// A stored language the app does not know.
    pub fn languages(&self) -> AppResult<BTreeSet<Language>> {
        parse_languages(&self.languages)
    }

    #[must_use]
    pub fn capacity(&self) -> u32 {
        u32::try_from(self.capacity).unwrap_or(0)
    }

    #[must_use]
    pub fn active_cases(&self) -> u32 {
        u32::try_from(self.active_cases).unwrap_or(0)
    }
}

/// The profiles of the mediators `user_ids`, by user id.
///
/// # Errors
/// Database errors.
pub async fn profiles_of(
    db: &impl ConnectionTrait,
    user_ids: Vec<i64>,
) -> AppResult<std::collections::HashMap<i64, Model>> {
    Ok(Entity::find()
        .filter(Column::UserId.is_in(user_ids))
        .all(db)
        .await?
        .into_iter()
        .map(|p| (p.user_id, p))
        .collect())
}

/// Gives a newly accredited mediator a profile: the language of their interface, the
/// default capacity, no conflicts declared yet.
///
/// # Errors
/// Database errors.
pub async fn create_profile(
    db: &impl ConnectionTrait,
    user: &users::Model,
    capacity: u32,
    now: DateTime<Utc>,
) -> AppResult<Model> {
    let languages = Language::parse_stored(&user.locale)
        .map_or_else(|_| BTreeSet::from([Language::En]), |l| BTreeSet::from([l]));
    Ok(profile_row(user.id, &languages, capacity, now)
        .insert(db)
        .await?)
}

/// The row of a new mediator's profile: the languages they work in, their capacity, no case
/// yet, not on leave. Accreditation and bulk seeding both start from it, so a column added
/// to profiles is given its value here.
#[must_use]
pub fn profile_row(
    user_id: i64,
    languages: &BTreeSet<Language>,
    capacity: u32,
    now: DateTime<Utc>,
) -> ActiveModel {
    ActiveModel {
        user_id: Set(user_id),
        languages: Set(store_languages(languages)),
        capacity: Set(i64::from(capacity)),
        on_leave: Set(false),
        active_cases: Set(0),
        last_assigned_at: Set(None),
        created_at: Set(now.into()),
        updated_at: Set(now.into()),
        ..Default::default()
    }
}

/// A mediator with their profile and declared conflicts, as admins and the registry see
/// them.
#[derive(Clone, Debug)]
pub struct Profile {
    pub user: users::Model,
    pub profile: Model,
    pub nationality: Option<delegations::Model>,
    pub conflicting_delegations: Vec<delegations::Model>,
    pub conflicting_bodies: Vec<bodies::Model>,
}

/// What the administrative audit chain keeps of a mediator's profile: what an admin sets.
#[derive(Clone, Debug, serde::Serialize)]
pub struct ProfileRecord {
    pub languages: String,
    pub capacity: i64,
    pub on_leave: bool,
    pub conflicting_delegations: Vec<String>,
    pub conflicting_bodies: Vec<String>,
}

impl Profile {
    /// What an admin set on this profile, as the administrative audit chain records it.
    #[must_use]
    pub fn record(&self) -> ProfileRecord {
        ProfileRecord {
            languages: self.profile.languages.clone(),
            capacity: self.profile.capacity,
            on_leave: self.profile.on_leave,
            conflicting_delegations: self
                .conflicting_delegations
                .iter()
                .map(|d| d.code.clone())
                .collect(),
            conflicting_bodies: self
                .conflicting_bodies
                .iter()
                .map(|b| b.code.clone())
                .collect(),
        }
    }
}

/// What an admin sets on a profile, already parsed; codes are resolved here.
#[derive(Clone, Debug)]
pub struct ProfileChange {
    pub languages: Option<BTreeSet<Language>>,
    pub capacity: Option<u32>,
    pub on_leave: Option<bool>,
    /// ISO alpha-3 codes of delegations the mediator declares a conflict with; replaces
    /// the list.
    pub conflicting_delegations: Option<Vec<String>>,
    /// Codes of bodies the mediator declares a conflict with; replaces the list.
    pub conflicting_bodies: Option<Vec<String>>,
}

/// The profile of the mediator `pid`.
///
/// # Errors
/// 404 when no user with this pid is a mediator.
pub async fn profile(db: &impl ConnectionTrait, pid: Uuid) -> AppResult<Profile> {
    let user = users::Entity::find()
        .filter(users::Column::Pid.eq(pid))
        .filter(users::Column::Role.eq(Role::Mediator.as_ref()))
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    let profile = Entity::find()
        .filter(Column::UserId.eq(user.id))
        .one(db)
        .await?
        .ok_or_else(|| AppError::Corrupt(format!("mediator {pid} has no profile")))?;
    let declared = conflicts::Entity::find()
        .filter(conflicts::Column::MediatorId.eq(user.id))
        .all(db)
        .await?;
    let delegation_ids: Vec<i64> = declared
        .iter()
        .filter_map(|c| c.delegation_id)
        .chain(user.delegation_id)
        .collect();
    let mut all_delegations = delegations::Entity::find()
        .filter(delegations::Column::Id.is_in(delegation_ids))
        .order_by_asc(delegations::Column::Code)
        .all(db)
        .await?;
    let nationality = user
        .delegation_id
        .and_then(|n| all_delegations.iter().find(|d| d.id == n).cloned());
    all_delegations.retain(|d| declared.iter().any(|c| c.delegation_id == Some(d.id)));
    let conflicting_bodies = bodies::Entity::find()
        .filter(
            bodies::Column::Id.is_in(
                declared
                    .iter()
                    .filter_map(|c| c.body_id)
                    .collect::<Vec<_>>(),
            ),
        )
        .order_by_asc(bodies::Column::Code)
        .all(db)
        .await?;
    Ok(Profile {
        user,
        profile,
        nationality,
        conflicting_delegations: all_delegations,
        conflicting_bodies,
    })
}

/// Applies an admin's change to a mediator's profile, in one transaction. Lowering the
/// capacity below the current load is allowed: the mediator simply gets no new cases
/// until the load falls.
///
/// # Errors
/// 404 when `pid` is not a mediator; 422 for an empty language list, a capacity out of
/// range, or an unknown delegation or body code.
pub async fn change_profile<C>(
    db: &C,
    admin: &users::Actor,
    pid: Uuid,
    change: ProfileChange,
    now: DateTime<Utc>,
) -> AppResult<Profile>
where
    C: ConnectionTrait + TransactionTrait,
{
    let current = profile(db, pid).await?;
    let mut errors = FieldErrors::new();
    if change.languages.as_ref().is_some_and(BTreeSet::is_empty) {
        errors.add_said(
            "languages",
            "required",
            Said::new("field-mediator-needs-language"),
        );
    }
    if let Some(c) = change.capacity {
        if !(1..=MAX_CAPACITY).contains(&c) {
            errors.add_said(
                "capacity",
                "range",
                Said::new("field-capacity-range").number("max", MAX_CAPACITY),
            );
        }
    }
    let mut delegation_ids = Vec::new();
    for (i, code) in change.conflicting_delegations.iter().flatten().enumerate() {
        let field = format!("conflicting_delegations[{i}]");
        delegation_ids.extend(delegations::Model::id_named(db, code, &field, &mut errors).await?);
    }
    let mut body_ids = Vec::new();
    for (i, code) in change.conflicting_bodies.iter().flatten().enumerate() {
        let field = format!("conflicting_bodies[{i}]");
        body_ids.extend(bodies::Model::id_named(db, code, &field, &mut errors).await?);
    }
    errors.into_result()?;
    delegation_ids.sort_unstable();
    delegation_ids.dedup();
    body_ids.sort_unstable();
    body_ids.dedup();

    let mediator_id = current.user.id;
    let before = current.record();
    let txn = db.begin().await?;
    let mut am: ActiveModel = current.profile.into();
    if let Some(l) = &change.languages {
        am.languages = Set(store_languages(l));
    }
    if let Some(c) = change.capacity {
        am.capacity = Set(i64::from(c));
    }
    if let Some(l) = change.on_leave {
        am.on_leave = Set(l);
    }
    am.updated_at = Set(now.into());
    am.update(&txn).await?;
    let replace = |column: conflicts::Column| {
        conflicts::Entity::delete_many()
            .filter(conflicts::Column::MediatorId.eq(mediator_id))
            .filter(column.is_not_null())
    };
    let row = |delegation_id: Option<i64>, body_id: Option<i64>| conflicts::ActiveModel {
        mediator_id: Set(mediator_id),
        delegation_id: Set(delegation_id),
        body_id: Set(body_id),
        created_at: Set(now.into()),
        updated_at: Set(now.into()),
        ..Default::default()
    };
    if change.conflicting_delegations.is_some() {
        replace(conflicts::Column::DelegationId).exec(&txn).await?;
        if !delegation_ids.is_empty() {
            conflicts::Entity::insert_many(delegation_ids.iter().map(|d| row(Some(*d), None)))
                .exec(&txn)
                .await?;
        }
    }
    if change.conflicting_bodies.is_some() {
        replace(conflicts::Column::BodyId).exec(&txn).await?;
        if !body_ids.is_empty() {
            conflicts::Entity::insert_many(body_ids.iter().map(|b| row(None, Some(*b))))
                .exec(&txn)
                .await?;
        }
    }
    let after = profile(&txn, pid).await?;
    let change = AdminChange::of(
        admin.id,
        Subject::MediatorProfile,
        pid.to_string(),
        Some(&before),
        Some(&after.record()),
    )?;
    admin_log::record(&txn, change, now).await?;
    txn.commit().await?;
    Ok(after)
}

/// Moves one open case's weight from one mediator's load to another's, when a case
/// changes hands or stops (or starts again) being open for work. With `within_capacity`,
/// the receiving mediator must still have room at the moment of writing: two assignments
/// racing for a last place cannot both take it.
///
/// # Errors
/// 409 when the receiving mediator has no room left; database errors.
pub async fn shift_load(
    db: &impl ConnectionTrait,
    from: Option<i64>,
    to: Option<i64>,
    within_capacity: bool,
    now: DateTime<Utc>,
) -> AppResult<()> {
    if from == to {
        return Ok(());
    }
    if let Some(m) = from {
        Entity::update_many()
            .col_expr(Column::ActiveCases, Expr::col(Column::ActiveCases).sub(1))
            .col_expr(
                Column::UpdatedAt,
                Expr::value(DateTimeWithTimeZone::from(now)),
            )
            .filter(Column::UserId.eq(m))
            .filter(Column::ActiveCases.gt(0))
            .exec(db)
            .await?;
    }
    if let Some(m) = to {
        let mut q = Entity::update_many()
            .col_expr(Column::ActiveCases, Expr::col(Column::ActiveCases).add(1))
            .col_expr(
                Column::UpdatedAt,
                Expr::value(DateTimeWithTimeZone::from(now)),
            )
            .filter(Column::UserId.eq(m));
        if within_capacity {
            q = q.filter(Expr::col(Column::ActiveCases).lt(Expr::col(Column::Capacity)));
        }
        if q.exec(db).await?.rows_affected == 0 && within_capacity {
            return Err(AppError::Conflict(
                "the mediator reached their capacity a moment ago; try again".into(),
            ));
        }
    }
    Ok(())
}
