//! The `Deserialize` template of unions, and the adapters through which
//! members whose serde impls do not fit the protocol (floats, timestamps) are written
//! and read.

use proc_macro2::TokenStream;
use quote::{format_ident, quote};

use crate::ty;

/// `impl Deserialize for ident` through a visitor that reads a JSON object only and
/// hands its `MapAccess` to the type's `read_union`, written over `json_struct::Source`.
pub(super) fn deserialize_impl(ident: &syn::Ident, expecting: &str) -> TokenStream {
    quote::quote! {
        #[automatically_derived]
        impl<'de> ::awsjson::__private::serde::Deserialize<'de> for #ident {
            fn deserialize<__D: ::awsjson::__private::serde::Deserializer<'de>>(
                __deserializer: __D,
            ) -> ::core::result::Result<Self, __D::Error> {
                struct __Visitor;
                impl<'de> ::awsjson::__private::serde::de::Visitor<'de> for __Visitor {
                    type Value = #ident;
                    fn expecting(
                        &self,
                        __f: &mut ::core::fmt::Formatter<'_>,
                    ) -> ::core::fmt::Result {
                        ::core::fmt::Formatter::write_str(__f, #expecting)
                    }
                    fn visit_map<__A: ::awsjson::__private::serde::de::MapAccess<'de>>(
                        self,
                        mut map: __A,
                    ) -> ::core::result::Result<#ident, __A::Error> {
                        read_union(&mut ::awsjson::__private::json_struct::MapSource::new(&mut map))
                    }
                }
                ::awsjson::__private::serde::Deserializer::deserialize_map(__deserializer, __Visitor)
            }
        }
    }
}

/// How a member of this type and format is written and read when serde's own impls
/// of its type do not fit the protocol.
pub(crate) enum Adapter {
    /// Floats: `NaN` and the infinities are strings.
    Float,
    /// Timestamps in a declared format (the `Format` variant).
    Timestamp(syn::Ident),
}

impl Adapter {
    pub(crate) fn of(ty: &syn::Type, timestamp: Option<&str>) -> Option<Self> {
        match timestamp {
            Some(format) => {
                let variant = match format {
                    "epoch-seconds" => "EpochSeconds",
                    "http-date" => "HttpDate",
                    // attr.rs admits only the three TIMESTAMP_FORMATS.
                    _ => "DateTime",
                };
                Some(Adapter::Timestamp(format_ident!("{variant}")))
            }
            None if ty::mentions_float(ty) => Some(Adapter::Float),
            None => None,
        }
    }

    /// A `Serialize` value that writes the member `value` (a reference) in its format.
    pub(crate) fn write(&self, value: TokenStream) -> TokenStream {
        match self {
            Adapter::Float => quote!(&::awsjson::__private::json_struct::WriteFloat(#value)),
            Adapter::Timestamp(format) => quote! {
                &::awsjson::__private::json_struct::WriteTimestamp(
                    #value,
                    ::awsjson::__private::timestamp::Format::#format,
                )
            },
        }
    }

    /// A `json_struct::Seed` that reads the member in its format.
    pub(crate) fn read(&self) -> TokenStream {
        match self {
            Adapter::Float => quote!(::awsjson::__private::json_struct::read_float()),
            Adapter::Timestamp(format) => quote! {
                ::awsjson::__private::json_struct::read_timestamp(
                    ::awsjson::__private::timestamp::Format::#format,
                )
            },
        }
    }
}
