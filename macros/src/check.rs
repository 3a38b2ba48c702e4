//! Semantic checks on the model; each mistake is reported at its own span.

use std::collections::HashMap;

use crate::ast::{self, Enum, Field, Operation};
use crate::attr::{backticked, closest};
use crate::ctxt::Ctxt;
use crate::services;
use crate::ty;

/// What the checks resolved: the service's metadata for the expansion.
pub(crate) struct Resolved {
    pub(crate) target: String,
    pub(crate) json_version: String,
    pub(crate) target_prefix: String,
    pub(crate) signing_name: String,
    pub(crate) endpoint_prefix: String,
    pub(crate) service_id: String,
    pub(crate) hostname: String,
}

pub(crate) fn operation(cx: &Ctxt, op: &Operation) -> Option<Resolved> {
    idempotency(cx, &op.body.fields);
    unique_wire_names(cx, &op.body.fields);
    paginate(cx, op);
    let Some(target) = &op.args.target else {
        cx.syn_error(syn::Error::new(
            proc_macro2::Span::call_site(),
            "missing `target = \"Prefix.Operation\"` in #[aws_json_operation], such as `target = \"DynamoDB_20120810.PutItem\"`",
        ));
        return None;
    };
    let value = target.value();
    let well_formed = value.split_once('.').filter(|(prefix, operation)| {
        let ident =
            |s: &str| !s.is_empty() && s.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
        ident(prefix) && ident(operation)
    });
    let Some((prefix, _)) = well_formed else {
        cx.error_spanned_by(
            target,
            format!(
                "malformed `target` {value:?}: expected \"Prefix.Operation\", the `X-Amz-Target` of the operation, such as \"DynamoDB_20120810.PutItem\""
            ),
        );
        return None;
    };
    let explicit = [
        &op.args.json_version,
        &op.args.signing_name,
        &op.args.endpoint_prefix,
    ];
    let known = services::lookup(prefix);
    let json_version = match (&op.args.json_version, known) {
        (Some(lit), _) => match lit.value().as_str() {
            v @ ("1.0" | "1.1") => v.to_owned(),
            other => {
                cx.error_spanned_by(
                    lit,
                    format!("unknown `json_version` {other:?}; expected \"1.0\" or \"1.1\""),
                );
                return None;
            }
        },
        (None, Some(info)) => info.json_version.to_owned(),
        (None, None) => String::new(),
    };
    let Some(info_or_explicit) = known
        .map(Ok)
        .or_else(|| explicit.iter().all(|k| k.is_some()).then_some(Err(())))
    else {
        let mut message = format!("unknown service prefix `{prefix}` in `target`");
        let prefixes: Vec<&str> = services::known_prefixes().collect();
        if let Some(close) = closest(prefix, &prefixes) {
            message.push_str(&format!("; did you mean `{close}`?"));
        }
        message.push_str(
            "; for a service outside awsjson's table, give `json_version`, `signing_name` and `endpoint_prefix`",
        );
        let missing: Vec<&str> = ["json_version", "signing_name", "endpoint_prefix"]
            .into_iter()
            .zip(explicit)
            .filter(|(_, v)| v.is_none())
            .map(|(k, _)| k)
            .collect();
        if missing.len() < 3 {
            message.push_str(&format!(" (missing {})", backticked(&missing)));
        }
        cx.error_spanned_by(target, message);
        return None;
    };
    let lit = |l: &Option<syn::LitStr>| l.as_ref().map(syn::LitStr::value);
    let (signing_name, endpoint_prefix, service_id, hostname) = match info_or_explicit {
        Ok(info) => (
            lit(&op.args.signing_name).unwrap_or_else(|| info.signing_name.to_owned()),
            lit(&op.args.endpoint_prefix).unwrap_or_else(|| info.endpoint_prefix.to_owned()),
            lit(&op.args.service_id).unwrap_or_else(|| info.service_id.to_owned()),
            lit(&op.args.hostname).unwrap_or_else(|| info.hostname.to_owned()),
        ),
        Err(()) => {
            let endpoint_prefix = lit(&op.args.endpoint_prefix).unwrap_or_default();
            (
                lit(&op.args.signing_name).unwrap_or_default(),
                endpoint_prefix.clone(),
                lit(&op.args.service_id).unwrap_or_else(|| endpoint_prefix.clone()),
                lit(&op.args.hostname)
                    .unwrap_or_else(|| format!("{endpoint_prefix}.{{region}}.{{dnsSuffix}}")),
            )
        }
    };
    Some(Resolved {
        target: value.clone(),
        json_version,
        target_prefix: prefix.to_owned(),
        signing_name,
        endpoint_prefix,
        service_id,
        hostname,
    })
}

pub(crate) fn struct_shape(cx: &Ctxt, fields: &[Field]) {
    unique_wire_names(cx, fields);
}

pub(crate) fn enum_shape(cx: &Ctxt, shape: &Enum) {
    let mut seen: HashMap<&str, &syn::Ident> = HashMap::new();
    for variant in &shape.variants {
        if let Some(first) = seen.insert(&variant.wire_name, &variant.ident) {
            cx.syn_error(syn::Error::new(
                variant.wire_span,
                format!(
                    "`{}` has the same wire value {:?} as `{first}`",
                    variant.ident, variant.wire_name
                ),
            ));
        }
    }
}

fn idempotency(cx: &Ctxt, fields: &[Field]) {
    let mut first: Option<&Field> = None;
    for field in fields {
        let Some(attr) = &field.attrs.idempotency else {
            continue;
        };
        if let Some(first) = first {
            cx.error_spanned_by(
                attr,
                format!(
                    "only one field can be `#[idempotency]`; `{}` already is",
                    first.ident
                ),
            );
            continue;
        }
        first = Some(field);
        if !ty::option_inner(&field.ty).is_some_and(ty::is_string) {
            cx.syn_error(syn::Error::new(
                ast::type_span(&field.ty),
                "an `#[idempotency]` field must be `Option<String>`: left `None`, awsjson fills in a fresh token",
            ));
        }
    }
}

fn unique_wire_names(cx: &Ctxt, fields: &[Field]) {
    let mut seen: HashMap<&str, &syn::Ident> = HashMap::new();
    for field in fields {
        if let Some(first) = seen.insert(&field.wire_name, &field.ident) {
            cx.syn_error(syn::Error::new(
                field.wire_span,
                format!(
                    "`{}` has the same wire name {:?} as `{first}`; give one of them #[aws(rename = \"...\")]",
                    field.ident, field.wire_name
                ),
            ));
        }
    }
}

fn paginate(cx: &Ctxt, op: &Operation) {
    let Some(args) = &op.args.paginate else {
        return;
    };
    if op.args.output.is_none() {
        cx.syn_error(syn::Error::new(
            args.span,
            "`paginate` needs `output = ...`: the next-page token is read from the output",
        ));
    }
    for (key, value) in [
        ("input_token", &args.input_token),
        ("output_token", &args.output_token),
    ] {
        if value.is_none() && !args.malformed {
            cx.syn_error(syn::Error::new(
                args.span,
                format!("`paginate(...)` needs `{key} = member`"),
            ));
        }
    }
    let names: Vec<String> = op.body.fields.iter().map(|f| f.ident.to_string()).collect();
    let names: Vec<&str> = names.iter().map(String::as_str).collect();
    for (key, ident) in [
        ("input_token", &args.input_token),
        ("page_size", &args.page_size),
    ] {
        let Some(ident) = ident else { continue };
        let Some(field) = op.body.fields.iter().find(|f| f.ident == *ident) else {
            let mut message = format!(
                "`{key}` names `{ident}`, which is not a field of `{}`",
                op.body.item.ident
            );
            if let Some(close) = closest(&ident.to_string(), &names) {
                message.push_str(&format!("; did you mean `{close}`?"));
            }
            cx.error_spanned_by(ident, message);
            continue;
        };
        if !field.optional {
            cx.syn_error(syn::Error::new(
                ast::type_span(&field.ty),
                format!("the `{key}` field `{ident}` must be an `Option`: the paginator sets it"),
            ));
        }
        if key == "input_token" && field.attrs.idempotency.is_some() {
            cx.error_spanned_by(
                ident,
                "the `input_token` field cannot be the `#[idempotency]` token",
            );
        }
    }
}
