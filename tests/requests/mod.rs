mod access;
mod auth;
mod concurrency;
mod docs;
mod lifecycle;
mod validation;
