//! Serde adapters for members whose JSON form is not their type's own: timestamps in a
//! format other than epoch seconds, and floats whose non-finite values are strings.

use crate::DateTime;
use crate::json_read::{self, FromJson, Reader};

/// Serde adapters for timestamp members in a non-default format.
pub mod timestamp {
    use super::*;

    /// A type that holds timestamps: `DateTime` itself and containers of it.
    pub trait Timestamps: Sized {
        /// Writes in `format`.
        fn write<S: serde::Serializer>(&self, format: Format, s: S) -> Result<S::Ok, S::Error>;
        /// Reads in `format`.
        fn read<'de, D: serde::Deserializer<'de>>(format: Format, d: D) -> Result<Self, D::Error>;
        /// Reads in `format` with the decode path's reader.
        fn read_json(format: Format, r: &mut Reader<'_>) -> Result<Self, json_read::Error>;
    }

    /// A timestamp wire format.
    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    pub enum Format {
        /// Epoch seconds, a JSON number.
        EpochSeconds,
        /// ISO 8601 string.
        DateTime,
        /// IMF-fixdate string.
        HttpDate,
    }

    struct Formatted<'a, T>(&'a T, Format);

    impl<T: Timestamps> serde::Serialize for Formatted<'_, T> {
        fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            self.0.write(self.1, s)
        }
    }

    struct Read<T>(T);

    struct Seed<T>(Format, std::marker::PhantomData<T>);

    impl<'de, T: Timestamps> serde::de::DeserializeSeed<'de> for Seed<T> {
        type Value = Read<T>;
        fn deserialize<D: serde::Deserializer<'de>>(self, d: D) -> Result<Read<T>, D::Error> {
            T::read(self.0, d).map(Read)
        }
    }

    impl Timestamps for DateTime {
        fn write<S: serde::Serializer>(&self, format: Format, s: S) -> Result<S::Ok, S::Error> {
            match format {
                Format::EpochSeconds => serde::Serialize::serialize(self, s),
                Format::DateTime => s.serialize_str(&self.to_date_time()),
                Format::HttpDate => s.serialize_str(&self.to_http_date()),
            }
        }

        fn read<'de, D: serde::Deserializer<'de>>(format: Format, d: D) -> Result<Self, D::Error> {
            match format {
                Format::EpochSeconds => <DateTime as serde::Deserialize>::deserialize(d),
                Format::DateTime => {
                    let text = <std::borrow::Cow<'de, str>>::deserialize(d)?;
                    DateTime::parse_date_time(&text).map_err(serde::de::Error::custom)
                }
                Format::HttpDate => {
                    let text = <std::borrow::Cow<'de, str>>::deserialize(d)?;
                    DateTime::parse_http_date(&text).map_err(serde::de::Error::custom)
                }
            }
        }

        fn read_json(format: Format, r: &mut Reader<'_>) -> Result<Self, json_read::Error> {
            let parse = match format {
                Format::EpochSeconds => return DateTime::from_json(r),
                Format::DateTime => DateTime::parse_date_time,
                Format::HttpDate => DateTime::parse_http_date,
            };
            let text = r.str("a string")?;
            parse(&text).map_err(|e| r.error(e))
        }
    }

    use serde::Deserialize as _;

    impl<T: Timestamps> Timestamps for Option<T> {
        fn write<S: serde::Serializer>(&self, format: Format, s: S) -> Result<S::Ok, S::Error> {
            match self {
                Some(v) => s.serialize_some(&Formatted(v, format)),
                None => s.serialize_none(),
            }
        }

        fn read<'de, D: serde::Deserializer<'de>>(format: Format, d: D) -> Result<Self, D::Error> {
            struct V<T>(Format, std::marker::PhantomData<T>);
            impl<'de, T: Timestamps> serde::de::Visitor<'de> for V<T> {
                type Value = Option<T>;
                fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                    f.write_str("a timestamp or null")
                }
                fn visit_none<E: serde::de::Error>(self) -> Result<Self::Value, E> {
                    Ok(None)
                }
                fn visit_unit<E: serde::de::Error>(self) -> Result<Self::Value, E> {
                    Ok(None)
                }
                fn visit_some<D: serde::Deserializer<'de>>(
                    self,
                    d: D,
                ) -> Result<Self::Value, D::Error> {
                    T::read(self.0, d).map(Some)
                }
            }
            d.deserialize_option(V(format, std::marker::PhantomData))
        }

        fn read_json(format: Format, r: &mut Reader<'_>) -> Result<Self, json_read::Error> {
            if r.null()? {
                Ok(None)
            } else {
                T::read_json(format, r).map(Some)
            }
        }
    }

    impl<T: Timestamps> Timestamps for Vec<T> {
        fn write<S: serde::Serializer>(&self, format: Format, s: S) -> Result<S::Ok, S::Error> {
            s.collect_seq(self.iter().map(|v| Formatted(v, format)))
        }

        fn read<'de, D: serde::Deserializer<'de>>(format: Format, d: D) -> Result<Self, D::Error> {
            struct V<T>(Format, std::marker::PhantomData<T>);
            impl<'de, T: Timestamps> serde::de::Visitor<'de> for V<T> {
                type Value = Vec<T>;
                fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                    f.write_str("a list of timestamps")
                }
                fn visit_seq<A: serde::de::SeqAccess<'de>>(
                    self,
                    mut seq: A,
                ) -> Result<Self::Value, A::Error> {
                    let mut out = Vec::new();
                    while let Some(Read(v)) =
                        seq.next_element_seed(Seed::<T>(self.0, std::marker::PhantomData))?
                    {
                        out.push(v);
                    }
                    Ok(out)
                }
            }
            d.deserialize_seq(V(format, std::marker::PhantomData))
        }

        fn read_json(format: Format, r: &mut Reader<'_>) -> Result<Self, json_read::Error> {
            let mut array = r.array("a list of timestamps")?;
            let mut out = Vec::new();
            while array.next_element()? {
                out.push(T::read_json(format, array.reader())?);
            }
            Ok(out)
        }
    }

    impl<T: Timestamps> Timestamps for std::collections::HashMap<String, T> {
        fn write<S: serde::Serializer>(&self, format: Format, s: S) -> Result<S::Ok, S::Error> {
            s.collect_map(self.iter().map(|(k, v)| (k, Formatted(v, format))))
        }

        fn read<'de, D: serde::Deserializer<'de>>(format: Format, d: D) -> Result<Self, D::Error> {
            struct V<T>(Format, std::marker::PhantomData<T>);
            impl<'de, T: Timestamps> serde::de::Visitor<'de> for V<T> {
                type Value = std::collections::HashMap<String, T>;
                fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                    f.write_str("a map of timestamps")
                }
                fn visit_map<A: serde::de::MapAccess<'de>>(
                    self,
                    mut map: A,
                ) -> Result<Self::Value, A::Error> {
                    let mut out = std::collections::HashMap::new();
                    while let Some(k) = map.next_key::<String>()? {
                        let Read(v) =
                            map.next_value_seed(Seed::<T>(self.0, std::marker::PhantomData))?;
                        out.insert(k, v);
                    }
                    Ok(out)
                }
            }
            d.deserialize_map(V(format, std::marker::PhantomData))
        }

        fn read_json(format: Format, r: &mut Reader<'_>) -> Result<Self, json_read::Error> {
            let mut object = r.object("a map of timestamps")?;
            let mut out = std::collections::HashMap::new();
            while let Some(key) = object.next_key()? {
                out.insert(key.into_owned(), T::read_json(format, object.reader())?);
            }
            Ok(out)
        }
    }

    macro_rules! format_module {
        ($name:ident, $format:expr) => {
            /// `#[serde(with = ...)]` module of one timestamp format.
            pub mod $name {
                use super::*;

                /// Writes the member.
                pub fn serialize<T: Timestamps, S: serde::Serializer>(
                    v: &T,
                    s: S,
                ) -> Result<S::Ok, S::Error> {
                    v.write($format, s)
                }

                /// Reads the member.
                pub fn deserialize<'de, T: Timestamps, D: serde::Deserializer<'de>>(
                    d: D,
                ) -> Result<T, D::Error> {
                    T::read($format, d)
                }
            }
        };
    }

    format_module!(epoch_seconds, Format::EpochSeconds);
    format_module!(date_time, Format::DateTime);
    format_module!(http_date, Format::HttpDate);
}

/// Serde adapter for float members: `NaN`, `Infinity` and `-Infinity` are JSON strings.
pub mod float {
    use std::collections::HashMap;

    use crate::json_read::{self, FromJsonKey, Reader};

    /// A type that holds floats: `f32`, `f64` and containers of them.
    pub trait Floats: Sized {
        /// Writes, non-finite values as strings.
        fn write<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error>;
        /// Reads a number or one of the three strings.
        fn read<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error>;
        /// The same with the decode path's reader.
        fn read_json(r: &mut Reader<'_>) -> Result<Self, json_read::Error>;
    }

    /// Writes one `f64` as the awsJson protocols do.
    pub fn write<S: serde::Serializer>(v: f64, s: S) -> Result<S::Ok, S::Error> {
        if v.is_nan() {
            s.serialize_str("NaN")
        } else if v.is_infinite() {
            s.serialize_str(if v > 0.0 { "Infinity" } else { "-Infinity" })
        } else {
            s.serialize_f64(v)
        }
    }

    struct F64Visitor;

    impl serde::de::Visitor<'_> for F64Visitor {
        type Value = f64;
        fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            f.write_str("a number, \"NaN\", \"Infinity\" or \"-Infinity\"")
        }
        fn visit_f64<E: serde::de::Error>(self, v: f64) -> Result<f64, E> {
            Ok(v)
        }
        fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<f64, E> {
            Ok(v as f64)
        }
        fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<f64, E> {
            Ok(v as f64)
        }
        fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<f64, E> {
            match v {
                "NaN" => Ok(f64::NAN),
                "Infinity" => Ok(f64::INFINITY),
                "-Infinity" => Ok(f64::NEG_INFINITY),
                other => Err(E::invalid_value(serde::de::Unexpected::Str(other), &self)),
            }
        }
    }

    impl Floats for f64 {
        fn write<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            write(*self, s)
        }
        fn read<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
            d.deserialize_any(F64Visitor)
        }
        fn read_json(r: &mut Reader<'_>) -> Result<Self, json_read::Error> {
            r.float()
        }
    }

    impl Floats for f32 {
        fn write<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            if self.is_finite() {
                s.serialize_f32(*self)
            } else {
                write(f64::from(*self), s)
            }
        }
        fn read<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
            d.deserialize_any(F64Visitor).map(|v| v as f32)
        }
        fn read_json(r: &mut Reader<'_>) -> Result<Self, json_read::Error> {
            r.float().map(|v| v as f32)
        }
    }

    struct Formatted<'a, T>(&'a T);

    impl<T: Floats> serde::Serialize for Formatted<'_, T> {
        fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            self.0.write(s)
        }
    }

    struct Read<T>(T);

    impl<'de, T: Floats> serde::Deserialize<'de> for Read<T> {
        fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
            T::read(d).map(Read)
        }
    }

    impl<T: Floats> Floats for Option<T> {
        fn write<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            match self {
                Some(v) => s.serialize_some(&Formatted(v)),
                None => s.serialize_none(),
            }
        }
        fn read<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
            let v: Option<Read<T>> = serde::Deserialize::deserialize(d)?;
            Ok(v.map(|Read(v)| v))
        }
        fn read_json(r: &mut Reader<'_>) -> Result<Self, json_read::Error> {
            if r.null()? {
                Ok(None)
            } else {
                T::read_json(r).map(Some)
            }
        }
    }

    impl<T: Floats> Floats for Vec<T> {
        fn write<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            s.collect_seq(self.iter().map(Formatted))
        }
        fn read<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
            let v: Vec<Read<T>> = serde::Deserialize::deserialize(d)?;
            Ok(v.into_iter().map(|Read(v)| v).collect())
        }
        fn read_json(r: &mut Reader<'_>) -> Result<Self, json_read::Error> {
            let mut array = r.array("a sequence")?;
            let mut out = Vec::new();
            while array.next_element()? {
                out.push(T::read_json(array.reader())?);
            }
            Ok(out)
        }
    }

    impl<K, T> Floats for HashMap<K, T>
    where
        K: serde::Serialize + serde::de::DeserializeOwned + FromJsonKey + Eq + std::hash::Hash,
        T: Floats,
    {
        fn write<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            s.collect_map(self.iter().map(|(k, v)| (k, Formatted(v))))
        }
        fn read<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
            let v: HashMap<K, Read<T>> = serde::Deserialize::deserialize(d)?;
            Ok(v.into_iter().map(|(k, Read(v))| (k, v)).collect())
        }
        fn read_json(r: &mut Reader<'_>) -> Result<Self, json_read::Error> {
            let mut object = r.object("a map")?;
            let mut out = HashMap::new();
            while let Some(key) = object.next_key()? {
                out.insert(K::from_key(key), T::read_json(object.reader())?);
            }
            Ok(out)
        }
    }

    /// Writes the member (`#[serde(serialize_with)]`).
    pub fn serialize<T: Floats, S: serde::Serializer>(v: &T, s: S) -> Result<S::Ok, S::Error> {
        v.write(s)
    }

    /// Reads the member (`#[serde(deserialize_with)]`).
    pub fn deserialize<'de, T: Floats, D: serde::Deserializer<'de>>(d: D) -> Result<T, D::Error> {
        T::read(d)
    }
}
