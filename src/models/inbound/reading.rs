//! What an arriving message is, read once at the edge: who sent it and to which addresses,
//! what it answers, its new words (quoted history trimmed), its attachments, and whether it
//! is a person writing at all (an auto-reply, a bounce, our own mail coming back). Pure:
//! the bytes and our own host are passed in; nothing here touches the database.
use mail_parser::{Message, MessageParser, MimeHeaders, PartType};

/// A message that cannot be read as mail at all. It is still kept (in the review queue,
/// with this reason): mail that reached us is never dropped.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Unreadable {
    Empty,
    NotMail,
}

impl std::fmt::Display for Unreadable {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Self::Empty => "the message is empty",
            Self::NotMail => "the message has no header a mail message has",
        })
    }
}

/// Whether a person wrote the message, and if not, what did.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Nature {
    /// Written by a person: it may become a grievance or a message on a case.
    Personal,
    /// An automatic answer (out of office, a list's robot): recorded, never answered.
    Automatic { why: String },
    /// A delivery status notification: `original` is the Message-ID of the message that
    /// did not arrive and `recipient` whom it was for, when the report says; `reason` says
    /// why, in the report's words.
    Bounce {
        original: Option<String>,
        recipient: Option<String>,
        reason: String,
    },
    /// One of our own messages come back (a loop): recorded, never answered.
    Ours,
}

/// A file the message carries.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Attached {
    pub name: String,
    pub content_type: String,
    pub bytes: Vec<u8>,
}

/// A message as Redress reads it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Reading {
    /// Without angle brackets; `None` when the message has none (it is then told apart by
    /// a digest of its bytes, by the caller).
    pub message_id: Option<String>,
    /// The sender's address, in lowercase, and the name they give.
    pub from: Option<String>,
    pub from_name: Option<String>,
    /// Every address the message was sent to: To, Cc, and the delivery headers a mail
    /// server adds (`Delivered-To`, `X-Original-To`), which name the address a copy in a
    /// shared mailbox reached.
    pub recipients: Vec<String>,
    /// The Message-IDs it answers: `In-Reply-To`, then `References`.
    pub answers: Vec<String>,
    pub subject: String,
    /// The words the sender wrote, quoted history trimmed.
    pub text: String,
    /// `Content-Language`, when the sender's client says it.
    pub language: Option<String>,
    pub attachments: Vec<Attached>,
    pub nature: Nature,
}

/// Reads `raw`. `own_host` is the host our Message-IDs end in.
///
/// # Errors
/// [`Unreadable`] when the bytes are not a mail message.
pub fn read(raw: &[u8], own_host: &str) -> Result<Reading, Unreadable> {
    if raw.iter().all(u8::is_ascii_whitespace) {
        return Err(Unreadable::Empty);
    }
    let message = MessageParser::default()
        .parse(raw)
        .filter(|m| !m.headers().is_empty())
        .ok_or(Unreadable::NotMail)?;
    let message_id = message.message_id().map(str::to_string);
    let from_addr = message.from().and_then(|a| a.first());
    let from = from_addr
        .and_then(|a| a.address())
        .map(str::to_ascii_lowercase);
    let from_name = from_addr.and_then(|a| a.name()).map(str::to_string);
    let mut recipients: Vec<String> = message
        .to()
        .into_iter()
        .chain(message.cc())
        .flat_map(|a| a.iter())
        .filter_map(|a| a.address())
        .map(str::to_ascii_lowercase)
        .collect();
    for name in ["Delivered-To", "X-Original-To", "Envelope-To"] {
        for value in message.header_values(name) {
            if let Some(text) = value.as_text() {
                recipients.push(text.trim().trim_matches(['<', '>']).to_ascii_lowercase());
            }
        }
    }
    let recipients = unique(recipients);
    let answers = ids(&message);
    let nature = nature(&message, message_id.as_deref(), own_host);
    let text = message
        .body_text(0)
        .map(|t| trim_quoted(&t).to_string())
        .unwrap_or_default();
    let attachments = message
        .attachments()
        .map(|part| {
            let content_type = part.content_type().map_or_else(
                || "application/octet-stream".to_string(),
                |c| match c.subtype() {
                    Some(sub) => format!("{}/{}", c.ctype(), sub),
                    None => c.ctype().to_string(),
                },
            );
            let name = part.attachment_name().map_or_else(
                || match &part.body {
                    PartType::Message(m) => {
                        format!("{}.eml", m.subject().unwrap_or("message"))
                    }
                    _ => "attachment".to_string(),
                },
                str::to_string,
            );
            Attached {
                name,
                content_type,
                bytes: part.contents().to_vec(),
            }
        })
        .collect();
    Ok(Reading {
        message_id,
        from,
        from_name,
        recipients,
        answers,
        subject: message.subject().unwrap_or_default().trim().to_string(),
        text,
        language: message
            .root_part()
            .content_language()
            .as_text()
            .map(str::to_string),
        attachments,
        nature,
    })
}

fn ids(message: &Message<'_>) -> Vec<String> {
    unique(
        [message.in_reply_to(), message.references()]
            .into_iter()
            .flat_map(|value| value.as_text_list().unwrap_or_default())
            .map(ToString::to_string)
            .collect(),
    )
}

/// `items` in their order, each once.
fn unique(items: Vec<String>) -> Vec<String> {
    let mut out: Vec<String> = Vec::with_capacity(items.len());
    for item in items {
        if !out.contains(&item) {
            out.push(item);
        }
    }
    out
}

/// The header values that mark a message no person wrote (RFC 3834 `Auto-Submitted`, the
/// older `Precedence`, and the headers of common autoresponders).
fn automatic(message: &Message<'_>) -> Option<String> {
    let text = |name: &str| {
        message
            .header_raw(name)
            .map(|v| v.trim().to_ascii_lowercase())
    };
    if let Some(v) = text("Auto-Submitted").filter(|v| !v.starts_with("no")) {
        return Some(format!("Auto-Submitted: {v}"));
    }
    if let Some(v) =
        text("Precedence").filter(|v| ["bulk", "junk", "list", "auto_reply"].contains(&v.as_str()))
    {
        return Some(format!("Precedence: {v}"));
    }
    for name in ["X-Autoreply", "X-Autorespond", "X-Auto-Response-Suppress"] {
        if let Some(v) = text(name) {
            if name != "X-Auto-Response-Suppress" || v.contains("oof") || v == "all" {
                return Some(format!("{name}: {v}"));
            }
        }
    }
    None
}

fn nature(message: &Message<'_>, message_id: Option<&str>, own_host: &str) -> Nature {
    if message_id.is_some_and(|id| notice_of(id, own_host).is_some()) {
        return Nature::Ours;
    }
    if let Some(report) = bounce(message) {
        return report;
    }
    match automatic(message) {
        Some(why) => Nature::Automatic { why },
        None => Nature::Personal,
    }
}

/// The notice a Message-ID of ours (`notice-<id>@<our host>`) names; `None` for anyone
/// else's.
#[must_use]
pub fn notice_of(message_id: &str, own_host: &str) -> Option<i64> {
    let (local, host) = message_id
        .trim()
        .trim_matches(['<', '>'])
        .rsplit_once('@')?;
    if !host.eq_ignore_ascii_case(own_host) {
        return None;
    }
    local.strip_prefix("notice-")?.parse().ok()
}

/// A delivery status notification (RFC 3464: `multipart/report;
/// report-type=delivery-status`), or the older kind a mailer daemon sends with an empty
/// return path.
fn bounce(message: &Message<'_>) -> Option<Nature> {
    let root = message.root_part().content_type();
    let is_report = root.is_some_and(|c| {
        c.ctype().eq_ignore_ascii_case("multipart")
            && c.subtype()
                .is_some_and(|s| s.eq_ignore_ascii_case("report"))
            && c.attribute("report-type")
                .is_some_and(|t| t.eq_ignore_ascii_case("delivery-status"))
    });
    let from_daemon = message
        .from()
        .and_then(|a| a.first())
        .and_then(|a| a.address())
        .is_some_and(|a| {
            let local = a.split('@').next().unwrap_or_default().to_ascii_lowercase();
            local == "mailer-daemon" || local == "postmaster"
        })
        && message
            .return_address()
            .is_none_or(|r| r.trim_matches(['<', '>', ' ']).is_empty());
    if !is_report && !from_daemon {
        return None;
    }
    let mut original = None;
    let mut recipient = None;
    let mut reason = None;
    for part in &message.parts {
        let kind = part.content_type().map(|c| {
            (
                c.ctype().to_ascii_lowercase(),
                c.subtype().unwrap_or_default().to_ascii_lowercase(),
            )
        });
        match kind.as_ref().map(|(t, s)| (t.as_str(), s.as_str())) {
            Some(("message", "delivery-status")) => {
                reason = reason.or_else(|| status_words(part.contents()));
                // `Final-Recipient: rfc822; someone@example.org` (RFC 3464).
                recipient = recipient.or_else(|| {
                    ["Original-Recipient:", "Final-Recipient:"]
                        .iter()
                        .find_map(|name| header_field(part.contents(), name))
                        .map(|v| {
                            let address = v.rsplit(';').next().unwrap_or_default();
                            address.trim().trim_matches(['<', '>']).to_ascii_lowercase()
                        })
                        .filter(|a| a.contains('@'))
                });
            }
            Some(("message", "rfc822")) => {
                if let PartType::Message(m) = &part.body {
                    original = original.or_else(|| m.message_id().map(str::to_string));
                }
            }
            Some(("text", "rfc822-headers")) => {
                original = original.or_else(|| header_field(part.contents(), "Message-ID:"));
            }
            _ => {}
        }
    }
    Some(Nature::Bounce {
        original,
        recipient,
        reason: reason
            .or_else(|| message.subject().map(str::to_string))
            .unwrap_or_else(|| "the mail system reported a failed delivery".to_string()),
    })
}

/// The value of the first line of `block` that starts with `name` (a header of a
/// report's part, which the parser leaves as text), without angle brackets.
fn header_field(block: &[u8], name: &str) -> Option<String> {
    String::from_utf8_lossy(block)
        .lines()
        .find(|l| {
            l.len() > name.len()
                && l.is_char_boundary(name.len())
                && l[..name.len()].eq_ignore_ascii_case(name)
        })
        .map(|l| l[name.len()..].trim().trim_matches(['<', '>']).to_string())
        .filter(|v| !v.is_empty())
}

/// The failure a delivery-status part reports: its diagnostic, else its status code.
fn status_words(report: &[u8]) -> Option<String> {
    header_field(report, "Diagnostic-Code:")
        .or_else(|| header_field(report, "Status:").map(|s| format!("status {s}")))
}

/// The sender's own words: everything before the first line that begins the quoted
/// history (a quote marker, a client's attribution line in any of the six languages, an
/// Outlook header block or a forwarding separator). What is left is never empty when
/// the sender wrote anything above the history.
#[must_use]
pub fn trim_quoted(text: &str) -> &str {
    let mut end = text.len();
    let mut offset = 0;
    let lines: Vec<&str> = text.split_inclusive('\n').collect();
    for (i, line) in lines.iter().enumerate() {
        let l = line.trim();
        let next = lines.get(i + 1).map_or("", |n| n.trim());
        let begins_history = l.starts_with('>')
            || l.starts_with("-----Original Message-----")
            || l.starts_with("-----Message d'origine-----")
            || l.starts_with("-----Mensaje original-----")
            || l.starts_with("-----Исходное сообщение-----")
            || l.starts_with("________________________________")
            || (l.starts_with("From:") && next.starts_with("Sent:"))
            || (l.starts_with("De :") && next.starts_with("Envoyé :"))
            || attribution(l, next);
        if begins_history && offset > 0 {
            end = offset;
            break;
        }
        if begins_history {
            return "";
        }
        offset += line.len();
    }
    text[..end].trim_end()
}

/// A client's line introducing the quoted message: `On 3 Dec 2026, Ana wrote:` and its
/// translations (where the verb may come before the name, as Arabic clients put it), which
/// clients sometimes wrap over two lines.
fn attribution(line: &str, next: &str) -> bool {
    const VERBS: [&str; 7] = [
        "wrote",
        "écrit",
        "escribió",
        "написал",
        "写道",
        "كتب",
        "schrieb",
    ];
    const STARTS: [&str; 8] = ["On ", "Le ", "El ", "Em ", "Am ", "В ", "在", "في "];
    let says = |s: &str| {
        let s = s.trim_end();
        (s.ends_with(':') || s.ends_with('：')) && VERBS.iter().any(|v| s.contains(v))
    };
    let starts = STARTS.iter().any(|s| line.starts_with(s));
    (starts || line.contains('@'))
        && (says(line) || (starts && !next.is_empty() && says(&format!("{line} {next}"))))
}

#[cfg(test)]
mod tests {
    use super::{notice_of, trim_quoted};

    #[test]
    fn our_message_ids_name_their_notice_and_no_one_elses_do() {
        assert_eq!(
            notice_of("<notice-42@redress.example>", "redress.example"),
            Some(42)
        );
        assert_eq!(
            notice_of("notice-42@REDRESS.example", "redress.example"),
            Some(42)
        );
        assert_eq!(
            notice_of("notice-42@other.example", "redress.example"),
            None
        );
        assert_eq!(notice_of("abc@redress.example", "redress.example"), None);
    }

    #[test]
    fn the_quoted_history_is_trimmed_in_each_language_and_the_new_words_are_kept() {
        let cases = [
            "Thank you.\n\nOn Mon, 7 Dec 2026 at 10:00, Registry <registry@redress.example> wrote:\n> Your case\n",
            "Merci.\n\nLe lun. 7 déc. 2026 à 10:00, Greffe <registry@redress.example> a écrit :\n> Votre dossier\n",
            "Gracias.\n\nEl lun, 7 dic 2026 a las 10:00, Registro (<registry@redress.example>) escribió:\n> Su caso\n",
            "Спасибо.\n\nВ пн, 7 дек. 2026 г. в 10:00, Registry <registry@redress.example> написал:\n> Ваше дело\n",
            "谢谢。\n\n在 2026年12月7日 10:00，Registry <registry@redress.example> 写道：\n> 您的案件\n",
            "شكرا.\n\nفي 7 ديسمبر 2026، كتب Registry <registry@redress.example>:\n> قضيتكم\n",
            "Thanks.\n\n-----Original Message-----\nFrom: Registry\nSent: Monday\n",
            "Thanks.\n\n________________________________\nFrom: Registry <registry@redress.example>\nSent: Monday, 7 December 2026 10:00\n",
        ];
        let kept = [
            "Thank you.",
            "Merci.",
            "Gracias.",
            "Спасибо.",
            "谢谢。",
            "شكرا.",
            "Thanks.",
            "Thanks.",
        ];
        for (text, words) in cases.iter().zip(kept) {
            assert_eq!(trim_quoted(text), words, "{text}");
        }
        assert_eq!(
            trim_quoted("No history here.\nTwo lines.\n"),
            "No history here.\nTwo lines."
        );
        assert_eq!(trim_quoted("> only a quote\n"), "");
    }
}
