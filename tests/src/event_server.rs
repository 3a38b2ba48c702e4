//! A test-only event-stream server on loopback: answers each request with an HTTP/1.1
//! chunked response of `application/vnd.amazon.eventstream` messages, after checking
//! the request's SigV4 signature as `awsjson::stub` does.
//!
//! Raw tokio TCP, so that each test decides exactly which bytes go out in which HTTP
//! chunk (a message split over chunks, several messages in one), when it pauses, and
//! whether the stream ends cleanly, is cut short or is left open; and so that it sees
//! when the client hangs up and how far its writes got (flow control).

use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use awsjson::Credentials;
use awsjson::stub::RawRequest;
use tokio::io::{AsyncReadExt, AsyncWriteExt, BufReader};
use tokio::net::{TcpListener, TcpStream};

/// One step of a streamed response.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Step {
    /// Sends these bytes as one HTTP chunk.
    Chunk(Vec<u8>),
    /// Waits before the next step.
    Pause(Duration),
    /// Sends `message` `count` times, one chunk each, counting the bytes written in
    /// [`EventServer::written`]: writes block when the client stops reading.
    Flood {
        /// One encoded message.
        message: Vec<u8>,
        /// How many times.
        count: usize,
    },
    /// Sends nothing more and waits for the client to hang up.
    Hold,
    /// Closes the connection without the terminating chunk.
    Abort,
}

/// A request the server read, with what the signature check said.
#[derive(Debug, Clone)]
pub struct Received {
    /// The request as read.
    pub request: RawRequest,
    /// `None` when the signature verified, else the error code and message.
    pub rejected: Option<(String, String)>,
}

#[derive(Default)]
struct Shared {
    log: Mutex<Vec<Received>>,
    written: AtomicUsize,
    hung_up: AtomicBool,
}

/// A running event-stream server; stops accepting when dropped.
pub struct EventServer {
    url: String,
    shared: Arc<Shared>,
    task: tokio::task::JoinHandle<()>,
}

impl std::fmt::Debug for EventServer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("EventServer")
            .field("url", &self.url)
            .finish_non_exhaustive()
    }
}

impl EventServer {
    /// Starts on `127.0.0.1:0`: a request signed with `credentials` gets a 200 event
    /// stream made of `steps` (ended by the terminating chunk unless a step holds or
    /// aborts); any other gets the 403 AWS would send.
    pub async fn start(credentials: Credentials, steps: Vec<Step>) -> std::io::Result<EventServer> {
        let listener = TcpListener::bind(("127.0.0.1", 0)).await?;
        let url = format!("http://{}", listener.local_addr()?);
        let shared = Arc::new(Shared::default());
        let state = Arc::clone(&shared);
        let task = tokio::spawn(async move {
            while let Ok((stream, _)) = listener.accept().await {
                let _ = stream.set_nodelay(true);
                let (state, credentials, steps) =
                    (Arc::clone(&state), credentials.clone(), steps.clone());
                tokio::spawn(serve(stream, state, credentials, steps));
            }
        });
        Ok(EventServer { url, shared, task })
    }

    /// `http://127.0.0.1:PORT`.
    pub fn url(&self) -> &str {
        &self.url
    }

    /// Every request read so far.
    pub fn requests(&self) -> Vec<Received> {
        self.shared
            .log
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .clone()
    }

    /// Bytes of event chunks written so far (their framing included).
    pub fn written(&self) -> usize {
        self.shared.written.load(Ordering::SeqCst)
    }

    /// Whether a client hung up on a stream the server was holding or flooding.
    pub fn hung_up(&self) -> bool {
        self.shared.hung_up.load(Ordering::SeqCst)
    }
}

impl Drop for EventServer {
    fn drop(&mut self) {
        self.task.abort();
    }
}

async fn serve(stream: TcpStream, shared: Arc<Shared>, credentials: Credentials, steps: Vec<Step>) {
    let mut reader = BufReader::new(stream);
    let Ok(Some(request)) = awsjson::stub::read_request(&mut reader).await else {
        return;
    };
    let verdict = awsjson::stub::verify_request(&request, &credentials);
    let rejected = verdict
        .as_ref()
        .err()
        .map(|(code, message)| ((*code).to_owned(), message.clone()));
    shared
        .log
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .push(Received {
            request,
            rejected: rejected.clone(),
        });
    let stream = reader.get_mut();
    if let Some((code, message)) = rejected {
        let body = serde_json::json!({ "__type": code, "message": message }).to_string();
        let head = format!(
            "HTTP/1.1 403 Forbidden\r\ncontent-type: application/x-amz-json-1.1\r\n\
             x-amzn-requestid: event-server-rejected\r\ncontent-length: {}\r\n\r\n",
            body.len()
        );
        let _ = stream.write_all(head.as_bytes()).await;
        let _ = stream.write_all(body.as_bytes()).await;
        return;
    }
    let head = "HTTP/1.1 200 OK\r\ncontent-type: application/vnd.amazon.eventstream\r\n\
                x-amzn-requestid: event-server-1\r\ntransfer-encoding: chunked\r\n\r\n";
    if stream.write_all(head.as_bytes()).await.is_err() {
        return;
    }
    for step in steps {
        match step {
            Step::Chunk(bytes) => {
                if chunk(stream, &bytes, &shared).await.is_err() {
                    shared.hung_up.store(true, Ordering::SeqCst);
                    return;
                }
            }
            Step::Pause(wait) => tokio::time::sleep(wait).await,
            Step::Flood { message, count } => {
                for _ in 0..count {
                    if chunk(stream, &message, &shared).await.is_err() {
                        shared.hung_up.store(true, Ordering::SeqCst);
                        return;
                    }
                }
            }
            Step::Hold => {
                let mut sink = [0u8; 256];
                while let Ok(n) = reader.read(&mut sink).await {
                    if n == 0 {
                        break;
                    }
                }
                shared.hung_up.store(true, Ordering::SeqCst);
                return;
            }
            Step::Abort => return,
        }
    }
    let _ = stream.write_all(b"0\r\n\r\n").await;
    let _ = stream.flush().await;
}

async fn chunk(stream: &mut TcpStream, bytes: &[u8], shared: &Shared) -> std::io::Result<()> {
    let head = format!("{:x}\r\n", bytes.len());
    stream.write_all(head.as_bytes()).await?;
    stream.write_all(bytes).await?;
    stream.write_all(b"\r\n").await?;
    stream.flush().await?;
    shared
        .written
        .fetch_add(head.len() + bytes.len() + 2, Ordering::SeqCst);
    Ok(())
}
