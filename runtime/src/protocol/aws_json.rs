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
    let mut body = serde_json::to_vec(op).map_err(|e| {
        Error::Config(crate::error::ConfigError::new(format!(
            "could not encode the {} request: {e}",
            O::TARGET
        )))
    })?;
    if let Some(member) = O::IDEMPOTENCY_TOKEN.filter(|_| op.idempotency_token_missing()) {
        insert_token(&mut body, member, crate::uuid::Uuid::new_v4().as_str());
    }
    Ok(body)
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
