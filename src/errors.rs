//! Domain errors and the one place where they become HTTP answers: [`AppError::answer`] gives
//! each refusal its status, its API code and the title of its page. Errors carry words as
//! [`Said`] (keys and arguments), never as sentences: saying them in a language is left to
//! the layer that renders answers, so nothing here depends on the translations.
use std::{borrow::Cow, collections::BTreeMap, fmt};

use axum::http::StatusCode;
use chrono::{DateTime, Utc};
use sea_orm::DbErr;

/// Words for a person: a Fluent key and its arguments. Pages say them in the reader's language
/// and zone; the API says them in English (`assets/i18n/en`), so both read from one source.
/// They are put into words, and their `Display` (English, instants in UTC) implemented, beside
/// the translations.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Said {
    key: Cow<'static, str>,
    args: Vec<(&'static str, Arg)>,
}

/// One argument of [`Said`] words.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Arg {
    Text(String),
    Number(i64),
    When(DateTime<Utc>),
    /// Words of their own, said one after the other with a separator.
    List(Vec<Said>, &'static str),
}

impl Said {
    #[must_use]
    pub const fn new(key: &'static str) -> Self {
        Self {
            key: Cow::Borrowed(key),
            args: Vec::new(),
        }
    }

    /// Words whose key is made from a value (`action-<name>`, `challenge-<status>`).
    #[must_use]
    pub fn of(prefix: &str, value: impl fmt::Display) -> Self {
        Self {
            key: Cow::Owned(format!("{prefix}{value}")),
            args: Vec::new(),
        }
    }

    /// Other words, said in the same language (a vocabulary word inside a sentence).
    #[must_use]
    pub fn said(self, name: &'static str, words: Self) -> Self {
        self.list(name, vec![words], "")
    }

    #[must_use]
    pub fn text(mut self, name: &'static str, value: impl Into<String>) -> Self {
        self.args.push((name, Arg::Text(value.into())));
        self
    }

    #[must_use]
    pub fn number(mut self, name: &'static str, value: impl Into<i64>) -> Self {
        self.args.push((name, Arg::Number(value.into())));
        self
    }

    /// An instant, shown in the reader's zone with its abbreviation.
    #[must_use]
    pub fn when(mut self, name: &'static str, value: DateTime<Utc>) -> Self {
        self.args.push((name, Arg::When(value)));
        self
    }

    #[must_use]
    pub fn list(mut self, name: &'static str, items: Vec<Self>, separator: &'static str) -> Self {
        self.args.push((name, Arg::List(items, separator)));
        self
    }

    #[must_use]
    pub fn key(&self) -> &str {
        &self.key
    }

    /// The named arguments, in the order they were given.
    #[must_use]
    pub fn args(&self) -> &[(&'static str, Arg)] {
        &self.args
    }
}

/// One problem with one input field, as the client sees it.
#[derive(Clone, Debug, PartialEq, Eq, utoipa::ToSchema)]
pub struct FieldMessage {
    pub code: String,
    // Sent as a string, said when the answer is rendered.
    #[schema(value_type = String)]
    pub message: Message,
}

/// What a field message says.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Message {
    /// The domain's own English, sent as it is; pages translate the code where they can.
    English(String),
    /// Words pages say in their reader's language and the API in English, where the code
    /// alone does not say it.
    Said(Said),
}

/// Problems with an input, per field (dotted paths for nested fields).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FieldErrors(pub BTreeMap<String, Vec<FieldMessage>>);

impl FieldErrors {
    #[must_use]
    pub fn new() -> Self {
        Self::default()
    }

    #[must_use]
    pub fn single(field: &str, code: &str, message: impl Into<String>) -> Self {
        let mut e = Self::new();
        e.add(field, code, message);
        e
    }

    pub fn add(&mut self, field: &str, code: &str, message: impl Into<String>) {
        self.0
            .entry(field.to_string())
            .or_default()
            .push(FieldMessage {
                code: code.to_string(),
                message: Message::English(message.into()),
            });
    }

    /// A problem whose message is translatable words (the API gets their English).
    pub fn add_said(&mut self, field: &str, code: &str, said: Said) {
        self.0
            .entry(field.to_string())
            .or_default()
            .push(FieldMessage {
                code: code.to_string(),
                message: Message::Said(said),
            });
    }

    #[must_use]
    pub fn single_said(field: &str, code: &str, said: Said) -> Self {
        let mut e = Self::new();
        e.add_said(field, code, said);
        e
    }

    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Adds every problem of `other`.
    pub fn merge(&mut self, other: Self) {
        for (field, messages) in other.0 {
            self.0.entry(field).or_default().extend(messages);
        }
    }

    /// The first problem of each field alone: a reader is told one thing a field at a time.
    #[must_use]
    pub fn one_per_field(mut self) -> Self {
        for messages in self.0.values_mut() {
            messages.truncate(1);
        }
        self
    }

    /// `Ok(())` when nothing was recorded, else the validation error.
    ///
    /// # Errors
    /// When at least one field has a problem.
    pub fn into_result(self) -> Result<(), AppError> {
        if self.is_empty() {
            Ok(())
        } else {
            Err(AppError::Validation(self))
        }
    }

    /// Checks a required text's length in characters (not bytes, so every script counts
    /// alike): at least `min` a reader can see (zero-width and format characters do not
    /// count), at most `max` in all.
    pub fn text(&mut self, field: &str, value: &str, min: u64, max: u64) {
        let count = |s: &str| u64::try_from(s.chars().count()).unwrap_or(u64::MAX);
        let n = u64::try_from(crate::models::text::visible_len(value)).unwrap_or(u64::MAX);
        if n < min {
            if min <= 1 {
                self.add(field, "required", "must not be empty");
            } else {
                self.add_said(field, "length", too_short(min));
            }
        } else if count(value) > max {
            self.add_said(field, "length", too_long(max));
        }
    }

    /// Runs the validator crate's rules of `input`: a 422 with what they find, if anything.
    ///
    /// # Errors
    /// [`AppError::Validation`] with the problems per field.
    pub fn refuse_invalid(input: &impl validator::Validate) -> Result<(), AppError> {
        let mut errors = Self::new();
        errors.check(input);
        errors.into_result()
    }

    /// Runs the validator crate's rules of `input` and records what they find.
    pub fn check(&mut self, input: &impl validator::Validate) {
        if let Err(e) = input.validate() {
            self.extend_from_validator(&e);
        }
    }

    /// Copies the validator crate's findings in, field by field.
    pub fn extend_from_validator(&mut self, errors: &validator::ValidationErrors) {
        for (field, errs) in errors.field_errors() {
            for e in errs {
                match (&e.message, validator_said(e)) {
                    (None, Some(said)) => self.add_said(field.as_ref(), e.code.as_ref(), said),
                    (message, _) => {
                        let message = message
                            .as_ref()
                            .map_or_else(|| default_validator_message(e), ToString::to_string);
                        self.add(field.as_ref(), e.code.as_ref(), message);
                    }
                }
            }
        }
    }
}

/// The words for a text shorter than `min` characters.
#[must_use]
pub fn too_short(min: u64) -> Said {
    Said::new("field-too-short").number("min", i64::try_from(min).unwrap_or(i64::MAX))
}

/// The words for a text longer than `max` characters.
#[must_use]
pub fn too_long(max: u64) -> Said {
    Said::new("field-too-long").number("max", i64::try_from(max).unwrap_or(i64::MAX))
}

/// The validator's length findings as words pages translate.
fn validator_said(e: &validator::ValidationError) -> Option<Said> {
    if e.code != "length" {
        return None;
    }
    let bound = |name: &str| e.params.get(name).and_then(serde_json::Value::as_u64);
    match (bound("min"), bound("max")) {
        (Some(min), Some(max)) => Some(
            Said::new("field-length-between")
                .number("min", i64::try_from(min).unwrap_or(i64::MAX))
                .number("max", i64::try_from(max).unwrap_or(i64::MAX)),
        ),
        (Some(min), None) => Some(too_short(min)),
        (None, Some(max)) => Some(too_long(max)),
        (None, None) => None,
    }
}

fn default_validator_message(e: &validator::ValidationError) -> String {
    match e.code.as_ref() {
        "length" => "has an invalid length".into(),
        "range" => "is out of range".into(),
        "email" => "must be an email address".into(),
        code => format!("is invalid ({code})"),
    }
}

/// A validator rule: text with no character a reader can see (white space, zero-width
/// spaces...) counts as missing (`length` alone would accept it).
///
/// # Errors
/// When `s` has no visible character.
pub fn not_blank(s: &str) -> Result<(), validator::ValidationError> {
    if crate::models::text::visible_len(s) == 0 {
        Err(validator::ValidationError::new("required").with_message("must not be empty".into()))
    } else {
        Ok(())
    }
}

/// A validator rule for text that reaches a header, a subject or a calendar line (names,
/// titles, codes, keys): visible, and one line without control characters.
///
/// # Errors
/// When `s` is blank or holds a line break or a control character.
pub fn one_line(s: &str) -> Result<(), validator::ValidationError> {
    not_blank(s)?;
    match crate::models::text::problem(s, false) {
        Some(why) => {
            Err(validator::ValidationError::new("control_character").with_message(why.into()))
        }
        None => Ok(()),
    }
}

/// Validator rules for a least number of visible characters (`length(min)` counts
/// zero-width ones too); they answer as `length` does, with the words of [`too_short`].
macro_rules! visible_at_least {
    ($($name:ident => $min:expr),* $(,)?) => {$(
        #[doc = concat!("At least ", stringify!($min), " visible characters.")]
        ///
        /// # Errors
        /// When `s` has fewer.
        pub fn $name(s: &str) -> Result<(), validator::ValidationError> {
            if crate::models::text::visible_len(s) < $min {
                let mut e = validator::ValidationError::new("length");
                e.add_param(std::borrow::Cow::from("min"), &$min);
                Err(e)
            } else {
                Ok(())
            }
        }
    )*};
}
visible_at_least!(visible_2 => 2_usize, visible_5 => 5_usize, visible_20 => 20_usize);

/// Everything a domain operation can refuse, typed; HTTP is decided in [`AppError::answer`].
#[derive(Debug, thiserror::Error)]
pub enum AppError {
    #[error("invalid input")]
    Validation(FieldErrors),
    #[error("not found")]
    NotFound,
    #[error("authentication required")]
    Unauthorized,
    #[error("{0}")]
    Forbidden(Said),
    /// A status change the lifecycle does not allow from the current status.
    #[error("cannot {action} a case that is {from}")]
    InvalidTransition { from: String, action: String },
    /// The case changed since the caller read it (stale version or a concurrent writer).
    #[error("{0}")]
    Conflict(String),
    /// A rule of the case that the current state does not meet (window closed, hold already
    /// running, ...).
    #[error("{0}")]
    Rule(Said),
    #[error("stored data is inconsistent: {0}")]
    Corrupt(String),
    /// The database cannot be reached (down, restarting, or every connection busy): the
    /// request did nothing and may be sent again.
    #[error("the database is unavailable: {0}")]
    Unavailable(String),
    /// Too many failed sign-ins for an address: refused, password unchecked, until then.
    #[error("sign-ins for this address are paused until {0}")]
    Throttled(DateTime<Utc>),
    #[error(transparent)]
    Db(DbErr),
    #[error("{0}")]
    Internal(String),
}

/// Whether a database error means "not reachable now" rather than "this request is wrong":
/// no connection to be had, a connection lost, or the server shutting down or starting up.
fn unreachable(e: &DbErr) -> bool {
    use sea_orm::{sqlx, RuntimeErr};
    match e {
        DbErr::ConnectionAcquire(_) | DbErr::Conn(_) => true,
        DbErr::Exec(RuntimeErr::SqlxError(err)) | DbErr::Query(RuntimeErr::SqlxError(err)) => {
            match err.as_ref() {
                sqlx::Error::Io(_)
                | sqlx::Error::Tls(_)
                | sqlx::Error::PoolTimedOut
                | sqlx::Error::PoolClosed
                | sqlx::Error::WorkerCrashed => true,
                // PostgreSQL's connection exceptions (class 08) and shutdown or start-up
                // (57P01 admin shutdown, 57P02 crash shutdown, 57P03 cannot connect now).
                sqlx::Error::Database(db) => db
                    .code()
                    .is_some_and(|c| c.starts_with("08") || c.starts_with("57P0")),
                _ => false,
            }
        }
        _ => false,
    }
}

impl From<DbErr> for AppError {
    fn from(e: DbErr) -> Self {
        if unreachable(&e) {
            return Self::Unavailable(e.to_string());
        }
        let text = e.to_string();
        // SQLite answers a writer whose snapshot went stale with SQLITE_BUSY, PostgreSQL a
        // serialization failure: both mean another request changed the data first.
        if text.contains("database is locked")
            || text.contains("could not serialize access")
            || text.contains("deadlock detected")
        {
            return Self::Conflict(
                "the case was changed by someone else at the same moment; reload it and try again"
                    .into(),
            );
        }
        Self::Db(e)
    }
}

impl From<loco_rs::model::ModelError> for AppError {
    fn from(e: loco_rs::model::ModelError) -> Self {
        match e {
            loco_rs::model::ModelError::EntityNotFound => Self::NotFound,
            loco_rs::model::ModelError::DbErr(db) => db.into(),
            other => Self::Internal(other.to_string()),
        }
    }
}

impl From<loco_rs::Error> for AppError {
    fn from(e: loco_rs::Error) -> Self {
        match e {
            loco_rs::Error::NotFound => Self::NotFound,
            loco_rs::Error::Unauthorized(_) => Self::Unauthorized,
            loco_rs::Error::DB(db) => db.into(),
            other => Self::Internal(other.to_string()),
        }
    }
}

/// How an error is answered over HTTP, whichever door it leaves by: the API's JSON or a page.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Answer {
    pub status: StatusCode,
    /// The API's stable code ([`ErrorBody::error`]).
    pub code: &'static str,
    /// The Fluent key of the error page's title (its help is `<key>-help`).
    pub title_key: &'static str,
    /// How loudly the boundary logs it.
    pub log: Log,
}

/// Whether and how an answered error is logged.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Log {
    /// A refusal of the request as sent: the answer says it all.
    Quiet,
    /// Nothing was done for a reason outside the request that should pass (the database is
    /// away).
    Warn,
    /// A fault of ours: the answer hides it, the log must tell it.
    Error,
}

impl Answer {
    /// A page's form that did not come from this site or lost its CSRF token. Only pages
    /// have it (the API has no forms), so it is no [`AppError`].
    pub const FORGED: Self = Self {
        status: StatusCode::FORBIDDEN,
        code: "forged",
        title_key: "error-forged",
        log: Log::Quiet,
    };
}

impl AppError {
    /// The one mapping of errors to HTTP: status, API code, page title and log level.
    #[must_use]
    pub const fn answer(&self) -> Answer {
        let (status, code, title_key, log) = match self {
            Self::Validation(_) => (
                StatusCode::UNPROCESSABLE_ENTITY,
                "invalid_input",
                "error-invalid",
                Log::Quiet,
            ),
            Self::NotFound => (
                StatusCode::NOT_FOUND,
                "not_found",
                "error-not-found",
                Log::Quiet,
            ),
            Self::Unauthorized => (
                StatusCode::UNAUTHORIZED,
                "unauthorized",
                "error-unauthorized",
                Log::Quiet,
            ),
            Self::Forbidden(_) => (
                StatusCode::FORBIDDEN,
                "forbidden",
                "error-forbidden",
                Log::Quiet,
            ),
            Self::InvalidTransition { .. } => (
                StatusCode::CONFLICT,
                "invalid_transition",
                "error-conflict",
                Log::Quiet,
            ),
            Self::Conflict(_) => (
                StatusCode::CONFLICT,
                "conflict",
                "error-conflict",
                Log::Quiet,
            ),
            Self::Rule(_) => (StatusCode::CONFLICT, "rule", "error-conflict", Log::Quiet),
            Self::Throttled(_) => (
                StatusCode::TOO_MANY_REQUESTS,
                "throttled",
                "error-throttled",
                Log::Quiet,
            ),
            Self::Unavailable(_) => (
                StatusCode::SERVICE_UNAVAILABLE,
                "unavailable",
                "error-unavailable",
                Log::Warn,
            ),
            // The framework's own code for a fault it hides.
            Self::Corrupt(_) | Self::Db(_) | Self::Internal(_) => (
                StatusCode::INTERNAL_SERVER_ERROR,
                "internal_server_error",
                "error-internal",
                Log::Error,
            ),
        };
        Answer {
            status,
            code,
            title_key,
            log,
        }
    }

    /// Logs the error as its answer says. Both doors (the API's and the pages') call this as
    /// they answer, so an error is logged once, at the boundary.
    pub fn log(&self) {
        let answer = self.answer();
        match answer.log {
            Log::Quiet => {}
            Log::Warn => {
                tracing::warn!(error = %self, code = answer.code, "request not served");
            }
            Log::Error => tracing::error!(error = %self, code = answer.code, "request failed"),
        }
    }
}

pub type AppResult<T> = Result<T, AppError>;

/// The body of every error answer, as documented in the API description (the framework's
/// `ErrorDetail` serializes to this shape).
#[derive(Debug, utoipa::ToSchema)]
pub struct ErrorBody {
    /// A stable code: `invalid_input`, `not_found`, `unauthorized`, `forbidden`,
    /// `invalid_transition`, `conflict`, `rule`, `throttled` or `unavailable`.
    pub error: String,
    pub description: String,
    /// For `invalid_input`: the problems per field (dotted paths for nested fields).
    #[schema(value_type = Option<std::collections::BTreeMap<String, Vec<FieldMessage>>>)]
    pub errors: Option<FieldErrors>,
}
