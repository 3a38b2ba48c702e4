#[derive(Debug, Clone, PartialEq)]
pub enum ResourceType {
    Opportunity,
    /// A value this declaration does not list (the service may add values at any time).
    Unknown(::awsjson::UnknownValue),
}
#[automatically_derived]
#[allow(clippy::all)]
impl ResourceType {
    /// The value as sent on the wire.
    pub fn as_str(&self) -> &str {
        match self {
            Self::Opportunity => "Opportunity",
            Self::Unknown(value) => value.as_str(),
        }
    }
    /// The wire values this declaration knows.
    pub const fn values() -> &'static [&'static str] {
        &["Opportunity"]
    }
}
#[automatically_derived]
impl ::core::convert::From<&str> for ResourceType {
    fn from(value: &str) -> Self {
        match ::awsjson::__private::enumeration::variant_index(
            value,
            const { Self::values() },
        ) {
            ::core::option::Option::Some(0) => Self::Opportunity,
            _ => Self::Unknown(::awsjson::__private::unknown_value(value)),
        }
    }
}
#[automatically_derived]
impl ::core::str::FromStr for ResourceType {
    type Err = ::core::convert::Infallible;
    fn from_str(value: &str) -> ::core::result::Result<Self, Self::Err> {
        ::core::result::Result::Ok(<Self as ::core::convert::From<&str>>::from(value))
    }
}
#[automatically_derived]
impl ::core::fmt::Display for ResourceType {
    fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
        f.write_str(self.as_str())
    }
}
#[automatically_derived]
impl ::awsjson::__private::json_struct::ErrorCorrection for ResourceType {
    fn error_correction() -> ::core::option::Option<Self> {
        ::core::option::Option::Some(
            Self::Unknown(::awsjson::__private::unknown_value("")),
        )
    }
}
#[automatically_derived]
impl ::core::default::Default for ResourceType {
    fn default() -> Self {
        Self::Unknown(::awsjson::__private::unknown_value(""))
    }
}
#[automatically_derived]
impl ::awsjson::__private::DefaultFrom<&'static str> for ResourceType {
    fn default_from(value: &'static str) -> Self {
        <Self as ::core::convert::From<&str>>::from(value)
    }
}
#[automatically_derived]
impl ::awsjson::__private::serde::Serialize for ResourceType {
    fn serialize<__S: ::awsjson::__private::serde::Serializer>(
        &self,
        serializer: __S,
    ) -> ::core::result::Result<__S::Ok, __S::Error> {
        serializer.serialize_str(self.as_str())
    }
}
#[automatically_derived]
impl<'de> ::awsjson::__private::serde::Deserialize<'de> for ResourceType {
    fn deserialize<__D: ::awsjson::__private::serde::Deserializer<'de>>(
        deserializer: __D,
    ) -> ::core::result::Result<Self, __D::Error> {
        let value = <::std::borrow::Cow<
            'de,
            str,
        > as ::awsjson::__private::serde::Deserialize>::deserialize(deserializer)?;
        ::core::result::Result::Ok(<Self as ::core::convert::From<&str>>::from(&value))
    }
}
#[automatically_derived]
impl ::awsjson::__private::json_read::FromJson for ResourceType {
    fn from_json(
        r: &mut ::awsjson::__private::json_read::Reader<'_>,
    ) -> ::core::result::Result<Self, ::awsjson::__private::json_read::Error> {
        let value = r.str("a string")?;
        ::core::result::Result::Ok(<Self as ::core::convert::From<&str>>::from(&value))
    }
}
#[automatically_derived]
impl ::awsjson::__private::json_read::FromJsonKey for ResourceType {
    fn from_key(key: ::std::borrow::Cow<'_, str>) -> Self {
        <Self as ::core::convert::From<&str>>::from(&key)
    }
}
