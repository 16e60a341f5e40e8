pub mod app;
pub mod controllers;
pub mod errors;
pub mod models;
pub mod settings;
pub mod tasks;
pub mod views;
