use sea_orm_migration::{prelude::*, schema::*};

use crate::util::{self, fk, index, table, unique_index};

/// Mediator assignment: each mediator's profile (languages, capacity, leave, current load
/// and last assignment), their declared conflicts, the record of every assignment with the
/// explanation of the choice (or of why nobody could be chosen), and challenges to an
/// assigned mediator.
#[derive(DeriveMigrationName)]
pub struct Migration;

const TABLES: &[&str] = &[
    "challenges",
    "assignments",
    "mediator_conflicts",
    "mediator_profiles",
];

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            table("mediator_profiles")
                .col(big_pk_auto("id"))
                .col(big_integer_uniq("user_id"))
                // ISO 639-1 codes, comma-separated, in a fixed order.
                .col(string("languages"))
                .col(big_integer("capacity"))
                .col(boolean("on_leave").default(false))
                // Cases the mediator holds that are still open for work; kept by the one
                // transition function so the assignment rule never counts 100k rows.
                .col(big_integer("active_cases").default(0))
                .col(timestamp_with_time_zone_null("last_assigned_at"))
                .foreign_key(&mut fk("mediator_profiles", "user_id", "users"))
                .to_owned(),
        )
        .await?;
        m.create_table(
            table("mediator_conflicts")
                .col(big_pk_auto("id"))
                .col(big_integer("mediator_id"))
                .col(big_integer_null("delegation_id"))
                .col(big_integer_null("body_id"))
                .foreign_key(&mut fk("mediator_conflicts", "mediator_id", "users"))
                .foreign_key(&mut fk(
                    "mediator_conflicts",
                    "delegation_id",
                    "delegations",
                ))
                .foreign_key(&mut fk("mediator_conflicts", "body_id", "bodies"))
                .to_owned(),
        )
        .await?;
        unique_index(m, "mediator_conflicts", &["mediator_id", "delegation_id"]).await?;
        unique_index(m, "mediator_conflicts", &["mediator_id", "body_id"]).await?;
        m.create_table(
            table("assignments")
                .col(big_pk_auto("id"))
                .col(uuid_uniq("pid"))
                .col(big_integer("case_id"))
                // Null when the rule found nobody eligible: the attempt and its reasons are
                // kept all the same.
                .col(big_integer_null("mediator_id"))
                .col(string("method"))
                .col(text_null("override_reason"))
                // The whole explanation: the ranking and every excluded mediator with the
                // reasons. The case event carries its SHA-256, so it is tamper-evident.
                .col(text("explanation"))
                .col(big_integer_null("assigned_by_id"))
                .col(timestamp_with_time_zone("assigned_at"))
                .col(timestamp_with_time_zone_null("ended_at"))
                .col(string_null("end_reason"))
                .foreign_key(&mut fk("assignments", "case_id", "cases"))
                .foreign_key(&mut fk("assignments", "mediator_id", "users"))
                .foreign_key(&mut fk("assignments", "assigned_by_id", "users"))
                .to_owned(),
        )
        .await?;
        index(m, "assignments", &["case_id"]).await?;
        index(m, "assignments", &["mediator_id", "assigned_at"]).await?;
        index(m, "assignments", &["assigned_at"]).await?;
        m.create_table(
            table("challenges")
                .col(big_pk_auto("id"))
                .col(uuid_uniq("pid"))
                .col(big_integer("case_id"))
                .col(big_integer("assignment_id"))
                .col(big_integer("raised_by_id"))
                .col(string("party"))
                .col(text("reason"))
                .col(string("status"))
                .col(big_integer_null("decided_by_id"))
                .col(timestamp_with_time_zone_null("decided_at"))
                .col(text_null("decision_note"))
                .foreign_key(&mut fk("challenges", "case_id", "cases"))
                .foreign_key(&mut fk("challenges", "assignment_id", "assignments"))
                .foreign_key(&mut fk("challenges", "raised_by_id", "users"))
                .foreign_key(&mut fk("challenges", "decided_by_id", "users"))
                .to_owned(),
        )
        .await?;
        index(m, "challenges", &["case_id"]).await?;
        // Earlier cases between the same parties, found by respondent and complainant.
        index(
            m,
            "cases",
            &["respondent_body_id", "complainant_delegation_id"],
        )
        .await?;
        index(
            m,
            "cases",
            &["respondent_delegation_id", "complainant_delegation_id"],
        )
        .await?;
        // Mediators accredited before profiles existed get one with the defaults, and their
        // current load. Same SQL on PostgreSQL and SQLite.
        m.get_connection()
            .execute_unprepared(
                "INSERT INTO mediator_profiles \
                 (user_id, languages, capacity, on_leave, active_cases, created_at, updated_at) \
                 SELECT u.id, u.locale, 20, FALSE, \
                   (SELECT COUNT(*) FROM cases c WHERE c.mediator_id = u.id AND c.status IN \
                     ('submitted','registered','under_assessment','in_mediation', \
                      'awaiting_response','response_received','settled','monitoring', \
                      'under_review')), \
                   CURRENT_TIMESTAMP, CURRENT_TIMESTAMP \
                 FROM users u WHERE u.role = 'mediator'",
            )
            .await?;
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        for name in [
            "idx-cases-respondent_body_id-complainant_delegation_id",
            "idx-cases-respondent_delegation_id-complainant_delegation_id",
        ] {
            m.drop_index(
                Index::drop()
                    .name(name)
                    .table(Alias::new("cases"))
                    .to_owned(),
            )
            .await?;
        }
        for t in TABLES {
            util::drop(m, t).await?;
        }
        Ok(())
    }
}
