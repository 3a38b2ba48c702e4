//! The `endpoint` trait: `host_prefix = "foo.{Label}."` and its `#[aws(host_label)]`
//! fields, checked against each other.

use crate::ast;
use crate::checked::{EndpointUrl, Field, HostPrefix};
use crate::ctxt::Ctxt;
use crate::suggest::backticked;
use crate::ty;

/// `template` is the declared `host_prefix`, else the model's; `model_labels` says,
/// per field, whether the model marks its member `hostLabel` (such a field needs no
/// `#[aws(host_label)]`).
pub(crate) fn host_prefix(
    cx: &Ctxt,
    fields: &[Field],
    model_labels: &[bool],
    template: Option<&syn::LitStr>,
) -> Option<HostPrefix> {
    let label_fields: Vec<(&Field, proc_macro2::Span)> = fields
        .iter()
        .zip(model_labels.iter().chain(std::iter::repeat(&false)))
        .filter_map(|(f, &model)| {
            let span = f
                .decl
                .attrs
                .host_label
                .or_else(|| model.then(|| f.decl.ident.span()));
            span.map(|span| (f, span))
        })
        .collect();
    let Some(lit) = template else {
        for (_, span) in &label_fields {
            cx.syn_error(syn::Error::new(
                *span,
                "`host_label` needs `host_prefix = \"...{Label}.\"` in #[aws_json_operation]",
            ));
        }
        return None;
    };
    for (field, span) in &label_fields {
        if !ty::is_string(&field.decl.ty) {
            cx.error_at(
                *span,
                format!(
                    "a `host_label` field must be `String`: `{}` goes into the host name",
                    field.decl.ident
                ),
            );
        }
    }
    let template = lit.value();
    let mut names = Vec::new();
    let mut rest = template.as_str();
    let mut bad = false;
    while let Some(open) = rest.find('{') {
        bad |= !literal_part(&rest[..open]);
        let Some(close) = rest[open..].find('}') else {
            bad = true;
            break;
        };
        names.push(rest[open + 1..open + close].to_owned());
        rest = &rest[open + close + 1..];
    }
    bad |= !literal_part(rest);
    if bad || template.is_empty() {
        cx.error_spanned_by(
            lit,
            format!(
                "malformed `host_prefix` {template:?}: expected host name characters and `{{Label}}` placeholders, such as \"foo.{{Label}}.\""
            ),
        );
        return None;
    }
    let mut labels = Vec::new();
    for name in &names {
        match label_fields.iter().find(|(f, _)| f.wire_name == *name) {
            Some((field, _)) => labels.push((name.clone(), field.decl.ident.clone())),
            None => {
                let known: Vec<&str> = label_fields
                    .iter()
                    .map(|(f, _)| f.wire_name.as_str())
                    .collect();
                let hint = if known.is_empty() {
                    "mark the field that fills it with #[aws(host_label)]".to_owned()
                } else {
                    format!("the `host_label` fields are {}", backticked(&known))
                };
                cx.error_spanned_by(
                    lit,
                    format!("`{{{name}}}` in `host_prefix` names no `host_label` field; {hint}"),
                );
            }
        }
    }
    for (field, span) in &label_fields {
        if !names.contains(&field.wire_name) {
            cx.error_at(
                *span,
                format!(
                    "`host_label` field `{}` (wire name {:?}) does not appear in `host_prefix` {template:?}",
                    field.decl.ident, field.wire_name
                ),
            );
        }
    }
    Some(HostPrefix { template, labels })
}

fn literal_part(s: &str) -> bool {
    s.bytes()
        .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'.')
}

/// The `#[aws(endpoint_url)]` field: its value, when set, is the URL the request goes
/// to (a service customization, such as Amazon ML's `Predict`).
pub(crate) fn endpoint_url(cx: &Ctxt, fields: &[ast::Field]) -> Option<EndpointUrl> {
    let mut found: Option<&ast::Field> = None;
    for field in fields {
        let Some(span) = field.attrs.endpoint_url else {
            continue;
        };
        if let Some(first) = found {
            cx.syn_error(syn::Error::new(
                span,
                format!(
                    "only one field can be `endpoint_url`; `{}` already is",
                    first.ident
                ),
            ));
            continue;
        }
        let inner = ty::option_inner(&field.ty).unwrap_or(&field.ty);
        if !ty::is_string(inner) {
            cx.syn_error(syn::Error::new(
                span,
                format!(
                    "an `endpoint_url` field must be `String` or `Option<String>`: `{}` holds the URL the request goes to",
                    field.ident
                ),
            ));
        }
        found = Some(field);
    }
    found.map(|f| EndpointUrl {
        field: f.ident.clone(),
        optional: f.optional,
    })
}
