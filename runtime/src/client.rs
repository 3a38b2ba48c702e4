//! The client: configuration, connection pool, and the per-call pipeline.

use std::collections::HashMap;
use std::convert::Infallible;
use std::fmt;
use std::sync::Arc;
use std::time::{Duration, SystemTime};

use crate::credentials::{self, Credentials, ProvideCredentials};
use crate::error::{ConfigError, Error, TransportError, TransportErrorKind};
use crate::http::{HttpRequest, RawResponse};
use crate::service::ServiceMeta;
use crate::signing_keys::SigningKeys;
use crate::sigv4;

/// The response size above which a call fails instead of buffering more.
pub const DEFAULT_MAX_RESPONSE_BYTES: usize = 64 * 1024 * 1024;

/// How long connecting to an endpoint may take by default.
pub const DEFAULT_CONNECT_TIMEOUT: Duration = Duration::from_secs(5);

const USER_AGENT: &str = concat!("awsjson/", env!("CARGO_PKG_VERSION"), " lang/rust");

/// A client for any awsJson service: region, credentials, endpoint overrides and one
/// HTTP connection pool, shared by every operation sent through it.
///
/// Cheap to clone (an `Arc`): clone it into tasks rather than building new ones.
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

struct Inner {
    http: reqwest::Client,
    region: String,
    credentials: Arc<dyn ProvideCredentials>,
    endpoint_url: Option<String>,
    /// `AWS_ENDPOINT_URL_<SERVICE_ID>` values, by variable name.
    service_endpoints: HashMap<String, String>,
    max_response_bytes: usize,
    signing_keys: SigningKeys,
}

impl fmt::Debug for Client {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Client")
            .field("region", &self.inner.region)
            .field("credentials", &self.inner.credentials)
            .field("endpoint_url", &self.inner.endpoint_url)
            .field("service_endpoints", &self.inner.service_endpoints)
            .field("max_response_bytes", &self.inner.max_response_bytes)
            .finish_non_exhaustive()
    }
}

impl Client {
    /// A builder for a client configured in code.
    pub fn builder() -> ClientBuilder {
        ClientBuilder::default()
    }

    /// A client configured from the environment, as the official SDKs read it:
    /// `AWS_REGION` (else `AWS_DEFAULT_REGION`), `AWS_ACCESS_KEY_ID`,
    /// `AWS_SECRET_ACCESS_KEY`, `AWS_SESSION_TOKEN`, `AWS_ENDPOINT_URL` and
    /// `AWS_ENDPOINT_URL_<SERVICE_ID>`.
    ///
    /// ```no_run
    /// # async fn demo() -> Result<(), awsjson::ConfigError> {
    /// let client = awsjson::Client::from_env().await?;
    /// # let _ = client; Ok(()) }
    /// ```
    pub async fn from_env() -> Result<Client, ConfigError> {
        Self::from_vars(|name| std::env::var(name).ok(), std::env::vars())
    }

    fn from_vars(
        var: impl Fn(&str) -> Option<String>,
        all: impl Iterator<Item = (String, String)>,
    ) -> Result<Client, ConfigError> {
        let non_empty = |name: &str| var(name).filter(|v| !v.trim().is_empty());
        let region = non_empty("AWS_REGION")
            .or_else(|| non_empty("AWS_DEFAULT_REGION"))
            .ok_or_else(|| {
                ConfigError::new(
                    "no region: read AWS_REGION and AWS_DEFAULT_REGION, neither is set",
                )
            })?;
        // The seam for the full credential chain (profiles, web identity, ECS, IMDS).
        let credentials =
            credentials::from_env_vars(&var).map_err(|e| ConfigError::new(e.to_string()))?;
        let mut builder = Client::builder()
            .region(region.trim())
            .credentials(credentials);
        if let Some(url) = non_empty("AWS_ENDPOINT_URL") {
            builder = builder.endpoint_url(url.trim());
        }
        builder.service_endpoints = all
            .filter(|(k, v)| k.starts_with("AWS_ENDPOINT_URL_") && !v.trim().is_empty())
            .map(|(k, v)| (k, v.trim().to_owned()))
            .collect();
        builder.build()
    }

    /// The region requests are signed for and sent to.
    pub fn region(&self) -> &str {
        &self.inner.region
    }

    /// The endpoint a service's requests go to: `AWS_ENDPOINT_URL_<SERVICE_ID>`, else
    /// the client's endpoint URL, else the service's default for the region.
    pub fn endpoint(&self, service: &ServiceMeta) -> String {
        if !self.inner.service_endpoints.is_empty()
            && let Some(url) = self
                .inner
                .service_endpoints
                .get(&service.endpoint_url_env_var())
        {
            return url.clone();
        }
        match &self.inner.endpoint_url {
            Some(url) => url.clone(),
            None => service.default_endpoint(&self.inner.region),
        }
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
    /// assert_eq!(request.url, "https://dynamodb.eu-west-1.amazonaws.com");
    /// assert_eq!(request.header("x-amz-target"), Some("DynamoDB_20120810.ListTables"));
    /// assert_eq!(request.body, br#"{"Limit":5}"#);
    /// # }
    /// ```
    pub async fn build_request<O: crate::Operation>(
        &self,
        op: &O,
    ) -> Result<HttpRequest, Error<Infallible>> {
        crate::private::request(self, op, SystemTime::now()).await
    }

    /// Builds and signs the request of one attempt, as `send` does.
    pub(crate) async fn signed_request(
        &self,
        service: &ServiceMeta,
        target: &str,
        body: Vec<u8>,
        time: SystemTime,
    ) -> Result<HttpRequest, Error<Infallible>> {
        let url = self.endpoint(service);
        let (host, path) = split_url(&url).ok_or_else(|| {
            Error::Config(ConfigError::new(format!(
                "endpoint {url:?} is not an http(s) URL"
            )))
        })?;
        let host = host.to_owned();
        let path = if path.is_empty() { "/" } else { path }.to_owned();
        let credentials = self
            .inner
            .credentials
            .provide_credentials()
            .await
            .map_err(Error::Credentials)?;
        let content_type = service.json_version.content_type();
        let signed = self.inner.signing_keys.sign(
            &sigv4::SignableRequest {
                method: "POST",
                uri: &path,
                headers: &[
                    ("content-type", content_type),
                    ("host", &host),
                    ("x-amz-target", target),
                ],
                body: &body,
            },
            &sigv4::SigningParams {
                access_key_id: credentials.access_key_id(),
                secret_access_key: credentials.secret_access_key(),
                session_token: credentials.session_token(),
                region: &self.inner.region,
                service: service.signing_name,
                time,
                settings: sigv4::SigningSettings::default(),
            },
            &credentials,
            service.signing_name,
        );
        let mut headers = vec![
            ("host", host),
            ("content-type", content_type.to_owned()),
            ("x-amz-target", target.to_owned()),
            ("x-amz-date", signed.x_amz_date),
        ];
        if let Some(token) = signed.security_token {
            headers.push(("x-amz-security-token", token));
        }
        headers.push(("authorization", signed.authorization));
        headers.push(("content-length", body.len().to_string()));
        headers.push(("user-agent", USER_AGENT.to_owned()));
        Ok(HttpRequest {
            method: "POST",
            url,
            headers,
            body,
        })
    }

    /// Sends one request and reads the whole response, up to the size cap.
    pub(crate) async fn transmit(
        &self,
        request: HttpRequest,
    ) -> Result<RawResponse, Error<Infallible>> {
        let mut builder = self.inner.http.post(&request.url);
        for (name, value) in &request.headers {
            // reqwest derives content-length from the body itself.
            if *name != "content-length" {
                builder = builder.header(*name, value);
            }
        }
        let mut response = builder
            .body(request.body)
            .send()
            .await
            .map_err(|e| Error::Transport(transport_error(e, "sending the request")))?;
        let status = response.status().as_u16();
        let headers = response
            .headers()
            .iter()
            .map(|(n, v)| {
                (
                    n.as_str().to_owned(),
                    String::from_utf8_lossy(v.as_bytes()).into_owned(),
                )
            })
            .collect();
        let cap = self.inner.max_response_bytes;
        if response
            .content_length()
            .is_some_and(|len| len > cap as u64)
        {
            return Err(Error::Transport(too_large(cap)));
        }
        let mut body = Vec::new();
        while let Some(chunk) = response
            .chunk()
            .await
            .map_err(|e| Error::Transport(transport_error(e, "reading the response body")))?
        {
            if body.len() + chunk.len() > cap {
                return Err(Error::Transport(too_large(cap)));
            }
            body.extend_from_slice(&chunk);
        }
        Ok(RawResponse {
            status,
            headers,
            body,
        })
    }
}

fn too_large(cap: usize) -> TransportError {
    TransportError::new(
        TransportErrorKind::Io,
        format!(
            "response body larger than the {cap}-byte limit (see ClientBuilder::max_response_bytes)"
        ),
        None,
    )
}

fn transport_error(err: reqwest::Error, doing: &str) -> TransportError {
    let kind = if err.is_timeout() {
        TransportErrorKind::Timeout
    } else if err.is_connect() {
        TransportErrorKind::Connect
    } else {
        TransportErrorKind::Io
    };
    // reqwest's message names the URL; keep it, it holds no secret.
    TransportError::new(kind, doing.to_owned(), Some(Box::new(err)))
}

/// Splits `scheme://authority/path` into the `Host` header value and the path.
fn split_url(url: &str) -> Option<(&str, &str)> {
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))?;
    let (authority, path) = match rest.find(['/', '?', '#']) {
        Some(i) => rest.split_at(i),
        None => (rest, ""),
    };
    let host = authority.rsplit('@').next()?;
    if host.is_empty() {
        return None;
    }
    // The Host header leaves out the scheme's default port, as HTTP clients send it.
    let host = host
        .strip_suffix(":443")
        .filter(|_| url.starts_with("https://"))
        .or_else(|| {
            host.strip_suffix(":80")
                .filter(|_| url.starts_with("http://"))
        })
        .unwrap_or(host);
    let path = path.split(['?', '#']).next().unwrap_or("");
    Some((host, path))
}

/// Configures a [`Client`].
#[derive(Default)]
pub struct ClientBuilder {
    region: Option<String>,
    credentials: Option<Arc<dyn ProvideCredentials>>,
    endpoint_url: Option<String>,
    service_endpoints: HashMap<String, String>,
    max_response_bytes: Option<usize>,
    connect_timeout: Option<Duration>,
}

impl fmt::Debug for ClientBuilder {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ClientBuilder")
            .field("region", &self.region)
            .field("credentials", &self.credentials)
            .field("endpoint_url", &self.endpoint_url)
            .finish_non_exhaustive()
    }
}

impl ClientBuilder {
    /// The region to sign for and send to, such as `us-east-1`.
    #[must_use]
    pub fn region(mut self, region: impl Into<String>) -> Self {
        self.region = Some(region.into());
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

    /// Sends every service's requests to this URL (a local emulator, a VPC endpoint).
    #[must_use]
    pub fn endpoint_url(mut self, url: impl Into<String>) -> Self {
        self.endpoint_url = Some(url.into());
        self
    }

    /// The largest response body the client buffers; a larger one is an error.
    /// Default [`DEFAULT_MAX_RESPONSE_BYTES`].
    #[must_use]
    pub fn max_response_bytes(mut self, limit: usize) -> Self {
        self.max_response_bytes = Some(limit);
        self
    }

    /// How long connecting may take. Default [`DEFAULT_CONNECT_TIMEOUT`].
    #[must_use]
    pub fn connect_timeout(mut self, timeout: Duration) -> Self {
        self.connect_timeout = Some(timeout);
        self
    }

    /// Builds the client; fails without a region or credentials.
    pub fn build(self) -> Result<Client, ConfigError> {
        let region = self
            .region
            .filter(|r| !r.is_empty())
            .ok_or_else(|| ConfigError::new("no region: call ClientBuilder::region"))?;
        let credentials = self.credentials.ok_or_else(|| {
            ConfigError::new(
                "no credentials: call ClientBuilder::credentials or credentials_provider",
            )
        })?;
        if let Some(url) = &self.endpoint_url
            && split_url(url).is_none()
        {
            return Err(ConfigError::new(format!(
                "endpoint URL {url:?} is not an http(s) URL"
            )));
        }
        // reqwest is built without a crypto provider so that ring, not aws-lc, is compiled
        // in; a provider the application installed first wins.
        let _ = rustls::crypto::ring::default_provider().install_default();
        let http = reqwest::Client::builder()
            .connect_timeout(self.connect_timeout.unwrap_or(DEFAULT_CONNECT_TIMEOUT))
            .build()
            .map_err(|e| ConfigError::new(format!("could not set up the HTTP client: {e}")))?;
        Ok(Client {
            inner: Arc::new(Inner {
                http,
                region,
                credentials,
                endpoint_url: self.endpoint_url,
                service_endpoints: self.service_endpoints,
                max_response_bytes: self
                    .max_response_bytes
                    .unwrap_or(DEFAULT_MAX_RESPONSE_BYTES),
                signing_keys: SigningKeys::default(),
            }),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_split_into_host_and_path() {
        assert_eq!(
            split_url("http://127.0.0.1:4566"),
            Some(("127.0.0.1:4566", ""))
        );
        assert_eq!(
            split_url("https://dynamodb.us-east-1.amazonaws.com:443/"),
            Some(("dynamodb.us-east-1.amazonaws.com", "/"))
        );
        assert_eq!(
            split_url("http://localhost:80/base?x=1"),
            Some(("localhost", "/base"))
        );
        assert_eq!(split_url("ftp://x"), None);
        assert_eq!(split_url("http://"), None);
    }

    fn env(pairs: &[(&str, &str)]) -> Result<Client, ConfigError> {
        let map: HashMap<String, String> = pairs
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect();
        Client::from_vars(|n| map.get(n).cloned(), map.clone().into_iter())
    }

    #[test]
    fn from_env_reads_region_credentials_and_endpoints() {
        let client = env(&[
            ("AWS_DEFAULT_REGION", "eu-west-1"),
            ("AWS_ACCESS_KEY_ID", "AKID"),
            ("AWS_SECRET_ACCESS_KEY", "shh-secret"),
            ("AWS_SESSION_TOKEN", "tok-secret"),
            ("AWS_ENDPOINT_URL_DYNAMODB", "http://127.0.0.1:8000"),
        ])
        .unwrap();
        assert_eq!(client.region(), "eu-west-1");
        let debug = format!("{client:?}");
        assert!(
            !debug.contains("shh-secret") && !debug.contains("tok-secret"),
            "{debug}"
        );
        let err = env(&[("AWS_ACCESS_KEY_ID", "AKID")]).unwrap_err();
        assert!(err.to_string().contains("AWS_REGION"), "{err}");
        let err = env(&[("AWS_REGION", "us-east-1")]).unwrap_err();
        assert!(err.to_string().contains("AWS_ACCESS_KEY_ID"), "{err}");
    }
}
