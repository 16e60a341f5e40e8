//! The interface's words in English, French and Spanish: Fluent files under `assets/i18n/<lang>/`
//! (and `assets/shared.ftl` for what no language translates), read once per process. Pages
//! call `t(key=..., lang=...)`; Rust code that formats for a person calls [`text`].
use std::{borrow::Cow, collections::HashMap, sync::Arc, sync::LazyLock};

use fluent_templates::{fluent_bundle::FluentValue, ArcLoader, LanguageIdentifier, Loader};

use crate::models::vocabulary::Locale;

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
    }
}

/// `key` in `locale`, with named arguments; the key itself when translations are missing.
#[must_use]
pub fn text(locale: Locale, key: &str, args: &[(&str, FluentValue<'static>)]) -> String {
    let Ok(loader) = loader() else {
        return key.to_string();
    };
    let args: HashMap<Cow<'static, str>, FluentValue<'static>> = args
        .iter()
        .map(|(k, v)| (Cow::Owned((*k).to_string()), v.clone()))
        .collect();
    loader.lookup_with_args(&language(locale), key, &args)
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
