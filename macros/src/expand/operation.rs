//! The operation: its serde body, `Operation` impl, `send`, and its error enum.

use proc_macro2::{Literal, TokenStream};
use quote::{format_ident, quote, quote_spanned};
use syn::spanned::Spanned;

use super::structure;
use crate::checked::{Binding, EndpointParamValue, Mirror, Operation, Service};

pub(crate) fn expand(op: &Operation) -> TokenStream {
    let args = &op.decl.args;
    let mut item = op.body.item.clone();
    let debug = super::debug::struct_debug(&mut item, &op.body.fields);
    let item = &item;
    // Deserialize only on request (`deserialize`) or for the typed mock: few callers
    // load a request from JSON (a fixture, a queue), and it is a third of an
    // operation's generated code.
    let read = match args.deserialize {
        Some(_) => structure::Read::Always,
        None => structure::Read::ForMock,
    };
    let serde_impls = structure::serde_impls(item, &op.body.fields, read);
    let ident = &item.ident;
    let vis = &item.vis;
    let error_ident = format_ident!("{}Error", ident);
    let output = match &args.output {
        Some(ty) => quote!(#ty),
        None => quote!(()),
    };
    let target = &op.target;
    let service = service_meta(&op.service);
    // A token bound to the query string or a header is filled by `http_bindings`.
    let in_body = |field: &syn::Ident| {
        op.body
            .fields
            .iter()
            .find(|f| f.decl.ident == *field)
            .is_none_or(|f| f.binding == Binding::Body)
    };
    let token = op
        .token
        .as_ref()
        .filter(|t| t.binding == Binding::Body && t.field.as_ref().is_none_or(in_body))
        .map(|t| (&t.member, t.field.as_ref()));
    let (token_member, token_missing) = match token {
        Some((wire, Some(member))) => (
            quote!(::core::option::Option::Some(#wire)),
            quote!(::core::option::Option::is_none(&self.#member)),
        ),
        // The declaration has no field for the token: one is sent on every call.
        Some((wire, None)) => (quote!(::core::option::Option::Some(#wire)), quote!(true)),
        None => (quote!(::core::option::Option::None), quote!(false)),
    };
    let mirrors = op.mirrors.iter().map(|m| mirror_check(ident, m));
    let nested = op.nested.iter().map(|(ty, sensitive)| {
        let (wires, messages): (Vec<_>, Vec<_>) = sensitive.iter().cloned().unzip();
        let check = quote_spanned!(ty.span()=> ::awsjson::__private::unredacted::<#ty>);
        redacted_check(ty, &check, &wires, &messages)
    });
    let errors = error_enum(vis, ident, &error_ident, &args.errors, op.http.is_some());
    let http = op.http.as_ref().map(|route| {
        let route_const = super::http::route(&ident.to_string(), route);
        let bindings = super::http::bindings(&op.body.fields, op.token.as_ref());
        quote!(#route_const #bindings)
    });
    let paginate = args
        .paginate
        .as_ref()
        .map(|paginate| super::paginate::expand(op.decl, paginate));
    let query_compatible = op.query_compatible.then(|| {
        quote!(
            const QUERY_COMPATIBLE: ::core::primitive::bool = true;
        )
    });
    let compression = args.request_compression.as_ref().map(|_| {
        quote!(
            const REQUEST_COMPRESSION: ::core::primitive::bool = true;
        )
    });
    let endpoint_url = op.endpoint_url.as_ref().map(|url| {
        let field = &url.field;
        let value = if url.optional {
            quote!(::core::option::Option::as_deref(&self.#field))
        } else {
            quote!(::core::option::Option::Some(::std::string::String::as_str(&self.#field)))
        };
        quote! {
            const HAS_ENDPOINT_URL: ::core::primitive::bool = true;
            fn endpoint_url(&self) -> ::core::option::Option<&::core::primitive::str> {
                #value
            }
        }
    });
    let account_id = op.endpoint.account_id.then(|| {
        quote!(
            const ENDPOINT_ACCOUNT_ID: ::core::primitive::bool = true;
        )
    });
    let endpoint_params = endpoint_params(&op.endpoint.params);
    let endpoint_paths = (!op.endpoint.paths.is_empty()).then(|| {
        let (names, paths): (Vec<_>, Vec<_>) = op.endpoint.paths.iter().copied().unzip();
        quote!(
            const ENDPOINT_PATHS: &'static [(&'static ::core::primitive::str, &'static ::core::primitive::str)] =
                &[#((#names, #paths)),*];
        )
    });
    let discovery = op
        .endpoint_discovery
        .as_ref()
        .map(|(operation, required)| {
            quote!(
                const ENDPOINT_DISCOVERY: ::core::option::Option<::awsjson::__private::EndpointDiscovery> =
                    ::core::option::Option::Some(::awsjson::__private::EndpointDiscovery {
                        operation: #operation,
                        required: #required,
                    });
            )
        });
    let host_prefix = op.host_prefix.as_ref().map(|hp| {
        let template = &hp.template;
        let (wires, fields): (Vec<_>, Vec<_>) = hp.labels.iter().cloned().unzip();
        quote! {
            const HAS_HOST_PREFIX: ::core::primitive::bool = true;
            fn host_prefix(
                &self,
            ) -> ::core::result::Result<
                ::core::option::Option<::std::string::String>,
                ::awsjson::__private::HostLabelError,
            > {
                ::awsjson::__private::host_prefix(
                    #template,
                    &[#((#wires, ::std::string::String::as_str(&self.#fields))),*],
                )
                .map(::core::option::Option::Some)
            }
        }
    });
    let called = match &op.http {
        Some(route) => format!("{} {}", route.method, route.uri),
        None => target.clone(),
    };
    let streams = op
        .mirrors
        .iter()
        .any(|m| m.is_output && m.event_stream.is_some());
    // The input's event-stream member: its events are the request's body.
    let input_stream = op
        .body
        .fields
        .iter()
        .find(|f| crate::ty::base_name(&f.decl.ty).as_deref() == Some("InputStream"));
    let (send, stream_flag) = match (input_stream, streams) {
        (Some(field), _) => {
            let member = &field.decl.ident;
            (
                quote!(::awsjson::__private::send_input_stream(client, self, &self.#member)),
                Some(super::event_stream::output_flag()),
            )
        }
        (None, true) => (
            super::event_stream::send_body(op.http.is_some()),
            Some(super::event_stream::output_flag()),
        ),
        (None, false) => (
            quote!(::awsjson::__private::send(
                client,
                self,
                ::core::option::Option::None
            )),
            None,
        ),
    };
    let send_doc = format!(
        "Sends `{called}`: signs the request with the client's credentials, sends it \
         and decodes the response into the output or a [`{error_ident}`]."
    );
    quote! {
        #item

        #debug

        #serde_impls

        #[automatically_derived]
        impl ::awsjson::__private::Operation for #ident {
            type Output = #output;
            type Error = #error_ident;
            const TARGET: &'static str = #target;
            const SERVICE: &'static ::awsjson::ServiceMeta = &#service;
            const IDEMPOTENCY_TOKEN: ::core::option::Option<&'static str> = #token_member;
            fn idempotency_token_missing(&self) -> bool {
                #token_missing
            }
            #query_compatible
            #compression
            #host_prefix
            #endpoint_url
            #account_id
            #endpoint_params
            #endpoint_paths
            #discovery
            #http
            #stream_flag
        }

        #[automatically_derived]
        impl #ident {
            #[doc = #send_doc]
            ///
            /// The idempotency token, if the operation has one and it is `None`, is filled
            /// once per call, so every retry of this call carries the same token.
            pub fn send<'__a>(
                &'__a self,
                client: &'__a ::awsjson::Client,
            ) -> impl ::core::future::Future<
                Output = ::core::result::Result<#output, ::awsjson::Error<#error_ident>>,
            > + ::core::marker::Send + '__a {
                #send
            }
        }

        #errors

        #paginate
        #(#mirrors)*
        #(#nested)*
    }
}

/// `fn endpoint_params`, when the operation has endpoint-rule parameters.
fn endpoint_params(params: &[(&'static str, EndpointParamValue)]) -> Option<TokenStream> {
    if params.is_empty() {
        return None;
    }
    let pushes = params.iter().map(|(name, value)| match value {
        EndpointParamValue::Field(field) => quote! {
            if let ::core::option::Option::Some(value) =
                ::awsjson::__private::IntoEndpointParam::endpoint_param(&self.#field)
            {
                params.push((#name, value));
            }
        },
        EndpointParamValue::String(v) => quote! {
            params.push((
                #name,
                ::awsjson::__private::EndpointParam::Str(::std::string::String::from(#v)),
            ));
        },
        EndpointParamValue::Bool(v) => quote! {
            params.push((#name, ::awsjson::__private::EndpointParam::Bool(#v)));
        },
    });
    let n = params.len();
    Some(quote! {
        const HAS_ENDPOINT_PARAMS: ::core::primitive::bool = true;
        fn endpoint_params(
            &self,
        ) -> ::std::vec::Vec<(&'static ::core::primitive::str, ::awsjson::__private::EndpointParam)> {
            let mut params = ::std::vec::Vec::with_capacity(#n);
            #(#pushes)*
            params
        }
    })
}

/// The `const` that checks, at compile time, that the output or error type `m.ty`
/// (declared in another invocation) fits its model shape. A misfit is reported at
/// the type as the operation names it, with the model's members. The output is read
/// through the `Operation` impl, so an output that is no shape is one error, there.
fn mirror_check(op: &syn::Ident, m: &Mirror) -> TokenStream {
    let ty = &m.ty;
    let shape = &m.shape;
    let members = &m.members;
    let other_shape = format!(
        "`{}` mirrors another model shape than `{shape}`",
        quote!(#ty)
    );
    let listed = model_members(shape, &m.model_members);
    let size = Literal::usize_suffixed(listed.len() + 1024);
    let misfit = if m.is_output {
        quote_spanned!(ty.span()=> ::awsjson::__private::output_misfit::<#op>)
    } else {
        quote_spanned!(ty.span()=> ::awsjson::__private::mirror_misfit::<#ty>)
    };
    let redacted = (!m.sensitive.is_empty()).then(|| {
        let (wires, messages): (Vec<_>, Vec<_>) = m.sensitive.iter().cloned().unzip();
        let check = if m.is_output {
            quote_spanned!(ty.span()=> ::awsjson::__private::output_unredacted::<#op>)
        } else {
            quote_spanned!(ty.span()=> ::awsjson::__private::unredacted::<#ty>)
        };
        redacted_check(ty, &check, &wires, &messages)
    });
    quote_spanned! {ty.span()=>
        const _: () = if let ::core::option::Option::Some(__message) =
            &::awsjson::__private::misfit_message::<#size>(
                #misfit(#shape, &[#(#members),*], #other_shape),
                #listed,
            )
        {
            ::core::panic!("{}", __message.as_str())
        };
        #redacted
    }
}

/// The `const` that reports the first model-sensitive member `check` (an `unredacted`
/// function) finds unredacted, at `ty`.
fn redacted_check(
    ty: &syn::Type,
    check: &TokenStream,
    wires: &[String],
    messages: &[String],
) -> TokenStream {
    quote_spanned! {ty.span()=>
        const _: () = if let ::core::option::Option::Some(__message) = #check(&[#((#wires, #messages)),*]) {
            ::core::panic!("{}", __message)
        };
    }
}

/// `; the members of `svc#Shape` are `A`, `B``.
fn model_members(shape: &str, members: &[&str]) -> String {
    let mut names = members.to_vec();
    names.sort_unstable();
    if names.is_empty() {
        return format!("; `{shape}` has no members");
    }
    let listed: Vec<String> = names.iter().map(|n| format!("`{n}`")).collect();
    format!("; the members of `{shape}` are {}", listed.join(", "))
}

pub(super) fn service_meta(r: &Service) -> TokenStream {
    let version = match r.json_version.as_str() {
        "1.1" => quote!(::awsjson::JsonVersion::V1_1),
        _ => quote!(::awsjson::JsonVersion::V1_0),
    };
    let Service {
        target_prefix,
        signing_name,
        endpoint_prefix,
        service_id,
        hostname,
        ..
    } = r;
    let opt = |v: Option<&str>| match v {
        Some(v) => quote!(::core::option::Option::Some(#v)),
        None => quote!(::core::option::Option::None),
    };
    let endpoints = r.endpoints.iter().map(|e| {
        let (partition, fips, dual_stack, url) = (e.partition, e.fips, e.dual_stack, e.url);
        let (region, signing_region, signing_name) =
            (opt(e.region), opt(e.signing_region), opt(e.signing_name));
        // Positional hidden constructors: the structs are `#[non_exhaustive]`.
        quote! {
            ::awsjson::EndpointVariant::__new(
                #partition,
                #fips,
                #dual_stack,
                #region,
                #url,
                #signing_region,
                #signing_name,
            )
        }
    });
    let rules = opt(r.endpoint_rules);
    quote! {
        ::awsjson::ServiceMeta::__new(
            #target_prefix,
            #version,
            #signing_name,
            #endpoint_prefix,
            #service_id,
            #hostname,
            &[#(#endpoints),*],
            #rules,
        )
    }
}

fn error_enum(
    vis: &syn::Visibility,
    op: &syn::Ident,
    ident: &syn::Ident,
    errors: &[syn::Path],
    rest_json: bool,
) -> TokenStream {
    let names: Vec<&syn::Ident> = errors
        .iter()
        .filter_map(|p| p.segments.last().map(|s| &s.ident))
        .collect();
    let codes: Vec<String> = names.iter().map(ToString::to_string).collect();
    let doc = format!(
        "The errors of [`{op}`]: one variant per modeled error, and `Unmodeled` for any other code."
    );
    let variant_docs = codes.iter().map(|c| format!("The service answered `{c}`."));
    let modeled_http = rest_json.then(|| super::http::modeled(&names, &codes, errors));
    quote! {
        #[doc = #doc]
        #[derive(::core::fmt::Debug)]
        #[non_exhaustive]
        // Callers match only the variants they handle; the rest must not warn.
        #[allow(dead_code)]
        #vis enum #ident {
            #(
                #[doc = #variant_docs]
                #names(#errors),
            )*
            /// An error code this declaration does not list.
            Unmodeled(::awsjson::UnmodeledError),
        }

        #[automatically_derived]
        impl ::core::fmt::Display for #ident {
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                match self {
                    #(Self::#names(_) => f.write_str(#codes),)*
                    Self::Unmodeled(error) => ::core::fmt::Display::fmt(error, f),
                }
            }
        }

        #[automatically_derived]
        impl ::std::error::Error for #ident {}

        #[automatically_derived]
        impl ::awsjson::__private::OperationError for #ident {
            fn modeled(
                code: &str,
                body: &[u8],
            ) -> ::core::option::Option<
                ::core::result::Result<Self, ::awsjson::__private::serde_json::Error>,
            > {
                match code {
                    // A `match`, not `Result::map(Self::Variant)`: no instantiation of
                    // `map` per variant (issue 20).
                    #(#codes => ::core::option::Option::Some(
                        match ::awsjson::__private::json_struct::read_struct::<#errors>(
                            &mut ::awsjson::__private::json_read::Reader::body(body),
                            true,
                        ) {
                            ::core::result::Result::Ok(e) => ::core::result::Result::Ok(Self::#names(e)),
                            ::core::result::Result::Err(e) => ::core::result::Result::Err(e),
                        },
                    ),)*
                    _ => ::core::option::Option::None,
                }
            }

            fn unmodeled(error: ::awsjson::UnmodeledError) -> Self {
                Self::Unmodeled(error)
            }

            #modeled_http
        }
    }
}
