//! The retry modes, as the official AWS SDKs define them: which failures are retried,
//! how long to wait before the next attempt, the retry quota a client shares, and the
//! hook that classifies responses the defaults do not know.
//!
//! The numbers are the SDKs' (smithy-rs `StandardRetryStrategy` and its token bucket,
//! botocore `retries/standard.py`): 3 attempts, full-jitter exponential backoff from a
//! 1 s base capped at 20 s, a 500-token quota that a retry draws 5 tokens from (10 after
//! a timeout), refunded when the retried call succeeds; a call that succeeds at the
//! first attempt adds 1 token back.

use std::collections::hash_map::RandomState;
use std::fmt;
use std::hash::{BuildHasher, Hasher};
use std::sync::atomic::{AtomicU32, Ordering};
use std::time::Duration;

/// Attempts per call by default (the first try and two retries).
pub const DEFAULT_MAX_ATTEMPTS: u32 = 3;

/// The backoff before the first retry is drawn from `[0, this]` by default; it doubles
/// with each further retry up to [`DEFAULT_MAX_BACKOFF`].
pub const DEFAULT_INITIAL_BACKOFF: Duration = Duration::from_secs(1);

/// The longest wait between two attempts by default.
pub const DEFAULT_MAX_BACKOFF: Duration = Duration::from_secs(20);

/// How a client retries.
///
/// Both modes retry the same failures, with the same backoff and retry quota (see
/// [`Client`](crate::Client)). `Adaptive` adds the official SDKs' client-side rate
/// limiter: once a response says the client is throttled, every attempt of every call
/// through the client (and the clients derived from it) takes a token from a bucket
/// whose refill rate drops to 70 % of the measured sending rate with each throttling
/// response and grows back (CUBIC) as responses succeed; an attempt that finds the
/// bucket short waits. Use it when many tasks share one throughput limit (a DynamoDB
/// table's provisioned capacity, an account's API rate). Set by
/// [`ClientBuilder::retry_mode`](crate::ClientBuilder::retry_mode), `AWS_RETRY_MODE`
/// or the profile's `retry_mode`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
#[non_exhaustive]
pub enum RetryMode {
    /// The SDKs' standard mode (the default).
    #[default]
    Standard,
    /// Standard mode plus client-side rate limiting on throttling.
    Adaptive,
}

/// What a [`ClassifyRetry`] makes of an error response.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum RetryClass {
    /// As the defaults say (throttling codes, 5xx, 429, transient codes).
    Default,
    /// Retryable, as a transient error (5 quota tokens).
    Transient,
    /// Retryable, as throttling (5 quota tokens; slows the adaptive mode down).
    Throttling,
    /// Not retried, whatever the defaults say.
    DoNotRetry,
}

/// A hook that classifies error responses, for codes the defaults do not know (a
/// service's own `ResourceInUseException` that clears by itself) or to stop retrying
/// one they do. It is asked about every error response (status 300 or more) before the
/// defaults; [`RetryClass::Default`] leaves the decision to them. The retry quota,
/// the attempt limit and the backoff apply to what it makes retryable.
///
/// ```
/// use awsjson::{AttemptContext, ClassifyRetry, ErrorMeta, RetryClass};
///
/// #[derive(Debug)]
/// struct InUseIsTransient;
///
/// impl ClassifyRetry for InUseIsTransient {
///     fn classify(&self, _cx: &AttemptContext<'_>, status: u16, error: Option<&ErrorMeta>) -> RetryClass {
///         match error.map(|e| e.code.as_str()) {
///             Some("ResourceInUseException") => RetryClass::Transient,
///             _ if status == 503 => RetryClass::DoNotRetry,
///             _ => RetryClass::Default,
///         }
///     }
/// }
///
/// let client = awsjson::Client::builder()
///     .region("us-east-1")
///     .credentials(awsjson::Credentials::new("AKID", "SECRET", None))
///     .retry_classifier(InUseIsTransient)
///     .build()
///     .unwrap();
/// # let _ = client;
/// ```
pub trait ClassifyRetry: fmt::Debug + Send + Sync {
    /// The class of an error response with this `status`, whose code and message are
    /// `error` (`None` when the body names no error).
    fn classify(
        &self,
        context: &crate::AttemptContext<'_>,
        status: u16,
        error: Option<&crate::ErrorMeta>,
    ) -> RetryClass;
}

/// Tokens the retry quota of a new client holds.
pub(crate) const INITIAL_RETRY_TOKENS: u32 = 500;
/// Tokens a retry costs.
pub(crate) const RETRY_COST: u32 = 5;
/// Tokens a retry after a timeout costs: a timing-out service is likelier to be down.
pub(crate) const RETRY_TIMEOUT_COST: u32 = 10;
/// Tokens a call that succeeded without a retry puts back.
pub(crate) const NO_RETRY_INCREMENT: u32 = 1;

/// Error codes the SDKs treat as throttling.
const THROTTLING_CODES: &[&str] = &[
    "Throttling",
    "ThrottlingException",
    "ThrottledException",
    "RequestThrottledException",
    "TooManyRequestsException",
    "ProvisionedThroughputExceededException",
    "TransactionInProgressException",
    "RequestLimitExceeded",
    "BandwidthLimitExceeded",
    "LimitExceededException",
    "RequestThrottled",
    "SlowDown",
    "PriorRequestNotComplete",
    "EC2ThrottledException",
];

/// Error codes the SDKs treat as transient.
const TRANSIENT_CODES: &[&str] = &["RequestTimeout", "RequestTimeoutException"];

/// Statuses retried whatever the body says.
const TRANSIENT_STATUSES: &[u16] = &[500, 502, 503, 504];

/// Codes that always mean the request's time was too far from the service's clock.
const SKEW_CODES: &[&str] = &[
    "RequestTimeTooSkewed",
    "RequestExpired",
    "RequestInTheFuture",
];

/// Codes that mean a clock skew only when their message says so: a wrong secret
/// gives the same codes.
const MAYBE_SKEW_CODES: &[&str] = &[
    "InvalidSignatureException",
    "SignatureDoesNotMatch",
    "AuthFailure",
];

/// Why an attempt is worth retrying; decides the quota cost and shows in traces.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum RetryReason {
    /// A throttling error code, or HTTP 429.
    Throttling,
    /// HTTP 500/502/503/504 or a transient error code.
    ServerError,
    /// The connection could not be made or broke.
    Transport,
    /// The attempt timeout or the connect timeout elapsed.
    Timeout,
    /// The service rejected the request's time; the clock was corrected.
    ClockSkew,
    /// The discovered endpoint was not the service's (`InvalidEndpointException`); it
    /// was dropped, and the retry goes to a new one at once, as botocore retries it.
    InvalidEndpoint,
}

impl RetryReason {
    pub(crate) fn cost(self) -> u32 {
        match self {
            RetryReason::Timeout => RETRY_TIMEOUT_COST,
            // botocore's discovery handler retries outside the retry quota.
            RetryReason::InvalidEndpoint => 0,
            _ => RETRY_COST,
        }
    }

    pub(crate) fn as_str(self) -> &'static str {
        match self {
            RetryReason::Throttling => "throttled",
            RetryReason::ServerError => "server error",
            RetryReason::Transport => "connection error",
            RetryReason::Timeout => "timeout",
            RetryReason::ClockSkew => "clock skew",
            RetryReason::InvalidEndpoint => "invalid endpoint",
        }
    }
}

/// Whether an error response is retryable, from its status alone (no body parsing).
pub(crate) fn status_reason(status: u16) -> Option<RetryReason> {
    if TRANSIENT_STATUSES.contains(&status) {
        Some(RetryReason::ServerError)
    } else if status == 429 {
        // 429 is "Too Many Requests" by definition; the Java SDK v2 retries it as
        // throttling whatever the code, and so do we.
        Some(RetryReason::Throttling)
    } else {
        None
    }
}

/// Whether an error code is retryable.
pub(crate) fn code_reason(code: &str) -> Option<RetryReason> {
    if THROTTLING_CODES.contains(&code) {
        Some(RetryReason::Throttling)
    } else if TRANSIENT_CODES.contains(&code) {
        Some(RetryReason::ServerError)
    } else {
        None
    }
}

/// Whether an error says the request's signing time was too far from the service's.
pub(crate) fn is_skew_error(code: &str, message: Option<&str>) -> bool {
    if SKEW_CODES.contains(&code) {
        return true;
    }
    if !MAYBE_SKEW_CODES.contains(&code) {
        return false;
    }
    // AWS says "Signature expired: 20130524T000000Z is now earlier than ..." or
    // "Signature not yet current: ... is still later than ...".
    let Some(message) = message else { return false };
    let message = message.to_ascii_lowercase();
    [
        "signature expired",
        "not yet current",
        "skew",
        "request has expired",
    ]
    .iter()
    .any(|needle| message.contains(needle))
}

/// The wait before retry number `retry` (1 for the first retry): a uniformly random
/// duration in `[0, min(max, initial * 2^(retry - 1))]` ("full jitter").
pub(crate) fn backoff(initial: Duration, max: Duration, retry: u32) -> Duration {
    let exp = initial
        .checked_mul(1u32 << retry.saturating_sub(1).min(30))
        .unwrap_or(max)
        .min(max);
    exp.mul_f64(random_unit())
}

/// A number in `[0, 1)`. Jitter needs no strong randomness: std's per-hasher random
/// keys give a fresh value per call without a `rand` dependency.
fn random_unit() -> f64 {
    let bits = RandomState::new().build_hasher().finish() >> 11;
    bits as f64 / (1u64 << 53) as f64
}

/// The retry quota one client shares between all its calls, so that a failing service
/// is not hammered by every caller's retries at once.
#[derive(Debug)]
pub(crate) struct RetryQuota {
    tokens: AtomicU32,
}

impl RetryQuota {
    pub(crate) fn new() -> Self {
        RetryQuota {
            tokens: AtomicU32::new(INITIAL_RETRY_TOKENS),
        }
    }

    /// Takes `cost` tokens if the quota holds that many.
    pub(crate) fn try_acquire(&self, cost: u32) -> bool {
        self.tokens
            .fetch_update(Ordering::AcqRel, Ordering::Acquire, |t| t.checked_sub(cost))
            .is_ok()
    }

    /// Puts tokens back, never above the initial amount.
    pub(crate) fn release(&self, amount: u32) {
        let _ = self
            .tokens
            .fetch_update(Ordering::AcqRel, Ordering::Acquire, |t| {
                (t < INITIAL_RETRY_TOKENS)
                    .then(|| t.saturating_add(amount).min(INITIAL_RETRY_TOKENS))
            });
    }

    pub(crate) fn available(&self) -> u32 {
        self.tokens.load(Ordering::Acquire)
    }
}

/// How a run of attempts retries: the standard mode's numbers, and the retry quota it
/// draws on (a client's; `None` for the credential calls, which have none).
pub(crate) struct Policy<'a> {
    pub(crate) max_attempts: u32,
    pub(crate) initial_backoff: Duration,
    pub(crate) max_backoff: Duration,
    pub(crate) quota: Option<&'a RetryQuota>,
}

/// What an attempt's result means to the retry loop.
pub(crate) enum Verdict {
    /// Done, and it worked: the quota gets its tokens back.
    Success,
    /// Worth another attempt, for this reason.
    Retry(RetryReason),
    /// Done: not worth another attempt.
    Final,
}

/// Why a run of attempts ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Stop {
    Success,
    NotRetryable,
    AttemptsExhausted(RetryReason),
    QuotaExhausted(RetryReason),
}

impl Stop {
    /// The reason the last attempt would have been retried for, if it would.
    pub(crate) fn reason(self) -> Option<RetryReason> {
        match self {
            Stop::AttemptsExhausted(reason) | Stop::QuotaExhausted(reason) => Some(reason),
            Stop::Success | Stop::NotRetryable => None,
        }
    }

    /// Why, in traces and error notes.
    pub(crate) fn as_str(self) -> &'static str {
        match self {
            Stop::Success => "no: success",
            Stop::NotRetryable => "not retryable",
            Stop::AttemptsExhausted(_) => "attempts exhausted",
            Stop::QuotaExhausted(_) => "retry quota exhausted",
        }
    }
}

/// One run of attempts, as the retry loop sees it: make attempt `n`, judge its
/// result, and hear what the loop decided (for traces).
pub(crate) trait Attempts {
    type Output;
    /// Attempt `n` (from 1).
    async fn attempt(&mut self, n: u32) -> Self::Output;
    fn judge(&mut self, output: &Self::Output) -> Verdict;
    /// Attempt `n` is retried after `wait`.
    fn retrying(&mut self, _n: u32, _reason: RetryReason, _wait: Duration) {}
    /// Attempt `n` was the last.
    fn stopped(&mut self, _n: u32, _stop: Stop) {}
}

/// The one retry loop, for operations and credential calls alike: attempts until one
/// is not worth retrying, the attempts run out or the quota does, waiting a full-jitter
/// backoff between them. Returns the last result, its attempt number and why it was
/// the last.
pub(crate) async fn run<A: Attempts>(
    policy: &Policy<'_>,
    attempts: &mut A,
) -> (A::Output, u32, Stop) {
    // The cost of the retry that led to the current attempt: refunded on success.
    let mut held: Option<u32> = None;
    let mut n = 1;
    loop {
        let output = attempts.attempt(n).await;
        let stop = match attempts.judge(&output) {
            Verdict::Success => {
                if let Some(quota) = policy.quota {
                    quota.release(held.unwrap_or(NO_RETRY_INCREMENT));
                }
                Some(Stop::Success)
            }
            Verdict::Final => Some(Stop::NotRetryable),
            Verdict::Retry(reason) if n >= policy.max_attempts => {
                Some(Stop::AttemptsExhausted(reason))
            }
            Verdict::Retry(reason)
                if !policy
                    .quota
                    .is_none_or(|quota| quota.try_acquire(reason.cost())) =>
            {
                Some(Stop::QuotaExhausted(reason))
            }
            Verdict::Retry(reason) => {
                held = Some(reason.cost());
                // A dropped discovered endpoint is retried at once, as botocore does.
                let wait = match reason {
                    RetryReason::InvalidEndpoint => Duration::ZERO,
                    _ => backoff(policy.initial_backoff, policy.max_backoff, n),
                };
                attempts.retrying(n, reason, wait);
                // A mock client's backoff is zero: it waits for nothing, not even a timer.
                if !wait.is_zero() {
                    tokio::time::sleep(wait).await;
                }
                None
            }
        };
        if let Some(stop) = stop {
            attempts.stopped(n, stop);
            return (output, n, stop);
        }
        n += 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_is_full_jitter_under_a_doubling_cap() {
        let (base, cap) = (Duration::from_millis(100), Duration::from_millis(1000));
        for retry in 1..=40 {
            let ceiling = match retry {
                1 => 100,
                2 => 200,
                3 => 400,
                4 => 800,
                _ => 1000,
            };
            let samples: Vec<Duration> = (0..200).map(|_| backoff(base, cap, retry)).collect();
            assert!(
                samples.iter().all(|d| *d <= Duration::from_millis(ceiling)),
                "retry {retry}: {samples:?}"
            );
            // Full jitter spreads over the whole range, not just near the ceiling.
            let low = samples
                .iter()
                .filter(|d| **d < Duration::from_millis(ceiling / 2))
                .count();
            assert!((40..160).contains(&low), "retry {retry}: {low} of 200 low");
        }
        assert_eq!(backoff(Duration::ZERO, cap, 3), Duration::ZERO);
        assert!(
            backoff(Duration::from_secs(1), Duration::from_secs(20), u32::MAX)
                <= Duration::from_secs(20)
        );
    }

    #[test]
    fn quota_spends_refunds_and_never_exceeds_its_size() {
        let quota = RetryQuota::new();
        quota.release(NO_RETRY_INCREMENT);
        assert_eq!(quota.available(), INITIAL_RETRY_TOKENS);
        for _ in 0..(INITIAL_RETRY_TOKENS / RETRY_TIMEOUT_COST) {
            assert!(quota.try_acquire(RETRY_TIMEOUT_COST));
        }
        assert_eq!(quota.available(), 0);
        assert!(!quota.try_acquire(RETRY_COST));
        quota.release(RETRY_COST);
        assert!(!quota.try_acquire(RETRY_TIMEOUT_COST));
        assert!(quota.try_acquire(RETRY_COST));
        quota.release(INITIAL_RETRY_TOKENS * 3);
        assert_eq!(quota.available(), INITIAL_RETRY_TOKENS);
    }

    #[test]
    fn classification_follows_the_sdks() {
        // Written out from smithy-rs (aws-smithy-runtime, retries/classifiers.rs:
        // THROTTLING_ERRORS and TRANSIENT_ERRORS), not read from our own tables, so a
        // code dropped from ours fails here.
        for code in [
            "Throttling",
            "ThrottlingException",
            "ThrottledException",
            "RequestThrottledException",
            "TooManyRequestsException",
            "ProvisionedThroughputExceededException",
            "TransactionInProgressException",
            "RequestLimitExceeded",
            "BandwidthLimitExceeded",
            "LimitExceededException",
            "RequestThrottled",
            "SlowDown",
            "PriorRequestNotComplete",
            "EC2ThrottledException",
        ] {
            assert_eq!(code_reason(code), Some(RetryReason::Throttling), "{code}");
        }
        for code in ["RequestTimeout", "RequestTimeoutException"] {
            assert_eq!(code_reason(code), Some(RetryReason::ServerError), "{code}");
        }
        assert_eq!(code_reason("ValidationException"), None);
        assert_eq!(code_reason("AccessDeniedException"), None);
        for status in [500, 502, 503, 504] {
            assert_eq!(status_reason(status), Some(RetryReason::ServerError));
        }
        assert_eq!(status_reason(429), Some(RetryReason::Throttling));
        for status in [400, 401, 403, 404, 413, 501, 505] {
            assert_eq!(status_reason(status), None, "{status}");
        }
        assert_eq!(RetryReason::Timeout.cost(), 10);
        assert_eq!(RetryReason::Throttling.cost(), 5);
    }

    #[test]
    fn skew_needs_a_skew_code_or_a_skew_message() {
        assert!(is_skew_error("RequestTimeTooSkewed", None));
        assert!(is_skew_error("RequestExpired", None));
        assert!(is_skew_error(
            "InvalidSignatureException",
            Some(
                "Signature expired: 20130524T000000Z is now earlier than 20130524T000500Z (20130524T001000Z - 5 min.)"
            )
        ));
        assert!(is_skew_error(
            "SignatureDoesNotMatch",
            Some(
                "Signature not yet current: 20130524T002000Z is still later than 20130524T001500Z"
            )
        ));
        assert!(!is_skew_error(
            "InvalidSignatureException",
            Some("The request signature we calculated does not match the signature you provided.")
        ));
        assert!(!is_skew_error("InvalidSignatureException", None));
        assert!(!is_skew_error("ValidationException", Some("clock skew")));
    }
}
