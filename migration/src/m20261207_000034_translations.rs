use sea_orm_migration::{prelude::*, schema::*};

use crate::util::{self, fk, index, table};

/// Translations on a clock. A party asks for a pleading, a message or a document in one of
/// the six languages; the request runs a registry clock (`deadline_id`) and, until it is met,
/// pauses the clocks of the party that asked. The translation provided is a pleading of its
/// own (`translation_id`), read by the audience of its original, which stays authentic.
/// `working_days` is how long it took, on the calendar in force when it was provided (as a
/// case keeps its own timings), for oversight's language-parity ledger.
#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            table("translations")
                .col(big_pk_auto("id"))
                .col(uuid_uniq("pid"))
                .col(big_integer("case_id"))
                .col(big_integer_null("submission_id"))
                .col(big_integer_null("document_id"))
                .col(string("source_language"))
                .col(string("language"))
                .col(string("audience"))
                .col(big_integer("requested_by_id"))
                .col(string("party"))
                .col(big_integer("deadline_id"))
                .col(big_integer_null("translation_id"))
                .col(big_integer_null("provided_by_id"))
                .col(timestamp_with_time_zone_null("provided_at"))
                .col(big_integer_null("working_days"))
                .foreign_key(&mut fk("translations", "case_id", "cases"))
                .foreign_key(&mut fk("translations", "submission_id", "submissions"))
                .foreign_key(&mut fk("translations", "document_id", "documents"))
                .foreign_key(&mut fk("translations", "requested_by_id", "users"))
                .foreign_key(&mut fk("translations", "deadline_id", "deadlines"))
                .foreign_key(&mut fk("translations", "translation_id", "submissions"))
                .foreign_key(&mut fk("translations", "provided_by_id", "users"))
                .to_owned(),
        )
        .await?;
        index(m, "translations", &["case_id"]).await?;
        index(m, "translations", &["deadline_id"]).await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        util::drop(m, "translations").await
    }
}
