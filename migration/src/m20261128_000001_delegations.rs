use sea_orm_migration::{prelude::*, schema::*};

use crate::util::{self, index, table};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            table("delegations")
                .col(big_pk_auto("id"))
                .col(string_len_uniq("code", 3))
                .col(string_len_uniq("iso2", 2))
                .col(string("name"))
                .col(string("regional_group"))
                .col(boolean("is_ldc"))
                .col(boolean("is_sids"))
                .col(boolean("is_lldc"))
                .to_owned(),
        )
        .await?;
        index(m, "delegations", &["regional_group"]).await?;
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        util::drop(m, "delegations").await
    }
}
