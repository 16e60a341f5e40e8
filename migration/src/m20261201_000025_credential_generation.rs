use sea_orm_migration::{prelude::*, schema::*};

/// Each account counts the generations of its credentials: a bearer token carries the
/// generation it was issued in, and a password reset or a deactivation starts a new one, so
/// every token issued before stops working at once on every node (as do the sessions and
/// the calendar feed, which those steps end), and a reactivated account revives none of them.
#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.alter_table(
            Table::alter()
                .table(Alias::new("users"))
                .add_column(big_integer("credential_generation").default(0))
                .to_owned(),
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.alter_table(
            Table::alter()
                .table(Alias::new("users"))
                .drop_column(Alias::new("credential_generation"))
                .to_owned(),
        )
        .await
    }
}
