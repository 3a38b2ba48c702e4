//! A test-only event-stream server on loopback: answers each request with an HTTP/1.1
//! chunked response of `application/vnd.amazon.eventstream` messages, after checking
//! the request's SigV4 signature as `awsjson::stub` does.
//!
//! Started with [`EventServer::start_reading_input`], it takes the request's body as an
//! input event stream first: the request signed with the streaming payload hash, then
//! each message's chained `:chunk-signature` recomputed here (with ring, from the
//! specification, not with awsjson's signer) up to the empty end message.
//!
//! Raw tokio TCP, so that each test decides exactly which bytes go out in which HTTP
//! chunk (a message split over chunks, several messages in one), when it pauses, and
//! whether the stream ends cleanly, is cut short or is left open; and so that it sees
//! when the client hangs up and how far its writes got (flow control).

use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use awsjson::Credentials;
use awsjson::event_stream::{Decoder, HeaderValue, Message};
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
    /// Waits for the test's [`EventServer::release`] (one per `Wait`): the test decides
    /// when the next event goes out, after it has seen the ones before.
    Wait,
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
    /// With [`EventServer::start_reading_input`]: the events of the input stream,
    /// unwrapped, each of whose signatures verified, up to the end message; `Err`
    /// says where the stream or its chain broke.
    pub input: Option<Result<Vec<Message>, String>>,
}

#[derive(Default)]
struct Shared {
    /// Requests answered so far.
    answered: AtomicUsize,
    log: Mutex<Vec<Received>>,
    written: AtomicUsize,
    hung_up: AtomicBool,
    /// The server reads each request's body as an input event stream.
    read_input: bool,
    /// Bytes of input stream read so far.
    read: AtomicUsize,
    /// Holds off reading the input while set (backpressure tests).
    hold_input: AtomicBool,
    /// How many `Step::Wait`s the test released.
    released: AtomicUsize,
    /// Error answers for the next requests, in order: status and error code.
    failures: Mutex<std::collections::VecDeque<(u16, String)>>,
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
        Self::start_with(credentials, steps, Shared::default()).await
    }

    /// As [`start`](Self::start), for requests whose body is an input event stream:
    /// signed with `STREAMING-AWS4-HMAC-SHA256-EVENTS`, sent as
    /// `application/vnd.amazon.eventstream`. The server reads the stream to its signed
    /// end message, checking each signature of the chain ([`Received::input`]), then
    /// answers with `steps`; a request whose signature or chain does not verify gets a
    /// 403.
    pub async fn start_reading_input(
        credentials: Credentials,
        steps: Vec<Step>,
    ) -> std::io::Result<EventServer> {
        let shared = Shared {
            read_input: true,
            ..Shared::default()
        };
        Self::start_with(credentials, steps, shared).await
    }

    async fn start_with(
        credentials: Credentials,
        steps: Vec<Step>,
        shared: Shared,
    ) -> std::io::Result<EventServer> {
        let listener = TcpListener::bind(("127.0.0.1", 0)).await?;
        let url = format!("http://{}", listener.local_addr()?);
        let shared = Arc::new(shared);
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

    /// Bytes of input event stream read so far (HTTP chunk framing excluded).
    pub fn input_read(&self) -> usize {
        self.shared.read.load(Ordering::SeqCst)
    }

    /// Lets the stream go on past one [`Step::Wait`].
    pub fn release(&self) {
        self.shared.released.fetch_add(1, Ordering::SeqCst);
    }

    /// Answers the next request (after its signature checked) with this error instead
    /// of the stream: `status`, the code in `X-Amzn-ErrorType` (restJson1) and the
    /// body's `__type` (awsJson). Queued: each call fails one more request. With
    /// [`start_reading_input`](Self::start_reading_input), the error is answered
    /// before the request's input stream is read.
    pub fn fail_next(&self, status: u16, code: &str) {
        self.shared
            .failures
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .push_back((status, code.to_owned()));
    }

    /// Requests answered so far (error answers included).
    pub fn answered(&self) -> usize {
        self.shared.answered.load(Ordering::SeqCst)
    }

    /// While `true`, the server reads no more of an input stream: the client's writes
    /// then wait on TCP flow control.
    pub fn hold_input(&self, hold: bool) {
        self.shared.hold_input.store(hold, Ordering::SeqCst);
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
    // An input stream's request is failed, when the test asks, before its body is read:
    // none of its events has gone out, so the client may send it again.
    let early = shared.read_input
        && verify_streaming_request(&request, &credentials).is_ok()
        && !shared
            .failures
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .is_empty();
    let (mut rejected, input) = if shared.read_input && !early {
        let rejected = verify_streaming_request(&request, &credentials).err();
        let input = read_input(&mut reader, &request, &credentials, &shared).await;
        (rejected, Some(input))
    } else if early {
        (None, None)
    } else {
        let verdict = awsjson::stub::verify_request(&request, &credentials);
        let rejected = verdict
            .as_ref()
            .err()
            .map(|(code, message)| ((*code).to_owned(), message.clone()));
        (rejected, None)
    };
    if let (None, Some(Err(why))) = (&rejected, &input) {
        rejected = Some(("InvalidSignatureException".to_owned(), why.clone()));
    }
    shared
        .log
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .push(Received {
            request,
            rejected: rejected.clone(),
            input,
        });
    let stream = reader.get_mut();
    shared.answered.fetch_add(1, Ordering::SeqCst);
    let failure = shared
        .failures
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .pop_front();
    if let (None, Some((status, code))) = (&rejected, failure) {
        let body =
            serde_json::json!({ "__type": code, "message": "failed on purpose" }).to_string();
        let head = format!(
            "HTTP/1.1 {status} Failing\r\ncontent-type: application/json\r\n\
             x-amzn-errortype: {code}:http://internal.amazon.com/coral/\r\n\
             x-amzn-requestid: event-server-failed\r\nconnection: close\r\n\
             content-length: {}\r\n\r\n",
            body.len()
        );
        let _ = stream.write_all(head.as_bytes()).await;
        let _ = stream.write_all(body.as_bytes()).await;
        return;
    }
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
    let mut waits = 0;
    for step in steps {
        match step {
            Step::Chunk(bytes) => {
                if chunk(stream, &bytes, &shared).await.is_err() {
                    shared.hung_up.store(true, Ordering::SeqCst);
                    return;
                }
            }
            Step::Pause(wait) => tokio::time::sleep(wait).await,
            Step::Wait => {
                waits += 1;
                while shared.released.load(Ordering::SeqCst) < waits {
                    tokio::time::sleep(Duration::from_millis(2)).await;
                }
            }
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

/// Checks the head of a request that opens an input event stream: its content type,
/// its payload hash, and its SigV4 signature over that hash.
fn verify_streaming_request(
    request: &RawRequest,
    credentials: &Credentials,
) -> Result<(), (String, String)> {
    verify_signature(
        &request.method,
        &request.path,
        &request.headers,
        None,
        credentials,
    )
}

/// Checks a request's SigV4 signature against `credentials`: over `body`, or for an
/// input event stream (`body` `None`) over the streaming payload hash, with its content
/// type and `x-amz-content-sha256` checked too. Headers lower-case; over HTTP/2,
/// `host` is the `:authority` the caller puts among them.
pub(crate) fn verify_signature(
    method: &str,
    path: &str,
    headers: &[(String, String)],
    body: Option<&[u8]>,
    credentials: &Credentials,
) -> Result<(), (String, String)> {
    let header = |name: &str| {
        headers
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    };
    let invalid = |why: String| ("InvalidSignatureException".to_owned(), why);
    if body.is_none() {
        if header("content-type") != Some("application/vnd.amazon.eventstream") {
            return Err(invalid(format!(
                "content-type {:?}",
                header("content-type")
            )));
        }
        if header("x-amz-content-sha256") != Some(awsjson::sigv4::STREAMING_EVENTS_PAYLOAD) {
            return Err(invalid(format!(
                "x-amz-content-sha256 {:?}",
                header("x-amz-content-sha256")
            )));
        }
    }
    let authorization = header("authorization").unwrap_or_default();
    let parsed = awsjson::sigv4::parse_authorization(authorization)
        .ok_or_else(|| invalid("no Authorization".to_owned()))?;
    let time = header("x-amz-date")
        .and_then(awsjson::sigv4::parse_amz_date)
        .ok_or_else(|| invalid("no x-amz-date".to_owned()))?;
    let signed: Vec<(&str, &str)> = parsed
        .signed_header_names()
        .filter(|name| *name != "x-amz-date" && *name != "x-amz-content-sha256")
        .map(|name| (name, header(name).unwrap_or_default()))
        .collect();
    let mut params = awsjson::sigv4::SigningParams::new(
        credentials.access_key_id(),
        credentials.secret_access_key(),
        parsed.region,
        parsed.service,
        time,
    );
    params.session_token = credentials.session_token();
    if body.is_none() {
        params.settings.sign_body = true;
        params.settings.payload_hash = Some(awsjson::sigv4::STREAMING_EVENTS_PAYLOAD);
    }
    let expected = awsjson::sigv4::sign(
        &awsjson::sigv4::SignableRequest::new(method, path, &signed, body.unwrap_or_default()),
        &params,
    );
    if expected.signature != parsed.signature {
        return Err(invalid(format!(
            "the request signature does not verify; canonical request:\n{}",
            expected.canonical_request
        )));
    }
    Ok(())
}

/// Reads the chunked body of `request` as an input event stream, verifying each
/// message's signature, to the signed end message.
async fn read_input(
    reader: &mut BufReader<TcpStream>,
    request: &RawRequest,
    credentials: &Credentials,
    shared: &Shared,
) -> Result<Vec<Message>, String> {
    let authorization = request
        .headers
        .iter()
        .find(|(n, _)| n == "authorization")
        .map(|(_, v)| v.as_str())
        .unwrap_or_default();
    let mut chain = Chain::new(authorization, credentials)?;
    let mut decoder = Decoder::new();
    let mut events = Vec::new();
    loop {
        while shared.hold_input.load(Ordering::SeqCst) {
            tokio::time::sleep(Duration::from_millis(5)).await;
        }
        let chunk = read_chunk(reader)
            .await
            .map_err(|e| format!("reading the input stream: {e}"))?;
        let Some(chunk) = chunk else {
            return Err(format!(
                "the input stream ended after {} events without its end message",
                events.len()
            ));
        };
        shared.read.fetch_add(chunk.len(), Ordering::SeqCst);
        decoder.extend(&chunk);
        while let Some(message) = decoder.next_message().map_err(|e| e.to_string())? {
            let n = events.len() + 1;
            chain
                .verify(&message)
                .map_err(|why| format!("message {n} of the input stream: {why}"))?;
            if message.payload().is_empty() {
                return Ok(events);
            }
            let event = Message::decode(message.payload())
                .map_err(|e| format!("message {n} does not wrap a message: {e}"))?;
            events.push(event);
        }
    }
}

/// One HTTP/1.1 chunk of a request body; `None` after the last.
async fn read_chunk(reader: &mut BufReader<TcpStream>) -> std::io::Result<Option<Vec<u8>>> {
    use tokio::io::AsyncBufReadExt;
    let bad = |what: &str| std::io::Error::new(std::io::ErrorKind::InvalidData, what.to_owned());
    let mut line = String::new();
    reader.read_line(&mut line).await?;
    let size = line.trim().split(';').next().unwrap_or("");
    let size = usize::from_str_radix(size, 16).map_err(|_| bad("malformed chunk size"))?;
    if size > 32 << 20 {
        return Err(bad("chunk too large"));
    }
    if size == 0 {
        line.clear();
        reader.read_line(&mut line).await?;
        return Ok(None);
    }
    let mut chunk = vec![0; size + 2];
    reader.read_exact(&mut chunk).await?;
    if !chunk.ends_with(b"\r\n") {
        return Err(bad("chunk without its CRLF"));
    }
    chunk.truncate(size);
    Ok(Some(chunk))
}

/// The signature chain of an input stream, recomputed from the specification.
pub(crate) struct Chain {
    prior: String,
    secret: String,
    region: String,
    service: String,
}

impl Chain {
    /// The chain of the stream a request signed with this `Authorization` opens.
    pub(crate) fn new(authorization: &str, credentials: &Credentials) -> Result<Chain, String> {
        let parsed = awsjson::sigv4::parse_authorization(authorization)
            .ok_or_else(|| "no Authorization".to_owned())?;
        Ok(Chain {
            prior: parsed.signature.to_owned(),
            secret: credentials.secret_access_key().to_owned(),
            region: parsed.region.to_owned(),
            service: parsed.service.to_owned(),
        })
    }

    /// Checks the next signed message: its `:date` and its `:chunk-signature` over the
    /// previous signature.
    pub(crate) fn verify(&mut self, message: &Message) -> Result<(), String> {
        let Some(HeaderValue::Timestamp(ms)) = message.header(":date") else {
            return Err("no `:date` timestamp header".to_owned());
        };
        let Some(HeaderValue::ByteArray(signature)) = message.header(":chunk-signature") else {
            return Err("no `:chunk-signature` bytes header".to_owned());
        };
        if ms % 1000 != 0 {
            return Err(format!("`:date` {ms} ms is not whole seconds"));
        }
        let iso = crate::timestamp::format_date_time(*ms);
        let amz: String = iso.chars().filter(|c| c.is_ascii_alphanumeric()).collect();
        let date = &amz[..8];
        // The `:date` header as the wire encodes it: name length, name, type 8, i64.
        let mut date_header = vec![5u8];
        date_header.extend_from_slice(b":date");
        date_header.push(8);
        date_header.extend_from_slice(&ms.to_be_bytes());
        let string_to_sign = format!(
            "AWS4-HMAC-SHA256-PAYLOAD\n{amz}\n{date}/{}/{}/aws4_request\n{}\n{}\n{}",
            self.region,
            self.service,
            self.prior,
            hex(&sha256(&date_header)),
            hex(&sha256(message.payload())),
        );
        let mut key = hmac(format!("AWS4{}", self.secret).as_bytes(), date.as_bytes());
        for part in [
            self.region.as_bytes(),
            self.service.as_bytes(),
            b"aws4_request",
        ] {
            key = hmac(&key, part);
        }
        let expected = hmac(&key, string_to_sign.as_bytes());
        if expected[..] != signature[..] {
            return Err(format!(
                "`:chunk-signature` does not verify against the previous signature {}",
                self.prior
            ));
        }
        self.prior = hex(&expected);
        Ok(())
    }
}

fn hmac(key: &[u8], data: &[u8]) -> Vec<u8> {
    let key = ring::hmac::Key::new(ring::hmac::HMAC_SHA256, key);
    ring::hmac::sign(&key, data).as_ref().to_vec()
}

fn sha256(data: &[u8]) -> Vec<u8> {
    ring::digest::digest(&ring::digest::SHA256, data)
        .as_ref()
        .to_vec()
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}
