pub mod audit_verify;
pub mod demo;
pub mod seed_demo;
