use sea_orm_migration::{prelude::*, schema::*};

/// Each case carries the instant its soonest running clock falls due (`next_due_at`, null
/// when no clock runs or every running clock is paused), kept by the deadlines module in the
/// same transaction as every clock change, as ticket systems keep a ticket's escalation time
/// on the ticket. A mediator's caseload is then read in due order from one index instead of
/// looking up the clocks of every case they hold.
#[derive(DeriveMigrationName)]
pub struct Migration;

const OLD: &[(&str, &str)] = &[(
    "idx-cases-mediator_id-status",
    "ON cases (mediator_id, status)",
)];

const NEW: &[(&str, &str)] = &[(
    "idx-cases-mediator_id-status-next_due_at",
    "ON cases (mediator_id, status, next_due_at)",
)];

/// The same statement keeps the column in the model (`deadlines::sync_soonest`); here it
/// fills it for every case at once.
const BACKFILL: &str = "UPDATE cases SET next_due_at = (SELECT MIN(d.due_at) FROM deadlines d \
     WHERE d.case_id = cases.id AND d.met_at IS NULL AND d.cancelled_at IS NULL)";

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.alter_table(
            Table::alter()
                .table(Alias::new("cases"))
                .add_column(timestamp_with_time_zone_null("next_due_at"))
                .to_owned(),
        )
        .await?;
        m.get_connection().execute_unprepared(BACKFILL).await?;
        crate::util::drop_indexes(m, OLD).await?;
        crate::util::create_indexes(m, NEW).await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        crate::util::drop_indexes(m, NEW).await?;
        crate::util::create_indexes(m, OLD).await?;
        m.alter_table(
            Table::alter()
                .table(Alias::new("cases"))
                .drop_column(Alias::new("next_due_at"))
                .to_owned(),
        )
        .await
    }
}
