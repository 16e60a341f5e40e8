//! What an action's function works with: the case as read in the action's transaction, who
//! acts with what standing, the status the action leads to; the skeleton's writes it may ask
//! for (the conditional status write, clocks, a pleading, the event's detail); and what it
//! answers (who hears of it, what follows).
use chrono::{DateTime, Utc};
use sea_orm::{entity::prelude::*, ActiveValue::Set, DatabaseTransaction};

use super::super::{status::CaseStatus, ActiveModel, CaseAction, CaseRole, Column, Entity, Model};
use crate::{
    errors::{AppError, AppResult},
    models::{
        _entities::submissions,
        deadlines::{
            self,
            calendar::{Calendar, DayUnit},
        },
        mediators,
        notifications::NoticeKind,
        users::Actor,
        vocabulary::{
            Audience as Readers, DeadlineKind, DismissalReason, Language, Outcome, Party,
            SubmissionKind,
        },
    },
    settings::Settings,
};

/// One action under way: the case as read in this transaction, who acts with what standing,
/// the status it leads to, and the event detail gathered so far.
pub struct Cx<'a> {
    pub db: &'a DatabaseTransaction,
    pub settings: &'a Settings,
    pub calendar: &'a Calendar,
    pub actor: &'a Actor,
    pub role: CaseRole,
    /// The action under way: the clocks it meets are read from it ([`CaseAction::meets`]),
    /// so no action can meet a clock the table does not give it.
    pub action: CaseAction,
    pub case: &'a Model,
    /// The co-complainant delegations' ids.
    pub co: &'a [i64],
    pub from: CaseStatus,
    pub to: CaseStatus,
    pub now: DateTime<Utc>,
    /// The system's own follow-up to the actor's action (an automatic assignment): it acts
    /// with the registry's standing and names no actor.
    pub automatic: bool,
    pub(in crate::models::cases) detail: serde_json::Map<String, serde_json::Value>,
    /// The text of the pleading the action added, as kept: its author gets a receipt.
    pub(in crate::models::cases) pleaded: Option<String>,
    /// Files sent with the action, kept with the pleading it writes.
    pub(in crate::models::cases) attached: Vec<crate::models::documents::Spooled>,
    /// The language the action's pleading is written in, when not the case's (a
    /// translation is written in the language it translates into).
    pub(in crate::models::cases) written_in: Option<Language>,
    /// The pleading the action wrote last, for an action that records what it wrote.
    pub(in crate::models::cases) last_pleading: Option<i64>,
    /// The details of events about notes the action wrote for a narrower audience than
    /// its own event's, recorded after it so that each is read only by its audience.
    pub(in crate::models::cases) asides: Vec<serde_json::Map<String, serde_json::Value>>,
}

/// Changes to the case row that an action makes besides its status and version.
#[derive(Default)]
pub struct Row {
    pub outcome: Option<Option<Outcome>>,
    pub dismissal_reason: Option<DismissalReason>,
    /// `Some(None)` when the mediator leaves the case.
    pub mediator_id: Option<Option<i64>>,
    /// A mediator taken within their capacity (an override is not).
    pub within_capacity: bool,
    pub on_hold: Option<bool>,
    /// The case is served on the respondent, who may now see it.
    pub serve: bool,
    pub close: bool,
    pub appeal: bool,
}

impl Row {
    /// Only the status moves.
    #[must_use]
    pub fn none() -> Self {
        Self::default()
    }

    #[must_use]
    pub fn outcome(outcome: Outcome) -> Self {
        Self {
            outcome: Some(Some(outcome)),
            ..Self::default()
        }
    }
}

/// Proof that the status was written: only [`Cx::write`] makes one.
#[must_use]
pub struct Written(());

/// An action carried out: who hears of it, and what follows.
pub struct Done {
    pub(in crate::models::cases) audience: Audience,
    /// A word the notice adds to the action (a challenge upheld or rejected).
    pub(in crate::models::cases) stage: Option<&'static str>,
    /// The case is left without the mediator it needs: the rule assigns one next.
    pub(in crate::models::cases) staff_after: bool,
    /// A further notice about the same event: its kind, key and audience.
    pub(in crate::models::cases) also: Option<(NoticeKind, &'static str, Audience)>,
}

impl Written {
    /// The action is done; `audience` hears of it.
    pub const fn done(self, audience: Audience) -> Done {
        Done {
            audience,
            stage: None,
            staff_after: false,
            also: None,
        }
    }
}

impl Done {
    #[must_use]
    pub const fn stage(mut self, stage: &'static str) -> Self {
        self.stage = Some(stage);
        self
    }

    #[must_use]
    pub const fn then_staff(mut self, staff: bool) -> Self {
        self.staff_after = staff;
        self
    }

    #[must_use]
    pub const fn also(mut self, kind: NoticeKind, key: &'static str, to: Audience) -> Self {
        self.also = Some((kind, key, to));
        self
    }
}

/// What an action led to.
pub enum Acted {
    Done(Done),
    /// Nothing changed on the case; the action recorded and told what it had to itself.
    Unchanged,
}

/// Who hears of an action, besides the actor (never told of their own act) and a mediator
/// who leaves the case (always told why).
#[derive(Clone, Copy, Debug, Default)]
#[expect(
    clippy::struct_excessive_bools,
    reason = "one flag per party that may hear"
)]
pub struct Audience {
    pub complainants: bool,
    pub respondents: bool,
    pub mediator: bool,
    pub registry: bool,
    /// The registry, when the case has no mediator to hear it.
    pub registry_without_mediator: bool,
    pub oversight: bool,
}

impl Audience {
    /// The complainant side.
    pub const COMPLAINANTS: Self = Self {
        complainants: true,
        respondents: false,
        mediator: false,
        registry: false,
        registry_without_mediator: false,
        oversight: false,
    };
    /// Both sides and the mediator.
    pub const PARTIES: Self = Self {
        respondents: true,
        mediator: true,
        ..Self::COMPLAINANTS
    };
    /// The case's mediator, or the registry while it has none.
    pub const MEDIATOR_OR_REGISTRY: Self = Self {
        complainants: false,
        mediator: true,
        registry_without_mediator: true,
        ..Self::COMPLAINANTS
    };
    /// The registry alone.
    pub const REGISTRY: Self = Self {
        complainants: false,
        registry: true,
        ..Self::COMPLAINANTS
    };
    /// Oversight alone.
    pub const OVERSIGHT: Self = Self {
        complainants: false,
        oversight: true,
        ..Self::COMPLAINANTS
    };

    #[must_use]
    pub const fn and_respondents(mut self) -> Self {
        self.respondents = true;
        self
    }

    #[must_use]
    pub const fn and_mediator(mut self) -> Self {
        self.mediator = true;
        self
    }

    #[must_use]
    pub const fn and_registry(mut self) -> Self {
        self.registry = true;
        self
    }

    /// The side whose clock it is (both sides when the clock is not a side's), and the
    /// mediator.
    #[must_use]
    pub const fn side_of(party: Option<Party>) -> Self {
        match party {
            Some(Party::Complainant) => Self::COMPLAINANTS.and_mediator(),
            Some(Party::Respondent) => Self {
                complainants: false,
                respondents: true,
                mediator: true,
                ..Self::COMPLAINANTS
            },
            _ => Self::PARTIES,
        }
    }
}

impl Cx<'_> {
    /// The status write, conditional on the version read: a concurrent writer makes it touch
    /// no row, and the whole action is refused. The mediator's load follows the case.
    ///
    /// # Errors
    /// 409 when the case changed meanwhile; database errors.
    pub async fn write(&mut self, row: Row) -> AppResult<Written> {
        write_status(self.db, self.case, self.to, &row, self.calendar, self.now).await?;
        // The load counts for the mediator while the case is open for work.
        let holder = row.mediator_id.unwrap_or(self.case.mediator_id);
        mediators::shift_load(
            self.db,
            self.case.mediator_id.filter(|_| self.from.is_active()),
            holder.filter(|_| self.to.is_active()),
            row.within_capacity,
            self.now,
        )
        .await?;
        Ok(Written(()))
    }

    /// Adds `value` under `key` to the event's detail (and so to the audit chain).
    pub fn note(&mut self, key: &str, value: impl Into<serde_json::Value>) {
        self.detail.insert(key.into(), value.into());
    }

    /// Starts clocks of these kinds now, under the case's policy.
    ///
    /// # Errors
    /// Database errors.
    pub async fn start(&self, kinds: &[DeadlineKind]) -> AppResult<()> {
        let policy = self
            .case
            .clock_policy(self.db, self.settings, self.calendar)
            .await?;
        let pauses = deadlines::pauses_for(self.db, self.case.id).await?;
        for &k in kinds {
            deadlines::start(self.db, self.case.id, k, &policy, &pauses, self.now).await?;
        }
        Ok(())
    }

    /// Starts one clock of `kind` now, under the case's policy, and gives it.
    ///
    /// # Errors
    /// Database errors.
    pub async fn start_one(&self, kind: DeadlineKind) -> AppResult<deadlines::Model> {
        let policy = self
            .case
            .clock_policy(self.db, self.settings, self.calendar)
            .await?;
        let pauses = deadlines::pauses_for(self.db, self.case.id).await?;
        deadlines::start(self.db, self.case.id, kind, &policy, &pauses, self.now).await
    }

    /// Marks met now the open clocks this action answers ([`CaseAction::meets`]).
    ///
    /// # Errors
    /// Database errors.
    pub async fn answer_clocks(&self) -> AppResult<()> {
        deadlines::meet(self.db, self.case.id, self.action.meets(), self.now).await
    }

    /// Cancels the open clocks of these kinds (`None`: all of them).
    ///
    /// # Errors
    /// Database errors.
    pub async fn cancel(&self, kinds: Option<&[DeadlineKind]>) -> AppResult<()> {
        deadlines::cancel(self.db, self.case.id, kinds, self.now).await
    }

    /// The case's open clock of this kind, if one runs.
    ///
    /// # Errors
    /// Database errors.
    pub async fn open_clock(&self, kind: DeadlineKind) -> AppResult<Option<deadlines::Model>> {
        Ok(deadlines::open_for_case(self.db, self.case.id)
            .await?
            .into_iter()
            .find(|d| d.kind == kind.as_ref()))
    }

    /// The party this actor writes for.
    #[must_use]
    pub fn party(&self) -> Party {
        self.role.party().unwrap_or(Party::Registrar)
    }

    /// Adds a pleading to the case's record, written by the actor for their party, answering
    /// the clock `answers` when it meets one. Every party reads it.
    ///
    /// # Errors
    /// Database errors.
    pub async fn plead(
        &mut self,
        kind: SubmissionKind,
        text: &str,
        answers: Option<i64>,
    ) -> AppResult<()> {
        self.plead_to(kind, text, answers, Readers::AllParties)
            .await
    }

    /// [`Cx::plead`] for `audience` alone. Written for fewer than all parties (a note for
    /// the staff's file), it is recorded by an event of its own that only its audience
    /// reads, and its author gets no receipt (the action's own event says nothing of it).
    ///
    /// # Errors
    /// Database errors.
    pub async fn plead_to(
        &mut self,
        kind: SubmissionKind,
        text: &str,
        answers: Option<i64>,
        audience: Readers,
    ) -> AppResult<()> {
        let language = match self.written_in {
            Some(l) => l,
            None => Language::parse_stored(&self.case.language)?,
        };
        let sub = submissions::ActiveModel {
            pid: Set(Uuid::new_v4()),
            case_id: Set(self.case.id),
            kind: Set(kind.to_string()),
            author_id: Set(self.actor.id),
            party: Set(self.party().to_string()),
            language: Set(language.to_string()),
            body: Set(text.trim().to_string()),
            deadline_id: Set(answers),
            audience: Set(audience.to_string()),
            created_at: Set(self.now.into()),
            updated_at: Set(self.now.into()),
            ..Default::default()
        }
        .insert(self.db)
        .await?;
        let mut sealed = serde_json::Map::new();
        sealed.insert("submission".into(), sub.pid.to_string().into());
        if !self.attached.is_empty() {
            use crate::models::documents::{self, Keeping};
            let keeping = Keeping {
                case: self.case,
                author_id: self.actor.id,
                party: self.party(),
                submission_id: Some(sub.id),
                language,
                now: self.now,
            };
            let files = std::mem::take(&mut self.attached);
            let kept = documents::keep_all(self.db, &keeping, None, files, self.settings.documents)
                .await?;
            sealed.insert(documents::SEALED_KEY.into(), documents::sealed(&kept));
        }
        // A chain begun before seals has no secret to seal with: a seal over its zero start
        // would be a bare hash of what the other side may guess.
        let seed = crate::models::case_events::seed_of(self.db, self.case.id).await?;
        if !seed.is_zero() {
            sealed.insert(
                crate::models::seal::SUBMISSION_KEY.into(),
                crate::models::seal::of_submission(&seed, &sub).into(),
            );
        }
        self.last_pleading = Some(sub.id);
        if audience != Readers::AllParties {
            sealed.insert(
                crate::models::correspondence::AUDIENCE_KEY.into(),
                audience.to_string().into(),
            );
            self.asides.push(sealed);
            return Ok(());
        }
        self.detail.extend(sealed);
        self.pleaded = Some(sub.body.clone());
        Ok(())
    }
}

async fn write_status(
    db: &DatabaseTransaction,
    case: &Model,
    to: CaseStatus,
    row: &Row,
    calendar: &Calendar,
    now: DateTime<Utc>,
) -> AppResult<()> {
    // Oversight's timings, in working days from filing on the calendar in force now.
    let since_filing =
        || Some(calendar.days_between(case.filed_at.to_utc(), now, DayUnit::Working));
    let mut am = ActiveModel {
        status: Set(to.to_string()),
        version: Set(case.version + 1),
        updated_at: Set(now.into()),
        ..Default::default()
    };
    if let Some(outcome) = row.outcome {
        am.outcome = Set(outcome.map(|o| o.to_string()));
    }
    if let Some(reason) = row.dismissal_reason {
        am.dismissal_reason = Set(Some(reason.to_string()));
    }
    if let Some(m) = row.mediator_id {
        am.mediator_id = Set(m);
    }
    if let Some(h) = row.on_hold {
        am.on_hold = Set(h);
    }
    if row.serve && case.served_at.is_none() {
        am.served_at = Set(Some(now.into()));
    }
    match (
        CaseStatus::parse_stored(&case.status)?.is_open(),
        to.is_open(),
    ) {
        (true, false) => am.stopped_at = Set(Some(now.into())),
        (false, true) => am.stopped_at = Set(None),
        _ => {}
    }
    if row.close {
        am.closed_at = Set(Some(now.into()));
        am.closure_working_days = Set(since_filing());
    }
    if to == CaseStatus::Registered && case.registered_at.is_none() {
        am.registered_at = Set(Some(now.into()));
        am.acknowledge_working_days = Set(since_filing());
    }
    // The first eligibility decision counts; one remade after an appeal does not reset it.
    if matches!(to, CaseStatus::UnderAssessment | CaseStatus::Dismissed)
        && case.status != to.as_ref()
        && case.eligibility_decided_at.is_none()
    {
        am.eligibility_decided_at = Set(Some(now.into()));
        am.eligibility_working_days = Set(since_filing());
    }
    if row.appeal {
        am.appeals_lodged = Set(case.appeals_lodged + 1);
    }
    let res = Entity::update_many()
        .set(am)
        .filter(Column::Id.eq(case.id))
        .filter(Column::Version.eq(case.version))
        .exec(db)
        .await?;
    if res.rows_affected == 0 {
        return Err(AppError::Conflict(
            "the case was changed by someone else at the same moment; reload it and try again"
                .into(),
        ));
    }
    Ok(())
}
