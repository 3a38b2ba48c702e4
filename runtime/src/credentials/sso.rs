//! IAM Identity Center (SSO): role credentials from the SSO portal
//! (`GetRoleCredentials`), with the access token `aws sso login` left in
//! `~/.aws/sso/cache`; for `sso_session` profiles the token is refreshed through SSO
//! OIDC (`CreateToken`) shortly before it expires and written back, as the official
//! SDKs do.
//!
//! The access token, the refresh token, the client secret and the role credentials
//! never reach a message: errors name files, fields, the account and the role, never a
//! value read from the cache or a response.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, PoisonError};
use std::time::{Duration, SystemTime};

use serde_json::{Map, Value};

use super::{Credentials, Sources, sts};
use crate::config::{Profile, ProfileSet};
use crate::endpoint::endpoint_url;
use crate::error::CredentialsError;
use crate::http::RawResponse;
use crate::protocol::error_code::{ErrorBody, JsonKeys, read_body};
use crate::service::{JsonVersion, ServiceMeta};

/// The SSO portal: `portal.sso.{region}.amazonaws.com`, `AWS_ENDPOINT_URL_SSO`,
/// `[services x] sso = endpoint_url = ...`.
const SSO: ServiceMeta = ServiceMeta {
    target_prefix: "",
    json_version: JsonVersion::V1_1,
    signing_name: "awsssoportal",
    endpoint_prefix: "portal.sso",
    service_id: "SSO",
    hostname: "portal.sso.{region}.{dnsSuffix}",
    endpoints: &[],
    endpoint_rules: None,
};

/// SSO OIDC: `oidc.{region}.amazonaws.com`, `AWS_ENDPOINT_URL_SSO_OIDC`,
/// `[services x] sso_oidc = endpoint_url = ...`.
const SSO_OIDC: ServiceMeta = ServiceMeta {
    target_prefix: "",
    json_version: JsonVersion::V1_1,
    signing_name: "sso-oauth",
    endpoint_prefix: "oidc",
    service_id: "SSO OIDC",
    hostname: "oidc.{region}.{dnsSuffix}",
    endpoints: &[],
    endpoint_rules: None,
};

const TIMEOUT: Duration = Duration::from_secs(10);

/// A token expiring sooner than this is refreshed first (the SDKs' buffer).
const REFRESH_BEFORE: Duration = Duration::from_secs(5 * 60);

/// A session's token is refreshed at most this often (the SDKs' pause), so that a
/// dead session does not cost a `CreateToken` call on every request.
const MIN_BETWEEN_REFRESHES: Duration = Duration::from_secs(30);

/// When each session's token refresh was last tried, for one client's chain.
#[derive(Default)]
pub(crate) struct RefreshLog(Mutex<HashMap<String, SystemTime>>);

impl RefreshLog {
    /// Notes an attempt at `now`, unless one was made less than
    /// [`MIN_BETWEEN_REFRESHES`] before it: then false.
    fn try_start(&self, session: &str, now: SystemTime) -> bool {
        let mut log = self.0.lock().unwrap_or_else(PoisonError::into_inner);
        let recent = log.get(session).is_some_and(|last| {
            now.duration_since(*last)
                .is_ok_and(|since| since < MIN_BETWEEN_REFRESHES)
        });
        if !recent {
            log.insert(session.to_owned(), now);
        }
        !recent
    }
}

/// The profile keys that make a profile an IAM Identity Center profile (any one of
/// them, as in the SDKs; a missing one is then an error).
const SSO_KEYS: &[&str] = &[
    "sso_session",
    "sso_start_url",
    "sso_region",
    "sso_account_id",
    "sso_role_name",
];

/// A profile's IAM Identity Center settings, checked. None of them is a secret.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct SsoProfile {
    pub(crate) profile: String,
    /// `sso_session` (the modern form); `None` for the legacy form, whose settings
    /// are all in the profile.
    pub(crate) session: Option<String>,
    pub(crate) start_url: String,
    pub(crate) region: String,
    pub(crate) account_id: String,
    pub(crate) role_name: String,
}

impl SsoProfile {
    /// The profile's SSO settings; `None` when it has none.
    pub(crate) fn from_profile(
        set: &ProfileSet,
        profile: &Profile,
    ) -> Result<Option<SsoProfile>, String> {
        if !SSO_KEYS.iter().any(|k| profile.has(k)) {
            return Ok(None);
        }
        let name = &profile.name;
        let (session, start_url, region) = match profile.get("sso_session") {
            Some(session_name) => {
                let Some(session) = set.sso_session(session_name) else {
                    return Err(format!(
                        "profile `{name}` has sso_session = {session_name}, but the config \
                         file has no [sso-session {session_name}] section"
                    ));
                };
                let key = |k: &str| {
                    session.get(k).ok_or_else(|| {
                        format!(
                            "[sso-session {session_name}] (the sso_session of profile \
                             `{name}`) has no {k}"
                        )
                    })
                };
                let start_url = key("sso_start_url")?;
                let region = key("sso_region")?;
                for (k, theirs) in [("sso_start_url", start_url), ("sso_region", region)] {
                    if let Some(own) = profile.get(k).filter(|own| *own != theirs) {
                        return Err(format!(
                            "profile `{name}` has {k} = {own}, but its sso_session \
                             `{session_name}` has {k} = {theirs}; they must match"
                        ));
                    }
                }
                (Some(session_name.to_owned()), start_url, region)
            }
            None => {
                let key = |k: &str| {
                    profile.get(k).ok_or_else(|| {
                        format!(
                            "profile `{name}` uses IAM Identity Center but has no {k} (give \
                             it sso_session = an [sso-session] section, or sso_start_url and \
                             sso_region)"
                        )
                    })
                };
                (None, key("sso_start_url")?, key("sso_region")?)
            }
        };
        let key = |k: &str| {
            profile
                .get(k)
                .map(str::to_owned)
                .ok_or_else(|| format!("profile `{name}` uses IAM Identity Center but has no {k}"))
        };
        Ok(Some(SsoProfile {
            profile: name.clone(),
            session,
            start_url: start_url.to_owned(),
            region: region.to_owned(),
            account_id: key("sso_account_id")?,
            role_name: key("sso_role_name")?,
        }))
    }

    /// What names the cached token: the session (modern) or the start URL (legacy).
    fn cache_key(&self) -> &str {
        self.session.as_deref().unwrap_or(&self.start_url)
    }

    /// The command that writes a fresh token for this profile.
    fn login(&self) -> String {
        match &self.session {
            Some(session) => format!("run `aws sso login --sso-session {session}`"),
            None => format!("run `aws sso login --profile {}`", self.profile),
        }
    }
}

/// The role credentials of an SSO profile.
pub(crate) async fn credentials(
    sources: &Sources,
    sso: &SsoProfile,
) -> Result<Credentials, CredentialsError> {
    let token = access_token(sources, sso).await.map_err(|why| {
        CredentialsError::new(format!(
            "IAM Identity Center (profile `{}`): {why}",
            sso.profile
        ))
    })?;
    get_role_credentials(sources, sso, &token).await
}

/// `~/.aws/sso/cache/<hex SHA-1 of key>.json`.
fn cache_path(env: &crate::Env, key: &str) -> Result<PathBuf, String> {
    let home = env.home_dir().ok_or(
        "no home directory (HOME is not set), where `aws sso login` keeps its token cache",
    )?;
    let digest = ring::digest::digest(&ring::digest::SHA1_FOR_LEGACY_USE_ONLY, key.as_bytes());
    let mut name = String::with_capacity(45);
    for b in digest.as_ref() {
        name.push_str(&format!("{b:02x}"));
    }
    name.push_str(".json");
    Ok(home.join(".aws").join("sso").join("cache").join(name))
}

/// What `CreateToken` needs to refresh a token.
struct Grant {
    refresh_token: String,
    client_id: String,
    client_secret: String,
    registration_expires_at: SystemTime,
}

/// A cached token file.
struct CachedToken {
    access_token: String,
    expires_at: SystemTime,
    /// Present when the file holds everything a refresh needs.
    grant: Option<Grant>,
    /// Every member of the file, kept so that a refresh rewrites only what changed.
    doc: Map<String, Value>,
}

// The token, the refresh token and the client secret are secrets.
impl std::fmt::Debug for CachedToken {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("CachedToken")
            .field("access_token", &"** redacted **")
            .field("expires_at", &self.expires_at)
            .field("refreshable", &self.grant.is_some())
            .finish_non_exhaustive()
    }
}

/// Reads an RFC 3339 time, or the `...UTC` form older CLIs wrote.
fn parse_time(value: &str) -> Option<SystemTime> {
    let normalized;
    let value = match value.strip_suffix("UTC") {
        Some(rest) => {
            normalized = format!("{rest}Z");
            &normalized
        }
        None => value,
    };
    crate::DateTime::parse_date_time(value)
        .ok()
        .map(SystemTime::from)
}

/// Parses a cache file. Errors name the member, never a value.
fn parse_token(bytes: &[u8]) -> Result<CachedToken, String> {
    let value: Value = serde_json::from_slice(bytes)
        .map_err(|e| format!("it is not JSON (line {}, column {})", e.line(), e.column()))?;
    let Value::Object(doc) = value else {
        return Err("it is not a JSON object".to_owned());
    };
    let text = |key: &str| -> Result<Option<String>, String> {
        match doc.get(key) {
            None | Some(Value::Null) => Ok(None),
            Some(Value::String(s)) if s.is_empty() => Ok(None),
            Some(Value::String(s)) => Ok(Some(s.clone())),
            Some(_) => Err(format!("`{key}` is not a string")),
        }
    };
    let time = |key: &str| -> Result<Option<SystemTime>, String> {
        text(key)?
            .map(|t| parse_time(&t).ok_or_else(|| format!("`{key}` is not an RFC 3339 time")))
            .transpose()
    };
    let access_token = text("accessToken")?.ok_or("it has no `accessToken`")?;
    let expires_at = time("expiresAt")?.ok_or("it has no `expiresAt`")?;
    let grant = match (
        text("refreshToken")?,
        text("clientId")?,
        text("clientSecret")?,
        time("registrationExpiresAt")?,
    ) {
        (Some(refresh_token), Some(client_id), Some(client_secret), Some(registration)) => {
            Some(Grant {
                refresh_token,
                client_id,
                client_secret,
                registration_expires_at: registration,
            })
        }
        _ => None,
    };
    Ok(CachedToken {
        access_token,
        expires_at,
        grant,
        doc,
    })
}

/// What to do with a cached token at `now`.
#[derive(Debug, PartialEq, Eq)]
enum Plan {
    Use,
    Refresh,
    Expired,
}

fn plan(token: &CachedToken, modern: bool, now: SystemTime) -> Plan {
    let refreshable = modern
        && token
            .grant
            .as_ref()
            .is_some_and(|g| now < g.registration_expires_at);
    if refreshable && token.expires_at <= now + REFRESH_BEFORE {
        Plan::Refresh
    } else if token.expires_at <= now {
        Plan::Expired
    } else {
        Plan::Use
    }
}

/// A valid access token for `sso`, refreshed first when due and possible.
async fn access_token(sources: &Sources, sso: &SsoProfile) -> Result<String, String> {
    let path = cache_path(&sources.env, sso.cache_key())?;
    let bytes = match std::fs::read(&path) {
        Ok(bytes) => bytes,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return Err(format!(
                "no cached SSO token at {}; {} first",
                path.display(),
                sso.login()
            ));
        }
        Err(e) => {
            return Err(format!(
                "could not read the cached SSO token {}: {e}; {}",
                path.display(),
                sso.login()
            ));
        }
    };
    let token = parse_token(&bytes).map_err(|why| {
        format!(
            "the cached SSO token {} is unusable: {why}; {}",
            path.display(),
            sso.login()
        )
    })?;
    let now = SystemTime::now();
    match plan(&token, sso.session.is_some(), now) {
        Plan::Use => Ok(token.access_token),
        Plan::Expired => Err(format!(
            "the SSO token in {} has expired; {}",
            path.display(),
            sso.login()
        )),
        Plan::Refresh if !sources.sso_refreshes.try_start(sso.cache_key(), now) => {
            if now < token.expires_at {
                Ok(token.access_token)
            } else {
                Err(format!(
                    "the SSO token in {} has expired, and refreshing it failed moments ago; {}",
                    path.display(),
                    sso.login()
                ))
            }
        }
        Plan::Refresh => match refresh(sources, sso, &token, now).await {
            Ok(refreshed) => {
                if let Err(why) = write_token(&path, &refreshed.doc) {
                    tracing::warn!(
                        profile = %sso.profile,
                        "IAM Identity Center: the SSO token was refreshed but could not be \
                         saved: {why}"
                    );
                }
                tracing::debug!(profile = %sso.profile, "IAM Identity Center: refreshed the SSO token");
                Ok(refreshed.access_token)
            }
            Err(why) if now < token.expires_at => {
                tracing::warn!(
                    profile = %sso.profile,
                    "IAM Identity Center: refreshing the SSO token failed ({why}); using the \
                     cached one until it expires"
                );
                Ok(token.access_token)
            }
            Err(why) => Err(format!(
                "the SSO token in {} has expired and refreshing it failed ({why}); {}",
                path.display(),
                sso.login()
            )),
        },
    }
}

/// SSO OIDC `CreateToken` with the refresh grant: the new token, its file contents.
async fn refresh(
    sources: &Sources,
    sso: &SsoProfile,
    token: &CachedToken,
    now: SystemTime,
) -> Result<CachedToken, String> {
    let Some(grant) = &token.grant else {
        return Err("the cached token has no refresh token".to_owned());
    };
    let secrets = [
        grant.refresh_token.as_str(),
        grant.client_secret.as_str(),
        token.access_token.as_str(),
    ];
    let endpoint = sources.endpoints.resolve(&SSO_OIDC, &sso.region)?;
    let url = endpoint_url(&endpoint.url, "/token", None)?;
    let body = serde_json::json!({
        "clientId": grant.client_id,
        "clientSecret": grant.client_secret,
        "grantType": "refresh_token",
        "refreshToken": grant.refresh_token,
    });
    let response = sources
        .http
        .exchange_retried(
            reqwest::Method::POST,
            url.as_str(),
            &[("content-type", "application/json")],
            Some(body.to_string().into_bytes()),
            TIMEOUT,
            throttled,
        )
        .await
        .map_err(|e| format!("SSO OIDC CreateToken: {}", redact(&e.message, &secrets)))?;
    if !(200..300).contains(&response.status) {
        return Err(format!(
            "SSO OIDC CreateToken: {}",
            service_error(&response, &secrets)
        ));
    }
    let fail = |why: &str| format!("SSO OIDC CreateToken: {why}");
    let value: Value =
        serde_json::from_slice(&response.body).map_err(|_| fail("the response is not JSON"))?;
    let access_token = value
        .get("accessToken")
        .and_then(Value::as_str)
        .filter(|t| !t.is_empty())
        .ok_or_else(|| fail("the response has no `accessToken`"))?;
    let expires_in = value
        .get("expiresIn")
        .and_then(Value::as_u64)
        .ok_or_else(|| fail("the response has no `expiresIn` in seconds"))?;
    let refresh_token = value
        .get("refreshToken")
        .and_then(Value::as_str)
        .filter(|t| !t.is_empty());
    let now_secs = crate::DateTime::from(now).secs();
    let expires_secs = i64::try_from(expires_in)
        .ok()
        .and_then(|s| now_secs.checked_add(s))
        .ok_or_else(|| fail("`expiresIn` is out of range"))?;
    let expires_at = crate::DateTime::from_secs(expires_secs);
    let mut doc = token.doc.clone();
    doc.insert("accessToken".into(), access_token.into());
    doc.insert("expiresAt".into(), expires_at.to_date_time().into());
    if let Some(refresh_token) = refresh_token {
        doc.insert("refreshToken".into(), refresh_token.into());
    }
    Ok(CachedToken {
        access_token: access_token.to_owned(),
        expires_at: expires_at.into(),
        grant: None,
        doc,
    })
}

/// Replaces the cache file: a new file beside it, renamed over it, so that a reader
/// (another program, the CLI) never sees half a file.
fn write_token(path: &Path, doc: &Map<String, Value>) -> Result<(), String> {
    let dir = path.parent().ok_or("the cache file has no directory")?;
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let nanos = SystemTime::now()
        .duration_since(SystemTime::UNIX_EPOCH)
        .map_or(0, |d| d.subsec_nanos());
    let temp = dir.join(format!(".{name}.{}.{nanos:x}.tmp", std::process::id()));
    let bytes = serde_json::to_vec(doc).map_err(|e| e.to_string())?;
    let written = write_private(&temp, &bytes).and_then(|()| std::fs::rename(&temp, path));
    if let Err(e) = written {
        let _ = std::fs::remove_file(&temp);
        return Err(format!("{}: {e}", path.display()));
    }
    Ok(())
}

/// Writes a new file readable by its owner only, as the CLI keeps its cache.
fn write_private(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    use std::io::Write;
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    let mut file = options.open(path)?;
    file.write_all(bytes)?;
    file.sync_all()
}

/// SSO `GetRoleCredentials`, authorized by the access token alone (unsigned).
async fn get_role_credentials(
    sources: &Sources,
    sso: &SsoProfile,
    token: &str,
) -> Result<Credentials, CredentialsError> {
    let fail = |why: String| {
        CredentialsError::new(format!(
            "IAM Identity Center (profile `{}`): SSO GetRoleCredentials for account {}, role \
             {}: {why}",
            sso.profile, sso.account_id, sso.role_name
        ))
    };
    let endpoint = sources
        .endpoints
        .resolve(&SSO, &sso.region)
        .map_err(&fail)?;
    let query = sts::form_encode(&[
        ("account_id", &sso.account_id),
        ("role_name", &sso.role_name),
    ]);
    let url =
        endpoint_url(&endpoint.url, "/federation/credentials", Some(&query)).map_err(&fail)?;
    let response = sources
        .http
        .exchange_retried(
            reqwest::Method::GET,
            url.as_str(),
            &[
                ("x-amz-sso_bearer_token", token),
                ("accept", "application/json"),
            ],
            None,
            TIMEOUT,
            throttled,
        )
        .await
        .map_err(|e| fail(redact(&e.message, &[token])))?;
    match response.status {
        200..=299 => {}
        401 | 403 => {
            return Err(fail(format!(
                "the SSO session has expired or is not authorized for this account and role \
                 ({}); {}",
                service_error(&response, &[token]),
                sso.login()
            )));
        }
        _ => return Err(fail(service_error(&response, &[token]))),
    }
    role_credentials(&response.body)
        .map(|creds| creds.with_account_id_from(Some(&sso.account_id)))
        .map_err(|why| fail(why.to_owned()))
}

/// The credentials in a `GetRoleCredentials` response. Errors name members only.
fn role_credentials(body: &[u8]) -> Result<Credentials, &'static str> {
    let value: Value = serde_json::from_slice(body).map_err(|_| "the response is not JSON")?;
    let creds = value
        .get("roleCredentials")
        .and_then(Value::as_object)
        .ok_or("the response has no `roleCredentials`")?;
    let text = |key: &str| {
        creds
            .get(key)
            .and_then(Value::as_str)
            .filter(|s| !s.is_empty())
    };
    let id = text("accessKeyId").ok_or("the response has no `roleCredentials.accessKeyId`")?;
    let secret =
        text("secretAccessKey").ok_or("the response has no `roleCredentials.secretAccessKey`")?;
    let millis = creds
        .get("expiration")
        .and_then(|v| v.as_i64().or_else(|| v.as_f64().map(|f| f as i64)))
        .ok_or("the response has no `roleCredentials.expiration` (epoch milliseconds)")?;
    let expiry = u64::try_from(millis)
        .ok()
        .and_then(|m| SystemTime::UNIX_EPOCH.checked_add(Duration::from_millis(m)))
        .ok_or("`roleCredentials.expiration` is out of range")?;
    Ok(Credentials::new(id, secret, text("sessionToken").map(str::to_owned)).with_expiry(expiry))
}

/// Where SSO (REST-JSON) and SSO OIDC (OAuth's `error`, `error_description`) put an
/// error's code and message.
const SSO_JSON: JsonKeys = JsonKeys::new(
    &["__type", "error"],
    &["message", "Message", "error_description"],
);

/// The code and message of an error answer of SSO or SSO OIDC.
fn read_error(response: &RawResponse) -> ErrorBody {
    read_body(
        response.header("x-amzn-errortype"),
        &response.body,
        &SSO_JSON,
    )
}

/// Why an error answer of SSO or SSO OIDC is worth another attempt: a throttling or
/// transient code.
fn throttled(response: &RawResponse) -> Option<crate::retry::RetryReason> {
    crate::retry::code_reason(&read_error(response).code?)
}

/// `Code: message (HTTP status)` of an error response. Any secret the service echoed
/// is redacted.
fn service_error(response: &RawResponse, secrets: &[&str]) -> String {
    let read = read_error(response);
    let mut out = read
        .code
        .filter(|c| !c.is_empty())
        .unwrap_or_else(|| "an error".to_owned());
    if let Some(message) = read.message.filter(|m| !m.is_empty()) {
        out.push_str(": ");
        out.push_str(&message);
    }
    out.push_str(&format!(" (HTTP {})", response.status));
    redact(&out, secrets)
}

fn redact(text: &str, secrets: &[&str]) -> String {
    let mut out = text.to_owned();
    for secret in secrets.iter().filter(|s| s.len() >= 4) {
        out = out.replace(secret, "** redacted **");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn set(config: &str) -> ProfileSet {
        ProfileSet::parse_for_test(config, "", "default")
    }

    fn sso_of(config: &str, name: &str) -> Result<Option<SsoProfile>, String> {
        let set = set(config);
        SsoProfile::from_profile(&set, set.profile(name).unwrap())
    }

    const CONFIG: &str = "\
[profile modern]
sso_session = corp
sso_account_id = 111122223333
sso_role_name = Dev
[profile same]
sso_session = corp
sso_start_url = https://d-abc123.awsapps.com/start
sso_region = eu-west-1
sso_account_id = 1
sso_role_name = R
[profile url]
sso_session = corp
sso_start_url = https://other.awsapps.com/start
sso_account_id = 1
sso_role_name = R
[profile region]
sso_session = corp
sso_region = us-east-1
sso_account_id = 1
sso_role_name = R
[profile legacy]
sso_start_url = https://d-legacy.awsapps.com/start
sso_region = us-west-2
sso_account_id = 222
sso_role_name = Admin
[profile nosession]
sso_session = gone
sso_account_id = 1
sso_role_name = R
[profile norole]
sso_session = corp
sso_account_id = 1
[profile noregion]
sso_start_url = https://d-legacy.awsapps.com/start
sso_account_id = 1
sso_role_name = R
[profile onlyaccount]
sso_account_id = 1
[profile halfsession]
sso_session = half
sso_account_id = 1
sso_role_name = R
[profile plain]
aws_access_key_id = A
aws_secret_access_key = S
[sso-session corp]
sso_start_url = https://d-abc123.awsapps.com/start
sso_region = eu-west-1
[sso-session half]
sso_start_url = https://d-abc123.awsapps.com/start
";

    #[test]
    fn both_forms() {
        assert_eq!(
            sso_of(CONFIG, "modern").unwrap().unwrap(),
            SsoProfile {
                profile: "modern".into(),
                session: Some("corp".into()),
                start_url: "https://d-abc123.awsapps.com/start".into(),
                region: "eu-west-1".into(),
                account_id: "111122223333".into(),
                role_name: "Dev".into(),
            }
        );
        assert!(sso_of(CONFIG, "same").unwrap().is_some());
        let legacy = sso_of(CONFIG, "legacy").unwrap().unwrap();
        assert_eq!(legacy.session, None);
        assert_eq!(legacy.cache_key(), "https://d-legacy.awsapps.com/start");
        assert_eq!(legacy.region, "us-west-2");
        assert!(legacy.login().contains("--profile legacy"));
        assert!(sso_of(CONFIG, "plain").unwrap().is_none());
    }

    #[test]
    fn bad_profiles_are_clear_errors() {
        let e = sso_of(CONFIG, "url").unwrap_err();
        assert!(
            e.contains("profile `url` has sso_start_url = https://other.awsapps.com/start")
                && e.contains("must match"),
            "{e}"
        );
        let e = sso_of(CONFIG, "region").unwrap_err();
        assert!(
            e.contains("sso_region = us-east-1") && e.contains("must match"),
            "{e}"
        );
        let e = sso_of(CONFIG, "nosession").unwrap_err();
        assert!(e.contains("no [sso-session gone] section"), "{e}");
        let e = sso_of(CONFIG, "norole").unwrap_err();
        assert!(
            e.contains("profile `norole`") && e.contains("no sso_role_name"),
            "{e}"
        );
        let e = sso_of(CONFIG, "noregion").unwrap_err();
        assert!(
            e.contains("profile `noregion`") && e.contains("no sso_region"),
            "{e}"
        );
        let e = sso_of(CONFIG, "onlyaccount").unwrap_err();
        assert!(e.contains("no sso_start_url"), "{e}");
        let e = sso_of(CONFIG, "halfsession").unwrap_err();
        assert!(
            e.contains("[sso-session half]") && e.contains("no sso_region"),
            "{e}"
        );
    }

    #[test]
    fn cache_file_names_are_sha1_of_the_key() {
        let env = crate::Env::from_vars([("HOME", "/home/me")]);
        assert_eq!(
            cache_path(&env, "admin").unwrap(),
            Path::new("/home/me/.aws/sso/cache/d033e22ae348aeb5660fc2140aec35850c4da997.json")
        );
        assert_eq!(
            cache_path(&env, "https://d-abc123.awsapps.com/start").unwrap(),
            Path::new("/home/me/.aws/sso/cache/40a89917e3175433e361b710a9d43528d7f1890a.json")
        );
    }

    const FULL: &str = r#"{
        "startUrl": "https://d-abc123.awsapps.com/start",
        "region": "eu-west-1",
        "accessToken": "secret-access",
        "expiresAt": "2030-01-01T00:00:00Z",
        "clientId": "client",
        "clientSecret": "secret-client",
        "registrationExpiresAt": "2031-01-01T00:00:00Z",
        "refreshToken": "secret-refresh"
    }"#;

    fn at(s: &str) -> SystemTime {
        parse_time(s).unwrap()
    }

    #[test]
    fn reads_the_cache_and_plans_refreshes() {
        let token = parse_token(FULL.as_bytes()).unwrap();
        assert_eq!(token.expires_at, at("2030-01-01T00:00:00Z"));
        assert!(token.grant.is_some());
        let debug = format!("{token:?}");
        assert!(!debug.contains("secret-"), "{debug}");
        // Valid for long: used; within 5 minutes of expiry: refreshed (modern only).
        assert_eq!(plan(&token, true, at("2029-12-31T23:50:00Z")), Plan::Use);
        assert_eq!(
            plan(&token, true, at("2029-12-31T23:56:00Z")),
            Plan::Refresh
        );
        assert_eq!(
            plan(&token, true, at("2030-06-01T00:00:00Z")),
            Plan::Refresh
        );
        assert_eq!(plan(&token, false, at("2029-12-31T23:56:00Z")), Plan::Use);
        assert_eq!(
            plan(&token, false, at("2030-01-01T00:00:00Z")),
            Plan::Expired
        );
        // The registration expired: no refresh.
        assert_eq!(
            plan(&token, true, at("2031-06-01T00:00:00Z")),
            Plan::Expired
        );
        // Older CLIs wrote `UTC` for `Z`.
        let old =
            parse_token(br#"{"accessToken":"t","expiresAt":"2030-01-01T00:00:00UTC"}"#).unwrap();
        assert_eq!(old.expires_at, at("2030-01-01T00:00:00Z"));
        assert!(old.grant.is_none());
    }

    #[test]
    fn bad_cache_files_name_the_member_not_the_value() {
        for (file, expected) in [
            ("{\"accessToken\": \"secret-x\"", "not JSON"),
            ("[\"secret-x\"]", "not a JSON object"),
            (
                r#"{"expiresAt":"2030-01-01T00:00:00Z"}"#,
                "no `accessToken`",
            ),
            (r#"{"accessToken":"secret-x"}"#, "no `expiresAt`"),
            (
                r#"{"accessToken":"secret-x","expiresAt":"secret-y"}"#,
                "`expiresAt` is not",
            ),
            (
                r#"{"accessToken":7,"expiresAt":"2030-01-01T00:00:00Z"}"#,
                "`accessToken` is not a string",
            ),
        ] {
            let e = parse_token(file.as_bytes()).unwrap_err();
            assert!(e.contains(expected), "{file}: {e}");
            assert!(!e.contains("secret-"), "{e}");
        }
    }

    #[test]
    fn refreshes_are_paced_per_session() {
        let log = RefreshLog::default();
        let t0 = at("2030-01-01T00:00:00Z");
        assert!(log.try_start("a", t0));
        assert!(!log.try_start("a", t0 + Duration::from_secs(29)));
        assert!(log.try_start("b", t0 + Duration::from_secs(29)));
        assert!(log.try_start("a", t0 + Duration::from_secs(30)));
    }

    #[test]
    fn role_credentials_and_errors() {
        let creds = role_credentials(
            br#"{"roleCredentials":{"accessKeyId":"ASIA1","secretAccessKey":"s","sessionToken":"t","expiration":1893456000000}}"#,
        )
        .unwrap();
        assert_eq!(creds.access_key_id(), "ASIA1");
        assert_eq!(creds.expiry(), Some(at("2030-01-01T00:00:00Z")));
        assert!(
            role_credentials(br#"{"roleCredentials":{"accessKeyId":"A","secretAccessKey":"s"}}"#)
                .unwrap_err()
                .contains("expiration")
        );
        assert!(
            role_credentials(b"{}")
                .unwrap_err()
                .contains("roleCredentials")
        );
        assert_eq!(redact("a tok-123 b", &["tok-123"]), "a ** redacted ** b");
    }
}
