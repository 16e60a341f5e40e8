//! The row of a newly filed case, built in one place: filing starts from it, and bulk seeding
//! (`data:synthesize`, the suites' and benchmarks' seeding) starts every case from it and then
//! writes where the case stands, so a column added to cases is given its value here.
use chrono::{DateTime, NaiveDate, Utc};
use sea_orm::ActiveValue::Set;
use uuid::Uuid;

use super::{status::INITIAL, ActiveModel};
use crate::models::vocabulary::{Category, Confidentiality, Language, Urgency};

/// What a grievance says when it is filed, and who it is between.
pub struct NewRow {
    pub pid: Uuid,
    pub reference: String,
    pub title: String,
    pub category: Category,
    /// The forum where the incident happened.
    pub body_id: i64,
    pub incident_date: NaiveDate,
    pub facts: String,
    pub remedy_sought: String,
    pub complainant_delegation_id: i64,
    pub filed_by_id: i64,
    pub respondent_body_id: Option<i64>,
    pub respondent_delegation_id: Option<i64>,
    pub confidentiality: Confidentiality,
    pub language: Language,
    pub urgency: Urgency,
    pub idempotency_key: String,
}

/// The row of `case` filed at `filed_at`: submitted, first version, no mediator, hold,
/// appeal, timing or running clock yet.
#[must_use]
pub fn new_row(case: NewRow, filed_at: DateTime<Utc>) -> ActiveModel {
    ActiveModel {
        pid: Set(case.pid),
        reference: Set(case.reference),
        title: Set(case.title),
        category: Set(case.category.to_string()),
        body_id: Set(case.body_id),
        incident_date: Set(case.incident_date),
        facts: Set(case.facts),
        remedy_sought: Set(case.remedy_sought),
        complainant_delegation_id: Set(case.complainant_delegation_id),
        filed_by_id: Set(case.filed_by_id),
        respondent_body_id: Set(case.respondent_body_id),
        respondent_delegation_id: Set(case.respondent_delegation_id),
        confidentiality: Set(case.confidentiality.to_string()),
        language: Set(case.language.to_string()),
        urgency: Set(case.urgency.to_string()),
        status: Set(INITIAL.to_string()),
        outcome: Set(None),
        dismissal_reason: Set(None),
        mediator_id: Set(None),
        on_hold: Set(false),
        appeals_lodged: Set(0),
        idempotency_key: Set(case.idempotency_key),
        version: Set(1),
        filed_at: Set(filed_at.into()),
        served_at: Set(None),
        closed_at: Set(None),
        stopped_at: Set(None),
        registered_at: Set(None),
        eligibility_decided_at: Set(None),
        acknowledge_working_days: Set(None),
        eligibility_working_days: Set(None),
        closure_working_days: Set(None),
        next_due_at: Set(None),
        created_at: Set(filed_at.into()),
        updated_at: Set(filed_at.into()),
        ..Default::default()
    }
}
