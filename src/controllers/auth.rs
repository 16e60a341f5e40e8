//! Sign-in and password reset. There is no self sign-up: admins accredit people.
use axum::{
    extract::State,
    routing::{get, post},
};
use loco_rs::prelude::{format, AppContext, Response, Result, Routes};
use serde::Deserialize;

use super::extract::{now, CurrentActor, ValidJson};
use crate::{
    errors::FieldErrors,
    models::users,
    settings::Settings,
    views::people::{LoginView, UserView},
};

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct LoginParams {
    email: String,
    password: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ForgotParams {
    email: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ResetParams {
    token: String,
    password: String,
}

async fn login(
    State(ctx): State<AppContext>,
    ValidJson(p): ValidJson<LoginParams>,
) -> Result<Response> {
    let user = users::Model::authenticate(&ctx.db, &p.email, &p.password).await?;
    let jwt = ctx.config.get_jwt_config()?;
    let token = user.generate_jwt(&jwt.secret, jwt.expiration)?;
    let affiliation = user.affiliation_codes(&ctx.db).await?;
    format::json(LoginView {
        token,
        user: UserView::new(&user, affiliation),
    })
}

async fn forgot(
    State(ctx): State<AppContext>,
    ValidJson(p): ValidJson<ForgotParams>,
) -> Result<Response> {
    let mut errors = FieldErrors::new();
    errors.text("email", &p.email, 3, 254);
    errors.into_result()?;
    users::Model::request_password_reset(&ctx.db, &p.email, now()).await?;
    // The same answer whether or not the address is accredited.
    format::json(
        serde_json::json!({ "status": "if this address is accredited, a reset link is on its way" }),
    )
}

async fn reset(
    State(ctx): State<AppContext>,
    ValidJson(p): ValidJson<ResetParams>,
) -> Result<Response> {
    let settings = Settings::of(&ctx)?;
    users::Model::reset_password(
        &ctx.db,
        &p.token,
        &p.password,
        settings.reset_token_minutes,
        now(),
    )
    .await?;
    format::json(serde_json::json!({ "status": "password changed" }))
}

async fn me(State(ctx): State<AppContext>, current: CurrentActor) -> Result<Response> {
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
