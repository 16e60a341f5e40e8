//! `cargo loco task audit:verify`: recomputes every case's event chain and reports breaks.
use loco_rs::{
    app::AppContext,
    task::{Task, TaskInfo, Vars},
    Error, Result,
};

use crate::models::case_events;

pub struct AuditVerify;

#[async_trait::async_trait]
impl Task for AuditVerify {
    fn task(&self) -> TaskInfo {
        TaskInfo {
            name: "audit:verify".to_string(),
            detail: "Check every case's hash-chained event log; exits non-zero on any break"
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
        println!(
            "audit:verify checked {checked} cases, {} breaks",
            breaks.len()
        );
        if breaks.is_empty() {
            Ok(())
        } else {
            Err(Error::Message(format!(
                "{} breaks in the audit chain",
                breaks.len()
            )))
        }
    }
}
