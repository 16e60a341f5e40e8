//! Emails for outbox notices: one template folder per kind (`<kind>/<locale>/subject.t`,
//! `text.t`, `html.t`) over a layout per language, with the words for statuses, clocks and
//! parties in `_words/<locale>.json`. Templates are compiled into the binary; HTML is
//! autoescaped, so a case title can never inject markup.
use std::{collections::HashMap, sync::LazyLock};

use chrono::{DateTime, Utc};
use include_dir::{include_dir, Dir};
use serde::{Deserialize, Serialize};

use crate::{
    errors::{AppError, AppResult},
    models::vocabulary::{DeadlineKind, Locale, Party},
    views::calendar::DeadlineEntry,
};

static TEMPLATES: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/src/mailers/notices");

/// Every kind of notice the system sends.
pub const KINDS: &[&str] = &[
    "case_filed",
    "register",
    "declare_eligible",
    "dismiss",
    "assign_mediator",
    "request_response",
    "submit_response",
    "accept_response",
    "contest_response",
    "record_settlement",
    "escalate",
    "record_decision",
    "appeal",
    "start_monitoring",
    "close",
    "withdraw",
    "place_hold",
    "lift_hold",
    "request_information",
    "provide_information",
    "request_extension",
    "decide_extension",
    "challenge_mediator",
    "decide_challenge",
    "recuse_mediator",
    "assignment_blocked",
    "assignment_override",
    "password_reset",
    "reminder",
    "breach",
    "escalation",
];

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Words {
    status: HashMap<String, String>,
    clock: HashMap<String, String>,
    party: HashMap<String, String>,
    date_format: String,
    utc_format: String,
}

/// The compiled templates and word lists.
pub struct Renderer {
    tera: tera::Tera,
    words: HashMap<String, Words>,
}

static RENDERER: LazyLock<Result<Renderer, String>> = LazyLock::new(Renderer::load);

fn walk<'a>(dir: &'a Dir<'a>, out: &mut Vec<&'a include_dir::File<'a>>) {
    out.extend(dir.files());
    for d in dir.dirs() {
        walk(d, out);
    }
}

impl Renderer {
    /// The renderer built from the embedded templates, once per process.
    ///
    /// # Errors
    /// When a template does not compile (caught by the test that renders every kind).
    pub fn get() -> AppResult<&'static Self> {
        RENDERER
            .as_ref()
            .map_err(|e| AppError::Internal(format!("email templates: {e}")))
    }

    fn load() -> Result<Self, String> {
        let mut files = Vec::new();
        walk(&TEMPLATES, &mut files);
        let mut tera = tera::Tera::new();
        tera.autoescape_on(vec!["html.t"]);
        let mut words = HashMap::new();
        let mut templates = Vec::new();
        for f in files {
            let path = f.path().to_string_lossy().replace('\\', "/");
            let text = f
                .contents_utf8()
                .ok_or_else(|| format!("{path}: not UTF-8"))?;
            if let Some(locale) = path
                .strip_prefix("_words/")
                .and_then(|p| p.strip_suffix(".json"))
            {
                let w: Words = serde_json::from_str(text).map_err(|e| format!("{path}: {e}"))?;
                words.insert(locale.to_string(), w);
            } else if path.ends_with(".t") {
                templates.push((path, text));
            }
        }
        tera.add_raw_templates(templates)
            .map_err(|e| e.to_string())?;
        Ok(Self { tera, words })
    }

    fn words(&self, locale: Locale) -> AppResult<&Words> {
        self.words
            .get(locale.as_ref())
            .or_else(|| self.words.get("en"))
            .ok_or_else(|| AppError::Internal("email words: no English list".into()))
    }

    /// The words for a clock and its acting party, in `locale`.
    ///
    /// # Errors
    /// When the word lists are missing.
    pub fn clock_words(
        &self,
        locale: Locale,
        kind: DeadlineKind,
        party: Party,
    ) -> AppResult<(String, String)> {
        let w = self.words(locale)?;
        Ok((
            w.clock
                .get(kind.as_ref())
                .cloned()
                .unwrap_or_else(|| kind.to_string()),
            w.party
                .get(party.as_ref())
                .cloned()
                .unwrap_or_else(|| party.to_string()),
        ))
    }

    /// Renders one email.
    ///
    /// # Errors
    /// An unknown kind, or a template that fails to render.
    pub fn render(&self, letter: &Letter) -> AppResult<Rendered> {
        if !KINDS.contains(&letter.kind.as_str()) {
            return Err(AppError::Internal(format!(
                "no email template for `{}`",
                letter.kind
            )));
        }
        let w = self.words(letter.locale)?;
        let zone = letter.zone;
        let deadline = letter.deadline.as_ref().map(|d| {
            let (meaning, party) = (
                w.clock
                    .get(d.kind.as_ref())
                    .cloned()
                    .unwrap_or_else(|| d.kind.to_string()),
                w.party
                    .get(d.party.as_ref())
                    .cloned()
                    .unwrap_or_else(|| d.party.to_string()),
            );
            DeadlineView {
                meaning,
                party,
                due_local: d
                    .due_at
                    .with_timezone(&zone)
                    .format(&w.date_format)
                    .to_string(),
                due_utc: d.due_at.format(&w.utc_format).to_string(),
                zone: zone.name().to_string(),
                working_days_left: d.working_days_left,
            }
        });
        let case = letter.case.as_ref().map(|c| CaseView {
            reference: c.reference.clone(),
            title: c.title.clone(),
            status: w
                .status
                .get(&c.status)
                .cloned()
                .unwrap_or_else(|| c.status.clone()),
            complainant: c.complainant.clone(),
        });
        let context = Context {
            recipient: RecipientView {
                name: letter.recipient_name.clone(),
                zone: zone.name().to_string(),
            },
            case,
            deadline,
            stage: letter.stage.clone().map(|key| StageView { key }),
            reset: letter.reset.clone(),
            link: letter.link.clone(),
        };
        let ctx = tera::Context::from_serialize(&context)
            .map_err(|e| AppError::Internal(format!("email context: {e}")))?;
        let locale = if self
            .tera
            .contains_template(&format!("{}/{}/subject.t", letter.kind, letter.locale))
        {
            letter.locale.to_string()
        } else {
            "en".to_string()
        };
        let render = |part: &str| {
            self.tera
                .render(&format!("{}/{locale}/{part}", letter.kind), &ctx)
                .map_err(|e| {
                    AppError::Internal(format!("email {}/{locale}/{part}: {e}", letter.kind))
                })
        };
        Ok(Rendered {
            subject: render("subject.t")?.trim().replace(['\r', '\n'], " "),
            text: render("text.t")?,
            html: render("html.t")?,
        })
    }
}

/// What an email is about, gathered by delivery from the database.
#[derive(Clone, Debug)]
pub struct Letter {
    pub kind: String,
    pub locale: Locale,
    pub recipient_name: String,
    pub zone: chrono_tz::Tz,
    pub case: Option<CaseFacts>,
    pub deadline: Option<DeadlineFacts>,
    /// The reminder stage (`lead5`, `due_day`, ...).
    pub stage: Option<String>,
    pub reset: Option<ResetView>,
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
}

impl DeadlineFacts {
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

/// A rendered email.
#[derive(Clone, Debug)]
pub struct Rendered {
    pub subject: String,
    pub text: String,
    pub html: String,
}

#[derive(Serialize)]
struct Context {
    recipient: RecipientView,
    case: Option<CaseView>,
    deadline: Option<DeadlineView>,
    stage: Option<StageView>,
    reset: Option<ResetView>,
    link: Option<String>,
}

#[derive(Serialize)]
struct RecipientView {
    name: String,
    zone: String,
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
}

#[derive(Serialize)]
struct StageView {
    key: String,
}

#[cfg(test)]
mod tests {
    use super::*;
    use strum::IntoEnumIterator;

    fn letter(kind: &str, locale: Locale) -> Letter {
        Letter {
            kind: kind.into(),
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
            }),
            stage: Some("lead2".into()),
            reset: Some(ResetView {
                token: "abc123".into(),
                minutes: 60,
                url: "http://localhost:5150/password/reset?token=abc123".into(),
            }),
            link: Some("http://localhost:5150/cases/x".into()),
        }
    }

    #[test]
    fn every_kind_renders_in_every_language() {
        let r = Renderer::get().expect("templates compile");
        for locale in Locale::iter() {
            for kind in KINDS {
                let out = r.render(&letter(kind, locale)).expect("renders");
                assert!(!out.subject.is_empty(), "{kind}/{locale}: empty subject");
                assert!(
                    !out.subject.contains('\n'),
                    "{kind}/{locale}: multi-line subject"
                );
                assert!(out.text.contains("Ana"), "{kind}/{locale}: no greeting");
                assert!(out.html.contains("<html"), "{kind}/{locale}: no html");
                if *kind != "password_reset" {
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
            for kind in KINDS {
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
    fn dates_are_shown_in_the_recipients_zone_with_its_name_and_in_utc() {
        let r = Renderer::get().expect("templates compile");
        let out = r.render(&letter("reminder", Locale::En)).expect("renders");
        // 17:00 UTC is 06:00 the next morning in Tonga.
        assert!(out.text.contains("2026-12-03 06:00 +13"), "{}", out.text);
        assert!(out.text.contains("Pacific/Tongatapu"));
        assert!(out.text.contains("2026-12-02 17:00 UTC"));
        assert!(out.text.contains("the formal response"));
        assert!(out.text.contains("2 working day"));
    }

    #[test]
    fn html_escapes_what_people_typed_and_text_keeps_it_verbatim() {
        let r = Renderer::get().expect("templates compile");
        let out = r
            .render(&letter("submit_response", Locale::En))
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
        let fr = r.render(&letter("breach", Locale::Fr)).expect("renders");
        let es = r.render(&letter("breach", Locale::Es)).expect("renders");
        let en = r.render(&letter("breach", Locale::En)).expect("renders");
        assert_ne!(fr.subject, en.subject);
        assert_ne!(es.subject, en.subject);
        assert_ne!(fr.text, es.text);
    }
}
