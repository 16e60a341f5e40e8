//! How a refused request is put into words: the sentence a form shown again carries, what an
//! error page says beneath its title, and the English of the API's error bodies. Which status,
//! code and title a refusal gets is decided once, by `AppError::answer`; only the words are
//! chosen here, so the errors module needs no translations.
use chrono::{DateTime, Utc};
use loco_rs::controller::ErrorDetail;
use serde_json::{Map, Value};

use crate::{
    errors::{AppError, FieldErrors, FieldMessage, Message, Said},
    models::vocabulary::Locale,
    views::i18n,
};

/// The domain's own words for a refusal, where it has any beyond its kind: the standing or
/// the rule that refused, or when sign-in opens again.
fn said_of(e: &AppError) -> Option<Said> {
    match e {
        AppError::Forbidden(why) | AppError::Rule(why) => Some(why.clone()),
        AppError::Throttled(until) => Some(sign_in_locked(*until)),
        _ => None,
    }
}

fn sign_in_locked(until: DateTime<Utc>) -> Said {
    Said::new("sign-in-locked").when("until", until)
}

/// The sentence a form shown again says about its refusal, in `locale`, instants in `zone`.
#[must_use]
pub fn problem(locale: Locale, zone: chrono_tz::Tz, e: &AppError) -> String {
    match e {
        // Only the sign-in form meets it; it says no more than that the pair did not match.
        AppError::Unauthorized => i18n::text(locale, "sign-in-failed", &[]),
        // The domain's own words for these are English for the API; the form says what they
        // mean and shows the case as it is now.
        AppError::InvalidTransition { .. } => i18n::text(locale, "problem-transition", &[]),
        AppError::Conflict(_) => i18n::text(locale, "problem-conflict", &[]),
        AppError::Validation(fields) => fields_in_a_line(locale, fields),
        other => said_of(other).map_or_else(
            || i18n::text(locale, other.answer().title_key, &[]),
            |said| i18n::say(&said, locale, zone),
        ),
    }
}

/// What an error page says beneath its title, in `locale`: the problems of each field, or
/// the domain's words of the refusal; nothing where the title and its help say it all (a
/// conflict's help says what it means, and the domain's words for it are English).
#[must_use]
pub fn detail(locale: Locale, e: &AppError) -> Option<String> {
    match e {
        AppError::Validation(fields) => Some(fields_in_a_line(locale, fields)),
        // The error page has no session at hand, so instants show in UTC, named as such.
        other => said_of(other).map(|said| i18n::say(&said, locale, chrono_tz::UTC)),
    }
}

/// Every field's problems in one line: `field: one; two · other: three`.
fn fields_in_a_line(locale: Locale, fields: &FieldErrors) -> String {
    fields
        .0
        .iter()
        .map(|(field, messages)| {
            let said: Vec<String> = messages.iter().map(|m| field_message(locale, m)).collect();
            format!("{field}: {}", said.join("; "))
        })
        .collect::<Vec<_>>()
        .join(" · ")
}

/// Field problems in the visitor's language, per field, for a form shown again.
#[must_use]
pub fn field_messages(locale: Locale, errors: &FieldErrors) -> Map<String, Value> {
    errors
        .0
        .iter()
        .map(|(field, messages)| {
            let texts: Vec<Value> = messages
                .iter()
                .map(|m| Value::String(field_message(locale, m)))
                .collect();
            (field.clone(), Value::Array(texts))
        })
        .collect()
}

/// A field message in `locale`: its own words when the domain gave them, else the translation
/// of its code, else the domain's English.
#[must_use]
pub fn field_message(locale: Locale, m: &FieldMessage) -> String {
    let english = match &m.message {
        // Field messages carry no instants, so the zone never shows.
        Message::Said(said) => return i18n::say(said, locale, chrono_tz::UTC),
        Message::English(english) => english,
    };
    let key = match m.code.as_str() {
        "required" => "field-required",
        "invalid_choice" => "field-invalid-choice",
        "invalid_type" => "field-invalid",
        "email" => "field-bad-email",
        "unknown" => "field-unknown",
        "future" => "field-future",
        "duplicate" => "field-duplicate",
        "taken" => "field-taken",
        "self" => "field-self",
        _ => return english.clone(),
    };
    i18n::text(locale, key, &[])
}

/// A field message as the API sends it: the domain's English, or its words in English.
#[must_use]
pub fn in_english(message: &Message) -> String {
    match message {
        Message::English(english) => english.clone(),
        Message::Said(said) => i18n::english(said),
    }
}

/// The body of the API's answer to `e`: its code from the one mapping, a description and,
/// for invalid input, the problems per field; in the language the request asked for
/// (`Accept-Language`), else in English.
#[must_use]
pub fn api_body(e: &AppError) -> ErrorDetail {
    let locale = i18n::api_locale();
    let english = match e {
        AppError::Validation(_) => "some fields are missing or invalid".to_string(),
        AppError::NotFound => "no such resource, or not visible to you".to_string(),
        AppError::Unauthorized => "sign in to continue".to_string(),
        AppError::InvalidTransition { .. } => e.to_string(),
        AppError::Conflict(why) => why.clone(),
        AppError::Forbidden(why) | AppError::Rule(why) => i18n::english(why),
        AppError::Throttled(until) => i18n::english(&sign_in_locked(*until)),
        AppError::Unavailable(_) => {
            "the service cannot reach its database; nothing was done, try again shortly".into()
        }
        // The framework's own words: a fault of ours tells the client nothing of its cause.
        AppError::Corrupt(_) | AppError::Db(_) | AppError::Internal(_) => {
            "Internal Server Error".to_string()
        }
    };
    let description = match e {
        _ if locale == Locale::En => english,
        AppError::Forbidden(why) | AppError::Rule(why) => i18n::say(why, locale, chrono_tz::UTC),
        AppError::Throttled(until) => i18n::say(&sign_in_locked(*until), locale, chrono_tz::UTC),
        // What the page of the same error says as its title.
        _ => i18n::text(locale, e.answer().title_key, &[]),
    };
    let said = |m: &FieldMessage| match locale {
        Locale::En => in_english(&m.message),
        _ => field_message(locale, m),
    };
    let errors = match e {
        AppError::Validation(fields) => Some(Value::Object(
            fields
                .0
                .iter()
                .map(|(field, messages)| {
                    let items = messages
                        .iter()
                        .map(|m| serde_json::json!({ "code": m.code, "message": said(m) }))
                        .collect();
                    (field.clone(), Value::Array(items))
                })
                .collect(),
        )),
        _ => None,
    };
    ErrorDetail {
        error: Some(e.answer().code.to_string()),
        description: Some(description),
        errors,
    }
}
