//! Event streams: a union read as the events of a stream and written as the events
//! of an input stream, the event structures bound to their messages' headers and
//! payload, and the `send` of an operation whose output streams.

use proc_macro2::TokenStream;
use quote::quote;

use crate::checked::{Binding, Enum, Field};
use crate::ty;

/// `EventUnion` and `EncodeEvent` for a union: each member an event of its name, read
/// from and written to its message by its own `EventShape` (an event structure), else
/// as the message's JSON payload. Every union of structures gets them, as a union
/// declared without `shape = ...` does not know whether it is an event stream.
pub(crate) fn event_union(shape: &Enum, ident: &syn::Ident) -> TokenStream {
    // An event-stream union's members are all structures: a union with a member of
    // another type (a scalar, a list, a unit) is read as JSON, and sent by no stream,
    // which keeps the expansion of the many unions that are no stream small.
    let plain = shape.variants.iter().any(|v| match &v.decl.ty {
        Some(ty) => ty::has_zero_value(ty) || matches!(ty, syn::Type::Tuple(_)),
        None => true,
    });
    if plain {
        return quote! {
            #[automatically_derived]
            impl ::awsjson::__private::EventUnion for #ident {
                fn decode_event(
                    event_type: &::core::primitive::str,
                    message: &::awsjson::event_stream::Message,
                ) -> ::core::option::Option<
                    ::core::result::Result<Self, ::awsjson::__private::serde_json::Error>,
                > {
                    ::awsjson::__private::decode_event_union(event_type, message)
                }

                fn unknown(event_type: ::awsjson::UnknownValue) -> Self {
                    #ident::Unknown(event_type)
                }
            }
        };
    }
    let name = ident.to_string();
    let mut decodes = Vec::new();
    let mut encodes = Vec::new();
    let mut exceptions = Vec::new();
    for variant in &shape.variants {
        let Some(ty) = &variant.decl.ty else { continue };
        let v = &variant.decl.ident;
        let wire = &variant.wire_name;
        decodes.push(quote! {
            #wire => (&::awsjson::__private::event::Probe::<#ty>::NEW).decode_member(
                message,
                |m| ::awsjson::__private::decode_event_union(#wire, m),
                #ident::#v,
            ),
        });
        let exception = variant.exception.is_some();
        encodes.push(quote! {
            #ident::#v(value) => ::awsjson::__private::event::union_message(
                #wire,
                #exception,
                (&::awsjson::__private::event::Probe::<#ty>::NEW).encode_member(value),
            ),
        });
        if let Some(code) = &variant.exception {
            exceptions.push(quote!(#wire => ::core::option::Option::Some(#code),));
        }
    }
    let exception_code = (!exceptions.is_empty()).then(|| {
        quote! {
            fn exception_code(
                exception_type: &::core::primitive::str,
            ) -> ::core::option::Option<&'static ::core::primitive::str> {
                match exception_type {
                    #(#exceptions)*
                    _ => ::core::option::Option::None,
                }
            }
        }
    });
    quote! {
        #[automatically_derived]
        #[allow(unused_imports)]
        impl ::awsjson::__private::EventUnion for #ident {
            fn decode_event(
                event_type: &::core::primitive::str,
                message: &::awsjson::event_stream::Message,
            ) -> ::core::option::Option<
                ::core::result::Result<Self, ::awsjson::__private::serde_json::Error>,
            > {
                use ::awsjson::__private::event::{IsEvent as _, NotEvent as _};
                match event_type {
                    #(#decodes)*
                    _ => ::core::option::Option::None,
                }
            }

            fn unknown(event_type: ::awsjson::UnknownValue) -> Self {
                #ident::Unknown(event_type)
            }

            #exception_code
        }

        #[automatically_derived]
        #[allow(unused_imports)]
        impl ::awsjson::__private::event::EncodeEvent for #ident {
            fn encode_event(
                &self,
            ) -> ::core::result::Result<
                ::awsjson::event_stream::Message,
                ::awsjson::__private::serde_json::Error,
            > {
                use ::awsjson::__private::event::{IsEvent as _, NotEvent as _};
                match self {
                    #(#encodes)*
                    #ident::Unknown(member) => ::core::result::Result::Err(
                        ::awsjson::__private::event::unknown_event(#name, member.as_str()),
                    ),
                }
            }
        }
    }
}

/// `EventShape` for a structure with members bound to its message (`event_header`,
/// `event_payload`); `None` for any other structure, whose message is its JSON.
pub(crate) fn event_shape(ident: &syn::Ident, fields: &[Field]) -> Option<TokenStream> {
    let bound = |f: &&Field| matches!(f.binding, Binding::EventHeader(_) | Binding::EventPayload);
    fields.iter().find(bound)?;
    let payload = fields.iter().find(|f| f.binding == Binding::EventPayload);
    let mut reads = Vec::new();
    let mut writes = Vec::new();
    for field in fields.iter().filter(bound) {
        let member = &field.decl.ident;
        if let Binding::EventHeader(name) = &field.binding {
            reads.push(quote! {
                ::awsjson::__private::event::read_header(__message, #name, &mut __out.#member)?;
            });
            writes.push(quote! {
                let __m = ::awsjson::__private::event::write_header(__m, #name, &self.#member);
            });
        }
    }
    let (start, message) = match payload {
        Some(field) => {
            let member = &field.decl.ident;
            let media = field.media_type.as_deref();
            let (read, message) = match ty::base_name(&field.decl.ty).as_deref() {
                Some(kind @ ("Blob" | "String")) => {
                    let ct = media.unwrap_or(if kind == "Blob" {
                        "application/octet-stream"
                    } else {
                        "text/plain"
                    });
                    (
                        quote!(::awsjson::__private::event::read_payload_bytes(__message, &mut __out.#member)?;),
                        quote!(::awsjson::__private::event::bytes_message(&self.#member, #ct)),
                    )
                }
                _ => (
                    {
                        let seed = super::payload_reader(&field.decl.ty);
                        quote! {
                            ::awsjson::__private::event::read_payload_json(
                                __message, &mut __out.#member, #seed,
                            )?;
                        }
                    },
                    quote!(::awsjson::__private::event::json_message(&self.#member)?),
                ),
            };
            reads.push(read);
            (quote!(::awsjson::__private::decode_struct(b"{}")?), message)
        }
        None => (
            quote!(::awsjson::__private::event::implicit(__message)?),
            quote!(::awsjson::__private::event::json_message(self)?),
        ),
    };
    Some(quote! {
        #[automatically_derived]
        impl ::awsjson::__private::event::EventShape for #ident {
            fn from_message(
                __message: &::awsjson::event_stream::Message,
            ) -> ::core::result::Result<Self, ::awsjson::__private::serde_json::Error> {
                let mut __out: Self = #start;
                #(#reads)*
                ::core::result::Result::Ok(__out)
            }

            fn to_message(
                &self,
            ) -> ::core::result::Result<
                ::awsjson::event_stream::Message,
                ::awsjson::__private::serde_json::Error,
            > {
                let __m = #message;
                #(#writes)*
                ::core::result::Result::Ok(__m)
            }
        }
    })
}
/// The body of `send` for an operation whose output has an event-stream member: the
/// call streams. restJson1's output streams go over HTTP/1.1 as well, in the default
/// build; awsJson's (Kinesis `SubscribeToShard`) over HTTP/2 only, a compile error
/// without awsjson's `http2` feature.
pub(crate) fn send_body(rest_json: bool) -> TokenStream {
    match rest_json {
        true => quote!(::awsjson::__private::send(
            client,
            self,
            ::core::option::Option::None
        )),
        false => quote!(::awsjson::__private::send_event_stream(client, self)),
    }
}

/// `Operation::OUTPUT_EVENT_STREAM`: the generic (non-streaming) call refuses it.
pub(crate) fn output_flag() -> TokenStream {
    quote!(
        const OUTPUT_EVENT_STREAM: ::core::primitive::bool = true;
    )
}
