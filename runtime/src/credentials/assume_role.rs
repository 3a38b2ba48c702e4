//! Roles assumed in code: STS `AssumeRole` with source credentials from any provider,
//! cached and refreshed as the default chain's are.

use std::fmt;
use std::sync::Arc;
use std::time::Duration;

use super::sts::default_session_name;
use super::{
    Credentials, CredentialsCache, CredentialsFuture, Http, ProvideCredentials, Stack, sts,
};
use crate::endpoint::EndpointConfig;
use crate::error::{ConfigError, CredentialsError};

/// The region STS is called in when none is set.
const DEFAULT_STS_REGION: &str = "us-east-1";

/// The shortest and longest sessions STS grants (15 minutes, 12 hours).
const MIN_DURATION: Duration = Duration::from_secs(900);
const MAX_DURATION: Duration = Duration::from_secs(43_200);

/// Credentials of an IAM role, assumed through STS `AssumeRole` with credentials from
/// another provider (static keys, the default chain, another role), as a profile's
/// `role_arn` with `source_profile` is, but set up in code.
///
/// Cached like the default chain: assumed once, refreshed 5 minutes before the session
/// expires (one refresh for all the calls waiting), the source asked again each time.
/// The STS call is retried as the standard retry mode retries.
///
/// ```
/// use std::time::Duration;
/// use awsjson::{AssumeRoleProvider, Credentials};
///
/// let role = AssumeRoleProvider::builder("arn:aws:iam::111122223333:role/reader")
///     .session_name("nightly-report")
///     .external_id("c0ffee")
///     .duration(Duration::from_secs(3600))
///     .region("eu-west-1")
///     .source(Credentials::new("AKID", "SECRET", None))
///     .build()
///     .unwrap();
/// let client = awsjson::Client::builder()
///     .region("eu-west-1")
///     .credentials_provider(role)
///     .build()
///     .unwrap();
/// # let _ = client;
/// ```
#[derive(Debug)]
pub struct AssumeRoleProvider {
    cache: CredentialsCache,
}

/// Configures an [`AssumeRoleProvider`].
#[derive(Debug)]
#[must_use]
pub struct AssumeRoleBuilder {
    role_arn: String,
    session_name: Option<String>,
    external_id: Option<String>,
    duration: Option<Duration>,
    source: Option<Arc<dyn ProvideCredentials>>,
    sts: StsSettings,
}

/// Where and how STS is called: shared by the role and web identity providers.
#[derive(Debug, Default)]
pub(crate) struct StsSettings {
    pub(crate) region: Option<String>,
    pub(crate) endpoint_url: Option<String>,
    pub(crate) http: Option<reqwest::Client>,
}

impl StsSettings {
    /// The region, the HTTP stack and the endpoints, checked.
    pub(crate) fn build(self) -> Result<StsAccess, ConfigError> {
        let endpoints = EndpointConfig {
            code_url: self.endpoint_url,
            ..EndpointConfig::default()
        };
        if let Some(url) = &endpoints.code_url {
            crate::endpoint::parse_http_url(url)
                .map_err(|why| ConfigError::new(format!("STS endpoint {why}")))?;
        }
        let http = Http::default();
        if let Some(client) = self.http {
            http.set(Stack::new(client));
        }
        Ok(StsAccess {
            region: self
                .region
                .filter(|r| !r.is_empty())
                .unwrap_or_else(|| DEFAULT_STS_REGION.to_owned()),
            http,
            endpoints,
        })
    }
}

/// What an STS call in code goes through.
pub(crate) struct StsAccess {
    pub(crate) region: String,
    pub(crate) http: Http,
    pub(crate) endpoints: EndpointConfig,
}

impl fmt::Debug for StsAccess {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("StsAccess")
            .field("region", &self.region)
            .field("endpoint_url", &self.endpoints.code_url)
            .finish_non_exhaustive()
    }
}

impl AssumeRoleProvider {
    /// A builder for assuming `role_arn`.
    pub fn builder(role_arn: impl Into<String>) -> AssumeRoleBuilder {
        AssumeRoleBuilder {
            role_arn: role_arn.into(),
            session_name: None,
            external_id: None,
            duration: None,
            source: None,
            sts: StsSettings::default(),
        }
    }
}

impl AssumeRoleBuilder {
    /// The role session's name (`RoleSessionName`), which CloudTrail shows. Default
    /// `awsjson-<milliseconds since the epoch>`, as the SDKs name unnamed sessions.
    pub fn session_name(mut self, name: impl Into<String>) -> Self {
        self.session_name = Some(name.into());
        self
    }

    /// The external id the role's trust policy asks for (`ExternalId`).
    pub fn external_id(mut self, id: impl Into<String>) -> Self {
        self.external_id = Some(id.into());
        self
    }

    /// How long each session lasts (`DurationSeconds`): 15 minutes to 12 hours, within
    /// the role's maximum. Default: STS's, one hour.
    pub fn duration(mut self, duration: Duration) -> Self {
        self.duration = Some(duration);
        self
    }

    /// The credentials that assume the role (required): any provider, such as
    /// [`Credentials`], a [`CredentialsCache`] or another
    /// `AssumeRoleProvider` (a role chain).
    pub fn source(mut self, provider: impl ProvideCredentials + 'static) -> Self {
        self.source = Some(Arc::new(provider));
        self
    }

    /// The region whose STS endpoint is called. Default `us-east-1`.
    pub fn region(mut self, region: impl Into<String>) -> Self {
        self.sts.region = Some(region.into());
        self
    }

    /// Calls STS at this URL instead (a VPC endpoint, a local emulator).
    pub fn endpoint_url(mut self, url: impl Into<String>) -> Self {
        self.sts.endpoint_url = Some(url.into());
        self
    }

    /// Calls STS through this HTTP client (a proxy, extra roots). Default: a client of
    /// its own that trusts the system's roots.
    pub fn http_client(mut self, client: reqwest::Client) -> Self {
        self.sts.http = Some(client);
        self
    }

    /// The provider; fails without a source, or with a duration STS would refuse.
    pub fn build(self) -> Result<AssumeRoleProvider, ConfigError> {
        let source = self.source.ok_or_else(|| {
            ConfigError::new(format!(
                "assume role {}: no source credentials: call AssumeRoleBuilder::source",
                self.role_arn
            ))
        })?;
        if self.role_arn.is_empty() {
            return Err(ConfigError::new("assume role: the role ARN is empty"));
        }
        let duration = match self.duration {
            Some(d) if !(MIN_DURATION..=MAX_DURATION).contains(&d) => {
                return Err(ConfigError::new(format!(
                    "assume role {}: a session lasts from 15 minutes to 12 hours, not {d:?}",
                    self.role_arn
                )));
            }
            d => d.map(|d| d.as_secs().to_string()),
        };
        let fetcher = AssumeRole {
            role_arn: self.role_arn,
            session_name: self.session_name,
            external_id: self.external_id,
            duration,
            source,
            sts: self.sts.build()?,
        };
        Ok(AssumeRoleProvider {
            cache: CredentialsCache::new(fetcher),
        })
    }
}

/// One `AssumeRole` per fetch; the cache around it decides when.
struct AssumeRole {
    role_arn: String,
    session_name: Option<String>,
    external_id: Option<String>,
    duration: Option<String>,
    source: Arc<dyn ProvideCredentials>,
    sts: StsAccess,
}

impl AssumeRole {
    async fn fetch(&self) -> Result<Credentials, CredentialsError> {
        let source = self.source.provide_credentials().await.map_err(|e| {
            CredentialsError::new(format!(
                "assume role {}: the source credentials: {e}",
                self.role_arn
            ))
        })?;
        let session_name = self
            .session_name
            .clone()
            .unwrap_or_else(default_session_name);
        let mut params = vec![
            ("RoleArn", self.role_arn.as_str()),
            ("RoleSessionName", session_name.as_str()),
        ];
        if let Some(id) = &self.external_id {
            params.push(("ExternalId", id));
        }
        if let Some(duration) = &self.duration {
            params.push(("DurationSeconds", duration));
        }
        let via = (&self.sts.http, &self.sts.endpoints);
        sts::call(via, &self.sts.region, "AssumeRole", &params, Some(&source)).await
    }
}

impl ProvideCredentials for AssumeRole {
    fn provide_credentials(&self) -> CredentialsFuture<'_> {
        Box::pin(self.fetch())
    }
}

impl fmt::Debug for AssumeRole {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // The external id is a shared secret of sorts: left out.
        f.debug_struct("AssumeRole")
            .field("role_arn", &self.role_arn)
            .field("session_name", &self.session_name)
            .field("duration", &self.duration)
            .field("source", &self.source)
            .field("sts", &self.sts)
            .finish_non_exhaustive()
    }
}

impl ProvideCredentials for AssumeRoleProvider {
    fn provide_credentials(&self) -> CredentialsFuture<'_> {
        self.cache.provide_credentials()
    }

    fn provide_credentials_now(&self) -> Option<Credentials> {
        self.cache.provide_credentials_now()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builder_checks_what_sts_would_refuse() {
        let source = Credentials::new("AKID", "SECRET", None);
        let err = AssumeRoleProvider::builder("arn:aws:iam::1:role/r")
            .build()
            .unwrap_err();
        assert!(err.to_string().contains("no source credentials"), "{err}");
        let err = AssumeRoleProvider::builder("arn:aws:iam::1:role/r")
            .source(source.clone())
            .duration(Duration::from_secs(60))
            .build()
            .unwrap_err();
        assert!(err.to_string().contains("15 minutes to 12 hours"), "{err}");
        let err = AssumeRoleProvider::builder("arn:aws:iam::1:role/r")
            .source(source.clone())
            .endpoint_url("ftp://sts")
            .build()
            .unwrap_err();
        assert!(err.to_string().contains("STS endpoint"), "{err}");
        let ok = AssumeRoleProvider::builder("arn:aws:iam::1:role/r")
            .source(source)
            .external_id("ext-secret")
            .build()
            .unwrap();
        let debug = format!("{ok:?}");
        assert!(debug.contains("arn:aws:iam::1:role/r") && debug.contains("us-east-1"));
        assert!(
            !debug.contains("ext-secret") && !debug.contains("SECRET"),
            "{debug}"
        );
    }
}
