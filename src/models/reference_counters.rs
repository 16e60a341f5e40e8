//! Rows of `reference_counters`; their rules live with the case that owns them (`cases::actions`).
pub use super::_entities::reference_counters::{ActiveModel, Column, Entity, Model};

impl sea_orm::ActiveModelBehavior for ActiveModel {}
