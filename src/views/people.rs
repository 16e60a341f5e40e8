use serde::Serialize;

use crate::models::{bodies, delegations, holidays, users, vocabulary::Locale};

/// A reference name in `locale`: its translation there, or else the name it is kept under.
#[must_use]
pub fn name_in(name: &str, names: &bodies::Translations, locale: Locale) -> String {
    names.get(&locale).map_or(name, String::as_str).to_string()
}

/// The key a list of names is sorted by for a reader: letters without their accents, in
/// lower case, so that "Émirats" sits among the E and "Österreich" among the O.
#[must_use]
pub fn sort_key(name: &str) -> String {
    crate::models::text::folded(name)
}

#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct DelegationView {
    pub code: String,
    pub iso2: String,
    pub name: String,
    /// Its UN short name in the other languages the pages speak, by language.
    #[schema(value_type = std::collections::BTreeMap<String, String>)]
    pub names: bodies::Translations,
    pub regional_group: String,
    pub is_ldc: bool,
    pub is_sids: bool,
    pub is_lldc: bool,
}

impl From<&delegations::Model> for DelegationView {
    fn from(d: &delegations::Model) -> Self {
        Self {
            code: d.code.clone(),
            iso2: d.iso2.clone(),
            name: d.name.clone(),
            names: delegations::translations(&d.code),
            regional_group: d.regional_group.clone(),
            is_ldc: d.is_ldc,
            is_sids: d.is_sids,
            is_lldc: d.is_lldc,
        }
    }
}

#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct BodyView {
    pub code: String,
    pub name: String,
    /// Its official name in other languages, where it has one, by language.
    #[schema(value_type = std::collections::BTreeMap<String, String>)]
    pub names: bodies::Translations,
    pub kind: String,
}

impl From<&bodies::Model> for BodyView {
    fn from(b: &bodies::Model) -> Self {
        Self {
            code: b.code.clone(),
            name: b.name.clone(),
            names: b.translations(),
            kind: b.kind.clone(),
        }
    }
}

#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct HolidayView {
    pub date: chrono::NaiveDate,
    pub name: String,
}

impl From<&holidays::Model> for HolidayView {
    fn from(h: &holidays::Model) -> Self {
        Self {
            date: h.date,
            name: h.name.clone(),
        }
    }
}

/// A user as admins and the user themself see them (never the password or tokens).
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct UserView {
    pub pid: String,
    pub email: String,
    pub name: String,
    pub role: String,
    pub delegation: Option<String>,
    pub body: Option<String>,
    pub locale: String,
    pub time_zone: String,
    pub active: bool,
}

impl UserView {
    #[must_use]
    pub fn new(u: &users::Model, (delegation, body): (Option<String>, Option<String>)) -> Self {
        Self {
            pid: u.pid.to_string(),
            email: u.email.clone(),
            name: u.name.clone(),
            role: u.role.clone(),
            delegation,
            body,
            locale: u.locale.clone(),
            time_zone: u.time_zone.clone(),
            active: u.active,
        }
    }
}

#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct LoginView {
    pub token: String,
    pub user: UserView,
}

#[cfg(test)]
mod tests {
    use super::sort_key;

    #[test]
    fn names_sort_by_their_letters_whatever_their_accents() {
        let mut names = vec![
            "Équateur",
            "Zambie",
            "Égypte",
            "Allemagne",
            "Émirats arabes unis",
        ];
        names.sort_by_key(|n| sort_key(n));
        assert_eq!(
            names,
            vec![
                "Allemagne",
                "Égypte",
                "Émirats arabes unis",
                "Équateur",
                "Zambie"
            ]
        );
    }
}
