#[derive(Clone)]
pub struct Tag {
    pub key: String,
    pub value: String,
}
#[automatically_derived]
impl ::core::fmt::Debug for Tag {
    fn fmt(&self, __f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
        ::awsjson::__private::debug::debug_struct(
            __f,
            "Tag",
            &[("key", &self.key), ("value", &self.value)],
        )
    }
}
#[doc(hidden)]
#[allow(unused_qualifications, clippy::all, clippy::pedantic)]
const _: () = {
    #[allow(unused_imports)]
    use ::awsjson::__private::member::{IsMember as _, NotMember as _};
    const _: () = {
        ::awsjson::__private::member::member::<String>();
        ::awsjson::__private::member::member::<String>();
    };
    #[automatically_derived]
    impl ::awsjson::__private::serde::Serialize for Tag {
        fn serialize<__S: ::awsjson::__private::serde::Serializer>(
            &self,
            __serializer: __S,
        ) -> ::core::result::Result<__S::Ok, __S::Error> {
            let mut __state = ::awsjson::__private::serde::Serializer::serialize_struct(
                __serializer,
                "Tag",
                2usize,
            )?;
            ::awsjson::__private::serde::ser::SerializeStruct::serialize_field(
                &mut __state,
                "Key",
                &(&::awsjson::__private::member::Probe::<String>::NEW).writer(&self.key),
            )?;
            ::awsjson::__private::serde::ser::SerializeStruct::serialize_field(
                &mut __state,
                "Value",
                &(&::awsjson::__private::member::Probe::<String>::NEW)
                    .writer(&self.value),
            )?;
            ::awsjson::__private::serde::ser::SerializeStruct::end(__state)
        }
    }
    #[automatically_derived]
    impl<'de> ::awsjson::__private::serde::Deserialize<'de> for Tag {
        fn deserialize<__D: ::awsjson::__private::serde::Deserializer<'de>>(
            __deserializer: __D,
        ) -> ::core::result::Result<Self, __D::Error> {
            struct __Visitor;
            impl<'de> ::awsjson::__private::serde::de::Visitor<'de> for __Visitor {
                type Value = Tag;
                fn expecting(
                    &self,
                    __f: &mut ::core::fmt::Formatter<'_>,
                ) -> ::core::fmt::Result {
                    ::core::fmt::Formatter::write_str(__f, "struct Tag")
                }
                fn visit_map<__A: ::awsjson::__private::serde::de::MapAccess<'de>>(
                    self,
                    mut __map: __A,
                ) -> ::core::result::Result<Tag, __A::Error> {
                    const __KEYS: ::awsjson::__private::json_struct::Key = ::awsjson::__private::json_struct::Key(
                        &[("Key", 0usize), ("Value", 1usize)],
                        2usize,
                    );
                    let mut __f0: ::core::option::Option<String> = ::core::option::Option::None;
                    let mut __f1: ::core::option::Option<String> = ::core::option::Option::None;
                    while let ::core::option::Option::Some(__key) = ::awsjson::__private::serde::de::MapAccess::next_key_seed(
                        &mut __map,
                        __KEYS,
                    )? {
                        match __key {
                            0usize => {
                                ::awsjson::__private::json_struct::next_seed(
                                    &mut __map,
                                    &mut __f0,
                                    (&::awsjson::__private::member::Probe::<String>::NEW)
                                        .reader(),
                                    "Key",
                                )?
                            }
                            1usize => {
                                ::awsjson::__private::json_struct::next_seed(
                                    &mut __map,
                                    &mut __f1,
                                    (&::awsjson::__private::member::Probe::<String>::NEW)
                                        .reader(),
                                    "Value",
                                )?
                            }
                            _ => ::awsjson::__private::json_struct::skip(&mut __map)?,
                        }
                    }
                    ::core::result::Result::Ok(Tag {
                        key: ::core::option::Option::unwrap_or_default(__f0),
                        value: ::core::option::Option::unwrap_or_default(__f1),
                    })
                }
            }
            ::awsjson::__private::serde::Deserializer::deserialize_struct(
                __deserializer,
                "Tag",
                &["Key", "Value"],
                __Visitor,
            )
        }
    }
    #[automatically_derived]
    impl ::awsjson::__private::json_struct::ErrorCorrection for Tag {
        fn error_correction() -> ::core::option::Option<Self> {
            ::core::option::Option::Some(Tag {
                key: ::core::default::Default::default(),
                value: ::core::default::Default::default(),
            })
        }
    }
};
#[automatically_derived]
impl ::awsjson::__private::OutputShape for Tag {
    const MODEL_SHAPE: &'static str = "partnercentral-selling#Tag";
    fn decode(
        body: &[u8],
    ) -> ::core::result::Result<Self, ::awsjson::__private::serde_json::Error> {
        ::awsjson::__private::decode_struct(body)
    }
}
