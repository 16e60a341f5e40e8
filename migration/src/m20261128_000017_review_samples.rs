use sea_orm_migration::{prelude::*, schema::*};

use crate::util::{self, fk, index, table};

/// Every random sample of closed cases drawn for independent review: who drew it, the seed,
/// the scope and the population it was drawn from, and the cases drawn, so anyone can redo
/// the draw and get the same cases.
#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            table("review_samples")
                .col(big_pk_auto("id"))
                .col(uuid_uniq("pid"))
                .col(big_integer("drawn_by_id"))
                // Decimal text: a seed is any unsigned 64-bit number.
                .col(string("seed"))
                .col(big_integer("size"))
                .col(big_integer("population"))
                .col(text("scope"))
                .col(text("case_references"))
                .col(timestamp_with_time_zone("drawn_at"))
                .foreign_key(&mut fk("review_samples", "drawn_by_id", "users"))
                .to_owned(),
        )
        .await?;
        index(m, "review_samples", &["drawn_at"]).await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        util::drop(m, "review_samples").await
    }
}
