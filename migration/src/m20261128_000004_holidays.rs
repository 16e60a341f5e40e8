use sea_orm_migration::{prelude::*, schema::*};

use crate::util::{self, table};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            table("holidays")
                .col(big_pk_auto("id"))
                .col(date_uniq("date"))
                .col(string("name"))
                .to_owned(),
        )
        .await?;
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        util::drop(m, "holidays").await
    }
}
