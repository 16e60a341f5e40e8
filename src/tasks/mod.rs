pub mod audit_verify;
pub mod demo;
pub mod digests;
pub mod figures;
pub mod mail;
pub mod notices;
pub mod seed_demo;
pub mod synthetic;
