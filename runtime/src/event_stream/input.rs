//! An input event stream: the events a caller sends while the call is open, each
//! signed as it goes out, over a bounded channel so that a caller cannot run ahead of
//! the connection.

use std::convert::Infallible;
use std::fmt;
use std::io;
use std::pin::Pin;
use std::sync::atomic::{AtomicBool, AtomicU32, Ordering};
use std::sync::{Arc, Mutex};
use std::task::{Context, Poll};

use bytes::Bytes;
use tokio::sync::mpsc;

use super::error::FrameError;
use super::frame::Message;
use super::signing::EventSigner;
use crate::client::SignedBody;
use crate::error::{ConfigError, Error, TransportError, TransportErrorKind};
use crate::{Client, Credentials};

/// The sending half of an input event stream: [`send`](EventSender::send) hands an
/// event to the call, waiting while the events already handed over have not gone out.
///
/// The call's request body takes the events in order, signs each (chained to the
/// request's signature, [`EventSigner`]) and writes it when the connection can take
/// it. [`close`](EventSender::close), or dropping every sender, ends the stream with the
/// signed empty message services wait for.
///
/// ```
/// # async fn demo() {
/// use awsjson::event_stream::{EventSender, Message};
///
/// let (sender, input) = EventSender::channel(4);
/// // `input` goes to the call that opens the stream; then:
/// # drop(input);
/// let event = Message::new(vec![0u8; 320])
///     .with_header(":message-type", "event")
///     .with_header(":event-type", "AudioEvent");
/// if let Err(e) = sender.send(event).await {
///     eprintln!("the stream is over: {e}");
/// }
/// sender.close();
/// # }
/// ```
#[cfg_attr(docsrs, doc(cfg(feature = "http2")))]
#[derive(Clone)]
pub struct EventSender {
    tx: mpsc::Sender<Bytes>,
}

/// The receiving half of an [`EventSender::channel`]: given to the call that opens
/// the stream, which sends what the sender hands over as its request body.
#[cfg_attr(docsrs, doc(cfg(feature = "http2")))]
pub struct EventInput {
    rx: mpsc::Receiver<Bytes>,
}

/// Why an event was not sent.
#[cfg_attr(docsrs, doc(cfg(feature = "http2")))]
#[derive(Debug)]
#[non_exhaustive]
pub enum EventSendError {
    /// The message cannot be encoded (a header or payload over the limits).
    Frame(FrameError),
    /// The stream is over: the call ended, failed, or was dropped.
    Closed,
}

impl fmt::Display for EventSendError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            EventSendError::Frame(e) => write!(f, "the event cannot be sent: {e}"),
            EventSendError::Closed => f.write_str("the event stream is closed"),
        }
    }
}

impl std::error::Error for EventSendError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            EventSendError::Frame(e) => Some(e),
            EventSendError::Closed => None,
        }
    }
}

impl EventSender {
    /// A sender and the input it feeds; at most `capacity` events (at least 1) wait
    /// between them.
    pub fn channel(capacity: usize) -> (EventSender, EventInput) {
        let (tx, rx) = mpsc::channel(capacity.max(1));
        (EventSender { tx }, EventInput { rx })
    }

    /// Hands `message` to the call, waiting for room when `capacity` events are
    /// already waiting to go out. The message is checked (encoded) here, so that a
    /// message the wire cannot carry is this call's error and not the stream's.
    pub async fn send(&self, message: Message) -> Result<(), EventSendError> {
        let bytes = message.encode().map_err(EventSendError::Frame)?;
        self.tx
            .send(Bytes::from(bytes))
            .await
            .map_err(|_| EventSendError::Closed)
    }

    /// Whether the stream is over (the call ended or was dropped).
    pub fn is_closed(&self) -> bool {
        self.tx.is_closed()
    }

    /// Ends the stream, once every clone of this sender is closed or dropped.
    pub fn close(self) {}
}

impl fmt::Debug for EventSender {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("EventSender")
            .field("closed", &self.tx.is_closed())
            .finish_non_exhaustive()
    }
}

impl fmt::Debug for EventInput {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("EventInput")
            .field("waiting", &self.rx.len())
            .finish_non_exhaustive()
    }
}

impl EventInput {
    /// The input as every attempt of the call shares it: `first` (an RPC protocol's
    /// `initial-request` payload, encoded) goes out with each attempt, the caller's
    /// events with the one attempt that takes them.
    pub(crate) fn shared(self, first: Option<Bytes>) -> SharedInput {
        SharedInput {
            rx: Arc::new(Mutex::new(self.rx)),
            first,
            current: Arc::new(AtomicU32::new(0)),
            sent: Arc::new(AtomicBool::new(false)),
        }
    }
}

/// An input stream shared by a call's attempts.
///
/// An attempt that fails before any of the caller's events went out (no connection, an
/// error answer before the body was read) can be retried: the next attempt's body
/// reads the same channel, the older body ends. Once an event has gone to a body, it
/// is not sent again: the call is not retried.
pub(crate) struct SharedInput {
    rx: Arc<Mutex<mpsc::Receiver<Bytes>>>,
    first: Option<Bytes>,
    /// The attempt whose body reads the channel.
    current: Arc<AtomicU32>,
    /// Whether any of the caller's events went to a body.
    sent: Arc<AtomicBool>,
}

impl SignedBody for SharedInput {
    fn body(
        &self,
        attempt: u32,
        authorization: &str,
        credentials: &Credentials,
        client: &Client,
    ) -> Result<reqwest::Body, Error<Infallible>> {
        if self.sent.load(Ordering::SeqCst) {
            return Err(Error::Transport(TransportError::new(
                TransportErrorKind::Io,
                format!(
                    "attempt {attempt} cannot send the input event stream again: an earlier \
                     attempt sent its events"
                ),
            )));
        }
        let parsed = crate::sigv4::parse_authorization(authorization).ok_or_else(|| {
            Error::Config(ConfigError::new("the streaming request was not signed"))
        })?;
        let signer = EventSigner::new(credentials, parsed.region, parsed.service, parsed.signature);
        self.current.store(attempt, Ordering::SeqCst);
        Ok(reqwest::Body::wrap(SignedEvents {
            rx: Arc::clone(&self.rx),
            current: Arc::clone(&self.current),
            sent: Arc::clone(&self.sent),
            attempt,
            first: self.first.clone(),
            signer,
            client: client.clone(),
            ended: false,
        }))
    }

    fn replayable(&self) -> bool {
        !self.sent.load(Ordering::SeqCst)
    }
}

/// The body of one attempt of a request with an input event stream.
struct SignedEvents {
    rx: Arc<Mutex<mpsc::Receiver<Bytes>>>,
    current: Arc<AtomicU32>,
    sent: Arc<AtomicBool>,
    attempt: u32,
    first: Option<Bytes>,
    signer: EventSigner,
    /// Its clock signs the events: corrected by what clock-skew errors taught it.
    client: Client,
    ended: bool,
}

impl SignedEvents {
    fn wrap(&mut self, payload: Bytes) -> Result<Bytes, io::Error> {
        let signed = self
            .signer
            .sign_encoded(payload, self.client.signing_time());
        signed.encode().map(Bytes::from).map_err(io::Error::other)
    }
}

impl http_body::Body for SignedEvents {
    type Data = Bytes;
    type Error = io::Error;

    fn poll_frame(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
    ) -> Poll<Option<Result<http_body::Frame<Bytes>, io::Error>>> {
        let this = self.get_mut();
        if let Some(first) = this.first.take() {
            return Poll::Ready(Some(this.wrap(first).map(http_body::Frame::data)));
        }
        if this.ended {
            return Poll::Ready(None);
        }
        if this.current.load(Ordering::SeqCst) != this.attempt {
            // A later attempt reads the channel now; this request is abandoned.
            this.ended = true;
            return Poll::Ready(Some(Err(io::Error::other(
                "the input stream went to a later attempt",
            ))));
        }
        let received = this
            .rx
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .poll_recv(cx);
        match received {
            Poll::Ready(Some(event)) => {
                this.sent.store(true, Ordering::SeqCst);
                Poll::Ready(Some(this.wrap(event).map(http_body::Frame::data)))
            }
            Poll::Ready(None) => {
                this.ended = true;
                let end = this.signer.sign_end(this.client.signing_time());
                Poll::Ready(Some(
                    end.encode()
                        .map(|b| http_body::Frame::data(Bytes::from(b)))
                        .map_err(io::Error::other),
                ))
            }
            Poll::Pending => Poll::Pending,
        }
    }

    fn is_end_stream(&self) -> bool {
        self.ended && self.first.is_none()
    }
}
