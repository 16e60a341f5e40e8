//! Domain policy read from the `settings:` block of the environment's config, parsed once at
//! boot (`App::after_context`) so a bad policy stops the app before it serves a request.
use std::{collections::BTreeMap, sync::Arc};

use chrono::{DateTime, NaiveTime, Utc, Weekday};
use loco_rs::app::AppContext;
use serde::Deserialize;

use crate::models::{
    deadlines::calendar::DayUnit,
    inbound::token::{IntakeAddress, ReplyKey},
    vocabulary::{Category, DeadlineKind, Urgency},
};
pub use crate::models::{documents::DocumentLimits, sign_in_failures::SignInPolicy};

/// One redress clock's length: the unit and the number of days, with a tighter figure for
/// urgent cases.
#[derive(Clone, Copy, Debug, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct Timeline {
    pub unit: DayUnit,
    pub days: u32,
    pub urgent_days: u32,
}

/// A category may shorten or lengthen some clocks (speaking-time denials must be answered
/// before the session ends, for example).
#[derive(Clone, Copy, Debug, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct TimelineOverride {
    pub days: Option<u32>,
    pub urgent_days: Option<u32>,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CalendarSettings {
    /// The organization's home zone (IANA), in which working days and business hours count.
    pub zone: chrono_tz::Tz,
    pub weekend: Vec<Weekday>,
    /// Local time at which a deadline falls due on its last day.
    pub business_day_end: NaiveTime,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SpecialAndDifferential {
    /// Extra working days added to a clock whose acting party is an LDC or SIDS delegation.
    pub extra_working_days: u32,
}

/// When reminders go out and how the outbox is drained (DESIGN §5).
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NoticeSettings {
    /// Reminders before a deadline, in working days of the organization's calendar.
    pub reminder_leads_working_days: Vec<u32>,
    /// Reminders reach each person at this hour of their own morning.
    pub morning_hour: u32,
    /// A missed obligation escalates to oversight this many working days after it fell due.
    pub escalate_after_working_days: u32,
    pub delivery: DeliverySettings,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DeliverySettings {
    /// The sender of every notice, as an RFC 5322 mailbox.
    pub from: String,
    /// Attempts before a notice is marked failed and flagged.
    pub max_attempts: u32,
    /// The wait after the first failed attempt; it doubles with each further failure.
    pub backoff_base_seconds: u32,
    pub backoff_max_seconds: u32,
    /// How long a claimed row stays reserved for the process that claimed it. A process
    /// that dies mid-send releases its rows when the lease runs out.
    pub lease_seconds: u32,
    /// Rows claimed per round.
    pub batch: u32,
    /// Messages in flight at once over the pooled SMTP connections.
    pub concurrency: u32,
}

/// How mediators are chosen and challenged.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AssignmentSettings {
    /// Also exclude mediators from the same UN regional group as any party.
    pub exclude_same_regional_group: bool,
    /// Working days after an assignment during which a party may challenge the mediator.
    pub challenge_window_working_days: u32,
    /// The capacity (open cases) a newly accredited mediator starts with.
    pub default_capacity: u32,
}

/// When a difference between groups of states is worth flagging to oversight.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OversightSettings {
    /// Groups (and the rest they are compared with) need at least this many cases for a
    /// figure to be judged; smaller groups are shown but never flagged.
    pub disparity_min_cases: u64,
    /// Flag a group whose dismissal rate differs from the rest's by more than this many
    /// percentage points.
    pub dismissal_rate_margin_points: f64,
    /// Flag a group whose median time to closure differs from the rest's by more than this
    /// many working days.
    pub closure_median_margin_working_days: i64,
    /// Flag a group whose translations took, at the median, more than this many working
    /// days longer or shorter than the rest's.
    pub translation_median_margin_working_days: i64,
    /// The largest review sample one draw may take.
    pub sample_max: u32,
}

#[derive(Clone, Debug)]
pub struct Settings {
    pub calendar: CalendarSettings,
    pub special_and_differential: SpecialAndDifferential,
    pub timelines: BTreeMap<DeadlineKind, Timeline>,
    pub category_overrides: BTreeMap<Category, BTreeMap<DeadlineKind, TimelineOverride>>,
    /// Upper bound on one extension, in the clock's own unit.
    pub max_extension_days: u32,
    /// Minutes a password-reset token stays valid.
    pub reset_token_minutes: i64,
    /// Base URL used in links that leave the app (emails, calendar feeds).
    pub public_base_url: String,
    pub notices: NoticeSettings,
    pub assignment: AssignmentSettings,
    pub oversight: OversightSettings,
    pub sign_in: SignInPolicy,
    /// How much a case file takes.
    pub documents: DocumentLimits,
    /// Where the app's clock starts, for test environments: every test then runs at this
    /// instant whatever the day. Refused at boot in production.
    pub clock_starts_at: Option<DateTime<Utc>>,
    /// The registry's mailbox that mail reaches Redress at (`intake.address`); without
    /// it, notices carry no reply address and nothing is read.
    pub intake: Option<IntakeAddress>,
    /// The registry's mailbox, polled over IMAP (`intake.imap`); without it, mail reaches
    /// Redress only through the mail server's pipe.
    pub mailbox: Option<MailboxSettings>,
    /// The key reply addresses are signed with: set at boot from the app's signing secret
    /// ([`Settings::sign_replies_with`]), never written in the settings.
    reply_key: Option<ReplyKey>,
}

/// The host part of the public URL, for calendar UIDs and our Message-IDs.
#[must_use]
pub fn host_of(base_url: &str) -> &str {
    let rest = base_url.split("://").nth(1).unwrap_or(base_url);
    let host = rest.split(['/', ':']).next().unwrap_or(rest);
    if host.is_empty() {
        "redress.invalid"
    } else {
        host
    }
}

/// `settings.intake`, as written.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawIntake {
    /// Empty (as an unset environment variable leaves it) means no intake.
    #[serde(default)]
    address: String,
    #[serde(default)]
    imap: Option<MailboxSettings>,
}

/// The registry's mailbox, as `settings.intake.imap` gives it: where the poller logs in,
/// the folder it reads, and the folder a message moves to once kept (never deleted).
#[derive(Clone, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct MailboxSettings {
    /// Empty (as an unset environment variable leaves it) means no mailbox.
    #[serde(default)]
    pub host: String,
    #[serde(default = "MailboxSettings::default_port")]
    pub port: u16,
    /// Implicit TLS (IMAPS, port 993), verified against the public roots. Off only for a
    /// server on this machine's loopback.
    #[serde(default = "MailboxSettings::default_tls")]
    pub tls: bool,
    #[serde(default)]
    pub user: String,
    #[serde(default)]
    pub password: String,
    #[serde(default = "MailboxSettings::default_folder")]
    pub folder: String,
    #[serde(default = "MailboxSettings::default_taken_folder")]
    pub taken_folder: String,
    /// How long one IDLE waits before the poller looks again by itself; servers end an
    /// IDLE after 30 minutes (RFC 2177).
    #[serde(default = "MailboxSettings::default_idle_minutes")]
    pub idle_minutes: u64,
    /// Between passes, where the server offers no IDLE.
    #[serde(default = "MailboxSettings::default_poll_seconds")]
    pub poll_seconds: u64,
}

impl std::fmt::Debug for MailboxSettings {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("MailboxSettings")
            .field("host", &self.host)
            .field("port", &self.port)
            .field("tls", &self.tls)
            .field("user", &self.user)
            .field("folder", &self.folder)
            .field("taken_folder", &self.taken_folder)
            .finish_non_exhaustive()
    }
}

impl MailboxSettings {
    const fn default_port() -> u16 {
        993
    }
    const fn default_tls() -> bool {
        true
    }
    fn default_folder() -> String {
        "INBOX".into()
    }
    fn default_taken_folder() -> String {
        "Redress".into()
    }
    const fn default_idle_minutes() -> u64 {
        25
    }
    const fn default_poll_seconds() -> u64 {
        60
    }

    /// Whether the mailbox can be polled as written.
    ///
    /// # Errors
    /// A missing user or password, port 0, one folder for both, an IDLE over 29 minutes.
    pub fn check(&self) -> Result<(), String> {
        let blank = |s: &str| s.trim().is_empty();
        if blank(&self.user) || blank(&self.password) {
            return Err("intake.imap: a host needs a user and a password".into());
        }
        if self.port == 0 {
            return Err("intake.imap.port: 0 is no port".into());
        }
        if blank(&self.folder) || blank(&self.taken_folder) || self.folder == self.taken_folder {
            return Err("intake.imap: folder and taken_folder must be named, and differ".into());
        }
        if !(1..=29).contains(&self.idle_minutes) || self.poll_seconds == 0 {
            return Err("intake.imap: idle_minutes is 1 to 29, poll_seconds at least 1".into());
        }
        Ok(())
    }
}

/// The block as written: map keys stay strings while parsing so that an error's path names
/// the clock or category it is about; they become domain types afterwards.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Raw {
    calendar: CalendarSettings,
    special_and_differential: SpecialAndDifferential,
    timelines: BTreeMap<String, Timeline>,
    #[serde(default)]
    category_overrides: BTreeMap<String, BTreeMap<String, TimelineOverride>>,
    max_extension_days: u32,
    reset_token_minutes: i64,
    public_base_url: String,
    notices: NoticeSettings,
    assignment: AssignmentSettings,
    oversight: OversightSettings,
    #[serde(default)]
    sign_in: SignInPolicy,
    #[serde(default)]
    documents: DocumentLimits,
    #[serde(default)]
    clock_starts_at: Option<DateTime<Utc>>,
    #[serde(default)]
    intake: Option<RawIntake>,
}

fn keyed<K: std::str::FromStr + Ord, V>(
    raw: BTreeMap<String, V>,
    path: &str,
    what: &str,
) -> Result<BTreeMap<K, V>, SettingsError> {
    raw.into_iter()
        .map(|(k, v)| {
            k.parse::<K>()
                .map(|key| (key, v))
                .map_err(|_| SettingsError::Invalid(format!("{path}.{k}: unknown {what}")))
        })
        .collect()
}

#[derive(Debug, thiserror::Error)]
pub enum SettingsError {
    #[error("the config has no `settings:` block")]
    Missing,
    #[error("invalid `settings:` block: {0}")]
    Invalid(String),
}

impl Settings {
    /// Parses and checks the policy: every deadline kind needs a timeline, and urgent
    /// timelines may not be longer than ordinary ones.
    ///
    /// # Errors
    /// When the block is missing, malformed, or incomplete.
    pub fn from_value(value: Option<&serde_json::Value>) -> Result<Self, SettingsError> {
        let value = value.ok_or(SettingsError::Missing)?;
        let raw: Raw = serde_path_to_error::deserialize(value)
            .map_err(|e| SettingsError::Invalid(format!("{}: {}", e.path(), e.inner())))?;
        let mut category_overrides = BTreeMap::new();
        for (category, clocks) in raw.category_overrides {
            let path = format!("category_overrides.{category}");
            let c: Category = category
                .parse()
                .map_err(|_| SettingsError::Invalid(format!("{path}: unknown category")))?;
            category_overrides.insert(c, keyed(clocks, &path, "clock")?);
        }
        let settings = Self {
            calendar: raw.calendar,
            special_and_differential: raw.special_and_differential,
            timelines: keyed(raw.timelines, "timelines", "clock")?,
            category_overrides,
            max_extension_days: raw.max_extension_days,
            reset_token_minutes: raw.reset_token_minutes,
            public_base_url: raw.public_base_url.trim_end_matches('/').to_string(),
            notices: raw.notices,
            assignment: raw.assignment,
            oversight: raw.oversight,
            sign_in: raw.sign_in,
            documents: raw.documents,
            clock_starts_at: raw.clock_starts_at,
            mailbox: raw
                .intake
                .as_ref()
                .and_then(|i| i.imap.clone())
                .filter(|m| !m.host.trim().is_empty()),
            intake: raw
                .intake
                .filter(|i| !i.address.trim().is_empty())
                .map(|i| IntakeAddress::parse(&i.address))
                .transpose()
                .map_err(|e| SettingsError::Invalid(format!("intake.address: {e}")))?,
            reply_key: None,
        };
        settings.documents.check().map_err(SettingsError::Invalid)?;
        if let Some(mailbox) = &settings.mailbox {
            if settings.intake.is_none() {
                return Err(SettingsError::Invalid(
                    "intake.imap: a mailbox needs intake.address, the address it receives".into(),
                ));
            }
            mailbox.check().map_err(SettingsError::Invalid)?;
        }
        let s = &settings.sign_in;
        if s.max_failures < 1 || s.window_minutes < 1 || s.lockout_minutes < 1 {
            return Err(SettingsError::Invalid(
                "sign_in: max_failures, window_minutes and lockout_minutes must be at least 1"
                    .into(),
            ));
        }
        let o = &settings.oversight;
        if o.disparity_min_cases == 0 || o.sample_max == 0 {
            return Err(SettingsError::Invalid(
                "oversight: disparity_min_cases and sample_max must be at least 1".into(),
            ));
        }
        if !(o.dismissal_rate_margin_points > 0.0 && o.dismissal_rate_margin_points < 100.0)
            || o.closure_median_margin_working_days < 1
            || o.translation_median_margin_working_days < 1
        {
            return Err(SettingsError::Invalid(
                "oversight: the margins must be positive (and a rate margin under 100 points)"
                    .into(),
            ));
        }
        settings.check_notices()?;
        if settings.assignment.challenge_window_working_days == 0 {
            return Err(SettingsError::Invalid(
                "assignment.challenge_window_working_days: must be at least 1".into(),
            ));
        }
        if !(1..=1000).contains(&settings.assignment.default_capacity) {
            return Err(SettingsError::Invalid(
                "assignment.default_capacity: must be between 1 and 1000".into(),
            ));
        }
        for kind in <DeadlineKind as strum::IntoEnumIterator>::iter() {
            let Some(t) = settings.timelines.get(&kind) else {
                return Err(SettingsError::Invalid(format!("timelines.{kind}: missing")));
            };
            if t.urgent_days > t.days {
                return Err(SettingsError::Invalid(format!(
                    "timelines.{kind}: urgent_days ({}) exceeds days ({})",
                    t.urgent_days, t.days
                )));
            }
        }
        if settings.calendar.weekend.len() >= 7 {
            return Err(SettingsError::Invalid(
                "calendar.weekend: leaves no working day".into(),
            ));
        }
        Ok(settings)
    }

    /// Where a case is read, for links in emails and calendar entries.
    #[must_use]
    pub fn case_url(&self, case_pid: uuid::Uuid) -> String {
        format!("{}/cases/{case_pid}", self.public_base_url)
    }

    /// Where the public register proves that the event `hash` is in the digest of `day`.
    #[must_use]
    pub fn inclusion_url(&self, day: &str, hash: &str) -> String {
        format!(
            "{}/api/register/digests/{day}/events/{hash}",
            self.public_base_url
        )
    }

    /// The page where the emailed reset code is entered, the code filled in.
    #[must_use]
    pub fn reset_url(&self, token: &str) -> String {
        format!("{}/password/reset?token={token}", self.public_base_url)
    }

    fn check_notices(&self) -> Result<(), SettingsError> {
        let n = &self.notices;
        let bad =
            |path: &str, why: &str| Err(SettingsError::Invalid(format!("notices.{path}: {why}")));
        if n.reminder_leads_working_days.contains(&0) {
            return bad(
                "reminder_leads_working_days",
                "a lead of 0 days is the due-day reminder, which is always sent",
            );
        }
        if n.morning_hour > 23 {
            return bad("morning_hour", "must be an hour of the day (0-23)");
        }
        if n.escalate_after_working_days == 0 {
            return bad("escalate_after_working_days", "must be at least 1");
        }
        let d = &n.delivery;
        if d.from.parse::<lettre::message::Mailbox>().is_err() {
            return bad(
                "delivery.from",
                "is not a mailbox such as `Redress <redress@example.org>`",
            );
        }
        if d.max_attempts == 0 || d.batch == 0 || d.concurrency == 0 || d.lease_seconds == 0 {
            return bad(
                "delivery",
                "max_attempts, batch, concurrency and lease_seconds must be at least 1",
            );
        }
        if d.backoff_base_seconds > d.backoff_max_seconds {
            return bad(
                "delivery.backoff_base_seconds",
                "exceeds backoff_max_seconds",
            );
        }
        Ok(())
    }

    /// The clock length that applies to a deadline of `kind` in a case of `category` and
    /// `urgency`, before extra days and extensions.
    #[must_use]
    pub fn timeline(
        &self,
        kind: DeadlineKind,
        category: Category,
        urgency: Urgency,
    ) -> (DayUnit, u32) {
        let Some(base) = self.timelines.get(&kind).copied() else {
            // from_value guarantees every kind; this arm keeps the lookup total.
            return (DayUnit::Working, 0);
        };
        let over = self
            .category_overrides
            .get(&category)
            .and_then(|m| m.get(&kind))
            .copied();
        let days = match urgency {
            Urgency::Urgent => over.and_then(|o| o.urgent_days).unwrap_or(base.urgent_days),
            Urgency::Normal => over.and_then(|o| o.days).unwrap_or(base.days),
        };
        (base.unit, days)
    }

    /// Gives reply addresses a key, derived from the app's signing `secret`.
    #[must_use]
    pub fn sign_replies_with(mut self, secret: &str) -> Self {
        self.reply_key = Some(ReplyKey::derive(secret));
        self
    }

    /// The address a reply to notice `notice_id` goes to: the intake address with the
    /// notice's signed token; `None` where the deployment reads no mail.
    #[must_use]
    pub fn reply_address(&self, notice_id: i64) -> Option<String> {
        Some(
            self.intake
                .as_ref()?
                .for_notice(self.reply_key.as_ref()?, notice_id),
        )
    }

    /// The host our Message-IDs and calendar UIDs end in.
    #[must_use]
    pub fn public_host(&self) -> &str {
        host_of(&self.public_base_url)
    }

    /// The key reply addresses are checked with.
    #[must_use]
    pub const fn reply_key(&self) -> Option<&ReplyKey> {
        self.reply_key.as_ref()
    }

    /// The settings stored in the app context at boot.
    ///
    /// # Errors
    /// When the app was booted without them (a wiring bug, reported rather than panicking).
    pub fn of(ctx: &AppContext) -> loco_rs::Result<Arc<Self>> {
        ctx.shared_store
            .get::<Arc<Self>>()
            .ok_or_else(|| loco_rs::Error::Message("settings were not loaded at boot".into()))
    }
}

/// The settings as the configuration writes them: the administrative chain records the
/// policy in force in these words. They live in the app's shared store, not in the
/// framework's configuration, which the router copies for every request it routes.
#[derive(Debug)]
pub struct Written(pub serde_json::Value);

impl Written {
    /// The written settings stored in the app context at boot.
    ///
    /// # Errors
    /// When the app was booted without them (a wiring bug, reported rather than panicking).
    pub fn of(ctx: &AppContext) -> loco_rs::Result<Arc<Self>> {
        ctx.shared_store
            .get::<Arc<Self>>()
            .ok_or_else(|| loco_rs::Error::Message("settings were not loaded at boot".into()))
    }
}
