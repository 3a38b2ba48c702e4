//! Structures: serde with wire names, `None` members left out, formats per member.

use proc_macro2::TokenStream;
use quote::{format_ident, quote};

use crate::ast::{Field, Struct};
use crate::attr::DefaultValue;
use crate::ty;

/// The shape struct with `Serialize` + `Deserialize` and its `OutputShape` impl.
///
/// `model` is the catalog shape it mirrors (`shape = ...`); with the wire names it lets
/// an operation check at compile time that its `output` and errors fit the model.
pub(crate) fn expand(mut shape: Struct, model: Option<&str>) -> TokenStream {
    let defaults = annotate(&mut shape.item, &shape.fields, true);
    let ident = &shape.item.ident;
    let item = &shape.item;
    let model = model.unwrap_or_default();
    let wires = shape.fields.iter().map(|f| &f.wire_name);
    let messages = shape.fields.iter().map(|f| {
        format!(
            "field `{}` of `{ident}` (wire name `{}`) is not a member of the model shape the operation names",
            f.ident, f.wire_name
        )
    });
    quote! {
        #item

        #defaults

        #[automatically_derived]
        impl ::awsjson::__private::OutputShape for #ident {
            const MODEL_SHAPE: &'static str = #model;
            const MEMBERS: &'static [(&'static str, &'static str)] = &[#((#wires, #messages)),*];

            fn decode(
                body: &[u8],
            ) -> ::core::result::Result<Self, ::awsjson::__private::serde_json::Error> {
                ::awsjson::__private::decode_struct(body)
            }
        }
    }
}

/// Adds the serde derive(s) and per-field serde attributes to the item; returns the
/// functions that give members their declared defaults.
pub(crate) fn annotate(
    item: &mut syn::DeriveInput,
    fields: &[Field],
    deserialize: bool,
) -> TokenStream {
    let derive = if deserialize {
        quote!(#[derive(::awsjson::__private::serde::Serialize, ::awsjson::__private::serde::Deserialize)])
    } else {
        quote!(#[derive(::awsjson::__private::serde::Serialize)])
    };
    item.attrs.push(syn::parse_quote!(#derive));
    item.attrs
        .push(syn::parse_quote!(#[serde(crate = "::awsjson::__private::serde")]));
    let ident = item.ident.clone();
    let syn::Data::Struct(data) = &mut item.data else {
        return TokenStream::new();
    };
    let mut default_fns = Vec::new();
    for (field, model) in data.fields.iter_mut().zip(fields) {
        field.attrs.extend(serde_attrs(&ident, model));
        if let Some(default) = &model.attrs.default {
            let name = default_fn(model);
            let ty = &model.ty;
            let value = default_literal(&default.value);
            default_fns.push(quote! {
                #[doc(hidden)]
                fn #name() -> #ty {
                    ::awsjson::__private::default_value::<#ty, _>(#value)
                }
            });
        }
    }
    if default_fns.is_empty() {
        return TokenStream::new();
    }
    quote! {
        #[automatically_derived]
        #[allow(clippy::all, non_snake_case)]
        impl #ident {
            #(#default_fns)*
        }
    }
}

fn default_fn(field: &Field) -> syn::Ident {
    format_ident!("__awsjson_default_{}", field.ident)
}

/// The literal of `#[aws(default = ...)]` as a typed expression for `DefaultFrom`.
pub(crate) fn default_literal(value: &DefaultValue) -> TokenStream {
    match value {
        DefaultValue::EmptyList => quote!(::awsjson::__private::EmptyList),
        DefaultValue::EmptyMap => quote!(::awsjson::__private::EmptyMap),
        DefaultValue::Lit { negative, lit } => {
            let sign = negative.then(|| quote!(-));
            match lit {
                syn::Lit::Int(i) => {
                    let v = syn::LitInt::new(&format!("{}i64", i.base10_digits()), i.span());
                    quote!(#sign #v)
                }
                syn::Lit::Float(f) => {
                    let v = syn::LitFloat::new(&format!("{}f64", f.base10_digits()), f.span());
                    quote!(#sign #v)
                }
                syn::Lit::ByteStr(b) => quote!({
                    let __bytes: &'static [u8] = #b;
                    __bytes
                }),
                other => quote!(#other),
            }
        }
    }
}

/// The `#[serde(with = ...)]` module a member of this type and format needs, if any.
pub(crate) fn adapter(ty: &syn::Type, timestamp: Option<&str>) -> Option<String> {
    match timestamp {
        Some(format) => Some(format!(
            "::awsjson::__private::timestamp::{}",
            format.replace('-', "_")
        )),
        None if ty::mentions_float(ty) => Some("::awsjson::__private::float".to_owned()),
        None => None,
    }
}

fn serde_attrs(ident: &syn::Ident, field: &Field) -> Vec<syn::Attribute> {
    let wire = &field.wire_name;
    let mut attrs: Vec<syn::Attribute> = vec![syn::parse_quote!(#[serde(rename = #wire)])];
    if field.optional {
        attrs.push(syn::parse_quote!(#[serde(default, skip_serializing_if = "::core::option::Option::is_none")]));
    } else if field.attrs.default.is_some() {
        let path = format!("{ident}::{}", default_fn(field));
        attrs.push(syn::parse_quote!(#[serde(default = #path)]));
    } else if ty::has_zero_value(&field.ty) {
        // Smithy's error correction: a required member the service left out reads as
        // its zero value instead of failing the whole response.
        attrs.push(syn::parse_quote!(#[serde(default)]));
    }
    if let Some(module) = adapter(&field.ty, field.attrs.timestamp) {
        attrs.push(syn::parse_quote!(#[serde(with = #module)]));
    }
    // Services spell the message member three ways; accept each wherever one is declared.
    if field.ident == "message" {
        for alias in ["message", "Message", "errorMessage"] {
            if alias != wire {
                attrs.push(syn::parse_quote!(#[serde(alias = #alias)]));
            }
        }
    }
    attrs
}
