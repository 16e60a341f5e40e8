use sea_orm_migration::{prelude::*, schema::*};

use crate::util::{self, fk, index, table, unique_index};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            table("cases")
                .col(big_pk_auto("id"))
                .col(uuid_uniq("pid"))
                .col(string_uniq("reference"))
                .col(string("title"))
                .col(string("category"))
                .col(big_integer("body_id"))
                .col(date("incident_date"))
                .col(text("facts"))
                .col(text("remedy_sought"))
                .col(big_integer("complainant_delegation_id"))
                .col(big_integer("filed_by_id"))
                .col(big_integer_null("respondent_body_id"))
                .col(big_integer_null("respondent_delegation_id"))
                .col(string("confidentiality"))
                .col(string("language"))
                .col(string("urgency"))
                .col(string("status"))
                .col(string_null("outcome"))
                .col(string_null("dismissal_reason"))
                .col(big_integer_null("mediator_id"))
                .col(boolean("on_hold"))
                .col(big_integer("appeals_lodged"))
                .col(string("idempotency_key"))
                .col(big_integer("version"))
                .col(timestamp_with_time_zone("filed_at"))
                .col(timestamp_with_time_zone_null("served_at"))
                .col(timestamp_with_time_zone_null("closed_at"))
                .foreign_key(&mut fk("cases", "body_id", "bodies"))
                .foreign_key(&mut fk("cases", "complainant_delegation_id", "delegations"))
                .foreign_key(&mut fk("cases", "filed_by_id", "users"))
                .foreign_key(&mut fk("cases", "respondent_body_id", "bodies"))
                .foreign_key(&mut fk("cases", "respondent_delegation_id", "delegations"))
                .foreign_key(&mut fk("cases", "mediator_id", "users"))
                .to_owned(),
        )
        .await?;
        unique_index(m, "cases", &["filed_by_id", "idempotency_key"]).await?;
        for column in [
            "status",
            "category",
            "body_id",
            "complainant_delegation_id",
            "respondent_body_id",
            "respondent_delegation_id",
            "mediator_id",
            "filed_at",
        ] {
            index(m, "cases", &[column]).await?;
        }
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        util::drop(m, "cases").await
    }
}
