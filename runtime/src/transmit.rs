//! One HTTP exchange on the wire: the response of a request handed to reqwest, read
//! whole within the bounds every exchange has (the time to the response's
//! headers, stalled-stream protection, the size cap). Operations (`Client::transmit`)
//! and the credential sources' calls (`credentials::Http`: STS, SSO, SSO OIDC, ECS,
//! instance metadata) both send through [`send`], each with its own [`Bounds`], so a
//! fix here is a fix to both.

use std::sync::atomic::{AtomicU16, Ordering};
use std::time::Duration;

use hyper_util::client::proxy::matcher::Matcher;
use reqwest::header::HeaderMap;

use crate::error::{TransportError, TransportErrorKind};
use crate::http::RawResponse;
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
    let response = sent.map_err(|e| {
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
        headers: response_headers(response.headers()),
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
    loop {
        let mut next = std::pin::pin!(response.chunk());
        // A chunk already read needs no deadline: working one out and arming a timer
        // for it cost about 600 instructions a call (BENCHMARKS.md).
        let ready = match monitor {
            Some(_) => poll_once(&mut next).await,
            None => None,
        };
        let read = match (&mut monitor, ready) {
            (_, Some(read)) => read,
            (None, None) => next.await,
            (Some(monitor), None) => {
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
        if let Some(monitor) = &mut monitor {
            monitor.record(chunk.len());
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

/// A response's headers as [`RawResponse`] holds them: lower-case names, values
/// decoded lossily.
pub(crate) fn response_headers(headers: &HeaderMap) -> Vec<(String, String)> {
    headers
        .iter()
        .map(|(n, v)| {
            (
                n.as_str().to_owned(),
                String::from_utf8_lossy(v.as_bytes()).into_owned(),
            )
        })
        .collect()
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
