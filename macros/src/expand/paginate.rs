//! `paginate(...)`: the `Paginate` impls and the `pages` / `items` methods.

use proc_macro2::TokenStream;
use quote::{quote, quote_spanned};

use crate::ast::Operation;
use crate::attr::PaginateArgs;

pub(crate) fn expand(op: &Operation, args: &PaginateArgs) -> TokenStream {
    // Checked before expansion: both tokens and the output are there.
    let (Some(input_token), Some(output_token), Some(output)) =
        (&args.input_token, &args.output_token, &op.args.output)
    else {
        return TokenStream::new();
    };
    let ident = &op.body.item.ident;
    let vis = &op.body.item.vis;
    // Spanned at the user's member names, so that a member missing on the output, or
    // token types that differ, are reported on the `paginate(...)` entry.
    let advance = quote_spanned! {output_token.span()=>
        ::awsjson::__private::advance_token(&mut self.#input_token, &mut page.#output_token)
    };
    let mut out = quote! {
        #[automatically_derived]
        impl ::awsjson::Paginate for #ident {
            fn advance(&mut self, page: &mut #output) -> ::awsjson::Advance {
                #advance
            }
        }

        #[automatically_derived]
        impl #ident {
            /// The pages of this operation, from its current input token on, following
            /// each page's next-page token until the last page.
            #vis fn pages(self, client: &::awsjson::Client) -> ::awsjson::Pages<Self> {
                ::awsjson::Pages::new(client, self)
            }
        }
    };
    if let Some(page_size) = &args.page_size {
        let set = quote_spanned! {page_size.span()=>
            self.#page_size = ::core::option::Option::Some(::awsjson::__private::page_size(size));
        };
        out.extend(quote! {
            #[automatically_derived]
            impl ::awsjson::PageSize for #ident {
                fn set_page_size(&mut self, size: i32) {
                    #set
                }
            }
        });
    }
    if let Some((items, item_ty)) = &args.items {
        let take = quote_spanned! {items.span()=>
            ::awsjson::__private::PageItems::take_items(&mut page.#items)
        };
        out.extend(quote! {
            #[automatically_derived]
            impl ::awsjson::PaginateItems for #ident {
                type Item = #item_ty;
                fn take_items(page: &mut #output) -> ::std::vec::Vec<#item_ty> {
                    #take
                }
            }

            #[automatically_derived]
            impl #ident {
                /// The items of every page of this operation, one at a time: a page is
                /// requested only once the items of the previous one are used up.
                #vis fn items(self, client: &::awsjson::Client) -> ::awsjson::Items<Self> {
                    ::awsjson::Items::new(client, self)
                }
            }
        });
    }
    out
}
