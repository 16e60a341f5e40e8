mod audit_chain;
mod calendars;
mod lifecycle;
mod sessions;
mod settings;
mod sign_in;
