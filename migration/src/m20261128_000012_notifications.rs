use sea_orm_migration::{prelude::*, schema::*};

use crate::util::{self, fk, index, table};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            table("notifications")
                .col(big_pk_auto("id"))
                .col(big_integer("user_id"))
                .col(big_integer_null("case_id"))
                .col(string("kind"))
                .col(string("locale"))
                .col(text("payload"))
                .col(string_uniq("dedupe_key"))
                .col(big_integer("attempts"))
                .col(timestamp_with_time_zone("next_attempt_at"))
                .col(timestamp_with_time_zone_null("sent_at"))
                .col(timestamp_with_time_zone_null("failed_at"))
                .col(text_null("last_error"))
                .foreign_key(&mut fk("notifications", "user_id", "users"))
                .foreign_key(&mut fk("notifications", "case_id", "cases"))
                .to_owned(),
        )
        .await?;
        index(m, "notifications", &["next_attempt_at"]).await?;
        index(m, "notifications", &["case_id"]).await?;
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        util::drop(m, "notifications").await
    }
}
