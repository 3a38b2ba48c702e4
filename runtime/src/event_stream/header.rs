//! The typed headers of an event-stream message: names, the ten value types, and
//! their wire form.

use std::fmt;
use std::ops::Range;

use bytes::Bytes;

use super::error::{FrameError, FrameErrorKind};

/// The longest header name the wire can carry: its length is one byte.
pub const MAX_HEADER_NAME_LEN: usize = 255;

/// The longest string or byte-array header value: the specification's `2^15 - 1`
/// (its length prefix is two bytes, but the official encoders stop here).
pub const MAX_HEADER_VALUE_LEN: usize = i16::MAX as usize;

const TYPE_TRUE: u8 = 0;
const TYPE_FALSE: u8 = 1;
const TYPE_BYTE: u8 = 2;
const TYPE_SHORT: u8 = 3;
const TYPE_INT: u8 = 4;
const TYPE_LONG: u8 = 5;
const TYPE_BYTE_ARRAY: u8 = 6;
const TYPE_STRING: u8 = 7;
const TYPE_TIMESTAMP: u8 = 8;
const TYPE_UUID: u8 = 9;

/// One header of a message: a name and a typed value.
#[derive(Clone, PartialEq, Eq)]
pub struct Header {
    name: String,
    value: HeaderValue,
}

impl Header {
    /// A header; the name's length (1 to 255 bytes) is checked when the message is
    /// encoded.
    pub fn new(name: impl Into<String>, value: impl Into<HeaderValue>) -> Self {
        Header {
            name: name.into(),
            value: value.into(),
        }
    }

    /// The header's name.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The header's value.
    pub fn value(&self) -> &HeaderValue {
        &self.value
    }
}

impl fmt::Debug for Header {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:?}: {:?}", self.name, self.value)
    }
}

/// A header's value, one variant per wire type (the type byte in brackets).
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum HeaderValue {
    /// Boolean (`0` true, `1` false: the value is in the type byte).
    Bool(bool),
    /// Signed byte (`2`).
    Byte(i8),
    /// 16-bit signed integer (`3`).
    Short(i16),
    /// 32-bit signed integer (`4`).
    Int(i32),
    /// 64-bit signed integer (`5`).
    Long(i64),
    /// Bytes (`6`), at most [`MAX_HEADER_VALUE_LEN`].
    ByteArray(Bytes),
    /// UTF-8 text (`7`), at most [`MAX_HEADER_VALUE_LEN`] bytes.
    String(String),
    /// Milliseconds since the Unix epoch (`8`): milliseconds, not seconds.
    Timestamp(i64),
    /// A UUID in its 16 binary bytes (`9`).
    Uuid([u8; 16]),
}

impl HeaderValue {
    /// The text of a string value.
    pub fn as_str(&self) -> Option<&str> {
        match self {
            HeaderValue::String(s) => Some(s),
            _ => None,
        }
    }

    /// The timestamp of a timestamp value.
    pub fn as_timestamp(&self) -> Option<crate::DateTime> {
        match *self {
            HeaderValue::Timestamp(ms) => Some(crate::DateTime::from_secs_and_nanos(
                ms.div_euclid(1000),
                // 0..=999 ms as nanoseconds: fits.
                (ms.rem_euclid(1000) * 1_000_000) as u32,
            )),
            _ => None,
        }
    }

    /// How many bytes the value takes on the wire, its type byte included.
    fn encoded_len(&self) -> usize {
        1 + match self {
            HeaderValue::Bool(_) => 0,
            HeaderValue::Byte(_) => 1,
            HeaderValue::Short(_) => 2,
            HeaderValue::Int(_) => 4,
            HeaderValue::Long(_) | HeaderValue::Timestamp(_) => 8,
            HeaderValue::ByteArray(b) => 2 + b.len(),
            HeaderValue::String(s) => 2 + s.len(),
            HeaderValue::Uuid(_) => 16,
        }
    }
}

impl From<&str> for HeaderValue {
    fn from(value: &str) -> Self {
        HeaderValue::String(value.to_owned())
    }
}

impl From<String> for HeaderValue {
    fn from(value: String) -> Self {
        HeaderValue::String(value)
    }
}

impl From<bool> for HeaderValue {
    fn from(value: bool) -> Self {
        HeaderValue::Bool(value)
    }
}

impl From<i32> for HeaderValue {
    fn from(value: i32) -> Self {
        HeaderValue::Int(value)
    }
}

/// The encoded size of `headers`, checking each name and value against the wire's
/// limits.
pub(crate) fn encoded_len(headers: &[Header]) -> Result<usize, FrameError> {
    let mut total = 0usize;
    for header in headers {
        let name = header.name.len();
        if name == 0 || name > MAX_HEADER_NAME_LEN {
            return Err(FrameError::new(
                FrameErrorKind::InvalidHeader,
                format!("header name of {name} bytes: a name has 1 to {MAX_HEADER_NAME_LEN}"),
            ));
        }
        let value_len = match &header.value {
            HeaderValue::ByteArray(b) => b.len(),
            HeaderValue::String(s) => s.len(),
            _ => 0,
        };
        if value_len > MAX_HEADER_VALUE_LEN {
            return Err(FrameError::new(
                FrameErrorKind::InvalidHeader,
                format!(
                    "header {:?} has a value of {value_len} bytes, more than the \
                     {MAX_HEADER_VALUE_LEN} a header may hold",
                    header.name
                ),
            ));
        }
        total = total.saturating_add(1 + name + header.value.encoded_len());
    }
    Ok(total)
}

/// Appends the wire form of headers already checked by [`encoded_len`].
pub(crate) fn encode(headers: &[Header], out: &mut Vec<u8>) {
    for header in headers {
        // Checked by `encoded_len`: 1..=255 bytes, values within u16.
        out.push(header.name.len() as u8);
        out.extend_from_slice(header.name.as_bytes());
        match &header.value {
            HeaderValue::Bool(true) => out.push(TYPE_TRUE),
            HeaderValue::Bool(false) => out.push(TYPE_FALSE),
            HeaderValue::Byte(v) => {
                out.push(TYPE_BYTE);
                out.extend_from_slice(&v.to_be_bytes());
            }
            HeaderValue::Short(v) => {
                out.push(TYPE_SHORT);
                out.extend_from_slice(&v.to_be_bytes());
            }
            HeaderValue::Int(v) => {
                out.push(TYPE_INT);
                out.extend_from_slice(&v.to_be_bytes());
            }
            HeaderValue::Long(v) => {
                out.push(TYPE_LONG);
                out.extend_from_slice(&v.to_be_bytes());
            }
            HeaderValue::ByteArray(b) => {
                out.push(TYPE_BYTE_ARRAY);
                out.extend_from_slice(&(b.len() as u16).to_be_bytes());
                out.extend_from_slice(b);
            }
            HeaderValue::String(s) => {
                out.push(TYPE_STRING);
                out.extend_from_slice(&(s.len() as u16).to_be_bytes());
                out.extend_from_slice(s.as_bytes());
            }
            HeaderValue::Timestamp(v) => {
                out.push(TYPE_TIMESTAMP);
                out.extend_from_slice(&v.to_be_bytes());
            }
            HeaderValue::Uuid(v) => {
                out.push(TYPE_UUID);
                out.extend_from_slice(v);
            }
        }
    }
}

/// Reads the headers in `frame[range]`. Byte-array values share the frame's buffer
/// instead of being copied.
///
/// Every length is checked against what is left of the section before it is used, so
/// nothing is allocated beyond the section's own size.
pub(crate) fn decode(frame: &Bytes, range: Range<usize>) -> Result<Vec<Header>, FrameError> {
    let section = &frame[range.clone()];
    // A header takes at least 3 bytes (length, one-byte name, type); most messages
    // carry three or four.
    let mut headers = Vec::with_capacity((section.len() / 3).min(8));
    let mut cursor = Cursor {
        frame,
        at: range.start,
        end: range.end,
    };
    while cursor.at < cursor.end {
        let start = cursor.at - range.start;
        let header = cursor.header().map_err(|mut e| {
            e.message = format!("header at byte {start} of the headers: {}", e.message);
            e
        })?;
        headers.push(header);
    }
    Ok(headers)
}

/// A read position in the headers section `frame[at..end]`.
struct Cursor<'a> {
    frame: &'a Bytes,
    at: usize,
    end: usize,
}

impl Cursor<'_> {
    /// The next `n` bytes, as a range of the frame.
    fn take(&mut self, n: usize, what: &str) -> Result<Range<usize>, FrameError> {
        let left = self.end - self.at;
        if left < n {
            return Err(FrameError::new(
                FrameErrorKind::InvalidHeader,
                format!("{what} needs {n} bytes but the headers section has {left} left"),
            ));
        }
        let range = self.at..self.at + n;
        self.at += n;
        Ok(range)
    }

    fn array<const N: usize>(&mut self, what: &str) -> Result<[u8; N], FrameError> {
        let range = self.take(N, what)?;
        let mut out = [0u8; N];
        out.copy_from_slice(&self.frame[range]);
        Ok(out)
    }

    fn header(&mut self) -> Result<Header, FrameError> {
        let [name_len] = self.array::<1>("the name length")?;
        if name_len == 0 {
            return Err(FrameError::new(
                FrameErrorKind::InvalidHeader,
                "empty header name (a name has at least 1 byte)",
            ));
        }
        let name = self.take(usize::from(name_len), "the name")?;
        let name = std::str::from_utf8(&self.frame[name]).map_err(|_| {
            FrameError::new(FrameErrorKind::InvalidHeader, "header name is not UTF-8")
        })?;
        let [kind] = self.array::<1>("the value type")?;
        let value = match kind {
            TYPE_TRUE => HeaderValue::Bool(true),
            TYPE_FALSE => HeaderValue::Bool(false),
            TYPE_BYTE => HeaderValue::Byte(i8::from_be_bytes(self.array("a byte value")?)),
            TYPE_SHORT => HeaderValue::Short(i16::from_be_bytes(self.array("a short value")?)),
            TYPE_INT => HeaderValue::Int(i32::from_be_bytes(self.array("an int value")?)),
            TYPE_LONG => HeaderValue::Long(i64::from_be_bytes(self.array("a long value")?)),
            TYPE_TIMESTAMP => {
                HeaderValue::Timestamp(i64::from_be_bytes(self.array("a timestamp value")?))
            }
            TYPE_UUID => HeaderValue::Uuid(self.array("a uuid value")?),
            TYPE_BYTE_ARRAY | TYPE_STRING => {
                let len = usize::from(u16::from_be_bytes(self.array("a value length")?));
                let range = self.take(len, "the value")?;
                if kind == TYPE_STRING {
                    let text = std::str::from_utf8(&self.frame[range]).map_err(|_| {
                        FrameError::new(
                            FrameErrorKind::InvalidHeader,
                            format!("string header {name:?} is not UTF-8"),
                        )
                    })?;
                    HeaderValue::String(text.to_owned())
                } else {
                    HeaderValue::ByteArray(self.frame.slice(range))
                }
            }
            other => {
                return Err(FrameError::new(
                    FrameErrorKind::InvalidHeader,
                    format!(
                        "header {name:?} has the unknown value type {other} (types are 0 to 9)"
                    ),
                ));
            }
        };
        Ok(Header {
            name: name.to_owned(),
            value,
        })
    }
}
