#[derive(Clone, PartialEq)]
pub enum Value {
    Text(String),
    Number(f64),
    At(awsjson::DateTime),
    Secret(awsjson::Blob),
    /// A member this declaration does not list (the service may add members at any
    /// time), by wire name. It cannot be sent.
    Unknown(::awsjson::UnknownValue),
}
#[automatically_derived]
impl ::core::fmt::Debug for Value {
    fn fmt(&self, __f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
        fn tuple(
            __f: &mut ::core::fmt::Formatter<'_>,
            name: &str,
            value: &dyn ::core::fmt::Debug,
        ) -> ::core::fmt::Result {
            ::core::fmt::DebugTuple::finish(
                ::core::fmt::DebugTuple::field(
                    &mut ::core::fmt::Formatter::debug_tuple(__f, name),
                    value,
                ),
            )
        }
        match self {
            Self::Text(__v) => tuple(__f, "Text", __v),
            Self::Number(__v) => tuple(__f, "Number", __v),
            Self::At(__v) => tuple(__f, "At", __v),
            Self::Secret(_) => tuple(__f, "Secret", &"*** Sensitive Data Redacted ***"),
            Self::Unknown(__v) => tuple(__f, "Unknown", __v),
        }
    }
}
#[automatically_derived]
impl ::awsjson::__private::EventUnion for Value {
    fn decode_event(
        event_type: &::core::primitive::str,
        message: &::awsjson::event_stream::Message,
    ) -> ::core::option::Option<
        ::core::result::Result<Self, ::awsjson::__private::serde_json::Error>,
    > {
        ::awsjson::__private::decode_event_union(event_type, message)
    }
    fn unknown(event_type: ::awsjson::UnknownValue) -> Self {
        Value::Unknown(event_type)
    }
}
#[allow(clippy::all, non_camel_case_types)]
const _: () = {
    use ::awsjson::__private::serde::ser::SerializeMap as _;
    use ::awsjson::__private::json_struct::Source as __S;
    #[allow(unused_imports)]
    use ::awsjson::__private::member::{
        IsMember as _, NotMember as _, ReadsJson as _, ReadsNothing as _, ReadsSerde as _,
    };
    const _: () = {
        ::awsjson::__private::member::member::<String>();
        ::awsjson::__private::member::member::<awsjson::Blob>();
    };
    #[automatically_derived]
    impl ::awsjson::__private::serde::Serialize for Value {
        fn serialize<__S: ::awsjson::__private::serde::Serializer>(
            &self,
            serializer: __S,
        ) -> ::core::result::Result<__S::Ok, __S::Error> {
            if let Value::Unknown(member) = self {
                return ::core::result::Result::Err(
                    ::awsjson::__private::union::unknown_member("Value", member.as_str()),
                );
            }
            let mut map = serializer.serialize_map(::core::option::Option::Some(1))?;
            match self {
                Value::Text(value) => {
                    map.serialize_entry(
                        "Text",
                        &(&::awsjson::__private::member::Probe::<String>::NEW)
                            .writer(value),
                    )?
                }
                Value::Number(value) => {
                    map.serialize_entry(
                        "Number",
                        &::awsjson::__private::json_struct::WriteFloat(value),
                    )?
                }
                Value::At(value) => {
                    map.serialize_entry(
                        "At",
                        &::awsjson::__private::json_struct::WriteTimestamp(
                            value,
                            ::awsjson::__private::timestamp::Format::DateTime,
                        ),
                    )?
                }
                Value::Secret(value) => {
                    map.serialize_entry(
                        "Secret",
                        &(&::awsjson::__private::member::Probe::<awsjson::Blob>::NEW)
                            .writer(value),
                    )?
                }
                Value::Unknown(_) => {}
            }
            map.end()
        }
    }
    /// The union from the members of an object, on either path of `Source`.
    fn read_union<__M: __S>(map: &mut __M) -> ::core::result::Result<Value, __M::Error> {
        fn set<__E: ::awsjson::__private::serde::de::Error>(
            found: &mut ::core::option::Option<Value>,
            value: Value,
        ) -> ::core::result::Result<(), __E> {
            if found.is_some() {
                return ::core::result::Result::Err(
                    __E::custom("union Value has more than one member set"),
                );
            }
            *found = ::core::option::Option::Some(value);
            ::core::result::Result::Ok(())
        }
        let mut found: ::core::option::Option<Value> = ::core::option::Option::None;
        #[allow(unused_mut)]
        let mut null_document: ::core::option::Option<Value> = ::core::option::Option::None;
        let mut unknown: ::core::option::Option<::std::string::String> = ::core::option::Option::None;
        while let ::core::option::Option::Some(key) = __S::next_key(map)? {
            match key.as_str() {
                "Text" => {
                    match __S::value(
                        map,
                        (&&::awsjson::__private::member::ReadProbe::<String>::NEW)
                            .reader(),
                    )? {
                        ::core::option::Option::Some(value) => {
                            set(&mut found, Value::Text(value))?
                        }
                        ::core::option::Option::None => {}
                    }
                }
                "Number" => {
                    match __S::value(
                        map,
                        ::awsjson::__private::json_struct::read_float(),
                    )? {
                        ::core::option::Option::Some(value) => {
                            set(&mut found, Value::Number(value))?
                        }
                        ::core::option::Option::None => {}
                    }
                }
                "At" => {
                    match __S::value(
                        map,
                        ::awsjson::__private::json_struct::read_timestamp(
                            ::awsjson::__private::timestamp::Format::DateTime,
                        ),
                    )? {
                        ::core::option::Option::Some(value) => {
                            set(&mut found, Value::At(value))?
                        }
                        ::core::option::Option::None => {}
                    }
                }
                "Secret" => {
                    match __S::value(
                        map,
                        (&&::awsjson::__private::member::ReadProbe::<awsjson::Blob>::NEW)
                            .reader(),
                    )? {
                        ::core::option::Option::Some(value) => {
                            set(&mut found, Value::Secret(value))?
                        }
                        ::core::option::Option::None => {}
                    }
                }
                "__type" => __S::skip(map)?,
                _ => {
                    if __S::skip_set(map)? && unknown.is_none() {
                        unknown = ::core::option::Option::Some(key);
                    }
                }
            }
        }
        match (found.or(null_document), unknown) {
            (::core::option::Option::Some(value), _) => ::core::result::Result::Ok(value),
            (::core::option::Option::None, ::core::option::Option::Some(member)) => {
                ::core::result::Result::Ok(
                    Value::Unknown(::awsjson::__private::unknown_value(&member)),
                )
            }
            (::core::option::Option::None, ::core::option::Option::None) => {
                ::core::result::Result::Err(
                    <__M::Error as ::awsjson::__private::serde::de::Error>::custom(
                        "union Value has no member set",
                    ),
                )
            }
        }
    }
    #[automatically_derived]
    impl<'de> ::awsjson::__private::serde::Deserialize<'de> for Value {
        fn deserialize<__D: ::awsjson::__private::serde::Deserializer<'de>>(
            __deserializer: __D,
        ) -> ::core::result::Result<Self, __D::Error> {
            struct __Visitor;
            impl<'de> ::awsjson::__private::serde::de::Visitor<'de> for __Visitor {
                type Value = Value;
                fn expecting(
                    &self,
                    __f: &mut ::core::fmt::Formatter<'_>,
                ) -> ::core::fmt::Result {
                    ::core::fmt::Formatter::write_str(
                        __f,
                        "union Value: an object with one member set",
                    )
                }
                fn visit_map<__A: ::awsjson::__private::serde::de::MapAccess<'de>>(
                    self,
                    mut map: __A,
                ) -> ::core::result::Result<Value, __A::Error> {
                    read_union(
                        &mut ::awsjson::__private::json_struct::MapSource::new(&mut map),
                    )
                }
            }
            ::awsjson::__private::serde::Deserializer::deserialize_map(
                __deserializer,
                __Visitor,
            )
        }
    }
    #[automatically_derived]
    impl ::awsjson::__private::json_read::FromJson for Value {
        fn from_json(
            r: &mut ::awsjson::__private::json_read::Reader<'_>,
        ) -> ::core::result::Result<Self, ::awsjson::__private::json_read::Error> {
            read_union(&mut r.object("union Value: an object with one member set")?)
        }
    }
    #[automatically_derived]
    impl ::awsjson::__private::json_struct::ErrorCorrection for Value {
        fn error_correction() -> ::core::option::Option<Self> {
            ::core::option::Option::Some(
                Value::Unknown(::awsjson::__private::unknown_value("")),
            )
        }
    }
    #[automatically_derived]
    impl ::core::default::Default for Value {
        fn default() -> Self {
            Value::Unknown(::awsjson::__private::unknown_value(""))
        }
    }
};
