//! Structures: `Serialize` + `Deserialize` written out here (not serde derive) over the
//! runtime's `__private::json_struct`: a field table and one line per member, read by
//! the runtime's one generic loop (wire names, `None` members left out, formats per
//! member, declared and zero-value defaults, error correction).

use proc_macro2::{Literal, TokenStream};
use quote::{format_ident, quote, quote_spanned};

use super::de::Adapter;
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
                ::awsjson::__private::json_struct::read_struct(
                    &mut ::awsjson::__private::json_read::Reader::body(body),
                    true,
                )
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

/// Whether a struct's read side is generated: its `Shape`, `Deserialize` and `FromJson`
/// impls (and so the runtime's `ErrorCorrection` for every `Shape`) and the functions
/// that give members their declared defaults.
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
///
/// The read side is table-driven: the runtime's `json_struct::Shape` with a `const`
/// field table (wire names and aliases), one slot per member, `read` (one line per
/// member read from the body) and `finish` (one per member); the visitor, the key
/// lookup, the loop and error correction (`finish` over empty slots) are the runtime's,
/// written once.
pub(crate) fn serde_impls(item: &syn::DeriveInput, fields: &[Field], read: Read) -> TokenStream {
    let ident = &item.ident;
    let name = ident.to_string();
    let wires: Vec<&String> = fields.iter().map(|f| &f.wire_name).collect();

    let mut default_fns = Vec::new();
    let mut writes = Vec::new();
    let mut reads = Vec::new();
    let mut finishes = Vec::new();
    let mut slot_types: Vec<&syn::Type> = Vec::new();
    let mut keys = Vec::new();
    let mut optional = Vec::new();
    let mut member_checks = Vec::new();
    let mut unbound = 0_usize;
    // Every member an `Option` read from the body as its `T` (most outputs and errors):
    // the struct is its own slots, so it has no slots type (nor its drop glue) and
    // `finish` gives it back as read.
    let plain = fields.iter().all(|f| {
        f.binding == Binding::Body
            && f.decl.optional
            && f.decl.attrs.default.is_none()
            && Adapter::of(&f.decl.ty, f.timestamp).is_none()
    });
    for (index, field) in fields.iter().enumerate() {
        let decl = field.decl;
        let member = &decl.ident;
        let wire = &field.wire_name;
        let ty = &decl.ty;
        let slot = syn::Index {
            index: u32::try_from(index).unwrap_or(u32::MAX),
            span: member.span(),
        };
        // A member whose type cannot be read or written is reported at its name.
        let span = member.span();
        // Smithy's client error correction: a required member the service left out (or
        // sent as `null`) reads as its zero value instead of failing the whole response;
        // a structure, enum or union member as its type's `ErrorCorrection` value, when
        // it has one (a function pointer, so no closure per member).
        let fill = quote_spanned!(span=> (&__F::<#ty>::NEW).fill());
        if field.binding != Binding::Body {
            // restJson1: bound to the URI, a header, the status or the payload, never in
            // the JSON body; the response's `decode_http` fills it.
            unbound += 1;
            slot_types.push(ty);
            if decl.optional
                || ty::has_zero_value(ty)
                || ty::base_name(ty).as_deref() == Some("ByteStream")
            {
                finishes.push(quote!(__s.#slot.unwrap_or_default()));
            } else {
                finishes.push(quote_spanned! {span=>
                    ::awsjson::__private::rest_json::unbound(__s.#slot.or_else(#fill), #wire)?
                });
            }
            continue;
        }
        let adapter = Adapter::of(ty, field.timestamp);
        // An `Option<T>` member without adapter or default is written and read as its
        // `T`: `null` and absence are the slot's `None` already, and a second `Option`
        // layer is serde's option visitor instantiated once more per member type
        // (issue 20).
        let inner = ty::option_inner(ty)
            .filter(|_| adapter.is_none() && decl.attrs.default.is_none() && decl.optional);
        let read_ty = inner.unwrap_or(ty);
        slot_types.push(read_ty);
        // Through `Member`, asked for once here, so that a type that is no shape gets
        // one error with the advice that fits.
        let reader = quote_spanned!(span=> (&&__R::<#read_ty>::NEW).reader());
        if adapter.is_none() {
            member_checks
                .push(quote_spanned!(span=> ::awsjson::__private::member::member::<#ty>();));
        }

        writes.push(if let Some(inner) = inner {
            optional.push(member);
            quote_spanned! {span=>
                __j::some(&mut __s, #wire, (&__P::<#inner>::NEW).some(&self.#member))?;
            }
        } else {
            let value = match &adapter {
                Some(adapter) => adapter.write(quote_spanned!(span=> &self.#member)),
                None => quote_spanned!(span=> &(&__P::<#ty>::NEW).writer(&self.#member)),
            };
            if decl.optional {
                optional.push(member);
                quote_spanned!(span=> __j::optional(&mut __s, #wire, &self.#member, #value)?;)
            } else {
                quote_spanned!(span=> __SS::serialize_field(&mut __s, #wire, #value)?;)
            }
        });

        let seed = match &adapter {
            Some(adapter) => adapter.read(),
            None => reader.clone(),
        };
        let place = if plain {
            quote!(#member)
        } else {
            quote!(#slot)
        };
        reads.push(
            quote_spanned!(span=> #index => __j::Source::member(__m, &mut __s.#place, #seed, #wire),),
        );

        if let Some(default) = &decl.attrs.default {
            let default_fn = format_ident!("__awsjson_default_{}", member);
            let value = default_literal(&default.value);
            default_fns.push(quote! {
                #[doc(hidden)]
                fn #default_fn() -> #ty {
                    ::awsjson::__private::default_value::<#ty, _>(#value)
                }
            });
            finishes.push(quote!(__s.#slot.unwrap_or_else(#ident::#default_fn)));
        } else if inner.is_some() {
            finishes.push(quote!(__s.#slot));
        } else if decl.optional || ty::has_zero_value(ty) {
            finishes.push(quote!(__s.#slot.unwrap_or_default()));
        } else if adapter.is_some() {
            // Adapter types (floats, timestamps, their containers) have no
            // error-correction value: serde derive reports them missing.
            finishes.push(quote!(__j::present(__s.#slot, #wire)?));
        } else {
            finishes.push(quote_spanned! {span=>
                __j::required(__s.#slot, #wire, #fill, #reader)?
            });
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
    let (slots, empty, finish) = if plain {
        (
            quote!(Self),
            quote!(#ident { #(#members: __N),* }),
            quote!(::core::result::Result::Ok(__s)),
        )
    } else {
        let empty = slot_types.iter().map(|_| quote!(__N));
        (
            quote!(__Slots),
            quote!(__Slots(#(#empty),*)),
            quote!(::core::result::Result::Ok(#ident { #(#members: #finishes,)* })),
        )
    };
    let slots_struct = (!plain).then(|| quote!(pub struct __Slots(#(__O<#slot_types>),*);));
    let mut read_side = quote! {
        #defaults

        #slots_struct

        #[automatically_derived]
        impl __j::Shape for #ident {
            const TABLE: &'static __j::Table = &__j::Table {
                name: #name,
                fields: &[#(#wires),*],
                keys: &[#(#keys),*],
            };
            type Slots = #slots;
            const EMPTY: #slots = #empty;

            // One call site (the runtime's loop): inlined there, the loop costs what
            // the visitor written per struct did.
            #[inline(always)]
            fn read<__M: __j::Source>(
                __s: &mut #slots,
                __i: ::core::primitive::usize,
                __m: &mut __M,
            ) -> ::core::result::Result<(), __M::Error> {
                match __i {
                    #(#reads)*
                    _ => __j::skip(__m),
                }
            }

            #[inline]
            fn finish<__E: ::awsjson::__private::serde::de::Error>(
                __s: #slots,
            ) -> ::core::result::Result<Self, __E> {
                #finish
            }
        }

        #[automatically_derived]
        impl<'de> ::awsjson::__private::serde::Deserialize<'de> for #ident {
            fn deserialize<__D: ::awsjson::__private::serde::Deserializer<'de>>(
                __d: __D,
            ) -> ::core::result::Result<Self, __D::Error> {
                // `deserialize_struct`, though `deserialize_map` would spare each type
                // its `visit_seq`: serde_json places the error for an array one column
                // earlier there.
                __D::deserialize_struct(
                    __d,
                    #name,
                    <Self as __j::Shape>::TABLE.fields,
                    __j::Visit::NEW,
                )
            }
        }

        #[automatically_derived]
        impl ::awsjson::__private::json_read::FromJson for #ident {
            fn from_json(
                __r: &mut ::awsjson::__private::json_read::Reader<'_>,
            ) -> ::core::result::Result<Self, ::awsjson::__private::json_read::Error> {
                __j::read_struct(__r, false)
            }
        }

    };
    if read == Read::ForMock && !KEPT_FOR_MOCK {
        read_side = TokenStream::new();
    }
    quote! {
        #[doc(hidden)]
        #[allow(unused_qualifications, unused_imports, clippy::all, clippy::pedantic)]
        const _: () = {
            // Of each pair of probe traits only one is used, whichever method lookup picks.
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
                #(#member_checks)*
            };
            #[automatically_derived]
            impl ::awsjson::__private::serde::Serialize for #ident {
                fn serialize<__S: ::awsjson::__private::serde::Serializer>(
                    &self,
                    __s: __S,
                ) -> ::core::result::Result<__S::Ok, __S::Error> {
                    let mut __s = ::awsjson::__private::serde::Serializer::serialize_struct(
                        __s,
                        #name,
                        #required #(+ __j::set(&self.#optional))*,
                    )?;
                    #(#writes)*
                    __SS::end(__s)
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
