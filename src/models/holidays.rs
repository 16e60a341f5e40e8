//! The organization's holiday table, which with the weekend and the home zone makes the
//! working-day calendar.
use chrono::NaiveDate;
use sea_orm::{entity::prelude::*, ActiveValue::Set, QueryOrder};

pub use super::_entities::holidays::{ActiveModel, Column, Entity, Model};
use super::deadlines::calendar::Calendar;
use crate::{
    errors::{AppError, AppResult, FieldErrors},
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

/// # Errors
/// 404 when there is no holiday on that date.
pub async fn remove(db: &impl ConnectionTrait, date: NaiveDate) -> AppResult<()> {
    let res = Entity::delete_many()
        .filter(Column::Date.eq(date))
        .exec(db)
        .await?;
    if res.rows_affected == 0 {
        return Err(AppError::NotFound);
    }
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
