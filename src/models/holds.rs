//! Rows of `holds`; their rules live with the case that owns them (`cases::actions`).
pub use super::_entities::holds::{ActiveModel, Column, Entity, Model};

impl sea_orm::ActiveModelBehavior for ActiveModel {}
