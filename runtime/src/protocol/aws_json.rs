//! awsJson 1.0 / 1.1: the request body is the input's JSON, the operation is the
//! `X-Amz-Target` header.

use std::borrow::Cow;
use std::convert::Infallible;

use crate::error::Error;
use crate::operation::Operation;
use crate::service::ServiceMeta;

/// The request headers of an awsJson call of `target`: its content type (the JSON
/// version) and the target.
pub(crate) fn headers(
    service: &ServiceMeta,
    target: &'static str,
) -> Vec<(Cow<'static, str>, Cow<'static, str>)> {
    let mut headers = Vec::with_capacity(4);
    headers.push((
        Cow::Borrowed("content-type"),
        Cow::Borrowed(service.json_version.content_type()),
    ));
    headers.push((Cow::Borrowed("x-amz-target"), Cow::Borrowed(target)));
    headers
}

/// The JSON body of `op`, with a fresh idempotency token when the caller left it unset.
///
/// The body is built once per call, so every retry carries the same bytes and token.
pub fn encode<O: Operation>(op: &O) -> Result<Vec<u8>, Error<Infallible>> {
    // Generic only in what needs `O`: the error and the token go through functions
    // compiled once (issue 20: no closure, `map_err` or `filter` per operation).
    let mut body = Vec::with_capacity(128);
    // `serialize` itself rather than `serde_json::to_writer`, one more layer per
    // operation.
    if let Err(e) = serde::Serialize::serialize(op, &mut serde_json::Serializer::new(&mut body)) {
        return Err(encode_error(O::TARGET, &e));
    }
    // Asked only of an operation that has a token (`false` for any other): an
    // operation without one compiles no `idempotency_token_missing` (issue 20).
    if const { O::IDEMPOTENCY_TOKEN.is_some() } && op.idempotency_token_missing() {
        fill_token(&mut body, O::IDEMPOTENCY_TOKEN);
    }
    Ok(body)
}

fn encode_error(target: &str, e: &serde_json::Error) -> Error<Infallible> {
    Error::Config(crate::error::ConfigError::new(format!(
        "could not encode the {target} request: {e}"
    )))
}

/// A fresh token in `body` when the operation has a token `member`.
fn fill_token(body: &mut Vec<u8>, member: Option<&str>) {
    if let Some(member) = member {
        insert_token(body, member, crate::uuid::Uuid::new_v4().as_str());
    }
}

/// Adds `"member":"token"` as the first member of the encoded object `body`.
fn insert_token(body: &mut Vec<u8>, member: &str, token: &str) {
    // Serialization of a struct always yields `{...}`; member order is free in JSON.
    let mut entry = serde_json::to_vec(member).unwrap_or_default();
    entry.push(b':');
    entry.extend_from_slice(&serde_json::to_vec(token).unwrap_or_default());
    if body.len() > 2 {
        entry.push(b',');
    }
    body.splice(1..1, entry);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn token_goes_first_in_any_object() {
        let mut body = b"{}".to_vec();
        insert_token(&mut body, "ClientToken", "t-1");
        assert_eq!(body, br#"{"ClientToken":"t-1"}"#);
        let mut body = br#"{"A":1}"#.to_vec();
        insert_token(&mut body, "ClientToken", "t-2");
        assert_eq!(body, br#"{"ClientToken":"t-2","A":1}"#);
    }
}
