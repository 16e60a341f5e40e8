//! What a viewer may learn about the complainant side of a case (DESIGN §6). An
//! identity-protected complainant is never identifiable to the respondent: not by name,
//! delegation, co-complainants, the people who act for them, nor by what their clocks give
//! away (special and differential time tells that a delegation is an LDC or SIDS). This is
//! the one place that decides it; every view, email, calendar entry and export asks here.
use super::{parties::HasParties, CaseRole, Model};
use crate::models::{
    deadlines, users,
    vocabulary::{Confidentiality, Party, Role},
};

/// How much of the complainant side one viewer of one case may learn.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Disclosure {
    withheld: bool,
    /// The respondent delegation, whose own delegates may always be named to it.
    respondent_delegation: Option<i64>,
}

impl Disclosure {
    /// What a viewer standing as `role` may learn of `case`: the respondent of an
    /// identity-protected case learns nothing of the complainant side.
    #[must_use]
    pub fn of(case: &impl HasParties, role: Option<CaseRole>) -> Self {
        let parties = case.parties();
        Self {
            withheld: parties.identity_protected && matches!(role, Some(CaseRole::Respondent)),
            respondent_delegation: parties.respondent_delegation_id,
        }
    }

    /// What `actor`, who may see `case`, may learn of it. Only the respondent standing
    /// withholds anything, and it does not depend on the co-complainants, so none are read.
    #[must_use]
    pub fn for_actor(case: &impl HasParties, actor: &users::Actor) -> Self {
        Self::of(case, case.parties().role_of(actor, &[]))
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

    /// In SQL over `deadlines`: the clocks someone of `role` may learn anything of (when they
    /// fall due, whether they are late), for lists filtered by clocks. A respondent may not
    /// learn of the complainant side's clocks in an identity-protected case.
    #[must_use]
    pub fn visible_clocks(role: Role) -> Option<sea_orm::Condition> {
        use sea_orm::{sea_query::Query, ColumnTrait};
        (role == Role::Respondent).then(|| {
            let public = Query::select()
                .column(super::Column::Id)
                .from(super::Entity)
                .and_where(
                    super::Column::Confidentiality.ne(Confidentiality::IdentityProtected.as_ref()),
                )
                .to_owned();
            sea_orm::Condition::any()
                .add(deadlines::Column::Party.ne(Party::Complainant.as_ref()))
                .add(deadlines::Column::CaseId.in_subquery(public))
        })
    }

    /// What of an event's detail this viewer may read: for a withheld viewer, nothing of an
    /// event about a clock they may not see (an extension of the complainant's clock), and no
    /// delivery error (it may quote a complainant-side address).
    #[must_use]
    pub fn event_detail(
        self,
        action: &str,
        detail: serde_json::Value,
        hidden_extensions: &[String],
    ) -> serde_json::Value {
        if !self.withheld {
            return detail;
        }
        let about_hidden = detail
            .get("extension_request")
            .and_then(serde_json::Value::as_str)
            .is_some_and(|pid| hidden_extensions.iter().any(|h| h == pid));
        match action {
            _ if about_hidden => serde_json::json!({}),
            "notice_failed" => serde_json::json!({ "kind": detail.get("kind") }),
            _ => detail,
        }
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
