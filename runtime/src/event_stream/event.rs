//! An event to and from its message: which members of an event structure travel as
//! the message's headers (`@eventHeader`), which one is its payload (`@eventPayload`),
//! and the JSON object of the others (the implicit payload); and the `:message-type`,
//! `:event-type` / `:exception-type` and `:content-type` headers around them.
//!
//! A structure declared with `#[aws(event_header)]` / `#[aws(event_payload)]` members
//! (or mirroring a model shape that has them) implements [`EventShape`]; any other
//! union member is its message's JSON payload as a whole. The union picks one or the
//! other per member ([`Probe`]), so that every union keeps compiling whatever its
//! members are.

use bytes::Bytes;
use serde::de::Error as _;

use super::frame::Message;
use super::header::HeaderValue;
use crate::http_binding::{FromPayload, PayloadBytes};
use crate::json_read::{FromJson, Reader};
use crate::protocol::json_struct::Seed;
use crate::{Blob, DateTime};

/// The media type of a JSON payload (an implicit payload, a structure or union).
const JSON: &str = "application/json";

/// An event structure whose members are bound to its message's headers and payload.
///
/// Generated for an `#[aws_json_shape]` struct with an `event_header` or
/// `event_payload` member; the members not bound are the JSON object of the payload.
pub trait EventShape: Sized {
    /// The event from its message (headers and payload; the `:`-headers are the
    /// union's).
    fn from_message(message: &Message) -> Result<Self, serde_json::Error>;

    /// Its message: the payload, its `:content-type` and the member headers.
    fn to_message(&self) -> Result<Message, serde_json::Error>;
}

/// The union of the events an input stream carries: each event as the message that
/// goes out. Generated for every `#[aws_json_shape]` union.
pub trait EncodeEvent {
    /// The message of this event: `:message-type` `event` with `:event-type`, or
    /// `exception` with `:exception-type` for a member that is an error.
    fn encode_event(&self) -> Result<Message, serde_json::Error>;
}

/// A header member's type: the event-header types of the Smithy specification.
pub trait EventHeader: Sized {
    /// The header value.
    fn to_header(&self) -> HeaderValue;
    /// The member from a header value; `None` when the value has another type.
    fn from_header(value: &HeaderValue) -> Option<Self>;
}

macro_rules! header_types {
    ($($ty:ty => $variant:ident),*) => {$(
        impl EventHeader for $ty {
            fn to_header(&self) -> HeaderValue {
                HeaderValue::$variant(*self)
            }
            fn from_header(value: &HeaderValue) -> Option<Self> {
                match value {
                    HeaderValue::$variant(v) => Some(*v),
                    _ => None,
                }
            }
        }
    )*};
}

header_types!(bool => Bool, i8 => Byte, i16 => Short, i32 => Int, i64 => Long);

impl EventHeader for String {
    fn to_header(&self) -> HeaderValue {
        HeaderValue::String(self.clone())
    }
    fn from_header(value: &HeaderValue) -> Option<Self> {
        value.as_str().map(str::to_owned)
    }
}

impl EventHeader for Blob {
    fn to_header(&self) -> HeaderValue {
        HeaderValue::ByteArray(Bytes::copy_from_slice(self.as_bytes()))
    }
    fn from_header(value: &HeaderValue) -> Option<Self> {
        match value {
            HeaderValue::ByteArray(b) => Some(Blob::new(b.to_vec())),
            _ => None,
        }
    }
}

impl EventHeader for DateTime {
    /// Milliseconds on the wire: a finer instant is cut to the millisecond.
    fn to_header(&self) -> HeaderValue {
        let millis = self
            .secs()
            .saturating_mul(1000)
            .saturating_add(i64::from(self.subsec_nanos() / 1_000_000));
        HeaderValue::Timestamp(millis)
    }
    fn from_header(value: &HeaderValue) -> Option<Self> {
        value.as_timestamp()
    }
}

/// A header member, or an optional one: what the generated code reads and writes.
pub trait HeaderMember: Sized {
    /// The member from the message's header `name`: unset when absent, an error when
    /// the header has another type.
    fn read(message: &Message, name: &str) -> Result<Self, serde_json::Error>;
    /// The header, when the member is set.
    fn write(&self) -> Option<HeaderValue>;
}

impl<T: EventHeader + Default> HeaderMember for T {
    fn read(message: &Message, name: &str) -> Result<Self, serde_json::Error> {
        Ok(Option::<T>::read(message, name)?.unwrap_or_default())
    }
    fn write(&self) -> Option<HeaderValue> {
        Some(self.to_header())
    }
}

impl<T: EventHeader> HeaderMember for Option<T> {
    fn read(message: &Message, name: &str) -> Result<Self, serde_json::Error> {
        match message.header(name) {
            None => Ok(None),
            Some(value) => T::from_header(value).map(Some).ok_or_else(|| {
                serde_json::Error::custom(format!(
                    "the event header `{name}` has the wrong type: {value:?}"
                ))
            }),
        }
    }
    fn write(&self) -> Option<HeaderValue> {
        self.as_ref().map(T::to_header)
    }
}

/// Reads the header member `name` of `message` into `slot`.
pub fn read_header<T: HeaderMember>(
    message: &Message,
    name: &str,
    slot: &mut T,
) -> Result<(), serde_json::Error> {
    *slot = T::read(message, name)?;
    Ok(())
}

/// Adds the header member `name` to `message` when it is set.
pub fn write_header<T: HeaderMember>(message: Message, name: &str, value: &T) -> Message {
    match value.write() {
        Some(value) => message.with_header(name, value),
        None => message,
    }
}

/// A blob or string payload member (`application/octet-stream`, `text/plain`).
pub fn read_payload_bytes<T: FromPayload>(
    message: &Message,
    slot: &mut T,
) -> Result<(), serde_json::Error> {
    *slot = T::from_payload(message.payload())?;
    Ok(())
}

/// A structure, union or document payload member (JSON), read through `seed` (the
/// member's read probe: the runtime's reader for the types it knows, serde for a
/// user's own); an empty payload leaves it unset.
pub fn read_payload_json<S: Seed>(
    message: &Message,
    slot: &mut S::Value,
    seed: S,
) -> Result<(), serde_json::Error> {
    if !message.payload().is_empty() {
        let mut r = Reader::new(message.payload());
        *slot = seed.json(&mut r)?;
        r.end()?;
    }
    Ok(())
}

/// The message of a blob or string payload member: its bytes, with `content_type`
/// (an unset member is an empty payload).
pub fn bytes_message<T: PayloadBytes + ?Sized>(value: &T, content_type: &str) -> Message {
    let bytes = value.payload_bytes().unwrap_or_default();
    Message::new(Bytes::copy_from_slice(bytes)).with_header(":content-type", content_type)
}

/// The message of a JSON payload: an implicit payload (the structure's unbound
/// members, through its own `Serialize`), or a structure or union payload member (an
/// unset one is an empty payload).
pub fn json_message<T: serde::Serialize + ?Sized>(value: &T) -> Result<Message, serde_json::Error> {
    let mut json = serde_json::to_vec(value)?;
    if json == b"null" {
        json.clear();
    }
    Ok(Message::new(json).with_header(":content-type", JSON))
}

/// The structure from the implicit payload of a message (`{}` when it is empty):
/// what every member not bound to a header or the payload reads from. Read by the
/// runtime's reader, as responses are: serde's path would instantiate serde_json's
/// parser once more for each event structure (issue 20).
pub fn implicit<T: FromJson>(message: &Message) -> Result<T, serde_json::Error> {
    crate::protocol::json_body::decode_struct(message.payload())
}

/// Picks, for one union member, its [`EventShape`] when it has one ([`IsEvent`]),
/// else its JSON ([`NotEvent`]): autoref, resolved at compile time.
pub struct Probe<T>(std::marker::PhantomData<T>);

impl<T> Probe<T> {
    /// The probe.
    pub const NEW: Self = Probe(std::marker::PhantomData);
}

/// A union member that is an event structure.
pub trait IsEvent<T> {
    /// The member from its message.
    fn decode_member<U>(
        &self,
        message: &Message,
        _json: impl FnOnce(&Message) -> Option<Result<U, serde_json::Error>>,
        wrap: fn(T) -> U,
    ) -> Option<Result<U, serde_json::Error>>;

    /// The member's message, without the `:`-headers of the union.
    fn encode_member(&self, value: &T) -> Result<Message, serde_json::Error>;
}

impl<T: EventShape> IsEvent<T> for Probe<T> {
    fn decode_member<U>(
        &self,
        message: &Message,
        _json: impl FnOnce(&Message) -> Option<Result<U, serde_json::Error>>,
        wrap: fn(T) -> U,
    ) -> Option<Result<U, serde_json::Error>> {
        Some(T::from_message(message).map(wrap))
    }

    fn encode_member(&self, value: &T) -> Result<Message, serde_json::Error> {
        value.to_message()
    }
}

/// A union member whose whole message payload is its JSON.
pub trait NotEvent<T> {
    /// The member from its message: the union read from `{"member": payload}`.
    fn decode_member<U>(
        &self,
        message: &Message,
        json: impl FnOnce(&Message) -> Option<Result<U, serde_json::Error>>,
        _wrap: fn(T) -> U,
    ) -> Option<Result<U, serde_json::Error>>;

    /// The member's message: its JSON.
    fn encode_member(&self, value: &T) -> Result<Message, serde_json::Error>;
}

impl<T: serde::Serialize> NotEvent<T> for &Probe<T> {
    fn decode_member<U>(
        &self,
        message: &Message,
        json: impl FnOnce(&Message) -> Option<Result<U, serde_json::Error>>,
        _wrap: fn(T) -> U,
    ) -> Option<Result<U, serde_json::Error>> {
        json(message)
    }

    fn encode_member(&self, value: &T) -> Result<Message, serde_json::Error> {
        json_message(value)
    }
}

/// The message of union member `name`: `message` with `:message-type` and
/// `:event-type`, or, for a member that is an error, `exception` and
/// `:exception-type`. The `:`-headers come first, as services write them.
pub fn union_message(
    name: &'static str,
    exception: bool,
    message: Result<Message, serde_json::Error>,
) -> Result<Message, serde_json::Error> {
    let message = message?;
    let (kind, type_header) = if exception {
        ("exception", ":exception-type")
    } else {
        ("event", ":event-type")
    };
    let mut out = Message::new(message.payload().clone())
        .with_header(":message-type", kind)
        .with_header(type_header, name);
    if let Some(ct) = message.header(":content-type") {
        out = out.with_header(":content-type", ct.clone());
    }
    for header in message.headers() {
        if header.name() != ":content-type" {
            out = out.with_header(header.name(), header.value().clone());
        }
    }
    Ok(out)
}

/// An `Unknown` member cannot be sent: the service would not know it either.
pub fn unknown_event(union: &str, member: &str) -> serde_json::Error {
    serde_json::Error::custom(format!(
        "union {union}: the member {member:?} is not declared and cannot be sent"
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_round_trip_each_type() {
        let at = DateTime::from_secs_and_nanos(1_730_384_114, 0);
        let m = Message::new("")
            .with_header("b", HeaderValue::Bool(true))
            .with_header("t", at.to_header());
        let mut b = false;
        read_header(&m, "b", &mut b).unwrap();
        assert!(b);
        let mut t: Option<DateTime> = None;
        read_header(&m, "t", &mut t).unwrap();
        assert_eq!(t, Some(at));
        let mut missing: Option<i32> = Some(3);
        read_header(&m, "x", &mut missing).unwrap();
        assert_eq!(missing, None);
        let mut wrong: Option<i64> = None;
        assert!(read_header(&m, "b", &mut wrong).is_err());
    }

    #[test]
    fn the_union_headers_come_first() {
        let m = Message::new("x")
            .with_header("h", "v")
            .with_header(":content-type", "text/plain");
        let m = union_message("stringPayload", false, Ok(m)).unwrap();
        let names: Vec<&str> = m.headers().iter().map(|h| h.name()).collect();
        assert_eq!(
            names,
            [":message-type", ":event-type", ":content-type", "h"]
        );
        let e = union_message("error", true, Ok(Message::new("{}"))).unwrap();
        assert_eq!(e.header_str(":message-type"), Some("exception"));
        assert_eq!(e.header_str(":exception-type"), Some("error"));
    }
}
