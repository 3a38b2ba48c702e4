//! Checks against the service catalog: fields are mapped to model members (which
//! also gives them their wire names and timestamp formats), and every mismatch is a
//! spanned error that says what the model expects.

use std::collections::HashSet;

use proc_macro2::Span;
use quote::ToTokens;

use crate::ast::{Enum, Field};
use crate::catalog::{
    self, Kind, Member, Service, Shape, ShapeId, TimestampFormat, field_ident, suggest, variant_key,
};
use crate::ctxt::Ctxt;
use crate::fit;
use crate::ty;

/// Where a structure's rules come from, for messages and the required-member rules.
pub(crate) struct Owner<'a> {
    /// "the input of `DynamoDB_20120810.PutItem`" or "`ecr#Repository`".
    pub(crate) what: &'a str,
    /// Whether the shape is sent (an operation input, or nested in one): then a
    /// required member needs a field, and the field cannot be an `Option`.
    pub(crate) input: bool,
    /// Where "missing member" errors point: the struct's name.
    pub(crate) span: Span,
}

/// The idempotency token of an operation as the declaration holds it.
pub(crate) struct Token {
    pub(crate) member: &'static str,
    /// The field holding it; `None` when the declaration leaves it out and awsjson
    /// fills it on every call.
    pub(crate) field: Option<syn::Ident>,
}

/// Maps `fields` to the members of structure `id`, setting their wire names and
/// timestamp formats. Returns the operation's idempotency token, if the shape has one.
pub(crate) fn fields(
    cx: &Ctxt,
    service: &'static Service,
    id: ShapeId,
    fields: &mut [Field],
    owner: &Owner,
    operation: bool,
) -> Option<Token> {
    let shape = service.shape(id);
    let members = shape.members();
    let token_member = members.iter().find(|m| m.idempotency_token());
    let mut token = None;
    let mut mapped: HashSet<&str> = HashSet::new();
    for field in fields.iter_mut() {
        // An unknown member is reported (once) by `member_of`.
        let Some(member) = member_of(cx, shape, field, owner) else {
            continue;
        };
        mapped.insert(member.name);
        field.wire_name = member.name.to_owned();
        // The model's `sensitive` trait wins even when the field does not say it.
        if field.attrs.sensitive.is_none() && (shape.sensitive || service.redacts(member.target)) {
            field.attrs.sensitive = Some(field.ident.span());
        }
        let inner = ty::option_inner(&field.ty);
        if member.idempotency_token() && operation {
            // Marked or not, the token member is the token, and `None` gets a fresh one.
            // A token declared as plain `String` is sent as given.
            if inner.is_some_and(ty::is_string) {
                token = Some(Token {
                    member: member.name,
                    field: Some(field.ident.clone()),
                });
            }
        } else if let Some(attr) = &field.attrs.idempotency {
            idempotency_misplaced(cx, attr, field, member, token_member, owner);
        }
        let required_input = owner.input && member.required() && !member.idempotency_token();
        if let (true, Some(inner)) = (required_input, inner) {
            cx.error_spanned_by(
                &field.ty,
                format!(
                    "`{}` is required in {}: declare `{}` as `{}`, not `{}`",
                    member.name,
                    owner.what,
                    field.ident,
                    type_text(inner),
                    type_text(&field.ty),
                ),
            );
        }
        let held = inner.unwrap_or(&field.ty);
        // A mistyped `#[idempotency]` field is reported by the attribute's own check.
        let reported = field.attrs.idempotency.is_some() && !inner.is_some_and(ty::is_string);
        let fit = if reported {
            Ok(())
        } else {
            fit::fits(service, member.target, held)
        };
        if let Err(misfit) = fit {
            cx.error_spanned_by(
                &misfit.ty,
                format!(
                    "`{}` cannot hold `{}`, {} in {}; use {}",
                    type_text(&misfit.ty),
                    member.name,
                    a(misfit.kind),
                    owner.what,
                    misfit.expected,
                ),
            );
        }
        timestamp(cx, service, member, field, owner);
    }
    if owner.input {
        for member in members {
            if member.required() && !member.idempotency_token() && !mapped.contains(member.name) {
                cx.syn_error(syn::Error::new(
                    owner.span,
                    format!(
                        "missing required member `{}` of {}: add a field `{}` ({})",
                        member.name,
                        owner.what,
                        field_ident(member.name),
                        service.shape(member.target).kind.describe(),
                    ),
                ));
            }
        }
    }
    match (operation, token, token_member) {
        (true, Some(token), _) => Some(token),
        // No field maps to the token member: awsjson sends a fresh token itself.
        (true, None, Some(m)) if !mapped.contains(m.name) => Some(Token {
            member: m.name,
            field: None,
        }),
        _ => None,
    }
}

fn member_of<'s>(cx: &Ctxt, shape: &'s Shape, field: &Field, owner: &Owner) -> Option<&'s Member> {
    let names = || shape.members().iter().map(|m| m.name);
    if let Some(rename) = &field.attrs.rename {
        let found = shape.member(&rename.value);
        if found.is_none() {
            cx.syn_error(syn::Error::new(
                rename.span,
                format!(
                    "`#[aws(rename = {:?})]` names no member of {}{}",
                    rename.value,
                    owner.what,
                    alternatives(&rename.value, names()),
                ),
            ));
        }
        return found;
    }
    let ident = field.ident.to_string();
    let found = shape.member_for_field(&ident);
    if found.is_none() {
        cx.error_spanned_by(
            &field.ident,
            format!(
                "`{}` matches no member of {}{}",
                ident.trim_start_matches("r#"),
                owner.what,
                alternatives(&ident, names()),
            ),
        );
    }
    found
}

fn idempotency_misplaced(
    cx: &Ctxt,
    attr: &syn::Attribute,
    field: &Field,
    member: &Member,
    token: Option<&Member>,
    owner: &Owner,
) {
    let hint = match token {
        Some(t) => format!("; the token of {} is `{}`", owner.what, t.name),
        None => format!("; {} has no idempotency token", owner.what),
    };
    cx.error_spanned_by(
        attr,
        format!(
            "`#[idempotency]` on `{}`, but the model does not mark `{}` as an idempotency token{hint}",
            field.ident, member.name
        ),
    );
}

/// Takes the member's timestamp format from the model (through lists and maps).
fn timestamp(cx: &Ctxt, service: &Service, member: &Member, field: &mut Field, owner: &Owner) {
    let mut id = member.target;
    let format = loop {
        match service.shape(id).kind {
            Kind::Timestamp(format) => break format,
            Kind::List(m) | Kind::Map(_, m) => id = m,
            _ => return,
        }
    };
    let wanted = match format {
        TimestampFormat::EpochSeconds => "epoch-seconds",
        TimestampFormat::Iso8601 => "date-time",
        TimestampFormat::Rfc822 => "http-date",
    };
    match field.attrs.timestamp {
        Some(given) if given != wanted => cx.error_spanned_by(
            &field.ident,
            format!(
                "`{}` is a {wanted:?} timestamp in {}, not {given:?}: remove `#[aws(timestamp = ...)]`",
                member.name, owner.what
            ),
        ),
        Some(_) => {}
        None if format == TimestampFormat::EpochSeconds => {}
        None => field.attrs.timestamp = Some(wanted),
    }
}

/// Maps unit variants to the enum's values, setting their wire values.
pub(crate) fn variants(cx: &Ctxt, values: &[&'static str], e: &mut Enum, what: &str) {
    for variant in &mut e.variants {
        let ident = variant.ident.to_string();
        if variant.renamed || values.contains(&variant.wire_name.as_str()) {
            if !values.contains(&variant.wire_name.as_str()) {
                cx.syn_error(syn::Error::new(
                    variant.wire_span,
                    format!(
                        "{:?} is not a value of {what}{}",
                        variant.wire_name,
                        alternatives(&variant.wire_name, values.iter().copied())
                    ),
                ));
            }
            continue;
        }
        let key = variant_key(&ident);
        let mut matches = values.iter().filter(|v| variant_key(v) == key);
        match (matches.next(), matches.next()) {
            (Some(value), None) => variant.wire_name = (*value).to_owned(),
            (Some(a), Some(b)) => cx.error_spanned_by(
                &variant.ident,
                format!(
                    "`{ident}` matches both {a:?} and {b:?} of {what}: give its value with #[aws(rename = \"...\")]"
                ),
            ),
            _ => cx.error_spanned_by(
                &variant.ident,
                format!(
                    "`{ident}` matches no value of {what}{}",
                    alternatives(&ident, values.iter().copied())
                ),
            ),
        }
    }
}

/// Maps a union's one-field variants to the members of structure `id`: wire names,
/// types and timestamp formats from the model.
pub(crate) fn union_variants(cx: &Ctxt, service: &Service, id: ShapeId, e: &mut Enum, what: &str) {
    let shape = service.shape(id);
    let names = || shape.members().iter().map(|m| m.name);
    for variant in &mut e.variants {
        let ident = variant.ident.to_string();
        let member = if variant.renamed {
            shape.member(&variant.wire_name)
        } else {
            shape.member_for_field(&ident)
        };
        let Some(member) = member else {
            let (span, name) = if variant.renamed {
                (variant.wire_span, variant.wire_name.clone())
            } else {
                (variant.ident.span(), ident.clone())
            };
            cx.syn_error(syn::Error::new(
                span,
                format!(
                    "`{name}` matches no member of {what}{}",
                    alternatives(&name, names())
                ),
            ));
            continue;
        };
        variant.wire_name = member.name.to_owned();
        variant.sensitive |= shape.sensitive || service.redacts(member.target);
        if let Some(Err(misfit)) = variant
            .ty
            .as_ref()
            .map(|ty| fit::fits(service, member.target, ty))
        {
            cx.error_spanned_by(
                &misfit.ty,
                format!(
                    "`{}` cannot hold `{}`, {} in {what}; use {}",
                    type_text(&misfit.ty),
                    member.name,
                    a(misfit.kind),
                    misfit.expected,
                ),
            );
        }
        if let (true, Kind::Timestamp(format)) = (
            variant.timestamp.is_none(),
            &service.shape(member.target).kind,
        ) {
            variant.timestamp = match format {
                TimestampFormat::EpochSeconds => None,
                TimestampFormat::Iso8601 => Some("date-time"),
                TimestampFormat::Rfc822 => Some("http-date"),
            };
        }
    }
}

/// `; did you mean ...?`, or the valid names when none is close.
pub(crate) fn alternatives<'a>(
    name: &str,
    candidates: impl Iterator<Item = &'a str> + Clone,
) -> String {
    let close = suggest(name, candidates.clone());
    if !close.is_empty() {
        let list: Vec<String> = close.iter().map(|c| format!("`{c}`")).collect();
        return format!("; did you mean {}?", list.join(" or "));
    }
    let all: Vec<&str> = candidates.collect();
    match all.len() {
        0 => "; it has none".to_owned(),
        n if n <= 12 => format!("; expected one of {}", backticked(&all)),
        n => format!(
            "; expected one of {}, … ({n} in all)",
            backticked(&all[..12])
        ),
    }
}

fn backticked(items: &[&str]) -> String {
    items
        .iter()
        .map(|i| format!("`{i}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// `a structure`, `an enum`, `an integer`.
pub(crate) fn a(word: &str) -> String {
    let article = if word.starts_with(['a', 'e', 'i', 'o', 'u']) {
        "an"
    } else {
        "a"
    };
    format!("{article} {word}")
}

/// A type as the user wrote it, with rustfmt-like spacing.
pub(crate) fn type_text(ty: &syn::Type) -> String {
    ty.to_token_stream()
        .to_string()
        .replace(" < ", "<")
        .replace("< ", "<")
        .replace(" <", "<")
        .replace(" >", ">")
        .replace(" ,", ",")
        .replace(" :: ", "::")
        .replace(":: ", "::")
}

/// Whether structure `id` is sent: an operation input or nested in one.
pub(crate) fn is_input(service: &Service, id: ShapeId) -> bool {
    let mut stack: Vec<ShapeId> = service.operations.iter().filter_map(|o| o.input).collect();
    let mut seen = HashSet::new();
    while let Some(s) = stack.pop() {
        if s == id {
            return true;
        }
        if !seen.insert(s) {
            continue;
        }
        match &service.shape(s).kind {
            Kind::Structure { members, .. } => stack.extend(members.iter().map(|m| m.target)),
            Kind::List(m) => stack.push(*m),
            Kind::Map(k, v) => stack.extend([*k, *v]),
            _ => {}
        }
    }
    false
}

/// Resolves `shape = "<service>#<Shape>"`, reporting unknown names at the literal.
pub(crate) fn shape_ref(cx: &Ctxt, lit: &syn::LitStr) -> Option<(&'static Service, ShapeId)> {
    let value = lit.value();
    let Some((service, shape)) = value.split_once('#') else {
        cx.error_spanned_by(
            lit,
            format!(
                "malformed `shape` {value:?}: expected \"<service>#<Shape>\", such as \"ecr#Repository\""
            ),
        );
        return None;
    };
    let c = catalog::catalog();
    let Some(s) = c.service(service) else {
        cx.error_spanned_by(
            lit,
            format!(
                "unknown service `{service}` in `shape`{}",
                alternatives(service, c.service_names())
            ),
        );
        return None;
    };
    let Some((id, _)) = s.shape_named(shape) else {
        cx.error_spanned_by(
            lit,
            format!(
                "`{service}` has no shape `{shape}`{}",
                alternatives(shape, s.shapes.iter().map(|s| s.name))
            ),
        );
        return None;
    };
    Some((s, id))
}
