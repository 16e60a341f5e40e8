mod browser;
mod faults;
mod models;
mod pages;
mod requests;
mod support;
mod tasks;
mod workers;
