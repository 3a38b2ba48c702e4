//! Where a client's requests go: each endpoint and host prefix resolved and worked out
//! once per client, not once per attempt.

use std::sync::{Arc, Mutex};

use super::ResolvedEndpoint;
use super::rules::Param;
use crate::error::ConfigError;
use crate::service::ServiceMeta;

/// One endpoint with one host prefix: the URL as written and as parsed, the `Host` header,
/// the path SigV4 signs, and the signing region and name the endpoint asks for.
#[derive(Debug)]
pub(crate) struct Destination {
    pub(crate) url: String,
    pub(crate) parsed: reqwest::Url,
    pub(crate) host: String,
    pub(crate) path: String,
    pub(crate) signing_region: Option<String>,
    pub(crate) signing_name: Option<String>,
}

impl Destination {
    fn new(resolved: ResolvedEndpoint, host_prefix: Option<&str>) -> Result<Self, ConfigError> {
        let parsed = request_url(&resolved.url, host_prefix).map_err(ConfigError::new)?;
        Ok(Destination {
            url: parsed.as_str().to_owned(),
            host: host_header(&parsed),
            path: parsed.path().to_owned(),
            parsed,
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
type Entry = (Key, Option<Box<str>>, Context, Arc<Destination>);

/// The endpoint-rule parameters of a call (its input's, the credentials' account id).
pub(crate) type Context = Vec<(&'static str, Param)>;

/// The targets a client has worked out. Building one (resolving the service's endpoint,
/// formatting, and parsing with IDNA host checks) cost more than an eighth of awsjson's
/// per-call instructions (BENCHMARKS.md); a hit is a lock and a compare.
#[derive(Default)]
pub(crate) struct DestinationCache {
    entries: Mutex<Vec<Entry>>,
}

/// A client talks to a handful of endpoints; the bound keeps per-call host prefixes
/// from growing the cache.
const MAX_ENTRIES: usize = 16;

impl DestinationCache {
    /// The target of `origin` with `host_prefix`; `resolve` gives a service's endpoint
    /// the first time it is asked for.
    #[cfg(test)]
    pub(crate) fn get(
        &self,
        origin: Origin<'_>,
        host_prefix: Option<&str>,
        resolve: impl FnOnce(&ServiceMeta) -> Result<ResolvedEndpoint, ConfigError>,
    ) -> Result<Arc<Destination>, ConfigError> {
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
    ) -> Result<Arc<Destination>, ConfigError> {
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
        let target = Arc::new(Destination::new(resolved, host_prefix)?);
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

/// The URL a request goes to: the endpoint with the operation's host prefix, and the
/// path ending in `/` (awsJson posts to the endpoint's root); no query or fragment.
fn request_url(endpoint: &str, host_prefix: Option<&str>) -> Result<reqwest::Url, String> {
    let base = parse_http_url(endpoint).map_err(|why| format!("endpoint {why}"))?;
    if host_prefix.is_none() && base.path().ends_with('/') && base.query().is_none() {
        return Ok(without_fragment(base));
    }
    let mut path = base.path().to_owned();
    if !path.ends_with('/') {
        path.push('/');
    }
    // Written from the parsed parts and parsed again: a prefix can make the host
    // invalid (in front of an IP address), which only the parser can say.
    let url = format!(
        "{}://{}{}{path}",
        base.scheme(),
        host_prefix.unwrap_or(""),
        host_header(&base)
    );
    reqwest::Url::parse(&url).map_err(|e| format!("endpoint URL {url:?} does not parse: {e}"))
}

fn without_fragment(mut url: reqwest::Url) -> reqwest::Url {
    url.set_fragment(None);
    url
}

/// Parses an `http(s)` URL that the crate sends a request to, with the parser reqwest
/// connects with, so that the host checked, the host connected to, the `Host` header
/// and the path signed all come from one reading of the text. A user name or password
/// in it is refused: it would go out as a second `Authorization` and it can hide the
/// real host from a reader (`http://127.0.0.1:80@example.com/`).
///
/// The error starts with the URL, without any user name or password in it.
pub(crate) fn parse_http_url(text: &str) -> Result<reqwest::Url, String> {
    let mut url = match reqwest::Url::parse(text) {
        Ok(url) => url,
        Err(_) if !text.contains("://") => return Err(format!("{text:?} is not an http(s) URL")),
        Err(e) => return Err(format!("URL {text:?} does not parse: {e}")),
    };
    if !matches!(url.scheme(), "http" | "https") {
        return Err(format!("{text:?} is not an http(s) URL"));
    }
    if !url.username().is_empty() || url.password().is_some() {
        let _ = url.set_username("");
        let _ = url.set_password(None);
        return Err(format!(
            "URL {:?} has a user name or password before its host (`…@`), which is not allowed",
            url.as_str()
        ));
    }
    Ok(url)
}

/// `path` (and `query`) under an endpoint: `https://portal.sso.eu-west-1.amazonaws.com`
/// and `/federation/credentials` give `https://portal.sso.eu-west-1.amazonaws.com/federation/credentials`;
/// an endpoint's own path is kept in front, its query and fragment dropped.
pub(crate) fn endpoint_url(
    endpoint: &str,
    path: &str,
    query: Option<&str>,
) -> Result<reqwest::Url, String> {
    let mut url = parse_http_url(endpoint).map_err(|why| format!("endpoint {why}"))?;
    let joined = format!("{}{path}", url.path().trim_end_matches('/'));
    url.set_path(&joined);
    url.set_query(query);
    url.set_fragment(None);
    Ok(url)
}

/// The `Host` header of a request to `url`, as HTTP clients send it: the host, and the
/// port unless it is the scheme's default (`Url::port` leaves that out).
pub(crate) fn host_header(url: &reqwest::Url) -> String {
    let host = url.host_str().unwrap_or_default();
    match url.port() {
        Some(port) => format!("{host}:{port}"),
        None => host.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn no_service(_: &ServiceMeta) -> Result<ResolvedEndpoint, ConfigError> {
        Err(ConfigError::new("only URLs here"))
    }

    #[test]
    fn targets_are_worked_out_once_and_stay_bounded() {
        let cache = DestinationCache::default();
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
    fn paths_go_under_an_endpoint() {
        for (endpoint, url) in [
            (
                "https://oidc.eu-west-1.amazonaws.com",
                "https://oidc.eu-west-1.amazonaws.com/token?a=1",
            ),
            ("http://127.0.0.1:9/", "http://127.0.0.1:9/token?a=1"),
            (
                "http://127.0.0.1:9/base/?x#f",
                "http://127.0.0.1:9/base/token?a=1",
            ),
        ] {
            assert_eq!(
                endpoint_url(endpoint, "/token", Some("a=1"))
                    .unwrap()
                    .as_str(),
                url
            );
        }
        assert!(endpoint_url("http://u:p@h/", "/token", None).is_err());
    }

    #[test]
    fn request_urls_take_the_host_prefix_and_a_trailing_slash() {
        let url = |endpoint, prefix| {
            let url = request_url(endpoint, prefix).unwrap();
            (
                url.as_str().to_owned(),
                host_header(&url),
                url.path().to_owned(),
            )
        };
        let owned = |(u, h, p): (&str, &str, &str)| (u.to_owned(), h.to_owned(), p.to_owned());
        assert_eq!(
            url("https://example.com", Some("foo.bar.")),
            owned(("https://foo.bar.example.com/", "foo.bar.example.com", "/"))
        );
        assert_eq!(
            url("http://127.0.0.1:4566/custom?x=1#f", None),
            owned((
                "http://127.0.0.1:4566/custom/",
                "127.0.0.1:4566",
                "/custom/"
            ))
        );
    }

    /// The `Host` signed is the one sent: default ports left out, the host in the
    /// parser's form (lower case, IPv4 in dotted form), the path as the parser writes it.
    #[test]
    fn hosts_and_paths_are_read_as_the_request_is_sent() {
        for (endpoint, host, path) in [
            ("http://127.0.0.1:4566", "127.0.0.1:4566", "/"),
            (
                "https://dynamodb.us-east-1.amazonaws.com:443/",
                "dynamodb.us-east-1.amazonaws.com",
                "/",
            ),
            ("http://LocalHost:80/base?x=1", "localhost", "/base/"),
            ("https://host:80/", "host:80", "/"),
            ("http://host:443", "host:443", "/"),
            (
                "https://STS.Example.COM:8443/a/../b",
                "sts.example.com:8443",
                "/b/",
            ),
            ("http://[::1]:80/", "[::1]", "/"),
            ("http://127.1:9/", "127.0.0.1:9", "/"),
            ("http://h/a b/", "h", "/a%20b/"),
        ] {
            let url = request_url(endpoint, None).unwrap();
            assert_eq!(
                (host_header(&url).as_str(), url.path()),
                (host, path),
                "{endpoint}"
            );
        }
        for (bad, why) in [
            ("ftp://x", "is not an http(s) URL"),
            ("localhost:4566", "is not an http(s) URL"),
            ("http://", "does not parse"),
            ("http://user:pw@host/", "user name or password"),
            (
                "http://127.0.0.1:80@attacker.example/",
                "user name or password",
            ),
        ] {
            let err = request_url(bad, None).unwrap_err();
            assert!(err.contains(why), "{bad}: {err}");
            assert!(!err.contains("pw") && !err.contains("127.0.0.1"), "{err}");
        }
    }
}
