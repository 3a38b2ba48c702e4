//! `Debug` of declared types: the user's `#[derive(Debug)]` is taken over by an impl
//! that prints sensitive members as the official SDKs do, redacted. A struct's impl is
//! one call of the runtime's `debug::debug_struct` with a table of its members, whether
//! or not it has sensitive ones (issue 20: less code than the derive's, and no
//! `<&T as Debug>::fmt` per struct).

use proc_macro2::TokenStream;
use quote::quote;
use syn::ext::IdentExt as _;
use syn::punctuated::Punctuated;

use crate::checked::{Field, Variant};

/// What a sensitive union member prints in place of its value (the official SDKs' text;
/// a struct's use the runtime's `debug::REDACTED`, the same text).
const REDACTED: &str = "*** Sensitive Data Redacted ***";

/// When `item` derives `Debug`: removes `Debug` from its derives and returns the impl
/// that replaces it. Otherwise leaves `item` as it is.
pub(crate) fn struct_debug(item: &mut syn::DeriveInput, fields: &[Field]) -> Option<TokenStream> {
    if !strip_derived_debug(item) {
        return None;
    }
    let ident = &item.ident;
    let name = ident.to_string();
    let entries = fields.iter().map(|f| {
        let member = &f.decl.ident;
        let label = member.unraw().to_string();
        if f.sensitive {
            quote!((#label, &::awsjson::__private::debug::REDACTED))
        } else {
            quote!((#label, &self.#member))
        }
    });
    Some(quote! {
        #[automatically_derived]
        impl ::core::fmt::Debug for #ident {
            fn fmt(&self, __f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                ::awsjson::__private::debug::debug_struct(__f, #name, &[#(#entries),*])
            }
        }
    })
}

/// As [`struct_debug`], for a union that has sensitive members: its sensitive members print redacted, and the added
/// `Unknown` variant (which holds only a member's name) as it is.
pub(crate) fn redacting_union(
    item: &mut syn::DeriveInput,
    variants: &[Variant],
) -> Option<TokenStream> {
    if !variants.iter().any(|v| v.sensitive) || !strip_derived_debug(item) {
        return None;
    }
    let ident = &item.ident;
    let arms = variants.iter().map(|v| {
        let variant = &v.decl.ident;
        let label = variant.unraw().to_string();
        if v.sensitive {
            quote!(Self::#variant(_) => tuple(__f, #label, &#REDACTED),)
        } else {
            quote!(Self::#variant(__v) => tuple(__f, #label, __v),)
        }
    });
    Some(quote! {
        #[automatically_derived]
        impl ::core::fmt::Debug for #ident {
            fn fmt(&self, __f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                fn tuple(
                    __f: &mut ::core::fmt::Formatter<'_>,
                    name: &str,
                    value: &dyn ::core::fmt::Debug,
                ) -> ::core::fmt::Result {
                    ::core::fmt::DebugTuple::finish(::core::fmt::DebugTuple::field(
                        &mut ::core::fmt::Formatter::debug_tuple(__f, name),
                        value,
                    ))
                }
                match self {
                    #(#arms)*
                    Self::Unknown(__v) => tuple(__f, "Unknown", __v),
                }
            }
        }
    })
}

/// Removes `Debug` (`Debug`, `std::fmt::Debug`, `core::fmt::Debug`) from every
/// `#[derive(...)]` of `item`; whether there was one.
fn strip_derived_debug(item: &mut syn::DeriveInput) -> bool {
    let mut found = false;
    item.attrs.retain_mut(|attr| {
        if !attr.path().is_ident("derive") {
            return true;
        }
        let Ok(paths) =
            attr.parse_args_with(Punctuated::<syn::Path, syn::Token![,]>::parse_terminated)
        else {
            // Not ours to judge: rustc reports a malformed derive.
            return true;
        };
        let (debug, rest): (Vec<syn::Path>, Vec<syn::Path>) = paths
            .into_iter()
            .partition(|p| p.segments.last().is_some_and(|s| s.ident == "Debug"));
        if debug.is_empty() {
            return true;
        }
        found = true;
        if rest.is_empty() {
            return false;
        }
        if let syn::Meta::List(list) = &mut attr.meta {
            list.tokens = quote!(#(#rest),*);
        }
        true
    });
    found
}
