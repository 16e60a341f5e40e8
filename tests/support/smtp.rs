//! A real SMTP server inside the test process (mailin-embedded), which records what it
//! accepts and can be told to answer with temporary or permanent errors.
use std::{
    net::{IpAddr, TcpListener},
    sync::{Arc, Mutex},
};

use mailin_embedded::{response, Handler, Response, Server, SslConfig};

/// How the sink answers each recipient. Refusals come at RCPT, where real servers refuse
/// unknown or full mailboxes (mailin keeps a session in its DATA state after a refused
/// DATA, so refusing there would stall the connection).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    Accept,
    /// 450: mailbox busy, try again later.
    Temporary,
    /// 550: mailbox unavailable.
    Permanent,
    /// Keeps each message, then takes this long to say so: a client that dies or gives up
    /// meanwhile never learns that the message was accepted.
    Slow(std::time::Duration),
}

/// One message as the server accepted it.
#[derive(Clone, Debug)]
pub struct Received {
    /// The name the client gave in its greeting (HELO/EHLO): which node sent it.
    pub helo: String,
    pub to: Vec<String>,
    pub raw: Vec<u8>,
}

impl Received {
    pub fn parsed(&self) -> mail_parser::Message<'_> {
        mail_parser::MessageParser::default()
            .parse(&self.raw)
            .expect("a parsable message")
    }

    pub fn subject(&self) -> String {
        self.parsed().subject().unwrap_or_default().to_string()
    }

    pub fn text(&self) -> String {
        self.parsed()
            .body_text(0)
            .map(|t| t.to_string())
            .unwrap_or_default()
    }

    pub fn html(&self) -> String {
        self.parsed()
            .body_html(0)
            .map(|t| t.to_string())
            .unwrap_or_default()
    }

    /// The text of the `text/calendar` attachment, if any.
    pub fn ics(&self) -> Option<String> {
        let msg = self.parsed();
        let ics = msg
            .attachments()
            .find(|a| mail_parser::MimeHeaders::is_content_type(*a, "text", "calendar"))
            .map(|a| String::from_utf8_lossy(a.contents()).to_string());
        ics
    }

    pub fn header(&self, name: &str) -> Option<String> {
        self.parsed().header_raw(name).map(|h| h.trim().to_string())
    }
}

#[derive(Clone)]
struct Recorder {
    mode: Arc<Mutex<Mode>>,
    inbox: Arc<Mutex<Vec<Received>>>,
    helo: String,
    to: Vec<String>,
    data: Vec<u8>,
}

impl Handler for Recorder {
    fn mail(&mut self, _ip: IpAddr, domain: &str, _from: &str) -> Response {
        domain.clone_into(&mut self.helo);
        self.to.clear();
        self.data.clear();
        response::OK
    }

    fn rcpt(&mut self, to: &str) -> Response {
        match *self.mode.lock().expect("mode") {
            Mode::Accept | Mode::Slow(_) => {
                self.to.push(to.to_string());
                response::OK
            }
            Mode::Temporary => Response::custom(450, "Mailbox busy, try again later".into()),
            Mode::Permanent => response::NO_MAILBOX,
        }
    }

    fn data(&mut self, buf: &[u8]) -> std::io::Result<()> {
        self.data.extend_from_slice(buf);
        Ok(())
    }

    fn data_end(&mut self) -> Response {
        self.inbox.lock().expect("inbox").push(Received {
            helo: self.helo.clone(),
            to: std::mem::take(&mut self.to),
            raw: std::mem::take(&mut self.data),
        });
        let mode = *self.mode.lock().expect("mode");
        if let Mode::Slow(pause) = mode {
            std::thread::sleep(pause);
        }
        response::OK
    }
}

/// The sink: a port and what arrived there.
#[derive(Clone)]
pub struct Sink {
    pub port: u16,
    mode: Arc<Mutex<Mode>>,
    inbox: Arc<Mutex<Vec<Received>>>,
}

impl Sink {
    /// Starts a sink on a free port.
    pub fn start() -> Self {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind");
        Self::serve(listener)
    }

    /// A port with nothing listening (yet): connections are refused until `start_on`.
    pub fn reserve_port() -> u16 {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind");
        listener.local_addr().expect("addr").port()
    }

    pub fn start_on(port: u16) -> Self {
        let listener = TcpListener::bind(("127.0.0.1", port)).expect("bind the reserved port");
        Self::serve(listener)
    }

    fn serve(listener: TcpListener) -> Self {
        let port = listener.local_addr().expect("addr").port();
        let mode = Arc::new(Mutex::new(Mode::Accept));
        let inbox = Arc::new(Mutex::new(Vec::new()));
        let handler = Recorder {
            mode: mode.clone(),
            inbox: inbox.clone(),
            helo: String::new(),
            to: Vec::new(),
            data: Vec::new(),
        };
        std::thread::spawn(move || {
            let mut server = Server::new(handler);
            server
                .with_name("sink.test")
                .with_ssl(SslConfig::None)
                .expect("no tls")
                .with_num_threads(64)
                .with_tcp_listener(listener);
            let _ = server.serve();
        });
        Self { port, mode, inbox }
    }

    pub fn set_mode(&self, mode: Mode) {
        *self.mode.lock().expect("mode") = mode;
    }

    pub fn received(&self) -> Vec<Received> {
        self.inbox.lock().expect("inbox").clone()
    }

    /// How many messages arrived.
    pub fn count(&self) -> usize {
        self.inbox.lock().expect("inbox").len()
    }

    /// The messages addressed to `email`.
    pub fn to(&self, email: &str) -> Vec<Received> {
        self.received()
            .into_iter()
            .filter(|m| m.to.iter().any(|t| t.eq_ignore_ascii_case(email)))
            .collect()
    }

    pub fn config(&self) -> loco_rs::config::SmtpMailer {
        config_for_port(self.port)
    }
}

/// SMTP settings for a local port, where nothing may be listening yet.
pub fn config_for_port(port: u16) -> loco_rs::config::SmtpMailer {
    loco_rs::config::SmtpMailer {
        enable: true,
        host: "127.0.0.1".into(),
        port,
        secure: false,
        tls: None,
        auth: None,
        hello_name: Some("redress.test".into()),
    }
}
