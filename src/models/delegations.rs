//! Member-state delegations: reference data seeded from the public UN lists.
use std::collections::HashMap;

use sea_orm::{entity::prelude::*, ActiveValue::Set, QueryOrder};
use serde::Deserialize;

pub use super::_entities::delegations::{ActiveModel, Column, Entity, Model};
use super::{
    bodies::Translations,
    vocabulary::{Locale, RegionalGroup},
};
use crate::errors::{AppError, AppResult};

impl ActiveModelBehavior for ActiveModel {}

/// The member-state list shipped with the app (sources named in the file's header).
pub const MEMBER_STATES_CSV: &str = include_str!("../fixtures/un_member_states.csv");

/// The member states' UN short names in the six official languages (sources named in the
/// file's header).
pub const MEMBER_STATE_NAMES_CSV: &str = include_str!("../fixtures/un_member_states_names.csv");

/// Each member state's name in every language the pages speak besides English, by code.
static TRANSLATIONS: std::sync::LazyLock<HashMap<String, Translations>> =
    std::sync::LazyLock::new(|| {
        csv::ReaderBuilder::new()
            .comment(Some(b'#'))
            .from_reader(MEMBER_STATE_NAMES_CSV.as_bytes())
            .deserialize::<HashMap<String, String>>()
            .filter_map(Result::ok)
            .filter_map(|mut row| {
                let code = row.remove("iso3")?;
                let names = <Locale as strum::IntoEnumIterator>::iter()
                    .filter(|l| *l != Locale::En)
                    .filter_map(|l| Some((l, row.remove(l.as_ref())?)))
                    .filter(|(_, n)| !n.is_empty())
                    .collect();
                Some((code, names))
            })
            .collect()
    });

/// The member state's official short name in each language the pages speak besides English
/// (empty for a delegation that is not a member state).
#[must_use]
pub fn translations(code: &str) -> Translations {
    TRANSLATIONS.get(code).cloned().unwrap_or_default()
}

/// Every name a reader may call a member state by, folded ([`super::text::folded`]: whatever
/// its accents, letter case or apostrophe): the name it is kept under and its names in the
/// other languages the pages speak. The filing form, the register's search and the admins'
/// search all find states through it, so a name that finds a state in one finds it in all.
pub struct StateNames<'a> {
    states: &'a [Model],
    names: Vec<(String, usize)>,
}

impl<'a> StateNames<'a> {
    #[must_use]
    pub fn of(states: &'a [Model]) -> Self {
        let names = states
            .iter()
            .enumerate()
            .flat_map(|(i, d)| {
                std::iter::once(d.name.clone())
                    .chain(translations(&d.code).into_values())
                    .map(move |n| (super::text::folded(&n), i))
            })
            .collect();
        Self { states, names }
    }

    fn matching(&self, keep: impl Fn(&str) -> bool) -> Vec<&'a Model> {
        let found: std::collections::BTreeSet<usize> = self
            .names
            .iter()
            .filter(|(n, _)| keep(n))
            .map(|(_, i)| *i)
            .collect();
        found.into_iter().map(|i| &self.states[i]).collect()
    }

    /// The state whose code `words` is, in any letter case.
    #[must_use]
    pub fn coded(&self, words: &str) -> Option<&'a Model> {
        let code = words.trim().to_uppercase();
        self.states.iter().find(|d| d.code == code)
    }

    /// The states one of whose names is exactly `words`.
    #[must_use]
    pub fn named(&self, words: &str) -> Vec<&'a Model> {
        let words = super::text::folded(words);
        self.matching(|n| n == words)
    }

    /// The states one of whose names begins with `words`.
    #[must_use]
    pub fn beginning(&self, words: &str) -> Vec<&'a Model> {
        let words = super::text::folded(words);
        if words.is_empty() {
            return Vec::new();
        }
        self.matching(|n| n.starts_with(&words))
    }

    /// The states one of whose names holds `words` anywhere.
    #[must_use]
    pub fn containing(&self, words: &str) -> Vec<&'a Model> {
        let words = super::text::folded(words);
        self.matching(|n| n.contains(&words))
    }
}

/// What a person typed to name member states: a list separated by commas (of any script),
/// semicolons or new lines, each entry a code (`HTI`), a name in any language the pages speak
/// (`Haïti`, `haiti`), or the beginning, three letters or more, of exactly one state's names
/// (`Papua`). Each entry gives the code it names, or itself when it names no one state.
///
/// # Errors
/// Database errors.
pub async fn read_typed(
    db: &impl ConnectionTrait,
    typed: &str,
) -> AppResult<Vec<Result<String, String>>> {
    let entries: Vec<&str> = typed
        // The comma of each script: Latin, Arabic, and Chinese (full width and enumeration).
        .split([
            ',', ';', '\n', '\u{60c}', '\u{ff0c}', '\u{3001}', '\u{ff1b}',
        ])
        .map(str::trim)
        .filter(|e| !e.is_empty())
        .collect();
    if entries.is_empty() {
        return Ok(Vec::new());
    }
    let states = list(db).await?;
    let names = StateNames::of(&states);
    Ok(entries
        .into_iter()
        .map(|entry| {
            let one = |found: Vec<&Model>| match found.as_slice() {
                [d] => Some(d.code.clone()),
                _ => None,
            };
            names
                .coded(entry)
                .map(|d| d.code.clone())
                .or_else(|| one(names.named(entry)))
                .or_else(|| {
                    (super::text::folded(entry).chars().count() >= 3)
                        .then(|| one(names.beginning(entry)))
                        .flatten()
                })
                .ok_or_else(|| entry.to_string())
        })
        .collect())
}

#[derive(Debug, Deserialize)]
struct Row {
    iso3: String,
    iso2: String,
    name: String,
    regional_group: String,
    ldc: bool,
    sids: bool,
    lldc: bool,
}

impl Model {
    /// Finds a delegation by its ISO alpha-3 code, in any letter case.
    ///
    /// # Errors
    /// Database errors.
    pub async fn find_by_code(db: &impl ConnectionTrait, code: &str) -> AppResult<Option<Self>> {
        super::by_code::<Entity>(db, Column::Code, code).await
    }

    /// The id of the delegation an input names by `code`, or, when none has it, `None` and an
    /// `unknown` problem on `field`.
    ///
    /// # Errors
    /// Database errors.
    pub async fn id_named(
        db: &impl ConnectionTrait,
        code: &str,
        field: &str,
        errors: &mut crate::errors::FieldErrors,
    ) -> AppResult<Option<i64>> {
        let named = (Column::Code, "delegation");
        super::id_named::<Entity>(db, named, code, (field, errors), |m| m.id).await
    }

    /// Finds the delegations with these codes, in any letter case, in one query, keyed by code
    /// as stored (upper case).
    ///
    /// # Errors
    /// Database errors.
    pub async fn find_by_codes(
        db: &impl ConnectionTrait,
        codes: &[&str],
    ) -> AppResult<HashMap<String, Self>> {
        super::by_codes::<Entity>(db, Column::Code, codes, |m| m.code.clone()).await
    }

    /// Least developed country or small island developing state: the groups that get extra
    /// time under the special and differential rule.
    #[must_use]
    pub const fn gets_extra_time(&self) -> bool {
        self.is_ldc || self.is_sids
    }
}

/// All delegations, by name.
///
/// # Errors
/// Database errors.
pub async fn list(db: &impl ConnectionTrait) -> AppResult<Vec<Model>> {
    Ok(Entity::find().order_by_asc(Column::Name).all(db).await?)
}

/// Loads (or refreshes) the member states from the shipped list; safe to run again.
///
/// # Errors
/// When the list is malformed or the database refuses a row.
pub async fn load_member_states(
    db: &impl ConnectionTrait,
    now: chrono::DateTime<chrono::Utc>,
) -> AppResult<usize> {
    let mut reader = csv::ReaderBuilder::new()
        .comment(Some(b'#'))
        .from_reader(MEMBER_STATES_CSV.as_bytes());
    let mut n = 0;
    for row in reader.deserialize::<Row>() {
        let row = row.map_err(|e| AppError::Corrupt(format!("member states list: {e}")))?;
        let group: RegionalGroup =
            row.regional_group.to_lowercase().parse().map_err(|_| {
                AppError::Corrupt(format!("regional group `{}`", row.regional_group))
            })?;
        let existing = Entity::find()
            .filter(Column::Code.eq(&row.iso3))
            .one(db)
            .await?;
        let mut am = existing.map_or_else(
            || ActiveModel {
                created_at: Set(now.into()),
                ..Default::default()
            },
            Into::into,
        );
        am.code = Set(row.iso3);
        am.iso2 = Set(row.iso2);
        am.name = Set(row.name);
        am.regional_group = Set(group.to_string());
        am.is_ldc = Set(row.ldc);
        am.is_sids = Set(row.sids);
        am.is_lldc = Set(row.lldc);
        am.updated_at = Set(now.into());
        am.save(db).await?;
        n += 1;
    }
    Ok(n)
}

#[cfg(test)]
mod tests {
    use std::collections::HashMap;

    use super::{translations, Row, MEMBER_STATES_CSV, MEMBER_STATE_NAMES_CSV};
    use crate::models::vocabulary::Locale;

    #[test]
    fn every_member_state_has_its_un_name_in_every_official_language() {
        let states: Vec<Row> = csv::ReaderBuilder::new()
            .comment(Some(b'#'))
            .from_reader(MEMBER_STATES_CSV.as_bytes())
            .deserialize()
            .collect::<Result<_, _>>()
            .expect("the member-state list reads");
        let names: Vec<HashMap<String, String>> = csv::ReaderBuilder::new()
            .comment(Some(b'#'))
            .from_reader(MEMBER_STATE_NAMES_CSV.as_bytes())
            .deserialize()
            .collect::<Result<_, _>>()
            .expect("the names read");
        assert_eq!(states.len(), 193);
        assert_eq!(names.len(), states.len());
        for (state, named) in states.iter().zip(&names) {
            assert_eq!(named["iso3"], state.iso3, "the same rows in the same order");
            for lang in ["en", "fr", "es", "ar", "zh", "ru"] {
                assert!(
                    !named[lang].trim().is_empty(),
                    "{} has no {lang} name",
                    state.iso3
                );
            }
            assert_eq!(
                named["en"].replace('\u{2019}', "'"),
                state.name,
                "the English names agree"
            );
        }
        assert_eq!(translations("CIV")[&Locale::Fr], "Côte d\u{2019}Ivoire");
        assert_eq!(translations("DEU")[&Locale::Es], "Alemania");
        assert!(translations("XXX").is_empty());
    }
}
