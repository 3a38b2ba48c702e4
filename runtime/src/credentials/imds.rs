//! EC2 instance metadata (IMDSv2): a session token from `PUT /latest/api/token`, then
//! `GET`s with it. Short timeouts, so a program that is not on EC2 is not held up.

use std::sync::{Mutex, PoisonError};
use std::time::{Duration, Instant};

use super::{Credentials, Http, Loaded, Sources};
use crate::config::{Env, ProfileSet};
use crate::error::CredentialsError;

const TOKEN_TTL_SECS: u64 = 21_600;
const TIMEOUT: Duration = Duration::from_secs(1);
const ATTEMPTS: usize = 3;
const CREDENTIALS_PATH: &str = "/latest/meta-data/iam/security-credentials/";

/// The instance metadata client of one configuration.
pub(crate) struct Imds {
    /// The base URL, or why IMDS is not used: disabled (`Unavailable`) or misconfigured
    /// (`Failed`, which the chain reports rather than passing over).
    endpoint: Result<String, ImdsError>,
    http: Http,
    token: Mutex<Option<(String, Instant)>>,
}

/// Why a metadata request gave nothing.
#[derive(Debug, Clone)]
pub(crate) enum ImdsError {
    /// Disabled, unreachable, or not on EC2: the chain goes on.
    Unavailable(String),
    /// The path does not exist (no IAM role attached, no region).
    NotFound(String),
    /// IMDS answered, but not as it should.
    Failed(String),
}

impl ImdsError {
    fn message(&self) -> &str {
        match self {
            ImdsError::Unavailable(m) | ImdsError::NotFound(m) | ImdsError::Failed(m) => m,
        }
    }
}

impl Imds {
    /// Reads `AWS_EC2_METADATA_DISABLED`, `AWS_EC2_METADATA_SERVICE_ENDPOINT` (or
    /// `ec2_metadata_service_endpoint`) and `AWS_EC2_METADATA_SERVICE_ENDPOINT_MODE` (or
    /// `ec2_metadata_service_endpoint_mode`, `IPv4` / `IPv6`).
    pub(crate) fn new(env: &Env, profiles: &ProfileSet, http: Http) -> Imds {
        // The first of the chain's parts to get the shared HTTP handle, before the
        // region lookup: from here on it replays if the environment says so.
        http.replay_from(env);
        let endpoint = Self::endpoint(env, profiles);
        Imds {
            endpoint,
            http,
            token: Mutex::new(None),
        }
    }

    fn endpoint(env: &Env, profiles: &ProfileSet) -> Result<String, ImdsError> {
        match env.flag("AWS_EC2_METADATA_DISABLED") {
            Ok(Some(true)) => {
                return Err(ImdsError::Unavailable(
                    "disabled by AWS_EC2_METADATA_DISABLED".to_owned(),
                ));
            }
            Ok(_) => {}
            Err(e) => return Err(ImdsError::Failed(e)),
        }
        let configured = match env.var("AWS_EC2_METADATA_SERVICE_ENDPOINT") {
            Some(url) => Some(("AWS_EC2_METADATA_SERVICE_ENDPOINT", url)),
            None => profiles
                .get("ec2_metadata_service_endpoint")
                .map(|url| ("ec2_metadata_service_endpoint", url.to_owned())),
        };
        if let Some((source, url)) = configured {
            return if is_http_url(&url) {
                Ok(url.trim_end_matches('/').to_owned())
            } else {
                Err(ImdsError::Failed(format!(
                    "{source} {url:?} is not an http(s) URL with a host"
                )))
            };
        }
        let mode = env
            .var("AWS_EC2_METADATA_SERVICE_ENDPOINT_MODE")
            .or_else(|| {
                profiles
                    .get("ec2_metadata_service_endpoint_mode")
                    .map(str::to_owned)
            });
        match mode.as_deref() {
            None => Ok("http://169.254.169.254".to_owned()),
            Some(m) if m.eq_ignore_ascii_case("ipv4") => Ok("http://169.254.169.254".to_owned()),
            Some(m) if m.eq_ignore_ascii_case("ipv6") => Ok("http://[fd00:ec2::254]".to_owned()),
            Some(m) => Err(ImdsError::Failed(format!(
                "`{m}` is not a valid endpoint mode: IPv4 or IPv6 \
                 (AWS_EC2_METADATA_SERVICE_ENDPOINT_MODE / ec2_metadata_service_endpoint_mode)"
            ))),
        }
    }

    /// A metadata document, as text.
    pub(crate) async fn get(&self, path: &str) -> Result<String, ImdsError> {
        let base = self.endpoint.as_ref().map_err(ImdsError::clone)?;
        let url = format!("{base}{path}");
        let mut refreshed = false;
        let mut attempt = 0;
        loop {
            attempt += 1;
            let token = self.token(base).await?;
            match self
                .http
                .send(
                    reqwest::Method::GET,
                    &url,
                    &[("x-aws-ec2-metadata-token", &token)],
                    None,
                    TIMEOUT,
                )
                .await
            {
                Ok((200, body)) => {
                    return String::from_utf8(body)
                        .map_err(|_| ImdsError::Failed(format!("{url} answered non-UTF-8 text")));
                }
                Ok((401, _)) if !refreshed => {
                    // The token expired (or the instance restarted): get a new one, once.
                    refreshed = true;
                    *self.token.lock().unwrap_or_else(PoisonError::into_inner) = None;
                }
                Ok((404, _)) => return Err(ImdsError::NotFound(format!("{url}: HTTP 404"))),
                Ok((status, _)) if (status >= 500 || status == 429) && attempt < ATTEMPTS => {}
                Ok((status, _)) => {
                    return Err(ImdsError::Failed(format!("{url}: HTTP {status}")));
                }
                Err(e) if e.unreachable => {
                    return Err(ImdsError::Unavailable(format!("{url}: {}", e.message)));
                }
                Err(e) if attempt < ATTEMPTS => drop(e),
                Err(e) => return Err(ImdsError::Failed(format!("{url}: {}", e.message))),
            }
        }
    }

    async fn token(&self, base: &str) -> Result<String, ImdsError> {
        if let Some((token, _)) = self
            .token
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .as_ref()
            .filter(|(_, until)| Instant::now() < *until)
        {
            return Ok(token.clone());
        }
        let url = format!("{base}/latest/api/token");
        let ttl = TOKEN_TTL_SECS.to_string();
        let mut attempt = 0;
        loop {
            attempt += 1;
            let sent = Instant::now();
            match self
                .http
                .send(
                    reqwest::Method::PUT,
                    &url,
                    &[("x-aws-ec2-metadata-token-ttl-seconds", &ttl)],
                    None,
                    TIMEOUT,
                )
                .await
            {
                Ok((200, body)) => {
                    let token = String::from_utf8(body)
                        .map_err(|_| {
                            ImdsError::Failed(format!("{url} answered a non-UTF-8 token"))
                        })?
                        .trim()
                        .to_owned();
                    if token.is_empty() || token.contains(['\r', '\n']) {
                        return Err(ImdsError::Failed(format!(
                            "{url} answered an unusable token"
                        )));
                    }
                    // Renew a minute early so a token never expires between check and use.
                    let until = sent + Duration::from_secs(TOKEN_TTL_SECS - 60);
                    *self.token.lock().unwrap_or_else(PoisonError::into_inner) =
                        Some((token.clone(), until));
                    return Ok(token);
                }
                Ok((403, _)) => {
                    return Err(ImdsError::Unavailable(format!(
                        "{url}: HTTP 403, instance metadata is turned off for this instance"
                    )));
                }
                Ok((status, _)) if (status >= 500 || status == 429) && attempt < ATTEMPTS => {}
                Ok((status, _)) => {
                    return Err(ImdsError::Failed(format!("{url}: HTTP {status}")));
                }
                Err(e) if e.unreachable => {
                    return Err(ImdsError::Unavailable(format!("{url}: {}", e.message)));
                }
                Err(e) if attempt < ATTEMPTS => drop(e),
                Err(e) => return Err(ImdsError::Failed(format!("{url}: {}", e.message))),
            }
        }
    }

    /// The instance's region, for the region chain.
    pub(crate) async fn region(&self) -> Result<String, String> {
        if self.http.replaying() {
            // Recorded traffic is the credential providers' own, as the SDKs' harness
            // records it: it has no region lookup to answer.
            return Err("not asked while replaying recorded credential traffic".to_owned());
        }
        match self.get("/latest/meta-data/placement/region").await {
            Ok(region) if !region.trim().is_empty() => Ok(region.trim().to_owned()),
            Ok(_) => Err("instance metadata gave an empty region".to_owned()),
            Err(e) => Err(e.message().to_owned()),
        }
    }

    /// The instance profile's credentials.
    async fn credentials(&self) -> Result<Credentials, ImdsError> {
        let roles = self.get(CREDENTIALS_PATH).await.map_err(|e| match e {
            ImdsError::NotFound(_) => {
                ImdsError::NotFound("the instance has no IAM role attached".to_owned())
            }
            other => other,
        })?;
        let Some(role) = roles.lines().map(str::trim).find(|l| !l.is_empty()) else {
            return Err(ImdsError::NotFound(
                "the instance has no IAM role attached".to_owned(),
            ));
        };
        let body = self.get(&format!("{CREDENTIALS_PATH}{role}")).await?;
        let value: serde_json::Value = serde_json::from_str(&body).map_err(|e| {
            ImdsError::Failed(format!("the credentials of role {role} are not JSON ({e})"))
        })?;
        if let Some(code) = value
            .get("Code")
            .and_then(|c| c.as_str())
            .filter(|code| *code != "Success")
        {
            return Err(ImdsError::Failed(format!(
                "the credentials of role {role} are not available: Code {code}"
            )));
        }
        super::credentials_from_json(body.as_bytes(), "Token")
            .map_err(|why| ImdsError::Failed(format!("the credentials of role {role}: {why}")))
    }
}

/// `http://host…` or `https://host…`, with no whitespace or control characters.
fn is_http_url(url: &str) -> bool {
    let rest = url
        .strip_prefix("http://")
        .or_else(|| url.strip_prefix("https://"));
    rest.is_some_and(|rest| {
        !rest.starts_with(['/', '?', '#', ':'])
            && !rest.is_empty()
            && !url.chars().any(|c| c.is_whitespace() || c.is_control())
    })
}

/// The chain's last source.
pub(crate) async fn load(sources: &Sources) -> Result<Loaded, CredentialsError> {
    match sources.imds.credentials().await {
        Ok(creds) => Ok(Loaded::Found(creds)),
        Err(ImdsError::Unavailable(why) | ImdsError::NotFound(why)) => Ok(Loaded::NotFound(why)),
        Err(ImdsError::Failed(why)) => Err(CredentialsError::new(format!(
            "EC2 instance metadata: {why}"
        ))),
    }
}

/// For `credential_source = Ec2InstanceMetadata`.
pub(crate) async fn require(
    sources: &Sources,
    profile: &str,
) -> Result<Credentials, CredentialsError> {
    sources.imds.credentials().await.map_err(|e| {
        CredentialsError::new(format!(
            "profile `{profile}` has credential_source = Ec2InstanceMetadata, but {}",
            e.message()
        ))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn endpoint(vars: &[(&str, &str)], config: &str) -> Result<String, ImdsError> {
        let profiles = ProfileSet::parse_for_test(config, "", "default");
        Imds::endpoint(&Env::from_vars(vars.iter().copied()), &profiles)
    }

    #[test]
    fn misconfiguration_is_an_error_and_disabled_is_not() {
        assert!(matches!(
            endpoint(&[("AWS_EC2_METADATA_DISABLED", "true")], ""),
            Err(ImdsError::Unavailable(_))
        ));
        for (vars, config, why) in [
            (
                &[("AWS_EC2_METADATA_SERVICE_ENDPOINT", "not a uri")][..],
                "",
                "AWS_EC2_METADATA_SERVICE_ENDPOINT \"not a uri\" is not an http(s) URL",
            ),
            (
                &[],
                "[default]\nec2_metadata_service_endpoint = http:///x\n",
                "ec2_metadata_service_endpoint \"http:///x\" is not an http(s) URL",
            ),
            (
                &[],
                "[default]\nec2_metadata_service_endpoint_mode = IPv7\n",
                "`IPv7` is not a valid endpoint mode",
            ),
        ] {
            match endpoint(vars, config) {
                Err(ImdsError::Failed(e)) => assert!(e.contains(why), "{e}"),
                other => panic!("{other:?}"),
            }
        }
        assert_eq!(
            endpoint(&[("AWS_EC2_METADATA_SERVICE_ENDPOINT", "https://x:1/")], "").unwrap(),
            "https://x:1"
        );
        assert_eq!(
            endpoint(&[("AWS_EC2_METADATA_SERVICE_ENDPOINT_MODE", "ipV6")], "").unwrap(),
            "http://[fd00:ec2::254]"
        );
    }
}
