//! What a viewer may learn about the complainant side of a case (DESIGN §6). An
//! identity-protected complainant is never identifiable to the respondent: not by name,
//! delegation, co-complainants, the people who act for them, nor by what their clocks give
//! away (special and differential time tells that a delegation is an LDC or SIDS). This is
//! the one place that decides it; every view, email, calendar entry and export asks here.
use super::{parties::HasParties, CaseRole, Model};
use crate::models::{
    deadlines, users,
    vocabulary::{Confidentiality, DeadlineKind, Party, Role},
};

/// How much of the complainant side one viewer of one case may learn.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Disclosure {
    withheld: bool,
    /// The mediator, the registry or oversight: they see the registry's translation clocks,
    /// which the parties learn of only through the translations they asked for.
    staff: bool,
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
            staff: matches!(
                role,
                Some(CaseRole::Mediator | CaseRole::Registrar | CaseRole::Oversight)
            ),
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
            staff: false,
            respondent_delegation: case.respondent_delegation_id,
        }
    }

    /// What a notice about `case` may tell `recipient`: respondents are notified of a case
    /// only as its respondent.
    #[must_use]
    pub fn to_recipient(case: &Model, recipient: &users::Model) -> Self {
        // A notice goes only to someone with a standing in the case; the staff's roles stand
        // for themselves (a mediator told of a case holds it).
        let role = match Role::parse_stored(&recipient.role) {
            Ok(Role::Respondent) => Some(CaseRole::Respondent),
            Ok(Role::Mediator) => Some(CaseRole::Mediator),
            Ok(Role::Registrar) => Some(CaseRole::Registrar),
            Ok(Role::Oversight) => Some(CaseRole::Oversight),
            Ok(Role::Delegate | Role::Admin) | Err(_) => None,
        };
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
        if clock.kind == DeadlineKind::Translation.as_ref() && !self.staff {
            return false;
        }
        !self.withheld || clock.party != Party::Complainant.as_ref()
    }

    /// In SQL over `deadlines`: the clocks someone of `role` may learn anything of (when they
    /// fall due, whether they are late), for lists filtered by clocks. A respondent may not
    /// learn of the complainant side's clocks in an identity-protected case; the parties see
    /// none of the registry's translation clocks (as [`Disclosure::may_see_clock`]).
    #[must_use]
    pub fn visible_clocks(role: Role) -> Option<sea_orm::Condition> {
        use sea_orm::{sea_query::Query, ColumnTrait};
        let no_translation = || deadlines::Column::Kind.ne(DeadlineKind::Translation.as_ref());
        match role {
            Role::Respondent => {
                let public = Query::select()
                    .column(super::Column::Id)
                    .from(super::Entity)
                    .and_where(
                        super::Column::Confidentiality
                            .ne(Confidentiality::IdentityProtected.as_ref()),
                    )
                    .to_owned();
                Some(
                    sea_orm::Condition::all().add(no_translation()).add(
                        sea_orm::Condition::any()
                            .add(deadlines::Column::Party.ne(Party::Complainant.as_ref()))
                            .add(deadlines::Column::CaseId.in_subquery(public)),
                    ),
                )
            }
            Role::Delegate => Some(sea_orm::Condition::all().add(no_translation())),
            _ => None,
        }
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
