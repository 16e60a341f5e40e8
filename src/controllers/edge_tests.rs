//! Property tests over the edge: any body and any query string, thrown at every type the API
//! and the pages parse, is parsed or refused as a 422 naming a field, and what parses goes
//! on through its checks (validation, report periods) without a panic. Dates past the
//! calendar, numbers past 64 bits, NUL bytes and control characters are among what is thrown.
use proptest::prelude::*;
use serde::de::DeserializeOwned;
use serde_json::Value;
use validator::Validate;

use super::{
    admin, auth,
    extract::{parse_command, parse_json, parse_query, period},
    mediators, oversight,
};
use crate::{
    errors::AppError,
    models::{cases, oversight::register},
};

/// Field names of every body and query, so generated input reaches the fields' own parsers.
const FIELDS: &[&str] = &[
    "title",
    "category",
    "body",
    "incident_date",
    "facts",
    "remedy_sought",
    "respondent",
    "kind",
    "code",
    "co_complainants",
    "confidentiality",
    "language",
    "urgency",
    "idempotency_key",
    "action",
    "expected_version",
    "note",
    "reason",
    "mediator",
    "override_reason",
    "request",
    "response",
    "counter_proposal",
    "terms",
    "decision",
    "reasoning",
    "grounds",
    "plan",
    "summary",
    "questions",
    "information",
    "deadline_id",
    "days",
    "grant",
    "challenge",
    "uphold",
    "email",
    "name",
    "role",
    "delegation",
    "locale",
    "time_zone",
    "password",
    "active",
    "date",
    "size",
    "seed",
    "from",
    "to",
    "page",
    "per_page",
    "status",
    "year",
    "stage",
    "limit",
    "token",
    "languages",
    "capacity",
    "on_leave",
    "conflicting_delegations",
    "conflicting_bodies",
    "q",
    "respondent_code",
];

fn nasty_text() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("+262142-12-31".to_string()),
        Just("-262143-01-01".to_string()),
        Just("2026-02-30".to_string()),
        Just("2026-03-14".to_string()),
        Just("1899-12-31".to_string()),
        Just("18446744073709551616".to_string()),
        Just("-1".to_string()),
        Just("1e309".to_string()),
        Just("TUV".to_string()),
        Just("speaking_time".to_string()),
        Just("register".to_string()),
        Just("Pacific/Tongatapu".to_string()),
        Just("a\u{0}b".to_string()),
        Just("line\r\nbreak".to_string()),
        Just("\u{200b}".repeat(12)),
        "\\PC{0,24}",
        any::<String>(),
    ]
}

fn json_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
        any::<f64>()
            .prop_filter("finite", |f| f.is_finite())
            .prop_map(Value::from),
        nasty_text().prop_map(Value::String),
    ];
    leaf.prop_recursive(3, 32, 8, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
            prop::collection::btree_map(prop::sample::select(FIELDS), inner, 0..8).prop_map(|m| {
                Value::Object(m.into_iter().map(|(k, v)| (k.to_string(), v)).collect())
            }),
        ]
    })
}

/// Parsed, or refused as a 422 with the field at fault; never another error.
fn refused_as_input<T>(what: &str, result: Result<T, AppError>) -> Option<T> {
    match result {
        Ok(v) => Some(v),
        Err(AppError::Validation(errors)) => {
            assert!(!errors.is_empty(), "{what}: a 422 names its field");
            None
        }
        Err(other) => panic!("{what}: {other:?}"),
    }
}

fn body<T: DeserializeOwned>(what: &str, bytes: &[u8]) -> Option<T> {
    refused_as_input(what, parse_json::<T>(bytes))
}

fn every_body(bytes: &[u8]) {
    if let Some(case) = body::<cases::filing::NewCase>("a filing", bytes) {
        let _ = case.validate();
    }
    if let Some(command) = refused_as_input("an action", parse_command(bytes)) {
        let _ = command.input.validate();
    }
    body::<admin::NewUserParams>("an accreditation", bytes).map(|p| p.validate().is_ok());
    body::<admin::UserChangeParams>("a change of accreditation", bytes)
        .map(|p| p.validate().is_ok());
    body::<admin::NewBodyParams>("a body", bytes).map(|p| p.validate().is_ok());
    body::<admin::NewHolidayParams>("a holiday", bytes).map(|p| p.validate().is_ok());
    body::<auth::LoginParams>("a sign-in", bytes);
    body::<auth::ForgotParams>("a forgotten password", bytes);
    body::<auth::ResetParams>("a reset", bytes);
    body::<mediators::ProfileParams>("a mediator profile", bytes);
    body::<oversight::SampleParams>("a sample", bytes);
}

fn today() -> chrono::NaiveDate {
    chrono::NaiveDate::from_ymd_opt(2026, 12, 1).unwrap_or_default()
}

fn every_query(query: &str) {
    let q = |what: &str| what.to_string();
    if let Some(m) = refused_as_input(&q("metrics"), parse_query::<oversight::MetricsQuery>(query))
    {
        let _ = period(m.from, m.to, 365, today());
    }
    if let Some(p) = refused_as_input(&q("a period"), parse_query::<mediators::Period>(query)) {
        let _ = period(p.from, p.to, 90, today());
    }
    if let Some(f) = refused_as_input(&q("the register"), parse_query::<register::Filter>(query)) {
        let _ = f.bounds();
    }
    refused_as_input(&q("a case list"), parse_query::<cases::CaseFilter>(query));
    refused_as_input(
        &q("a caseload"),
        parse_query::<mediators::CaseloadQuery>(query),
    );
    refused_as_input(&q("people"), parse_query::<admin::UserFilter>(query));
    refused_as_input(
        &q("a page list"),
        parse_query::<super::web::cases::ListQuery>(query),
    );
    refused_as_input(
        &q("a role list"),
        parse_query::<super::web::admin::RoleQuery>(query),
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn any_json_body_is_parsed_or_refused_naming_a_field(v in json_value()) {
        every_body(&serde_json::to_vec(&v).unwrap_or_default());
    }

    #[test]
    fn any_bytes_as_a_body_are_parsed_or_refused(bytes in prop::collection::vec(any::<u8>(), 0..160)) {
        every_body(&bytes);
    }

    #[test]
    fn any_query_string_is_parsed_or_refused_naming_a_parameter(
        pairs in prop::collection::vec((prop::sample::select(FIELDS), nasty_text()), 0..6)
    ) {
        let query = form_urlencoded::Serializer::new(String::new())
            .extend_pairs(pairs.iter().map(|(k, v)| (*k, v.as_str())))
            .finish();
        every_query(&query);
    }
}
