mod audit_chain;
mod lifecycle;
mod settings;
