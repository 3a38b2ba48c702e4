//! A response as the operation's output or typed error.

use crate::error::{DecodeError, Error, ServiceError, UnmodeledError};
use crate::http::RawResponse;
use crate::operation::{Operation, OperationError, OutputShape};

use super::error_code::{error_meta, query_error};

/// Decodes a response into the operation's output or typed error.
pub fn decode_response<O: Operation>(response: &RawResponse) -> Result<O::Output, Error<O::Error>> {
    decode_answer::<O>(response, 1)
}

/// [`decode_response`] for the last response of a call that made `attempts` attempts.
pub(crate) fn decode_answer<O: Operation>(
    response: &RawResponse,
    attempts: u32,
) -> Result<O::Output, Error<O::Error>> {
    if response.is_success() {
        return O::Output::decode(&response.body).map_err(|e| {
            Error::Decode(DecodeError::from_response(
                "the success response does not match the output shape",
                response,
                Some(e),
            ))
        });
    }
    let mut meta = error_meta(response).map_err(Error::Decode)?;
    let body = single_message(&response.body);
    let modeled = O::Error::modeled(&meta.code, &body);
    if O::QUERY_COMPATIBLE {
        query_error(response, &mut meta);
    }
    let error = match modeled {
        Some(Ok(error)) => error,
        Some(Err(e)) => {
            return Err(Error::Decode(DecodeError::from_response(
                format!("the {} error response does not match its shape", meta.code),
                response,
                Some(e),
            )));
        }
        None => O::Error::unmodeled(UnmodeledError::new(meta.clone())),
    };
    Err(Error::Service(
        ServiceError::new(error, meta).with_attempts(attempts),
    ))
}

/// An error body with at most one of `message`, `Message` and `errorMessage`.
///
/// Error shapes read each spelling into their one `message` member (aliases),
/// and serde rejects a member given twice, which SQS (query-compatible) and SSM do:
/// `{"__type": "...", "message": "m", "Message": "m"}`.
fn single_message(body: &[u8]) -> std::borrow::Cow<'_, [u8]> {
    const SPELLINGS: [&str; 3] = ["message", "Message", "errorMessage"];
    let Ok(mut map) = serde_json::from_slice::<serde_json::Map<String, serde_json::Value>>(body)
    else {
        return body.into();
    };
    if SPELLINGS.iter().filter(|k| map.contains_key(**k)).count() < 2 {
        return body.into();
    }
    let keep = SPELLINGS
        .iter()
        .find(|k| map.contains_key(**k))
        .copied()
        .unwrap_or("message");
    map.retain(|k, _| k == keep || !SPELLINGS.contains(&k.as_str()));
    serde_json::to_vec(&map).map_or(body.into(), Into::into)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn error_bodies_keep_one_message_spelling() {
        let body = br#"{"__type":"ParameterAlreadyExists","message":"m1","Message":"m2"}"#;
        let map: serde_json::Map<String, serde_json::Value> =
            serde_json::from_slice(&single_message(body)).unwrap();
        assert_eq!(map.len(), 2);
        assert_eq!(map["message"], "m1");
        let body = br#"{"Message":"only"}"#;
        assert_eq!(&*single_message(body), body);
        assert_eq!(&*single_message(b"not json"), b"not json");
    }
}
