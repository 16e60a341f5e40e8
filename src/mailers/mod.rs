pub mod notices;
