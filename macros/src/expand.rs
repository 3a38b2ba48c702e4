//! Pipeline: parse → check → (only when clean) generate.

mod debug;
mod enumeration;
mod operation;
mod paginate;
mod services;
mod structure;
mod union;

use proc_macro2::TokenStream;

use crate::ast::EnumKind;
use crate::ast::{Operation, Shape};
use crate::crate_path::{self, CratePath};
use crate::ctxt::{Ctxt, with_fallback};
use crate::{attr, check, endpoint, fallback};

/// `impl Deserialize for ident` through a visitor that reads a JSON object only:
/// `visit_map` runs `body` over the `MapAccess` named `map` (its type `__A`), and
/// `finish`, an expression over `__deserializer` and `__Visitor`, asks for the object.
fn deserialize_impl(
    ident: &syn::Ident,
    expecting: &str,
    map: &syn::Ident,
    body: TokenStream,
    finish: TokenStream,
) -> TokenStream {
    quote::quote! {
        #[automatically_derived]
        impl<'de> ::awsjson::__private::serde::Deserialize<'de> for #ident {
            fn deserialize<__D: ::awsjson::__private::serde::Deserializer<'de>>(
                __deserializer: __D,
            ) -> ::core::result::Result<Self, __D::Error> {
                struct __Visitor;
                impl<'de> ::awsjson::__private::serde::de::Visitor<'de> for __Visitor {
                    type Value = #ident;
                    fn expecting(
                        &self,
                        __f: &mut ::core::fmt::Formatter<'_>,
                    ) -> ::core::fmt::Result {
                        ::core::fmt::Formatter::write_str(__f, #expecting)
                    }
                    fn visit_map<__A: ::awsjson::__private::serde::de::MapAccess<'de>>(
                        self,
                        mut #map: __A,
                    ) -> ::core::result::Result<#ident, __A::Error> {
                        #body
                    }
                }
                #finish
            }
        }
    }
}

/// Parses the attribute's arguments with `parse_args` and the item it is on; on a
/// syntax error, the error and the fallback item.
fn parse<A>(
    cx: &Ctxt,
    args: TokenStream,
    input: &TokenStream,
    parse_args: fn(&Ctxt, syn::parse::ParseStream) -> A,
) -> Result<(A, syn::DeriveInput), syn::Error> {
    let parsed =
        syn::parse::Parser::parse2(|s: syn::parse::ParseStream| Ok(parse_args(cx, s)), args);
    let item = syn::parse2::<syn::DeriveInput>(input.clone());
    match (parsed, item) {
        (Ok(args), Ok(item)) => Ok((args, item)),
        (Err(err), _) | (_, Err(err)) => Err(err),
    }
}

/// With `crate = ...` in `args`, the user's own `::awsjson` paths are made distinct
/// from the expansion's, which `in_crate` then points at the given path.
fn protect_user_paths(args: TokenStream, input: TokenStream) -> (TokenStream, TokenStream) {
    if attr::has_crate_key(&args) {
        (crate_path::protect(args), crate_path::protect(input))
    } else {
        (args, input)
    }
}

fn in_crate(krate: Option<&CratePath>, output: TokenStream) -> TokenStream {
    match krate {
        Some(krate) => krate.apply(output),
        None => output,
    }
}

/// The errors collected while parsing and checking, then the fallback.
fn failed(result: Result<(), syn::Error>, fallback: TokenStream) -> TokenStream {
    let err = result
        .err()
        .unwrap_or_else(|| syn::Error::new(proc_macro2::Span::call_site(), "invalid declaration"));
    with_fallback(err, fallback)
}

/// The arguments as far as they can be read, for the fallback (their errors are
/// reported by the expansion proper), and whether they are sound.
fn lenient_args<A>(
    args: TokenStream,
    parse_args: fn(&Ctxt, syn::parse::ParseStream) -> A,
) -> (Option<A>, bool) {
    let cx = Ctxt::new();
    let parsed =
        syn::parse::Parser::parse2(|s: syn::parse::ParseStream| Ok(parse_args(&cx, s)), args);
    let clean = cx.check().is_ok() && parsed.is_ok();
    (parsed.ok(), clean)
}

/// The fallback surface names `::awsjson`, or the `crate = ...` path. A `crate` key
/// among unsound arguments may not be the path the user meant (a duplicate, a typo):
/// then only the item itself is emitted, as its impls could not be placed.
fn operation_fallback(args: TokenStream, input: &TokenStream) -> TokenStream {
    let has_crate = attr::has_crate_key(&args);
    let (args, clean) = lenient_args(args, attr::operation_args);
    match args.as_ref().map(|a| a.krate.as_ref()) {
        Some(Some(krate)) if clean => krate.apply(fallback::operation(input, args.as_ref())),
        _ if has_crate => fallback::item(input),
        _ => fallback::operation(input, args.as_ref()),
    }
}

fn shape_fallback(args: TokenStream, input: &TokenStream) -> TokenStream {
    if !attr::has_crate_key(&args) {
        return fallback::shape(input);
    }
    match lenient_args(args, attr::shape_args) {
        (
            Some(attr::ShapeArgs {
                krate: Some(krate), ..
            }),
            true,
        ) => krate.apply(fallback::shape(input)),
        _ => fallback::item(input),
    }
}

pub(crate) fn operation(args: TokenStream, input: TokenStream) -> TokenStream {
    let (args, input) = protect_user_paths(args, input);
    let cx = Ctxt::new();
    let raw_args = args.clone();
    let (args, item) = match parse(&cx, args, &input, attr::operation_args) {
        Ok(parsed) => parsed,
        Err(err) => {
            cx.syn_error(err);
            return failed(cx.check(), operation_fallback(raw_args, &input));
        }
    };
    let mut op = Operation::from_syn(&cx, args, item);
    let resolved = op.as_mut().and_then(|op| check::operation(&cx, op));
    let host_prefix = op.as_ref().and_then(|op| endpoint::host_prefix(&cx, op));
    let endpoint_url = op
        .as_ref()
        .and_then(|op| endpoint::endpoint_url(&cx, op))
        .map(|f| (f.ident.clone(), f.optional));
    match (cx.check(), op, resolved) {
        (Ok(()), Some(op), Some(resolved)) => {
            let output = operation::expand(&op, &resolved, host_prefix.as_ref(), endpoint_url);
            in_crate(op.args.krate.as_ref(), output)
        }
        (result, _, _) => failed(result, operation_fallback(raw_args, &input)),
    }
}

pub(crate) fn shape(args: TokenStream, input: TokenStream) -> TokenStream {
    let (args, input) = protect_user_paths(args, input);
    let cx = Ctxt::new();
    let raw_args = args.clone();
    let (args, item) = match parse(&cx, args, &input, attr::shape_args) {
        Ok(parsed) => parsed,
        Err(err) => {
            cx.syn_error(err);
            return failed(cx.check(), shape_fallback(raw_args, &input));
        }
    };
    let mut shape = Shape::from_syn(&cx, &args, item);
    let model = match &mut shape {
        Some(Shape::Struct(s)) => check::struct_shape(&cx, s, args.shape.as_ref()),
        Some(Shape::Enum(e)) => {
            check::enum_shape(&cx, e, args.shape.as_ref());
            None
        }
        None => None,
    };
    let output = match (cx.check(), shape) {
        (Ok(()), Some(Shape::Struct(s))) => structure::expand(s, model.as_deref()),
        (Ok(()), Some(Shape::Enum(e))) => match e.kind {
            EnumKind::String => enumeration::expand(e),
            EnumKind::Int => enumeration::expand_int(e),
            EnumKind::Union => union::expand(e),
        },
        (result, _) => return failed(result, shape_fallback(raw_args, &input)),
    };
    in_crate(args.krate.as_ref(), output)
}

pub(crate) fn catalog_services() -> TokenStream {
    services::expand()
}
