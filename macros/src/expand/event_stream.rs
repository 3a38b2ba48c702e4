//! Event streams: a union read as the events of a stream, and the `send` of an
//! operation whose output streams.

use proc_macro2::TokenStream;
use quote::quote;

/// `EventUnion` for a union: an event's payload is the union's member of the event's
/// name. Every union gets it, as a union declared without `shape = ...` does not know
/// whether it is an event stream.
pub(crate) fn event_union(ident: &syn::Ident) -> TokenStream {
    quote! {
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
    }
}

/// The body of `send` for an operation whose output has an event-stream member: the
/// call streams. restJson1's output streams go over HTTP/1.1 as well, in the default
/// build; awsJson's (Kinesis `SubscribeToShard`) over HTTP/2 only, a compile error
/// without awsjson's `http2` feature.
pub(crate) fn send_body(rest_json: bool) -> TokenStream {
    match rest_json {
        true => quote!(::awsjson::__private::send(client, self)),
        false => quote!(::awsjson::__private::send_event_stream(client, self)),
    }
}

/// `Operation::OUTPUT_EVENT_STREAM`: the generic (non-streaming) call refuses it.
pub(crate) fn output_flag() -> TokenStream {
    quote!(
        const OUTPUT_EVENT_STREAM: ::core::primitive::bool = true;
    )
}
