//! `cargo loco task audit:verify`: recomputes every case's event chain and seals, and the
//! administrative chain, and reports breaks.
use loco_rs::{
    app::AppContext,
    task::{Task, TaskInfo, Vars},
    Error, Result,
};

use crate::models::{admin_log, case_events, digests};

pub struct AuditVerify;

#[async_trait::async_trait]
impl Task for AuditVerify {
    fn task(&self) -> TaskInfo {
        TaskInfo {
            name: "audit:verify".to_string(),
            detail: "Check every case's hash-chained event log and seals, the administrative chain and the published digests; exits non-zero on any break"
                .to_string(),
        }
    }

    async fn run(&self, ctx: &AppContext, _vars: &Vars) -> Result<()> {
        let (checked, breaks) = case_events::verify_all(&ctx.db)
            .await
            .map_err(Error::from)?;
        for b in &breaks {
            println!("BREAK case_id={} event={} {}", b.case_id, b.seq, b.problem);
        }
        let (entries, admin_breaks) = admin_log::verify(&ctx.db).await.map_err(Error::from)?;
        for (seq, problem) in &admin_breaks {
            println!("BREAK administrative event={seq} {problem}");
        }
        let (days, digest_breaks) = digests::verify(&ctx.db).await.map_err(Error::from)?;
        for (day, problem) in &digest_breaks {
            println!("BREAK digest day={day} {problem}");
        }
        let total = breaks.len() + admin_breaks.len() + digest_breaks.len();
        println!(
            "audit:verify checked {checked} cases, {entries} administrative changes and {days} published digests, {total} breaks"
        );
        if total == 0 {
            Ok(())
        } else {
            Err(Error::Message(format!(
                "{total} breaks in the audit chains"
            )))
        }
    }
}
