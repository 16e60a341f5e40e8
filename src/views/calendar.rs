//! Deadlines as iCalendar (RFC 5545): the attachment of deadline emails and the private
//! calendar feed. Each deadline keeps one UID for its whole life and a SEQUENCE that grows
//! with every change, so calendar clients move the event when the deadline moves instead
//! of adding a second one.
use chrono::{DateTime, Utc};
use icalendar::{Calendar, Component, EventLike, EventStatus};

/// One open deadline, with its words already in the reader's language.
#[derive(Clone, Debug)]
pub struct DeadlineEntry {
    pub id: i64,
    pub reference: String,
    pub title: String,
    /// What the deadline is for ("formal response from the respondent").
    pub meaning: String,
    /// Who must act.
    pub party: String,
    pub due_at: DateTime<Utc>,
    /// Last change to the deadline: the event's DTSTAMP and SEQUENCE.
    pub updated_at: DateTime<Utc>,
    pub url: String,
}

/// The UID of a deadline's event: stable across emails and feed refreshes.
#[must_use]
pub fn uid(id: i64, host: &str) -> String {
    format!("deadline-{id}@{host}")
}

pub use crate::settings::host_of;

/// A VCALENDAR holding one VEVENT per deadline, due at the instant it falls due (UTC).
#[must_use]
pub fn render(name: &str, entries: &[DeadlineEntry], base_url: &str) -> String {
    let host = host_of(base_url);
    let mut cal = Calendar::new();
    cal.name(name);
    cal.append_property(("METHOD", "PUBLISH"));
    for e in entries {
        // Each line of an entry is written as one line: a control character in a title (a
        // bare CR ends a content line for some readers) never reaches the file.
        let line = |s: &str| crate::models::text::one_line(s).into_owned();
        let summary = line(&format!("{} — {} ({})", e.reference, e.meaning, e.party));
        let description = [&e.title, &e.party, &e.url].map(|s| line(s)).join("\n");
        let event = icalendar::Event::new()
            .uid(&uid(e.id, host))
            .timestamp(e.updated_at)
            .sequence(u32::try_from(e.updated_at.timestamp()).unwrap_or(u32::MAX))
            .summary(&summary)
            .description(&description)
            .url(&e.url)
            .starts(e.due_at)
            .ends(e.due_at)
            .status(EventStatus::Confirmed)
            .done();
        cal.push(event);
    }
    cal.done().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(id: i64, due: &str) -> DeadlineEntry {
        DeadlineEntry {
            id,
            reference: "GR-2026-000001".into(),
            title: "Speaking slot withdrawn; a, b".into(),
            meaning: "formal response".into(),
            party: "respondent".into(),
            due_at: due.parse().expect("instant"),
            updated_at: "2026-11-28T10:00:00Z".parse().expect("instant"),
            url: "https://redress.example.org/cases/1".into(),
        }
    }

    #[test]
    fn a_deadline_becomes_one_event_with_a_stable_uid_at_its_utc_instant() {
        let ics = render(
            "Redress",
            &[entry(7, "2026-12-02T17:00:00Z")],
            "https://redress.example.org",
        );
        assert!(ics.starts_with("BEGIN:VCALENDAR\r\n"));
        assert!(ics.contains("VERSION:2.0\r\n"));
        assert!(ics.contains("METHOD:PUBLISH\r\n"));
        assert_eq!(ics.matches("BEGIN:VEVENT").count(), 1);
        assert!(ics.contains("UID:deadline-7@redress.example.org\r\n"));
        assert!(ics.contains("DTSTART:20261202T170000Z\r\n"));
        assert!(ics.contains("DTSTAMP:20261128T100000Z\r\n"));
        // Commas and semicolons in text are escaped, as RFC 5545 requires.
        assert!(ics.contains("Speaking slot withdrawn\\; a\\, b"));
        assert!(ics.trim_end().ends_with("END:VCALENDAR"));
    }

    #[test]
    fn a_control_character_in_a_title_never_reaches_the_file() {
        let mut e = entry(8, "2026-12-02T17:00:00Z");
        e.title = "Slot\rcut\r\nBEGIN:VEVENT\0".into();
        let ics = render("Redress", &[e], "https://redress.example.org");
        let events = ics
            .split("\r\n")
            .filter(|l| l.starts_with("BEGIN:VEVENT"))
            .count();
        assert_eq!(events, 1, "{ics}");
        assert!(!ics.contains('\0'));
        for line in ics.split("\r\n") {
            assert!(!line.contains('\r') && !line.contains('\n'), "{line:?}");
        }
    }

    #[test]
    fn the_host_in_the_uid_comes_from_the_public_url() {
        assert_eq!(host_of("http://localhost:5150"), "localhost");
        assert_eq!(
            host_of("https://redress.example.org/app"),
            "redress.example.org"
        );
    }
}
