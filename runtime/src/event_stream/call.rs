//! One call whose answer is an event stream (and whose request may be one too), over
//! the client's HTTP/2 connections: signed once, sent once, the output's initial
//! members read from the stream's `initial-response` and the stream handed to the
//! output's event-stream member.
//!
//! Unlike other calls, it is not retried: once the stream is open, events may have
//! been consumed (or sent) that a second attempt could not take back.

use std::convert::Infallible;

use bytes::Bytes;
use http::{HeaderName, HeaderValue};

use super::frame::Message;
use super::input::EventInput;
use super::signing::EventSigner;
use super::stream::{EventStream, NoEvents, open_event_stream, set_pending, take_pending};
use crate::Client;
use crate::error::{ConfigError, DecodeError, Error, TransportError, TransportErrorKind};
use crate::operation::{Operation, OutputShape};
use crate::protocol::prepare;

/// Sends `op`, whose output has an event-stream member: its initial members come
/// from the stream's `initial-response` event, the member is the stream.
pub async fn send_event_stream<O: Operation>(
    client: &Client,
    op: &O,
) -> Result<O::Output, Error<O::Error>> {
    send_streaming(client, op, None).await
}

/// Sends `op` with `input` as its request body, when it has an input event stream; the
/// output as [`send_event_stream`] reads it. An output without an event-stream member
/// (an operation that only sends events) leaves the answer's stream unread.
pub(crate) async fn send_streaming<O: Operation>(
    client: &Client,
    op: &O,
    input: Option<EventInput>,
) -> Result<O::Output, Error<O::Error>> {
    let sends_events = input.is_some();
    let response = open(client, op, input).await.map_err(Error::cast)?;
    let mut stream = open_event_stream::<NoEvents, O::Error>(response).await?;
    let initial = stream.initial_response().await?;
    let initial = initial.unwrap_or_else(|| Bytes::from_static(b"{}"));
    let status = stream.status();
    set_pending(stream.retype());
    let decoded = O::Output::decode(&initial);
    let unclaimed = take_pending().is_some();
    let output = decoded.map_err(|e| {
        Error::Decode(DecodeError::new(
            format!(
                "the initial-response of {} does not match its output: {e}",
                O::TARGET
            ),
            status,
        ))
    })?;
    if unclaimed && !sends_events {
        return Err(Error::Config(ConfigError::new(format!(
            "{} answers with an event stream, and its output type declares no member of \
             type `awsjson::EventStream<_, _>` to hold it",
            O::TARGET
        ))));
    }
    Ok(output)
}

/// Sends `op` with an input event stream: the operation's members in the stream's
/// `initial-request` event, then what `input`'s sender sends, each event signed; the
/// answer is a stream of `T` events.
///
/// It returns once the answer's head has come. Services that stream both ways answer
/// at once over HTTP/2; an HTTP/1.1 endpoint (a local test server) answers only after
/// the input has ended. Feed the [`EventSender`](super::EventSender) from another task
/// than the one awaiting this call.
#[cfg_attr(docsrs, doc(cfg(feature = "http2")))]
pub async fn send_with_input_stream<O, T>(
    client: &Client,
    op: &O,
    input: EventInput,
) -> Result<EventStream<T, O::Error>, Error<O::Error>>
where
    O: Operation,
    T: super::stream::EventUnion,
{
    let response = open(client, op, Some(input)).await.map_err(Error::cast)?;
    let mut stream = open_event_stream::<T, O::Error>(response).await?;
    // An RPC protocol's answer may begin with an `initial-response`: not an event.
    stream.initial_response().await?;
    Ok(stream)
}

/// Signs and sends the request of a streaming call; the response once its head is in.
async fn open<O: Operation>(
    client: &Client,
    op: &O,
    input: Option<EventInput>,
) -> Result<reqwest::Response, Error<Infallible>> {
    let mut prepared = prepare(op, None)?;
    prepared.input_stream = input.is_some();
    if prepared.input_stream {
        // The body is the stream of events, not the operation's JSON.
        for (name, value) in &mut prepared.headers {
            if name == "content-type" {
                *value = std::borrow::Cow::Borrowed("application/vnd.amazon.eventstream");
            }
        }
    }
    let request = client
        .signed_request(O::SERVICE, O::TARGET, &prepared, client.signing_time())
        .await?;
    let body = match input {
        None => reqwest::Body::from(request.body),
        Some(input) => {
            let authorization = request.header("authorization").unwrap_or_default();
            let parsed = crate::sigv4::parse_authorization(authorization).ok_or_else(|| {
                Error::Config(ConfigError::new("the streaming request was not signed"))
            })?;
            let credentials = client.credentials().await?;
            let signer = EventSigner::new(
                &credentials,
                parsed.region,
                parsed.service,
                parsed.signature,
            );
            // awsJson sends the operation's members as the stream's first event;
            // restJson1 binds them to the request's headers, and the body is the events.
            let first = match O::HTTP {
                Some(_) => None,
                None => Some(
                    Message::new(request.body)
                        .with_header(":message-type", "event")
                        .with_header(":event-type", "initial-request")
                        .with_header(":content-type", O::SERVICE.json_version.content_type())
                        .encode()
                        .map_err(|e| {
                            Error::Config(ConfigError::new(format!(
                                "the input of {} cannot open an event stream: {e}",
                                O::TARGET
                            )))
                        })?,
                ),
            };
            reqwest::Body::wrap(input.into_body(first.map(Bytes::from), signer))
        }
    };
    let url = reqwest::Url::parse(&request.url).map_err(|e| {
        Error::Config(ConfigError::new(format!(
            "the endpoint {} is no URL: {e}",
            request.url
        )))
    })?;
    let mut http_request = reqwest::Request::new(reqwest::Method::POST, url);
    for (name, value) in request.headers {
        // reqwest derives it from the body; a stream has none (HTTP/2 frames it,
        // HTTP/1.1 chunks it).
        if name == "content-length" {
            continue;
        }
        let value = HeaderValue::try_from(value).map_err(|_| {
            Error::Config(ConfigError::new(format!(
                "the {name} header would carry bytes an HTTP header cannot"
            )))
        })?;
        let name = HeaderName::from_bytes(name.as_bytes()).map_err(|_| {
            Error::Config(ConfigError::new(format!(
                "{name:?} is not a valid HTTP header name"
            )))
        })?;
        http_request.headers_mut().append(name, value);
    }
    *http_request.body_mut() = Some(body);
    let (http, header_timeout) = client.stream_http().map_err(Error::Config)?;
    let sending = http.execute(http_request);
    let sent = match header_timeout {
        None => sending.await,
        Some(limit) => tokio::time::timeout(limit, sending).await.map_err(|_| {
            Error::Transport(TransportError::new(
                TransportErrorKind::Timeout,
                format!(
                    "no response headers within the response header timeout of {limit:?} \
                     (see ClientBuilder::response_header_timeout)"
                ),
            ))
        })?,
    };
    sent.map_err(|e| {
        let kind = if e.is_timeout() {
            TransportErrorKind::Timeout
        } else if e.is_connect() {
            TransportErrorKind::Connect
        } else {
            TransportErrorKind::Io
        };
        let doing = if e.is_connect() {
            "connecting to the endpoint to open an event stream"
        } else {
            "sending the request of an event stream"
        };
        Error::Transport(TransportError::new(kind, doing).with_source(e))
    })
}
