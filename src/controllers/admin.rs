//! What admins manage: people, bodies and the holiday calendar (never case content).
use super::extract::Ctx;
use axum::{
    extract::Path,
    http::StatusCode,
    routing::{delete, get, patch},
};
use chrono::NaiveDate;
use loco_rs::prelude::{format, Response, Result, Routes};
use serde::Deserialize;

use super::extract::{pid, CurrentActor, ValidJson, ValidQuery};
// The bodies the admin API takes are the models' own input types, under the names the API
// documents them by.
pub use crate::models::{
    bodies::NewBody as NewBodyParams,
    holidays::NewHoliday as NewHolidayParams,
    users::{NewUser as NewUserParams, UserChange as UserChangeParams},
};
use crate::{
    errors::{AppError, ErrorBody},
    models::{holidays, users, vocabulary::Role},
    settings::Settings,
    views::people::{BodyView, HolidayView, UserView},
};

fn admin_only(current: &CurrentActor) -> Result<(), AppError> {
    super::extract::only(current, &[Role::Admin])
}

#[derive(Debug, Deserialize, utoipa::ToSchema, utoipa::IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct UserFilter {
    role: Option<Role>,
}

#[utoipa::path(get, path = "/api/admin/users", tag = "admin", security(("bearer" = [])), params(UserFilter), responses((status = 200, body = Vec<UserView>), (status = 401, description = "not signed in", body = ErrorBody), (status = 404, description = "not an admin", body = ErrorBody), (status = 422, description = "invalid input, per field", body = ErrorBody)))]
pub async fn list_users(
    Ctx(ctx): Ctx,
    current: CurrentActor,
    ValidQuery(f): ValidQuery<UserFilter>,
) -> Result<Response> {
    admin_only(&current)?;
    let mut out = Vec::new();
    for u in users::list(&ctx.db, f.role).await? {
        let aff = u.affiliation_codes(&ctx.db).await?;
        out.push(UserView::new(&u, aff));
    }
    format::json(out)
}

#[utoipa::path(post, path = "/api/admin/users", tag = "admin", security(("bearer" = [])), request_body = NewUserParams, responses((status = 201, body = UserView), (status = 401, description = "not signed in", body = ErrorBody), (status = 404, description = "not an admin", body = ErrorBody), (status = 422, description = "invalid input, per field", body = ErrorBody)))]
pub async fn create_user(
    Ctx(ctx): Ctx,
    current: CurrentActor,
    ValidJson(p): ValidJson<NewUserParams>,
) -> Result<Response> {
    admin_only(&current)?;
    let settings = Settings::of(&ctx)?;
    let user = p
        .accredit(&ctx.db, &current.actor, &settings, crate::clock::now(&ctx))
        .await?;
    let aff = user.affiliation_codes(&ctx.db).await?;
    format::render()
        .status(StatusCode::CREATED)
        .json(UserView::new(&user, aff))
}

#[utoipa::path(patch, path = "/api/admin/users/{pid}", tag = "admin", security(("bearer" = [])), params(("pid" = String, Path, description = "the user pid")), request_body = UserChangeParams, responses((status = 200, body = UserView), (status = 401, description = "not signed in", body = ErrorBody), (status = 404, description = "not an admin, or no such user", body = ErrorBody), (status = 422, description = "invalid input, per field", body = ErrorBody)))]
pub async fn update_user(
    Ctx(ctx): Ctx,
    current: CurrentActor,
    Path(raw): Path<String>,
    ValidJson(p): ValidJson<UserChangeParams>,
) -> Result<Response> {
    admin_only(&current)?;
    let user = p
        .apply(&ctx.db, &current.actor, pid(&raw)?, crate::clock::now(&ctx))
        .await?;
    let aff = user.affiliation_codes(&ctx.db).await?;
    format::json(UserView::new(&user, aff))
}

#[utoipa::path(post, path = "/api/admin/bodies", tag = "admin", security(("bearer" = [])), request_body = NewBodyParams, responses((status = 201, body = BodyView), (status = 401, description = "not signed in", body = ErrorBody), (status = 404, description = "not an admin", body = ErrorBody), (status = 422, description = "invalid input, per field", body = ErrorBody)))]
pub async fn create_body(
    Ctx(ctx): Ctx,
    current: CurrentActor,
    ValidJson(p): ValidJson<NewBodyParams>,
) -> Result<Response> {
    admin_only(&current)?;
    let body = p
        .add(&ctx.db, &current.actor, crate::clock::now(&ctx))
        .await?;
    format::render()
        .status(StatusCode::CREATED)
        .json(BodyView::from(&body))
}

#[utoipa::path(get, path = "/api/admin/holidays", tag = "admin", security(("bearer" = [])), responses((status = 200, body = Vec<HolidayView>), (status = 401, description = "not signed in", body = ErrorBody), (status = 404, description = "not an admin", body = ErrorBody)))]
pub async fn list_holidays(Ctx(ctx): Ctx, current: CurrentActor) -> Result<Response> {
    admin_only(&current)?;
    let list = holidays::list(&ctx.db).await?;
    format::json(list.iter().map(HolidayView::from).collect::<Vec<_>>())
}

#[utoipa::path(post, path = "/api/admin/holidays", tag = "admin", security(("bearer" = [])), request_body = NewHolidayParams, responses((status = 201, body = HolidayView), (status = 401, description = "not signed in", body = ErrorBody), (status = 404, description = "not an admin", body = ErrorBody), (status = 422, description = "invalid input, per field", body = ErrorBody)))]
pub async fn create_holiday(
    Ctx(ctx): Ctx,
    current: CurrentActor,
    ValidJson(p): ValidJson<NewHolidayParams>,
) -> Result<Response> {
    admin_only(&current)?;
    let h = p
        .add(&ctx.db, &current.actor, crate::clock::now(&ctx))
        .await?;
    format::render()
        .status(StatusCode::CREATED)
        .json(HolidayView::from(&h))
}

#[utoipa::path(delete, path = "/api/admin/holidays/{date}", tag = "admin", security(("bearer" = [])), params(("date" = String, Path, description = "YYYY-MM-DD")), responses((status = 204, description = "removed"), (status = 401, description = "not signed in", body = ErrorBody), (status = 404, description = "not an admin, or no holiday that day", body = ErrorBody)))]
pub async fn delete_holiday(
    Ctx(ctx): Ctx,
    current: CurrentActor,
    Path(raw): Path<String>,
) -> Result<Response> {
    admin_only(&current)?;
    let date = NaiveDate::parse_from_str(&raw, "%Y-%m-%d").map_err(|_| AppError::NotFound)?;
    holidays::remove(&ctx.db, &current.actor, date, crate::clock::now(&ctx)).await?;
    format::render().status(StatusCode::NO_CONTENT).empty()
}

pub fn routes() -> Routes {
    Routes::new()
        .prefix("/api/admin")
        .add("/users", get(list_users).post(create_user))
        .add("/users/{pid}", patch(update_user))
        .add("/bodies", axum::routing::post(create_body))
        .add("/holidays", get(list_holidays).post(create_holiday))
        .add("/holidays/{date}", delete(delete_holiday))
}
