//! One error per member whose type is no shape.
//!
//! A structure member is written and read through [`Member`]; asking for it on each
//! path (`Serialize`, `Deserialize`) gave rustc one unsatisfied bound per path, so two
//! errors for one mistake. The generated code asks for it once, with [`member`] at the
//! field, and writes through a [`Probe`] and reads through a [`ReadProbe`], whose
//! methods resolve to the `Member` path when the type has it and to an inert stand-in
//! when it does not (the autoref probe of [`Fill`](crate::__private::json_struct::Fill)):
//! the stand-in never runs, as the crate does not compile.
//!
//! Reading has one more level: a type the runtime's reader knows
//! ([`FromJson`]) is read by it, any other
//! member type (a user's own serde type) through serde.

use std::marker::PhantomData;

use serde::de;

use crate::__private::json_read::{self, FromJson, Reader};
use crate::__private::json_struct::{Member, ReadJson, ReadMember, Seed, WriteMember, read_member};

/// Requires `T: Member`: called once per member, at the field, so that a member type
/// that is no shape gets the one error with [`Member`]'s advice.
#[inline]
pub const fn member<T: Member>() {}

/// Picks how a member of type `T` is written and read: `(&Probe::<T>::NEW).writer(..)`
/// is [`IsMember::writer`] when `T: Member` (method lookup tries `Probe<T>` before
/// `&Probe<T>`), else [`NotMember::writer`].
pub struct Probe<T>(PhantomData<T>);

impl<T> Probe<T> {
    /// The probe for `T`.
    pub const NEW: Self = Probe(PhantomData);
}

/// [`Probe`] for a member type: through [`Member`].
pub trait IsMember<T> {
    /// The member as written.
    fn writer<'a>(&self, value: &'a T) -> WriteMember<'a, T>;
    /// An optional member written as its `T`, when it is set.
    fn some<'a>(&self, value: &'a Option<T>) -> Option<WriteMember<'a, T>>;
}

impl<T: Member> IsMember<T> for Probe<T> {
    #[inline]
    fn writer<'a>(&self, value: &'a T) -> WriteMember<'a, T> {
        WriteMember(value)
    }

    #[inline]
    fn some<'a>(&self, value: &'a Option<T>) -> Option<WriteMember<'a, T>> {
        // A `match`, not `map(WriteMember)`: no closure shim per member type.
        match value {
            Some(value) => Some(WriteMember(value)),
            None => None,
        }
    }
}

/// [`Probe`] for a type that is no member, already reported by [`member`].
pub trait NotMember<T> {
    /// A stand-in that fails.
    fn writer(&self, value: &T) -> NoMember<T>;
    /// A stand-in that fails.
    fn some(&self, value: &Option<T>) -> Option<NoMember<T>>;
}

impl<T> NotMember<T> for &Probe<T> {
    fn writer(&self, _: &T) -> NoMember<T> {
        NoMember(PhantomData)
    }

    fn some(&self, _: &Option<T>) -> Option<NoMember<T>> {
        Some(NoMember(PhantomData))
    }
}

/// Picks how a member of type `T` is read: `(&&ReadProbe::<T>::NEW).reader()` is
/// [`ReadsJson::reader`] when `T: FromJson` (method lookup on `&&ReadProbe<T>` tries
/// the impl for `&ReadProbe<T>` first), else [`ReadsSerde::reader`] when `T: Member`
/// (the impl for `&&ReadProbe<T>`), else [`ReadsNothing::reader`].
pub struct ReadProbe<T>(PhantomData<T>);

impl<T> ReadProbe<T> {
    /// The probe for `T`.
    pub const NEW: Self = ReadProbe(PhantomData);
}

/// [`ReadProbe`] for a type the runtime's reader knows.
pub trait ReadsJson<T> {
    /// The seed that reads it.
    fn reader(&self) -> ReadJson<T>;
}

impl<T: FromJson + Member> ReadsJson<T> for &ReadProbe<T> {
    #[inline]
    fn reader(&self) -> ReadJson<T> {
        ReadJson::NEW
    }
}

/// [`ReadProbe`] for a member type read through serde.
pub trait ReadsSerde<T> {
    /// The seed that reads it.
    fn reader(&self) -> ReadMember<T>;
}

impl<T: Member> ReadsSerde<T> for &&ReadProbe<T> {
    #[inline]
    fn reader(&self) -> ReadMember<T> {
        read_member()
    }
}

/// [`ReadProbe`] for a type that is no member, already reported by [`member`].
pub trait ReadsNothing<T> {
    /// A stand-in that fails.
    fn reader(&self) -> NoMember<T>;
}

impl<T> ReadsNothing<T> for ReadProbe<T> {
    fn reader(&self) -> NoMember<T> {
        NoMember(PhantomData)
    }
}

/// What a type that is no member is written and read with; in a crate that compiles,
/// never used.
pub struct NoMember<T>(PhantomData<T>);

const NO_MEMBER: &str = "the member's type is no awsjson shape";

impl<T> serde::Serialize for NoMember<T> {
    fn serialize<S: serde::Serializer>(&self, _: S) -> Result<S::Ok, S::Error> {
        Err(serde::ser::Error::custom(NO_MEMBER))
    }
}

impl<T> Seed for NoMember<T> {
    type Value = T;

    fn json(self, r: &mut Reader<'_>) -> Result<T, json_read::Error> {
        Err(r.error(NO_MEMBER))
    }

    fn serde<'de, D: serde::Deserializer<'de>>(self, _: D) -> Result<T, D::Error> {
        Err(de::Error::custom(NO_MEMBER))
    }
}
