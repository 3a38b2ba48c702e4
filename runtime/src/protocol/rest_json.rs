//! restJson1: the operation is the HTTP method and URI; members go to URI labels, the
//! query string, headers, the JSON body or the whole payload, as their bindings say;
//! a response's headers, status and payload fill the output's members bound to them.
//!
//! The expansion writes, per operation, a [`Route`] and an `http_bindings` that hands
//! each bound member to a [`Request`]; per output or error shape, a `decode_http` that
//! reads its bound members from a [`Response`]. The rules of each location (encoding,
//! lists, timestamps) live here and in `http_binding.rs`.

use std::borrow::Cow;
use std::convert::Infallible;

use serde::de::DeserializeSeed;

pub use super::http_binding::BindError;
use super::http_binding::{self, Text};
use crate::byte_stream::{ByteStream, RequestBody};
use crate::error::{ConfigError, Error};
use crate::http::RawResponse;
use crate::operation::Operation;
use crate::service::ServiceMeta;

/// A restJson1 operation's `http` trait and the traits that shape its request.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Route {
    /// The operation's name, for messages and traces.
    pub name: &'static str,
    /// `GET`, `POST`, ...
    pub method: &'static str,
    /// The path template: `/things/{Id}/{Key+}`.
    pub path: &'static str,
    /// The template's literal query (after `?`), sent first; may be empty.
    pub query: &'static str,
    /// The success status code.
    pub code: u16,
    /// Whether the input has JSON body members: the request then carries a JSON
    /// object, `{}` when they are all unset.
    pub json_body: bool,
    /// `httpChecksumRequired`: the request carries `Content-MD5`.
    pub checksum_required: bool,
}

/// The members of one request bound outside the JSON body, as the expansion's
/// `http_bindings` hands them over.
#[derive(Default)]
pub struct Request {
    labels: Vec<(&'static str, String)>,
    query: Vec<(Cow<'static, str>, String)>,
    query_params: Vec<(String, String)>,
    headers: Vec<(Cow<'static, str>, Cow<'static, str>)>,
    /// `httpPrefixHeaders` entries: a header a member names wins over them.
    prefixed: Vec<(String, String)>,
    payload: Option<Payload>,
}

enum Payload {
    Bytes(Vec<u8>, Cow<'static, str>),
    Stream(ByteStream, Cow<'static, str>),
}

/// A blob or string payload member, or an optional one.
pub trait PayloadBytes {
    /// The bytes; `None` when unset.
    fn payload_bytes(&self) -> Option<&[u8]>;
}

impl PayloadBytes for crate::Blob {
    fn payload_bytes(&self) -> Option<&[u8]> {
        Some(self.as_bytes())
    }
}

impl PayloadBytes for String {
    fn payload_bytes(&self) -> Option<&[u8]> {
        Some(self.as_bytes())
    }
}

impl<T: PayloadBytes> PayloadBytes for Option<T> {
    fn payload_bytes(&self) -> Option<&[u8]> {
        self.as_ref().and_then(T::payload_bytes)
    }
}

/// A streaming payload member, or an optional one.
pub trait PayloadStream {
    /// The stream; `None` when unset.
    fn payload_stream(&self) -> Option<&ByteStream>;
}

impl PayloadStream for ByteStream {
    fn payload_stream(&self) -> Option<&ByteStream> {
        Some(self)
    }
}

impl PayloadStream for Option<ByteStream> {
    fn payload_stream(&self) -> Option<&ByteStream> {
        self.as_ref()
    }
}

impl Request {
    /// A URI label's value (`{name}`, or `{name+}` when `greedy`, which keeps `/`).
    pub fn label<T: serde::Serialize + ?Sized>(
        &mut self,
        name: &'static str,
        greedy: bool,
        value: &T,
    ) -> Result<(), BindError> {
        let texts = http_binding::texts(value)?;
        let [text] = &texts[..] else {
            return Err(BindError(format!(
                "the URI label {name} needs one value, not {}",
                texts.len()
            )));
        };
        self.labels.push((name, encode(text, greedy)));
        Ok(())
    }

    /// A query parameter: `name=value`, repeated for each item of a list; nothing
    /// when unset.
    pub fn query<T: serde::Serialize + ?Sized>(
        &mut self,
        name: &'static str,
        value: &T,
    ) -> Result<(), BindError> {
        for text in http_binding::texts(value)? {
            self.query.push((Cow::Borrowed(name), text));
        }
        Ok(())
    }

    /// `httpQueryParams`: a map of strings or of string lists; its entries go after
    /// the named parameters, and a name that a `query` member gives is left out.
    pub fn query_params<T: serde::Serialize + ?Sized>(
        &mut self,
        value: &T,
    ) -> Result<(), BindError> {
        for (key, values) in http_binding::entries(value)? {
            for text in values {
                self.query_params.push((key.clone(), text));
            }
        }
        Ok(())
    }

    /// A header (`name` in lower case); a list's items are comma-joined, quoted when
    /// `quote` (strings, not http-dates) and they hold a comma or a quote.
    pub fn header<T: serde::Serialize + ?Sized>(
        &mut self,
        name: &'static str,
        value: &T,
        quote: bool,
        list: bool,
    ) -> Result<(), BindError> {
        let texts = http_binding::texts(value)?;
        if texts.is_empty() && !list {
            return Ok(());
        }
        let text = if list {
            http_binding::header_list(&texts, quote)
        } else {
            texts.concat()
        };
        self.headers.push((Cow::Borrowed(name), Cow::Owned(text)));
        Ok(())
    }

    /// `httpPrefixHeaders`: one header per entry of a map, named `prefix` + key.
    pub fn prefix_headers<T: serde::Serialize + ?Sized>(
        &mut self,
        prefix: &'static str,
        value: &T,
    ) -> Result<(), BindError> {
        for (key, values) in http_binding::entries(value)? {
            let name = format!("{prefix}{key}").to_ascii_lowercase();
            let text = http_binding::header_list(&values, true);
            self.prefixed.push((name, text));
        }
        Ok(())
    }

    /// A string header with a media type (`@mediaType`): its value base64-encoded, as
    /// a header cannot carry any JSON text.
    pub fn header_base64<T: serde::Serialize + ?Sized>(
        &mut self,
        name: &'static str,
        value: &T,
    ) -> Result<(), BindError> {
        for text in http_binding::texts(value)? {
            let encoded = crate::Blob::new(text.into_bytes()).to_base64();
            self.headers
                .push((Cow::Borrowed(name), Cow::Owned(encoded)));
        }
        Ok(())
    }

    /// An idempotency token bound to the query string: the member's, else a fresh one.
    pub fn query_token(&mut self, name: &'static str, value: &Option<String>) {
        let token = token(value);
        self.query.push((Cow::Borrowed(name), token));
    }

    /// An idempotency token bound to a header: the member's, else a fresh one.
    pub fn header_token(&mut self, name: &'static str, value: &Option<String>) {
        let token = token(value);
        self.headers.push((Cow::Borrowed(name), Cow::Owned(token)));
    }

    /// A structure, union, document or enum payload: JSON (`application/json`), or
    /// the text of a string enum (`text/plain`). Unset, a structure's is `{}` (`unset`),
    /// any other none.
    pub fn payload_json<T: serde::Serialize + ?Sized>(
        &mut self,
        value: &T,
        media_type: Option<&'static str>,
        document: bool,
        unset: Option<&'static str>,
    ) -> Result<(), BindError> {
        let json = serde_json::to_value(value).map_err(|e| BindError(e.to_string()))?;
        let (bytes, default) = match json {
            serde_json::Value::Null if !document => match unset {
                Some(body) => (body.as_bytes().to_vec(), "application/json"),
                None => return Ok(()),
            },
            serde_json::Value::String(text) if !document => (text.into_bytes(), "text/plain"),
            other => (
                serde_json::to_vec(&other).map_err(|e| BindError(e.to_string()))?,
                "application/json",
            ),
        };
        self.payload = Some(Payload::Bytes(
            bytes,
            Cow::Borrowed(media_type.unwrap_or(default)),
        ));
        Ok(())
    }

    /// A blob or string payload, sent as it is: `application/octet-stream` or
    /// `text/plain` unless the member has a media type; nothing when unset.
    pub fn payload_bytes<T: PayloadBytes + ?Sized>(
        &mut self,
        value: &T,
        content_type: &'static str,
    ) {
        if let Some(bytes) = value.payload_bytes() {
            self.payload = Some(Payload::Bytes(bytes.to_vec(), Cow::Borrowed(content_type)));
        }
    }

    /// A streaming blob payload; nothing when unset.
    pub fn payload_stream<T: PayloadStream + ?Sized>(
        &mut self,
        value: &T,
        content_type: &'static str,
    ) -> Result<(), BindError> {
        let Some(stream) = value.payload_stream() else {
            return Ok(());
        };
        let payload = match stream.request_body() {
            RequestBody::Bytes(bytes) => {
                Payload::Bytes(bytes.to_vec(), Cow::Borrowed(content_type))
            }
            RequestBody::Stream(stream) => Payload::Stream(stream, Cow::Borrowed(content_type)),
            RequestBody::Taken => {
                return Err(BindError(
                    "the streaming body was sent already: a ByteStream made from a stream can be sent once"
                        .to_owned(),
                ));
            }
        };
        self.payload = Some(payload);
        Ok(())
    }
}

fn token(value: &Option<String>) -> String {
    match value {
        Some(token) => token.clone(),
        None => crate::uuid::Uuid::new_v4().as_str().to_owned(),
    }
}

/// Percent-encodes all but RFC 3986's unreserved characters (and `/` in a greedy
/// label), as Smithy's clients encode labels and query strings.
fn encode(text: &str, keep_slash: bool) -> String {
    let mut out = String::with_capacity(text.len());
    for &b in text.as_bytes() {
        if b.is_ascii_alphanumeric()
            || matches!(b, b'-' | b'.' | b'_' | b'~')
            || (keep_slash && b == b'/')
        {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// What a restJson1 operation's input makes of a request.
pub(crate) struct Encoded {
    /// Path and query, to append to the endpoint's path.
    pub(crate) uri: String,
    pub(crate) body: Vec<u8>,
    /// A streaming body, sent instead of `body`.
    pub(crate) stream: Option<ByteStream>,
    pub(crate) headers: Vec<(Cow<'static, str>, Cow<'static, str>)>,
}

/// Encodes `op` as its route says, with the customizations botocore applies to some
/// restJson1 services.
pub(crate) fn encode_request<O: Operation>(
    op: &O,
    route: &'static Route,
) -> Result<Encoded, Error<Infallible>> {
    let config = |why: String| {
        Error::Config(ConfigError::new(format!(
            "could not encode the {} request: {why}",
            route.name
        )))
    };
    let mut request = Request::default();
    op.http_bindings(&mut request)
        .map_err(|e| config(e.to_string()))?;
    let service = O::SERVICE;
    let mut uri = expand_path(route, &request.labels, service).map_err(config)?;
    push_query(&mut uri, route.query, &request.query, &request.query_params);
    let mut headers = request.headers;
    for (name, value) in request.prefixed {
        if !headers.iter().any(|(n, _)| *n == name) {
            headers.push((Cow::Owned(name), Cow::Owned(value)));
        }
    }
    let (body, stream, content_type) = match request.payload {
        Some(Payload::Bytes(body, content_type)) => (body, None, Some(content_type)),
        Some(Payload::Stream(stream, content_type)) => {
            (Vec::new(), Some(stream), Some(content_type))
        }
        None if route.json_body => {
            let body = super::aws_json::encode(op).map_err(|e| config(e.to_string()))?;
            (body, None, Some(Cow::Borrowed("application/json")))
        }
        None => (Vec::new(), None, None),
    };
    // A member bound to `Content-Type` says it; else the body's kind.
    if let Some(content_type) = content_type {
        if !headers.iter().any(|(n, _)| n == "content-type") {
            headers.push((Cow::Borrowed("content-type"), content_type));
        }
    }
    customize(service, &body, &mut headers);
    if route.checksum_required && stream.is_none() {
        headers.push((
            Cow::Borrowed("content-md5"),
            Cow::Owned(crate::Blob::new(crate::md5::digest(&body)).to_base64()),
        ));
    }
    Ok(Encoded {
        uri,
        body,
        stream,
        headers,
    })
}

/// The headers botocore adds for some restJson1 services, which the Smithy protocol
/// tests name: API Gateway answers JSON only when asked (`Accept`), Glacier wants its
/// API version in every request.
fn customize(
    service: &ServiceMeta,
    body: &[u8],
    headers: &mut Vec<(Cow<'static, str>, Cow<'static, str>)>,
) {
    match service.signing_name {
        "apigateway" => headers.push((Cow::Borrowed("accept"), Cow::Borrowed("application/json"))),
        "glacier" => {
            headers.push((
                Cow::Borrowed("x-amz-glacier-version"),
                Cow::Borrowed("2012-06-01"),
            ));
            // Archive uploads carry the body's SHA-256 and tree hash (UploadArchive,
            // UploadMultipartPart: the operations with a body), unless given.
            if !body.is_empty() {
                let (linear, tree) = glacier_hashes(body);
                if !headers.iter().any(|(n, _)| n == "x-amz-content-sha256") {
                    headers.push((Cow::Borrowed("x-amz-content-sha256"), Cow::Owned(linear)));
                }
                if !headers.iter().any(|(n, _)| n == "x-amz-sha256-tree-hash") {
                    headers.push((Cow::Borrowed("x-amz-sha256-tree-hash"), Cow::Owned(tree)));
                }
            }
        }
        _ => {}
    }
}

/// Glacier's two checksums of a body, hex: its SHA-256, and the root of the SHA-256
/// tree over its 1 MiB chunks (pairs hashed level by level, an odd one carried up).
fn glacier_hashes(body: &[u8]) -> (String, String) {
    use ring::digest::{SHA256, digest};
    let hex = |bytes: &[u8]| bytes.iter().map(|b| format!("{b:02x}")).collect::<String>();
    let linear = hex(digest(&SHA256, body).as_ref());
    let mut level: Vec<Vec<u8>> = body
        .chunks(1024 * 1024)
        .map(|chunk| digest(&SHA256, chunk).as_ref().to_vec())
        .collect();
    while level.len() > 1 {
        level = level
            .chunks(2)
            .map(|pair| match pair {
                [a, b] => {
                    let mut joined = a.clone();
                    joined.extend_from_slice(b);
                    digest(&SHA256, &joined).as_ref().to_vec()
                }
                [one] => one.clone(),
                _ => Vec::new(),
            })
            .collect();
    }
    let tree = level
        .first()
        .map_or_else(|| linear.clone(), |root| hex(root));
    (linear, tree)
}

/// The path with every label filled; a label without a value is an error (Glacier's
/// `accountId` defaults to `-`, the account of the credentials, as botocore sends it).
fn expand_path(
    route: &Route,
    labels: &[(&'static str, String)],
    service: &ServiceMeta,
) -> Result<String, String> {
    let mut out = String::with_capacity(route.path.len() + 32);
    let mut rest = route.path;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let close = after
            .find('}')
            .ok_or_else(|| format!("the URI template {:?} is malformed", route.path))?;
        let name = after[..close].trim_end_matches('+');
        let value = labels
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, v)| v.as_str())
            .filter(|v| !v.is_empty());
        match value {
            Some(value) => out.push_str(value),
            None if service.signing_name == "glacier" && name == "accountId" => out.push('-'),
            None => return Err(format!("the URI label {name} is empty")),
        }
        rest = &after[close + 1..];
    }
    out.push_str(rest);
    Ok(out)
}

fn push_query(
    uri: &mut String,
    literal: &str,
    query: &[(Cow<'static, str>, String)],
    params: &[(String, String)],
) {
    let mut first = true;
    let mut push = |uri: &mut String, pair: &str| {
        uri.push(if first { '?' } else { '&' });
        first = false;
        uri.push_str(pair);
    };
    for pair in literal.split('&').filter(|p| !p.is_empty()) {
        push(uri, pair);
    }
    for (name, value) in query {
        push(
            uri,
            &format!("{}={}", encode(name, false), encode(value, false)),
        );
    }
    for (name, value) in params {
        if query.iter().any(|(n, _)| n == name) {
            continue;
        }
        push(
            uri,
            &format!("{}={}", encode(name, false), encode(value, false)),
        );
    }
}

/// The value a structure's `Deserialize` gives a member bound outside the body (a
/// header, the status, the payload), which `decode_http` then reads: its type's zero
/// value, else an error naming it.
pub fn unbound<T, E: serde::de::Error>(value: Option<T>, member: &'static str) -> Result<T, E> {
    value.ok_or_else(|| {
        E::custom(format!(
            "`{member}` is read from the HTTP response's headers, status or payload, not from a JSON body"
        ))
    })
}

/// A response as the expansion's `decode_http` reads it.
pub struct Response<'a> {
    /// Status and headers (and the body, when it was read whole).
    pub raw: &'a RawResponse,
    /// The body to decode: the response's, or an error body with one message spelling.
    pub body: &'a [u8],
    /// A streaming payload's body, not read yet.
    pub(crate) stream: Option<ByteStream>,
}

impl<'a> Response<'a> {
    /// A response read whole.
    pub fn new(raw: &'a RawResponse, body: &'a [u8]) -> Self {
        Response {
            raw,
            body,
            stream: None,
        }
    }

    /// Reads a base64-encoded string header (`@mediaType`) into `slot`.
    pub fn header_base64<T: serde::de::DeserializeOwned>(
        &self,
        name: &str,
        slot: &mut T,
    ) -> Result<(), serde_json::Error> {
        if let Some(value) = self.raw.header(name) {
            let bytes = crate::Blob::from_base64(value.trim()).map_err(|e| {
                <serde_json::Error as serde::de::Error>::custom(format!("header {name}: {e}"))
            })?;
            let text = String::from_utf8(bytes.into_inner()).map_err(|_| {
                <serde_json::Error as serde::de::Error>::custom(format!(
                    "header {name}: not UTF-8 once decoded"
                ))
            })?;
            *slot = T::deserialize(Text::new(text))?;
        }
        Ok(())
    }

    /// Reads the header `name` into `slot` (left as it is when the header is absent).
    pub fn header<S: DeserializeSeed<'a>>(
        &self,
        name: &str,
        slot: &mut S::Value,
        seed: S,
    ) -> Result<(), serde_json::Error> {
        let raw: &'a RawResponse = self.raw;
        if let Some(value) = raw.header(name) {
            *slot = seed.deserialize(Text::new(value)).map_err(|e| {
                <serde_json::Error as serde::de::Error>::custom(format!("header {name}: {e}"))
            })?;
        }
        Ok(())
    }

    /// Reads the headers named `prefix` + key into the map `slot` (left as it is when
    /// there are none); keys keep the case the response gives.
    pub fn prefix_headers<S: DeserializeSeed<'a>>(
        &self,
        prefix: &str,
        slot: &mut S::Value,
        seed: S,
    ) -> Result<(), serde_json::Error> {
        let raw: &'a RawResponse = self.raw;
        let entries: Vec<(String, Text<'a>)> = raw
            .headers
            .iter()
            .filter(|(name, _)| {
                name.len() >= prefix.len()
                    && name.as_bytes()[..prefix.len()].eq_ignore_ascii_case(prefix.as_bytes())
            })
            .map(|(name, value)| (name[prefix.len()..].to_owned(), Text::new(value.as_str())))
            .collect();
        if entries.is_empty() {
            return Ok(());
        }
        *slot = seed.deserialize(http_binding::HeaderEntries(entries))?;
        Ok(())
    }

    /// Reads the status code into `slot`.
    pub fn status<S: DeserializeSeed<'a>>(
        &self,
        slot: &mut S::Value,
        seed: S,
    ) -> Result<(), serde_json::Error> {
        *slot = seed.deserialize(Text::new(self.raw.status.to_string()))?;
        Ok(())
    }

    /// Reads a blob or string payload: the body as it is.
    pub fn payload_bytes<T: FromPayload>(&self, slot: &mut T) -> Result<(), serde_json::Error> {
        *slot = T::from_payload(self.body)?;
        Ok(())
    }

    /// Reads a structure, union, document or enum payload (JSON; a string enum's
    /// text); an empty body leaves `slot` as it is.
    pub fn payload_json<T: serde::de::DeserializeOwned>(
        &self,
        slot: &mut T,
    ) -> Result<(), serde_json::Error> {
        if self.body.iter().all(u8::is_ascii_whitespace) {
            return Ok(());
        }
        *slot = match serde_json::from_slice(self.body) {
            Ok(value) => value,
            Err(json) => {
                // A string enum payload is its bare text.
                let text = std::str::from_utf8(self.body).map_err(|_| json)?;
                T::deserialize(Text::new(text))?
            }
        };
        Ok(())
    }

    /// Reads a streaming payload: the body not read yet, else the body read whole.
    pub fn payload_stream<T: FromPayload>(
        &mut self,
        slot: &mut T,
    ) -> Result<(), serde_json::Error> {
        *slot = match self.stream.take() {
            Some(stream) => T::from_stream(stream),
            None => T::from_payload(self.body)?,
        };
        Ok(())
    }
}

/// A payload member type read from a body: blobs, strings and streams, or optional
/// ones.
pub trait FromPayload: Sized {
    /// From the whole body.
    fn from_payload(body: &[u8]) -> Result<Self, serde_json::Error>;
    /// From a body not read yet.
    fn from_stream(stream: ByteStream) -> Self;
}

impl FromPayload for crate::Blob {
    fn from_payload(body: &[u8]) -> Result<Self, serde_json::Error> {
        Ok(crate::Blob::new(body))
    }
    fn from_stream(_: ByteStream) -> Self {
        crate::Blob::default()
    }
}

impl FromPayload for String {
    fn from_payload(body: &[u8]) -> Result<Self, serde_json::Error> {
        String::from_utf8(body.to_vec()).map_err(|_| {
            <serde_json::Error as serde::de::Error>::custom("the text payload is not UTF-8")
        })
    }
    fn from_stream(_: ByteStream) -> Self {
        String::new()
    }
}

impl FromPayload for ByteStream {
    fn from_payload(body: &[u8]) -> Result<Self, serde_json::Error> {
        Ok(ByteStream::new(body.to_vec()))
    }
    fn from_stream(stream: ByteStream) -> Self {
        stream
    }
}

impl<T: FromPayload> FromPayload for Option<T> {
    /// `None` for an empty body.
    fn from_payload(body: &[u8]) -> Result<Self, serde_json::Error> {
        if body.is_empty() {
            return Ok(None);
        }
        T::from_payload(body).map(Some)
    }
    fn from_stream(stream: ByteStream) -> Self {
        Some(T::from_stream(stream))
    }
}

/// Whether an unset payload of this type is sent as `{}`: a structure's is, a union's
/// or enum's is not (autoref: [`UnsetStruct`] applies to shapes, [`UnsetOther`] to the
/// rest).
pub struct Unset<T>(std::marker::PhantomData<T>);

impl<T> Unset<T> {
    /// The probe.
    pub const NEW: Self = Unset(std::marker::PhantomData);
}

/// An unset structure payload is `{}`.
pub trait UnsetStruct {
    /// `{}`.
    fn unset_body(&self) -> Option<&'static str> {
        Some("{}")
    }
}

impl<T: crate::operation::OutputShape> UnsetStruct for Unset<T> {}

/// Any other unset payload is no body.
pub trait UnsetOther {
    /// None.
    fn unset_body(&self) -> Option<&'static str> {
        None
    }
}

impl<T> UnsetOther for &Unset<T> {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn glacier_tree_hashes() {
        // A body of one chunk is its own tree.
        let (linear, tree) = glacier_hashes(b"hello world");
        assert_eq!(
            linear,
            "b94d27b9934d3e08a52e52d7da7dabfac484efe37a5380ee9088f7ace2efcde9"
        );
        assert_eq!(tree, linear);
        // Two chunks: the hash of the two chunk hashes, by ring here, written out.
        use ring::digest::{SHA256, digest};
        let body = vec![b'a'; 1024 * 1024 + 1];
        let mut joined = digest(&SHA256, &body[..1024 * 1024]).as_ref().to_vec();
        joined.extend_from_slice(digest(&SHA256, b"a").as_ref());
        let expected: String = digest(&SHA256, &joined)
            .as_ref()
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect();
        assert_eq!(glacier_hashes(&body).1, expected);
    }

    const ROUTE: Route = Route {
        name: "Op",
        method: "GET",
        path: "/a/{Id}/{Key+}",
        query: "x-id=Op",
        code: 200,
        json_body: false,
        checksum_required: false,
    };

    fn service(signing_name: &'static str) -> ServiceMeta {
        ServiceMeta::new(
            "",
            crate::JsonVersion::V1_0,
            signing_name,
            signing_name,
            signing_name,
            "x.{region}.{dnsSuffix}",
        )
    }

    #[test]
    fn labels_are_encoded_and_greedy_ones_keep_slashes() {
        let mut r = Request::default();
        r.label("Id", false, "a b/c").unwrap();
        r.label("Key", true, "d/e f").unwrap();
        let path = expand_path(&ROUTE, &r.labels, &service("svc")).unwrap();
        assert_eq!(path, "/a/a%20b%2Fc/d/e%20f");
        let empty = Request::default();
        assert_eq!(
            expand_path(&ROUTE, &empty.labels, &service("svc")).unwrap_err(),
            "the URI label Id is empty"
        );
    }

    #[test]
    fn glacier_account_ids_default_to_dash() {
        let route = Route {
            path: "/{accountId}/vaults",
            ..ROUTE
        };
        assert_eq!(
            expand_path(&route, &[], &service("glacier")).unwrap(),
            "/-/vaults"
        );
    }

    #[test]
    fn named_query_parameters_win_over_query_params() {
        let mut r = Request::default();
        r.query("a", &vec!["1", "2 3"]).unwrap();
        r.query("b", &None::<i32>).unwrap();
        let params: std::collections::BTreeMap<&str, &str> =
            [("a", "no"), ("c", "&")].into_iter().collect();
        r.query_params(&params).unwrap();
        let mut uri = String::from("/p");
        push_query(&mut uri, ROUTE.query, &r.query, &r.query_params);
        assert_eq!(uri, "/p?x-id=Op&a=1&a=2%203&c=%26");
    }

    #[test]
    fn headers_lists_and_prefixes() {
        let mut r = Request::default();
        r.header("x-list", &vec!["a", "b,c"], true, true).unwrap();
        r.header("x-none", &None::<String>, true, false).unwrap();
        r.header("x-n", &5, true, false).unwrap();
        let meta: std::collections::BTreeMap<&str, &str> = [("Abc", "1")].into_iter().collect();
        r.prefix_headers("x-meta-", &meta).unwrap();
        let headers: Vec<(&str, &str)> = r.headers.iter().map(|(n, v)| (&**n, &**v)).collect();
        assert_eq!(headers, [("x-list", "a, \"b,c\""), ("x-n", "5")]);
        assert_eq!(r.prefixed, [("x-meta-abc".to_owned(), "1".to_owned())]);
    }

    #[test]
    fn responses_fill_bound_members() {
        let raw = RawResponse {
            status: 201,
            headers: vec![
                ("x-count".to_owned(), "3".to_owned()),
                ("x-meta-a".to_owned(), "1".to_owned()),
                ("x-meta-b".to_owned(), "2".to_owned()),
            ],
            body: b"\"on\"".to_vec(),
        };
        let response = Response::new(&raw, &raw.body);
        let mut count: Option<i32> = None;
        response
            .header("x-count", &mut count, std::marker::PhantomData)
            .unwrap();
        assert_eq!(count, Some(3));
        let mut missing: Option<i32> = None;
        response
            .header("x-missing", &mut missing, std::marker::PhantomData)
            .unwrap();
        assert_eq!(missing, None);
        let mut meta: Option<std::collections::BTreeMap<String, String>> = None;
        response
            .prefix_headers("x-meta-", &mut meta, std::marker::PhantomData)
            .unwrap();
        assert_eq!(meta.unwrap().len(), 2);
        let mut status = 0_i32;
        response
            .status(&mut status, std::marker::PhantomData)
            .unwrap();
        assert_eq!(status, 201);
        let mut text: Option<String> = None;
        response.payload_bytes(&mut text).unwrap();
        assert_eq!(text.as_deref(), Some("\"on\""));
        let mut json: Option<String> = None;
        response.payload_json(&mut json).unwrap();
        assert_eq!(json.as_deref(), Some("on"));
    }
}
