//! Sign-in and password reset. There is no self sign-up: admins accredit people.
use super::extract::Ctx;
use axum::routing::{get, post};
use loco_rs::prelude::{format, Response, Result, Routes};
use serde::Deserialize;
use validator::Validate;

use super::extract::{CurrentActor, ValidJson};
use crate::errors::ErrorBody;
use crate::{
    errors::FieldErrors,
    models::users,
    settings::Settings,
    views::people::{LoginView, UserView},
};

#[derive(Debug, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct LoginParams {
    email: String,
    password: String,
}

#[derive(Debug, Deserialize, Validate, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ForgotParams {
    #[validate(length(min = 3, max = 254))]
    email: String,
}

#[derive(Debug, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ResetParams {
    token: String,
    password: String,
}

#[utoipa::path(post, path = "/api/auth/login", tag = "auth", request_body = LoginParams, responses((status = 200, body = LoginView), (status = 401, description = "wrong email or password", body = ErrorBody), (status = 422, description = "invalid input, per field", body = ErrorBody), (status = 429, description = "too many failed sign-ins for this address: paused, password unchecked, until the time the description gives", body = ErrorBody)))]
pub async fn login(Ctx(ctx): Ctx, ValidJson(p): ValidJson<LoginParams>) -> Result<Response> {
    let settings = Settings::of(&ctx)?;
    let user = users::Model::authenticate(
        &ctx.db,
        &p.email,
        &p.password,
        crate::clock::now(&ctx),
        settings.sign_in,
    )
    .await?;
    let jwt = ctx.config.get_jwt_config()?;
    let token = user.generate_jwt(&jwt.secret, jwt.expiration)?;
    let affiliation = user.affiliation_codes(&ctx.db).await?;
    format::json(LoginView {
        token,
        user: UserView::new(&user, affiliation),
    })
}

#[utoipa::path(post, path = "/api/auth/forgot", tag = "auth", request_body = ForgotParams, responses((status = 200, description = "the same answer for any address"), (status = 422, description = "invalid input, per field", body = ErrorBody)))]
pub async fn forgot(Ctx(ctx): Ctx, ValidJson(p): ValidJson<ForgotParams>) -> Result<Response> {
    FieldErrors::refuse_invalid(&p)?;
    let settings = Settings::of(&ctx)?;
    users::Model::request_password_reset(
        &ctx.db,
        &p.email,
        crate::clock::now(&ctx),
        settings.sign_in,
    )
    .await?;
    // The same answer whether or not the address is accredited.
    format::json(
        serde_json::json!({ "status": "if this address is accredited, a reset link is on its way" }),
    )
}

#[utoipa::path(post, path = "/api/auth/reset", tag = "auth", request_body = ResetParams, responses((status = 200, description = "password changed"), (status = 422, description = "invalid input, per field", body = ErrorBody)))]
pub async fn reset(Ctx(ctx): Ctx, ValidJson(p): ValidJson<ResetParams>) -> Result<Response> {
    let settings = Settings::of(&ctx)?;
    users::Model::reset_password(
        &ctx.db,
        &p.token,
        &p.password,
        settings.reset_token_minutes,
        crate::clock::now(&ctx),
    )
    .await?;
    format::json(serde_json::json!({ "status": "password changed" }))
}

#[utoipa::path(get, path = "/api/auth/me", tag = "auth", security(("bearer" = [])), responses((status = 200, body = UserView), (status = 401, description = "not signed in", body = ErrorBody)))]
pub async fn me(Ctx(ctx): Ctx, current: CurrentActor) -> Result<Response> {
    let affiliation = current.user.affiliation_codes(&ctx.db).await?;
    format::json(UserView::new(&current.user, affiliation))
}

pub fn routes() -> Routes {
    Routes::new()
        .prefix("/api/auth")
        .add("/login", post(login))
        .add("/forgot", post(forgot))
        .add("/reset", post(reset))
        .add("/me", get(me))
}
