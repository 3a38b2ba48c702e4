//! Stalled-stream protection: a response body that stops arriving (or arrives slower
//! than a minimum rate) fails instead of holding the call forever.

use std::collections::VecDeque;
use std::time::Duration;

use tokio::time::Instant;

/// How long a response body may arrive slower than the minimum rate before the
/// attempt fails, by default (the official SDKs' 5 s).
pub const DEFAULT_STALL_GRACE_PERIOD: Duration = Duration::from_secs(5);

/// The minimum rate of a response body by default, in bytes per second (the official
/// SDKs' 1 byte/s).
pub const DEFAULT_MIN_THROUGHPUT: u64 = 1;

/// Whether and how a client fails a response body that stalls.
///
/// On by default, as in the official SDKs: a response body of which fewer than
/// [`DEFAULT_MIN_THROUGHPUT`] bytes per second arrive, on average over any stretch of
/// [`DEFAULT_STALL_GRACE_PERIOD`] (5 s) while the client waits for it, fails the attempt
/// with a [`TransportErrorKind::Timeout`](crate::TransportErrorKind::Timeout) error. A
/// server that goes silent mid-body is caught after the grace period; one that trickles
/// a byte every two seconds is caught too, however long its body. The time to the
/// response's headers is bounded separately, by
/// [`ClientBuilder::response_header_timeout`](crate::ClientBuilder::response_header_timeout).
///
/// ```
/// use std::time::Duration;
/// use awsjson::StalledStreamProtection;
///
/// let client = awsjson::Client::builder()
///     .region("us-east-1")
///     .credentials(awsjson::Credentials::new("AKID", "SECRET", None))
///     .stalled_stream_protection(
///         StalledStreamProtection::enabled().with_grace_period(Duration::from_secs(10)),
///     )
///     .build()
///     .unwrap();
/// # let _ = client;
/// // Off, as for a service known to pause its bodies on purpose:
/// assert!(!StalledStreamProtection::disabled().is_enabled());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct StalledStreamProtection {
    enabled: bool,
    grace_period: Duration,
    min_throughput: u64,
}

impl StalledStreamProtection {
    /// Protection with the defaults: 1 byte/s over a 5 s grace period.
    pub const fn enabled() -> Self {
        StalledStreamProtection {
            enabled: true,
            grace_period: DEFAULT_STALL_GRACE_PERIOD,
            min_throughput: DEFAULT_MIN_THROUGHPUT,
        }
    }

    /// No protection: a body that stops arriving waits for the attempt or operation
    /// timeout, if one is set, else forever.
    pub const fn disabled() -> Self {
        StalledStreamProtection {
            enabled: false,
            ..Self::enabled()
        }
    }

    /// How long the body may arrive slower than the minimum rate; a zero duration is
    /// taken as 1 ms.
    #[must_use]
    pub const fn with_grace_period(mut self, grace_period: Duration) -> Self {
        self.grace_period = grace_period;
        self
    }

    /// The minimum rate, in bytes per second, averaged over the grace period.
    #[must_use]
    pub const fn with_min_throughput(mut self, bytes_per_second: u64) -> Self {
        self.min_throughput = bytes_per_second;
        self
    }

    /// Whether a stalled body fails.
    pub const fn is_enabled(&self) -> bool {
        self.enabled
    }

    /// The grace period.
    pub const fn grace_period(&self) -> Duration {
        self.grace_period
    }

    /// The minimum rate in bytes per second.
    pub const fn min_throughput(&self) -> u64 {
        self.min_throughput
    }

    /// A monitor for one response body, or `None` when protection is off.
    pub(crate) fn monitor(&self) -> Option<StallMonitor> {
        if !self.enabled || self.min_throughput == 0 {
            return None;
        }
        let grace = self.grace_period.max(Duration::from_millis(1));
        // Bytes the grace period must see: the rate times the period, rounded up.
        let needed = (u128::from(self.min_throughput) * grace.as_nanos()).div_ceil(1_000_000_000);
        Some(StallMonitor {
            rate: self.min_throughput,
            grace,
            needed: u64::try_from(needed).unwrap_or(u64::MAX),
            started: Instant::now(),
            recent: VecDeque::new(),
            in_window: 0,
        })
    }
}

impl Default for StalledStreamProtection {
    fn default() -> Self {
        Self::enabled()
    }
}

/// Watches one body: the chunks of the last grace period and their total.
#[derive(Debug)]
pub(crate) struct StallMonitor {
    rate: u64,
    grace: Duration,
    needed: u64,
    started: Instant,
    /// When each chunk of the last grace period arrived, and its size.
    recent: VecDeque<(Instant, u64)>,
    in_window: u64,
}

impl StallMonitor {
    /// Counts a chunk that has just arrived.
    pub(crate) fn record(&mut self, bytes: usize) {
        let now = Instant::now();
        self.recent.push_back((now, bytes as u64));
        self.in_window = self.in_window.saturating_add(bytes as u64);
        self.forget_before(now);
    }

    /// The instant at which the body counts as stalled if nothing more arrives: the end
    /// of the grace period after the start, or, once enough bytes came, when the
    /// oldest of them leave the window and the rest fall short.
    pub(crate) fn deadline(&mut self) -> Instant {
        self.forget_before(Instant::now());
        let mut remaining = self.in_window;
        let mut at = self.started;
        for &(time, bytes) in &self.recent {
            if remaining < self.needed {
                break;
            }
            remaining -= bytes;
            at = time;
        }
        if self.in_window < self.needed {
            // Already short: the grace period since the start must still run out.
            return (self.started + self.grace).max(Instant::now());
        }
        (at + self.grace).max(self.started + self.grace)
    }

    /// Whether the body is stalled now.
    pub(crate) fn stalled(&mut self) -> bool {
        let now = Instant::now();
        self.forget_before(now);
        now >= self.started + self.grace && self.in_window < self.needed
    }

    /// The grace period and minimum rate, for the error message.
    pub(crate) fn describe(&self) -> String {
        format!(
            "under {} byte/s over the stall grace period of {:?}",
            self.rate, self.grace
        )
    }

    fn forget_before(&mut self, now: Instant) {
        while let Some(&(time, bytes)) = self.recent.front() {
            if now.duration_since(time) < self.grace {
                break;
            }
            self.recent.pop_front();
            self.in_window -= bytes;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn monitor(grace_ms: u64, rate: u64) -> StallMonitor {
        StalledStreamProtection::enabled()
            .with_grace_period(Duration::from_millis(grace_ms))
            .with_min_throughput(rate)
            .monitor()
            .unwrap()
    }

    #[tokio::test(start_paused = true)]
    async fn silence_stalls_after_the_grace_period() {
        let mut m = monitor(5000, 1);
        assert_eq!(m.deadline(), m.started + Duration::from_secs(5));
        tokio::time::advance(Duration::from_millis(4999)).await;
        assert!(!m.stalled());
        tokio::time::advance(Duration::from_millis(1)).await;
        assert!(m.stalled());
    }

    #[tokio::test(start_paused = true)]
    async fn enough_bytes_push_the_deadline_until_they_age_out() {
        let mut m = monitor(5000, 1);
        tokio::time::advance(Duration::from_secs(1)).await;
        m.record(10);
        // 10 bytes cover the 5 bytes a 5 s window needs until they leave it at 6 s.
        assert_eq!(m.deadline(), m.started + Duration::from_secs(6));
        tokio::time::advance(Duration::from_millis(4500)).await;
        assert!(!m.stalled());
        tokio::time::advance(Duration::from_millis(500)).await;
        assert!(m.stalled());
    }

    #[tokio::test(start_paused = true)]
    async fn a_drip_below_the_default_rate_stalls() {
        // The issue's half a byte per second: 2 bytes in the first 5 s, which need 5.
        let mut m = StalledStreamProtection::default().monitor().unwrap();
        let mut stalled_at = None;
        for second in 1..=20u64 {
            tokio::time::advance(Duration::from_secs(1)).await;
            if second % 2 == 0 {
                m.record(1);
            }
            if m.stalled() {
                stalled_at = Some(second);
                break;
            }
        }
        assert_eq!(stalled_at, Some(5));
    }

    #[tokio::test(start_paused = true)]
    async fn a_steady_body_at_the_rate_never_stalls() {
        let mut m = monitor(1000, 100);
        for _ in 0..100 {
            tokio::time::advance(Duration::from_millis(100)).await;
            m.record(10);
            assert!(!m.stalled());
            assert!(m.deadline() > Instant::now());
        }
    }

    #[test]
    fn disabled_or_zero_rate_has_no_monitor() {
        assert!(StalledStreamProtection::disabled().monitor().is_none());
        assert!(
            StalledStreamProtection::enabled()
                .with_min_throughput(0)
                .monitor()
                .is_none()
        );
        assert_eq!(
            StalledStreamProtection::default(),
            StalledStreamProtection::enabled()
        );
    }
}
