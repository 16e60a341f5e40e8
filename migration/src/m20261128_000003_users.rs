use sea_orm_migration::{prelude::*, schema::*};

use crate::util::{self, fk, index, table, unique_index};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            table("users")
                .col(big_pk_auto("id"))
                .col(uuid_uniq("pid"))
                .col(string_uniq("email"))
                .col(string("password"))
                .col(string_uniq("api_key"))
                .col(string("name"))
                .col(string("role"))
                .col(big_integer_null("delegation_id"))
                .col(big_integer_null("body_id"))
                .col(string("locale"))
                .col(string("time_zone"))
                .col(boolean("active"))
                .col(string_null("reset_token_hash"))
                .col(timestamp_with_time_zone_null("reset_sent_at"))
                .foreign_key(&mut fk("users", "delegation_id", "delegations"))
                .foreign_key(&mut fk("users", "body_id", "bodies"))
                .to_owned(),
        )
        .await?;
        index(m, "users", &["role"]).await?;
        index(m, "users", &["delegation_id"]).await?;
        index(m, "users", &["body_id"]).await?;
        unique_index(m, "users", &["reset_token_hash"]).await?;
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        util::drop(m, "users").await
    }
}
