//! Mail that reaches Redress: grievances filed by email and replies to notices (issue
//! 22). `reading` reads a message once at the edge; `token` signs and checks the reply
//! address every notice carries.
pub mod reading;
pub mod token;
