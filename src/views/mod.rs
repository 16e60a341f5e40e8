//! Typed response bodies. Views format what models loaded (labels, dates in the viewer's
//! zone, days left); they never query or decide.
pub mod admin_log;
pub mod calendar;
pub mod cases;
pub mod charts;
pub mod documents;
pub mod i18n;
pub mod mediators;
pub mod messages;
pub mod metrics;
pub mod people;
pub mod problems;

use chrono::{DateTime, FixedOffset, SecondsFormat, Utc};
use serde::Serialize;

/// The time of day and the zone: `18:00 CET`; where the zone has no abbreviation of its own
/// (the database gives `+12`), its offset from UTC and the place that names it: `05:00
/// UTC+12 (Fiji)`, so nobody is left to guess whose clock `+12` is.
#[must_use]
pub fn time_in(local: DateTime<chrono_tz::Tz>, zone: chrono_tz::Tz) -> String {
    let mut out = String::with_capacity(24);
    write_time(&mut out, local, zone);
    out
}

/// [`time_in`], written at the end of `out`: a list shows hundreds of instants, each
/// written once into its own string.
fn write_time(out: &mut String, local: DateTime<chrono_tz::Tz>, zone: chrono_tz::Tz) {
    use chrono::{Offset, Timelike};
    use chrono_tz::OffsetName;
    use std::fmt::Write;
    let _ = write!(out, "{:02}:{:02} ", local.hour(), local.minute());
    match local.offset().abbreviation() {
        Some(abbreviation) => out.push_str(abbreviation),
        None => {
            let seconds = local.offset().fix().local_minus_utc();
            let sign = if seconds < 0 { '-' } else { '+' };
            let (hours, minutes) = (seconds.abs() / 3600, seconds.abs() % 3600 / 60);
            let _ = if minutes == 0 {
                write!(out, "UTC{sign}{hours:02}")
            } else {
                write!(out, "UTC{sign}{hours:02}:{minutes:02}")
            };
            // `Etc/GMT+5` names no place, and its sign reads the other way round.
            if !zone.name().starts_with("Etc/") {
                let place = zone.name().rsplit('/').next().unwrap_or_default();
                out.push_str(" (");
                out.extend(place.chars().map(|c| if c == '_' { ' ' } else { c }));
                out.push(')');
            }
        }
    }
}

/// `2026-03-04 18:00 CET`: the day as ISO 8601 writes it, for the API and for copying.
fn shown(local: DateTime<chrono_tz::Tz>, zone: chrono_tz::Tz) -> String {
    use chrono::Datelike;
    use std::fmt::Write;
    let mut out = String::with_capacity(32);
    let _ = write!(
        out,
        "{:04}-{:02}-{:02} ",
        local.year(),
        local.month(),
        local.day()
    );
    write_time(&mut out, local, zone);
    out
}

/// An instant shown twice: in UTC and in the viewer's own zone.
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct Instant {
    pub utc: String,
    pub local: String,
    pub zone: &'static str,
    /// For reading: `2026-03-04 18:00 CET`, in the viewer's zone. Pages and emails say it in
    /// the reader's language instead ([`Instant::words`]).
    pub shown: String,
    #[serde(skip)]
    at: DateTime<Utc>,
    #[serde(skip)]
    tz: chrono_tz::Tz,
}

impl Instant {
    #[must_use]
    pub fn new(at: DateTime<Utc>, zone: chrono_tz::Tz) -> Self {
        let local = at.with_timezone(&zone);
        Self {
            utc: at.to_rfc3339_opts(SecondsFormat::Secs, true),
            local: local.to_rfc3339_opts(SecondsFormat::Secs, false),
            zone: zone.name(),
            shown: shown(local, zone),
            at,
            tz: zone,
        }
    }

    /// The instant in `locale`'s words, in the viewer's zone: `4 March 2026, 18:00 CET`,
    /// `4 mars 2026, 18:00 CET`, `2026年3月4日 18:00 CET`.
    #[must_use]
    pub fn words(&self, locale: crate::models::vocabulary::Locale) -> String {
        i18n::when_in(locale, self.at, self.tz)
    }

    #[must_use]
    pub fn from_db(at: DateTime<FixedOffset>, zone: chrono_tz::Tz) -> Self {
        Self::new(at.to_utc(), zone)
    }

    #[must_use]
    pub fn opt(at: Option<DateTime<FixedOffset>>, zone: chrono_tz::Tz) -> Option<Self> {
        at.map(|a| Self::from_db(a, zone))
    }
}

/// One page of a list.
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct Page<T> {
    pub items: Vec<T>,
    pub page: u64,
    pub per_page: u64,
    pub total: u64,
}

#[cfg(test)]
mod tests {
    use chrono::TimeZone;

    use super::Instant;

    #[test]
    fn an_instant_reads_in_the_viewers_zone_with_its_abbreviation() {
        let at = chrono::Utc.with_ymd_and_hms(2026, 3, 4, 17, 0, 0).unwrap();
        let shown = Instant::new(at, chrono_tz::Europe::Zurich);
        assert_eq!(shown.shown, "2026-03-04 18:00 CET");
        assert_eq!(shown.local, "2026-03-04T18:00:00+01:00");
        assert_eq!(shown.utc, "2026-03-04T17:00:00Z");
    }

    #[test]
    fn a_zone_without_an_abbreviation_is_named_by_its_offset_and_place() {
        let at = chrono::Utc.with_ymd_and_hms(2026, 12, 3, 17, 0, 0).unwrap();
        assert_eq!(
            Instant::new(at, chrono_tz::Pacific::Fiji).shown,
            "2026-12-04 05:00 UTC+12 (Fiji)"
        );
        assert_eq!(
            Instant::new(at, chrono_tz::Asia::Kathmandu).shown,
            "2026-12-03 22:45 UTC+05:45 (Kathmandu)"
        );
        assert_eq!(
            Instant::new(at, chrono_tz::Etc::GMTPlus5).shown,
            "2026-12-03 12:00 UTC-05"
        );
        assert_eq!(
            Instant::new(at, chrono_tz::America::Argentina::Buenos_Aires).shown,
            "2026-12-03 14:00 UTC-03 (Buenos Aires)"
        );
        let summer = chrono::Utc.with_ymd_and_hms(2026, 7, 4, 17, 0, 0).unwrap();
        assert_eq!(
            Instant::new(summer, chrono_tz::America::New_York).shown,
            "2026-07-04 13:00 EDT"
        );
    }
}
