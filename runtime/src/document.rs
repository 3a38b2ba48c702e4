//! Documents: untyped JSON values a service passes through (`document` shapes).

use std::collections::BTreeMap;
use std::fmt;

/// An untyped value of a `document` member: any JSON value, kept as it came.
///
/// Numbers keep their kind, so a long above 2^53 stays exact.
///
/// ```
/// use awsjson::{Document, Number};
///
/// let doc = Document::from([("name", Document::from("Jack")), ("age", Document::from(42))]);
/// assert_eq!(doc.get("age"), Some(&Document::Number(Number::PosInt(42))));
/// assert_eq!(doc.get("name").and_then(Document::as_str), Some("Jack"));
/// ```
#[derive(Debug, Clone, PartialEq, Default)]
pub enum Document {
    /// `null`.
    #[default]
    Null,
    /// `true` or `false`.
    Bool(bool),
    /// A number.
    Number(Number),
    /// A string.
    String(String),
    /// An array.
    Array(Vec<Document>),
    /// An object, members sorted by name.
    Object(BTreeMap<String, Document>),
}

/// A document number: an integer kept exactly, or a float.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Number {
    /// A non-negative integer.
    PosInt(u64),
    /// A negative integer.
    NegInt(i64),
    /// A number with a fraction or exponent.
    Float(f64),
}

impl Number {
    /// The value as an `f64` (integers above 2^53 lose precision).
    pub fn as_f64(self) -> f64 {
        match self {
            Number::PosInt(v) => v as f64,
            Number::NegInt(v) => v as f64,
            Number::Float(v) => v,
        }
    }

    /// The value as an `i64`, when it is an integer in range.
    pub fn as_i64(self) -> Option<i64> {
        match self {
            Number::PosInt(v) => i64::try_from(v).ok(),
            Number::NegInt(v) => Some(v),
            Number::Float(_) => None,
        }
    }
}

impl Document {
    /// The string, if the document is one.
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Document::String(s) => Some(s),
            _ => None,
        }
    }

    /// The boolean, if the document is one.
    pub fn as_bool(&self) -> Option<bool> {
        match self {
            Document::Bool(b) => Some(*b),
            _ => None,
        }
    }

    /// The number, if the document is one.
    pub fn as_number(&self) -> Option<Number> {
        match self {
            Document::Number(n) => Some(*n),
            _ => None,
        }
    }

    /// The elements, if the document is an array.
    pub fn as_array(&self) -> Option<&[Document]> {
        match self {
            Document::Array(a) => Some(a),
            _ => None,
        }
    }

    /// The members, if the document is an object.
    pub fn as_object(&self) -> Option<&BTreeMap<String, Document>> {
        match self {
            Document::Object(o) => Some(o),
            _ => None,
        }
    }

    /// A member of an object document.
    pub fn get(&self, key: &str) -> Option<&Document> {
        self.as_object().and_then(|o| o.get(key))
    }

    /// Whether the document is `null`.
    pub fn is_null(&self) -> bool {
        matches!(self, Document::Null)
    }
}

impl From<bool> for Document {
    fn from(v: bool) -> Self {
        Document::Bool(v)
    }
}

impl From<&str> for Document {
    fn from(v: &str) -> Self {
        Document::String(v.to_owned())
    }
}

impl From<String> for Document {
    fn from(v: String) -> Self {
        Document::String(v)
    }
}

impl From<i64> for Document {
    fn from(v: i64) -> Self {
        Document::Number(if v < 0 {
            Number::NegInt(v)
        } else {
            Number::PosInt(v as u64)
        })
    }
}

impl From<i32> for Document {
    fn from(v: i32) -> Self {
        Document::from(i64::from(v))
    }
}

impl From<u64> for Document {
    fn from(v: u64) -> Self {
        Document::Number(Number::PosInt(v))
    }
}

impl From<f64> for Document {
    fn from(v: f64) -> Self {
        Document::Number(Number::Float(v))
    }
}

impl<T: Into<Document>> From<Vec<T>> for Document {
    fn from(v: Vec<T>) -> Self {
        Document::Array(v.into_iter().map(Into::into).collect())
    }
}

impl<K: Into<String>, V: Into<Document>, const N: usize> From<[(K, V); N]> for Document {
    fn from(members: [(K, V); N]) -> Self {
        Document::Object(
            members
                .into_iter()
                .map(|(k, v)| (k.into(), v.into()))
                .collect(),
        )
    }
}

impl<T: Into<Document>> From<Option<T>> for Document {
    fn from(v: Option<T>) -> Self {
        v.map_or(Document::Null, Into::into)
    }
}

impl serde::Serialize for Document {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Document::Null => s.serialize_unit(),
            Document::Bool(b) => s.serialize_bool(*b),
            Document::Number(Number::PosInt(v)) => s.serialize_u64(*v),
            Document::Number(Number::NegInt(v)) => s.serialize_i64(*v),
            Document::Number(Number::Float(v)) => crate::serde_adapters::float::write(*v, s),
            Document::String(v) => s.serialize_str(v),
            Document::Array(v) => s.collect_seq(v),
            Document::Object(v) => s.collect_map(v),
        }
    }
}

impl<'de> serde::Deserialize<'de> for Document {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> serde::de::Visitor<'de> for V {
            type Value = Document;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a JSON value")
            }
            fn visit_unit<E>(self) -> Result<Document, E> {
                Ok(Document::Null)
            }
            fn visit_none<E>(self) -> Result<Document, E> {
                Ok(Document::Null)
            }
            fn visit_some<D: serde::Deserializer<'de>>(self, d: D) -> Result<Document, D::Error> {
                serde::Deserialize::deserialize(d)
            }
            fn visit_bool<E>(self, v: bool) -> Result<Document, E> {
                Ok(Document::Bool(v))
            }
            fn visit_i64<E>(self, v: i64) -> Result<Document, E> {
                Ok(Document::from(v))
            }
            fn visit_u64<E>(self, v: u64) -> Result<Document, E> {
                Ok(Document::Number(Number::PosInt(v)))
            }
            fn visit_f64<E>(self, v: f64) -> Result<Document, E> {
                Ok(Document::Number(Number::Float(v)))
            }
            fn visit_str<E>(self, v: &str) -> Result<Document, E> {
                Ok(Document::String(v.to_owned()))
            }
            fn visit_string<E>(self, v: String) -> Result<Document, E> {
                Ok(Document::String(v))
            }
            fn visit_seq<A: serde::de::SeqAccess<'de>>(
                self,
                mut seq: A,
            ) -> Result<Document, A::Error> {
                let mut out = Vec::new();
                while let Some(v) = seq.next_element()? {
                    out.push(v);
                }
                Ok(Document::Array(out))
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                mut map: A,
            ) -> Result<Document, A::Error> {
                let mut out = BTreeMap::new();
                while let Some((k, v)) = map.next_entry::<String, Document>()? {
                    out.insert(k, v);
                }
                Ok(Document::Object(out))
            }
        }
        d.deserialize_any(V)
    }
}

/// Documents on the decode path: built in a loop over the open containers, so that a
/// deep document costs no recursion (nesting beyond the reader's limit is an error, as
/// with serde_json).
impl crate::json_read::FromJson for Document {
    fn from_json(r: &mut crate::json_read::Reader<'_>) -> Result<Self, crate::json_read::Error> {
        use crate::json_read::AnyNumber;

        const EXPECTED: &str = "a JSON value";
        /// A container being read: its values so far (and an object's pending key).
        enum Open {
            Array(Vec<Document>),
            Object(BTreeMap<String, Document>, String),
        }
        let mut open: Vec<Open> = Vec::new();
        loop {
            let mut value = match r.peek() {
                Some(b'{') => {
                    r.open_object()?;
                    match r.object_key(true)? {
                        Some(key) => {
                            open.push(Open::Object(BTreeMap::new(), key.into_owned()));
                            continue;
                        }
                        None => Document::Object(BTreeMap::new()),
                    }
                }
                Some(b'[') => {
                    r.open_array()?;
                    if r.array_next(true)? {
                        open.push(Open::Array(Vec::new()));
                        continue;
                    }
                    Document::Array(Vec::new())
                }
                Some(b'n') => {
                    r.null()?;
                    Document::Null
                }
                Some(b't' | b'f') => Document::Bool(r.bool()?),
                Some(b'"') => Document::String(r.str(EXPECTED)?.into_owned()),
                _ => Document::Number(match r.any_number(EXPECTED)? {
                    AnyNumber::PosInt(v) => Number::PosInt(v),
                    AnyNumber::NegInt(v) => Number::NegInt(v),
                    AnyNumber::Float(v) => Number::Float(v),
                }),
            };
            // Into the container it belongs to, closing each one that ends with it.
            loop {
                let more = match open.last_mut() {
                    None => return Ok(value),
                    Some(Open::Array(items)) => {
                        items.push(value);
                        r.array_next(false)?
                    }
                    Some(Open::Object(members, key)) => {
                        members.insert(std::mem::take(key), value);
                        match r.object_key(false)? {
                            Some(next) => {
                                *key = next.into_owned();
                                true
                            }
                            None => false,
                        }
                    }
                };
                if more {
                    break;
                }
                // The container just closed is the last one open (`last_mut` above).
                value = match open.pop() {
                    Some(Open::Array(items)) => Document::Array(items),
                    Some(Open::Object(members, _)) => Document::Object(members),
                    None => Document::Null,
                };
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_exactly() {
        let text = r#"{"a":[1,-2,1234567890123456789,1.5,"x",true,null],"b":{}}"#;
        let doc: Document = serde_json::from_str(text).unwrap();
        assert_eq!(
            doc.get("a")
                .and_then(Document::as_array)
                .map(|a| a[2].clone()),
            Some(Document::Number(Number::PosInt(1_234_567_890_123_456_789)))
        );
        assert_eq!(serde_json::to_string(&doc).unwrap(), text);
    }
}
