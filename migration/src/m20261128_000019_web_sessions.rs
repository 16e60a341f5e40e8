use sea_orm_migration::{prelude::*, schema::*};

use crate::util::{self, fk, index, table, unique_index};

/// Browser sessions and the forms they have already sent.
///
/// A session is a row, not a signed token, so that signing out (or an admin deactivating
/// someone) ends it at once on every node; only a hash of its token is stored. A form
/// carries a one-time key: `form_replays` remembers where each key led, so a form sent twice
/// (a double click, a retried request on a bad connection) acts once and lands on the same
/// page.
#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            table("web_sessions")
                .col(big_pk_auto("id"))
                .col(string_uniq("token_hash"))
                .col(big_integer("user_id"))
                .col(timestamp_with_time_zone("expires_at"))
                .foreign_key(&mut fk("web_sessions", "user_id", "users"))
                .to_owned(),
        )
        .await?;
        index(m, "web_sessions", &["user_id"]).await?;
        index(m, "web_sessions", &["expires_at"]).await?;
        m.create_table(
            table("form_replays")
                .col(big_pk_auto("id"))
                .col(big_integer("user_id"))
                .col(string("key"))
                .col(text("location"))
                .foreign_key(&mut fk("form_replays", "user_id", "users"))
                .to_owned(),
        )
        .await?;
        unique_index(m, "form_replays", &["user_id", "key"]).await?;
        index(m, "form_replays", &["created_at"]).await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        util::drop(m, "form_replays").await?;
        util::drop(m, "web_sessions").await
    }
}
