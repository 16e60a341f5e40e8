//! `redress-cli task mail:receive`: one message on standard input, as a mail server's pipe
//! hands it over (the way RT's mailgate works), kept through the same door as the mailbox
//! poller's (`inbound::receive`).
use loco_rs::{
    app::AppContext,
    task::{Task, TaskInfo, Vars},
    Error, Result,
};
use tokio::io::AsyncReadExt;

use crate::{
    models::inbound::{self, Taken, Via},
    settings::Settings,
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
