mod access;
mod assignment;
mod auth;
mod concurrency;
mod docs;
mod lifecycle;
mod oversight;
mod validation;
