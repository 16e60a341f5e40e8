use sea_orm_migration::{prelude::*, schema::*};

use crate::util::{self, fk, table, unique_index};

/// The administrative audit chain: one chain for the whole organization, each event a change
/// an administrator made (who, when, to what, before and after) or a change of the procedural
/// policy the app was started with (no one: the configuration), hashed with the previous
/// event's hash so an edited, inserted or deleted entry breaks it.
#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            table("admin_events")
                .col(big_pk_auto("id"))
                .col(big_integer("seq"))
                .col(big_integer_null("actor_id"))
                .col(string("subject"))
                .col(string("subject_key"))
                .col(string("action"))
                .col(text_null("before"))
                .col(text_null("after"))
                .col(timestamp_with_time_zone("occurred_at"))
                .col(string("prev_hash"))
                .col(string("hash"))
                .foreign_key(&mut fk("admin_events", "actor_id", "users"))
                .to_owned(),
        )
        .await?;
        unique_index(m, "admin_events", &["seq"]).await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        util::drop(m, "admin_events").await
    }
}
