//! Structures: serde with wire names, `None` members left out, formats per member.

use proc_macro2::TokenStream;
use quote::quote;

use crate::ast::{Field, Struct};

/// The shape struct with `Serialize` + `Deserialize` and its `OutputShape` impl.
///
/// `model` is the catalog shape it mirrors (`shape = ...`); with the wire names it lets
/// an operation check at compile time that its `output` and errors fit the model.
pub(crate) fn expand(mut shape: Struct, model: Option<&str>) -> TokenStream {
    annotate(&mut shape.item, &shape.fields, true);
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

/// Adds the serde derive(s) and per-field serde attributes to the item.
pub(crate) fn annotate(item: &mut syn::DeriveInput, fields: &[Field], deserialize: bool) {
    let derive = if deserialize {
        quote!(#[derive(::awsjson::__private::serde::Serialize, ::awsjson::__private::serde::Deserialize)])
    } else {
        quote!(#[derive(::awsjson::__private::serde::Serialize)])
    };
    item.attrs.push(syn::parse_quote!(#derive));
    item.attrs
        .push(syn::parse_quote!(#[serde(crate = "::awsjson::__private::serde")]));
    let syn::Data::Struct(data) = &mut item.data else {
        return;
    };
    for (field, model) in data.fields.iter_mut().zip(fields) {
        field.attrs.extend(serde_attrs(model));
    }
}

fn serde_attrs(field: &Field) -> Vec<syn::Attribute> {
    let wire = &field.wire_name;
    let mut attrs: Vec<syn::Attribute> = vec![syn::parse_quote!(#[serde(rename = #wire)])];
    if field.optional {
        attrs.push(syn::parse_quote!(#[serde(default, skip_serializing_if = "::core::option::Option::is_none")]));
    }
    if let Some(format) = field.attrs.timestamp {
        let module = format!(
            "::awsjson::__private::timestamp::{}",
            format.replace('-', "_")
        );
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
