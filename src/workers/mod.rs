pub mod mailbox;
pub mod outbox;
