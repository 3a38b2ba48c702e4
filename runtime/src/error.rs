//! What a call can fail with.
//!
//! Every error here follows the standard library's guideline for error chains: its
//! `Display` says what went wrong at its own level, and [`source`](StdError::source)
//! gives the cause below it (the I/O error under a transport failure, the JSON error
//! under a decode failure), so that a reporter that walks the chain (`anyhow`'s `{:#}`,
//! `eyre`, [`ErrorChain`]) prints each cause once.
//!
//! Text that comes from the service (an error code, message or request id) is shown
//! up to [`MAX_DISPLAYED_CHARS`] characters each, with control characters as spaces,
//! so that one `Display` stays one bounded line whatever the service sent; the
//! accessors ([`ServiceError::message`], [`ErrorMeta::message`]) keep the full text.

use std::error::Error as StdError;
use std::fmt;

/// How many characters of each text the service sent (error code, message, request id)
/// an error's `Display` shows; the rest is summarised as `… (N more bytes)`. The
/// accessors return the whole text.
pub const MAX_DISPLAYED_CHARS: usize = 1024;

/// Writes `text` as `Display` shows service-provided text: at most `max` characters,
/// control characters (line breaks included) as spaces, then how much was left out.
struct Bounded<'a>(&'a str, usize);

impl fmt::Display for Bounded<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let Bounded(text, max) = *self;
        let mut end = text.len();
        for (count, (i, c)) in text.char_indices().enumerate() {
            if count == max {
                end = i;
                break;
            }
            if c.is_control() {
                fmt::Write::write_char(f, ' ')?;
            } else {
                fmt::Write::write_char(f, c)?;
            }
        }
        if end < text.len() {
            write!(f, "… ({} more bytes)", text.len() - end)?;
        }
        Ok(())
    }
}

fn bounded(text: &str) -> Bounded<'_> {
    Bounded(text, MAX_DISPLAYED_CHARS)
}

/// Shows an error and every cause under it on one line, separated by `: `, as
/// `anyhow`'s `{:#}` does: the long form of an error whose own `Display` names only
/// its level.
///
/// ```
/// use awsjson::{ErrorChain, TransportError, TransportErrorKind};
///
/// let io = std::io::Error::new(std::io::ErrorKind::ConnectionReset, "connection reset by peer");
/// let err = TransportError::new(TransportErrorKind::Io, "reading the response body").with_source(io);
/// assert_eq!(err.to_string(), "transport: connection failed: reading the response body");
/// assert_eq!(
///     ErrorChain(&err).to_string(),
///     "transport: connection failed: reading the response body: connection reset by peer"
/// );
/// ```
#[derive(Clone, Copy)]
pub struct ErrorChain<'a>(pub &'a (dyn StdError + 'static));

impl fmt::Display for ErrorChain<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self.0, f)?;
        let mut source = self.0.source();
        while let Some(err) = source {
            write!(f, ": {err}")?;
            source = err.source();
        }
        Ok(())
    }
}

impl fmt::Debug for ErrorChain<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self, f)
    }
}

/// The error of one operation call: `E` is the operation's own error type, which the
/// macro generates with one variant per modeled error and one for any other code.
///
/// `Display` always says what happened in one line; match on the variant (or call
/// [`Error::service_error`]) to act on a modeled error. `Display` and `source()` are
/// those of the variant's error: [`ErrorChain`] shows the causes too.
///
/// Every part can be built, so that tests can make the error a call would return:
///
/// ```
/// use awsjson::{Error, ErrorMeta, ServiceError, TransportError, TransportErrorKind};
///
/// #[derive(Debug)]
/// enum MyOpError {
///     Throttled,
/// }
///
/// let throttled: Error<MyOpError> = Error::Service(
///     ServiceError::new(
///         MyOpError::Throttled,
///         ErrorMeta::new("ThrottlingException", 400)
///             .with_message("Rate exceeded")
///             .with_request_id("req-1"),
///     )
///     .with_attempts(3),
/// );
/// assert_eq!(
///     throttled.to_string(),
///     "service error ThrottlingException: Rate exceeded (HTTP 400, request id req-1, after 3 attempts)"
/// );
/// let timeout: Error<MyOpError> =
///     Error::Transport(TransportError::new(TransportErrorKind::Timeout, "no answer"));
/// assert!(matches!(timeout, Error::Transport(e) if e.is_timeout()));
/// ```
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
            Error::Decode(err) => err.request_id(),
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

impl<E> fmt::Display for Error<E> {
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

// `Error` is its variant's error: it shows that error's text, so its source is that
// error's source (the variant's error as source would print the same text twice).
impl<E: fmt::Debug> StdError for Error<E> {
    fn source(&self) -> Option<&(dyn StdError + 'static)> {
        match self {
            Error::Service(err) => err.source(),
            Error::Credentials(err) => err.source(),
            Error::Config(err) => err.source(),
            Error::Transport(err) => err.source(),
            Error::Decode(err) => err.source(),
        }
    }
}

/// What every service error response carries besides its modeled members.
///
/// Build one with [`ErrorMeta::new`] and the `with_` methods (to make a
/// [`ServiceError`] or [`UnmodeledError`] in a test); the fields stay readable.
///
/// ```
/// let meta = awsjson::ErrorMeta::new("ValidationException", 400)
///     .with_message("1 validation error detected")
///     .with_request_id("8f6a-request");
/// assert_eq!(meta.code, "ValidationException");
/// assert_eq!(
///     meta.to_string(),
///     "ValidationException: 1 validation error detected (HTTP 400, request id 8f6a-request)"
/// );
/// ```
///
/// It may gain fields, so it cannot be written as a struct literal outside awsjson:
///
/// ```compile_fail,E0639
/// let meta = awsjson::ErrorMeta {
///     code: "ValidationException".into(),
///     message: None,
///     request_id: None,
///     status: 400,
///     fault: None,
/// };
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
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

impl ErrorMeta {
    /// An error with this code and HTTP status, no message, request id or fault.
    pub fn new(code: impl Into<String>, status: u16) -> Self {
        ErrorMeta {
            code: code.into(),
            message: None,
            request_id: None,
            status,
            fault: None,
        }
    }

    /// Sets the message.
    #[must_use]
    pub fn with_message(mut self, message: impl Into<String>) -> Self {
        self.message = Some(message.into());
        self
    }

    /// Sets the request id.
    #[must_use]
    pub fn with_request_id(mut self, request_id: impl Into<String>) -> Self {
        self.request_id = Some(request_id.into());
        self
    }

    /// Sets the fault (`Sender` or `Receiver`).
    #[must_use]
    pub fn with_fault(mut self, fault: impl Into<String>) -> Self {
        self.fault = Some(fault.into());
        self
    }

    /// `Code: message (HTTP 400, request id r` without the closing parenthesis, each
    /// text bounded.
    fn write_open(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", bounded(&self.code))?;
        if let Some(message) = &self.message {
            write!(f, ": {}", bounded(message))?;
        }
        write!(f, " (HTTP {}", self.status)?;
        if let Some(id) = &self.request_id {
            write!(f, ", request id {}", bounded(id))?;
        }
        Ok(())
    }
}

impl fmt::Display for ErrorMeta {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.write_open(f)?;
        f.write_str(")")
    }
}

/// A service error response: the operation's typed error plus its code, message,
/// request id and HTTP status, and how many attempts the call made.
///
/// The typed error is this error's content, not its cause: `source()` is `None`, and
/// [`err`](Self::err) gives it.
#[derive(Debug)]
#[non_exhaustive]
pub struct ServiceError<E> {
    // `pub(crate)` so that the call path builds it as a literal: no `new` and
    // `with_attempts` compiled per operation's error type (issue 20).
    pub(crate) error: E,
    pub(crate) meta: ErrorMeta,
    /// 1 or more.
    pub(crate) attempts: u32,
}

impl<E> ServiceError<E> {
    /// The service error `error`, described by `meta`, after one attempt.
    pub fn new(error: E, meta: ErrorMeta) -> Self {
        ServiceError {
            error,
            meta,
            attempts: 1,
        }
    }

    /// Sets how many attempts the call made (1 or more).
    #[must_use]
    pub fn with_attempts(mut self, attempts: u32) -> Self {
        self.attempts = attempts.max(1);
        self
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

    /// The error message, when the service sent one, whole (`Display` shows at most
    /// [`MAX_DISPLAYED_CHARS`] characters of it).
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

    /// How many attempts the call made: the last one got this error, the ones before
    /// it got errors worth retrying.
    pub fn attempts(&self) -> u32 {
        self.attempts
    }
}

impl<E> fmt::Display for ServiceError<E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("service error ")?;
        self.meta.write_open(f)?;
        if self.attempts > 1 {
            write!(f, ", after {} attempts", self.attempts)?;
        }
        f.write_str(")")
    }
}

impl<E: fmt::Debug> StdError for ServiceError<E> {}

/// A service error whose code the operation does not list among its `errors(...)`.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct UnmodeledError {
    meta: ErrorMeta,
}

impl UnmodeledError {
    /// The unmodeled error `meta` describes.
    pub fn new(meta: ErrorMeta) -> Self {
        UnmodeledError { meta }
    }

    /// Code, message, request id and status.
    pub fn meta(&self) -> &ErrorMeta {
        &self.meta
    }

    /// The error code, such as `UnrecognizedClientException`.
    pub fn code(&self) -> &str {
        &self.meta.code
    }

    /// The error message, when the service sent one, whole.
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
#[non_exhaustive]
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
        // The message is ours: what was tried, quoting at most MAX_DISPLAYED_CHARS of
        // what a credential endpoint answered (STS cuts its text to that), so the bound
        // leaves room for both and keeps what follows the quote (the HTTP status).
        write!(
            f,
            "credentials: {}",
            Bounded(&self.message, 2 * MAX_DISPLAYED_CHARS)
        )
    }
}

impl StdError for CredentialsError {}

/// The client's configuration cannot serve the call.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct ConfigError {
    message: String,
}

impl ConfigError {
    /// An error with a message saying which setting is wrong and why.
    pub fn new(message: impl Into<String>) -> Self {
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
///
/// `Display` says what the client was doing and what happened; the error underneath
/// (from the HTTP stack or the operating system) is the `source()`.
#[derive(Debug)]
#[non_exhaustive]
pub struct TransportError {
    kind: TransportErrorKind,
    message: String,
    status: Option<u16>,
    source: Option<Box<dyn StdError + Send + Sync>>,
}

/// Why the transport failed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum TransportErrorKind {
    /// Could not connect (refused, DNS, TLS handshake).
    Connect,
    /// A connect, response header, attempt or operation timeout elapsed, or the
    /// response body stalled (see
    /// [`ClientBuilder::stalled_stream_protection`](crate::ClientBuilder::stalled_stream_protection)).
    Timeout,
    /// The connection broke while sending the request or reading the response.
    Io,
    /// The response body was larger than the client's cap
    /// ([`ClientBuilder::max_response_bytes`](crate::ClientBuilder::max_response_bytes)).
    TooLarge,
}

impl TransportError {
    /// A transport failure of this kind; `message` says what the client was doing.
    pub fn new(kind: TransportErrorKind, message: impl Into<String>) -> Self {
        TransportError {
            kind,
            message: message.into(),
            status: None,
            source: None,
        }
    }

    /// Sets the error underneath, which `source()` returns.
    #[must_use]
    pub fn with_source(mut self, source: impl Into<Box<dyn StdError + Send + Sync>>) -> Self {
        self.source = Some(source.into());
        self
    }

    /// Sets the HTTP status of the response whose body failed.
    #[must_use]
    pub fn with_status(mut self, status: u16) -> Self {
        self.status = Some(status);
        self
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

    /// Whether a timeout elapsed (a stalled body included).
    pub fn is_timeout(&self) -> bool {
        self.kind == TransportErrorKind::Timeout
    }

    /// The HTTP status of the response, when the failure came after its status line
    /// (while reading its body).
    pub fn status(&self) -> Option<u16> {
        self.status
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
        write!(f, "transport: {kind}: {}", self.message)
    }
}

impl StdError for TransportError {
    fn source(&self) -> Option<&(dyn StdError + 'static)> {
        self.source
            .as_deref()
            .map(|e| e as &(dyn StdError + 'static))
    }
}

/// A response that could not be decoded, with what arrived.
///
/// `Display` says what could not be read and shows the start of the body; the JSON
/// error (which member, line and column) is the `source()`.
#[derive(Debug)]
#[non_exhaustive]
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
    /// A response of HTTP `status` that could not be read; `what` says which part.
    pub fn new(what: impl Into<String>, status: u16) -> Self {
        DecodeError {
            what: what.into(),
            status,
            content_type: None,
            snippet: String::new(),
            request_id: None,
            source: None,
        }
    }

    pub(crate) fn from_response(
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

    /// The request id of the response, when it had one.
    pub fn request_id(&self) -> Option<&str> {
        self.request_id.as_deref()
    }
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "decode: {}; HTTP {}", self.what, self.status)?;
        match &self.content_type {
            Some(ct) => write!(f, ", content-type {}", bounded(ct))?,
            None => f.write_str(", no content-type")?,
        }
        if self.snippet.is_empty() {
            f.write_str(", empty body")?;
        } else {
            write!(f, ", body starts {:?}", self.snippet)?;
        }
        if let Some(id) = &self.request_id {
            write!(f, ", request id {}", bounded(id))?;
        }
        Ok(())
    }
}

impl StdError for DecodeError {
    fn source(&self) -> Option<&(dyn StdError + 'static)> {
        self.source.as_ref().map(|e| e as &(dyn StdError + 'static))
    }
}
