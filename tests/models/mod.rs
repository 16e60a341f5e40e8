mod audit_chain;
mod lifecycle;
