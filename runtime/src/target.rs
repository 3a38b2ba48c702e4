//! Where a client's requests go: each endpoint and host prefix resolved and worked out
//! once per client, not once per attempt.

use std::sync::{Arc, Mutex};

use crate::endpoint::ResolvedEndpoint;
use crate::endpoint_rules::Param;
use crate::error::ConfigError;
use crate::service::ServiceMeta;

/// One endpoint with one host prefix: the URL as written and as parsed, the `Host` header,
/// the path SigV4 signs, and the signing region and name the endpoint asks for.
#[derive(Debug)]
pub(crate) struct RequestTarget {
    pub(crate) url: String,
    pub(crate) parsed: reqwest::Url,
    pub(crate) host: String,
    pub(crate) path: String,
    pub(crate) signing_region: Option<String>,
    pub(crate) signing_name: Option<String>,
}

impl RequestTarget {
    fn new(resolved: ResolvedEndpoint, host_prefix: Option<&str>) -> Result<Self, ConfigError> {
        let endpoint = &resolved.url;
        let (url, host, path) = request_url(endpoint, host_prefix).ok_or_else(|| {
            ConfigError::new(format!("endpoint {endpoint:?} is not an http(s) URL"))
        })?;
        // A URL that does not parse can never be sent: a configuration error, not a
        // transport failure to retry.
        let parsed = reqwest::Url::parse(&url).map_err(|reason| {
            ConfigError::new(format!("endpoint URL {url:?} does not parse: {reason}"))
        })?;
        Ok(RequestTarget {
            url,
            parsed,
            host,
            path,
            signing_region: resolved.signing_region,
            signing_name: resolved.signing_name,
        })
    }
}

/// Where a call's endpoint comes from: the endpoint URL the call names, else its
/// service's endpoint as the client resolves it.
#[derive(Clone, Copy)]
pub(crate) enum Origin<'a> {
    Url(&'a str),
    Service(&'a ServiceMeta),
}

enum Key {
    Url(Box<str>),
    Service(ServiceMeta),
}

impl Key {
    fn of(origin: Origin<'_>) -> Self {
        match origin {
            Origin::Url(url) => Key::Url(url.into()),
            Origin::Service(service) => Key::Service(*service),
        }
    }

    fn is(&self, origin: Origin<'_>) -> bool {
        match (self, origin) {
            (Key::Url(a), Origin::Url(b)) => **a == *b,
            (Key::Service(a), Origin::Service(b)) => a == b,
            _ => false,
        }
    }
}

/// A target, by origin, host prefix and the call's endpoint parameters.
type Entry = (Key, Option<Box<str>>, Context, Arc<RequestTarget>);

/// The endpoint-rule parameters of a call (its input's, the credentials' account id).
pub(crate) type Context = Vec<(&'static str, Param)>;

/// The targets a client has worked out. Building one (resolving the service's endpoint,
/// formatting, and parsing with IDNA host checks) cost more than an eighth of awsjson's
/// per-call instructions (BENCHMARKS.md); a hit is a lock and a compare.
#[derive(Default)]
pub(crate) struct TargetCache {
    entries: Mutex<Vec<Entry>>,
}

/// A client talks to a handful of endpoints; the bound keeps per-call host prefixes
/// from growing the cache.
const MAX_ENTRIES: usize = 16;

impl TargetCache {
    /// The target of `origin` with `host_prefix`; `resolve` gives a service's endpoint
    /// the first time it is asked for.
    #[cfg(test)]
    pub(crate) fn get(
        &self,
        origin: Origin<'_>,
        host_prefix: Option<&str>,
        resolve: impl FnOnce(&ServiceMeta) -> Result<ResolvedEndpoint, ConfigError>,
    ) -> Result<Arc<RequestTarget>, ConfigError> {
        self.get_with(origin, host_prefix, &[], resolve)
    }

    /// The target of `origin` with `host_prefix` and the call's endpoint parameters;
    /// `resolve` gives a service's endpoint the first time it is asked for.
    pub(crate) fn get_with(
        &self,
        origin: Origin<'_>,
        host_prefix: Option<&str>,
        context: &[(&'static str, Param)],
        resolve: impl FnOnce(&ServiceMeta) -> Result<ResolvedEndpoint, ConfigError>,
    ) -> Result<Arc<RequestTarget>, ConfigError> {
        if let Some(target) = self.lock().iter().find_map(|(key, prefix, ctx, target)| {
            (key.is(origin) && prefix.as_deref() == host_prefix && ctx[..] == *context)
                .then(|| Arc::clone(target))
        }) {
            return Ok(target);
        }
        let resolved = match origin {
            Origin::Url(url) => ResolvedEndpoint {
                url: url.to_owned(),
                signing_region: None,
                signing_name: None,
            },
            Origin::Service(service) => resolve(service)?,
        };
        let target = Arc::new(RequestTarget::new(resolved, host_prefix)?);
        let mut entries = self.lock();
        if entries.len() >= MAX_ENTRIES {
            entries.clear();
        }
        entries.push((
            Key::of(origin),
            host_prefix.map(Into::into),
            context.to_vec(),
            Arc::clone(&target),
        ));
        Ok(target)
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Vec<Entry>> {
        // Plain data, consistent after any panic.
        self.entries
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }
}

/// The URL, `Host` and path a request goes to: the endpoint with the operation's host
/// prefix, and the path ending in `/` (awsJson posts to the endpoint's root).
fn request_url(endpoint: &str, host_prefix: Option<&str>) -> Option<(String, String, String)> {
    let (host, path) = split_url(endpoint)?;
    let scheme_len = endpoint.find("://")? + 3;
    let prefix = host_prefix.unwrap_or("");
    let host = format!("{prefix}{host}");
    let mut path = path.to_owned();
    if !path.ends_with('/') {
        path.push('/');
    }
    let rest = &endpoint[scheme_len..];
    let authority = &rest[..rest.find(['/', '?', '#']).unwrap_or(rest.len())];
    let authority = match authority.rsplit_once('@') {
        Some((userinfo, host_port)) => format!("{userinfo}@{prefix}{host_port}"),
        None => format!("{prefix}{authority}"),
    };
    let url = format!("{}{authority}{path}", &endpoint[..scheme_len]);
    Some((url, host, path))
}

/// Splits `scheme://authority/path` into the `Host` header value and the path.
pub(crate) fn split_url(url: &str) -> Option<(&str, &str)> {
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

#[cfg(test)]
mod tests {
    use super::*;

    fn no_service(_: &ServiceMeta) -> Result<ResolvedEndpoint, ConfigError> {
        Err(ConfigError::new("only URLs here"))
    }

    #[test]
    fn targets_are_worked_out_once_and_stay_bounded() {
        let cache = TargetCache::default();
        let first = cache
            .get(Origin::Url("http://127.0.0.1:4566"), None, no_service)
            .unwrap();
        assert_eq!(first.url, "http://127.0.0.1:4566/");
        assert_eq!(first.parsed.as_str(), "http://127.0.0.1:4566/");
        assert!(Arc::ptr_eq(
            &first,
            &cache
                .get(Origin::Url("http://127.0.0.1:4566"), None, no_service)
                .unwrap()
        ));
        let prefixed = cache
            .get(
                Origin::Url("http://localhost:4566"),
                Some("data."),
                no_service,
            )
            .unwrap();
        assert_eq!(prefixed.host, "data.localhost:4566");
        assert_eq!(prefixed.parsed.as_str(), "http://data.localhost:4566/");
        assert_eq!(cache.lock().len(), 2);
        // A host prefix cannot go in front of an IP address.
        let err = cache
            .get(
                Origin::Url("http://127.0.0.1:4566"),
                Some("data."),
                no_service,
            )
            .unwrap_err();
        assert!(err.to_string().contains("invalid IPv4 address"), "{err}");
        let err = cache
            .get(Origin::Url("not a url"), None, no_service)
            .unwrap_err()
            .to_string();
        assert!(err.contains("is not an http(s) URL"), "{err}");
        let err = cache
            .get(Origin::Url("http://[::1"), None, no_service)
            .unwrap_err()
            .to_string();
        assert!(err.contains("does not parse"), "{err}");
        for i in 0..40 {
            let url = format!("https://h{i}.example.com/");
            assert_eq!(
                cache
                    .get(Origin::Url(&url), None, no_service)
                    .unwrap()
                    .parsed
                    .as_str(),
                url
            );
        }
        assert!(cache.lock().len() <= MAX_ENTRIES);
    }

    #[test]
    fn request_urls_take_the_host_prefix_and_a_trailing_slash() {
        assert_eq!(
            request_url("https://example.com", Some("foo.bar.")),
            Some((
                "https://foo.bar.example.com/".to_owned(),
                "foo.bar.example.com".to_owned(),
                "/".to_owned()
            ))
        );
        assert_eq!(
            request_url("http://127.0.0.1:4566/custom", None),
            Some((
                "http://127.0.0.1:4566/custom/".to_owned(),
                "127.0.0.1:4566".to_owned(),
                "/custom/".to_owned()
            ))
        );
    }

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
}
