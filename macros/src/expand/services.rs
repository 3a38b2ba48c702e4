//! `__catalog_services!()`: every cataloged service's `ServiceMeta`, as the operation
//! macro would emit it, for awsjson's own conformance tests (the endpoint-rule suite
//! resolves each service's endpoints through the runtime without declaring an
//! operation of each).

use proc_macro2::TokenStream;
use quote::quote;

use crate::{catalog, check};

pub(crate) fn expand() -> TokenStream {
    let catalog = catalog::catalog();
    let entries = catalog.service_names().filter_map(|name| {
        let service = catalog.service(name)?;
        let meta = super::operation::service_meta(&check::of_service(service));
        Some(quote!((#name, #meta)))
    });
    quote! {
        {
            const SERVICES: &[(&str, ::awsjson::ServiceMeta)] = &[#(#entries),*];
            SERVICES
        }
    }
}
