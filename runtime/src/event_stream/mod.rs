//! The `application/vnd.amazon.eventstream` framing: the binary messages in which AWS
//! services stream events (Bedrock's tokens, Kinesis' records, Lambda's response
//! stream), written against the
//! [Amazon Event Stream specification](https://smithy.io/2.0/aws/amazon-eventstream.html).
//!
//! A message is a prelude (total length, headers length, and a CRC32 of those 8
//! bytes), typed headers, a payload, and a CRC32 of everything before it. [`Message`]
//! encodes and decodes one; [`Decoder`] decodes a stream of them from chunks of any
//! size. Both checksums are verified before any header is read, lengths are checked
//! before anything is allocated for them, and malformed input is a [`FrameError`],
//! never a panic.

pub(crate) mod call;
mod error;
mod frame;
mod header;
#[cfg(feature = "http2")]
mod input;
mod signing;
pub(crate) mod stream;

#[cfg(feature = "http2")]
pub use call::send_with_input_stream;
pub use error::{FrameError, FrameErrorKind};
pub use frame::{
    DEFAULT_MAX_MESSAGE_LEN, Decoder, MAX_HEADERS_LEN, MAX_PAYLOAD_LEN, MIN_MESSAGE_LEN, Message,
};
pub use header::{Header, HeaderValue, MAX_HEADER_NAME_LEN, MAX_HEADER_VALUE_LEN};
#[cfg(feature = "http2")]
pub use input::{EventInput, EventSendError, EventSender};
pub use signing::EventSigner;
pub use stream::{DEFAULT_EVENT_TIMEOUT, EventStream, EventUnion};
