//! The message framing: prelude, headers, payload and the two CRC32 checksums, one
//! message at a time or incrementally from a growing buffer.

use std::fmt;

use bytes::{Buf, Bytes, BytesMut};

use super::error::{FrameError, FrameErrorKind};
use super::header::{self, Header, HeaderValue};

/// Total length, headers length, prelude CRC.
const PRELUDE_LEN: usize = 12;
/// The message CRC after the payload.
const TRAILER_LEN: usize = 4;
/// A message without headers or payload.
pub const MIN_MESSAGE_LEN: usize = PRELUDE_LEN + TRAILER_LEN;

/// The largest headers section a service may send (the specification's 128 kB).
///
/// The decoder refuses larger sections: a service never sends one, and a section of
/// tiny headers decodes into many times its size in memory.
pub const MAX_HEADERS_LEN: usize = 128 * 1024;

/// The largest payload a service may send (the specification's 24 MB; the older SDKs
/// stop at 16 MB).
pub const MAX_PAYLOAD_LEN: usize = 24 * 1024 * 1024;

/// The largest message the [`Decoder`] accepts by default: the largest a service may
/// send, [`MAX_HEADERS_LEN`] of headers and [`MAX_PAYLOAD_LEN`] of payload. The
/// specification forbids clients to reject what fits the services' limits, so this
/// bounds memory without refusing a conforming message.
pub const DEFAULT_MAX_MESSAGE_LEN: usize = MIN_MESSAGE_LEN + MAX_HEADERS_LEN + MAX_PAYLOAD_LEN;

/// One event-stream message: typed headers and a payload.
///
/// ```
/// use awsjson::event_stream::{HeaderValue, Message};
///
/// let message = Message::new(r#"{"text":"hi"}"#)
///     .with_header(":message-type", "event")
///     .with_header(":event-type", "chunk")
///     .with_header("sequence", HeaderValue::Long(7));
/// let bytes = message.encode().unwrap();
/// let back = Message::decode(&bytes).unwrap();
/// assert_eq!(back, message);
/// assert_eq!(back.header_str(":event-type"), Some("chunk"));
/// assert_eq!(back.payload().as_ref(), br#"{"text":"hi"}"#);
/// ```
#[derive(Clone, PartialEq, Eq, Default)]
pub struct Message {
    headers: Vec<Header>,
    payload: Bytes,
}

impl fmt::Debug for Message {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // The payload is the event's members, sensitive ones too: its size only.
        f.debug_struct("Message")
            .field("headers", &self.headers)
            .field("payload", &format_args!("<{} bytes>", self.payload.len()))
            .finish()
    }
}

impl Message {
    /// A message with this payload and no headers.
    pub fn new(payload: impl Into<Bytes>) -> Self {
        Message {
            headers: Vec::new(),
            payload: payload.into(),
        }
    }

    /// Adds a header (after the others: the order is kept on the wire).
    #[must_use]
    pub fn with_header(mut self, name: impl Into<String>, value: impl Into<HeaderValue>) -> Self {
        self.headers.push(Header::new(name, value));
        self
    }

    /// The headers, in wire order.
    pub fn headers(&self) -> &[Header] {
        &self.headers
    }

    /// The value of the first header with this name.
    pub fn header(&self, name: &str) -> Option<&HeaderValue> {
        self.headers
            .iter()
            .find(|h| h.name() == name)
            .map(Header::value)
    }

    /// The text of the first header with this name, when it is a string.
    pub fn header_str(&self, name: &str) -> Option<&str> {
        self.header(name).and_then(HeaderValue::as_str)
    }

    /// The payload.
    pub fn payload(&self) -> &Bytes {
        &self.payload
    }

    /// Takes the payload out, leaving the message's empty.
    pub fn take_payload(&mut self) -> Bytes {
        std::mem::take(&mut self.payload)
    }

    /// The message on the wire.
    pub fn encode(&self) -> Result<Vec<u8>, FrameError> {
        let mut out = Vec::new();
        self.encode_into(&mut out)?;
        Ok(out)
    }

    /// Appends the message's wire form to `out`. Fails, writing nothing, for a header
    /// the wire cannot carry or a message over the services' limits
    /// ([`MAX_HEADERS_LEN`], [`MAX_PAYLOAD_LEN`]), which a service would refuse.
    pub fn encode_into(&self, out: &mut Vec<u8>) -> Result<(), FrameError> {
        let headers_len = header::encoded_len(&self.headers)?;
        if headers_len > MAX_HEADERS_LEN {
            return Err(FrameError::new(
                FrameErrorKind::TooLarge,
                format!("{headers_len} bytes of headers, more than the {MAX_HEADERS_LEN} allowed"),
            ));
        }
        if self.payload.len() > MAX_PAYLOAD_LEN {
            return Err(FrameError::new(
                FrameErrorKind::TooLarge,
                format!(
                    "a payload of {} bytes, more than the {MAX_PAYLOAD_LEN} allowed",
                    self.payload.len()
                ),
            ));
        }
        // Within u32: both parts are bounded just above.
        let total = MIN_MESSAGE_LEN + headers_len + self.payload.len();
        let start = out.len();
        out.reserve(total);
        out.extend_from_slice(&(total as u32).to_be_bytes());
        out.extend_from_slice(&(headers_len as u32).to_be_bytes());
        let prelude_crc = crc32fast::hash(&out[start..start + 8]);
        out.extend_from_slice(&prelude_crc.to_be_bytes());
        header::encode(&self.headers, out);
        out.extend_from_slice(&self.payload);
        let message_crc = crc32fast::hash(&out[start..]);
        out.extend_from_slice(&message_crc.to_be_bytes());
        debug_assert_eq!(out.len() - start, total);
        Ok(())
    }

    /// Decodes `bytes` holding exactly one message.
    pub fn decode(bytes: &[u8]) -> Result<Message, FrameError> {
        let mut decoder = Decoder::new();
        decoder.extend(bytes);
        match decoder.next_message()? {
            Some(message) if decoder.buffered_len() == 0 => Ok(message),
            Some(_) => Err(FrameError::new(
                FrameErrorKind::InvalidLength,
                format!("{} bytes follow the message", decoder.buffered_len()),
            )),
            None => {
                decoder.finish()?;
                Err(FrameError::new(
                    FrameErrorKind::Truncated,
                    "no message in the input",
                ))
            }
        }
    }
}

/// A prelude whose checksum and lengths have been checked.
#[derive(Debug, Clone, Copy)]
struct Prelude {
    total: usize,
    headers: usize,
}

/// Decodes messages from bytes that arrive in chunks of any size: a message may
/// span chunks and a chunk may hold several messages.
///
/// Push each chunk with [`extend`](Decoder::extend), then take the complete messages
/// with [`next_message`](Decoder::next_message) until it returns `None`; at the end of
/// the input, [`finish`](Decoder::finish) says whether a message was cut short.
///
/// Every length is checked before it is trusted: the prelude's checksum first, then
/// the lengths against each other and against the limit
/// ([`with_max_message_len`](Decoder::with_max_message_len)). The decoder holds at
/// most the message being assembled plus the chunk that completed it. After an error
/// it stays failed: every later call returns [`FrameErrorKind::Terminated`].
///
/// ```
/// use awsjson::event_stream::{Decoder, Message};
///
/// let mut wire = Message::new("one").encode().unwrap();
/// wire.extend(Message::new("two").encode().unwrap());
///
/// let mut decoder = Decoder::new();
/// let mut payloads = Vec::new();
/// for chunk in wire.chunks(5) {
///     decoder.extend(chunk);
///     while let Some(message) = decoder.next_message().unwrap() {
///         payloads.push(message.payload().clone());
///     }
/// }
/// decoder.finish().unwrap();
/// assert_eq!(payloads, ["one", "two"]);
/// ```
#[derive(Debug)]
pub struct Decoder {
    buffer: BytesMut,
    prelude: Option<Prelude>,
    max_message_len: usize,
    failed: bool,
}

impl Default for Decoder {
    fn default() -> Self {
        Decoder::new()
    }
}

impl Decoder {
    /// A decoder accepting messages up to [`DEFAULT_MAX_MESSAGE_LEN`].
    pub fn new() -> Self {
        Decoder {
            buffer: BytesMut::new(),
            prelude: None,
            max_message_len: DEFAULT_MAX_MESSAGE_LEN,
            failed: false,
        }
    }

    /// Refuses messages longer than `len` bytes (from their prelude, before their
    /// bytes are buffered).
    #[must_use]
    pub fn with_max_message_len(mut self, len: usize) -> Self {
        self.max_message_len = len;
        self
    }

    /// Appends a chunk of input.
    pub fn extend(&mut self, chunk: &[u8]) {
        self.buffer.extend_from_slice(chunk);
    }

    /// How many bytes of input are held: a message being assembled.
    pub fn buffered_len(&self) -> usize {
        self.buffer.len()
    }

    /// The next complete message, `None` when the input holds none yet.
    pub fn next_message(&mut self) -> Result<Option<Message>, FrameError> {
        if self.failed {
            return Err(FrameError::new(
                FrameErrorKind::Terminated,
                "an earlier message was corrupt",
            ));
        }
        match self.decode() {
            Err(e) => {
                self.failed = true;
                self.buffer = BytesMut::new();
                Err(e)
            }
            ok => ok,
        }
    }

    /// Checks that the input ended between messages.
    pub fn finish(&mut self) -> Result<(), FrameError> {
        if self.buffer.is_empty() || self.failed {
            return Ok(());
        }
        let expected = match self.prelude {
            Some(prelude) => format!("of a {}-byte message", prelude.total),
            None => "of a message prelude".to_owned(),
        };
        Err(FrameError::new(
            FrameErrorKind::Truncated,
            format!(
                "the input ended after {} bytes {expected}",
                self.buffer.len()
            ),
        ))
    }

    fn decode(&mut self) -> Result<Option<Message>, FrameError> {
        let prelude = match self.prelude {
            Some(prelude) => prelude,
            None => {
                let Some(prelude) = self.read_prelude()? else {
                    return Ok(None);
                };
                // Checked against the limit: now the whole message may be awaited.
                self.buffer
                    .reserve(prelude.total.saturating_sub(self.buffer.len()));
                self.prelude = Some(prelude);
                prelude
            }
        };
        if self.buffer.len() < prelude.total {
            return Ok(None);
        }
        self.prelude = None;
        let frame = self.buffer.split_to(prelude.total).freeze();
        let body_end = prelude.total - TRAILER_LEN;
        let expected = (&frame[body_end..]).get_u32();
        let actual = crc32fast::hash(&frame[..body_end]);
        if expected != actual {
            return Err(FrameError::new(
                FrameErrorKind::MessageChecksum,
                format!("the message says {expected:#010x}, its bytes give {actual:#010x}"),
            ));
        }
        let headers_end = PRELUDE_LEN + prelude.headers;
        let headers = header::decode(&frame, PRELUDE_LEN..headers_end)?;
        Ok(Some(Message {
            headers,
            payload: frame.slice(headers_end..body_end),
        }))
    }

    fn read_prelude(&self) -> Result<Option<Prelude>, FrameError> {
        let Some(mut prelude) = self.buffer.get(..PRELUDE_LEN) else {
            return Ok(None);
        };
        let actual = crc32fast::hash(&prelude[..8]);
        let total = prelude.get_u32();
        let headers = prelude.get_u32();
        let expected = prelude.get_u32();
        if expected != actual {
            return Err(FrameError::new(
                FrameErrorKind::PreludeChecksum,
                format!("the prelude says {expected:#010x}, its bytes give {actual:#010x}"),
            ));
        }
        // u32 into usize: lossless on every target with 32 or more bits.
        let (total, headers) = (total as usize, headers as usize);
        if total < MIN_MESSAGE_LEN {
            return Err(FrameError::new(
                FrameErrorKind::InvalidLength,
                format!(
                    "a total length of {total} bytes, under the {MIN_MESSAGE_LEN} of an empty message"
                ),
            ));
        }
        if total > self.max_message_len {
            return Err(FrameError::new(
                FrameErrorKind::TooLarge,
                format!(
                    "a {total}-byte message, more than the {}-byte limit",
                    self.max_message_len
                ),
            ));
        }
        if headers > total - MIN_MESSAGE_LEN {
            return Err(FrameError::new(
                FrameErrorKind::InvalidLength,
                format!("{headers} bytes of headers in a {total}-byte message"),
            ));
        }
        if headers > MAX_HEADERS_LEN {
            return Err(FrameError::new(
                FrameErrorKind::TooLarge,
                format!("{headers} bytes of headers, more than the {MAX_HEADERS_LEN} allowed"),
            ));
        }
        Ok(Some(Prelude { total, headers }))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::event_stream::MAX_HEADER_VALUE_LEN;

    fn sample() -> Message {
        Message::new(&b"{'foo':'bar'}"[..])
            .with_header(":message-type", "event")
            .with_header("flag", false)
            .with_header("n", HeaderValue::Long(-5))
            .with_header("id", HeaderValue::Uuid([7; 16]))
            .with_header(
                "raw",
                HeaderValue::ByteArray(Bytes::from_static(b"\x00\xff")),
            )
    }

    #[test]
    fn every_chunking_of_three_messages_decodes_the_same() {
        let messages = [sample(), Message::new(Bytes::new()), sample()];
        let mut wire = Vec::new();
        for m in &messages {
            m.encode_into(&mut wire).unwrap();
        }
        for size in 1..=wire.len() {
            let mut decoder = Decoder::new();
            let mut out = Vec::new();
            for chunk in wire.chunks(size) {
                decoder.extend(chunk);
                while let Some(m) = decoder.next_message().unwrap() {
                    out.push(m);
                }
            }
            decoder.finish().unwrap();
            assert_eq!(out, messages, "chunks of {size}");
        }
    }

    #[test]
    fn a_cut_message_is_truncated_at_finish() {
        let wire = sample().encode().unwrap();
        for cut in 1..wire.len() {
            let mut decoder = Decoder::new();
            decoder.extend(&wire[..cut]);
            assert_eq!(decoder.next_message().unwrap(), None);
            let err = decoder.finish().unwrap_err();
            assert_eq!(err.kind(), FrameErrorKind::Truncated, "cut at {cut}");
            assert_eq!(
                Message::decode(&wire[..cut]).unwrap_err().kind(),
                FrameErrorKind::Truncated
            );
        }
    }

    /// A prelude with a valid checksum, for lengths no encoder would write.
    fn prelude(total: u32, headers: u32) -> Vec<u8> {
        let mut out = total.to_be_bytes().to_vec();
        out.extend_from_slice(&headers.to_be_bytes());
        let crc = crc32fast::hash(&out);
        out.extend_from_slice(&crc.to_be_bytes());
        out
    }

    #[test]
    fn lengths_are_checked_before_anything_is_buffered_for_them() {
        let kind = |bytes: &[u8], max: usize| {
            let mut decoder = Decoder::new().with_max_message_len(max);
            decoder.extend(bytes);
            let err = decoder.next_message().unwrap_err();
            assert!(decoder.buffer.capacity() < 1024, "nothing reserved");
            err.kind()
        };
        let big = DEFAULT_MAX_MESSAGE_LEN;
        assert_eq!(kind(&prelude(u32::MAX, 0), big), FrameErrorKind::TooLarge);
        assert_eq!(kind(&prelude(4096, 0), 4095), FrameErrorKind::TooLarge);
        assert_eq!(kind(&prelude(15, 0), big), FrameErrorKind::InvalidLength);
        assert_eq!(kind(&prelude(16, 1), big), FrameErrorKind::InvalidLength);
        assert_eq!(kind(&prelude(100, 85), big), FrameErrorKind::InvalidLength);
        let headers = (MAX_HEADERS_LEN + 1) as u32;
        assert_eq!(
            kind(&prelude(headers + 16, headers), big),
            FrameErrorKind::TooLarge
        );
        let mut bad = prelude(16, 0);
        bad[11] ^= 0x80;
        assert_eq!(kind(&bad, big), FrameErrorKind::PreludeChecksum);
    }

    #[test]
    fn after_an_error_the_decoder_stays_terminated() {
        let mut wire = sample().encode().unwrap();
        let last = wire.len() - 1;
        wire[last] ^= 1;
        wire.extend(sample().encode().unwrap());
        let mut decoder = Decoder::new();
        decoder.extend(&wire);
        let err = decoder.next_message().unwrap_err();
        assert_eq!(err.kind(), FrameErrorKind::MessageChecksum);
        assert_eq!(
            decoder.next_message().unwrap_err().kind(),
            FrameErrorKind::Terminated
        );
        decoder.finish().unwrap();
    }

    #[test]
    fn headers_the_wire_cannot_carry_do_not_encode() {
        let kind = |m: Message| m.encode().unwrap_err().kind();
        assert_eq!(
            kind(Message::new("").with_header("", 1)),
            FrameErrorKind::InvalidHeader
        );
        assert_eq!(
            kind(Message::new("").with_header("x".repeat(256), 1)),
            FrameErrorKind::InvalidHeader
        );
        let long = "v".repeat(MAX_HEADER_VALUE_LEN + 1);
        assert_eq!(
            kind(Message::new("").with_header("s", long.as_str())),
            FrameErrorKind::InvalidHeader
        );
        Message::new("")
            .with_header("x".repeat(255), "v".repeat(MAX_HEADER_VALUE_LEN))
            .encode()
            .unwrap();
        let many = (0..5).fold(Message::new(""), |m, i| {
            m.with_header(format!("h{i}"), "v".repeat(MAX_HEADER_VALUE_LEN))
        });
        assert_eq!(kind(many), FrameErrorKind::TooLarge);
        let mut out = vec![1, 2, 3];
        assert!(
            Message::new(vec![0u8; MAX_PAYLOAD_LEN + 1])
                .encode_into(&mut out)
                .is_err()
        );
        assert_eq!(out, [1, 2, 3], "nothing written on error");
    }

    #[test]
    fn bytes_after_the_one_message_are_an_invalid_length() {
        let mut wire = sample().encode().unwrap();
        wire.extend_from_slice(&[0, 0, 1]);
        let err = Message::decode(&wire).unwrap_err();
        assert_eq!(err.kind(), FrameErrorKind::InvalidLength, "{err}");
        assert!(
            err.to_string().contains("3 bytes follow the message"),
            "{err}"
        );
        assert_eq!(
            Message::decode(&[]).unwrap_err().kind(),
            FrameErrorKind::Truncated
        );
    }

    #[test]
    fn a_timestamp_header_reads_as_a_date_time() {
        let at = HeaderValue::Timestamp(-1).as_timestamp().unwrap();
        assert_eq!((at.secs(), at.subsec_nanos()), (-1, 999_000_000));
        let debug = format!("{:?}", sample());
        assert!(
            debug.contains("<13 bytes>") && !debug.contains("foo"),
            "{debug}"
        );
    }
}
