use sea_orm_migration::{prelude::*, schema::*};

/// Correspondence with an audience. A message, and a note written with an action, is a row of
/// `submissions` (it has an author, a side, words, documents and a seal, as a pleading has)
/// with the audience that may read it; every pleading written before has all parties as its
/// audience, as they were shown. An event about something only an audience may read carries
/// that audience in `case_events.audience` (it mirrors the sealed detail), so a timeline is
/// scoped in the query, never filtered after loading.
#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.alter_table(
            Table::alter()
                .table(Alias::new("submissions"))
                .add_column(string("audience").default("all_parties"))
                .to_owned(),
        )
        .await?;
        m.alter_table(
            Table::alter()
                .table(Alias::new("case_events"))
                .add_column(string_null("audience"))
                .to_owned(),
        )
        .await?;
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.alter_table(
            Table::alter()
                .table(Alias::new("case_events"))
                .drop_column(Alias::new("audience"))
                .to_owned(),
        )
        .await?;
        m.alter_table(
            Table::alter()
                .table(Alias::new("submissions"))
                .drop_column(Alias::new("audience"))
                .to_owned(),
        )
        .await
    }
}
