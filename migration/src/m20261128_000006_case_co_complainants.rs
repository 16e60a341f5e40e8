use sea_orm_migration::{prelude::*, schema::*};

use crate::util::{self, fk, index, table};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            table("case_co_complainants")
                .col(big_integer("case_id"))
                .col(big_integer("delegation_id"))
                .primary_key(
                    Index::create()
                        .name("pk-case_co_complainants")
                        .col(Alias::new("case_id"))
                        .col(Alias::new("delegation_id")),
                )
                .foreign_key(&mut fk("case_co_complainants", "case_id", "cases"))
                .foreign_key(&mut fk(
                    "case_co_complainants",
                    "delegation_id",
                    "delegations",
                ))
                .to_owned(),
        )
        .await?;
        index(m, "case_co_complainants", &["delegation_id"]).await?;
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        util::drop(m, "case_co_complainants").await
    }
}
