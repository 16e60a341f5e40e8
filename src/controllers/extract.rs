//! The edge: request bodies and query strings parsed into domain types, with every problem
//! answered as 422 and the field it concerns; the signed-in person as an [`Actor`].
use axum::{
    extract::{FromRequest, FromRequestParts, Request},
    http::request::Parts,
};
use chrono::{DateTime, Utc};
use loco_rs::{
    app::AppContext,
    auth::jwt,
    controller::extractor::auth::{extract_token, get_jwt_from_config},
};
use serde::de::DeserializeOwned;

use crate::models::day::Day;
use crate::{
    errors::{AppError, AppResult, FieldErrors, Said},
    models::{
        cases::{actions::ActionInput, transition::Command},
        holidays::CalendarVersion,
        users::{self, Actor},
    },
    policy::Policy,
};

/// Upper bound on a JSON body, well above the longest valid case.
pub const MAX_BODY_BYTES: usize = 512 * 1024;

/// The field a problem with the request as a whole is reported under (not `body`, which
/// names a case's body).
pub const WHOLE_REQUEST: &str = "request";

fn field_of_serde_message(path: &str, message: &str) -> String {
    // serde reports a missing field at the parent path, naming it in backticks.
    if let Some(rest) = message.strip_prefix("missing field `") {
        if let Some(name) = rest.split('`').next() {
            return if path == "." || path.is_empty() {
                name.to_string()
            } else {
                format!("{path}.{name}")
            };
        }
    }
    if path == "." || path.is_empty() {
        WHOLE_REQUEST.to_string()
    } else {
        path.to_string()
    }
}

/// The code of a field problem serde reports, from its words: the page's form parser gives
/// the same value the same code.
pub(crate) fn code_of_serde_message(message: &str) -> &'static str {
    if message.starts_with("missing field") {
        "required"
    } else if message.starts_with("unknown variant") {
        "invalid_choice"
    } else if message.starts_with("unknown field") {
        "unknown_field"
    } else if message.starts_with("invalid type") {
        "invalid_type"
    } else {
        "invalid"
    }
}

/// Turns a serde failure into a 422 naming the field, or a plain 400 for bytes that are
/// not JSON at all.
fn json_error(e: &serde_path_to_error::Error<serde_json::Error>) -> AppError {
    use serde_json::error::Category;
    match e.inner().classify() {
        Category::Syntax | Category::Eof | Category::Io => {
            AppError::Validation(FieldErrors::single(
                WHOLE_REQUEST,
                "malformed",
                format!("the body is not valid JSON: {}", e.inner()),
            ))
        }
        Category::Data => {
            let message = e.inner().to_string();
            let message = message
                .split(" at line ")
                .next()
                .unwrap_or(&message)
                .to_string();
            let path = e.path().to_string();
            AppError::Validation(FieldErrors::single(
                &field_of_serde_message(&path, &message),
                code_of_serde_message(&message),
                message,
            ))
        }
    }
}

/// Parses an action body: `{"action": "<name>", "expected_version": n, "written_in":
/// "<language>", ...fields}`.
///
/// # Errors
/// 422 naming the field that does not fit (`action` for an unknown action).
pub fn parse_command(bytes: &[u8]) -> Result<Command, AppError> {
    let mut fields: serde_json::Map<String, serde_json::Value> = parse_json(bytes)?;
    let action = match fields.remove("action") {
        Some(serde_json::Value::String(a)) => a,
        Some(_) => {
            return Err(AppError::Validation(FieldErrors::single(
                "action",
                "invalid_type",
                "must be the name of an action",
            )))
        }
        None => {
            return Err(AppError::Validation(FieldErrors::single(
                "action",
                "required",
                "missing field `action`",
            )))
        }
    };
    let expected_version = match fields.remove("expected_version") {
        None | Some(serde_json::Value::Null) => None,
        Some(v) => Some(v.as_i64().ok_or_else(|| {
            AppError::Validation(FieldErrors::single(
                "expected_version",
                "invalid_type",
                "must be an integer",
            ))
        })?),
    };
    let written_in = match fields.remove("written_in") {
        None | Some(serde_json::Value::Null) => None,
        Some(v) => Some(
            v.as_str()
                .and_then(|l| l.parse::<crate::models::vocabulary::Language>().ok())
                .ok_or_else(|| {
                    AppError::Validation(FieldErrors::single(
                        "written_in",
                        "invalid_choice",
                        format!(
                            "must be one of: {}",
                            crate::models::vocabulary::Language::names().join(", ")
                        ),
                    ))
                })?,
        ),
    };
    let tagged = serde_json::json!({ action.clone(): fields });
    let input: ActionInput = serde_path_to_error::deserialize(tagged).map_err(|e| {
        let message = e.inner().to_string();
        let path = e.path().to_string();
        // The first path segment is the action itself; the rest names the field.
        let inner = path.split_once('.').map_or("", |(_, rest)| rest);
        let field = if message.starts_with("unknown variant") {
            "action".to_string()
        } else {
            let f = field_of_serde_message(if inner.is_empty() { "." } else { inner }, &message);
            if f == WHOLE_REQUEST {
                "action".to_string()
            } else {
                f
            }
        };
        let message = if message.starts_with("unknown variant") {
            format!(
                "unknown action `{action}`; expected one of: {}",
                ActionInput::names().join(", ")
            )
        } else {
            message
        };
        AppError::Validation(FieldErrors::single(
            &field,
            code_of_serde_message(e.inner().to_string().as_str()),
            message,
        ))
    })?;
    Ok(Command {
        expected_version,
        written_in,
        input,
    })
}

/// Parses `bytes` as JSON into `T`.
///
/// # Errors
/// 422 naming the field that does not fit.
pub fn parse_json<T: DeserializeOwned>(bytes: &[u8]) -> Result<T, AppError> {
    let de = &mut serde_json::Deserializer::from_slice(bytes);
    let value: serde_json::Value =
        serde_path_to_error::deserialize(de).map_err(|e| json_error(&e))?;
    refuse_control_characters(&value, &mut String::new())?;
    serde_path_to_error::deserialize(value).map_err(|e| json_error(&e))
}

/// No text of any body carries a NUL or another control character (line breaks and tabs
/// apart), whatever field it is: PostgreSQL cannot store a NUL, and a control character
/// written into a header, a calendar line or a CSV cell changes what it says.
fn refuse_control_characters(value: &serde_json::Value, path: &mut String) -> Result<(), AppError> {
    use serde_json::Value;
    let bad = |path: &str, why: String| {
        let field = if path.is_empty() { WHOLE_REQUEST } else { path };
        Err(AppError::Validation(FieldErrors::single(
            field,
            "control_character",
            why,
        )))
    };
    match value {
        Value::String(s) => match crate::models::text::problem(s, true) {
            Some(why) => bad(path, why),
            None => Ok(()),
        },
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                let len = path.len();
                path.push_str(&format!("[{i}]"));
                refuse_control_characters(item, path)?;
                path.truncate(len);
            }
            Ok(())
        }
        Value::Object(fields) => {
            for (key, item) in fields {
                let len = path.len();
                if !path.is_empty() {
                    path.push('.');
                }
                path.push_str(key);
                if let Some(why) = crate::models::text::problem(key, false) {
                    return bad(path, format!("the field name {why}"));
                }
                refuse_control_characters(item, path)?;
                path.truncate(len);
            }
            Ok(())
        }
        Value::Null | Value::Bool(_) | Value::Number(_) => Ok(()),
    }
}

/// A JSON body parsed into `T`; anything else is a 422 with field messages.
pub struct ValidJson<T>(pub T);

impl<S, T> FromRequest<S> for ValidJson<T>
where
    S: Send + Sync,
    T: DeserializeOwned,
{
    type Rejection = loco_rs::Error;

    async fn from_request(req: Request, _state: &S) -> Result<Self, Self::Rejection> {
        let bytes = super::upload::json_bytes(req).await?;
        Ok(Self(parse_json(&bytes)?))
    }
}

/// What the standard library's number parsing says, put as what is expected.
fn plain_words(message: String) -> String {
    const NUMBER: &[&str] = &[
        "invalid digit found in string",
        "cannot parse integer from empty string",
        "number too large to fit in target type",
        "number too small to fit in target type",
        "invalid float literal",
    ];
    if NUMBER.contains(&message.as_str()) {
        "must be a whole number, 0 or more (such as 1 or 25)".to_string()
    } else {
        message
    }
}

/// A query string parsed into `T`; a bad value is a 422 naming the parameter.
pub struct ValidQuery<T>(pub T);

impl<S, T> FromRequestParts<S> for ValidQuery<T>
where
    S: Send + Sync,
    T: DeserializeOwned,
{
    type Rejection = loco_rs::Error;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, Self::Rejection> {
        Ok(Self(parse_query(parts.uri.query().unwrap_or_default())?))
    }
}

/// Parses a query string into `T`, the one parser of every query the app reads (the API's
/// and the pages'): a control character in any name or value, or a value that does not fit,
/// is a 422 naming the parameter.
///
/// # Errors
/// [`AppError::Validation`] naming the parameter.
pub fn parse_query<T: DeserializeOwned>(query: &str) -> Result<T, AppError> {
    for (key, value) in form_urlencoded::parse(query.as_bytes()) {
        if let Some(why) = crate::models::text::problem(&value, false)
            .or_else(|| crate::models::text::problem(&key, false))
        {
            return Err(AppError::Validation(FieldErrors::single(
                &crate::models::text::one_line(&key),
                "control_character",
                why,
            )));
        }
    }
    let de = serde_urlencoded::Deserializer::new(form_urlencoded::parse(query.as_bytes()));
    serde_path_to_error::deserialize(de).map_err(|e| {
        let message = plain_words(e.inner().to_string());
        let path = e.path().to_string();
        let field = field_of_serde_message(&path, &message);
        let field = if field == WHOLE_REQUEST {
            "query".to_string()
        } else {
            field
        };
        AppError::Validation(FieldErrors::single(
            &field,
            code_of_serde_message(&message),
            message,
        ))
    })
}

/// The signed-in, active person making the request.
pub struct CurrentActor {
    pub actor: Actor,
    pub user: users::Model,
    /// The holiday table's version, read with the account: the request's calendar.
    pub calendar: CalendarVersion,
}

impl CurrentActor {
    /// The policy in force for this request, now: its calendar costs no statement unless
    /// the holidays changed since this node last built it.
    ///
    /// # Errors
    /// Database errors reading a changed calendar; an app booted without its settings.
    pub async fn policy(&self, ctx: &AppContext) -> AppResult<Policy> {
        Policy::as_seen(ctx, crate::clock::now(ctx), self.calendar).await
    }
}

// Implemented for the app's own state, read by reference: the framework's token extractor
// copies the whole context (its configuration included) on every request.
impl FromRequestParts<AppContext> for CurrentActor {
    type Rejection = loco_rs::Error;

    async fn from_request_parts(
        parts: &mut Parts,
        ctx: &AppContext,
    ) -> Result<Self, Self::Rejection> {
        let config = get_jwt_from_config(ctx)?;
        let claims = extract_token(config, parts)
            .ok()
            .and_then(|token| jwt::JWT::new(&config.secret).validate(&token).ok())
            .ok_or(AppError::Unauthorized)?
            .claims;
        // Loaded here rather than by the framework's extractor, which answers every failure
        // as "unauthorized": a database out of reach must say so (503), not sign people out.
        let generation = claims
            .claims
            .get(users::GENERATION_CLAIM)
            .and_then(serde_json::Value::as_i64);
        let (user, calendar) = users::Model::signed_in(&ctx.db, &claims.pid, generation).await?;
        let actor = user.actor()?;
        Ok(Self {
            actor,
            user,
            calendar,
        })
    }
}

/// A path pid; one that is not a UUID names nothing the caller may see.
///
/// # Errors
/// 404 when `raw` is not a UUID.
pub fn pid(raw: &str) -> Result<uuid::Uuid, AppError> {
    uuid::Uuid::parse_str(raw).map_err(|_| AppError::NotFound)
}

/// The longest period a report covers.
pub const MAX_PERIOD_DAYS: i64 = 366 * 5;

/// The instants `[from 00:00, the day after to 00:00)` in UTC of a report over whole days,
/// `to` defaulting to `today` and `from` to `default_days` before it.
///
/// # Errors
/// 422 when `from` is after `to` or the period is longer than [`MAX_PERIOD_DAYS`].
pub fn period(
    from: Option<Day>,
    to: Option<Day>,
    default_days: i64,
    today: chrono::NaiveDate,
) -> Result<(DateTime<Utc>, DateTime<Utc>), AppError> {
    let to = to.map_or(today, Day::date);
    let from = from.map_or(to - chrono::Duration::days(default_days), Day::date);
    if from > to {
        return Err(AppError::Validation(FieldErrors::single_said(
            "from",
            "range",
            Said::new("field-from-after-to"),
        )));
    }
    if (to - from).num_days() > MAX_PERIOD_DAYS {
        return Err(AppError::Validation(FieldErrors::single_said(
            "from",
            "range",
            Said::new("field-period-too-long").number("max", MAX_PERIOD_DAYS),
        )));
    }
    let start = from.and_time(chrono::NaiveTime::MIN).and_utc();
    let end = (to + chrono::Duration::days(1))
        .and_time(chrono::NaiveTime::MIN)
        .and_utc();
    Ok((start, end))
}

/// Answers 404 unless the caller holds one of `roles`: a report or tool the caller may not
/// use does not exist for them.
///
/// # Errors
/// [`AppError::NotFound`].
pub fn only(
    current: &CurrentActor,
    roles: &[crate::models::vocabulary::Role],
) -> Result<(), AppError> {
    if roles.contains(&current.actor.role) {
        Ok(())
    } else {
        Err(AppError::NotFound)
    }
}

/// The app's context, shared rather than copied. axum's `State<AppContext>` copies the
/// whole context, its configuration tree with it, for every request that asks for it; the
/// app puts one shared context in every request's extensions instead (`App::after_routes`).
#[derive(Clone)]
pub struct Ctx(pub std::sync::Arc<AppContext>);

impl Ctx {
    /// The shared context a request carries.
    ///
    /// # Errors
    /// A router built without the app's layers (a programming error, said as such).
    pub fn of(parts: &Parts) -> Result<Self, loco_rs::Error> {
        parts
            .extensions
            .get::<std::sync::Arc<AppContext>>()
            .cloned()
            .map(Self)
            .ok_or_else(|| {
                loco_rs::Error::Message("the app's shared context layer is missing".into())
            })
    }
}

impl<S: Send + Sync> FromRequestParts<S> for Ctx {
    type Rejection = loco_rs::Error;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        Self::of(parts)
    }
}
