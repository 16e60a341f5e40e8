use sea_orm_migration::{prelude::*, schema::*};

use crate::util::{self, index, table};

/// Failed sign-ins per address, for throttling password guessing.
///
/// Rows are keyed by a hash of the normalized address, whether or not anyone is accredited
/// with it, so a lockout says nothing about who has an account and the table holds no
/// address in the clear. A row lives while failures accumulate in the window or a lockout
/// runs; a successful sign-in removes it.
#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            table("sign_in_failures")
                .col(big_pk_auto("id"))
                .col(string_uniq("subject"))
                .col(integer("failures"))
                .col(timestamp_with_time_zone("window_started_at"))
                .col(timestamp_with_time_zone_null("locked_until"))
                .to_owned(),
        )
        .await?;
        index(m, "sign_in_failures", &["window_started_at"]).await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        util::drop(m, "sign_in_failures").await
    }
}
