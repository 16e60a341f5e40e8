//! Whether an action can succeed now, beyond what the lifecycle and the viewer's standing
//! allow: the case's open clocks (an appeal needs its window open, information needs a
//! request), what is pending (a challenge, an extension), and whether a mediator holds the
//! case and until when they may be challenged. [`Moment`] is read once; [`Moment::admits`]
//! is the one rule. The transition asks it before acting, and the API's `allowed_actions`
//! and the page's forms ask it, so nothing is offered that would be refused for these
//! reasons, and a right that lapsed is not offered at all.
use chrono::{DateTime, Utc};
use sea_orm::entity::prelude::*;

use super::{
    super::{CaseAction, CaseRole, CaseStatus, Model},
    holds,
};
use crate::{
    errors::{AppError, AppResult, Said},
    models::{
        _entities::{assignments, extension_requests},
        deadlines::{
            self,
            calendar::{Calendar, DayUnit},
        },
        mediators::{challenges, staffing},
        vocabulary::{DeadlineKind as K, ExtensionStatus},
    },
    settings::Settings,
};

/// What the actions' checks read besides the case row, at one instant.
#[derive(Clone, Debug)]
pub struct Moment {
    pub now: DateTime<Utc>,
    /// The case's open clocks.
    pub open_clocks: Vec<deadlines::Model>,
    /// The open clocks on which an extension request waits for a decision.
    pub extension_pending_on: Vec<i64>,
    /// The assignment under which the case's mediator holds it, if one does.
    pub holding: Option<Holding>,
}

/// The mediator's hold on the case: the assignment, until when a party may challenge it,
/// and whether a challenge waits for the registry.
#[derive(Clone, Debug)]
pub struct Holding {
    pub assignment: assignments::Model,
    pub challenge_closes: DateTime<Utc>,
    pub challenge_pending: bool,
}

impl Moment {
    /// Reads what the checks need for `case` at `now`.
    ///
    /// # Errors
    /// Database errors.
    pub async fn read(
        db: &impl ConnectionTrait,
        case: &Model,
        settings: &Settings,
        calendar: &Calendar,
        now: DateTime<Utc>,
    ) -> AppResult<Self> {
        let clocks = deadlines::open_for_case(db, case.id).await?;
        let requests = extension_requests::Entity::find()
            .filter(extension_requests::Column::CaseId.eq(case.id))
            .filter(extension_requests::Column::Status.eq(ExtensionStatus::Pending.as_ref()))
            .all(db)
            .await?;
        let holding = Holding::read(db, case, settings, calendar).await?;
        Ok(Self::of(now, &clocks, &requests, holding))
    }

    /// The moment of a case whose clocks and extension requests the caller already holds
    /// (any of them: only the open clocks and the pending requests count).
    #[must_use]
    pub fn of(
        now: DateTime<Utc>,
        clocks: &[deadlines::Model],
        requests: &[extension_requests::Model],
        holding: Option<Holding>,
    ) -> Self {
        Self {
            now,
            open_clocks: clocks.iter().filter(|d| d.is_open()).cloned().collect(),
            extension_pending_on: requests
                .iter()
                .filter(|r| r.status == ExtensionStatus::Pending.as_ref())
                .map(|r| r.deadline_id)
                .collect(),
            holding,
        }
    }
}

impl Holding {
    /// The mediator's hold on `case`, if one holds it.
    ///
    /// # Errors
    /// Database errors.
    pub async fn read(
        db: &impl ConnectionTrait,
        case: &Model,
        settings: &Settings,
        calendar: &Calendar,
    ) -> AppResult<Option<Self>> {
        Ok(
            match (case.mediator_id, staffing::current(db, case.id).await?) {
                (Some(m), Some(a)) if a.mediator_id == Some(m) => Some(Self {
                    challenge_closes: calendar.due_at(
                        a.assigned_at.to_utc(),
                        DayUnit::Working,
                        settings.assignment.challenge_window_working_days,
                    ),
                    challenge_pending: challenges::pending_against(db, a.id).await?.is_some(),
                    assignment: a,
                }),
                _ => None,
            },
        )
    }
}

impl Moment {
    fn open_clock(&self, kind: K) -> Option<&deadlines::Model> {
        self.open_clocks.iter().find(|d| d.kind == kind.as_ref())
    }

    /// When the appeal window closes, while it is open.
    fn appeal_window_until(&self) -> Option<DateTime<Utc>> {
        self.open_clock(K::AppealWindow)
            .and_then(|w| w.due_at)
            .map(|due| due.to_utc())
            .filter(|due| *due >= self.now)
    }

    /// Whether `action`, by someone standing as `role`, can succeed on `case` now as far as
    /// the case's clocks, what is pending and its mediator go; with the refusal it would
    /// meet otherwise.
    ///
    /// # Errors
    /// The refusal (409 for a rule of the case, 403 for a standing this case does not give).
    pub fn admits(&self, case: &Model, role: CaseRole, action: CaseAction) -> AppResult<()> {
        let rule = |key: &'static str| Err(AppError::Rule(Said::new(key)));
        let status = case.status()?;
        match action {
            CaseAction::PlaceHold => holds::may_place(case),
            CaseAction::LiftHold => holds::may_lift(case),
            CaseAction::Appeal => {
                if case.appeals_lodged >= 1 {
                    return rule("rule-already-appealed");
                }
                if status == CaseStatus::Dismissed && role != CaseRole::LeadComplainant {
                    return Err(AppError::Forbidden(Said::new(
                        "forbidden-only-complainant-appeals-dismissal",
                    )));
                }
                match self.appeal_window_until() {
                    Some(_) => Ok(()),
                    None => rule("rule-appeal-window-closed"),
                }
            }
            CaseAction::StartMonitoring | CaseAction::Close
                if matches!(status, CaseStatus::Decided | CaseStatus::Dismissed) =>
            {
                match self.appeal_window_until() {
                    Some(until) => Err(AppError::Rule(
                        Said::new("rule-appeal-window-open").when("until", until),
                    )),
                    None => Ok(()),
                }
            }
            CaseAction::ProvideInformation => match self.open_clock(K::Information) {
                Some(_) => Ok(()),
                None => rule("rule-no-information-requested"),
            },
            CaseAction::ProvideTranslation => match self.open_clock(K::Translation) {
                Some(_) => Ok(()),
                None => rule("rule-no-translation-asked"),
            },
            CaseAction::ChallengeMediator => match &self.holding {
                None => rule("rule-no-mediator"),
                Some(h) if self.now > h.challenge_closes => Err(AppError::Rule(
                    Said::new("rule-challenge-window-closed").when("closed", h.challenge_closes),
                )),
                Some(h) if h.challenge_pending => rule("rule-challenge-pending"),
                Some(_) => Ok(()),
            },
            CaseAction::RecuseMediator => match &self.holding {
                None => rule("rule-no-mediator"),
                Some(_) => Ok(()),
            },
            CaseAction::DecideChallenge => match &self.holding {
                Some(h) if h.challenge_pending => Ok(()),
                _ => rule("rule-no-challenge-pending"),
            },
            CaseAction::DecideExtension if self.extension_pending_on.is_empty() => {
                rule("rule-no-extension-pending")
            }
            CaseAction::RequestExtension => {
                let mine: Option<&str> = role.party().map(Into::into);
                let mut own = self
                    .open_clocks
                    .iter()
                    .filter(|d| Some(d.party.as_str()) == mine)
                    .peekable();
                if own.peek().is_none() {
                    return Err(AppError::Forbidden(Said::new(
                        "forbidden-own-deadlines-only",
                    )));
                }
                if own.all(|d| self.extension_pending_on.contains(&d.id)) {
                    return rule("rule-extension-pending");
                }
                Ok(())
            }
            _ => Ok(()),
        }
    }
}
