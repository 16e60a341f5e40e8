use sea_orm_migration::{prelude::*, schema::*};

/// A body's name in the other languages the pages speak, as a JSON object keyed by language
/// (`{"fr": "Conseil des droits de l'homme"}`); the `name` column stays the name it is kept
/// and sorted under. A body added before has no translations and is shown by that name.
#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.alter_table(
            Table::alter()
                .table(Alias::new("bodies"))
                .add_column(text("names").default("{}"))
                .to_owned(),
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.alter_table(
            Table::alter()
                .table(Alias::new("bodies"))
                .drop_column(Alias::new("names"))
                .to_owned(),
        )
        .await
    }
}
