//! Unions: exactly one member set, written as a one-member object; a member this
//! declaration does not know reads as `Unknown`.

use proc_macro2::TokenStream;
use quote::{quote, quote_spanned};
use syn::spanned::Spanned;

use super::de::{Adapter, deserialize_impl};
use crate::checked::Enum;

pub(crate) fn expand(shape: &Enum) -> TokenStream {
    let mut item = shape.item.clone();
    let debug = super::debug::redacting_union(&mut item, &shape.variants);
    let syn::Data::Enum(data) = &mut item.data else {
        unreachable!("a union is an enum")
    };
    data.variants.push(syn::parse_quote! {
        /// A member this declaration does not list (the service may add members at any
        /// time), by wire name. It cannot be sent.
        Unknown(::awsjson::UnknownValue)
    });
    let ident = &item.ident;
    let item = &item;
    let default = super::enumeration::default_impl(
        item,
        quote!(#ident::Unknown(::awsjson::__private::unknown_value(""))),
    );
    let name = ident.to_string();
    let expecting = format!("union {name}: an object with one member set");
    let none_set = format!("union {name} has no member set");
    let two_set = format!("union {name} has more than one member set");

    let mut member_checks = Vec::new();
    let mut ser_arms = Vec::new();
    let mut de_arms = Vec::new();
    for variant in &shape.variants {
        let v = &variant.decl.ident;
        let wire = &variant.wire_name;
        let Some(ty) = &variant.decl.ty else { continue };
        // A member targeting Smithy's `Unit`: `Quit(())`, on the wire `"quit": {}`.
        if matches!(ty, syn::Type::Tuple(t) if t.elems.is_empty()) {
            ser_arms.push(quote! {
                #ident::#v(()) => map.serialize_entry(
                    #wire,
                    &::awsjson::__private::union::UnitMember,
                )?,
            });
            de_arms.push(quote! {
                #wire => match __S::value(map, ::awsjson::__private::union::UnitSeed)? {
                    ::core::option::Option::Some(_) => set(&mut found, #ident::#v(()))?,
                    ::core::option::Option::None => {}
                },
            });
            continue;
        }
        let adapter = Adapter::of(ty, variant.timestamp);
        // Through `Member`, asked for once here, so that a type that is no shape gets
        // one error with the advice that fits.
        let span = ty.span();
        if adapter.is_none() {
            member_checks
                .push(quote_spanned!(span=> ::awsjson::__private::member::member::<#ty>();));
        }
        let value = match &adapter {
            Some(adapter) => adapter.write(quote!(value)),
            None => {
                quote_spanned!(span=> &(&::awsjson::__private::member::Probe::<#ty>::NEW).writer(value))
            }
        };
        ser_arms.push(quote! {
            #ident::#v(value) => map.serialize_entry(#wire, #value)?,
        });
        // `null` is a member left unset, except for a document, for which `null` is a
        // value: it counts when no other member is set.
        let read = match &adapter {
            Some(adapter) => {
                let seed = adapter.read();
                quote!(__S::value(map, #seed)?)
            }
            None => quote_spanned! {span=>
                __S::value(map, (&&::awsjson::__private::member::ReadProbe::<#ty>::NEW).reader())?
            },
        };
        let null = if crate::ty::is_document(ty) {
            quote! {
                ::core::option::Option::None => {
                    null_document = ::core::option::Option::Some(#ident::#v(<#ty>::Null));
                }
            }
        } else {
            quote!(::core::option::Option::None => {})
        };
        de_arms.push(quote! {
            #wire => match #read {
                ::core::option::Option::Some(value) => set(&mut found, #ident::#v(value))?,
                #null
            },
        });
    }
    let deserialize = deserialize_impl(ident, &expecting);
    let read_union = quote! {
        /// The union from the members of an object, on either path of `Source`.
        fn read_union<__M: __S>(map: &mut __M) -> ::core::result::Result<#ident, __M::Error> {
            fn set<__E: ::awsjson::__private::serde::de::Error>(
                found: &mut ::core::option::Option<#ident>,
                value: #ident,
            ) -> ::core::result::Result<(), __E> {
                if found.is_some() {
                    return ::core::result::Result::Err(__E::custom(#two_set));
                }
                *found = ::core::option::Option::Some(value);
                ::core::result::Result::Ok(())
            }
            let mut found: ::core::option::Option<#ident> = ::core::option::Option::None;
            #[allow(unused_mut)]
            let mut null_document: ::core::option::Option<#ident> = ::core::option::Option::None;
            let mut unknown: ::core::option::Option<::std::string::String> =
                ::core::option::Option::None;
            while let ::core::option::Option::Some(key) = __S::next_key(map)? {
                match key.as_str() {
                    #(#de_arms)*
                    // Some services name the union's type beside its member.
                    "__type" => __S::skip(map)?,
                    _ => {
                        if __S::skip_set(map)? && unknown.is_none() {
                            unknown = ::core::option::Option::Some(key);
                        }
                    }
                }
            }
            match (found.or(null_document), unknown) {
                (::core::option::Option::Some(value), _) => ::core::result::Result::Ok(value),
                (::core::option::Option::None, ::core::option::Option::Some(member)) => {
                    ::core::result::Result::Ok(#ident::Unknown(
                        ::awsjson::__private::unknown_value(&member),
                    ))
                }
                (::core::option::Option::None, ::core::option::Option::None) => {
                    ::core::result::Result::Err(
                        <__M::Error as ::awsjson::__private::serde::de::Error>::custom(#none_set),
                    )
                }
            }
        }
    };
    let event_union = super::event_stream::event_union(shape, ident);
    quote! {
        #item

        #debug

        #event_union

        #[allow(clippy::all, non_camel_case_types)]
        const _: () = {
            use ::awsjson::__private::serde::ser::SerializeMap as _;
            use ::awsjson::__private::json_struct::Source as __S;
            // Only one of each pair is used, whichever method lookup picks.
            #[allow(unused_imports)]
            use ::awsjson::__private::member::{
                IsMember as _, NotMember as _, ReadsJson as _, ReadsNothing as _, ReadsSerde as _,
            };

            const _: () = {
                #(#member_checks)*
            };

            #[automatically_derived]
            impl ::awsjson::__private::serde::Serialize for #ident {
                fn serialize<__S: ::awsjson::__private::serde::Serializer>(
                    &self,
                    serializer: __S,
                ) -> ::core::result::Result<__S::Ok, __S::Error> {
                    if let #ident::Unknown(member) = self {
                        return ::core::result::Result::Err(
                            ::awsjson::__private::union::unknown_member(#name, member.as_str()),
                        );
                    }
                    let mut map = serializer.serialize_map(::core::option::Option::Some(1))?;
                    match self {
                        #(#ser_arms)*
                        #ident::Unknown(_) => {}
                    }
                    map.end()
                }
            }

            #read_union

            #deserialize

            #[automatically_derived]
            impl ::awsjson::__private::json_read::FromJson for #ident {
                fn from_json(
                    r: &mut ::awsjson::__private::json_read::Reader<'_>,
                ) -> ::core::result::Result<Self, ::awsjson::__private::json_read::Error> {
                    read_union(&mut r.object(#expecting)?)
                }
            }

            // Smithy's client error correction for a required union member left out: the
            // unknown variant.
            #[automatically_derived]
            impl ::awsjson::__private::json_struct::ErrorCorrection for #ident {
                fn error_correction() -> ::core::option::Option<Self> {
                    ::core::option::Option::Some(#ident::Unknown(::awsjson::__private::unknown_value("")))
                }
            }

            #default
        };
    }
}
