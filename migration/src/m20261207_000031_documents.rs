use sea_orm_migration::{prelude::*, schema::*};

use crate::util::{self, fk, index, table, unique_index};

/// Evidence documents and their content. A document belongs to a case, and to the pleading
/// it was filed with when there is one; its content is kept in the database in chunks, so
/// every node sees it and a database backup is a backup of the case file. Its SHA-256 enters
/// the case's audit chain when it is added.
#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            table("documents")
                .col(big_pk_auto("id"))
                .col(uuid_uniq("pid"))
                .col(big_integer("case_id"))
                .col(big_integer_null("submission_id"))
                .col(big_integer("author_id"))
                .col(string("party"))
                .col(string("title"))
                .col(string("language"))
                .col(string("file_name"))
                .col(string("media_type"))
                .col(big_integer("size"))
                .col(string("sha256"))
                .foreign_key(&mut fk("documents", "case_id", "cases"))
                .foreign_key(&mut fk("documents", "submission_id", "submissions"))
                .foreign_key(&mut fk("documents", "author_id", "users"))
                .to_owned(),
        )
        .await?;
        index(m, "documents", &["case_id"]).await?;
        m.create_table(
            table("document_chunks")
                .col(big_pk_auto("id"))
                .col(big_integer("document_id"))
                .col(integer("seq"))
                .col(blob("data"))
                .foreign_key(&mut fk("document_chunks", "document_id", "documents"))
                .to_owned(),
        )
        .await?;
        unique_index(m, "document_chunks", &["document_id", "seq"]).await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        util::drop(m, "document_chunks").await?;
        util::drop(m, "documents").await
    }
}
