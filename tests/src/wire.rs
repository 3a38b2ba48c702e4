//! The wire engine's decoder, for tests that feed it responses without a server: the
//! property tests and a few decoder checks.
//!
//! Besides the tests of `awsjson::__private` itself (tests/README.md says which), this
//! is the one place in the test suite that names `__private`, so that when the hidden
//! API generated code calls moves, one file follows it. A test that can go through
//! the public API (`Client::build_request` for what `send` would send, the stub or
//! `awsjson::mock` for what it decodes) does.

use awsjson::__private;
use awsjson::{DecodeError, Error, ErrorMeta, Operation};

/// A response as it arrived: status, headers (names lower case) and body.
pub use awsjson::__private::RawResponse;

/// A response with this status, headers and body.
pub fn response(status: u16, headers: &[(&str, &str)], body: impl Into<Vec<u8>>) -> RawResponse {
    RawResponse {
        status,
        headers: awsjson::ResponseHeaders::from_pairs(headers.iter().copied())
            .expect("headers HTTP can carry"),
        body: body.into(),
    }
}

/// Decodes `response` as the answer to an `O` call, as `send` decodes the response of
/// its last attempt: the output, a modeled or unmodeled service error, or a decode
/// error.
pub fn decode<O: Operation>(response: &RawResponse) -> Result<O::Output, Error<O::Error>> {
    __private::decode_response::<O>(response)
}

/// What `send` reads off an error response before the typed decode: code, message,
/// request id, status.
pub fn error_meta(response: &RawResponse) -> Result<ErrorMeta, DecodeError> {
    __private::error_meta(response)
}
