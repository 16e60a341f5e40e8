use sea_orm_migration::{prelude::*, schema::*};

use crate::util::{self, fk, index, table};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            table("submissions")
                .col(big_pk_auto("id"))
                .col(uuid_uniq("pid"))
                .col(big_integer("case_id"))
                .col(string("kind"))
                .col(big_integer("author_id"))
                .col(string("party"))
                .col(string("language"))
                .col(text("body"))
                .col(big_integer_null("deadline_id"))
                .foreign_key(&mut fk("submissions", "case_id", "cases"))
                .foreign_key(&mut fk("submissions", "author_id", "users"))
                .foreign_key(&mut fk("submissions", "deadline_id", "deadlines"))
                .to_owned(),
        )
        .await?;
        index(m, "submissions", &["case_id"]).await?;
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        util::drop(m, "submissions").await
    }
}
