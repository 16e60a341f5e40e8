mod models;
mod requests;
mod support;
mod tasks;
mod workers;
