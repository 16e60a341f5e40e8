mod auth;
mod page;
mod prepare_data;
