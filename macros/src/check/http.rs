//! restJson1 declared explicitly: `http = "METHOD /uri"`, `code = N` and the fields'
//! binding attributes (`#[aws(label)]`, `#[aws(query = "...")]`, ...), checked without
//! a catalog: the route's syntax, labels against fields, one binding per field, one
//! payload that excludes body members, bindings that fit where the struct is used.

use proc_macro2::Span;

use crate::ast;
use crate::attr::{DeclaredBinding, Sp};
use crate::checked::{self, Binding, HttpRoute};
use crate::ctxt::Ctxt;
use crate::suggest::backticked;
use crate::ty;

const METHODS: &[&str] = &["GET", "PUT", "POST", "DELETE", "PATCH", "HEAD", "OPTIONS"];

/// An awsJson operation: every member goes in the JSON body, so a binding attribute
/// or `code` is a mistake.
pub(crate) fn awsjson(cx: &Ctxt, op: &ast::Operation) {
    if let Some(code) = &op.args.code {
        cx.error_spanned_by(
            code,
            "`code` is the success status of a restJson1 operation, which needs `http = \"METHOD /uri\"`",
        );
    }
    if let Some(span) = op.args.checksum_required {
        cx.error_at(
            span,
            "`checksum_required` (Content-MD5) is for restJson1 operations, which need `http = \"METHOD /uri\"`",
        );
    }
    for field in &op.body.fields {
        for binding in &field.attrs.bindings {
            cx.error_at(
                binding.span,
                format!(
                    "`{}` binds a member of a restJson1 operation (`http = \"METHOD /uri\"`); an awsJson operation (`target = ...`) sends every member in its JSON body",
                    binding.value.key()
                ),
            );
        }
        if let Some(media_type) = &field.attrs.media_type {
            cx.error_spanned_by(
                media_type,
                "`media_type` goes on the payload or a header of a restJson1 operation or shape",
            );
        }
    }
}

/// A parsed `http = "..."`.
struct Uri {
    method: String,
    path: String,
    /// `(name, greedy)` of each `{label}`, in order.
    labels: Vec<(String, bool)>,
}

/// The route of a restJson1 operation declared with `http = ...`, the bindings of its
/// fields filled in; `None` after reporting a malformed route.
pub(crate) fn operation(
    cx: &Ctxt,
    op: &ast::Operation,
    lit: &syn::LitStr,
    fields: &mut [checked::Field],
) -> Option<HttpRoute> {
    if let Some(target) = &op.args.target {
        cx.error_spanned_by(
            target,
            "a restJson1 operation (`http = ...`) has no `target`: its method and URI name it",
        );
    }
    if let Some(version) = &op.args.json_version {
        cx.error_spanned_by(
            version,
            "`json_version` is awsJson's; a restJson1 operation (`http = ...`) sends `application/json`",
        );
    }
    let missing: Vec<&str> = [
        ("signing_name", &op.args.signing_name),
        ("endpoint_prefix", &op.args.endpoint_prefix),
    ]
    .into_iter()
    .filter(|(_, v)| v.is_none())
    .map(|(k, _)| k)
    .collect();
    if !missing.is_empty() {
        cx.error_spanned_by(
            lit,
            format!(
                "a restJson1 operation declared with `http` needs {} (as an awsJson operation outside the catalog does)",
                backticked(&missing)
            ),
        );
    }
    let code = status_code(cx, op.args.code.as_ref());
    let uri = parse_uri(cx, lit);
    bind_fields(cx, fields, Place::Input);
    let uri = uri?;
    labels_match(cx, lit, &uri, fields);
    let has_body_members = fields.iter().any(|f| f.binding == Binding::Body);
    Some(HttpRoute {
        method: uri.method,
        uri: uri.path,
        code,
        checksum_required: op.args.checksum_required.is_some(),
        has_body_members,
    })
}

/// The bindings of an `#[aws_json_shape]` struct's fields: those a response has
/// (header, prefix headers, payload, status code).
pub(crate) fn shape(cx: &Ctxt, fields: &mut [checked::Field]) {
    bind_fields(cx, fields, Place::Response);
}

fn status_code(cx: &Ctxt, code: Option<&syn::LitInt>) -> u16 {
    let Some(lit) = code else {
        return 200;
    };
    match lit.base10_parse::<u16>() {
        Ok(code) if (100..=599).contains(&code) => code,
        _ => {
            cx.error_spanned_by(lit, "`code` is an HTTP status code, from 100 to 599");
            200
        }
    }
}

fn parse_uri(cx: &Ctxt, lit: &syn::LitStr) -> Option<Uri> {
    let value = lit.value();
    let example = "such as `http = \"POST /2015-03-31/functions/{FunctionName}/invocations\"`";
    let Some((method, uri)) = value.split_once(' ') else {
        cx.error_spanned_by(lit, format!("`http` is \"METHOD /uri\", {example}"));
        return None;
    };
    if !METHODS.contains(&method) {
        cx.error_spanned_by(
            lit,
            format!(
                "unknown HTTP method `{method}` in `http`; expected one of {}",
                backticked(METHODS)
            ),
        );
        return None;
    }
    if !uri.starts_with('/') || uri.contains(char::is_whitespace) {
        cx.error_spanned_by(
            lit,
            format!("the URI of `http` starts with `/` and has no spaces, {example}"),
        );
        return None;
    }
    let (path, query) = uri.split_once('?').unwrap_or((uri, ""));
    if query.contains(['{', '}']) {
        cx.error_spanned_by(
            lit,
            "the query of `http`'s URI is literal: a query member is `#[aws(query = \"name\")]`, not a label",
        );
        return None;
    }
    let mut labels: Vec<(String, bool)> = Vec::new();
    let mut rest = path;
    while let Some(open) = rest.find(['{', '}']) {
        let after = &rest[open + 1..];
        let close = match (rest.as_bytes()[open], after.find('}')) {
            (b'{', Some(close)) if !after[..close].contains('{') => close,
            _ => {
                cx.error_spanned_by(lit, format!("unbalanced braces in the URI {path:?}"));
                return None;
            }
        };
        let inner = &after[..close];
        let (name, greedy) = match inner.strip_suffix('+') {
            Some(name) => (name, true),
            None => (inner, false),
        };
        if name.is_empty() || !name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
            cx.error_spanned_by(
                lit,
                format!("`{{{inner}}}` is no URI label: a label is `{{Name}}`, or `{{Name+}}` for a greedy one"),
            );
            return None;
        }
        if labels.iter().any(|(n, _)| n == name) {
            cx.error_spanned_by(lit, format!("the URI label `{name}` appears twice"));
            return None;
        }
        if greedy && labels.iter().any(|(_, g)| *g) {
            cx.error_spanned_by(lit, "a URI has at most one greedy label (`{Name+}`)");
            return None;
        }
        labels.push((name.to_owned(), greedy));
        rest = &after[close + 1..];
    }
    Some(Uri {
        method: method.to_owned(),
        path: uri.to_owned(),
        labels,
    })
}

/// Every label field names a label of the URI, and every label has its field.
///
/// A label field whose wire name the URI lacks and a label without a field are often
/// one mistake: the label spelt otherwise (`{name}` for a field whose wire name is
/// `Name`: models write labels in camelCase, fields' wire names default to
/// PascalCase), or, when they are the only two left, the field named otherwise. Such a
/// pair is one error, at the field, naming the `rename` that fixes it.
fn labels_match(cx: &Ctxt, lit: &syn::LitStr, uri: &Uri, fields: &mut [checked::Field]) {
    let names: Vec<&str> = uri.labels.iter().map(|(n, _)| n.as_str()).collect();
    let mut unmatched = Vec::new();
    for (i, field) in fields.iter_mut().enumerate() {
        if !matches!(field.binding, Binding::Label { .. }) {
            continue;
        }
        match uri.labels.iter().find(|(n, _)| *n == field.wire_name) {
            Some((_, greedy)) => field.binding = Binding::Label { greedy: *greedy },
            None => unmatched.push(i),
        }
    }
    let mut unbound: Vec<&str> = names
        .iter()
        .copied()
        .filter(|name| {
            !fields
                .iter()
                .any(|f| matches!(f.binding, Binding::Label { .. }) && f.wire_name == *name)
        })
        .collect();
    // Each unmatched field with the label it meant, if any, and whether that label is
    // the field's name spelt otherwise (else the one label left for the one field left).
    let mut meant: Vec<(usize, Option<(&str, bool)>)> = unmatched
        .iter()
        .map(|&i| {
            let field = &fields[i];
            let ident = field.decl.ident.to_string();
            let found = unbound.iter().position(|name| {
                name.eq_ignore_ascii_case(&field.wire_name)
                    || *name == ident.trim_start_matches("r#")
            });
            (i, found.map(|at| (unbound.remove(at), true)))
        })
        .collect();
    let mut unguessed = meant.iter_mut().filter(|(_, guess)| guess.is_none());
    if let (Some((_, guess)), None, [name]) = (unguessed.next(), unguessed.next(), &unbound[..]) {
        *guess = Some((*name, false));
        unbound.clear();
    }
    for (i, label) in meant {
        let field = &fields[i];
        let span = binding_span(field.decl, "label").unwrap_or(field.decl.wire_span);
        let (ident, wire) = (&field.decl.ident, &field.wire_name);
        let message = match label {
            Some((label, true)) => format!(
                "`{ident}` is a label, but the URI has no `{{{wire}}}`: its label is `{{{label}}}`; the label's name is the field's wire name: `#[aws(label, rename = \"{label}\")]`"
            ),
            Some((label, false)) => format!(
                "`{ident}` is a label, but the URI has no `{{{wire}}}`, and its label `{{{label}}}` has no field; the label's name is the field's wire name: if `{ident}` fills it, `#[aws(label, rename = \"{label}\")]`"
            ),
            None => {
                let listed = if names.is_empty() {
                    "the URI has no labels".to_owned()
                } else {
                    format!("its labels are {}", backticked(&names))
                };
                format!(
                    "`{ident}` is a label, but the URI has no `{{{wire}}}` ({listed}); the label's name is the field's wire name (`rename`)"
                )
            }
        };
        cx.error_at(span, message);
    }
    for (name, greedy) in &uri.labels {
        if unbound.contains(&name.as_str()) {
            let plus = if *greedy { "+" } else { "" };
            cx.error_spanned_by(
                lit,
                format!(
                    "the URI label `{{{name}{plus}}}` has no field: mark the field that fills it #[aws(label)] (its wire name, with `rename` if need be, must be `{name}`)"
                ),
            );
        }
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Place {
    /// An operation's input: labels, query, headers, payload.
    Input,
    /// An output or error: headers, payload, status code.
    Response,
}

fn binding_span(field: &ast::Field, key: &str) -> Option<Span> {
    field
        .attrs
        .bindings
        .iter()
        .find(|b| b.value.key() == key)
        .map(|b| b.span)
}

/// Each field's declared binding into `checked::Field::binding`, with the checks that
/// need no route.
fn bind_fields(cx: &Ctxt, fields: &mut [checked::Field], place: Place) {
    let mut payload: Option<&syn::Ident> = None;
    let mut query_params: Option<&syn::Ident> = None;
    let mut prefix: Option<&syn::Ident> = None;
    let mut queries: Vec<(String, &syn::Ident)> = Vec::new();
    let mut headers: Vec<(String, &syn::Ident)> = Vec::new();
    let mut event_payload: Option<&syn::Ident> = None;
    // The first event binding and the first HTTP one: a structure is an event or an
    // HTTP message, not both.
    let mut event_bound: Option<&syn::Ident> = None;
    let mut http_bound: Option<(&syn::Ident, Span)> = None;
    for field in fields.iter_mut() {
        let decl = field.decl;
        let Some((first, more)) = decl.attrs.bindings.split_first() else {
            // A shape named by `shape = "svc#Shape"` has its bindings from the catalog.
            if is_byte_stream(&decl.ty) && field.binding != Binding::Payload {
                cx.error_spanned_by(
                    &decl.ty,
                    "an `awsjson::ByteStream` member is a streaming payload: mark it #[aws(payload)]",
                );
            }
            if let Some(media_type) = &decl.attrs.media_type {
                cx.error_spanned_by(
                    media_type,
                    "`media_type` goes on a payload or header member",
                );
            }
            continue;
        };
        for extra in more {
            cx.error_at(
                extra.span,
                format!(
                    "`{}` already has `{}`: a member has one binding",
                    decl.ident,
                    first.value.key()
                ),
            );
        }
        field.binding = binding(cx, decl, first, place);
        let ident = &decl.ident;
        if matches!(
            field.binding,
            Binding::EventHeader(_) | Binding::EventPayload
        ) {
            event_bound = event_bound.or(Some(ident));
        } else if http_bound.is_none() {
            http_bound = Some((ident, first.span));
        }
        match &field.binding {
            Binding::EventPayload => {
                if let Some(other) = event_payload {
                    cx.error_at(
                        first.span,
                        format!("`{other}` is the event payload already: an event has one"),
                    );
                }
                event_payload = event_payload.or(Some(ident));
            }
            Binding::EventHeader(name) => {
                if let Some((_, other)) = headers.iter().find(|(n, _)| n == name) {
                    cx.error_at(
                        first.span,
                        format!("`{other}` is the event header `{name}` already"),
                    );
                }
                headers.push((name.clone(), ident));
            }
            Binding::Payload => {
                if let Some(other) = payload {
                    cx.error_at(
                        first.span,
                        format!("`{other}` is the payload already: a request or response has one"),
                    );
                }
                payload = payload.or(Some(ident));
                field.streaming = is_byte_stream(&decl.ty);
            }
            Binding::QueryParams => {
                if let Some(other) = query_params {
                    cx.error_at(
                        first.span,
                        format!("`{other}` holds the query parameters already"),
                    );
                }
                query_params = query_params.or(Some(ident));
            }
            Binding::PrefixHeaders(_) => {
                if let Some(other) = prefix {
                    cx.error_at(
                        first.span,
                        format!("`{other}` holds the prefix headers already: a structure has one"),
                    );
                }
                prefix = prefix.or(Some(ident));
            }
            Binding::Query(name) => {
                if let Some((_, other)) = queries.iter().find(|(n, _)| n == name) {
                    cx.error_at(
                        first.span,
                        format!("`{other}` is the query parameter `{name}` already"),
                    );
                }
                queries.push((name.clone(), ident));
            }
            Binding::Header(name) => {
                if let Some((_, other)) = headers.iter().find(|(n, _)| n.eq_ignore_ascii_case(name))
                {
                    cx.error_at(
                        first.span,
                        format!("`{other}` is the header `{name}` already"),
                    );
                }
                headers.push((name.clone(), ident));
            }
            Binding::Body | Binding::Label { .. } | Binding::ResponseCode => {}
        }
        if !matches!(field.binding, Binding::Payload) && is_byte_stream(&decl.ty) {
            cx.error_spanned_by(
                &decl.ty,
                "an `awsjson::ByteStream` member is a streaming payload: mark it #[aws(payload)]",
            );
        }
        if let Some(media_type) = &decl.attrs.media_type {
            if matches!(field.binding, Binding::Payload | Binding::Header(_)) {
                field.media_type = Some(media_type.value());
            } else {
                cx.error_spanned_by(
                    media_type,
                    "`media_type` goes on a payload or header member",
                );
            }
        }
    }
    if let (Some(event), Some((http, span))) = (event_bound, http_bound) {
        cx.error_at(
            span,
            format!(
                "`{event}` binds an event member, so `{http}` cannot have an HTTP binding: a structure is an event or an HTTP message, not both"
            ),
        );
    }
    if let Some(payload) = event_payload {
        for field in fields.iter().filter(|f| f.binding == Binding::Body) {
            cx.error_at(
                field.decl.ident.span(),
                format!(
                    "`{payload}` is the whole event payload (`event_payload`), so `{}` cannot be in an implicit JSON payload: mark it `event_header` or leave it out",
                    field.decl.ident
                ),
            );
        }
    }
    if let Some(payload) = payload {
        for field in fields.iter().filter(|f| f.binding == Binding::Body) {
            cx.error_at(
                field.decl.ident.span(),
                format!(
                    "`{payload}` is the whole body (`payload`), so `{}` cannot be a member of a JSON body: bind it elsewhere (`header = ...`, ...) or leave it out",
                    field.decl.ident
                ),
            );
        }
    }
}

/// The binding `b` declares on `field`, checked for where it is.
fn binding(cx: &Ctxt, field: &ast::Field, b: &Sp<DeclaredBinding>, place: Place) -> Binding {
    let key = b.value.key();
    let input_only = matches!(
        b.value,
        DeclaredBinding::Label | DeclaredBinding::Query(_) | DeclaredBinding::QueryParams
    );
    if input_only && place == Place::Response {
        cx.error_at(
            b.span,
            format!(
                "`{key}` binds a member of an operation's input; a response's members are `header`, `prefix_headers`, `payload` or `response_code`"
            ),
        );
    }
    let event = matches!(
        b.value,
        DeclaredBinding::EventHeader | DeclaredBinding::EventPayload
    );
    if event && place == Place::Input {
        cx.error_at(
            b.span,
            format!(
                "`{key}` binds a member of an event structure (an #[aws_json_shape] struct that is a member of an event-stream union), not of a request"
            ),
        );
    }
    if matches!(b.value, DeclaredBinding::ResponseCode) && place == Place::Input {
        cx.error_at(
            b.span,
            "`response_code` binds a member of an output (an #[aws_json_shape] struct), not of a request",
        );
    }
    match &b.value {
        DeclaredBinding::Label => {
            if field.optional {
                cx.error_spanned_by(
                    &field.ty,
                    "a URI label is always sent: make the field `T`, not `Option<T>`",
                );
            }
            Binding::Label { greedy: false }
        }
        DeclaredBinding::Query(lit) => {
            let name = lit.value();
            if name.is_empty() {
                cx.error_spanned_by(lit, "a query parameter needs a name");
            }
            Binding::Query(name)
        }
        DeclaredBinding::QueryParams => {
            if ty::collection_item(ty::unwrapped(&field.ty)).is_none() || is_vec(&field.ty) {
                cx.error_spanned_by(
                    &field.ty,
                    "`query_params` holds a map: `Option<HashMap<String, String>>` (or of `Vec<String>`)",
                );
            }
            Binding::QueryParams
        }
        DeclaredBinding::Header(lit) => {
            let name = lit.value();
            if !is_token(&name) || name.is_empty() {
                cx.error_spanned_by(lit, format!("{name:?} is not an HTTP header name"));
            }
            Binding::Header(name)
        }
        DeclaredBinding::PrefixHeaders(lit) => {
            let name = lit.value();
            if !is_token(&name) {
                cx.error_spanned_by(
                    lit,
                    format!("{name:?} is not the start of an HTTP header name"),
                );
            }
            if ty::collection_item(ty::unwrapped(&field.ty)).is_none() || is_vec(&field.ty) {
                cx.error_spanned_by(
                    &field.ty,
                    "`prefix_headers` holds a map: `Option<HashMap<String, String>>`",
                );
            }
            Binding::PrefixHeaders(name)
        }
        DeclaredBinding::Payload => Binding::Payload,
        DeclaredBinding::ResponseCode => {
            let inner = ty::unwrapped(&field.ty);
            if !matches!(quote::quote!(#inner).to_string().as_str(), "i32") {
                cx.error_spanned_by(
                    &field.ty,
                    "a `response_code` member is `i32` or `Option<i32>`",
                );
            }
            Binding::ResponseCode
        }
        DeclaredBinding::EventHeader => {
            if !is_event_header_type(&field.ty) {
                cx.error_spanned_by(
                    &field.ty,
                    "an `event_header` member is `bool`, `i8`, `i16`, `i32`, `i64`, `Blob`, `String` or `DateTime` (or an `Option` of one): the types an event header carries",
                );
            }
            Binding::EventHeader(field.wire_name.clone())
        }
        DeclaredBinding::EventPayload => Binding::EventPayload,
    }
}

/// Whether a field's type (under `Option`) is one of the event header types.
pub(crate) fn is_event_header_type(ty: &syn::Type) -> bool {
    const TYPES: &[&str] = &[
        "bool", "i8", "i16", "i32", "i64", "Blob", "String", "DateTime",
    ];
    let inner = ty::unwrapped(ty);
    matches!(inner, syn::Type::Path(p) if p.path.segments.last().is_some_and(|s| s.arguments.is_none() && TYPES.iter().any(|t| s.ident == t)))
}

/// RFC 9110's token characters.
fn is_token(name: &str) -> bool {
    name.bytes()
        .all(|b| b.is_ascii_alphanumeric() || b"!#$%&'*+-.^_`|~".contains(&b))
}

fn is_vec(ty: &syn::Type) -> bool {
    let inner = ty::unwrapped(ty);
    matches!(inner, syn::Type::Path(p) if p.path.segments.last().is_some_and(|s| s.ident == "Vec"))
}

/// Whether the field's type (under `Option`) is `ByteStream`, the streaming payload.
pub(crate) fn is_byte_stream(ty: &syn::Type) -> bool {
    matches!(ty::unwrapped(ty), syn::Type::Path(p) if p.path.segments.last().is_some_and(|s| s.ident == "ByteStream"))
}
