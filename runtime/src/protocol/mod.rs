//! The protocol seam: how a call's input becomes request bytes and headers, and how a
//! response becomes its output or typed error.
//!
//! What differs per protocol lives in one file per protocol (`aws_json.rs`,
//! `rest_json.rs`, over the crate's `http_binding.rs` for restJson1's bound members),
//! each saying its own method, URI, headers and body; what the JSON protocols share
//! sits beside them: JSON bodies (`json_body.rs`, `json_struct.rs`), error codes
//! (`error_code.rs`) and decoding (`decode.rs`). Nothing here knows the client: the
//! client and `call.rs` call in, never the reverse.

use std::borrow::Cow;
use std::convert::Infallible;

use crate::endpoint::Param as EndpointParam;
use crate::endpoint::discovery::EndpointDiscovery;
use crate::error::Error;
use crate::operation::Operation;

pub(crate) mod aws_json;
pub(crate) mod decode;
pub(crate) mod error_code;
pub(crate) mod json_body;
pub mod json_struct;
pub mod rest_json;

/// What one call sends besides the signed basics: made once per call, the same on
/// every attempt.
#[derive(Debug)]
pub(crate) struct Prepared {
    /// The HTTP method: `POST` for awsJson.
    pub(crate) method: &'static str,
    /// restJson1: the operation's path and query, appended to the endpoint's path;
    /// empty for awsJson, which posts to the endpoint itself.
    pub(crate) uri: String,
    /// The body as sent (compressed when the operation asks for it).
    pub(crate) body: Vec<u8>,
    /// A streaming body, sent once instead of `body` (restJson1 `@streaming` payloads
    /// made from a stream).
    pub(crate) stream: Option<crate::ByteStream>,
    /// Whether a success's body is left unread for the output's streaming payload.
    pub(crate) stream_response: bool,
    /// The response is an event stream: its body is read at the reader's pace, with
    /// the stream's own timeout between events instead of stalled-stream protection.
    pub(crate) event_stream: bool,
    /// The call goes over the client's HTTP/2 connections (ALPN offers `h2`): streams
    /// AWS serves over HTTP/2 only (awsJson's, and every input stream).
    pub(crate) http2: bool,
    /// Prepended to the endpoint's host (`endpoint` trait).
    pub(crate) host_prefix: Option<String>,
    /// Replaces the client's endpoint for this call (`#[aws(endpoint_url)]`).
    pub(crate) endpoint_url: Option<String>,
    /// The protocol's headers (content type, `X-Amz-Target`, bound members) and the
    /// call's extras (compression, query mode), signed with the rest.
    pub(crate) headers: Vec<(Cow<'static, str>, Cow<'static, str>)>,
    /// The operation's endpoint-rule parameters (see [`Operation::endpoint_params`]).
    pub(crate) endpoint_params: Vec<(&'static str, EndpointParam)>,
    /// Whether the credentials' account id is an endpoint-rule parameter.
    pub(crate) endpoint_account_id: bool,
    /// The operation's endpoint discovery (see [`Operation::ENDPOINT_DISCOVERY`]).
    pub(crate) discovery: Option<EndpointDiscovery>,
    /// The body is an input event stream: signed with the streaming payload hash,
    /// sent as `application/vnd.amazon.eventstream`.
    pub(crate) input_stream: bool,
}

impl Default for Prepared {
    /// An awsJson `POST` with an empty body and no headers (for the client's own calls
    /// and tests, which add what they need).
    fn default() -> Self {
        Prepared {
            method: "POST",
            uri: String::new(),
            body: Vec::new(),
            stream: None,
            stream_response: false,
            event_stream: false,
            http2: false,
            host_prefix: None,
            endpoint_url: None,
            headers: Vec::new(),
            endpoint_params: Vec::new(),
            endpoint_account_id: false,
            discovery: None,
            input_stream: false,
        }
    }
}

/// Encodes `op` and works out its per-call request details; a body of
/// `min_compression` bytes or more is gzipped when the operation asks for it.
pub(crate) fn prepare<O: Operation>(
    op: &O,
    min_compression: Option<usize>,
) -> Result<Prepared, Error<Infallible>> {
    // Branches on constants (`if const`), so that rustc instantiates only the taken
    // one per operation: an awsJson operation compiles no restJson1 encoding, one
    // without endpoint paths no `to_value` of its input (issue 20). What needs no
    // `O` is `finish`'s, compiled once rather than per operation.
    let (method, uri, body, stream, headers) = if const { O::HTTP.is_none() } {
        (
            "POST",
            String::new(),
            aws_json::encode(op)?,
            None,
            aws_json::headers(O::SERVICE, O::TARGET),
        )
    } else {
        let (method, encoded) = rest_json_request(op)?;
        (
            method,
            encoded.uri,
            encoded.body,
            encoded.stream,
            encoded.headers,
        )
    };
    let host_prefix = if const { O::HAS_HOST_PREFIX } {
        match op.host_prefix() {
            Ok(prefix) => prefix,
            Err(e) => return Err(host_label_error(O::TARGET, &e)),
        }
    } else {
        None
    };
    let mut endpoint_params = if const { O::HAS_ENDPOINT_PARAMS } {
        op.endpoint_params()
    } else {
        Vec::new()
    };
    if const { !O::ENDPOINT_PATHS.is_empty() } {
        endpoint_params.extend(path_params::<O>(op)?);
    }
    let compress = O::REQUEST_COMPRESSION && min_compression.is_some_and(|min| body.len() >= min);
    Ok(finish(
        Prepared {
            method,
            uri,
            body,
            stream,
            stream_response: <O::Output as crate::operation::OutputShape>::STREAMING,
            event_stream: false,
            http2: false,
            host_prefix,
            endpoint_url: if const { O::HAS_ENDPOINT_URL } {
                op.endpoint_url().map(str::to_owned)
            } else {
                None
            },
            headers,
            endpoint_params,
            endpoint_account_id: O::ENDPOINT_ACCOUNT_ID,
            discovery: O::ENDPOINT_DISCOVERY,
            input_stream: false,
        },
        compress,
        O::QUERY_COMPATIBLE,
    ))
}

/// The part of [`prepare`] that does not depend on the operation: compression, the
/// query-mode header, an empty endpoint URL left out.
fn finish(mut prepared: Prepared, compress: bool, query_compatible: bool) -> Prepared {
    if let Some(compressed) = compress.then(|| gzip(&prepared.body)).flatten() {
        prepared.body = compressed;
        prepared
            .headers
            .push((Cow::Borrowed("content-encoding"), Cow::Borrowed("gzip")));
    }
    if query_compatible {
        prepared
            .headers
            .push((Cow::Borrowed("x-amzn-query-mode"), Cow::Borrowed("true")));
    }
    if prepared.endpoint_url.as_deref() == Some("") {
        prepared.endpoint_url = None;
    }
    prepared
}

/// The error for a host-prefix member that cannot be part of a host name.
fn host_label_error(
    target: &str,
    e: &crate::endpoint::host_prefix::HostLabelError,
) -> Error<Infallible> {
    Error::Config(crate::error::ConfigError::new(format!(
        "the {target} member `{}` is {:?}, which cannot be part of a host name (letters, digits and inner hyphens only)",
        e.member, e.value
    )))
}

/// The method and request of a restJson1 operation (`O::HTTP` is its route).
fn rest_json_request<O: Operation>(
    op: &O,
) -> Result<(&'static str, rest_json::Encoded), Error<Infallible>> {
    let Some(route) = O::HTTP else {
        return Err(Error::Config(crate::error::ConfigError::new(format!(
            "{} has no HTTP route",
            O::TARGET
        ))));
    };
    Ok((route.method, rest_json::encode_request(op, route)?))
}

/// The values of `O::ENDPOINT_PATHS` in `op`'s input: strings and lists of strings.
fn path_params<O: Operation>(
    op: &O,
) -> Result<Vec<(&'static str, EndpointParam)>, Error<Infallible>> {
    let config = |why: String| {
        Error::Config(crate::error::ConfigError::new(format!(
            "endpoint parameters of {}: {why}",
            O::TARGET
        )))
    };
    let input = serde_json::to_value(op).map_err(|e| config(e.to_string()))?;
    let mut params = Vec::with_capacity(O::ENDPOINT_PATHS.len());
    for (name, path) in O::ENDPOINT_PATHS {
        let value = match crate::endpoint::jmespath::search(path, &input).map_err(config)? {
            serde_json::Value::String(s) => EndpointParam::Str(s),
            serde_json::Value::Array(items) => EndpointParam::StrList(
                items
                    .into_iter()
                    .filter_map(|v| match v {
                        serde_json::Value::String(s) => Some(s),
                        _ => None,
                    })
                    .collect(),
            ),
            _ => continue,
        };
        params.push((*name, value));
    }
    Ok(params)
}

#[cfg(feature = "gzip")]
fn gzip(body: &[u8]) -> Option<Vec<u8>> {
    use std::io::Write as _;
    let mut encoder = flate2::write::GzEncoder::new(
        Vec::with_capacity(body.len() / 4),
        flate2::Compression::default(),
    );
    encoder.write_all(body).ok()?;
    encoder.finish().ok()
}

// Without the `gzip` feature bodies go uncompressed, which every service accepts:
// compression only saves bytes on the wire.
#[cfg(not(feature = "gzip"))]
fn gzip(_body: &[u8]) -> Option<Vec<u8>> {
    None
}
