//! Endpoint discovery: operations whose requests go to the address the service's
//! discovery operation (`DescribeEndpoints`) gives, as botocore's `discovery.py` and
//! the Rust SDK's Timestream client do.
//!
//! Timestream Write and Query require it (their regional endpoint answers only
//! `DescribeEndpoints`); DynamoDB supports it. Per client and service, one address is
//! cached for the `CachePeriodInMinutes` the service gives. Shortly before it expires
//! (half the period, at most 2 minutes) the first call to notice starts a refresh in
//! the background and goes on with the cached address; only a call that finds no
//! valid address waits, and one `DescribeEndpoints` is in flight at a time. An
//! `InvalidEndpointException` (or HTTP 421) answered at the discovered address drops
//! it, and the call is retried at once at a freshly discovered one (botocore).
//!
//! When discovery fails and an expired address is known, calls keep using it and no
//! new discovery is tried for a minute (botocore's `EndpointDiscoveryManager`).

use std::convert::Infallible;
use std::future::Future;
use std::pin::Pin;
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Duration;

use tokio::time::Instant;

use crate::error::{ConfigError, Error};
use crate::service::ServiceMeta;

/// How long after a failed discovery an expired address is used without trying again.
const FAILURE_BACKOFF: Duration = Duration::from_secs(60);

/// A refresh starts this long before the address expires, or half its period if that
/// is shorter (the Rust SDK reloads 2 minutes before expiry).
const MAX_REFRESH_AHEAD: Duration = Duration::from_secs(120);

/// The longest period an address is cached for, whatever the service says: a period
/// of years would otherwise overflow the clock.
const MAX_CACHE_PERIOD: Duration = Duration::from_secs(7 * 24 * 60 * 60);

/// When discovery runs, from `AWS_ENDPOINT_DISCOVERY_ENABLED` /
/// `endpoint_discovery_enabled` or
/// [`ClientBuilder::endpoint_discovery`](crate::ClientBuilder::endpoint_discovery).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) enum DiscoveryMode {
    /// For operations that require it only (botocore's `auto`, the default).
    #[default]
    Auto,
    /// For every operation that supports it (DynamoDB's too).
    Enabled,
    /// Never; an operation that requires it fails unless an endpoint URL is configured.
    Disabled,
}

impl DiscoveryMode {
    /// `true`, `false` or `auto`, any case.
    pub(crate) fn parse(value: &str) -> Option<Self> {
        match value.trim().to_ascii_lowercase().as_str() {
            "auto" => Some(DiscoveryMode::Auto),
            "true" => Some(DiscoveryMode::Enabled),
            "false" => Some(DiscoveryMode::Disabled),
            _ => None,
        }
    }
}

/// An operation's `endpointdiscovery` trait, as the macro takes it from the catalog.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EndpointDiscovery {
    /// `X-Amz-Target` of the service's discovery operation
    /// (`Timestream_20181101.DescribeEndpoints`).
    pub operation: &'static str,
    /// Whether the service answers the operation only at a discovered address.
    pub required: bool,
}

/// What a discovery gave: the address as a URL, and how long it may be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Discovered {
    pub(crate) url: String,
    pub(crate) period: Duration,
}

/// A discovery in progress.
pub(crate) type Discovery =
    Pin<Box<dyn Future<Output = Result<Discovered, Error<Infallible>>> + Send>>;

/// The discovered addresses of one client, per service.
#[derive(Default)]
pub(crate) struct DiscoveredEndpoints {
    slots: Mutex<Vec<(ServiceMeta, Arc<Slot>)>>,
}

impl DiscoveredEndpoints {
    /// The slot of `service`, made on first use.
    pub(crate) fn slot(&self, service: &ServiceMeta) -> Arc<Slot> {
        let mut slots = lock(&self.slots);
        if let Some((_, slot)) = slots.iter().find(|(s, _)| s == service) {
            return Arc::clone(slot);
        }
        let slot = Arc::new(Slot::default());
        slots.push((*service, Arc::clone(&slot)));
        slot
    }
}

/// One service's address, and the lock that lets one discovery run at a time.
#[derive(Default)]
pub(crate) struct Slot {
    state: Mutex<State>,
    discovering: tokio::sync::Mutex<()>,
}

#[derive(Default)]
struct State {
    address: Option<Address>,
    /// A background refresh is on its way.
    refreshing: bool,
    /// The last discovery failed: until then, an expired address is used as it is.
    failed_until: Option<Instant>,
}

#[derive(Clone)]
struct Address {
    url: Arc<str>,
    refresh_at: Instant,
    expires_at: Instant,
}

impl Address {
    fn new(discovered: Discovered, now: Instant) -> Self {
        let period = discovered.period.min(MAX_CACHE_PERIOD);
        let ahead = MAX_REFRESH_AHEAD.min(period / 2);
        Address {
            url: discovered.url.into(),
            refresh_at: now + (period - ahead),
            expires_at: now + period,
        }
    }
}

impl Slot {
    /// The address to send to now. `discover` starts a discovery; it is called only
    /// when one is needed: in the background when the cached address is about to
    /// expire, else awaited.
    pub(crate) async fn address(
        self: &Arc<Self>,
        discover: impl Fn() -> Discovery,
    ) -> Result<Arc<str>, Error<Infallible>> {
        let now = Instant::now();
        {
            let mut state = lock(&self.state);
            if let Some(address) = state.address.clone().filter(|a| now < a.expires_at) {
                if now >= address.refresh_at && !state.refreshing && !state.recently_failed(now) {
                    // Without a runtime to run it on, the refresh waits for expiry.
                    if let Ok(runtime) = tokio::runtime::Handle::try_current() {
                        state.refreshing = true;
                        let slot = Arc::clone(self);
                        let discovery = discover();
                        runtime.spawn(async move { slot.refresh(discovery).await });
                    }
                }
                return Ok(address.url);
            }
        }
        let _one_at_a_time = self.discovering.lock().await;
        let now = Instant::now();
        let stale = {
            let state = lock(&self.state);
            match &state.address {
                Some(address) if now < address.expires_at => return Ok(address.url.clone()),
                Some(address) if state.recently_failed(now) => return Ok(address.url.clone()),
                stale => stale.as_ref().map(|a| a.url.clone()),
            }
        };
        match discover().await {
            Ok(discovered) => Ok(self.store(discovered)),
            Err(error) => {
                lock(&self.state).failed_until = Some(Instant::now() + FAILURE_BACKOFF);
                match stale {
                    Some(url) => {
                        tracing::debug!(%error, "endpoint discovery failed; using the expired address");
                        Ok(url)
                    }
                    None => Err(error),
                }
            }
        }
    }

    async fn refresh(&self, discovery: Discovery) {
        let _one_at_a_time = self.discovering.lock().await;
        match discovery.await {
            Ok(discovered) => {
                self.store(discovered);
            }
            Err(error) => {
                tracing::debug!(%error, "endpoint discovery refresh failed");
                lock(&self.state).failed_until = Some(Instant::now() + FAILURE_BACKOFF);
            }
        }
        lock(&self.state).refreshing = false;
    }

    fn store(&self, discovered: Discovered) -> Arc<str> {
        let address = Address::new(discovered, Instant::now());
        let url = address.url.clone();
        let mut state = lock(&self.state);
        state.address = Some(address);
        state.failed_until = None;
        url
    }

    /// Forgets `url`, which the service said is not (or no longer) its endpoint; an
    /// address discovered since is kept.
    pub(crate) fn invalidate(&self, url: &str) {
        let mut state = lock(&self.state);
        if state.address.as_ref().is_some_and(|a| &*a.url == url) {
            state.address = None;
            state.failed_until = None;
        }
    }
}

impl State {
    fn recently_failed(&self, now: Instant) -> bool {
        self.failed_until.is_some_and(|until| now < until)
    }
}

/// Whether an error response says the discovered address is wrong: botocore's test
/// (`InvalidEndpointException`, or HTTP 421 Misdirected Request). `code` is the error
/// code the retry loop read from the response, once.
pub(crate) fn is_invalid_endpoint(status: u16, code: Option<&str>) -> bool {
    status == 421 || code == Some("InvalidEndpointException")
}

/// The address of a `DescribeEndpoints` answer: its first endpoint, as a URL (`https://`
/// before a bare host name, as botocore does), and its cache period.
pub(crate) fn parse_answer(
    service: &ServiceMeta,
    body: &[u8],
) -> Result<Discovered, Error<Infallible>> {
    let invalid = |why: &str| {
        Error::Config(ConfigError::new(format!(
            "endpoint discovery of {}: the DescribeEndpoints answer {why}",
            service.service_id
        )))
    };
    let value: serde_json::Value =
        serde_json::from_slice(body).map_err(|_| invalid("is not JSON"))?;
    let first = value
        .get("Endpoints")
        .and_then(serde_json::Value::as_array)
        .and_then(|endpoints| endpoints.first())
        .ok_or_else(|| invalid("lists no endpoint"))?;
    let address = first
        .get("Address")
        .and_then(serde_json::Value::as_str)
        .filter(|a| !a.trim().is_empty())
        .ok_or_else(|| invalid("gives an endpoint without an address"))?;
    let minutes = first
        .get("CachePeriodInMinutes")
        .and_then(serde_json::Value::as_i64)
        .ok_or_else(|| invalid("gives an endpoint without a cache period"))?;
    let address = address.trim();
    let url = if address.starts_with("http://") || address.starts_with("https://") {
        address.to_owned()
    } else {
        format!("https://{address}")
    };
    // A negative period caches nothing; a huge one is capped by `Address::new`.
    let seconds = u64::try_from(minutes).unwrap_or(0).saturating_mul(60);
    Ok(Discovered {
        url,
        period: Duration::from_secs(seconds),
    })
}

fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    // The guarded state is consistent after every statement: a panic elsewhere
    // leaves nothing half-written.
    mutex
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicUsize, Ordering};

    /// A discovery that counts its calls and answers `http://host-N` for `period`,
    /// after `gate` lets it (when given).
    fn counting(
        calls: &Arc<AtomicUsize>,
        period: Duration,
        gate: Option<Arc<tokio::sync::Semaphore>>,
    ) -> impl Fn() -> Discovery + use<> {
        let calls = Arc::clone(calls);
        move || {
            let n = calls.fetch_add(1, Ordering::SeqCst) + 1;
            let gate = gate.clone();
            Box::pin(async move {
                if let Some(gate) = gate {
                    gate.acquire().await.expect("open").forget();
                }
                Ok(Discovered {
                    url: format!("http://host-{n}"),
                    period,
                })
            })
        }
    }

    fn failing(calls: &Arc<AtomicUsize>) -> impl Fn() -> Discovery + use<> {
        let calls = Arc::clone(calls);
        move || {
            calls.fetch_add(1, Ordering::SeqCst);
            Box::pin(async { Err(Error::Config(ConfigError::new("endpoint discovery failed"))) })
        }
    }

    const MINUTE: Duration = Duration::from_secs(60);

    /// Lets spawned tasks run on the paused clock.
    async fn settle() {
        for _ in 0..10 {
            tokio::task::yield_now().await;
        }
    }

    #[tokio::test(start_paused = true)]
    async fn cached_for_the_period_then_discovered_anew() {
        let slot = Arc::new(Slot::default());
        let calls = Arc::new(AtomicUsize::new(0));
        let discover = counting(&calls, 10 * MINUTE, None);
        assert_eq!(&*slot.address(&discover).await.unwrap(), "http://host-1");
        tokio::time::advance(7 * MINUTE).await;
        assert_eq!(&*slot.address(&discover).await.unwrap(), "http://host-1");
        assert_eq!(calls.load(Ordering::SeqCst), 1, "cached within the period");
        // Past expiry: the caller waits for a new address.
        tokio::time::advance(3 * MINUTE).await;
        assert_eq!(&*slot.address(&discover).await.unwrap(), "http://host-2");
        assert_eq!(calls.load(Ordering::SeqCst), 2);
    }

    #[tokio::test(start_paused = true)]
    async fn refreshed_in_the_background_once_before_expiry() {
        let slot = Arc::new(Slot::default());
        let calls = Arc::new(AtomicUsize::new(0));
        let gate = Arc::new(tokio::sync::Semaphore::new(1));
        let discover = counting(&calls, 10 * MINUTE, Some(gate.clone()));
        assert_eq!(&*slot.address(&discover).await.unwrap(), "http://host-1");
        // Inside the last 2 minutes: callers get the cached address at once while one
        // refresh, held at the gate, runs.
        tokio::time::advance(8 * MINUTE + Duration::from_secs(1)).await;
        for _ in 0..5 {
            let address = tokio::time::timeout(Duration::from_millis(1), slot.address(&discover))
                .await
                .expect("a caller with a valid address does not wait")
                .unwrap();
            assert_eq!(&*address, "http://host-1");
            settle().await;
        }
        assert_eq!(calls.load(Ordering::SeqCst), 2, "one refresh at a time");
        gate.add_permits(1);
        settle().await;
        assert_eq!(&*slot.address(&discover).await.unwrap(), "http://host-2");
        assert_eq!(calls.load(Ordering::SeqCst), 2);
        // The refreshed address is cached for its own period.
        tokio::time::advance(7 * MINUTE).await;
        assert_eq!(&*slot.address(&discover).await.unwrap(), "http://host-2");
        assert_eq!(calls.load(Ordering::SeqCst), 2);
    }

    #[tokio::test(start_paused = true)]
    async fn short_periods_refresh_at_half_time() {
        let slot = Arc::new(Slot::default());
        let calls = Arc::new(AtomicUsize::new(0));
        let discover = counting(&calls, MINUTE, None);
        slot.address(&discover).await.unwrap();
        tokio::time::advance(Duration::from_secs(29)).await;
        slot.address(&discover).await.unwrap();
        settle().await;
        assert_eq!(calls.load(Ordering::SeqCst), 1);
        tokio::time::advance(Duration::from_secs(2)).await;
        assert_eq!(&*slot.address(&discover).await.unwrap(), "http://host-1");
        settle().await;
        assert_eq!(calls.load(Ordering::SeqCst), 2);
        assert_eq!(&*slot.address(&discover).await.unwrap(), "http://host-2");
    }

    #[tokio::test(start_paused = true)]
    async fn callers_without_an_address_share_one_discovery() {
        let slot = Arc::new(Slot::default());
        let calls = Arc::new(AtomicUsize::new(0));
        let gate = Arc::new(tokio::sync::Semaphore::new(0));
        let discover = Arc::new(counting(&calls, 10 * MINUTE, Some(gate.clone())));
        let waiting: Vec<_> = (0..4)
            .map(|_| {
                let slot = Arc::clone(&slot);
                let discover = Arc::clone(&discover);
                tokio::spawn(async move { slot.address(&*discover).await.unwrap() })
            })
            .collect();
        settle().await;
        gate.add_permits(1);
        for task in waiting {
            assert_eq!(&*task.await.unwrap(), "http://host-1");
        }
        assert_eq!(calls.load(Ordering::SeqCst), 1);
    }

    #[tokio::test(start_paused = true)]
    async fn invalidation_drops_only_the_address_it_names() {
        let slot = Arc::new(Slot::default());
        let calls = Arc::new(AtomicUsize::new(0));
        let discover = counting(&calls, 10 * MINUTE, None);
        slot.address(&discover).await.unwrap();
        slot.invalidate("http://elsewhere");
        assert_eq!(&*slot.address(&discover).await.unwrap(), "http://host-1");
        slot.invalidate("http://host-1");
        assert_eq!(&*slot.address(&discover).await.unwrap(), "http://host-2");
        assert_eq!(calls.load(Ordering::SeqCst), 2);
    }

    #[tokio::test(start_paused = true)]
    async fn a_failed_discovery_keeps_the_expired_address_for_a_minute() {
        let slot = Arc::new(Slot::default());
        let calls = Arc::new(AtomicUsize::new(0));
        // Nothing known: the error is the caller's.
        let error = slot.address(failing(&calls)).await.unwrap_err();
        assert_eq!(
            error.to_string(),
            "configuration: endpoint discovery failed"
        );

        let slot = Arc::new(Slot::default());
        slot.address(counting(&calls, MINUTE, None)).await.unwrap();
        tokio::time::advance(2 * MINUTE).await;
        let failures = Arc::new(AtomicUsize::new(0));
        assert_eq!(
            &*slot.address(failing(&failures)).await.unwrap(),
            "http://host-2"
        );
        assert_eq!(failures.load(Ordering::SeqCst), 1);
        // Within the minute after the failure, no new discovery is tried.
        tokio::time::advance(Duration::from_secs(59)).await;
        assert_eq!(
            &*slot.address(failing(&failures)).await.unwrap(),
            "http://host-2"
        );
        assert_eq!(failures.load(Ordering::SeqCst), 1);
        tokio::time::advance(Duration::from_secs(2)).await;
        assert_eq!(
            &*slot.address(failing(&failures)).await.unwrap(),
            "http://host-2"
        );
        assert_eq!(failures.load(Ordering::SeqCst), 2);
    }

    #[test]
    fn invalid_endpoint_responses() {
        assert!(is_invalid_endpoint(400, Some("InvalidEndpointException")));
        assert!(is_invalid_endpoint(421, None));
        assert!(!is_invalid_endpoint(400, Some("ValidationException")));
        assert!(!is_invalid_endpoint(503, None));
    }

    #[test]
    fn answers() {
        let service = ServiceMeta {
            target_prefix: "Timestream_20181101",
            json_version: crate::service::JsonVersion::V1_0,
            signing_name: "timestream",
            endpoint_prefix: "ingest.timestream",
            service_id: "Timestream Write",
            hostname: "ingest.timestream.{region}.{dnsSuffix}",
            endpoints: &[],
            endpoint_rules: None,
        };
        let parse = |body: &str| parse_answer(&service, body.as_bytes());
        assert_eq!(
            parse(r#"{"Endpoints":[{"Address":"ingest-cell2.timestream.us-east-1.amazonaws.com","CachePeriodInMinutes":1440}]}"#)
                .unwrap(),
            Discovered {
                url: "https://ingest-cell2.timestream.us-east-1.amazonaws.com".into(),
                period: Duration::from_secs(1440 * 60),
            }
        );
        assert_eq!(
            parse(r#"{"Endpoints":[{"Address":"http://127.0.0.1:9","CachePeriodInMinutes":-5}]}"#)
                .unwrap(),
            Discovered {
                url: "http://127.0.0.1:9".into(),
                period: Duration::ZERO,
            }
        );
        for (body, why) in [
            ("<html>", "is not JSON"),
            (r#"{"Endpoints":[]}"#, "lists no endpoint"),
            (
                r#"{"Endpoints":[{"CachePeriodInMinutes":1}]}"#,
                "without an address",
            ),
            (
                r#"{"Endpoints":[{"Address":"a"}]}"#,
                "without a cache period",
            ),
        ] {
            let error = parse(body).unwrap_err().to_string();
            assert!(error.contains(why), "{body}: {error}");
        }
    }
}
