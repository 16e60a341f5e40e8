//! Rows of `submissions`; their rules live with the case that owns them (`cases::actions`).
pub use super::_entities::submissions::{ActiveModel, Column, Entity, Model};

impl sea_orm::ActiveModelBehavior for ActiveModel {}
