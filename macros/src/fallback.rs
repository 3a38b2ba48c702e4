//! What to emit beside compile errors: the user's item without our inert attributes,
//! so that the rest of their crate still resolves its names.

use proc_macro2::TokenStream;
use quote::ToTokens;

pub(crate) fn item(input: &TokenStream) -> TokenStream {
    match syn::parse2::<syn::DeriveInput>(input.clone()) {
        Ok(mut item) => {
            strip(&mut item);
            item.into_token_stream()
        }
        Err(_) => input.clone(),
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
