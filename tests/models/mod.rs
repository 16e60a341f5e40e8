mod audit_chain;
mod calendars;
mod inbound;
mod lifecycle;
mod mail_reading;
mod sessions;
mod settings;
mod sign_in;
