//! One call of a declared operation: prepare it once, let the client's non-generic
//! attempt loop sign, send and retry, decode the last response.

use std::convert::Infallible;
use std::pin::Pin;
use std::time::SystemTime;

use crate::Client;
use crate::error::Error;
use crate::http::HttpRequest;
use crate::operation::Operation;
use crate::protocol::rest_json::Route;
use crate::protocol::{decode::decode_answer, prepare};

/// Sends `op` (with per-call settings, if any): fills its idempotency token and
/// encodes it once, then lets the client's non-generic attempt loop sign, send and
/// retry, and decodes the last response.
///
/// Written for compile cost (issue 20), as every operation instantiates it:
///
/// - Called by the generated `send` with `None` settings, not through a wrapper: one
///   function and one state machine per operation.
/// - The streaming call is chosen by a constant `if`, so that only operations whose
///   output streams instantiate it, and runs boxed as a future whose output is `()`,
///   its result written into a slot of this future: a type that names the operation
///   (a boxed `dyn Future` of its output, as before) costs each operation its drop
///   glue, `poll` and `deref_mut` even where the branch is dead (about 9 items), and
///   the streaming future unboxed would make every operation instantiate the
///   event-stream path (27,753 → 35,151 mono items at N = 100).
/// - The errors are `match`ed, not `?` with `map_err`: the transport layer's
///   `Error<Infallible>` is re-typed once, at the end, and the settings are checked by
///   a function compiled once, which saves each operation three `map_err`, two
///   function-pointer shims, three `Try::branch`, `from_residual` and `From`.
pub async fn send<O: Operation>(
    client: &Client,
    op: &O,
    config: Option<&crate::CallConfig>,
) -> Result<O::Output, Error<O::Error>> {
    if O::OUTPUT_EVENT_STREAM {
        let mut slot = None;
        send_streaming_into(client, op, config, &mut slot).await;
        return match slot {
            Some(result) => result,
            None => unreachable_streaming(),
        };
    }
    let prepared = match check(config) {
        Ok(()) => prepare(op, client.min_compression_bytes()),
        Err(e) => Err(e),
    };
    let answer = match prepared {
        Ok(prepared) => {
            client
                .execute(O::SERVICE, name(O::HTTP, O::TARGET), prepared, config)
                .await
        }
        Err(e) => Err(e),
    };
    match answer {
        Ok(answer) => decode_answer::<O>(
            &answer.response,
            answer.error,
            answer.attempts,
            answer.stream,
        ),
        Err(e) => Err(e.cast()),
    }
}

/// The per-call settings' own mistake, if any, as the transport layer's error.
fn check(config: Option<&crate::CallConfig>) -> Result<(), Error<Infallible>> {
    match config {
        Some(config) => config.check().map_err(Error::Config),
        None => Ok(()),
    }
}

/// The streaming call, boxed as a future of `()` that writes its result into `slot`:
/// the box's type names no operation (see [`send`]).
fn send_streaming_into<'a, O: Operation>(
    client: &'a Client,
    op: &'a O,
    config: Option<&'a crate::CallConfig>,
    slot: &'a mut Option<Result<O::Output, Error<O::Error>>>,
) -> Pin<Box<dyn Future<Output = ()> + Send + 'a>> {
    Box::pin(async move {
        *slot = Some(crate::event_stream::call::send_streaming(client, op, config).await);
    })
}

#[cold]
fn unreachable_streaming() -> ! {
    // `send_streaming_into`'s future fills its slot before it completes.
    panic!("awsjson internal error: the streaming call ended without a result")
}

/// `send` of an awsJson operation whose output streams (Kinesis `SubscribeToShard`),
/// which AWS serves over HTTP/2 only: with awsjson's `http2` feature.
#[cfg(feature = "http2")]
pub async fn send_event_stream<O: Operation>(
    client: &Client,
    op: &O,
) -> Result<O::Output, Error<O::Error>> {
    send(client, op, None).await
}

/// Without awsjson's `http2` feature, the `send` of an awsJson operation whose output
/// streams does not compile: the bound names the feature.
#[cfg(not(feature = "http2"))]
pub async fn send_event_stream<O>(client: &Client, op: &O) -> Result<O::Output, Error<O::Error>>
where
    O: Operation + crate::event_stream::stream::StreamsOverHttp2,
{
    send(client, op, None).await
}

/// The signed request `send` would send now, without sending it.
pub async fn request<O: Operation>(
    client: &Client,
    op: &O,
    time: SystemTime,
) -> Result<HttpRequest, Error<Infallible>> {
    let prepared = prepare(op, client.min_compression_bytes())?;
    client
        .signed_request(O::SERVICE, name(O::HTTP, O::TARGET), &prepared, time)
        .await
}

/// How traces and messages name the operation: its target (awsJson), or its name
/// (restJson1, which has no target). Not generic: one function for every operation.
fn name(http: Option<&'static Route>, target: &'static str) -> &'static str {
    match http {
        Some(route) => route.name,
        None => target,
    }
}
