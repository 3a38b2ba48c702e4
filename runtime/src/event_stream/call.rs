//! One call whose answer is an event stream (and whose request may be one too).
//!
//! The initial request goes through the client's one call path (`Client::execute`): the
//! retry loop, the interceptors, the call's own settings, the attempt and operation
//! timeouts. That path ends when a response's head is in: an error response is read
//! whole and retried or decoded like any other; a success's body is left unread and
//! becomes the stream. So a call is retried only before its stream is handed over,
//! never after an event was delivered.
//!
//! The output's members other than the stream come from the response (restJson1: its
//! headers and status) or from the stream's `initial-response` event (awsJson), read
//! within what is left of the operation timeout; then the stream goes to the output's
//! event-stream member ([`OutputShape::event_stream_member`]).

use std::time::Duration;

use bytes::Bytes;

use super::stream::{EventStream, UntypedStream, check_content_type};
use crate::error::{ConfigError, DecodeError, Error, TransportError, TransportErrorKind};
use crate::operation::{Operation, OutputShape};
use crate::protocol::decode::decode_answer;
use crate::protocol::prepare;
use crate::protocol::rest_json::Response;
use crate::{ByteStream, CallConfig, Client};

/// Sends `op`, whose output has an event-stream member, with the call's own settings
/// (`config`): the output with its stream, or the operation's error.
pub(crate) async fn send_streaming<O: Operation>(
    client: &Client,
    op: &O,
    config: Option<&CallConfig>,
) -> Result<O::Output, Error<O::Error>> {
    let (mut output, stream) = open::<O>(client, op, config).await?;
    let Some(member) = output.event_stream_member() else {
        return Err(Error::Config(ConfigError::new(format!(
            "{} answers with an event stream, and its output type declares no member of \
             type `awsjson::EventStream<_, _>` to hold it",
            name::<O>()
        ))));
    };
    member.attach(&mut Some(stream));
    Ok(output)
}

/// Sends the call and reads its answer up to the stream: the output's other members,
/// and the stream.
async fn open<O: Operation>(
    client: &Client,
    op: &O,
    config: Option<&CallConfig>,
) -> Result<(O::Output, UntypedStream), Error<O::Error>> {
    let mut prepared = prepare(op, client.min_compression_bytes()).map_err(Error::cast)?;
    // AWS serves awsJson's streams (Kinesis `SubscribeToShard`) over HTTP/2 only;
    // restJson1's output streams (Bedrock, Lambda) over HTTP/1.1 as well.
    prepared.http2 = O::HTTP.is_none();
    if prepared.http2 && !cfg!(feature = "http2") {
        return Err(Error::Config(ConfigError::new(format!(
            "{} streams its output over HTTP/2: enable awsjson's `http2` feature",
            name::<O>()
        ))));
    }
    let (response, mut stream) = exchange::<O>(client, prepared, config, None).await?;
    let decoded = match O::HTTP {
        // The payload is the stream: the output's other members are bound to the
        // response's headers and status.
        Some(_) => O::Output::decode_http(&mut Response::new(&response.head, b"{}")),
        None => {
            let initial = initial_response(&mut stream, response.deadline).await?;
            O::Output::decode(&initial.unwrap_or_else(|| Bytes::from_static(b"{}")))
        }
    };
    let output = decoded.map_err(|e| {
        Error::Decode(DecodeError::from_response(
            format!(
                "the initial response of {} does not match its output",
                name::<O>()
            ),
            &response.head,
            Some(e),
        ))
    })?;
    Ok((output, stream.retype()))
}

/// Sends `op` with an input event stream: the operation's members first (awsJson: in
/// the stream's `initial-request` event), then what `input`'s sender sends, each event
/// signed; the answer is a stream of `T` events.
///
/// The request goes through the client's retry loop, interceptors and timeouts as any
/// call's: an attempt that fails before the first of the sender's events went out
/// (connection refused, throttled) is retried with the same input; once an event has
/// gone out, the call is not sent again.
///
/// It returns once the answer's head has come. Services that stream both ways answer
/// at once over HTTP/2; an HTTP/1.1 endpoint (a local test server) answers only after
/// the input has ended. Feed the [`EventSender`](super::EventSender) from another task
/// than the one awaiting this call.
///
/// ```no_run
/// # use awsjson::{aws_json_operation, aws_json_shape, EventStream};
/// # use awsjson::event_stream::{EventSender, Message, send_with_input_stream};
/// # #[aws_json_operation(target = "Svc_20260101.Talk", json_version = "1.1",
/// #     signing_name = "svc", endpoint_prefix = "svc")]
/// # struct Talk { session: String }
/// # #[aws_json_shape] #[derive(Debug)] enum Replies { Text(String) }
/// # async fn demo(client: &awsjson::Client) -> Result<(), Box<dyn std::error::Error>> {
/// let (sender, input) = EventSender::channel(8);
/// tokio::spawn(async move {
///     let event = Message::new(&b"hello"[..])
///         .with_header(":message-type", "event")
///         .with_header(":event-type", "Text");
///     let _ = sender.send(event).await;
/// });
/// let op = Talk { session: "s-1".into() };
/// let mut replies: EventStream<Replies, _> = send_with_input_stream(client, &op, input).await?;
/// while let Some(reply) = replies.next().await {
///     println!("{:?}", reply?);
/// }
/// # Ok(()) }
/// ```
#[cfg(feature = "http2")]
#[cfg_attr(docsrs, doc(cfg(feature = "http2")))]
pub async fn send_with_input_stream<O, T>(
    client: &Client,
    op: &O,
    input: super::EventInput,
) -> Result<EventStream<T, O::Error>, Error<O::Error>>
where
    O: Operation,
    T: super::stream::EventUnion,
{
    use super::frame::Message;

    let mut prepared = prepare(op, None).map_err(Error::cast)?;
    prepared.input_stream = true;
    prepared.http2 = true;
    // The body is the stream of events, not the operation's JSON.
    let mut typed = false;
    for (name, value) in &mut prepared.headers {
        if name == "content-type" {
            *value = std::borrow::Cow::Borrowed("application/vnd.amazon.eventstream");
            typed = true;
        }
    }
    if !typed {
        prepared.headers.push((
            std::borrow::Cow::Borrowed("content-type"),
            std::borrow::Cow::Borrowed("application/vnd.amazon.eventstream"),
        ));
    }
    // awsJson sends the operation's members as the stream's first event; restJson1
    // binds them to the request's URI and headers.
    let first = match O::HTTP {
        Some(_) => None,
        None => Some(Bytes::from(
            Message::new(std::mem::take(&mut prepared.body))
                .with_header(":message-type", "event")
                .with_header(":event-type", "initial-request")
                .with_header(":content-type", O::SERVICE.json_version.content_type())
                .encode()
                .map_err(|e| {
                    Error::Config(ConfigError::new(format!(
                        "the input of {} cannot open an event stream: {e}",
                        name::<O>()
                    )))
                })?,
        )),
    };
    prepared.body.clear();
    let input = input.shared(first);
    let (response, stream) = exchange::<O>(client, prepared, None, Some(&input)).await?;
    let mut stream = stream.retype();
    // An RPC protocol's answer may begin with an `initial-response`: not an event.
    if O::HTTP.is_none() {
        initial_response(&mut stream, response.deadline).await?;
    }
    Ok(stream)
}

/// The answer of a streaming call up to its stream.
struct Opened {
    /// The success's status and headers.
    head: crate::http::RawResponse,
    /// When the operation timeout ends, and what it is.
    deadline: Option<(tokio::time::Instant, Duration)>,
}

/// Sends a prepared streaming call through the client's call path: the stream of a
/// success, or the operation's error.
async fn exchange<O: Operation>(
    client: &Client,
    mut prepared: crate::protocol::Prepared,
    config: Option<&CallConfig>,
    signed_body: Option<&dyn crate::client::SignedBody>,
) -> Result<(Opened, EventStream<(), O::Error>), Error<O::Error>> {
    if let Some(config) = config {
        config.check().map_err(Error::Config)?;
    }
    let deadline = client
        .operation_timeout(config)
        .map(|limit| (tokio::time::Instant::now() + limit, limit));
    prepared.stream_response = true;
    prepared.event_stream = true;
    let mut answer = client
        .execute_with_body(O::SERVICE, name::<O>(), prepared, config, signed_body)
        .await
        .map_err(Error::cast)?;
    if !answer.response.is_success() {
        return Err(
            match decode_answer::<O>(&answer.response, answer.error, answer.attempts, None) {
                Err(e) => e,
                // Not a success: decoding gives the operation's error.
                Ok(_) => Error::Decode(DecodeError::from_response(
                    "an error response read as a success",
                    &answer.response,
                    None,
                )),
            },
        );
    }
    check_content_type(&answer.response).map_err(Error::Decode)?;
    // A mock answers with the whole body at once: the stream reads it from memory.
    let body = answer
        .stream
        .take()
        .unwrap_or_else(|| ByteStream::new(std::mem::take(&mut answer.response.body)));
    let request_id = answer.response.request_id().map(str::to_owned);
    let stream = EventStream::new(answer.response.status, request_id, body);
    let opened = Opened {
        head: answer.response,
        deadline,
    };
    Ok((opened, stream))
}

/// The stream's `initial-response` payload, within what is left of the operation
/// timeout.
async fn initial_response<T, E>(
    stream: &mut EventStream<T, E>,
    deadline: Option<(tokio::time::Instant, Duration)>,
) -> Result<Option<Bytes>, Error<E>> {
    let status = stream.status();
    let reading = stream.initial_response();
    match deadline {
        None => reading.await,
        Some((at, limit)) => tokio::time::timeout_at(at, reading)
            .await
            .map_err(|_| Error::Transport(operation_timeout(limit, status)))?,
    }
}

fn operation_timeout(limit: Duration, status: u16) -> TransportError {
    TransportError::new(
        TransportErrorKind::Timeout,
        format!(
            "the operation timeout of {limit:?} elapsed before the event stream's \
             initial-response"
        ),
    )
    .with_status(status)
}

/// How messages name the operation: its target (awsJson), or its name (restJson1).
fn name<O: Operation>() -> &'static str {
    match O::HTTP {
        Some(route) => route.name,
        None => O::TARGET,
    }
}
