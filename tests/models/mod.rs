mod audit_chain;
mod lifecycle;
mod sessions;
mod settings;
mod sign_in;
