//! One HTTP exchange on the wire: the response of a request handed to reqwest, read
//! whole within the bounds every exchange has (the time to the response's
//! headers, stalled-stream protection, the size cap). Operations (`Client::transmit`)
//! and the credential sources' calls (`credentials::Http`: STS, SSO, SSO OIDC, ECS,
//! instance metadata) both send through [`send`], each with its own [`Bounds`], so a
//! fix here is a fix to both.

use std::borrow::Cow;
use std::sync::atomic::{AtomicU16, Ordering};
use std::time::Duration;

use bytes::Bytes;
use hyper_util::client::proxy::matcher::Matcher;
use reqwest::header::{HeaderMap, HeaderName, HeaderValue};

use crate::error::{TransportError, TransportErrorKind};
use crate::http::{RawResponse, ResponseHeaders};
use crate::stall::StalledStreamProtection;

/// What bounds one exchange, besides the caller's own attempt timeout.
pub(crate) struct Bounds<'a> {
    /// The longest wait for the response's headers.
    pub(crate) response_header_timeout: Option<Duration>,
    pub(crate) stall: StalledStreamProtection,
    /// The most body bytes read.
    pub(crate) max_response_bytes: usize,
    /// Where the size cap is set, for the message of a response over it.
    pub(crate) cap_set_by: &'static str,
    /// The proxy rules reqwest read from the environment, to name a proxy that failed.
    pub(crate) proxies: &'a Matcher,
}

/// Waits for the response of a request being sent (`sending`, to `url`) and reads it
/// whole within `bounds`: [`head`], then [`read_body`]. `status_seen` is set once the
/// headers are in, so that a caller's timeout that cuts the body short can say which
/// status it cut.
pub(crate) async fn send(
    sending: impl Future<Output = reqwest::Result<reqwest::Response>>,
    url: &reqwest::Url,
    bounds: &Bounds<'_>,
    status_seen: &AtomicU16,
) -> Result<RawResponse, TransportError> {
    let (response, head) = head(sending, url, bounds, status_seen).await?;
    read_body(response, head, bounds).await
}

/// Waits for the status and headers of the response to a request being sent
/// (`sending`, to `url`), within the response header timeout: the response, to read the
/// body from, and its head (a [`RawResponse`] with an empty body).
pub(crate) async fn head(
    sending: impl Future<Output = reqwest::Result<reqwest::Response>>,
    url: &reqwest::Url,
    bounds: &Bounds<'_>,
    status_seen: &AtomicU16,
) -> Result<(reqwest::Response, RawResponse), TransportError> {
    let sent = match bounds.response_header_timeout {
        None => sending.await,
        Some(limit) => tokio::time::timeout(limit, sending).await.map_err(|_| {
            TransportError::new(
                TransportErrorKind::Timeout,
                format!(
                    "no response headers within the response header timeout of {limit:?} \
                     (see ClientBuilder::response_header_timeout)"
                ),
            )
        })?,
    };
    let mut response = sent.map_err(|e| {
        let doing = match e.is_connect().then(|| proxy_for(bounds.proxies, url)) {
            Some(Some(proxy)) => {
                format!("connecting through the proxy {proxy} (from the environment)")
            }
            Some(None) => "connecting to the endpoint".to_owned(),
            None => "sending the request".to_owned(),
        };
        transport_error(e, &doing)
    })?;
    let status = response.status().as_u16();
    status_seen.store(status, Ordering::Relaxed);
    let head = RawResponse {
        status,
        // Taken, not copied: the body is read without them.
        headers: ResponseHeaders::from_map(std::mem::take(response.headers_mut())),
        body: Vec::new(),
    };
    Ok((response, head))
}

/// Reads the body of `response`, whose [`head`] is `head`, whole: up to the size cap,
/// failing if it stalls.
pub(crate) async fn read_body(
    mut response: reqwest::Response,
    head: RawResponse,
    bounds: &Bounds<'_>,
) -> Result<RawResponse, TransportError> {
    let status = head.status;
    let cap = bounds.max_response_bytes;
    let too_large = |seen: &str| {
        TransportError::new(
            TransportErrorKind::TooLarge,
            format!(
                "response body larger than the {cap}-byte limit ({seen}; see {})",
                bounds.cap_set_by
            ),
        )
    };
    if let Some(len) = response.content_length().filter(|len| *len > cap as u64) {
        return Err(too_large(&format!("{len} bytes announced")));
    }
    // The announced length (within the cap) sizes the buffer once.
    let announced = response.content_length();
    let mut body = Vec::with_capacity(announced.unwrap_or(0) as usize);
    let received = |body: &Vec<u8>| match announced {
        Some(len) => format!("{} of {len} bytes received", body.len()),
        None => format!("{} bytes received", body.len()),
    };
    let mut monitor = bounds.stall.monitor();
    // Bytes of chunks that were there without a wait, counted by the monitor only
    // when a read must wait (then they arrived just now): a body read whole without
    // waiting, as most are, costs no clock reads and no window (an allocation).
    let mut unrecorded = 0;
    loop {
        let mut next = std::pin::pin!(response.chunk());
        // A chunk already read needs no deadline: working one out and arming a timer
        // for it cost about 600 instructions a call (BENCHMARKS.md).
        let ready = match monitor {
            Some(_) => poll_once(&mut next).await,
            None => None,
        };
        let waited = ready.is_none();
        let read = match (&mut monitor, ready) {
            (_, Some(read)) => read,
            (None, None) => next.await,
            (Some(monitor), None) => {
                if unrecorded > 0 {
                    monitor.record(std::mem::take(&mut unrecorded));
                }
                match tokio::time::timeout_at(monitor.deadline(), next).await {
                    Ok(read) => read,
                    Err(_) if monitor.stalled() => {
                        return Err(TransportError::new(
                            TransportErrorKind::Timeout,
                            format!(
                                "the response body stalled: {} ({}; see \
                                 ClientBuilder::stalled_stream_protection)",
                                monitor.describe(),
                                received(&body)
                            ),
                        )
                        .with_status(status));
                    }
                    Err(_) => continue,
                }
            }
        };
        let chunk = read.map_err(|e| {
            let doing = format!("reading the response body ({})", received(&body));
            transport_error(e, &doing).with_status(status)
        })?;
        let Some(chunk) = chunk else { break };
        match &mut monitor {
            Some(monitor) if waited => monitor.record(chunk.len()),
            Some(_) => unrecorded += chunk.len(),
            None => {}
        }
        if body.len() + chunk.len() > cap {
            return Err(too_large(&format!("more than {cap} bytes received")));
        }
        body.extend_from_slice(&chunk);
    }
    Ok(RawResponse { body, ..head })
}

/// `future`'s output if it is ready at the first poll; it is left to poll again if not.
async fn poll_once<F: Future + Unpin>(future: &mut F) -> Option<F::Output> {
    std::future::poll_fn(|cx| {
        std::task::Poll::Ready(match std::pin::Pin::new(&mut *future).poll(cx) {
            std::task::Poll::Ready(output) => Some(output),
            std::task::Poll::Pending => None,
        })
    })
    .await
}

/// Writes `n` in decimal: the numbers of an attempt's headers without the formatting
/// machinery, which cost about 300 instructions a call (BENCHMARKS.md).
pub(crate) fn push_decimal(out: &mut String, n: u64) {
    out.push_str(itoa::Buffer::new().format(n));
}

/// The proxy a request to `url` goes through, as `scheme://host:port`: never its
/// `user:password@`.
fn proxy_for(proxies: &Matcher, url: &reqwest::Url) -> Option<String> {
    let uri = http::Uri::try_from(url.as_str()).ok()?;
    let intercept = proxies.intercept(&uri)?;
    let proxy = intercept.uri();
    let scheme = proxy.scheme_str().unwrap_or("http");
    let host = proxy.host()?;
    Some(match proxy.port_u16() {
        Some(port) => format!("{scheme}://{host}:{port}"),
        None => format!("{scheme}://{host}"),
    })
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
    TransportError::new(kind, doing.to_owned()).with_source(err)
}

/// The headers of one request, as they are sent: each value either static text or a
/// range of one buffer that holds all the others, so that an attempt's headers cost
/// one allocation for their values, where a `String` each cost ten, each then copied
/// again into the request (BENCHMARKS.md).
#[derive(Default)]
pub(crate) struct RequestHeaders {
    text: String,
    entries: Vec<(Name, Value)>,
}

/// A header name the client itself sends, parsed when the crate is compiled: parsing
/// the name of each of an attempt's headers cost about 50 instructions a header
/// (BENCHMARKS.md).
pub(crate) struct KnownName {
    name: HeaderName,
    text: &'static str,
}

impl KnownName {
    /// `text` must be a lower-case header name (checked at compile time).
    pub(crate) const fn new(text: &'static str) -> KnownName {
        KnownName {
            name: HeaderName::from_static(text),
            text,
        }
    }
}

/// A header's name: known to the client, or given as text (a protocol's headers, a
/// member's prefix header) and checked when sent.
#[derive(Clone)]
pub(crate) enum Name {
    Known(&'static KnownName),
    Text(Cow<'static, str>),
}

impl Name {
    fn as_str(&self) -> &str {
        match self {
            Name::Known(known) => known.text,
            Name::Text(text) => text,
        }
    }
}

impl From<&'static KnownName> for Name {
    fn from(known: &'static KnownName) -> Name {
        Name::Known(known)
    }
}

impl From<Cow<'static, str>> for Name {
    fn from(text: Cow<'static, str>) -> Name {
        Name::Text(text)
    }
}

#[derive(Clone, Copy)]
enum Value {
    Static(&'static str),
    /// `text[start..end]`.
    Text(usize, usize),
}

impl RequestHeaders {
    /// Room for `headers` headers whose values not pushed as static take `text` bytes.
    pub(crate) fn with_capacity(headers: usize, text: usize) -> RequestHeaders {
        RequestHeaders {
            text: String::with_capacity(text),
            entries: Vec::with_capacity(headers),
        }
    }

    /// A header whose value is static text: sent without a copy.
    pub(crate) fn push_static(&mut self, name: impl Into<Name>, value: &'static str) {
        self.entries.push((name.into(), Value::Static(value)));
    }

    /// A header whose value is copied into the shared buffer.
    pub(crate) fn push(&mut self, name: impl Into<Name>, value: &str) {
        let start = self.text.len();
        self.text.push_str(value);
        self.entries
            .push((name.into(), Value::Text(start, self.text.len())));
    }

    /// A header whose value `write` writes into the shared buffer.
    pub(crate) fn push_with(&mut self, name: impl Into<Name>, write: impl FnOnce(&mut String)) {
        let start = self.text.len();
        write(&mut self.text);
        self.push_written(name, start..self.text.len());
    }

    /// Lets `write` append to the shared buffer, for a value pushed later with
    /// [`push_written`](Self::push_written): what it wrote, and what it returned.
    pub(crate) fn write<T>(&mut self, write: impl FnOnce(&mut String) -> T) -> T {
        write(&mut self.text)
    }

    /// A header whose value is `range` of the shared buffer, written by
    /// [`write`](Self::write).
    pub(crate) fn push_written(&mut self, name: impl Into<Name>, range: std::ops::Range<usize>) {
        self.entries
            .push((name.into(), Value::Text(range.start, range.end)));
    }

    /// A header whose value is pushed as static text when it is, copied when not.
    // The `Cow` is the point: its variant says whether the value is `'static`.
    #[allow(clippy::ptr_arg)]
    pub(crate) fn push_cow(&mut self, name: impl Into<Name>, value: &Cow<'static, str>) {
        match value {
            Cow::Borrowed(value) => self.push_static(name, value),
            Cow::Owned(value) => self.push(name, value),
        }
    }

    /// Names and values, in order.
    pub(crate) fn iter(&self) -> impl Iterator<Item = (&str, &str)> {
        self.entries.iter().map(|(name, value)| {
            (
                name.as_str(),
                match *value {
                    Value::Static(value) => value,
                    Value::Text(start, end) => &self.text[start..end],
                },
            )
        })
    }

    /// Each header with a value of its own, as [`HttpRequest`](crate::HttpRequest)
    /// holds them.
    pub(crate) fn into_pairs(self) -> Vec<(Cow<'static, str>, String)> {
        self.entries
            .iter()
            .zip(self.iter())
            .map(|((name, _), (_, value))| {
                let name = match name {
                    Name::Known(known) => Cow::Borrowed(known.text),
                    Name::Text(text) => text.clone(),
                };
                (name, value.to_owned())
            })
            .collect()
    }

    /// The headers as reqwest sends them, without those `skip` names; an error names a
    /// header whose name or value HTTP cannot carry (a prefix-header member's key or
    /// value), never the value itself, which may be a token.
    pub(crate) fn into_header_map(
        self,
        extra: usize,
        skip: impl Fn(&str) -> bool,
    ) -> Result<HeaderMap, String> {
        let mut map = HeaderMap::with_capacity(self.entries.len() + extra);
        let text = Bytes::from(self.text.into_bytes());
        for (name, value) in self.entries {
            if skip(name.as_str()) {
                continue;
            }
            let name = match name {
                Name::Known(known) => known.name.clone(),
                Name::Text(Cow::Borrowed(name)) => HeaderName::from_static(name),
                Name::Text(Cow::Owned(name)) => HeaderName::try_from(name.as_str())
                    .map_err(|_| format!("{name:?} is not a valid HTTP header name"))?,
            };
            // Only the value's bytes are checked, as `HeaderValue::try_from` does.
            let bytes = match value {
                Value::Static(value) => Bytes::from_static(value.as_bytes()),
                Value::Text(start, end) => text.slice(start..end),
            };
            let value = HeaderValue::from_maybe_shared(bytes).map_err(|_| {
                format!("the {name} header would carry bytes an HTTP header cannot")
            })?;
            map.append(name, value);
        }
        Ok(map)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decimals_are_written_as_format_writes_them() {
        for n in [0, 7, 10, 99, 100, 4_096, 1 << 40, u64::MAX] {
            let mut out = String::from("x=");
            push_decimal(&mut out, n);
            assert_eq!(out, format!("x={n}"));
        }
    }

    #[test]
    fn request_headers_keep_their_order_and_values_and_check_them() {
        static HOST: KnownName = KnownName::new("host");
        let mut headers = RequestHeaders::with_capacity(4, 8);
        headers.push(&HOST, "example.com");
        headers.push_static(Cow::Borrowed("user-agent"), "awsjson");
        headers.push_with(Cow::Borrowed("content-length"), |out| push_decimal(out, 12));
        headers.push_cow(Cow::Owned("x-amz-meta-a".into()), &Cow::Owned("b".into()));
        let pairs: Vec<(String, String)> = headers
            .iter()
            .map(|(n, v)| (n.to_owned(), v.to_owned()))
            .collect();
        assert_eq!(
            pairs,
            [
                ("host", "example.com"),
                ("user-agent", "awsjson"),
                ("content-length", "12"),
                ("x-amz-meta-a", "b"),
            ]
            .map(|(n, v)| (n.to_owned(), v.to_owned()))
        );
        let map = headers
            .into_header_map(0, |name| name == "content-length")
            .unwrap();
        let sent: Vec<(&str, &[u8])> = map
            .iter()
            .map(|(n, v)| (n.as_str(), v.as_bytes()))
            .collect();
        assert_eq!(
            sent,
            [
                ("host", &b"example.com"[..]),
                ("user-agent", b"awsjson"),
                ("x-amz-meta-a", b"b"),
            ]
        );

        let mut bad_name = RequestHeaders::default();
        bad_name.push(Cow::Owned("bad name".into()), "v");
        let err = bad_name.into_header_map(0, |_| false).unwrap_err();
        assert!(
            err.contains("\"bad name\" is not a valid HTTP header name"),
            "{err}"
        );
        let mut bad_value = RequestHeaders::default();
        bad_value.push(Cow::Borrowed("x-token"), "secret\r\nvalue");
        let err = bad_value.into_header_map(0, |_| false).unwrap_err();
        assert!(err.contains("x-token") && !err.contains("secret"), "{err}");
    }
}
