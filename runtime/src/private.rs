//! What generated code calls, by the paths the expansion writes
//! (`::awsjson::__private::…`). Not public API: names and signatures change freely.
//!
//! Re-exports only: each item lives in the file named for its concept.

pub use ::serde_core as serde;
pub use ::serde_json;

/// Every cataloged service's metadata, for awsjson's own conformance tests.
pub use awsjson_macros::__catalog_services;

pub use crate::call::{request, send, send_event_stream};
pub use crate::codegen::debug;
pub use crate::codegen::enumeration;
pub use crate::codegen::member;
pub use crate::default::{DefaultFrom, EmptyList, EmptyMap, default_value};
pub use crate::endpoint::discovery::EndpointDiscovery;
pub use crate::endpoint::host_prefix::{HostLabelError, host_prefix};
pub use crate::endpoint::{
    EndpointParams, EndpointView, IntoEndpointParam, Param as EndpointParam, resolve_endpoint,
};
/// An event to and from its message.
pub use crate::event_stream::event;
pub use crate::event_stream::input_stream::send_input_stream;
#[cfg(not(feature = "http2"))]
pub use crate::event_stream::stream::StreamsOverHttp2;
pub use crate::event_stream::stream::{EventUnion, decode_event_union, open_event_stream};
pub use crate::http::{InvalidHeader, RawResponse, ResponseHeaders};
pub use crate::mirror::{
    Misfit, concat_message, mirror_misfit, misfit_message, output_misfit, output_unredacted,
    unredacted,
};
pub use crate::operation::{EventStreamMember, Operation, OperationError, OutputShape};
pub use crate::paginate::{PageItems, advance_token, page_size};
pub use crate::protocol::aws_json::encode;
pub use crate::protocol::decode::decode_response;
pub use crate::protocol::error_code::error_meta;
pub use crate::protocol::json_body::decode_struct;
/// The decode path's JSON reader, which generated `FromJson` impls call.
pub mod json_read {
    pub use crate::json_read::*;
}
/// The generic half of generated structures' serde impls.
pub use crate::protocol::json_struct;
/// restJson1's routes, bindings and response reading.
pub use crate::protocol::rest_json;
pub use crate::serde_adapters::{float, timestamp};
pub use crate::service::JsonVersion;
pub use crate::unknown::{union, unknown_value};
/// Fixed idempotency tokens for the protocol tests.
#[cfg(feature = "test-util")]
pub use crate::uuid::with_zero_tokens;
