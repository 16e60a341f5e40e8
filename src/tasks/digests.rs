//! `cargo loco task register:digest`: publishes the daily digest of every whole day not yet
//! published (the scheduler runs it after midnight UTC). `cargo loco task receipt:verify`:
//! checks a party's receipt against the case file and the published digest of its day.
use loco_rs::{
    app::AppContext,
    task::{Task, TaskInfo, Vars},
    Error, Result,
};

use crate::models::digests::{self, Receipt};

pub struct Publish;

#[async_trait::async_trait]
impl Task for Publish {
    fn task(&self) -> TaskInfo {
        TaskInfo {
            name: "register:digest".to_string(),
            detail: "Publish the digest of every whole day (UTC) not yet published".to_string(),
        }
    }

    async fn run(&self, ctx: &AppContext, _vars: &Vars) -> Result<()> {
        let published = digests::publish(&ctx.db, crate::clock::now(ctx))
            .await
            .map_err(Error::from)?;
        for d in &published {
            println!("{} {} ({} events)", d.day, d.root, d.leaves);
        }
        println!("register:digest published {} days", published.len());
        Ok(())
    }
}

pub struct VerifyReceipt;

#[async_trait::async_trait]
impl Task for VerifyReceipt {
    fn task(&self) -> TaskInfo {
        TaskInfo {
            name: "receipt:verify".to_string(),
            detail: "Check a receipt: reference=GR-… sha256=<of the text filed> event=<hash> [root=<the day's digest, as kept>]"
                .to_string(),
        }
    }

    async fn run(&self, ctx: &AppContext, vars: &Vars) -> Result<()> {
        let var = |name: &str| {
            vars.cli_arg(name)
                .map(|v| v.trim().to_string())
                .map_err(|_| Error::Message(format!("receipt:verify needs {name}=…")))
        };
        let receipt = Receipt {
            reference: var("reference")?,
            sha256: var("sha256")?,
            event: var("event")?,
        };
        let kept = vars.cli_arg("root").ok().map(|r| r.trim().to_string());
        let (inclusion, problems) = digests::check_receipt(&ctx.db, &receipt, kept.as_deref())
            .await
            .map_err(Error::from)?;
        if let Some(i) = &inclusion {
            println!(
                "digest of {}: {} (event {} of {}; path {})",
                i.day,
                i.root,
                i.index + 1,
                i.size,
                i.path.join(" ")
            );
        }
        for p in &problems {
            println!("FAIL {p}");
        }
        if problems.is_empty() {
            println!("receipt:verify the receipt holds");
            Ok(())
        } else {
            Err(Error::Message(format!(
                "the receipt does not hold: {} problems",
                problems.len()
            )))
        }
    }
}
