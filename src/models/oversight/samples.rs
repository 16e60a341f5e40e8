//! Random samples of closed cases for independent review. A draw is reproducible: the
//! closed cases of the scope, in id order, are sampled with a ChaCha8 generator seeded by
//! the recorded seed, so the same seed over the same population always gives the same
//! cases. Every draw is recorded (who, when, seed, scope, population, cases).
use chrono::{DateTime, Utc};
use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;
use sea_orm::{entity::prelude::*, ActiveValue::Set, QueryOrder, QuerySelect};
use serde::Serialize;

use crate::errors::{AppError, AppResult, FieldErrors, Said};
pub use crate::models::_entities::review_samples::{ActiveModel, Column, Entity, Model};
use crate::models::{_entities::cases, oversight::metrics::Scope, users::Actor};

impl ActiveModelBehavior for ActiveModel {}

/// A recorded draw.
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct Draw {
    pub pid: String,
    pub seed: String,
    pub size: u64,
    /// Closed cases in the scope when the draw was made.
    pub population: u64,
    /// The scope as asked: period and filters.
    pub scope: serde_json::Value,
    /// References of the cases drawn, in filing order.
    pub cases: Vec<String>,
    pub drawn_at: DateTime<Utc>,
    pub drawn_by: String,
}

impl Draw {
    fn of(m: &Model, drawn_by: String) -> AppResult<Self> {
        Ok(Self {
            pid: m.pid.to_string(),
            seed: m.seed.clone(),
            size: u64::try_from(m.size).unwrap_or(0),
            population: u64::try_from(m.population).unwrap_or(0),
            scope: serde_json::from_str(&m.scope)
                .map_err(|e| AppError::Corrupt(format!("sample {}: {e}", m.pid)))?,
            cases: serde_json::from_str(&m.case_references)
                .map_err(|e| AppError::Corrupt(format!("sample {}: {e}", m.pid)))?,
            drawn_at: m.drawn_at.to_utc(),
            drawn_by,
        })
    }
}

/// The positions (in id order) a draw of `size` among `population` takes for `seed`.
#[must_use]
pub fn positions(seed: u64, population: usize, size: usize) -> Vec<usize> {
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    let mut picked =
        rand::seq::index::sample(&mut rng, population, size.min(population)).into_vec();
    picked.sort_unstable();
    picked
}

/// What a reviewer asks for: `size` closed cases of a scope (described as asked, for the
/// record), drawn with `seed`.
pub struct Ask<'a> {
    pub scope: &'a Scope,
    pub described: serde_json::Value,
    pub seed: u64,
    pub size: u32,
}

/// Draws and records the sample `ask` describes, of at most `max` cases.
///
/// # Errors
/// 422 for a size of 0 or above `max`; database errors.
pub async fn draw(
    db: &impl ConnectionTrait,
    actor: &Actor,
    ask: Ask<'_>,
    max: u32,
    now: DateTime<Utc>,
) -> AppResult<Draw> {
    let Ask {
        scope,
        described,
        seed,
        size,
    } = ask;
    if size == 0 || size > max {
        return Err(AppError::Validation(FieldErrors::single_said(
            "size",
            "range",
            Said::new("field-sample-size").number("max", max),
        )));
    }
    let closed: Vec<(i64, String)> = cases::Entity::find()
        .select_only()
        .column(cases::Column::Id)
        .column(cases::Column::Reference)
        .filter(scope.condition())
        .filter(cases::Column::ClosedAt.is_not_null())
        .order_by_asc(cases::Column::Id)
        .into_tuple()
        .all(db)
        .await?;
    let size = usize::try_from(size).unwrap_or(usize::MAX);
    let picked: Vec<String> = positions(seed, closed.len(), size)
        .into_iter()
        .filter_map(|i| closed.get(i).map(|(_, r)| r.clone()))
        .collect();
    let row = ActiveModel {
        pid: Set(Uuid::new_v4()),
        drawn_by_id: Set(actor.id),
        seed: Set(seed.to_string()),
        size: Set(i64::try_from(picked.len()).unwrap_or(0)),
        population: Set(i64::try_from(closed.len()).unwrap_or(0)),
        scope: Set(described.to_string()),
        case_references: Set(serde_json::to_string(&picked).unwrap_or_else(|_| "[]".into())),
        drawn_at: Set(now.into()),
        created_at: Set(now.into()),
        updated_at: Set(now.into()),
        ..Default::default()
    }
    .insert(db)
    .await?;
    tracing::info!(
        sample.pid = %row.pid,
        sample.seed = seed,
        sample.size = picked.len(),
        sample.population = closed.len(),
        user.pid = %actor.pid,
        "review sample drawn"
    );
    Draw::of(&row, actor.name.clone())
}

/// Every recorded draw, newest first.
///
/// # Errors
/// Database errors; a stored draw that does not parse.
pub async fn list(db: &impl ConnectionTrait) -> AppResult<Vec<Draw>> {
    let rows = Entity::find()
        .order_by_desc(Column::DrawnAt)
        .order_by_desc(Column::Id)
        .find_also_related(crate::models::users::Entity)
        .all(db)
        .await?;
    rows.iter()
        .map(|(m, u)| Draw::of(m, u.as_ref().map(|u| u.name.clone()).unwrap_or_default()))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_seed_draws_the_same_positions_and_another_seed_does_not() {
        let a = positions(42, 1000, 10);
        assert_eq!(a, positions(42, 1000, 10));
        assert_ne!(a, positions(43, 1000, 10));
        assert_eq!(a.len(), 10);
        assert!(a.windows(2).all(|w| w[0] < w[1]) && a.iter().all(|p| *p < 1000));
        assert_eq!(
            positions(7, 3, 10),
            vec![0, 1, 2],
            "a small population is taken whole"
        );
    }
}
