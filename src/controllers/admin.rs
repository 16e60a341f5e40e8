//! What admins manage: people, bodies and the holiday calendar (never case content).
use axum::{
    extract::{Path, State},
    http::StatusCode,
    routing::{delete, get, patch},
};
use chrono::NaiveDate;
use loco_rs::prelude::{format, AppContext, Response, Result, Routes};
use serde::Deserialize;

use super::extract::{now, pid, CurrentActor, ValidJson, ValidQuery};
use crate::{
    errors::{AppError, FieldErrors},
    models::{
        bodies, holidays,
        users::{self, Accreditation, AccreditationChange},
        vocabulary::{BodyKind, Locale, Role},
    },
    views::people::{BodyView, HolidayView, UserView},
};

fn admin_only(current: &CurrentActor) -> Result<(), AppError> {
    if current.actor.role == Role::Admin {
        Ok(())
    } else {
        Err(AppError::NotFound)
    }
}

fn parse_zone(errors: &mut FieldErrors, raw: &str) -> Option<chrono_tz::Tz> {
    raw.parse::<chrono_tz::Tz>().map_or_else(
        |_| {
            errors.add(
                "time_zone",
                "invalid",
                format!("`{raw}` is not an IANA time zone"),
            );
            None
        },
        Some,
    )
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct NewUserParams {
    email: String,
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

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct UserChangeParams {
    name: Option<String>,
    locale: Option<Locale>,
    time_zone: Option<String>,
    active: Option<bool>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct UserFilter {
    role: Option<Role>,
}

async fn list_users(
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

async fn create_user(
    State(ctx): State<AppContext>,
    current: CurrentActor,
    ValidJson(p): ValidJson<NewUserParams>,
) -> Result<Response> {
    admin_only(&current)?;
    let mut errors = FieldErrors::new();
    errors.text("name", &p.name, 2, 200);
    if !validator::ValidateEmail::validate_email(&p.email) || p.email.chars().count() > 254 {
        errors.add("email", "email", "must be an email address");
    }
    let zone = parse_zone(&mut errors, &p.time_zone);
    errors.into_result()?;
    let Some(zone) = zone else {
        return Err(AppError::Internal("zone parsed without errors".into()).into());
    };
    let user = users::accredit(
        &ctx.db,
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
        now(),
    )
    .await?;
    let aff = user.affiliation_codes(&ctx.db).await?;
    format::render()
        .status(StatusCode::CREATED)
        .json(UserView::new(&user, aff))
}

async fn update_user(
    State(ctx): State<AppContext>,
    current: CurrentActor,
    Path(raw): Path<String>,
    ValidJson(p): ValidJson<UserChangeParams>,
) -> Result<Response> {
    admin_only(&current)?;
    let pid = pid(&raw)?;
    let mut errors = FieldErrors::new();
    if let Some(n) = &p.name {
        errors.text("name", n, 2, 200);
    }
    let zone = p
        .time_zone
        .as_deref()
        .and_then(|z| parse_zone(&mut errors, z));
    errors.into_result()?;
    let user = users::change(
        &ctx.db,
        &current.actor,
        pid,
        AccreditationChange {
            name: p.name,
            locale: p.locale,
            zone,
            active: p.active,
        },
        now(),
    )
    .await?;
    let aff = user.affiliation_codes(&ctx.db).await?;
    format::json(UserView::new(&user, aff))
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct NewBodyParams {
    code: String,
    name: String,
    kind: BodyKind,
}

async fn create_body(
    State(ctx): State<AppContext>,
    current: CurrentActor,
    ValidJson(p): ValidJson<NewBodyParams>,
) -> Result<Response> {
    admin_only(&current)?;
    let mut errors = FieldErrors::new();
    errors.text("code", &p.code, 2, 20);
    if !p
        .code
        .trim()
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
    {
        errors.add("code", "format", "letters, digits, '-' and '_' only");
    }
    errors.text("name", &p.name, 2, 200);
    errors.into_result()?;
    let body = bodies::create(&ctx.db, &p.code, &p.name, p.kind, now()).await?;
    format::render()
        .status(StatusCode::CREATED)
        .json(BodyView::from(&body))
}

async fn list_holidays(State(ctx): State<AppContext>, current: CurrentActor) -> Result<Response> {
    admin_only(&current)?;
    let list = holidays::list(&ctx.db).await?;
    format::json(list.iter().map(HolidayView::from).collect::<Vec<_>>())
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct NewHolidayParams {
    date: NaiveDate,
    name: String,
}

async fn create_holiday(
    State(ctx): State<AppContext>,
    current: CurrentActor,
    ValidJson(p): ValidJson<NewHolidayParams>,
) -> Result<Response> {
    admin_only(&current)?;
    let mut errors = FieldErrors::new();
    errors.text("name", &p.name, 2, 200);
    errors.into_result()?;
    let h = holidays::add(&ctx.db, p.date, &p.name, now()).await?;
    format::render()
        .status(StatusCode::CREATED)
        .json(HolidayView::from(&h))
}

async fn delete_holiday(
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
