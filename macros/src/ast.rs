//! The declaration model: the user's item with its options read and our inert
//! attributes stripped, keeping spans for errors.

use proc_macro2::Span;
use syn::spanned::Spanned;

use crate::attr::{self, FieldAttrs, OperationArgs, ShapeArgs, Sp};
use crate::case::RenameRule;
use crate::ctxt::Ctxt;
use crate::ty;

/// A struct member and its wire name.
pub(crate) struct Field {
    pub(crate) ident: syn::Ident,
    pub(crate) ty: syn::Type,
    pub(crate) wire_name: String,
    /// The span errors about the wire name point at (the rename literal or the field).
    pub(crate) wire_span: Span,
    pub(crate) attrs: FieldAttrs,
    pub(crate) optional: bool,
}

pub(crate) struct Struct {
    /// The item as it will be emitted, without our attributes.
    pub(crate) item: syn::DeriveInput,
    pub(crate) fields: Vec<Field>,
}

pub(crate) struct Variant {
    pub(crate) ident: syn::Ident,
    pub(crate) wire_name: String,
    pub(crate) wire_span: Span,
    /// Whether the wire value was given with `#[aws(rename = "...")]`.
    pub(crate) renamed: bool,
}

pub(crate) struct Enum {
    pub(crate) item: syn::DeriveInput,
    pub(crate) variants: Vec<Variant>,
}

pub(crate) enum Shape {
    Struct(Struct),
    Enum(Enum),
}

pub(crate) struct Operation {
    pub(crate) args: OperationArgs,
    pub(crate) body: Struct,
}

impl Operation {
    pub(crate) fn from_syn(
        cx: &Ctxt,
        args: OperationArgs,
        mut item: syn::DeriveInput,
    ) -> Option<Self> {
        let rule = args.rename_all.unwrap_or(RenameRule::PascalCase);
        match &item.data {
            syn::Data::Struct(data) if matches!(data.fields, syn::Fields::Named(_)) => {}
            syn::Data::Struct(data) => {
                let what = if matches!(data.fields, syn::Fields::Unit) {
                    "a unit struct"
                } else {
                    "a tuple struct"
                };
                cx.syn_error(syn::Error::new(
                    item.ident.span(),
                    format!("#[aws_json_operation] needs a struct with named fields, not {what}: each field is a member of the request"),
                ));
                return None;
            }
            syn::Data::Enum(data) => {
                cx.syn_error(syn::Error::new(
                    data.enum_token.span,
                    "#[aws_json_operation] goes on a struct with named fields, not an enum; use #[aws_json_shape] for string enums",
                ));
                return None;
            }
            syn::Data::Union(data) => {
                cx.syn_error(syn::Error::new(
                    data.union_token.span,
                    "#[aws_json_operation] goes on a struct with named fields, not a union",
                ));
                return None;
            }
        }
        no_generics(cx, &item, "aws_json_operation");
        let fields = named_fields(cx, &mut item, rule);
        Some(Operation {
            args,
            body: Struct { item, fields },
        })
    }
}

impl Shape {
    pub(crate) fn from_syn(
        cx: &Ctxt,
        args: &ShapeArgs,
        mut item: syn::DeriveInput,
    ) -> Option<Self> {
        no_generics(cx, &item, "aws_json_shape");
        match &item.data {
            syn::Data::Struct(data) if matches!(data.fields, syn::Fields::Named(_)) => {
                let rule = args.rename_all.unwrap_or(RenameRule::PascalCase);
                let fields = named_fields(cx, &mut item, rule);
                for field in &fields {
                    if let Some(attr) = &field.attrs.idempotency {
                        cx.error_spanned_by(
                            attr,
                            "`#[idempotency]` belongs on a field of an #[aws_json_operation] struct, not of a shape",
                        );
                    }
                }
                Some(Shape::Struct(Struct { item, fields }))
            }
            syn::Data::Struct(_) => {
                cx.syn_error(syn::Error::new(
                    item.ident.span(),
                    "#[aws_json_shape] needs a struct with named fields or an enum of unit variants",
                ));
                None
            }
            syn::Data::Enum(_) => {
                let rule = args.rename_all.unwrap_or(RenameRule::None);
                let variants = unit_variants(cx, &mut item, rule);
                Some(Shape::Enum(Enum { item, variants }))
            }
            syn::Data::Union(data) => {
                cx.syn_error(syn::Error::new(
                    data.union_token.span,
                    "#[aws_json_shape] needs a struct with named fields or an enum, not a Rust union",
                ));
                None
            }
        }
    }
}

fn no_generics(cx: &Ctxt, item: &syn::DeriveInput, attr: &str) {
    if !item.generics.params.is_empty() {
        cx.error_spanned_by(
            &item.generics,
            format!("#[{attr}] does not support generic parameters"),
        );
    }
}

fn named_fields(cx: &Ctxt, item: &mut syn::DeriveInput, rule: RenameRule) -> Vec<Field> {
    let syn::Data::Struct(syn::DataStruct {
        fields: syn::Fields::Named(named),
        ..
    }) = &mut item.data
    else {
        return Vec::new();
    };
    named
        .named
        .iter_mut()
        .filter_map(|field| {
            let attrs = attr::field_attrs(cx, &mut field.attrs);
            let ident = field.ident.clone()?;
            let (wire_name, wire_span) = match &attrs.rename {
                Some(Sp { value, span }) => (value.clone(), *span),
                None => (rule.apply(&ident.to_string()), ident.span()),
            };
            Some(Field {
                optional: ty::option_inner(&field.ty).is_some(),
                ident,
                ty: field.ty.clone(),
                wire_name,
                wire_span,
                attrs,
            })
        })
        .collect()
}

fn unit_variants(cx: &Ctxt, item: &mut syn::DeriveInput, rule: RenameRule) -> Vec<Variant> {
    let syn::Data::Enum(data) = &mut item.data else {
        return Vec::new();
    };
    let mut variants = Vec::new();
    for variant in &mut data.variants {
        let rename = attr::variant_attrs(cx, &mut variant.attrs);
        if !matches!(variant.fields, syn::Fields::Unit) {
            cx.error_spanned_by(
                &variant.fields,
                "a string enum's variants carry no data: awsjson adds `Unknown(UnknownValue)` itself",
            );
            continue;
        }
        if let Some((_, discriminant)) = &variant.discriminant {
            cx.error_spanned_by(discriminant, "a string enum's variants take no discriminant; use #[aws(rename = \"...\")] for the wire value");
        }
        if variant.ident == "Unknown" {
            cx.syn_error(syn::Error::new(
                variant.ident.span(),
                "`Unknown` is reserved: awsjson adds `Unknown(UnknownValue)` for values added later; rename the variant and give its wire value with #[aws(rename = \"Unknown\")]",
            ));
            continue;
        }
        let renamed = rename.is_some();
        let (wire_name, wire_span) = match rename {
            Some(Sp { value, span }) => (value, span),
            None => (rule.apply(&variant.ident.to_string()), variant.ident.span()),
        };
        variants.push(Variant {
            ident: variant.ident.clone(),
            wire_name,
            wire_span,
            renamed,
        });
    }
    variants
}

/// The span of a whole field's type, for errors about it.
pub(crate) fn type_span(ty: &syn::Type) -> Span {
    ty.span()
}
