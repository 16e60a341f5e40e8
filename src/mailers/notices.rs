//! Emails for outbox notices. Every word comes from the same Fluent files as the pages
//! (`assets/i18n/<lang>/mail.ftl`: a subject and a message per kind, the frame around them,
//! and the clocks and parties as a sentence names them; statuses read as on the pages); the
//! two templates beside this file hold only the layout. Templates are compiled into the binary; HTML is autoescaped, so a
//! case title can never inject markup.
use std::{collections::BTreeMap, sync::LazyLock};

use chrono::{DateTime, Utc};
use fluent_templates::fluent_bundle::FluentValue;
use serde::Serialize;

use crate::{
    errors::{AppError, AppResult},
    models::{
        notifications::NoticeKind,
        vocabulary::{DeadlineKind, Locale, Party},
    },
    views::{calendar::DeadlineEntry, i18n},
};

/// Dates read the same in every language: ISO order, the zone's abbreviation.
/// The time of day in the recipient's zone; the day is said in their language.
const LOCAL_TIME: &str = "%H:%M %Z";
const UTC_FORMAT: &str = "%Y-%m-%d %H:%M UTC";

/// The labels of the facts table, in the order the text email aligns them.
const LABELS: &[&str] = &["case", "status", "complainant", "deadline", "party", "due"];

/// The compiled layouts.
pub struct Renderer {
    tera: tera::Tera,
}

static RENDERER: LazyLock<Result<Renderer, String>> = LazyLock::new(Renderer::load);

impl Renderer {
    /// The renderer, built once per process.
    ///
    /// # Errors
    /// When a template does not compile or the translations do not load (both caught by the
    /// test that renders every kind).
    pub fn get() -> AppResult<&'static Self> {
        RENDERER
            .as_ref()
            .map_err(|e| AppError::Internal(format!("email templates: {e}")))
    }

    fn load() -> Result<Self, String> {
        i18n::loader()?;
        let mut tera = tera::Tera::new();
        tera.autoescape_on(vec!["html.t"]);
        tera.add_raw_templates(vec![
            ("text.t", include_str!("notices/text.t")),
            ("html.t", include_str!("notices/html.t")),
        ])
        .map_err(|e| e.to_string())?;
        Ok(Self { tera })
    }

    /// The words for a clock and its acting party, in `locale`, as a sentence names them.
    ///
    /// # Errors
    /// When the translations lack them.
    pub fn clock_words(
        &self,
        locale: Locale,
        kind: DeadlineKind,
        party: Party,
    ) -> AppResult<(String, String)> {
        Ok((
            words(locale, &format!("mail-clock-{kind}"), &[])?,
            words(locale, &format!("mail-party-{party}"), &[])?,
        ))
    }

    /// Renders one email.
    ///
    /// # Errors
    /// An unknown kind, a missing translation, or a template that fails to render.
    pub fn render(&self, letter: &Letter) -> AppResult<Rendered> {
        let kind = letter.kind;
        let locale = letter.locale;
        let zone = letter.zone;
        let deadline = match &letter.deadline {
            Some(d) => {
                let (meaning, party) = self.clock_words(locale, d.kind, d.party)?;
                Some(DeadlineView {
                    meaning,
                    party,
                    due_local: {
                        let local = d.due_at.with_timezone(&zone);
                        i18n::date_time(
                            locale,
                            local.date_naive(),
                            local.format(LOCAL_TIME).to_string(),
                        )
                    },
                    due_utc: d.due_at.format(UTC_FORMAT).to_string(),
                    zone: zone.name().to_string(),
                    working_days_left: d.working_days_left,
                    when: d.when(),
                })
            }
            None => None,
        };
        let case = match &letter.case {
            Some(c) => Some(CaseView {
                reference: c.reference.clone(),
                title: c.title.clone(),
                status: words(locale, &format!("status-{}", c.status), &[])?,
                complainant: c.complainant.clone(),
            }),
            None => None,
        };

        let mut args: Vec<(&str, FluentValue<'static>)> = vec![
            ("name", letter.recipient_name.clone().into()),
            ("zone", zone.name().to_string().into()),
            (
                "stage",
                letter.stage.clone().unwrap_or_else(|| "none".into()).into(),
            ),
        ];
        if let Some(c) = &case {
            args.push(("reference", c.reference.clone().into()));
        }
        if let Some(d) = &deadline {
            args.push(("meaning", d.meaning.clone().into()));
            args.push(("party", d.party.clone().into()));
            args.push(("due", d.due_local.clone().into()));
            args.push(("days", d.working_days_left.into()));
            args.push(("when", d.when.into()));
        }
        // Only the reset email carries its code, whatever else a letter holds.
        let reset = letter
            .reset
            .clone()
            .filter(|_| kind == NoticeKind::PasswordReset);
        if let Some(r) = &reset {
            args.push(("minutes", r.minutes.into()));
        }
        // Only a receipt carries the hashes of what was filed.
        let receipt = letter
            .receipt
            .clone()
            .filter(|_| kind == NoticeKind::Receipt);
        if let Some(r) = &receipt {
            args.push(("day", r.day.clone().into()));
        }

        let mut said = BTreeMap::new();
        let mut say = |name: &str, key: &str| -> AppResult<()> {
            said.insert(name.to_string(), words(locale, key, &args)?);
            Ok(())
        };
        say("greeting", "mail-greeting")?;
        say("message", &format!("mail-{kind}-body"))?;
        say("subject", &format!("mail-{kind}-subject"))?;
        for label in LABELS {
            say(label, &format!("mail-label-{label}"))?;
        }
        say("open_case", "mail-open-case")?;
        say("signature", "mail-signature")?;
        say("zone_note", "mail-zone-note")?;
        say("calendar_note", "mail-calendar-note")?;
        if reset.is_some() {
            say("reset_open", &format!("mail-{kind}-open"))?;
            say("reset_link", &format!("mail-{kind}-link"))?;
            say("reset_expiry", &format!("mail-{kind}-expiry"))?;
        }
        if receipt.is_some() {
            for part in ["text", "event", "day", "proof", "by-mail"] {
                say(
                    &format!("receipt_{}", part.replace('-', "_")),
                    &format!("mail-{kind}-{part}"),
                )?;
            }
        }

        let labels = aligned_labels(locale, &said)?;

        let subject = match &case {
            Some(c) => format!("[{}] {}", c.reference, said["subject"]),
            None => said["subject"].clone(),
        };
        let context = Context {
            lang: locale.to_string(),
            dir: if locale.is_rtl() { "rtl" } else { "ltr" },
            start: if locale.is_rtl() { "right" } else { "left" },
            words: said,
            labels,
            case,
            deadline,
            reset,
            receipt,
            link: letter.link.clone(),
        };
        let ctx = tera::Context::from_serialize(&context)
            .map_err(|e| AppError::Internal(format!("email context: {e}")))?;
        let render = |part: &str| {
            self.tera
                .render(part, &ctx)
                .map_err(|e| AppError::Internal(format!("email {kind}/{locale}/{part}: {e}")))
        };
        Ok(Rendered {
            subject: subject.trim().replace(['\r', '\n'], " "),
            text: opening_each_line(render("text.t")?, locale),
            html: render("html.t")?,
        })
    }
}

/// A plain-text letter in a language written right to left, with each line opened by a
/// right-to-left mark: mail clients set a plain paragraph's direction by its first strong
/// letter, so a line that starts with a reference, a URL or a name would otherwise read left
/// to right, its Arabic words in the wrong order.
fn opening_each_line(text: String, locale: Locale) -> String {
    if !locale.is_rtl() {
        return text;
    }
    text.split('\n')
        .map(|line| {
            // An indented line is a code to copy (a reset code, a digest): a mark copied
            // with it would make it fail.
            if line.trim().is_empty() || line == "--" || line.starts_with(' ') {
                line.to_string()
            } else {
                format!("\u{200f}{line}")
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// The labels of the facts table, each padded to the widest so the text email aligns its
/// facts in a column; and the words before the case's link.
fn aligned_labels(
    locale: Locale,
    said: &BTreeMap<String, String>,
) -> AppResult<BTreeMap<String, String>> {
    let colon = |label: &str| {
        words(
            locale,
            "mail-label-colon",
            &[("label", label.to_string().into())],
        )
    };
    let mut labels = BTreeMap::new();
    for label in LABELS {
        labels.insert((*label).to_string(), colon(&said[*label])?);
    }
    let width = labels
        .values()
        .map(|l| l.chars().count())
        .max()
        .unwrap_or(0)
        + 1;
    for label in labels.values_mut() {
        let pad = width - label.chars().count();
        label.push_str(&" ".repeat(pad));
    }
    labels.insert("blank".into(), " ".repeat(width));
    labels.insert(
        "open_case".into(),
        format!("{} ", colon(&said["open_case"])?),
    );
    Ok(labels)
}

/// `key` in `locale`, or an error: an email never goes out with a key in place of words.
fn words(locale: Locale, key: &str, args: &[(&str, FluentValue<'static>)]) -> AppResult<String> {
    i18n::try_text(locale, key, args)
        .ok_or_else(|| AppError::Internal(format!("no words for `{key}` in {locale}")))
}

/// What an email is about, gathered by delivery from the database.
#[derive(Clone, Debug)]
pub struct Letter {
    pub kind: NoticeKind,
    pub locale: Locale,
    pub recipient_name: String,
    pub zone: chrono_tz::Tz,
    pub case: Option<CaseFacts>,
    pub deadline: Option<DeadlineFacts>,
    /// The reminder stage (`lead5`, `due_day`, ...).
    pub stage: Option<String>,
    pub reset: Option<ResetView>,
    pub receipt: Option<ReceiptView>,
    pub link: Option<String>,
}

#[derive(Clone, Debug)]
pub struct CaseFacts {
    pub reference: String,
    pub title: String,
    pub status: String,
    /// Withheld (`None`) from a respondent when the complainant's identity is protected.
    pub complainant: Option<String>,
}

#[derive(Clone, Debug)]
pub struct DeadlineFacts {
    pub id: i64,
    pub kind: DeadlineKind,
    pub party: Party,
    pub due_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub working_days_left: i64,
    /// Days from the recipient's today to the due day, both in the recipient's own zone:
    /// 0 is "today" and 1 "tomorrow" on the calendar of the person reading it, whatever the
    /// organization's day.
    pub local_days_left: i64,
}

/// Days from `now` to `due`, counted on the calendar of someone in `zone`.
#[must_use]
pub fn local_days_between(now: DateTime<Utc>, due: DateTime<Utc>, zone: chrono_tz::Tz) -> i64 {
    (due.with_timezone(&zone).date_naive() - now.with_timezone(&zone).date_naive()).num_days()
}

impl DeadlineFacts {
    /// "today", "tomorrow" or "later", as the recipient's calendar has it.
    #[must_use]
    pub const fn when(&self) -> &'static str {
        match self.local_days_left {
            i64::MIN..=0 => "today",
            1 => "tomorrow",
            _ => "later",
        }
    }

    /// The calendar entry for this deadline, in the letter's language.
    #[must_use]
    pub fn entry(
        &self,
        renderer: &Renderer,
        letter: &Letter,
        url: String,
    ) -> Option<DeadlineEntry> {
        let (meaning, party) = renderer
            .clock_words(letter.locale, self.kind, self.party)
            .ok()?;
        let case = letter.case.as_ref()?;
        Some(DeadlineEntry {
            id: self.id,
            reference: case.reference.clone(),
            title: case.title.clone(),
            meaning,
            party,
            due_at: self.due_at,
            updated_at: self.updated_at,
            url,
        })
    }
}

#[derive(Clone, Debug, Serialize)]
pub struct ResetView {
    pub token: String,
    pub minutes: i64,
    /// The reset page with the code filled in.
    pub url: String,
}

/// What a receipt carries besides the case: the SHA-256 of the text filed, the hash of the
/// event that recorded it, the day (UTC) whose digest holds that event, and where the
/// register shows the event's inclusion in that digest once it is published.
#[derive(Clone, Debug, Serialize)]
pub struct ReceiptView {
    pub sha256: String,
    pub event: String,
    pub day: String,
    pub proof_url: String,
    /// The words came by mail: the receipt also acknowledges the mail, and says a message
    /// meets no clock by itself.
    pub by_mail: bool,
}

/// A rendered email.
#[derive(Clone, Debug)]
pub struct Rendered {
    pub subject: String,
    pub text: String,
    pub html: String,
}

#[derive(Serialize)]
struct Context {
    lang: String,
    /// `rtl` for a language written right to left: mail clients lay the letter out mirrored.
    dir: &'static str,
    /// The side a line starts on (`left`, or `right` right to left), for the table's labels.
    start: &'static str,
    words: BTreeMap<String, String>,
    /// The text email's labels, with their colon and padding.
    labels: BTreeMap<String, String>,
    case: Option<CaseView>,
    deadline: Option<DeadlineView>,
    reset: Option<ResetView>,
    receipt: Option<ReceiptView>,
    link: Option<String>,
}

#[derive(Serialize)]
struct CaseView {
    reference: String,
    title: String,
    status: String,
    complainant: Option<String>,
}

#[derive(Serialize)]
struct DeadlineView {
    meaning: String,
    party: String,
    due_local: String,
    due_utc: String,
    zone: String,
    working_days_left: i64,
    when: &'static str,
}

#[cfg(test)]
mod tests {
    use super::*;
    use strum::IntoEnumIterator;

    fn letter(kind: NoticeKind, locale: Locale) -> Letter {
        let about_a_case = kind.is_about_a_case();
        let letter = Letter {
            kind,
            locale,
            recipient_name: "Ana <script>".into(),
            zone: chrono_tz::Pacific::Tongatapu,
            case: Some(CaseFacts {
                reference: "GR-2026-000001".into(),
                title: "Agenda item <b>dropped</b>".into(),
                status: "awaiting_response".into(),
                complainant: None,
            }),
            deadline: Some(DeadlineFacts {
                id: 3,
                kind: DeadlineKind::FormalResponse,
                party: Party::Respondent,
                due_at: "2026-12-02T17:00:00Z".parse().expect("instant"),
                updated_at: "2026-11-28T10:00:00Z".parse().expect("instant"),
                working_days_left: 2,
                local_days_left: 3,
            }),
            stage: Some("lead2".into()),
            reset: Some(ResetView {
                token: "abc123".into(),
                minutes: 60,
                url: "http://localhost:5150/password/reset?token=abc123".into(),
            }),
            receipt: Some(ReceiptView {
                sha256: "5d1e4f2b0c9a8e7d6c5b4a39281706f5e4d3c2b1a09f8e7d6c5b4a3928170615".into(),
                event: "a3f09c1d2e4b5a6978c0d1e2f3a4b5c6d7e8f90123456789abcdef0123456789".into(),
                day: "2026-12-02".into(),
                proof_url: "http://localhost:5150/api/register/digests/2026-12-02/events/a3f0"
                    .into(),
                by_mail: false,
            }),
            link: Some("http://localhost:5150/cases/x".into()),
        };
        if kind == NoticeKind::Receipt {
            Letter {
                reset: None,
                deadline: None,
                ..letter
            }
        } else if about_a_case {
            Letter {
                reset: None,
                receipt: None,
                ..letter
            }
        } else {
            Letter {
                case: None,
                deadline: None,
                stage: None,
                receipt: None,
                link: None,
                ..letter
            }
        }
    }

    #[test]
    fn every_kind_renders_in_every_language() {
        let r = Renderer::get().expect("templates compile");
        for locale in Locale::iter() {
            for kind in NoticeKind::all() {
                let out = r.render(&letter(kind, locale)).expect("renders");
                assert!(!out.subject.is_empty(), "{kind}/{locale}: empty subject");
                assert!(
                    !out.subject.contains('\n'),
                    "{kind}/{locale}: multi-line subject"
                );
                assert!(out.text.contains("Ana"), "{kind}/{locale}: no greeting");
                assert!(out.html.contains("<html"), "{kind}/{locale}: no html");
                if kind.is_about_a_case() {
                    assert!(out.subject.contains("GR-2026-000001"), "{kind}/{locale}");
                }
            }
        }
    }

    /// Every kind in every language, as sent: subject, text and HTML. The golden copies in
    /// `tests/golden/emails/` are the reviewed wording; `UPDATE_GOLDEN=1` rewrites them after
    /// a deliberate change, and the diff is what a reviewer reads.
    #[test]
    fn every_email_reads_as_its_reviewed_golden_copy() {
        let r = Renderer::get().expect("templates compile");
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden/emails");
        for locale in Locale::iter() {
            let mut all = String::new();
            for kind in NoticeKind::all() {
                let out = r.render(&letter(kind, locale)).expect("renders");
                all.push_str(&format!(
                    "===== {kind}\n--- subject\n{}\n--- text\n{}\n--- html\n{}\n",
                    out.subject, out.text, out.html
                ));
            }
            let path = dir.join(format!("{locale}.txt"));
            if std::env::var("UPDATE_GOLDEN").is_ok() {
                std::fs::create_dir_all(&dir).expect("golden folder");
                std::fs::write(&path, &all).expect("write golden");
                continue;
            }
            let golden = std::fs::read_to_string(&path).unwrap_or_default();
            if golden != all {
                let first = golden
                    .lines()
                    .zip(all.lines())
                    .position(|(a, b)| a != b)
                    .unwrap_or_else(|| golden.lines().count().min(all.lines().count()));
                panic!(
                    "{}: the emails differ from the golden copy from line {} \
                     (run with UPDATE_GOLDEN=1 after a deliberate change):\n  golden: {:?}\n  now:    {:?}",
                    path.display(),
                    first + 1,
                    golden.lines().nth(first),
                    all.lines().nth(first)
                );
            }
        }
    }

    #[test]
    fn every_line_of_an_arabic_text_email_reads_right_to_left_and_other_languages_are_untouched() {
        let r = Renderer::get().expect("templates compile");
        for kind in NoticeKind::all() {
            let ar = r.render(&letter(kind, Locale::Ar)).expect("renders");
            for line in ar
                .text
                .lines()
                .filter(|l| !l.trim().is_empty() && *l != "--")
            {
                // Indented lines are codes and instants to copy as they are.
                let indented = line.starts_with(' ');
                assert_eq!(line.starts_with('\u{200f}'), !indented, "{kind}: {line:?}");
            }
            let en = r.render(&letter(kind, Locale::En)).expect("renders");
            assert!(!en.text.contains('\u{200f}'), "{kind}");
        }
    }

    #[test]
    fn dates_are_shown_in_the_recipients_zone_with_its_name_and_in_utc() {
        let r = Renderer::get().expect("templates compile");
        let out = r
            .render(&letter(NoticeKind::Reminder, Locale::En))
            .expect("renders");
        // 17:00 UTC is 06:00 the next morning in Tonga.
        assert!(
            out.text.contains("3 December 2026, 06:00 +13"),
            "{}",
            out.text
        );
        assert!(out.text.contains("Pacific/Tongatapu"));
        assert!(out.text.contains("2026-12-02 17:00 UTC"));
        assert!(out.text.contains("the formal response"));
        assert!(out.text.contains("2 working day"));
    }

    #[test]
    fn html_escapes_what_people_typed_and_text_keeps_it_verbatim() {
        let r = Renderer::get().expect("templates compile");
        let out = r
            .render(&letter(
                NoticeKind::Action(crate::models::cases::CaseAction::SubmitResponse),
                Locale::En,
            ))
            .expect("renders");
        assert!(
            out.html
                .contains("Agenda item &lt;b&gt;dropped&lt;&#x2F;b&gt;")
                || out.html.contains("Agenda item &lt;b&gt;dropped&lt;/b&gt;"),
            "{}",
            out.html
        );
        assert!(!out.html.contains("<script>"));
        assert!(out.text.contains("Agenda item <b>dropped</b>"));
    }

    #[test]
    fn french_and_spanish_emails_are_in_french_and_spanish() {
        let r = Renderer::get().expect("templates compile");
        let fr = r
            .render(&letter(NoticeKind::Breach, Locale::Fr))
            .expect("renders");
        let es = r
            .render(&letter(NoticeKind::Breach, Locale::Es))
            .expect("renders");
        let en = r
            .render(&letter(NoticeKind::Breach, Locale::En))
            .expect("renders");
        assert_ne!(fr.subject, en.subject);
        assert_ne!(es.subject, en.subject);
        assert_ne!(fr.text, es.text);
    }
}
