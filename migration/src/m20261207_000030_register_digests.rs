use sea_orm_migration::{prelude::*, schema::*};

use crate::util::{self, index, table, unique_index};

/// The public register's daily digests: for each day (UTC), the root of a Merkle tree over
/// the hashes of every audit event written that day (every case's chain, then the
/// administrative chain) and how many there were. Published once, never changed: anyone who
/// keeps a copy can later prove that an event (a filing, a pleading) was in the chain that day.
#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            table("register_digests")
                .col(big_pk_auto("id"))
                .col(date("day"))
                .col(string("root"))
                .col(big_integer("leaves"))
                .col(timestamp_with_time_zone("published_at"))
                .to_owned(),
        )
        .await?;
        unique_index(m, "register_digests", &["day"]).await?;
        // A day's events are read by their instant: to publish, to verify, and for the
        // public inclusion path, which must not scan every chain.
        index(m, "case_events", &["occurred_at"]).await?;
        index(m, "admin_events", &["occurred_at"]).await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        for (table, name) in [
            ("case_events", "idx-case_events-occurred_at"),
            ("admin_events", "idx-admin_events-occurred_at"),
        ] {
            m.drop_index(Index::drop().name(name).table(Alias::new(table)).to_owned())
                .await?;
        }
        util::drop(m, "register_digests").await
    }
}
