mod access;
mod auth;
mod concurrency;
mod lifecycle;
mod validation;
