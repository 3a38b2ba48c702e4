//! The loopback HTTP/1.1 server of the test suite, for every test that needs a server
//! other than the signature-checking stub (`awsjson::stub::StubServer`, the public
//! one for `test-util` users): retries, timeouts and transport faults, credential
//! sources (ECS, IMDS, STS, IAM Identity Center), recorded traffic.
//!
//! Raw tokio TCP, so that it can do what no well-behaved server does: reset a
//! connection, stop mid-body, trickle a body, announce more bytes than it sends, never
//! answer. Each request it reads takes the next [`Action`] of its script; when the
//! script is spent, the responder answers: one fixed action ([`Server::start`]) or a
//! closure over the request ([`Server::answering`]). Every request is recorded with
//! its headers and body, so tests can check what each attempt carried.
//!
//! Responses go out in one write with `TCP_NODELAY`: on a kept-alive connection a
//! small second write would wait for the client's delayed ACK (40 ms on Linux).

use std::collections::VecDeque;
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::{Duration, Instant};

use tokio::io::{AsyncReadExt, AsyncWriteExt, BufReader};
use tokio::net::{TcpListener, TcpStream};

use crate::fixture;

/// A response to write.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reply {
    /// HTTP status.
    pub status: u16,
    /// Headers besides `Content-Length` (which the action decides).
    pub headers: Vec<(String, String)>,
    /// The body.
    pub body: Vec<u8>,
}

impl Reply {
    /// A reply with no headers but the `Content-Length` the action adds (what ECS,
    /// instance metadata and the credential tests' fakes answer).
    pub fn new(status: u16, body: impl Into<Vec<u8>>) -> Self {
        Reply {
            status,
            headers: Vec::new(),
            body: body.into(),
        }
    }

    /// A JSON reply with this status.
    pub fn json(status: u16, body: impl Into<Vec<u8>>) -> Self {
        Reply {
            status,
            headers: vec![("content-type".into(), "application/x-amz-json-1.0".into())],
            body: body.into(),
        }
    }

    /// An AWS error: `X-Amzn-ErrorType`, `x-amzn-RequestId` and a JSON body with
    /// `__type` and `message`.
    pub fn error(status: u16, code: &str, message: &str) -> Self {
        let body = serde_json::json!({ "__type": format!("com.amazonaws.fault#{code}"), "message": message });
        Reply::json(status, body.to_string())
            .with_header("x-amzn-errortype", code)
            .with_header("x-amzn-requestid", &format!("fault-{code}"))
    }

    /// Any content type and bytes.
    pub fn raw(status: u16, content_type: &str, body: impl Into<Vec<u8>>) -> Self {
        Reply {
            status,
            headers: vec![("content-type".into(), content_type.into())],
            body: body.into(),
        }
    }

    /// Adds a header.
    #[must_use]
    pub fn with_header(mut self, name: &str, value: &str) -> Self {
        self.headers.push((name.into(), value.into()));
        self
    }
}

impl From<Reply> for Action {
    fn from(reply: Reply) -> Self {
        Action::Respond(reply)
    }
}

/// A status and a body, answered as [`Reply::new`]: the shape of the credential
/// sources' fakes (`Server::answering(|_| (200, document))`).
impl From<(u16, String)> for Action {
    fn from((status, body): (u16, String)) -> Self {
        Action::Respond(Reply::new(status, body))
    }
}

/// What the server does with one request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    /// Answers, with a correct `Content-Length`, and keeps the connection open.
    Respond(Reply),
    /// Reads the request and resets the connection (TCP RST) without a byte of answer.
    Reset,
    /// Sends the head (with the full `Content-Length`) and the first `sent` bytes of
    /// the body, then resets the connection.
    ResetMidBody {
        /// What the response would have been.
        reply: Reply,
        /// How many body bytes go out before the reset.
        sent: usize,
    },
    /// Reads the request and never answers, until the client hangs up.
    Hang,
    /// Sends the head (with the full `Content-Length`) and the first `sent` bytes of
    /// the body, then sends nothing more until the client hangs up.
    Stall {
        /// What the response would have been.
        reply: Reply,
        /// How many body bytes go out before the silence.
        sent: usize,
    },
    /// Sends the head, then the body `chunk` bytes at a time, one chunk per `every`.
    Trickle {
        /// The response.
        reply: Reply,
        /// Bytes per write.
        chunk: usize,
        /// Pause before each write.
        every: Duration,
    },
    /// Announces `declared` bytes in `Content-Length`, sends the (shorter) body, then
    /// closes the connection.
    ShortBody {
        /// The response.
        reply: Reply,
        /// The `Content-Length` sent.
        declared: usize,
    },
    /// Sends no `Content-Length`: the body runs until the connection closes.
    CloseDelimited(Reply),
}

/// A request as the server read it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Received {
    /// Request method.
    pub method: String,
    /// The request target as sent: the path and, after `?`, the query.
    pub path: String,
    /// Headers, names lower-cased, in order.
    pub headers: Vec<(String, String)>,
    /// The body bytes.
    pub body: Vec<u8>,
    /// When the request had been read.
    pub at: Instant,
}

impl Received {
    /// The first value of a header (case-insensitive).
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    /// The body as text (invalid UTF-8 replaced).
    pub fn text(&self) -> std::borrow::Cow<'_, str> {
        String::from_utf8_lossy(&self.body)
    }

    /// The body as JSON (`Null` when it is not JSON).
    pub fn json(&self) -> serde_json::Value {
        serde_json::from_slice(&self.body).unwrap_or(serde_json::Value::Null)
    }

    /// The path without the query.
    pub fn path_only(&self) -> &str {
        self.path.split('?').next().unwrap_or("")
    }

    /// The first value of a query parameter, percent-decoded (`+` as a space).
    pub fn query_param(&self, name: &str) -> Option<String> {
        let (_, query) = self.path.split_once('?')?;
        query.split('&').find_map(|pair| {
            let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
            (percent_decode(k) == name).then(|| percent_decode(v))
        })
    }
}

fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = bytes
            .get(i + 1..i + 3)
            .and_then(|h| std::str::from_utf8(h).ok())
            .and_then(|h| u8::from_str_radix(h, 16).ok());
        match (bytes[i], hex) {
            (b'%', Some(b)) => {
                out.push(b);
                i += 3;
                continue;
            }
            (b'+', _) => out.push(b' '),
            (b, _) => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

type Responder = Arc<dyn Fn(&Received) -> Action + Send + Sync>;

struct State {
    script: VecDeque<Action>,
    responder: Responder,
    log: Vec<Received>,
}

/// A running loopback server; stops accepting when dropped.
pub struct Server {
    url: String,
    state: Arc<Mutex<State>>,
    task: tokio::task::JoinHandle<()>,
}

impl std::fmt::Debug for Server {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Server")
            .field("url", &self.url)
            .finish_non_exhaustive()
    }
}

impl Server {
    /// Starts on `127.0.0.1:0`: `script` answers the first requests in order, then
    /// `fallback` answers every later one.
    pub async fn start(script: Vec<Action>, fallback: Action) -> std::io::Result<Server> {
        Server::launch(script, Arc::new(move |_: &Received| fallback.clone())).await
    }

    /// Starts on `127.0.0.1:0`, answering every request with what `handler` returns
    /// for it (a [`Reply`] or any [`Action`]). The request is logged before the
    /// handler runs.
    pub async fn answering<A: Into<Action>>(
        handler: impl Fn(&Received) -> A + Send + Sync + 'static,
    ) -> std::io::Result<Server> {
        Server::launch(
            Vec::new(),
            Arc::new(move |request: &Received| handler(request).into()),
        )
        .await
    }

    async fn launch(script: Vec<Action>, responder: Responder) -> std::io::Result<Server> {
        let listener = TcpListener::bind(("127.0.0.1", 0)).await?;
        let url = format!("http://{}", listener.local_addr()?);
        let state = Arc::new(Mutex::new(State {
            script: script.into(),
            responder,
            log: Vec::new(),
        }));
        let shared = Arc::clone(&state);
        let task = tokio::spawn(async move {
            loop {
                match listener.accept().await {
                    Ok((stream, _)) => {
                        // Some actions write a head and then a part of the body:
                        // without this, Nagle and delayed ACKs add 40 ms to the second.
                        let _ = stream.set_nodelay(true);
                        tokio::spawn(serve(stream, Arc::clone(&shared)));
                    }
                    // Out of descriptors (EMFILE) under a load test: the connection
                    // waits in the backlog; stopping here would hang every later call.
                    Err(_) => tokio::time::sleep(Duration::from_millis(10)).await,
                }
            }
        });
        Ok(Server { url, state, task })
    }

    /// A client builder for this server: region `us-east-1`, the fixture's static
    /// credentials, and a 1–5 ms backoff so that retries cost no time.
    pub fn client_builder(&self) -> awsjson::ClientBuilder {
        client_builder(&self.url)
    }

    /// `http://127.0.0.1:PORT`.
    pub fn url(&self) -> &str {
        &self.url
    }

    /// Every request read so far, in order.
    pub fn requests(&self) -> Vec<Received> {
        lock(&self.state).log.clone()
    }

    /// How many requests were read so far.
    pub fn count(&self) -> usize {
        lock(&self.state).log.len()
    }

    /// How many requests with this method and target (path and query) were read.
    pub fn count_of(&self, method: &str, path: &str) -> usize {
        lock(&self.state)
            .log
            .iter()
            .filter(|r| r.method == method && r.path == path)
            .count()
    }

    /// Forgets the requests read so far (for long runs whose log would grow).
    pub fn clear(&self) {
        let mut state = lock(&self.state);
        state.log = Vec::new();
    }

    /// Replaces what answers once the script is spent.
    pub fn set_fallback(&self, action: Action) {
        lock(&self.state).responder = Arc::new(move |_: &Received| action.clone());
    }

    /// Appends actions to the script.
    pub fn push(&self, actions: impl IntoIterator<Item = Action>) {
        lock(&self.state).script.extend(actions);
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.task.abort();
    }
}

fn lock(state: &Mutex<State>) -> MutexGuard<'_, State> {
    // A panicking test thread must not hide the log from the others.
    state.lock().unwrap_or_else(|e| e.into_inner())
}

async fn serve(stream: TcpStream, state: Arc<Mutex<State>>) {
    let mut reader = BufReader::new(stream);
    while let Ok(Some(request)) = read_request(&mut reader).await {
        let scripted = {
            let mut state = lock(&state);
            state.log.push(request.clone());
            state
                .script
                .pop_front()
                .ok_or_else(|| Arc::clone(&state.responder))
        };
        // The handler runs without the lock: it may take locks of its own.
        let action = scripted.unwrap_or_else(|responder| responder(&request));
        if !act(&mut reader, action).await {
            return;
        }
    }
}

/// Carries out one action; false when the connection is finished.
async fn act(reader: &mut BufReader<TcpStream>, action: Action) -> bool {
    match action {
        Action::Respond(reply) => {
            let head = head(&reply, Some(reply.body.len()));
            write(reader.get_mut(), &[&head, &reply.body]).await
        }
        Action::Reset => {
            reset(reader.get_mut());
            false
        }
        Action::ResetMidBody { reply, sent } => {
            let head = head(&reply, Some(reply.body.len()));
            let part = &reply.body[..sent.min(reply.body.len())];
            write(reader.get_mut(), &[&head, part]).await;
            // Let the bytes leave before the RST, so the client sees them first.
            tokio::time::sleep(Duration::from_millis(20)).await;
            reset(reader.get_mut());
            false
        }
        Action::Hang => {
            wait_for_hang_up(reader).await;
            false
        }
        Action::Stall { reply, sent } => {
            let head = head(&reply, Some(reply.body.len()));
            let part = &reply.body[..sent.min(reply.body.len())];
            if write(reader.get_mut(), &[&head, part]).await {
                wait_for_hang_up(reader).await;
            }
            false
        }
        Action::Trickle {
            reply,
            chunk,
            every,
        } => {
            let head = head(&reply, Some(reply.body.len()));
            if !write(reader.get_mut(), &[&head]).await {
                return false;
            }
            for part in reply.body.chunks(chunk.max(1)) {
                tokio::time::sleep(every).await;
                if !write(reader.get_mut(), &[part]).await {
                    return false;
                }
            }
            true
        }
        Action::ShortBody { reply, declared } => {
            let head = head(&reply, Some(declared));
            write(reader.get_mut(), &[&head, &reply.body]).await;
            let _ = reader.get_mut().shutdown().await;
            false
        }
        Action::CloseDelimited(reply) => {
            let mut head = head(&reply, None);
            // HTTP/1.1 keeps a connection open unless told otherwise.
            head.splice(head.len() - 2..head.len() - 2, *b"connection: close\r\n");
            write(reader.get_mut(), &[&head, &reply.body]).await;
            let _ = reader.get_mut().shutdown().await;
            false
        }
    }
}

/// Waits for the client to give up (EOF or error), reading and dropping.
async fn wait_for_hang_up(reader: &mut BufReader<TcpStream>) {
    let mut sink = [0u8; 1024];
    while let Ok(n) = reader.read(&mut sink).await {
        if n == 0 {
            break;
        }
    }
}

fn reset(stream: &TcpStream) {
    // SO_LINGER 0 turns the close into a RST.
    #[allow(deprecated)]
    let _ = stream.set_linger(Some(Duration::ZERO));
}

fn head(reply: &Reply, content_length: Option<usize>) -> Vec<u8> {
    let mut head = format!("HTTP/1.1 {} Test\r\n", reply.status);
    for (name, value) in &reply.headers {
        head.push_str(&format!("{name}: {value}\r\n"));
    }
    if let Some(len) = content_length {
        head.push_str(&format!("content-length: {len}\r\n"));
    }
    head.push_str("\r\n");
    head.into_bytes()
}

/// Writes `parts` as one buffer: one write, so no part waits for an ACK of another.
async fn write(stream: &mut TcpStream, parts: &[&[u8]]) -> bool {
    let bytes = parts.concat();
    stream.write_all(&bytes).await.is_ok() && stream.flush().await.is_ok()
}

async fn read_request(reader: &mut BufReader<TcpStream>) -> std::io::Result<Option<Received>> {
    Ok(awsjson::stub::read_whole_request(reader)
        .await?
        .map(|raw| Received {
            method: raw.method,
            path: raw.path,
            headers: raw.headers,
            body: raw.body,
            at: Instant::now(),
        }))
}

/// A client builder for a loopback server at `url` (which may be a closed port):
/// region `us-east-1`, [`fixture::credentials`], and a 1–5 ms backoff so that retries
/// cost no time.
pub fn client_builder(url: &str) -> awsjson::ClientBuilder {
    awsjson::Client::builder()
        .region("us-east-1")
        .credentials(fixture::credentials())
        .endpoint_url(url)
        .initial_backoff(Duration::from_millis(1))
        .max_backoff(Duration::from_millis(5))
}

/// A loopback URL where nothing listens: connecting is refused at once.
pub fn closed_port_url() -> String {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind a free port");
    let addr = listener.local_addr().expect("a bound address");
    drop(listener);
    format!("http://{addr}")
}
