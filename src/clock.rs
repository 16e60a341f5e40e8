//! The one clock (DESIGN §1). Every instant the app acts at — a request, a sweep, a delivery,
//! a task — is read here, so a test can put the whole app at a chosen instant (a Friday
//! evening, New Year's Eve, a DST change) and nothing depends on the day the suite runs.
//! Domain code never reads the time: it takes `now` from its caller, who takes it from here.
use std::{
    sync::{Arc, Mutex, PoisonError},
    time::Instant,
};

use chrono::{DateTime, Duration, SubsecRound, Utc};
use loco_rs::app::AppContext;

/// Where a set clock stands: the instant it was set to and when, so it keeps running at the
/// real pace from there.
#[derive(Clone, Copy, Debug)]
struct Anchor {
    at: DateTime<Utc>,
    since: Instant,
}

/// The app's clock: the system's, or one set to an instant that runs on from it.
#[derive(Debug, Default)]
pub struct Clock {
    anchor: Mutex<Option<Anchor>>,
}

impl Clock {
    /// The system clock.
    #[must_use]
    pub fn system() -> Self {
        Self::default()
    }

    /// A clock that reads `at` now and runs on at the real pace.
    #[must_use]
    pub fn starting_at(at: DateTime<Utc>) -> Self {
        let clock = Self::default();
        clock.set(at);
        clock
    }

    /// The current instant, at the precision both databases store (microseconds).
    #[must_use]
    pub fn now(&self) -> DateTime<Utc> {
        let anchor = *self.anchor.lock().unwrap_or_else(PoisonError::into_inner);
        let now = match anchor {
            None => Utc::now(),
            Some(a) => {
                let ran = Duration::from_std(a.since.elapsed()).unwrap_or(Duration::MAX);
                a.at.checked_add_signed(ran).unwrap_or(a.at)
            }
        };
        now.trunc_subsecs(6)
    }

    /// Puts the clock at `at`; it runs on from there.
    pub fn set(&self, at: DateTime<Utc>) {
        *self.anchor.lock().unwrap_or_else(PoisonError::into_inner) = Some(Anchor {
            at,
            since: Instant::now(),
        });
    }

    /// Moves the clock by `by` (forwards or back).
    pub fn advance(&self, by: Duration) {
        let now = self.now();
        self.set(now.checked_add_signed(by).unwrap_or(now));
    }

    /// The clock the app booted with (`App::after_context`), or the system clock for a
    /// context built without it.
    #[must_use]
    pub fn of(ctx: &AppContext) -> Arc<Self> {
        ctx.shared_store
            .get::<Arc<Self>>()
            .unwrap_or_else(|| Arc::new(Self::system()))
    }
}

/// The current instant of the app behind `ctx`.
#[must_use]
pub fn now(ctx: &AppContext) -> DateTime<Utc> {
    Clock::of(ctx).now()
}

#[cfg(test)]
mod tests {
    use chrono::TimeZone;

    use super::*;

    fn new_year() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 12, 31, 23, 59, 59)
            .single()
            .expect("instant")
    }

    #[test]
    fn a_set_clock_reads_its_instant_and_runs_on_from_it() {
        let clock = Clock::starting_at(new_year());
        let first = clock.now();
        assert!(first >= new_year() && first - new_year() < Duration::seconds(5));
        assert!(
            clock.now() >= first,
            "a clock never runs backwards on its own"
        );
    }

    #[test]
    fn a_clock_moves_when_told_and_keeps_microseconds_only() {
        let clock = Clock::starting_at(new_year());
        clock.advance(Duration::days(2));
        let now = clock.now();
        assert_eq!(now.date_naive().to_string(), "2027-01-02");
        assert_eq!(now.timestamp_subsec_nanos() % 1000, 0);
    }

    #[test]
    fn the_system_clock_reads_the_real_time() {
        let clock = Clock::system();
        assert!((clock.now() - Utc::now()).num_seconds().abs() < 5);
    }
}
