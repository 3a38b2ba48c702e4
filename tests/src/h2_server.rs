//! An HTTPS event-stream server that speaks HTTP/2 only (ALPN `h2` and nothing else),
//! for the calls of awsjson's `http2` feature: a client that does not offer `h2`
//! cannot connect to it at all. Its certificate is the test CA's (`tls/`), as for
//! [`tls`](crate::tls).
//!
//! Each request is checked as the event server checks it (SigV4, and for an input
//! stream every signature of its chain), then answered: with the given events, or,
//! for an input stream, with one `Echo` event per input event *as each arrives*, so
//! that a test can wait for the echo of one event before it sends the next, which only
//! a full-duplex stream can serve.

use std::sync::{Arc, Mutex};

use awsjson::Credentials;
use awsjson::event_stream::{Decoder, Message};
use bytes::Bytes;
use rustls::pki_types::pem::PemObject as _;
use rustls::pki_types::{CertificateDer, PrivateKeyDer};
use tokio::net::TcpListener;

use crate::event_server::{Chain, verify_signature};

/// What the server answers.
#[derive(Clone)]
enum Answer {
    /// These encoded messages, each in a DATA frame of its own.
    Events(Vec<Vec<u8>>),
    /// One `Echo` event per input event, whose payload is the input's payload length.
    Echo,
}

/// A request the server read.
#[derive(Debug, Clone)]
pub struct H2Received {
    /// `:method`, `:path` and headers (lower case, `host` from `:authority`).
    pub method: String,
    /// `:path`.
    pub path: String,
    /// Headers, `host` first.
    pub headers: Vec<(String, String)>,
    /// The HTTP version the request came over.
    pub version: String,
    /// `None` when the signature (and for an input stream, its chain) verified.
    pub rejected: Option<String>,
    /// For an input stream: its events, unwrapped, in order.
    pub input: Vec<Message>,
}

/// A running HTTP/2 server; stops accepting when dropped.
pub struct H2EventServer {
    url: String,
    log: Arc<Mutex<Vec<H2Received>>>,
    task: tokio::task::JoinHandle<()>,
}

impl std::fmt::Debug for H2EventServer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("H2EventServer")
            .field("url", &self.url)
            .finish_non_exhaustive()
    }
}

impl H2EventServer {
    /// Answers each request signed with `credentials` with `events`, then ends the
    /// stream; any other with a 403.
    pub async fn start(
        credentials: Credentials,
        events: Vec<Vec<u8>>,
    ) -> std::io::Result<H2EventServer> {
        Self::start_with(credentials, Answer::Events(events)).await
    }

    /// Reads each request's body as an input event stream and echoes each event as it
    /// arrives (an `Echo` event whose payload is the length of the input's payload);
    /// ends the answer after the input's end message.
    pub async fn start_echo(credentials: Credentials) -> std::io::Result<H2EventServer> {
        Self::start_with(credentials, Answer::Echo).await
    }

    async fn start_with(credentials: Credentials, answer: Answer) -> std::io::Result<Self> {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tls/");
        let certs = CertificateDer::pem_file_iter(format!("{dir}server.pem"))
            .and_then(|certs| certs.collect::<Result<Vec<_>, _>>())
            .map_err(std::io::Error::other)?;
        let key = PrivateKeyDer::from_pem_file(format!("{dir}server.key"))
            .map_err(std::io::Error::other)?;
        let mut config = rustls::ServerConfig::builder_with_provider(Arc::new(
            rustls::crypto::ring::default_provider(),
        ))
        .with_safe_default_protocol_versions()
        .map_err(std::io::Error::other)?
        .with_no_client_auth()
        .with_single_cert(certs, key)
        .map_err(std::io::Error::other)?;
        config.alpn_protocols = vec![b"h2".to_vec()];
        let acceptor = tokio_rustls::TlsAcceptor::from(Arc::new(config));
        let listener = TcpListener::bind(("127.0.0.1", 0)).await?;
        let url = format!("https://localhost:{}", listener.local_addr()?.port());
        let log = Arc::new(Mutex::new(Vec::new()));
        let shared = Arc::clone(&log);
        let task = tokio::spawn(async move {
            while let Ok((tcp, _)) = listener.accept().await {
                let (acceptor, credentials, answer, log) = (
                    acceptor.clone(),
                    credentials.clone(),
                    answer.clone(),
                    Arc::clone(&shared),
                );
                tokio::spawn(async move {
                    let Ok(tls) = acceptor.accept(tcp).await else {
                        return;
                    };
                    let Ok(mut connection) = h2::server::handshake(tls).await else {
                        return;
                    };
                    while let Some(Ok((request, respond))) = connection.accept().await {
                        let (credentials, answer, log) =
                            (credentials.clone(), answer.clone(), Arc::clone(&log));
                        tokio::spawn(serve(request, respond, credentials, answer, log));
                    }
                });
            }
        });
        Ok(H2EventServer { url, log, task })
    }

    /// `https://localhost:PORT`.
    pub fn url(&self) -> &str {
        &self.url
    }

    /// Every request read so far (an input stream's once it ended).
    pub fn requests(&self) -> Vec<H2Received> {
        self.log.lock().unwrap_or_else(|e| e.into_inner()).clone()
    }
}

impl Drop for H2EventServer {
    fn drop(&mut self) {
        self.task.abort();
    }
}

async fn serve(
    request: http::Request<h2::RecvStream>,
    mut respond: h2::server::SendResponse<Bytes>,
    credentials: Credentials,
    answer: Answer,
    log: Arc<Mutex<Vec<H2Received>>>,
) {
    let (head, mut body) = request.into_parts();
    let mut headers = vec![(
        "host".to_owned(),
        head.uri
            .authority()
            .map(|a| a.to_string())
            .unwrap_or_default(),
    )];
    for (name, value) in &head.headers {
        if name != "host" {
            headers.push((
                name.as_str().to_owned(),
                String::from_utf8_lossy(value.as_bytes()).into_owned(),
            ));
        }
    }
    let mut received = H2Received {
        method: head.method.to_string(),
        path: head.uri.path().to_owned(),
        headers,
        version: format!("{:?}", head.version),
        rejected: None,
        input: Vec::new(),
    };
    let event_stream = |status: u16| {
        http::Response::builder()
            .status(status)
            .header("content-type", "application/vnd.amazon.eventstream")
            .header("x-amzn-requestid", "h2-event-server")
            .body(())
            .unwrap_or_default()
    };
    match answer {
        Answer::Events(events) => {
            let mut request_body = Vec::new();
            while let Some(data) = next_data(&mut body).await {
                match data {
                    Ok(bytes) => request_body.extend_from_slice(&bytes),
                    Err(why) => {
                        received.rejected = Some(why);
                        break;
                    }
                }
            }
            if received.rejected.is_none() {
                received.rejected = verify_signature(
                    &received.method,
                    &received.path,
                    &received.headers,
                    Some(&request_body),
                    &credentials,
                )
                .err()
                .map(|(_, why)| why);
            }
            let rejected = received.rejected.is_some();
            log.lock().unwrap_or_else(|e| e.into_inner()).push(received);
            if rejected {
                let _ = respond.send_response(event_stream(403), true);
                return;
            }
            let Ok(mut send) = respond.send_response(event_stream(200), false) else {
                return;
            };
            for event in events {
                if send.send_data(Bytes::from(event), false).is_err() {
                    return;
                }
            }
            let _ = send.send_data(Bytes::new(), true);
        }
        Answer::Echo => {
            let verdict = verify_signature(
                &received.method,
                &received.path,
                &received.headers,
                None,
                &credentials,
            );
            let authorization = received
                .headers
                .iter()
                .find(|(n, _)| n == "authorization")
                .map(|(_, v)| v.clone())
                .unwrap_or_default();
            let chain = Chain::new(&authorization, &credentials);
            let mut chain = match (verdict, chain) {
                (Ok(()), Ok(chain)) => chain,
                (Err((_, why)), _) | (_, Err(why)) => {
                    received.rejected = Some(why);
                    log.lock().unwrap_or_else(|e| e.into_inner()).push(received);
                    let _ = respond.send_response(event_stream(403), true);
                    return;
                }
            };
            let Ok(mut send) = respond.send_response(event_stream(200), false) else {
                return;
            };
            let mut decoder = Decoder::new();
            'read: while let Some(data) = next_data(&mut body).await {
                let bytes = match data {
                    Ok(bytes) => bytes,
                    Err(why) => {
                        received.rejected = Some(why);
                        break;
                    }
                };
                decoder.extend(&bytes);
                loop {
                    let message = match decoder.next_message() {
                        Ok(Some(message)) => message,
                        Ok(None) => break,
                        Err(e) => {
                            received.rejected = Some(e.to_string());
                            break 'read;
                        }
                    };
                    if let Err(why) = chain.verify(&message) {
                        received.rejected = Some(why);
                        break 'read;
                    }
                    if message.payload().is_empty() {
                        break 'read;
                    }
                    let Ok(event) = Message::decode(message.payload()) else {
                        received.rejected = Some("a message that wraps no message".to_owned());
                        break 'read;
                    };
                    let echo = Message::new(format!("{{\"Length\":{}}}", event.payload().len()))
                        .with_header(":message-type", "event")
                        .with_header(":event-type", "Echo")
                        .encode()
                        .unwrap_or_default();
                    received.input.push(event);
                    if send.send_data(Bytes::from(echo), false).is_err() {
                        break 'read;
                    }
                }
            }
            let failed = received.rejected.clone();
            log.lock().unwrap_or_else(|e| e.into_inner()).push(received);
            if let Some(why) = failed {
                let error = Message::new(Bytes::new())
                    .with_header(":message-type", "error")
                    .with_header(":error-code", "InvalidSignatureException")
                    .with_header(":error-message", why)
                    .encode()
                    .unwrap_or_default();
                let _ = send.send_data(Bytes::from(error), false);
            }
            let _ = send.send_data(Bytes::new(), true);
        }
    }
}

/// The next DATA frame of a request body, its flow-control capacity given back.
async fn next_data(body: &mut h2::RecvStream) -> Option<Result<Bytes, String>> {
    let data = body.data().await?;
    Some(data.map_err(|e| e.to_string()).inspect(|bytes| {
        let _ = body.flow_control().release_capacity(bytes.len());
    }))
}
