use sea_orm_migration::{prelude::*, schema::*};

use crate::util::index;

/// What oversight measures, written when it happens: when a case was registered and when its
/// eligibility was decided, and the working days each step took from filing (on the
/// calendar in force at the time). Metrics then aggregate plain integer columns instead of
/// replaying calendars over a million cases.
#[derive(DeriveMigrationName)]
pub struct Migration;

const COLUMNS: &[&str] = &[
    "registered_at",
    "eligibility_decided_at",
    "acknowledge_working_days",
    "eligibility_working_days",
    "closure_working_days",
];

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        for column in [
            timestamp_with_time_zone_null("registered_at"),
            timestamp_with_time_zone_null("eligibility_decided_at"),
            big_integer_null("acknowledge_working_days"),
            big_integer_null("eligibility_working_days"),
            big_integer_null("closure_working_days"),
        ] {
            // One column per statement: SQLite alters one column at a time.
            m.alter_table(
                Table::alter()
                    .table(Alias::new("cases"))
                    .add_column(column)
                    .to_owned(),
            )
            .await?;
        }
        index(m, "cases", &["closed_at"]).await?;
        index(m, "cases", &["language"]).await?;
        index(m, "deadlines", &["kind"]).await?;
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        for (table, name) in [
            ("cases", "idx-cases-closed_at"),
            ("cases", "idx-cases-language"),
            ("deadlines", "idx-deadlines-kind"),
        ] {
            m.drop_index(Index::drop().name(name).table(Alias::new(table)).to_owned())
                .await?;
        }
        for column in COLUMNS {
            m.alter_table(
                Table::alter()
                    .table(Alias::new("cases"))
                    .drop_column(Alias::new(*column))
                    .to_owned(),
            )
            .await?;
        }
        Ok(())
    }
}
