//! What a call can fail with.

use std::error::Error as StdError;
use std::fmt;

/// The error of one operation call: `E` is the operation's own error type, which the
/// macro generates with one variant per modeled error and one for any other code.
///
/// `Display` always says what happened in one line; match on the variant (or call
/// [`Error::service_error`]) to act on a modeled error.
#[derive(Debug)]
#[non_exhaustive]
pub enum Error<E> {
    /// The service answered with an error response.
    Service(ServiceError<E>),
    /// No credentials could be found or loaded.
    Credentials(CredentialsError),
    /// The client is not set up to make this call (no region, a bad endpoint).
    Config(ConfigError),
    /// The request never got a complete answer: connection refused or reset, a timeout.
    Transport(TransportError),
    /// The service's answer could not be read: not JSON, truncated, wrong shape.
    Decode(DecodeError),
}

impl<E> Error<E> {
    /// The service error, if the service answered with one.
    pub fn service_error(&self) -> Option<&ServiceError<E>> {
        match self {
            Error::Service(err) => Some(err),
            _ => None,
        }
    }

    /// The error code the service sent (such as `ThrottlingException`), if any.
    pub fn code(&self) -> Option<&str> {
        self.service_error().map(ServiceError::code)
    }

    /// The request id of the failed call, when the service sent one.
    pub fn request_id(&self) -> Option<&str> {
        match self {
            Error::Service(err) => err.request_id(),
            Error::Decode(err) => err.request_id.as_deref(),
            _ => None,
        }
    }
}

impl<E> Error<E> {
    /// Re-types an error that carries no service error (one raised before a response).
    pub(crate) fn cast<F>(self) -> Error<F> {
        match self {
            Error::Service(_) => unreachable_service(),
            Error::Credentials(e) => Error::Credentials(e),
            Error::Config(e) => Error::Config(e),
            Error::Transport(e) => Error::Transport(e),
            Error::Decode(e) => Error::Decode(e),
        }
    }
}

#[cold]
fn unreachable_service() -> ! {
    // `cast` is only called on errors of the transport layer, typed `Error<Infallible>`.
    panic!("awsjson internal error: a service error cannot be re-typed")
}

impl<E: fmt::Display> fmt::Display for Error<E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Service(err) => fmt::Display::fmt(err, f),
            Error::Credentials(err) => fmt::Display::fmt(err, f),
            Error::Config(err) => fmt::Display::fmt(err, f),
            Error::Transport(err) => fmt::Display::fmt(err, f),
            Error::Decode(err) => fmt::Display::fmt(err, f),
        }
    }
}

impl<E: StdError + 'static> StdError for Error<E> {
    fn source(&self) -> Option<&(dyn StdError + 'static)> {
        match self {
            Error::Service(err) => Some(&err.error),
            Error::Credentials(err) => Some(err),
            Error::Config(err) => Some(err),
            Error::Transport(err) => err.source(),
            Error::Decode(err) => err.source(),
        }
    }
}

/// What every service error response carries besides its modeled members.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ErrorMeta {
    /// The error code, sanitized (`ns#Code:extra` becomes `Code`).
    pub code: String,
    /// The human-readable message, from `message`, `Message` or `errorMessage`.
    pub message: Option<String>,
    /// The `x-amzn-RequestId` (or `x-amz-request-id`) header.
    pub request_id: Option<String>,
    /// The HTTP status code.
    pub status: u16,
    /// `Sender` or `Receiver`, for services that kept their query protocol's error
    /// codes (`@awsQueryCompatible`, from the `x-amzn-query-error` header).
    pub fault: Option<String>,
}

impl fmt::Display for ErrorMeta {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.code)?;
        if let Some(message) = &self.message {
            write!(f, ": {message}")?;
        }
        write!(f, " (HTTP {}", self.status)?;
        if let Some(id) = &self.request_id {
            write!(f, ", request id {id}")?;
        }
        f.write_str(")")
    }
}

/// A service error response: the operation's typed error plus its code, message,
/// request id and HTTP status.
#[derive(Debug)]
pub struct ServiceError<E> {
    error: E,
    meta: ErrorMeta,
}

impl<E> ServiceError<E> {
    pub(crate) fn new(error: E, meta: ErrorMeta) -> Self {
        ServiceError { error, meta }
    }

    /// The operation's typed error: match on its variants.
    pub fn err(&self) -> &E {
        &self.error
    }

    /// Takes the operation's typed error.
    pub fn into_err(self) -> E {
        self.error
    }

    /// Code, message, request id and status.
    pub fn meta(&self) -> &ErrorMeta {
        &self.meta
    }

    /// The error code, such as `ValidationException`.
    pub fn code(&self) -> &str {
        &self.meta.code
    }

    /// The error message, when the service sent one.
    pub fn message(&self) -> Option<&str> {
        self.meta.message.as_deref()
    }

    /// The request id, when the service sent one.
    pub fn request_id(&self) -> Option<&str> {
        self.meta.request_id.as_deref()
    }

    /// The HTTP status code.
    pub fn status(&self) -> u16 {
        self.meta.status
    }
}

impl<E> fmt::Display for ServiceError<E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "service error {}", self.meta)
    }
}

impl<E: StdError + 'static> StdError for ServiceError<E> {
    fn source(&self) -> Option<&(dyn StdError + 'static)> {
        Some(&self.error)
    }
}

/// A service error whose code the operation does not list among its `errors(...)`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnmodeledError {
    meta: ErrorMeta,
}

impl UnmodeledError {
    pub(crate) fn new(meta: ErrorMeta) -> Self {
        UnmodeledError { meta }
    }

    /// The error code, such as `UnrecognizedClientException`.
    pub fn code(&self) -> &str {
        &self.meta.code
    }

    /// The error message, when the service sent one.
    pub fn message(&self) -> Option<&str> {
        self.meta.message.as_deref()
    }

    /// The request id, when the service sent one.
    pub fn request_id(&self) -> Option<&str> {
        self.meta.request_id.as_deref()
    }

    /// The HTTP status code.
    pub fn status(&self) -> u16 {
        self.meta.status
    }
}

impl fmt::Display for UnmodeledError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.meta, f)
    }
}

impl StdError for UnmodeledError {}

/// No credentials, or credentials that could not be loaded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CredentialsError {
    message: String,
}

impl CredentialsError {
    /// An error with a message saying what was tried and why it gave nothing.
    /// The message must never contain a secret.
    pub fn new(message: impl Into<String>) -> Self {
        CredentialsError {
            message: message.into(),
        }
    }
}

impl fmt::Display for CredentialsError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "credentials: {}", self.message)
    }
}

impl StdError for CredentialsError {}

/// The client's configuration cannot serve the call.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigError {
    message: String,
}

impl ConfigError {
    pub(crate) fn new(message: impl Into<String>) -> Self {
        ConfigError {
            message: message.into(),
        }
    }
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "configuration: {}", self.message)
    }
}

impl StdError for ConfigError {}

/// The request did not get a complete response.
#[derive(Debug)]
pub struct TransportError {
    kind: TransportErrorKind,
    message: String,
    source: Option<Box<dyn StdError + Send + Sync>>,
}

/// Why the transport failed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum TransportErrorKind {
    /// Could not connect (refused, DNS, TLS handshake).
    Connect,
    /// A connect, attempt or operation timeout elapsed.
    Timeout,
    /// The connection broke while sending the request or reading the response.
    Io,
    /// The response body was larger than the client's cap
    /// ([`ClientBuilder::max_response_bytes`](crate::ClientBuilder::max_response_bytes)).
    TooLarge,
}

impl TransportError {
    pub(crate) fn new(
        kind: TransportErrorKind,
        message: impl Into<String>,
        source: Option<Box<dyn StdError + Send + Sync>>,
    ) -> Self {
        TransportError {
            kind,
            message: message.into(),
            source,
        }
    }

    /// Adds what the retry loop knows (attempt number, why it stopped) to the message.
    pub(crate) fn with_note(mut self, note: &str) -> Self {
        self.message.push_str(" (");
        self.message.push_str(note);
        self.message.push(')');
        self
    }

    /// Why the transport failed.
    pub fn kind(&self) -> TransportErrorKind {
        self.kind
    }

    /// Whether a timeout elapsed.
    pub fn is_timeout(&self) -> bool {
        self.kind == TransportErrorKind::Timeout
    }

    fn source(&self) -> Option<&(dyn StdError + 'static)> {
        self.source
            .as_deref()
            .map(|e| e as &(dyn StdError + 'static))
    }
}

impl fmt::Display for TransportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let kind = match self.kind {
            TransportErrorKind::Connect => "could not connect",
            TransportErrorKind::Timeout => "timed out",
            TransportErrorKind::Io => "connection failed",
            TransportErrorKind::TooLarge => "response too large",
        };
        write!(f, "transport: {kind}: {}", self.message)?;
        // reqwest's own Display stops at the outermost layer; the cause chain says why.
        let mut source = self.source();
        while let Some(err) = source {
            write!(f, ": {err}")?;
            source = err.source();
        }
        Ok(())
    }
}

impl StdError for TransportError {
    fn source(&self) -> Option<&(dyn StdError + 'static)> {
        TransportError::source(self)
    }
}

/// A response that could not be decoded, with what arrived.
#[derive(Debug)]
pub struct DecodeError {
    what: String,
    status: u16,
    content_type: Option<String>,
    /// The first bytes of the body, lossily decoded, for the message.
    snippet: String,
    request_id: Option<String>,
    source: Option<serde_json::Error>,
}

impl DecodeError {
    pub(crate) fn new(
        what: impl Into<String>,
        response: &crate::http::RawResponse,
        source: Option<serde_json::Error>,
    ) -> Self {
        const SNIPPET: usize = 120;
        let body = &response.body[..response.body.len().min(SNIPPET)];
        // A JSON body may hold the very members the model marks sensitive (a secret's
        // value, a key's plaintext): it is described, never quoted. Other bodies (an
        // HTML error page, a proxy's answer) are what the snippet is for.
        let json = matches!(
            response.body.iter().find(|b| !b.is_ascii_whitespace()),
            Some(b'{' | b'[')
        );
        let mut snippet: String = if json {
            format!("<JSON, {} bytes, not shown>", response.body.len())
        } else {
            String::from_utf8_lossy(body)
                .chars()
                .map(|c| if c.is_control() { ' ' } else { c })
                .collect()
        };
        if !json && response.body.len() > SNIPPET {
            snippet.push('…');
        }
        DecodeError {
            what: what.into(),
            status: response.status,
            content_type: response.header("content-type").map(str::to_owned),
            snippet,
            request_id: response.request_id().map(str::to_owned),
            source,
        }
    }

    /// The HTTP status of the response that could not be decoded.
    pub fn status(&self) -> u16 {
        self.status
    }

    fn source(&self) -> Option<&(dyn StdError + 'static)> {
        self.source.as_ref().map(|e| e as &(dyn StdError + 'static))
    }
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "decode: {}", self.what)?;
        if let Some(source) = &self.source {
            write!(f, " ({source})")?;
        }
        write!(f, "; HTTP {}", self.status)?;
        match &self.content_type {
            Some(ct) => write!(f, ", content-type {ct}")?,
            None => f.write_str(", no content-type")?,
        }
        if self.snippet.is_empty() {
            f.write_str(", empty body")?;
        } else {
            write!(f, ", body starts {:?}", self.snippet)?;
        }
        if let Some(id) = &self.request_id {
            write!(f, ", request id {id}")?;
        }
        Ok(())
    }
}

impl StdError for DecodeError {
    fn source(&self) -> Option<&(dyn StdError + 'static)> {
        DecodeError::source(self)
    }
}
