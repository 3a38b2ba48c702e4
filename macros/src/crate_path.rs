//! `crate = "path"`: where generated code finds awsjson when the user's crate does not
//! call it `awsjson` (a renamed dependency, or a facade crate that re-exports it).
//!
//! The expansion writes `::awsjson::…` throughout; with a `crate` path, the finished
//! output has each of those replaced. User tokens keep their meaning: a `::awsjson`
//! the user wrote is turned into the equivalent `::r#awsjson` before expansion, which
//! the replacement leaves alone.

use proc_macro2::{Delimiter, Group, Ident, Punct, Spacing, Span, TokenStream, TokenTree};
use quote::{ToTokens, quote_spanned};

const NAME: &str = "awsjson";

/// A parsed `crate = "..."` value, with the literal's span for errors.
pub(crate) struct CratePath {
    pub(crate) path: syn::Path,
    pub(crate) span: Span,
}

impl CratePath {
    /// Parses the literal as a path (`my_facade::awsjson`, `::aws`, `crate::reexports::aws`).
    pub(crate) fn from_lit(lit: &syn::LitStr) -> syn::Result<Self> {
        let value = lit.value();
        let malformed = || {
            syn::Error::new(
                lit.span(),
                format!(
                    "malformed `crate` {value:?}: expected a path to awsjson without generics, such as \"my_facade::awsjson\""
                ),
            )
        };
        let path = lit
            .parse_with(syn::Path::parse_mod_style)
            .map_err(|_| malformed())?;
        Ok(CratePath {
            path,
            span: lit.span(),
        })
    }

    /// `output` with every generated `::awsjson` replaced by the path, and an item that
    /// names the path. The path's tokens sit at the literal: a path that does not
    /// resolve is one error there (rustc merges the identical ones), not one per use.
    /// Their mixed-site hygiene resolves them at the call site, as written, and keeps
    /// `unused_qualifications` quiet about a `crate::…` path.
    pub(crate) fn apply(&self, output: TokenStream) -> TokenStream {
        let mut out = replace(output, &self.path, self.span);
        let span = Span::mixed_site().located_at(self.span);
        let path = respan(self.path.to_token_stream(), span);
        out.extend(quote_spanned! {span=>
            const _: () = {
                #[allow(unused_imports)]
                use #path::__private as _;
            };
        });
        out
    }
}

/// Turns `::awsjson` in the user's tokens into `::r#awsjson` (the same path to rustc),
/// so that [`CratePath::apply`] replaces only what the expansion wrote.
pub(crate) fn protect(input: TokenStream) -> TokenStream {
    map_leading(input, &mut |ident, out| {
        out.push(TokenTree::Ident(Ident::new_raw(NAME, ident.span())));
    })
}

fn replace(input: TokenStream, path: &syn::Path, at: Span) -> TokenStream {
    map_leading(input, &mut |_, out| {
        let span = Span::mixed_site().located_at(at);
        let tokens = respan(path.to_token_stream(), span);
        let mut tokens: Vec<TokenTree> = tokens.into_iter().collect();
        // The `::` before `awsjson` is already out; a path of its own that starts with
        // `::` (`"::aws"`) must not double it.
        if path.leading_colon.is_some() {
            tokens.drain(..2);
        } else {
            // `::` + relative path: drop the `::` just written.
            out.truncate(out.len() - 2);
        }
        out.extend(tokens);
    })
}

/// Calls `each` on every (not raw) `awsjson` identifier after `::`, with the tokens
/// emitted so far; other tokens are copied.
fn map_leading(
    input: TokenStream,
    each: &mut impl FnMut(&Ident, &mut Vec<TokenTree>),
) -> TokenStream {
    // Iterative over nested groups: a stack of (delimiter, span, tokens so far, rest).
    let mut stack: Vec<(
        Delimiter,
        Span,
        Vec<TokenTree>,
        proc_macro2::token_stream::IntoIter,
    )> = Vec::new();
    let mut out: Vec<TokenTree> = Vec::new();
    let mut rest = input.into_iter();
    loop {
        let Some(tree) = rest.next() else {
            let Some((delimiter, span, outer, outer_rest)) = stack.pop() else {
                return out.into_iter().collect();
            };
            let mut group = Group::new(delimiter, out.into_iter().collect());
            group.set_span(span);
            out = outer;
            out.push(TokenTree::Group(group));
            rest = outer_rest;
            continue;
        };
        match tree {
            TokenTree::Group(group) => {
                let inner = group.stream().into_iter();
                let outer = std::mem::take(&mut out);
                let outer_rest = std::mem::replace(&mut rest, inner);
                stack.push((group.delimiter(), group.span(), outer, outer_rest));
            }
            TokenTree::Ident(ident) if ident == NAME && starts_path(&out) => each(&ident, &mut out),
            other => out.push(other),
        }
    }
}

/// Whether the tokens end with `::`. The expansion writes `awsjson` after `::` only as
/// the crate; the user's `…::awsjson` segments were made raw by [`protect`].
fn starts_path(out: &[TokenTree]) -> bool {
    let n = out.len();
    n >= 2
        && matches!(&out[n - 2], TokenTree::Punct(p) if p.as_char() == ':' && p.spacing() == Spacing::Joint)
        && matches!(&out[n - 1], TokenTree::Punct(p) if p.as_char() == ':')
}

fn respan(tokens: TokenStream, span: Span) -> TokenStream {
    tokens
        .into_iter()
        .map(|mut tree| {
            match &mut tree {
                TokenTree::Group(g) => {
                    let mut group = Group::new(g.delimiter(), respan(g.stream(), span));
                    group.set_span(span);
                    *g = group;
                }
                TokenTree::Punct(p) => {
                    let mut punct = Punct::new(p.as_char(), p.spacing());
                    punct.set_span(span);
                    *p = punct;
                }
                other => other.set_span(span),
            }
            tree
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use quote::quote;

    use super::{CratePath, protect, replace};

    fn path(s: &str) -> syn::Path {
        syn::parse_str(s).unwrap()
    }

    #[test]
    fn replaces_leading_paths_only() {
        let generated = quote! {
            impl ::awsjson::__private::Operation for X {
                fn f(_: &::awsjson::Client) -> <T as ::awsjson::A>::B { ::r#awsjson::x() }
            }
        };
        let out = replace(
            generated,
            &path("facade::aws"),
            proc_macro2::Span::call_site(),
        )
        .to_string();
        assert_eq!(
            out,
            quote! {
                impl facade::aws::__private::Operation for X {
                    fn f(_: &facade::aws::Client) -> <T as facade::aws::A>::B { ::r#awsjson::x() }
                }
            }
            .to_string()
        );
        let out = replace(
            quote!(&::awsjson::X),
            &path("::aws"),
            proc_macro2::Span::call_site(),
        )
        .to_string();
        assert_eq!(out, quote!(&::aws::X).to_string());
    }

    #[test]
    fn user_paths_are_kept() {
        let user = protect(quote!(
            struct S {
                b: ::awsjson::Blob,
                c: Vec<a::awsjson::Blob>,
            }
        ));
        let out = replace(
            quote!(#user impl ::awsjson::T for S {}),
            &path("aws"),
            proc_macro2::Span::call_site(),
        )
        .to_string();
        assert_eq!(
            out,
            quote!(struct S { b: ::r#awsjson::Blob, c: Vec<a::r#awsjson::Blob>, } impl aws::T for S {})
                .to_string()
        );
    }

    #[test]
    fn crate_key_is_found_at_the_top_level_only() {
        use crate::attr::has_crate_key;
        assert!(has_crate_key(&quote!(crate = "aws")));
        assert!(has_crate_key(&quote!(
            target = "A.B",
            crate = "aws",
            output = X
        )));
        assert!(!has_crate_key(&quote!(target = "A.B", output = crate::X)));
        assert!(!has_crate_key(&quote!(paginate(crate = x))));
        assert!(!has_crate_key(&quote!()));
    }

    #[test]
    fn malformed_values() {
        for bad in ["", "a b", "a::", "a<T>", "1x", "a::b()"] {
            let lit = syn::LitStr::new(bad, proc_macro2::Span::call_site());
            assert!(CratePath::from_lit(&lit).is_err(), "{bad:?}");
        }
        for good in [
            "aws",
            "::aws",
            "my_facade::awsjson",
            "crate::reexports::aws",
            "self::aws",
        ] {
            let lit = syn::LitStr::new(good, proc_macro2::Span::call_site());
            assert!(CratePath::from_lit(&lit).is_ok(), "{good:?}");
        }
    }
}
