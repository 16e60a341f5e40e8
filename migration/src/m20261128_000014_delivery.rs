use sea_orm_migration::{prelude::*, schema::*};

use crate::util::unique_index;

/// Delivery and calendar feeds: a notice can be withdrawn before it is sent (a reminder for
/// a deadline met in the meantime), the outbox is read through an index that holds only
/// rows still waiting, and each user may hold one private calendar-feed token.
#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.alter_table(
            Table::alter()
                .table(Alias::new("notifications"))
                .add_column(timestamp_with_time_zone_null("cancelled_at"))
                .to_owned(),
        )
        .await?;
        m.drop_index(
            Index::drop()
                .name("idx-notifications-next_attempt_at")
                .table(Alias::new("notifications"))
                .to_owned(),
        )
        .await?;
        // Partial: sent, failed and withdrawn rows accumulate for ever and must not slow
        // down the claim. Same SQL on PostgreSQL and SQLite.
        m.get_connection()
            .execute_unprepared(
                "CREATE INDEX \"idx-notifications-waiting\" ON notifications (next_attempt_at) \
                 WHERE sent_at IS NULL AND failed_at IS NULL AND cancelled_at IS NULL",
            )
            .await?;
        m.get_connection()
            .execute_unprepared(
                "CREATE INDEX \"idx-notifications-failed\" ON notifications (failed_at) \
                 WHERE failed_at IS NOT NULL",
            )
            .await?;
        m.alter_table(
            Table::alter()
                .table(Alias::new("users"))
                .add_column(string_null("calendar_token_hash"))
                .to_owned(),
        )
        .await?;
        unique_index(m, "users", &["calendar_token_hash"]).await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_index(
            Index::drop()
                .name("uniq-users-calendar_token_hash")
                .table(Alias::new("users"))
                .to_owned(),
        )
        .await?;
        m.alter_table(
            Table::alter()
                .table(Alias::new("users"))
                .drop_column(Alias::new("calendar_token_hash"))
                .to_owned(),
        )
        .await?;
        for name in ["idx-notifications-waiting", "idx-notifications-failed"] {
            m.drop_index(
                Index::drop()
                    .name(name)
                    .table(Alias::new("notifications"))
                    .to_owned(),
            )
            .await?;
        }
        m.alter_table(
            Table::alter()
                .table(Alias::new("notifications"))
                .drop_column(Alias::new("cancelled_at"))
                .to_owned(),
        )
        .await?;
        crate::util::index(m, "notifications", &["next_attempt_at"]).await
    }
}
