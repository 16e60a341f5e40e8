//! Organisation calendar arithmetic for redress clocks.
//!
//! Everything here is pure: the current time is always passed in, never read,
//! so that a deadline computed today can be recomputed identically in an audit
//! next year. Dates are reasoned about on the organisation's local calendar
//! (a complaint filed at 23:30 UTC in Auckland is filed "tomorrow"), and
//! instants are handed back in UTC for storage and comparison.
//!
//! Day counting never scans day by day: working days in a range are counted
//! with week arithmetic minus a binary-searched holiday list, so even a
//! calendar crowded with holidays or a huge day count costs a few dozen steps.

use std::collections::BTreeSet;

use chrono::{
    DateTime, Datelike, Days, LocalResult, NaiveDate, NaiveDateTime, NaiveTime, Offset, TimeZone,
    Utc, Weekday,
};
use chrono_tz::Tz;

/// How a redress clock counts its days.
///
/// Policies and ombudsman schemes express response times either in working
/// days (the organisation is not expected to act while closed) or in calendar
/// days (the complainant's wait is what matters); both must be supported
/// side by side on the same case.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DayUnit {
    /// Only days on which the organisation is open count.
    Working,
    /// Every date counts, but the deadline itself never lands on a closed day.
    Calendar,
}

/// Reasons a calendar definition cannot be used to compute deadlines.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum CalendarError {
    /// A calendar without any working weekday could never let a working-day
    /// clock expire, so it is refused up front instead of producing
    /// meaningless deadlines later.
    #[error("every day of the week is a weekend day, so there is no working day")]
    NoWorkingDays,
}

/// An organisation's working calendar: where it is, which weekdays it is
/// closed, which dates are holidays and when its business day ends.
///
/// Deadlines are due at the end of business of their last day because a
/// complainant is entitled to the whole of that day, and the organisation is
/// only in breach once it has closed without answering.
#[derive(Clone, Debug)]
pub struct Calendar {
    zone: Tz,
    /// Indexed by `Weekday::num_days_from_monday`.
    weekend: [bool; 7],
    weekend_len: i64,
    holidays: BTreeSet<NaiveDate>,
    /// Day numbers (see [`day_number`]) of the holidays that fall on a
    /// non-weekend day, sorted: the only holidays that remove a working day,
    /// kept apart so counting never counts a closed day twice.
    closures: Vec<i64>,
    business_day_end: NaiveTime,
}

impl Calendar {
    /// Builds a calendar; duplicated weekend days or holidays are harmless.
    ///
    /// # Errors
    ///
    /// [`CalendarError::NoWorkingDays`] when all seven weekdays are weekend
    /// days, because no working-day clock could ever expire on it.
    pub fn new(
        zone: Tz,
        weekend: &[Weekday],
        holidays: impl IntoIterator<Item = NaiveDate>,
        business_day_end: NaiveTime,
    ) -> Result<Self, CalendarError> {
        let mut closed = [false; 7];
        for day in weekend {
            closed[weekday_index(*day)] = true;
        }
        let weekend_len = closed.iter().filter(|closed| **closed).count();
        if weekend_len == closed.len() {
            return Err(CalendarError::NoWorkingDays);
        }
        let holidays: BTreeSet<NaiveDate> = holidays.into_iter().collect();
        // BTreeSet iteration is sorted, so `closures` comes out sorted too.
        let closures = holidays
            .iter()
            .filter(|date| !closed[weekday_index(date.weekday())])
            .map(|date| day_number(*date))
            .collect();
        Ok(Self {
            zone,
            weekend: closed,
            weekend_len: i64::try_from(weekend_len).unwrap_or(0),
            holidays,
            closures,
            business_day_end,
        })
    }

    /// The zone whose wall clock decides which date an instant belongs to.
    #[must_use]
    pub fn zone(&self) -> Tz {
        self.zone
    }

    /// The local time at which a day's obligations lapse.
    #[must_use]
    pub fn business_day_end(&self) -> NaiveTime {
        self.business_day_end
    }

    /// Whether the organisation is routinely closed on that weekday.
    #[must_use]
    pub fn is_weekend(&self, weekday: Weekday) -> bool {
        self.weekend[weekday_index(weekday)]
    }

    /// The declared holidays, including any that fall on a weekend (those
    /// cost no extra day, since the organisation is closed anyway).
    #[must_use]
    pub fn holidays(&self) -> &BTreeSet<NaiveDate> {
        &self.holidays
    }

    /// A day counts towards a working-day clock only if the organisation is
    /// open: neither a weekend day nor a holiday.
    #[must_use]
    pub fn is_working_day(&self, date: NaiveDate) -> bool {
        self.is_working_number(day_number(date))
    }

    /// The date on the organisation's wall calendar, because "filed today"
    /// and "due Friday" are judged where the organisation is, not in UTC.
    ///
    /// Instants so extreme that their local date cannot be represented
    /// saturate to the first or last representable date.
    #[must_use]
    pub fn local_date(&self, instant: DateTime<Utc>) -> NaiveDate {
        let utc = instant.naive_utc();
        let offset = self.zone.offset_from_utc_datetime(&utc).fix();
        match utc.checked_add_offset(offset) {
            Some(local) => local.date(),
            None if utc.date() < NaiveDate::default() => NaiveDate::MIN,
            None => NaiveDate::MAX,
        }
    }

    /// The instant a day's obligations lapse: the business day end on that
    /// local date.
    ///
    /// When daylight saving makes that wall time happen twice, the earliest
    /// occurrence is taken, so the organisation is never given an hour that
    /// the complainant did not see on the clock. When the wall time does not
    /// exist (clocks jumped over it), it is pushed forward by the length of
    /// the jump, like a meeting scheduled in the skipped hour. Dates too
    /// extreme to convert saturate to the first or last representable instant.
    #[must_use]
    pub fn end_of_business(&self, date: NaiveDate) -> DateTime<Utc> {
        let wall = date.and_time(self.business_day_end);
        match self.zone.from_local_datetime(&wall) {
            LocalResult::Single(at) => at.with_timezone(&Utc),
            LocalResult::Ambiguous(first, second) => first.min(second).with_timezone(&Utc),
            LocalResult::None => self.shift_out_of_gap(wall),
        }
    }

    /// A closed day cannot be a deadline, so a deadline landing on one moves
    /// to the first day the organisation is open again.
    #[must_use]
    pub fn next_working_day_on_or_after(&self, date: NaiveDate) -> NaiveDate {
        date_from_number(self.first_working_number_from(day_number(date)))
    }

    /// The n-th working day strictly after `date`: the day something happens
    /// never counts as day one (WTO and ISO 10002 practice), so a complaint
    /// filed late on a Friday is not penalised against one filed on Monday.
    /// With `n = 0` it is the first working day on or after `date`.
    ///
    /// Beyond the last representable date the result saturates to it.
    #[must_use]
    pub fn add_working_days(&self, date: NaiveDate, n: u32) -> NaiveDate {
        let day = day_number(date);
        let result = if n == 0 {
            self.first_working_number_from(day)
        } else {
            self.nth_working_number_after(day, n)
        };
        date_from_number(result)
    }

    /// The n-th working day strictly before `date` (`n >= 1`; `0` is read as 1): the day a
    /// reminder "n working days before" a deadline is due. Saturates to the first
    /// representable date.
    #[must_use]
    pub fn sub_working_days(&self, date: NaiveDate, n: u32) -> NaiveDate {
        let before = day_number(date);
        let per_week = 7 - self.weekend_len;
        let earlier_closures = self.closures_through(before);
        let needed = i64::from(n.max(1)).saturating_add(earlier_closures);
        let weeks = needed.saturating_add(per_week - 1) / per_week.max(1);
        let (mut low, mut high) = (1_i64, weeks.saturating_mul(7).max(1));
        // Smallest span whose last `span` days before `date` hold `n` working days; the
        // count grows by one exactly on working days, so the day it reaches `n` is one.
        while low < high {
            let mid = low + (high - low) / 2;
            if self.working_days_in(before - 1 - mid, before - 1) >= i64::from(n.max(1)) {
                high = mid;
            } else {
                low = mid + 1;
            }
        }
        date_from_number(before.saturating_sub(low))
    }

    /// When a clock of `days` units started at `start` runs out: at end of
    /// business of its last day, which is always a working day.
    ///
    /// Working days count from the day after the filing date. Calendar days
    /// land on the filing date plus `days`, rolled forward past closed days
    /// because a deadline never expires while the organisation is closed.
    /// A zero-day clock means "by close of business today" when that is
    /// still possible, and "by close of the next working day" otherwise.
    #[must_use]
    pub fn due_at(&self, start: DateTime<Utc>, unit: DayUnit, days: u32) -> DateTime<Utc> {
        let filed = day_number(self.local_date(start));
        let due_day = match unit {
            _ if days == 0 => {
                if self.is_working_number(filed)
                    && start < self.end_of_business(date_from_number(filed))
                {
                    filed
                } else {
                    self.nth_working_number_after(filed, 1)
                }
            }
            DayUnit::Working => self.nth_working_number_after(filed, days),
            DayUnit::Calendar => {
                self.first_working_number_from(filed.saturating_add(i64::from(days)))
            }
        };
        self.end_of_business(date_from_number(due_day))
    }

    /// Signed day count for "N days left" (positive) or "N days late"
    /// (negative): the days `d` with `local_date(from) < d <= local_date(to)`
    /// that count in `unit`, negated when `to` is before `from`.
    ///
    /// The day you are on is never counted, so a deadline due tonight shows
    /// 0 days left, and tomorrow's deadline shows 1.
    #[must_use]
    pub fn days_between(&self, from: DateTime<Utc>, to: DateTime<Utc>, unit: DayUnit) -> i64 {
        if to >= from {
            self.count_days(self.local_date(from), self.local_date(to), unit)
        } else {
            -self.count_days(self.local_date(to), self.local_date(from), unit)
        }
    }

    /// How many units a stop-the-clock hold from `start` to `end` consumed:
    /// the days `d` with `local_date(start) < d <= local_date(end)` that count
    /// in `unit`.
    ///
    /// A hold that starts and ends on the same date, or only spans days the
    /// organisation was closed anyway, costs nothing, because the clock would
    /// not have advanced during it. An empty or reversed hold costs nothing.
    #[must_use]
    pub fn days_in_pause(&self, start: DateTime<Utc>, end: DateTime<Utc>, unit: DayUnit) -> u32 {
        if end <= start {
            return 0;
        }
        let days = self.count_days(self.local_date(start), self.local_date(end), unit);
        u32::try_from(days.max(0)).unwrap_or(u32::MAX)
    }

    fn count_days(&self, after: NaiveDate, through: NaiveDate, unit: DayUnit) -> i64 {
        let (after, through) = (day_number(after), day_number(through));
        match unit {
            DayUnit::Working => self.working_days_in(after, through),
            DayUnit::Calendar => (through - after).max(0),
        }
    }

    fn is_working_number(&self, day: i64) -> bool {
        !self.weekend[weekday_of_number(day)] && self.closures.binary_search(&day).is_err()
    }

    /// Working days `d` with `after < d <= through`, in constant time plus a
    /// binary search: whole weeks contribute a fixed count, holidays on
    /// weekend days were already excluded from `closures`.
    fn working_days_in(&self, after: i64, through: i64) -> i64 {
        if through <= after {
            return 0;
        }
        let span = through - after;
        let first = weekday_of_number(after + 1);
        let partial_weekend = (0..span % 7)
            .filter(|offset| {
                let index = (first + usize::try_from(*offset).unwrap_or(0)) % 7;
                self.weekend[index]
            })
            .count();
        let weekend_days =
            (span / 7) * self.weekend_len + i64::try_from(partial_weekend).unwrap_or(0);
        let closed_days = self.closures_through(through) - self.closures_through(after);
        span - weekend_days - closed_days
    }

    /// Number of closures on or before `day`.
    fn closures_through(&self, day: i64) -> i64 {
        let count = self.closures.partition_point(|closure| *closure <= day);
        i64::try_from(count).unwrap_or(i64::MAX)
    }

    fn first_working_number_from(&self, day: i64) -> i64 {
        if self.is_working_number(day) {
            day
        } else {
            self.nth_working_number_after(day, 1)
        }
    }

    /// Smallest day `d > after` with exactly `n` working days in `(after, d]`
    /// (`n >= 1`). The working-day count grows by at most one per day, so
    /// the first day reaching `n` is itself a working day. The search is a
    /// bisection over a range proven to contain enough working days: every
    /// week has at least one non-weekend day and each closure can remove at
    /// most one, so the loop is bounded whatever the holiday list holds.
    fn nth_working_number_after(&self, after: i64, n: u32) -> i64 {
        let per_week = 7 - self.weekend_len;
        let later_closures =
            i64::try_from(self.closures.len()).unwrap_or(i64::MAX) - self.closures_through(after);
        let needed = i64::from(n.max(1)).saturating_add(later_closures);
        let weeks = needed.saturating_add(per_week - 1) / per_week.max(1);
        let mut low = 1_i64;
        let mut high = weeks.saturating_mul(7).max(1);
        while low < high {
            let mid = low + (high - low) / 2;
            if self.working_days_in(after, after.saturating_add(mid)) >= i64::from(n) {
                high = mid;
            } else {
                low = mid + 1;
            }
        }
        after.saturating_add(low)
    }

    /// For a wall time skipped by a clock change: read it with the offset in
    /// force before the change, which lands the same distance past the jump.
    fn shift_out_of_gap(&self, wall: NaiveDateTime) -> DateTime<Utc> {
        let probe = wall.checked_sub_days(Days::new(1)).unwrap_or(wall);
        let before = self.zone.offset_from_utc_datetime(&probe).fix();
        match wall.checked_sub_offset(before) {
            Some(utc) => utc.and_utc(),
            None if wall.date() < NaiveDate::default() => DateTime::<Utc>::MIN_UTC,
            None => DateTime::<Utc>::MAX_UTC,
        }
    }
}

fn weekday_index(day: Weekday) -> usize {
    usize::try_from(day.num_days_from_monday()).unwrap_or(0)
}

/// Days since the common era (0001-01-01 is day 1, a Monday). Counting on
/// plain integers lets intermediate results run past the representable date
/// range without overflowing, and saturate only at the end.
fn day_number(date: NaiveDate) -> i64 {
    i64::from(date.num_days_from_ce())
}

fn weekday_of_number(day: i64) -> usize {
    usize::try_from((day - 1).rem_euclid(7)).unwrap_or(0)
}

fn date_from_number(day: i64) -> NaiveDate {
    match i32::try_from(day)
        .ok()
        .and_then(NaiveDate::from_num_days_from_ce_opt)
    {
        Some(date) => date,
        None if day < day_number(NaiveDate::MIN) => NaiveDate::MIN,
        None => NaiveDate::MAX,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{Duration, NaiveDate, NaiveTime, Weekday};
    use proptest::prelude::*;

    const SAT_SUN: &[Weekday] = &[Weekday::Sat, Weekday::Sun];
    const FRI_SAT: &[Weekday] = &[Weekday::Fri, Weekday::Sat];

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("valid test date")
    }

    fn time(h: u32, m: u32) -> NaiveTime {
        NaiveTime::from_hms_opt(h, m, 0).expect("valid test time")
    }

    fn utc(y: i32, mo: u32, d: u32, h: u32, mi: u32) -> DateTime<Utc> {
        date(y, mo, d).and_time(time(h, mi)).and_utc()
    }

    /// Wall-clock time in the calendar's zone, as UTC (earliest if ambiguous).
    fn local(cal: &Calendar, y: i32, mo: u32, d: u32, h: u32, mi: u32) -> DateTime<Utc> {
        cal.zone()
            .from_local_datetime(&date(y, mo, d).and_time(time(h, mi)))
            .earliest()
            .expect("test wall time exists")
            .with_timezone(&Utc)
    }

    /// An office in Geneva; tzdb has no Europe/Geneva, Switzerland is Europe/Zurich.
    fn geneva(holidays: &[NaiveDate]) -> Calendar {
        Calendar::new(
            chrono_tz::Europe::Zurich,
            SAT_SUN,
            holidays.iter().copied(),
            time(17, 0),
        )
        .expect("valid calendar")
    }

    #[test]
    fn working_days_before_skip_weekends_and_holidays() {
        // Friday 2026-12-25 is a holiday; Monday 2026-12-28 minus one working day is
        // Thursday the 24th, minus two is Wednesday the 23rd.
        let cal = geneva(&[date(2026, 12, 25)]);
        assert_eq!(
            cal.sub_working_days(date(2026, 12, 28), 1),
            date(2026, 12, 24)
        );
        assert_eq!(
            cal.sub_working_days(date(2026, 12, 28), 2),
            date(2026, 12, 23)
        );
        assert_eq!(
            cal.sub_working_days(date(2026, 12, 28), 5),
            date(2026, 12, 18)
        );
    }

    proptest! {
        #[test]
        fn going_back_n_working_days_and_forward_n_returns_to_a_working_day(
            offset in 0_i64..4000, n in 1_u32..40
        ) {
            let cal = geneva(&[date(2026, 12, 25), date(2027, 1, 1), date(2027, 4, 2)]);
            let start = date(2025, 1, 1) + chrono::Duration::days(offset);
            let working = cal.next_working_day_on_or_after(start);
            let back = cal.sub_working_days(working, n);
            prop_assert!(cal.is_working_day(back));
            prop_assert!(back < working);
            prop_assert_eq!(cal.add_working_days(back, n), working);
        }
    }

    // ---- construction -------------------------------------------------

    #[test]
    fn a_calendar_closed_every_day_of_the_week_is_refused() {
        let all = [
            Weekday::Mon,
            Weekday::Tue,
            Weekday::Wed,
            Weekday::Thu,
            Weekday::Fri,
            Weekday::Sat,
            Weekday::Sun,
        ];
        let refused = Calendar::new(chrono_tz::UTC, &all, [], time(17, 0));
        assert_eq!(refused.err(), Some(CalendarError::NoWorkingDays));
    }

    #[test]
    fn a_calendar_open_a_single_weekday_is_accepted() {
        let six = [
            Weekday::Mon,
            Weekday::Tue,
            Weekday::Wed,
            Weekday::Thu,
            Weekday::Fri,
            Weekday::Sat,
            Weekday::Sat,
        ];
        let cal = Calendar::new(chrono_tz::UTC, &six, [], time(17, 0)).expect("open on Sundays");
        // 2024-03-03 is a Sunday; one working day after it is the next Sunday.
        assert_eq!(cal.add_working_days(date(2024, 3, 3), 1), date(2024, 3, 10));
    }

    #[test]
    fn weekends_and_holidays_are_closed_and_other_days_are_open() {
        let cal = geneva(&[date(2024, 8, 1)]);
        assert!(cal.is_working_day(date(2024, 7, 31)));
        assert!(!cal.is_working_day(date(2024, 8, 1)));
        assert!(!cal.is_working_day(date(2024, 8, 3)));
        assert!(!cal.is_working_day(date(2024, 8, 4)));
        assert!(cal.is_weekend(Weekday::Sat));
        assert!(!cal.is_weekend(Weekday::Fri));
        assert_eq!(cal.business_day_end(), time(17, 0));
        assert!(cal.holidays().contains(&date(2024, 8, 1)));
    }

    #[test]
    fn a_friday_saturday_weekend_makes_sunday_a_working_day() {
        let cal = Calendar::new(chrono_tz::Asia::Kolkata, FRI_SAT, [], time(17, 30))
            .expect("valid calendar");
        let (thursday, friday, sunday) = (date(2024, 3, 7), date(2024, 3, 8), date(2024, 3, 10));
        assert!(cal.is_working_day(sunday));
        assert!(!cal.is_working_day(friday));
        // Filed Thursday: day 1 is Sunday, skipping Friday and Saturday.
        assert_eq!(cal.add_working_days(thursday, 1), sunday);
    }

    #[test]
    fn internal_day_numbers_agree_with_chrono_weekdays() {
        for offset in 0..14 {
            let d = date(2024, 2, 25) + Duration::days(offset);
            assert_eq!(
                weekday_of_number(day_number(d)),
                weekday_index(d.weekday()),
                "{d}"
            );
            assert_eq!(date_from_number(day_number(d)), d);
        }
    }

    // ---- local dates and end of business -----------------------------

    #[test]
    fn the_filing_date_is_read_on_the_organisation_wall_clock() {
        let auckland = Calendar::new(chrono_tz::Pacific::Auckland, SAT_SUN, [], time(17, 0))
            .expect("valid calendar");
        // 23:30 UTC on Friday 1 March is Saturday 12:30 in Auckland (NZDT, +13).
        assert_eq!(
            auckland.local_date(utc(2024, 3, 1, 23, 30)),
            date(2024, 3, 2)
        );
        let new_york = Calendar::new(chrono_tz::America::New_York, SAT_SUN, [], time(17, 0))
            .expect("valid calendar");
        // 02:00 UTC on 2 March is still 1 March in New York.
        assert_eq!(new_york.local_date(utc(2024, 3, 2, 2, 0)), date(2024, 3, 1));
    }

    #[test]
    fn end_of_business_follows_daylight_saving_time() {
        let cal = geneva(&[]);
        assert_eq!(
            cal.end_of_business(date(2024, 1, 15)),
            utc(2024, 1, 15, 16, 0)
        );
        assert_eq!(
            cal.end_of_business(date(2024, 7, 15)),
            utc(2024, 7, 15, 15, 0)
        );
    }

    #[test]
    fn end_of_business_inside_a_skipped_hour_moves_forward_by_the_jump() {
        // New York springs forward at 02:00 on 10 March 2024: 02:30 never happens.
        let cal = Calendar::new(chrono_tz::America::New_York, FRI_SAT, [], time(2, 30))
            .expect("valid calendar");
        // Read as 03:30 EDT (-4) = 07:30 UTC.
        assert_eq!(
            cal.end_of_business(date(2024, 3, 10)),
            utc(2024, 3, 10, 7, 30)
        );
    }

    #[test]
    fn end_of_business_in_a_repeated_hour_takes_the_earliest_occurrence() {
        // New York falls back at 02:00 on 3 November 2024: 01:30 happens twice.
        let cal = Calendar::new(chrono_tz::America::New_York, FRI_SAT, [], time(1, 30))
            .expect("valid calendar");
        // First occurrence is 01:30 EDT (-4) = 05:30 UTC, not 06:30 UTC.
        assert_eq!(
            cal.end_of_business(date(2024, 11, 3)),
            utc(2024, 11, 3, 5, 30)
        );
    }

    #[test]
    fn a_business_day_ending_at_midnight_on_a_midnight_clock_change_does_not_panic() {
        // Chile springs forward at 24:00 on Saturday 7 September 2024, so
        // 00:00-00:59 on Sunday 8 September does not exist.
        let cal = Calendar::new(chrono_tz::America::Santiago, FRI_SAT, [], time(0, 0))
            .expect("valid calendar");
        let end = cal.end_of_business(date(2024, 9, 8));
        // 01:00 -03 = 04:00 UTC, still on the 8th locally.
        assert_eq!(end, utc(2024, 9, 8, 4, 0));
        assert_eq!(cal.local_date(end), date(2024, 9, 8));
    }

    // ---- working-day clocks ------------------------------------------

    #[test]
    fn the_filing_day_does_not_count_towards_a_working_day_clock() {
        let cal = geneva(&[]);
        let filed = local(&cal, 2024, 3, 4, 9, 0); // Monday morning
        assert_eq!(
            cal.due_at(filed, DayUnit::Working, 1),
            cal.end_of_business(date(2024, 3, 5))
        );
    }

    #[test]
    fn a_working_day_clock_skips_weekends_and_holidays() {
        // Friday 29 March and Monday 1 April 2024 are Easter holidays.
        let cal = geneva(&[date(2024, 3, 29), date(2024, 4, 1)]);
        let filed = local(&cal, 2024, 3, 27, 16, 0); // Wednesday
                                                     // Thu 28 (1), Tue 2 (2), Wed 3 (3), Thu 4 (4), Fri 5 (5).
        assert_eq!(
            cal.due_at(filed, DayUnit::Working, 5),
            cal.end_of_business(date(2024, 4, 5))
        );
    }

    #[test]
    fn filing_after_close_of_business_still_counts_from_the_filing_date() {
        let cal = geneva(&[]);
        let late = local(&cal, 2024, 3, 4, 22, 0); // Monday night
        assert_eq!(
            cal.due_at(late, DayUnit::Working, 1),
            cal.end_of_business(date(2024, 3, 5))
        );
    }

    #[test]
    fn a_working_day_clock_filed_on_a_weekend_starts_counting_on_monday() {
        let cal = geneva(&[]);
        let saturday = local(&cal, 2024, 3, 9, 11, 0);
        assert_eq!(
            cal.due_at(saturday, DayUnit::Working, 1),
            cal.end_of_business(date(2024, 3, 11))
        );
    }

    #[test]
    fn a_zero_day_clock_filed_before_close_of_business_is_due_that_evening() {
        let cal = geneva(&[]);
        let filed = local(&cal, 2024, 3, 4, 16, 59);
        for unit in [DayUnit::Working, DayUnit::Calendar] {
            assert_eq!(
                cal.due_at(filed, unit, 0),
                cal.end_of_business(date(2024, 3, 4))
            );
        }
    }

    #[test]
    fn a_zero_day_clock_filed_at_or_after_close_of_business_is_due_the_next_working_evening() {
        let cal = geneva(&[]);
        let friday_close = cal.end_of_business(date(2024, 3, 8));
        for filed in [friday_close, friday_close + Duration::hours(3)] {
            for unit in [DayUnit::Working, DayUnit::Calendar] {
                assert_eq!(
                    cal.due_at(filed, unit, 0),
                    cal.end_of_business(date(2024, 3, 11))
                );
            }
        }
    }

    #[test]
    fn a_zero_day_clock_filed_on_a_holiday_is_due_the_next_working_evening() {
        let cal = geneva(&[date(2024, 8, 1)]);
        let filed = local(&cal, 2024, 8, 1, 9, 0);
        assert_eq!(
            cal.due_at(filed, DayUnit::Working, 0),
            cal.end_of_business(date(2024, 8, 2))
        );
    }

    // ---- calendar-day clocks -----------------------------------------

    #[test]
    fn a_calendar_day_deadline_on_a_working_day_does_not_move() {
        let cal = geneva(&[]);
        let filed = local(&cal, 2024, 3, 4, 10, 0); // Monday
        assert_eq!(
            cal.due_at(filed, DayUnit::Calendar, 10),
            cal.end_of_business(date(2024, 3, 14))
        );
    }

    #[test]
    fn a_calendar_day_deadline_landing_on_a_weekend_rolls_forward_to_monday() {
        let cal = geneva(&[]);
        let filed = local(&cal, 2024, 3, 4, 10, 0); // Monday + 5 = Saturday
        assert_eq!(
            cal.due_at(filed, DayUnit::Calendar, 5),
            cal.end_of_business(date(2024, 3, 11))
        );
    }

    #[test]
    fn a_calendar_day_deadline_landing_on_a_holiday_rolls_past_it_and_the_weekend() {
        // Friday 29 March and Monday 1 April 2024 are holidays.
        let cal = geneva(&[date(2024, 3, 29), date(2024, 4, 1)]);
        let filed = local(&cal, 2024, 3, 15, 10, 0); // Friday + 14 = Good Friday
        assert_eq!(
            cal.due_at(filed, DayUnit::Calendar, 14),
            cal.end_of_business(date(2024, 4, 2))
        );
    }

    #[test]
    fn a_holiday_falling_on_a_weekend_costs_no_extra_day() {
        let with = geneva(&[date(2024, 3, 9)]); // a Saturday
        let without = geneva(&[]);
        let filed = local(&with, 2024, 3, 6, 10, 0);
        assert_eq!(
            with.due_at(filed, DayUnit::Working, 5),
            without.due_at(filed, DayUnit::Working, 5)
        );
    }

    // ---- robustness --------------------------------------------------

    #[test]
    fn decades_of_consecutive_holidays_are_crossed_in_bounded_time() {
        let first = date(2024, 1, 1);
        let holidays: Vec<NaiveDate> = (0..365 * 30)
            .map(|offset| first + Duration::days(offset))
            .collect();
        let cal = geneva(&holidays);
        let after_run = first + Duration::days(365 * 30);
        let expected = cal.next_working_day_on_or_after(after_run);
        assert!(cal.is_working_day(expected));
        assert!(expected >= after_run);
        let filed = local(&cal, 2024, 1, 1, 9, 0);
        assert_eq!(
            cal.due_at(filed, DayUnit::Working, 1),
            cal.end_of_business(expected)
        );
        assert_eq!(
            cal.due_at(filed, DayUnit::Calendar, 3),
            cal.end_of_business(expected)
        );
        assert_eq!(
            cal.days_between(filed, cal.end_of_business(expected), DayUnit::Working),
            1
        );
    }

    #[test]
    fn enormous_day_counts_saturate_instead_of_panicking() {
        let cal = Calendar::new(chrono_tz::America::New_York, SAT_SUN, [], time(17, 0))
            .expect("valid calendar");
        let filed = utc(2024, 3, 4, 12, 0);
        for unit in [DayUnit::Working, DayUnit::Calendar] {
            let due = cal.due_at(filed, unit, u32::MAX);
            assert!(due > filed);
        }
        assert_eq!(
            cal.add_working_days(NaiveDate::MAX - Duration::days(3), 10),
            NaiveDate::MAX
        );
    }

    #[test]
    fn the_extremes_of_time_do_not_panic() {
        for zone in [
            chrono_tz::Pacific::Auckland,
            chrono_tz::America::New_York,
            chrono_tz::UTC,
        ] {
            let cal = Calendar::new(zone, SAT_SUN, [NaiveDate::MAX], time(23, 59))
                .expect("valid calendar");
            let (min, max) = (DateTime::<Utc>::MIN_UTC, DateTime::<Utc>::MAX_UTC);
            let _ = cal.local_date(min);
            let _ = cal.local_date(max);
            let _ = cal.end_of_business(NaiveDate::MIN);
            let _ = cal.end_of_business(NaiveDate::MAX);
            for unit in [DayUnit::Working, DayUnit::Calendar] {
                let _ = cal.due_at(max, unit, 5);
                let _ = cal.due_at(min, unit, 5);
                assert!(cal.days_between(min, max, unit) > 0);
                assert!(cal.days_between(max, min, unit) < 0);
                assert!(cal.days_in_pause(min, max, unit) > 0);
            }
            let _ = cal.next_working_day_on_or_after(NaiveDate::MAX);
            let _ = cal.add_working_days(NaiveDate::MIN, 3);
        }
    }

    // ---- days between and pauses -------------------------------------

    #[test]
    fn days_left_excludes_today_and_counts_the_due_day() {
        let cal = geneva(&[]);
        let now = local(&cal, 2024, 3, 7, 9, 0); // Thursday
        let due = cal.end_of_business(date(2024, 3, 12)); // next Tuesday
                                                          // Fri, Mon, Tue.
        assert_eq!(cal.days_between(now, due, DayUnit::Working), 3);
        assert_eq!(cal.days_between(now, due, DayUnit::Calendar), 5);
    }

    #[test]
    fn days_left_is_zero_on_the_due_date_itself() {
        let cal = geneva(&[]);
        let due = cal.end_of_business(date(2024, 3, 7));
        let morning = local(&cal, 2024, 3, 7, 8, 0);
        let evening = local(&cal, 2024, 3, 7, 20, 0);
        for unit in [DayUnit::Working, DayUnit::Calendar] {
            assert_eq!(cal.days_between(morning, due, unit), 0);
            assert_eq!(cal.days_between(evening, due, unit), 0);
        }
    }

    #[test]
    fn days_left_turns_negative_once_the_deadline_has_passed() {
        let cal = geneva(&[]);
        let due = cal.end_of_business(date(2024, 3, 8)); // Friday
        let tuesday = local(&cal, 2024, 3, 12, 9, 0);
        assert_eq!(cal.days_between(tuesday, due, DayUnit::Working), -2);
        assert_eq!(cal.days_between(tuesday, due, DayUnit::Calendar), -4);
    }

    #[test]
    fn a_hold_within_one_day_costs_nothing() {
        let cal = geneva(&[]);
        let start = local(&cal, 2024, 3, 5, 9, 0);
        let end = local(&cal, 2024, 3, 5, 23, 0);
        assert_eq!(cal.days_in_pause(start, end, DayUnit::Working), 0);
        assert_eq!(cal.days_in_pause(start, end, DayUnit::Calendar), 0);
    }

    #[test]
    fn a_hold_spanning_only_the_weekend_costs_no_working_day() {
        let cal = geneva(&[]);
        let friday = local(&cal, 2024, 3, 8, 18, 0);
        let sunday = local(&cal, 2024, 3, 10, 20, 0);
        assert_eq!(cal.days_in_pause(friday, sunday, DayUnit::Working), 0);
        assert_eq!(cal.days_in_pause(friday, sunday, DayUnit::Calendar), 2);
    }

    #[test]
    fn a_hold_lifted_on_a_working_morning_costs_that_day() {
        let cal = geneva(&[]);
        let friday = local(&cal, 2024, 3, 8, 10, 0);
        let monday = local(&cal, 2024, 3, 11, 9, 0);
        assert_eq!(cal.days_in_pause(friday, monday, DayUnit::Working), 1);
        assert_eq!(cal.days_in_pause(friday, monday, DayUnit::Calendar), 3);
    }

    #[test]
    fn an_empty_or_reversed_hold_costs_nothing() {
        let cal = geneva(&[]);
        let a = local(&cal, 2024, 3, 4, 10, 0);
        let b = local(&cal, 2024, 3, 14, 10, 0);
        for unit in [DayUnit::Working, DayUnit::Calendar] {
            assert_eq!(cal.days_in_pause(a, a, unit), 0);
            assert_eq!(cal.days_in_pause(b, a, unit), 0);
        }
    }

    // ---- properties ----------------------------------------------------

    const ZONES: &[Tz] = &[
        chrono_tz::UTC,
        chrono_tz::Europe::Zurich,
        chrono_tz::America::New_York,
        chrono_tz::Pacific::Auckland,
        chrono_tz::Asia::Kolkata,
        chrono_tz::America::Santiago,
        chrono_tz::Australia::Lord_Howe,
    ];

    /// 2019-01-01T00:00:00Z and 2031-01-01T00:00:00Z.
    const FROM_SECS: i64 = 1_546_300_800;
    const UNTIL_SECS: i64 = 1_924_992_000;

    fn instant() -> impl Strategy<Value = DateTime<Utc>> {
        (FROM_SECS..UNTIL_SECS)
            .prop_map(|secs| DateTime::from_timestamp(secs, 0).expect("in range"))
    }

    fn unit() -> impl Strategy<Value = DayUnit> {
        prop_oneof![Just(DayUnit::Working), Just(DayUnit::Calendar)]
    }

    /// Calendars with realistic closing times, plus any minute of the day
    /// (to land in DST gaps and repeated hours), and holidays clustered in
    /// 2019-2032 so they often collide with the generated deadlines.
    fn calendar() -> impl Strategy<Value = Calendar> {
        let end_minutes = prop_oneof![17 * 60..=18 * 60 + 30_u32, 0..24 * 60_u32];
        (
            prop::sample::select(ZONES),
            prop_oneof![Just(SAT_SUN), Just(FRI_SAT)],
            prop::collection::vec(0..(14 * 366_i64), 0..400),
            end_minutes,
        )
            .prop_map(|(zone, weekend, offsets, minutes)| {
                let holidays = offsets
                    .into_iter()
                    .map(|offset| date(2019, 1, 1) + Duration::days(offset));
                let end = time(minutes / 60, minutes % 60);
                Calendar::new(zone, weekend, holidays, end).expect("has working days")
            })
    }

    /// Day-by-day reference for the counting shortcuts.
    fn naive_working_days(cal: &Calendar, after: NaiveDate, through: NaiveDate) -> i64 {
        let mut count = 0;
        let mut d = after;
        while d < through {
            d = d.succ_opt().expect("test range");
            if cal.is_working_day(d) {
                count += 1;
            }
        }
        count
    }

    fn naive_nth_working_after(cal: &Calendar, after: NaiveDate, n: u32) -> NaiveDate {
        let mut d = after;
        let mut seen = 0;
        while seen < n {
            d = d.succ_opt().expect("test range");
            if cal.is_working_day(d) {
                seen += 1;
            }
        }
        d
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(256))]

        #[test]
        fn a_deadline_always_falls_at_close_of_a_working_day(
            cal in calendar(), start in instant(), unit in unit(), days in 0..400_u32,
        ) {
            let due = cal.due_at(start, unit, days);
            let due_date = cal.local_date(due);
            prop_assert!(cal.is_working_day(due_date), "{due} on {due_date}");
            prop_assert_eq!(cal.end_of_business(due_date), due);
        }

        #[test]
        fn a_deadline_is_never_before_the_filing(
            cal in calendar(), start in instant(), unit in unit(), days in 0..400_u32,
        ) {
            prop_assert!(cal.due_at(start, unit, days) >= start);
        }

        #[test]
        fn more_days_never_give_an_earlier_deadline(
            cal in calendar(), start in instant(), unit in unit(),
            days in 0..400_u32, extra in 0..40_u32,
        ) {
            prop_assert!(cal.due_at(start, unit, days) <= cal.due_at(start, unit, days + extra));
        }

        #[test]
        fn one_more_working_day_moves_the_deadline_to_the_next_working_day(
            cal in calendar(), start in instant(), days in 1..400_u32,
        ) {
            let due = cal.local_date(cal.due_at(start, DayUnit::Working, days));
            let later = cal.local_date(cal.due_at(start, DayUnit::Working, days + 1));
            prop_assert_eq!(later, cal.add_working_days(due, 1));
        }

        /// From zero to one day the step is a whole working day only when the
        /// zero-day clock could still be met on the filing date; otherwise
        /// both already land on the next working day.
        #[test]
        fn a_one_day_clock_is_a_day_later_than_a_zero_day_clock_only_if_today_was_still_open(
            cal in calendar(), start in instant(),
        ) {
            let filed = cal.local_date(start);
            let open_today = cal.is_working_day(filed) && start < cal.end_of_business(filed);
            let zero = cal.local_date(cal.due_at(start, DayUnit::Working, 0));
            let one = cal.local_date(cal.due_at(start, DayUnit::Working, 1));
            if open_today {
                prop_assert_eq!(zero, filed);
                prop_assert_eq!(one, cal.add_working_days(zero, 1));
            } else {
                prop_assert_eq!(zero, one);
            }
        }

        #[test]
        fn zero_day_clocks_agree_in_both_units(cal in calendar(), start in instant()) {
            prop_assert_eq!(
                cal.due_at(start, DayUnit::Working, 0),
                cal.due_at(start, DayUnit::Calendar, 0)
            );
        }

        #[test]
        fn at_filing_the_working_days_left_equal_the_clock_length(
            cal in calendar(), start in instant(), days in 1..400_u32,
        ) {
            let due = cal.due_at(start, DayUnit::Working, days);
            prop_assert_eq!(cal.days_between(start, due, DayUnit::Working), i64::from(days));
        }

        /// A zero-day clock shows 0 days left when it is due today, and 1 when
        /// it had to move to the next working day.
        #[test]
        fn at_filing_a_zero_day_clock_shows_zero_or_one_working_day_left(
            cal in calendar(), start in instant(),
        ) {
            let filed = cal.local_date(start);
            let open_today = cal.is_working_day(filed) && start < cal.end_of_business(filed);
            let due = cal.due_at(start, DayUnit::Working, 0);
            let left = cal.days_between(start, due, DayUnit::Working);
            prop_assert_eq!(left, i64::from(!open_today));
        }

        /// Calendar days left at filing exceed the clock length exactly by the
        /// closed days the deadline rolled over.
        #[test]
        fn at_filing_calendar_days_left_are_the_length_plus_the_roll_forward(
            cal in calendar(), start in instant(), days in 1..400_u32,
        ) {
            let filed = cal.local_date(start);
            let nominal = filed + Duration::days(i64::from(days));
            let rolled = cal.next_working_day_on_or_after(nominal);
            let due = cal.due_at(start, DayUnit::Calendar, days);
            prop_assert_eq!(cal.local_date(due), rolled);
            prop_assert_eq!(
                cal.days_between(start, due, DayUnit::Calendar),
                i64::from(days) + (rolled - nominal).num_days()
            );
        }

        #[test]
        fn days_between_is_antisymmetric(
            cal in calendar(), a in instant(), b in instant(), unit in unit(),
        ) {
            prop_assert_eq!(cal.days_between(a, b, unit), -cal.days_between(b, a, unit));
        }

        #[test]
        fn days_between_adds_up_over_consecutive_intervals(
            cal in calendar(), mut points in prop::array::uniform3(instant()), unit in unit(),
        ) {
            points.sort();
            let [a, b, c] = points;
            prop_assert_eq!(
                cal.days_between(a, b, unit) + cal.days_between(b, c, unit),
                cal.days_between(a, c, unit)
            );
        }

        #[test]
        fn days_between_matches_a_day_by_day_count(
            cal in calendar(), a in instant(), b in instant(),
        ) {
            let (from, to) = (a.min(b), a.max(b));
            let expected = naive_working_days(&cal, cal.local_date(from), cal.local_date(to));
            prop_assert_eq!(cal.days_between(from, to, DayUnit::Working), expected);
            let calendar_days = (cal.local_date(to) - cal.local_date(from)).num_days();
            prop_assert_eq!(cal.days_between(from, to, DayUnit::Calendar), calendar_days);
        }

        #[test]
        fn adding_working_days_matches_a_day_by_day_walk(
            cal in calendar(), start in instant(), n in 0..400_u32,
        ) {
            let from = cal.local_date(start);
            let expected = if n == 0 {
                if cal.is_working_day(from) { from } else { naive_nth_working_after(&cal, from, 1) }
            } else {
                naive_nth_working_after(&cal, from, n)
            };
            prop_assert_eq!(cal.add_working_days(from, n), expected);
        }

        #[test]
        fn the_next_working_day_on_or_after_is_the_first_open_day(
            cal in calendar(), start in instant(),
        ) {
            let from = cal.local_date(start);
            let next = cal.next_working_day_on_or_after(from);
            prop_assert!(next >= from);
            prop_assert!(cal.is_working_day(next));
            prop_assert_eq!(naive_working_days(&cal, from, next), i64::from(next != from));
        }

        #[test]
        fn a_hold_costs_what_days_between_counts_over_it(
            cal in calendar(), a in instant(), b in instant(), unit in unit(),
        ) {
            let cost = i64::from(cal.days_in_pause(a, b, unit));
            if b > a {
                prop_assert_eq!(cost, cal.days_between(a, b, unit));
            } else {
                prop_assert_eq!(cost, 0);
            }
        }

        #[test]
        fn a_hold_costs_no_working_day_exactly_when_lifted_before_the_next_working_day(
            cal in calendar(), start in instant(), minutes in 0..(10 * 24 * 60_i64),
        ) {
            let end = start + Duration::minutes(minutes);
            let next = cal.add_working_days(cal.local_date(start), 1);
            let free = cal.days_in_pause(start, end, DayUnit::Working) == 0;
            prop_assert_eq!(free, cal.local_date(end) < next);
        }

        #[test]
        fn end_of_business_stays_on_its_local_date(cal in calendar(), start in instant()) {
            let d = cal.local_date(start);
            prop_assert_eq!(cal.local_date(cal.end_of_business(d)), d);
        }
    }
}
