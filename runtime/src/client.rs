//! The client: configuration, connection pool, and the per-call pipeline.

use std::borrow::Cow;
use std::collections::HashMap;
use std::convert::Infallible;
use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicI64, AtomicU16, AtomicU32, Ordering};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use bytes::Bytes;
use hyper_util::client::proxy::matcher::Matcher;
use tracing::Instrument as _;
use tracing::field::Empty;

use crate::byte_stream::RequestBody;
use crate::call_config::CallConfig;
use crate::config::{Env, configured, configured_number, load_profiles, retry_settings};
use crate::credentials::{
    Credentials, CredentialsCache, DefaultChain, Http, ProcessTimeout, ProvideCredentials, Sources,
    Stack, imds::Imds,
};
use crate::endpoint::discovery::{self, DiscoveredEndpoints, Discovery, DiscoveryMode};
use crate::endpoint::rules::Param;
use crate::endpoint::{AccountIdEndpointMode, EndpointConfig, ResolvedEndpoint};
use crate::endpoint::{Destination, DestinationCache, Origin, parse_http_url};
use crate::error::{ConfigError, DecodeError, Error, TransportError, TransportErrorKind};
use crate::http::{HttpRequest, RawResponse};
use crate::interceptor::{AttemptContext, AttemptOutcome, ExtraHeaders, Interceptor};
use crate::protocol::Prepared;
use crate::protocol::error_code::{ErrorAnswer, read_error};
use crate::rate_limit::{ClientRateLimiter, RequestKind};
use crate::retry::{self, ClassifyRetry, RetryClass, RetryMode, RetryQuota, RetryReason};
use crate::service::ServiceMeta;
use crate::signing_keys::SigningKeys;
use crate::stall::StalledStreamProtection;
use crate::tls::{ExtraRoots, Trust};
use crate::transmit::{self, RequestHeaders};
use crate::{DateTime, sigv4};

/// The response size above which a call fails instead of buffering more.
pub const DEFAULT_MAX_RESPONSE_BYTES: usize = 64 * 1024 * 1024;

/// How long connecting to an endpoint may take by default (the official SDKs' 3.1 s).
pub const DEFAULT_CONNECT_TIMEOUT: Duration = Duration::from_millis(3100);

/// How long an attempt waits for the response's status and headers by default, from
/// when it starts sending: 90 s. The official SDKs that bound this wait use 30 s (Java)
/// or 60 s (botocore's socket read timeout); awsjson leaves room over the longest long
/// poll of a JSON-protocol operation (Step Functions `GetActivityTask` and SWF
/// `PollForActivityTask` hold a request up to 60 s, and their docs ask for 65 s or more).
pub const DEFAULT_RESPONSE_HEADER_TIMEOUT: Duration = Duration::from_secs(90);

/// A service error whose `Date` is further than this from the client's (corrected)
/// clock is taken for a clock skew and corrected; closer, the clock is not the cause.
const SKEW_THRESHOLD_MS: i64 = 60_000;

/// Where the SDKs start compressing a `request_compression` operation's body.
pub const DEFAULT_MIN_COMPRESSION_BYTES: usize = 10_240;

/// The largest minimum compression size the SDKs accept (10 MiB).
const MAX_MIN_COMPRESSION_BYTES: usize = 10_485_760;

const USER_AGENT: &str = concat!("awsjson/", env!("CARGO_PKG_VERSION"), " lang/rust");

/// A client for any awsJson service: region, credentials, endpoint overrides and one
/// HTTP connection pool, shared by every operation sent through it.
///
/// Cheap to clone (an `Arc`): clone it into tasks rather than building new ones.
///
/// Every call is retried in the official SDKs' *standard* mode (or *adaptive*, see
/// [`RetryMode`]): up to
/// [`DEFAULT_MAX_ATTEMPTS`](crate::DEFAULT_MAX_ATTEMPTS) attempts, full-jitter
/// exponential backoff, and a retry quota shared by all calls through this client (500
/// tokens, 5 per retry, 10 per retry after a timeout, refunded when a retried call
/// succeeds). Throttling codes, `RequestTimeout(Exception)`, HTTP 429/500/502/503/504,
/// connection errors and attempt timeouts are retried; other errors are not. Each
/// attempt is signed afresh, and carries the call's body (and idempotency token)
/// byte for byte, `amz-sdk-invocation-id` (one UUID per call) and
/// `amz-sdk-request: attempt=N; max=M`. A request the service rejects for clock skew
/// (`RequestTimeTooSkewed`, `RequestExpired`, a signature error saying the signature
/// expired) is re-signed with the clock offset its `Date` header shows, and later
/// calls keep that offset.
///
/// Once a response has answered 2xx, a body that then breaks off or stalls is not
/// retried: the service has said the operation was performed, and a second attempt
/// of an operation without an idempotency token would perform it again. The error (a
/// [`TransportError`] with the response's [`status`](TransportError::status)) says so.
///
/// No wait is unbounded by default: connecting may take
/// [`DEFAULT_CONNECT_TIMEOUT`] (3.1 s), the response's headers may take
/// [`DEFAULT_RESPONSE_HEADER_TIMEOUT`] (90 s) from the start of sending, and its body
/// fails when it stalls ([`StalledStreamProtection`]: under 1 byte/s over a 5 s grace
/// period). Each of these fails the attempt with a
/// [`TransportErrorKind::Timeout`] error, retried like any timeout. There is no attempt
/// or operation timeout unless one is set.
///
/// # Tracing
///
/// Calls emit `tracing` spans and events at `DEBUG` level (target `awsjson::client`),
/// none of them holding a header, a credential, a signature or a body:
///
/// - span `awsjson.call`, one per call, with the official SDK's `invoke` span fields:
///   `rpc.system` (`"aws-api"`), `rpc.service` (the service id, `DynamoDB`),
///   `rpc.method` (the operation, `ListTables`), `sdk_invocation_id` (the
///   `amz-sdk-invocation-id` header's UUID), and `region`, `attempts` (recorded at
///   the end);
/// - span `awsjson.attempt`, one per attempt, inside it: `attempt` (1, 2, ...),
///   `status` (HTTP status), `request_id` (`x-amzn-RequestId`), `latency_ms`, `retry`
///   (the decision: the retry reason, or why not);
/// - in each attempt, an event for its outcome (`attempt succeeded`, `attempt got
///   an error response` with `status` and `request_id`, or `attempt failed` with the
///   `error`); after a failed one, an event for the decision: `retrying` (with
///   `reason`, `backoff_ms`) or `not retrying: ...` (not retryable, attempts or retry
///   quota exhausted).
///
/// ```
/// let client = awsjson::Client::builder()
///     .region("us-east-1")
///     .credentials(awsjson::Credentials::new("AKID", "SECRET", None))
///     .endpoint_url("http://127.0.0.1:4566")
///     .build()
///     .unwrap();
/// assert_eq!(client.region(), "us-east-1");
/// ```
#[derive(Clone)]
pub struct Client {
    inner: Arc<Inner>,
}

/// A client's state. The `Arc`s are what derived clients ([`Client::with_region`])
/// share; the rest each client has of its own.
#[derive(Clone)]
struct Inner {
    http: Transport,
    /// The HTTP/2 client of event-stream calls (ALPN offers `h2`); the same client as
    /// `http` when the builder was given one.
    #[cfg(feature = "http2")]
    stream_http: reqwest::Client,
    /// The proxy rules reqwest read from the environment, to name a proxy that failed.
    proxies: Arc<Matcher>,
    region: String,
    credentials: Arc<dyn ProvideCredentials>,
    endpoints: EndpointConfig,
    max_response_bytes: usize,
    /// Bodies of `request_compression` operations this large or larger are gzipped;
    /// `None`: never.
    min_compression_bytes: Option<usize>,
    signing_keys: Arc<SigningKeys>,
    /// Endpoints resolved for this client's region and endpoint settings.
    destinations: Arc<DestinationCache>,
    max_attempts: u32,
    initial_backoff: Duration,
    max_backoff: Duration,
    attempt_timeout: Option<Duration>,
    operation_timeout: Option<Duration>,
    response_header_timeout: Option<Duration>,
    stall: StalledStreamProtection,
    quota: Arc<RetryQuota>,
    /// The adaptive retry mode's rate limiter; `None` in standard mode.
    rate_limiter: Option<Arc<RateLimiter>>,
    /// Service clock minus local clock, in milliseconds, learnt from skew errors.
    skew_ms: Arc<AtomicI64>,
    discovery_mode: DiscoveryMode,
    /// Shared with derived clients that keep the region and endpoint settings; a new
    /// one where they change, as an address is discovered for a region.
    discovered: Arc<DiscoveredEndpoints>,
    /// Run on every call, in this order, before the call's own.
    interceptors: Arc<[Arc<dyn Interceptor>]>,
    classifier: Option<Arc<dyn ClassifyRetry>>,
}

/// The rate limiter and the origin of its clock.
struct RateLimiter {
    limiter: ClientRateLimiter,
    /// `tokio::time::Instant`, which a test can pause and advance.
    started: tokio::time::Instant,
}

impl RateLimiter {
    fn new() -> Self {
        RateLimiter {
            limiter: ClientRateLimiter::new(0.0),
            started: tokio::time::Instant::now(),
        }
    }

    fn now(&self) -> f64 {
        self.started.elapsed().as_secs_f64()
    }
}

/// Where attempts go: the network, or (in tests) a `Mock` (`test-util`). An
/// enum, so a client without a mock pays no indirection for the choice.
#[derive(Clone)]
enum Transport {
    Http(reqwest::Client),
    #[cfg(feature = "test-util")]
    Mock(Arc<dyn Exchange>),
}

/// What answers a client's attempts instead of the network: the `test-util` mock. A
/// trait here, so that the client does not depend on the mock that depends on it.
#[cfg(feature = "test-util")]
pub(crate) trait Exchange: Send + Sync {
    /// Answers one attempt, signed and ready to go to `url`.
    fn exchange(
        &self,
        url: &str,
        headers: &[(Cow<'static, str>, String)],
        body: &[u8],
    ) -> Result<RawResponse, Error<Infallible>>;
}

impl fmt::Debug for Client {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Client")
            .field("region", &self.inner.region)
            .field("credentials", &self.inner.credentials)
            .field("endpoint_url", &self.inner.endpoints.code_url)
            .field("use_fips", &self.inner.endpoints.variant.fips)
            .field("use_dual_stack", &self.inner.endpoints.variant.dual_stack)
            .field("max_response_bytes", &self.inner.max_response_bytes)
            .field("min_compression_bytes", &self.inner.min_compression_bytes)
            .field("max_attempts", &self.inner.max_attempts)
            .field("initial_backoff", &self.inner.initial_backoff)
            .field("max_backoff", &self.inner.max_backoff)
            .field("attempt_timeout", &self.inner.attempt_timeout)
            .field("operation_timeout", &self.inner.operation_timeout)
            .field(
                "response_header_timeout",
                &self.inner.response_header_timeout,
            )
            .field("stalled_stream_protection", &self.inner.stall)
            .field("endpoint_discovery", &self.inner.discovery_mode)
            .field(
                "retry_mode",
                &if self.inner.rate_limiter.is_some() {
                    RetryMode::Adaptive
                } else {
                    RetryMode::Standard
                },
            )
            .field("interceptors", &self.inner.interceptors)
            .field("retry_classifier", &self.inner.classifier)
            .finish_non_exhaustive()
    }
}

impl Client {
    /// A builder for a client configured in code.
    pub fn builder() -> ClientBuilder {
        ClientBuilder::default()
    }

    /// A client configured as the official SDKs configure one: credentials, region
    /// and endpoints from the process environment and the shared config files. See
    /// [`ClientBuilder::from_env`] for what is read, and for a way to adjust the result.
    ///
    /// Credentials are looked up on the first call (and cached), so this fails only for
    /// a malformed config file, an invalid setting or a missing region.
    ///
    /// ```no_run
    /// # async fn demo() -> Result<(), awsjson::ConfigError> {
    /// let client = awsjson::Client::from_env().await?;
    /// # let _ = client; Ok(()) }
    /// ```
    pub async fn from_env() -> Result<Client, ConfigError> {
        ClientBuilder::from_env(&Env::process()).await?.build()
    }

    /// Tokens left in the retry quota this client's calls share (500 when new; a retry
    /// takes 5, or 10 after a timeout; a call succeeding after retries gives back the
    /// cost of its last retry, one succeeding at once gives back 1). At 0, failed
    /// attempts are not retried until successes refill it.
    pub fn retry_tokens(&self) -> u32 {
        self.inner.quota.available()
    }

    /// The region requests are signed for and sent to.
    pub fn region(&self) -> &str {
        &self.inner.region
    }

    /// The same client for another region: a multi-region program runs one credential
    /// chain and one connection pool, not one per region.
    ///
    /// The derived client **shares** with this one: the credentials provider and its
    /// cache (one fetch serves both), the HTTP client and its connection pool, the
    /// retry quota and the adaptive mode's rate limiter (as the official SDKs share
    /// them between the clients of one configuration), the clock-skew correction, the
    /// interceptors and the retry classifier. It **has its own**: the region, and the
    /// endpoints resolved for it (from the same endpoint settings: `endpoint_url`,
    /// FIPS, dual-stack, the environment's and profile's endpoint URLs). Timeouts and
    /// attempts are copied.
    ///
    /// ```
    /// let us = awsjson::Client::builder()
    ///     .region("us-east-1")
    ///     .credentials(awsjson::Credentials::new("AKID", "SECRET", None))
    ///     .build()
    ///     .unwrap();
    /// let eu = us.with_region("eu-west-1");
    /// assert_eq!((us.region(), eu.region()), ("us-east-1", "eu-west-1"));
    /// ```
    #[must_use]
    pub fn with_region(&self, region: impl Into<String>) -> Client {
        self.derive(|inner| inner.region = region.into())
    }

    /// The same client sending every service's requests to `url` (see
    /// [`ClientBuilder::endpoint_url`]); shares what [`with_region`](Self::with_region)
    /// shares. An invalid URL fails the calls, naming it.
    #[must_use]
    pub fn with_endpoint_url(&self, url: impl Into<String>) -> Client {
        self.derive(|inner| inner.endpoints.code_url = Some(url.into()))
    }

    /// The same client with FIPS endpoints on or off (see [`ClientBuilder::use_fips`]);
    /// shares what [`with_region`](Self::with_region) shares.
    #[must_use]
    pub fn with_fips(&self, enabled: bool) -> Client {
        self.derive(|inner| inner.endpoints.variant.fips = enabled)
    }

    /// The same client with dual-stack endpoints on or off (see
    /// [`ClientBuilder::use_dual_stack`]); shares what
    /// [`with_region`](Self::with_region) shares.
    #[must_use]
    pub fn with_dual_stack(&self, enabled: bool) -> Client {
        self.derive(|inner| inner.endpoints.variant.dual_stack = enabled)
    }

    /// A client whose endpoints are resolved afresh after `change`.
    fn derive(&self, change: impl FnOnce(&mut Inner)) -> Client {
        let mut inner = Inner::clone(&self.inner);
        change(&mut inner);
        inner.destinations = Arc::default();
        inner.discovered = Arc::default();
        Client {
            inner: Arc::new(inner),
        }
    }

    /// This client as one call's settings make it: the same client when they change
    /// nothing it owns (headers and interceptors are the call's, not the client's).
    fn for_call(&self, config: &CallConfig) -> Cow<'_, Client> {
        let endpoint_changed = config.region.is_some() || config.endpoint_url.is_some();
        let changed = endpoint_changed
            || config.credentials.is_some()
            || config.max_attempts.is_some()
            || config.attempt_timeout.is_some()
            || config.operation_timeout.is_some();
        if !changed {
            return Cow::Borrowed(self);
        }
        let mut inner = Inner::clone(&self.inner);
        if let Some(region) = &config.region {
            inner.region.clone_from(region);
        }
        if let Some(url) = &config.endpoint_url {
            inner.endpoints.code_url = Some(url.clone());
        }
        if endpoint_changed {
            inner.destinations = Arc::default();
            inner.discovered = Arc::default();
        }
        if let Some(credentials) = &config.credentials {
            inner.credentials = Arc::clone(credentials);
        }
        if let Some(attempts) = config.max_attempts {
            inner.max_attempts = attempts;
        }
        if let Some(timeout) = config.attempt_timeout {
            inner.attempt_timeout = Some(timeout);
        }
        if let Some(timeout) = config.operation_timeout {
            inner.operation_timeout = Some(timeout);
        }
        Cow::Owned(Client {
            inner: Arc::new(inner),
        })
    }

    /// The endpoint a service's requests go to, as resolved for this client: the URL
    /// configured in code, `AWS_ENDPOINT_URL_<SERVICE_ID>`, `AWS_ENDPOINT_URL`, the
    /// profile's `services` section or `endpoint_url`, else the service's hostname in
    /// the region's partition (FIPS and dual-stack variants when enabled), as the
    /// service's endpoint rules give it.
    ///
    /// This is the endpoint without a call's own parameters: a call whose credentials
    /// carry an account id (DynamoDB) or whose input names a resource ARN (Kinesis'
    /// `StreamARN`) may go to an account- or ARN-based endpoint instead, as in the
    /// official SDKs.
    ///
    /// ```
    /// # use awsjson::aws_json_operation;
    /// #[aws_json_operation(target = "DynamoDB_20120810.ListTables")]
    /// struct ListTables {}
    ///
    /// let client = awsjson::Client::builder()
    ///     .region("cn-north-1")
    ///     .use_dual_stack(true)
    ///     .credentials(awsjson::Credentials::new("AKID", "SECRET", None))
    ///     .build()
    ///     .unwrap();
    /// let service = <ListTables as awsjson::Operation>::SERVICE;
    /// assert_eq!(
    ///     client.endpoint(service).unwrap(),
    ///     "https://dynamodb.cn-north-1.api.amazonwebservices.com.cn"
    /// );
    /// ```
    pub fn endpoint(&self, service: &ServiceMeta) -> Result<String, ConfigError> {
        self.resolve_endpoint(service).map(|e| e.url)
    }

    /// This client with its attempts answered by `mock` instead of the network; `None`
    /// when the client is shared already (the mock must be in place before any call).
    #[cfg(feature = "test-util")]
    pub(crate) fn with_mock(mut self, mock: Arc<dyn Exchange>) -> Option<Client> {
        Arc::get_mut(&mut self.inner)?.http = Transport::Mock(mock);
        Some(self)
    }

    /// From how many body bytes a `request_compression` operation is gzipped; `None`:
    /// never.
    pub(crate) fn min_compression_bytes(&self) -> Option<usize> {
        self.inner.min_compression_bytes
    }

    fn resolve_endpoint(&self, service: &ServiceMeta) -> Result<ResolvedEndpoint, ConfigError> {
        self.resolve_endpoint_with(service, &[])
    }

    fn resolve_endpoint_with(
        &self,
        service: &ServiceMeta,
        context: &[(&'static str, Param)],
    ) -> Result<ResolvedEndpoint, ConfigError> {
        self.inner
            .endpoints
            .resolve_with(service, &self.inner.region, context)
            .map_err(|why| ConfigError::new(format!("endpoint of {}: {why}", service.service_id)))
    }

    /// The signed request that `op.send(&client)` would send now, without sending it:
    /// for tests, logs and dry runs. Each call fills an unset idempotency token afresh.
    ///
    /// ```
    /// # use awsjson::aws_json_operation;
    /// #[aws_json_operation(target = "DynamoDB_20120810.ListTables")]
    /// struct ListTables {
    ///     limit: Option<i32>,
    /// }
    ///
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() {
    /// let client = awsjson::Client::builder()
    ///     .region("eu-west-1")
    ///     .credentials(awsjson::Credentials::new("AKID", "SECRET", None))
    ///     .build()
    ///     .unwrap();
    /// let request = client.build_request(&ListTables { limit: Some(5) }).await.unwrap();
    /// assert_eq!(request.url, "https://dynamodb.eu-west-1.amazonaws.com/");
    /// assert_eq!(request.header("x-amz-target"), Some("DynamoDB_20120810.ListTables"));
    /// assert_eq!(request.body, br#"{"Limit":5}"#);
    /// # }
    /// ```
    pub async fn build_request<O: crate::operation::Operation>(
        &self,
        op: &O,
    ) -> Result<HttpRequest, Error<Infallible>> {
        let prepared = crate::protocol::prepare(op, self.min_compression_bytes())?;
        self.signed_request(O::SERVICE, O::TARGET, &prepared, self.signing_time())
            .await
    }

    /// Builds and signs the request of a call's first attempt, as `send` does.
    pub(crate) async fn signed_request(
        &self,
        service: &ServiceMeta,
        target: &str,
        prepared: &Prepared,
        time: SystemTime,
    ) -> Result<HttpRequest, Error<Infallible>> {
        let id = crate::uuid::Uuid::pooled_v4();
        let invocation_id = id.as_str();
        let none = ExtraHeaders::default();
        let attempt = AttemptInfo {
            invocation_id,
            attempt: 1,
            max: self.inner.max_attempts,
            extra: &none,
        };
        let (destination, headers, _, url, _) = self
            .sign(service, target, prepared, &prepared.body, time, &attempt)
            .await?;
        Ok(HttpRequest {
            method: prepared.method,
            url: url.map_or_else(|| destination.url.clone(), String::from),
            headers: headers.into_pairs(),
            body: prepared.body.clone(),
        })
    }

    /// The operation timeout of a call with these settings: an event-stream call
    /// bounds its wait for the stream's initial response by it.
    pub(crate) fn operation_timeout(&self, config: Option<&CallConfig>) -> Option<Duration> {
        config
            .and_then(|c| c.operation_timeout)
            .or(self.inner.operation_timeout)
    }

    /// Sends one call: every attempt signed afresh over the same body, retried as
    /// standard retry mode says, within the operation timeout. Returns the last response
    /// (a success or an error response, the latter read once already), left to the
    /// generic caller to decode.
    pub(crate) async fn execute(
        &self,
        service: &ServiceMeta,
        target: &str,
        prepared: Prepared,
        config: Option<&CallConfig>,
    ) -> Result<Answer, Error<Infallible>> {
        self.execute_with_body(service, target, prepared, config, None)
            .await
    }

    /// [`execute`](Self::execute) with a body each attempt makes from its signature
    /// (an input event stream) instead of the prepared bytes.
    pub(crate) async fn execute_with_body(
        &self,
        service: &ServiceMeta,
        target: &str,
        prepared: Prepared,
        config: Option<&CallConfig>,
        signed_body: Option<&dyn SignedBody>,
    ) -> Result<Answer, Error<Infallible>> {
        match config {
            None => {
                self.execute_as(service, target, prepared, None, signed_body)
                    .await
            }
            Some(config) => {
                self.for_call(config)
                    .execute_as(service, target, prepared, Some(config), signed_body)
                    .await
            }
        }
    }

    /// [`execute`](Self::execute) by the client the call's settings make.
    async fn execute_as(
        &self,
        service: &ServiceMeta,
        target: &str,
        mut prepared: Prepared,
        config: Option<&CallConfig>,
        signed_body: Option<&dyn SignedBody>,
    ) -> Result<Answer, Error<Infallible>> {
        // The body travels as `Bytes`: each attempt shares it instead of copying it.
        let body = Bytes::from(std::mem::take(&mut prepared.body));
        let id = crate::uuid::Uuid::pooled_v4();
        let invocation_id: &str = id.as_str();
        // Field names as the official SDK's `invoke` span has them (see `Client`).
        let span = tracing::debug_span!(
            "awsjson.call",
            "rpc.system" = "aws-api",
            "rpc.service" = service.service_id,
            "rpc.method" = target.rsplit_once('.').map_or(target, |(_, op)| op),
            region = self.inner.region.as_str(),
            sdk_invocation_id = invocation_id,
            attempts = Empty,
        );
        let attempts = AtomicU32::new(0);
        let call = Call {
            service,
            target,
            prepared: &prepared,
            body,
            response_stream: std::sync::Mutex::new(None),
            invocation_id,
            discovered: std::sync::Mutex::new(None),
            config,
            signed_body,
        };
        // The attempts' future made where it is awaited, not handed to an `async fn`
        // that wraps it in the timeout: a future moved into another inside an `async`
        // body is kept twice in its state, and this one is most of a call's (6 KB of
        // the 7.7 KB of a call's future, BENCHMARKS.md).
        //
        // Instrumented only when a subscriber wants the span: entering a disabled span
        // does nothing, and `Instrumented` costs each call a move of the attempts'
        // future and its own `poll` (about 1,700 instructions a call, BENCHMARKS.md).
        let sending = || {
            self.attempts(&call, &attempts, &span)
                .instrument(span.clone())
        };
        let result = match self.inner.operation_timeout {
            None if span.is_disabled() => self.attempts(&call, &attempts, &span).await,
            None => sending().await,
            Some(limit) => match tokio::time::timeout(limit, sending()).await {
                Ok(result) => result,
                Err(_) => Err(self.operation_timed_out(limit, &attempts, &span)),
            },
        };
        let mut answer = result?;
        if !self.inner.interceptors.is_empty() || call.config.is_some() {
            let context = self.context(&call, answer.attempts);
            for interceptor in self.interceptors(&call) {
                interceptor.modify_before_deserialization(&context, &mut answer.response);
            }
            // The error was read before the interceptors could change the response.
            if !answer.response.is_success() {
                answer.error = Some(read_error(&answer.response));
            }
        }
        Ok(answer)
    }

    /// The interceptors of a call: the client's, then the call's.
    fn interceptors<'a>(&'a self, call: &Call<'a>) -> impl Iterator<Item = &'a dyn Interceptor> {
        let own = call.config.map_or(&[][..], |c| &c.interceptors[..]);
        self.inner
            .interceptors
            .iter()
            .chain(own)
            .map(|i| &**i as &dyn Interceptor)
    }

    fn context<'a>(&'a self, call: &Call<'a>, attempt: u32) -> AttemptContext<'a> {
        AttemptContext {
            service: call.service,
            target: call.target,
            region: &self.inner.region,
            invocation_id: call.invocation_id,
            attempt,
            max_attempts: self.inner.max_attempts,
        }
    }

    /// The error of a call whose operation timeout elapsed.
    fn operation_timed_out(
        &self,
        limit: Duration,
        attempts: &AtomicU32,
        span: &tracing::Span,
    ) -> Error<Infallible> {
        let n = attempts.load(Ordering::Relaxed);
        span.record("attempts", n);
        tracing::debug!(parent: span, "operation timeout elapsed");
        Error::Transport(TransportError::new(
            TransportErrorKind::Timeout,
            format!(
                "the operation timeout of {limit:?} elapsed during attempt {n} of {}",
                self.inner.max_attempts
            ),
        ))
    }

    async fn attempts(
        &self,
        call: &Call<'_>,
        counter: &AtomicU32,
        call_span: &tracing::Span,
    ) -> Result<Answer, Error<Infallible>> {
        let max = self.inner.max_attempts;
        let policy = retry::Policy {
            max_attempts: max,
            initial_backoff: self.inner.initial_backoff,
            max_backoff: self.inner.max_backoff,
            quota: Some(&self.inner.quota),
        };
        let mut run = CallAttempts {
            client: self,
            call,
            counter,
            call_span,
            span: tracing::Span::none(),
            kind: RequestKind::Initial,
        };
        let ((result, error), attempt, stop) = retry::run(&policy, &mut run).await;
        if stop == retry::Stop::Success {
            return result.map(|response| Answer {
                response,
                attempts: attempt,
                error,
                stream: call.take_stream(),
            });
        }
        // A retryable failure says why it was the last; any other is plain.
        let note = match stop.reason() {
            Some(_) => format!("attempt {attempt} of {max}, {}", stop.as_str()),
            None => format!("attempt {attempt} of {max}"),
        };
        match result {
            Ok(response) => Ok(Answer {
                response,
                attempts: attempt,
                error,
                stream: None,
            }),
            Err(Error::Transport(e)) => {
                let note = match e.status() {
                    Some(status) if (200..300).contains(&status) => format!(
                        "{note}; not retried: the service answered HTTP {status}, so \
                         the operation may have taken effect"
                    ),
                    _ => note,
                };
                Err(Error::Transport(e.with_note(&note)))
            }
            Err(other) => Err(other),
        }
    }

    /// One attempt: sign at the (corrected) current time, send, read, within the
    /// attempt timeout.
    async fn attempt(
        &self,
        call: &Call<'_>,
        info: &AttemptInfo<'_>,
    ) -> Result<RawResponse, Error<Infallible>> {
        // Credentials come first, inside the attempt: a timeout before they came says so.
        let mut signed = false;
        // The status, once the headers are in: a timeout that cuts the body of a 2xx
        // short must say so, as the retry loop does not send such a call again.
        let status = AtomicU16::new(0);
        let once = async {
            let (destination, headers, discovered, url, credentials) = self
                .sign(
                    call.service,
                    call.target,
                    call.prepared,
                    &call.body,
                    self.signing_time(),
                    info,
                )
                .await?;
            *call
                .discovered
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner) = discovered;
            signed = true;
            let target = Target {
                method: call.prepared.method,
                url: url.as_ref().unwrap_or(&destination.parsed),
                stream_to: call
                    .prepared
                    .stream_response
                    .then_some(&call.response_stream),
                event_stream: call.prepared.event_stream,
                http2: call.prepared.http2,
            };
            let body = match call.signed_body {
                None => call.body(info.attempt)?,
                Some(signed_body) => {
                    let authorization = headers
                        .iter()
                        .find(|(name, _)| *name == "authorization")
                        .map_or("", |(_, value)| value);
                    AttemptBody::Signed(signed_body.body(
                        info.attempt,
                        authorization,
                        &credentials,
                        self,
                    )?)
                }
            };
            self.transmit(&destination, target, headers, info.extra, body, &status)
                .await
        };
        match self.inner.attempt_timeout {
            None => once.await,
            Some(limit) => tokio::time::timeout(limit, once).await.unwrap_or_else(|_| {
                let message = if signed {
                    format!("no complete response within the attempt timeout of {limit:?}")
                } else {
                    let mut message = format!(
                        "the attempt timeout of {limit:?} passed while waiting for credentials"
                    );
                    if let Some(what) = self.inner.credentials.waiting_for() {
                        message.push_str(&format!(" from {what}"));
                    }
                    message
                };
                let error = TransportError::new(TransportErrorKind::Timeout, message);
                Err(Error::Transport(match status.load(Ordering::Relaxed) {
                    0 => error,
                    seen => error.with_status(seen),
                }))
            }),
        }
    }

    /// Where a call of an operation with endpoint discovery goes: the discovered
    /// address, or `None` for the service's endpoint (discovery not used).
    async fn discovered_url(
        &self,
        service: &ServiceMeta,
        target: &str,
        prepared: &Prepared,
    ) -> Result<Option<Arc<str>>, Error<Infallible>> {
        let Some(discovery) = prepared.discovery else {
            return Ok(None);
        };
        // A mock answers by operation, wherever the request would go: a discovery
        // would only be one more call for its user to script.
        #[cfg(feature = "test-util")]
        if matches!(self.inner.http, Transport::Mock(_)) {
            return Ok(None);
        }
        // A URL the call or the configuration names is where the user wants requests
        // to go (a local server's `DescribeEndpoints` answers AWS's own address).
        let configured = prepared.endpoint_url.is_some()
            || self.inner.endpoints.configured_url(service).is_some();
        let discover = match self.inner.discovery_mode {
            DiscoveryMode::Disabled if discovery.required && !configured => {
                return Err(Error::Config(ConfigError::new(format!(
                    "{target} requires endpoint discovery, which is disabled \
                     (AWS_ENDPOINT_DISCOVERY_ENABLED, endpoint_discovery_enabled or \
                     ClientBuilder::endpoint_discovery)"
                ))));
            }
            DiscoveryMode::Disabled => false,
            DiscoveryMode::Auto => discovery.required && !configured,
            DiscoveryMode::Enabled => prepared.endpoint_url.is_none(),
        };
        if !discover {
            return Ok(None);
        }
        let slot = self.inner.discovered.slot(service);
        let client = self.clone();
        let service = *service;
        slot.address(move || client.discover(service, discovery.operation))
            .await
            .map(Some)
    }

    /// Calls the service's discovery operation.
    fn discover(&self, service: ServiceMeta, operation: &'static str) -> Discovery {
        let client = self.clone();
        Box::pin(async move {
            let prepared = Prepared {
                body: b"{}".to_vec(),
                headers: crate::protocol::aws_json::headers(&service, operation),
                ..Prepared::default()
            };
            let response = client
                .execute(&service, operation, prepared, None)
                .await?
                .response;
            if !response.is_success() {
                let meta =
                    crate::protocol::error_code::error_meta(&response).map_err(Error::Decode)?;
                return Err(Error::Config(ConfigError::new(format!(
                    "endpoint discovery of {}: {operation} failed: {meta}",
                    service.service_id
                ))));
            }
            discovery::parse_answer(&service, &response.body)
        })
    }

    /// An error response at a discovered address that says it is not the service's:
    /// the address is dropped and the call retried.
    fn invalid_endpoint(
        &self,
        call: &Call<'_>,
        response: &RawResponse,
        error: Option<&Result<ErrorAnswer, DecodeError>>,
    ) -> Option<RetryReason> {
        let url = call
            .discovered
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .take()?;
        let code = error
            .and_then(|e| e.as_ref().ok())
            .map(|answer| answer.meta.code.as_str());
        if !discovery::is_invalid_endpoint(response.status, code) {
            return None;
        }
        self.inner.discovered.slot(call.service).invalidate(&url);
        tracing::debug!(
            url = &*url,
            "the discovered endpoint is invalid: discovering anew"
        );
        Some(RetryReason::InvalidEndpoint)
    }

    /// The call's headers and what the interceptors add for this attempt; empty (and
    /// not allocated) when there are neither.
    fn extra_headers(&self, call: &Call<'_>, attempt: u32) -> ExtraHeaders {
        if self.inner.interceptors.is_empty() && call.config.is_none() {
            return ExtraHeaders::default();
        }
        let mut extra = call.config.map(|c| c.headers.clone()).unwrap_or_default();
        let context = self.context(call, attempt);
        for interceptor in self.interceptors(call) {
            interceptor.modify_before_signing(&context, &mut extra);
        }
        extra
    }

    /// Why an error response is worth another attempt, if it is: the retry classifier's
    /// say first, then the defaults.
    fn retry_reason(
        &self,
        call: &Call<'_>,
        attempt: u32,
        response: &RawResponse,
        error: Option<&Result<ErrorAnswer, DecodeError>>,
    ) -> Option<RetryReason> {
        if let Some(classifier) = self
            .inner
            .classifier
            .as_ref()
            .filter(|_| response.status >= 300)
        {
            let meta = error
                .and_then(|e| e.as_ref().ok())
                .map(|answer| &answer.meta);
            match classifier.classify(&self.context(call, attempt), response.status, meta) {
                RetryClass::Transient => return Some(RetryReason::ServerError),
                RetryClass::Throttling => return Some(RetryReason::Throttling),
                RetryClass::DoNotRetry => return None,
                RetryClass::Default => {}
            }
        }
        if let Some(reason) = retry::status_reason(response.status) {
            return Some(reason);
        }
        if response.status < 400 {
            return None;
        }
        let meta = &error?.as_ref().ok()?.meta;
        if let Some(reason) = retry::code_reason(&meta.code) {
            return Some(reason);
        }
        (retry::is_skew_error(&meta.code, meta.message.as_deref()) && self.correct_clock(response))
            .then_some(RetryReason::ClockSkew)
    }

    /// Takes the clock offset from a skew error's `Date`; false when there is no `Date`
    /// or it agrees with the corrected clock (then the clock is not what is wrong).
    fn correct_clock(&self, response: &RawResponse) -> bool {
        let Some(server) = response
            .header("date")
            .and_then(|d| DateTime::parse_http_date(d.trim()).ok())
        else {
            return false;
        };
        let server_ms =
            i128::from(server.secs()) * 1000 + i128::from(server.subsec_nanos() / 1_000_000);
        let local_ms = match SystemTime::now().duration_since(UNIX_EPOCH) {
            Ok(d) => d.as_millis() as i128,
            Err(e) => -(e.duration().as_millis() as i128),
        };
        let Ok(skew) = i64::try_from(server_ms - local_ms) else {
            return false;
        };
        let previous = self.inner.skew_ms.load(Ordering::Relaxed);
        if skew.abs_diff(previous) < SKEW_THRESHOLD_MS.unsigned_abs() {
            return false;
        }
        self.inner.skew_ms.store(skew, Ordering::Relaxed);
        tracing::debug!(
            skew_ms = skew,
            "corrected the clock from the service's Date"
        );
        true
    }

    /// Now, by the service's clock as far as skew errors have told.
    pub(crate) fn signing_time(&self) -> SystemTime {
        let now = SystemTime::now();
        match self.inner.skew_ms.load(Ordering::Relaxed) {
            0 => now,
            skew if skew > 0 => now + Duration::from_millis(skew.unsigned_abs()),
            skew => now
                .checked_sub(Duration::from_millis(skew.unsigned_abs()))
                .unwrap_or(now),
        }
    }

    /// Where one attempt goes, its signed headers, and the discovered address it goes
    /// to (for an operation with endpoint discovery).
    async fn sign(
        &self,
        service: &ServiceMeta,
        target: &str,
        prepared: &Prepared,
        body: &[u8],
        time: SystemTime,
        info: &AttemptInfo<'_>,
    ) -> Result<Signed, Error<Infallible>> {
        let discovered = self.discovered_url(service, target, prepared).await?;
        let origin = match (&prepared.endpoint_url, discovered.as_deref()) {
            (Some(url), _) => Origin::Url(url),
            (None, Some(url)) => Origin::Url(url),
            (None, None) => Origin::Service(service),
        };
        // Credentials first: the account id in them can choose the endpoint.
        let provider = &self.inner.credentials;
        let credentials = match provider.provide_credentials_now() {
            Some(credentials) => credentials,
            None => provider
                .provide_credentials()
                .await
                .map_err(Error::Credentials)?,
        };
        let account_id = credentials
            .account_id()
            .filter(|_| prepared.endpoint_account_id);
        let with_account;
        let context = match account_id {
            Some(account_id) => {
                with_account = [("AccountId", Param::Str(account_id.to_owned()))]
                    .into_iter()
                    .chain(prepared.endpoint_params.iter().cloned())
                    .collect::<Vec<_>>();
                &with_account[..]
            }
            None => &prepared.endpoint_params[..],
        };
        let destination = self
            .inner
            .destinations
            .get_with(
                origin,
                prepared.host_prefix.as_deref(),
                context,
                |service| self.resolve_endpoint_with(service, context),
            )
            .map_err(Error::Config)?;
        // restJson1: the operation's path and query after the endpoint's path.
        let url =
            (!prepared.uri.is_empty()).then(|| operation_url(&destination.parsed, &prepared.uri));
        let uri = match &url {
            Some(url) => Cow::Owned(match url.query() {
                Some(query) => format!("{}?{query}", url.path()),
                None => url.path().to_owned(),
            }),
            None => Cow::Borrowed(destination.path.as_str()),
        };
        // A body of signed events is signed event by event, not as a whole; a body
        // sent as it is read, not at all.
        let payload_hash = match (prepared.input_stream, prepared.stream.is_some()) {
            (true, _) => Some(sigv4::STREAMING_EVENTS_PAYLOAD),
            (false, true) => Some("UNSIGNED-PAYLOAD"),
            (false, false) => None,
        };
        let to_sign = std::iter::once(("host", destination.host.as_str()))
            .chain(prepared.headers.iter().map(|(n, v)| (&**n, &**v)))
            .chain(
                info.extra
                    .entries
                    .iter()
                    .filter(|h| h.signed)
                    // Checked to be visible ASCII when added.
                    .map(|h| (h.name.as_str(), h.value.to_str().unwrap_or_default())),
            );
        // On the stack when they fit, as they do but for many call headers: a `Vec`
        // was an allocation an attempt.
        let mut inline = [("", ""); 16];
        let heap: Vec<(&str, &str)>;
        let signed_headers =
            if 1 + prepared.headers.len() + info.extra.entries.len() <= inline.len() {
                let mut n = 0;
                for (slot, header) in inline.iter_mut().zip(to_sign) {
                    *slot = header;
                    n += 1;
                }
                &inline[..n]
            } else {
                heap = to_sign.collect();
                &heap[..]
            };
        let request = sigv4::SignableRequest {
            method: prepared.method,
            uri: &uri,
            headers: signed_headers,
            body,
        };
        let params = sigv4::SigningParams {
            access_key_id: credentials.access_key_id(),
            secret_access_key: credentials.secret_access_key(),
            session_token: credentials.session_token(),
            region: destination
                .signing_region
                .as_deref()
                .unwrap_or(&self.inner.region),
            service: destination
                .signing_name
                .as_deref()
                .unwrap_or(service.signing_name),
            time,
            settings: sigv4::SigningSettings {
                sign_body: payload_hash.is_some(),
                payload_hash,
                ..sigv4::SigningSettings::default()
            },
        };
        // Sized once: growing from the first four took two reallocations a call. The
        // values built here share one buffer, the signature's `authorization` written
        // straight into it; static ones are sent as they are.
        let bodiless = body.is_empty() && !matches!(prepared.method, "POST" | "PUT" | "PATCH");
        let text = sigv4::authorization_capacity(&request, &params)
            + destination.host.len()
            + prepared
                .headers
                .iter()
                .map(|(_, v)| if let Cow::Owned(v) = v { v.len() } else { 0 })
                .sum::<usize>()
            + 16
            + payload_hash.map_or(0, |_| 64)
            + credentials.session_token().map_or(0, str::len)
            + 20
            + info.invocation_id.len()
            + 40;
        let mut headers = RequestHeaders::with_capacity(prepared.headers.len() + 10, text);
        let signed = headers.write(|out| {
            self.inner
                .signing_keys
                .sign(&request, &params, &credentials, out)
        });
        headers.push(&names::HOST, &destination.host);
        for (name, value) in &prepared.headers {
            headers.push_cow(name.clone(), value);
        }
        headers.push(&names::X_AMZ_DATE, signed.x_amz_date.as_str());
        if let Some(hash) = &signed.content_sha256 {
            headers.push(&names::X_AMZ_CONTENT_SHA256, hash);
        }
        if let Some(token) = credentials.session_token() {
            headers.push(&names::X_AMZ_SECURITY_TOKEN, token);
        }
        headers.push_written(&names::AUTHORIZATION, signed.authorization);
        // A streaming body's length is unknown: it goes chunked. A request without a
        // body says no length unless its method has one (a GET has none).
        if prepared.stream.is_none() && !bodiless {
            headers.push_with(&names::CONTENT_LENGTH, |out| {
                transmit::push_decimal(out, body.len() as u64);
            });
        }
        headers.push_static(&names::USER_AGENT, USER_AGENT);
        // Not signed, as the SDKs do: they change per attempt and say nothing the
        // signature must protect.
        headers.push(&names::AMZ_SDK_INVOCATION_ID, info.invocation_id);
        headers.push_with(&names::AMZ_SDK_REQUEST, |out| {
            out.push_str("attempt=");
            transmit::push_decimal(out, info.attempt.into());
            out.push_str("; max=");
            transmit::push_decimal(out, info.max.into());
        });
        Ok((destination, headers, discovered, url, credentials))
    }

    /// Sends one request and reads the whole response, up to the size cap.
    async fn transmit(
        &self,
        destination: &Destination,
        target: Target<'_>,
        headers: RequestHeaders,
        extra: &ExtraHeaders,
        body: AttemptBody,
        status_seen: &AtomicU16,
    ) -> Result<RawResponse, Error<Infallible>> {
        // Without test-util the enum has one variant, and the match looks needless.
        #[cfg_attr(
            not(feature = "test-util"),
            allow(clippy::infallible_destructuring_match)
        )]
        let http = match &self.inner.http {
            #[cfg(feature = "http2")]
            Transport::Http(_) if target.http2 => &self.inner.stream_http,
            Transport::Http(http) => http,
            #[cfg(feature = "test-util")]
            Transport::Mock(mock) => {
                let body: &[u8] = match &body {
                    AttemptBody::Bytes(bytes) => bytes,
                    AttemptBody::Stream(_) | AttemptBody::Signed(_) => &[],
                };
                let response = mock.exchange(target.url.as_str(), &headers.into_pairs(), body)?;
                status_seen.store(response.status, Ordering::Relaxed);
                return Ok(response);
            }
        };
        // The header map is built here and handed over whole: reqwest's builder would
        // parse each name and copy each value again (BENCHMARKS.md). reqwest derives
        // content-length from the body itself.
        let mut map = headers
            .into_header_map(extra.entries.len(), |name| name == "content-length")
            .map_err(|why| Error::Config(ConfigError::new(why)))?;
        for header in &extra.entries {
            map.append(header.name.clone(), header.value.clone());
        }
        let method = match target.method {
            "POST" => reqwest::Method::POST,
            other => reqwest::Method::from_bytes(other.as_bytes()).map_err(|_| {
                Error::Config(ConfigError::new(format!("{other:?} is not an HTTP method")))
            })?,
        };
        let mut request = reqwest::Request::new(method, target.url.clone());
        *request.headers_mut() = map;
        *request.body_mut() = Some(match body {
            AttemptBody::Bytes(bytes) => bytes.into(),
            AttemptBody::Stream(stream) => stream.into_reqwest_body(),
            AttemptBody::Signed(body) => body,
        });
        let sending = http.execute(request);
        // Read as credential calls are read (`transmit.rs`), within the client's bounds.
        let bounds = transmit::Bounds {
            response_header_timeout: self.inner.response_header_timeout,
            stall: self.inner.stall,
            max_response_bytes: self.inner.max_response_bytes,
            cap_set_by: "ClientBuilder::max_response_bytes",
            proxies: &self.inner.proxies,
        };
        let (response, head) = transmit::head(sending, &destination.parsed, &bounds, status_seen)
            .await
            .map_err(Error::Transport)?;
        // A success whose output streams its payload: the body is left to the caller,
        // read as it is asked for (no size cap, no buffering).
        if let Some(slot) = target.stream_to.filter(|_| head.is_success()) {
            let stall = self.inner.stall;
            let body = crate::byte_stream::ResponseBody {
                body: reqwest::Body::from(response),
                status: head.status,
                // An event stream waits for events as long as its own event timeout.
                wait: (stall.is_enabled() && !target.event_stream)
                    .then(|| stall.grace_period().max(Duration::from_millis(1))),
                sleep: None,
            };
            *slot
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner) =
                Some(crate::ByteStream::from_response(body));
            return Ok(head);
        }
        transmit::read_body(response, head, &bounds)
            .await
            .map_err(Error::Transport)
    }
}

/// The last response of a call, and how many attempts it took.
pub(crate) struct Answer {
    pub(crate) response: RawResponse,
    pub(crate) attempts: u32,
    /// The response read as an error response (none for a success).
    pub(crate) error: Option<Result<ErrorAnswer, DecodeError>>,
    /// A success's body not read yet, for an output with a streaming payload.
    pub(crate) stream: Option<crate::ByteStream>,
}

/// The attempts of one call, for the retry loop: each signed and sent afresh, with
/// its own trace span.
struct CallAttempts<'c> {
    client: &'c Client,
    call: &'c Call<'c>,
    /// The attempt under way, for the operation timeout's message.
    counter: &'c AtomicU32,
    call_span: &'c tracing::Span,
    /// The span of the attempt under way.
    span: tracing::Span,
    /// What the adaptive mode's rate limiter counts the next attempt as.
    kind: RequestKind,
}

/// An attempt's result, with an error response read once.
type AttemptOutput = (
    Result<RawResponse, Error<Infallible>>,
    Option<Result<ErrorAnswer, DecodeError>>,
);

impl retry::Attempts for CallAttempts<'_> {
    type Output = AttemptOutput;

    async fn attempt(&mut self, attempt: u32) -> AttemptOutput {
        self.counter.store(attempt, Ordering::Relaxed);
        if let Some(limiter) = &self.client.inner.rate_limiter {
            if let Some(wait) = limiter.limiter.acquire(limiter.now(), self.kind) {
                tracing::debug!(
                    parent: self.call_span,
                    wait_ms = wait.as_millis() as u64,
                    "the adaptive retry mode's rate limiter delays the attempt"
                );
                tokio::time::sleep(wait).await;
            }
        }
        let span = tracing::debug_span!(
            "awsjson.attempt",
            attempt,
            status = Empty,
            request_id = Empty,
            latency_ms = Empty,
            retry = Empty,
        );
        let started = (!span.is_disabled()).then(Instant::now);
        let extra = self.client.extra_headers(self.call, attempt);
        let info = AttemptInfo {
            invocation_id: self.call.invocation_id,
            attempt,
            max: self.client.inner.max_attempts,
            extra: &extra,
        };
        // Not instrumented when no subscriber wants the span (see `execute_as`).
        let result = if span.is_disabled() {
            self.client.attempt(self.call, &info).await
        } else {
            self.client
                .attempt(self.call, &info)
                .instrument(span.clone())
                .await
        };
        let latency_ms = started.map(|started| started.elapsed().as_millis() as u64);
        span.record("latency_ms", latency_ms);
        match &result {
            Ok(response) => {
                span.record("status", response.status);
                span.record("request_id", response.request_id());
                tracing::debug!(
                        parent: &span,
                        status = response.status,
                        request_id = response.request_id(),
                        latency_ms,
                    "{}",
                    if response.is_success() { "attempt succeeded" } else { "attempt got an error response" }
                );
            }
            // The error's own text: it names the URL and what failed, never a header
            // or the body.
            Err(e) => tracing::debug!(parent: &span, latency_ms, error = %e, "attempt failed"),
        }
        if !self.client.inner.interceptors.is_empty() || self.call.config.is_some() {
            let context = self.client.context(self.call, attempt);
            let outcome = match &result {
                Ok(response) => AttemptOutcome::Response(response),
                Err(e) => AttemptOutcome::Failed(e),
            };
            for interceptor in self.client.interceptors(self.call) {
                interceptor.read_after_attempt(&context, outcome);
            }
        }
        self.span = span;
        // An error response is read here, once: for the retry decision, and for the
        // typed decode if it is the last.
        let error = match &result {
            Ok(response) if !response.is_success() => Some(read_error(response)),
            _ => None,
        };
        (result, error)
    }

    fn judge(&mut self, (result, error): &AttemptOutput) -> retry::Verdict {
        let limiter = self.client.inner.rate_limiter.as_ref();
        let reason = match result {
            Ok(response) if response.is_success() => {
                if let Some(limiter) = limiter {
                    limiter.limiter.update(limiter.now(), false);
                }
                return retry::Verdict::Success;
            }
            Ok(response) => self
                .client
                .invalid_endpoint(self.call, response, error.as_ref())
                .or_else(|| {
                    let attempt = self.counter.load(Ordering::Relaxed);
                    self.client
                        .retry_reason(self.call, attempt, response, error.as_ref())
                }),
            // The service answered 2xx: the operation was performed, however its
            // body then failed.
            Err(Error::Transport(e)) if e.status().is_some_and(|s| (200..300).contains(&s)) => None,
            Err(Error::Transport(e)) => match e.kind() {
                TransportErrorKind::Connect | TransportErrorKind::Io => {
                    Some(RetryReason::Transport)
                }
                TransportErrorKind::Timeout => Some(RetryReason::Timeout),
                _ => None,
            },
            Err(_) => None,
        };
        if let Some(limiter) = limiter {
            let throttled = reason == Some(RetryReason::Throttling);
            limiter.limiter.update(limiter.now(), throttled);
        }
        // An input stream whose events went out with this attempt is not sent again.
        let reason = reason.filter(|_| self.call.signed_body.is_none_or(|b| b.replayable()));
        reason.map_or(retry::Verdict::Final, retry::Verdict::Retry)
    }

    fn retrying(&mut self, _attempt: u32, reason: RetryReason, wait: Duration) {
        self.kind = match reason {
            RetryReason::Timeout => RequestKind::RetryTimeout,
            _ => RequestKind::Retry,
        };
        self.span.record("retry", reason.as_str());
        tracing::debug!(
            parent: &self.span,
            reason = reason.as_str(),
            backoff_ms = wait.as_millis() as u64,
            "retrying"
        );
        self.span = tracing::Span::none();
    }

    fn stopped(&mut self, attempt: u32, stop: retry::Stop) {
        self.span.record("retry", stop.as_str());
        self.call_span.record("attempts", attempt);
        match stop {
            retry::Stop::Success => {}
            _ => match stop.reason() {
                Some(reason) => tracing::debug!(
                    parent: &self.span,
                    reason = reason.as_str(),
                    "not retrying: {}",
                    stop.as_str()
                ),
                None => tracing::debug!(parent: &self.span, "not retrying: {}", stop.as_str()),
            },
        }
    }
}

/// Where an attempt goes, its signed headers, the discovered address it goes to, and
/// the credentials that signed it.
type Signed = (
    Arc<Destination>,
    RequestHeaders,
    Option<Arc<str>>,
    // restJson1: the operation's URL (the endpoint's with its path and query).
    Option<reqwest::Url>,
    // The credentials that signed it: an input stream's events chain from its
    // signature, so they must sign with the same ones, not a later refresh.
    Credentials,
);

/// Where one attempt goes: the method, and the URL (the destination's for awsJson);
/// and where a success's body goes unread, for an output that streams its payload.
struct Target<'a> {
    method: &'static str,
    url: &'a reqwest::Url,
    stream_to: Option<&'a std::sync::Mutex<Option<crate::ByteStream>>>,
    /// The success's body is an event stream: no stalled-stream protection.
    event_stream: bool,
    /// Over the HTTP/2 connections (awsjson's `http2` feature).
    #[cfg_attr(not(feature = "http2"), allow(dead_code))]
    http2: bool,
}

/// The body of one attempt: the call's bytes, shared, or its stream, sent once.
enum AttemptBody {
    Bytes(Bytes),
    Stream(crate::ByteStream),
    /// Made from the attempt's signature ([`SignedBody`]).
    Signed(reqwest::Body),
}

/// A request body made for each attempt from that attempt's signature: an input event
/// stream, whose events are signed in a chain that starts at the request's signature.
pub(crate) trait SignedBody: Send + Sync {
    /// The body of `attempt`, whose request `authorization` signed with `credentials`;
    /// its events signed by `client`'s clock. An error when it cannot be sent again.
    fn body(
        &self,
        attempt: u32,
        authorization: &str,
        credentials: &Credentials,
        client: &Client,
    ) -> Result<reqwest::Body, Error<Infallible>>;

    /// Whether another attempt may send it: nothing of it that a second request could
    /// not repeat has gone out yet.
    fn replayable(&self) -> bool;
}

/// The endpoint's URL with a restJson1 operation's path and query: the operation's
/// path after the endpoint's own (`https://host/base` + `/things/1`).
fn operation_url(endpoint: &reqwest::Url, uri: &str) -> reqwest::Url {
    let (path, query) = match uri.split_once('?') {
        Some((path, query)) => (path, Some(query)),
        None => (uri, None),
    };
    let base = endpoint.path().trim_end_matches('/');
    let mut url = endpoint.clone();
    url.set_path(&format!("{base}{path}"));
    url.set_query(query);
    url
}

/// One call, the same for all its attempts.
struct Call<'a> {
    service: &'a ServiceMeta,
    target: &'a str,
    /// Host prefix, endpoint override and extra headers; its body was moved to `body`.
    prepared: &'a Prepared,
    body: Bytes,
    /// The body of a success left unread, for an output with a streaming payload.
    response_stream: std::sync::Mutex<Option<crate::ByteStream>>,
    invocation_id: &'a str,
    /// The discovered address the last attempt went to.
    discovered: std::sync::Mutex<Option<Arc<str>>>,
    /// The call's own settings: headers and interceptors (the rest made the client).
    config: Option<&'a CallConfig>,
    /// The body each attempt makes from its signature, instead of `body`.
    signed_body: Option<&'a dyn SignedBody>,
}

impl Call<'_> {
    fn take_stream(&self) -> Option<crate::ByteStream> {
        self.response_stream
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .take()
    }

    /// The body of an attempt: the bytes again, or the stream the first time only.
    fn body(&self, attempt: u32) -> Result<AttemptBody, Error<Infallible>> {
        let Some(stream) = &self.prepared.stream else {
            return Ok(AttemptBody::Bytes(self.body.clone()));
        };
        match stream.request_body() {
            RequestBody::Bytes(bytes) => Ok(AttemptBody::Bytes(bytes)),
            RequestBody::Stream(stream) => Ok(AttemptBody::Stream(stream)),
            RequestBody::Taken => Err(Error::Transport(TransportError::new(
                TransportErrorKind::Io,
                format!(
                    "attempt {attempt} cannot send the request again: its streaming body was \
                     sent by an earlier attempt (a ByteStream made of bytes can be sent again)"
                ),
            ))),
        }
    }
}

/// What the headers of one attempt say about it.
struct AttemptInfo<'a> {
    invocation_id: &'a str,
    attempt: u32,
    max: u32,
    /// The call's headers and the interceptors' for this attempt.
    extra: &'a ExtraHeaders,
}

/// Configures a [`Client`].
#[derive(Default)]
pub struct ClientBuilder {
    region: Option<String>,
    /// Why the region chain found no region, for `build`'s error.
    region_error: Option<String>,
    credentials: Option<Arc<dyn ProvideCredentials>>,
    endpoints: EndpointConfig,
    /// The credential sources' handle on the HTTP stack, given the client's on `build`.
    http: Option<Http>,
    /// The `credential_process` timeout of the chain `from_env` set up.
    process_timeout: ProcessTimeout,
    max_response_bytes: Option<usize>,
    min_compression_bytes: Option<usize>,
    disable_compression: bool,
    connect_timeout: Option<Duration>,
    max_attempts: Option<u32>,
    initial_backoff: Option<Duration>,
    max_backoff: Option<Duration>,
    attempt_timeout: Option<Duration>,
    operation_timeout: Option<Duration>,
    response_header_timeout: Option<Option<Duration>>,
    stall: Option<StalledStreamProtection>,
    /// Roots trusted besides the system's, from `AWS_CA_BUNDLE` / `ca_bundle`.
    extra_roots: ExtraRoots,
    /// A PEM bundle named in code, read by `build`; replaces `extra_roots`.
    ca_bundle: Option<PathBuf>,
    discovery_mode: DiscoveryMode,
    /// The caller's own HTTP client, used as given.
    http_client: Option<reqwest::Client>,
    interceptors: Vec<Arc<dyn Interceptor>>,
    classifier: Option<Arc<dyn ClassifyRetry>>,
    retry_mode: Option<RetryMode>,
    /// The environment `from_env` read, for `profile_name`.
    env: Option<Env>,
    /// Whether `region` was called.
    region_in_code: bool,
    /// Why the profile `profile_name` chose could not be read, for `build`.
    profile_error: Option<String>,
}

impl fmt::Debug for ClientBuilder {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ClientBuilder")
            .field("region", &self.region)
            .field("credentials", &self.credentials)
            .field("endpoint_url", &self.endpoints.code_url)
            .field("use_fips", &self.endpoints.variant.fips)
            .field("use_dual_stack", &self.endpoints.variant.dual_stack)
            .field("extra_roots", &self.extra_roots.len())
            .field("ca_bundle", &self.ca_bundle)
            .field("http_client", &self.http_client.is_some())
            .field("interceptors", &self.interceptors)
            .field("retry_classifier", &self.classifier)
            .field("retry_mode", &self.retry_mode)
            .finish_non_exhaustive()
    }
}

impl ClientBuilder {
    /// A builder set up as the official SDKs set up a client, reading `env`; change
    /// what you like before [`build`](Self::build).
    ///
    /// - **Credentials**, looked up on first use and cached (refreshed before they
    ///   expire), from the first of: `AWS_ACCESS_KEY_ID` / `AWS_SECRET_ACCESS_KEY` /
    ///   `AWS_SESSION_TOKEN`; the profile (`AWS_PROFILE`, else `default`) in
    ///   `AWS_CONFIG_FILE` (`~/.aws/config`) and `AWS_SHARED_CREDENTIALS_FILE`
    ///   (`~/.aws/credentials`): static keys, `credential_process` (killed after
    ///   [`credential_process_timeout`](Self::credential_process_timeout)), IAM Identity
    ///   Center (`sso_session` with its `[sso-session]` section, or the legacy
    ///   `sso_start_url` / `sso_region`, with `sso_account_id` and `sso_role_name`: the
    ///   token `aws sso login` cached in `~/.aws/sso/cache`, refreshed through SSO OIDC
    ///   for sessions, exchanged for role credentials; `AWS_ENDPOINT_URL_SSO`,
    ///   `AWS_ENDPOINT_URL_SSO_OIDC`), `role_arn` with `source_profile` (which may be
    ///   any of these) or `credential_source` (STS `AssumeRole`; not `mfa_serial`),
    ///   `web_identity_token_file`; `AWS_WEB_IDENTITY_TOKEN_FILE` with `AWS_ROLE_ARN`
    ///   (STS `AssumeRoleWithWebIdentity`); ECS container credentials
    ///   (`AWS_CONTAINER_CREDENTIALS_RELATIVE_URI` / `_FULL_URI`, https or plain http
    ///   to loopback or the ECS / EKS agent, no user name before the host,
    ///   `AWS_CONTAINER_AUTHORIZATION_TOKEN[_FILE]`); EC2 instance metadata (IMDSv2;
    ///   `AWS_EC2_METADATA_DISABLED`, `AWS_EC2_METADATA_SERVICE_ENDPOINT`). Calls to
    ///   STS, SSO and SSO OIDC are retried as the standard mode retries (3 attempts on a
    ///   5xx, a 429, throttling or no answer).
    /// - **Region**: `AWS_REGION`, `AWS_DEFAULT_REGION`, the profile's `region`, EC2
    ///   instance metadata.
    /// - **Endpoints**: `AWS_ENDPOINT_URL_<SERVICE_ID>`, `AWS_ENDPOINT_URL`, the
    ///   profile's `services` section and `endpoint_url` (all ignored when
    ///   `AWS_IGNORE_CONFIGURED_ENDPOINT_URLS` / `ignore_configured_endpoint_urls` is
    ///   true); `AWS_USE_FIPS_ENDPOINT` / `use_fips_endpoint`,
    ///   `AWS_USE_DUALSTACK_ENDPOINT` / `use_dualstack_endpoint`;
    ///   `AWS_ACCOUNT_ID_ENDPOINT_MODE` / `account_id_endpoint_mode` (account-based
    ///   endpoints, with the account id of the credentials: `AWS_ACCOUNT_ID`, the
    ///   profile's `aws_account_id`, SSO's `sso_account_id`, an assumed role's ARN,
    ///   the `AccountId` that `credential_process`, ECS or instance metadata give).
    /// - **Endpoint discovery**: `AWS_ENDPOINT_DISCOVERY_ENABLED` /
    ///   `endpoint_discovery_enabled` (`true`, `false`, `auto`), as in
    ///   [`endpoint_discovery`](Self::endpoint_discovery).
    /// - **Retries**: `AWS_MAX_ATTEMPTS` / `max_attempts`; `AWS_RETRY_MODE` /
    ///   `retry_mode`: `standard` or `adaptive` ([`RetryMode`]); `legacy` (which the
    ///   CLI's profiles may name) gets standard mode, with a `tracing` warning.
    /// - **Tracing**: inside AWS Lambda (`AWS_LAMBDA_FUNCTION_NAME`), the
    ///   [`XRayTraceId`](crate::XRayTraceId) interceptor, as in the official SDKs.
    /// - **Request compression**: `AWS_DISABLE_REQUEST_COMPRESSION` /
    ///   `disable_request_compression`, `AWS_REQUEST_MIN_COMPRESSION_SIZE_BYTES` /
    ///   `request_min_compression_size_bytes`.
    /// - **Trusted roots**: `AWS_CA_BUNDLE` / `ca_bundle`, a PEM file whose
    ///   certificates are trusted besides the system's, for every HTTPS connection
    ///   (calls and credential sources alike), as in [`ca_bundle`](Self::ca_bundle).
    /// - **Proxies**: `HTTPS_PROXY` / `https_proxy`, `HTTP_PROXY` / `http_proxy`,
    ///   `ALL_PROXY` / `all_proxy` and `NO_PROXY` / `no_proxy` are read from the
    ///   process environment when the client is built (reqwest's system proxy
    ///   support), whatever `env` holds; a URL may carry `user:password@`. A failure to
    ///   reach the proxy names it.
    ///
    /// Fails on a malformed config file (naming the file and line) or an invalid
    /// setting. A missing region is reported by `build`, unless set in between.
    ///
    /// ```
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() {
    /// let env = awsjson::Env::from_vars([
    ///     ("HOME", "/nonexistent"),
    ///     ("AWS_EC2_METADATA_DISABLED", "true"),
    ///     ("AWS_ACCESS_KEY_ID", "AKID"),
    ///     ("AWS_SECRET_ACCESS_KEY", "SECRET"),
    /// ]);
    /// let client = awsjson::ClientBuilder::from_env(&env)
    ///     .await
    ///     .unwrap()
    ///     .region("eu-central-1")
    ///     .build()
    ///     .unwrap();
    /// assert_eq!(client.region(), "eu-central-1");
    /// # }
    /// ```
    pub async fn from_env(env: &Env) -> Result<ClientBuilder, ConfigError> {
        let profiles = Arc::new(load_profiles(env).map_err(ConfigError::new)?);
        let setting = |var: &str, key: &str| -> Result<bool, ConfigError> {
            match configured(env, &profiles, var, key) {
                Some((source, value)) => {
                    crate::config::parse_bool(&source, &value).map_err(ConfigError::new)
                }
                None => Ok(false),
            }
        };
        let mut endpoints = EndpointConfig::default();
        endpoints.variant.fips = setting("AWS_USE_FIPS_ENDPOINT", "use_fips_endpoint")?;
        endpoints.variant.dual_stack =
            setting("AWS_USE_DUALSTACK_ENDPOINT", "use_dualstack_endpoint")?;
        if let Some((source, value)) = configured(
            env,
            &profiles,
            "AWS_ACCOUNT_ID_ENDPOINT_MODE",
            "account_id_endpoint_mode",
        ) {
            let mode = AccountIdEndpointMode::parse(&value).ok_or_else(|| {
                ConfigError::new(format!(
                    "{source} is {value:?}: expected `preferred`, `required` or `disabled`"
                ))
            })?;
            endpoints.account_id_endpoint_mode = Some(mode.as_str().to_owned());
        }
        let ignore = setting(
            "AWS_IGNORE_CONFIGURED_ENDPOINT_URLS",
            "ignore_configured_endpoint_urls",
        )?;
        if !ignore {
            endpoints.global_env = env.var("AWS_ENDPOINT_URL");
            endpoints.service_env = env
                .vars_with_prefix("AWS_ENDPOINT_URL_")
                .into_iter()
                .collect::<HashMap<_, _>>();
            endpoints.profile = Some(profiles.clone());
        }
        let (max_attempts, retry_mode) = retry_settings(env, &profiles)?;
        let discovery_mode = match configured(
            env,
            &profiles,
            "AWS_ENDPOINT_DISCOVERY_ENABLED",
            "endpoint_discovery_enabled",
        ) {
            Some((source, value)) => DiscoveryMode::parse(&value).ok_or_else(|| {
                ConfigError::new(format!(
                    "{source} is {value:?}: expected `true`, `false` or `auto`"
                ))
            })?,
            None => DiscoveryMode::Auto,
        };
        let disable_compression = setting(
            "AWS_DISABLE_REQUEST_COMPRESSION",
            "disable_request_compression",
        )?;
        let min_compression_bytes = configured_number(
            env,
            &profiles,
            (
                "AWS_REQUEST_MIN_COMPRESSION_SIZE_BYTES",
                "request_min_compression_size_bytes",
            ),
            |n: &usize| *n <= MAX_MIN_COMPRESSION_BYTES,
            &format!(
                "the minimum compression size is a whole number of bytes from 0 to \
                 {MAX_MIN_COMPRESSION_BYTES}"
            ),
        )?;
        let extra_roots = match configured(env, &profiles, "AWS_CA_BUNDLE", "ca_bundle") {
            Some((source, path)) => {
                crate::tls::read_ca_bundle(Path::new(&path), &source).map_err(ConfigError::new)?
            }
            None => ExtraRoots::default(),
        };
        let http = Http::with_roots(extra_roots.clone());
        let process_timeout = ProcessTimeout::default();
        let imds = Arc::new(Imds::new(env, &profiles, http.clone()));
        let region = crate::region::resolve(env, &profiles, &imds).await;
        let chain = DefaultChain::new(Sources {
            env: env.clone(),
            profiles,
            http: http.clone(),
            imds,
            endpoints: endpoints.clone(),
            region: region.as_ref().ok().cloned(),
            sso_refreshes: Default::default(),
            process_timeout: process_timeout.clone(),
            waiting: Default::default(),
        });
        Ok(ClientBuilder {
            region: region.as_ref().ok().cloned(),
            region_error: region.err(),
            credentials: Some(Arc::new(CredentialsCache::new(chain))),
            endpoints,
            http: Some(http),
            process_timeout,
            max_attempts,
            retry_mode,
            min_compression_bytes,
            disable_compression,
            extra_roots,
            discovery_mode,
            // Inside Lambda, as the official SDKs: the invocation's trace id goes out.
            interceptors: match env.var("AWS_LAMBDA_FUNCTION_NAME") {
                Some(_) => vec![Arc::new(crate::XRayTraceId::from_env(env))],
                None => Vec::new(),
            },
            env: Some(env.clone()),
            ..ClientBuilder::default()
        })
    }

    /// The credentials provider set so far.
    #[cfg(feature = "test-util")]
    pub(crate) fn credentials_provider_set(&self) -> Option<Arc<dyn ProvideCredentials>> {
        self.credentials.clone()
    }

    /// The region to sign for and send to, such as `us-east-1`.
    #[must_use]
    pub fn region(mut self, region: impl Into<String>) -> Self {
        self.region = Some(region.into());
        self.region_in_code = true;
        self
    }

    /// Credentials and region from profile `name` of the shared config files, as
    /// `AWS_PROFILE=name` would give them: the default credential chain (environment
    /// keys first, then the profile's keys, `credential_process`, IAM Identity Center,
    /// `role_arn`, ..., then ECS and instance metadata), cached, replacing the
    /// credentials set so far; the region from `AWS_REGION`, `AWS_DEFAULT_REGION`, else
    /// the profile's `region`, unless [`region`](Self::region) was called (instance
    /// metadata is not asked again: without any of these, set the region in code).
    ///
    /// On a builder from [`from_env`](Self::from_env), the profile's `services` and
    /// `endpoint_url` replace the first profile's too. Retry, compression and CA
    /// settings stay those `from_env` read; to read every setting from another
    /// profile, give `from_env` an [`Env::profile_name`].
    ///
    /// A profile that does not exist fails the calls, naming it; a malformed config
    /// file fails [`build`](Self::build).
    ///
    /// ```no_run
    /// # async fn demo() -> Result<(), awsjson::ConfigError> {
    /// let client = awsjson::ClientBuilder::from_env(&awsjson::Env::process())
    ///     .await?
    ///     .profile_name("reporting")
    ///     .build()?;
    /// # let _ = client; Ok(()) }
    /// ```
    #[must_use]
    pub fn profile_name(mut self, name: impl Into<String>) -> Self {
        let env = self
            .env
            .clone()
            .unwrap_or_else(Env::process)
            .profile_name(&name.into());
        let profiles = match load_profiles(&env) {
            Ok(profiles) => Arc::new(profiles),
            Err(why) => {
                self.profile_error = Some(why);
                return self;
            }
        };
        self.profile_error = None;
        if !self.region_in_code {
            let region = env
                .var("AWS_REGION")
                .or_else(|| env.var("AWS_DEFAULT_REGION"))
                .or_else(|| profiles.get("region").map(str::to_owned));
            self.region_error = region.is_none().then(|| {
                format!(
                    "no region: AWS_REGION and AWS_DEFAULT_REGION are not set and profile `{}` \
                     has none; call ClientBuilder::region",
                    profiles.selected
                )
            });
            self.region = region;
        }
        if self.endpoints.profile.is_some() {
            self.endpoints.profile = Some(profiles.clone());
        }
        let roots = self.extra_roots.clone();
        let http = self
            .http
            .get_or_insert_with(|| Http::with_roots(roots))
            .clone();
        let imds = Arc::new(Imds::new(&env, &profiles, http.clone()));
        let chain = DefaultChain::new(Sources {
            env: env.clone(),
            profiles,
            http,
            imds,
            endpoints: self.endpoints.clone(),
            region: self.region.clone(),
            sso_refreshes: Default::default(),
            process_timeout: self.process_timeout.clone(),
            waiting: Default::default(),
        });
        self.credentials = Some(Arc::new(CredentialsCache::new(chain)));
        self.env = Some(env);
        self
    }

    /// Fixed credentials.
    #[must_use]
    pub fn credentials(self, credentials: Credentials) -> Self {
        self.credentials_provider(credentials)
    }

    /// A source of credentials asked before each request is signed.
    #[must_use]
    pub fn credentials_provider(mut self, provider: impl ProvideCredentials + 'static) -> Self {
        self.credentials = Some(Arc::new(provider));
        self
    }

    /// How long a `credential_process` of the credential chain [`from_env`](Self::from_env)
    /// set up may run before it is killed and the calls waiting for it fail with an
    /// error that says so. Default
    /// [`DEFAULT_CREDENTIAL_PROCESS_TIMEOUT`](crate::DEFAULT_CREDENTIAL_PROCESS_TIMEOUT)
    /// (1 minute, as the AWS SDK for Go). Raise it for a helper that waits for a person
    /// (a browser login, a hardware key).
    #[must_use]
    pub fn credential_process_timeout(self, timeout: Duration) -> Self {
        self.process_timeout.set(timeout);
        self
    }

    /// Sends every service's requests to this URL (a local emulator, a VPC endpoint).
    #[must_use]
    pub fn endpoint_url(mut self, url: impl Into<String>) -> Self {
        self.endpoints.code_url = Some(url.into());
        self
    }

    /// Sends to services' FIPS endpoints (`AWS_USE_FIPS_ENDPOINT`).
    #[must_use]
    pub fn use_fips(mut self, enabled: bool) -> Self {
        self.endpoints.variant.fips = enabled;
        self
    }

    /// Sends to services' dual-stack (IPv4 and IPv6) endpoints
    /// (`AWS_USE_DUALSTACK_ENDPOINT`).
    #[must_use]
    pub fn use_dual_stack(mut self, enabled: bool) -> Self {
        self.endpoints.variant.dual_stack = enabled;
        self
    }

    /// Endpoint discovery for every operation that supports it (`true`), or for none
    /// (`false`); `AWS_ENDPOINT_DISCOVERY_ENABLED` / `endpoint_discovery_enabled`
    /// (`true`, `false`, `auto`).
    ///
    /// Unset (`auto`, the default of botocore and the Java SDK), only the operations
    /// that require it discover their endpoint (Timestream Write and Query), and only
    /// when no endpoint URL is configured for the service: a configured URL is where
    /// their requests go. DynamoDB, which supports discovery without requiring it,
    /// uses its regional endpoint. Enabled, operations that support it discover too,
    /// and with a configured URL the discovery operation goes there and the calls to
    /// the address it gives (as botocore does with `AWS_ENDPOINT_URL`). Disabled, an
    /// operation that requires discovery fails unless an endpoint URL is configured.
    ///
    /// A discovered address is cached per client and service for the period the
    /// service gives, refreshed in the background shortly before it expires, and
    /// dropped when the service answers `InvalidEndpointException` there (the call is
    /// then retried at once at a newly discovered address).
    #[must_use]
    pub fn endpoint_discovery(mut self, enabled: bool) -> Self {
        self.discovery_mode = if enabled {
            DiscoveryMode::Enabled
        } else {
            DiscoveryMode::Disabled
        };
        self
    }

    /// Whether calls go to account-based endpoints when the credentials carry an
    /// account id (`AWS_ACCOUNT_ID_ENDPOINT_MODE`; default
    /// [`AccountIdEndpointMode::Preferred`]).
    #[must_use]
    pub fn account_id_endpoint_mode(mut self, mode: AccountIdEndpointMode) -> Self {
        self.endpoints.account_id_endpoint_mode = Some(mode.as_str().to_owned());
        self
    }

    /// The largest response body the client buffers; a larger one is an error.
    /// Default [`DEFAULT_MAX_RESPONSE_BYTES`].
    #[must_use]
    pub fn max_response_bytes(mut self, limit: usize) -> Self {
        self.max_response_bytes = Some(limit);
        self
    }

    /// Gzips the body of an operation declared `request_compression = "gzip"` from this
    /// many bytes on (`AWS_REQUEST_MIN_COMPRESSION_SIZE_BYTES`), 0 to 10,485,760.
    /// Default [`DEFAULT_MIN_COMPRESSION_BYTES`]. Compression needs the `gzip` feature.
    ///
    /// ```
    /// let client = awsjson::Client::builder()
    ///     .region("us-east-1")
    ///     .credentials(awsjson::Credentials::new("AKID", "SECRET", None))
    ///     .request_min_compression_size_bytes(1024)
    ///     .build()
    ///     .unwrap();
    /// assert!(format!("{client:?}").contains("min_compression_bytes: Some(1024)"));
    /// // More than 10 MiB is refused, as the SDKs refuse it.
    /// let too_large = awsjson::Client::builder()
    ///     .region("us-east-1")
    ///     .credentials(awsjson::Credentials::new("AKID", "SECRET", None))
    ///     .request_min_compression_size_bytes(20 << 20)
    ///     .build();
    /// assert!(too_large.is_err());
    /// ```
    #[must_use]
    pub fn request_min_compression_size_bytes(mut self, bytes: usize) -> Self {
        self.min_compression_bytes = Some(bytes);
        self
    }

    /// Sends every body uncompressed (`AWS_DISABLE_REQUEST_COMPRESSION`).
    #[must_use]
    pub fn disable_request_compression(mut self, disabled: bool) -> Self {
        self.disable_compression = disabled;
        self
    }

    /// A PEM file of root certificates to trust besides the system's (a corporate
    /// TLS-inspecting proxy's CA, a private endpoint's), as `AWS_CA_BUNDLE` and the
    /// profile's `ca_bundle` do; set here, it replaces theirs. Read by
    /// [`build`](Self::build), which fails naming the file when it cannot be read or
    /// holds no valid certificate.
    ///
    /// ```
    /// let built = awsjson::Client::builder()
    ///     .region("us-east-1")
    ///     .credentials(awsjson::Credentials::new("AKID", "SECRET", None))
    ///     .ca_bundle("/nonexistent/corporate-ca.pem")
    ///     .build();
    /// let err = built.unwrap_err().to_string();
    /// assert!(err.contains("/nonexistent/corporate-ca.pem"), "{err}");
    /// ```
    #[must_use]
    pub fn ca_bundle(mut self, path: impl Into<PathBuf>) -> Self {
        self.ca_bundle = Some(path.into());
        self
    }

    /// How long connecting may take. Default [`DEFAULT_CONNECT_TIMEOUT`].
    #[must_use]
    pub fn connect_timeout(mut self, timeout: Duration) -> Self {
        self.connect_timeout = Some(timeout);
        self
    }

    /// How long an attempt waits for the response's status line and headers, from when
    /// it starts sending (connecting and sending the body included); when it elapses
    /// the attempt fails with [`TransportErrorKind::Timeout`] and is retried like any
    /// timeout. `None` waits as long as it takes. Default
    /// [`DEFAULT_RESPONSE_HEADER_TIMEOUT`] (90 s, longer than any long poll). The
    /// credential sources of [`from_env`](Self::from_env) (STS, SSO, ECS, instance
    /// metadata) wait within it too, besides their own shorter per-call timeouts.
    ///
    /// ```
    /// use std::time::Duration;
    ///
    /// let client = awsjson::Client::builder()
    ///     .region("us-east-1")
    ///     .credentials(awsjson::Credentials::new("AKID", "SECRET", None))
    ///     .response_header_timeout(Duration::from_secs(20))
    ///     .build()
    ///     .unwrap();
    /// # let _ = client;
    /// let unbounded = awsjson::Client::builder().response_header_timeout(None);
    /// # let _ = unbounded;
    /// ```
    #[must_use]
    pub fn response_header_timeout(mut self, timeout: impl Into<Option<Duration>>) -> Self {
        self.response_header_timeout = Some(timeout.into());
        self
    }

    /// Whether and when a response body that stops arriving fails the attempt (with
    /// [`TransportErrorKind::Timeout`], retried like any timeout unless the response
    /// was a 2xx). Default [`StalledStreamProtection::enabled`]: under 1 byte/s over a
    /// 5 s grace period. It guards the calls of the credential sources of
    /// [`from_env`](Self::from_env) (STS, SSO, ECS, instance metadata) too.
    #[must_use]
    pub fn stalled_stream_protection(mut self, protection: StalledStreamProtection) -> Self {
        self.stall = Some(protection);
        self
    }

    /// How long one attempt (signing, sending, the whole response) may take; when it
    /// elapses the attempt fails with [`TransportErrorKind::Timeout`] and is retried
    /// like any timeout. Default: none, as in the official SDKs, since some operations
    /// long-poll (Step Functions `GetActivityTask` waits up to 60 s).
    #[must_use]
    pub fn attempt_timeout(mut self, timeout: Duration) -> Self {
        self.attempt_timeout = Some(timeout);
        self
    }

    /// How long a whole call may take, all attempts and backoff included; when it
    /// elapses the call fails with [`TransportErrorKind::Timeout`], not retried.
    /// Default: none, as in the official SDKs.
    ///
    /// ```
    /// use std::time::Duration;
    ///
    /// let client = awsjson::Client::builder()
    ///     .region("us-east-1")
    ///     .credentials(awsjson::Credentials::new("AKID", "SECRET", None))
    ///     .attempt_timeout(Duration::from_secs(5))
    ///     .operation_timeout(Duration::from_secs(12))
    ///     .build()
    ///     .unwrap();
    /// # let _ = client;
    /// ```
    #[must_use]
    pub fn operation_timeout(mut self, timeout: Duration) -> Self {
        self.operation_timeout = Some(timeout);
        self
    }

    /// Attempts per call, the first included: 1 turns retries off. Default
    /// [`DEFAULT_MAX_ATTEMPTS`](crate::DEFAULT_MAX_ATTEMPTS) (3); 0 is a build error.
    ///
    /// ```
    /// let client = awsjson::Client::builder()
    ///     .region("us-east-1")
    ///     .credentials(awsjson::Credentials::new("AKID", "SECRET", None))
    ///     .max_attempts(1)
    ///     .build()
    ///     .unwrap();
    /// # let _ = client;
    /// ```
    #[must_use]
    pub fn max_attempts(mut self, attempts: u32) -> Self {
        self.max_attempts = Some(attempts);
        self
    }

    /// The base of the exponential backoff: the wait before retry `n` is drawn
    /// uniformly from `[0, min(max_backoff, initial_backoff * 2^(n-1))]`. Default
    /// [`DEFAULT_INITIAL_BACKOFF`](crate::DEFAULT_INITIAL_BACKOFF) (1 s).
    #[must_use]
    pub fn initial_backoff(mut self, backoff: Duration) -> Self {
        self.initial_backoff = Some(backoff);
        self
    }

    /// The longest wait between two attempts. Default
    /// [`DEFAULT_MAX_BACKOFF`](crate::DEFAULT_MAX_BACKOFF) (20 s).
    #[must_use]
    pub fn max_backoff(mut self, backoff: Duration) -> Self {
        self.max_backoff = Some(backoff);
        self
    }

    /// Sends through this HTTP client instead of one awsjson builds: your proxy, your
    /// connection pool and its limits, your TLS roots and client certificates, HTTP/2
    /// and whatever else `reqwest` lets you set. The credential sources that go over
    /// HTTP (STS, SSO, ECS, instance metadata) use it too.
    ///
    /// What the given client decides: proxies, TLS (roots, versions, certificates),
    /// the pool, HTTP versions, the connect timeout, its own request timeout, and
    /// redirects: turn them off (`redirect(reqwest::redirect::Policy::none())`), as
    /// awsjson's own client does, since a signed request is for one host.
    /// [`connect_timeout`](Self::connect_timeout), [`ca_bundle`](Self::ca_bundle) and
    /// `AWS_CA_BUNDLE` do not apply to it. What awsjson still does: signing, retries,
    /// the attempt and operation timeouts, the response header timeout, stalled stream
    /// protection and the response size limit.
    ///
    /// ```no_run
    /// let http = reqwest::Client::builder()
    ///     .redirect(reqwest::redirect::Policy::none())
    ///     .pool_max_idle_per_host(4)
    ///     .build()
    ///     .unwrap();
    /// let client = awsjson::Client::builder()
    ///     .region("us-east-1")
    ///     .credentials(awsjson::Credentials::new("AKID", "SECRET", None))
    ///     .http_client(http)
    ///     .build()
    ///     .unwrap();
    /// # let _ = client;
    /// ```
    #[must_use]
    pub fn http_client(mut self, client: reqwest::Client) -> Self {
        self.http_client = Some(client);
        self
    }

    /// Adds an [`Interceptor`], run on every call after those added before it.
    #[must_use]
    pub fn interceptor(mut self, interceptor: impl Interceptor + 'static) -> Self {
        self.interceptors.push(Arc::new(interceptor));
        self
    }

    /// The hook that classifies error responses before the defaults do (see
    /// [`ClassifyRetry`]).
    #[must_use]
    pub fn retry_classifier(mut self, classifier: impl ClassifyRetry + 'static) -> Self {
        self.classifier = Some(Arc::new(classifier));
        self
    }

    /// Standard (the default) or adaptive retries (`AWS_RETRY_MODE`); see
    /// [`RetryMode`].
    ///
    /// ```
    /// let client = awsjson::Client::builder()
    ///     .region("us-east-1")
    ///     .credentials(awsjson::Credentials::new("AKID", "SECRET", None))
    ///     .retry_mode(awsjson::RetryMode::Adaptive)
    ///     .build()
    ///     .unwrap();
    /// assert!(format!("{client:?}").contains("Adaptive"));
    /// ```
    #[must_use]
    pub fn retry_mode(mut self, mode: RetryMode) -> Self {
        self.retry_mode = Some(mode);
        self
    }

    /// Builds the client; fails without a region or credentials, or when no trusted
    /// root certificate is usable. The system's roots (on Linux and the BSDs the PEM
    /// bundle and certificate directories OpenSSL reads, `SSL_CERT_FILE` and
    /// `SSL_CERT_DIR` first; elsewhere the platform's verifier) are read here, once,
    /// and shared by all the client's connections, unless
    /// [`http_client`](Self::http_client) gives one.
    pub fn build(mut self) -> Result<Client, ConfigError> {
        if let Some(why) = self.profile_error.take() {
            return Err(ConfigError::new(why));
        }
        let region_error = self.region_error;
        let region = self.region.filter(|r| !r.is_empty()).ok_or_else(|| {
            ConfigError::new(
                region_error.unwrap_or_else(|| "no region: call ClientBuilder::region".to_owned()),
            )
        })?;
        let credentials = self.credentials.ok_or_else(|| {
            ConfigError::new(
                "no credentials: call ClientBuilder::credentials or credentials_provider",
            )
        })?;
        let min_compression_bytes = self
            .min_compression_bytes
            .unwrap_or(DEFAULT_MIN_COMPRESSION_BYTES);
        if min_compression_bytes > MAX_MIN_COMPRESSION_BYTES {
            return Err(ConfigError::new(format!(
                "the minimum compression size is {min_compression_bytes} bytes: it is at most \
                 {MAX_MIN_COMPRESSION_BYTES} (10 MiB)"
            )));
        }
        let max_attempts = self.max_attempts.unwrap_or(retry::DEFAULT_MAX_ATTEMPTS);
        if max_attempts == 0 {
            return Err(ConfigError::new(
                "max_attempts is 0: a call makes at least 1 attempt (1 turns retries off)",
            ));
        }
        // The SDKs' built-in default; the rule sets leave it unset.
        if self.endpoints.account_id_endpoint_mode.is_none() {
            self.endpoints.account_id_endpoint_mode =
                Some(AccountIdEndpointMode::default().as_str().to_owned());
        }
        if let Some(url) = &self.endpoints.code_url {
            parse_http_url(url).map_err(|why| ConfigError::new(format!("endpoint {why}")))?;
        }
        let extra_roots = match &self.ca_bundle {
            Some(path) => crate::tls::read_ca_bundle(path, "ClientBuilder::ca_bundle")
                .map_err(ConfigError::new)?,
            None => self.extra_roots,
        };
        let connect_timeout = self.connect_timeout.unwrap_or(DEFAULT_CONNECT_TIMEOUT);
        let finish = |builder: reqwest::ClientBuilder| {
            builder
                .connect_timeout(connect_timeout)
                // A signed request is for one host; a 3xx is an answer to report, as the
                // SDKs do, not a hop to follow.
                .redirect(reqwest::redirect::Policy::none())
                // Retrying is the attempt loop's (`retry.rs`); reqwest's own policy, which
                // retries HTTP/2 refusals only and so never fires on HTTP/1.1, still
                // copied every request's header map in case it would (BENCHMARKS.md).
                .retry(reqwest::retry::never().max_retries_per_request(0))
                .build()
                .map_err(|e| ConfigError::new(format!("could not set up the HTTP client: {e}")))
        };
        #[cfg(feature = "http2")]
        let stream_http;
        let http = match self.http_client {
            Some(http) => {
                #[cfg(feature = "http2")]
                {
                    stream_http = http.clone();
                }
                http
            }
            None => {
                // Read once for both clients: reading the roots is most of what
                // building a client costs (BENCHMARKS.md).
                let trust = Trust::load(&extra_roots).map_err(ConfigError::new)?;
                #[cfg(feature = "http2")]
                {
                    stream_http =
                        finish(crate::tls::http2_builder(&trust).map_err(ConfigError::new)?)?;
                }
                finish(crate::tls::http_builder(&trust).map_err(ConfigError::new)?)?
            }
        };
        // The credential sources' calls are read within the same bounds as calls.
        if let Some(handle) = &self.http {
            handle.set(Stack {
                client: http.clone(),
                response_header_timeout: self
                    .response_header_timeout
                    .unwrap_or(Some(DEFAULT_RESPONSE_HEADER_TIMEOUT)),
                stall: self.stall.unwrap_or_default(),
                proxies: Arc::new(Matcher::from_env()),
            });
        }
        Ok(Client {
            inner: Arc::new(Inner {
                http: Transport::Http(http),
                #[cfg(feature = "http2")]
                stream_http,
                proxies: Arc::new(Matcher::from_env()),
                region,
                credentials,
                endpoints: self.endpoints,
                min_compression_bytes: (!self.disable_compression).then_some(min_compression_bytes),
                max_response_bytes: self
                    .max_response_bytes
                    .unwrap_or(DEFAULT_MAX_RESPONSE_BYTES),
                signing_keys: Arc::default(),
                destinations: Arc::default(),
                max_attempts,
                initial_backoff: self
                    .initial_backoff
                    .unwrap_or(retry::DEFAULT_INITIAL_BACKOFF),
                max_backoff: self.max_backoff.unwrap_or(retry::DEFAULT_MAX_BACKOFF),
                attempt_timeout: self.attempt_timeout,
                operation_timeout: self.operation_timeout,
                response_header_timeout: self
                    .response_header_timeout
                    .unwrap_or(Some(DEFAULT_RESPONSE_HEADER_TIMEOUT)),
                stall: self.stall.unwrap_or_default(),
                quota: Arc::new(RetryQuota::new()),
                rate_limiter: (self.retry_mode == Some(RetryMode::Adaptive))
                    .then(|| Arc::new(RateLimiter::new())),
                skew_ms: Arc::default(),
                discovery_mode: self.discovery_mode,
                discovered: Arc::default(),
                interceptors: self.interceptors.into(),
                classifier: self.classifier,
            }),
        })
    }
}

/// The names of the headers the client adds to every attempt, parsed once.
mod names {
    use crate::transmit::KnownName;

    pub(super) static HOST: KnownName = KnownName::new("host");
    pub(super) static X_AMZ_DATE: KnownName = KnownName::new("x-amz-date");
    pub(super) static X_AMZ_CONTENT_SHA256: KnownName = KnownName::new("x-amz-content-sha256");
    pub(super) static X_AMZ_SECURITY_TOKEN: KnownName = KnownName::new("x-amz-security-token");
    pub(super) static AUTHORIZATION: KnownName = KnownName::new("authorization");
    pub(super) static CONTENT_LENGTH: KnownName = KnownName::new("content-length");
    pub(super) static USER_AGENT: KnownName = KnownName::new("user-agent");
    pub(super) static AMZ_SDK_INVOCATION_ID: KnownName = KnownName::new("amz-sdk-invocation-id");
    pub(super) static AMZ_SDK_REQUEST: KnownName = KnownName::new("amz-sdk-request");
}

#[cfg(test)]
mod tests {
    use super::*;

    async fn env(pairs: &[(&str, &str)]) -> Result<Client, ConfigError> {
        let mut vars = vec![
            ("HOME", "/nonexistent"),
            ("AWS_EC2_METADATA_DISABLED", "true"),
        ];
        vars.extend_from_slice(pairs);
        ClientBuilder::from_env(&Env::from_vars(vars.iter().copied()))
            .await?
            .build()
    }

    /// `transmit` names headers with `HeaderName::from_static`, which accepts only valid
    /// lower-case names: every header an attempt can carry is one.
    #[tokio::test]
    async fn every_header_of_an_attempt_is_a_valid_static_name() {
        const SERVICE: ServiceMeta = ServiceMeta {
            target_prefix: "Svc_20200101",
            json_version: crate::service::JsonVersion::V1_0,
            signing_name: "svc",
            endpoint_prefix: "svc",
            service_id: "Svc",
            hostname: "svc.{region}.{dnsSuffix}",
            endpoints: &[],
            endpoint_rules: None,
        };
        let client = Client::builder()
            .region("us-east-1")
            .credentials(Credentials::new("AKID", "SECRET", Some("TOKEN".into())))
            .build()
            .unwrap();
        let prepared = Prepared {
            body: b"{}".to_vec(),
            host_prefix: Some("data.".into()),
            endpoint_url: None,
            headers: vec![
                ("content-encoding".into(), "gzip".into()),
                ("x-amzn-query-mode".into(), "true".into()),
            ],
            ..Prepared::default()
        };
        let request = client
            .signed_request(&SERVICE, "Svc_20200101.Op", &prepared, SystemTime::now())
            .await
            .unwrap();
        assert_eq!(request.url, "https://data.svc.us-east-1.amazonaws.com/");
        assert!(request.header("x-amz-security-token").is_some());
        for (name, _) in &request.headers {
            let parsed = reqwest::header::HeaderName::from_bytes(name.as_bytes()).unwrap();
            assert_eq!(parsed.as_str(), *name);
        }
    }

    /// The waits that have no end unless bounded: both are bounded on a default
    /// client, whether built in code or from the environment (test_wire.rs shows the
    /// default stall protection at work).
    #[tokio::test]
    async fn headers_and_bodies_are_bounded_by_default() {
        let built = Client::builder()
            .region("us-east-1")
            .credentials(Credentials::new("AKID", "SECRET", None))
            .build()
            .unwrap();
        let from_env = env(&[
            ("AWS_REGION", "us-east-1"),
            ("AWS_ACCESS_KEY_ID", "AKID"),
            ("AWS_SECRET_ACCESS_KEY", "SECRET"),
        ])
        .await
        .unwrap();
        for client in [built, from_env] {
            assert_eq!(
                client.inner.response_header_timeout,
                Some(Duration::from_secs(90))
            );
            let stall = client.inner.stall;
            assert!(stall.is_enabled());
            assert_eq!(stall.grace_period(), Duration::from_secs(5));
            assert_eq!(stall.min_throughput(), 1);
        }
        let unbounded = Client::builder()
            .region("us-east-1")
            .credentials(Credentials::new("AKID", "SECRET", None))
            .response_header_timeout(None)
            .stalled_stream_protection(StalledStreamProtection::disabled())
            .build()
            .unwrap();
        assert_eq!(unbounded.inner.response_header_timeout, None);
        assert!(unbounded.inner.stall.monitor().is_none());
    }

    /// `profile_name` switches the credentials and region to another profile; a region
    /// set in code stays, and a profile that is not there fails the call naming it.
    #[tokio::test]
    async fn profile_name_chooses_the_profile() {
        const SVC: ServiceMeta = ServiceMeta {
            target_prefix: "Svc_20200101",
            json_version: crate::service::JsonVersion::V1_0,
            signing_name: "svc",
            endpoint_prefix: "svc",
            service_id: "Svc",
            hostname: "svc.{region}.{dnsSuffix}",
            endpoints: &[],
            endpoint_rules: None,
        };
        let dir = std::env::temp_dir().join(format!("awsjson-profile-name-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let config = dir.join("config");
        std::fs::write(
            &config,
            "[default]\nregion = us-east-1\naws_access_key_id = AKIDDEFAULT\naws_secret_access_key = s1\n\
             [profile dev]\nregion = eu-north-1\naws_access_key_id = AKIDDEV\naws_secret_access_key = s2\n",
        )
        .unwrap();
        let vars = [
            ("HOME", "/nonexistent"),
            ("AWS_EC2_METADATA_DISABLED", "true"),
            ("AWS_CONFIG_FILE", config.to_str().unwrap()),
            ("AWS_SHARED_CREDENTIALS_FILE", "/nonexistent/credentials"),
        ];
        let from_env = || async {
            ClientBuilder::from_env(&Env::from_vars(vars.iter().copied()))
                .await
                .unwrap()
        };
        let key = |client: Client| async move {
            let prepared = Prepared {
                body: b"{}".to_vec(),
                ..Prepared::default()
            };
            let request = client
                .signed_request(&SVC, "Svc_20200101.Op", &prepared, SystemTime::now())
                .await?;
            let authorization = request
                .header("authorization")
                .unwrap_or_default()
                .to_owned();
            Ok::<_, Error<Infallible>>((client.region().to_owned(), authorization))
        };
        let (region, auth) = key(from_env().await.build().unwrap()).await.unwrap();
        assert_eq!(region, "us-east-1");
        assert!(auth.contains("Credential=AKIDDEFAULT/"), "{auth}");
        let dev = from_env().await.profile_name("dev").build().unwrap();
        let (region, auth) = key(dev).await.unwrap();
        assert_eq!(region, "eu-north-1");
        assert!(
            auth.contains("Credential=AKIDDEV/") && auth.contains("/eu-north-1/svc/"),
            "{auth}"
        );
        let pinned = from_env()
            .await
            .region("ap-south-1")
            .profile_name("dev")
            .build()
            .unwrap();
        let (region, auth) = key(pinned).await.unwrap();
        assert_eq!(region, "ap-south-1");
        assert!(auth.contains("Credential=AKIDDEV/"), "{auth}");
        let missing = from_env()
            .await
            .region("us-east-1")
            .profile_name("nope")
            .build()
            .unwrap();
        let err = key(missing).await.unwrap_err().to_string();
        assert!(err.contains("nope"), "{err}");
        let err = from_env().await.profile_name("nope").build().unwrap_err();
        assert!(err.to_string().contains("profile `nope`"), "{err}");
        let _ = std::fs::remove_dir_all(&dir);
    }

    /// The region, the static credentials (key, secret and session token) and the
    /// per-service endpoint all come from the environment: each is read off the request
    /// a DynamoDB call would send.
    #[tokio::test]
    async fn from_env_reads_region_credentials_and_endpoints() {
        const DYNAMODB: ServiceMeta = ServiceMeta {
            target_prefix: "DynamoDB_20120810",
            json_version: crate::service::JsonVersion::V1_0,
            signing_name: "dynamodb",
            endpoint_prefix: "dynamodb",
            service_id: "DynamoDB",
            hostname: "dynamodb.{region}.{dnsSuffix}",
            endpoints: &[],
            endpoint_rules: None,
        };
        let client = env(&[
            ("AWS_DEFAULT_REGION", "eu-west-1"),
            ("AWS_ACCESS_KEY_ID", "AKID"),
            ("AWS_SECRET_ACCESS_KEY", "shh-secret"),
            ("AWS_SESSION_TOKEN", "tok-secret"),
            ("AWS_ENDPOINT_URL_DYNAMODB", "http://127.0.0.1:8000"),
        ])
        .await
        .unwrap();
        assert_eq!(client.region(), "eu-west-1");
        let prepared = Prepared {
            body: b"{}".to_vec(),
            host_prefix: None,
            endpoint_url: None,
            headers: Vec::new(),
            endpoint_params: Vec::new(),
            endpoint_account_id: false,
            discovery: None,
            ..Prepared::default()
        };
        let request = client
            .signed_request(
                &DYNAMODB,
                "DynamoDB_20120810.ListTables",
                &prepared,
                SystemTime::now(),
            )
            .await
            .unwrap();
        assert_eq!(request.url, "http://127.0.0.1:8000/");
        assert_eq!(request.header("x-amz-security-token"), Some("tok-secret"));
        let authorization = request.header("authorization").unwrap();
        assert!(
            authorization.contains("Credential=AKID/")
                && authorization.contains("/eu-west-1/dynamodb/aws4_request"),
            "{authorization}"
        );
        // Once a request has filled the credentials cache, the client's Debug still
        // shows neither the secret nor the token.
        let debug = format!("{client:?}");
        assert!(
            !debug.contains("shh-secret") && !debug.contains("tok-secret"),
            "{debug}"
        );
        let err = env(&[("AWS_ACCESS_KEY_ID", "AKID")]).await.unwrap_err();
        assert!(err.to_string().contains("AWS_REGION"), "{err}");
        assert!(
            err.to_string().contains("AWS_EC2_METADATA_DISABLED"),
            "{err}"
        );
    }
}
