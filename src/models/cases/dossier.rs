//! Everything a case page shows, loaded for one viewer. Oversight views of an
//! identity-protected case are themselves recorded in the case's audit chain.
use sea_orm::{entity::prelude::*, QueryOrder};

use super::{
    actions::{Holding, Moment},
    disclosure::Disclosure,
    CaseRole, Model,
};
use crate::{
    errors::AppResult,
    models::{
        _entities::{extension_requests, holds, submissions},
        bodies,
        case_events::{self, NewEvent},
        correspondence, deadlines, delegations, translations, users,
        users::Actor,
    },
    policy::Policy,
};

/// The case and its surroundings, as one viewer may see them.
#[derive(Clone, Debug)]
pub struct Dossier {
    pub case: Model,
    pub viewer_role: Option<CaseRole>,
    /// What this viewer may learn of the complainant side.
    pub disclosure: Disclosure,
    pub body: Option<bodies::Model>,
    pub complainant: Option<delegations::Model>,
    pub co_complainants: Vec<delegations::Model>,
    pub respondent_body: Option<bodies::Model>,
    pub respondent_delegation: Option<delegations::Model>,
    pub mediator: Option<users::Model>,
    pub deadlines: Vec<deadlines::Model>,
    /// The pleadings, messages and notes this viewer reads.
    pub submissions: Vec<(submissions::Model, Option<users::Model>)>,
    /// The events this viewer reads.
    pub events: Vec<(case_events::Model, Option<users::Model>)>,
    pub holds: Vec<holds::Model>,
    pub extension_requests: Vec<extension_requests::Model>,
    /// The translations asked of what this viewer reads.
    pub translations: Vec<translations::Listed>,
    /// What decides which actions can succeed now.
    pub moment: Moment,
}

impl Model {
    /// Loads the dossier of a case the actor may see (find it with `find_for` first).
    ///
    /// # Errors
    /// Database errors.
    pub async fn dossier(
        self,
        db: &impl ConnectionTrait,
        actor: &Actor,
        policy: &Policy,
    ) -> AppResult<Dossier> {
        let now = policy.now;
        let co_ids = self.co_complainant_ids(db).await?;
        let role = self.role_of(actor, &co_ids);
        if role == Some(CaseRole::Oversight) && self.is_identity_protected() {
            case_events::append(
                db,
                NewEvent {
                    case_id: self.id,
                    actor_id: Some(actor.id),
                    action: case_events::Recorded::Viewed,
                    from: None,
                    to: None,
                    detail: serde_json::json!({ "reason": "oversight view of an identity-protected case" }),
                },
                now,
            )
            .await?;
        }
        let disclosure = Disclosure::of(&self, role);
        let body = bodies::Entity::find_by_id(self.body_id).one(db).await?;
        let complainant = delegations::Entity::find_by_id(self.complainant_delegation_id)
            .one(db)
            .await?;
        let co_complainants = delegations::Entity::find()
            .filter(delegations::Column::Id.is_in(co_ids))
            .order_by_asc(delegations::Column::Name)
            .all(db)
            .await?;
        let respondent_body = match self.respondent_body_id {
            Some(id) => bodies::Entity::find_by_id(id).one(db).await?,
            None => None,
        };
        let respondent_delegation = match self.respondent_delegation_id {
            Some(id) => delegations::Entity::find_by_id(id).one(db).await?,
            None => None,
        };
        let mediator = match self.mediator_id {
            Some(id) => users::Entity::find_by_id(id).one(db).await?,
            None => None,
        };
        let deadlines = deadlines::Entity::find()
            .filter(deadlines::Column::CaseId.eq(self.id))
            .order_by_asc(deadlines::Column::StartsAt)
            .order_by_asc(deadlines::Column::Id)
            .all(db)
            .await?;
        let submissions = submissions::Entity::find()
            .filter(submissions::Column::CaseId.eq(self.id))
            .filter(correspondence::submissions_read_by(role))
            .order_by_asc(submissions::Column::Id)
            .find_also_related(users::Entity)
            .all(db)
            .await?;
        let events = case_events::Entity::find()
            .filter(case_events::Column::CaseId.eq(self.id))
            .filter(correspondence::events_read_by(role))
            .order_by_asc(case_events::Column::Seq)
            .find_also_related(users::Entity)
            .all(db)
            .await?;
        let holds = holds::Entity::find()
            .filter(holds::Column::CaseId.eq(self.id))
            .order_by_asc(holds::Column::PlacedAt)
            .all(db)
            .await?;
        let extension_requests = extension_requests::Entity::find()
            .filter(extension_requests::Column::CaseId.eq(self.id))
            .order_by_asc(extension_requests::Column::Id)
            .all(db)
            .await?;
        let translations = translations::read_by(db, self.id, role).await?;
        let holding = Holding::read(db, &self, &policy.settings, &policy.calendar).await?;
        let moment = Moment::of(now, &deadlines, &extension_requests, holding);
        Ok(Dossier {
            moment,
            case: self,
            viewer_role: role,
            disclosure,
            body,
            complainant,
            co_complainants,
            respondent_body,
            respondent_delegation,
            mediator,
            deadlines,
            submissions,
            events,
            holds,
            extension_requests,
            translations,
        })
    }
}
