//! What a viewer may learn about the complainant side of a case (DESIGN §6). An
//! identity-protected complainant is never identifiable to the respondent: not by name,
//! delegation, co-complainants, the people who act for them, nor by what their clocks give
//! away (special and differential time tells that a delegation is an LDC or SIDS). This is
//! the one place that decides it; every view, email, calendar entry and export asks here.
use super::{CaseRole, Model};
use crate::models::{
    deadlines, users,
    vocabulary::{Party, Role},
};

/// How much of the complainant side one viewer of one case may learn.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Disclosure {
    withheld: bool,
    /// The respondent delegation, whose own delegates may always be named to it.
    respondent_delegation: Option<i64>,
}

impl Disclosure {
    /// Nothing withheld: the complainant side, staff and anyone without a standing that
    /// calls for protection.
    pub const FULL: Self = Self {
        withheld: false,
        respondent_delegation: None,
    };

    /// What a viewer standing as `role` may learn of `case`: the respondent of an
    /// identity-protected case learns nothing of the complainant side.
    #[must_use]
    pub fn of(case: &Model, role: Option<CaseRole>) -> Self {
        Self {
            withheld: case.is_identity_protected() && matches!(role, Some(CaseRole::Respondent)),
            respondent_delegation: case.respondent_delegation_id,
        }
    }

    /// What `actor`, who may see `case`, may learn of it. Only the respondent standing
    /// withholds anything, and it does not depend on the co-complainants, so none are read.
    #[must_use]
    pub fn for_actor(case: &Model, actor: &users::Actor) -> Self {
        Self::of(case, case.role_of(actor, &[]))
    }

    /// What the public register may say of `case`: the complainant of a protected case is
    /// withheld from everyone without a standing in it.
    #[must_use]
    pub fn to_public(case: &Model) -> Self {
        Self {
            withheld: case.is_identity_protected(),
            respondent_delegation: case.respondent_delegation_id,
        }
    }

    /// What a notice about `case` may tell `recipient`: respondents are notified of a case
    /// only as its respondent.
    #[must_use]
    pub fn to_recipient(case: &Model, recipient: &users::Model) -> Self {
        let role = (recipient.role == Role::Respondent.as_ref()).then_some(CaseRole::Respondent);
        Self::of(case, role)
    }

    /// Whether the complainant side is withheld from this viewer.
    #[must_use]
    pub const fn withholds_complainant(self) -> bool {
        self.withheld
    }

    /// `value` (the complainant delegation, the co-complainants...) when the viewer may
    /// learn it.
    #[must_use]
    pub fn complainant<T>(self, value: T) -> Option<T> {
        (!self.withheld).then_some(value)
    }

    /// Whether `person`, who acted on the case, may be named to this viewer. Withheld, only
    /// people who cannot belong to the complainant side are named: staff, and delegates of
    /// the respondent delegation itself. Any other delegate (the filer, a second delegate
    /// of the lead delegation, a co-complainant's) stays anonymous.
    #[must_use]
    pub fn may_name(self, person: &users::Model) -> bool {
        !self.withheld
            || person.role != Role::Delegate.as_ref()
            || (person.delegation_id.is_some()
                && person.delegation_id == self.respondent_delegation)
    }

    /// Whether this viewer may see a clock at all. The complainant side's clocks carry its
    /// special and differential time, and their due instants give it away, so a withheld
    /// viewer sees only the other parties' clocks.
    #[must_use]
    pub fn may_see_clock(self, clock: &deadlines::Model) -> bool {
        !self.withheld || clock.party != Party::Complainant.as_ref()
    }

    /// The soonest open clock of `clocks` this viewer may see.
    #[must_use]
    pub fn next_clock(self, clocks: &[deadlines::Model]) -> Option<&deadlines::Model> {
        clocks
            .iter()
            .filter(|d| d.is_open() && self.may_see_clock(d))
            .min_by_key(|d| (d.due_at.is_none(), d.due_at, d.id))
    }
}
