use sea_orm_migration::{prelude::*, schema::*};

/// When a case stopped being open (dismissed, withdrawn or closed), cleared when an appeal
/// reopens it: the public register's days open end there, not at today. Cases that stopped
/// before this migration take the instant of the event that moved them to where they are.
#[derive(DeriveMigrationName)]
pub struct Migration;

const BACKFILL: &str = "UPDATE cases SET stopped_at = COALESCE(closed_at, \
     (SELECT MAX(e.occurred_at) FROM case_events e WHERE e.case_id = cases.id \
      AND e.to_status = cases.status), updated_at) \
     WHERE status IN ('dismissed', 'withdrawn', 'closed')";

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.alter_table(
            Table::alter()
                .table(Alias::new("cases"))
                .add_column(timestamp_with_time_zone_null("stopped_at"))
                .to_owned(),
        )
        .await?;
        m.get_connection().execute_unprepared(BACKFILL).await?;
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.alter_table(
            Table::alter()
                .table(Alias::new("cases"))
                .drop_column(Alias::new("stopped_at"))
                .to_owned(),
        )
        .await
    }
}
