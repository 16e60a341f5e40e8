//! `cargo loco task figures:refresh`: brings oversight's kept summaries up to date. Reading
//! figures does this too; the scheduler runs it every minute so that a busy period's
//! changes are folded in before anyone asks.
use loco_rs::{
    app::AppContext,
    task::{Task, TaskInfo, Vars},
    Error, Result,
};

use crate::models::oversight::figures;

pub struct Refresh;

#[async_trait::async_trait]
impl Task for Refresh {
    fn task(&self) -> TaskInfo {
        TaskInfo {
            name: "figures:refresh".to_string(),
            detail: "Recompute oversight's summaries of the filing days changed since the last \
                     refresh [now:<RFC 3339>]"
                .to_string(),
        }
    }

    async fn run(&self, ctx: &AppContext, vars: &Vars) -> Result<()> {
        let now = super::notices::now_from(vars)?.unwrap_or_else(|| crate::clock::now(ctx));
        let began = std::time::Instant::now();
        let days = figures::refresh(&ctx.db, now).await.map_err(Error::from)?;
        println!(
            "figures:refresh: {days} filing days recomputed in {:.1} s",
            began.elapsed().as_secs_f64()
        );
        Ok(())
    }
}
