//! Procedural macros of `awsjson`. The documentation lives on the re-exports in the
//! `awsjson` crate, which is the crate to depend on.

#![forbid(unsafe_code)]
#![allow(
    clippy::needless_pass_by_value, // proc-macro entry points take token streams by value
)]

mod ast;
mod attr;
mod case;
#[allow(dead_code)] // the query API is shared with awsjson-cli, which reads more of it
mod catalog;
mod check;
mod checked;
mod crate_path;
mod ctxt;
mod expand;
mod fallback;
mod suggest;
#[cfg(test)]
mod tests;
mod ty;

use proc_macro::TokenStream;

/// Declares an awsJson operation on a struct; see the `awsjson` crate.
#[proc_macro_attribute]
pub fn aws_json_operation(args: TokenStream, input: TokenStream) -> TokenStream {
    expand::operation(args.into(), input.into()).into()
}

/// Declares a structure, error or string enum used by operations; see the `awsjson` crate.
#[proc_macro_attribute]
pub fn aws_json_shape(args: TokenStream, input: TokenStream) -> TokenStream {
    expand::shape(args.into(), input.into()).into()
}

/// Every cataloged service as `&[(name, ServiceMeta)]`, for awsjson's own tests.
#[doc(hidden)]
#[proc_macro]
pub fn __catalog_services(input: TokenStream) -> TokenStream {
    if !input.is_empty() {
        return syn::Error::new(
            proc_macro2::Span::call_site(),
            "`__catalog_services!` takes no arguments",
        )
        .into_compile_error()
        .into();
    }
    expand::catalog_services().into()
}
