//! The generic half of the `Serialize` / `Deserialize` impls the macro writes for
//! structures, so that each struct's own code is a field table and one line per member.
//!
//! The behaviour is serde derive's with the attributes the macro used to emit (`rename`,
//! `alias`, `default`, `skip_serializing_if = "Option::is_none"`, `with`): unknown keys
//! are skipped, a key given twice is serde's `duplicate field` error, a member left out
//! is serde's `missing field` error unless it has a default or Smithy's client error
//! correction fills it ([`ErrorCorrection`]). Two differences on purpose: a structure
//! reads from a JSON object only, never positionally from an array; and a member whose
//! value is `null` reads as left out, as Smithy's awsJson protocol tests
//! (`AwsJson11StructuresDontDeserializeNullValues`), botocore and the official SDKs
//! read it.

use std::fmt;
use std::marker::PhantomData;

use std::borrow::Cow;

use serde::de::{self, DeserializeSeed, MapAccess};
use serde::ser::SerializeStruct;

use crate::json_read::{self, FromJson, Reader};
use crate::serde_adapters::float::Floats;
use crate::serde_adapters::timestamp::{Format, Timestamps};

/// A structure's field table, one `const` per structure: what the runtime's one
/// generic reader needs to know of it.
pub struct Table {
    /// The structure's name (serde's `deserialize_struct`, the `expecting` text).
    pub name: &'static str,
    /// The wire name of each field, by index (bound ones included).
    pub fields: &'static [&'static str],
    /// Each wire name and alias read from the body, with the index of its field.
    pub keys: &'static [(&'static str, usize)],
}

/// A structure read through [`Visit`]: its [`Table`], the slots of the members
/// while the object is read, how one member's value is read into them and how the
/// struct is built from them. The generated code implements it; one loop, one visitor
/// and one key lookup serve every structure.
pub trait Shape: Sized {
    /// The field table.
    const TABLE: &'static Table;
    /// One `Option` per member.
    type Slots;
    /// Every slot empty.
    const EMPTY: Self::Slots;
    /// Reads the value of field `index` into its slot; a key the structure does not
    /// declare ([`usize::MAX`]) or a field that is not read from the body skips it.
    /// Instantiated for the runtime's reader (the decode path) and, when a user reads
    /// the shape with serde, for that deserializer.
    fn read<M: Source>(slots: &mut Self::Slots, index: usize, map: &mut M) -> Result<(), M::Error>;
    /// The struct from its slots: defaults, error correction or serde's `missing field`
    /// for the empty ones.
    fn finish<E: de::Error>(slots: Self::Slots) -> Result<Self, E>;
}

/// The visitor of every structure: a JSON object only. A structure's `Deserialize`
/// hands it to `deserialize_struct` itself (rather than through a generic function of
/// the runtime's: one instance less per structure).
pub struct Visit<T>(PhantomData<T>);

impl<T> Visit<T> {
    /// The visitor for `T`.
    pub const NEW: Self = Visit(PhantomData);
}

impl<'de, T: Shape> de::Visitor<'de> for Visit<T> {
    type Value = T;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        expecting(T::TABLE, f)
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<T, A::Error> {
        let table = T::TABLE;
        let mut slots = T::EMPTY;
        while let Some(index) = map.next_key_seed(Key(table))? {
            T::read(&mut slots, index, &mut MapSource::new(&mut map))?;
        }
        T::finish(slots)
    }
}

/// A structure's `FromJson`, and the decode of a whole body (`whole`: nothing may follow
/// the object; see [`Reader::body`]): the decode path's reader over the same table,
/// `read` and `finish` as its serde `Deserialize`.
///
/// The object loop, the key lookup and the check of what follows are `read_fields`,
/// compiled once: it reaches the structure's `read` through a `dyn` `ReadField`, so
/// that what each structure costs is its own `match` of members (issue 20). Errors are
/// `match`ed, not `?`: each `?` instantiates the `Try` plumbing once more per result
/// type.
pub fn read_struct<T: Shape>(r: &mut Reader<'_>, whole: bool) -> Result<T, json_read::Error> {
    let mut fields = Fields::<T>(T::EMPTY);
    match read_fields(r, T::TABLE, &mut fields, whole) {
        Ok(()) => T::finish(fields.0),
        Err(e) => Err(e),
    }
}

/// A structure's slots while the reader fills them.
struct Fields<T: Shape>(T::Slots);

/// [`Fields`] of any structure, for [`read_fields`].
trait ReadField {
    fn read(
        &mut self,
        index: usize,
        object: &mut json_read::Object<'_, '_>,
    ) -> Result<(), json_read::Error>;
}

impl<T: Shape> ReadField for Fields<T> {
    fn read(
        &mut self,
        index: usize,
        object: &mut json_read::Object<'_, '_>,
    ) -> Result<(), json_read::Error> {
        T::read(&mut self.0, index, object)
    }
}

/// Reads an object's members into `fields` by `table`.
fn read_fields(
    r: &mut Reader<'_>,
    table: &'static Table,
    fields: &mut dyn ReadField,
    whole: bool,
) -> Result<(), json_read::Error> {
    if r.peek() != Some(b'{') {
        // serde's wording, `struct {name}`, made only for the error.
        return Err(r.invalid_type(&format!("struct {}", table.name)));
    }
    let mut object = r.object("")?;
    let mut seen = Seen::new(table.fields.len());
    let mut next = 0;
    while let Some(key) = object.next_key()? {
        let index = Key(table).find_from(key.as_bytes(), &mut next);
        // Checked here for every member, rather than in each member type's code: a
        // value given twice is an error; `null` leaves the member as it is (it reads
        // as left out, and a value may follow it).
        if index != UNKNOWN {
            if seen.get(index) {
                return Err(object
                    .reader()
                    .error(format_args!("duplicate field `{}`", table.fields[index])));
            }
            if object.reader().null()? {
                continue;
            }
            seen.set(index);
        }
        fields.read(index, &mut object)?;
    }
    if whole { r.end() } else { Ok(()) }
}

/// The members of an object read so far, by index.
enum Seen {
    Few(u64),
    Many(Vec<bool>),
}

impl Seen {
    fn new(fields: usize) -> Self {
        if fields <= 64 {
            Seen::Few(0)
        } else {
            Seen::Many(vec![false; fields])
        }
    }

    fn get(&self, index: usize) -> bool {
        match self {
            Seen::Few(bits) => index < 64 && bits & (1 << index) != 0,
            Seen::Many(seen) => seen.get(index).copied().unwrap_or(false),
        }
    }

    fn set(&mut self, index: usize) {
        match self {
            Seen::Few(bits) if index < 64 => *bits |= 1 << index,
            Seen::Few(_) => {}
            Seen::Many(seen) => {
                if let Some(seen) = seen.get_mut(index) {
                    *seen = true;
                }
            }
        }
    }
}

/// Where a structure's or union's members are read from: the runtime's reader (the
/// decode path: an open [`json_read::Object`]) or a serde `MapAccess` ([`MapSource`],
/// a shape's `Deserialize`). The members' lines are written once, over this.
pub trait Source {
    /// The error reading fails with.
    type Error: de::Error;
    /// The value of the key just read through `seed`; `None` for `null`.
    fn value<S: Seed>(&mut self, seed: S) -> Result<Option<S::Value>, Self::Error>;
    /// The value of member `wire`, the key just read, into its slot through `seed`;
    /// `null` leaves the slot as it is (the member reads as left out), a second value
    /// is an error. A structure's `read` calls it once per member.
    fn member<S: Seed>(
        &mut self,
        slot: &mut Option<S::Value>,
        seed: S,
        wire: &'static str,
    ) -> Result<(), Self::Error>;
    /// Skips the value of the key just read.
    fn skip(&mut self) -> Result<(), Self::Error>;
    /// Skips the value of the key just read, saying whether it was other than `null`.
    fn skip_set(&mut self) -> Result<bool, Self::Error>;
    /// The next key (a union's), or `None` at the end of the object.
    fn next_key(&mut self) -> Result<Option<String>, Self::Error>;
}

impl Source for json_read::Object<'_, '_> {
    type Error = json_read::Error;

    #[inline]
    fn value<S: Seed>(&mut self, seed: S) -> Result<Option<S::Value>, json_read::Error> {
        let r = self.reader();
        match r.null() {
            Ok(false) => match seed.json(r) {
                Ok(value) => Ok(Some(value)),
                Err(e) => Err(e),
            },
            Ok(true) => Ok(None),
            Err(e) => Err(e),
        }
    }

    // `read_fields` has checked for a second value and for `null`: what is left per
    // member type is this call and its seed's `json_into`. (Inlined into each
    // structure's `read` instead, it cost more: structures have more members than
    // member types.)
    fn member<S: Seed>(
        &mut self,
        slot: &mut Option<S::Value>,
        seed: S,
        _wire: &'static str,
    ) -> Result<(), json_read::Error> {
        seed.json_into(self.reader(), slot)
    }

    fn skip(&mut self) -> Result<(), json_read::Error> {
        self.reader().skip()
    }

    fn skip_set(&mut self) -> Result<bool, json_read::Error> {
        let r = self.reader();
        if r.null()? {
            Ok(false)
        } else {
            r.skip().map(|()| true)
        }
    }

    fn next_key(&mut self) -> Result<Option<String>, json_read::Error> {
        Ok(json_read::Object::next_key(self)?.map(Cow::into_owned))
    }
}

/// A serde `MapAccess` as a [`Source`].
pub struct MapSource<'m, 'de, A>(&'m mut A, PhantomData<&'de ()>);

impl<'m, 'de, A: MapAccess<'de>> MapSource<'m, 'de, A> {
    /// The source reading from `map`.
    #[inline]
    pub fn new(map: &'m mut A) -> Self {
        MapSource(map, PhantomData)
    }
}

impl<'de, A: MapAccess<'de>> Source for MapSource<'_, 'de, A> {
    type Error = A::Error;

    #[inline]
    fn value<S: Seed>(&mut self, seed: S) -> Result<Option<S::Value>, A::Error> {
        self.0.next_value_seed(ReadOptional(AsSerde(seed)))
    }

    fn skip(&mut self) -> Result<(), A::Error> {
        self.0.next_value::<de::IgnoredAny>().map(drop)
    }

    fn skip_set(&mut self) -> Result<bool, A::Error> {
        self.0
            .next_value::<Option<de::IgnoredAny>>()
            .map(|v| v.is_some())
    }

    fn member<S: Seed>(
        &mut self,
        slot: &mut Option<S::Value>,
        seed: S,
        wire: &'static str,
    ) -> Result<(), A::Error> {
        if slot.is_some() {
            return Err(de::Error::duplicate_field(wire));
        }
        *slot = self.value(seed)?;
        Ok(())
    }

    fn next_key(&mut self) -> Result<Option<String>, A::Error> {
        self.0.next_key::<String>()
    }
}

/// How one member's value is read, on either path of [`Source`]: the member's type
/// through [`FromJson`] or serde ([`crate::__private::member`]'s probe picks which), or an
/// adapter (floats, timestamps).
pub trait Seed: Sized {
    /// The value read.
    type Value;
    /// Reads it with the runtime's reader.
    fn json(self, r: &mut Reader<'_>) -> Result<Self::Value, json_read::Error>;
    /// Reads it with the runtime's reader into `slot`.
    fn json_into(
        self,
        r: &mut Reader<'_>,
        slot: &mut Option<Self::Value>,
    ) -> Result<(), json_read::Error> {
        match self.json(r) {
            Ok(value) => {
                *slot = Some(value);
                Ok(())
            }
            Err(e) => Err(e),
        }
    }
    /// Reads it with serde.
    fn serde<'de, D: serde::Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error>;
    /// The value of the member left out (without default or error correction): serde's
    /// `missing field` error, or what the type reads absence as (an `Option`'s `None`).
    fn missing<E: de::Error>(self, wire: &'static str) -> Result<Self::Value, E> {
        Err(E::missing_field(wire))
    }
}

/// A [`Seed`] as serde's `DeserializeSeed`.
struct AsSerde<S>(S);

impl<'de, S: Seed> DeserializeSeed<'de> for AsSerde<S> {
    type Value = S::Value;

    #[inline]
    fn deserialize<D: serde::Deserializer<'de>>(self, d: D) -> Result<S::Value, D::Error> {
        self.0.serde(d)
    }
}

fn expecting(table: &Table, f: &mut fmt::Formatter<'_>) -> fmt::Result {
    f.write_str("struct ")?;
    f.write_str(table.name)
}

/// The wire key of a structure member: its index among the fields, `usize::MAX` for a
/// key the structure does not declare.
///
/// The table lists each wire name and alias with the index of its field; the number of
/// fields bounds serde's positional keys. Keys are compared where they lie in the
/// input, never copied.
#[derive(Clone, Copy)]
struct Key(&'static Table);

/// The index `Key` reads for a key the structure does not declare.
const UNKNOWN: usize = usize::MAX;

impl<'de> DeserializeSeed<'de> for Key {
    type Value = usize;

    #[inline]
    fn deserialize<D: serde::Deserializer<'de>>(self, d: D) -> Result<usize, D::Error> {
        d.deserialize_identifier(self)
    }
}

impl Key {
    #[inline]
    fn find(self, key: &[u8]) -> usize {
        self.find_from(key, &mut 0)
    }

    /// [`find`](Self::find), trying the table's entry at `next` first and leaving
    /// `next` after the entry found. Services write members in their model's order, which
    /// is the table's, so a structure's keys are found in one comparison each rather
    /// than a scan (a 24-member answer was about 200 instructions a key).
    #[inline]
    fn find_from(self, key: &[u8], next: &mut usize) -> usize {
        // Member names are short: a byte loop beats a `memcmp` call per candidate.
        let is = |name: &str| {
            let name = name.as_bytes();
            name.len() == key.len() && name.iter().zip(key).all(|(a, b)| a == b)
        };
        let keys = self.0.keys;
        if let Some(&(name, index)) = keys.get(*next) {
            if is(name) {
                *next += 1;
                return index;
            }
        }
        match keys.iter().position(|&(name, _)| is(name)) {
            Some(at) => {
                *next = at + 1;
                keys[at].1
            }
            None => UNKNOWN,
        }
    }
}

impl de::Visitor<'_> for Key {
    type Value = usize;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("field identifier")
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<usize, E> {
        Ok(usize::try_from(v)
            .ok()
            .filter(|&i| i < self.0.fields.len())
            .unwrap_or(UNKNOWN))
    }

    #[inline]
    fn visit_str<E: de::Error>(self, v: &str) -> Result<usize, E> {
        Ok(self.find(v.as_bytes()))
    }

    fn visit_bytes<E: de::Error>(self, v: &[u8]) -> Result<usize, E> {
        Ok(self.find(v))
    }
}

/// Skips the value of a key the structure does not declare.
#[inline]
pub fn skip<M: Source>(map: &mut M) -> Result<(), M::Error> {
    map.skip()
}

/// The value Smithy's client error correction gives a required member of this type
/// that a response left out (or sent as `null`): a structure whose every required
/// member has one gets one made of them, a string enum or union its `Unknown` variant
/// holding `""`, an int enum the value 0. Scalars, strings, blobs, timestamps,
/// documents, lists and maps read as their `Default` without this trait.
///
/// `None` when the type has none (a structure with a required member of a type that
/// has none, such as a `Box` of itself).
pub trait ErrorCorrection: Sized {
    /// The value, if the type has one.
    fn error_correction() -> Option<Self>;
}

// Every structure's, here rather than one impl per structure in the expansion: an impl
// costs the compiler about 19 KB per structure held to the end of codegen (issue 20;
// BENCHMARKS.md, "Where the rest of the memory is"). Enums and unions, which are no
// `Shape`, have their own. The value is `finish` with every slot empty: the one a
// response without any member reads as.
impl<T: Shape> ErrorCorrection for T {
    fn error_correction() -> Option<Self> {
        // serde_json's error: the instance the decode path has already.
        T::finish::<serde_json::Error>(T::EMPTY).ok()
    }
}

/// Asks a member type for its [`ErrorCorrection`] value when it has the trait, and
/// for `None` when it does not: `(&Fill::<T>::NEW).fill()` picks [`Corrected`] when
/// `T: ErrorCorrection` (method lookup tries `Fill<T>` before `&Fill<T>`), else
/// [`NotCorrected`]. Either gives a function pointer, so that a member costs no
/// closure of its own.
pub struct Fill<T>(PhantomData<T>);

impl<T> Fill<T> {
    /// The probe for `T`.
    pub const NEW: Self = Fill(PhantomData);
}

/// [`Fill`] for a type with an error-correction value.
pub trait Corrected<T> {
    /// `T`'s error-correction value, asked when the member is left out.
    fn fill(&self) -> fn() -> Option<T>;
}

impl<T: ErrorCorrection> Corrected<T> for Fill<T> {
    #[inline]
    fn fill(&self) -> fn() -> Option<T> {
        T::error_correction
    }
}

/// [`Fill`] for a type without one.
pub trait NotCorrected<T> {
    /// `None`.
    fn fill(&self) -> fn() -> Option<T>;
}

impl<T> NotCorrected<T> for &Fill<T> {
    #[inline]
    fn fill(&self) -> fn() -> Option<T> {
        none
    }
}

fn none<T>() -> Option<T> {
    None
}

/// The value of a member read through an adapter and without a default: serde derive
/// reports such a member missing without asking its type.
#[inline]
pub fn present<T, E: de::Error>(slot: Option<T>, wire: &'static str) -> Result<T, E> {
    slot.ok_or_else(|| E::missing_field(wire))
}

/// What serde derive hands a missing member's type: `deserialize_option` sees nothing,
/// everything else is the `missing field` error.
struct Missing<E>(&'static str, PhantomData<E>);

impl<'de, E: de::Error> serde::Deserializer<'de> for Missing<E> {
    type Error = E;

    fn deserialize_any<V: de::Visitor<'de>>(self, _visitor: V) -> Result<V::Value, E> {
        Err(E::missing_field(self.0))
    }

    fn deserialize_option<V: de::Visitor<'de>>(self, visitor: V) -> Result<V::Value, E> {
        visitor.visit_none()
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string
        bytes byte_buf unit unit_struct newtype_struct seq tuple
        tuple_struct map struct enum identifier ignored_any
    }
}

/// A type a member of a structure can have: one serde writes and reads. The generated
/// code asks for it rather than for serde's traits, so that a member type that is not
/// a shape is reported with the advice that fits (serde's own points at its derives).
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be a member of an awsjson shape",
    note = "declare the structures, enums and unions a member holds with `#[aws_json_shape]`"
)]
pub trait Member: Sized {
    /// Writes the value.
    fn write<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error>;
    /// Reads a value.
    fn read<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error>;
}

// Not recommended: the unsatisfied bound reported is then `Member`, with its advice,
// not serde's trait beneath it.
#[diagnostic::do_not_recommend]
impl<T: serde::Serialize + de::DeserializeOwned> Member for T {
    #[inline]
    fn write<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.serialize(s)
    }

    #[inline]
    fn read<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        T::deserialize(d)
    }
}

/// A member as written, through [`Member`].
pub struct WriteMember<'a, T>(pub &'a T);

impl<T: Member> serde::Serialize for WriteMember<'_, T> {
    #[inline]
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.0.write(s)
    }
}

/// Reads a member of a type the runtime's reader knows ([`FromJson`]: the shapes the
/// macro declares, and the standard types they hold) with that reader.
pub struct ReadJson<T>(PhantomData<T>);

impl<T> ReadJson<T> {
    /// The seed.
    pub const NEW: Self = ReadJson(PhantomData);
}

impl<T: FromJson + Member> Seed for ReadJson<T> {
    type Value = T;

    #[inline]
    fn json(self, r: &mut Reader<'_>) -> Result<T, json_read::Error> {
        T::from_json(r)
    }

    // The one function a member type costs on the decode path (`Object::member`).
    fn json_into(self, r: &mut Reader<'_>, slot: &mut Option<T>) -> Result<(), json_read::Error> {
        match T::from_json(r) {
            Ok(value) => {
                *slot = Some(value);
                Ok(())
            }
            Err(e) => Err(e),
        }
    }

    #[inline]
    fn serde<'de, D: serde::Deserializer<'de>>(self, d: D) -> Result<T, D::Error> {
        T::read(d)
    }

    fn missing<E: de::Error>(self, wire: &'static str) -> Result<T, E> {
        T::missing().ok_or_else(|| E::missing_field(wire))
    }
}

/// Reads a member of any other type serde reads (a user's own, `serde_json::Value`)
/// through serde, on the reader's path from the text of its value.
pub struct ReadMember<T>(PhantomData<T>);

/// A [`ReadMember`] seed.
#[inline]
pub fn read_member<T>() -> ReadMember<T> {
    ReadMember(PhantomData)
}

impl<T: Member> Seed for ReadMember<T> {
    type Value = T;

    fn json(self, r: &mut Reader<'_>) -> Result<T, json_read::Error> {
        let text = r.raw()?;
        let mut de = serde_json::Deserializer::from_slice(text);
        T::read(&mut de)
    }

    #[inline]
    fn serde<'de, D: serde::Deserializer<'de>>(self, d: D) -> Result<T, D::Error> {
        T::read(d)
    }

    fn missing<E: de::Error>(self, wire: &'static str) -> Result<T, E> {
        T::read(Missing(wire, PhantomData))
    }
}

/// The value of a required member read through `seed`: what was read, else its
/// error-correction value (`correction`, asked only when the member was left out),
/// else serde's answer for a missing member, which comes from the seed so that the
/// member's type is asked for only one trait.
#[inline]
pub fn required<S: Seed, E: de::Error>(
    slot: Option<S::Value>,
    wire: &'static str,
    correction: fn() -> Option<S::Value>,
    seed: S,
) -> Result<S::Value, E> {
    match slot {
        Some(value) => Ok(value),
        None => match correction() {
            Some(value) => Ok(value),
            None => seed.missing(wire),
        },
    }
}

/// 1 when an optional member is set: the count of fields `serialize_struct` is told.
#[inline]
pub fn set<T>(member: &Option<T>) -> usize {
    usize::from(member.is_some())
}

/// Writes a member read as its `T` when it is set (`value`, the member through its
/// probe), as `skip_serializing_if = "Option::is_none"`.
#[inline]
pub fn some<S: SerializeStruct, V: serde::Serialize>(
    s: &mut S,
    wire: &'static str,
    value: Option<V>,
) -> Result<(), S::Error> {
    match value {
        Some(value) => s.serialize_field(wire, &value),
        None => s.skip_field(wire),
    }
}

/// Writes an optional member when it is set, as `skip_serializing_if = "Option::is_none"`.
#[inline]
pub fn optional<S: SerializeStruct, T, V: serde::Serialize + ?Sized>(
    s: &mut S,
    wire: &'static str,
    member: &Option<T>,
    value: &V,
) -> Result<(), S::Error> {
    if member.is_some() {
        s.serialize_field(wire, value)
    } else {
        s.skip_field(wire)
    }
}

/// A float member (or a container of floats) as written: non-finite values as strings.
pub struct WriteFloat<'a, T>(pub &'a T);

impl<T: Floats> serde::Serialize for WriteFloat<'_, T> {
    #[inline]
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.0.write(s)
    }
}

/// Reads a float member (or a container of floats), accepting the non-finite strings.
pub struct ReadFloat<T>(PhantomData<T>);

/// A [`ReadFloat`] for the member type the slot infers.
#[inline]
pub fn read_float<T>() -> ReadFloat<T> {
    ReadFloat(PhantomData)
}

// Also serde's seed: restJson1 reads header values through serde (`http_binding.rs`).
impl<'de, T: Floats> DeserializeSeed<'de> for ReadFloat<T> {
    type Value = T;

    #[inline]
    fn deserialize<D: serde::Deserializer<'de>>(self, d: D) -> Result<T, D::Error> {
        T::read(d)
    }
}

impl<T: Floats> Seed for ReadFloat<T> {
    type Value = T;

    #[inline]
    fn json(self, r: &mut Reader<'_>) -> Result<T, json_read::Error> {
        T::read_json(r)
    }

    #[inline]
    fn serde<'de, D: serde::Deserializer<'de>>(self, d: D) -> Result<T, D::Error> {
        T::read(d)
    }
}

/// A timestamp member (or a container of them) written in a declared format.
pub struct WriteTimestamp<'a, T>(pub &'a T, pub Format);

impl<T: Timestamps> serde::Serialize for WriteTimestamp<'_, T> {
    #[inline]
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.0.write(self.1, s)
    }
}

/// Reads a timestamp member (or a container of them) in a declared format.
pub struct ReadTimestamp<T>(Format, PhantomData<T>);

/// A [`ReadTimestamp`] for the member type the slot infers.
#[inline]
pub fn read_timestamp<T>(format: Format) -> ReadTimestamp<T> {
    ReadTimestamp(format, PhantomData)
}

impl<'de, T: Timestamps> DeserializeSeed<'de> for ReadTimestamp<T> {
    type Value = T;

    #[inline]
    fn deserialize<D: serde::Deserializer<'de>>(self, d: D) -> Result<T, D::Error> {
        T::read(self.0, d)
    }
}

impl<T: Timestamps> Seed for ReadTimestamp<T> {
    type Value = T;

    #[inline]
    fn json(self, r: &mut Reader<'_>) -> Result<T, json_read::Error> {
        T::read_json(self.0, r)
    }

    #[inline]
    fn serde<'de, D: serde::Deserializer<'de>>(self, d: D) -> Result<T, D::Error> {
        T::read(self.0, d)
    }
}

/// Reads `null` as `None` and anything else through `seed`, as `Option<T>` does.
struct ReadOptional<S>(S);

impl<'de, S: DeserializeSeed<'de>> DeserializeSeed<'de> for ReadOptional<S> {
    type Value = Option<S::Value>;

    fn deserialize<D: serde::Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_option(self)
    }
}

impl<'de, S: DeserializeSeed<'de>> de::Visitor<'de> for ReadOptional<S> {
    type Value = Option<S::Value>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("option")
    }

    fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }

    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }

    fn visit_some<D: serde::Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        self.0.deserialize(d).map(Some)
    }
}
