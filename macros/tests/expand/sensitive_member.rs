pub struct GetSecretValueResponse {
    pub name: Option<String>,
    pub secret_string: Option<String>,
    pub version_id: Option<String>,
    pub created_date: Option<awsjson::DateTime>,
}
#[automatically_derived]
impl ::core::fmt::Debug for GetSecretValueResponse {
    fn fmt(&self, __f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
        ::awsjson::__private::debug::debug_struct(
            __f,
            "GetSecretValueResponse",
            &[
                ("name", &self.name),
                ("secret_string", &::awsjson::__private::debug::REDACTED),
                ("version_id", &::awsjson::__private::debug::REDACTED),
                ("created_date", &self.created_date),
            ],
        )
    }
}
#[doc(hidden)]
#[allow(unused_qualifications, clippy::all, clippy::pedantic)]
const _: () = {
    #[allow(unused_imports)]
    use ::awsjson::__private::member::{IsMember as _, NotMember as _};
    const _: () = {
        ::awsjson::__private::member::member::<Option<String>>();
        ::awsjson::__private::member::member::<Option<String>>();
        ::awsjson::__private::member::member::<Option<String>>();
    };
    #[automatically_derived]
    impl ::awsjson::__private::serde::Serialize for GetSecretValueResponse {
        fn serialize<__S: ::awsjson::__private::serde::Serializer>(
            &self,
            __serializer: __S,
        ) -> ::core::result::Result<__S::Ok, __S::Error> {
            let mut __state = ::awsjson::__private::serde::Serializer::serialize_struct(
                __serializer,
                "GetSecretValueResponse",
                0usize
                    + ::core::primitive::usize::from(
                        ::core::option::Option::is_some(&self.name),
                    )
                    + ::core::primitive::usize::from(
                        ::core::option::Option::is_some(&self.secret_string),
                    )
                    + ::core::primitive::usize::from(
                        ::core::option::Option::is_some(&self.version_id),
                    )
                    + ::core::primitive::usize::from(
                        ::core::option::Option::is_some(&self.created_date),
                    ),
            )?;
            if let ::core::option::Option::Some(__value) = &self.name {
                ::awsjson::__private::serde::ser::SerializeStruct::serialize_field(
                    &mut __state,
                    "Name",
                    &(&::awsjson::__private::member::Probe::<String>::NEW)
                        .writer(__value),
                )?;
            } else {
                ::awsjson::__private::serde::ser::SerializeStruct::skip_field(
                    &mut __state,
                    "Name",
                )?;
            }
            if let ::core::option::Option::Some(__value) = &self.secret_string {
                ::awsjson::__private::serde::ser::SerializeStruct::serialize_field(
                    &mut __state,
                    "SecretString",
                    &(&::awsjson::__private::member::Probe::<String>::NEW)
                        .writer(__value),
                )?;
            } else {
                ::awsjson::__private::serde::ser::SerializeStruct::skip_field(
                    &mut __state,
                    "SecretString",
                )?;
            }
            if let ::core::option::Option::Some(__value) = &self.version_id {
                ::awsjson::__private::serde::ser::SerializeStruct::serialize_field(
                    &mut __state,
                    "VersionId",
                    &(&::awsjson::__private::member::Probe::<String>::NEW)
                        .writer(__value),
                )?;
            } else {
                ::awsjson::__private::serde::ser::SerializeStruct::skip_field(
                    &mut __state,
                    "VersionId",
                )?;
            }
            ::awsjson::__private::json_struct::optional(
                &mut __state,
                "CreatedDate",
                &self.created_date,
                &::awsjson::__private::json_struct::WriteTimestamp(
                    &self.created_date,
                    ::awsjson::__private::timestamp::Format::EpochSeconds,
                ),
            )?;
            ::awsjson::__private::serde::ser::SerializeStruct::end(__state)
        }
    }
    #[automatically_derived]
    impl<'de> ::awsjson::__private::serde::Deserialize<'de> for GetSecretValueResponse {
        fn deserialize<__D: ::awsjson::__private::serde::Deserializer<'de>>(
            __deserializer: __D,
        ) -> ::core::result::Result<Self, __D::Error> {
            struct __Visitor;
            impl<'de> ::awsjson::__private::serde::de::Visitor<'de> for __Visitor {
                type Value = GetSecretValueResponse;
                fn expecting(
                    &self,
                    __f: &mut ::core::fmt::Formatter<'_>,
                ) -> ::core::fmt::Result {
                    ::core::fmt::Formatter::write_str(
                        __f,
                        "struct GetSecretValueResponse",
                    )
                }
                fn visit_map<__A: ::awsjson::__private::serde::de::MapAccess<'de>>(
                    self,
                    mut __map: __A,
                ) -> ::core::result::Result<GetSecretValueResponse, __A::Error> {
                    const __KEYS: ::awsjson::__private::json_struct::Key = ::awsjson::__private::json_struct::Key(
                        &[
                            ("Name", 0usize),
                            ("SecretString", 1usize),
                            ("VersionId", 2usize),
                            ("CreatedDate", 3usize),
                        ],
                        4usize,
                    );
                    let mut __f0: ::core::option::Option<String> = ::core::option::Option::None;
                    let mut __f1: ::core::option::Option<String> = ::core::option::Option::None;
                    let mut __f2: ::core::option::Option<String> = ::core::option::Option::None;
                    let mut __f3: ::core::option::Option<Option<awsjson::DateTime>> = ::core::option::Option::None;
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
                                    "Name",
                                )?
                            }
                            1usize => {
                                ::awsjson::__private::json_struct::next_seed(
                                    &mut __map,
                                    &mut __f1,
                                    (&::awsjson::__private::member::Probe::<String>::NEW)
                                        .reader(),
                                    "SecretString",
                                )?
                            }
                            2usize => {
                                ::awsjson::__private::json_struct::next_seed(
                                    &mut __map,
                                    &mut __f2,
                                    (&::awsjson::__private::member::Probe::<String>::NEW)
                                        .reader(),
                                    "VersionId",
                                )?
                            }
                            3usize => {
                                ::awsjson::__private::json_struct::next_seed(
                                    &mut __map,
                                    &mut __f3,
                                    ::awsjson::__private::json_struct::read_timestamp(
                                        ::awsjson::__private::timestamp::Format::EpochSeconds,
                                    ),
                                    "CreatedDate",
                                )?
                            }
                            _ => ::awsjson::__private::json_struct::skip(&mut __map)?,
                        }
                    }
                    ::core::result::Result::Ok(GetSecretValueResponse {
                        name: __f0,
                        secret_string: __f1,
                        version_id: __f2,
                        created_date: ::core::option::Option::unwrap_or_default(__f3),
                    })
                }
            }
            ::awsjson::__private::serde::Deserializer::deserialize_struct(
                __deserializer,
                "GetSecretValueResponse",
                &["Name", "SecretString", "VersionId", "CreatedDate"],
                __Visitor,
            )
        }
    }
    #[automatically_derived]
    impl ::awsjson::__private::json_struct::ErrorCorrection for GetSecretValueResponse {
        fn error_correction() -> ::core::option::Option<Self> {
            ::core::option::Option::Some(GetSecretValueResponse {
                name: ::core::default::Default::default(),
                secret_string: ::core::default::Default::default(),
                version_id: ::core::default::Default::default(),
                created_date: ::core::default::Default::default(),
            })
        }
    }
};
#[automatically_derived]
impl ::awsjson::__private::OutputShape for GetSecretValueResponse {
    const MODEL_SHAPE: &'static str = "secretsmanager#GetSecretValueResponse";
    fn decode(
        body: &[u8],
    ) -> ::core::result::Result<Self, ::awsjson::__private::serde_json::Error> {
        ::awsjson::__private::decode_struct(body)
    }
}
