use sea_orm_migration::{prelude::*, schema::*};

use crate::util::{self, fk, table, unique_index};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            table("case_events")
                .col(big_pk_auto("id"))
                .col(big_integer("case_id"))
                .col(big_integer("seq"))
                .col(big_integer_null("actor_id"))
                .col(string("action"))
                .col(string_null("from_status"))
                .col(string_null("to_status"))
                .col(text("detail"))
                .col(timestamp_with_time_zone("occurred_at"))
                .col(string("prev_hash"))
                .col(string("hash"))
                .foreign_key(&mut fk("case_events", "case_id", "cases"))
                .foreign_key(&mut fk("case_events", "actor_id", "users"))
                .to_owned(),
        )
        .await?;
        unique_index(m, "case_events", &["case_id", "seq"]).await?;
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        util::drop(m, "case_events").await
    }
}
