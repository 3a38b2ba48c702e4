//! A response body of event-stream messages as a typed stream of events.

use std::fmt;
use std::future::Future;
use std::marker::PhantomData;
use std::pin::Pin;
use std::task::{Context, Poll};
use std::time::Duration;

use bytes::Bytes;

use super::frame::{Decoder, Message};
use crate::byte_stream::{ByteStream, ResponseBody};
use crate::error::{
    DecodeError, Error, ErrorMeta, ServiceError, TransportError, TransportErrorKind,
};
use crate::http::{RawResponse, ResponseHeaders};
use crate::operation::{EventStreamMember, OperationError};
use crate::{UnknownValue, UnmodeledError};

/// How long an [`EventStream`] waits for the next event by default: longer than any
/// pause a service takes between events on purpose (a model thinking, an idle shard),
/// short enough that a silent connection fails.
pub const DEFAULT_EVENT_TIMEOUT: Duration = Duration::from_secs(300);

/// The union of the events an event stream carries: one variant per modeled event,
/// and one for event types added to the service later.
///
/// Implemented for a `#[aws_json_shape]` union declared as an event stream; by hand
/// for a test double.
pub trait EventUnion: Sized {
    /// The event of type `event_type` (the `:event-type` header, a member name) from
    /// its message; `None` when the union has no member of that name.
    fn decode_event(event_type: &str, message: &Message)
    -> Option<Result<Self, serde_json::Error>>;

    /// An event of a type this union does not know, by its name.
    fn unknown(event_type: UnknownValue) -> Self;

    /// The error code of the exception `exception_type` (the `:exception-type` header,
    /// the name of one of the union's error members): the name of the error shape the
    /// member targets, which the operation's error type knows it by. `None` when the
    /// union has no such member: the header is the code.
    fn exception_code(exception_type: &str) -> Option<&'static str> {
        let _ = exception_type;
        None
    }
}

/// A stream of the events of a response, decoded as they arrive.
///
/// Each item is an event (`T`, the operation's event union), or an error: a modeled
/// exception the service sent in the stream (`Error::Service` with the operation's
/// error type `E`), an unmodeled `error` message (`Error::Service` with `E`'s
/// unmodeled variant), a message that does not decode (`Error::Decode`), the
/// connection failing, or no event within the event timeout (`Error::Transport`).
/// After an error the stream ends.
///
/// It implements [`futures_core::Stream`] and has an inherent async [`next`], as the
/// paginators do. Events are read from the connection only when asked for: a reader
/// that pauses makes the service pause (TCP flow control), and no more than the
/// message being assembled is buffered. Dropping the stream closes the connection.
///
/// The event timeout ([`DEFAULT_EVENT_TIMEOUT`], [`with_event_timeout`]) bounds each
/// wait for the next event, from when the reader asks for it; not the whole stream,
/// which lasts as long as the service keeps sending.
///
/// [`next`]: EventStream::next
/// [`with_event_timeout`]: EventStream::with_event_timeout
#[must_use = "an event stream does nothing until polled"]
pub struct EventStream<T, E> {
    body: Option<ByteStream>,
    decoder: Decoder,
    /// A message read ahead by `initial_response`, to be yielded first.
    pending: Option<Message>,
    started: bool,
    status: u16,
    request_id: Option<String>,
    timeout: Option<Duration>,
    /// The deadline of the current wait for an event.
    sleep: Option<Pin<Box<tokio::time::Sleep>>>,
    done: bool,
    _events: PhantomData<fn() -> (T, E)>,
}

type Item<T, E> = Result<T, Error<E>>;

impl<T, E> EventStream<T, E> {
    /// The same stream, read as events of `U` and errors of `F`.
    pub(crate) fn retype<U, F>(self) -> EventStream<U, F> {
        EventStream {
            body: self.body,
            decoder: self.decoder,
            pending: self.pending,
            started: self.started,
            status: self.status,
            request_id: self.request_id,
            timeout: self.timeout,
            sleep: self.sleep,
            done: self.done,
            _events: PhantomData,
        }
    }

    /// A stream that has ended: the event-stream member of an output decoded from JSON
    /// alone (a test double, a mock), which carries no stream.
    fn ended() -> Self {
        EventStream {
            body: None,
            decoder: Decoder::new(),
            pending: None,
            started: true,
            status: 200,
            request_id: None,
            timeout: None,
            sleep: None,
            done: true,
            _events: PhantomData,
        }
    }
}

/// A stream that has ended (no events): what a test double or an output built with
/// `..Default::default()` holds.
impl<T, E> Default for EventStream<T, E> {
    fn default() -> Self {
        EventStream::ended()
    }
}

/// The stream of a response before it is typed: what a call hands to the output's
/// event-stream member ([`EventStreamMember::attach`]).
pub(crate) type UntypedStream = EventStream<(), ()>;

/// The output's event-stream member takes the call's stream: the typed path from the
/// response to the member, which the macro opens on outputs with such a member.
impl<T, E> EventStreamMember for EventStream<T, E> {
    fn attach(&mut self, stream: &mut dyn std::any::Any) {
        // The runtime hands over one type only: an `Option<UntypedStream>`.
        if let Some(stream) = stream
            .downcast_mut::<Option<UntypedStream>>()
            .and_then(Option::take)
        {
            *self = stream.retype();
        }
    }
}

/// The event-stream member of an output: not a JSON member. Decoding gives a stream
/// that has ended; a call that streams then attaches its stream to it.
impl<T, E> crate::protocol::json_struct::ErrorCorrection for EventStream<T, E> {
    fn error_correction() -> Option<Self> {
        Some(EventStream::ended())
    }
}

/// Never written: an event stream is no JSON value.
impl<T, E> serde::Serialize for EventStream<T, E> {
    fn serialize<S: serde::Serializer>(&self, _: S) -> Result<S::Ok, S::Error> {
        Err(serde::ser::Error::custom(
            "an event stream is not written as JSON",
        ))
    }
}

/// Never read from JSON: the member comes from the connection, and a JSON value in its
/// place is an error.
impl<'de, T, E> serde::Deserialize<'de> for EventStream<T, E> {
    fn deserialize<D: serde::Deserializer<'de>>(_: D) -> Result<Self, D::Error> {
        Err(serde::de::Error::custom(
            "an event stream member is not read from JSON",
        ))
    }
}

impl<T, E> EventStream<T, E> {
    pub(crate) fn new(status: u16, request_id: Option<String>, body: ByteStream) -> Self {
        EventStream {
            body: Some(body),
            decoder: Decoder::new(),
            pending: None,
            started: false,
            status,
            request_id,
            timeout: Some(DEFAULT_EVENT_TIMEOUT),
            sleep: None,
            done: false,
            _events: PhantomData,
        }
    }

    /// A stream of the messages encoded in `bytes` (whole messages, as a service sends
    /// them), read as any response's: a test double of a streaming output, or recorded
    /// traffic replayed.
    pub fn from_bytes(bytes: impl Into<Bytes>) -> Self {
        EventStream::new(200, None, ByteStream::new(bytes.into()))
    }

    /// Waits at most `timeout` for each event (`None`: as long as the service takes).
    pub fn with_event_timeout(mut self, timeout: impl Into<Option<Duration>>) -> Self {
        self.timeout = timeout.into();
        self
    }

    /// The request id of the response that carries the stream.
    pub fn request_id(&self) -> Option<&str> {
        self.request_id.as_deref()
    }

    /// The HTTP status of the response that carries the stream.
    pub(crate) fn status(&self) -> u16 {
        self.status
    }

    /// The payload of the `initial-response` event with which a service of an RPC
    /// protocol (awsJson) begins the stream: the output's members other than the
    /// stream. `Ok(None)` when the stream begins otherwise; call it before the first
    /// `next`.
    pub async fn initial_response(&mut self) -> Result<Option<Bytes>, Error<E>> {
        if self.started {
            return Ok(None);
        }
        self.started = true;
        match std::future::poll_fn(|cx| self.poll_message(cx)).await {
            None => Ok(None),
            Some(Err(e)) => Err(e),
            Some(Ok(mut message)) => {
                if is_initial_response(&message) {
                    Ok(Some(message.take_payload()))
                } else {
                    self.pending = Some(message);
                    Ok(None)
                }
            }
        }
    }

    fn meta(&self, code: &str, message: Option<String>) -> ErrorMeta {
        let mut meta = ErrorMeta::new(code, self.status);
        if let Some(message) = message {
            meta = meta.with_message(message);
        }
        if let Some(id) = &self.request_id {
            meta = meta.with_request_id(id.clone());
        }
        meta
    }

    /// A message's payload as a response, for a decode error's description.
    fn raw(&self, message: &Message) -> RawResponse {
        let mut headers = ResponseHeaders::new();
        // A value HTTP cannot carry is left out: this response only describes a
        // decode error, and the payload is what it shows.
        if let Some(ct) = message.header_str(":content-type") {
            let _ = headers.insert("content-type", ct);
        }
        if let Some(id) = &self.request_id {
            let _ = headers.insert("x-amzn-requestid", id);
        }
        RawResponse {
            status: self.status,
            headers,
            body: message.payload().to_vec(),
        }
    }

    fn malformed(&self, what: &str) -> Error<E> {
        let mut raw = self.raw(&Message::default());
        raw.headers.remove("content-type");
        Error::Decode(DecodeError::from_response(what, &raw, None))
    }

    /// The next whole message off the connection.
    fn poll_message(&mut self, cx: &mut Context<'_>) -> Poll<Option<Result<Message, Error<E>>>> {
        loop {
            if self.done {
                return Poll::Ready(None);
            }
            match self.decoder.next_message() {
                Ok(Some(message)) => {
                    self.sleep = None;
                    return Poll::Ready(Some(Ok(message)));
                }
                Ok(None) => {}
                Err(e) => {
                    self.finish();
                    return Poll::Ready(Some(Err(self.malformed(&e.to_string()))));
                }
            }
            let Some(body) = self.body.as_mut() else {
                self.finish();
                return Poll::Ready(match self.decoder.finish() {
                    Ok(()) => None,
                    Err(e) => Some(Err(self.malformed(&e.to_string()))),
                });
            };
            match body.poll_chunk(cx) {
                Poll::Ready(Some(Ok(data))) => self.decoder.extend(&data),
                Poll::Ready(Some(Err(e))) => {
                    self.finish();
                    let error = TransportError::new(
                        TransportErrorKind::Io,
                        format!(
                            "reading the event stream ({} bytes of a message received)",
                            self.decoder.buffered_len()
                        ),
                    )
                    .with_status(self.status)
                    .with_source(e);
                    return Poll::Ready(Some(Err(Error::Transport(error))));
                }
                Poll::Ready(None) => self.body = None,
                Poll::Pending => {
                    let Some(timeout) = self.timeout else {
                        return Poll::Pending;
                    };
                    let sleep = self
                        .sleep
                        .get_or_insert_with(|| Box::pin(tokio::time::sleep(timeout)));
                    if sleep.as_mut().poll(cx).is_pending() {
                        return Poll::Pending;
                    }
                    self.finish();
                    let error = TransportError::new(
                        TransportErrorKind::Timeout,
                        format!(
                            "no event within the event timeout of {timeout:?} (see \
                             EventStream::with_event_timeout)"
                        ),
                    )
                    .with_status(self.status);
                    return Poll::Ready(Some(Err(Error::Transport(error))));
                }
            }
        }
    }

    /// Ends the stream and closes its connection.
    fn finish(&mut self) {
        self.done = true;
        self.body = None;
        self.sleep = None;
    }
}

impl<T: EventUnion, E: OperationError> EventStream<T, E> {
    /// The next event; `None` once the service has ended the stream (or after an
    /// error).
    pub async fn next(&mut self) -> Option<Item<T, E>> {
        std::future::poll_fn(|cx| self.poll_event(cx)).await
    }

    fn poll_event(&mut self, cx: &mut Context<'_>) -> Poll<Option<Item<T, E>>> {
        loop {
            let message = match self.pending.take() {
                Some(message) => message,
                None => match self.poll_message(cx) {
                    Poll::Ready(Some(Ok(message))) => message,
                    Poll::Ready(Some(Err(e))) => return Poll::Ready(Some(Err(e))),
                    Poll::Ready(None) => return Poll::Ready(None),
                    Poll::Pending => return Poll::Pending,
                },
            };
            let first = !self.started;
            self.started = true;
            if first && is_initial_response(&message) {
                continue;
            }
            let item = self.event(message);
            if item.is_err() {
                self.finish();
            }
            return Poll::Ready(Some(item));
        }
    }

    /// What a message means: an event, a modeled exception, an unmodeled error.
    fn event(&self, message: Message) -> Item<T, E> {
        let kind = message.header_str(":message-type").unwrap_or("");
        match kind {
            "event" => {
                let Some(event_type) = message.header_str(":event-type") else {
                    return Err(self.malformed("event stream: an event without `:event-type`"));
                };
                match T::decode_event(event_type, &message) {
                    None => Ok(T::unknown(UnknownValue(event_type.to_owned()))),
                    Some(Ok(event)) => Ok(event),
                    Some(Err(e)) => Err(Error::Decode(DecodeError::from_response(
                        format!("the {event_type} event does not match its shape"),
                        &self.raw(&message),
                        Some(e),
                    ))),
                }
            }
            "exception" => {
                let Some(code) = message.header_str(":exception-type") else {
                    return Err(
                        self.malformed("event stream: an exception without `:exception-type`")
                    );
                };
                let code = T::exception_code(code).unwrap_or(code);
                let meta = self.meta(code, payload_message(message.payload()));
                let error = match E::modeled(code, message.payload()) {
                    Some(Ok(error)) => error,
                    Some(Err(e)) => {
                        return Err(Error::Decode(DecodeError::from_response(
                            format!("the {code} exception does not match its shape"),
                            &self.raw(&message),
                            Some(e),
                        )));
                    }
                    None => E::unmodeled(UnmodeledError::new(meta.clone())),
                };
                Err(Error::Service(ServiceError::new(error, meta)))
            }
            "error" => {
                let code = message.header_str(":error-code").unwrap_or("UnknownError");
                let text = message.header_str(":error-message").map(str::to_owned);
                let meta = self.meta(code, text);
                let error = E::unmodeled(UnmodeledError::new(meta.clone()));
                Err(Error::Service(ServiceError::new(error, meta)))
            }
            other => Err(self.malformed(&format!(
                "event stream: a message of type {other:?} (expected event, exception or error)"
            ))),
        }
    }
}

fn is_initial_response(message: &Message) -> bool {
    message.header_str(":message-type") == Some("event")
        && message.header_str(":event-type") == Some("initial-response")
}

/// The `message` (or `Message`) member of a JSON exception payload.
fn payload_message(payload: &[u8]) -> Option<String> {
    let map: serde_json::Map<String, serde_json::Value> = serde_json::from_slice(payload).ok()?;
    ["message", "Message", "errorMessage"]
        .iter()
        .find_map(|k| map.get(*k).and_then(|v| v.as_str()).map(str::to_owned))
}

impl<T, E> Unpin for EventStream<T, E> {}

impl<T: EventUnion, E: OperationError> futures_core::Stream for EventStream<T, E> {
    type Item = Item<T, E>;

    fn poll_next(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        self.get_mut().poll_event(cx)
    }
}

impl<T: EventUnion, E: OperationError> futures_core::FusedStream for EventStream<T, E> {
    fn is_terminated(&self) -> bool {
        self.done && self.pending.is_none()
    }
}

impl<T, E> fmt::Debug for EventStream<T, E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("EventStream")
            .field("status", &self.status)
            .field("request_id", &self.request_id)
            .field("event_timeout", &self.timeout)
            .field("buffered", &self.decoder.buffered_len())
            .field("done", &self.done)
            .finish()
    }
}

/// The event `event_type` of a union that reads JSON: the message's payload as the
/// union's member of that name (a name the union does not list reads as its unknown
/// variant). What the macro implements [`EventUnion::decode_event`] with. Read by the
/// runtime's reader: serde's path would instantiate serde_json's parser once more for
/// each union (issue 20).
pub fn decode_event_union<T: crate::json_read::FromJson>(
    event_type: &str,
    message: &Message,
) -> Option<Result<T, serde_json::Error>> {
    let payload: &[u8] = match message.payload().as_ref() {
        b"" => b"{}",
        payload => payload,
    };
    let mut json = Vec::with_capacity(payload.len() + event_type.len() + 8);
    json.push(b'{');
    if let Err(e) = serde_json::to_writer(&mut json, event_type) {
        return Some(Err(e));
    }
    json.push(b':');
    json.extend_from_slice(payload);
    json.push(b'}');
    Some(crate::json_read::from_slice(&json))
}

/// Implemented by no type: without the `http2` feature, the bound that turns the `send`
/// of an awsJson operation whose output streams (Kinesis `SubscribeToShard`, which
/// AWS serves over HTTP/2 only) into a compile error that names the feature.
#[cfg(not(feature = "http2"))]
#[diagnostic::on_unimplemented(
    message = "`{Self}` streams its output over HTTP/2: enable the `http2` feature of awsjson",
    label = "this operation's `send` needs awsjson's `http2` feature",
    note = "in Cargo.toml: awsjson = {{ version = \"...\", features = [\"http2\"] }}"
)]
pub trait StreamsOverHttp2 {}

/// A success that should carry an event stream: an error unless its content type says
/// it does (or says nothing).
pub(crate) fn check_content_type(raw: &RawResponse) -> Result<(), DecodeError> {
    let content_type = raw.header("content-type").unwrap_or("");
    let media_type = content_type.split(';').next().unwrap_or("").trim();
    if media_type.is_empty()
        || media_type.eq_ignore_ascii_case("application/vnd.amazon.eventstream")
    {
        return Ok(());
    }
    Err(DecodeError::from_response(
        format!("expected an event stream, got the content-type {content_type}"),
        raw,
        None,
    ))
}

/// The largest error response read whole before an event stream began.
const MAX_ERROR_BODY: usize = 1 << 20;

/// How long an error response in place of an event stream may take to arrive.
const ERROR_BODY_TIMEOUT: Duration = Duration::from_secs(30);

/// The event stream of a response: for a 2xx answer, the stream over its body; for
/// an error answer, the operation's error, as any call decodes one. For the tests of
/// the stream itself over a response they sent (through `__private`); calls open their
/// streams through the client's call path (`event_stream/call.rs`).
pub async fn open_event_stream<T: EventUnion, E: OperationError>(
    response: reqwest::Response,
) -> Result<EventStream<T, E>, Error<E>> {
    let status = response.status().as_u16();
    let mut response = response;
    let headers = ResponseHeaders::from_map(std::mem::take(response.headers_mut()));
    let mut raw = RawResponse {
        status,
        headers,
        body: Vec::new(),
    };
    let request_id = raw.request_id().map(str::to_owned);
    if raw.is_success() {
        check_content_type(&raw).map_err(Error::Decode)?;
        let body = ResponseBody {
            body: response.into(),
            status,
            wait: None,
            sleep: None,
        };
        return Ok(EventStream::new(
            status,
            request_id,
            ByteStream::from_response(body),
        ));
    }
    let mut response = response;
    let deadline = tokio::time::Instant::now() + ERROR_BODY_TIMEOUT;
    loop {
        let read = tokio::time::timeout_at(deadline, response.chunk())
            .await
            .map_err(|_| {
                Error::Transport(
                    TransportError::new(
                        TransportErrorKind::Timeout,
                        format!("the error response took more than {ERROR_BODY_TIMEOUT:?}"),
                    )
                    .with_status(status),
                )
            })?;
        let chunk = read.map_err(|e| {
            Error::Transport(
                TransportError::new(TransportErrorKind::Io, "reading the error response")
                    .with_status(status)
                    .with_source(e),
            )
        })?;
        let Some(chunk) = chunk else { break };
        if raw.body.len() + chunk.len() > MAX_ERROR_BODY {
            return Err(Error::Transport(TransportError::new(
                TransportErrorKind::TooLarge,
                format!("error response larger than {MAX_ERROR_BODY} bytes"),
            )));
        }
        raw.body.extend_from_slice(&chunk);
    }
    let meta = crate::protocol::error_code::error_meta(&raw).map_err(Error::Decode)?;
    let error = match E::modeled(&meta.code, &raw.body) {
        Some(Ok(error)) => error,
        Some(Err(e)) => {
            return Err(Error::Decode(DecodeError::from_response(
                format!("the {} error response does not match its shape", meta.code),
                &raw,
                Some(e),
            )));
        }
        None => E::unmodeled(UnmodeledError::new(meta.clone())),
    };
    Err(Error::Service(ServiceError::new(error, meta)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug)]
    enum TestError {
        Throttled(String),
        Unmodeled(UnmodeledError),
    }

    impl OperationError for TestError {
        fn modeled(code: &str, body: &[u8]) -> Option<Result<Self, serde_json::Error>> {
            (code == "Throttled").then(|| {
                serde_json::from_slice::<serde_json::Value>(body)
                    .map(|v| TestError::Throttled(v["message"].as_str().unwrap_or("").to_owned()))
            })
        }
        fn unmodeled(error: UnmodeledError) -> Self {
            TestError::Unmodeled(error)
        }
    }

    #[derive(Debug)]
    struct Any(UnknownValue);

    impl EventUnion for Any {
        fn decode_event(_: &str, _: &Message) -> Option<Result<Self, serde_json::Error>> {
            None
        }
        fn unknown(event_type: UnknownValue) -> Self {
            Any(event_type)
        }
    }

    fn response(status: u16, content_type: &str, body: Vec<u8>) -> reqwest::Response {
        http::Response::builder()
            .status(status)
            .header("content-type", content_type)
            .header("x-amzn-requestid", "req-9")
            .body(body)
            .unwrap()
            .into()
    }

    async fn open(
        status: u16,
        content_type: &str,
        body: Vec<u8>,
    ) -> Result<EventStream<Any, TestError>, Error<TestError>> {
        open_event_stream(response(status, content_type, body)).await
    }

    #[tokio::test]
    async fn a_media_type_with_parameters_is_an_event_stream() {
        let wire = Message::new("{}")
            .with_header(":message-type", "event")
            .with_header(":event-type", "Later")
            .encode()
            .unwrap();
        let mut events = open(200, "Application/Vnd.Amazon.Eventstream; x=1", wire)
            .await
            .unwrap();
        assert_eq!(events.request_id(), Some("req-9"));
        let event = events.next().await.unwrap().unwrap();
        assert_eq!(event.0.as_str(), "Later");
        assert!(events.next().await.is_none());
    }

    #[tokio::test]
    async fn a_success_of_another_content_type_is_a_decode_error() {
        let err = open(200, "text/html", b"<html>proxy</html>".to_vec())
            .await
            .unwrap_err();
        assert!(
            matches!(&err, Error::Decode(e) if e.to_string().contains("expected an event stream")),
            "{err:?}"
        );
    }

    #[tokio::test]
    async fn an_error_answer_is_the_operations_error() {
        let body = br#"{"__type":"Throttled","message":"slow"}"#.to_vec();
        match open(400, "application/x-amz-json-1.1", body).await {
            Err(Error::Service(e)) => {
                assert!(matches!(e.err(), TestError::Throttled(m) if m == "slow"));
                assert_eq!((e.status(), e.request_id()), (400, Some("req-9")));
            }
            other => panic!("{other:?}"),
        }
        let body = br#"{"__type":"Other","message":"no"}"#.to_vec();
        match open(500, "application/x-amz-json-1.1", body).await {
            Err(Error::Service(e)) => {
                assert!(matches!(e.err(), TestError::Unmodeled(u) if u.code() == "Other"));
            }
            other => panic!("{other:?}"),
        }
    }
}
