//! The client-side rate limiter of the *adaptive* retry mode, as the official SDKs
//! define it (smithy-rs `ClientRateLimiter`, botocore `retries/adaptive.py` and
//! `bucket.py`, the Go SDK v2's `adaptive_ratelimit.go`).
//!
//! A token bucket that stays disabled until a response is throttled. From then on
//! every attempt takes tokens from it (1 for a call's first attempt, 5 for a retry, 10
//! for a retry after a timeout) and waits when the bucket is short. The bucket refills
//! at a rate that CUBIC congestion control sets: cut to 70 % of the measured sending
//! rate on each throttling response, then grown back along a cubic curve (slow near
//! the rate that was throttled, faster beyond it) as responses succeed, never above
//! twice the rate actually measured.
//!
//! Times are seconds on a clock of the caller's choosing, so that the arithmetic is
//! tested with exact times; the client passes seconds since it was built, from
//! `tokio::time::Instant` (which a test can pause and advance).

use std::sync::{Mutex, PoisonError};
use std::time::Duration;

/// Tokens a retry takes.
const RETRY_COST: f64 = 5.0;
/// Tokens a retry after a timeout takes.
const RETRY_TIMEOUT_COST: f64 = RETRY_COST * 2.0;
/// Tokens a call's first attempt takes.
const INITIAL_REQUEST_COST: f64 = 1.0;
/// The slowest the bucket refills, in tokens per second.
const MIN_FILL_RATE: f64 = 0.5;
/// The least the bucket holds, so that a first attempt can always go eventually.
const MIN_CAPACITY: f64 = 1.0;
/// Weight of the newest half-second in the measured sending rate.
const SMOOTH: f64 = 0.8;
/// The share of the sending rate kept after a throttling response.
const BETA: f64 = 0.7;
/// How fast the rate grows back after a throttling response.
const SCALE_CONSTANT: f64 = 0.4;

/// What an attempt is, for its cost.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum RequestKind {
    /// A call's first attempt.
    Initial,
    /// A retry.
    Retry,
    /// A retry after a timeout.
    RetryTimeout,
}

impl RequestKind {
    fn cost(self) -> f64 {
        match self {
            RequestKind::Initial => INITIAL_REQUEST_COST,
            RequestKind::Retry => RETRY_COST,
            RequestKind::RetryTimeout => RETRY_TIMEOUT_COST,
        }
    }
}

/// The adaptive mode's rate limiter, shared by every call of a client (and of the
/// clients derived from it).
#[derive(Debug)]
pub(crate) struct ClientRateLimiter {
    state: Mutex<State>,
}

#[derive(Debug, Clone)]
struct State {
    /// Tokens per second put back into the bucket.
    fill_rate: f64,
    max_capacity: f64,
    /// Negative while callers wait for tokens they were promised.
    current_capacity: f64,
    last_timestamp: Option<f64>,
    /// Off until the first throttling response.
    enabled: bool,
    /// The smoothed rate of responses, per second.
    measured_tx_rate: f64,
    /// The half-second the measured rate was last updated in.
    last_tx_rate_bucket: f64,
    request_count: u64,
    /// The rate that was throttled last.
    last_max_rate: f64,
    time_of_last_throttle: f64,
}

impl ClientRateLimiter {
    /// A limiter, disabled, whose clock reads `now`.
    pub(crate) fn new(now: f64) -> Self {
        ClientRateLimiter {
            state: Mutex::new(State {
                // Set by the first response; unused while disabled.
                fill_rate: 0.0,
                max_capacity: f64::MAX,
                current_capacity: 0.0,
                last_timestamp: None,
                enabled: false,
                measured_tx_rate: MIN_FILL_RATE,
                last_tx_rate_bucket: now.floor(),
                request_count: 0,
                last_max_rate: 0.0,
                time_of_last_throttle: now,
            }),
        }
    }

    fn state(&self) -> std::sync::MutexGuard<'_, State> {
        // Plain numbers, consistent after any panic.
        self.state.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Takes the tokens an attempt of `kind` costs at `now`; when the bucket is short,
    /// how long the attempt must wait first (its tokens are taken all the same, so
    /// that callers queue up behind each other). `None` while the limiter is disabled.
    pub(crate) fn acquire(&self, now: f64, kind: RequestKind) -> Option<Duration> {
        let mut state = self.state();
        if !state.enabled {
            return None;
        }
        let amount = kind.cost();
        state.refill(now);
        let wait = (amount > state.current_capacity)
            .then(|| Duration::from_secs_f64((amount - state.current_capacity) / state.fill_rate));
        state.current_capacity -= amount;
        wait
    }

    /// Records a response received at `now`, throttling or not.
    pub(crate) fn update(&self, now: f64, throttled: bool) {
        let mut state = self.state();
        state.measure(now);
        let calculated = if throttled {
            let rate = if state.enabled {
                state.measured_tx_rate.min(state.fill_rate)
            } else {
                state.measured_tx_rate
            };
            state.last_max_rate = rate;
            state.time_of_last_throttle = now;
            state.enabled = true;
            rate * BETA
        } else {
            state.cubic_success(now)
        };
        let new_rate = calculated.min(2.0 * state.measured_tx_rate);
        state.refill(now);
        state.fill_rate = new_rate.max(MIN_FILL_RATE);
        state.max_capacity = new_rate.max(MIN_CAPACITY);
        state.current_capacity = state.current_capacity.min(state.max_capacity);
    }

    /// The refill rate in tokens per second while enabled; `None` before the first
    /// throttling response.
    #[cfg(test)]
    pub(crate) fn rate(&self) -> Option<f64> {
        let state = self.state();
        state.enabled.then_some(state.fill_rate)
    }
}

impl State {
    fn refill(&mut self, now: f64) {
        if let Some(last) = self.last_timestamp {
            let filled = self.current_capacity + (now - last) * self.fill_rate;
            self.current_capacity = filled.min(self.max_capacity);
        }
        self.last_timestamp = Some(now);
    }

    /// Counts a response into the rate of the half-second it falls in.
    fn measure(&mut self, now: f64) {
        let bucket = (now * 2.0).floor() / 2.0;
        self.request_count += 1;
        if bucket > self.last_tx_rate_bucket {
            let current = self.request_count as f64 / (bucket - self.last_tx_rate_bucket);
            self.measured_tx_rate = current * SMOOTH + self.measured_tx_rate * (1.0 - SMOOTH);
            self.request_count = 0;
            self.last_tx_rate_bucket = bucket;
        }
    }

    /// How long after a throttle the cubic curve takes to climb back to the rate that
    /// was throttled.
    fn time_window(&self) -> f64 {
        ((self.last_max_rate * (1.0 - BETA)) / SCALE_CONSTANT).cbrt()
    }

    fn cubic_success(&self, now: f64) -> f64 {
        let dt = now - self.time_of_last_throttle - self.time_window();
        SCALE_CONSTANT * dt.powi(3) + self.last_max_rate
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1.0)
    }

    /// A limiter in the state the SDKs' shared test tables start from: everything
    /// zero, nothing measured.
    fn zeroed() -> ClientRateLimiter {
        let limiter = ClientRateLimiter::new(0.0);
        limiter.state().measured_tx_rate = 0.0;
        limiter
    }

    /// The table every SDK runs its limiter against (Go v2 `adaptive_ratelimit_test.go`
    /// `TestClientRateLimiter`, ported as is to smithy-rs `test_client_sending_rates`):
    /// responses 200 ms apart, throttled at 2.0 s and 3.2 s; the measured rate and the
    /// refill rate after each.
    #[test]
    fn sending_rates_match_the_sdks_table() {
        let limiter = zeroed();
        let table: [(bool, f64, f64, f64); 17] = [
            (false, 0.2, 0.0, 0.5),
            (false, 0.4, 0.0, 0.5),
            (false, 0.6, 4.800000000000001, 0.5),
            (false, 0.8, 4.800000000000001, 0.5),
            (false, 1.0, 4.16, 0.5),
            (false, 1.2, 4.16, 0.6912),
            (false, 1.4, 4.16, 1.0975999999999997),
            (false, 1.6, 5.632000000000001, 1.6384000000000005),
            (false, 1.8, 5.632000000000001, 2.3328),
            (true, 2.0, 4.3264, 3.0284799999999996),
            (false, 2.2, 4.3264, 3.48663917347026),
            (false, 2.4, 4.3264, 3.821874416040255),
            (false, 2.6, 5.66528, 4.053385727709987),
            (false, 2.8, 5.66528, 4.200373108479454),
            (false, 3.0, 4.333056, 4.282036558348658),
            (true, 3.2, 4.333056, 2.99742559084406),
            (false, 3.4, 4.333056, 3.4522263943863463),
        ];
        for (throttled, now, measured, fill) in table {
            limiter.update(now, throttled);
            let state = limiter.state().clone();
            assert!(close(state.measured_tx_rate, measured), "{now}: {state:?}");
            assert!(close(state.fill_rate, fill), "{now}: {state:?}");
        }
    }

    /// The cubic curve of the same tests: 70 % of the throttled rate at the throttle,
    /// back at the throttled rate one time window later, beyond it after.
    #[test]
    fn cubic_curve_matches_the_sdks_table() {
        let limiter = ClientRateLimiter::new(5.0);
        let mut state = limiter.state();
        state.last_max_rate = 10.0;
        for (now, expected) in [
            (5.0, 7.0),
            (6.0, 9.64893600966),
            (7.0, 10.000030849917364),
            (8.0, 10.453284520772092),
            (9.0, 13.408697022224185),
            (10.0, 21.26626835427364),
            (11.0, 36.425998516920465),
        ] {
            assert!(close(state.cubic_success(now), expected), "{now}");
        }
    }

    #[test]
    fn disabled_until_a_throttle_then_costs_by_kind() {
        let limiter = ClientRateLimiter::new(100.0);
        for i in 0..50 {
            assert_eq!(
                limiter.acquire(100.0 + f64::from(i) * 0.01, RequestKind::Retry),
                None
            );
        }
        assert_eq!(limiter.rate(), None);
        // One response in the half-second: measured 2/s smoothed with the initial
        // 0.5/s, 1.7/s; throttled, the refill rate is 70 % of it.
        limiter.update(100.5, true);
        let rate = limiter.rate().unwrap();
        assert!(close(rate, 1.7 * BETA), "{rate}");
        // The bucket starts empty: a first attempt waits for 1 token.
        let wait = limiter.acquire(100.5, RequestKind::Initial).unwrap();
        assert!(close(wait.as_secs_f64(), 1.0 / rate), "{wait:?}");
        // Its token is promised: a retry queues behind it, for 5 more.
        let wait = limiter.acquire(100.5, RequestKind::Retry).unwrap();
        assert!(close(wait.as_secs_f64(), 6.0 / rate), "{wait:?}");
        let wait = limiter.acquire(100.5, RequestKind::RetryTimeout).unwrap();
        assert!(close(wait.as_secs_f64(), 16.0 / rate), "{wait:?}");
    }

    /// A storm of throttling responses drives the rate down to the floor, and steady
    /// successes afterwards raise it above where the storm started: the clock is the
    /// test's, so the thresholds are exact.
    #[test]
    fn a_throttling_storm_slows_down_and_successes_recover() {
        let limiter = ClientRateLimiter::new(0.0);
        // 20 responses a second, all fine: the limiter stays out of the way.
        let mut now = 0.0;
        for _ in 0..40 {
            now += 0.05;
            assert_eq!(limiter.acquire(now, RequestKind::Initial), None);
            limiter.update(now, false);
        }
        // The storm: each response throttled, each attempt waits for its tokens.
        let mut rates = Vec::new();
        for _ in 0..30 {
            if let Some(wait) = limiter.acquire(now, RequestKind::Initial) {
                now += wait.as_secs_f64();
            }
            now += 0.05;
            limiter.update(now, true);
            rates.push(limiter.rate().unwrap());
        }
        assert!(rates.windows(2).all(|w| w[1] <= w[0] + 1e-9), "{rates:?}");
        assert!(rates[0] < 20.0 * BETA + 1e-9, "{rates:?}");
        assert!(close(*rates.last().unwrap(), MIN_FILL_RATE), "{rates:?}");
        let storm_end = now;
        // Calm: attempts still pace themselves, and the rate climbs back.
        let mut waited = 0.0;
        while now < storm_end + 60.0 {
            if let Some(wait) = limiter.acquire(now, RequestKind::Initial) {
                waited += wait.as_secs_f64();
                now += wait.as_secs_f64();
            }
            now += 0.05;
            limiter.update(now, false);
        }
        assert!(waited > 0.0);
        let recovered = limiter.rate().unwrap();
        assert!(recovered > 10.0, "{recovered}");
        // Recovered, an attempt goes without waiting.
        now += 1.0;
        assert_eq!(limiter.acquire(now, RequestKind::Initial), None);
    }
}
