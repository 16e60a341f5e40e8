//! The public register: every registered grievance, dismissed ones included, in the
//! vocabulary of the Accountability Console, so the public can see that complaints are
//! handled and how they end. It shows no title, facts or people, and names the complainant
//! delegation only when the case is `public`.
use std::collections::HashMap;

use chrono::{DateTime, Utc};
use sea_orm::{
    entity::prelude::*,
    sea_query::{BinOper, Expr},
    Condition, QueryOrder, QuerySelect,
};
use serde::{Deserialize, Serialize};

use crate::errors::AppResult;
use crate::models::{
    _entities::{bodies, cases, delegations},
    cases::CaseStatus,
    vocabulary::{Category, Confidentiality, Outcome},
};

crate::models::vocabulary::vocabulary_enum! {
    /// Where a case stands, in the Accountability Console's words.
    pub enum Stage { Registration, Eligibility, DisputeResolution, ComplianceReview, Monitoring, Closed }
}

crate::models::vocabulary::vocabulary_enum! {
    /// How a closed case ended: with outputs (a remedy, a settlement, a finding of
    /// non-compliance) or without (dismissed, not upheld, withdrawn).
    pub enum Closure { WithOutputs, WithoutOutputs }
}

impl Stage {
    /// The stage of a case in `status`. A dismissal ends the case for the public unless it
    /// is appealed, which brings it back to registration.
    #[must_use]
    pub const fn of(status: CaseStatus) -> Self {
        use CaseStatus as S;
        match status {
            S::Submitted | S::Registered => Self::Registration,
            S::UnderAssessment => Self::Eligibility,
            S::InMediation | S::AwaitingResponse | S::ResponseReceived | S::Settled => {
                Self::DisputeResolution
            }
            S::UnderReview | S::Decided => Self::ComplianceReview,
            S::Monitoring => Self::Monitoring,
            S::Dismissed | S::Withdrawn | S::Closed => Self::Closed,
        }
    }

    /// The statuses in this stage.
    #[must_use]
    pub fn statuses(self) -> Vec<&'static str> {
        CaseStatus::stored_where(|s| Self::of(s) == self)
    }
}

impl Closure {
    #[must_use]
    pub const fn of(outcome: Outcome) -> Self {
        match outcome {
            Outcome::ResponseAccepted
            | Outcome::Settled
            | Outcome::Upheld
            | Outcome::PartlyUpheld => Self::WithOutputs,
            Outcome::NotUpheld | Outcome::Dismissed | Outcome::Withdrawn => Self::WithoutOutputs,
        }
    }
}

/// One line of the register.
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct Entry {
    pub reference: String,
    /// `YYYY-MM`.
    pub month_filed: String,
    /// Code of the body where the incident happened.
    pub body: String,
    pub category: String,
    pub stage: Stage,
    /// Set once the case is closed.
    pub closure: Option<Closure>,
    pub outcome: Option<String>,
    /// Calendar days from filing to closure, or to today while open.
    pub days_open: i64,
    /// ISO code of the complainant delegation; null when the complainant asked for
    /// identity protection.
    pub complainant: Option<String>,
}

/// Filters of the register, parsed from the query string.
#[derive(Clone, Debug, Default, Deserialize, utoipa::IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct Filter {
    /// Year of filing.
    pub year: Option<i32>,
    pub stage: Option<Stage>,
    /// Body code.
    pub body: Option<String>,
    pub category: Option<Category>,
    /// Part of a reference (`GR-2026-0001`), in any case.
    pub reference: Option<String>,
    /// A complainant delegation by its ISO code, its name or the beginning of its name, in
    /// any letter case (`TUV`, `tuvalu`, `Tuv`): matches only public cases, so a search never
    /// reveals a protected filing.
    pub complainant: Option<String>,
    pub page: Option<u64>,
    pub per_page: Option<u64>,
}

impl Filter {
    /// The page asked for (from 1) and its size, within the case list's bounds.
    #[must_use]
    pub fn bounds(&self) -> (u64, u64) {
        crate::models::cases::bounds(self.page, self.per_page)
    }

    async fn condition(&self, db: &impl ConnectionTrait) -> AppResult<Option<Condition>> {
        let mut c = Condition::all().add(cases::Column::RegisteredAt.is_not_null());
        if let Some(y) = self.year {
            let start = |y: i32| {
                chrono::NaiveDate::from_ymd_opt(y, 1, 1)
                    .map(|d| d.and_time(chrono::NaiveTime::MIN).and_utc())
            };
            // A year no calendar reaches has no cases: an empty answer, not an overflow.
            match (start(y), y.checked_add(1).and_then(start)) {
                (Some(a), Some(b)) => {
                    c = c
                        .add(cases::Column::FiledAt.gte(a))
                        .add(cases::Column::FiledAt.lt(b));
                }
                _ => return Ok(None),
            }
        }
        if let Some(s) = self.stage {
            c = c.add(cases::Column::Status.is_in(s.statuses()));
        }
        if let Some(code) = &self.body {
            match crate::models::bodies::Model::find_by_code(db, code).await? {
                Some(b) => c = c.add(cases::Column::BodyId.eq(b.id)),
                None => return Ok(None),
            }
        }
        if let Some(cat) = self.category {
            c = c.add(cases::Column::Category.eq(cat.as_ref()));
        }
        if let Some(r) = self
            .reference
            .as_deref()
            .map(str::trim)
            .filter(|r| !r.is_empty())
        {
            let wanted: String = r
                .to_uppercase()
                .chars()
                .filter(|ch| ch.is_ascii_alphanumeric() || *ch == '-')
                .collect();
            // A whole reference (copied from an email) is found through its unique index;
            // a part of one is looked for everywhere.
            c = c.add(if is_whole_reference(&wanted) {
                cases::Column::Reference.eq(wanted)
            } else if wanted.starts_with("GR-") {
                // A beginning of a reference: SQLite's LIKE ignores case and so cannot use
                // the index, its GLOB can; PostgreSQL reads references quickly either way.
                match db.get_database_backend() {
                    sea_orm::DatabaseBackend::Sqlite => sea_orm::sea_query::ExprTrait::binary(
                        Expr::col((cases::Entity, cases::Column::Reference)),
                        BinOper::Custom("GLOB"),
                        format!("{wanted}*"),
                    ),
                    _ => cases::Column::Reference.starts_with(wanted),
                }
            } else {
                cases::Column::Reference.contains(wanted)
            });
        }
        if let Some(code) = self
            .complainant
            .as_deref()
            .map(str::trim)
            .filter(|r| !r.is_empty())
        {
            let named = delegations_named(db, code).await?;
            if named.is_empty() {
                return Ok(None);
            }
            c = c
                .add(cases::Column::ComplainantDelegationId.is_in(named))
                .add(cases::Column::Confidentiality.eq(Confidentiality::Public.as_ref()));
        }
        Ok(Some(c))
    }
}

/// The delegations a reader means by `words`: the one with that code, and those one of whose
/// names (in any language the pages speak, whatever its accents) begins with them.
async fn delegations_named(db: &impl ConnectionTrait, words: &str) -> AppResult<Vec<i64>> {
    let states = crate::models::delegations::list(db).await?;
    let names = crate::models::delegations::StateNames::of(&states);
    let mut ids: Vec<i64> = names.beginning(words).iter().map(|d| d.id).collect();
    ids.extend(names.coded(words).map(|d| d.id));
    ids.sort_unstable();
    ids.dedup();
    Ok(ids)
}

/// `GR-2026-000123`: the form every reference takes.
fn is_whole_reference(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 14
        && s.starts_with("GR-")
        && b[7] == b'-'
        && b[3..7].iter().chain(&b[8..]).all(u8::is_ascii_digit)
}

/// Register lines for `rows`, with the codes they need loaded in two queries.
async fn entries(
    db: &impl ConnectionTrait,
    rows: &[cases::Model],
    now: DateTime<Utc>,
) -> AppResult<Vec<Entry>> {
    let body_codes: HashMap<i64, String> = bodies::Entity::find()
        .filter(bodies::Column::Id.is_in(rows.iter().map(|c| c.body_id).collect::<Vec<_>>()))
        .all(db)
        .await?
        .into_iter()
        .map(|b| (b.id, b.code))
        .collect();
    let public = |c: &cases::Model| {
        !crate::models::cases::disclosure::Disclosure::to_public(c).withholds_complainant()
    };
    let delegation_codes: HashMap<i64, String> = delegations::Entity::find()
        .filter(
            delegations::Column::Id.is_in(
                rows.iter()
                    .filter(|c| public(c))
                    .map(|c| c.complainant_delegation_id)
                    .collect::<Vec<_>>(),
            ),
        )
        .all(db)
        .await?
        .into_iter()
        .map(|d| (d.id, d.code))
        .collect();
    rows.iter()
        .map(|c| {
            let status = CaseStatus::parse_stored(&c.status)?;
            let stage = Stage::of(status);
            let outcome = c
                .outcome
                .as_deref()
                .map(Outcome::parse_stored)
                .transpose()?;
            // Days open stop when the case stops being open.
            let end = c.stopped_at.or(c.closed_at).map_or(now, |t| t.to_utc());
            Ok(Entry {
                reference: c.reference.clone(),
                month_filed: c.filed_at.format("%Y-%m").to_string(),
                body: body_codes.get(&c.body_id).cloned().unwrap_or_default(),
                category: c.category.clone(),
                stage,
                closure: outcome.filter(|_| stage == Stage::Closed).map(Closure::of),
                outcome: c.outcome.clone(),
                // Whole days, so the figure changes only when the day does.
                days_open: (end.date_naive() - c.filed_at.to_utc().date_naive())
                    .num_days()
                    .max(0),
                complainant: public(c)
                    .then(|| delegation_codes.get(&c.complainant_delegation_id).cloned())
                    .flatten(),
            })
        })
        .collect()
}

/// One page of the register, newest first, and the total.
///
/// # Errors
/// Database errors.
pub async fn page(
    db: &impl ConnectionTrait,
    filter: &Filter,
    now: DateTime<Utc>,
) -> AppResult<(Vec<Entry>, u64)> {
    let Some(cond) = filter.condition(db).await? else {
        return Ok((Vec::new(), 0));
    };
    let (page, per_page) = filter.bounds();
    let query = cases::Entity::find().filter(cond);
    let total = query.clone().count(db).await?;
    let rows = query
        .order_by_desc(cases::Column::FiledAt)
        .order_by_desc(cases::Column::Id)
        .offset((page - 1) * per_page)
        .limit(per_page)
        .all(db)
        .await?;
    Ok((entries(db, &rows, now).await?, total))
}

/// The next `limit` lines of the whole register after case id `after`, oldest first: the
/// export reads the register in such chunks, so the rows of the whole register are never
/// loaded at once (the written CSV is what it keeps).
///
/// # Errors
/// Database errors.
pub async fn chunk(
    db: &impl ConnectionTrait,
    filter: &Filter,
    after: i64,
    limit: u64,
    now: DateTime<Utc>,
) -> AppResult<(Vec<Entry>, Option<i64>)> {
    let Some(cond) = filter.condition(db).await? else {
        return Ok((Vec::new(), None));
    };
    let rows = cases::Entity::find()
        .filter(cond)
        .filter(cases::Column::Id.gt(after))
        .order_by_asc(cases::Column::Id)
        .limit(limit)
        .all(db)
        .await?;
    let last = rows.last().map(|c| c.id);
    Ok((entries(db, &rows, now).await?, last))
}

/// What the register's content follows: how many cases there are, and the sum of their
/// versions (every action raises a case's version). Equal fingerprints mean the same
/// register on the same day, on every node; reading it costs one aggregate over the cases.
///
/// # Errors
/// Database errors.
pub async fn fingerprint(db: &impl ConnectionTrait) -> AppResult<(i64, i64)> {
    use sea_orm::{FromQueryResult, Statement};
    #[derive(FromQueryResult)]
    struct Row {
        n: i64,
        v: i64,
    }
    let row = Row::find_by_statement(Statement::from_string(
        db.get_database_backend(),
        "SELECT CAST(COUNT(*) AS BIGINT) AS n, CAST(COALESCE(SUM(version), 0) AS BIGINT) AS v \
         FROM cases",
    ))
    .one(db)
    .await?;
    Ok(row.map_or((0, 0), |r| (r.n, r.v)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_status_has_a_stage_and_dismissals_close_without_outputs() {
        assert_eq!(Stage::of(CaseStatus::Submitted), Stage::Registration);
        assert_eq!(Stage::of(CaseStatus::UnderAssessment), Stage::Eligibility);
        assert_eq!(
            Stage::of(CaseStatus::AwaitingResponse),
            Stage::DisputeResolution
        );
        assert_eq!(Stage::of(CaseStatus::Decided), Stage::ComplianceReview);
        assert_eq!(Stage::of(CaseStatus::Dismissed), Stage::Closed);
        assert_eq!(Closure::of(Outcome::Dismissed), Closure::WithoutOutputs);
        for s in <CaseStatus as strum::IntoEnumIterator>::iter() {
            assert_eq!(Stage::of(s) == Stage::Closed, !s.is_open(), "{s}");
        }
        assert_eq!(Closure::of(Outcome::Settled), Closure::WithOutputs);
        let all: usize = <Stage as strum::IntoEnumIterator>::iter()
            .map(|s| s.statuses().len())
            .sum();
        assert_eq!(all, <CaseStatus as strum::IntoEnumIterator>::iter().count());
    }
}
