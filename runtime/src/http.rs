//! The request the client sends and the response it gets, as plain data.

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
    /// Header names (lower case) and values.
    pub headers: Vec<(String, String)>,
    /// The body bytes.
    pub body: Vec<u8>,
}

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
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
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
