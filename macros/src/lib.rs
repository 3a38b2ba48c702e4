//! Procedural macros of `awsjson`; see the `awsjson` crate for documentation.

use proc_macro::TokenStream;

#[proc_macro_attribute]
pub fn aws_json_operation(_args: TokenStream, input: TokenStream) -> TokenStream {
    input
}

#[proc_macro_attribute]
pub fn aws_json_shape(_args: TokenStream, input: TokenStream) -> TokenStream {
    input
}
