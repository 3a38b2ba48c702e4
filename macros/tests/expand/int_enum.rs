#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Priority {
    Low,
    High,
    /// A value this declaration does not list (the service may add values at any time).
    Unknown(::core::primitive::i32),
}
#[automatically_derived]
#[allow(clippy::all)]
impl Priority {
    /// The value as sent on the wire.
    pub fn as_i32(&self) -> ::core::primitive::i32 {
        match self {
            Self::Low => 1i32,
            Self::High => 10i32,
            Self::Unknown(value) => *value,
        }
    }
    /// The wire values this declaration knows.
    pub const fn values() -> &'static [::core::primitive::i32] {
        &[1i32, 10i32]
    }
}
#[automatically_derived]
impl ::core::convert::From<::core::primitive::i32> for Priority {
    fn from(value: ::core::primitive::i32) -> Self {
        match value {
            1i32 => Self::Low,
            10i32 => Self::High,
            other => Self::Unknown(other),
        }
    }
}
#[automatically_derived]
impl ::awsjson::__private::json_struct::ErrorCorrection for Priority {
    fn error_correction() -> ::core::option::Option<Self> {
        ::core::option::Option::Some(
            <Self as ::core::convert::From<::core::primitive::i32>>::from(0),
        )
    }
}
#[automatically_derived]
impl ::core::default::Default for Priority {
    fn default() -> Self {
        <Self as ::core::convert::From<::core::primitive::i32>>::from(0)
    }
}
#[automatically_derived]
impl ::awsjson::__private::DefaultFrom<::core::primitive::i64> for Priority {
    fn default_from(value: ::core::primitive::i64) -> Self {
        match <::core::primitive::i32 as ::core::convert::TryFrom<
            ::core::primitive::i64,
        >>::try_from(value) {
            ::core::result::Result::Ok(v) => {
                <Self as ::core::convert::From<::core::primitive::i32>>::from(v)
            }
            ::core::result::Result::Err(_) => Self::Unknown(::core::primitive::i32::MAX),
        }
    }
}
#[automatically_derived]
impl ::awsjson::__private::serde::Serialize for Priority {
    fn serialize<__S: ::awsjson::__private::serde::Serializer>(
        &self,
        serializer: __S,
    ) -> ::core::result::Result<__S::Ok, __S::Error> {
        serializer.serialize_i32(self.as_i32())
    }
}
#[automatically_derived]
impl<'de> ::awsjson::__private::serde::Deserialize<'de> for Priority {
    fn deserialize<__D: ::awsjson::__private::serde::Deserializer<'de>>(
        deserializer: __D,
    ) -> ::core::result::Result<Self, __D::Error> {
        let value = <::core::primitive::i32 as ::awsjson::__private::serde::Deserialize>::deserialize(
            deserializer,
        )?;
        ::core::result::Result::Ok(
            <Self as ::core::convert::From<::core::primitive::i32>>::from(value),
        )
    }
}
#[automatically_derived]
impl ::awsjson::__private::json_read::FromJson for Priority {
    fn from_json(
        r: &mut ::awsjson::__private::json_read::Reader<'_>,
    ) -> ::core::result::Result<Self, ::awsjson::__private::json_read::Error> {
        let value = r.integer::<::core::primitive::i32>("i32")?;
        ::core::result::Result::Ok(
            <Self as ::core::convert::From<::core::primitive::i32>>::from(value),
        )
    }
}
