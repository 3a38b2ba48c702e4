//! Caching with refresh before expiry, one refresh at a time.

use std::fmt;
use std::sync::{Arc, Mutex, PoisonError};
use std::time::{Duration, SystemTime};

use super::{Credentials, CredentialsFuture, ProvideCredentials};
use crate::error::CredentialsError;

/// How long before expiry cached credentials are refreshed.
const REFRESH_BEFORE: Duration = Duration::from_secs(5 * 60);

/// After a failed refresh, how long still-valid credentials are served before the
/// next try, so that a failing source is not asked on every call.
const RETRY_AFTER_FAILURE: Duration = Duration::from_secs(10);

/// Wraps a provider: serves its credentials until shortly before they expire, then
/// fetches new ones.
///
/// Concurrent callers that find the cache stale wait for one fetch and share its
/// result: a thousand concurrent requests on an expired cache cause one fetch. When a
/// refresh fails while the cached credentials are still valid, those keep being served
/// (and the refresh is tried again a few seconds later). Credentials without an
/// expiry are fetched once.
///
/// [`Client::from_env`](crate::Client::from_env) caches its chain this way; wrap your
/// own provider in it when it fetches over the network.
///
/// ```
/// use awsjson::{Credentials, CredentialsCache, CredentialsFuture, ProvideCredentials};
///
/// #[derive(Debug)]
/// struct FromVault;
///
/// impl ProvideCredentials for FromVault {
///     fn provide_credentials(&self) -> CredentialsFuture<'_> {
///         Box::pin(async { Ok(Credentials::new("AKID", "SECRET", None)) })
///     }
/// }
///
/// let client = awsjson::Client::builder()
///     .region("us-east-1")
///     .credentials_provider(CredentialsCache::new(FromVault))
///     .build()
///     .unwrap();
/// # let _ = client;
/// ```
pub struct CredentialsCache {
    provider: Arc<dyn ProvideCredentials>,
    state: Mutex<State>,
    refresh: tokio::sync::Mutex<()>,
}

#[derive(Default)]
struct State {
    cached: Option<Cached>,
    /// Bumped by every fetch, so that callers who waited for one take its result.
    generation: u64,
    last_error: Option<CredentialsError>,
    retry_at: Option<SystemTime>,
}

struct Cached {
    credentials: Credentials,
    refresh_at: Option<SystemTime>,
}

impl Cached {
    fn fresh(&self, now: SystemTime) -> bool {
        self.refresh_at.is_none_or(|at| now < at)
    }

    fn valid(&self, now: SystemTime) -> bool {
        self.credentials.expiry().is_none_or(|at| now < at)
    }
}

impl CredentialsCache {
    /// Caches what `provider` returns.
    pub fn new(provider: impl ProvideCredentials + 'static) -> Self {
        Self::from_arc(Arc::new(provider))
    }

    pub(crate) fn from_arc(provider: Arc<dyn ProvideCredentials>) -> Self {
        CredentialsCache {
            provider,
            state: Mutex::new(State::default()),
            refresh: tokio::sync::Mutex::new(()),
        }
    }

    fn state(&self) -> std::sync::MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// The cached credentials when they may be served without a fetch, else the
    /// generation a fetch would bump.
    fn cached(&self) -> Result<Credentials, u64> {
        let now = SystemTime::now();
        let state = self.state();
        if let Some(cached) = &state.cached {
            let backing_off = state.retry_at.is_some_and(|at| now < at);
            if cached.fresh(now) || (backing_off && cached.valid(now)) {
                return Ok(cached.credentials.clone());
            }
        }
        Err(state.generation)
    }

    async fn get(&self) -> Result<Credentials, CredentialsError> {
        let generation = match self.cached() {
            Ok(credentials) => return Ok(credentials),
            Err(generation) => generation,
        };
        let _refreshing = self.refresh.lock().await;
        {
            let state = self.state();
            if state.generation != generation {
                // Another caller fetched while this one waited: share its result.
                let now = SystemTime::now();
                match (&state.cached, &state.last_error) {
                    (_, Some(err)) if !state.cached.as_ref().is_some_and(|c| c.valid(now)) => {
                        return Err(err.clone());
                    }
                    (Some(cached), _) if cached.valid(now) => {
                        return Ok(cached.credentials.clone());
                    }
                    _ => {}
                }
            }
        }
        let fetched = self.provider.provide_credentials().await;
        let now = SystemTime::now();
        let mut state = self.state();
        state.generation += 1;
        match fetched {
            Ok(credentials) => {
                state.cached = Some(Cached {
                    refresh_at: credentials.expiry().map(|expiry| refresh_at(now, expiry)),
                    credentials: credentials.clone(),
                });
                state.last_error = None;
                state.retry_at = None;
                Ok(credentials)
            }
            Err(err) => {
                state.last_error = Some(err.clone());
                match &state.cached {
                    Some(cached) if cached.valid(now) => {
                        let credentials = cached.credentials.clone();
                        state.retry_at = Some(now + RETRY_AFTER_FAILURE);
                        Ok(credentials)
                    }
                    _ => Err(err),
                }
            }
        }
    }
}

/// Refresh `REFRESH_BEFORE` ahead of expiry, or halfway for short-lived credentials.
fn refresh_at(now: SystemTime, expiry: SystemTime) -> SystemTime {
    let lifetime = expiry.duration_since(now).unwrap_or_default();
    expiry - REFRESH_BEFORE.min(lifetime / 2)
}

impl ProvideCredentials for CredentialsCache {
    fn provide_credentials(&self) -> CredentialsFuture<'_> {
        Box::pin(self.get())
    }

    fn provide_credentials_now(&self) -> Option<Credentials> {
        self.cached().ok()
    }

    fn waiting_for(&self) -> Option<String> {
        self.provider.waiting_for()
    }
}

impl fmt::Debug for CredentialsCache {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("CredentialsCache")
            .field("provider", &self.provider)
            .finish_non_exhaustive()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicUsize, Ordering};

    #[derive(Debug, Clone)]
    struct Counting {
        calls: Arc<AtomicUsize>,
        /// The first credentials' lifetime; later ones last an hour.
        first_lifetime: Duration,
        fail_after_first: bool,
    }

    impl ProvideCredentials for Counting {
        fn provide_credentials(&self) -> CredentialsFuture<'_> {
            Box::pin(async move {
                let n = self.calls.fetch_add(1, Ordering::SeqCst);
                tokio::time::sleep(Duration::from_millis(20)).await;
                if self.fail_after_first && n > 0 {
                    return Err(CredentialsError::new("source down"));
                }
                let lifetime = if n == 0 {
                    self.first_lifetime
                } else {
                    Duration::from_secs(3600)
                };
                Ok(Credentials::new(format!("AKID{n}"), "S", None)
                    .with_expiry(SystemTime::now() + lifetime))
            })
        }
    }

    async fn burst(
        cache: &Arc<CredentialsCache>,
        n: usize,
    ) -> Vec<Result<Credentials, CredentialsError>> {
        let tasks: Vec<_> = (0..n)
            .map(|_| {
                let cache = cache.clone();
                tokio::spawn(async move { cache.provide_credentials().await })
            })
            .collect();
        let mut out = Vec::new();
        for task in tasks {
            out.push(task.await.unwrap());
        }
        out
    }

    fn counting(
        first_lifetime: Duration,
        fail_after_first: bool,
    ) -> (Arc<CredentialsCache>, Arc<AtomicUsize>) {
        let calls = Arc::new(AtomicUsize::new(0));
        let cache = Arc::new(CredentialsCache::new(Counting {
            calls: calls.clone(),
            first_lifetime,
            fail_after_first,
        }));
        (cache, calls)
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn an_empty_cache_is_filled_once_for_a_thousand_callers() {
        let (cache, calls) = counting(Duration::from_secs(3600), false);
        for r in burst(&cache, 1000).await {
            assert_eq!(r.unwrap().access_key_id(), "AKID0");
        }
        assert_eq!(calls.load(Ordering::SeqCst), 1);
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn an_expired_cache_is_refreshed_once_for_a_thousand_callers() {
        let (cache, calls) = counting(Duration::from_millis(500), false);
        assert_eq!(
            cache.provide_credentials().await.unwrap().access_key_id(),
            "AKID0"
        );
        tokio::time::sleep(Duration::from_millis(600)).await;
        for r in burst(&cache, 1000).await {
            assert_eq!(r.unwrap().access_key_id(), "AKID1");
        }
        assert_eq!(calls.load(Ordering::SeqCst), 2);
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn a_failed_refresh_keeps_serving_valid_credentials() {
        // Stale (refresh due) after 1.5 s, expired after 3 s.
        let (cache, calls) = counting(Duration::from_secs(3), true);
        assert_eq!(
            cache.provide_credentials().await.unwrap().access_key_id(),
            "AKID0"
        );
        tokio::time::sleep(Duration::from_millis(1600)).await;
        for r in burst(&cache, 200).await {
            assert_eq!(r.unwrap().access_key_id(), "AKID0");
        }
        // One failed refresh, then a pause before the next try.
        assert_eq!(calls.load(Ordering::SeqCst), 2);
        // Once expired, the failure shows.
        tokio::time::sleep(Duration::from_millis(1500)).await;
        let err = cache.provide_credentials().await.unwrap_err();
        assert!(err.to_string().contains("source down"), "{err}");
    }

    #[test]
    fn refresh_points() {
        let now = SystemTime::UNIX_EPOCH + Duration::from_secs(1_000_000);
        assert_eq!(
            refresh_at(now, now + Duration::from_secs(3600)),
            now + Duration::from_secs(3300)
        );
        assert_eq!(
            refresh_at(now, now + Duration::from_secs(60)),
            now + Duration::from_secs(30)
        );
    }
}
