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
#[allow(unused_qualifications, unused_imports, clippy::all, clippy::pedantic)]
const _: () = {
    use ::awsjson::__private::member::{IsMember as _, NotMember as _, Probe as __P};
    use ::awsjson::__private::member::{
        ReadProbe as __R, ReadsJson as _, ReadsNothing as _, ReadsSerde as _,
    };
    use ::awsjson::__private::json_struct::{
        self as __j, Corrected as _, Fill as __F, NotCorrected as _,
    };
    use ::awsjson::__private::serde::ser::SerializeStruct as __SS;
    use ::core::option::Option::None as __N;
    use ::core::option::Option as __O;
    const _: () = {
        ::awsjson::__private::member::member::<Option<String>>();
        ::awsjson::__private::member::member::<Option<String>>();
        ::awsjson::__private::member::member::<Option<String>>();
    };
    #[automatically_derived]
    impl ::awsjson::__private::serde::Serialize for GetSecretValueResponse {
        fn serialize<__S: ::awsjson::__private::serde::Serializer>(
            &self,
            __s: __S,
        ) -> ::core::result::Result<__S::Ok, __S::Error> {
            let mut __s = ::awsjson::__private::serde::Serializer::serialize_struct(
                __s,
                "GetSecretValueResponse",
                0usize + __j::set(&self.name) + __j::set(&self.secret_string)
                    + __j::set(&self.version_id) + __j::set(&self.created_date),
            )?;
            __j::some(&mut __s, "Name", (&__P::<String>::NEW).some(&self.name))?;
            __j::some(
                &mut __s,
                "SecretString",
                (&__P::<String>::NEW).some(&self.secret_string),
            )?;
            __j::some(
                &mut __s,
                "VersionId",
                (&__P::<String>::NEW).some(&self.version_id),
            )?;
            __j::optional(
                &mut __s,
                "CreatedDate",
                &self.created_date,
                &::awsjson::__private::json_struct::WriteTimestamp(
                    &self.created_date,
                    ::awsjson::__private::timestamp::Format::EpochSeconds,
                ),
            )?;
            __SS::end(__s)
        }
    }
    pub struct __Slots(
        __O<String>,
        __O<String>,
        __O<String>,
        __O<Option<awsjson::DateTime>>,
    );
    #[automatically_derived]
    impl __j::Shape for GetSecretValueResponse {
        const TABLE: &'static __j::Table = &__j::Table {
            name: "GetSecretValueResponse",
            fields: &["Name", "SecretString", "VersionId", "CreatedDate"],
            keys: &[
                ("Name", 0usize),
                ("SecretString", 1usize),
                ("VersionId", 2usize),
                ("CreatedDate", 3usize),
            ],
        };
        type Slots = __Slots;
        const EMPTY: __Slots = __Slots(__N, __N, __N, __N);
        #[inline(always)]
        fn read<__M: __j::Source>(
            __s: &mut __Slots,
            __i: ::core::primitive::usize,
            __m: &mut __M,
        ) -> ::core::result::Result<(), __M::Error> {
            match __i {
                0usize => {
                    __j::Source::member(
                        __m,
                        &mut __s.0,
                        (&&__R::<String>::NEW).reader(),
                        "Name",
                    )
                }
                1usize => {
                    __j::Source::member(
                        __m,
                        &mut __s.1,
                        (&&__R::<String>::NEW).reader(),
                        "SecretString",
                    )
                }
                2usize => {
                    __j::Source::member(
                        __m,
                        &mut __s.2,
                        (&&__R::<String>::NEW).reader(),
                        "VersionId",
                    )
                }
                3usize => {
                    __j::Source::member(
                        __m,
                        &mut __s.3,
                        ::awsjson::__private::json_struct::read_timestamp(
                            ::awsjson::__private::timestamp::Format::EpochSeconds,
                        ),
                        "CreatedDate",
                    )
                }
                _ => __j::skip(__m),
            }
        }
        #[inline]
        fn finish<__E: ::awsjson::__private::serde::de::Error>(
            __s: __Slots,
        ) -> ::core::result::Result<Self, __E> {
            ::core::result::Result::Ok(GetSecretValueResponse {
                name: __s.0,
                secret_string: __s.1,
                version_id: __s.2,
                created_date: __s.3.unwrap_or_default(),
            })
        }
    }
    #[automatically_derived]
    impl<'de> ::awsjson::__private::serde::Deserialize<'de> for GetSecretValueResponse {
        fn deserialize<__D: ::awsjson::__private::serde::Deserializer<'de>>(
            __d: __D,
        ) -> ::core::result::Result<Self, __D::Error> {
            __D::deserialize_struct(
                __d,
                "GetSecretValueResponse",
                <Self as __j::Shape>::TABLE.fields,
                __j::Visit::NEW,
            )
        }
    }
    #[automatically_derived]
    impl ::awsjson::__private::json_read::FromJson for GetSecretValueResponse {
        fn from_json(
            __r: &mut ::awsjson::__private::json_read::Reader<'_>,
        ) -> ::core::result::Result<Self, ::awsjson::__private::json_read::Error> {
            __j::read_struct(__r, false)
        }
    }
};
#[automatically_derived]
impl ::awsjson::__private::OutputShape for GetSecretValueResponse {
    const MODEL_SHAPE: &'static str = "secretsmanager#GetSecretValueResponse";
    fn decode(
        body: &[u8],
    ) -> ::core::result::Result<Self, ::awsjson::__private::serde_json::Error> {
        ::awsjson::__private::json_struct::read_struct(
            &mut ::awsjson::__private::json_read::Reader::body(body),
            true,
        )
    }
}
