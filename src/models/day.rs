//! A calendar day as every input path accepts it (bodies, query strings, forms): written
//! YYYY-MM-DD, in the years 1900 to 2999. Chrono takes years up to ±262,142, where adding a
//! single day overflows; no grievance, report or holiday is about such a day, so the edge
//! refuses it with words a person can act on, and nothing after it can overflow.
use std::fmt;

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Deserializer, Serialize};

pub const FIRST_YEAR: i32 = 1900;
pub const LAST_YEAR: i32 = 2999;

/// A day between 1 January [`FIRST_YEAR`] and 31 December [`LAST_YEAR`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, utoipa::ToSchema)]
#[serde(transparent)]
#[schema(value_type = String, format = Date, example = "2026-03-14")]
pub struct Day(NaiveDate);

impl Day {
    /// `date`, when it lies within the years accepted.
    #[must_use]
    pub fn new(date: NaiveDate) -> Option<Self> {
        (FIRST_YEAR..=LAST_YEAR)
            .contains(&date.year())
            .then_some(Self(date))
    }

    #[must_use]
    pub const fn date(self) -> NaiveDate {
        self.0
    }

    /// Reads `raw`, saying what is wrong and what is expected when it is not a day.
    ///
    /// # Errors
    /// A message for the person who wrote it.
    pub fn parse(raw: &str) -> Result<Self, String> {
        let raw = raw.trim();
        let shaped = raw.len() == 10
            && raw.bytes().enumerate().all(|(i, b)| match i {
                4 | 7 => b == b'-',
                _ => b.is_ascii_digit(),
            });
        if !shaped {
            return Err(format!(
                "`{raw}` is not a date: write it as YYYY-MM-DD, such as 2026-03-14"
            ));
        }
        let date = NaiveDate::parse_from_str(raw, "%Y-%m-%d").map_err(|_| {
            format!(
                "`{raw}` is not a day of the calendar: check the month and the day (YYYY-MM-DD)"
            )
        })?;
        Self::new(date).ok_or_else(|| {
            format!(
                "`{raw}` is out of range: the year must be between {FIRST_YEAR} and {LAST_YEAR}"
            )
        })
    }
}

impl From<Day> for NaiveDate {
    fn from(d: Day) -> Self {
        d.0
    }
}

impl fmt::Display for Day {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

impl<'de> Deserialize<'de> for Day {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let raw = String::deserialize(d)?;
        Self::parse(&raw).map_err(serde::de::Error::custom)
    }
}

/// For a `NaiveDate` field of an input type: `#[serde(deserialize_with = "day::bounded")]`.
///
/// # Errors
/// When the value is not a day within the years accepted.
pub fn bounded<'de, D: Deserializer<'de>>(d: D) -> Result<NaiveDate, D::Error> {
    Day::deserialize(d).map(Day::date)
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    #[test]
    fn a_day_is_read_with_words_that_say_what_is_expected() {
        assert_eq!(
            Day::parse("2026-03-14").expect("day").to_string(),
            "2026-03-14"
        );
        assert!(Day::parse("2026-02-30")
            .expect_err("no such day")
            .contains("not a day of the calendar"));
        assert!(Day::parse("14/03/2026")
            .expect_err("shape")
            .contains("YYYY-MM-DD"));
        assert!(Day::parse("+262142-12-31")
            .expect_err("shape")
            .contains("YYYY-MM-DD"));
        assert!(Day::parse("1899-12-31")
            .expect_err("range")
            .contains("between 1900 and 2999"));
        assert!(Day::parse("2028-02-29").is_ok());
    }

    proptest! {
        #[test]
        fn whatever_is_written_a_day_is_in_range_or_refused(raw in "\\PC{0,14}") {
            if let Ok(day) = Day::parse(&raw) {
                prop_assert!((FIRST_YEAR..=LAST_YEAR).contains(&day.date().year()));
                prop_assert!(day.date().succ_opt().is_some() && day.date().pred_opt().is_some());
            }
        }
    }
}
