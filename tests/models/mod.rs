mod audit_chain;
mod lifecycle;
mod sessions;
mod settings;
