//! A fault-injection HTTP/1.1 server on loopback, for retry and timeout tests.
//!
//! Raw tokio TCP, so that it can do what no well-behaved server does: reset a
//! connection, stop mid-body, trickle a body, announce more bytes than it sends, never
//! answer. Each request it reads takes the next [`Action`] of its script; when the
//! script is spent, the fallback action answers. Every request is recorded with its
//! headers and body, so tests can check what each attempt carried.
//!
//! It does not check signatures: `awsjson::stub::StubServer` does that.

use std::collections::VecDeque;
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::{Duration, Instant};

use tokio::io::{AsyncReadExt, AsyncWriteExt, BufReader};
use tokio::net::{TcpListener, TcpStream};

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

struct State {
    script: VecDeque<Action>,
    fallback: Action,
    log: Vec<Received>,
}

/// A running fault server; stops accepting when dropped.
pub struct FaultServer {
    url: String,
    state: Arc<Mutex<State>>,
    task: tokio::task::JoinHandle<()>,
}

impl std::fmt::Debug for FaultServer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("FaultServer")
            .field("url", &self.url)
            .finish_non_exhaustive()
    }
}

impl FaultServer {
    /// Starts on `127.0.0.1:0`: `script` answers the first requests in order, then
    /// `fallback` answers every later one.
    pub async fn start(script: Vec<Action>, fallback: Action) -> std::io::Result<FaultServer> {
        let listener = TcpListener::bind(("127.0.0.1", 0)).await?;
        let url = format!("http://{}", listener.local_addr()?);
        let state = Arc::new(Mutex::new(State {
            script: script.into(),
            fallback,
            log: Vec::new(),
        }));
        let shared = Arc::clone(&state);
        let task = tokio::spawn(async move {
            while let Ok((stream, _)) = listener.accept().await {
                // Heads and bodies go out as separate writes: without this, Nagle and
                // delayed ACKs add 40 ms to every response.
                let _ = stream.set_nodelay(true);
                tokio::spawn(serve(stream, Arc::clone(&shared)));
            }
        });
        Ok(FaultServer { url, state, task })
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

    /// Forgets the requests read so far (for long runs whose log would grow).
    pub fn clear(&self) {
        let mut state = lock(&self.state);
        state.log = Vec::new();
    }

    /// Replaces what answers once the script is spent.
    pub fn set_fallback(&self, action: Action) {
        lock(&self.state).fallback = action;
    }

    /// Appends actions to the script.
    pub fn push(&self, actions: impl IntoIterator<Item = Action>) {
        lock(&self.state).script.extend(actions);
    }
}

impl Drop for FaultServer {
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
        let action = {
            let mut state = lock(&state);
            state.log.push(request);
            match state.script.pop_front() {
                Some(action) => action,
                None => state.fallback.clone(),
            }
        };
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
    let mut head = format!("HTTP/1.1 {} Fault\r\n", reply.status);
    for (name, value) in &reply.headers {
        head.push_str(&format!("{name}: {value}\r\n"));
    }
    if let Some(len) = content_length {
        head.push_str(&format!("content-length: {len}\r\n"));
    }
    head.push_str("\r\n");
    head.into_bytes()
}

async fn write(stream: &mut TcpStream, parts: &[&[u8]]) -> bool {
    for part in parts {
        if stream.write_all(part).await.is_err() {
            return false;
        }
    }
    stream.flush().await.is_ok()
}

async fn read_request(reader: &mut BufReader<TcpStream>) -> std::io::Result<Option<Received>> {
    Ok(awsjson::stub::read_request(reader)
        .await?
        .map(|raw| Received {
            method: raw.method,
            path: raw.path,
            headers: raw.headers,
            body: raw.body,
            at: Instant::now(),
        }))
}
