//! Rows of `extension_requests`; their rules live with the case that owns them (`cases::actions`).
pub use super::_entities::extension_requests::{ActiveModel, Column, Entity, Model};

impl sea_orm::ActiveModelBehavior for ActiveModel {}
