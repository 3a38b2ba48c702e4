//! Interceptors: code of yours that the client calls at fixed points of every call.
//!
//! See [`Interceptor`].

use std::convert::Infallible;
use std::fmt;

use reqwest::header::{HeaderName, HeaderValue};

use crate::error::{ConfigError, Error};
use crate::http::RawResponse;
use crate::service::ServiceMeta;

/// Code the client calls at fixed points of each call: to add headers (a trace id, a
/// tenant tag), to observe attempts (metrics, logs) or to adjust a raw response before
/// it is decoded (a proxy's quirk).
///
/// Register interceptors on the client ([`ClientBuilder::interceptor`]) and per call
/// ([`CallConfig::interceptor`]). For each call they run in the order they were
/// registered, the client's first, then the call's. Each hook has a default that does
/// nothing, so implement only those you need. The hooks are synchronous and run on the
/// call's task: keep them short.
///
/// The hooks, in the order a call reaches them:
///
/// 1. [`modify_before_signing`](Self::modify_before_signing), once per attempt: add
///    headers, which are signed with the rest (or left unsigned, see
///    [`ExtraHeaders`]). The attempt number says whether it is a retry.
/// 2. [`read_after_attempt`](Self::read_after_attempt), once per attempt: the response
///    (any status) or the error it ended with (a timeout, a refused connection), before
///    the client decides whether to retry.
/// 3. [`modify_before_deserialization`](Self::modify_before_deserialization), once per
///    call: the last attempt's response, mutable, before it is decoded into the output
///    or the typed error.
///
/// [`Client::build_request`](crate::Client::build_request) runs no interceptor, and
/// the requests a `Mock` (feature `test-util`) records do not list the headers
/// interceptors or the call added (their names are in the recorded signature's
/// `SignedHeaders` when signed).
///
/// What an interceptor cannot touch: the body (signed and, with an idempotency token,
/// the same on every attempt), the headers the protocol and signing own (`host`,
/// `authorization`, `x-amz-*`, `content-type`, `content-length`), and the retry
/// decision ([`ClassifyRetry`](crate::ClassifyRetry) is the hook for that).
///
/// An interceptor that adds a header and counts attempts:
///
/// ```
/// use std::sync::Arc;
/// use std::sync::atomic::{AtomicU32, Ordering};
/// use awsjson::{AttemptContext, AttemptOutcome, ExtraHeaders, Interceptor};
///
/// #[derive(Debug, Default)]
/// struct Tenant {
///     attempts: AtomicU32,
/// }
///
/// impl Interceptor for Tenant {
///     fn modify_before_signing(&self, _cx: &AttemptContext<'_>, headers: &mut ExtraHeaders) {
///         headers.insert("x-tenant", "blue").unwrap();
///     }
///
///     fn read_after_attempt(&self, cx: &AttemptContext<'_>, _outcome: AttemptOutcome<'_>) {
///         self.attempts.fetch_max(cx.attempt(), Ordering::Relaxed);
///     }
/// }
///
/// let tenant = Arc::new(Tenant::default());
/// let client = awsjson::Client::builder()
///     .region("us-east-1")
///     .credentials(awsjson::Credentials::new("AKID", "SECRET", None))
///     .interceptor(tenant.clone())
///     .build()
///     .unwrap();
/// # let _ = client;
/// ```
///
/// [`ClientBuilder::interceptor`]: crate::ClientBuilder::interceptor
/// [`CallConfig::interceptor`]: crate::CallConfig::interceptor
pub trait Interceptor: fmt::Debug + Send + Sync {
    /// Before an attempt is signed: headers to add to it. A header added here is
    /// signed unless added with [`ExtraHeaders::insert_unsigned`].
    fn modify_before_signing(&self, context: &AttemptContext<'_>, headers: &mut ExtraHeaders) {
        let _ = (context, headers);
    }

    /// After an attempt, before the client decides on a retry: what it ended with.
    fn read_after_attempt(&self, context: &AttemptContext<'_>, outcome: AttemptOutcome<'_>) {
        let _ = (context, outcome);
    }

    /// Once per call, the last attempt's response before it is decoded.
    fn modify_before_deserialization(
        &self,
        context: &AttemptContext<'_>,
        response: &mut RawResponse,
    ) {
        let _ = (context, response);
    }
}

impl<T: Interceptor + ?Sized> Interceptor for std::sync::Arc<T> {
    fn modify_before_signing(&self, context: &AttemptContext<'_>, headers: &mut ExtraHeaders) {
        (**self).modify_before_signing(context, headers);
    }

    fn read_after_attempt(&self, context: &AttemptContext<'_>, outcome: AttemptOutcome<'_>) {
        (**self).read_after_attempt(context, outcome);
    }

    fn modify_before_deserialization(
        &self,
        context: &AttemptContext<'_>,
        response: &mut RawResponse,
    ) {
        (**self).modify_before_deserialization(context, response);
    }
}

/// What an interceptor is told about the attempt at hand.
#[derive(Debug, Clone, Copy)]
pub struct AttemptContext<'a> {
    pub(crate) service: &'a ServiceMeta,
    pub(crate) target: &'a str,
    pub(crate) region: &'a str,
    pub(crate) invocation_id: &'a str,
    pub(crate) attempt: u32,
    pub(crate) max_attempts: u32,
}

impl<'a> AttemptContext<'a> {
    /// The service's metadata (its id, signing name, protocol).
    pub fn service(&self) -> &'a ServiceMeta {
        self.service
    }

    /// The operation's name, such as `ListTables`.
    pub fn operation(&self) -> &'a str {
        self.target
            .rsplit_once('.')
            .map_or(self.target, |(_, op)| op)
    }

    /// The operation's `X-Amz-Target`, such as `DynamoDB_20120810.ListTables`.
    pub fn target(&self) -> &'a str {
        self.target
    }

    /// The region the call is signed for.
    pub fn region(&self) -> &'a str {
        self.region
    }

    /// The call's `amz-sdk-invocation-id`: one UUID for all its attempts.
    pub fn invocation_id(&self) -> &'a str {
        self.invocation_id
    }

    /// This attempt's number: 1 for the first, 2 for the first retry, and so on.
    pub fn attempt(&self) -> u32 {
        self.attempt
    }

    /// The most attempts the call may make.
    pub fn max_attempts(&self) -> u32 {
        self.max_attempts
    }
}

/// How an attempt ended, for [`Interceptor::read_after_attempt`].
#[derive(Debug, Clone, Copy)]
#[non_exhaustive]
pub enum AttemptOutcome<'a> {
    /// A response came, of any status.
    Response(&'a RawResponse),
    /// No (complete) response: a timeout, a connection error, no credentials.
    Failed(&'a Error<Infallible>),
}

/// Headers an attempt carries besides the ones the protocol and signing set: the call's
/// own ([`CallConfig::header`](crate::CallConfig::header)) and what interceptors add.
///
/// Names are checked (a valid HTTP header name, not one of those awsjson sets:
/// `host`, `authorization`, `content-type`, `content-length`, `user-agent`, `x-amz-*`,
/// `amz-sdk-*`) and kept in lower case; values must be visible ASCII or spaces.
#[derive(Clone, Default)]
pub struct ExtraHeaders {
    pub(crate) entries: Vec<ExtraHeader>,
}

#[derive(Clone)]
pub(crate) struct ExtraHeader {
    pub(crate) name: HeaderName,
    pub(crate) value: HeaderValue,
    pub(crate) signed: bool,
}

impl ExtraHeaders {
    /// Adds a header that is signed (replacing one of the same name).
    pub fn insert(&mut self, name: &str, value: &str) -> Result<(), ConfigError> {
        self.put(name, value, true)
    }

    /// Adds a header that is sent but not signed (replacing one of the same name): for
    /// values a proxy on the way may rewrite, as `x-amzn-trace-id` is left unsigned by
    /// the official SDKs.
    pub fn insert_unsigned(&mut self, name: &str, value: &str) -> Result<(), ConfigError> {
        self.put(name, value, false)
    }

    /// The value of a header added so far.
    pub fn get(&self, name: &str) -> Option<&str> {
        self.entries
            .iter()
            .find(|h| h.name.as_str().eq_ignore_ascii_case(name))
            .and_then(|h| h.value.to_str().ok())
    }

    /// Removes a header added so far.
    pub fn remove(&mut self, name: &str) {
        self.entries
            .retain(|h| !h.name.as_str().eq_ignore_ascii_case(name));
    }

    /// Whether no header was added.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    fn put(&mut self, name: &str, value: &str, signed: bool) -> Result<(), ConfigError> {
        let name = HeaderName::from_bytes(name.as_bytes())
            .map_err(|_| ConfigError::new(format!("{name:?} is not a valid header name")))?;
        if reserved(name.as_str()) {
            return Err(ConfigError::new(format!(
                "the {name} header is set by awsjson; an interceptor or a call cannot set it"
            )));
        }
        // Visible ASCII and spaces only: what signs and sends the same everywhere.
        if !value
            .bytes()
            .all(|b| b == b' ' || b == b'\t' || b.is_ascii_graphic())
        {
            // The value stays out of the message: it may be a secret.
            return Err(ConfigError::new(format!(
                "the {name} header's value has bytes other than visible ASCII and spaces"
            )));
        }
        let value = HeaderValue::from_str(value.trim()).map_err(|_| {
            ConfigError::new(format!("the {name} header's value is not a valid value"))
        })?;
        self.remove(name.as_str());
        self.entries.push(ExtraHeader {
            name,
            value,
            signed,
        });
        Ok(())
    }
}

/// Headers awsjson sets itself.
fn reserved(name: &str) -> bool {
    matches!(
        name,
        "host"
            | "authorization"
            | "content-type"
            | "content-length"
            | "user-agent"
            | "content-encoding"
            | "transfer-encoding"
            | "connection"
            | "expect"
    ) || name.starts_with("x-amz-")
        || name.starts_with("amz-sdk-")
}

impl fmt::Debug for ExtraHeaders {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // Names only: a value may be a token.
        f.debug_list()
            .entries(self.entries.iter().map(|h| h.name.as_str()))
            .finish()
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

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

    pub(crate) fn context() -> AttemptContext<'static> {
        AttemptContext {
            service: &SERVICE,
            target: "Svc_20200101.DoThing",
            region: "us-east-1",
            invocation_id: "id",
            attempt: 1,
            max_attempts: 3,
        }
    }

    #[test]
    fn extra_headers_are_checked() {
        let mut headers = ExtraHeaders::default();
        headers.insert("X-Tenant", "blue").unwrap();
        headers.insert("x-tenant", "green").unwrap();
        assert_eq!(headers.get("X-TENANT"), Some("green"));
        assert_eq!(headers.entries.len(), 1);
        assert_eq!(headers.entries[0].name.as_str(), "x-tenant");
        for reserved in [
            "Authorization",
            "host",
            "x-amz-date",
            "X-Amz-Target",
            "amz-sdk-request",
        ] {
            let err = headers.insert(reserved, "v").unwrap_err().to_string();
            assert!(err.contains("set by awsjson"), "{err}");
        }
        let err = headers.insert("bad name", "v").unwrap_err().to_string();
        assert!(err.contains("not a valid header name"), "{err}");
        let err = headers
            .insert("x-secret", "line\nbreak-s3cr3t")
            .unwrap_err()
            .to_string();
        assert!(!err.contains("s3cr3t"), "{err}");
        assert!(!format!("{headers:?}").contains("green"));
        assert_eq!(context().operation(), "DoThing");
    }
}
