pub mod admin;
pub mod auth;
pub mod cases;
pub mod docs;
pub mod extract;
pub mod mediators;
pub mod notices;
pub mod reference;
