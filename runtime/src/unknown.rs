//! The value of a string enum that this build does not know.

use std::fmt;

/// A wire value that none of an enum's declared variants has.
///
/// AWS adds enum values without notice, so every `#[aws_json_shape]` enum gets an
/// `Unknown(UnknownValue)` variant: the value is kept and sent back unchanged.
#[derive(Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct UnknownValue(pub(crate) String);

impl UnknownValue {
    /// The value as it came on the wire.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for UnknownValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&self.0, f)
    }
}

impl fmt::Display for UnknownValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Builds the unknown variant's payload (generated enum code).
pub fn unknown_value(value: &str) -> UnknownValue {
    UnknownValue(value.to_owned())
}

/// Helpers of generated union code.
pub mod union {
    /// The error of serializing a union's `Unknown` variant.
    pub fn unknown_member<E: serde::ser::Error>(union: &str, member: &str) -> E {
        E::custom(format_args!(
            "cannot send `{union}::Unknown` (member `{member}` came from the service and is not declared)"
        ))
    }

    /// The value of a union member that targets Smithy's `Unit` (`Quit(())`): written
    /// `{}`, read from any object.
    pub struct UnitMember;

    impl serde::Serialize for UnitMember {
        fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            use serde::ser::SerializeMap as _;
            s.serialize_map(Some(0))?.end()
        }
    }

    impl<'de> serde::Deserialize<'de> for UnitMember {
        fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
            struct Object;
            impl<'de> serde::de::Visitor<'de> for Object {
                type Value = UnitMember;
                fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                    f.write_str("an object (a unit member)")
                }
                fn visit_map<A: serde::de::MapAccess<'de>>(
                    self,
                    mut map: A,
                ) -> Result<UnitMember, A::Error> {
                    while map
                        .next_entry::<serde::de::IgnoredAny, serde::de::IgnoredAny>()?
                        .is_some()
                    {}
                    Ok(UnitMember)
                }
            }
            d.deserialize_map(Object)
        }
    }

    /// Reads a [`UnitMember`] on either path of a union's members.
    pub struct UnitSeed;

    impl crate::protocol::json_struct::Seed for UnitSeed {
        type Value = UnitMember;

        fn json(
            self,
            r: &mut crate::json_read::Reader<'_>,
        ) -> Result<UnitMember, crate::json_read::Error> {
            let mut object = r.object("an object (a unit member)")?;
            while object.next_key()?.is_some() {
                object.reader().skip()?;
            }
            Ok(UnitMember)
        }

        fn serde<'de, D: serde::Deserializer<'de>>(self, d: D) -> Result<UnitMember, D::Error> {
            <UnitMember as serde::Deserialize>::deserialize(d)
        }
    }
}
