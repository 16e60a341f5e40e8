//! Who a case's parties are, as far as anyone's standing in it depends on them: the
//! complainant delegation, the respondent (a body or a delegation, once served), the mediator,
//! and whether the complainant asked for identity protection. A whole case and a list row both
//! give them, so the standing rule and what it withholds (`disclosure`) are written once for
//! both.
use super::{CaseRole, Model};
use crate::models::{
    users::Actor,
    vocabulary::{Confidentiality, Role},
};

/// The parties of one case.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Parties {
    pub complainant_delegation_id: i64,
    pub respondent_body_id: Option<i64>,
    pub respondent_delegation_id: Option<i64>,
    /// The respondent has been served: only then does it stand in the case.
    pub served: bool,
    pub mediator_id: Option<i64>,
    pub identity_protected: bool,
}

/// Anything that names a case's parties.
pub trait HasParties {
    fn parties(&self) -> Parties;
}

impl Parties {
    /// From the stored columns.
    #[must_use]
    pub fn new(
        complainant_delegation_id: i64,
        respondent: (Option<i64>, Option<i64>),
        served: bool,
        mediator_id: Option<i64>,
        confidentiality: &str,
    ) -> Self {
        Self {
            complainant_delegation_id,
            respondent_body_id: respondent.0,
            respondent_delegation_id: respondent.1,
            served,
            mediator_id,
            identity_protected: confidentiality == Confidentiality::IdentityProtected.as_ref(),
        }
    }

    /// How `actor` stands to the case (which the caller already may see), given the
    /// delegations that joined it as co-complainants.
    #[must_use]
    pub fn role_of(self, actor: &Actor, co_complainants: &[i64]) -> Option<CaseRole> {
        match actor.role {
            Role::Delegate => match actor.delegation_id {
                Some(d) if d == self.complainant_delegation_id => Some(CaseRole::LeadComplainant),
                Some(d) if co_complainants.contains(&d) => Some(CaseRole::CoComplainant),
                _ => None,
            },
            Role::Respondent => {
                let by_body = actor.body_id.is_some() && actor.body_id == self.respondent_body_id;
                let by_delegation = actor.delegation_id.is_some()
                    && actor.delegation_id == self.respondent_delegation_id;
                (self.served && (by_body || by_delegation)).then_some(CaseRole::Respondent)
            }
            Role::Mediator => (self.mediator_id == Some(actor.id)).then_some(CaseRole::Mediator),
            Role::Registrar => Some(CaseRole::Registrar),
            Role::Oversight => Some(CaseRole::Oversight),
            Role::Admin => None,
        }
    }
}

impl HasParties for Model {
    fn parties(&self) -> Parties {
        Parties::new(
            self.complainant_delegation_id,
            (self.respondent_body_id, self.respondent_delegation_id),
            self.served_at.is_some(),
            self.mediator_id,
            &self.confidentiality,
        )
    }
}
