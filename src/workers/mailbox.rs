//! The registry's mailbox, polled over IMAP (issue 22). Each message in the watched folder
//! goes through [`inbound::receive`], the same door as the mail server's pipe, and once kept
//! moves to the folder of taken mail. Nothing is deleted: a message the database could not
//! keep stays where it is for the next pass, and one too large to keep whole stays in the
//! taken folder with its header in the review queue.
//!
//! Two nodes polling one mailbox may fetch the same message: the door takes it once (by its
//! Message-ID, or its bytes), the other node's answer is "taken before", and whichever
//! moves it second finds nothing left to move. A crash between keeping and moving is the
//! same case: the next pass fetches the message again, is told it was taken, and moves it.
use std::{fmt::Debug, sync::Arc, time::Duration};

use async_imap::{extensions::idle::IdleResponse, Session};
use chrono::{DateTime, Utc};
use futures::TryStreamExt;
use sea_orm::DatabaseConnection;
use tokio::{
    io::{AsyncRead, AsyncWrite},
    net::TcpStream,
};

use crate::{
    errors::AppError,
    models::inbound::{self, Taken, Via},
    settings::{MailboxSettings, Settings},
};

/// How long a connection, a login or one command may take before the pass gives up.
const COMMAND_TIMEOUT: Duration = Duration::from_secs(120);

/// Why a pass stopped; the messages it had not reached stay in the mailbox.
#[derive(Debug, thiserror::Error)]
pub enum MailboxError {
    #[error("no mailbox is configured (settings.intake.imap)")]
    NotConfigured,
    #[error("connecting to {0}: {1}")]
    Connect(String, std::io::Error),
    #[error("TLS with {0}: {1}")]
    Tls(String, String),
    #[error("signing in as {0}: {1}")]
    Login(String, String),
    #[error("the mail server: {0}")]
    Imap(#[from] async_imap::error::Error),
    #[error("the mail server did not answer within {0:?}")]
    Timeout(Duration),
    #[error("a message could not be kept now: {0}")]
    Keep(#[from] AppError),
}

/// A connection to the mail server, plain or TLS.
pub trait Io: AsyncRead + AsyncWrite + Unpin + Send + Debug {}
impl<T: AsyncRead + AsyncWrite + Unpin + Send + Debug> Io for T {}
type Wire = Box<dyn Io>;

/// A signed-in session on the watched folder, with what the server offers.
pub struct Mailbox {
    session: Session<Wire>,
    settings: MailboxSettings,
    idle: bool,
    moves: bool,
}

/// What one pass did.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize)]
pub struct Pass {
    /// Kept for the first time.
    pub kept: usize,
    /// Taken before (by another node, the pipe, or a pass that stopped before moving it).
    pub again: usize,
}

async fn timed<T, E: Into<MailboxError>>(
    work: impl std::future::Future<Output = Result<T, E>>,
) -> Result<T, MailboxError> {
    tokio::time::timeout(COMMAND_TIMEOUT, work)
        .await
        .map_err(|_| MailboxError::Timeout(COMMAND_TIMEOUT))?
        .map_err(Into::into)
}

fn tls_connector() -> tokio_rustls::TlsConnector {
    let roots = tokio_rustls::rustls::RootCertStore {
        roots: webpki_roots::TLS_SERVER_ROOTS.to_vec(),
    };
    let provider = Arc::new(tokio_rustls::rustls::crypto::ring::default_provider());
    let config = tokio_rustls::rustls::ClientConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .expect("ring offers the default protocol versions")
        .with_root_certificates(roots)
        .with_no_client_auth();
    tokio_rustls::TlsConnector::from(Arc::new(config))
}

impl Mailbox {
    /// Connects and signs in as `settings` says, selects the watched folder, and makes sure
    /// the taken folder exists.
    ///
    /// # Errors
    /// The server cannot be reached, refuses TLS or the login, or lacks the folder.
    pub async fn open(settings: &MailboxSettings) -> Result<Self, MailboxError> {
        let at = format!("{}:{}", settings.host, settings.port);
        let tcp = tokio::time::timeout(COMMAND_TIMEOUT, TcpStream::connect(at.as_str()))
            .await
            .map_err(|_| MailboxError::Timeout(COMMAND_TIMEOUT))?
            .map_err(|e| MailboxError::Connect(at.clone(), e))?;
        let wire: Wire = if settings.tls {
            let name = tokio_rustls::rustls::pki_types::ServerName::try_from(settings.host.clone())
                .map_err(|e| MailboxError::Tls(at.clone(), e.to_string()))?;
            let tls = tokio::time::timeout(COMMAND_TIMEOUT, tls_connector().connect(name, tcp))
                .await
                .map_err(|_| MailboxError::Timeout(COMMAND_TIMEOUT))?
                .map_err(|e| MailboxError::Tls(at.clone(), e.to_string()))?;
            Box::new(tls)
        } else {
            Box::new(tcp)
        };
        let mut client = async_imap::Client::new(wire);
        // The server speaks first; its greeting is read before the login.
        timed(async {
            client
                .read_response()
                .await
                .map_err(async_imap::error::Error::Io)
        })
        .await?;
        let mut session = tokio::time::timeout(
            COMMAND_TIMEOUT,
            client.login(&settings.user, &settings.password),
        )
        .await
        .map_err(|_| MailboxError::Timeout(COMMAND_TIMEOUT))?
        .map_err(|(e, _)| MailboxError::Login(settings.user.clone(), e.to_string()))?;
        let offered = timed(session.capabilities()).await?;
        let (idle, moves) = (offered.has_str("IDLE"), offered.has_str("MOVE"));
        match timed(session.create(&settings.taken_folder)).await {
            // A NO here is the folder already there (RFC 3501 answers NO to creating one
            // that exists); a missing folder is found when the first move fails.
            Ok(()) | Err(MailboxError::Imap(async_imap::error::Error::No(_))) => {}
            Err(e) => return Err(e),
        }
        timed(session.select(&settings.folder)).await?;
        Ok(Self {
            session,
            settings: settings.clone(),
            idle,
            moves,
        })
    }

    /// Whether the server offers IDLE (RFC 2177).
    #[must_use]
    pub const fn offers_idle(&self) -> bool {
        self.idle
    }

    /// Takes every message now in the watched folder, oldest first: each is kept through
    /// the one door at the instant `now` gives, then moved to the taken folder.
    ///
    /// # Errors
    /// The server fails, or the database cannot keep a message now: the pass stops and
    /// that message and the rest stay for the next.
    pub async fn pass(
        &mut self,
        db: &DatabaseConnection,
        settings: &Settings,
        now: impl Fn() -> DateTime<Utc>,
    ) -> Result<Pass, MailboxError> {
        let mut done = Pass::default();
        let mut uids: Vec<u32> = timed(self.session.uid_search("ALL"))
            .await?
            .into_iter()
            .collect();
        uids.sort_unstable();
        for uid in uids {
            let Some(size) = self.size_of(uid).await? else {
                // Gone since the search: another node took it.
                continue;
            };
            let taken = if size > inbound::MAX_MESSAGE_BYTES as u64 {
                let Some(header) = self.fetch(uid, "BODY.PEEK[HEADER]").await? else {
                    continue;
                };
                let folder = self.settings.taken_folder.clone();
                inbound::receive_too_large(db, settings, &header, size, &folder, now()).await?
            } else {
                let Some(raw) = self.fetch(uid, "BODY.PEEK[]").await? else {
                    continue;
                };
                inbound::receive(db, settings, &raw, Via::Imap, now()).await?
            };
            match taken {
                Taken::Kept { .. } => done.kept += 1,
                Taken::Again { .. } => done.again += 1,
            }
            self.take_away(uid).await?;
        }
        Ok(done)
    }

    /// What the server answers to fetching `what` of message `uid`: nothing when it is
    /// gone (another node took it).
    async fn fetched(
        &mut self,
        uid: u32,
        what: &str,
    ) -> Result<Option<async_imap::types::Fetch>, MailboxError> {
        let fetched: Vec<_> = timed(async {
            self.session
                .uid_fetch(uid.to_string(), what)
                .await?
                .try_collect()
                .await
        })
        .await?;
        Ok(fetched.into_iter().find(|f| f.uid == Some(uid)))
    }

    async fn size_of(&mut self, uid: u32) -> Result<Option<u64>, MailboxError> {
        let fetched = self.fetched(uid, "(UID RFC822.SIZE)").await?;
        Ok(fetched.and_then(|f| f.size).map(u64::from))
    }

    /// The part `what` of message `uid`, without marking it seen; `None` when it is gone.
    async fn fetch(&mut self, uid: u32, what: &str) -> Result<Option<Vec<u8>>, MailboxError> {
        let fetched = self.fetched(uid, what).await?;
        Ok(fetched.and_then(|f| f.header().or_else(|| f.body()).map(<[u8]>::to_vec)))
    }

    /// Moves message `uid` to the taken folder: MOVE where offered, else copy, mark deleted
    /// and expunge.
    async fn take_away(&mut self, uid: u32) -> Result<(), MailboxError> {
        let set = uid.to_string();
        let to = self.settings.taken_folder.clone();
        if self.moves {
            return timed(self.session.uid_mv(&set, &to)).await;
        }
        timed(self.session.uid_copy(&set, &to)).await?;
        timed(async {
            self.session
                .uid_store(&set, "+FLAGS.SILENT (\\Deleted)")
                .await?
                .try_collect::<Vec<_>>()
                .await
        })
        .await?;
        timed(async { self.session.expunge().await?.try_collect::<Vec<_>>().await }).await?;
        Ok(())
    }

    /// Waits until the server says the folder changed, or `at_most` passed (IDLE).
    ///
    /// # Errors
    /// The server fails or closes the connection.
    pub async fn wait(self, at_most: Duration) -> Result<Self, MailboxError> {
        let Self {
            session,
            settings,
            idle,
            moves,
        } = self;
        let mut handle = session.idle();
        timed(handle.init()).await?;
        let (changed, stop) = handle.wait_with_timeout(at_most);
        let answer = changed.await;
        drop(stop);
        match answer? {
            IdleResponse::NewData(_) | IdleResponse::Timeout | IdleResponse::ManualInterrupt => {}
        }
        let session = timed(handle.done()).await?;
        Ok(Self {
            session,
            settings,
            idle,
            moves,
        })
    }

    /// Signs out.
    pub async fn close(mut self) {
        if let Err(e) = timed(self.session.logout()).await {
            tracing::debug!(error = %e, "signing out of the mailbox");
        }
    }
}

/// One pass over the configured mailbox: connect, take everything, sign out.
///
/// # Errors
/// No mailbox configured, or the pass stopped (see [`Mailbox::pass`]).
pub async fn poll_once(
    db: &DatabaseConnection,
    settings: &Settings,
    now: impl Fn() -> DateTime<Utc>,
) -> Result<Pass, MailboxError> {
    let mailbox = settings
        .mailbox
        .as_ref()
        .ok_or(MailboxError::NotConfigured)?;
    let mut open = Mailbox::open(mailbox).await?;
    let done = open.pass(db, settings, now).await;
    open.close().await;
    done
}

/// Watches the configured mailbox until `stop` resolves: a pass, then IDLE until the
/// server says something arrived (or `idle_minutes` passed), where the server offers it,
/// else a pause of `poll_seconds`; on any failure, a new connection after that pause.
///
/// # Errors
/// No mailbox configured.
pub async fn watch(
    db: &DatabaseConnection,
    settings: &Settings,
    now: impl Fn() -> DateTime<Utc>,
    stop: impl std::future::Future<Output = ()>,
) -> Result<(), MailboxError> {
    let mailbox = settings
        .mailbox
        .as_ref()
        .ok_or(MailboxError::NotConfigured)?;
    let pause = Duration::from_secs(mailbox.poll_seconds);
    let idle = Duration::from_secs(mailbox.idle_minutes * 60);
    let watching = async {
        loop {
            let mut open = match Mailbox::open(mailbox).await {
                Ok(open) => open,
                Err(e) => {
                    tracing::warn!(error = %e, "the mailbox cannot be opened; trying again");
                    tokio::time::sleep(pause).await;
                    continue;
                }
            };
            loop {
                match open.pass(db, settings, &now).await {
                    Ok(done) if done != Pass::default() => {
                        tracing::info!(kept = done.kept, again = done.again, "mailbox pass");
                    }
                    Ok(_) => {}
                    Err(e) => {
                        tracing::warn!(error = %e, "the mailbox pass stopped; trying again");
                        break;
                    }
                }
                if open.offers_idle() {
                    open = match open.wait(idle).await {
                        Ok(open) => open,
                        Err(e) => {
                            tracing::warn!(error = %e, "waiting on the mailbox failed");
                            break;
                        }
                    };
                } else {
                    tokio::time::sleep(pause).await;
                }
            }
            tokio::time::sleep(pause).await;
        }
    };
    tokio::select! {
        () = watching => Ok(()),
        () = stop => Ok(()),
    }
}
