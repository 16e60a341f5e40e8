//! Signing in and out, resetting a password, choosing the language.
use axum::{extract::Query, http::StatusCode, response::Response};
use serde::Deserialize;
use serde_json::json;

use super::{
    field_messages, fields_refused, Posted, Visitor, WebError, LANG_COOKIE, SESSION_COOKIE,
};
use crate::{
    errors::{AppError, FieldErrors},
    models::{
        users,
        vocabulary::{Locale, Role},
        web_sessions,
    },
    settings::Settings,
};

/// Where each role starts.
#[must_use]
pub const fn home_of(role: Role) -> &'static str {
    match role {
        Role::Delegate | Role::Respondent | Role::Mediator => "/cases",
        Role::Registrar => "/desk",
        Role::Oversight => "/oversight",
        Role::Admin => "/admin/users",
    }
}

/// A return path after sign-in: only a path on this site, so the page cannot be used to
/// send someone elsewhere.
pub(super) fn local_path(next: Option<&str>) -> Option<String> {
    // Visible ASCII only: browsers drop tabs and newlines from a Location, which could turn
    // `/\t/evil.example` into `//evil.example`.
    next.filter(|n| {
        n.starts_with('/')
            && !n.starts_with("//")
            && !n.contains('\\')
            && n.bytes().all(|b| b.is_ascii_graphic())
    })
    .map(ToString::to_string)
}

#[derive(Debug, Deserialize)]
pub struct Next {
    next: Option<String>,
}

fn sign_in_form(
    v: &Visitor,
    status: StatusCode,
    next: Option<String>,
    email: &str,
    problem: Option<String>,
) -> Result<Response, WebError> {
    v.page(
        status,
        "account/sign_in.html",
        "sign-in-title",
        json!({ "next": next, "email": email, "problem": problem }),
    )
}

/// `GET /sign-in`
pub async fn sign_in_page(v: Visitor, Query(q): Query<Next>) -> Result<Response, WebError> {
    if let Some(me) = &v.me {
        return Ok(v.redirect(home_of(me.actor.role), None));
    }
    sign_in_form(&v, StatusCode::OK, local_path(q.next.as_deref()), "", None)
}

/// `POST /sign-in`: a session cookie on success; the same answer for every failure.
pub async fn sign_in(Posted { mut v, form }: Posted) -> Result<Response, WebError> {
    let email = form.text("email");
    let next = local_path(form.get("next"));
    let settings = Settings::of(&v.ctx)?;
    let password = form.text("password");
    let user =
        match users::Model::authenticate(&v.ctx.db, &email, &password, v.now, settings.sign_in)
            .await
        {
            Ok(u) => u,
            Err(e @ (AppError::Unauthorized | AppError::Throttled(_))) => {
                let problem = v.problem(&e);
                return sign_in_form(&v, e.answer().status, next, &email, Some(problem));
            }
            Err(e) => return Err(e.into()),
        };
    let actor = user.actor()?;
    let token = web_sessions::start(&v.ctx.db, &user, v.now).await?;
    let session = v.session_cookie(SESSION_COOKIE, token);
    v.set_cookie(session);
    let lang = v.session_cookie(LANG_COOKIE, actor.locale.to_string());
    v.set_cookie(lang);
    let target = next.unwrap_or_else(|| home_of(actor.role).to_string());
    Ok(v.redirect(&target, None))
}

/// `POST /sign-out`: the session ends on the server, not only in this browser.
pub async fn sign_out(Posted { mut v, .. }: Posted) -> Result<Response, WebError> {
    if let Some(token) = v.session_token() {
        web_sessions::end(&v.ctx.db, token).await?;
    }
    let gone = v.removal(SESSION_COOKIE);
    v.set_cookie(gone);
    Ok(v.redirect("/sign-in", Some("flash-signed-out")))
}

/// `GET /password/forgot`
pub async fn forgot_page(v: Visitor) -> Result<Response, WebError> {
    v.page(
        StatusCode::OK,
        "account/forgot.html",
        "forgot-title",
        json!({ "email": "", "errors": {} }),
    )
}

/// `POST /password/forgot`: the same answer whether or not the address is accredited.
pub async fn forgot(Posted { v, form }: Posted) -> Result<Response, WebError> {
    let email = form.text("email");
    let mut errors = FieldErrors::new();
    errors.text("email", &email, 3, 254);
    if let Err(refusal) = errors.into_result() {
        let (status, errors) = fields_refused(refusal)?;
        return v.page(
            status,
            "account/forgot.html",
            "forgot-title",
            json!({ "email": email, "errors": field_messages(v.locale, &errors) }),
        );
    }
    let settings = Settings::of(&v.ctx)?;
    users::Model::request_password_reset(&v.ctx.db, &email, v.now, settings.sign_in).await?;
    Ok(v.redirect("/password/reset", Some("flash-reset-sent")))
}

#[derive(Debug, Deserialize)]
pub struct Token {
    token: Option<String>,
}

/// `GET /password/reset?token=`
pub async fn reset_page(v: Visitor, Query(q): Query<Token>) -> Result<Response, WebError> {
    v.page(
        StatusCode::OK,
        "account/reset.html",
        "reset-title",
        json!({ "token": q.token.unwrap_or_default(), "errors": {} }),
    )
}

/// `POST /password/reset`: a new password, and every session of the account ends.
pub async fn reset(Posted { v, form }: Posted) -> Result<Response, WebError> {
    let settings = Settings::of(&v.ctx)?;
    let token = form.text("token");
    let password = form.text("password");
    let mut errors = FieldErrors::new();
    if password != form.text("password_confirmation") {
        errors.add("password_confirmation", "mismatch", v.t("reset-mismatch"));
    }
    let outcome = if errors.is_empty() {
        users::Model::reset_password(
            &v.ctx.db,
            token.trim(),
            &password,
            settings.reset_token_minutes,
            v.now,
        )
        .await
    } else {
        Err(AppError::Validation(errors))
    };
    match outcome {
        Ok(()) => Ok(v.redirect("/sign-in", Some("flash-password-changed"))),
        Err(e) => {
            let (status, errors) = fields_refused(e)?;
            v.page(
                status,
                "account/reset.html",
                "reset-title",
                json!({ "token": token, "errors": field_messages(v.locale, &errors) }),
            )
        }
    }
}

/// `POST /language`: remembered on the account when signed in, in a cookie otherwise.
pub async fn language(Posted { mut v, form }: Posted) -> Result<Response, WebError> {
    let Some(locale) = form.get("lang").and_then(|l| l.parse::<Locale>().ok()) else {
        return Err(AppError::Validation(FieldErrors::single(
            "lang",
            "invalid_choice",
            format!("must be one of: {}", Locale::names().join(", ")),
        ))
        .into());
    };
    if let Some(me) = &v.me {
        users::set_locale(&v.ctx.db, me.actor.id, locale, v.now).await?;
    }
    let lang = v.session_cookie(LANG_COOKIE, locale.to_string());
    v.set_cookie(lang);
    let back = local_path(form.get("next")).unwrap_or_else(|| "/".to_string());
    Ok(v.redirect(&back, None))
}

/// `GET /`: each person's own start page; the public one otherwise.
pub async fn home(v: Visitor) -> Result<Response, WebError> {
    match &v.me {
        Some(me) => Ok(v.redirect(home_of(me.actor.role), None)),
        None => v.page(StatusCode::OK, "home.html", "home-title", json!({})),
    }
}
