//! The two ways mail reaches Redress, both through one door (`inbound::receive`):
//! `redress-cli task mail:receive` takes one message on standard input, as a mail server's
//! pipe hands it over (the way RT's mailgate works); `mail:poll` takes what waits in the
//! registry's mailbox over IMAP, once or (`watch:true`) for as long as it runs.
use loco_rs::{
    app::AppContext,
    task::{Task, TaskInfo, Vars},
    Error, Result,
};
use tokio::io::AsyncReadExt;

use crate::{
    models::inbound::{self, Taken, Via},
    settings::Settings,
    workers::mailbox::{self, MailboxError},
};

/// What a mail server's pipe expects when a message could not be taken now and should be
/// offered again later (`EX_TEMPFAIL`); any other failure bounces the message to its sender.
pub const TRY_AGAIN_LATER: i32 = 75;

pub struct Receive;

#[async_trait::async_trait]
impl Task for Receive {
    fn task(&self) -> TaskInfo {
        TaskInfo {
            name: "mail:receive".to_string(),
            detail: "Take one message on standard input (a mail server's pipe) into the registry's mail; exits 75 (try again later) when it cannot be kept now"
                .to_string(),
        }
    }

    async fn run(&self, ctx: &AppContext, _vars: &Vars) -> Result<()> {
        let limit = inbound::MAX_MESSAGE_BYTES;
        let mut raw = Vec::new();
        tokio::io::stdin()
            .take(limit as u64 + 1)
            .read_to_end(&mut raw)
            .await
            .map_err(|e| Error::Message(format!("reading the message: {e}")))?;
        if raw.len() > limit {
            // Refused, not dropped: the mail server returns it to its sender with this.
            return Err(Error::Message(format!(
                "the message is over {} MB; nothing was kept",
                limit / (1024 * 1024)
            )));
        }
        let settings = Settings::of(ctx)?;
        match inbound::receive(&ctx.db, &settings, &raw, Via::Pipe, crate::clock::now(ctx)).await {
            Ok(Taken::Kept { pid, outcome }) => println!("kept {pid}: {outcome}"),
            Ok(Taken::Again { pid }) => println!("taken before as {pid}"),
            Err(e) => {
                eprintln!("mail:receive: the message could not be kept now: {e}");
                std::process::exit(TRY_AGAIN_LATER);
            }
        }
        Ok(())
    }
}

pub struct Poll;

#[async_trait::async_trait]
impl Task for Poll {
    fn task(&self) -> TaskInfo {
        TaskInfo {
            name: "mail:poll".to_string(),
            detail: "Take what waits in the registry's mailbox (settings.intake.imap) over IMAP and move it to the taken folder [watch:true stays, waiting with IDLE]"
                .to_string(),
        }
    }

    async fn run(&self, ctx: &AppContext, vars: &Vars) -> Result<()> {
        let settings = Settings::of(ctx)?;
        let now = || crate::clock::now(ctx);
        let watch = match vars.cli.get("watch").map(String::as_str) {
            None | Some("false") => false,
            Some("true") => true,
            Some(other) => {
                return Err(Error::Message(format!(
                    "mail:poll: watch is true or false, not `{other}`"
                )))
            }
        };
        if watch {
            let stop = async {
                if tokio::signal::ctrl_c().await.is_err() {
                    std::future::pending::<()>().await;
                }
            };
            return mailbox::watch(&ctx.db, &settings, now, stop)
                .await
                .map_err(|e| Error::Message(e.to_string()));
        }
        match mailbox::poll_once(&ctx.db, &settings, now).await {
            Ok(done) => {
                println!(
                    "mail:poll: {}",
                    serde_json::to_string(&done).unwrap_or_default()
                );
                Ok(())
            }
            // A deployment without a mailbox has nothing to poll; the schedule may still
            // name the job.
            Err(MailboxError::NotConfigured) => {
                println!("mail:poll: no mailbox is configured");
                Ok(())
            }
            Err(e) => Err(Error::Message(format!("mail:poll: {e}"))),
        }
    }
}
