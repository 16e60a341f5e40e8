#![allow(elided_lifetimes_in_paths)]
#![allow(clippy::wildcard_imports)]
pub use sea_orm_migration::prelude::*;
mod m20261128_000001_delegations;
mod m20261128_000002_bodies;
mod m20261128_000003_users;
mod m20261128_000004_holidays;
mod m20261128_000005_cases;
mod m20261128_000006_case_co_complainants;
mod m20261128_000007_deadlines;
mod m20261128_000008_holds;
mod m20261128_000009_extension_requests;
mod m20261128_000010_submissions;
mod m20261128_000011_case_events;
mod m20261128_000012_notifications;
mod m20261128_000013_reference_counters;
mod m20261128_000014_delivery;
mod m20261128_000015_mediators;
mod m20261128_000016_case_timings;
mod m20261128_000017_review_samples;
mod m20261128_000018_figure_summaries;
mod m20261128_000019_web_sessions;
mod m20261128_000020_list_indexes;
mod m20261128_000021_sign_in_failures;
mod m20261128_000022_caseload_indexes;
mod m20261129_000023_soonest_clock;
mod m20261129_000024_delegation_cases_index;
mod m20261201_000025_credential_generation;
mod m20261201_000026_stopped_at;
mod m20261207_000027_calendar_versions;
mod m20261207_000028_admin_events;
mod m20261207_000029_caseload_covering_index;
mod m20261207_000030_register_digests;
mod m20261207_000031_documents;
mod m20261207_000032_correspondence;
mod m20261207_000033_body_names;
mod m20261207_000034_translations;
mod m20261207_000035_inbound_mail;
mod m20261208_000036_inbound_placed;
mod util;

pub struct Migrator;

#[async_trait::async_trait]
impl MigratorTrait for Migrator {
    fn migrations() -> Vec<Box<dyn MigrationTrait>> {
        vec![
            Box::new(m20261128_000001_delegations::Migration),
            Box::new(m20261128_000002_bodies::Migration),
            Box::new(m20261128_000003_users::Migration),
            Box::new(m20261128_000004_holidays::Migration),
            Box::new(m20261128_000005_cases::Migration),
            Box::new(m20261128_000006_case_co_complainants::Migration),
            Box::new(m20261128_000007_deadlines::Migration),
            Box::new(m20261128_000008_holds::Migration),
            Box::new(m20261128_000009_extension_requests::Migration),
            Box::new(m20261128_000010_submissions::Migration),
            Box::new(m20261128_000011_case_events::Migration),
            Box::new(m20261128_000012_notifications::Migration),
            Box::new(m20261128_000013_reference_counters::Migration),
            Box::new(m20261128_000014_delivery::Migration),
            Box::new(m20261128_000015_mediators::Migration),
            Box::new(m20261128_000016_case_timings::Migration),
            Box::new(m20261128_000017_review_samples::Migration),
            Box::new(m20261128_000018_figure_summaries::Migration),
            Box::new(m20261128_000019_web_sessions::Migration),
            Box::new(m20261128_000020_list_indexes::Migration),
            Box::new(m20261128_000021_sign_in_failures::Migration),
            Box::new(m20261128_000022_caseload_indexes::Migration),
            Box::new(m20261129_000023_soonest_clock::Migration),
            Box::new(m20261129_000024_delegation_cases_index::Migration),
            Box::new(m20261201_000025_credential_generation::Migration),
            Box::new(m20261201_000026_stopped_at::Migration),
            Box::new(m20261207_000027_calendar_versions::Migration),
            Box::new(m20261207_000028_admin_events::Migration),
            Box::new(m20261207_000029_caseload_covering_index::Migration),
            Box::new(m20261207_000030_register_digests::Migration),
            Box::new(m20261207_000031_documents::Migration),
            Box::new(m20261207_000032_correspondence::Migration),
            Box::new(m20261207_000033_body_names::Migration),
            Box::new(m20261207_000034_translations::Migration),
            Box::new(m20261207_000035_inbound_mail::Migration),
            Box::new(m20261208_000036_inbound_placed::Migration),
            // inject-above (do not remove this comment)
        ]
    }
}
