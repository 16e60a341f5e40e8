//! The HTTP handlers: the JSON API under `/api` and, in `web`, the pages. Each door turns a
//! domain error into its answer through the one mapping (`AppError::answer`); the API's door
//! is here, the pages' in `web`.
pub mod admin;
pub mod auth;
pub mod cases;
pub mod docs;
pub mod documents;
#[cfg(test)]
mod edge_tests;
pub mod extract;
pub mod mail;
pub mod mediators;
pub mod messages;
pub mod notices;
pub mod oversight;
pub mod reference;
pub mod register;
pub mod upload;
pub mod web;

use crate::{errors::AppError, views::problems};

/// The API's door: the status and code from the one mapping, the words in English. Logged
/// here, once, as the mapping says.
impl From<AppError> for loco_rs::Error {
    fn from(e: AppError) -> Self {
        e.log();
        Self::CustomError(e.answer().status, problems::api_body(&e))
    }
}
