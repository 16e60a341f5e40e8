//! A real IMAP server for the tests: Debian's Dovecot, on loopback, with one throwaway
//! mailbox in a temporary folder. Messages reach it as a mail client puts them there (IMAP
//! APPEND), and the tests count what is left in each folder as any client would.
use std::{
    net::TcpListener,
    process::{Child, Command, Stdio},
    time::{Duration, Instant},
};

use redress::settings::MailboxSettings;

pub const USER: &str = "registry";
pub const PASSWORD: &str = "intake-secret";

/// Where Debian's package puts the server.
const BINARY: &str = "/usr/sbin/dovecot";

pub struct Dovecot {
    pub port: u16,
    child: Child,
    _dir: tempfile::TempDir,
}

/// Who the server runs mail as: as root it must be someone else; otherwise it can only be
/// the user running the tests.
fn mail_user() -> (String, String, String, String) {
    let uid = Command::new("id").arg("-u").output().expect("id -u");
    if String::from_utf8_lossy(&uid.stdout).trim() == "0" {
        (
            "nobody".into(),
            "nogroup".into(),
            "dovenull".into(),
            "dovecot".into(),
        )
    } else {
        let name = |flag: &str| {
            let out = Command::new("id").arg(flag).output().expect("id");
            String::from_utf8_lossy(&out.stdout).trim().to_string()
        };
        let (user, group) = (name("-un"), name("-gn"));
        (user.clone(), group, user.clone(), user)
    }
}

impl Dovecot {
    /// Starts a server with an empty mailbox, ready to take connections.
    ///
    /// # Panics
    /// When Dovecot is not installed (`apt-get install dovecot-imapd`; `.ci/run` does) or
    /// does not start within ten seconds.
    pub fn start() -> Self {
        assert!(
            std::path::Path::new(BINARY).exists(),
            "the IMAP tests need Dovecot: apt-get install dovecot-imapd"
        );
        // Short: the server's sockets live here, and a socket's path is at most 107 bytes.
        let dir = tempfile::Builder::new()
            .prefix("imap")
            .tempdir_in("/tmp")
            .expect("a folder for the mailbox");
        let d = dir.path().display().to_string();
        let port = TcpListener::bind("127.0.0.1:0")
            .expect("bind")
            .local_addr()
            .expect("addr")
            .port();
        let (uid, gid, login_user, internal_user) = mail_user();
        std::fs::create_dir_all(format!("{d}/mail")).expect("mail folder");
        let chown = Command::new("chown")
            .arg(format!("{uid}:{gid}"))
            .arg(format!("{d}/mail"))
            .status()
            .expect("chown");
        assert!(chown.success(), "the mail folder belongs to {uid}");
        std::fs::write(
            format!("{d}/users"),
            format!("{USER}:{{PLAIN}}{PASSWORD}\n"),
        )
        .expect("users");
        let config = format!(
            "protocols = imap\n\
             listen = 127.0.0.1\n\
             base_dir = {d}/run\n\
             state_dir = {d}/state\n\
             log_path = {d}/log\n\
             ssl = no\n\
             disable_plaintext_auth = no\n\
             auth_mechanisms = plain login\n\
             default_login_user = {login_user}\n\
             default_internal_user = {internal_user}\n\
             mail_uid = {uid}\n\
             mail_gid = {gid}\n\
             first_valid_uid = 0\n\
             mail_location = maildir:{d}/mail/%n\n\
             passdb {{\n  driver = passwd-file\n  args = scheme=PLAIN username_format=%u {d}/users\n}}\n\
             userdb {{\n  driver = static\n  args = home={d}/mail/%n\n}}\n\
             service imap-login {{\n  chroot =\n  inet_listener imap {{\n    address = 127.0.0.1\n    port = {port}\n  }}\n  inet_listener imaps {{\n    port = 0\n  }}\n}}\n\
             service anvil {{\n  chroot =\n}}\n\
             namespace inbox {{\n  inbox = yes\n}}\n"
        );
        std::fs::write(format!("{d}/dovecot.conf"), config).expect("config");
        let child = Command::new(BINARY)
            .args(["-F", "-c", &format!("{d}/dovecot.conf")])
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .expect("dovecot starts");
        let server = Self {
            port,
            child,
            _dir: dir,
        };
        let started = Instant::now();
        while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
            assert!(
                started.elapsed() < Duration::from_secs(10),
                "dovecot did not listen: {}",
                std::fs::read_to_string(format!("{d}/log")).unwrap_or_default()
            );
            std::thread::sleep(Duration::from_millis(20));
        }
        server
    }

    /// The poller's settings for this server.
    pub fn settings(&self) -> MailboxSettings {
        serde_json::from_value(serde_json::json!({
            "host": "127.0.0.1",
            "port": self.port,
            "tls": false,
            "user": USER,
            "password": PASSWORD,
            "idle_minutes": 1,
            "poll_seconds": 1,
        }))
        .expect("mailbox settings")
    }

    async fn session(&self) -> async_imap::Session<tokio::net::TcpStream> {
        let tcp = tokio::net::TcpStream::connect(("127.0.0.1", self.port))
            .await
            .expect("connect");
        let mut client = async_imap::Client::new(tcp);
        client.read_response().await.expect("greeting");
        client
            .login(USER, PASSWORD)
            .await
            .map_err(|(e, _)| e)
            .expect("login")
    }

    /// Puts `raw` in `folder`, as a mail client files a message.
    pub async fn append(&self, folder: &str, raw: &[u8]) {
        let mut session = self.session().await;
        session
            .append(folder, None, None, raw)
            .await
            .expect("append");
        session.logout().await.expect("logout");
    }

    /// How many messages `folder` holds; 0 when it does not exist.
    pub async fn count(&self, folder: &str) -> u32 {
        let mut session = self.session().await;
        let count = match session.examine(folder).await {
            Ok(mailbox) => mailbox.exists,
            Err(_) => 0,
        };
        session.logout().await.expect("logout");
        count
    }
}

impl Drop for Dovecot {
    fn drop(&mut self) {
        // The master stops every process it started.
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
