//! What admins manage: people, bodies and the holiday calendar (never case content).
use axum::{
    extract::{Path, State},
    http::StatusCode,
    routing::{delete, get, patch},
};
use chrono::NaiveDate;
use loco_rs::prelude::{format, AppContext, Response, Result, Routes};
use serde::Deserialize;
use validator::Validate;

use super::extract::{pid, CurrentActor, ValidJson, ValidQuery};
use crate::errors::ErrorBody;
use crate::{
    errors::{one_line, visible_2, AppError, FieldErrors, Said},
    models::{
        bodies, holidays,
        users::{self, Accreditation, AccreditationChange},
        vocabulary::{BodyKind, Locale, Role},
    },
    views::people::{BodyView, HolidayView, UserView},
};

fn admin_only(current: &CurrentActor) -> Result<(), AppError> {
    super::extract::only(current, &[Role::Admin])
}

/// Body codes appear in URLs and filters: letters, digits, `-` and `_` only.
fn body_code(code: &str) -> Result<(), validator::ValidationError> {
    if code
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
    {
        Ok(())
    } else {
        Err(validator::ValidationError::new("format")
            .with_message("letters, digits, '-' and '_' only".into()))
    }
}

fn parse_zone(errors: &mut FieldErrors, raw: &str) -> Option<chrono_tz::Tz> {
    raw.parse::<chrono_tz::Tz>().map_or_else(
        |_| {
            errors.add_said(
                "time_zone",
                "invalid",
                Said::new("field-bad-zone").text("zone", raw),
            );
            None
        },
        Some,
    )
}

#[derive(Debug, Deserialize, Validate, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewUserParams {
    #[validate(email(message = "must be an email address"), length(max = 254))]
    email: String,
    #[validate(
        length(max = 200),
        custom(function = "one_line"),
        custom(function = "visible_2")
    )]
    name: String,
    role: Role,
    delegation: Option<String>,
    body: Option<String>,
    #[serde(default = "default_locale")]
    locale: Locale,
    time_zone: String,
    password: Option<String>,
}

const fn default_locale() -> Locale {
    Locale::En
}

#[derive(Debug, Deserialize, Validate, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct UserChangeParams {
    #[validate(
        length(max = 200),
        custom(function = "one_line"),
        custom(function = "visible_2")
    )]
    name: Option<String>,
    locale: Option<Locale>,
    time_zone: Option<String>,
    active: Option<bool>,
}

#[derive(Debug, Deserialize, utoipa::ToSchema, utoipa::IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct UserFilter {
    role: Option<Role>,
}

#[utoipa::path(get, path = "/api/admin/users", tag = "admin", security(("bearer" = [])), params(UserFilter), responses((status = 200, body = Vec<UserView>), (status = 401, description = "not signed in", body = ErrorBody), (status = 404, description = "not an admin", body = ErrorBody), (status = 422, description = "invalid input, per field", body = ErrorBody)))]
pub async fn list_users(
    State(ctx): State<AppContext>,
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
    State(ctx): State<AppContext>,
    current: CurrentActor,
    ValidJson(p): ValidJson<NewUserParams>,
) -> Result<Response> {
    admin_only(&current)?;
    let user = accredit(&ctx, p).await?;
    let aff = user.affiliation_codes(&ctx.db).await?;
    format::render()
        .status(StatusCode::CREATED)
        .json(UserView::new(&user, aff))
}

/// Accredits the person `p` describes.
///
/// # Errors
/// 422 per field; a taken email is a 422 on `email`.
pub async fn accredit(ctx: &AppContext, p: NewUserParams) -> Result<users::Model, AppError> {
    let mut errors = FieldErrors::new();
    errors.check(&p);
    let zone = parse_zone(&mut errors, &p.time_zone);
    errors.into_result()?;
    let Some(zone) = zone else {
        return Err(AppError::Internal("zone parsed without errors".into()));
    };
    let settings = crate::settings::Settings::of(ctx)?;
    users::accredit(
        &ctx.db,
        &settings,
        Accreditation {
            email: p.email,
            name: p.name,
            role: p.role,
            delegation: p.delegation,
            body: p.body,
            locale: p.locale,
            zone,
            password: p.password,
        },
        crate::clock::now(ctx),
    )
    .await
}

#[utoipa::path(patch, path = "/api/admin/users/{pid}", tag = "admin", security(("bearer" = [])), params(("pid" = String, Path, description = "the user pid")), request_body = UserChangeParams, responses((status = 200, body = UserView), (status = 401, description = "not signed in", body = ErrorBody), (status = 404, description = "not an admin, or no such user", body = ErrorBody), (status = 422, description = "invalid input, per field", body = ErrorBody)))]
pub async fn update_user(
    State(ctx): State<AppContext>,
    current: CurrentActor,
    Path(raw): Path<String>,
    ValidJson(p): ValidJson<UserChangeParams>,
) -> Result<Response> {
    admin_only(&current)?;
    let user = change_user(&ctx, &current.actor, pid(&raw)?, p).await?;
    let aff = user.affiliation_codes(&ctx.db).await?;
    format::json(UserView::new(&user, aff))
}

/// Changes the accreditation of the person `pid`.
///
/// # Errors
/// 404 for an unknown person, 422 per field.
pub async fn change_user(
    ctx: &AppContext,
    admin: &users::Actor,
    pid: uuid::Uuid,
    p: UserChangeParams,
) -> Result<users::Model, AppError> {
    let mut errors = FieldErrors::new();
    errors.check(&p);
    let zone = p
        .time_zone
        .as_deref()
        .and_then(|z| parse_zone(&mut errors, z));
    errors.into_result()?;
    users::change(
        &ctx.db,
        admin,
        pid,
        AccreditationChange {
            name: p.name,
            locale: p.locale,
            zone,
            active: p.active,
        },
        crate::clock::now(ctx),
    )
    .await
}

#[derive(Debug, Deserialize, Validate, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewBodyParams {
    #[validate(length(min = 2, max = 20), custom(function = "body_code"))]
    code: String,
    #[validate(
        length(max = 200),
        custom(function = "one_line"),
        custom(function = "visible_2")
    )]
    name: String,
    kind: BodyKind,
}

#[utoipa::path(post, path = "/api/admin/bodies", tag = "admin", security(("bearer" = [])), request_body = NewBodyParams, responses((status = 201, body = BodyView), (status = 401, description = "not signed in", body = ErrorBody), (status = 404, description = "not an admin", body = ErrorBody), (status = 422, description = "invalid input, per field", body = ErrorBody)))]
pub async fn create_body(
    State(ctx): State<AppContext>,
    current: CurrentActor,
    ValidJson(p): ValidJson<NewBodyParams>,
) -> Result<Response> {
    admin_only(&current)?;
    let body = create_body_from(&ctx, p).await?;
    format::render()
        .status(StatusCode::CREATED)
        .json(BodyView::from(&body))
}

/// Adds the body `p` describes.
///
/// # Errors
/// 422 per field; a taken code is a 422 on `code`.
pub async fn create_body_from(
    ctx: &AppContext,
    p: NewBodyParams,
) -> Result<bodies::Model, AppError> {
    let mut errors = FieldErrors::new();
    errors.check(&p);
    errors.into_result()?;
    bodies::create(&ctx.db, &p.code, &p.name, p.kind, crate::clock::now(ctx)).await
}

#[utoipa::path(get, path = "/api/admin/holidays", tag = "admin", security(("bearer" = [])), responses((status = 200, body = Vec<HolidayView>), (status = 401, description = "not signed in", body = ErrorBody), (status = 404, description = "not an admin", body = ErrorBody)))]
pub async fn list_holidays(
    State(ctx): State<AppContext>,
    current: CurrentActor,
) -> Result<Response> {
    admin_only(&current)?;
    let list = holidays::list(&ctx.db).await?;
    format::json(list.iter().map(HolidayView::from).collect::<Vec<_>>())
}

#[derive(Debug, Deserialize, Validate, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewHolidayParams {
    #[serde(deserialize_with = "crate::models::day::bounded")]
    date: NaiveDate,
    #[validate(
        length(max = 200),
        custom(function = "one_line"),
        custom(function = "visible_2")
    )]
    name: String,
}

#[utoipa::path(post, path = "/api/admin/holidays", tag = "admin", security(("bearer" = [])), request_body = NewHolidayParams, responses((status = 201, body = HolidayView), (status = 401, description = "not signed in", body = ErrorBody), (status = 404, description = "not an admin", body = ErrorBody), (status = 422, description = "invalid input, per field", body = ErrorBody)))]
pub async fn create_holiday(
    State(ctx): State<AppContext>,
    current: CurrentActor,
    ValidJson(p): ValidJson<NewHolidayParams>,
) -> Result<Response> {
    admin_only(&current)?;
    let h = add_holiday(&ctx, p).await?;
    format::render()
        .status(StatusCode::CREATED)
        .json(HolidayView::from(&h))
}

/// Adds the holiday `p` describes.
///
/// # Errors
/// 422 per field.
pub async fn add_holiday(
    ctx: &AppContext,
    p: NewHolidayParams,
) -> Result<holidays::Model, AppError> {
    let mut errors = FieldErrors::new();
    errors.check(&p);
    errors.into_result()?;
    holidays::add(&ctx.db, p.date, &p.name, crate::clock::now(ctx)).await
}

#[utoipa::path(delete, path = "/api/admin/holidays/{date}", tag = "admin", security(("bearer" = [])), params(("date" = String, Path, description = "YYYY-MM-DD")), responses((status = 204, description = "removed"), (status = 401, description = "not signed in", body = ErrorBody), (status = 404, description = "not an admin, or no holiday that day", body = ErrorBody)))]
pub async fn delete_holiday(
    State(ctx): State<AppContext>,
    current: CurrentActor,
    Path(raw): Path<String>,
) -> Result<Response> {
    admin_only(&current)?;
    let date = NaiveDate::parse_from_str(&raw, "%Y-%m-%d").map_err(|_| AppError::NotFound)?;
    holidays::remove(&ctx.db, date).await?;
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
