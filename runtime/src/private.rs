//! What generated code calls. Not public API: names and signatures change freely.

use std::convert::Infallible;
use std::time::SystemTime;

pub use ::serde_core as serde;
pub use ::serde_json;

/// Every cataloged service's metadata, for awsjson's own conformance tests.
pub use awsjson_macros::__catalog_services;

use crate::error::{DecodeError, Error, ErrorMeta, ServiceError, UnmodeledError};
use crate::http::HttpRequest;
pub use crate::http::RawResponse;
use crate::{Client, DateTime, ServiceMeta, UnknownValue};

pub mod shape;

pub use crate::event_stream::stream::open_event_stream;
pub use crate::paginate::{PageItems, advance_token, page_size};
pub use crate::service::JsonVersion;

/// One declared operation: what `#[aws_json_operation]` implements.
///
/// Write generic code over operations with it (wrappers, test doubles); implement it
/// only through the macro.
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not an awsjson operation",
    note = "declare it with `#[aws_json_operation(target = \"Prefix.Operation\")]`"
)]
pub trait Operation: serde::Serialize + Sync {
    /// The decoded success response.
    type Output: OutputShape + Send;
    /// The operation's error type, with one variant per modeled error.
    type Error: OperationError + Send;
    /// `X-Amz-Target`.
    const TARGET: &'static str;
    /// The service's metadata.
    const SERVICE: &'static ServiceMeta;
    /// The wire name of the idempotency-token member, if the operation has one.
    const IDEMPOTENCY_TOKEN: Option<&'static str>;
    /// Whether the caller left the idempotency token unset.
    fn idempotency_token_missing(&self) -> bool;
    /// Whether the service is `@awsQueryCompatible`: requests say `x-amzn-query-mode`
    /// and error codes come from `x-amzn-query-error`.
    const QUERY_COMPATIBLE: bool = false;
    /// Whether the operation asks for gzip request compression (`@requestCompression`).
    const REQUEST_COMPRESSION: bool = false;
    /// The host prefix of the `endpoint` trait, labels filled from the input.
    fn host_prefix(&self) -> Result<Option<String>, HostLabelError> {
        Ok(None)
    }
    /// The URL this call goes to instead of the service endpoint, from an input member
    /// (`#[aws(endpoint_url)]`).
    fn endpoint_url(&self) -> Option<&str> {
        None
    }
    /// Whether the service's endpoint rules route by the credentials' account id
    /// (`AccountId`: DynamoDB, DynamoDB Streams, Kinesis).
    const ENDPOINT_ACCOUNT_ID: bool = false;
    /// The operation's endpoint-rule parameters: `staticContextParams` and the input
    /// members with `contextParam` (Kinesis' `StreamARN`, DynamoDB's `ResourceArn`).
    fn endpoint_params(&self) -> Vec<(&'static str, EndpointParam)> {
        Vec::new()
    }
    /// `operationContextParams`: endpoint-rule parameters as JMESPath over the input
    /// (DynamoDB's `ResourceArnList` from `keys(RequestItems)`), as `(name, path)`.
    const ENDPOINT_PATHS: &'static [(&'static str, &'static str)] = &[];
}

/// An input member as an endpoint-rule parameter: strings, booleans and their
/// `Option`s; unset gives none.
pub trait IntoEndpointParam {
    /// The parameter's value, if set.
    fn endpoint_param(&self) -> Option<EndpointParam>;
}

impl IntoEndpointParam for String {
    fn endpoint_param(&self) -> Option<EndpointParam> {
        Some(EndpointParam::Str(self.clone()))
    }
}

impl IntoEndpointParam for bool {
    fn endpoint_param(&self) -> Option<EndpointParam> {
        Some(EndpointParam::Bool(*self))
    }
}

impl<T: IntoEndpointParam> IntoEndpointParam for Option<T> {
    fn endpoint_param(&self) -> Option<EndpointParam> {
        self.as_ref().and_then(T::endpoint_param)
    }
}

/// A `hostLabel` member whose value cannot go into a host name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HostLabelError {
    /// The member's wire name.
    pub member: &'static str,
    /// The offending value.
    pub value: String,
}

/// Fills a host prefix template such as `foo.{label}.` with validated labels.
pub fn host_prefix(
    template: &str,
    labels: &[(&'static str, &str)],
) -> Result<String, HostLabelError> {
    let mut out = template.to_owned();
    for (member, value) in labels {
        // A label becomes part of a DNS name: RFC 1123 letters, digits and hyphens.
        let valid = !value.is_empty()
            && value.len() <= 63
            && value
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-')
            && !value.starts_with('-')
            && !value.ends_with('-');
        if !valid {
            return Err(HostLabelError {
                member,
                value: (*value).to_owned(),
            });
        }
        out = out.replace(&format!("{{{member}}}"), value);
    }
    Ok(out)
}

/// What one call sends besides the signed basics: made once per call, the same on
/// every attempt.
#[derive(Debug, Clone, Default)]
pub struct Prepared {
    /// The body as sent (compressed when the operation asks for it).
    pub body: Vec<u8>,
    /// Prepended to the endpoint's host (`endpoint` trait).
    pub host_prefix: Option<String>,
    /// Replaces the client's endpoint for this call (`#[aws(endpoint_url)]`).
    pub endpoint_url: Option<String>,
    /// Extra headers, signed with the rest.
    pub headers: Vec<(&'static str, String)>,
    /// The operation's endpoint-rule parameters (see [`Operation::endpoint_params`]).
    pub endpoint_params: Vec<(&'static str, EndpointParam)>,
    /// Whether the credentials' account id is an endpoint-rule parameter.
    pub endpoint_account_id: bool,
}

/// Encodes `op` and works out its per-call request details for `client`.
pub fn prepare<O: Operation>(client: &Client, op: &O) -> Result<Prepared, Error<Infallible>> {
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
    let compress = O::REQUEST_COMPRESSION
        && client
            .min_compression_bytes()
            .is_some_and(|min| body.len() >= min);
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
        let value = match crate::jmespath::search(path, &input).map_err(config)? {
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

/// A type a success response decodes into.
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be an operation's output",
    note = "declare it with `#[aws_json_shape]`"
)]
pub trait OutputShape: Sized {
    /// The catalog shape the type mirrors (`shape = "<service>#<Shape>"`), or `""`.
    const MODEL_SHAPE: &'static str = "";
    /// The wire names of its fields, each with the error to report when the model
    /// shape an operation expects lacks it.
    const MEMBERS: &'static [(&'static str, &'static str)] = &[];
    /// The wire names of its fields marked `#[aws(sensitive)]` (or filled from the
    /// catalog), which its `Debug` redacts.
    const REDACTED: &'static [&'static str] = &[];

    /// Decodes a success body; an empty body reads as `{}`.
    fn decode(body: &[u8]) -> Result<Self, serde_json::Error>;
}

/// How a type an operation names (its output or an error, declared in another macro
/// invocation) misfits the model shape it stands for, if it does.
#[derive(Debug, Clone, Copy)]
pub enum Misfit {
    /// It mirrors another model shape (`shape = ...`): the error to report.
    OtherShape(&'static str),
    /// A field is no member of the model shape: the error naming that field.
    Field(&'static str),
}

/// Compile-time check that `T` fits model shape `shape` with `members`. The expansion
/// evaluates it in a `const` and reports the misfit there, at the type the operation
/// names, with the model's members.
pub const fn mirror_misfit<T: OutputShape>(
    shape: &str,
    members: &[&str],
    other_shape: &'static str,
) -> Option<Misfit> {
    if !T::MODEL_SHAPE.is_empty() {
        if !const_str_eq(T::MODEL_SHAPE, shape) {
            return Some(Misfit::OtherShape(other_shape));
        }
        return None;
    }
    let mut i = 0;
    while i < T::MEMBERS.len() {
        let (wire, message) = T::MEMBERS[i];
        let mut j = 0;
        while j < members.len() && !const_str_eq(wire, members[j]) {
            j += 1;
        }
        if j == members.len() {
            return Some(Misfit::Field(message));
        }
        i += 1;
    }
    None
}

/// [`mirror_misfit`] of `O`'s output: bound through `Operation` only, so an output
/// type that is no shape is reported once, at the `Operation` impl.
pub const fn output_misfit<O: Operation>(
    shape: &str,
    members: &[&str],
    other_shape: &'static str,
) -> Option<Misfit> {
    mirror_misfit::<O::Output>(shape, members, other_shape)
}

/// `a` then `b` in a buffer of `N` bytes (cut at a character boundary when longer),
/// and the length used: a message for a `const` panic, which takes one `&str`.
pub const fn concat_message<const N: usize>(a: &str, b: &str) -> ([u8; N], usize) {
    let mut buf = [0u8; N];
    let mut len = 0;
    // The first byte that did not fit, if any.
    let mut cut = None;
    let mut part = 0;
    while part < 2 {
        let bytes = if part == 0 {
            a.as_bytes()
        } else {
            b.as_bytes()
        };
        let mut i = 0;
        while i < bytes.len() {
            if len == N {
                if cut.is_none() {
                    cut = Some(bytes[i]);
                }
                break;
            }
            buf[len] = bytes[i];
            len += 1;
            i += 1;
        }
        part += 1;
    }
    // A cut inside a character drops the character's first bytes too.
    if matches!(cut, Some(next) if next & 0b1100_0000 == 0b1000_0000) {
        while len > 0 && buf[len - 1] & 0b1100_0000 == 0b1000_0000 {
            len -= 1;
        }
        len = len.saturating_sub(1);
    }
    (buf, len)
}

/// Compile-time check that `T` redacts each of the model's `sensitive` members it has
/// a field for: `(wire name, error)` pairs; the error of the first it does not. A type
/// that names its model shape (`shape = ...`) took the flags from the catalog itself.
pub const fn unredacted<T: OutputShape>(
    sensitive: &[(&str, &'static str)],
) -> Option<&'static str> {
    if !T::MODEL_SHAPE.is_empty() {
        return None;
    }
    let mut i = 0;
    while i < sensitive.len() {
        let (wire, message) = sensitive[i];
        if contains(T::MEMBERS, wire) && !contains_str(T::REDACTED, wire) {
            return Some(message);
        }
        i += 1;
    }
    None
}

/// [`unredacted`] of `O`'s output, bound through `Operation` only (see
/// [`output_misfit`]).
pub const fn output_unredacted<O: Operation>(
    sensitive: &[(&str, &'static str)],
) -> Option<&'static str> {
    unredacted::<O::Output>(sensitive)
}

const fn contains(members: &[(&str, &str)], wire: &str) -> bool {
    let mut i = 0;
    while i < members.len() {
        if const_str_eq(members[i].0, wire) {
            return true;
        }
        i += 1;
    }
    false
}

const fn contains_str(names: &[&str], wire: &str) -> bool {
    let mut i = 0;
    while i < names.len() {
        if const_str_eq(names[i], wire) {
            return true;
        }
        i += 1;
    }
    false
}

const fn const_str_eq(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() != b.len() {
        return false;
    }
    let mut i = 0;
    while i < a.len() {
        if a[i] != b[i] {
            return false;
        }
        i += 1;
    }
    true
}

impl OutputShape for () {
    fn decode(body: &[u8]) -> Result<Self, serde_json::Error> {
        if body.iter().all(u8::is_ascii_whitespace) {
            return Ok(());
        }
        // Insist on an object, so that an answer in another protocol (XML, HTML) is not
        // taken for success.
        serde_json::from_slice::<serde::de::IgnoredAny>(body)?;
        match body.iter().find(|b| !b.is_ascii_whitespace()) {
            Some(b'{') => Ok(()),
            _ => Err(serde::de::Error::custom("expected a JSON object")),
        }
    }
}

/// Decodes a structure shape from a body, reading an empty body as `{}`.
pub fn decode_struct<T: serde::de::DeserializeOwned>(body: &[u8]) -> Result<T, serde_json::Error> {
    if body.iter().all(u8::is_ascii_whitespace) {
        serde_json::from_slice(b"{}")
    } else {
        serde_json::from_slice(body)
    }
}

/// The generated per-operation error enum.
pub trait OperationError: Sized {
    /// Decodes a modeled error by code; `None` when the code is not modeled.
    fn modeled(code: &str, body: &[u8]) -> Option<Result<Self, serde_json::Error>>;
    /// Wraps an error code the operation does not model.
    fn unmodeled(error: UnmodeledError) -> Self;
}

/// Sends `op`: fills its idempotency token and encodes it once, then lets the client's
/// non-generic attempt loop sign, send and retry, and decodes the last response.
pub async fn send<O: Operation>(client: &Client, op: &O) -> Result<O::Output, Error<O::Error>> {
    let prepared = prepare(client, op).map_err(Error::cast)?;
    let (response, attempts) = client
        .execute(O::SERVICE, O::TARGET, prepared)
        .await
        .map_err(Error::cast)?;
    decode_answer::<O>(&response, attempts)
}

/// The signed request `send` would send now, without sending it.
pub async fn request<O: Operation>(
    client: &Client,
    op: &O,
    time: SystemTime,
) -> Result<HttpRequest, Error<Infallible>> {
    let prepared = prepare(client, op)?;
    client
        .signed_request(O::SERVICE, O::TARGET, &prepared, time)
        .await
}

/// The JSON body of `op`, with a fresh idempotency token when the caller left it unset.
///
/// The body is built once per call, so every retry carries the same bytes and token.
pub fn encode<O: Operation>(op: &O) -> Result<Vec<u8>, Error<Infallible>> {
    let mut body = serde_json::to_vec(op).map_err(|e| {
        Error::Config(crate::error::ConfigError::new(format!(
            "could not encode the {} request: {e}",
            O::TARGET
        )))
    })?;
    if let Some(member) = O::IDEMPOTENCY_TOKEN.filter(|_| op.idempotency_token_missing()) {
        insert_token(&mut body, member, crate::uuid::Uuid::new_v4().as_str());
    }
    Ok(body)
}

/// Adds `"member":"token"` as the first member of the encoded object `body`.
fn insert_token(body: &mut Vec<u8>, member: &str, token: &str) {
    // Serialization of a struct always yields `{...}`; member order is free in JSON.
    let mut entry = serde_json::to_vec(member).unwrap_or_default();
    entry.push(b':');
    entry.extend_from_slice(&serde_json::to_vec(token).unwrap_or_default());
    if body.len() > 2 {
        entry.push(b',');
    }
    body.splice(1..1, entry);
}

/// Decodes a response into the operation's output or typed error.
pub fn decode_response<O: Operation>(response: &RawResponse) -> Result<O::Output, Error<O::Error>> {
    decode_answer::<O>(response, 1)
}

/// [`decode_response`] for the last response of a call that made `attempts` attempts.
fn decode_answer<O: Operation>(
    response: &RawResponse,
    attempts: u32,
) -> Result<O::Output, Error<O::Error>> {
    if response.is_success() {
        return O::Output::decode(&response.body).map_err(|e| {
            Error::Decode(DecodeError::from_response(
                "the success response does not match the output shape",
                response,
                Some(e),
            ))
        });
    }
    let mut meta = error_meta(response).map_err(Error::Decode)?;
    let body = single_message(&response.body);
    let modeled = O::Error::modeled(&meta.code, &body);
    if O::QUERY_COMPATIBLE {
        query_error(response, &mut meta);
    }
    let error = match modeled {
        Some(Ok(error)) => error,
        Some(Err(e)) => {
            return Err(Error::Decode(DecodeError::from_response(
                format!("the {} error response does not match its shape", meta.code),
                response,
                Some(e),
            )));
        }
        None => O::Error::unmodeled(UnmodeledError::new(meta.clone())),
    };
    Err(Error::Service(
        ServiceError::new(error, meta).with_attempts(attempts),
    ))
}

/// An error body with at most one of `message`, `Message` and `errorMessage`.
///
/// Error shapes read each spelling into their one `message` member (aliases),
/// and serde rejects a member given twice, which SQS (query-compatible) and SSM do:
/// `{"__type": "...", "message": "m", "Message": "m"}`.
fn single_message(body: &[u8]) -> std::borrow::Cow<'_, [u8]> {
    const SPELLINGS: [&str; 3] = ["message", "Message", "errorMessage"];
    let Ok(mut map) = serde_json::from_slice::<serde_json::Map<String, serde_json::Value>>(body)
    else {
        return body.into();
    };
    if SPELLINGS.iter().filter(|k| map.contains_key(**k)).count() < 2 {
        return body.into();
    }
    let keep = SPELLINGS
        .iter()
        .find(|k| map.contains_key(**k))
        .copied()
        .unwrap_or("message");
    map.retain(|k, _| k == keep || !SPELLINGS.contains(&k.as_str()));
    serde_json::to_vec(&map).map_or(body.into(), Into::into)
}

/// Reads code, message and request id of an error response.
pub fn error_meta(response: &RawResponse) -> Result<ErrorMeta, DecodeError> {
    let request_id = response.request_id().map(str::to_owned);
    let header_code = response.header("x-amzn-errortype").map(sanitize_code);
    let body = &response.body;
    let trimmed = body.trim_ascii_start();
    let (body_code, message) = if trimmed.is_empty() {
        (None, None)
    } else if trimmed.starts_with(b"<") {
        // A query-protocol XML error (AWS's front door rejecting a signature answers so,
        // even for JSON services) or an HTML page from a proxy.
        let text = String::from_utf8_lossy(body);
        (xml_element(&text, "Code"), xml_element(&text, "Message"))
    } else {
        match serde_json::from_slice::<serde_json::Map<String, serde_json::Value>>(body) {
            Ok(map) => {
                let text = |key: &str| map.get(key).and_then(|v| v.as_str()).map(str::to_owned);
                let code = text("code")
                    .or_else(|| text("__type"))
                    .map(|c| sanitize_code(&c));
                let message = text("message")
                    .or_else(|| text("Message"))
                    .or_else(|| text("errorMessage"));
                (code, message)
            }
            Err(e) if header_code.is_none() => {
                return Err(DecodeError::from_response(
                    "the error response is not JSON",
                    response,
                    Some(e),
                ));
            }
            Err(_) => (None, None),
        }
    };
    match header_code.or(body_code) {
        Some(code) if !code.is_empty() => Ok(ErrorMeta {
            code,
            message,
            request_id,
            status: response.status,
            fault: None,
        }),
        _ => Err(DecodeError::from_response(
            "the error response names no error code",
            response,
            None,
        )),
    }
}

/// For `@awsQueryCompatible` services: `x-amzn-query-error: Code;Fault` gives the
/// code the service's query protocol used, which callers match on.
fn query_error(response: &RawResponse, meta: &mut ErrorMeta) {
    let Some((code, fault)) = response
        .header("x-amzn-query-error")
        .and_then(|v| v.split_once(';'))
    else {
        return;
    };
    let (code, fault) = (code.trim(), fault.trim());
    if !code.is_empty() {
        meta.code = code.to_owned();
    }
    if !fault.is_empty() {
        meta.fault = Some(fault.to_owned());
    }
}

/// `aws.protocoltests#FooError:http://…` → `FooError`.
fn sanitize_code(raw: &str) -> String {
    let code = raw.split(':').next().unwrap_or(raw);
    code.rsplit('#').next().unwrap_or(code).trim().to_owned()
}

fn xml_element(text: &str, name: &str) -> Option<String> {
    let open = format!("<{name}>");
    let start = text.find(&open)? + open.len();
    let end = start + text[start..].find(&format!("</{name}>"))?;
    let value = text[start..end]
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&amp;", "&");
    Some(value.trim().to_owned())
}

/// Builds the unknown variant's payload (generated enum code).
pub fn unknown_value(value: &str) -> UnknownValue {
    UnknownValue(value.to_owned())
}

/// Serde adapters for timestamp members in a non-default format.
pub mod timestamp {
    use super::*;

    /// A type that holds timestamps: `DateTime` itself and containers of it.
    pub trait Timestamps: Sized {
        /// Writes in `format`.
        fn write<S: serde::Serializer>(&self, format: Format, s: S) -> Result<S::Ok, S::Error>;
        /// Reads in `format`.
        fn read<'de, D: serde::Deserializer<'de>>(format: Format, d: D) -> Result<Self, D::Error>;
    }

    /// A timestamp wire format.
    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    pub enum Format {
        /// Epoch seconds, a JSON number.
        EpochSeconds,
        /// ISO 8601 string.
        DateTime,
        /// IMF-fixdate string.
        HttpDate,
    }

    struct Formatted<'a, T>(&'a T, Format);

    impl<T: Timestamps> serde::Serialize for Formatted<'_, T> {
        fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            self.0.write(self.1, s)
        }
    }

    struct Read<T>(T);

    struct Seed<T>(Format, std::marker::PhantomData<T>);

    impl<'de, T: Timestamps> serde::de::DeserializeSeed<'de> for Seed<T> {
        type Value = Read<T>;
        fn deserialize<D: serde::Deserializer<'de>>(self, d: D) -> Result<Read<T>, D::Error> {
            T::read(self.0, d).map(Read)
        }
    }

    impl Timestamps for DateTime {
        fn write<S: serde::Serializer>(&self, format: Format, s: S) -> Result<S::Ok, S::Error> {
            match format {
                Format::EpochSeconds => serde::Serialize::serialize(self, s),
                Format::DateTime => s.serialize_str(&self.to_date_time()),
                Format::HttpDate => s.serialize_str(&self.to_http_date()),
            }
        }

        fn read<'de, D: serde::Deserializer<'de>>(format: Format, d: D) -> Result<Self, D::Error> {
            match format {
                Format::EpochSeconds => <DateTime as serde::Deserialize>::deserialize(d),
                Format::DateTime => {
                    let text = <std::borrow::Cow<'de, str>>::deserialize(d)?;
                    DateTime::parse_date_time(&text).map_err(serde::de::Error::custom)
                }
                Format::HttpDate => {
                    let text = <std::borrow::Cow<'de, str>>::deserialize(d)?;
                    DateTime::parse_http_date(&text).map_err(serde::de::Error::custom)
                }
            }
        }
    }

    use serde::Deserialize as _;

    impl<T: Timestamps> Timestamps for Option<T> {
        fn write<S: serde::Serializer>(&self, format: Format, s: S) -> Result<S::Ok, S::Error> {
            match self {
                Some(v) => s.serialize_some(&Formatted(v, format)),
                None => s.serialize_none(),
            }
        }

        fn read<'de, D: serde::Deserializer<'de>>(format: Format, d: D) -> Result<Self, D::Error> {
            struct V<T>(Format, std::marker::PhantomData<T>);
            impl<'de, T: Timestamps> serde::de::Visitor<'de> for V<T> {
                type Value = Option<T>;
                fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                    f.write_str("a timestamp or null")
                }
                fn visit_none<E: serde::de::Error>(self) -> Result<Self::Value, E> {
                    Ok(None)
                }
                fn visit_unit<E: serde::de::Error>(self) -> Result<Self::Value, E> {
                    Ok(None)
                }
                fn visit_some<D: serde::Deserializer<'de>>(
                    self,
                    d: D,
                ) -> Result<Self::Value, D::Error> {
                    T::read(self.0, d).map(Some)
                }
            }
            d.deserialize_option(V(format, std::marker::PhantomData))
        }
    }

    impl<T: Timestamps> Timestamps for Vec<T> {
        fn write<S: serde::Serializer>(&self, format: Format, s: S) -> Result<S::Ok, S::Error> {
            s.collect_seq(self.iter().map(|v| Formatted(v, format)))
        }

        fn read<'de, D: serde::Deserializer<'de>>(format: Format, d: D) -> Result<Self, D::Error> {
            struct V<T>(Format, std::marker::PhantomData<T>);
            impl<'de, T: Timestamps> serde::de::Visitor<'de> for V<T> {
                type Value = Vec<T>;
                fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                    f.write_str("a list of timestamps")
                }
                fn visit_seq<A: serde::de::SeqAccess<'de>>(
                    self,
                    mut seq: A,
                ) -> Result<Self::Value, A::Error> {
                    let mut out = Vec::new();
                    while let Some(Read(v)) =
                        seq.next_element_seed(Seed::<T>(self.0, std::marker::PhantomData))?
                    {
                        out.push(v);
                    }
                    Ok(out)
                }
            }
            d.deserialize_seq(V(format, std::marker::PhantomData))
        }
    }

    impl<T: Timestamps> Timestamps for std::collections::HashMap<String, T> {
        fn write<S: serde::Serializer>(&self, format: Format, s: S) -> Result<S::Ok, S::Error> {
            s.collect_map(self.iter().map(|(k, v)| (k, Formatted(v, format))))
        }

        fn read<'de, D: serde::Deserializer<'de>>(format: Format, d: D) -> Result<Self, D::Error> {
            struct V<T>(Format, std::marker::PhantomData<T>);
            impl<'de, T: Timestamps> serde::de::Visitor<'de> for V<T> {
                type Value = std::collections::HashMap<String, T>;
                fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                    f.write_str("a map of timestamps")
                }
                fn visit_map<A: serde::de::MapAccess<'de>>(
                    self,
                    mut map: A,
                ) -> Result<Self::Value, A::Error> {
                    let mut out = std::collections::HashMap::new();
                    while let Some(k) = map.next_key::<String>()? {
                        let Read(v) =
                            map.next_value_seed(Seed::<T>(self.0, std::marker::PhantomData))?;
                        out.insert(k, v);
                    }
                    Ok(out)
                }
            }
            d.deserialize_map(V(format, std::marker::PhantomData))
        }
    }

    macro_rules! format_module {
        ($name:ident, $format:expr) => {
            /// `#[serde(with = ...)]` module of one timestamp format.
            pub mod $name {
                use super::*;

                /// Writes the member.
                pub fn serialize<T: Timestamps, S: serde::Serializer>(
                    v: &T,
                    s: S,
                ) -> Result<S::Ok, S::Error> {
                    v.write($format, s)
                }

                /// Reads the member.
                pub fn deserialize<'de, T: Timestamps, D: serde::Deserializer<'de>>(
                    d: D,
                ) -> Result<T, D::Error> {
                    T::read($format, d)
                }
            }
        };
    }

    format_module!(epoch_seconds, Format::EpochSeconds);
    format_module!(date_time, Format::DateTime);
    format_module!(http_date, Format::HttpDate);
}

/// Serde adapter for float members: `NaN`, `Infinity` and `-Infinity` are JSON strings.
pub mod float {
    use std::collections::HashMap;

    /// A type that holds floats: `f32`, `f64` and containers of them.
    pub trait Floats: Sized {
        /// Writes, non-finite values as strings.
        fn write<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error>;
        /// Reads a number or one of the three strings.
        fn read<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error>;
    }

    /// Writes one `f64` as the awsJson protocols do.
    pub fn write<S: serde::Serializer>(v: f64, s: S) -> Result<S::Ok, S::Error> {
        if v.is_nan() {
            s.serialize_str("NaN")
        } else if v.is_infinite() {
            s.serialize_str(if v > 0.0 { "Infinity" } else { "-Infinity" })
        } else {
            s.serialize_f64(v)
        }
    }

    struct F64Visitor;

    impl serde::de::Visitor<'_> for F64Visitor {
        type Value = f64;
        fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            f.write_str("a number, \"NaN\", \"Infinity\" or \"-Infinity\"")
        }
        fn visit_f64<E: serde::de::Error>(self, v: f64) -> Result<f64, E> {
            Ok(v)
        }
        fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<f64, E> {
            Ok(v as f64)
        }
        fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<f64, E> {
            Ok(v as f64)
        }
        fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<f64, E> {
            match v {
                "NaN" => Ok(f64::NAN),
                "Infinity" => Ok(f64::INFINITY),
                "-Infinity" => Ok(f64::NEG_INFINITY),
                other => Err(E::invalid_value(serde::de::Unexpected::Str(other), &self)),
            }
        }
    }

    impl Floats for f64 {
        fn write<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            write(*self, s)
        }
        fn read<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
            d.deserialize_any(F64Visitor)
        }
    }

    impl Floats for f32 {
        fn write<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            if self.is_finite() {
                s.serialize_f32(*self)
            } else {
                write(f64::from(*self), s)
            }
        }
        fn read<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
            d.deserialize_any(F64Visitor).map(|v| v as f32)
        }
    }

    struct Formatted<'a, T>(&'a T);

    impl<T: Floats> serde::Serialize for Formatted<'_, T> {
        fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            self.0.write(s)
        }
    }

    struct Read<T>(T);

    impl<'de, T: Floats> serde::Deserialize<'de> for Read<T> {
        fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
            T::read(d).map(Read)
        }
    }

    impl<T: Floats> Floats for Option<T> {
        fn write<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            match self {
                Some(v) => s.serialize_some(&Formatted(v)),
                None => s.serialize_none(),
            }
        }
        fn read<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
            let v: Option<Read<T>> = serde::Deserialize::deserialize(d)?;
            Ok(v.map(|Read(v)| v))
        }
    }

    impl<T: Floats> Floats for Vec<T> {
        fn write<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            s.collect_seq(self.iter().map(Formatted))
        }
        fn read<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
            let v: Vec<Read<T>> = serde::Deserialize::deserialize(d)?;
            Ok(v.into_iter().map(|Read(v)| v).collect())
        }
    }

    impl<K, T> Floats for HashMap<K, T>
    where
        K: serde::Serialize + serde::de::DeserializeOwned + Eq + std::hash::Hash,
        T: Floats,
    {
        fn write<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            s.collect_map(self.iter().map(|(k, v)| (k, Formatted(v))))
        }
        fn read<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
            let v: HashMap<K, Read<T>> = serde::Deserialize::deserialize(d)?;
            Ok(v.into_iter().map(|(k, Read(v))| (k, v)).collect())
        }
    }

    /// Writes the member (`#[serde(serialize_with)]`).
    pub fn serialize<T: Floats, S: serde::Serializer>(v: &T, s: S) -> Result<S::Ok, S::Error> {
        v.write(s)
    }

    /// Reads the member (`#[serde(deserialize_with)]`).
    pub fn deserialize<'de, T: Floats, D: serde::Deserializer<'de>>(d: D) -> Result<T, D::Error> {
        T::read(d)
    }
}

/// Empty list literal `[]` of `#[aws(default = [])]`.
#[derive(Debug, Clone, Copy)]
pub struct EmptyList;

/// Empty map literal `{}` of `#[aws(default = {})]`.
#[derive(Debug, Clone, Copy)]
pub struct EmptyMap;

/// A member type whose default can be written as the literal `L`.
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot take a default written as `{L}`",
    note = "strings, enums and documents take \"...\", numbers, int enums and timestamps take numbers, blobs take b\"...\", lists take [] and maps take {{}}"
)]
pub trait DefaultFrom<L> {
    /// The value the literal stands for.
    fn default_from(literal: L) -> Self;
}

/// The default value of a member, from the literal of `#[aws(default = ...)]`.
pub fn default_value<T: DefaultFrom<L>, L>(literal: L) -> T {
    T::default_from(literal)
}

macro_rules! default_from {
    ($($ty:ty: $lit:ty => |$v:ident| $e:expr;)*) => {
        $(impl DefaultFrom<$lit> for $ty {
            fn default_from($v: $lit) -> Self {
                $e
            }
        })*
    };
}

default_from! {
    String: &'static str => |v| v.to_owned();
    bool: bool => |v| v;
    i8: i64 => |v| v as i8;
    i16: i64 => |v| v as i16;
    i32: i64 => |v| v as i32;
    i64: i64 => |v| v;
    u8: i64 => |v| v as u8;
    u16: i64 => |v| v as u16;
    u32: i64 => |v| v as u32;
    u64: i64 => |v| v as u64;
    f32: f64 => |v| v as f32;
    f64: f64 => |v| v;
    f32: i64 => |v| v as f32;
    f64: i64 => |v| v as f64;
    DateTime: i64 => |v| DateTime::from_secs(v);
    DateTime: f64 => |v| DateTime::from_fractional_secs(v).unwrap_or(DateTime::from_secs(0));
    crate::Blob: &'static [u8] => |v| crate::Blob::new(v);
    crate::Blob: &'static str => |v| crate::Blob::from(v);
    crate::Document: &'static str => |v| crate::Document::from(v);
    crate::Document: bool => |v| crate::Document::Bool(v);
    crate::Document: i64 => |v| crate::Document::from(v);
    crate::Document: f64 => |v| crate::Document::from(v);
    crate::Document: EmptyList => |_v| crate::Document::Array(Vec::new());
    crate::Document: EmptyMap => |_v| crate::Document::Object(Default::default());
}

impl<T> DefaultFrom<EmptyList> for Vec<T> {
    fn default_from(_: EmptyList) -> Self {
        Vec::new()
    }
}

impl<K, V, S: Default> DefaultFrom<EmptyMap> for std::collections::HashMap<K, V, S> {
    fn default_from(_: EmptyMap) -> Self {
        Self::default()
    }
}

impl<K, V> DefaultFrom<EmptyMap> for std::collections::BTreeMap<K, V> {
    fn default_from(_: EmptyMap) -> Self {
        Self::new()
    }
}

/// Helpers of generated union code.
pub mod union {
    /// The error of serializing a union's `Unknown` variant.
    pub fn unknown_member<E: serde::ser::Error>(union: &str, member: &str) -> E {
        E::custom(format_args!(
            "cannot send `{union}::Unknown` (member `{member}` came from the service and is not declared)"
        ))
    }
}

impl serde::Serialize for DateTime {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        if self.subsec_nanos() == 0 {
            s.serialize_i64(self.secs())
        } else {
            s.serialize_f64(self.as_secs_f64())
        }
    }
}

impl<'de> serde::Deserialize<'de> for DateTime {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl serde::de::Visitor<'_> for V {
            type Value = DateTime;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("epoch seconds")
            }
            fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<DateTime, E> {
                Ok(DateTime::from_secs(v))
            }
            fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<DateTime, E> {
                i64::try_from(v)
                    .map(DateTime::from_secs)
                    .map_err(|_| E::custom("epoch seconds out of range"))
            }
            fn visit_f64<E: serde::de::Error>(self, v: f64) -> Result<DateTime, E> {
                DateTime::from_fractional_secs(v)
                    .ok_or_else(|| E::custom("epoch seconds out of range"))
            }
        }
        d.deserialize_any(V)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_const_message_is_cut_at_a_character_boundary() {
        let text = |(buf, len): ([u8; 6], usize)| String::from_utf8(buf[..len].to_vec()).unwrap();
        assert_eq!(text(concat_message("ab", "cd")), "abcd");
        assert_eq!(text(concat_message("abcd", "efgh")), "abcdef");
        // `é` is two bytes: the sixth byte would split it.
        assert_eq!(text(concat_message("abcd", "xé")), "abcdx");
        assert_eq!(text(concat_message("abcdé", "")), "abcdé");
    }

    #[test]
    fn token_goes_first_in_any_object() {
        let mut body = b"{}".to_vec();
        insert_token(&mut body, "ClientToken", "t-1");
        assert_eq!(body, br#"{"ClientToken":"t-1"}"#);
        let mut body = br#"{"A":1}"#.to_vec();
        insert_token(&mut body, "ClientToken", "t-2");
        assert_eq!(body, br#"{"ClientToken":"t-2","A":1}"#);
    }

    #[test]
    fn error_bodies_keep_one_message_spelling() {
        let body = br#"{"__type":"ParameterAlreadyExists","message":"m1","Message":"m2"}"#;
        let map: serde_json::Map<String, serde_json::Value> =
            serde_json::from_slice(&single_message(body)).unwrap();
        assert_eq!(map.len(), 2);
        assert_eq!(map["message"], "m1");
        let body = br#"{"Message":"only"}"#;
        assert_eq!(&*single_message(body), body);
        assert_eq!(&*single_message(b"not json"), b"not json");
    }

    #[test]
    fn codes_are_sanitized() {
        assert_eq!(
            sanitize_code(
                "aws.protocoltests.restjson#FooError:http://internal.amazon.com/coral/com.amazon.coral.validate/"
            ),
            "FooError"
        );
        assert_eq!(sanitize_code("FooError"), "FooError");
        assert_eq!(
            sanitize_code("com.amazonaws.dynamodb.v20120810#ResourceNotFoundException"),
            "ResourceNotFoundException"
        );
    }

    fn response(status: u16, headers: &[(&str, &str)], body: &str) -> RawResponse {
        RawResponse {
            status,
            headers: headers
                .iter()
                .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
                .collect(),
            body: body.as_bytes().to_vec(),
        }
    }

    #[test]
    fn error_meta_from_header_body_and_xml() {
        let meta = error_meta(&response(
            400,
            &[("X-Amzn-ErrorType", "Foo:bar"), ("x-amzn-RequestId", "r1")],
            "",
        ))
        .unwrap();
        assert_eq!(
            (meta.code.as_str(), meta.request_id.as_deref()),
            ("Foo", Some("r1"))
        );
        let meta = error_meta(&response(400, &[], r#"{"__type":"ns#Bar","Message":"m"}"#)).unwrap();
        assert_eq!(
            (meta.code.as_str(), meta.message.as_deref()),
            ("Bar", Some("m"))
        );
        let meta = error_meta(&response(400, &[], r#"{"code":"Baz","errorMessage":"e"}"#)).unwrap();
        assert_eq!(
            (meta.code.as_str(), meta.message.as_deref()),
            ("Baz", Some("e"))
        );
        let xml = "<ErrorResponse><Error><Code>SignatureDoesNotMatch</Code><Message>a &amp; b</Message></Error></ErrorResponse>";
        let meta = error_meta(&response(403, &[], xml)).unwrap();
        assert_eq!(
            (meta.code.as_str(), meta.message.as_deref()),
            ("SignatureDoesNotMatch", Some("a & b"))
        );
        let err = error_meta(&response(
            502,
            &[("content-type", "text/html")],
            "<html>Bad Gateway</html>",
        ))
        .unwrap_err();
        assert!(
            err.to_string().contains("502") && err.to_string().contains("Bad Gateway"),
            "{err}"
        );
        assert!(error_meta(&response(500, &[], "")).is_err());
        assert!(error_meta(&response(400, &[], r#"{"__type":"Trunc"#)).is_err());
    }
}

/// An endpoint as the client resolves it, for awsjson's own conformance tests: the URL,
/// and the signing region and name when the endpoint asks for others than the
/// client's region and the service's signing name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EndpointView {
    /// The URL requests go to.
    pub url: String,
    /// The region to sign for, when not the client's.
    pub signing_region: Option<String>,
    /// The signing name, when not the service's.
    pub signing_name: Option<String>,
}

/// The endpoint-rule parameters a client knows, in the rule sets' names.
#[derive(Debug, Clone, Default)]
pub struct EndpointParams {
    /// `Region`; `None` when the client has none.
    pub region: Option<String>,
    /// `UseFIPS`.
    pub use_fips: bool,
    /// `UseDualStack`.
    pub use_dual_stack: bool,
    /// `Endpoint`: a URL configured in code, the environment or the profile.
    pub endpoint: Option<String>,
    /// `AccountIdEndpointMode`, as the client's configuration gives it.
    pub account_id_endpoint_mode: Option<String>,
    /// The parameters of the call: the credentials' `AccountId`, the operation's
    /// context parameters.
    pub context: Vec<(String, EndpointParam)>,
}

pub use crate::endpoint_rules::Param as EndpointParam;

/// Resolves `service`'s endpoint for `params` with the resolver `send` uses.
pub fn resolve_endpoint(
    service: &ServiceMeta,
    params: &EndpointParams,
) -> Result<EndpointView, String> {
    let config = crate::endpoint::EndpointConfig {
        code_url: params.endpoint.clone(),
        variant: crate::endpoint::Variant {
            fips: params.use_fips,
            dual_stack: params.use_dual_stack,
        },
        account_id_endpoint_mode: params.account_id_endpoint_mode.clone(),
        ..Default::default()
    };
    let context: Vec<(&str, EndpointParam)> = params
        .context
        .iter()
        .map(|(name, value)| (name.as_str(), value.clone()))
        .collect();
    let resolved =
        config.resolve_with(service, params.region.as_deref().unwrap_or(""), &context)?;
    Ok(EndpointView {
        url: resolved.url,
        signing_region: resolved.signing_region,
        signing_name: resolved.signing_name,
    })
}
