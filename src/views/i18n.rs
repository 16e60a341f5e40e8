//! The interface's words in the six official languages of the United Nations (Arabic,
//! Chinese, English, French, Russian, Spanish): Fluent files under `assets/i18n/<lang>/`
//! (and `assets/shared.ftl` for what no language translates), read once per process. Pages
//! call `t(key=..., lang=...)`; Rust code that formats for a person calls [`text`], and the
//! domain's words ([`Said`]) are said here, by [`say`].
use chrono::{DateTime, Utc};
use std::{borrow::Cow, collections::HashMap, fmt, sync::Arc, sync::LazyLock};

use fluent_templates::{fluent_bundle::FluentValue, ArcLoader, LanguageIdentifier, Loader};

use crate::{
    errors::{Arg, Said},
    models::vocabulary::Locale,
};

pub const I18N_DIR: &str = "assets/i18n";
pub const SHARED: &str = "assets/shared.ftl";

static LOADER: LazyLock<Result<Arc<ArcLoader>, String>> = LazyLock::new(|| {
    ArcLoader::builder(I18N_DIR, fluent_templates::langid!("en"))
        .shared_resources(Some(&[SHARED.into()]))
        // Bidi isolation marks would show up in form values and tests alike.
        .customize(|bundle| bundle.set_use_isolating(false))
        .build()
        .map(Arc::new)
        .map_err(|e| format!("translations under {I18N_DIR}: {e}"))
});

/// The translations, loaded on first use.
///
/// # Errors
/// When a Fluent file is missing or does not parse.
pub fn loader() -> Result<Arc<ArcLoader>, String> {
    LOADER.clone()
}

/// The Fluent language of a locale.
#[must_use]
pub fn language(locale: Locale) -> LanguageIdentifier {
    match locale {
        Locale::En => fluent_templates::langid!("en"),
        Locale::Fr => fluent_templates::langid!("fr"),
        Locale::Es => fluent_templates::langid!("es"),
        Locale::Ar => fluent_templates::langid!("ar"),
        Locale::Zh => fluent_templates::langid!("zh"),
        Locale::Ru => fluent_templates::langid!("ru"),
    }
}

/// `key` in `locale`, with named arguments; the key itself when translations are missing.
#[must_use]
pub fn text(locale: Locale, key: &str, args: &[(&str, FluentValue<'static>)]) -> String {
    try_text(locale, key, args).unwrap_or_else(|| key.to_string())
}

/// `key` in `locale` (else in English), with named arguments; `None` when no language has it,
/// for callers that must not send a key in place of words.
#[must_use]
pub fn try_text(
    locale: Locale,
    key: &str,
    args: &[(&str, FluentValue<'static>)],
) -> Option<String> {
    let loader = loader().ok()?;
    let args: HashMap<Cow<'static, str>, FluentValue<'static>> = args
        .iter()
        .map(|(k, v)| (Cow::Owned((*k).to_string()), v.clone()))
        .collect();
    loader.try_lookup_with_args(&language(locale), key, &args)
}

/// A day in `locale`'s words: `3 December 2026`, `1er décembre 2026`, `3 de diciembre de
/// 2026`, `3 декабря 2026 г.`, `2026年12月3日`, `3 كانون الأول/ديسمبر 2026`.
#[must_use]
pub fn date_in(locale: Locale, day: chrono::NaiveDate) -> String {
    use chrono::Datelike;
    let month = text(locale, &format!("month-{}", day.month()), &[]);
    text(
        locale,
        "date-long",
        &[
            ("day", FluentValue::from(day.day())),
            ("month", FluentValue::from(month)),
            ("monthnum", FluentValue::from(day.month())),
            ("year", FluentValue::from(day.year())),
        ],
    )
}

/// A day and a time of day (already in words) as `locale` joins them.
#[must_use]
pub fn date_time(locale: Locale, day: chrono::NaiveDate, time: String) -> String {
    text(
        locale,
        "date-time",
        &[
            ("date", FluentValue::from(date_in(locale, day))),
            ("time", FluentValue::from(time)),
        ],
    )
}

/// An instant in `locale`'s words, in `zone`: `3 December 2026, 18:00 CET`.
#[must_use]
pub fn when_in(locale: Locale, at: DateTime<Utc>, zone: chrono_tz::Tz) -> String {
    let local = at.with_timezone(&zone);
    date_time(locale, local.date_naive(), super::time_in(local, zone))
}

/// One number formatter per language, from CLDR. Arabic is asked for its Latin digits, as
/// its dates here and the UN's Arabic documents write them.
static NUMBERS: LazyLock<HashMap<Locale, icu_decimal::DecimalFormatter>> = LazyLock::new(|| {
    <Locale as strum::IntoEnumIterator>::iter()
        .filter_map(|l| {
            let tag = if l == Locale::Ar {
                "ar-u-nu-latn"
            } else {
                l.as_ref()
            };
            let locale: icu_locale_core::Locale = tag.parse().ok()?;
            let formatter =
                icu_decimal::DecimalFormatter::try_new(locale.into(), Default::default()).ok()?;
            Some((l, formatter))
        })
        .collect()
});

/// A number as `locale` writes it, with `decimals` digits after the decimal mark (trailing
/// zeros dropped): `12 345,5` in French, `12,345.5` in English, `12.345,5` in Spanish.
#[must_use]
pub fn number_in(locale: Locale, value: f64, decimals: u8) -> String {
    use icu_decimal::input::Decimal;
    let scale = 10_f64.powi(i32::from(decimals));
    // Figures shown here are counts, days and percentages, far inside i64.
    #[expect(
        clippy::cast_possible_truncation,
        reason = "rounded, and far inside i64"
    )]
    let mut scaled = (value * scale).round() as i64;
    let mut places = i16::from(decimals);
    while places > 0 && scaled % 10 == 0 {
        scaled /= 10;
        places -= 1;
    }
    let mut decimal = Decimal::from(scaled);
    decimal.multiply_pow10(-places);
    NUMBERS
        .get(&locale)
        .map_or_else(|| decimal.to_string(), |f| f.format(&decimal).to_string())
}

/// The domain's words in `locale`, instants in `zone`.
#[must_use]
pub fn say(said: &Said, locale: Locale, zone: chrono_tz::Tz) -> String {
    let args: Vec<(&str, FluentValue<'static>)> = said
        .args()
        .iter()
        .map(|(name, arg)| {
            let value = match arg {
                Arg::Text(t) => FluentValue::from(t.clone()),
                Arg::Number(n) => FluentValue::from(*n),
                Arg::When(at) => FluentValue::from(when_in(locale, *at, zone)),
                Arg::List(items, separator) => FluentValue::from(
                    items
                        .iter()
                        .map(|item| say(item, locale, zone))
                        .collect::<Vec<_>>()
                        .join(separator),
                ),
            };
            (*name, value)
        })
        .collect();
    text(locale, said.key(), &args)
}

tokio::task_local! {
    /// The language an API request asked to be answered in (`Accept-Language`).
    static API_LOCALE: Locale;
}

/// Runs `answer` (an API request) with its words in `locale`.
pub async fn answering_in<F: std::future::Future>(locale: Locale, answer: F) -> F::Output {
    API_LOCALE.scope(locale, answer).await
}

/// The language the API request under way asked for; English outside one, or when it asked
/// for none of ours.
#[must_use]
pub fn api_locale() -> Locale {
    API_LOCALE.try_with(|l| *l).unwrap_or(Locale::En)
}

/// The domain's words in the English the API sends, instants in UTC.
#[must_use]
pub fn english(said: &Said) -> String {
    say(said, Locale::En, chrono_tz::UTC)
}

/// The English the API sends, instants in UTC (what an error's own message says).
impl fmt::Display for Said {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&english(self))
    }
}

/// The best of our locales for an `Accept-Language` header (`fr-CH,fr;q=0.9,en;q=0.8`).
#[must_use]
pub fn negotiate(header: &str) -> Option<Locale> {
    let mut offers: Vec<(f32, Locale)> = header
        .split(',')
        .filter_map(|part| {
            let mut bits = part.trim().split(';');
            let tag = bits.next()?.trim().to_ascii_lowercase();
            let q = bits
                .find_map(|b| b.trim().strip_prefix("q=").map(str::to_string))
                .map_or(Some(1.0), |q| q.parse::<f32>().ok())?;
            let primary = tag.split('-').next()?;
            primary.parse::<Locale>().ok().map(|l| (q, l))
        })
        .filter(|(q, _)| *q > 0.0)
        .collect();
    // Stable sort keeps the header's order among equal weights.
    offers.sort_by(|a, b| b.0.total_cmp(&a.0));
    offers.first().map(|(_, l)| *l)
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_figure_reads_as_each_language_writes_numbers() {
        let shown: Vec<String> = [
            Locale::En,
            Locale::Fr,
            Locale::Es,
            Locale::Ar,
            Locale::Zh,
            Locale::Ru,
        ]
        .into_iter()
        .map(|l| number_in(l, 12_345.5, 1))
        .collect();
        assert_eq!(
            shown,
            [
                "12,345.5",
                "12\u{202f}345,5",
                "12.345,5",
                "12,345.5",
                "12,345.5",
                "12\u{a0}345,5"
            ]
        );
        assert_eq!(
            number_in(Locale::Fr, 7.0, 1),
            "7",
            "no decimal mark for a whole number"
        );
        assert_eq!(
            number_in(Locale::Es, 1234.0, 1),
            "1234",
            "Spanish groups from five digits"
        );
    }

    use super::*;

    #[test]
    fn the_heaviest_language_we_speak_wins() {
        assert_eq!(negotiate("de-CH, fr;q=0.8, en;q=0.9"), Some(Locale::En));
        assert_eq!(negotiate("es-419"), Some(Locale::Es));
        assert_eq!(negotiate("fr-CH,fr;q=0.9"), Some(Locale::Fr));
        assert_eq!(negotiate("de, ja"), None);
        assert_eq!(negotiate("fr;q=0, es;q=0.1"), Some(Locale::Es));
        assert_eq!(negotiate(""), None);
    }
}

#[cfg(test)]
mod coverage {
    //! Every word a page asks for exists in every language, once.
    use std::collections::{BTreeMap, BTreeSet};

    use strum::IntoEnumIterator;

    use crate::models::{
        cases::{CaseAction, CaseStatus},
        oversight::register::{Closure, Stage},
        vocabulary::{
            Category, Confidentiality, DeadlineKind, Decision, DismissalReason, ExtensionStatus,
            Language, Locale, Outcome, Party, RegionalGroup, Role, SubmissionKind, Urgency,
        },
    };

    fn keys_of(lang: &str) -> BTreeMap<String, usize> {
        let mut keys = BTreeMap::new();
        let dir = std::path::Path::new(super::I18N_DIR).join(lang);
        for entry in std::fs::read_dir(&dir).expect("language folder") {
            let path = entry.expect("entry").path();
            let text = std::fs::read_to_string(&path).expect("ftl");
            for line in text.lines() {
                let Some((key, _)) = line.split_once(" =") else {
                    continue;
                };
                if !key.is_empty()
                    && key.chars().next().is_some_and(|c| c.is_ascii_lowercase())
                    && key
                        .chars()
                        .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
                {
                    *keys.entry(key.to_string()).or_insert(0) += 1;
                }
            }
        }
        keys
    }

    /// Every file under `dir`, with its text.
    fn files_under(dir: &str) -> Vec<(std::path::PathBuf, String)> {
        fn walk(dir: &std::path::Path, out: &mut Vec<(std::path::PathBuf, String)>) {
            for entry in std::fs::read_dir(dir).expect("folder") {
                let path = entry.expect("entry").path();
                if path.is_dir() {
                    walk(&path, out);
                } else {
                    let text = std::fs::read_to_string(&path).expect("text file");
                    out.push((path, text));
                }
            }
        }
        let mut out = Vec::new();
        walk(std::path::Path::new(dir), &mut out);
        out
    }

    /// The keys templates name literally: `t(key="...")`.
    fn template_keys() -> BTreeSet<String> {
        let mut out = BTreeSet::new();
        for (_, text) in files_under("assets/views") {
            for piece in text.split("key=\"").skip(1) {
                if let Some(end) = piece.find('"') {
                    let key = &piece[..end];
                    if !key.ends_with('-') {
                        out.insert(key.to_string());
                    }
                }
            }
        }
        out
    }

    fn vocabulary_keys() -> Vec<String> {
        fn all<E: IntoEnumIterator + std::fmt::Display>(prefix: &str) -> Vec<String> {
            E::iter().map(|v| format!("{prefix}{v}")).collect()
        }
        [
            all::<CaseStatus>("status-"),
            all::<CaseAction>("action-"),
            all::<Category>("category-"),
            all::<Confidentiality>("confidentiality-"),
            all::<Urgency>("urgency-"),
            all::<Language>("language-"),
            all::<Locale>("locale-"),
            all::<Role>("role-"),
            all::<Outcome>("outcome-"),
            all::<Decision>("decision-"),
            all::<DismissalReason>("dismissal-"),
            all::<Party>("party-"),
            all::<DeadlineKind>("clock-"),
            all::<SubmissionKind>("submission-"),
            all::<ExtensionStatus>("extension-"),
            all::<Stage>("stage-"),
            all::<Closure>("closure-"),
            all::<RegionalGroup>("group-"),
            all::<RegionalGroup>("group-short-"),
            all::<Party>("next-waiting-"),
            all::<crate::models::translations::State>("translation-"),
            (1..=12).map(|m| format!("month-{m}")).collect(),
            CaseAction::iter()
                .filter(|a| a.asks_to_confirm())
                .flat_map(|a| ["title", "ends", "yes"].map(|w| format!("confirm-{a}-{w}")))
                .collect(),
        ]
        .concat()
    }

    #[test]
    fn every_key_is_defined_once_in_each_language_and_the_languages_agree() {
        let en = keys_of("en");
        for (key, n) in &en {
            assert_eq!(*n, 1, "en defines `{key}` {n} times");
        }
        for lang in ["fr", "es", "ar", "zh", "ru"] {
            let other = keys_of(lang);
            for (key, n) in &other {
                assert_eq!(*n, 1, "{lang} defines `{key}` {n} times");
            }
            let a: BTreeSet<_> = en.keys().collect();
            let b: BTreeSet<_> = other.keys().collect();
            assert_eq!(
                a.difference(&b).collect::<Vec<_>>(),
                Vec::<&&String>::new(),
                "missing in {lang}"
            );
            assert_eq!(
                b.difference(&a).collect::<Vec<_>>(),
                Vec::<&&String>::new(),
                "only in {lang}"
            );
        }
    }

    /// An example in a message is input the app takes: every time zone and every date a
    /// message of any language names parses as one.
    #[test]
    fn every_example_a_message_gives_is_valid_input() {
        for lang in ["en", "fr", "es", "ar", "zh", "ru"] {
            let dir = std::path::Path::new(super::I18N_DIR).join(lang);
            for entry in std::fs::read_dir(&dir).expect("language folder") {
                let text = std::fs::read_to_string(entry.expect("entry").path()).expect("ftl");
                for word in text.split(|c: char| c.is_whitespace() || ",;()«»“”.".contains(c))
                {
                    let zone_like = word.split_once('/').is_some_and(|(area, place)| {
                        (crate::models::users::ZONE_REGIONS.contains(&area) || area == "Etc")
                            && !place.is_empty()
                            && place.chars().all(|c| c.is_ascii_alphabetic() || c == '_')
                    });
                    if zone_like {
                        assert!(
                            word.parse::<chrono_tz::Tz>().is_ok(),
                            "{lang}: `{word}` is no time zone"
                        );
                    }
                    let date_like = word.len() == 10
                        && word.as_bytes()[4] == b'-'
                        && word.as_bytes()[7] == b'-'
                        && word.bytes().filter(u8::is_ascii_digit).count() == 8;
                    if date_like {
                        assert!(
                            crate::models::day::Day::parse(word).is_ok(),
                            "{lang}: `{word}` is no day"
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn every_word_a_page_asks_for_is_translated() {
        let en = keys_of("en");
        let shared = std::fs::read_to_string(super::SHARED).expect("shared.ftl");
        let missing: Vec<String> = template_keys()
            .into_iter()
            .chain(vocabulary_keys())
            .filter(|k| !en.contains_key(k) && !shared.contains(&format!("{k} =")))
            .collect();
        assert!(missing.is_empty(), "no translation for {missing:?}");
    }

    /// The keys Rust code names literally: the domain's refusals and field messages
    /// (`Said::new("rule-...")`) and the emails' frame.
    fn code_keys() -> BTreeSet<String> {
        let mut out = BTreeSet::new();
        for (path, text) in files_under("src") {
            if path.extension().is_none_or(|e| e != "rs") {
                continue;
            }
            for piece in text.split('"').skip(1).step_by(2) {
                let named = ["rule-", "forbidden-", "exclusion-", "field-", "mail-"]
                    .iter()
                    .any(|p| piece.starts_with(p) && piece.len() > p.len());
                if named
                    && !piece.ends_with('-')
                    && piece
                        .chars()
                        .all(|c| c.is_ascii_lowercase() || c == '-' || c == '_')
                {
                    out.insert(piece.to_string());
                }
            }
        }
        out
    }

    /// What a template shows that is not a Tera expression: text between tags, and the
    /// attributes a person reads (`alt`, `title`, `aria-label`, `placeholder`).
    fn literal_words(template: &str) -> Vec<String> {
        fn cut(text: &str, open: &str, close: &str) -> String {
            let mut out = String::new();
            let mut rest = text;
            while let Some(start) = rest.find(open) {
                out.push_str(&rest[..start]);
                out.push(' ');
                rest = rest[start + open.len()..]
                    .find(close)
                    .map_or("", |end| &rest[start + open.len() + end + close.len()..]);
            }
            out.push_str(rest);
            out
        }
        let mut text = cut(template, "{#", "#}");
        for (open, close) in [("{%", "%}"), ("{{", "}}"), ("<style", "</style>")] {
            text = cut(&text, open, close);
        }
        let mut words = Vec::new();
        for attr in ["alt=\"", "title=\"", "aria-label=\"", "placeholder=\""] {
            for piece in text.split(attr).skip(1) {
                let value = piece.split('"').next().unwrap_or("");
                if value.chars().any(char::is_alphabetic) {
                    words.push(format!("{attr}{value}\""));
                }
            }
        }
        let between = ["&lt;", "&gt;", "&amp;", "&nbsp;", "&quot;"]
            .iter()
            .fold(cut(&text, "<", ">"), |t, e| t.replace(e, " "));
        words.extend(
            between
                .split_whitespace()
                .filter(|w| w.chars().any(char::is_alphabetic))
                .map(str::to_string),
        );
        words
    }

    #[test]
    fn templates_hold_no_words_of_their_own() {
        assert_eq!(
            literal_words("<p title=\"Hi\">{{ t(key=\"x\") }} Case</p>{# note #}"),
            vec!["title=\"Hi\"", "Case"],
            "the check finds words"
        );
        let mut found = Vec::new();
        for (path, text) in files_under("assets/views")
            .into_iter()
            .chain(files_under("src/mailers/notices"))
        {
            for word in literal_words(&text) {
                found.push(format!("{}: {word}", path.display()));
            }
        }
        assert!(found.is_empty(), "words outside Fluent: {found:#?}");
    }

    #[test]
    fn every_word_the_code_names_is_translated() {
        let en = keys_of("en");
        let keys = code_keys();
        assert!(keys.contains("rule-already-on-hold"), "the scan finds keys");
        let missing: Vec<&String> = keys.iter().filter(|k| !en.contains_key(*k)).collect();
        assert!(missing.is_empty(), "no translation for {missing:?}");
    }

    #[test]
    fn every_event_a_timeline_can_show_has_words_in_every_language() {
        for locale in ["en", "fr", "es", "ar", "zh", "ru"] {
            let words = keys_of(locale);
            let missing: Vec<String> = crate::models::case_events::Recorded::all()
                .map(|r| format!("action-{}", r.name()))
                .filter(|k| !words.contains_key(k))
                .collect();
            assert!(missing.is_empty(), "{locale}: no words for {missing:?}");
        }
    }

    #[test]
    fn every_kind_of_email_has_its_subject_and_message() {
        let en = keys_of("en");
        for kind in crate::models::notifications::NoticeKind::all() {
            for part in ["subject", "body"] {
                let key = format!("mail-{kind}-{part}");
                assert!(en.contains_key(&key), "no `{key}`");
            }
        }
    }
}
