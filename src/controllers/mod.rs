pub mod admin;
pub mod auth;
pub mod cases;
pub mod docs;
#[cfg(test)]
mod edge_tests;
pub mod extract;
pub mod mediators;
pub mod notices;
pub mod oversight;
pub mod reference;
pub mod register;
pub mod web;
