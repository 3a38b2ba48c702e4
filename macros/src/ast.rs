//! The declaration model: the user's item with its options read and our inert
//! attributes stripped, keeping spans for errors.

use proc_macro2::Span;
use syn::spanned::Spanned;

use crate::attr::{self, FieldAttrs, OperationArgs, ShapeArgs, Sp};
use crate::case::RenameRule;
use crate::ctxt::Ctxt;
use crate::ty;

/// A struct member as declared.
pub(crate) struct Field {
    pub(crate) ident: syn::Ident,
    pub(crate) ty: syn::Type,
    /// The wire name the declaration gives (`rename`, else `rename_all` applied); the
    /// model may say otherwise (`checked::Field::wire_name`).
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
    /// An int enum's value.
    pub(crate) value: Option<i32>,
    /// A union member's type.
    pub(crate) ty: Option<syn::Type>,
    /// A union member's timestamp format.
    pub(crate) timestamp: Option<&'static str>,
    /// A union member that `Debug` redacts: `#[aws(sensitive)]`, or sensitive in the model.
    pub(crate) sensitive: bool,
    /// `#[aws(exception)]`: an event-stream union's error member, its span.
    pub(crate) exception: Option<Span>,
}

/// What an `#[aws_json_shape]` enum declares, told apart by its variants.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum EnumKind {
    /// Unit variants: a string enum.
    String,
    /// Unit variants with `= N`: an int enum.
    Int,
    /// One-field tuple variants: a union.
    Union,
}

pub(crate) struct Enum {
    pub(crate) item: syn::DeriveInput,
    pub(crate) variants: Vec<Variant>,
    pub(crate) kind: EnumKind,
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
    /// The declaration; an item that is no struct with named fields is the error that
    /// stops the expansion.
    pub(crate) fn from_syn(
        cx: &Ctxt,
        args: OperationArgs,
        mut item: syn::DeriveInput,
    ) -> syn::Result<Self> {
        let rule = args.rename_all.unwrap_or(RenameRule::PascalCase);
        match &item.data {
            syn::Data::Struct(data) if matches!(data.fields, syn::Fields::Named(_)) => {}
            syn::Data::Struct(data) => {
                let what = if matches!(data.fields, syn::Fields::Unit) {
                    "a unit struct"
                } else {
                    "a tuple struct"
                };
                return Err(syn::Error::new(
                    item.ident.span(),
                    format!(
                        "#[aws_json_operation] needs a struct with named fields, not {what}: each field is a member of the request"
                    ),
                ));
            }
            syn::Data::Enum(data) => {
                return Err(syn::Error::new(
                    data.enum_token.span,
                    "#[aws_json_operation] goes on a struct with named fields, not an enum; use #[aws_json_shape] for string enums",
                ));
            }
            syn::Data::Union(data) => {
                return Err(syn::Error::new(
                    data.union_token.span,
                    "#[aws_json_operation] goes on a struct with named fields, not a union",
                ));
            }
        }
        no_generics(cx, &item, "aws_json_operation");
        let fields = named_fields(cx, &mut item, rule);
        Ok(Operation {
            args,
            body: Struct { item, fields },
        })
    }
}

impl Shape {
    /// The declaration; an item that is neither a struct with named fields nor an enum
    /// is the error that stops the expansion.
    pub(crate) fn from_syn(
        cx: &Ctxt,
        args: &ShapeArgs,
        mut item: syn::DeriveInput,
    ) -> syn::Result<Self> {
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
                    if let Some(span) = field.attrs.endpoint_url {
                        cx.syn_error(syn::Error::new(
                            span,
                            "`endpoint_url` belongs on a field of an #[aws_json_operation] struct, not of a shape",
                        ));
                    }
                    if let Some(span) = field.attrs.host_label {
                        cx.syn_error(syn::Error::new(
                            span,
                            "`host_label` belongs on a field of an #[aws_json_operation] struct with `host_prefix`, not of a shape",
                        ));
                    }
                }
                Ok(Shape::Struct(Struct { item, fields }))
            }
            syn::Data::Struct(_) => Err(syn::Error::new(
                item.ident.span(),
                "#[aws_json_shape] needs a struct with named fields or an enum (a string enum, an int enum or a union)",
            )),
            syn::Data::Enum(data) => {
                let kind = enum_kind(cx, data);
                // Union members are named like structure members; enum values as written.
                let default_rule = match kind {
                    EnumKind::Union => RenameRule::PascalCase,
                    EnumKind::String | EnumKind::Int => RenameRule::None,
                };
                let rule = args.rename_all.unwrap_or(default_rule);
                let variants = enum_variants(cx, &mut item, rule, kind);
                Ok(Shape::Enum(Enum {
                    item,
                    variants,
                    kind,
                }))
            }
            syn::Data::Union(data) => Err(syn::Error::new(
                data.union_token.span,
                "#[aws_json_shape] needs a struct with named fields or an enum, not a Rust union",
            )),
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
            let optional = ty::option_inner(&field.ty).is_some();
            if let (Some(default), true) = (&attrs.default, optional) {
                cx.syn_error(syn::Error::new(
                    default.span,
                    "a member with a default is never absent: make the field `T`, not `Option<T>`, or drop `default`",
                ));
            }
            Some(Field {
                optional,
                ident,
                ty: field.ty.clone(),
                wire_name,
                wire_span,
                attrs,
            })
        })
        .collect()
}

/// Tells a string enum, an int enum and a union apart by the first variant; mixing
/// them is an error, reported per odd variant.
fn enum_kind(cx: &Ctxt, data: &syn::DataEnum) -> EnumKind {
    let kind_of = |v: &syn::Variant| match &v.fields {
        syn::Fields::Unit if v.discriminant.is_some() => Some(EnumKind::Int),
        syn::Fields::Unit => Some(EnumKind::String),
        syn::Fields::Unnamed(f) if f.unnamed.len() == 1 && v.discriminant.is_none() => {
            Some(EnumKind::Union)
        }
        _ => None,
    };
    let mut first: Option<(EnumKind, &syn::Ident)> = None;
    for variant in &data.variants {
        let Some(kind) = kind_of(variant) else {
            cx.error_spanned_by(
                variant,
                "an #[aws_json_shape] enum has unit variants (a string enum), unit variants with `= N` (an int enum) or one-field tuple variants such as `Text(String)` (a union)",
            );
            continue;
        };
        match first {
            None => first = Some((kind, &variant.ident)),
            Some((k, _)) if k == kind => {}
            Some((k, ident)) => {
                let name = |k: EnumKind| match k {
                    EnumKind::String => "a string enum's unit variant",
                    EnumKind::Int => "an int enum's `= N` variant",
                    EnumKind::Union => "a union's one-field variant",
                };
                cx.error_spanned_by(
                    variant,
                    format!(
                        "`{}` is {} but `{ident}` is {}; one enum declares one kind",
                        variant.ident,
                        name(kind),
                        name(k)
                    ),
                );
            }
        }
    }
    first.map_or(EnumKind::String, |(k, _)| k)
}

fn enum_variants(
    cx: &Ctxt,
    item: &mut syn::DeriveInput,
    rule: RenameRule,
    kind: EnumKind,
) -> Vec<Variant> {
    let syn::Data::Enum(data) = &mut item.data else {
        return Vec::new();
    };
    let mut variants = Vec::new();
    for variant in &mut data.variants {
        let attrs = attr::variant_attrs(cx, &mut variant.attrs);
        if variant.ident == "Unknown" {
            let what = match kind {
                EnumKind::String => "`Unknown(UnknownValue)` for values added later",
                EnumKind::Int => "`Unknown(i32)` for values added later",
                EnumKind::Union => "`Unknown(UnknownValue)` for members added later",
            };
            cx.syn_error(syn::Error::new(
                variant.ident.span(),
                format!(
                    "`Unknown` is reserved: awsjson adds {what}; rename the variant and give its wire name with #[aws(rename = \"Unknown\")]"
                ),
            ));
            continue;
        }
        if let (Some(ts), true) = (&attrs.timestamp, kind != EnumKind::Union) {
            cx.syn_error(syn::Error::new(
                ts.span,
                "`timestamp` goes on a union member or a structure field, not on an enum value",
            ));
        }
        if let Some(span) = attrs.sensitive.filter(|_| kind != EnumKind::Union) {
            cx.syn_error(syn::Error::new(
                span,
                "`sensitive` goes on a union member or a structure field, not on an enum value",
            ));
        }
        if let Some(span) = attrs.exception.filter(|_| kind != EnumKind::Union) {
            cx.syn_error(syn::Error::new(
                span,
                "`exception` goes on a member of an event-stream union, not on an enum value",
            ));
        }
        let value = match (kind, variant.discriminant.take()) {
            (EnumKind::Int, Some((_, expr))) => int_value(cx, &expr),
            _ => None,
        };
        let ty = match (&variant.fields, kind) {
            (syn::Fields::Unnamed(f), EnumKind::Union) => f.unnamed.first().map(|f| f.ty.clone()),
            _ => None,
        };
        let renamed = attrs.rename.is_some();
        let (wire_name, wire_span) = match attrs.rename {
            Some(Sp { value, span }) => (value, span),
            None => (rule.apply(&variant.ident.to_string()), variant.ident.span()),
        };
        variants.push(Variant {
            ident: variant.ident.clone(),
            wire_name,
            wire_span,
            renamed,
            value,
            ty,
            timestamp: attrs.timestamp.map(|t| t.value),
            sensitive: attrs.sensitive.is_some(),
            exception: attrs.exception,
        });
    }
    let mut seen: Vec<(i32, &syn::Ident)> = Vec::new();
    for variant in &variants {
        let Some(value) = variant.value else { continue };
        match seen.iter().find(|(v, _)| *v == value) {
            Some((_, first)) => cx.syn_error(syn::Error::new(
                variant.ident.span(),
                format!(
                    "`{}` has the same value {value} as `{first}`",
                    variant.ident
                ),
            )),
            None => seen.push((value, &variant.ident)),
        }
    }
    variants
}

/// `= 1` or `= -1` of an int enum variant.
fn int_value(cx: &Ctxt, expr: &syn::Expr) -> Option<i32> {
    let (negative, lit) = match expr {
        syn::Expr::Lit(syn::ExprLit {
            lit: syn::Lit::Int(lit),
            ..
        }) => (false, lit),
        syn::Expr::Unary(syn::ExprUnary {
            op: syn::UnOp::Neg(_),
            expr,
            ..
        }) => match &**expr {
            syn::Expr::Lit(syn::ExprLit {
                lit: syn::Lit::Int(lit),
                ..
            }) => (true, lit),
            _ => {
                cx.error_spanned_by(expr, "an int enum value is an integer literal");
                return None;
            }
        },
        other => {
            cx.error_spanned_by(other, "an int enum value is an integer literal");
            return None;
        }
    };
    let parsed = lit
        .base10_parse::<i64>()
        .ok()
        .map(|v| if negative { -v } else { v })
        .and_then(|v| i32::try_from(v).ok());
    if parsed.is_none() {
        cx.error_spanned_by(lit, "an int enum value must fit in an i32");
    }
    parsed
}

/// The span of a whole field's type, for errors about it.
pub(crate) fn type_span(ty: &syn::Type) -> Span {
    ty.span()
}
