//! Forms parsed straight into the model types: the filing form becomes a [`NewCase`], an
//! action's form a [`Command`], each field read by the kind its action gives it
//! (`CaseAction::fields`), and the admin forms the models' own inputs (a person, a change to
//! one, a body, a holiday, a mediator's profile). A value is turned into its type by the same serde implementation
//! the API's parser uses, so a page and the API refuse the same value in the same words; the
//! problems are named by the form's own fields. Control characters were refused in every
//! value when the form arrived (`Posted`); the model checks the rest.
use std::collections::BTreeMap;

use serde::de::{value::Error as ValueError, DeserializeOwned, IntoDeserializer};

use super::FormData;
use crate::{
    controllers::extract::code_of_serde_message,
    errors::FieldErrors,
    models::{
        bodies::NewBody,
        cases::{
            actions::{ActionInput, Choices, FieldKind},
            filing::{NewCase, RespondentRef},
            transition::Command,
            CaseAction,
        },
        day::Day,
        holidays::NewHoliday,
        mediators::ProfileChange,
        text,
        users::{NewUser, UserChange},
        vocabulary::{BodyKind, Category, Confidentiality, Language, Locale, Role, Urgency},
    },
};

/// One value of a form as its field's kind reads it, before it is given its type.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Scalar {
    Text(String),
    Number(i64),
    YesNo(bool),
}

impl Scalar {
    /// The value as `T`, through `T`'s own serde implementation.
    fn typed<T: DeserializeOwned>(&self) -> Result<T, ValueError> {
        match self {
            Self::Text(s) => T::deserialize(IntoDeserializer::<ValueError>::into_deserializer(
                s.as_str(),
            )),
            Self::Number(n) => {
                T::deserialize(IntoDeserializer::<ValueError>::into_deserializer(*n))
            }
            Self::YesNo(b) => T::deserialize(IntoDeserializer::<ValueError>::into_deserializer(*b)),
        }
    }
}

/// A form's values by field, and the problems met reading them.
#[derive(Debug, Default)]
struct Read {
    values: BTreeMap<String, Scalar>,
    errors: FieldErrors,
}

impl Read {
    /// Records `value` under `name`; a field sent twice keeps its last value.
    fn put(&mut self, name: &str, value: Scalar) {
        self.values.insert(name.to_string(), value);
    }

    /// The value of `name` as `T`; a value that is not one is a problem of the field.
    fn typed<T: DeserializeOwned>(&mut self, name: &str, value: &Scalar) -> Option<T> {
        match value.typed() {
            Ok(v) => Some(v),
            Err(e) => {
                let message = e.to_string();
                self.errors
                    .add(name, code_of_serde_message(&message), message);
                None
            }
        }
    }

    /// A field the type cannot do without: absent (or left blank) is a problem.
    fn required<T: DeserializeOwned>(&mut self, name: &str) -> Option<T> {
        match self.values.remove(name) {
            Some(value) => self.typed(name, &value),
            None => {
                self.errors
                    .add(name, "required", format!("missing field `{name}`"));
                None
            }
        }
    }

    /// A field the type may go without; `None` when its value is not one.
    fn optional<T: DeserializeOwned>(&mut self, name: &str) -> Option<Option<T>> {
        match self.values.remove(name) {
            Some(value) => self.typed(name, &value).map(Some),
            None => Some(None),
        }
    }
}

/// A whole number, 0 or more, as forms write the version, days and clocks.
fn whole_number(raw: &str) -> Option<i64> {
    raw.trim().parse::<i64>().ok().filter(|n| *n >= 0)
}

/// Reads `raw` as a field of `kind`, or says why it is not one.
fn scalar(name: &str, kind: FieldKind, raw: &str, errors: &mut FieldErrors) -> Option<Scalar> {
    let number = |errors: &mut FieldErrors| {
        let n = whole_number(raw);
        if n.is_none() {
            errors.add(name, "invalid_type", "must be a whole number");
        }
        n.map(Scalar::Number)
    };
    match kind {
        FieldKind::Days | FieldKind::Choice(Choices::RunningClocks) => number(errors),
        FieldKind::YesNo => match raw.trim() {
            "yes" => Some(Scalar::YesNo(true)),
            "no" => Some(Scalar::YesNo(false)),
            _ => {
                errors.add(name, "invalid_choice", "must be yes or no");
                None
            }
        },
        FieldKind::Text | FieldKind::Choice(_) => Some(Scalar::Text(raw.to_string())),
    }
}

/// The words serde gives a field a type does not have, so the page and the API say the same.
fn unknown_field(name: &str, known: &[&str]) -> String {
    let quoted: Vec<String> = known.iter().map(|k| format!("`{k}`")).collect();
    match quoted.as_slice() {
        [] => format!("unknown field `{name}`, there are no fields"),
        [one] => format!("unknown field `{name}`, expected {one}"),
        [a, b] => format!("unknown field `{name}`, expected {a} or {b}"),
        many => format!(
            "unknown field `{name}`, expected one of {}",
            many.join(", ")
        ),
    }
}

/// An action's form as the command it asks for: every field read by its kind, a field the
/// action does not take refused, and the version the page showed.
///
/// # Errors
/// The problems, named by the form's fields.
pub fn command(action: CaseAction, form: &FormData) -> Result<Command, FieldErrors> {
    let fields = action.fields();
    let known: Vec<&str> = fields.iter().map(|f| f.name).collect();
    let mut read = Read::default();
    for (name, raw) in &form.0 {
        // The form's own fields (token, key) and the action's name are not the action's.
        if name.starts_with('_') || name == "action" || raw.trim().is_empty() {
            continue;
        }
        if let Some(why) = text::problem(name, false) {
            let field = text::one_line(name);
            read.errors
                .add(&field, "control_character", format!("the field name {why}"));
            continue;
        }
        let kind = if name == "expected_version" {
            FieldKind::Days
        } else if name == "written_in" && action.writes_pleading() {
            FieldKind::Text
        } else if let Some(f) = fields.iter().find(|f| f.name == name) {
            f.kind
        } else {
            read.errors
                .add(name, "unknown_field", unknown_field(name, &known));
            continue;
        };
        if let Some(value) = scalar(name, kind, raw, &mut read.errors) {
            read.put(name, value);
        }
    }
    let expected_version = read.optional::<i64>("expected_version").flatten();
    let written_in = read.optional("written_in").flatten();
    let input = input(action, &mut read);
    match input {
        Some(input) if read.errors.is_empty() => Ok(Command {
            expected_version,
            written_in,
            input,
        }),
        _ => Err(read.errors),
    }
}

/// The action's input from the values read; `None` once a problem is recorded. Every field
/// of an arm is read before any is given up on, so one refusal names them all.
fn input(action: CaseAction, r: &mut Read) -> Option<ActionInput> {
    use ActionInput as I;
    use CaseAction as A;
    Some(match action {
        A::Register => {
            let (note, note_audience) = (r.optional("note"), r.optional("note_audience"));
            I::Register {
                note: note?,
                note_audience: note_audience?,
            }
        }
        A::DeclareEligible => {
            let (note, note_audience) = (r.optional("note"), r.optional("note_audience"));
            I::DeclareEligible {
                note: note?,
                note_audience: note_audience?,
            }
        }
        A::AcceptResponse => I::AcceptResponse {
            note: r.optional("note")?,
        },
        A::LiftHold => I::LiftHold {
            note: r.optional("note")?,
        },
        A::Withdraw => I::Withdraw {
            reason: r.optional("reason")?,
        },
        A::Dismiss => {
            let (reason, note) = (r.required("reason"), r.required("note"));
            I::Dismiss {
                reason: reason?,
                note: note?,
            }
        }
        A::AssignMediator => {
            let mediator = r.optional("mediator");
            let override_reason = r.optional("override_reason");
            I::AssignMediator {
                mediator: mediator?,
                override_reason: override_reason?,
            }
        }
        A::RecordDecision => {
            let (decision, reasoning) = (r.required("decision"), r.required("reasoning"));
            I::RecordDecision {
                decision: decision?,
                reasoning: reasoning?,
            }
        }
        A::RequestExtension => {
            let deadline_id = r.required("deadline_id");
            let days = r.required("days");
            let reason = r.required("reason");
            I::RequestExtension {
                deadline_id: deadline_id?,
                days: days?,
                reason: reason?,
            }
        }
        A::DecideExtension => {
            let request = r.required("request");
            let grant = r.required("grant");
            let days = r.optional("days");
            let note = r.required("note");
            I::DecideExtension {
                request: request?,
                grant: grant?,
                days: days?,
                note: note?,
            }
        }
        A::DecideChallenge => {
            let challenge = r.required("challenge");
            let uphold = r.required("uphold");
            let note = r.required("note");
            I::DecideChallenge {
                challenge: challenge?,
                uphold: uphold?,
                note: note?,
            }
        }
        A::RequestTranslation => {
            let (source, language) = (r.required("source"), r.required("language"));
            I::RequestTranslation {
                source: source?,
                language: language?,
            }
        }
        A::ProvideTranslation => {
            let (request, text) = (r.required("request"), r.optional("text"));
            I::ProvideTranslation {
                request: request?,
                text: text?,
            }
        }
        A::RequestResponse
        | A::SubmitResponse
        | A::ContestResponse
        | A::RecordSettlement
        | A::Escalate
        | A::Appeal
        | A::StartMonitoring
        | A::Close
        | A::PlaceHold
        | A::RequestInformation
        | A::ProvideInformation
        | A::ChallengeMediator
        | A::RecuseMediator => return one_text(action, r),
        A::File => {
            r.errors.add(
                "action",
                "invalid_choice",
                format!(
                    "unknown action `{action}`; expected one of: {}",
                    ActionInput::names().join(", ")
                ),
            );
            return None;
        }
    })
}

/// The input of an action whose form is one required text.
fn one_text(action: CaseAction, r: &mut Read) -> Option<ActionInput> {
    use ActionInput as I;
    use CaseAction as A;
    let name = action.fields().first()?.name;
    let text: String = r.required(name)?;
    Some(match action {
        A::RequestResponse => I::RequestResponse { request: text },
        A::SubmitResponse => I::SubmitResponse { response: text },
        A::ContestResponse => I::ContestResponse {
            counter_proposal: text,
        },
        A::RecordSettlement => I::RecordSettlement { terms: text },
        A::Escalate => I::Escalate { reason: text },
        A::Appeal => I::Appeal { grounds: text },
        A::StartMonitoring => I::StartMonitoring { plan: text },
        A::Close => I::Close { summary: text },
        A::PlaceHold => I::PlaceHold { reason: text },
        A::RequestInformation => I::RequestInformation { questions: text },
        A::ProvideInformation => I::ProvideInformation { information: text },
        A::ChallengeMediator => I::ChallengeMediator { reason: text },
        A::RecuseMediator => I::RecuseMediator { reason: text },
        // `input` sends only the actions above here.
        _ => return None,
    })
}

/// The filing form as a grievance. The choices the rest cannot be checked without (category,
/// day, confidentiality, language, urgency) are stood in for while the texts are checked, so
/// one refusal names every problem at once; the model checks the codes when it files.
///
/// # Errors
/// The problems of the form, named by its fields.
pub fn new_case(form: &FormData) -> Result<NewCase, FieldErrors> {
    let (input, mut errors) = read_new_case(form);
    if errors.is_empty() {
        Ok(input)
    } else {
        errors.check(&input);
        Err(errors)
    }
}

/// The filing form as a grievance, a blank or unreadable choice standing in as its default,
/// and what the form itself could not read (its words are checked by the filing).
#[must_use]
pub fn read_new_case(form: &FormData) -> (NewCase, FieldErrors) {
    let mut read = Read::default();
    for name in [
        "category",
        "incident_date",
        "confidentiality",
        "language",
        "urgency",
    ] {
        if let Some(value) = form.optional(name) {
            read.put(name, Scalar::Text(value));
        } else {
            read.errors.add(name, "required", "must not be empty");
        }
    }
    let category = read.optional::<Category>("category");
    let incident_date = read.optional::<Day>("incident_date");
    let confidentiality = read.optional::<Confidentiality>("confidentiality");
    let language = read.optional::<Language>("language");
    let urgency = read.optional::<Urgency>("urgency");
    let code = form.text("respondent_code");
    let respondent = if form.get("respondent_kind") == Some("delegation") {
        RespondentRef::Delegation { code }
    } else {
        RespondentRef::Body { code }
    };
    let input = NewCase {
        title: form.text("title"),
        category: category.flatten().unwrap_or(Category::Other),
        body: form.text("body"),
        incident_date: incident_date
            .flatten()
            .map_or_else(chrono::NaiveDate::default, Day::date),
        facts: form.text("facts"),
        remedy_sought: form.text("remedy_sought"),
        respondent,
        co_complainants: form
            .all("co_complainants")
            .into_iter()
            .filter(|c| !c.trim().is_empty())
            .collect(),
        confidentiality: confidentiality.flatten().unwrap_or(Confidentiality::Public),
        language: language.flatten().unwrap_or(Language::En),
        urgency: urgency.flatten().unwrap_or(Urgency::Normal),
        idempotency_key: form.optional("_key"),
    };
    (input, read.errors)
}

impl Read {
    /// Reads the fields `names` of `form` as text, leaving out those left blank.
    fn texts(form: &FormData, names: &[&str]) -> Self {
        let mut read = Self::default();
        for name in names {
            if let Some(value) = form.optional(name) {
                read.put(name, Scalar::Text(value));
            }
        }
        read
    }

    /// `value` when nothing was refused, else every problem met.
    fn finish<T>(self, value: Option<T>) -> Result<T, FieldErrors> {
        match value {
            Some(value) if self.errors.is_empty() => Ok(value),
            _ => Err(self.errors),
        }
    }
}

/// The accreditation form as the person to accredit; the model checks the rest.
///
/// # Errors
/// A role or language that is not one, or no role.
pub fn new_user(form: &FormData) -> Result<NewUser, FieldErrors> {
    let mut read = Read::texts(form, &["role", "locale"]);
    let role = read.required::<Role>("role");
    let locale = read.optional::<Locale>("locale");
    let user = role.zip(locale).map(|(role, locale)| NewUser {
        email: form.text("email"),
        name: form.text("name"),
        role,
        delegation: form.optional("delegation"),
        body: form.optional("body"),
        locale: locale.unwrap_or(Locale::En),
        time_zone: form.text("time_zone"),
        password: form.optional("password"),
    });
    read.finish(user)
}

/// A person's page form as the change it asks for; blank fields stay as they are.
///
/// # Errors
/// A language that is not one.
pub fn user_change(form: &FormData) -> Result<UserChange, FieldErrors> {
    let mut read = Read::texts(form, &["locale"]);
    let change = read.optional::<Locale>("locale").map(|locale| UserChange {
        name: form.optional("name"),
        locale,
        time_zone: form.optional("time_zone"),
        active: match form.get("active") {
            Some("yes") => Some(true),
            Some("no") => Some(false),
            _ => None,
        },
    });
    read.finish(change)
}

/// The form of a new body; the model checks its code and name.
///
/// # Errors
/// No kind, or one that is not one.
pub fn new_body(form: &FormData) -> Result<NewBody, FieldErrors> {
    use strum::IntoEnumIterator;
    let mut read = Read::texts(form, &["kind"]);
    let body = read.required::<BodyKind>("kind").map(|kind| NewBody {
        code: form.text("code"),
        name: form.text("name"),
        names: Locale::iter()
            .filter(|l| *l != Locale::En)
            .map(|l| (l, form.text(&format!("name_{l}"))))
            .filter(|(_, n)| !n.trim().is_empty())
            .collect(),
        kind,
    });
    read.finish(body)
}

/// The form of a new holiday; the model checks its name.
///
/// # Errors
/// No day, or one that is not a day.
pub fn new_holiday(form: &FormData) -> Result<NewHoliday, FieldErrors> {
    let mut read = Read::texts(form, &["date"]);
    let holiday = read.required::<Day>("date").map(|date| NewHoliday {
        date: date.date(),
        name: form.text("name"),
    });
    read.finish(holiday)
}

/// A mediator's profile form as the change it asks for: the lists sent replace the stored
/// ones (an empty list too), so every field is given.
///
/// # Errors
/// A capacity that is not a whole number or a language that is not one.
pub fn profile_change(form: &FormData) -> Result<ProfileChange, FieldErrors> {
    let mut read = Read::default();
    let capacity = form.text("capacity").trim().parse::<u32>().ok();
    if capacity.is_none() {
        read.errors
            .add("capacity", "invalid_type", "must be a whole number");
    }
    let list = |name: &str| -> Vec<String> {
        form.all(name)
            .into_iter()
            .filter(|s| !s.trim().is_empty())
            .collect()
    };
    let mut languages = std::collections::BTreeSet::new();
    for (i, raw) in list("languages").into_iter().enumerate() {
        let field = format!("languages[{i}]");
        if let Some(language) = read.typed::<Language>(&field, &Scalar::Text(raw)) {
            languages.insert(language);
        }
    }
    let change = capacity.map(|capacity| ProfileChange {
        languages: Some(languages),
        capacity: Some(capacity),
        on_leave: Some(form.get("on_leave") == Some("yes")),
        conflicting_delegations: Some(list("conflicting_delegations")),
        conflicting_bodies: Some(list("conflicting_bodies")),
    });
    read.finish(change)
}

#[cfg(test)]
mod tests {
    use strum::IntoEnumIterator;

    use super::*;
    use crate::models::cases::actions::Field;

    fn sample(field: &Field) -> &'static str {
        match field.kind {
            FieldKind::Text => "Some words to act on.",
            FieldKind::Days | FieldKind::Choice(Choices::RunningClocks) => "3",
            FieldKind::YesNo => "yes",
            FieldKind::Choice(Choices::DismissalReasons) => "outside_mandate",
            FieldKind::Choice(Choices::Decisions) => "upheld",
            FieldKind::Choice(Choices::Audiences { .. }) => "staff",
            FieldKind::Choice(Choices::Languages) => "fr",
            FieldKind::Choice(
                Choices::Mediators
                | Choices::PendingExtensions
                | Choices::PendingChallenges
                | Choices::Translatables
                | Choices::PendingTranslations,
            ) => "00000000-0000-0000-0000-000000000000",
        }
    }

    fn form(action: CaseAction, fields: &[&Field]) -> FormData {
        let mut pairs = vec![
            ("_csrf".to_string(), "token".to_string()),
            ("action".to_string(), action.to_string()),
            ("expected_version".to_string(), "4".to_string()),
        ];
        pairs.extend(
            fields
                .iter()
                .map(|f| (f.name.to_string(), sample(f).to_string())),
        );
        FormData(pairs)
    }

    #[test]
    fn every_action_form_reads_as_its_action_and_names_a_missing_field() {
        for action in CaseAction::iter().filter(|a| *a != CaseAction::File) {
            let all: Vec<&Field> = action.fields().iter().collect();
            let read = command(action, &form(action, &all))
                .unwrap_or_else(|e| panic!("{action} with every field: {e:?}"));
            assert_eq!(read.input.action(), action);
            assert_eq!(read.expected_version, Some(4));
            let required: Vec<&Field> = all.iter().copied().filter(|f| f.required).collect();
            for missing in &required {
                let rest: Vec<&Field> = required
                    .iter()
                    .copied()
                    .filter(|f| f.name != missing.name)
                    .collect();
                let errors = command(action, &form(action, &rest)).expect_err("refused");
                assert_eq!(errors.0[missing.name][0].code, "required", "{action}");
            }
        }
    }

    #[test]
    fn a_bad_value_is_refused_in_the_apis_words() {
        let mut f = form(CaseAction::Dismiss, &[]);
        f.0.push(("reason".into(), "bored".into()));
        f.0.push(("note".into(), "Outside.".into()));
        f.0.push(("grant".into(), "yes".into()));
        let errors = command(CaseAction::Dismiss, &f).expect_err("refused");
        let reason = &errors.0["reason"][0];
        assert_eq!(reason.code, "invalid_choice");
        assert_eq!(
            reason.message,
            crate::errors::Message::English(
                serde_json::from_str::<crate::models::vocabulary::DismissalReason>("\"bored\"")
                    .expect_err("no such reason")
                    .to_string()
                    .split(" at line ")
                    .next()
                    .unwrap_or_default()
                    .to_string()
            )
        );
        assert_eq!(errors.0["grant"][0].code, "unknown_field");

        let mut f = form(CaseAction::RequestExtension, &[]);
        f.0.push(("deadline_id".into(), "7".into()));
        f.0.push(("days".into(), "99999999999".into()));
        f.0.push(("reason".into(), "Time needed.".into()));
        let errors = command(CaseAction::RequestExtension, &f).expect_err("refused");
        assert_eq!(errors.0["days"][0].code, "invalid");
        assert_eq!(
            errors.0["days"][0].message,
            crate::errors::Message::English(
                "invalid value: integer `99999999999`, expected u32".into()
            )
        );
    }

    #[test]
    fn an_unknown_field_is_named_as_serde_names_it() {
        #[derive(Debug, serde::Deserialize)]
        #[serde(deny_unknown_fields)]
        #[expect(dead_code, reason = "only its refusal is read")]
        struct Three {
            a: u8,
            b: u8,
            c: u8,
        }
        #[derive(Debug, serde::Deserialize)]
        #[serde(deny_unknown_fields)]
        #[expect(dead_code, reason = "only its refusal is read")]
        struct Two {
            a: u8,
            b: u8,
        }
        #[derive(Debug, serde::Deserialize)]
        #[serde(deny_unknown_fields)]
        #[expect(dead_code, reason = "only its refusal is read")]
        struct One {
            a: u8,
        }
        let said = |e: serde_json::Error| e.to_string().split(" at line ").next().map(String::from);
        let body = r#"{"x": 1}"#;
        assert_eq!(
            Some(unknown_field("x", &["a", "b", "c"])),
            said(serde_json::from_str::<Three>(body).expect_err("unknown"))
        );
        assert_eq!(
            Some(unknown_field("x", &["a", "b"])),
            said(serde_json::from_str::<Two>(body).expect_err("unknown"))
        );
        assert_eq!(
            Some(unknown_field("x", &["a"])),
            said(serde_json::from_str::<One>(body).expect_err("unknown"))
        );
    }

    #[test]
    fn the_filing_form_names_every_blank_choice_with_the_texts() {
        let f = FormData(vec![
            ("title".into(), "Cut".into()),
            ("category".into(), "speaking_time".into()),
            ("incident_date".into(), "2026-02-30".into()),
        ]);
        let errors = new_case(&f).expect_err("refused");
        for field in ["confidentiality", "language", "urgency", "title", "facts"] {
            assert!(errors.0.contains_key(field), "{field}: {errors:?}");
        }
        assert_eq!(errors.0["incident_date"][0].code, "invalid");
        assert!(!errors.0.contains_key("category"));
    }

    #[test]
    fn the_admin_forms_name_what_they_cannot_read() {
        let f = FormData(vec![("code".into(), "HRC".into())]);
        assert_eq!(
            new_body(&f).expect_err("no kind").0["kind"][0].code,
            "required"
        );
        let f = FormData(vec![("date".into(), "2026-13-01".into())]);
        assert_eq!(
            new_holiday(&f).expect_err("no day").0["date"][0].code,
            "invalid"
        );
        let f = FormData(vec![("role".into(), "king".into())]);
        assert_eq!(
            new_user(&f).expect_err("no role").0["role"][0].code,
            "invalid_choice"
        );
        let f = FormData(vec![
            ("capacity".into(), "lots".into()),
            ("languages".into(), "xx".into()),
        ]);
        let errors = profile_change(&f).expect_err("refused");
        assert_eq!(errors.0["capacity"][0].code, "invalid_type");
        assert_eq!(errors.0["languages[0]"][0].code, "invalid_choice");
    }
}
