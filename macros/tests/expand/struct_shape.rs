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
        ::awsjson::__private::member::member::<String>();
        ::awsjson::__private::member::member::<String>();
    };
    #[automatically_derived]
    impl ::awsjson::__private::serde::Serialize for Tag {
        fn serialize<__S: ::awsjson::__private::serde::Serializer>(
            &self,
            __s: __S,
        ) -> ::core::result::Result<__S::Ok, __S::Error> {
            let mut __s = ::awsjson::__private::serde::Serializer::serialize_struct(
                __s,
                "Tag",
                2usize,
            )?;
            __SS::serialize_field(
                &mut __s,
                "Key",
                &(&__P::<String>::NEW).writer(&self.key),
            )?;
            __SS::serialize_field(
                &mut __s,
                "Value",
                &(&__P::<String>::NEW).writer(&self.value),
            )?;
            __SS::end(__s)
        }
    }
    pub struct __Slots(__O<String>, __O<String>);
    #[automatically_derived]
    impl __j::Shape for Tag {
        const TABLE: &'static __j::Table = &__j::Table {
            name: "Tag",
            fields: &["Key", "Value"],
            keys: &[("Key", 0usize), ("Value", 1usize)],
        };
        type Slots = __Slots;
        const EMPTY: __Slots = __Slots(__N, __N);
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
                        "Key",
                    )
                }
                1usize => {
                    __j::Source::member(
                        __m,
                        &mut __s.1,
                        (&&__R::<String>::NEW).reader(),
                        "Value",
                    )
                }
                _ => __j::skip(__m),
            }
        }
        #[inline]
        fn finish<__E: ::awsjson::__private::serde::de::Error>(
            __s: __Slots,
        ) -> ::core::result::Result<Self, __E> {
            ::core::result::Result::Ok(Tag {
                key: __s.0.unwrap_or_default(),
                value: __s.1.unwrap_or_default(),
            })
        }
    }
    #[automatically_derived]
    impl<'de> ::awsjson::__private::serde::Deserialize<'de> for Tag {
        fn deserialize<__D: ::awsjson::__private::serde::Deserializer<'de>>(
            __d: __D,
        ) -> ::core::result::Result<Self, __D::Error> {
            __D::deserialize_struct(
                __d,
                "Tag",
                <Self as __j::Shape>::TABLE.fields,
                __j::Visit::NEW,
            )
        }
    }
    #[automatically_derived]
    impl ::awsjson::__private::json_read::FromJson for Tag {
        fn from_json(
            __r: &mut ::awsjson::__private::json_read::Reader<'_>,
        ) -> ::core::result::Result<Self, ::awsjson::__private::json_read::Error> {
            __j::read_struct(__r, false)
        }
    }
};
#[automatically_derived]
impl ::awsjson::__private::OutputShape for Tag {
    const MODEL_SHAPE: &'static str = "partnercentral-selling#Tag";
    fn decode(
        body: &[u8],
    ) -> ::core::result::Result<Self, ::awsjson::__private::serde_json::Error> {
        ::awsjson::__private::json_struct::read_struct(
            &mut ::awsjson::__private::json_read::Reader::body(body),
            true,
        )
    }
}
