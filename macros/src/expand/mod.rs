//! Pipeline: parse → check → (only when clean) generate.

mod de;
mod debug;
mod enumeration;
mod event_stream;
mod http;
mod operation;
mod paginate;
mod services;
mod structure;
mod union;

use proc_macro2::TokenStream;
use quote::quote;

use crate::ast::{EnumKind, Operation, Shape};
use crate::checked;
use crate::crate_path::{self, CratePath};
use crate::ctxt::{Ctxt, with_fallback};
use crate::{attr, check, fallback};

/// Parses the attribute's arguments with `parse_args` and the item it is on; a syntax
/// error in either stops the expansion.
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

/// The seed that reads a value of member type `ty` outside a structure's body (an
/// event's or a response's payload): its read probe, as a structure member's, so that
/// the runtime's reader reads the types it knows and serde a user's own.
fn payload_reader(ty: &syn::Type) -> TokenStream {
    quote! {{
        use ::awsjson::__private::member::{ReadsJson as _, ReadsNothing as _, ReadsSerde as _};
        (&&::awsjson::__private::member::ReadProbe::<#ty>::NEW).reader()
    }}
}

fn in_crate(krate: Option<&CratePath>, output: TokenStream) -> TokenStream {
    match krate {
        Some(krate) => krate.apply(output),
        None => output,
    }
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
    let raw_args = args.clone();
    match checked_operation(args, &input) {
        Ok(output) => output,
        Err(err) => with_fallback(err, operation_fallback(raw_args, &input)),
    }
}

/// cxx's `bridge()`: parse, check, `cx.check()?`, then an expansion that cannot fail.
fn checked_operation(args: TokenStream, input: &TokenStream) -> syn::Result<TokenStream> {
    let cx = Ctxt::new();
    let (args, item) = match parse(&cx, args, input, attr::operation_args) {
        Ok(parsed) => parsed,
        Err(err) => return Err(cx.fatal(err)),
    };
    let op = match Operation::from_syn(&cx, args, item) {
        Ok(op) => op,
        Err(err) => return Err(cx.fatal(err)),
    };
    let checked = check::operation(&cx, &op);
    cx.check()?;
    Ok(in_crate(
        op.args.krate.as_ref(),
        operation::expand(&checked),
    ))
}

pub(crate) fn shape(args: TokenStream, input: TokenStream) -> TokenStream {
    let (args, input) = protect_user_paths(args, input);
    let raw_args = args.clone();
    match checked_shape(args, &input) {
        Ok(output) => output,
        Err(err) => with_fallback(err, shape_fallback(raw_args, &input)),
    }
}

fn checked_shape(args: TokenStream, input: &TokenStream) -> syn::Result<TokenStream> {
    let cx = Ctxt::new();
    let (args, item) = match parse(&cx, args, input, attr::shape_args) {
        Ok(parsed) => parsed,
        Err(err) => return Err(cx.fatal(err)),
    };
    let shape = match Shape::from_syn(&cx, &args, item) {
        Ok(shape) => shape,
        Err(err) => return Err(cx.fatal(err)),
    };
    let checked = check::shape(&cx, &shape, args.shape.as_ref());
    cx.check()?;
    let output = match &checked {
        checked::Shape::Struct(s) => structure::expand(s),
        checked::Shape::Enum(e) => match e.kind {
            EnumKind::String => enumeration::expand(e),
            EnumKind::Int => enumeration::expand_int(e),
            EnumKind::Union => union::expand(e),
        },
    };
    Ok(in_crate(args.krate.as_ref(), output))
}

pub(crate) fn catalog_services() -> TokenStream {
    services::expand()
}
