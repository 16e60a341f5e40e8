use sea_orm_migration::{prelude::*, schema::*};

use crate::util::{self, fk, index, table};

/// Mail that reached Redress (issue 22), every message kept as it arrived (`raw`), taken
/// once by its key (its Message-ID, or a digest of its bytes when it has none): the same
/// message delivered twice, by the mailbox and by the pipe or after a crash, is one row.
/// `outcome` says what became of it (a bounce recorded on its notice, an automatic message
/// set aside, or the registry's review queue) and `reason` why.
#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            table("inbound_mail")
                .col(big_pk_auto("id"))
                .col(uuid_uniq("pid"))
                .col(string_uniq("message_key"))
                .col(string("via"))
                .col(timestamp_with_time_zone("arrived_at"))
                .col(string_null("sender"))
                .col(string("subject"))
                .col(string("outcome"))
                .col(string_null("reason"))
                .col(big_integer_null("notice_id"))
                .col(big_integer_null("case_id"))
                .col(big_integer("size"))
                .col(blob("raw"))
                .foreign_key(&mut fk("inbound_mail", "notice_id", "notifications"))
                .foreign_key(&mut fk("inbound_mail", "case_id", "cases"))
                .to_owned(),
        )
        .await?;
        index(m, "inbound_mail", &["outcome", "arrived_at"]).await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        util::drop(m, "inbound_mail").await
    }
}
