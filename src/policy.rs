//! What every rule of one request or task reads, gathered once and passed as one value: the
//! organization's settings, its working-day calendar as it stands (kept per node, see
//! `holidays::Calendars`), and the instant the request happens at (the app's one clock).
use std::sync::Arc;

use chrono::{DateTime, Utc};
use loco_rs::app::AppContext;

use crate::{
    clock,
    errors::AppResult,
    models::{
        deadlines::calendar::Calendar,
        holidays::{CalendarVersion, Calendars},
    },
    settings::Settings,
};

/// The policy in force for one request or task, at one instant.
#[derive(Clone, Debug)]
pub struct Policy {
    pub settings: Arc<Settings>,
    pub calendar: Arc<Calendar>,
    pub now: DateTime<Utc>,
}

impl Policy {
    /// The policy as it stands now for this app.
    ///
    /// # Errors
    /// Database errors reading the calendar; an app booted without its settings.
    pub async fn of(ctx: &AppContext) -> AppResult<Self> {
        Self::of_at(ctx, clock::now(ctx)).await
    }

    /// The policy as it stands now, for a request that arrived at `now`.
    ///
    /// # Errors
    /// Database errors reading the calendar; an app booted without its settings.
    pub async fn of_at(ctx: &AppContext, now: DateTime<Utc>) -> AppResult<Self> {
        let settings = Settings::of(ctx)?;
        let calendar = calendars(ctx).current(&ctx.db, &settings).await?;
        Ok(Self {
            settings,
            calendar,
            now,
        })
    }

    /// The policy at `now` for a request that has read the holiday table's `version` already
    /// (with its account).
    ///
    /// # Errors
    /// Database errors reading a changed calendar; an app booted without its settings.
    pub async fn as_seen(
        ctx: &AppContext,
        now: DateTime<Utc>,
        version: CalendarVersion,
    ) -> AppResult<Self> {
        let settings = Settings::of(ctx)?;
        let calendar = calendars(ctx).at(&ctx.db, &settings, version).await?;
        Ok(Self {
            settings,
            calendar,
            now,
        })
    }

    /// The same policy at another instant (a task that steps through time, a test).
    #[must_use]
    pub fn at(&self, now: DateTime<Utc>) -> Self {
        Self {
            now,
            ..self.clone()
        }
    }
}

/// The node's calendar keeper, installed at boot.
fn calendars(ctx: &AppContext) -> Arc<Calendars> {
    ctx.shared_store
        .get::<Arc<Calendars>>()
        .unwrap_or_else(|| Arc::new(Calendars::default()))
}
