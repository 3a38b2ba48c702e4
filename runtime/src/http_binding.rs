//! restJson1's HTTP bindings, the protocol-free half: where an operation's members go
//! in a request (a [`Route`] and the [`Request`] the expansion's `http_bindings` fills)
//! and where an output's come from in a response ([`Response`]), and the text of each
//! value in a URI label, a query parameter or a header, lists and maps of them.
//!
//! Both directions go through serde, so that every member type the JSON body takes
//! (strings, numbers, booleans, string and int enums, blobs, timestamps through their
//! adapter) takes these locations too, without a trait of its own per type. What
//! needs an operation (encoding a whole request) is `protocol/rest_json.rs`.

use std::borrow::Cow;
use std::fmt;

use serde::de::{self, DeserializeSeed, IntoDeserializer as _};

use crate::byte_stream::{ByteStream, RequestBody};
use crate::http::RawResponse;
use crate::json_read::Reader;
use serde::ser::{self, Impossible};

/// Why a member cannot be written to, or read from, its HTTP location.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BindError(pub(crate) String);

impl fmt::Display for BindError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for BindError {}

impl ser::Error for BindError {
    fn custom<T: fmt::Display>(msg: T) -> Self {
        BindError(msg.to_string())
    }
}

/// The texts of a value: none (`None`), one (a scalar) or one per item (a list).
pub(crate) fn texts<T: serde::Serialize + ?Sized>(value: &T) -> Result<Vec<String>, BindError> {
    let mut out = Vec::new();
    value.serialize(Texts {
        out: &mut out,
        nested: false,
    })?;
    Ok(out)
}

/// The entries of a map value (`httpQueryParams`, `httpPrefixHeaders`): each key with
/// the texts of its value (a string, or a list of strings).
pub(crate) fn entries<T: serde::Serialize + ?Sized>(
    value: &T,
) -> Result<Vec<(String, Vec<String>)>, BindError> {
    let mut out = Vec::new();
    value.serialize(Entries { out: &mut out })?;
    Ok(out)
}

/// `NaN`, `Infinity` and `-Infinity` as every restJson1 location spells them.
fn float_text(v: f64) -> String {
    if v.is_nan() {
        "NaN".to_owned()
    } else if v.is_infinite() {
        if v > 0.0 { "Infinity" } else { "-Infinity" }.to_owned()
    } else {
        v.to_string()
    }
}

struct Texts<'a> {
    out: &'a mut Vec<String>,
    /// Inside a list already: a list in a list has no text form.
    nested: bool,
}

macro_rules! display {
    ($($method:ident: $ty:ty),*) => {$(
        fn $method(self, v: $ty) -> Result<(), BindError> {
            self.out.push(v.to_string());
            Ok(())
        }
    )*};
}

impl<'a> ser::Serializer for Texts<'a> {
    type Ok = ();
    type Error = BindError;
    type SerializeSeq = Self;
    type SerializeTuple = Self;
    type SerializeTupleStruct = Impossible<(), BindError>;
    type SerializeTupleVariant = Impossible<(), BindError>;
    type SerializeMap = Impossible<(), BindError>;
    type SerializeStruct = Impossible<(), BindError>;
    type SerializeStructVariant = Impossible<(), BindError>;

    display!(
        serialize_bool: bool, serialize_i8: i8, serialize_i16: i16, serialize_i32: i32,
        serialize_i64: i64, serialize_u8: u8, serialize_u16: u16, serialize_u32: u32,
        serialize_u64: u64, serialize_char: char, serialize_str: &str
    );

    fn serialize_f32(self, v: f32) -> Result<(), BindError> {
        // As an f32 prints: `1.1`, not the f64 it widens to (`1.100000023841858`).
        self.out.push(if v.is_finite() {
            v.to_string()
        } else {
            float_text(f64::from(v))
        });
        Ok(())
    }
    fn serialize_f64(self, v: f64) -> Result<(), BindError> {
        self.out.push(float_text(v));
        Ok(())
    }
    fn serialize_bytes(self, v: &[u8]) -> Result<(), BindError> {
        self.out.push(crate::Blob::new(v).to_base64());
        Ok(())
    }
    fn serialize_none(self) -> Result<(), BindError> {
        Ok(())
    }
    fn serialize_some<T: serde::Serialize + ?Sized>(self, value: &T) -> Result<(), BindError> {
        value.serialize(self)
    }
    fn serialize_unit(self) -> Result<(), BindError> {
        Ok(())
    }
    fn serialize_unit_struct(self, _: &'static str) -> Result<(), BindError> {
        Ok(())
    }
    fn serialize_unit_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
    ) -> Result<(), BindError> {
        self.serialize_str(variant)
    }
    fn serialize_newtype_struct<T: serde::Serialize + ?Sized>(
        self,
        _: &'static str,
        value: &T,
    ) -> Result<(), BindError> {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: serde::Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: &T,
    ) -> Result<(), BindError> {
        Err(not_text("a union"))
    }
    fn serialize_seq(self, _: Option<usize>) -> Result<Self, BindError> {
        if self.nested {
            return Err(not_text("a list of lists"));
        }
        Ok(Texts {
            out: self.out,
            nested: true,
        })
    }
    fn serialize_tuple(self, len: usize) -> Result<Self, BindError> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_struct(
        self,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleStruct, BindError> {
        Err(not_text("a tuple"))
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleVariant, BindError> {
        Err(not_text("a union"))
    }
    fn serialize_map(self, _: Option<usize>) -> Result<Self::SerializeMap, BindError> {
        Err(not_text("a map"))
    }
    fn serialize_struct(
        self,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeStruct, BindError> {
        Err(not_text("a structure"))
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeStructVariant, BindError> {
        Err(not_text("a union"))
    }
}

fn not_text(what: &str) -> BindError {
    BindError(format!(
        "{what} cannot go in a URI label, query parameter or header"
    ))
}

impl ser::SerializeSeq for Texts<'_> {
    type Ok = ();
    type Error = BindError;
    fn serialize_element<T: serde::Serialize + ?Sized>(&mut self, v: &T) -> Result<(), BindError> {
        let before = self.out.len();
        v.serialize(Texts {
            out: self.out,
            nested: true,
        })?;
        // A `null` item still takes its place in the list.
        if self.out.len() == before {
            self.out.push(String::new());
        }
        Ok(())
    }
    fn end(self) -> Result<(), BindError> {
        Ok(())
    }
}

impl ser::SerializeTuple for Texts<'_> {
    type Ok = ();
    type Error = BindError;
    fn serialize_element<T: serde::Serialize + ?Sized>(&mut self, v: &T) -> Result<(), BindError> {
        ser::SerializeSeq::serialize_element(self, v)
    }
    fn end(self) -> Result<(), BindError> {
        Ok(())
    }
}

/// Collects a map's entries; anything but a map (or `None`) is an error.
struct Entries<'a> {
    out: &'a mut Vec<(String, Vec<String>)>,
}

struct EntriesMap<'a> {
    out: &'a mut Vec<(String, Vec<String>)>,
    key: Option<String>,
}

impl<'a> ser::Serializer for Entries<'a> {
    type Ok = ();
    type Error = BindError;
    type SerializeSeq = Impossible<(), BindError>;
    type SerializeTuple = Impossible<(), BindError>;
    type SerializeTupleStruct = Impossible<(), BindError>;
    type SerializeTupleVariant = Impossible<(), BindError>;
    type SerializeMap = EntriesMap<'a>;
    type SerializeStruct = Impossible<(), BindError>;
    type SerializeStructVariant = Impossible<(), BindError>;

    fn serialize_none(self) -> Result<(), BindError> {
        Ok(())
    }
    fn serialize_some<T: serde::Serialize + ?Sized>(self, value: &T) -> Result<(), BindError> {
        value.serialize(self)
    }
    fn serialize_map(self, _: Option<usize>) -> Result<EntriesMap<'a>, BindError> {
        Ok(EntriesMap {
            out: self.out,
            key: None,
        })
    }
    fn serialize_newtype_struct<T: serde::Serialize + ?Sized>(
        self,
        _: &'static str,
        value: &T,
    ) -> Result<(), BindError> {
        value.serialize(self)
    }

    fn serialize_bool(self, _: bool) -> Result<(), BindError> {
        Err(not_map())
    }
    fn serialize_i8(self, _: i8) -> Result<(), BindError> {
        Err(not_map())
    }
    fn serialize_i16(self, _: i16) -> Result<(), BindError> {
        Err(not_map())
    }
    fn serialize_i32(self, _: i32) -> Result<(), BindError> {
        Err(not_map())
    }
    fn serialize_i64(self, _: i64) -> Result<(), BindError> {
        Err(not_map())
    }
    fn serialize_u8(self, _: u8) -> Result<(), BindError> {
        Err(not_map())
    }
    fn serialize_u16(self, _: u16) -> Result<(), BindError> {
        Err(not_map())
    }
    fn serialize_u32(self, _: u32) -> Result<(), BindError> {
        Err(not_map())
    }
    fn serialize_u64(self, _: u64) -> Result<(), BindError> {
        Err(not_map())
    }
    fn serialize_f32(self, _: f32) -> Result<(), BindError> {
        Err(not_map())
    }
    fn serialize_f64(self, _: f64) -> Result<(), BindError> {
        Err(not_map())
    }
    fn serialize_char(self, _: char) -> Result<(), BindError> {
        Err(not_map())
    }
    fn serialize_str(self, _: &str) -> Result<(), BindError> {
        Err(not_map())
    }
    fn serialize_bytes(self, _: &[u8]) -> Result<(), BindError> {
        Err(not_map())
    }
    fn serialize_unit(self) -> Result<(), BindError> {
        Ok(())
    }
    fn serialize_unit_struct(self, _: &'static str) -> Result<(), BindError> {
        Err(not_map())
    }
    fn serialize_unit_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
    ) -> Result<(), BindError> {
        Err(not_map())
    }
    fn serialize_newtype_variant<T: serde::Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: &T,
    ) -> Result<(), BindError> {
        Err(not_map())
    }
    fn serialize_seq(self, _: Option<usize>) -> Result<Self::SerializeSeq, BindError> {
        Err(not_map())
    }
    fn serialize_tuple(self, _: usize) -> Result<Self::SerializeTuple, BindError> {
        Err(not_map())
    }
    fn serialize_tuple_struct(
        self,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleStruct, BindError> {
        Err(not_map())
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleVariant, BindError> {
        Err(not_map())
    }
    fn serialize_struct(
        self,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeStruct, BindError> {
        Err(not_map())
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeStructVariant, BindError> {
        Err(not_map())
    }
}

fn not_map() -> BindError {
    BindError("query_params and prefix_headers members are maps".to_owned())
}

impl ser::SerializeMap for EntriesMap<'_> {
    type Ok = ();
    type Error = BindError;
    fn serialize_key<T: serde::Serialize + ?Sized>(&mut self, key: &T) -> Result<(), BindError> {
        let mut key_texts = texts(key)?;
        if key_texts.len() != 1 {
            return Err(BindError("a map key must be a string".to_owned()));
        }
        self.key = key_texts.pop();
        Ok(())
    }
    fn serialize_value<T: serde::Serialize + ?Sized>(&mut self, v: &T) -> Result<(), BindError> {
        let key = self.key.take().unwrap_or_default();
        self.out.push((key, texts(v)?));
        Ok(())
    }
    fn end(self) -> Result<(), BindError> {
        Ok(())
    }
}

/// Joins a header list: items with a comma or a double quote are quoted (a string
/// list's items only: `quote` is false for http-date timestamps, which have commas
/// of their own and are never quoted).
pub(crate) fn header_list(items: &[String], quote: bool) -> String {
    let mut out = String::new();
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        if quote && (item.contains(',') || item.contains('"')) {
            out.push('"');
            for c in item.chars() {
                if c == '"' || c == '\\' {
                    out.push('\\');
                }
                out.push(c);
            }
            out.push('"');
        } else {
            out.push_str(item);
        }
    }
    out
}

/// Splits a header list into its items: commas outside double quotes separate them,
/// quoted items are unquoted, and an http-date (`Mon, 16 Dec 2019 23:48:18 GMT`) is
/// one item, not two.
pub(crate) fn split_header_list(value: &str) -> Vec<String> {
    let mut items: Vec<String> = Vec::new();
    let mut current = String::new();
    let mut quoted = false;
    let mut in_quotes = false;
    let mut chars = value.chars();
    while let Some(c) = chars.next() {
        match c {
            '"' if in_quotes => in_quotes = false,
            '"' if current.trim().is_empty() => {
                current.clear();
                in_quotes = true;
                quoted = true;
            }
            '\\' if in_quotes => {
                if let Some(next) = chars.next() {
                    current.push(next);
                }
            }
            ',' if !in_quotes => {
                items.push(finish_item(&mut current, quoted));
                quoted = false;
            }
            c => current.push(c),
        }
    }
    items.push(finish_item(&mut current, quoted));
    // `Mon, 16 Dec ...`: a day name alone is the first half of an http-date.
    const DAYS: [&str; 7] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
    let mut merged: Vec<String> = Vec::with_capacity(items.len());
    let mut iter = items.into_iter().peekable();
    while let Some(item) = iter.next() {
        if DAYS.contains(&item.as_str()) {
            if let Some(rest) = iter.next() {
                merged.push(format!("{item}, {rest}"));
                continue;
            }
        }
        merged.push(item);
    }
    merged
}

fn finish_item(current: &mut String, quoted: bool) -> String {
    let item = std::mem::take(current);
    if quoted { item } else { item.trim().to_owned() }
}

/// A deserializer over one text (a header's value, an item of a header list, a
/// status code): numbers, booleans, strings, enums and timestamps read from it.
pub(crate) struct Text<'a> {
    text: Cow<'a, str>,
}

impl<'a> Text<'a> {
    pub(crate) fn new(text: impl Into<Cow<'a, str>>) -> Self {
        Text { text: text.into() }
    }
}

/// The error of reading a text: `serde_json::Error`, as every decode of a response.
type DeError = serde_json::Error;

fn bad<T: fmt::Debug>(what: &str, text: T) -> DeError {
    de::Error::custom(format!("expected {what}, found {text:?}"))
}

macro_rules! parse_number {
    ($($method:ident => $visit:ident: $ty:ty),*) => {$(
        fn $method<V: de::Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
            let text = self.text.trim();
            match text.parse::<$ty>() {
                Ok(v) => visitor.$visit(v),
                Err(_) => Err(bad(stringify!($ty), text)),
            }
        }
    )*};
}

fn parse_float(text: &str) -> Option<f64> {
    match text {
        "NaN" => Some(f64::NAN),
        "Infinity" => Some(f64::INFINITY),
        "-Infinity" => Some(f64::NEG_INFINITY),
        // Rust also reads `inf` and `nan`, which no service writes.
        t if t
            .bytes()
            .any(|b| b.is_ascii_alphabetic() && b != b'e' && b != b'E') =>
        {
            None
        }
        t => t.parse().ok(),
    }
}

impl<'de> de::Deserializer<'de> for Text<'de> {
    type Error = DeError;

    /// Numbers as numbers (epoch-seconds timestamps read so), anything else as text.
    fn deserialize_any<V: de::Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        let text = self.text.trim();
        if let Ok(v) = text.parse::<i64>() {
            return visitor.visit_i64(v);
        }
        if !text.is_empty()
            && text
                .bytes()
                .all(|b| b.is_ascii_digit() || b"+-.eE".contains(&b))
        {
            if let Some(v) = parse_float(text) {
                return visitor.visit_f64(v);
            }
        }
        self.deserialize_str(visitor)
    }

    fn deserialize_bool<V: de::Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        match self.text.trim() {
            "true" => visitor.visit_bool(true),
            "false" => visitor.visit_bool(false),
            other => Err(bad("true or false", other)),
        }
    }

    parse_number!(
        deserialize_i8 => visit_i8: i8, deserialize_i16 => visit_i16: i16,
        deserialize_i32 => visit_i32: i32, deserialize_i64 => visit_i64: i64,
        deserialize_u8 => visit_u8: u8, deserialize_u16 => visit_u16: u16,
        deserialize_u32 => visit_u32: u32, deserialize_u64 => visit_u64: u64
    );

    fn deserialize_f32<V: de::Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        self.deserialize_f64(visitor)
    }

    fn deserialize_f64<V: de::Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        let text = self.text.trim();
        match parse_float(text) {
            Some(v) => visitor.visit_f64(v),
            None => Err(bad("a number", text)),
        }
    }

    fn deserialize_str<V: de::Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        match self.text {
            Cow::Borrowed(text) => visitor.visit_borrowed_str(text),
            Cow::Owned(text) => visitor.visit_string(text),
        }
    }

    fn deserialize_string<V: de::Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        self.deserialize_str(visitor)
    }

    fn deserialize_char<V: de::Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        self.deserialize_str(visitor)
    }

    fn deserialize_bytes<V: de::Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        self.deserialize_str(visitor)
    }

    fn deserialize_byte_buf<V: de::Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        self.deserialize_str(visitor)
    }

    fn deserialize_option<V: de::Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        visitor.visit_some(self)
    }

    fn deserialize_unit<V: de::Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        visitor.visit_unit()
    }

    fn deserialize_unit_struct<V: de::Visitor<'de>>(
        self,
        _: &'static str,
        visitor: V,
    ) -> Result<V::Value, DeError> {
        visitor.visit_unit()
    }

    fn deserialize_newtype_struct<V: de::Visitor<'de>>(
        self,
        _: &'static str,
        visitor: V,
    ) -> Result<V::Value, DeError> {
        visitor.visit_newtype_struct(self)
    }

    /// A header list; a status code or label is a list of one.
    fn deserialize_seq<V: de::Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        let items = split_header_list(&self.text);
        visitor.visit_seq(de::value::SeqDeserializer::new(
            items.into_iter().map(Text::new),
        ))
    }

    fn deserialize_tuple<V: de::Visitor<'de>>(
        self,
        _: usize,
        visitor: V,
    ) -> Result<V::Value, DeError> {
        self.deserialize_seq(visitor)
    }

    fn deserialize_enum<V: de::Visitor<'de>>(
        self,
        _: &'static str,
        _: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, DeError> {
        let text: de::value::StringDeserializer<DeError> =
            self.text.trim().to_owned().into_deserializer();
        visitor.visit_enum(text)
    }

    fn deserialize_identifier<V: de::Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        self.deserialize_str(visitor)
    }

    fn deserialize_ignored_any<V: de::Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        visitor.visit_unit()
    }

    serde::forward_to_deserialize_any! {
        i128 u128 tuple_struct map struct
    }
}

/// A deserializer over the entries of prefix headers: a map, or `Some` of one.
pub(crate) struct HeaderEntries<'a>(pub(crate) Vec<(String, Text<'a>)>);

impl<'de> de::Deserializer<'de> for HeaderEntries<'de> {
    type Error = DeError;

    fn deserialize_any<V: de::Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        visitor.visit_map(de::value::MapDeserializer::new(self.0.into_iter()))
    }

    fn deserialize_option<V: de::Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        visitor.visit_some(self)
    }

    fn deserialize_newtype_struct<V: de::Visitor<'de>>(
        self,
        _: &'static str,
        visitor: V,
    ) -> Result<V::Value, DeError> {
        visitor.visit_newtype_struct(self)
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string
        bytes byte_buf unit unit_struct seq tuple tuple_struct map struct enum
        identifier ignored_any
    }
}

impl<'de> de::IntoDeserializer<'de, DeError> for Text<'de> {
    type Deserializer = Self;
    fn into_deserializer(self) -> Self {
        self
    }
}

/// A restJson1 operation's `http` trait and the traits that shape its request.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Route {
    /// The operation's name, for messages and traces.
    pub name: &'static str,
    /// `GET`, `POST`, ...
    pub method: &'static str,
    /// The path template: `/things/{Id}/{Key+}`.
    pub path: &'static str,
    /// The template's literal query (after `?`), sent first; may be empty.
    pub query: &'static str,
    /// The success status code.
    pub code: u16,
    /// Whether the input has JSON body members: the request then carries a JSON
    /// object, `{}` when they are all unset.
    pub json_body: bool,
    /// `httpChecksumRequired`: the request carries `Content-MD5`.
    pub checksum_required: bool,
}

/// The members of one request bound outside the JSON body, as the expansion's
/// `http_bindings` hands them over.
#[derive(Default)]
pub struct Request {
    pub(crate) labels: Vec<(&'static str, String)>,
    pub(crate) query: Vec<(Cow<'static, str>, String)>,
    pub(crate) query_params: Vec<(String, String)>,
    pub(crate) headers: Vec<(Cow<'static, str>, Cow<'static, str>)>,
    /// `httpPrefixHeaders` entries: a header a member names wins over them.
    pub(crate) prefixed: Vec<(String, String)>,
    pub(crate) payload: Option<Payload>,
}

pub(crate) enum Payload {
    Bytes(Vec<u8>, Cow<'static, str>),
    Stream(ByteStream, Cow<'static, str>),
}

/// A blob or string payload member, or an optional one.
pub trait PayloadBytes {
    /// The bytes; `None` when unset.
    fn payload_bytes(&self) -> Option<&[u8]>;
}

impl PayloadBytes for crate::Blob {
    fn payload_bytes(&self) -> Option<&[u8]> {
        Some(self.as_bytes())
    }
}

impl PayloadBytes for String {
    fn payload_bytes(&self) -> Option<&[u8]> {
        Some(self.as_bytes())
    }
}

impl<T: PayloadBytes> PayloadBytes for Option<T> {
    fn payload_bytes(&self) -> Option<&[u8]> {
        self.as_ref().and_then(T::payload_bytes)
    }
}

/// A streaming payload member, or an optional one.
pub trait PayloadStream {
    /// The stream; `None` when unset.
    fn payload_stream(&self) -> Option<&ByteStream>;
}

impl PayloadStream for ByteStream {
    fn payload_stream(&self) -> Option<&ByteStream> {
        Some(self)
    }
}

impl PayloadStream for Option<ByteStream> {
    fn payload_stream(&self) -> Option<&ByteStream> {
        self.as_ref()
    }
}

impl Request {
    /// A URI label's value (`{name}`, or `{name+}` when `greedy`, which keeps `/`).
    pub fn label<T: serde::Serialize + ?Sized>(
        &mut self,
        name: &'static str,
        greedy: bool,
        value: &T,
    ) -> Result<(), BindError> {
        let texts = texts(value)?;
        let [text] = &texts[..] else {
            return Err(BindError(format!(
                "the URI label {name} needs one value, not {}",
                texts.len()
            )));
        };
        self.labels.push((name, encode(text, greedy)));
        Ok(())
    }

    /// A query parameter: `name=value`, repeated for each item of a list; nothing
    /// when unset.
    pub fn query<T: serde::Serialize + ?Sized>(
        &mut self,
        name: &'static str,
        value: &T,
    ) -> Result<(), BindError> {
        for text in texts(value)? {
            self.query.push((Cow::Borrowed(name), text));
        }
        Ok(())
    }

    /// `httpQueryParams`: a map of strings or of string lists; its entries go after
    /// the named parameters, and a name that a `query` member gives is left out.
    pub fn query_params<T: serde::Serialize + ?Sized>(
        &mut self,
        value: &T,
    ) -> Result<(), BindError> {
        for (key, values) in entries(value)? {
            for text in values {
                self.query_params.push((key.clone(), text));
            }
        }
        Ok(())
    }

    /// A header (`name` in lower case); a list's items are comma-joined, quoted when
    /// `quote` (strings, not http-dates) and they hold a comma or a quote.
    pub fn header<T: serde::Serialize + ?Sized>(
        &mut self,
        name: &'static str,
        value: &T,
        quote: bool,
        list: bool,
    ) -> Result<(), BindError> {
        let texts = texts(value)?;
        if texts.is_empty() && !list {
            return Ok(());
        }
        let text = if list {
            header_list(&texts, quote)
        } else {
            texts.concat()
        };
        self.headers.push((Cow::Borrowed(name), Cow::Owned(text)));
        Ok(())
    }

    /// `httpPrefixHeaders`: one header per entry of a map, named `prefix` + key.
    pub fn prefix_headers<T: serde::Serialize + ?Sized>(
        &mut self,
        prefix: &'static str,
        value: &T,
    ) -> Result<(), BindError> {
        for (key, values) in entries(value)? {
            let name = format!("{prefix}{key}").to_ascii_lowercase();
            let text = header_list(&values, true);
            self.prefixed.push((name, text));
        }
        Ok(())
    }

    /// A string header with a media type (`@mediaType`): its value base64-encoded, as
    /// a header cannot carry any JSON text.
    pub fn header_base64<T: serde::Serialize + ?Sized>(
        &mut self,
        name: &'static str,
        value: &T,
    ) -> Result<(), BindError> {
        for text in texts(value)? {
            let encoded = crate::Blob::new(text.into_bytes()).to_base64();
            self.headers
                .push((Cow::Borrowed(name), Cow::Owned(encoded)));
        }
        Ok(())
    }

    /// An idempotency token bound to the query string: the member's, else a fresh one.
    pub fn query_token(&mut self, name: &'static str, value: &Option<String>) {
        let token = token(value);
        self.query.push((Cow::Borrowed(name), token));
    }

    /// An idempotency token bound to a header: the member's, else a fresh one.
    pub fn header_token(&mut self, name: &'static str, value: &Option<String>) {
        let token = token(value);
        self.headers.push((Cow::Borrowed(name), Cow::Owned(token)));
    }

    /// A structure, union, document or enum payload: JSON (`application/json`), or
    /// the text of a string enum (`text/plain`). Unset, a structure's is `{}` (`unset`),
    /// any other none.
    pub fn payload_json<T: serde::Serialize + ?Sized>(
        &mut self,
        value: &T,
        media_type: Option<&'static str>,
        document: bool,
        unset: Option<&'static str>,
    ) -> Result<(), BindError> {
        let json = serde_json::to_value(value).map_err(|e| BindError(e.to_string()))?;
        let (bytes, default) = match json {
            serde_json::Value::Null if !document => match unset {
                Some(body) => (body.as_bytes().to_vec(), "application/json"),
                None => return Ok(()),
            },
            serde_json::Value::String(text) if !document => (text.into_bytes(), "text/plain"),
            other => (
                serde_json::to_vec(&other).map_err(|e| BindError(e.to_string()))?,
                "application/json",
            ),
        };
        self.payload = Some(Payload::Bytes(
            bytes,
            Cow::Borrowed(media_type.unwrap_or(default)),
        ));
        Ok(())
    }

    /// A blob or string payload, sent as it is: `application/octet-stream` or
    /// `text/plain` unless the member has a media type; nothing when unset.
    pub fn payload_bytes<T: PayloadBytes + ?Sized>(
        &mut self,
        value: &T,
        content_type: &'static str,
    ) {
        if let Some(bytes) = value.payload_bytes() {
            self.payload = Some(Payload::Bytes(bytes.to_vec(), Cow::Borrowed(content_type)));
        }
    }

    /// An input event stream: the body is its events, which the streaming call sends;
    /// here only their media type.
    pub fn payload_event_stream(&mut self) {
        self.payload = Some(Payload::Bytes(
            Vec::new(),
            Cow::Borrowed("application/vnd.amazon.eventstream"),
        ));
    }

    /// A streaming blob payload; nothing when unset.
    pub fn payload_stream<T: PayloadStream + ?Sized>(
        &mut self,
        value: &T,
        content_type: &'static str,
    ) -> Result<(), BindError> {
        let Some(stream) = value.payload_stream() else {
            return Ok(());
        };
        let payload = match stream.request_body() {
            RequestBody::Bytes(bytes) => {
                Payload::Bytes(bytes.to_vec(), Cow::Borrowed(content_type))
            }
            RequestBody::Stream(stream) => Payload::Stream(stream, Cow::Borrowed(content_type)),
            RequestBody::Taken => {
                return Err(BindError(
                    "the streaming body was sent already: a ByteStream made from a stream can be sent once"
                        .to_owned(),
                ));
            }
        };
        self.payload = Some(payload);
        Ok(())
    }
}

fn token(value: &Option<String>) -> String {
    match value {
        Some(token) => token.clone(),
        None => crate::uuid::Uuid::new_v4().as_str().to_owned(),
    }
}

/// Percent-encodes all but RFC 3986's unreserved characters (and `/` in a greedy
/// label), as Smithy's clients encode labels and query strings.
pub(crate) fn encode(text: &str, keep_slash: bool) -> String {
    let mut out = String::with_capacity(text.len());
    for &b in text.as_bytes() {
        if b.is_ascii_alphanumeric()
            || matches!(b, b'-' | b'.' | b'_' | b'~')
            || (keep_slash && b == b'/')
        {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// A response as the expansion's `decode_http` reads it.
pub struct Response<'a> {
    /// Status and headers (and the body, when it was read whole).
    pub raw: &'a RawResponse,
    /// The body to decode: the response's, or an error body with one message spelling.
    pub body: &'a [u8],
    /// A streaming payload's body, not read yet.
    pub(crate) stream: Option<ByteStream>,
}

impl<'a> Response<'a> {
    /// A response read whole.
    pub fn new(raw: &'a RawResponse, body: &'a [u8]) -> Self {
        Response {
            raw,
            body,
            stream: None,
        }
    }

    /// Reads a base64-encoded string header (`@mediaType`) into `slot`.
    pub fn header_base64<T: de::DeserializeOwned>(
        &self,
        name: &str,
        slot: &mut T,
    ) -> Result<(), serde_json::Error> {
        if let Some(value) = self.raw.header(name) {
            let bytes = crate::Blob::from_base64(value.trim()).map_err(|e| {
                <serde_json::Error as de::Error>::custom(format!("header {name}: {e}"))
            })?;
            let text = String::from_utf8(bytes.into_inner()).map_err(|_| {
                <serde_json::Error as de::Error>::custom(format!(
                    "header {name}: not UTF-8 once decoded"
                ))
            })?;
            *slot = T::deserialize(Text::new(text))?;
        }
        Ok(())
    }

    /// A required member's header: an error when the response does not have it (the
    /// protocol tests' `MissingRequiredInitialResponseOutput`: a required member bound
    /// to a header has no value to correct to).
    pub fn header_required<S: DeserializeSeed<'a>>(
        &self,
        name: &str,
        slot: &mut S::Value,
        seed: S,
    ) -> Result<(), serde_json::Error> {
        if self.raw.header(name).is_none() {
            return Err(<serde_json::Error as de::Error>::custom(format!(
                "the required header {name} is missing"
            )));
        }
        self.header(name, slot, seed)
    }

    /// Reads the header `name` into `slot` (left as it is when the header is absent).
    pub fn header<S: DeserializeSeed<'a>>(
        &self,
        name: &str,
        slot: &mut S::Value,
        seed: S,
    ) -> Result<(), serde_json::Error> {
        let raw: &'a RawResponse = self.raw;
        if let Some(value) = raw.header(name) {
            *slot = seed.deserialize(Text::new(value)).map_err(|e| {
                <serde_json::Error as de::Error>::custom(format!("header {name}: {e}"))
            })?;
        }
        Ok(())
    }

    /// Reads the headers named `prefix` + key into the map `slot` (left as it is when
    /// there are none); keys keep the case the response gives.
    pub fn prefix_headers<S: DeserializeSeed<'a>>(
        &self,
        prefix: &str,
        slot: &mut S::Value,
        seed: S,
    ) -> Result<(), serde_json::Error> {
        let raw: &'a RawResponse = self.raw;
        let entries: Vec<(String, Text<'a>)> = raw
            .headers
            .iter()
            .filter(|(name, _)| {
                name.len() >= prefix.len()
                    && name.as_bytes()[..prefix.len()].eq_ignore_ascii_case(prefix.as_bytes())
            })
            .map(|(name, value)| (name[prefix.len()..].to_owned(), Text::new(value)))
            .collect();
        if entries.is_empty() {
            return Ok(());
        }
        *slot = seed.deserialize(HeaderEntries(entries))?;
        Ok(())
    }

    /// Reads the status code into `slot`.
    pub fn status<S: DeserializeSeed<'a>>(
        &self,
        slot: &mut S::Value,
        seed: S,
    ) -> Result<(), serde_json::Error> {
        *slot = seed.deserialize(Text::new(self.raw.status.to_string()))?;
        Ok(())
    }

    /// Reads a blob or string payload: the body as it is.
    pub fn payload_bytes<T: FromPayload>(&self, slot: &mut T) -> Result<(), serde_json::Error> {
        *slot = T::from_payload(self.body)?;
        Ok(())
    }

    /// Reads a structure, union, document or enum payload (JSON; a string enum's
    /// text) with `read`, the member's read probe's: the runtime's reader for the types
    /// it knows, serde for a user's own (issue 20: serde_json's parser is not
    /// instantiated per payload type). A function pointer rather than the probe's seed:
    /// the seeds live in `protocol`, which depends on this module. An empty body leaves
    /// `slot` as it is.
    pub fn payload_json<T>(
        &self,
        slot: &mut T,
        read: fn(&mut Reader<'_>) -> Result<T, serde_json::Error>,
    ) -> Result<(), serde_json::Error> {
        if self.body.iter().all(u8::is_ascii_whitespace) {
            return Ok(());
        }
        let mut r = Reader::new(self.body);
        let whole = match read(&mut r) {
            Ok(value) => r.end().map(|()| value),
            Err(e) => Err(e),
        };
        *slot = match whole {
            Ok(value) => value,
            Err(json) => {
                // A string enum payload is its bare text: read as the JSON string of it.
                let text = std::str::from_utf8(self.body).map_err(|_| json)?;
                let quoted = serde_json::to_vec(text)?;
                read(&mut Reader::new(&quoted))?
            }
        };
        Ok(())
    }

    /// Reads a streaming payload: the body not read yet, else the body read whole.
    pub fn payload_stream<T: FromPayload>(
        &mut self,
        slot: &mut T,
    ) -> Result<(), serde_json::Error> {
        *slot = match self.stream.take() {
            Some(stream) => T::from_stream(stream),
            None => T::from_payload(self.body)?,
        };
        Ok(())
    }
}

/// A payload member type read from a body: blobs, strings and streams, or optional
/// ones.
pub trait FromPayload: Sized {
    /// From the whole body.
    fn from_payload(body: &[u8]) -> Result<Self, serde_json::Error>;
    /// From a body not read yet.
    fn from_stream(stream: ByteStream) -> Self;
}

impl FromPayload for crate::Blob {
    fn from_payload(body: &[u8]) -> Result<Self, serde_json::Error> {
        Ok(crate::Blob::new(body))
    }
    fn from_stream(_: ByteStream) -> Self {
        crate::Blob::default()
    }
}

impl FromPayload for String {
    fn from_payload(body: &[u8]) -> Result<Self, serde_json::Error> {
        String::from_utf8(body.to_vec())
            .map_err(|_| <serde_json::Error as de::Error>::custom("the text payload is not UTF-8"))
    }
    fn from_stream(_: ByteStream) -> Self {
        String::new()
    }
}

impl FromPayload for ByteStream {
    fn from_payload(body: &[u8]) -> Result<Self, serde_json::Error> {
        Ok(ByteStream::new(body.to_vec()))
    }
    fn from_stream(stream: ByteStream) -> Self {
        stream
    }
}

impl<T: FromPayload> FromPayload for Option<T> {
    /// `None` for an empty body.
    fn from_payload(body: &[u8]) -> Result<Self, serde_json::Error> {
        if body.is_empty() {
            return Ok(None);
        }
        T::from_payload(body).map(Some)
    }
    fn from_stream(stream: ByteStream) -> Self {
        Some(T::from_stream(stream))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize as _;

    #[test]
    fn scalars_lists_and_nones_have_their_texts() {
        assert_eq!(texts(&5_i32).unwrap(), ["5"]);
        assert_eq!(texts(&true).unwrap(), ["true"]);
        assert_eq!(texts(&f64::NAN).unwrap(), ["NaN"]);
        assert_eq!(texts(&f64::NEG_INFINITY).unwrap(), ["-Infinity"]);
        assert_eq!(texts(&1.5_f64).unwrap(), ["1.5"]);
        assert_eq!(texts(&1.1_f32).unwrap(), ["1.1"]);
        assert!(texts(&None::<String>).unwrap().is_empty());
        assert_eq!(texts(&vec!["a", "b"]).unwrap(), ["a", "b"]);
        assert!(texts(&vec![vec!["a"]]).is_err());
    }

    #[test]
    fn maps_have_entries() {
        let map: std::collections::BTreeMap<&str, Vec<&str>> =
            [("a", vec!["1", "2"]), ("b", vec![])].into_iter().collect();
        assert_eq!(
            entries(&map).unwrap(),
            [
                ("a".to_owned(), vec!["1".to_owned(), "2".to_owned()]),
                ("b".to_owned(), vec![])
            ]
        );
        assert!(
            entries(&None::<std::collections::BTreeMap<String, String>>)
                .unwrap()
                .is_empty()
        );
        assert!(entries(&"x").is_err());
    }

    #[test]
    fn header_lists_quote_and_split() {
        let items = vec!["a".to_owned(), "b,c".to_owned(), "say \"hi\"".to_owned()];
        let joined = header_list(&items, true);
        assert_eq!(joined, r#"a, "b,c", "say \"hi\"""#);
        assert_eq!(split_header_list(&joined), items);
        let dates = "Mon, 16 Dec 2019 23:48:18 GMT, Tue, 17 Dec 2019 23:48:18 GMT";
        assert_eq!(
            split_header_list(dates),
            [
                "Mon, 16 Dec 2019 23:48:18 GMT",
                "Tue, 17 Dec 2019 23:48:18 GMT"
            ]
        );
        assert_eq!(split_header_list(" x ,y"), ["x", "y"]);
    }

    #[test]
    fn texts_read_back_as_their_types() {
        assert_eq!(i32::deserialize(Text::new(" 42 ")).unwrap(), 42);
        assert_eq!(
            Option::<bool>::deserialize(Text::new("true")).unwrap(),
            Some(true)
        );
        assert!(f64::deserialize(Text::new("NaN")).unwrap().is_nan());
        assert!(f64::deserialize(Text::new("nan")).is_err());
        assert_eq!(
            Vec::<i32>::deserialize(Text::new("1, 2,3")).unwrap(),
            [1, 2, 3]
        );
        assert_eq!(String::deserialize(Text::new("a, b")).unwrap(), "a, b");
        assert!(i32::deserialize(Text::new("x")).is_err());
        let date = crate::DateTime::deserialize(Text::new("1576540098")).unwrap();
        assert_eq!(date.secs(), 1_576_540_098);
    }
}
