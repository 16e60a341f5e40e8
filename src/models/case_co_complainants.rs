//! Rows of `case_co_complainants`; their rules live with the case that owns them (`cases::actions`).
pub use super::_entities::case_co_complainants::{ActiveModel, Column, Entity, Model};

impl sea_orm::ActiveModelBehavior for ActiveModel {}
