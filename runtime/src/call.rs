//! One call of a declared operation: prepare it once, let the client's non-generic
//! attempt loop sign, send and retry, decode the last response.

use std::convert::Infallible;
use std::time::SystemTime;

use crate::Client;
use crate::error::Error;
use crate::http::HttpRequest;
use crate::operation::Operation;
use crate::protocol::{decode::decode_answer, prepare};

/// Sends `op`: fills its idempotency token and encodes it once, then lets the client's
/// non-generic attempt loop sign, send and retry, and decodes the last response.
///
/// A plain function returning `send_with`'s future, not an `async fn` around it: one
/// state machine per operation instead of two (issue 20).
pub fn send<'a, O: Operation>(
    client: &'a Client,
    op: &'a O,
) -> impl Future<Output = Result<O::Output, Error<O::Error>>> + Send + 'a {
    send_with(client, op, None)
}

/// [`send`] with per-call settings.
///
/// The streaming call is chosen here, outside the ordinary call's state machine, and
/// boxed: inside an `async fn` its future would be a state of every operation's
/// future, and every operation would instantiate the event-stream path (issue 20:
/// 27,753 → 35,151 mono items at N = 100). Behind a constant `if` in a plain function
/// only operations whose output streams instantiate it.
pub(crate) fn send_with<'a, O: Operation>(
    client: &'a Client,
    op: &'a O,
    config: Option<&'a crate::CallConfig>,
) -> impl Future<Output = Result<O::Output, Error<O::Error>>> + Send + 'a {
    type Streaming<'a, O> = std::pin::Pin<
        Box<
            dyn Future<Output = Result<<O as Operation>::Output, Error<<O as Operation>::Error>>>
                + Send
                + 'a,
        >,
    >;
    let streaming: Option<Streaming<'a, O>> = if O::OUTPUT_EVENT_STREAM {
        Some(Box::pin(crate::event_stream::call::send_streaming(
            client, op, config,
        )))
    } else {
        None
    };
    async move {
        if let Some(streaming) = streaming {
            return streaming.await;
        }
        if let Some(config) = config {
            config.check().map_err(Error::Config)?;
        }
        let prepared = prepare(op, client.min_compression_bytes()).map_err(Error::cast)?;
        let answer = client
            .execute(O::SERVICE, name::<O>(), prepared, config)
            .await
            .map_err(Error::cast)?;
        decode_answer::<O>(
            &answer.response,
            answer.error,
            answer.attempts,
            answer.stream,
        )
    }
}

/// `send` of an awsJson operation whose output streams (Kinesis `SubscribeToShard`),
/// which AWS serves over HTTP/2 only: with awsjson's `http2` feature.
#[cfg(feature = "http2")]
pub async fn send_event_stream<O: Operation>(
    client: &Client,
    op: &O,
) -> Result<O::Output, Error<O::Error>> {
    send_with(client, op, None).await
}

/// Without awsjson's `http2` feature, the `send` of an awsJson operation whose output
/// streams does not compile: the bound names the feature.
#[cfg(not(feature = "http2"))]
pub async fn send_event_stream<O>(client: &Client, op: &O) -> Result<O::Output, Error<O::Error>>
where
    O: Operation + crate::event_stream::stream::StreamsOverHttp2,
{
    send_with(client, op, None).await
}

/// The signed request `send` would send now, without sending it.
pub async fn request<O: Operation>(
    client: &Client,
    op: &O,
    time: SystemTime,
) -> Result<HttpRequest, Error<Infallible>> {
    let prepared = prepare(op, client.min_compression_bytes())?;
    client
        .signed_request(O::SERVICE, name::<O>(), &prepared, time)
        .await
}

/// How traces and messages name the operation: its target (awsJson), or its name
/// (restJson1, which has no target).
fn name<O: Operation>() -> &'static str {
    match O::HTTP {
        Some(route) => route.name,
        None => O::TARGET,
    }
}
