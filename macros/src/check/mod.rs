//! Semantic checks on the declaration, each mistake reported at its own span. Every
//! check runs, whatever the others found; the result is one [`checked`] value that the
//! expansion reads once the accumulator is empty.

use std::collections::HashMap;

mod catalog;
mod endpoint;
mod http;
mod member_type;
mod place;
#[cfg(all(test, feature = "catalog"))]
mod rest_json_tests;
mod target;
mod traits;

pub(crate) use target::of_service;

use crate::ast::{self, Field};
use crate::catalog::Protocol;
use crate::checked::{self, Token};
use crate::ctxt::Ctxt;
use crate::suggest::did_you_mean;
use crate::ty;

pub(crate) fn operation<'a>(cx: &Ctxt, op: &'a ast::Operation) -> checked::Operation<'a> {
    idempotency(cx, &op.body.fields);
    paginate(cx, op);
    // restJson1 declared explicitly: the method and URI name the operation.
    // `operation` names the catalog's route: a declared one is reported, not checked.
    if let (Some(http), Some(_)) = (&op.args.http, &op.args.operation) {
        cx.error_spanned_by(
            http,
            "give either `operation` or `http`, not both: `operation = \"<service>#<Operation>\"` gives the route from the catalog; `http = ...` declares an operation outside it",
        );
    }
    let route = op
        .args
        .http
        .as_ref()
        .filter(|_| op.args.operation.is_none());
    let target = match route {
        Some(_) => None,
        None => target::parse(cx, op),
    };
    let known = target.as_ref().and_then(|t| target::lookup(cx, op, t));
    let service = target::service(cx, op, target.as_ref(), known);
    let mut fields: Vec<checked::Field> = op
        .body
        .fields
        .iter()
        .map(checked::Field::declared)
        .collect();
    let value = target.as_ref().map(|t| t.value.clone()).unwrap_or_default();
    // How messages name the operation: its target, or `service#Operation`.
    let name = target.as_ref().map(|t| t.name.clone()).unwrap_or_default();
    let against = known.map(|known| catalog::operation(cx, op, &mut fields, &name, known));
    let rest_json_known = known.is_some_and(|(s, _)| s.protocol == Protocol::RestJson1);
    let http = match route {
        Some(lit) => http::operation(cx, op, lit, &mut fields),
        // The catalog's route; `catalog::operation` checked any binding stated by hand.
        None if rest_json_known => {
            let route = known.and_then(http_route);
            if let (Some(span), Some(r)) = (op.args.checksum_required, &route) {
                if !r.checksum_required {
                    cx.error_at(
                        span,
                        format!(
                            "`{name}` is not `httpChecksumRequired` in the model; remove `checksum_required`"
                        ),
                    );
                }
            }
            route
        }
        None => {
            http::awsjson(cx, op);
            None
        }
    };
    unique_wire_names(cx, &fields);
    let traits = traits::model_traits(cx, &op.args, &name, known);
    // Only a host prefix with `{labels}` has label members to look for.
    let labeled = known.filter(|(_, o)| o.host_prefix.is_some_and(|p| p.contains('{')));
    let model_labels: Vec<bool> = match labeled.and_then(|(s, o)| Some(s.shape(o.input?))) {
        Some(input) => fields
            .iter()
            .map(|f| place::member_for(input, f).is_some_and(|m| m.host_label()))
            .collect(),
        None => Vec::new(),
    };
    let host_prefix =
        endpoint::host_prefix(cx, &fields, &model_labels, traits.host_prefix.as_ref());
    let endpoint_url = endpoint::endpoint_url(cx, &op.body.fields);
    let endpoint = target::endpoint(op, &fields, known);
    let endpoint_discovery = target::endpoint_discovery(op, &value, known);
    let (token, mirrors, nested) = match against {
        Some(against) => (against.token, against.mirrors, against.nested),
        // Outside the catalog the `#[idempotency]` field is the token.
        None => (declared_token(&fields), Vec::new(), Vec::new()),
    };
    checked::Operation {
        decl: op,
        body: checked::Struct {
            item: &op.body.item,
            fields,
            model: None,
        },
        target: value,
        http,
        service,
        token,
        query_compatible: traits.query_compatible,
        host_prefix,
        endpoint_url,
        endpoint,
        endpoint_discovery,
        mirrors,
        nested,
    }
}

/// The route of a cataloged restJson1 operation (`None` for awsJson).
fn http_route((service, model_op): target::Known) -> Option<checked::HttpRoute> {
    if service.protocol != Protocol::RestJson1 {
        return None;
    }
    let http = model_op.http?;
    let has_body_members = model_op.input.is_some_and(|input| {
        service
            .shape(input)
            .members()
            .iter()
            .any(|m| m.location == crate::catalog::Location::Body)
    });
    Some(checked::HttpRoute {
        method: http.method.to_owned(),
        uri: http.uri.to_owned(),
        code: http.code,
        checksum_required: model_op.checksum_required(),
        has_body_members,
    })
}

fn declared_token(fields: &[checked::Field]) -> Option<Token> {
    let field = fields.iter().find(|f| f.decl.attrs.idempotency.is_some())?;
    Some(Token {
        member: field.wire_name.clone(),
        binding: field.binding.clone(),
        field: Some(field.decl.ident.clone()),
    })
}

pub(crate) fn shape<'a>(
    cx: &Ctxt,
    shape: &'a ast::Shape,
    model: Option<&syn::LitStr>,
) -> checked::Shape<'a> {
    match shape {
        ast::Shape::Struct(s) => checked::Shape::Struct(struct_shape(cx, s, model)),
        ast::Shape::Enum(e) => checked::Shape::Enum(enum_shape(cx, e, model)),
    }
}

/// A struct shape; with `shape = "<service>#<Shape>"`, checked against that model shape
/// (which also gives its fields their wire names).
fn struct_shape<'a>(
    cx: &Ctxt,
    s: &'a ast::Struct,
    model: Option<&syn::LitStr>,
) -> checked::Struct<'a> {
    let mut fields: Vec<checked::Field> = s.fields.iter().map(checked::Field::declared).collect();
    let model = model.and_then(|lit| catalog::struct_shape(cx, lit, s, &mut fields));
    match &model {
        // The model bound the fields; `catalog::struct_shape` checked any stated binding.
        Some((_, Protocol::RestJson1)) => {}
        // An awsJson shape is a JSON body through and through (and this path costs a
        // crate of awsJson shapes nothing of restJson1's checks).
        Some((name, _)) => body_only(cx, name, &s.fields),
        None => http::shape(cx, &mut fields),
    }
    let model = model.map(|(name, _)| name);
    unique_wire_names(cx, &fields);
    checked::Struct {
        item: &s.item,
        fields,
        model,
    }
}

/// The fields of an awsJson model shape: an HTTP binding or media type is a mistake.
fn body_only(cx: &Ctxt, shape: &str, fields: &[Field]) {
    for field in fields {
        // An event structure's bindings are the catalog's to check.
        let event = |b: &&crate::attr::Sp<crate::attr::DeclaredBinding>| {
            !matches!(
                b.value,
                crate::attr::DeclaredBinding::EventHeader
                    | crate::attr::DeclaredBinding::EventPayload
            )
        };
        for binding in field.attrs.bindings.iter().filter(event) {
            cx.error_at(
                binding.span,
                format!(
                    "`{}` binds a member of a restJson1 shape; `{shape}` is an awsJson shape, whose members are all in its JSON body",
                    binding.value.key()
                ),
            );
        }
        if let Some(media_type) = &field.attrs.media_type {
            cx.error_spanned_by(
                media_type,
                format!("`media_type` goes on a payload or header member; `{shape}` is an awsJson shape, whose members are all in its JSON body"),
            );
        }
    }
}

/// A string enum, int enum or union; with `shape = ...`, checked against the model.
fn enum_shape<'a>(cx: &Ctxt, e: &'a ast::Enum, model: Option<&syn::LitStr>) -> checked::Enum<'a> {
    let mut variants: Vec<checked::Variant> =
        e.variants.iter().map(checked::Variant::declared).collect();
    if let Some(lit) = model {
        catalog::enum_shape(cx, lit, e.kind, &mut variants);
    }
    enum_values_unique(cx, &variants);
    checked::Enum {
        item: &e.item,
        variants,
        kind: e.kind,
    }
}

fn enum_values_unique(cx: &Ctxt, variants: &[checked::Variant]) {
    let mut seen: HashMap<&str, &syn::Ident> = HashMap::new();
    for variant in variants {
        if let Some(first) = seen.insert(&variant.wire_name, &variant.decl.ident) {
            cx.error_at(
                variant.decl.wire_span,
                format!(
                    "`{}` has the same wire value {:?} as `{first}`",
                    variant.decl.ident, variant.wire_name
                ),
            );
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

/// No two fields at one place on the wire: the same JSON key, or (restJson1) the same
/// binding of the same name; a header and a body member may share a name.
fn unique_wire_names(cx: &Ctxt, fields: &[checked::Field]) {
    let mut seen: HashMap<(std::mem::Discriminant<checked::Binding>, &str), &syn::Ident> =
        HashMap::new();
    for field in fields {
        let place = (
            std::mem::discriminant(&field.binding),
            field.wire_name.as_str(),
        );
        if let Some(first) = seen.insert(place, &field.decl.ident) {
            cx.error_at(
                field.decl.wire_span,
                format!(
                    "`{}` has the same wire name {:?} as `{first}`; give one of them #[aws(rename = \"...\")]",
                    field.decl.ident, field.wire_name
                ),
            );
        }
    }
}

fn paginate(cx: &Ctxt, op: &ast::Operation) {
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
            message.push_str(&did_you_mean(&ident.to_string(), names.iter().copied()));
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
