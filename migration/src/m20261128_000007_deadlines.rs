use sea_orm_migration::{prelude::*, schema::*};

use crate::util::{self, fk, index, table};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            table("deadlines")
                .col(big_pk_auto("id"))
                .col(big_integer("case_id"))
                .col(string("kind"))
                .col(string("party"))
                .col(string("unit"))
                .col(big_integer("base_days"))
                .col(big_integer("sdt_days"))
                .col(big_integer("extension_days"))
                .col(timestamp_with_time_zone("starts_at"))
                .col(timestamp_with_time_zone_null("due_at"))
                .col(timestamp_with_time_zone_null("paused_since"))
                .col(timestamp_with_time_zone_null("met_at"))
                .col(timestamp_with_time_zone_null("breached_at"))
                .col(timestamp_with_time_zone_null("cancelled_at"))
                .col(timestamp_with_time_zone_null("next_reminder_at"))
                .foreign_key(&mut fk("deadlines", "case_id", "cases"))
                .to_owned(),
        )
        .await?;
        index(m, "deadlines", &["case_id", "kind"]).await?;
        index(m, "deadlines", &["next_reminder_at"]).await?;
        index(m, "deadlines", &["due_at"]).await?;
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        util::drop(m, "deadlines").await
    }
}
