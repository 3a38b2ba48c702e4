//! Per-call settings: one call (or one paginator's pages) with its own timeouts,
//! attempts, region, endpoint, headers, credentials or interceptors. The settings only:
//! [`Customize`](crate::Customize) sends a call with them.
use std::fmt;
use std::sync::Arc;
use std::time::Duration;

use crate::credentials::ProvideCredentials;
use crate::error::ConfigError;
use crate::interceptor::{ExtraHeaders, Interceptor};

/// Settings that override the client's for one call, or for every page of a
/// paginator ([`Pages::config`](crate::Pages::config)). What is not set is the
/// client's.
///
/// - [`attempt_timeout`](Self::attempt_timeout), [`operation_timeout`](Self::operation_timeout),
///   [`max_attempts`](Self::max_attempts): as the client's settings of the same names.
/// - [`region`](Self::region): the region the call is signed for and sent to; its
///   endpoint is resolved as the client resolves endpoints (same endpoint settings).
/// - [`endpoint_url`](Self::endpoint_url): the URL the call goes to.
/// - [`header`](Self::header): a header the call carries, signed.
/// - [`credentials`](Self::credentials): signs the call with another provider's
///   credentials (not cached for you: wrap a fetching provider in a
///   [`CredentialsCache`](crate::CredentialsCache) and keep it).
/// - [`interceptor`](Self::interceptor): runs after the client's interceptors.
///
/// The retry quota, the connection pool and the clock-skew correction stay the
/// client's.
#[derive(Clone, Default)]
#[must_use]
pub struct CallConfig {
    pub(crate) attempt_timeout: Option<Duration>,
    pub(crate) operation_timeout: Option<Duration>,
    pub(crate) max_attempts: Option<u32>,
    pub(crate) region: Option<String>,
    pub(crate) endpoint_url: Option<String>,
    pub(crate) headers: ExtraHeaders,
    pub(crate) credentials: Option<Arc<dyn ProvideCredentials>>,
    pub(crate) interceptors: Vec<Arc<dyn Interceptor>>,
    /// The first invalid setting, reported when the call is sent.
    pub(crate) invalid: Option<ConfigError>,
}

impl fmt::Debug for CallConfig {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("CallConfig")
            .field("attempt_timeout", &self.attempt_timeout)
            .field("operation_timeout", &self.operation_timeout)
            .field("max_attempts", &self.max_attempts)
            .field("region", &self.region)
            .field("endpoint_url", &self.endpoint_url)
            .field("headers", &self.headers)
            .field("credentials", &self.credentials)
            .field("interceptors", &self.interceptors)
            .finish()
    }
}

/// The setters of [`CallConfig`], also on [`Customized`](crate::customize::Customized).
macro_rules! setters {
    ($($field:ident)?) => {
        /// How long each attempt may take (see
        /// [`ClientBuilder::attempt_timeout`](crate::ClientBuilder::attempt_timeout)).
        pub fn attempt_timeout(mut self, timeout: Duration) -> Self {
            self$(.$field)?.attempt_timeout = Some(timeout);
            self
        }

        /// How long the whole call may take, retries included (see
        /// [`ClientBuilder::operation_timeout`](crate::ClientBuilder::operation_timeout)).
        pub fn operation_timeout(mut self, timeout: Duration) -> Self {
            self$(.$field)?.operation_timeout = Some(timeout);
            self
        }

        /// Attempts the call may make, the first included; 1 turns retries off, 0 is
        /// an error when the call is sent.
        pub fn max_attempts(mut self, attempts: u32) -> Self {
            if attempts == 0 {
                self$(.$field)?.invalidate(
                    "max_attempts is 0: a call makes at least 1 attempt (1 turns retries off)",
                );
            }
            self$(.$field)?.max_attempts = Some(attempts);
            self
        }

        /// The region the call is signed for and sent to.
        pub fn region(mut self, region: impl Into<String>) -> Self {
            let region = region.into();
            if region.is_empty() {
                self$(.$field)?.invalidate("the call's region is empty");
            }
            self$(.$field)?.region = Some(region);
            self
        }

        /// The URL the call goes to, instead of the service's endpoint (an input member
        /// marked `#[aws(endpoint_url)]`, when set, still decides, as its service
        /// customization says).
        pub fn endpoint_url(mut self, url: impl Into<String>) -> Self {
            let url = url.into();
            if let Err(why) = crate::endpoint::parse_http_url(&url) {
                self$(.$field)?.invalidate(&format!("the call's endpoint {why}"));
            }
            self$(.$field)?.endpoint_url = Some(url);
            self
        }

        /// A header the call carries, signed with the rest (see [`ExtraHeaders`](crate::ExtraHeaders) for
        /// which names are awsjson's own).
        pub fn header(mut self, name: &str, value: &str) -> Self {
            if let Err(e) = self$(.$field)?.headers.insert(name, value) {
                self$(.$field)?.invalidate(&e.to_string());
            }
            self
        }

        /// The credentials the call is signed with.
        pub fn credentials(mut self, provider: impl ProvideCredentials + 'static) -> Self {
            self$(.$field)?.credentials = Some(Arc::new(provider));
            self
        }

        /// An interceptor for this call, run after the client's.
        pub fn interceptor(mut self, interceptor: impl Interceptor + 'static) -> Self {
            self$(.$field)?.interceptors.push(Arc::new(interceptor));
            self
        }
    };
}

pub(crate) use setters;

impl CallConfig {
    /// Nothing overridden yet.
    pub fn new() -> Self {
        CallConfig::default()
    }

    setters!();

    pub(crate) fn invalidate(&mut self, why: &str) {
        if self.invalid.is_none() {
            self.invalid = Some(ConfigError::new(why.to_owned()));
        }
    }

    /// The first invalid setting, as the error the call fails with.
    pub(crate) fn check(&self) -> Result<(), ConfigError> {
        match &self.invalid {
            Some(e) => Err(e.clone()),
            None => Ok(()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn invalid_settings_are_kept_for_the_call() {
        let config = CallConfig::new()
            .region("eu-west-1")
            .max_attempts(0)
            .header("authorization", "x");
        let err = config.check().unwrap_err().to_string();
        assert!(err.contains("max_attempts is 0"), "{err}");
        let config = CallConfig::new().endpoint_url("not a url");
        let err = config.check().unwrap_err().to_string();
        assert!(err.contains("endpoint"), "{err}");
        let config = CallConfig::new()
            .header("x-trace", "abc")
            .operation_timeout(Duration::from_secs(1));
        assert!(config.check().is_ok());
        assert_eq!(config.headers.get("x-trace"), Some("abc"));
    }
}
