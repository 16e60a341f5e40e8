//! The organization's holiday table, which with the weekend and the home zone makes the
//! working-day calendar; and each node's copy of that calendar, kept while the table's
//! version (raised by a trigger on every change, whoever makes it) stays the same.
use std::sync::{Arc, Mutex, PoisonError};

use chrono::NaiveDate;
use sea_orm::{
    entity::prelude::*, ActiveValue::Set, QueryOrder, Statement, TransactionSession,
    TransactionTrait,
};
use serde::Deserialize;
use validator::Validate;

pub use super::_entities::holidays::{ActiveModel, Column, Entity, Model};
use super::{
    admin_log::{self, AdminChange, Subject},
    deadlines::calendar::Calendar,
    users::Actor,
};
use crate::{
    errors::{one_line, visible_2, AppError, AppResult, FieldErrors},
    settings::Settings,
};

impl ActiveModelBehavior for ActiveModel {}

/// # Errors
/// Database errors.
pub async fn list(db: &impl ConnectionTrait) -> AppResult<Vec<Model>> {
    Ok(Entity::find().order_by_asc(Column::Date).all(db).await?)
}

/// # Errors
/// 422 when the date already is a holiday.
pub async fn add(
    db: &impl ConnectionTrait,
    date: NaiveDate,
    name: &str,
    now: chrono::DateTime<chrono::Utc>,
) -> AppResult<Model> {
    if Entity::find()
        .filter(Column::Date.eq(date))
        .one(db)
        .await?
        .is_some()
    {
        FieldErrors::single("date", "taken", "this date is already a holiday").into_result()?;
    }
    Ok(ActiveModel {
        date: Set(date),
        name: Set(name.trim().to_string()),
        created_at: Set(now.into()),
        updated_at: Set(now.into()),
        ..Default::default()
    }
    .insert(db)
    .await?)
}

/// A holiday as an admin declares it (from the API or the page).
#[derive(Debug, Deserialize, Validate, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(as = NewHolidayParams)]
pub struct NewHoliday {
    #[serde(deserialize_with = "crate::models::day::bounded")]
    pub date: NaiveDate,
    #[validate(
        length(max = 200),
        custom(function = "one_line"),
        custom(function = "visible_2")
    )]
    pub name: String,
}

impl NewHoliday {
    /// Adds the holiday once its name passes.
    ///
    /// # Errors
    /// 422 per field; a date that already is a holiday is a 422 on `date`.
    pub async fn add(
        self,
        db: &(impl ConnectionTrait + TransactionTrait),
        admin: &Actor,
        now: chrono::DateTime<chrono::Utc>,
    ) -> AppResult<Model> {
        FieldErrors::refuse_invalid(&self)?;
        let txn = db.begin().await?;
        let holiday = add(&txn, self.date, &self.name, now).await?;
        let change = AdminChange::of(
            admin.id,
            Subject::Holiday,
            holiday.date.to_string(),
            None,
            Some(&holiday),
        )?;
        admin_log::record(&txn, change, now).await?;
        txn.commit().await?;
        Ok(holiday)
    }
}

/// Removes the holiday on `date` as `admin`, and records it in the administrative audit
/// chain (a holiday moves legal deadlines).
///
/// # Errors
/// 404 when there is no holiday on that date.
pub async fn remove(
    db: &(impl ConnectionTrait + TransactionTrait),
    admin: &Actor,
    date: NaiveDate,
    now: chrono::DateTime<chrono::Utc>,
) -> AppResult<()> {
    let txn = db.begin().await?;
    let holiday = Entity::find()
        .filter(Column::Date.eq(date))
        .one(&txn)
        .await?
        .ok_or(AppError::NotFound)?;
    Entity::delete_by_id(holiday.id).exec(&txn).await?;
    let change = AdminChange::of(
        admin.id,
        Subject::Holiday,
        date.to_string(),
        Some(&holiday),
        None,
    )?;
    admin_log::record(&txn, change, now).await?;
    txn.commit().await?;
    Ok(())
}

/// The organization calendar as it stands in the database and settings.
///
/// # Errors
/// Database errors, or a calendar without working days.
pub async fn calendar(db: &impl ConnectionTrait, settings: &Settings) -> AppResult<Calendar> {
    let dates = Entity::find().all(db).await?.into_iter().map(|h| h.date);
    Calendar::new(
        settings.calendar.zone,
        &settings.calendar.weekend,
        dates,
        settings.calendar.business_day_end,
    )
    .map_err(|e| AppError::Internal(format!("calendar: {e}")))
}

/// The node's calendar, built once per version of the holiday table. Asking costs one read
/// by key, or none when the request has read the version already ([`version_expr`] rides on
/// the account's read); a change on any node shows on every node at its next request.
#[derive(Debug, Default)]
pub struct Calendars {
    kept: Mutex<Option<(CalendarVersion, Arc<Calendar>)>>,
}

/// A version of the holiday table: every change to a holiday raises it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CalendarVersion(pub i64);

/// The holiday table's version as a column of another statement, so a request reads it with
/// its account instead of on its own.
#[must_use]
pub fn version_expr() -> Expr {
    Expr::cust(VERSION_SQL_SUBQUERY)
}

const VERSION_SQL_SUBQUERY: &str = "(SELECT version FROM calendar_versions WHERE id = 1)";

impl Calendars {
    /// The calendar in force.
    ///
    /// # Errors
    /// Database errors, or a calendar without working days.
    pub async fn current(
        &self,
        db: &impl ConnectionTrait,
        settings: &Settings,
    ) -> AppResult<Arc<Calendar>> {
        let version = version(db).await?;
        self.at(db, settings, version).await
    }

    /// The calendar of `version`, read before now in the same request: built again only when
    /// the holidays changed since this node last built it.
    ///
    /// # Errors
    /// Database errors, or a calendar without working days.
    pub async fn at(
        &self,
        db: &impl ConnectionTrait,
        settings: &Settings,
        version: CalendarVersion,
    ) -> AppResult<Arc<Calendar>> {
        // The version is read before the holidays: a change landing in between raises it
        // again, so a calendar is never kept under a version newer than its holidays.
        let kept = self
            .kept
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .clone();
        if let Some((_, calendar)) = kept.filter(|(v, _)| *v == version) {
            return Ok(calendar);
        }
        let calendar = Arc::new(calendar(db, settings).await?);
        *self.kept.lock().unwrap_or_else(PoisonError::into_inner) =
            Some((version, Arc::clone(&calendar)));
        Ok(calendar)
    }
}

/// The holiday table's version.
async fn version(db: &impl ConnectionTrait) -> AppResult<CalendarVersion> {
    let row = db
        .query_one_raw(Statement::from_string(
            db.get_database_backend(),
            format!("SELECT {VERSION_SQL_SUBQUERY} AS version"),
        ))
        .await?
        .ok_or_else(|| AppError::Corrupt("calendar_versions has no row".into()))?;
    Ok(CalendarVersion(row.try_get::<i64>("", "version")?))
}
