//! The request the client sends and the response it gets, as plain data.

use reqwest::header::{HeaderMap, HeaderName, HeaderValue};

/// A signed request, ready to go on the wire.
///
/// [`Client::request`](crate::Client) builds the same value that `send` sends, so tests
/// can look at a request without a network.
#[derive(Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct HttpRequest {
    /// Always `POST` for awsJson; the operation's for restJson1.
    pub method: &'static str,
    /// The URL the request goes to: the endpoint's, with a restJson1 operation's path
    /// and query.
    pub url: String,
    /// Header names (lower case) and values, in the order they are sent.
    pub headers: Vec<(std::borrow::Cow<'static, str>, String)>,
    /// The body: awsJson's JSON, or a restJson1 operation's JSON or payload (empty for
    /// a streaming payload, which is sent as it is read).
    pub body: Vec<u8>,
}

impl HttpRequest {
    /// The first value of a header, by lower-case name.
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

/// What `Debug` shows in place of a secret.
const REDACTED: &str = "** redacted **";

/// `Authorization` with its signature redacted: the algorithm, credential scope and
/// signed headers stay, to debug with.
fn redact_authorization(value: &str) -> String {
    match value.find("Signature=") {
        Some(at) => format!("{}Signature={REDACTED}", &value[..at]),
        None => REDACTED.to_owned(),
    }
}

impl std::fmt::Debug for HttpRequest {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // The session token is a credential, and the signature lets anyone who sees it
        // replay the request for as long as the signature is valid.
        let headers: Vec<(&str, std::borrow::Cow<'_, str>)> = self
            .headers
            .iter()
            .map(|(n, v)| {
                let shown = if n.eq_ignore_ascii_case("x-amz-security-token") {
                    REDACTED.into()
                } else if n.eq_ignore_ascii_case("authorization") {
                    redact_authorization(v).into()
                } else {
                    v.as_str().into()
                };
                (&**n, shown)
            })
            .collect();
        f.debug_struct("HttpRequest")
            .field("method", &self.method)
            .field("url", &self.url)
            .field("headers", &headers)
            // The body holds the call's members, sensitive ones too.
            .field("body", &BodyLen(self.body.len()))
            .finish()
    }
}

/// A response as it arrived: status, headers and the whole body. Public only for
/// generated code and the project's decoding tests (`awsjson::__private`).
#[derive(Clone, PartialEq, Eq)]
pub struct RawResponse {
    /// The HTTP status code.
    pub status: u16,
    /// The headers.
    pub headers: ResponseHeaders,
    /// The body bytes.
    pub body: Vec<u8>,
}

/// A response's headers: names in lower case, values as text, each name's values in
/// the order they came.
///
/// They stay in the header map the HTTP stack parsed them into: reading a response
/// copies none of them, where a `String` for each name and value cost two allocations
/// a header (BENCHMARKS.md).
#[derive(Clone, Default, PartialEq, Eq)]
pub struct ResponseHeaders(HeaderMap);

impl ResponseHeaders {
    /// No headers.
    pub fn new() -> Self {
        Self::default()
    }

    /// The headers of a response as the HTTP stack read them. A value that is not UTF-8
    /// is decoded lossily (invalid bytes become U+FFFD), so that every value reads as
    /// text.
    pub(crate) fn from_map(mut map: HeaderMap) -> Self {
        for value in map.values_mut() {
            if std::str::from_utf8(value.as_bytes()).is_err() {
                let text = String::from_utf8_lossy(value.as_bytes()).into_owned();
                // The replacement character is valid in a value, as the bytes were.
                if let Ok(text) = HeaderValue::from_str(&text) {
                    *value = text;
                }
            }
        }
        ResponseHeaders(map)
    }

    /// Headers from `(name, value)` pairs, in order (a repeated name keeps each value);
    /// an error names a pair HTTP cannot carry.
    pub fn from_pairs<N: AsRef<str>, V: AsRef<str>>(
        pairs: impl IntoIterator<Item = (N, V)>,
    ) -> Result<Self, InvalidHeader> {
        let mut headers = Self::new();
        for (name, value) in pairs {
            headers.append(name.as_ref(), value.as_ref())?;
        }
        Ok(headers)
    }

    /// The first value of a header, by name (case-insensitive).
    pub fn get(&self, name: &str) -> Option<&str> {
        self.0.get(name).map(text)
    }

    /// Every name and value, a name's values in order.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &str)> {
        self.0
            .iter()
            .map(|(name, value)| (name.as_str(), text(value)))
    }

    /// How many values there are.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Sets a header, replacing its values; an error when HTTP cannot carry the name or
    /// the value.
    pub fn insert(&mut self, name: &str, value: &str) -> Result<(), InvalidHeader> {
        let (name, value) = checked(name, value)?;
        self.0.insert(name, value);
        Ok(())
    }

    /// Adds a value after a header's others; an error when HTTP cannot carry the name
    /// or the value.
    pub fn append(&mut self, name: &str, value: &str) -> Result<(), InvalidHeader> {
        let (name, value) = checked(name, value)?;
        self.0.append(name, value);
        Ok(())
    }

    /// Removes every value of a header.
    pub fn remove(&mut self, name: &str) {
        self.0.remove(name);
    }
}

impl std::fmt::Debug for ResponseHeaders {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_list().entries(self.iter()).finish()
    }
}

/// A value as text: UTF-8 by construction (`from_map`, `checked`).
fn text(value: &HeaderValue) -> &str {
    std::str::from_utf8(value.as_bytes()).unwrap_or_default()
}

fn checked(name: &str, value: &str) -> Result<(HeaderName, HeaderValue), InvalidHeader> {
    let name = HeaderName::from_bytes(name.as_bytes()).map_err(|_| InvalidHeader {
        message: format!("{name:?} is not a valid header name"),
    })?;
    // The value stays out of the message: it may be a secret.
    let value = HeaderValue::from_str(value).map_err(|_| InvalidHeader {
        message: format!("the {name} header's value has bytes an HTTP header cannot carry"),
    })?;
    Ok((name, value))
}

/// A header [`ResponseHeaders`] was given that HTTP cannot carry: a name that is not a
/// header name, or a value with control characters. The message names the header,
/// never the value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InvalidHeader {
    message: String,
}

impl std::fmt::Display for InvalidHeader {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for InvalidHeader {}

impl std::fmt::Debug for RawResponse {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("RawResponse")
            .field("status", &self.status)
            .field("headers", &self.headers)
            // The body holds the output's members, sensitive ones too.
            .field("body", &BodyLen(self.body.len()))
            .finish()
    }
}

/// A body in `Debug`: its length, not its bytes.
struct BodyLen(usize);

impl std::fmt::Debug for BodyLen {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "<{} bytes>", self.0)
    }
}

impl RawResponse {
    /// The first value of a header, by name (case-insensitive).
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name)
    }

    /// `x-amzn-RequestId`, else `x-amz-request-id`.
    pub fn request_id(&self) -> Option<&str> {
        self.header("x-amzn-requestid")
            .or_else(|| self.header("x-amz-request-id"))
    }

    /// Whether the status is 2xx.
    pub fn is_success(&self) -> bool {
        (200..300).contains(&self.status)
    }
}
