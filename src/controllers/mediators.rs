//! Mediators: each one's caseload, every mediator's load for the registry, the fairness
//! ledger, a case's assignment record, and the profiles admins manage.
use super::extract::Ctx;
use std::collections::BTreeSet;

use crate::models::day::Day;
use axum::{extract::Path, routing::get};
use loco_rs::prelude::{format, Response, Result, Routes};
use serde::Deserialize;

use super::extract::{only, period, pid, CurrentActor, ValidJson, ValidQuery};
use crate::{
    errors::ErrorBody,
    models::{
        mediators::{self, ledger, staffing, ProfileChange},
        vocabulary::{Language, Role},
    },
    views::mediators::{AssignmentList, CaseloadView, LoadList, LoadView, ProfileView},
};

/// How much of the caseload to send.
#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct CaseloadQuery {
    /// The most pressing cases to list, 1 to 200 (50 when absent); the counts cover all.
    limit: Option<u64>,
}

#[utoipa::path(get, path = "/api/mediators/me/caseload", tag = "mediators", security(("bearer" = [])), params(CaseloadQuery), responses((status = 200, body = CaseloadView), (status = 401, description = "not signed in", body = ErrorBody), (status = 404, description = "not a mediator", body = ErrorBody), (status = 422, description = "a bad limit", body = ErrorBody)))]
pub async fn caseload(
    Ctx(ctx): Ctx,
    current: CurrentActor,
    ValidQuery(q): ValidQuery<CaseloadQuery>,
) -> Result<Response> {
    only(&current, &[Role::Mediator])?;
    let policy = current.policy(&ctx).await?;
    let limit = ledger::caseload_limit(q.limit);
    let load = ledger::caseload(&ctx.db, &current.actor, policy.now, limit).await?;
    format::json(CaseloadView::new(
        &load,
        &current.actor,
        &policy.calendar,
        policy.now,
    ))
}

#[utoipa::path(get, path = "/api/mediators", tag = "mediators", security(("bearer" = [])), responses((status = 200, body = LoadList), (status = 401, description = "not signed in", body = ErrorBody), (status = 404, description = "not the registry or oversight", body = ErrorBody)))]
pub async fn loads(Ctx(ctx): Ctx, current: CurrentActor) -> Result<Response> {
    only(&current, &[Role::Registrar, Role::Oversight])?;
    let (items, awaiting_mediator) = ledger::loads(&ctx.db, crate::clock::now(&ctx)).await?;
    format::json(LoadList {
        items: items.iter().map(LoadView::from).collect(),
        awaiting_mediator,
    })
}

/// The period of the ledger, in whole days (UTC): `from` inclusive, `to` inclusive.
#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct Period {
    /// First day; 90 days before `to` when absent.
    pub from: Option<Day>,
    /// Last day; today when absent.
    pub to: Option<Day>,
}

#[utoipa::path(get, path = "/api/mediators/fairness", tag = "mediators", security(("bearer" = [])), params(Period), responses((status = 200, body = ledger::Ledger), (status = 401, description = "not signed in", body = ErrorBody), (status = 404, description = "not the registry or oversight", body = ErrorBody), (status = 422, description = "a bad period", body = ErrorBody)))]
pub async fn fairness(
    Ctx(ctx): Ctx,
    current: CurrentActor,
    ValidQuery(p): ValidQuery<Period>,
) -> Result<Response> {
    only(&current, &[Role::Registrar, Role::Oversight])?;
    let (start, end) = period(p.from, p.to, 90, crate::clock::now(&ctx).date_naive())?;
    format::json(ledger::ledger(&ctx.db, start, end).await?)
}

#[utoipa::path(get, path = "/api/cases/{pid}/assignments", tag = "mediators", security(("bearer" = [])), params(("pid" = String, Path, description = "the case pid")), responses((status = 200, body = AssignmentList), (status = 401, description = "not signed in", body = ErrorBody), (status = 404, description = "no such case in sight", body = ErrorBody)))]
pub async fn assignments(
    Ctx(ctx): Ctx,
    current: CurrentActor,
    Path(raw): Path<String>,
) -> Result<Response> {
    let record = staffing::record_for(&ctx.db, &current.actor, pid(&raw)?).await?;
    format::json(AssignmentList::new(&record, current.actor.zone))
}

#[utoipa::path(get, path = "/api/admin/mediators/{pid}", tag = "admin", security(("bearer" = [])), params(("pid" = String, Path, description = "the mediator's user pid")), responses((status = 200, body = ProfileView), (status = 401, description = "not signed in", body = ErrorBody), (status = 404, description = "not an admin, or no such mediator", body = ErrorBody)))]
pub async fn profile(
    Ctx(ctx): Ctx,
    current: CurrentActor,
    Path(raw): Path<String>,
) -> Result<Response> {
    only(&current, &[Role::Admin])?;
    let p = mediators::profile(&ctx.db, pid(&raw)?).await?;
    format::json(ProfileView::from(&p))
}

/// Changes to a mediator's profile; absent fields stay as they are, and a conflict list
/// given replaces the one stored.
#[derive(Debug, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ProfileParams {
    languages: Option<Vec<Language>>,
    /// Open cases the mediator may hold (1 to 1000).
    capacity: Option<u32>,
    on_leave: Option<bool>,
    /// ISO alpha-3 codes of delegations the mediator declares a conflict with.
    conflicting_delegations: Option<Vec<String>>,
    /// Codes of bodies the mediator declares a conflict with.
    conflicting_bodies: Option<Vec<String>>,
}

impl ProfileParams {
    /// The change these parameters ask for.
    #[must_use]
    pub fn into_change(self) -> ProfileChange {
        ProfileChange {
            languages: self
                .languages
                .map(|l| l.into_iter().collect::<BTreeSet<_>>()),
            capacity: self.capacity,
            on_leave: self.on_leave,
            conflicting_delegations: self.conflicting_delegations,
            conflicting_bodies: self.conflicting_bodies,
        }
    }
}

#[utoipa::path(patch, path = "/api/admin/mediators/{pid}", tag = "admin", security(("bearer" = [])), params(("pid" = String, Path, description = "the mediator's user pid")), request_body = ProfileParams, responses((status = 200, body = ProfileView), (status = 401, description = "not signed in", body = ErrorBody), (status = 404, description = "not an admin, or no such mediator", body = ErrorBody), (status = 422, description = "invalid input, per field", body = ErrorBody)))]
pub async fn change_profile(
    Ctx(ctx): Ctx,
    current: CurrentActor,
    Path(raw): Path<String>,
    ValidJson(p): ValidJson<ProfileParams>,
) -> Result<Response> {
    only(&current, &[Role::Admin])?;
    let profile = mediators::change_profile(
        &ctx.db,
        &current.actor,
        pid(&raw)?,
        p.into_change(),
        crate::clock::now(&ctx),
    )
    .await?;
    format::json(ProfileView::from(&profile))
}

pub fn routes() -> Routes {
    Routes::new()
        .add("/api/mediators", get(loads))
        .add("/api/mediators/me/caseload", get(caseload))
        .add("/api/mediators/fairness", get(fairness))
        .add("/api/cases/{pid}/assignments", get(assignments))
        .add(
            "/api/admin/mediators/{pid}",
            get(profile).patch(change_profile),
        )
}
