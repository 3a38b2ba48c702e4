//! Member values as restJson1 writes them outside the body, and reads them back: the
//! text of a URI label, a query parameter or a header, lists of them, and maps of
//! them (`httpQueryParams`, `httpPrefixHeaders`).
//!
//! Both directions go through serde, so that every member type the JSON body takes
//! (strings, numbers, booleans, string and int enums, blobs, timestamps through their
//! adapter) takes these locations too, without a trait of its own per type.

use std::fmt;

use serde::de::{self, IntoDeserializer as _};
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
    text: std::borrow::Cow<'a, str>,
}

impl<'a> Text<'a> {
    pub(crate) fn new(text: impl Into<std::borrow::Cow<'a, str>>) -> Self {
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
            std::borrow::Cow::Borrowed(text) => visitor.visit_borrowed_str(text),
            std::borrow::Cow::Owned(text) => visitor.visit_string(text),
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
