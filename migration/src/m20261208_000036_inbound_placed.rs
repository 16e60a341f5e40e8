use sea_orm_migration::{prelude::*, schema::*};

/// A reply that arrived by mail and was placed on its case as a message (issue 22): the
/// kept mail points at the message it became (`submissions.id`), so the registry can go
/// from one to the other. No foreign key: SQLite cannot add one to an existing table, and
/// neither row is ever deleted.
#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.alter_table(
            Table::alter()
                .table(Alias::new("inbound_mail"))
                .add_column(big_integer_null("submission_id"))
                .to_owned(),
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.alter_table(
            Table::alter()
                .table(Alias::new("inbound_mail"))
                .drop_column(Alias::new("submission_id"))
                .to_owned(),
        )
        .await
    }
}
