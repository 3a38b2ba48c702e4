//! Structures: `Serialize` + `Deserialize` written out here (not serde derive) over the
//! runtime's `__private::json_struct` helpers: wire names, `None` members left out, formats
//! per member, declared and zero-value defaults.

use proc_macro2::{Literal, TokenStream};
use quote::{format_ident, quote, quote_spanned};

use super::de::{Adapter, deserialize_impl};
use crate::attr::DefaultValue;
use crate::checked::{Binding, Field, Struct};
use crate::ty;

/// The shape struct with `Serialize` + `Deserialize` and its `OutputShape` impl.
///
/// `model` is the catalog shape it mirrors (`shape = ...`); with the wire names it lets
/// an operation check at compile time that its `output` and errors fit the model.
pub(crate) fn expand(shape: &Struct) -> TokenStream {
    let mut item = shape.item.clone();
    let debug = super::debug::struct_debug(&mut item, &shape.fields);
    let impls = serde_impls(&item, &shape.fields, Read::Always);
    let ident = &item.ident;
    let item = &item;
    let model = shape.model.as_deref().unwrap_or_default();
    // A type that names its model shape is checked by that name alone (`mirror.rs`
    // reads `MEMBERS` and `REDACTED` only when `MODEL_SHAPE` is empty): its member
    // table and one message per field would be read by nothing (issue 20: about a
    // tenth of the expansion of a scaffolded crate).
    let members = shape.model.is_none().then(|| members(ident, &shape.fields));
    let redacted = shape
        .model
        .is_none()
        .then(|| redacted_members(&shape.fields))
        .flatten();
    let decode_http = super::http::decode(&shape.fields);
    let event_shape = super::event_stream::event_shape(ident, &shape.fields);
    let event_stream = event_stream_member(&shape.fields);
    let streaming = shape.fields.iter().any(|f| f.streaming).then(|| {
        quote!(
            const STREAMING: bool = true;
        )
    });
    quote! {
        #item

        #debug

        #impls

        #event_shape

        #[automatically_derived]
        impl ::awsjson::__private::OutputShape for #ident {
            const MODEL_SHAPE: &'static str = #model;
            #members
            #redacted
            #streaming

            fn decode(
                body: &[u8],
            ) -> ::core::result::Result<Self, ::awsjson::__private::serde_json::Error> {
                ::awsjson::__private::decode_struct(body)
            }

            #decode_http

            #event_stream
        }
    }
}

/// `OutputShape::event_stream_member`: the typed path by which a call that streams
/// hands its stream to the struct's `EventStream` member, if it has one.
fn event_stream_member(fields: &[Field]) -> Option<TokenStream> {
    let access = fields.iter().find_map(|f| {
        let member = &f.decl.ident;
        if ty::is_event_stream(&f.decl.ty) {
            Some(quote!(&mut self.#member))
        } else if ty::option_inner(&f.decl.ty).is_some_and(ty::is_event_stream) {
            Some(quote!(self.#member.get_or_insert_with(::core::default::Default::default)))
        } else {
            None
        }
    })?;
    Some(quote! {
        fn event_stream_member(
            &mut self,
        ) -> ::core::option::Option<&mut dyn ::awsjson::__private::EventStreamMember> {
            let member: &mut dyn ::awsjson::__private::EventStreamMember = #access;
            ::core::option::Option::Some(member)
        }
    })
}

/// `OutputShape::MEMBERS`: members by place (wire name, and binding outside the body,
/// so that an output or error mirrors the model's bindings too), each with its misfit
/// message.
fn members(ident: &syn::Ident, fields: &[Field]) -> TokenStream {
    let wires = fields.iter().map(|f| f.binding.place(&f.wire_name));
    let messages = fields.iter().map(|f| {
        format!(
            "field `{}` of `{ident}` ({}) is not a member of the model shape the operation names",
            f.decl.ident,
            f.binding.describe(&f.wire_name)
        )
    });
    quote!(const MEMBERS: &'static [(&'static str, &'static str)] = &[#((#wires, #messages)),*];)
}

/// `OutputShape::REDACTED`: the wire names of the sensitive fields, for the check of an
/// operation whose output or error this is.
fn redacted_members(fields: &[Field]) -> Option<TokenStream> {
    let wires: Vec<String> = fields
        .iter()
        .filter(|f| f.sensitive)
        .map(|f| f.binding.place(&f.wire_name))
        .collect();
    (!wires.is_empty()).then(|| quote!(const REDACTED: &'static [&'static str] = &[#(#wires),*];))
}

/// Whether a struct's read side is generated: its `Deserialize` and `ErrorCorrection`
/// impls and the functions that give members their declared defaults.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Read {
    /// A shape, or an operation declared with `deserialize`.
    Always,
    /// An operation input: only for the typed mock (awsjson's `test-util`), which reads
    /// requests back into their input type.
    ForMock,
}

/// Whether an operation input keeps its read side for the typed mock: with awsjson's
/// `test-util` feature, which turns on this crate's. Decided here, not by a macro of
/// the runtime's the expansion would call: such a call's path is one more path through
/// `crate = "..."`, one more error when that path does not resolve. The snapshots
/// (`tests.rs`) are those of a build without it, whatever the workspace turned on.
const KEPT_FOR_MOCK: bool = cfg!(all(feature = "test-util", not(test)));

/// The struct's `Serialize` impl and its read side (see [`Read`]).
pub(crate) fn serde_impls(item: &syn::DeriveInput, fields: &[Field], read: Read) -> TokenStream {
    let ident = &item.ident;
    let name = ident.to_string();
    let expecting = format!("struct {name}");
    let slots: Vec<syn::Ident> = (fields.iter().enumerate())
        .map(|(i, f)| format_ident!("__f{i}", span = f.decl.ident.span()))
        .collect();
    let indices: Vec<Literal> = (0..fields.len()).map(Literal::usize_suffixed).collect();
    let count = Literal::usize_suffixed(fields.len());
    let wires: Vec<&String> = fields.iter().map(|f| &f.wire_name).collect();

    let mut default_fns = Vec::new();
    let mut writes = Vec::new();
    let mut reads = Vec::new();
    let mut finishes = Vec::new();
    let mut slot_types: Vec<&syn::Type> = Vec::new();
    let mut corrections = Vec::new();
    let mut keys = Vec::new();
    let mut optional = Vec::new();
    let mut member_checks = Vec::new();
    let mut read_indices = Vec::new();
    let mut unbound = 0_usize;
    for ((field, slot), index) in fields.iter().zip(&slots).zip(&indices) {
        let decl = field.decl;
        let member = &decl.ident;
        let wire = &field.wire_name;
        let ty = &decl.ty;
        // A member whose type cannot be read or written is reported at its name.
        let span = member.span();
        if field.binding != Binding::Body {
            // restJson1: bound to the URI, a header, the status or the payload, never in
            // the JSON body; the response's `decode_http` fills it.
            unbound += 1;
            slot_types.push(ty);
            let probe = quote_spanned! {span=>
                {
                    #[allow(unused_imports)]
                    use ::awsjson::__private::json_struct::{Corrected as _, NotCorrected as _};
                    (&::awsjson::__private::json_struct::Fill::<#ty>::NEW).corrected()
                }
            };
            if decl.optional
                || ty::has_zero_value(ty)
                || ty::base_name(ty).as_deref() == Some("ByteStream")
            {
                finishes
                    .push(quote_spanned!(span=> ::core::option::Option::unwrap_or_default(#slot)));
                corrections.push(quote_spanned!(span=> ::core::default::Default::default()));
            } else {
                finishes.push(quote_spanned! {span=>
                    ::awsjson::__private::rest_json::unbound(
                        ::core::option::Option::or_else(#slot, || #probe),
                        #wire,
                    )?
                });
                corrections.push(quote!(#probe?));
            }
            continue;
        }
        read_indices.push(index);
        let adapter = Adapter::of(ty, field.timestamp);
        // An `Option<T>` member without adapter or default is written and read as its
        // `T`: `null` and absence are the slot's `None` already, and a second `Option`
        // layer is serde's option visitor instantiated once more per member type
        // (issue 20).
        let inner = ty::option_inner(ty)
            .filter(|_| adapter.is_none() && decl.attrs.default.is_none() && decl.optional);
        slot_types.push(inner.unwrap_or(ty));
        let read_ty = inner.unwrap_or(ty);
        // Through `Member`, asked for once here, so that a type that is no shape gets
        // one error with the advice that fits.
        let reader =
            quote_spanned!(span=> (&::awsjson::__private::member::Probe::<#read_ty>::NEW).reader());
        if adapter.is_none() {
            member_checks
                .push(quote_spanned!(span=> ::awsjson::__private::member::member::<#ty>();));
        }

        let value = match &adapter {
            Some(adapter) => adapter.write(quote_spanned!(span=> &self.#member)),
            None => {
                quote_spanned!(span=> &(&::awsjson::__private::member::Probe::<#ty>::NEW).writer(&self.#member))
            }
        };
        writes.push(if let Some(inner) = inner {
            optional.push(member);
            quote_spanned! {span=>
                if let ::core::option::Option::Some(__value) = &self.#member {
                    ::awsjson::__private::serde::ser::SerializeStruct::serialize_field(
                        &mut __state,
                        #wire,
                        &(&::awsjson::__private::member::Probe::<#inner>::NEW).writer(__value),
                    )?;
                } else {
                    ::awsjson::__private::serde::ser::SerializeStruct::skip_field(&mut __state, #wire)?;
                }
            }
        } else if decl.optional {
            optional.push(member);
            quote_spanned! {span=>
                ::awsjson::__private::json_struct::optional(&mut __state, #wire, &self.#member, #value)?;
            }
        } else {
            quote_spanned! {span=>
                ::awsjson::__private::serde::ser::SerializeStruct::serialize_field(&mut __state, #wire, #value)?;
            }
        });

        reads.push(match &adapter {
            Some(adapter) => {
                let seed = adapter.read();
                quote_spanned! {span=>
                    ::awsjson::__private::json_struct::next_seed(&mut __map, &mut #slot, #seed, #wire)?
                }
            }
            None => quote_spanned! {span=>
                ::awsjson::__private::json_struct::next_seed(&mut __map, &mut #slot, #reader, #wire)?
            },
        });

        // Smithy's client error correction: a required member the service left out (or
        // sent as `null`) reads as its zero value instead of failing the whole response;
        // a structure, enum or union member as its type's `ErrorCorrection` value, when
        // it has one.
        let probe = quote_spanned! {span=>
            {
                // Only one of the two is used, whichever method lookup picks.
                #[allow(unused_imports)]
                use ::awsjson::__private::json_struct::{Corrected as _, NotCorrected as _};
                (&::awsjson::__private::json_struct::Fill::<#ty>::NEW).corrected()
            }
        };
        if let Some(default) = &decl.attrs.default {
            let default_fn = format_ident!("__awsjson_default_{}", member);
            let value = default_literal(&default.value);
            default_fns.push(quote! {
                #[doc(hidden)]
                fn #default_fn() -> #ty {
                    ::awsjson::__private::default_value::<#ty, _>(#value)
                }
            });
            finishes
                .push(quote!(::core::option::Option::unwrap_or_else(#slot, #ident::#default_fn)));
            corrections.push(quote!(#ident::#default_fn()));
        } else if inner.is_some() {
            finishes.push(quote!(#slot));
            corrections.push(quote_spanned!(span=> ::core::default::Default::default()));
        } else if decl.optional || ty::has_zero_value(ty) {
            finishes.push(quote_spanned!(span=> ::core::option::Option::unwrap_or_default(#slot)));
            corrections.push(quote_spanned!(span=> ::core::default::Default::default()));
        } else if adapter.is_some() {
            finishes.push(quote!(::awsjson::__private::json_struct::present(#slot, #wire)?));
            corrections.push(quote!(#probe?));
        } else {
            finishes.push(quote_spanned! {span=>
                ::awsjson::__private::json_struct::required_or_seed(#slot, #wire, || #probe, #reader)?
            });
            corrections.push(quote!(#probe?));
        }

        keys.push(quote!((#wire, #index)));
        // Services spell the message member three ways; accept each wherever one is declared.
        if decl.ident == "message" {
            for alias in ["message", "Message", "errorMessage"] {
                if alias != wire {
                    keys.push(quote!((#alias, #index)));
                }
            }
        }
    }
    let members: Vec<_> = fields.iter().map(|f| &f.decl.ident).collect();
    let required = Literal::usize_suffixed(fields.len() - optional.len() - unbound);
    let defaults = (!default_fns.is_empty()).then(|| {
        quote! {
            #[automatically_derived]
            #[allow(clippy::all, non_snake_case)]
            impl #ident {
                #(#default_fns)*
            }
        }
    });
    let map = format_ident!("__map");
    let deserialize_impl = deserialize_impl(
        ident,
        &expecting,
        &map,
        quote! {
            const __KEYS: ::awsjson::__private::json_struct::Key =
                ::awsjson::__private::json_struct::Key(&[#(#keys),*], #count);
            #(
                let mut #slots: ::core::option::Option<#slot_types> =
                    ::core::option::Option::None;
            )*
            while let ::core::option::Option::Some(__key) =
                ::awsjson::__private::serde::de::MapAccess::next_key_seed(&mut __map, __KEYS)?
            {
                match __key {
                    #(#read_indices => #reads,)*
                    _ => ::awsjson::__private::json_struct::skip(&mut __map)?,
                }
            }
            ::core::result::Result::Ok(#ident {
                #(#members: #finishes,)*
            })
        },
        // `deserialize_struct`, though `deserialize_map` would spare each type its
        // `visit_seq`: serde_json places the error for an array one column earlier there.
        quote! {
            ::awsjson::__private::serde::Deserializer::deserialize_struct(
                __deserializer,
                #name,
                &[#(#wires),*],
                __Visitor,
            )
        },
    );
    let mut read_side = quote! {
        #defaults

        #deserialize_impl

        #[automatically_derived]
        impl ::awsjson::__private::json_struct::ErrorCorrection for #ident {
            fn error_correction() -> ::core::option::Option<Self> {
                ::core::option::Option::Some(#ident {
                    #(#members: #corrections,)*
                })
            }
        }
    };
    if read == Read::ForMock && !KEPT_FOR_MOCK {
        read_side = TokenStream::new();
    }
    quote! {
        #[doc(hidden)]
        #[allow(unused_qualifications, clippy::all, clippy::pedantic)]
        const _: () = {
            // Only one of each pair is used, whichever method lookup picks.
            #[allow(unused_imports)]
            use ::awsjson::__private::member::{IsMember as _, NotMember as _};

            const _: () = {
                #(#member_checks)*
            };
            #[automatically_derived]
            impl ::awsjson::__private::serde::Serialize for #ident {
                fn serialize<__S: ::awsjson::__private::serde::Serializer>(
                    &self,
                    __serializer: __S,
                ) -> ::core::result::Result<__S::Ok, __S::Error> {
                    let mut __state = ::awsjson::__private::serde::Serializer::serialize_struct(
                        __serializer,
                        #name,
                        #required #(+ ::core::primitive::usize::from(::core::option::Option::is_some(&self.#optional)))*,
                    )?;
                    #(#writes)*
                    ::awsjson::__private::serde::ser::SerializeStruct::end(__state)
                }
            }

            #read_side
        };
    }
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
