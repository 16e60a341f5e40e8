use serde::Serialize;

use crate::models::{bodies, delegations, holidays, users};

#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct DelegationView {
    pub code: String,
    pub iso2: String,
    pub name: String,
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
    pub kind: String,
}

impl From<&bodies::Model> for BodyView {
    fn from(b: &bodies::Model) -> Self {
        Self {
            code: b.code.clone(),
            name: b.name.clone(),
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
