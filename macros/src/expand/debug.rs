//! `Debug` for a struct with sensitive members: the user's `#[derive(Debug)]` is taken
//! over by an impl that prints those members as the official SDKs do, redacted.

use proc_macro2::TokenStream;
use quote::quote;
use syn::ext::IdentExt as _;
use syn::punctuated::Punctuated;

use crate::ast::Field;

/// What a sensitive member prints in place of its value (the official SDKs' text).
const REDACTED: &str = "*** Sensitive Data Redacted ***";

/// When a field is sensitive and `item` derives `Debug`: removes `Debug` from its
/// derives and returns the redacting impl. Otherwise leaves `item` as it is.
pub(crate) fn redacting(item: &mut syn::DeriveInput, fields: &[Field]) -> Option<TokenStream> {
    if !fields.iter().any(|f| f.attrs.sensitive.is_some()) || !strip_derived_debug(item) {
        return None;
    }
    let ident = &item.ident;
    let name = ident.to_string();
    let entries = fields.iter().map(|f| {
        let member = &f.ident;
        let label = member.unraw().to_string();
        if f.attrs.sensitive.is_some() {
            quote!(::core::fmt::DebugStruct::field(&mut __s, #label, &#REDACTED);)
        } else {
            quote!(::core::fmt::DebugStruct::field(&mut __s, #label, &self.#member);)
        }
    });
    Some(quote! {
        #[automatically_derived]
        impl ::core::fmt::Debug for #ident {
            fn fmt(&self, __f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                let mut __s = ::core::fmt::Formatter::debug_struct(__f, #name);
                #(#entries)*
                ::core::fmt::DebugStruct::finish(&mut __s)
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
