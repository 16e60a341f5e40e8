use sea_orm_migration::{prelude::*, schema::*};

use crate::util::{self, fk, index, table};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            table("holds")
                .col(big_pk_auto("id"))
                .col(big_integer("case_id"))
                .col(text("reason"))
                .col(big_integer("placed_by_id"))
                .col(timestamp_with_time_zone("placed_at"))
                .col(big_integer_null("lifted_by_id"))
                .col(timestamp_with_time_zone_null("lifted_at"))
                .foreign_key(&mut fk("holds", "case_id", "cases"))
                .foreign_key(&mut fk("holds", "placed_by_id", "users"))
                .foreign_key(&mut fk("holds", "lifted_by_id", "users"))
                .to_owned(),
        )
        .await?;
        index(m, "holds", &["case_id"]).await?;
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        util::drop(m, "holds").await
    }
}
