//! restJson1's part of the expansion: an operation's `Route` and `http_bindings`
//! (its members bound outside the JSON body, handed to the runtime's
//! `rest_json::Request`), a shape's `decode_http` (its members read from a response's
//! headers, status and payload), and the error enum's `modeled_http`.

use proc_macro2::TokenStream;
use quote::{quote, quote_spanned};

use super::de::Adapter;
use crate::checked::{Binding, Field, HttpRoute, Token};
use crate::ty;

/// The timestamp format of a member outside the body: declared, else the location's
/// default (http-date in headers, date-time in labels and the query string).
fn adapter(field: &Field, default: &'static str) -> Option<Adapter> {
    let ty = &field.decl.ty;
    let format = field
        .timestamp
        .or_else(|| ty::mentions_date_time(ty).then_some(default));
    Adapter::of(ty, format)
}

/// `&self.member`, through its adapter when it has one.
fn value(field: &Field, default: &'static str) -> TokenStream {
    let member = &field.decl.ident;
    let span = member.span();
    match adapter(field, default) {
        Some(adapter) => adapter.write(quote_spanned!(span=> &self.#member)),
        None => quote_spanned!(span=> &self.#member),
    }
}

/// The `DeserializeSeed` that reads the member from a header's text.
fn seed(field: &Field) -> TokenStream {
    let ty = &field.decl.ty;
    match adapter(field, "http-date") {
        Some(adapter) => adapter.read(),
        None => quote!(::core::marker::PhantomData::<#ty>),
    }
}

fn is_list(ty: &syn::Type) -> bool {
    ty::base_name(ty).as_deref() == Some("Vec")
}

/// `const HTTP` of a restJson1 operation named `name`.
pub(crate) fn route(name: &str, route: &HttpRoute) -> TokenStream {
    let HttpRoute {
        method,
        uri,
        code,
        checksum_required,
        has_body_members,
    } = route;
    let (path, query) = uri.split_once('?').unwrap_or((uri, ""));
    quote! {
        const HTTP: ::core::option::Option<&'static ::awsjson::__private::rest_json::Route> =
            ::core::option::Option::Some(&::awsjson::__private::rest_json::Route {
                name: #name,
                method: #method,
                path: #path,
                query: #query,
                code: #code,
                json_body: #has_body_members,
                checksum_required: #checksum_required,
            });
    }
}

/// `fn http_bindings` of a restJson1 operation: each member bound outside the body,
/// handed to the request.
pub(crate) fn bindings(fields: &[Field], token: Option<&Token>) -> TokenStream {
    let token_field = token.and_then(|t| t.field.as_ref());
    let steps = fields.iter().filter_map(|field| {
        let member = &field.decl.ident;
        // The operation's token, `#[idempotency]` or the model's (marked or not).
        let token = token_field == Some(member);
        let step = match &field.binding {
            // Event bindings belong to an event's message (`event_stream.rs`), never to
            // a request.
            Binding::Body
            | Binding::ResponseCode
            | Binding::EventHeader(_)
            | Binding::EventPayload => return None,
            Binding::Label { greedy } => {
                let name = &field.wire_name;
                let value = value(field, "date-time");
                quote!(__request.label(#name, #greedy, #value)?;)
            }
            Binding::Query(name) if token => quote!(__request.query_token(#name, &self.#member);),
            Binding::Query(name) => {
                let value = value(field, "date-time");
                quote!(__request.query(#name, #value)?;)
            }
            Binding::QueryParams => quote!(__request.query_params(&self.#member)?;),
            Binding::Header(name) if token => {
                let name = name.to_ascii_lowercase();
                quote!(__request.header_token(#name, &self.#member);)
            }
            Binding::Header(name) if field.media_type.is_some() => {
                let name = name.to_ascii_lowercase();
                quote!(__request.header_base64(#name, &self.#member)?;)
            }
            Binding::Header(name) => {
                let name = name.to_ascii_lowercase();
                let value = value(field, "http-date");
                let ty = &field.decl.ty;
                // http-dates have commas of their own and are never quoted.
                let quote = !ty::mentions_date_time(ty);
                let list = is_list(ty);
                quote!(__request.header(#name, #value, #quote, #list)?;)
            }
            Binding::PrefixHeaders(prefix) => {
                quote!(__request.prefix_headers(#prefix, &self.#member)?;)
            }
            Binding::Payload => {
                let media = field.media_type.as_deref();
                let kind = ty::base_name(&field.decl.ty);
                match kind.as_deref() {
                    Some("InputStream") => quote!(__request.payload_event_stream();),
                    _ if field.streaming => {
                        let ct = media.unwrap_or("application/octet-stream");
                        quote!(__request.payload_stream(&self.#member, #ct)?;)
                    }
                    Some("Blob") => {
                        let ct = media.unwrap_or("application/octet-stream");
                        quote!(__request.payload_bytes(&self.#member, #ct);)
                    }
                    Some("String") => {
                        let ct = media.unwrap_or("text/plain");
                        quote!(__request.payload_bytes(&self.#member, #ct);)
                    }
                    other => {
                        let document = other == Some("Document");
                        let media = match media {
                            Some(m) => quote!(::core::option::Option::Some(#m)),
                            None => quote!(::core::option::Option::None),
                        };
                        let ty = &field.decl.ty;
                        let inner = ty::option_inner(ty).unwrap_or(ty);
                        quote! {
                            __request.payload_json(&self.#member, #media, #document, {
                                #[allow(unused_imports)]
                                use ::awsjson::__private::rest_json::{UnsetOther as _, UnsetStruct as _};
                                (&::awsjson::__private::rest_json::Unset::<#inner>::NEW).unset_body()
                            })?;
                        }
                    }
                }
            }
        };
        Some(step)
    });
    // A query or header token no field holds: a fresh one on every call.
    let undeclared = token
        .filter(|t| t.field.is_none())
        .and_then(|t| match &t.binding {
            Binding::Query(name) => {
                Some(quote!(__request.query_token(#name, &::core::option::Option::None);))
            }
            Binding::Header(name) => {
                let name = name.to_ascii_lowercase();
                Some(quote!(__request.header_token(#name, &::core::option::Option::None);))
            }
            _ => None,
        });
    quote! {
        fn http_bindings(
            &self,
            __request: &mut ::awsjson::__private::rest_json::Request,
        ) -> ::core::result::Result<(), ::awsjson::__private::rest_json::BindError> {
            #(#steps)*
            #undeclared
            ::core::result::Result::Ok(())
        }
    }
}

/// `fn decode_http` of a shape with members bound to a response's headers, status or
/// payload; `None` when every member is in the body.
pub(crate) fn decode(fields: &[Field]) -> Option<TokenStream> {
    // An event structure is read from its message (`event_stream.rs`), not a response.
    if fields.iter().all(|f| {
        matches!(
            f.binding,
            Binding::Body | Binding::EventHeader(_) | Binding::EventPayload
        )
    }) {
        return None;
    }
    let has_payload = fields.iter().any(|f| f.binding == Binding::Payload);
    // With a payload there are no body members: the struct starts from `{}`.
    let body = if has_payload {
        quote!(b"{}")
    } else {
        quote!(__response.body)
    };
    let steps = fields.iter().filter_map(|field| {
        let member = &field.decl.ident;
        let step = match &field.binding {
            Binding::Body
            | Binding::Label { .. }
            | Binding::Query(_)
            | Binding::QueryParams
            | Binding::EventHeader(_)
            | Binding::EventPayload => {
                return None;
            }
            Binding::Header(name) if field.media_type.is_some() => {
                quote!(__response.header_base64(#name, &mut __out.#member)?;)
            }
            Binding::Header(name) => {
                let seed = seed(field);
                if field.decl.optional || field.decl.attrs.default.is_some() {
                    quote!(__response.header(#name, &mut __out.#member, #seed)?;)
                } else {
                    quote!(__response.header_required(#name, &mut __out.#member, #seed)?;)
                }
            }
            Binding::PrefixHeaders(prefix) => {
                let ty = &field.decl.ty;
                quote! {
                    __response.prefix_headers(
                        #prefix,
                        &mut __out.#member,
                        ::core::marker::PhantomData::<#ty>,
                    )?;
                }
            }
            Binding::ResponseCode => {
                let ty = &field.decl.ty;
                quote!(__response.status(&mut __out.#member, ::core::marker::PhantomData::<#ty>)?;)
            }
            Binding::Payload => match ty::base_name(&field.decl.ty).as_deref() {
                // The body is the event stream, which the call hands over after.
                Some("EventStream") => return None,
                _ if field.streaming => quote!(__response.payload_stream(&mut __out.#member)?;),
                Some("Blob" | "String") => quote!(__response.payload_bytes(&mut __out.#member)?;),
                _ => {
                    let seed = super::payload_reader(&field.decl.ty);
                    quote! {
                        __response.payload_json(&mut __out.#member, |__r| {
                            ::awsjson::__private::json_struct::Seed::json(#seed, __r)
                        })?;
                    }
                }
            },
        };
        Some(step)
    });
    Some(quote! {
        const HTTP_BOUND: ::core::primitive::bool = true;
        fn decode_http(
            __response: &mut ::awsjson::__private::rest_json::Response<'_>,
        ) -> ::core::result::Result<Self, ::awsjson::__private::serde_json::Error> {
            let mut __out: Self = ::awsjson::__private::decode_struct(#body)?;
            #(#steps)*
            ::core::result::Result::Ok(__out)
        }
    })
}

/// The error enum's `modeled_http`: each error read from the whole response.
pub(crate) fn modeled(
    names: &[&syn::Ident],
    codes: &[String],
    errors: &[syn::Path],
) -> TokenStream {
    quote! {
        fn modeled_http(
            code: &str,
            response: &mut ::awsjson::__private::rest_json::Response<'_>,
        ) -> ::core::option::Option<
            ::core::result::Result<Self, ::awsjson::__private::serde_json::Error>,
        > {
            match code {
                #(#codes => ::core::option::Option::Some(
                    match <#errors as ::awsjson::__private::OutputShape>::decode_http(response) {
                        ::core::result::Result::Ok(e) => ::core::result::Result::Ok(Self::#names(e)),
                        ::core::result::Result::Err(e) => ::core::result::Result::Err(e),
                    },
                ),)*
                _ => ::core::option::Option::None,
            }
        }
    }
}
