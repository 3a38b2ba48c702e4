//! String and int enums: known variants, an `Unknown` variant that keeps any other value.

use proc_macro2::TokenStream;
use quote::quote;
use syn::punctuated::Punctuated;

use crate::checked::Enum;

pub(crate) fn expand(shape: &Enum) -> TokenStream {
    let mut item = shape.item.clone();
    let syn::Data::Enum(data) = &mut item.data else {
        unreachable!("a string enum is an enum")
    };
    data.variants.push(syn::parse_quote! {
        /// A value this declaration does not list (the service may add values at any time).
        Unknown(::awsjson::UnknownValue)
    });
    let ident = &item.ident;
    let item = &item;
    let idents: Vec<_> = shape.variants.iter().map(|v| &v.decl.ident).collect();
    let wires: Vec<_> = shape.variants.iter().map(|v| &v.wire_name).collect();
    let indices = (0..wires.len()).map(proc_macro2::Literal::usize_unsuffixed);
    let default = default_impl(
        item,
        quote!(Self::Unknown(::awsjson::__private::unknown_value(""))),
    );
    quote! {
        #item

        #[automatically_derived]
        #[allow(clippy::all)]
        impl #ident {
            /// The value as sent on the wire.
            pub fn as_str(&self) -> &str {
                match self {
                    #(Self::#idents => #wires,)*
                    Self::Unknown(value) => value.as_str(),
                }
            }

            /// The wire values this declaration knows.
            pub const fn values() -> &'static [&'static str] {
                &[#(#wires),*]
            }
        }

        // The value's index in `values()` by one function of the runtime, then an
        // integer `match`: no string comparison per variant in each enum's code.
        #[automatically_derived]
        impl ::core::convert::From<&str> for #ident {
            fn from(value: &str) -> Self {
                match ::awsjson::__private::enumeration::variant_index(value, const { Self::values() }) {
                    #(::core::option::Option::Some(#indices) => Self::#idents,)*
                    _ => Self::Unknown(::awsjson::__private::unknown_value(value)),
                }
            }
        }

        #[automatically_derived]
        impl ::core::str::FromStr for #ident {
            type Err = ::core::convert::Infallible;
            fn from_str(value: &str) -> ::core::result::Result<Self, Self::Err> {
                ::core::result::Result::Ok(<Self as ::core::convert::From<&str>>::from(value))
            }
        }

        #[automatically_derived]
        impl ::core::fmt::Display for #ident {
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        // Smithy's client error correction for a required enum member left out: the
        // unknown variant.
        #[automatically_derived]
        impl ::awsjson::__private::json_struct::ErrorCorrection for #ident {
            fn error_correction() -> ::core::option::Option<Self> {
                ::core::option::Option::Some(Self::Unknown(::awsjson::__private::unknown_value("")))
            }
        }

        #default

        #[automatically_derived]
        impl ::awsjson::__private::DefaultFrom<&'static str> for #ident {
            fn default_from(value: &'static str) -> Self {
                <Self as ::core::convert::From<&str>>::from(value)
            }
        }

        #[automatically_derived]
        impl ::awsjson::__private::serde::Serialize for #ident {
            fn serialize<__S: ::awsjson::__private::serde::Serializer>(
                &self,
                serializer: __S,
            ) -> ::core::result::Result<__S::Ok, __S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }

        #[automatically_derived]
        impl<'de> ::awsjson::__private::serde::Deserialize<'de> for #ident {
            fn deserialize<__D: ::awsjson::__private::serde::Deserializer<'de>>(
                deserializer: __D,
            ) -> ::core::result::Result<Self, __D::Error> {
                let value = <::std::borrow::Cow<'de, str> as ::awsjson::__private::serde::Deserialize>::deserialize(deserializer)?;
                ::core::result::Result::Ok(<Self as ::core::convert::From<&str>>::from(&value))
            }
        }

        #[automatically_derived]
        impl ::awsjson::__private::json_read::FromJson for #ident {
            fn from_json(
                r: &mut ::awsjson::__private::json_read::Reader<'_>,
            ) -> ::core::result::Result<Self, ::awsjson::__private::json_read::Error> {
                let value = r.str("a string")?;
                ::core::result::Result::Ok(<Self as ::core::convert::From<&str>>::from(&value))
            }
        }

        #[automatically_derived]
        impl ::awsjson::__private::json_read::FromJsonKey for #ident {
            fn from_key(key: ::std::borrow::Cow<'_, str>) -> Self {
                <Self as ::core::convert::From<&str>>::from(&key)
            }
        }
    }
}

/// Int enums: `A = 1` variants, written and read as JSON integers.
pub(crate) fn expand_int(shape: &Enum) -> TokenStream {
    let mut item = shape.item.clone();
    let syn::Data::Enum(data) = &mut item.data else {
        unreachable!("an int enum is an enum")
    };
    data.variants.push(syn::parse_quote! {
        /// A value this declaration does not list (the service may add values at any time).
        Unknown(::core::primitive::i32)
    });
    let ident = &item.ident;
    let item = &item;
    let idents: Vec<_> = shape.variants.iter().map(|v| &v.decl.ident).collect();
    let values: Vec<i32> = shape.variants.iter().filter_map(|v| v.decl.value).collect();
    let default = default_impl(
        item,
        quote!(<Self as ::core::convert::From<::core::primitive::i32>>::from(0)),
    );
    quote! {
        #item

        #[automatically_derived]
        #[allow(clippy::all)]
        impl #ident {
            /// The value as sent on the wire.
            pub fn as_i32(&self) -> ::core::primitive::i32 {
                match self {
                    #(Self::#idents => #values,)*
                    Self::Unknown(value) => *value,
                }
            }

            /// The wire values this declaration knows.
            pub const fn values() -> &'static [::core::primitive::i32] {
                &[#(#values),*]
            }
        }

        #[automatically_derived]
        impl ::core::convert::From<::core::primitive::i32> for #ident {
            fn from(value: ::core::primitive::i32) -> Self {
                match value {
                    #(#values => Self::#idents,)*
                    other => Self::Unknown(other),
                }
            }
        }

        // Smithy's client error correction for a required int enum member left out: 0.
        #[automatically_derived]
        impl ::awsjson::__private::json_struct::ErrorCorrection for #ident {
            fn error_correction() -> ::core::option::Option<Self> {
                ::core::option::Option::Some(<Self as ::core::convert::From<::core::primitive::i32>>::from(0))
            }
        }

        #default

        #[automatically_derived]
        impl ::awsjson::__private::DefaultFrom<::core::primitive::i64> for #ident {
            fn default_from(value: ::core::primitive::i64) -> Self {
                match <::core::primitive::i32 as ::core::convert::TryFrom<::core::primitive::i64>>::try_from(value) {
                    ::core::result::Result::Ok(v) => <Self as ::core::convert::From<::core::primitive::i32>>::from(v),
                    ::core::result::Result::Err(_) => Self::Unknown(::core::primitive::i32::MAX),
                }
            }
        }

        #[automatically_derived]
        impl ::awsjson::__private::serde::Serialize for #ident {
            fn serialize<__S: ::awsjson::__private::serde::Serializer>(
                &self,
                serializer: __S,
            ) -> ::core::result::Result<__S::Ok, __S::Error> {
                serializer.serialize_i32(self.as_i32())
            }
        }

        #[automatically_derived]
        impl<'de> ::awsjson::__private::serde::Deserialize<'de> for #ident {
            fn deserialize<__D: ::awsjson::__private::serde::Deserializer<'de>>(
                deserializer: __D,
            ) -> ::core::result::Result<Self, __D::Error> {
                let value = <::core::primitive::i32 as ::awsjson::__private::serde::Deserialize>::deserialize(deserializer)?;
                ::core::result::Result::Ok(<Self as ::core::convert::From<::core::primitive::i32>>::from(value))
            }
        }

        #[automatically_derived]
        impl ::awsjson::__private::json_read::FromJson for #ident {
            fn from_json(
                r: &mut ::awsjson::__private::json_read::Reader<'_>,
            ) -> ::core::result::Result<Self, ::awsjson::__private::json_read::Error> {
                let value = r.integer::<::core::primitive::i32>("i32")?;
                ::core::result::Result::Ok(<Self as ::core::convert::From<::core::primitive::i32>>::from(value))
            }
        }
    }
}

/// `Default` for an enum or union, so that a declaration holding one as a required
/// member can derive `Default` and be written with `..Default::default()`: Smithy's
/// client error correction value (the unknown variant with an empty value; 0 for an
/// int enum), which says "not set" rather than picking a real value. Nothing when the
/// declaration derives its own `Default` (a `#[default]` variant).
pub(crate) fn default_impl(item: &syn::DeriveInput, value: TokenStream) -> TokenStream {
    let derives_default = item.attrs.iter().any(|attr| {
        attr.path().is_ident("derive")
            && attr
                .parse_args_with(Punctuated::<syn::Path, syn::Token![,]>::parse_terminated)
                .is_ok_and(|paths| {
                    paths
                        .iter()
                        .any(|p| p.segments.last().is_some_and(|s| s.ident == "Default"))
                })
    });
    if derives_default {
        return TokenStream::new();
    }
    let ident = &item.ident;
    quote! {
        #[automatically_derived]
        impl ::core::default::Default for #ident {
            fn default() -> Self {
                #value
            }
        }
    }
}
