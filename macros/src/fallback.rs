//! What to emit beside compile errors: the user's item without our inert attributes,
//! and the whole surface a clean expansion would give it (`send`, the error enum,
//! `pages`, the serde and shape impls) with bodies that never run, so that the rest of
//! the user's crate type-checks and the only errors are the macro's own.

use proc_macro2::TokenStream;
use quote::{ToTokens, format_ident, quote};

use crate::attr::OperationArgs;

/// The item alone, without our inert attributes.
pub(crate) fn item(input: &TokenStream) -> TokenStream {
    match syn::parse2::<syn::DeriveInput>(input.clone()) {
        Ok(mut item) => {
            strip(&mut item);
            item.into_token_stream()
        }
        Err(_) => input.clone(),
    }
}

/// The fallback of `#[aws_json_operation]`; `args` as far as they could be read.
pub(crate) fn operation(input: &TokenStream, args: Option<&OperationArgs>) -> TokenStream {
    let Ok(mut item) = syn::parse2::<syn::DeriveInput>(input.clone()) else {
        return input.clone();
    };
    strip(&mut item);
    let mut out = item.to_token_stream();
    if has_surface(&item) {
        out.extend(operation_surface(&item, args));
    }
    out
}

/// The fallback of `#[aws_json_shape]`.
pub(crate) fn shape(input: &TokenStream) -> TokenStream {
    let Ok(mut item) = syn::parse2::<syn::DeriveInput>(input.clone()) else {
        return input.clone();
    };
    strip(&mut item);
    let surface = has_surface(&item).then(|| shape_surface(&mut item));
    let mut out = item.to_token_stream();
    out.extend(surface);
    out
}

/// A generic item or a Rust `union` is itself the reported mistake: impls for it
/// would only add errors about their own generics.
fn has_surface(item: &syn::DeriveInput) -> bool {
    item.generics.params.is_empty() && !matches!(item.data, syn::Data::Union(_))
}

fn serde_stubs(ident: &syn::Ident) -> TokenStream {
    quote! {
        #[automatically_derived]
        impl ::awsjson::__private::serde::Serialize for #ident {
            fn serialize<__S: ::awsjson::__private::serde::Serializer>(
                &self,
                _: __S,
            ) -> ::core::result::Result<__S::Ok, __S::Error> {
                ::core::unreachable!()
            }
        }

        #[automatically_derived]
        impl<'de> ::awsjson::__private::serde::Deserialize<'de> for #ident {
            fn deserialize<__D: ::awsjson::__private::serde::Deserializer<'de>>(
                _: __D,
            ) -> ::core::result::Result<Self, __D::Error> {
                ::core::unreachable!()
            }
        }

        #[automatically_derived]
        impl ::awsjson::__private::json_struct::ErrorCorrection for #ident {
            fn error_correction() -> ::core::option::Option<Self> {
                ::core::unreachable!()
            }
        }
    }
}

fn operation_surface(item: &syn::DeriveInput, args: Option<&OperationArgs>) -> TokenStream {
    let ident = &item.ident;
    let vis = &item.vis;
    let error_ident = format_ident!("{}Error", ident);
    let output = match args.and_then(|a| a.output.as_ref()) {
        Some(ty) => quote!(#ty),
        None => quote!(()),
    };
    let errors: &[syn::Path] = args.map_or(&[], |a| &a.errors);
    let names: Vec<&syn::Ident> = errors
        .iter()
        .filter_map(|p| p.segments.last().map(|s| &s.ident))
        .collect();
    let serde = serde_stubs(ident);
    let paginate = args
        .and_then(|a| a.paginate.as_ref())
        .map(|p| paginate_surface(ident, vis, &output, p));
    quote! {
        #serde

        #[automatically_derived]
        impl ::awsjson::__private::Operation for #ident {
            type Output = #output;
            type Error = #error_ident;
            const TARGET: &'static str = "";
            const SERVICE: &'static ::awsjson::ServiceMeta = &::awsjson::ServiceMeta::__new(
                "",
                ::awsjson::JsonVersion::V1_0,
                "",
                "",
                "",
                "",
                &[],
                ::core::option::Option::None,
            );
            const IDEMPOTENCY_TOKEN: ::core::option::Option<&'static str> =
                ::core::option::Option::None;
            fn idempotency_token_missing(&self) -> bool {
                ::core::unreachable!()
            }
        }

        #[automatically_derived]
        impl #ident {
            #[allow(missing_docs)]
            pub fn send<'__a>(
                &'__a self,
                _client: &'__a ::awsjson::Client,
            ) -> impl ::core::future::Future<
                Output = ::core::result::Result<#output, ::awsjson::Error<#error_ident>>,
            > + ::core::marker::Send + '__a {
                async move { ::core::unreachable!() }
            }
        }

        #[allow(dead_code, missing_docs)]
        #[non_exhaustive]
        #vis enum #error_ident {
            #(#names(#errors),)*
            Unmodeled(::awsjson::UnmodeledError),
        }

        #[automatically_derived]
        impl ::core::fmt::Debug for #error_ident {
            fn fmt(&self, _: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                ::core::unreachable!()
            }
        }

        #[automatically_derived]
        impl ::core::fmt::Display for #error_ident {
            fn fmt(&self, _: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                ::core::unreachable!()
            }
        }

        #[automatically_derived]
        impl ::std::error::Error for #error_ident {}

        #[automatically_derived]
        impl ::awsjson::__private::OperationError for #error_ident {
            fn modeled(
                _: &str,
                _: &[u8],
            ) -> ::core::option::Option<
                ::core::result::Result<Self, ::awsjson::__private::serde_json::Error>,
            > {
                ::core::unreachable!()
            }

            fn unmodeled(_: ::awsjson::UnmodeledError) -> Self {
                ::core::unreachable!()
            }
        }

        #paginate
    }
}

fn paginate_surface(
    ident: &syn::Ident,
    vis: &syn::Visibility,
    output: &TokenStream,
    args: &crate::attr::PaginateArgs,
) -> TokenStream {
    let mut out = quote! {
        #[automatically_derived]
        impl ::awsjson::Paginate for #ident {
            fn advance(&mut self, _: &mut #output) -> ::awsjson::Advance {
                ::core::unreachable!()
            }
        }

        #[automatically_derived]
        impl #ident {
            #[allow(missing_docs)]
            #vis fn pages(self, _client: &::awsjson::Client) -> ::awsjson::Pages<Self> {
                ::core::unreachable!()
            }
        }
    };
    if args.page_size.is_some() {
        out.extend(quote! {
            #[automatically_derived]
            impl ::awsjson::PageSize for #ident {
                fn set_page_size(&mut self, _: i32) {
                    ::core::unreachable!()
                }
            }
        });
    }
    if let Some((_, item_ty)) = &args.items {
        out.extend(quote! {
            #[automatically_derived]
            impl ::awsjson::PaginateItems for #ident {
                type Item = #item_ty;
                fn take_items(_: &mut #output) -> ::std::vec::Vec<#item_ty> {
                    ::core::unreachable!()
                }
            }

            #[automatically_derived]
            impl #ident {
                #[allow(missing_docs)]
                #vis fn items(self, _client: &::awsjson::Client) -> ::awsjson::Items<Self> {
                    ::core::unreachable!()
                }
            }
        });
    }
    out
}

/// The impls of a shape; for an enum also the `Unknown` variant the expansion adds
/// (unless the user wrote one, which is then among the reported mistakes).
fn shape_surface(item: &mut syn::DeriveInput) -> TokenStream {
    let ident = item.ident.clone();
    let serde = serde_stubs(&ident);
    let syn::Data::Enum(data) = &mut item.data else {
        return quote! {
            #serde

            #[automatically_derived]
            impl ::awsjson::__private::OutputShape for #ident {
                fn decode(
                    _: &[u8],
                ) -> ::core::result::Result<Self, ::awsjson::__private::serde_json::Error> {
                    ::core::unreachable!()
                }
            }
        };
    };
    let is_union = data
        .variants
        .iter()
        .any(|v| !matches!(v.fields, syn::Fields::Unit));
    let is_int = !is_union && data.variants.iter().any(|v| v.discriminant.is_some());
    // Discriminants would be rustc's own error about values the macro rejected.
    for variant in &mut data.variants {
        variant.discriminant = None;
    }
    if !data.variants.iter().any(|v| v.ident == "Unknown") {
        let value = if is_int {
            quote!(::core::primitive::i32)
        } else {
            quote!(::awsjson::UnknownValue)
        };
        data.variants.push(syn::parse_quote!(Unknown(#value)));
    }
    let methods = if is_union {
        TokenStream::new()
    } else if is_int {
        quote! {
            #[automatically_derived]
            #[allow(missing_docs)]
            impl #ident {
                pub fn as_i32(&self) -> ::core::primitive::i32 {
                    ::core::unreachable!()
                }
                pub const fn values() -> &'static [::core::primitive::i32] {
                    &[]
                }
            }

            #[automatically_derived]
            impl ::core::convert::From<::core::primitive::i32> for #ident {
                fn from(_: ::core::primitive::i32) -> Self {
                    ::core::unreachable!()
                }
            }

            #[automatically_derived]
            impl ::awsjson::__private::DefaultFrom<::core::primitive::i64> for #ident {
                fn default_from(_: ::core::primitive::i64) -> Self {
                    ::core::unreachable!()
                }
            }
        }
    } else {
        quote! {
            #[automatically_derived]
            #[allow(missing_docs)]
            impl #ident {
                pub fn as_str(&self) -> &str {
                    ::core::unreachable!()
                }
                pub const fn values() -> &'static [&'static str] {
                    &[]
                }
            }

            #[automatically_derived]
            impl ::core::convert::From<&str> for #ident {
                fn from(_: &str) -> Self {
                    ::core::unreachable!()
                }
            }

            #[automatically_derived]
            impl ::core::str::FromStr for #ident {
                type Err = ::core::convert::Infallible;
                fn from_str(_: &str) -> ::core::result::Result<Self, Self::Err> {
                    ::core::unreachable!()
                }
            }

            #[automatically_derived]
            impl ::core::fmt::Display for #ident {
                fn fmt(&self, _: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                    ::core::unreachable!()
                }
            }

            #[automatically_derived]
            impl ::awsjson::__private::DefaultFrom<&'static str> for #ident {
                fn default_from(_: &'static str) -> Self {
                    ::core::unreachable!()
                }
            }
        }
    };
    quote! {
        #serde
        #methods
    }
}

fn strip(item: &mut syn::DeriveInput) {
    let ours =
        |attr: &syn::Attribute| attr.path().is_ident("aws") || attr.path().is_ident("idempotency");
    match &mut item.data {
        syn::Data::Struct(data) => data
            .fields
            .iter_mut()
            .for_each(|f| f.attrs.retain(|a| !ours(a))),
        syn::Data::Enum(data) => {
            // An int enum's `= N` beside data variants is a second, rustc error
            // about the same mistake.
            let has_data = data
                .variants
                .iter()
                .any(|v| !matches!(v.fields, syn::Fields::Unit));
            for variant in &mut data.variants {
                if has_data {
                    variant.discriminant = None;
                }
                variant.attrs.retain(|a| !ours(a));
                variant
                    .fields
                    .iter_mut()
                    .for_each(|f| f.attrs.retain(|a| !ours(a)));
            }
        }
        syn::Data::Union(data) => data
            .fields
            .named
            .iter_mut()
            .for_each(|f| f.attrs.retain(|a| !ours(a))),
    }
}
