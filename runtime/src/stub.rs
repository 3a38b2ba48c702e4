//! A local awsJson endpoint for tests: verifies SigV4, answers from handlers.
//!
//! Enabled by the `test-util` feature. The stub listens on `127.0.0.1` on a free
//! port, recomputes every request's signature from the raw bytes it received (it
//! never trusts the signature the client sent), checks `Content-Type` and
//! `X-Amz-Target`, and answers from the handler registered for the target (restJson1
//! requests, which have no target: for their method and path).
//!
//! What the signature check proves: the stub recomputes with this crate's own SigV4
//! signer ([`crate::sigv4`]), so an accepted request shows that the bytes on the wire
//! are the bytes that were signed (headers, path and body not changed after signing,
//! the right key, region, service and time), not that the signer is correct. That is
//! consistency, not correctness: the signer itself is checked against the official
//! SigV4 test suite and against moto's independent verifier (the awsjson-tests crate).
//!
//! ```
//! use awsjson::stub::{StubResponse, StubServer};
//! use awsjson::Credentials;
//!
//! # #[tokio::main(flavor = "current_thread")]
//! # async fn main() {
//! let creds = Credentials::new("AKIDSTUB", "stub-secret", None);
//! let stub = StubServer::builder()
//!     .credentials(creds.clone())
//!     .on("DynamoDB_20120810.ListTables", |_req| {
//!         StubResponse::json(r#"{"TableNames":["a"]}"#)
//!     })
//!     .start()
//!     .await
//!     .unwrap();
//! let client = awsjson::Client::builder()
//!     .region("us-east-1")
//!     .credentials(creds)
//!     .endpoint_url(stub.url())
//!     .build()
//!     .unwrap();
//! # let _ = client;
//! # }
//! ```

use std::collections::HashMap;
use std::fmt;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use tokio::io::{AsyncBufReadExt, AsyncReadExt, AsyncWriteExt, BufReader};
use tokio::net::{TcpListener, TcpStream};

use crate::{Credentials, sigv4};

type Handler = Arc<dyn Fn(&StubRequest) -> StubResponse + Send + Sync>;

/// A request the stub received.
#[derive(Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct StubRequest {
    /// The `X-Amz-Target` header.
    pub target: String,
    /// The request path.
    pub path: String,
    /// Headers as received, names lower-cased.
    pub headers: Vec<(String, String)>,
    /// The body.
    pub body: Vec<u8>,
    /// `None` when the signature verified; otherwise why it did not.
    pub rejected: Option<String>,
}

impl StubRequest {
    /// The first value of a header (case-insensitive).
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    /// The body parsed as JSON (`Null` if it is not JSON).
    pub fn json(&self) -> serde_json::Value {
        serde_json::from_slice(&self.body).unwrap_or(serde_json::Value::Null)
    }
}

impl fmt::Debug for StubRequest {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("StubRequest")
            .field("target", &self.target)
            .field("path", &self.path)
            .field("body", &String::from_utf8_lossy(&self.body))
            .field("rejected", &self.rejected)
            .finish_non_exhaustive()
    }
}

/// What the stub answers.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct StubResponse {
    /// HTTP status.
    pub status: u16,
    /// Extra headers (`Content-Length` and `Connection` are added).
    pub headers: Vec<(String, String)>,
    /// The body.
    pub body: Vec<u8>,
}

impl StubResponse {
    /// `200` with a JSON body.
    pub fn json(body: impl Into<String>) -> Self {
        StubResponse {
            status: 200,
            headers: vec![("content-type".into(), "application/x-amz-json-1.0".into())],
            body: body.into().into_bytes(),
        }
    }

    /// An error shaped as AWS sends it: `X-Amzn-ErrorType` and a body with a
    /// namespace-qualified `__type` and `message`.
    pub fn error(status: u16, code: &str, message: &str) -> Self {
        let body = serde_json::json!({ "__type": format!("com.amazonaws.stub#{code}"), "message": message });
        StubResponse {
            status,
            headers: vec![
                ("content-type".into(), "application/x-amz-json-1.0".into()),
                (
                    "x-amzn-errortype".into(),
                    format!("{code}:http://internal.amazon.com/coral/"),
                ),
            ],
            body: body.to_string().into_bytes(),
        }
    }

    /// Any status, content type and bytes (an HTML page from a proxy, a truncated body).
    pub fn raw(status: u16, content_type: &str, body: impl Into<Vec<u8>>) -> Self {
        StubResponse {
            status,
            headers: vec![("content-type".into(), content_type.into())],
            body: body.into(),
        }
    }

    /// Adds a header.
    #[must_use]
    pub fn with_header(mut self, name: &str, value: &str) -> Self {
        self.headers
            .push((name.to_ascii_lowercase(), value.to_owned()));
        self
    }
}

/// Configures a [`StubServer`].
#[derive(Default)]
pub struct StubBuilder {
    credentials: Vec<Credentials>,
    region: Option<String>,
    signing_name: Option<String>,
    handlers: HashMap<String, Handler>,
}

impl fmt::Debug for StubBuilder {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("StubBuilder")
            .field("credentials", &self.credentials)
            .field("targets", &self.handlers.keys().collect::<Vec<_>>())
            .finish_non_exhaustive()
    }
}

impl StubBuilder {
    /// Accepts requests signed with these credentials (call again for more).
    #[must_use]
    pub fn credentials(mut self, credentials: Credentials) -> Self {
        self.credentials.push(credentials);
        self
    }

    /// Rejects requests whose credential scope names another region.
    #[must_use]
    pub fn region(mut self, region: &str) -> Self {
        self.region = Some(region.to_owned());
        self
    }

    /// Rejects requests whose credential scope names another signing name.
    #[must_use]
    pub fn signing_name(mut self, name: &str) -> Self {
        self.signing_name = Some(name.to_owned());
        self
    }

    /// Answers requests with this `X-Amz-Target` from `handler`; restJson1 requests,
    /// which have none, by method and path (`"POST /model/m-1/converse-stream"`,
    /// the path as sent, without its query).
    #[must_use]
    pub fn on(
        mut self,
        target: &str,
        handler: impl Fn(&StubRequest) -> StubResponse + Send + Sync + 'static,
    ) -> Self {
        self.handlers.insert(target.to_owned(), Arc::new(handler));
        self
    }

    /// Binds `127.0.0.1:0` and starts serving on the current tokio runtime.
    pub async fn start(self) -> std::io::Result<StubServer> {
        let listener = TcpListener::bind(("127.0.0.1", 0)).await?;
        let url = format!("http://{}", listener.local_addr()?);
        let state = Arc::new(State {
            config: self,
            log: Mutex::new(Vec::new()),
        });
        let task_state = Arc::clone(&state);
        let task = tokio::spawn(async move {
            loop {
                match listener.accept().await {
                    Ok((stream, _)) => {
                        // A kept-alive connection's small write would otherwise wait
                        // for the client's delayed ACK: 40 ms or more per call.
                        let _ = stream.set_nodelay(true);
                        tokio::spawn(serve(stream, Arc::clone(&task_state)));
                    }
                    // Out of file descriptors (EMFILE) under many concurrent calls: the
                    // connection waits in the backlog until others close. Stopping here
                    // would leave every later client hanging.
                    Err(error) => {
                        tracing::debug!(%error, "stub: accept failed; retrying");
                        tokio::time::sleep(Duration::from_millis(10)).await;
                    }
                }
            }
        });
        Ok(StubServer { url, state, task })
    }
}

struct State {
    config: StubBuilder,
    log: Mutex<Vec<StubRequest>>,
}

/// A running stub endpoint; stops when dropped.
pub struct StubServer {
    url: String,
    state: Arc<State>,
    task: tokio::task::JoinHandle<()>,
}

impl fmt::Debug for StubServer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("StubServer")
            .field("url", &self.url)
            .finish_non_exhaustive()
    }
}

impl StubServer {
    /// A builder.
    pub fn builder() -> StubBuilder {
        StubBuilder::default()
    }

    /// `http://127.0.0.1:PORT`, for [`ClientBuilder::endpoint_url`](crate::ClientBuilder::endpoint_url).
    pub fn url(&self) -> &str {
        &self.url
    }

    /// Every request received so far, accepted or rejected, in order.
    pub fn requests(&self) -> Vec<StubRequest> {
        self.state
            .log
            .lock()
            .map(|log| log.clone())
            .unwrap_or_default()
    }
}

impl Drop for StubServer {
    fn drop(&mut self) {
        self.task.abort();
    }
}

const MAX_HEAD: usize = 64 * 1024;
const MAX_BODY: usize = 16 * 1024 * 1024;

async fn serve(stream: TcpStream, state: Arc<State>) {
    let mut reader = BufReader::new(stream);
    // Keep-alive: clients pool connections; an idle one is closed after a while.
    while let Ok(Ok(Some(raw))) =
        tokio::time::timeout(Duration::from_secs(30), read_request(&mut reader)).await
    {
        let (request, response) = handle(&state, raw);
        if let Ok(mut log) = state.log.lock() {
            log.push(request);
        }
        if write_response(reader.get_mut(), &response).await.is_err() {
            return;
        }
    }
}

/// An HTTP/1.1 request as [`read_request`] read it off the wire.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct RawRequest {
    /// Request method.
    pub method: String,
    /// The request target as sent: the path and, after `?`, the query.
    pub path: String,
    /// Headers, names lower-cased, in order.
    pub headers: Vec<(String, String)>,
    /// The body bytes (`content-length` of them).
    pub body: Vec<u8>,
}

/// Reads one HTTP/1.1 request: `None` when the connection closed before it began, an
/// `InvalidData` error for a malformed or oversized one (head over 64 KiB, body over
/// 16 MiB) or one cut short. The stub's reader, shared with other loopback test servers.
pub async fn read_request(
    reader: &mut BufReader<TcpStream>,
) -> std::io::Result<Option<RawRequest>> {
    let bad = |what: &str| std::io::Error::new(std::io::ErrorKind::InvalidData, what.to_owned());
    let mut line = String::new();
    if reader.read_line(&mut line).await? == 0 {
        return Ok(None);
    }
    let mut parts = line.trim_end().splitn(3, ' ');
    let (Some(method), Some(path)) = (parts.next(), parts.next()) else {
        return Err(bad("malformed request line"));
    };
    let (method, path) = (method.to_owned(), path.to_owned());
    let mut headers = Vec::new();
    let mut head_len = line.len();
    loop {
        line.clear();
        let read = reader.read_line(&mut line).await?;
        if read == 0 {
            return Err(bad("connection closed in the request head"));
        }
        head_len += read;
        if head_len > MAX_HEAD {
            return Err(bad("request head too large"));
        }
        let l = line.trim_end_matches(['\r', '\n']);
        if l.is_empty() {
            break;
        }
        let (name, value) = l.split_once(':').ok_or_else(|| bad("malformed header"))?;
        headers.push((name.trim().to_ascii_lowercase(), value.trim().to_owned()));
    }
    let len = headers
        .iter()
        .find(|(n, _)| n == "content-length")
        .and_then(|(_, v)| v.parse::<usize>().ok())
        .unwrap_or(0);
    if len > MAX_BODY {
        return Err(bad("request body too large"));
    }
    let mut body = vec![0; len];
    reader.read_exact(&mut body).await?;
    Ok(Some(RawRequest {
        method,
        path,
        headers,
        body,
    }))
}

/// [`read_request`], and a chunked body (a streaming request body) read to its end:
/// for servers that take whole requests. A server that reads a chunked body as it
/// comes (an event stream) uses [`read_request`] and reads the chunks itself.
pub async fn read_whole_request(
    reader: &mut BufReader<TcpStream>,
) -> std::io::Result<Option<RawRequest>> {
    let bad = |what: &str| std::io::Error::new(std::io::ErrorKind::InvalidData, what.to_owned());
    let Some(mut request) = read_request(reader).await? else {
        return Ok(None);
    };
    let chunked = request
        .headers
        .iter()
        .any(|(n, v)| n == "transfer-encoding" && v.eq_ignore_ascii_case("chunked"));
    if !chunked {
        return Ok(Some(request));
    }
    let mut line = String::new();
    loop {
        line.clear();
        if reader.read_line(&mut line).await? == 0 {
            return Err(bad("connection closed in a chunked body"));
        }
        let size = line.trim_end().split(';').next().unwrap_or("");
        let size =
            usize::from_str_radix(size.trim(), 16).map_err(|_| bad("malformed chunk size"))?;
        if request.body.len() + size > MAX_BODY {
            return Err(bad("request body too large"));
        }
        let start = request.body.len();
        request.body.resize(start + size, 0);
        reader.read_exact(&mut request.body[start..]).await?;
        line.clear();
        reader.read_line(&mut line).await?;
        if size == 0 {
            return Ok(Some(request));
        }
    }
}

fn handle(state: &State, raw: RawRequest) -> (StubRequest, StubResponse) {
    let target = raw
        .headers
        .iter()
        .find(|(n, _)| n == "x-amz-target")
        .map(|(_, v)| v.clone())
        .unwrap_or_default();
    let verdict = verify(&state.config, &raw);
    let mut request = StubRequest {
        target,
        path: raw.path,
        headers: raw.headers,
        body: raw.body,
        rejected: verdict.as_ref().err().map(|(_, msg)| msg.clone()),
    };
    // restJson1 has no target: its requests are routed by method and path.
    let route = match request.target.is_empty() {
        true => format!(
            "{} {}",
            raw.method,
            request.path.split('?').next().unwrap_or_default()
        ),
        false => request.target.clone(),
    };
    let response = match verdict {
        Err((code, message)) => {
            let status = if code == "UnknownOperationException" || code == "SerializationException"
            {
                400
            } else {
                403
            };
            StubResponse::error(status, code, &message)
        }
        Ok(()) => match state.config.handlers.get(&route) {
            Some(handler) => handler(&request),
            None => {
                request.rejected = Some(format!("no handler for {route}"));
                StubResponse::error(
                    400,
                    "UnknownOperationException",
                    "no handler for this target",
                )
            }
        },
    };
    let id = format!(
        "stub-{:08x}",
        state.log.lock().map(|l| l.len()).unwrap_or(0)
    );
    let response = if response
        .headers
        .iter()
        .any(|(n, _)| n == "x-amzn-requestid")
    {
        response
    } else {
        response.with_header("x-amzn-RequestId", &id)
    };
    (request, response)
}

/// Checks `raw` as the stub checks every request (awsJson's method, content type and
/// `X-Amz-Target` when it has a target, and its SigV4 signature recomputed from the
/// bytes received) against
/// `credentials`; on failure the error code and message AWS would send. For other
/// loopback test servers (the event-stream server of awsjson's tests).
pub fn verify_request(
    raw: &RawRequest,
    credentials: &Credentials,
) -> Result<(), (&'static str, String)> {
    verify(
        &StubBuilder::default().credentials(credentials.clone()),
        raw,
    )
}

/// Checks the request the way AWS's front door does; on failure the error code and
/// message AWS would send.
fn verify(config: &StubBuilder, raw: &RawRequest) -> Result<(), (&'static str, String)> {
    let header = |name: &str| {
        raw.headers
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    };
    let invalid = |msg: String| ("InvalidSignatureException", msg);
    // A request without `X-Amz-Target` is restJson1's: any method, any content type.
    if header("x-amz-target").is_some() {
        verify_aws_json(raw)?;
    }
    let auth = header("authorization").ok_or_else(|| {
        (
            "MissingAuthenticationTokenException",
            "Missing Authentication Token".to_owned(),
        )
    })?;
    let parsed = sigv4::parse_authorization(auth)
        .ok_or_else(|| invalid("malformed Authorization header".into()))?;
    let creds = config
        .credentials
        .iter()
        .find(|c| c.access_key_id() == parsed.access_key_id)
        .ok_or_else(|| {
            (
                "UnrecognizedClientException",
                "The security token included in the request is invalid.".to_owned(),
            )
        })?;
    if config
        .region
        .as_ref()
        .is_some_and(|region| parsed.region != *region)
    {
        return Err(invalid(format!(
            "Credential should be scoped to a valid region, not '{}'",
            parsed.region
        )));
    }
    if let Some(name) = config
        .signing_name
        .as_ref()
        .filter(|name| parsed.service != *name)
    {
        return Err(invalid(format!(
            "Credential should be scoped to correct service: '{name}'"
        )));
    }
    let amz_date = header("x-amz-date").ok_or_else(|| invalid("missing X-Amz-Date".into()))?;
    let time = sigv4::parse_amz_date(amz_date)
        .ok_or_else(|| invalid(format!("malformed X-Amz-Date {amz_date:?}")))?;
    if !amz_date.starts_with(parsed.date) {
        return Err(invalid(
            "the credential scope date is not the X-Amz-Date date".into(),
        ));
    }
    let token = header("x-amz-security-token");
    if token != creds.session_token() {
        return Err((
            "UnrecognizedClientException",
            "The security token included in the request is invalid.".into(),
        ));
    }
    let mut signed = Vec::new();
    for name in parsed.signed_header_names() {
        let values: Vec<&str> = raw
            .headers
            .iter()
            .filter(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
            .collect();
        if values.is_empty() {
            return Err(invalid(format!("signed header {name:?} is missing")));
        }
        signed.extend(values.into_iter().map(|v| (name, v)));
    }
    if !signed.iter().any(|(n, _)| *n == "host") {
        return Err(invalid("the Host header is not signed".into()));
    }
    let expected = sigv4::sign(
        &sigv4::SignableRequest {
            method: &raw.method,
            uri: &raw.path,
            headers: &signed,
            body: &raw.body,
        },
        &sigv4::SigningParams {
            access_key_id: creds.access_key_id(),
            secret_access_key: creds.secret_access_key(),
            session_token: token,
            region: parsed.region,
            service: parsed.service,
            time,
            settings: sigv4::SigningSettings::default(),
        },
    );
    if expected.signed_headers != parsed.signed_headers || expected.signature != parsed.signature {
        return Err(invalid(
            "The request signature we calculated does not match the signature you provided. \
             Check your AWS Secret Access Key and signing method."
                .into(),
        ));
    }
    Ok(())
}

/// awsJson's own rules: `POST`, its content type, a well-formed `X-Amz-Target`.
fn verify_aws_json(raw: &RawRequest) -> Result<(), (&'static str, String)> {
    let header = |name: &str| {
        raw.headers
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    };
    if raw.method != "POST" {
        return Err((
            "UnknownOperationException",
            format!("method {} is not POST", raw.method),
        ));
    }
    let content_type = header("content-type").unwrap_or("");
    if !matches!(
        content_type,
        "application/x-amz-json-1.0" | "application/x-amz-json-1.1"
    ) {
        return Err((
            "SerializationException",
            format!("unexpected content-type {content_type:?}"),
        ));
    }
    if !header("x-amz-target").is_some_and(|t| t.contains('.')) {
        return Err(("UnknownOperationException", "malformed X-Amz-Target".into()));
    }
    Ok(())
}

async fn write_response(stream: &mut TcpStream, response: &StubResponse) -> std::io::Result<()> {
    let reason = match response.status {
        200 => "OK",
        400 => "Bad Request",
        403 => "Forbidden",
        404 => "Not Found",
        500 => "Internal Server Error",
        502 => "Bad Gateway",
        503 => "Service Unavailable",
        _ => "Status",
    };
    let mut head = format!("HTTP/1.1 {} {reason}\r\n", response.status);
    for (name, value) in &response.headers {
        head.push_str(&format!("{name}: {value}\r\n"));
    }
    head.push_str(&format!("content-length: {}\r\n\r\n", response.body.len()));
    // One write: with a second one for the body, Nagle would hold the body back
    // until the client acknowledged the head.
    let mut bytes = head.into_bytes();
    bytes.extend_from_slice(&response.body);
    stream.write_all(&bytes).await?;
    stream.flush().await
}
