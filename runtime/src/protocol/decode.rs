//! A response as the operation's output or typed error.

use crate::error::{DecodeError, Error, ServiceError, UnmodeledError};
use crate::http::RawResponse;
use crate::operation::{Operation, OperationError, OutputShape};

use super::error_code::{ErrorAnswer, query_error, read_error};
use super::rest_json::Response;

/// Decodes a response into the operation's output or typed error.
pub fn decode_response<O: Operation>(response: &RawResponse) -> Result<O::Output, Error<O::Error>> {
    decode_answer::<O>(response, None, 1, None)
}

/// [`decode_response`] for the last response of a call that made `attempts` attempts;
/// `error` is that response read by the retry loop, if it read it.
pub(crate) fn decode_answer<O: Operation>(
    response: &RawResponse,
    error: Option<Result<ErrorAnswer, DecodeError>>,
    attempts: u32,
    stream: Option<crate::ByteStream>,
) -> Result<O::Output, Error<O::Error>> {
    // `match`es and functions without `O` rather than closures: each closure, and each
    // `map_err` or `unwrap_or_else` it is passed to, would be compiled once per
    // operation (issue 20).
    if response.is_success() {
        let output = if const { <O::Output as OutputShape>::HTTP_BOUND } {
            let mut read = Response::new(response, &response.body);
            read.stream = stream;
            O::Output::decode_http(&mut read)
        } else {
            O::Output::decode(&response.body)
        };
        return match output {
            Ok(output) => Ok(output),
            Err(e) => Err(Error::Decode(output_mismatch(response, e))),
        };
    }
    let answer = match error_answer(response, error) {
        Ok(answer) => answer,
        Err(e) => return Err(Error::Decode(e)),
    };
    // Only a restJson1 operation's error enum has its own `modeled_http`.
    let modeled = if const { O::HTTP.is_some() } {
        O::Error::modeled_http(
            &answer.meta.code,
            &mut Response::new(response, answer.body(response)),
        )
    } else {
        O::Error::modeled(&answer.meta.code, answer.body(response))
    };
    let mut meta = answer.meta;
    if O::QUERY_COMPATIBLE {
        query_error(response, &mut meta);
    }
    let error = match modeled {
        Some(Ok(error)) => error,
        Some(Err(e)) => return Err(Error::Decode(error_mismatch(response, &meta, e))),
        None => O::Error::unmodeled(UnmodeledError::new(meta.clone())),
    };
    Err(Error::Service(ServiceError {
        error,
        meta,
        attempts: attempts.max(1),
    }))
}

fn output_mismatch(response: &RawResponse, e: serde_json::Error) -> DecodeError {
    DecodeError::from_response(
        "the success response does not match the output shape",
        response,
        Some(e),
    )
}

/// The error response as the retry loop read it, or read now.
fn error_answer(
    response: &RawResponse,
    error: Option<Result<ErrorAnswer, DecodeError>>,
) -> Result<ErrorAnswer, DecodeError> {
    match error {
        Some(answer) => answer,
        None => read_error(response),
    }
}

fn error_mismatch(
    response: &RawResponse,
    meta: &crate::error::ErrorMeta,
    e: serde_json::Error,
) -> DecodeError {
    DecodeError::from_response(
        format!("the {} error response does not match its shape", meta.code),
        response,
        Some(e),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::ErrorMeta;
    use crate::service::{JsonVersion, ServiceMeta};

    struct Op;

    impl serde::Serialize for Op {
        fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            s.serialize_unit()
        }
    }

    #[derive(Debug)]
    enum OpError {
        Known(Vec<u8>),
        Unmodeled(UnmodeledError),
    }

    impl OperationError for OpError {
        fn modeled(code: &str, body: &[u8]) -> Option<Result<Self, serde_json::Error>> {
            (code == "Known").then(|| Ok(OpError::Known(body.to_vec())))
        }
        fn unmodeled(error: UnmodeledError) -> Self {
            OpError::Unmodeled(error)
        }
    }

    impl Operation for Op {
        type Output = ();
        type Error = OpError;
        const TARGET: &'static str = "Svc.Op";
        const SERVICE: &'static ServiceMeta = &ServiceMeta::new(
            "Svc",
            JsonVersion::V1_0,
            "svc",
            "svc",
            "Svc",
            "svc.{region}.{dnsSuffix}",
        );
        const IDEMPOTENCY_TOKEN: Option<&'static str> = None;
        fn idempotency_token_missing(&self) -> bool {
            false
        }
    }

    fn response(body: &str) -> RawResponse {
        RawResponse {
            status: 400,
            headers: crate::http::ResponseHeaders::new(),
            body: body.as_bytes().to_vec(),
        }
    }

    #[test]
    fn an_error_read_by_the_retry_loop_is_not_read_again() {
        let response = response(r#"{"__type":"FromTheBody"}"#);
        // What the retry loop read: decoding takes its code and body as they are.
        let read = ErrorAnswer {
            meta: ErrorMeta::new("Known", 400).with_message("from the loop"),
            rewritten: Some(b"{}".to_vec()),
        };
        let Err(Error::Service(error)) = decode_answer::<Op>(&response, Some(Ok(read)), 2, None)
        else {
            panic!("expected a service error");
        };
        assert!(matches!(error.err(), OpError::Known(body) if body == b"{}"));
        assert_eq!(error.meta().message.as_deref(), Some("from the loop"));
        // Without it, the response is read here.
        let Err(Error::Service(error)) = decode_response::<Op>(&response) else {
            panic!("expected a service error");
        };
        assert!(matches!(error.err(), OpError::Unmodeled(e) if e.code() == "FromTheBody"));
    }
}
