//! AWS credentials and where they come from: the default chain of the official SDKs
//! (environment, shared config files, web identity, ECS, EC2 instance metadata),
//! cached and refreshed before expiry.

mod assume_role;
mod cache;
mod chain;
mod ecs;
mod env;
pub(crate) mod imds;
mod process;
pub(crate) mod profile;
mod sso;
mod sts;
mod web_identity;

use std::fmt;
use std::future::Future;
use std::pin::Pin;
use std::sync::{Arc, OnceLock, PoisonError, RwLock};
use std::time::{Duration, SystemTime};

use std::sync::atomic::{AtomicU16, Ordering};
use std::time::Instant;

use hyper_util::client::proxy::matcher::Matcher;
use reqwest::header::{HeaderMap, HeaderName, HeaderValue};
use tracing::Instrument as _;

use crate::config::{Env, ProfileSet};
use crate::endpoint::{EndpointConfig, parse_http_url};
use crate::error::{CredentialsError, TransportError, TransportErrorKind};
use crate::http::RawResponse;
use crate::retry::{self, RetryReason};
use crate::stall::StalledStreamProtection;
use crate::transmit;

pub use assume_role::{AssumeRoleBuilder, AssumeRoleProvider};
pub use cache::CredentialsCache;
pub(crate) use chain::DefaultChain;
pub use process::DEFAULT_CREDENTIAL_PROCESS_TIMEOUT;
pub(crate) use process::ProcessTimeout;
pub use web_identity::{WebIdentityBuilder, WebIdentityProvider};

/// An access key id, its secret and an optional session token.
///
/// Cheap to clone. `Debug` shows the access key id only: the secret key and the
/// session token never appear in `Debug`, logs or error messages.
///
/// ```
/// let creds = awsjson::Credentials::new("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG", None);
/// assert!(!format!("{creds:?}").contains("wJalr"));
/// ```
#[derive(Clone, PartialEq, Eq)]
pub struct Credentials(Arc<Inner>);

#[derive(PartialEq, Eq)]
struct Inner {
    access_key_id: String,
    secret_access_key: String,
    session_token: Option<String>,
    expiry: Option<SystemTime>,
    account_id: Option<String>,
}

impl Credentials {
    /// Credentials that do not expire.
    pub fn new(
        access_key_id: impl Into<String>,
        secret_access_key: impl Into<String>,
        session_token: Option<String>,
    ) -> Self {
        Credentials(Arc::new(Inner {
            access_key_id: access_key_id.into(),
            secret_access_key: secret_access_key.into(),
            session_token,
            expiry: None,
            account_id: None,
        }))
    }

    /// The same credentials, for the AWS account `account_id` (12 digits): services
    /// with account-based endpoints (DynamoDB: `https://{account_id}.ddb.{region}...`)
    /// route with it, as the official SDKs do.
    ///
    /// ```
    /// let creds = awsjson::Credentials::new("AKID", "SECRET", None).with_account_id("111122223333");
    /// assert_eq!(creds.account_id(), Some("111122223333"));
    /// ```
    #[must_use]
    pub fn with_account_id(self, account_id: impl Into<String>) -> Self {
        let inner = Arc::unwrap_or_clone(self.0);
        Credentials(Arc::new(Inner {
            account_id: Some(account_id.into()),
            ..inner
        }))
    }

    /// With the account id its source gave, if any (an empty one is none).
    pub(crate) fn with_account_id_from(self, account_id: Option<&str>) -> Self {
        match account_id.map(str::trim).filter(|a| !a.is_empty()) {
            Some(account_id) => self.with_account_id(account_id),
            None => self,
        }
    }

    /// The AWS account the credentials belong to, when their source said
    /// (`AWS_ACCOUNT_ID`, a profile's `aws_account_id`, SSO, an assumed role's ARN,
    /// the `AccountId` of `credential_process`, ECS or instance metadata).
    pub fn account_id(&self) -> Option<&str> {
        self.0.account_id.as_deref()
    }

    /// The same credentials, valid until `expiry`.
    #[must_use]
    pub fn with_expiry(self, expiry: SystemTime) -> Self {
        let inner = Arc::unwrap_or_clone(self.0);
        Credentials(Arc::new(Inner {
            expiry: Some(expiry),
            ..inner
        }))
    }

    /// The access key id (not a secret).
    pub fn access_key_id(&self) -> &str {
        &self.0.access_key_id
    }

    /// The secret access key. Never log it.
    pub fn secret_access_key(&self) -> &str {
        &self.0.secret_access_key
    }

    /// The session token of temporary credentials. Never log it.
    pub fn session_token(&self) -> Option<&str> {
        self.0.session_token.as_deref()
    }

    /// When temporary credentials stop working.
    pub fn expiry(&self) -> Option<SystemTime> {
        self.0.expiry
    }
}

impl Clone for Inner {
    fn clone(&self) -> Self {
        Inner {
            access_key_id: self.access_key_id.clone(),
            secret_access_key: self.secret_access_key.clone(),
            session_token: self.session_token.clone(),
            expiry: self.expiry,
            account_id: self.account_id.clone(),
        }
    }
}

impl fmt::Debug for Credentials {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Credentials")
            .field("access_key_id", &self.0.access_key_id)
            .field("secret_access_key", &"** redacted **")
            .field(
                "session_token",
                &self.0.session_token.as_ref().map(|_| "** redacted **"),
            )
            .field("expiry", &self.0.expiry)
            .field("account_id", &self.0.account_id)
            .finish()
    }
}

/// The future a [`ProvideCredentials`] returns.
pub type CredentialsFuture<'a> =
    Pin<Box<dyn Future<Output = Result<Credentials, CredentialsError>> + Send + 'a>>;

/// A source of credentials, asked before each request is signed.
///
/// Implement it to plug in your own source; the client calls it on every attempt, so
/// a provider that fetches over the network should cache what it fetched.
///
/// The official AWS SDK's credential providers plug in through a few lines, without
/// awsjson depending on them (the SDK caches what its providers fetch):
///
/// ```text
/// use aws_credential_types::provider::{ProvideCredentials as _, SharedCredentialsProvider};
///
/// #[derive(Debug)]
/// struct FromSdk(SharedCredentialsProvider);
///
/// impl awsjson::ProvideCredentials for FromSdk {
///     fn provide_credentials(&self) -> awsjson::CredentialsFuture<'_> {
///         Box::pin(async move {
///             let c = self.0.provide_credentials().await
///                 .map_err(|e| awsjson::CredentialsError::new(e.to_string()))?;
///             let token = c.session_token().map(str::to_owned);
///             let creds = awsjson::Credentials::new(c.access_key_id(), c.secret_access_key(), token);
///             Ok(match c.expiry() { Some(at) => creds.with_expiry(at), None => creds })
///         })
///     }
/// }
///
/// // let sdk = aws_config::load_defaults(aws_config::BehaviorVersion::latest()).await;
/// // builder.credentials_provider(FromSdk(sdk.credentials_provider().unwrap()))
/// ```
///
/// ```
/// use awsjson::{Credentials, CredentialsError, CredentialsFuture, ProvideCredentials};
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
///     .credentials_provider(FromVault)
///     .build()
///     .unwrap();
/// # let _ = client;
/// ```
pub trait ProvideCredentials: fmt::Debug + Send + Sync {
    /// Credentials to sign the next request with.
    fn provide_credentials(&self) -> CredentialsFuture<'_>;

    /// The credentials [`provide_credentials`](Self::provide_credentials) would give,
    /// when the provider has them at hand without waiting (static credentials, a cache
    /// holding fresh ones); `None` (the default) when it would have to wait or fetch.
    /// The client asks this first on every attempt and awaits `provide_credentials`
    /// only on `None`: a provider that answers spares each call a boxed future.
    fn provide_credentials_now(&self) -> Option<Credentials> {
        None
    }

    /// What a load in progress is waiting for (`credential_process `helper` of profile
    /// `dev``), if the provider can tell: the client names it when an attempt times out
    /// before the credentials came. `None` by default.
    fn waiting_for(&self) -> Option<String> {
        None
    }
}

impl ProvideCredentials for Credentials {
    fn provide_credentials(&self) -> CredentialsFuture<'_> {
        let creds = self.clone();
        Box::pin(async move { Ok(creds) })
    }

    fn provide_credentials_now(&self) -> Option<Credentials> {
        Some(self.clone())
    }
}

/// What one source of the default chain found: credentials, or why it has none (the
/// chain goes on to the next source). A source that is configured but fails returns
/// an error instead, which stops the chain as in the official SDKs.
pub(crate) enum Loaded {
    Found(Credentials),
    NotFound(String),
}

/// What the chain's sources share: the environment, the parsed profiles, the HTTP
/// stack, instance metadata, endpoint settings (for STS and SSO), the resolved region
/// and the SSO token refreshes tried.
pub(crate) struct Sources {
    pub(crate) env: Env,
    pub(crate) profiles: Arc<ProfileSet>,
    pub(crate) http: Http,
    pub(crate) imds: Arc<imds::Imds>,
    pub(crate) endpoints: EndpointConfig,
    pub(crate) region: Option<String>,
    /// When IAM Identity Center tokens were last refreshed.
    pub(crate) sso_refreshes: sso::RefreshLog,
    /// How long a `credential_process` may run.
    pub(crate) process_timeout: ProcessTimeout,
    /// What a load in progress waits for, for [`ProvideCredentials::waiting_for`].
    pub(crate) waiting: Waiting,
}

/// What the chain is waiting for, while it waits. Left set when the waiting caller
/// gives up: the run it waited for goes on, and the next caller waits for it too.
#[derive(Default)]
pub(crate) struct Waiting(std::sync::Mutex<Option<String>>);

impl Waiting {
    pub(crate) fn set(&self, what: Option<String>) {
        *self.lock() = what;
    }

    pub(crate) fn get(&self) -> Option<String> {
        self.lock().clone()
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Option<String>> {
        // Plain data, consistent after any panic.
        self.0.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

/// The client's reqwest stack and the bounds of its exchanges, shared with the
/// credential sources: set when the client is built; a source that runs before that
/// builds one of the same kind.
#[derive(Clone, Default)]
pub(crate) struct Http {
    /// Replaced when the client is built: a source that ran before (the region from
    /// instance metadata) built one of its own.
    stack: Arc<RwLock<Option<Stack>>>,
    /// `Env::replaying_to`'s server (with `test-util`), shared by every clone.
    replay: Arc<OnceLock<String>>,
    /// The roots trusted besides the system's, for a stack built before the client's.
    roots: crate::tls::ExtraRoots,
}

/// A reqwest client and the bounds its responses are read within: the client's own,
/// for the credential calls of a client.
#[derive(Clone)]
pub(crate) struct Stack {
    pub(crate) client: reqwest::Client,
    pub(crate) response_header_timeout: Option<Duration>,
    pub(crate) stall: StalledStreamProtection,
    pub(crate) proxies: Arc<Matcher>,
}

impl Stack {
    /// `client` with the default bounds: stalled-stream protection on, and no wait
    /// for the headers longer than the call's own timeout.
    pub(crate) fn new(client: reqwest::Client) -> Stack {
        Stack {
            client,
            response_header_timeout: None,
            stall: StalledStreamProtection::default(),
            proxies: Arc::new(Matcher::from_env()),
        }
    }
}

/// An HTTP exchange that got no response.
#[derive(Debug)]
pub(crate) struct HttpFailure {
    /// Refused or timed out: nothing is listening there.
    pub(crate) unreachable: bool,
    /// Worth another attempt: anything but an answer over the size cap.
    retryable: bool,
    pub(crate) message: String,
}

impl HttpFailure {
    fn new(error: &TransportError) -> HttpFailure {
        let mut message = error.to_string();
        let mut source = std::error::Error::source(error);
        while let Some(cause) = source {
            message.push_str(": ");
            message.push_str(&cause.to_string());
            source = cause.source();
        }
        HttpFailure {
            unreachable: matches!(
                error.kind(),
                TransportErrorKind::Connect | TransportErrorKind::Timeout
            ),
            retryable: error.kind() != TransportErrorKind::TooLarge,
            message,
        }
    }
}

/// The attempts of one call to an AWS service for credentials, for the retry loop.
struct ServiceAttempts<'a, F> {
    http: &'a Http,
    method: reqwest::Method,
    url: &'a str,
    headers: &'a [(&'static str, &'a str)],
    body: Option<Vec<u8>>,
    timeout: Duration,
    retryable: F,
}

impl<F: Fn(&RawResponse) -> Option<RetryReason>> retry::Attempts for ServiceAttempts<'_, F> {
    type Output = Result<RawResponse, HttpFailure>;

    async fn attempt(&mut self, attempt: u32) -> Self::Output {
        let span = tracing::debug_span!("awsjson.credentials_attempt", attempt);
        let started = (!span.is_disabled()).then(Instant::now);
        let result = self
            .http
            .exchange(
                self.method.clone(),
                self.url,
                self.headers,
                self.body.clone(),
                self.timeout,
            )
            .instrument(span.clone())
            .await;
        let latency_ms = started.map(|started| started.elapsed().as_millis() as u64);
        // The URL and the status, or the failure (which names the URL): never a header,
        // a body or a query's values beyond the URL's.
        match &result {
            Ok(response) => tracing::debug!(
                parent: &span,
                status = response.status,
                request_id = response.request_id(),
                latency_ms,
                "credential call answered"
            ),
            Err(e) => {
                tracing::debug!(parent: &span, latency_ms, error = %e.message, "credential call failed")
            }
        }
        result
    }

    fn judge(&mut self, output: &Self::Output) -> retry::Verdict {
        let reason = match output {
            Ok(response) if (200..300).contains(&response.status) => {
                return retry::Verdict::Success;
            }
            Ok(response) => {
                retry::status_reason(response.status).or_else(|| (self.retryable)(response))
            }
            Err(failure) if failure.retryable => Some(RetryReason::Transport),
            Err(_) => None,
        };
        reason.map_or(retry::Verdict::Final, retry::Verdict::Retry)
    }
}

/// Responses of credential endpoints are small; a larger one is not what we asked for.
const MAX_CREDENTIALS_RESPONSE: usize = 1 << 20;

/// Attempts of a call to an AWS service for credentials (STS, SSO, SSO OIDC), as the
/// SDKs' standard retry mode makes them.
const SERVICE_ATTEMPTS: u32 = 3;

impl Http {
    /// A handle whose own stack (until [`set`](Self::set)) trusts `roots` too.
    pub(crate) fn with_roots(roots: crate::tls::ExtraRoots) -> Http {
        Http {
            roots,
            ..Http::default()
        }
    }

    /// Sends to the server of a replaying `env` (`Env::replaying_to`, with `test-util`), if it is one.
    pub(crate) fn replay_from(&self, env: &Env) {
        if let Some(base) = env.replay() {
            let _ = self.replay.set(base.to_owned());
        }
    }

    /// Whether requests go to a replaying server.
    pub(crate) fn replaying(&self) -> bool {
        self.replay.get().is_some()
    }

    pub(crate) fn set(&self, stack: Stack) {
        *self.stack.write().unwrap_or_else(PoisonError::into_inner) = Some(stack);
    }

    fn stack(&self) -> Result<Stack, HttpFailure> {
        // Plain data, consistent after any panic.
        if let Some(stack) = &*self.stack.read().unwrap_or_else(PoisonError::into_inner) {
            return Ok(stack.clone());
        }
        let client = crate::tls::Trust::load(&self.roots)
            .and_then(|trust| crate::tls::http_builder(&trust))
            .and_then(|b| b.build().map_err(|e| e.to_string()))
            .map_err(|message| HttpFailure {
                unreachable: false,
                retryable: false,
                message,
            })?;
        let mut slot = self.stack.write().unwrap_or_else(PoisonError::into_inner);
        Ok(slot.get_or_insert_with(|| Stack::new(client)).clone())
    }

    /// One request; the status and the body (up to 1 MiB).
    pub(crate) async fn send(
        &self,
        method: reqwest::Method,
        url: &str,
        headers: &[(&'static str, &str)],
        body: Option<Vec<u8>>,
        timeout: Duration,
    ) -> Result<(u16, Vec<u8>), HttpFailure> {
        let response = self.exchange(method, url, headers, body, timeout).await?;
        Ok((response.status, response.body))
    }

    /// [`exchange`](Self::exchange) for a call to an AWS service (STS, SSO, SSO OIDC),
    /// retried by the client's retry loop in standard mode, without a quota: up to 3
    /// attempts in all, with full-jitter backoff, while nothing answered or the answer
    /// is a 5xx, a 429, or an error `retryable` gives a reason for (a throttling code in
    /// the body).
    pub(crate) async fn exchange_retried(
        &self,
        method: reqwest::Method,
        url: &str,
        headers: &[(&'static str, &str)],
        body: Option<Vec<u8>>,
        timeout: Duration,
        retryable: impl Fn(&RawResponse) -> Option<RetryReason>,
    ) -> Result<RawResponse, HttpFailure> {
        let policy = retry::Policy {
            max_attempts: SERVICE_ATTEMPTS,
            initial_backoff: retry::DEFAULT_INITIAL_BACKOFF,
            max_backoff: retry::DEFAULT_MAX_BACKOFF,
            quota: None,
        };
        let mut attempts = ServiceAttempts {
            http: self,
            method,
            url,
            headers,
            body,
            timeout,
            retryable,
        };
        retry::run(&policy, &mut attempts).await.0
    }

    /// One request, through the transmit operations go through ([`transmit::send`]),
    /// with the client's response header timeout and stalled-stream protection, the
    /// response capped at 1 MiB, all within `timeout`.
    pub(crate) async fn exchange(
        &self,
        method: reqwest::Method,
        url: &str,
        headers: &[(&'static str, &str)],
        body: Option<Vec<u8>>,
        timeout: Duration,
    ) -> Result<RawResponse, HttpFailure> {
        let refused = |message: String| HttpFailure {
            unreachable: false,
            retryable: false,
            message,
        };
        let mut parsed = parse_http_url(url).map_err(refused)?;
        // A replaying server answers every host: the path and query go to it.
        let replayed = self.replay.get().is_some();
        if let Some(base) = self.replay.get() {
            let path = match parsed.query() {
                Some(query) => format!("{}?{query}", parsed.path()),
                None => parsed.path().to_owned(),
            };
            parsed = parse_http_url(&format!("{base}{path}")).map_err(refused)?;
        }
        let mut map = HeaderMap::with_capacity(headers.len() + 1);
        for (name, value) in headers {
            // The value stays out of the message: it may be a token.
            let value = HeaderValue::from_str(value).map_err(|_| {
                refused(format!(
                    "the {name} header would carry bytes an HTTP header cannot"
                ))
            })?;
            map.append(HeaderName::from_static(name), value);
        }
        if replayed {
            let value = HeaderValue::from_str(url)
                .map_err(|_| refused(format!("{url} is not a header value")))?;
            map.append("x-awsjson-replay-url", value);
        }
        let mut request = reqwest::Request::new(method, parsed.clone());
        *request.headers_mut() = map;
        *request.body_mut() = body.map(Into::into);
        let stack = self.stack()?;
        let bounds = transmit::Bounds {
            response_header_timeout: stack.response_header_timeout,
            stall: stack.stall,
            max_response_bytes: MAX_CREDENTIALS_RESPONSE,
            cap_set_by: "the fixed limit of credential responses",
            proxies: &stack.proxies,
        };
        let status = AtomicU16::new(0);
        let sending = transmit::send(stack.client.execute(request), &parsed, &bounds, &status);
        match tokio::time::timeout(timeout, sending).await {
            Ok(result) => result.map_err(|e| HttpFailure::new(&e)),
            Err(_) => {
                let error = TransportError::new(
                    TransportErrorKind::Timeout,
                    format!("no complete response from {url} within {timeout:?}"),
                );
                Err(HttpFailure::new(&match status.load(Ordering::Relaxed) {
                    0 => error,
                    seen => error.with_status(seen),
                }))
            }
        }
    }
}

/// Reads the credentials JSON that ECS, IMDS and `credential_process` return:
/// `AccessKeyId`, `SecretAccessKey`, the token under `token_key`, `Expiration`.
/// Errors name the missing member, never a value.
pub(crate) fn credentials_from_json(body: &[u8], token_key: &str) -> Result<Credentials, String> {
    let value: serde_json::Value =
        serde_json::from_slice(body).map_err(|e| format!("the response is not JSON ({e})"))?;
    let Some(map) = value.as_object() else {
        return Err("the response is not a JSON object".to_owned());
    };
    let text = |key: &str| -> Result<Option<String>, String> {
        match map.get(key) {
            None | Some(serde_json::Value::Null) => Ok(None),
            Some(serde_json::Value::String(s)) if s.is_empty() => Ok(None),
            Some(serde_json::Value::String(s)) => Ok(Some(s.clone())),
            Some(_) => Err(format!("`{key}` is not a string")),
        }
    };
    let id = text("AccessKeyId")?.ok_or("`AccessKeyId` is missing")?;
    let secret = text("SecretAccessKey")?.ok_or("`SecretAccessKey` is missing")?;
    let token = text(token_key)?;
    let mut creds = Credentials::new(id, secret, token);
    if let Some(expiration) = text("Expiration")? {
        let at = crate::DateTime::parse_date_time(&expiration)
            .map_err(|_| "`Expiration` is not an ISO 8601 timestamp".to_owned())?;
        creds = creds.with_expiry(at.into());
    }
    // `credential_process`, ECS and IMDS may name the account (it chooses endpoints,
    // never whether the credentials work, so an odd value is ignored).
    Ok(creds.with_account_id_from(text("AccountId").ok().flatten().as_deref()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_credentials_may_name_their_account() {
        let with = br#"{"AccessKeyId": "A", "SecretAccessKey": "S", "AccountId": "111122223333"}"#;
        let creds = credentials_from_json(with, "Token").unwrap();
        assert_eq!(creds.account_id(), Some("111122223333"));
        let odd = br#"{"AccessKeyId": "A", "SecretAccessKey": "S", "AccountId": 7}"#;
        assert_eq!(
            credentials_from_json(odd, "Token").unwrap().account_id(),
            None
        );
    }

    #[test]
    fn debug_never_shows_secrets() {
        let creds = Credentials::new("AKID", "very-secret", Some("session-tok".into()));
        let debug = format!("{creds:?}");
        assert!(debug.contains("AKID"));
        assert!(!debug.contains("very-secret"));
        assert!(!debug.contains("session-tok"));
    }
}
