use sea_orm_migration::prelude::*;

/// Indexes behind the pages' lists: each list is read in the order it is shown, and the
/// filters on running clocks (overdue, awaiting a party) look only at open clocks, which
/// stay few while met ones accumulate for ever. Same SQL on PostgreSQL and SQLite.
#[derive(DeriveMigrationName)]
pub struct Migration;

const INDEXES: &[(&str, &str)] = &[
    (
        "idx-cases-status-filed_at",
        "ON cases (status, filed_at, id)",
    ),
    (
        "idx-cases-mediator_id-filed_at",
        "ON cases (mediator_id, filed_at, id)",
    ),
    // With `served_at`, a respondent's cases are counted from the index alone.
    (
        "idx-cases-respondent_body_id-filed_at",
        "ON cases (respondent_body_id, filed_at, id, served_at)",
    ),
    (
        "idx-cases-respondent_delegation_id-filed_at",
        "ON cases (respondent_delegation_id, filed_at, id, served_at)",
    ),
    (
        "idx-cases-registered_at-filed_at",
        "ON cases (registered_at, filed_at, id)",
    ),
    (
        "idx-deadlines-open-due_at",
        "ON deadlines (due_at, case_id) WHERE met_at IS NULL AND cancelled_at IS NULL",
    ),
    (
        "idx-deadlines-open-party",
        "ON deadlines (party, case_id) WHERE met_at IS NULL AND cancelled_at IS NULL",
    ),
];

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        crate::util::create_indexes(m, INDEXES).await?;
        // The register's search by the beginning of a reference (`LIKE 'GR-2026-%'`):
        // PostgreSQL uses an index for it only with pattern operators, whatever the
        // database's collation. SQLite's GLOB uses the unique index already there.
        if m.get_database_backend() == sea_orm_migration::sea_orm::DatabaseBackend::Postgres {
            m.get_connection()
                .execute_unprepared(
                    "CREATE INDEX \"idx-cases-reference-pattern\" ON cases (reference text_pattern_ops)",
                )
                .await?;
        }
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        if m.get_database_backend() == sea_orm_migration::sea_orm::DatabaseBackend::Postgres {
            m.get_connection()
                .execute_unprepared("DROP INDEX \"idx-cases-reference-pattern\"")
                .await?;
        }
        crate::util::drop_indexes(m, INDEXES).await
    }
}
