//! Stop-the-clock arithmetic: where a redress deadline stands once the holds
//! placed on a case (awaiting the complainant's information, a referral, ...)
//! are taken into account.
//!
//! The due instant is always recomputed from the clock's start with a longer
//! length, never by shifting an instant, so it keeps every guarantee of
//! [`Calendar::due_at`]: a working day, at end of business, in the
//! organisation's zone.

use chrono::{DateTime, Utc};

use super::calendar::{Calendar, DayUnit};

/// A stop-the-clock hold on a case.
///
/// Holds are recorded as they happen, so they may overlap, arrive in any
/// order, or start before the clock they affect.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Pause {
    /// When the hold was placed.
    pub start: DateTime<Utc>,
    /// When the hold was lifted; `None` while it is still in force, because
    /// the deadline cannot be known until the case resumes.
    pub end: Option<DateTime<Utc>>,
}

/// A redress clock as the case defines it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ClockSpec {
    /// When the clock started (usually the filing instant).
    pub starts_at: DateTime<Utc>,
    /// Whether the clock counts working days or calendar days.
    pub unit: DayUnit,
    /// Total length, already including granted extensions and extra days,
    /// so this module never needs to know why the length changed.
    pub days: u32,
}

/// Where a clock stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Due {
    /// The clock is running (or has run out) and expires at this instant.
    At(DateTime<Utc>),
    /// A hold is in force; the deadline is undefined until it is lifted,
    /// and has been since this instant.
    Paused {
        /// Start of the uninterrupted hold currently in force.
        since: DateTime<Utc>,
    },
}

/// The deadline of a clock after its holds: each hold lifted in time pushes
/// the deadline back by the days it consumed (see [`Calendar::days_in_pause`]),
/// while a hold still in force suspends it.
///
/// Holds are normalised first, because the record is messy but the answer
/// must not depend on how it was entered: holds that ended before the clock
/// started are dropped, holds that started earlier are cut to the clock's
/// start, and holds that overlap or touch are merged into one continuous hold
/// (so a day is never consumed twice, and the input order is irrelevant).
/// The merged holds are then taken chronologically: a hold placed after the
/// current deadline changes nothing, because the clock had already run out
/// and a late hold cannot revive it.
#[must_use]
pub fn effective_due(calendar: &Calendar, spec: &ClockSpec, pauses: &[Pause]) -> Due {
    let mut due = calendar.due_at(spec.starts_at, spec.unit, spec.days);
    let mut consumed: u32 = 0;
    for hold in merged_holds(spec.starts_at, pauses) {
        if hold.start > due {
            break;
        }
        let Some(end) = hold.end else {
            return Due::Paused { since: hold.start };
        };
        consumed = consumed.saturating_add(calendar.days_in_pause(hold.start, end, spec.unit));
        due = calendar.due_at(
            spec.starts_at,
            spec.unit,
            spec.days.saturating_add(consumed),
        );
    }
    Due::At(due)
}

/// A case is overdue only once its deadline has fully passed: the deadline
/// instant itself is still in time, and a paused clock cannot be overdue.
#[must_use]
pub fn is_overdue(due: Due, now: DateTime<Utc>) -> bool {
    matches!(due, Due::At(at) if now > at)
}

/// Holds relevant to a clock starting at `starts_at`, clipped to it, with
/// reversed holds treated as empty, merged where they overlap or touch, in
/// chronological order.
fn merged_holds(starts_at: DateTime<Utc>, pauses: &[Pause]) -> Vec<Pause> {
    let mut holds: Vec<Pause> = pauses
        .iter()
        .filter(|pause| pause.end.is_none_or(|end| end >= starts_at))
        .map(|pause| {
            let start = pause.start.max(starts_at);
            Pause {
                start,
                end: pause.end.map(|end| end.max(start)),
            }
        })
        .collect();
    holds.sort_by_key(|hold| hold.start);
    let mut merged: Vec<Pause> = Vec::with_capacity(holds.len());
    for hold in holds {
        match merged.last_mut() {
            Some(last) if last.end.is_none_or(|end| hold.start <= end) => {
                last.end = match (last.end, hold.end) {
                    (Some(a), Some(b)) => Some(a.max(b)),
                    _ => None,
                };
            }
            _ => merged.push(hold),
        }
    }
    merged
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{Duration, NaiveDate, NaiveTime, TimeZone, Weekday};
    use chrono_tz::Tz;
    use proptest::prelude::*;

    const SAT_SUN: &[Weekday] = &[Weekday::Sat, Weekday::Sun];
    const FRI_SAT: &[Weekday] = &[Weekday::Fri, Weekday::Sat];

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("valid test date")
    }

    fn time(h: u32, m: u32) -> NaiveTime {
        NaiveTime::from_hms_opt(h, m, 0).expect("valid test time")
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

    fn local(cal: &Calendar, y: i32, mo: u32, d: u32, h: u32, mi: u32) -> DateTime<Utc> {
        cal.zone()
            .from_local_datetime(&date(y, mo, d).and_time(time(h, mi)))
            .earliest()
            .expect("test wall time exists")
            .with_timezone(&Utc)
    }

    fn closed(start: DateTime<Utc>, end: DateTime<Utc>) -> Pause {
        Pause {
            start,
            end: Some(end),
        }
    }

    fn working(starts_at: DateTime<Utc>, days: u32) -> ClockSpec {
        ClockSpec {
            starts_at,
            unit: DayUnit::Working,
            days,
        }
    }

    fn eob(cal: &Calendar, y: i32, m: u32, d: u32) -> Due {
        Due::At(cal.end_of_business(date(y, m, d)))
    }

    // ---- examples ------------------------------------------------------

    #[test]
    fn without_holds_the_deadline_is_the_calendar_deadline() {
        let cal = geneva(&[]);
        let spec = working(local(&cal, 2024, 3, 4, 9, 0), 10);
        assert_eq!(effective_due(&cal, &spec, &[]), eob(&cal, 2024, 3, 18));
    }

    #[test]
    fn a_two_working_day_hold_pushes_the_deadline_two_working_days() {
        let cal = geneva(&[]);
        let spec = working(local(&cal, 2024, 3, 4, 9, 0), 10); // due Mon 18 March
        let hold = closed(
            local(&cal, 2024, 3, 5, 10, 0), // Tue
            local(&cal, 2024, 3, 7, 10, 0), // Thu: Wed and Thu consumed
        );
        assert_eq!(effective_due(&cal, &spec, &[hold]), eob(&cal, 2024, 3, 20));
    }

    #[test]
    fn a_calendar_day_hold_pushes_by_dates_crossed_and_still_avoids_weekends() {
        let cal = geneva(&[]);
        let spec = ClockSpec {
            starts_at: local(&cal, 2024, 3, 4, 9, 0),
            unit: DayUnit::Calendar,
            days: 10, // Thu 14 March
        };
        let hold = closed(
            local(&cal, 2024, 3, 5, 10, 0),
            local(&cal, 2024, 3, 7, 9, 0),
        );
        // 12 calendar days lands on Saturday 16 March, rolled to Monday 18.
        assert_eq!(effective_due(&cal, &spec, &[hold]), eob(&cal, 2024, 3, 18));
    }

    #[test]
    fn a_hold_still_in_force_pauses_the_clock_since_it_was_placed() {
        let cal = geneva(&[]);
        let spec = working(local(&cal, 2024, 3, 4, 9, 0), 10);
        let since = local(&cal, 2024, 3, 6, 11, 0);
        let hold = Pause {
            start: since,
            end: None,
        };
        assert_eq!(effective_due(&cal, &spec, &[hold]), Due::Paused { since });
    }

    #[test]
    fn a_hold_placed_before_the_clock_started_only_counts_from_the_start() {
        let cal = geneva(&[]);
        let starts_at = local(&cal, 2024, 3, 6, 9, 0); // Wed, due Wed 20 March
        let spec = working(starts_at, 10);
        let early = closed(local(&cal, 2024, 3, 1, 9, 0), local(&cal, 2024, 3, 7, 9, 0));
        // Clipped to Wed 6 -> Thu 7: one working day.
        assert_eq!(effective_due(&cal, &spec, &[early]), eob(&cal, 2024, 3, 21));
        let open = Pause {
            start: local(&cal, 2024, 3, 1, 9, 0),
            end: None,
        };
        assert_eq!(
            effective_due(&cal, &spec, &[open]),
            Due::Paused { since: starts_at }
        );
    }

    #[test]
    fn a_hold_lifted_before_the_clock_started_is_ignored() {
        let cal = geneva(&[]);
        let spec = working(local(&cal, 2024, 3, 6, 9, 0), 10);
        let old = closed(local(&cal, 2024, 2, 1, 9, 0), local(&cal, 2024, 3, 5, 9, 0));
        assert_eq!(
            effective_due(&cal, &spec, &[old]),
            effective_due(&cal, &spec, &[])
        );
    }

    #[test]
    fn a_hold_placed_after_the_deadline_does_not_revive_the_clock() {
        let cal = geneva(&[]);
        let spec = working(local(&cal, 2024, 3, 4, 9, 0), 2); // due Wed 6 March 17:00
        let late = closed(
            local(&cal, 2024, 3, 6, 17, 1),
            local(&cal, 2024, 3, 12, 9, 0),
        );
        let late_open = Pause {
            start: local(&cal, 2024, 3, 7, 9, 0),
            end: None,
        };
        assert_eq!(effective_due(&cal, &spec, &[late]), eob(&cal, 2024, 3, 6));
        assert_eq!(
            effective_due(&cal, &spec, &[late_open]),
            eob(&cal, 2024, 3, 6)
        );
    }

    #[test]
    fn a_hold_placed_at_the_deadline_instant_still_counts() {
        let cal = geneva(&[]);
        let spec = working(local(&cal, 2024, 3, 4, 9, 0), 2);
        let due = cal.end_of_business(date(2024, 3, 6));
        let hold = closed(due, local(&cal, 2024, 3, 7, 9, 0));
        assert_eq!(effective_due(&cal, &spec, &[hold]), eob(&cal, 2024, 3, 7));
        let open = Pause {
            start: due,
            end: None,
        };
        assert_eq!(
            effective_due(&cal, &spec, &[open]),
            Due::Paused { since: due }
        );
    }

    #[test]
    fn a_hold_that_pushed_the_deadline_lets_a_later_hold_count() {
        let cal = geneva(&[]);
        let spec = working(local(&cal, 2024, 3, 4, 9, 0), 2); // due Wed 6 March
        let first = closed(local(&cal, 2024, 3, 5, 9, 0), local(&cal, 2024, 3, 8, 9, 0));
        // Wed, Thu and Fri consumed: 5 working days from Monday is Monday 11.
        let second = closed(
            local(&cal, 2024, 3, 11, 9, 0),
            local(&cal, 2024, 3, 12, 9, 0),
        );
        assert_eq!(effective_due(&cal, &spec, &[first]), eob(&cal, 2024, 3, 11));
        assert_eq!(
            effective_due(&cal, &spec, &[second, first]),
            eob(&cal, 2024, 3, 12)
        );
    }

    #[test]
    fn overlapping_holds_consume_each_day_once() {
        let cal = geneva(&[]);
        let spec = working(local(&cal, 2024, 3, 4, 9, 0), 10);
        let a = closed(local(&cal, 2024, 3, 5, 9, 0), local(&cal, 2024, 3, 8, 9, 0));
        let b = closed(local(&cal, 2024, 3, 6, 9, 0), local(&cal, 2024, 3, 7, 9, 0));
        let c = closed(
            local(&cal, 2024, 3, 7, 9, 0),
            local(&cal, 2024, 3, 12, 9, 0),
        );
        // Union is Tue 5 -> Tue 12: Wed, Thu, Fri, Mon, Tue = 5 working days.
        assert_eq!(
            effective_due(&cal, &spec, &[a, b, c]),
            eob(&cal, 2024, 3, 25)
        );
    }

    #[test]
    fn an_open_hold_overlapping_a_closed_one_pauses_since_the_earlier_start() {
        let cal = geneva(&[]);
        let spec = working(local(&cal, 2024, 3, 4, 9, 0), 10);
        let since = local(&cal, 2024, 3, 5, 9, 0);
        let closed_hold = closed(since, local(&cal, 2024, 3, 8, 9, 0));
        let open = Pause {
            start: local(&cal, 2024, 3, 7, 9, 0),
            end: None,
        };
        assert_eq!(
            effective_due(&cal, &spec, &[open, closed_hold]),
            Due::Paused { since }
        );
    }

    #[test]
    fn a_lifted_hold_followed_by_one_still_in_force_pauses_from_the_second() {
        let cal = geneva(&[]);
        let spec = working(local(&cal, 2024, 3, 4, 9, 0), 10);
        let first = closed(local(&cal, 2024, 3, 5, 9, 0), local(&cal, 2024, 3, 6, 9, 0));
        let since = local(&cal, 2024, 3, 8, 9, 0);
        let open = Pause {
            start: since,
            end: None,
        };
        assert_eq!(
            effective_due(&cal, &spec, &[open, first]),
            Due::Paused { since }
        );
    }

    #[test]
    fn a_reversed_hold_is_treated_as_empty() {
        let cal = geneva(&[]);
        let spec = working(local(&cal, 2024, 3, 4, 9, 0), 10);
        let reversed = closed(local(&cal, 2024, 3, 8, 9, 0), local(&cal, 2024, 3, 5, 9, 0));
        assert_eq!(
            effective_due(&cal, &spec, &[reversed]),
            effective_due(&cal, &spec, &[])
        );
    }

    /// The rule counts a hold by the working days it crosses, so a hold that
    /// is placed on the deadline day before close of business and lifted
    /// after it, without crossing into another working day, leaves the
    /// deadline where it was: the clock expired while the case was on hold,
    /// and a later hold is then ignored as placed after the deadline.
    #[test]
    fn a_hold_straddling_close_of_business_on_the_deadline_day_does_not_save_the_clock() {
        let cal = geneva(&[]);
        let spec = working(local(&cal, 2024, 3, 4, 9, 0), 4); // due Fri 8 March
        let straddle = closed(
            local(&cal, 2024, 3, 8, 10, 0),
            local(&cal, 2024, 3, 9, 12, 0),
        );
        let next = closed(
            local(&cal, 2024, 3, 10, 12, 0),
            local(&cal, 2024, 3, 12, 9, 0),
        );
        assert_eq!(
            effective_due(&cal, &spec, &[straddle]),
            eob(&cal, 2024, 3, 8)
        );
        assert_eq!(
            effective_due(&cal, &spec, &[straddle, next]),
            eob(&cal, 2024, 3, 8)
        );
        // One continuous hold over the same period consumes Mon and Tue.
        let continuous = closed(straddle.start, local(&cal, 2024, 3, 12, 9, 0));
        assert_eq!(
            effective_due(&cal, &spec, &[continuous]),
            eob(&cal, 2024, 3, 12)
        );
    }

    #[test]
    fn a_case_is_overdue_only_after_the_deadline_instant() {
        let cal = geneva(&[]);
        let at = cal.end_of_business(date(2024, 3, 8));
        let due = Due::At(at);
        assert!(!is_overdue(due, at - Duration::seconds(1)));
        assert!(!is_overdue(due, at));
        assert!(is_overdue(due, at + Duration::seconds(1)));
    }

    #[test]
    fn a_paused_case_is_never_overdue() {
        let since = NaiveDate::from_ymd_opt(2024, 3, 1)
            .and_then(|d| d.and_hms_opt(9, 0, 0))
            .expect("valid")
            .and_utc();
        let due = Due::Paused { since };
        assert!(!is_overdue(due, since + Duration::days(3650)));
    }

    #[test]
    fn enormous_holds_saturate_instead_of_panicking() {
        let cal = geneva(&[]);
        let spec = working(local(&cal, 2024, 3, 4, 9, 0), u32::MAX - 1);
        let hold = closed(local(&cal, 2024, 3, 5, 9, 0), DateTime::<Utc>::MAX_UTC);
        let Due::At(due) = effective_due(&cal, &spec, &[hold, hold]) else {
            panic!("a closed hold cannot pause the clock");
        };
        assert!(due > spec.starts_at);
    }

    // ---- properties ------------------------------------------------------

    const ZONES: &[Tz] = &[
        chrono_tz::UTC,
        chrono_tz::Europe::Zurich,
        chrono_tz::America::New_York,
        chrono_tz::Pacific::Auckland,
        chrono_tz::Asia::Kolkata,
    ];

    /// 2019-01-01T00:00:00Z and 2030-01-01T00:00:00Z.
    const FROM_SECS: i64 = 1_546_300_800;
    const UNTIL_SECS: i64 = 1_893_456_000;

    fn instant() -> impl Strategy<Value = DateTime<Utc>> {
        (FROM_SECS..UNTIL_SECS)
            .prop_map(|secs| DateTime::from_timestamp(secs, 0).expect("in range"))
    }

    fn calendar() -> impl Strategy<Value = Calendar> {
        (
            prop::sample::select(ZONES),
            prop_oneof![Just(SAT_SUN), Just(FRI_SAT)],
            prop::collection::vec(0..(12 * 366_i64), 0..300),
            17 * 60..=18 * 60 + 30_u32,
        )
            .prop_map(|(zone, weekend, offsets, minutes)| {
                let holidays = offsets
                    .into_iter()
                    .map(|offset| date(2019, 1, 1) + Duration::days(offset));
                let end = time(minutes / 60, minutes % 60);
                Calendar::new(zone, weekend, holidays, end).expect("has working days")
            })
    }

    fn spec() -> impl Strategy<Value = ClockSpec> {
        (
            instant(),
            prop_oneof![Just(DayUnit::Working), Just(DayUnit::Calendar)],
            0..120_u32,
        )
            .prop_map(|(starts_at, unit, days)| ClockSpec {
                starts_at,
                unit,
                days,
            })
    }

    /// Holds around the clock's start: from a week before to ~200 days after,
    /// lasting up to ~30 days, some of them still in force.
    fn pauses_near(starts_at: DateTime<Utc>, max: usize) -> impl Strategy<Value = Vec<Pause>> {
        prop::collection::vec(
            (
                -7 * 24 * 60..200 * 24 * 60_i64,
                0..30 * 24 * 60_i64,
                prop::bool::weighted(0.1),
            ),
            0..max,
        )
        .prop_map(move |raw| {
            raw.into_iter()
                .map(|(offset, length, open)| {
                    let start = starts_at + Duration::minutes(offset);
                    Pause {
                        start,
                        end: (!open).then(|| start + Duration::minutes(length)),
                    }
                })
                .collect()
        })
    }

    /// The instant a given fraction of the way from `from` to `to`.
    fn fraction_between(from: DateTime<Utc>, to: DateTime<Utc>, fraction: f64) -> DateTime<Utc> {
        let span = (to - from).num_seconds().max(0);
        #[allow(clippy::cast_possible_truncation, clippy::cast_precision_loss)]
        let offset = (span as f64 * fraction) as i64;
        from + Duration::seconds(offset)
    }

    fn closed_only(pauses: Vec<Pause>) -> Vec<Pause> {
        pauses.into_iter().filter(|p| p.end.is_some()).collect()
    }

    fn case() -> impl Strategy<Value = (Calendar, ClockSpec, Vec<Pause>)> {
        (calendar(), spec())
            .prop_flat_map(|(cal, spec)| (Just(cal), Just(spec), pauses_near(spec.starts_at, 6)))
    }

    proptest! {
        // Some properties only apply before the deadline's date and reject
        // the other draws, hence the generous rejection budget.
        #![proptest_config(ProptestConfig {
            cases: 256,
            max_global_rejects: 4096,
            ..ProptestConfig::default()
        })]

        #[test]
        fn holds_never_bring_a_deadline_forward((cal, spec, pauses) in case()) {
            let base = cal.due_at(spec.starts_at, spec.unit, spec.days);
            if let Due::At(due) = effective_due(&cal, &spec, &pauses) {
                prop_assert!(due >= base);
            }
        }

        #[test]
        fn a_deadline_after_holds_still_falls_at_close_of_a_working_day(
            (cal, spec, pauses) in case(),
        ) {
            if let Due::At(due) = effective_due(&cal, &spec, &pauses) {
                let day = cal.local_date(due);
                prop_assert!(cal.is_working_day(day));
                prop_assert_eq!(cal.end_of_business(day), due);
            }
        }

        /// Whatever the holds, the outcome is the clock with some whole number
        /// of extra days, bounded by the days the holds could have consumed.
        #[test]
        fn holds_only_ever_lengthen_the_clock_by_the_days_they_consume(
            (cal, spec, pauses) in case(),
        ) {
            let pauses = closed_only(pauses);
            let ceiling: u32 = pauses
                .iter()
                .filter_map(|p| p.end.map(|end| cal.days_in_pause(p.start.max(spec.starts_at), end, spec.unit)))
                .sum();
            let Due::At(due) = effective_due(&cal, &spec, &pauses) else {
                return Err(TestCaseError::fail("only closed holds were given"));
            };
            let matches = (0..=ceiling)
                .any(|extra| cal.due_at(spec.starts_at, spec.unit, spec.days + extra) == due);
            prop_assert!(matches);
        }

        #[test]
        fn the_order_holds_were_recorded_in_does_not_matter(
            (cal, spec, original, shuffled) in case().prop_flat_map(|(cal, spec, pauses)| {
                let shuffled = Just(pauses.clone()).prop_shuffle();
                (Just(cal), Just(spec), Just(pauses), shuffled)
            }),
        ) {
            prop_assert_eq!(
                effective_due(&cal, &spec, &original),
                effective_due(&cal, &spec, &shuffled)
            );
        }

        #[test]
        fn holds_that_cross_no_working_day_leave_a_working_day_deadline_alone(
            (cal, mut spec, pauses) in case(),
        ) {
            spec.unit = DayUnit::Working;
            let free: Vec<Pause> = closed_only(pauses)
                .into_iter()
                .map(|p| {
                    // Cut each hold short so it is lifted before the next working day.
                    let next = cal.add_working_days(cal.local_date(p.start), 1);
                    let end = p.end.map(|end| {
                        let mut end = end;
                        while cal.local_date(end) >= next {
                            end -= Duration::hours(6);
                        }
                        end
                    });
                    Pause { start: p.start, end }
                })
                .collect();
            for p in &free {
                if let Some(end) = p.end {
                    prop_assert_eq!(cal.days_in_pause(p.start, end, DayUnit::Working), 0);
                }
            }
            prop_assert_eq!(
                effective_due(&cal, &spec, &free),
                Due::At(cal.due_at(spec.starts_at, DayUnit::Working, spec.days))
            );
        }

        #[test]
        fn a_single_lifted_hold_before_the_deadline_adds_exactly_the_days_it_consumed(
            cal in calendar(), spec in spec(), offset in 0.0..1.0_f64, length in 0..60 * 24 * 60_i64,
        ) {
            let base = cal.due_at(spec.starts_at, spec.unit, spec.days);
            let start = fraction_between(spec.starts_at, base, offset);
            let end = start + Duration::minutes(length);
            let consumed = cal.days_in_pause(start, end, spec.unit);
            prop_assert_eq!(
                effective_due(&cal, &spec, &[closed(start, end)]),
                Due::At(cal.due_at(spec.starts_at, spec.unit, spec.days + consumed))
            );
        }

        #[test]
        fn a_hold_in_force_before_the_deadline_always_pauses_the_clock(
            (cal, spec, pauses) in case(), offset in 0.0..1.0_f64,
        ) {
            let base = cal.due_at(spec.starts_at, spec.unit, spec.days);
            let since = fraction_between(spec.starts_at, base, offset);
            let mut with_open = closed_only(pauses);
            with_open.push(Pause { start: since, end: None });
            // Earlier closed holds only push the deadline later, so the open
            // hold is still before it; it may merge with a hold covering it.
            let Due::Paused { since: reported } = effective_due(&cal, &spec, &with_open) else {
                return Err(TestCaseError::fail("expected a paused clock"));
            };
            prop_assert!(reported <= since);
            prop_assert!(reported >= spec.starts_at);
        }

        /// Cutting a hold in two at one instant changes nothing: holds that
        /// touch are one continuous hold.
        #[test]
        fn splitting_a_hold_at_an_instant_changes_nothing(
            cal in calendar(), spec in spec(), offset in 0..120 * 24 * 60_i64,
            length in 0..40 * 24 * 60_i64, cut in 0.0..1.0_f64,
        ) {
            let start = spec.starts_at + Duration::minutes(offset);
            let end = start + Duration::minutes(length);
            let middle = fraction_between(start, end, cut);
            prop_assert_eq!(
                effective_due(&cal, &spec, &[closed(start, end)]),
                effective_due(&cal, &spec, &[closed(start, middle), closed(middle, end)])
            );
        }

        /// Lifting a hold and re-placing it later is free if the interruption
        /// only covers days that would not have counted anyway (same date, or
        /// closed days), provided the interruption happens before the
        /// deadline's date: otherwise the clock may have run out in between
        /// (see `a_hold_straddling_close_of_business_on_the_deadline_day_does_not_save_the_clock`).
        #[test]
        fn an_interruption_on_non_counting_days_before_the_deadline_costs_nothing(
            cal in calendar(), spec in spec(), at in 0.0..1.0_f64,
            first in 0.0..1.0_f64, gap in 0.0..1.0_f64, second in 0..20 * 24 * 60_i64,
        ) {
            let base = cal.due_at(spec.starts_at, spec.unit, spec.days);
            let start = fraction_between(spec.starts_at, base, at);
            let lifted = fraction_between(start, base, first);
            // The next date that would count in the clock's unit.
            let lifted_day = cal.local_date(lifted);
            let next_counting = match spec.unit {
                DayUnit::Working => cal.add_working_days(lifted_day, 1),
                DayUnit::Calendar => lifted_day + Duration::days(1),
            };
            let next_midnight = cal
                .zone()
                .from_local_datetime(&next_counting.and_time(NaiveTime::MIN))
                .earliest()
                .expect("test zones have no midnight gap")
                .with_timezone(&Utc);
            let replaced = fraction_between(lifted, next_midnight - Duration::seconds(1), gap);
            let end = replaced + Duration::minutes(second);
            prop_assert_eq!(cal.days_in_pause(lifted, replaced, spec.unit), 0);
            prop_assume!(cal.local_date(replaced) < cal.local_date(base));
            prop_assert_eq!(
                effective_due(&cal, &spec, &[closed(start, end)]),
                effective_due(&cal, &spec, &[closed(start, lifted), closed(replaced, end)])
            );
        }
    }
}
