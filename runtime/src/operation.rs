//! What a declared operation is: the traits `#[aws_json_operation]` and
//! `#[aws_json_shape]` implement, and the runtime reads.

use crate::endpoint::Param as EndpointParam;
use crate::endpoint::discovery::EndpointDiscovery;
use crate::endpoint::host_prefix::HostLabelError;
use crate::error::UnmodeledError;
use crate::http_binding as rest_json;
use crate::http_binding::BindError;
use crate::service::ServiceMeta;

/// One declared operation: what `#[aws_json_operation]` implements.
///
/// Write generic code over operations with it (wrappers, test doubles); implement it
/// only through the macro.
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not an awsjson operation",
    note = "declare it with `#[aws_json_operation(target = \"Prefix.Operation\")]`"
)]
pub trait Operation: serde::Serialize + Sync {
    /// The decoded success response.
    type Output: OutputShape + Send;
    /// The operation's error type, with one variant per modeled error.
    type Error: OperationError + Send;
    /// `X-Amz-Target`.
    const TARGET: &'static str;
    /// The service's metadata.
    const SERVICE: &'static ServiceMeta;
    /// The wire name of the idempotency-token member, if the operation has one.
    const IDEMPOTENCY_TOKEN: Option<&'static str>;
    /// Whether the caller left the idempotency token unset.
    fn idempotency_token_missing(&self) -> bool;
    /// Whether the service is `@awsQueryCompatible`: requests say `x-amzn-query-mode`
    /// and error codes come from `x-amzn-query-error`.
    const QUERY_COMPATIBLE: bool = false;
    /// Whether the operation asks for gzip request compression (`@requestCompression`).
    const REQUEST_COMPRESSION: bool = false;
    /// Whether the operation has its own [`host_prefix`](Self::host_prefix),
    /// [`endpoint_url`](Self::endpoint_url) and
    /// [`endpoint_params`](Self::endpoint_params): the macro says so beside each, and a
    /// call asks only for those, so that an operation without them compiles no copy
    /// of the defaults (compile cost, issue 20).
    #[doc(hidden)]
    const HAS_HOST_PREFIX: bool = false;
    /// See [`HAS_HOST_PREFIX`](Self::HAS_HOST_PREFIX).
    #[doc(hidden)]
    const HAS_ENDPOINT_URL: bool = false;
    /// See [`HAS_HOST_PREFIX`](Self::HAS_HOST_PREFIX).
    #[doc(hidden)]
    const HAS_ENDPOINT_PARAMS: bool = false;
    /// The host prefix of the `endpoint` trait, labels filled from the input.
    fn host_prefix(&self) -> Result<Option<String>, HostLabelError> {
        Ok(None)
    }
    /// The URL this call goes to instead of the service endpoint, from an input member
    /// (`#[aws(endpoint_url)]`).
    fn endpoint_url(&self) -> Option<&str> {
        None
    }
    /// Whether the service's endpoint rules route by the credentials' account id
    /// (`AccountId`: DynamoDB, DynamoDB Streams, Kinesis).
    const ENDPOINT_ACCOUNT_ID: bool = false;
    /// The operation's endpoint-rule parameters: `staticContextParams` and the input
    /// members with `contextParam` (Kinesis' `StreamARN`, DynamoDB's `ResourceArn`).
    fn endpoint_params(&self) -> Vec<(&'static str, EndpointParam)> {
        Vec::new()
    }
    /// `operationContextParams`: endpoint-rule parameters as JMESPath over the input
    /// (DynamoDB's `ResourceArnList` from `keys(RequestItems)`), as `(name, path)`.
    const ENDPOINT_PATHS: &'static [(&'static str, &'static str)] = &[];
    /// The model's `endpointdiscovery` trait: the operation goes to the address the
    /// service's discovery operation gives.
    const ENDPOINT_DISCOVERY: Option<EndpointDiscovery> = None;
    /// restJson1: the operation's method, URI and body; `None` for awsJson, whose
    /// operation is `TARGET`.
    #[doc(hidden)]
    const HTTP: Option<&'static rest_json::Route> = None;
    /// restJson1: hands the members bound to the URI, query string, headers and
    /// payload to `request`.
    #[doc(hidden)]
    fn http_bindings(&self, _request: &mut rest_json::Request) -> Result<(), BindError> {
        Ok(())
    }
    /// The output has an event-stream member: a call reads the success's body as the
    /// stream, handed to that member ([`OutputShape::event_stream_member`]).
    const OUTPUT_EVENT_STREAM: bool = false;
}

/// A type a success response decodes into.
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be an operation's output",
    note = "declare it with `#[aws_json_shape]`"
)]
pub trait OutputShape: Sized {
    /// The catalog shape the type mirrors (`shape = "<service>#<Shape>"`), or `""`.
    const MODEL_SHAPE: &'static str = "";
    /// The wire names of its fields, each with the error to report when the model
    /// shape an operation expects lacks it.
    const MEMBERS: &'static [(&'static str, &'static str)] = &[];
    /// The wire names of its fields marked `#[aws(sensitive)]` (or filled from the
    /// catalog), which its `Debug` redacts.
    const REDACTED: &'static [&'static str] = &[];
    /// restJson1: the type has a streaming payload, read from the response as it
    /// arrives instead of whole.
    #[doc(hidden)]
    const STREAMING: bool = false;
    /// restJson1: the type has its own [`decode_http`](Self::decode_http) (members
    /// bound to headers, the status or the payload); a call of a type without one
    /// decodes the body alone, and compiles no copy of the default (issue 20).
    #[doc(hidden)]
    const HTTP_BOUND: bool = false;

    /// Decodes a success body; an empty body reads as `{}`.
    fn decode(body: &[u8]) -> Result<Self, serde_json::Error>;

    /// The member of type [`EventStream`](crate::EventStream) a call that streams
    /// hands the response's stream to; `None` for a type without one.
    #[doc(hidden)]
    fn event_stream_member(&mut self) -> Option<&mut dyn EventStreamMember> {
        None
    }

    /// restJson1: decodes a response whose headers, status or payload fill members
    /// too; the body alone for a type without such members.
    #[doc(hidden)]
    fn decode_http(response: &mut rest_json::Response<'_>) -> Result<Self, serde_json::Error> {
        Self::decode(response.body)
    }
}

/// An output's event-stream member, which takes the stream of the call's response.
///
/// Implemented by [`EventStream`](crate::EventStream) only. The stream crosses as
/// `dyn Any` because its untyped form lives with the stream, which depends on this
/// module; only the runtime's one untyped stream type is ever passed.
#[doc(hidden)]
pub trait EventStreamMember {
    /// Takes the stream out of `stream` (an `Option` of the runtime's untyped stream).
    fn attach(&mut self, stream: &mut dyn std::any::Any);
}

/// The generated per-operation error enum.
pub trait OperationError: Sized {
    /// Decodes a modeled error by code; `None` when the code is not modeled.
    fn modeled(code: &str, body: &[u8]) -> Option<Result<Self, serde_json::Error>>;
    /// restJson1: [`modeled`](Self::modeled) from a response whose headers or status
    /// fill members of the error too.
    #[doc(hidden)]
    fn modeled_http(
        code: &str,
        response: &mut rest_json::Response<'_>,
    ) -> Option<Result<Self, serde_json::Error>> {
        Self::modeled(code, response.body)
    }
    /// Wraps an error code the operation does not model.
    fn unmodeled(error: UnmodeledError) -> Self;
}
