//! Member-state delegations: reference data seeded from the public UN lists.
use sea_orm::{entity::prelude::*, ActiveValue::Set, QueryOrder};
use serde::Deserialize;

pub use super::_entities::delegations::{ActiveModel, Column, Entity, Model};
use super::vocabulary::RegionalGroup;
use crate::errors::{AppError, AppResult};

impl ActiveModelBehavior for ActiveModel {}

/// The member-state list shipped with the app (sources named in the file's header).
pub const MEMBER_STATES_CSV: &str = include_str!("../fixtures/un_member_states.csv");

#[derive(Debug, Deserialize)]
struct Row {
    iso3: String,
    iso2: String,
    name: String,
    regional_group: String,
    ldc: bool,
    sids: bool,
    lldc: bool,
}

impl Model {
    /// Finds a delegation by its ISO alpha-3 code, in any letter case.
    ///
    /// # Errors
    /// Database errors.
    pub async fn find_by_code(db: &impl ConnectionTrait, code: &str) -> AppResult<Option<Self>> {
        super::by_code::<Entity>(db, Column::Code, code).await
    }

    /// The id of the delegation an input names by `code`, or, when none has it, `None` and an
    /// `unknown` problem on `field`.
    ///
    /// # Errors
    /// Database errors.
    pub async fn id_named(
        db: &impl ConnectionTrait,
        code: &str,
        field: &str,
        errors: &mut crate::errors::FieldErrors,
    ) -> AppResult<Option<i64>> {
        let named = (Column::Code, "delegation");
        super::id_named::<Entity>(db, named, code, (field, errors), |m| m.id).await
    }

    /// Finds the delegations with these codes, in any letter case, in one query, keyed by code
    /// as stored (upper case).
    ///
    /// # Errors
    /// Database errors.
    pub async fn find_by_codes(
        db: &impl ConnectionTrait,
        codes: &[&str],
    ) -> AppResult<std::collections::HashMap<String, Self>> {
        super::by_codes::<Entity>(db, Column::Code, codes, |m| m.code.clone()).await
    }

    /// Least developed country or small island developing state: the groups that get extra
    /// time under the special and differential rule.
    #[must_use]
    pub const fn gets_extra_time(&self) -> bool {
        self.is_ldc || self.is_sids
    }
}

/// All delegations, by name.
///
/// # Errors
/// Database errors.
pub async fn list(db: &impl ConnectionTrait) -> AppResult<Vec<Model>> {
    Ok(Entity::find().order_by_asc(Column::Name).all(db).await?)
}

/// Loads (or refreshes) the member states from the shipped list; safe to run again.
///
/// # Errors
/// When the list is malformed or the database refuses a row.
pub async fn load_member_states(
    db: &impl ConnectionTrait,
    now: chrono::DateTime<chrono::Utc>,
) -> AppResult<usize> {
    let mut reader = csv::ReaderBuilder::new()
        .comment(Some(b'#'))
        .from_reader(MEMBER_STATES_CSV.as_bytes());
    let mut n = 0;
    for row in reader.deserialize::<Row>() {
        let row = row.map_err(|e| AppError::Corrupt(format!("member states list: {e}")))?;
        let group: RegionalGroup =
            row.regional_group.to_lowercase().parse().map_err(|_| {
                AppError::Corrupt(format!("regional group `{}`", row.regional_group))
            })?;
        let existing = Entity::find()
            .filter(Column::Code.eq(&row.iso3))
            .one(db)
            .await?;
        let mut am = existing.map_or_else(
            || ActiveModel {
                created_at: Set(now.into()),
                ..Default::default()
            },
            Into::into,
        );
        am.code = Set(row.iso3);
        am.iso2 = Set(row.iso2);
        am.name = Set(row.name);
        am.regional_group = Set(group.to_string());
        am.is_ldc = Set(row.ldc);
        am.is_sids = Set(row.sids);
        am.is_lldc = Set(row.lldc);
        am.updated_at = Set(now.into());
        am.save(db).await?;
        n += 1;
    }
    Ok(n)
}
