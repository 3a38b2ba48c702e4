//! Why an event-stream message could not be decoded or encoded: the one error of the
//! framing, shared by the message (`frame.rs`) and its headers (`header.rs`).

use std::error::Error as StdError;
use std::fmt;

/// Why a message could not be decoded or encoded.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum FrameErrorKind {
    /// The prelude's CRC32 does not match its 8 bytes: the lengths cannot be trusted.
    PreludeChecksum,
    /// The message CRC32 does not match the message.
    MessageChecksum,
    /// The lengths of the prelude contradict each other (a total under 16 bytes,
    /// headers longer than the message), or bytes follow the one message expected.
    InvalidLength,
    /// The message or its headers are larger than the limit.
    TooLarge,
    /// A header is malformed: cut short, an unknown type, a name or string that is not
    /// UTF-8, an empty name; or, encoding, a name or value too long for the wire.
    InvalidHeader,
    /// The input ended inside a message.
    Truncated,
    /// An earlier error ended the stream: after a bad checksum nothing that follows
    /// can be trusted (the specification says to terminate the stream).
    Terminated,
}

/// An event-stream message that could not be decoded or encoded.
///
/// ```
/// use awsjson::event_stream::{FrameErrorKind, Message};
///
/// let mut bytes = Message::new("hello").encode().unwrap();
/// let last = bytes.len() - 1;
/// bytes[last] ^= 1;
/// let err = Message::decode(&bytes).unwrap_err();
/// assert_eq!(err.kind(), FrameErrorKind::MessageChecksum);
/// assert!(err.to_string().starts_with("event stream: message checksum mismatch"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FrameError {
    kind: FrameErrorKind,
    pub(crate) message: String,
}

impl FrameError {
    pub(crate) fn new(kind: FrameErrorKind, message: impl Into<String>) -> Self {
        FrameError {
            kind,
            message: message.into(),
        }
    }

    /// What went wrong.
    pub fn kind(&self) -> FrameErrorKind {
        self.kind
    }
}

impl fmt::Display for FrameError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let kind = match self.kind {
            FrameErrorKind::PreludeChecksum => "prelude checksum mismatch",
            FrameErrorKind::MessageChecksum => "message checksum mismatch",
            FrameErrorKind::InvalidLength => "invalid length",
            FrameErrorKind::TooLarge => "message too large",
            FrameErrorKind::InvalidHeader => "invalid header",
            FrameErrorKind::Truncated => "truncated message",
            FrameErrorKind::Terminated => "stream terminated",
        };
        write!(f, "event stream: {kind}: {}", self.message)
    }
}

impl StdError for FrameError {}
