//! Collects errors so that one expansion reports every mistake at once.

use std::cell::RefCell;
use std::fmt::Display;

use proc_macro2::TokenStream;
use quote::ToTokens;

/// Error accumulator: push while parsing and checking, then `check()` once.
pub(crate) struct Ctxt {
    errors: RefCell<Option<Vec<syn::Error>>>,
}

impl Ctxt {
    pub(crate) fn new() -> Self {
        Ctxt {
            errors: RefCell::new(Some(Vec::new())),
        }
    }

    pub(crate) fn error_spanned_by<T: ToTokens, M: Display>(&self, tokens: T, message: M) {
        self.syn_error(syn::Error::new_spanned(tokens.into_token_stream(), message));
    }

    pub(crate) fn error_at<M: Display>(&self, span: proc_macro2::Span, message: M) {
        self.syn_error(syn::Error::new(span, message));
    }

    pub(crate) fn syn_error(&self, err: syn::Error) {
        self.errors
            .borrow_mut()
            .as_mut()
            .expect("Ctxt used after check")
            .push(err);
    }

    /// All errors combined, or `Ok` when there were none.
    pub(crate) fn check(self) -> Result<(), syn::Error> {
        let errors = self.errors.borrow_mut().take().expect("Ctxt checked twice");
        let mut iter = errors.into_iter();
        let Some(mut combined) = iter.next() else {
            return Ok(());
        };
        for rest in iter {
            combined.combine(rest);
        }
        Err(combined)
    }
}

impl Ctxt {
    /// Every error so far and `err`, the mistake that stops the expansion.
    pub(crate) fn fatal(self, err: syn::Error) -> syn::Error {
        match self.check() {
            Ok(()) => err,
            Err(mut earlier) => {
                earlier.combine(err);
                earlier
            }
        }
    }
}

impl Drop for Ctxt {
    fn drop(&mut self) {
        // A drop bomb, as in serde: errors pushed but never reported would be lost.
        if !std::thread::panicking() && self.errors.borrow().is_some() {
            panic!("awsjson-macros: Ctxt dropped without check()");
        }
    }
}

/// Compile errors followed by the fallback item.
pub(crate) fn with_fallback(err: syn::Error, fallback: TokenStream) -> TokenStream {
    let mut out = err.into_compile_error();
    out.extend(fallback);
    out
}
