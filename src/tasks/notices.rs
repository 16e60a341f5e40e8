//! The tasks that keep the clocks talking: `deadlines:remind` (scheduled every minute),
//! `notices:deliver` and `deadlines:rebuild`. Each runs its work inline, never through a
//! job queue, so nothing is lost when the process exits.

use chrono::{DateTime, Utc};
use loco_rs::{
    app::AppContext,
    task::{Task, TaskInfo, Vars},
    Error, Result,
};

use crate::{
    models::{deadlines::calendar::Calendar, reminders},
    policy::Policy,
    settings::Settings,
    workers::outbox::{self, Postman},
};

/// `now:<RFC 3339>` runs a task as if at another instant (drills, tests); the clock
/// otherwise.
///
/// # Errors
/// When `now` is given and is not an RFC 3339 instant.
pub fn now_from(vars: &Vars) -> Result<Option<DateTime<Utc>>> {
    match vars.cli.get("now") {
        None => Ok(None),
        Some(raw) => DateTime::parse_from_rfc3339(raw)
            .map(|t| Some(t.to_utc()))
            .map_err(|e| {
                Error::Message(format!(
                    "now: `{raw}` is not an RFC 3339 instant such as 2026-12-01T09:00:00Z ({e})"
                ))
            }),
    }
}

/// Sweep, then deliver what the sweep queued (and anything else due).
pub struct Remind;

#[async_trait::async_trait]
impl Task for Remind {
    fn task(&self) -> TaskInfo {
        TaskInfo {
            name: "deadlines:remind".to_string(),
            detail: "Queue due reminders, breaches and escalations, then deliver the outbox \
                     [now:<RFC 3339>] [deliver:false]"
                .to_string(),
        }
    }

    async fn run(&self, ctx: &AppContext, vars: &Vars) -> Result<()> {
        let at = now_from(vars)?;
        let Policy {
            settings, calendar, ..
        } = Policy::of(ctx).await?;
        let now = at.unwrap_or_else(|| crate::clock::now(ctx));
        let report = reminders::sweep(&ctx.db, &settings, &calendar, now, 1000)
            .await
            .map_err(Error::from)?;
        tracing::info!(
            clocks = report.clocks,
            notices = report.notices,
            breaches = report.breaches,
            escalations = report.escalations,
            "reminder sweep"
        );
        println!(
            "deadlines:remind at {now}: {}",
            serde_json::to_string(&report).unwrap_or_default()
        );
        if vars.cli.get("deliver").map(String::as_str) != Some("false") {
            deliver(ctx, &settings, &calendar, at).await?;
        }
        Ok(())
    }
}

async fn deliver(
    ctx: &AppContext,
    settings: &Settings,
    calendar: &Calendar,
    at: Option<DateTime<Utc>>,
) -> Result<()> {
    let postman = Postman::from_config(&ctx.config, settings.notices.delivery.concurrency)
        .map_err(Error::from)?;
    let clock = crate::clock::Clock::of(ctx);
    let report = outbox::drain(&ctx.db, &postman, settings, calendar, || {
        at.unwrap_or_else(|| clock.now())
    })
    .await
    .map_err(Error::from)?;
    println!(
        "notices:deliver: {}",
        serde_json::to_string(&report).unwrap_or_default()
    );
    Ok(())
}

/// Drain the outbox.
pub struct Deliver;

#[async_trait::async_trait]
impl Task for Deliver {
    fn task(&self) -> TaskInfo {
        TaskInfo {
            name: "notices:deliver".to_string(),
            detail: "Send every notice that is due, retrying with backoff [now:<RFC 3339>]"
                .to_string(),
        }
    }

    async fn run(&self, ctx: &AppContext, vars: &Vars) -> Result<()> {
        let at = now_from(vars)?;
        let Policy {
            settings, calendar, ..
        } = Policy::of(ctx).await?;
        deliver(ctx, &settings, &calendar, at).await
    }
}

/// Recompute open clocks after a policy or calendar change.
pub struct Rebuild;

#[async_trait::async_trait]
impl Task for Rebuild {
    fn task(&self) -> TaskInfo {
        TaskInfo {
            name: "deadlines:rebuild".to_string(),
            detail: "Recompute open deadlines under the current policy and calendar; met or \
                     breached deadlines never move [now:<RFC 3339>]"
                .to_string(),
        }
    }

    async fn run(&self, ctx: &AppContext, vars: &Vars) -> Result<()> {
        let now = now_from(vars)?.unwrap_or_else(|| crate::clock::now(ctx));
        let Policy {
            settings, calendar, ..
        } = Policy::of(ctx).await?;
        let report = reminders::rebuild(&ctx.db, &settings, &calendar, now)
            .await
            .map_err(Error::from)?;
        println!(
            "deadlines:rebuild: {}",
            serde_json::to_string(&report).unwrap_or_default()
        );
        Ok(())
    }
}
