use sea_orm_migration::{prelude::*, schema::*};

use crate::util::{self, fk, index, table};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            table("extension_requests")
                .col(big_pk_auto("id"))
                .col(uuid_uniq("pid"))
                .col(big_integer("case_id"))
                .col(big_integer("deadline_id"))
                .col(big_integer("requested_by_id"))
                .col(text("reason"))
                .col(big_integer("days"))
                .col(string("status"))
                .col(big_integer_null("decided_by_id"))
                .col(timestamp_with_time_zone_null("decided_at"))
                .col(text_null("decision_note"))
                .foreign_key(&mut fk("extension_requests", "case_id", "cases"))
                .foreign_key(&mut fk("extension_requests", "deadline_id", "deadlines"))
                .foreign_key(&mut fk("extension_requests", "requested_by_id", "users"))
                .foreign_key(&mut fk("extension_requests", "decided_by_id", "users"))
                .to_owned(),
        )
        .await?;
        index(m, "extension_requests", &["case_id"]).await?;
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        util::drop(m, "extension_requests").await
    }
}
