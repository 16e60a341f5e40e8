//! Staffing one case: loading the pool as it stands, applying the rule, and recording the
//! outcome with its explanation. Reads only what the rule needs (the mediators, the
//! conflicts that touch this case's parties, earlier cases between the same parties), so
//! its cost does not grow with the number of open cases.
use std::collections::{BTreeSet, HashMap};

use chrono::{DateTime, Utc};
use sea_orm::{entity::prelude::*, sea_query::Query, ActiveValue::Set, Condition, QueryOrder};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use super::{Column as ProfileColumn, Entity as Profiles};
use crate::{
    errors::{AppError, AppResult, FieldErrors, Said},
    models::{
        _entities::{
            assignments, case_co_complainants as co, cases, challenges,
            mediator_conflicts as conflicts,
        },
        bodies, delegations,
        mediators::assignment::{
            self, Candidate, CaseToStaff, Exclusion, Parties, Respondent, Rules,
        },
        users,
        vocabulary::{
            AssignmentEnd, AssignmentMethod, ChallengeStatus, Language, RegionalGroup, Role,
        },
    },
    settings::Settings,
};

impl ActiveModelBehavior for assignments::ActiveModel {}

/// How many of the best-ranked mediators an explanation keeps besides the one chosen;
/// the excluded are always kept in full.
pub const RANKING_KEPT: usize = 5;

/// A mediator named in an explanation.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct MediatorRef {
    pub pid: Uuid,
    pub name: String,
}

/// One eligible mediator with the figures the ranking used.
#[derive(Clone, Debug, Serialize, Deserialize, utoipa::ToSchema)]
pub struct Ranked {
    pub mediator: MediatorRef,
    pub speaks_case_language: bool,
    pub active_cases: u32,
    pub capacity: u32,
    pub last_assigned_at: Option<DateTime<Utc>>,
}

/// Why one mediator could not take the case.
#[derive(Clone, Debug, Serialize, Deserialize, utoipa::ToSchema)]
pub struct Reason {
    /// `challenged_or_recused`, `on_leave`, `at_capacity`, `same_nationality`,
    /// `declared_conflict`, `earlier_involvement` or `same_regional_group`.
    pub code: String,
    /// The delegation or body code, the regional group, or the load, when there is one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub detail: Option<String>,
    /// The reason in a sentence; derived from the code and detail, so not stored.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub message: String,
}

impl Reason {
    fn new(code: &str, detail: Option<String>) -> Self {
        let message = describe(code, detail.as_deref()).to_string();
        Self {
            code: code.to_string(),
            detail,
            message,
        }
    }

    /// The reason as words a page says in its reader's language.
    #[must_use]
    pub fn said(&self) -> Said {
        describe(&self.code, self.detail.as_deref())
    }
}

fn describe(code: &str, detail: Option<&str>) -> Said {
    let d = detail.unwrap_or("?");
    match code {
        "challenged_or_recused" => Said::new("exclusion-challenged-or-recused"),
        "on_leave" => Said::new("exclusion-on-leave"),
        "at_capacity" => {
            let (open, capacity) = d.split_once('/').unwrap_or((d, "?"));
            Said::new("exclusion-at-capacity")
                .text("open", open)
                .text("capacity", capacity)
        }
        "same_nationality" => Said::new("exclusion-same-nationality").text("party", d),
        "declared_conflict" => Said::new("exclusion-declared-conflict").text("with", d),
        "earlier_involvement" => Said::new("exclusion-earlier-involvement"),
        "same_regional_group" => Said::new("exclusion-same-regional-group").text("group", d),
        other => Said::new("exclusion-other").text("code", other),
    }
}

#[derive(Clone, Debug, Serialize, Deserialize, utoipa::ToSchema)]
pub struct Excluded {
    pub mediator: MediatorRef,
    pub reasons: Vec<Reason>,
}

/// The stored explanation of one assignment (or of why nobody could be assigned).
#[derive(Clone, Debug, Serialize, Deserialize, utoipa::ToSchema)]
pub struct Explanation {
    pub method: AssignmentMethod,
    pub chosen: Option<MediatorRef>,
    /// Whom the rule itself ranks first, when the registry named someone else.
    pub rule_would_choose: Option<MediatorRef>,
    pub case_language: Language,
    pub exclude_same_regional_group: bool,
    pub override_reason: Option<String>,
    /// How many mediators were eligible; the best of them follow, best first.
    pub eligible: usize,
    pub ranking: Vec<Ranked>,
    pub excluded: Vec<Excluded>,
}

impl Explanation {
    /// Each excluded mediator with their reasons, for an error message.
    #[must_use]
    pub fn summary(&self) -> Vec<Said> {
        self.excluded
            .iter()
            .map(|e| {
                Said::new("exclusion-of")
                    .text("name", e.mediator.name.clone())
                    .list(
                        "reasons",
                        e.reasons.iter().map(Reason::said).collect(),
                        "; ",
                    )
            })
            .collect()
    }
}

/// The pool for one case, loaded.
pub struct Pool {
    pub case: CaseToStaff,
    pub candidates: Vec<Candidate>,
    /// Mediators challenged successfully on this case, or who recused from it.
    pub excluded: BTreeSet<i64>,
    pub rules: Rules,
    people: HashMap<i64, MediatorRef>,
    delegation_codes: HashMap<i64, String>,
    body_codes: HashMap<i64, String>,
}

impl Pool {
    fn reference(&self, id: i64) -> MediatorRef {
        self.people.get(&id).cloned().unwrap_or(MediatorRef {
            pid: Uuid::nil(),
            name: format!("mediator #{id}"),
        })
    }

    fn reason(&self, e: &Exclusion) -> Reason {
        let code = |id: &i64, codes: &HashMap<i64, String>| {
            codes.get(id).cloned().unwrap_or_else(|| format!("#{id}"))
        };
        let (c, detail) = match e {
            Exclusion::Excluded => ("challenged_or_recused", None),
            Exclusion::OnLeave => ("on_leave", None),
            Exclusion::AtCapacity {
                active_cases,
                capacity,
            } => ("at_capacity", Some(format!("{active_cases}/{capacity}"))),
            Exclusion::SameNationality { delegation } => (
                "same_nationality",
                Some(code(delegation, &self.delegation_codes)),
            ),
            Exclusion::DeclaredConflictWithDelegation { delegation } => (
                "declared_conflict",
                Some(code(delegation, &self.delegation_codes)),
            ),
            Exclusion::DeclaredConflict { with } => (
                "declared_conflict",
                Some(match with {
                    Respondent::Body(b) => code(b, &self.body_codes),
                    Respondent::Delegation(d) => code(d, &self.delegation_codes),
                }),
            ),
            Exclusion::EarlierInvolvement => ("earlier_involvement", None),
            Exclusion::SameRegionalGroup { group } => {
                ("same_regional_group", Some(group.to_string()))
            }
        };
        Reason::new(c, detail)
    }

    /// Applies the rule, optionally as the registry naming `named`, and explains it.
    fn explain(
        &self,
        method: AssignmentMethod,
        named: Option<i64>,
        override_reason: Option<&str>,
    ) -> Explanation {
        let outcome = assignment::choose(&self.candidates, &self.case, self.rules, &self.excluded);
        let by_id: HashMap<i64, &Candidate> = self.candidates.iter().map(|c| (c.id, c)).collect();
        let ranking = outcome
            .ranking
            .iter()
            .take(RANKING_KEPT)
            .filter_map(|id| by_id.get(id))
            .map(|c| Ranked {
                mediator: self.reference(c.id),
                speaks_case_language: c.languages.contains(&self.case.language),
                active_cases: c.active_cases,
                capacity: c.capacity,
                last_assigned_at: c.last_assigned_at,
            })
            .collect();
        let chosen = named.or(outcome.chosen);
        Explanation {
            method,
            chosen: chosen.map(|id| self.reference(id)),
            rule_would_choose: named
                .and(outcome.chosen)
                .filter(|c| Some(*c) != named)
                .map(|id| self.reference(id)),
            case_language: self.case.language,
            exclude_same_regional_group: self.rules.exclude_same_regional_group,
            override_reason: override_reason.map(|r| r.trim().to_string()),
            eligible: outcome.ranking.len(),
            ranking,
            excluded: outcome
                .excluded
                .iter()
                .map(|(id, why)| Excluded {
                    mediator: self.reference(*id),
                    reasons: why.iter().map(|e| self.reason(e)).collect(),
                })
                .collect(),
        }
    }
}

/// The parties of a case as the conflict rules see them.
///
/// # Errors
/// A case with neither a respondent body nor a respondent delegation.
pub fn parties_of(case: &cases::Model, co_complainants: &[i64]) -> AppResult<Parties> {
    let respondent = match (case.respondent_body_id, case.respondent_delegation_id) {
        (Some(b), _) => Respondent::Body(b),
        (None, Some(d)) => Respondent::Delegation(d),
        (None, None) => {
            return Err(AppError::Corrupt(format!(
                "case {} has no respondent",
                case.reference
            )))
        }
    };
    let mut complainants: BTreeSet<i64> = co_complainants.iter().copied().collect();
    complainants.insert(case.complainant_delegation_id);
    Ok(Parties {
        complainants,
        respondent,
    })
}

/// A mediator as the rule sees them, from their account, profile and declared conflicts
/// (their regional group and earlier cases are added by the caller, who reads them for the
/// whole pool).
fn candidate(
    m: &users::Model,
    p: Option<&super::Model>,
    declared: &[conflicts::Model],
) -> AppResult<Candidate> {
    let theirs = || declared.iter().filter(|c| c.mediator_id == m.id);
    Ok(Candidate {
        id: m.id,
        nationality: m.delegation_id,
        regional_group: None,
        languages: p
            .map(super::Model::languages)
            .transpose()?
            .unwrap_or_default(),
        declared_delegations: theirs().filter_map(|c| c.delegation_id).collect(),
        declared_bodies: theirs().filter_map(|c| c.body_id).collect(),
        on_leave: p.is_some_and(|p| p.on_leave),
        capacity: p.map_or(0, super::Model::capacity),
        active_cases: p.map_or(0, super::Model::active_cases),
        last_assigned_at: p.and_then(|p| p.last_assigned_at).map(|t| t.to_utc()),
        earlier_cases: Vec::new(),
    })
}
/// Loads the pool for `case`: every active mediator with their profile, nationality and
/// regional group, the declared conflicts that touch this case's parties, their earlier
/// cases between the same parties, and who was removed from this case before.
///
/// # Errors
/// Database errors; stored values the code does not know.
pub async fn pool(
    db: &impl ConnectionTrait,
    settings: &Settings,
    case: &cases::Model,
    co_complainants: &[i64],
) -> AppResult<Pool> {
    let parties = parties_of(case, co_complainants)?;
    let party_delegations = parties.delegations();

    let mediators = users::Entity::find()
        .filter(users::Column::Role.eq(Role::Mediator.as_ref()))
        .filter(users::Column::Active.eq(true))
        .order_by_asc(users::Column::Id)
        .all(db)
        .await?;
    let ids: Vec<i64> = mediators.iter().map(|m| m.id).collect();
    let profiles = super::profiles_of(db, ids.clone()).await?;
    let mut wanted: BTreeSet<i64> = mediators.iter().filter_map(|m| m.delegation_id).collect();
    wanted.extend(party_delegations.iter().copied());
    let delegations: HashMap<i64, delegations::Model> = delegations::Entity::find()
        .filter(delegations::Column::Id.is_in(wanted))
        .all(db)
        .await?
        .into_iter()
        .map(|d| (d.id, d))
        .collect();
    let group_of = |id: i64| {
        delegations
            .get(&id)
            .and_then(|d| RegionalGroup::parse_stored(&d.regional_group).ok())
    };

    let mut touching =
        Condition::any().add(conflicts::Column::DelegationId.is_in(party_delegations.clone()));
    if let Respondent::Body(b) = parties.respondent {
        touching = touching.add(conflicts::Column::BodyId.eq(b));
    }
    let declared = conflicts::Entity::find()
        .filter(conflicts::Column::MediatorId.is_in(ids))
        .filter(touching)
        .all(db)
        .await?;

    let earlier = earlier_cases(db, case, &parties).await?;
    let excluded: BTreeSet<i64> = assignments::Entity::find()
        .filter(assignments::Column::CaseId.eq(case.id))
        .filter(assignments::Column::EndReason.is_in([
            AssignmentEnd::ChallengeUpheld.as_ref(),
            AssignmentEnd::Recused.as_ref(),
        ]))
        .all(db)
        .await?
        .into_iter()
        .filter_map(|a| a.mediator_id)
        .collect();

    let mut people = HashMap::new();
    let mut candidates = Vec::with_capacity(mediators.len());
    for m in &mediators {
        people.insert(
            m.id,
            MediatorRef {
                pid: m.pid,
                name: m.name.clone(),
            },
        );
        let mut c = candidate(m, profiles.get(&m.id), &declared)?;
        c.regional_group = m.delegation_id.and_then(group_of);
        c.earlier_cases = earlier.get(&m.id).cloned().unwrap_or_default();
        candidates.push(c);
    }
    let mut body_codes = HashMap::new();
    if let Respondent::Body(b) = parties.respondent {
        if let Some(body) = bodies::Entity::find_by_id(b).one(db).await? {
            body_codes.insert(b, body.code);
        }
    }
    Ok(Pool {
        case: CaseToStaff {
            regional_groups: party_delegations
                .iter()
                .filter_map(|d| group_of(*d))
                .collect(),
            parties,
            language: Language::parse_stored(&case.language)?,
        },
        candidates,
        excluded,
        rules: Rules {
            exclude_same_regional_group: settings.assignment.exclude_same_regional_group,
        },
        people,
        delegation_codes: delegations
            .iter()
            .map(|(id, d)| (*id, d.code.clone()))
            .collect(),
        body_codes,
    })
}

/// The parties of other cases between the same parties, by the mediators who were
/// assigned to them.
async fn earlier_cases(
    db: &impl ConnectionTrait,
    case: &cases::Model,
    parties: &Parties,
) -> AppResult<HashMap<i64, Vec<Parties>>> {
    let complainants: Vec<i64> = parties.complainants.iter().copied().collect();
    let same_respondent = match parties.respondent {
        Respondent::Body(b) => cases::Column::RespondentBodyId.eq(b),
        Respondent::Delegation(d) => cases::Column::RespondentDelegationId.eq(d),
    };
    // Two index lookups (respondent, complainant) rather than one OR, which neither
    // database can answer from an index.
    let same = || {
        cases::Entity::find()
            .filter(cases::Column::Id.ne(case.id))
            .filter(same_respondent.clone())
    };
    let mut others = same()
        .filter(cases::Column::ComplainantDelegationId.is_in(complainants.clone()))
        .all(db)
        .await?;
    let seen: BTreeSet<i64> = others.iter().map(|c| c.id).collect();
    others.extend(
        same()
            .filter(
                cases::Column::Id.in_subquery(
                    Query::select()
                        .column(co::Column::CaseId)
                        .from(co::Entity)
                        .and_where(co::Column::DelegationId.is_in(complainants))
                        .to_owned(),
                ),
            )
            .all(db)
            .await?
            .into_iter()
            .filter(|c| !seen.contains(&c.id)),
    );
    // Cases that never had a mediator drop out when their assignments are read below.
    if others.is_empty() {
        return Ok(HashMap::new());
    }
    let ids: Vec<i64> = others.iter().map(|c| c.id).collect();
    let co_of = crate::models::cases::co_complainants_of(db, ids.clone()).await?;
    let parties_of_case: HashMap<i64, Parties> = others
        .iter()
        .filter_map(|c| {
            parties_of(c, co_of.get(&c.id).map_or(&[], Vec::as_slice))
                .ok()
                .map(|p| (c.id, p))
        })
        .collect();
    let mut by_mediator: HashMap<i64, Vec<Parties>> = HashMap::new();
    for a in assignments::Entity::find()
        .filter(assignments::Column::CaseId.is_in(ids))
        .filter(assignments::Column::MediatorId.is_not_null())
        .all(db)
        .await?
    {
        if let (Some(m), Some(p)) = (a.mediator_id, parties_of_case.get(&a.case_id)) {
            by_mediator.entry(m).or_default().push(p.clone());
        }
    }
    Ok(by_mediator)
}

/// What the rule, or the registry through it, decided.
pub enum Pick {
    Chosen {
        mediator: Box<users::Model>,
        explanation: Explanation,
    },
    /// Nobody may take the case; the explanation says why of each mediator.
    Nobody(Explanation),
}

/// Every active mediator, and why the conflict rule excludes each from `case` now (no
/// reason: eligible), in the rule's own words: what the registry sees beside each name when
/// it names a mediator, so the rule explains itself before anyone is refused.
///
/// # Errors
/// Database errors; stored values the code does not know.
pub async fn standing_of_mediators(
    db: &impl ConnectionTrait,
    settings: &Settings,
    case: &cases::Model,
    co_complainants: &[i64],
) -> AppResult<Vec<(MediatorRef, Vec<Reason>)>> {
    let pool = pool(db, settings, case, co_complainants).await?;
    Ok(pool
        .candidates
        .iter()
        .map(|c| {
            let why = assignment::exclusions(c, &pool.case, pool.rules, &pool.excluded);
            (
                pool.reference(c.id),
                why.iter().map(|e| pool.reason(e)).collect(),
            )
        })
        .collect())
}

/// Chooses the mediator for `case`: the rule's choice when `named` is `None`, otherwise
/// the registry's named mediator after the same conflict check. A named mediator with a
/// conflict is refused unless `override_reason` is given; one who was removed from this
/// case after a challenge, or recused from it, is refused whatever the reason.
///
/// # Errors
/// 422 for an unknown mediator, or a conflict without an override reason; database errors.
pub async fn pick(
    db: &impl ConnectionTrait,
    settings: &Settings,
    case: &cases::Model,
    co_complainants: &[i64],
    named: Option<Uuid>,
    override_reason: Option<&str>,
) -> AppResult<Pick> {
    let pool = pool(db, settings, case, co_complainants).await?;
    let field = |code: &str, said: Said| {
        AppError::Validation(FieldErrors::single_said("mediator", code, said))
    };
    let Some(pid) = named else {
        let explanation = pool.explain(AssignmentMethod::Automatic, None, None);
        let chosen = explanation.chosen.clone();
        return match chosen {
            Some(m) => Ok(Pick::Chosen {
                mediator: Box::new(user_by_pid(db, m.pid).await?),
                explanation,
            }),
            None => Ok(Pick::Nobody(explanation)),
        };
    };
    let mediator = user_by_pid(db, pid)
        .await
        .map_err(|_| field("unknown", Said::new("field-no-such-mediator")))?;
    let Some(candidate) = pool.candidates.iter().find(|c| c.id == mediator.id) else {
        return Err(field("unknown", Said::new("field-no-such-mediator")));
    };
    let why = assignment::exclusions(candidate, &pool.case, pool.rules, &pool.excluded);
    let method = if why.is_empty() {
        AssignmentMethod::Manual
    } else {
        let reasons: Vec<Said> = why.iter().map(|e| pool.reason(e).said()).collect();
        if why.contains(&Exclusion::Excluded) {
            return Err(field(
                "removed",
                Said::new("field-mediator-removed").list("reasons", reasons, "; "),
            ));
        }
        if override_reason.is_none() {
            return Err(field(
                "conflict",
                Said::new("field-mediator-conflict").list("reasons", reasons, "; "),
            ));
        }
        AssignmentMethod::Override
    };
    // A reason given for a manual choice is kept too: nothing the registry writes is dropped.
    let explanation = pool.explain(method, Some(mediator.id), override_reason);
    Ok(Pick::Chosen {
        mediator: Box::new(mediator),
        explanation,
    })
}

async fn user_by_pid(db: &impl ConnectionTrait, pid: Uuid) -> AppResult<users::Model> {
    users::Entity::find()
        .filter(users::Column::Pid.eq(pid))
        .filter(users::Column::Role.eq(Role::Mediator.as_ref()))
        .filter(users::Column::Active.eq(true))
        .one(db)
        .await?
        .ok_or(AppError::NotFound)
}

/// Stores an assignment decision (or a failed attempt, with no mediator) and returns it
/// with the SHA-256 of the stored explanation, which the case event carries. A new
/// mediator ends the previous assignment as replaced, and becomes the most recently
/// assigned for rotation.
///
/// # Errors
/// Database errors.
pub async fn record(
    db: &impl ConnectionTrait,
    case_id: i64,
    mediator_id: Option<i64>,
    explanation: &Explanation,
    assigned_by: Option<i64>,
    now: DateTime<Utc>,
) -> AppResult<(assignments::Model, String)> {
    // Stored without the sentences, which are derived from the codes when read.
    let mut stored = explanation.clone();
    for r in stored
        .excluded
        .iter_mut()
        .flat_map(|e| e.reasons.iter_mut())
    {
        r.message.clear();
    }
    let text = serde_json::to_string(&stored)
        .map_err(|e| AppError::Internal(format!("explanation: {e}")))?;
    let hash = hex::encode(Sha256::digest(text.as_bytes()));
    if let Some(m) = mediator_id {
        if let Some(current) = current(db, case_id).await? {
            end(db, current, AssignmentEnd::Replaced, now).await?;
        }
        Profiles::update_many()
            .col_expr(
                ProfileColumn::LastAssignedAt,
                Expr::value(Some(DateTimeWithTimeZone::from(now))),
            )
            .filter(ProfileColumn::UserId.eq(m))
            .exec(db)
            .await?;
    }
    let row = assignments::ActiveModel {
        pid: Set(Uuid::new_v4()),
        case_id: Set(case_id),
        mediator_id: Set(mediator_id),
        method: Set(explanation.method.to_string()),
        override_reason: Set(explanation.override_reason.clone()),
        explanation: Set(text),
        assigned_by_id: Set(assigned_by),
        assigned_at: Set(now.into()),
        ended_at: Set(None),
        end_reason: Set(None),
        created_at: Set(now.into()),
        updated_at: Set(now.into()),
        ..Default::default()
    }
    .insert(db)
    .await?;
    Ok((row, hash))
}

/// The assignment under which the case's mediator holds it now.
///
/// # Errors
/// Database errors.
pub async fn current(
    db: &impl ConnectionTrait,
    case_id: i64,
) -> AppResult<Option<assignments::Model>> {
    Ok(assignments::Entity::find()
        .filter(assignments::Column::CaseId.eq(case_id))
        .filter(assignments::Column::MediatorId.is_not_null())
        .filter(assignments::Column::EndedAt.is_null())
        .order_by_desc(assignments::Column::Id)
        .one(db)
        .await?)
}

/// Ends an assignment; a challenge still pending against it becomes moot.
///
/// # Errors
/// Database errors.
pub async fn end(
    db: &impl ConnectionTrait,
    assignment: assignments::Model,
    reason: AssignmentEnd,
    now: DateTime<Utc>,
) -> AppResult<()> {
    challenges::Entity::update_many()
        .col_expr(
            challenges::Column::Status,
            Expr::value(ChallengeStatus::Moot.as_ref()),
        )
        .col_expr(
            challenges::Column::UpdatedAt,
            Expr::value(DateTimeWithTimeZone::from(now)),
        )
        .filter(challenges::Column::AssignmentId.eq(assignment.id))
        .filter(challenges::Column::Status.eq(ChallengeStatus::Pending.as_ref()))
        .exec(db)
        .await?;
    let mut am: assignments::ActiveModel = assignment.into();
    am.ended_at = Set(Some(now.into()));
    am.end_reason = Set(Some(reason.to_string()));
    am.updated_at = Set(now.into());
    am.update(db).await?;
    Ok(())
}

/// Every assignment decision of a case, oldest first, with its mediator.
///
/// # Errors
/// Database errors.
pub async fn history(
    db: &impl ConnectionTrait,
    case_id: i64,
) -> AppResult<Vec<(assignments::Model, Option<users::Model>)>> {
    let rows = assignments::Entity::find()
        .filter(assignments::Column::CaseId.eq(case_id))
        .order_by_asc(assignments::Column::Id)
        .all(db)
        .await?;
    let ids: Vec<i64> = rows.iter().filter_map(|a| a.mediator_id).collect();
    let people: HashMap<i64, users::Model> = users::Entity::find()
        .filter(users::Column::Id.is_in(ids))
        .all(db)
        .await?
        .into_iter()
        .map(|u| (u.id, u))
        .collect();
    Ok(rows
        .into_iter()
        .map(|a| {
            let who = a.mediator_id.and_then(|m| people.get(&m)).cloned();
            (a, who)
        })
        .collect())
}

/// Parses a stored explanation.
///
/// # Errors
/// When the stored text is not an explanation.
pub fn explanation_of(row: &assignments::Model) -> AppResult<Explanation> {
    let mut e: Explanation = serde_json::from_str(&row.explanation)
        .map_err(|e| AppError::Corrupt(format!("assignment {}: {e}", row.pid)))?;
    for r in e.excluded.iter_mut().flat_map(|x| x.reasons.iter_mut()) {
        r.message = describe(&r.code, r.detail.as_deref()).to_string();
    }
    Ok(e)
}

/// What one viewer may read of a case's assignment record.
pub struct Record {
    pub assignments: Vec<(assignments::Model, Option<users::Model>, Explanation)>,
    pub challenges: Vec<challenges::Model>,
    /// The registry and oversight see every mediator's reasons; the parties and the
    /// mediator see the outcome and the counts, not other mediators' conflicts.
    pub full: bool,
}

/// The assignment record of the case `pid` as `actor` may read it.
///
/// # Errors
/// 404 when the case is not visible to `actor`; database errors.
pub async fn record_for(
    db: &impl ConnectionTrait,
    actor: &users::Actor,
    pid: Uuid,
) -> AppResult<Record> {
    let case = cases::Model::find_for(db, actor, pid).await?;
    record_of(db, actor, &case).await
}

/// The assignment record of `case`, found for `actor` already, as they may read it.
///
/// # Errors
/// Database errors.
pub async fn record_of(
    db: &impl ConnectionTrait,
    actor: &users::Actor,
    case: &cases::Model,
) -> AppResult<Record> {
    let mut out = Vec::new();
    for (a, who) in history(db, case.id).await? {
        let e = explanation_of(&a)?;
        out.push((a, who, e));
    }
    let challenges = challenges::Entity::find()
        .filter(challenges::Column::CaseId.eq(case.id))
        .order_by_asc(challenges::Column::Id)
        .all(db)
        .await?;
    Ok(Record {
        assignments: out,
        challenges,
        full: matches!(actor.role, Role::Registrar | Role::Oversight),
    })
}
