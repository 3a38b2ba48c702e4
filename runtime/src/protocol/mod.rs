//! The protocol seam: how a call's input becomes request bytes and headers, and how a
//! response becomes its output or typed error.
//!
//! What differs per protocol lives in one file per protocol (`aws_json.rs` today; a
//! `rest_json.rs` would sit beside it); what the JSON protocols share sits beside them:
//! JSON bodies (`json_body.rs`, `json_struct.rs`), error codes (`error_code.rs`) and
//! error decoding (`decode.rs`). Nothing here knows the client: the client and
//! `call.rs` call in, never the reverse.

use std::convert::Infallible;

use crate::endpoint::Param as EndpointParam;
use crate::endpoint::discovery::EndpointDiscovery;
use crate::error::Error;
use crate::operation::Operation;
use aws_json::encode;

pub(crate) mod aws_json;
pub(crate) mod decode;
pub(crate) mod error_code;
pub(crate) mod json_body;
pub mod json_struct;

/// What one call sends besides the signed basics: made once per call, the same on
/// every attempt.
#[derive(Debug, Clone, Default)]
pub(crate) struct Prepared {
    /// The body as sent (compressed when the operation asks for it).
    pub(crate) body: Vec<u8>,
    /// Prepended to the endpoint's host (`endpoint` trait).
    pub(crate) host_prefix: Option<String>,
    /// Replaces the client's endpoint for this call (`#[aws(endpoint_url)]`).
    pub(crate) endpoint_url: Option<String>,
    /// Extra headers, signed with the rest.
    pub(crate) headers: Vec<(&'static str, String)>,
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

/// Encodes `op` and works out its per-call request details; a body of
/// `min_compression` bytes or more is gzipped when the operation asks for it.
pub(crate) fn prepare<O: Operation>(
    op: &O,
    min_compression: Option<usize>,
) -> Result<Prepared, Error<Infallible>> {
    let mut body = encode(op)?;
    let host_prefix = op.host_prefix().map_err(|e| {
        Error::Config(crate::error::ConfigError::new(format!(
            "the {} member `{}` is {:?}, which cannot be part of a host name (letters, digits and inner hyphens only)",
            O::TARGET,
            e.member,
            e.value
        )))
    })?;
    let mut headers = Vec::new();
    let compress = O::REQUEST_COMPRESSION && min_compression.is_some_and(|min| body.len() >= min);
    if let Some(compressed) = compress.then(|| gzip(&body)).flatten() {
        body = compressed;
        headers.push(("content-encoding", "gzip".to_owned()));
    }
    if O::QUERY_COMPATIBLE {
        headers.push(("x-amzn-query-mode", "true".to_owned()));
    }
    let mut endpoint_params = op.endpoint_params();
    if !O::ENDPOINT_PATHS.is_empty() {
        endpoint_params.extend(path_params::<O>(op)?);
    }
    Ok(Prepared {
        body,
        host_prefix,
        endpoint_url: op
            .endpoint_url()
            .filter(|u| !u.is_empty())
            .map(str::to_owned),
        headers,
        endpoint_params,
        endpoint_account_id: O::ENDPOINT_ACCOUNT_ID,
        discovery: O::ENDPOINT_DISCOVERY,
        input_stream: false,
    })
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
