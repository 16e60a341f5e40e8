use sea_orm_migration::{prelude::*, schema::*};

use crate::util::{self, fk, table, unique_index};

/// Oversight's figures kept as summaries per filing day and per filing month for each body,
/// so that a period of any length is read from a few hundred small rows rather than from
/// every case in it. Each change to a case appends its filing day to `figure_changes`; the
/// summaries of those days and their months are recomputed before the next figures are
/// read. `figure_refresh` holds the one row that serializes recomputations.
#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            table("figure_summaries")
                .col(big_pk_auto("id"))
                // `day` (start `YYYY-MM-DD`) or `month` (start `YYYY-MM`), in UTC.
                .col(string("span"))
                .col(string("start"))
                .col(big_integer("body_id"))
                .col(big_integer("cases"))
                // JSON, one per report, so a report parses only its own part.
                .col(text("overview"))
                .col(text("series"))
                .col(text("cells"))
                .col(text("mediators"))
                .foreign_key(&mut fk("figure_summaries", "body_id", "bodies"))
                .to_owned(),
        )
        .await?;
        unique_index(m, "figure_summaries", &["span", "start", "body_id"]).await?;
        m.create_table(
            Table::create()
                .table(Alias::new("figure_changes"))
                .col(big_pk_auto("id"))
                .col(string("day"))
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(Alias::new("figure_refresh"))
                .col(big_integer("id").primary_key())
                .col(timestamp_with_time_zone_null("refreshed_at"))
                .to_owned(),
        )
        .await?;
        let db = m.get_connection();
        db.execute_unprepared("INSERT INTO figure_refresh (id) VALUES (1)")
            .await?;
        // Cases filed before this migration have no summary yet.
        let day = match m.get_database_backend() {
            sea_orm::DatabaseBackend::Postgres => {
                "to_char(timezone('UTC', filed_at), 'YYYY-MM-DD')"
            }
            _ => "substr(filed_at, 1, 10)",
        };
        db.execute_unprepared(&format!(
            "INSERT INTO figure_changes (day) SELECT DISTINCT {day} FROM cases"
        ))
        .await?;
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        util::drop(m, "figure_refresh").await?;
        util::drop(m, "figure_changes").await?;
        util::drop(m, "figure_summaries").await
    }
}
