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
pub async fn send<O: Operation>(client: &Client, op: &O) -> Result<O::Output, Error<O::Error>> {
    send_with(client, op, None).await
}

/// [`send`] with per-call settings.
pub(crate) async fn send_with<O: Operation>(
    client: &Client,
    op: &O,
    config: Option<&crate::CallConfig>,
) -> Result<O::Output, Error<O::Error>> {
    if O::OUTPUT_EVENT_STREAM {
        return crate::event_stream::call::send_streaming(client, op, config).await;
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
