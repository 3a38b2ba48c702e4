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
    let prepared = prepare(op, client.min_compression_bytes()).map_err(Error::cast)?;
    let (response, attempts) = client
        .execute(O::SERVICE, O::TARGET, prepared)
        .await
        .map_err(Error::cast)?;
    decode_answer::<O>(&response, attempts)
}

/// The signed request `send` would send now, without sending it.
pub async fn request<O: Operation>(
    client: &Client,
    op: &O,
    time: SystemTime,
) -> Result<HttpRequest, Error<Infallible>> {
    let prepared = prepare(op, client.min_compression_bytes())?;
    client
        .signed_request(O::SERVICE, O::TARGET, &prepared, time)
        .await
}
