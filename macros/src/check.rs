//! Semantic checks on the model; each mistake is reported at its own span.

use std::collections::HashMap;

mod model;
mod traits;

use crate::ast::{self, Enum, EnumKind, Field, Operation, Struct};
use crate::attr::{backticked, closest};
use crate::catalog::{self, Kind, Service, ShapeId, TargetError};
use crate::ctxt::Ctxt;
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
    /// The idempotency token the catalog knows of; `None` for a declaration outside
    /// the catalog, whose `#[idempotency]` field (if any) is the token.
    pub(crate) token: Option<model::Token>,
    /// `ServiceMeta::endpoints`: the catalog's endpoints that the runtime cannot derive
    /// from `hostname`.
    pub(crate) endpoints: Vec<&'static catalog::Endpoint>,
    /// `ServiceMeta::endpoint_rules`: the catalog's rule set of the service.
    pub(crate) endpoint_rules: Option<&'static str>,
    /// `Operation::ENDPOINT_ACCOUNT_ID`: the rule set routes by the account id.
    pub(crate) endpoint_account_id: bool,
    /// `Operation::endpoint_params`: the operation's endpoint-rule parameters that a
    /// declaration can give (a `contextParam` member it declares, a static value).
    pub(crate) endpoint_params: Vec<(&'static str, EndpointParamValue)>,
    /// `Operation::ENDPOINT_PATHS`: `operationContextParams` as (name, JMESPath).
    pub(crate) endpoint_paths: Vec<(&'static str, &'static str)>,
    /// `Operation::ENDPOINT_DISCOVERY`: the target of the service's discovery operation
    /// and whether the model requires discovery, for an operation with the
    /// `endpointdiscovery` trait.
    pub(crate) endpoint_discovery: Option<(String, bool)>,
    /// Types whose members are checked (at compile time, by the expansion) against the
    /// model shape: the output and the errors.
    pub(crate) mirrors: Vec<Mirror>,
    /// Structures nested in the input, declared in their own macro invocations, each
    /// with the model's sensitive members it must redact (`Mirror::sensitive`).
    pub(crate) nested: Vec<(syn::Type, Vec<(&'static str, String)>)>,
}

impl Resolved {
    /// What a declaration naming `service` alone (no metadata keys) resolves to.
    pub(crate) fn of_service(service: &'static Service) -> Self {
        Resolved {
            target: String::new(),
            json_version: service.json_version.to_owned(),
            target_prefix: service.target_prefix.to_owned(),
            signing_name: service.signing_name.to_owned(),
            endpoint_prefix: service.endpoint_prefix.to_owned(),
            service_id: service.service_id.to_owned(),
            hostname: service.hostname(),
            token: None,
            endpoints: service.endpoint_overrides(&catalog::catalog().partitions),
            endpoint_rules: service.endpoint_rules,
            endpoint_account_id: service.endpoint_account_id,
            endpoint_params: Vec::new(),
            endpoint_paths: Vec::new(),
            endpoint_discovery: None,
            mirrors: Vec::new(),
            nested: Vec::new(),
        }
    }
}

/// Where an endpoint-rule parameter's value comes from in the generated code.
pub(crate) enum EndpointParamValue {
    Field(syn::Ident),
    String(&'static str),
    Bool(bool),
}

/// The endpoint-rule parameters of `model_op` that the declaration gives from a field
/// or a constant; those from a JMESPath over the input are `endpoint_paths`.
fn endpoint_params(
    op: &Operation,
    model_op: &catalog::Operation,
) -> Vec<(&'static str, EndpointParamValue)> {
    model_op
        .endpoint_params
        .iter()
        .filter_map(|p| {
            let value = match &p.source {
                catalog::ParamSource::Member(member) => EndpointParamValue::Field(
                    op.body
                        .fields
                        .iter()
                        .find(|f| f.wire_name == *member)?
                        .ident
                        .clone(),
                ),
                catalog::ParamSource::String(v) => EndpointParamValue::String(v),
                catalog::ParamSource::Bool(v) => EndpointParamValue::Bool(*v),
                catalog::ParamSource::Path(_) => return None,
            };
            Some((p.name, value))
        })
        .collect()
}

/// `output = T` or an error type, and the model shape it must mirror.
pub(crate) struct Mirror {
    pub(crate) ty: syn::Type,
    /// `"<service>#<Shape>"`.
    pub(crate) shape: String,
    pub(crate) members: Vec<&'static str>,
    /// The model shape's member names as the model spells them, for errors.
    pub(crate) model_members: Vec<&'static str>,
    /// Whether `ty` is the operation's output (not one of its errors).
    pub(crate) is_output: bool,
    /// The model's sensitive members (wire name) and the error for a field of `ty`
    /// that holds one without `#[aws(sensitive)]`.
    pub(crate) sensitive: Vec<(&'static str, String)>,
}

pub(crate) fn operation(cx: &Ctxt, op: &mut Operation) -> Option<Resolved> {
    idempotency(cx, &op.body.fields);
    paginate(cx, op);
    let Some(target) = &op.args.target else {
        unique_wire_names(cx, &op.body.fields);
        cx.syn_error(syn::Error::new(
            proc_macro2::Span::call_site(),
            "missing `target = \"Prefix.Operation\"` in #[aws_json_operation], such as `target = \"DynamoDB_20120810.PutItem\"`",
        ));
        return None;
    };
    let value = target.value();
    // The operation follows the last dot: some prefixes have dots of their own
    // (`com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101`).
    let well_formed = value.rsplit_once('.').filter(|(prefix, operation)| {
        let ident =
            |s: &str| !s.is_empty() && s.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
        prefix.split('.').all(ident) && ident(operation)
    });
    let Some((prefix, _)) = well_formed else {
        unique_wire_names(cx, &op.body.fields);
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
    let all_explicit = explicit.iter().all(|k| k.is_some());
    // With every metadata key given the declaration speaks for itself and is not
    // checked: a service outside the catalog, or an operation or member newer than it.
    let chosen = op.args.endpoint_prefix.as_ref().map(syn::LitStr::value);
    let known = match catalog::catalog().resolve_target_in(&value, chosen.as_deref()) {
        _ if all_explicit => None,
        Ok(found) => Some(found),
        Err(err) => {
            unique_wire_names(cx, &op.body.fields);
            let escape = "; for a service or operation outside awsjson's catalog (or newer than it), give `json_version`, `signing_name` and `endpoint_prefix`";
            let message = match err {
                TargetError::UnknownOperation { suggestions } => {
                    let (_, name) = value.rsplit_once('.').unwrap_or_default();
                    let mut m = format!("`{prefix}` has no operation `{name}`");
                    if !suggestions.is_empty() {
                        m.push_str(&format!("; did you mean {}?", backticked(&suggestions)));
                    }
                    m + escape
                }
                TargetError::UnknownPrefix { suggestions } => {
                    let mut m = format!("unknown service prefix `{prefix}` in `target`");
                    if !suggestions.is_empty() {
                        m.push_str(&format!("; did you mean {}?", backticked(&suggestions)));
                    }
                    let missing: Vec<&str> = ["json_version", "signing_name", "endpoint_prefix"]
                        .into_iter()
                        .zip(explicit)
                        .filter(|(_, v)| v.is_none())
                        .map(|(k, _)| k)
                        .collect();
                    m.push_str(escape);
                    if missing.len() < 3 {
                        m.push_str(&format!(" (missing {})", backticked(&missing)));
                    }
                    m
                }
                TargetError::Ambiguous { services } => {
                    let list: Vec<String> = services
                        .iter()
                        .map(|(s, e)| format!("`endpoint_prefix = \"{e}\"` for `{s}`"))
                        .collect();
                    format!(
                        "`{value}` is an operation of several services that share the prefix; choose one with {}",
                        list.join(" or ")
                    )
                }
                TargetError::Malformed => unreachable!("checked above"),
            };
            cx.error_spanned_by(target, message);
            return None;
        }
    };
    if let Some((service, model_op)) = known {
        traits::model_traits(cx, &mut op.args, &value, service, model_op);
    }
    let json_version = match (&op.args.json_version, known) {
        (Some(lit), _) => match lit.value().as_str() {
            v @ ("1.0" | "1.1") => v.to_owned(),
            other => {
                unique_wire_names(cx, &op.body.fields);
                cx.error_spanned_by(
                    lit,
                    format!("unknown `json_version` {other:?}; expected \"1.0\" or \"1.1\""),
                );
                return None;
            }
        },
        (None, Some((service, _))) => service.json_version.to_owned(),
        (None, None) => String::new(),
    };
    let lit = |l: &Option<syn::LitStr>| l.as_ref().map(syn::LitStr::value);
    let (signing_name, endpoint_prefix, service_id, hostname) = match known {
        Some((service, _)) => (
            lit(&op.args.signing_name).unwrap_or_else(|| service.signing_name.to_owned()),
            lit(&op.args.endpoint_prefix).unwrap_or_else(|| service.endpoint_prefix.to_owned()),
            lit(&op.args.service_id).unwrap_or_else(|| service.service_id.to_owned()),
            lit(&op.args.hostname).unwrap_or_else(|| service.hostname()),
        ),
        None => {
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
    let endpoints = match known {
        // An explicit `hostname` replaces the catalog's endpoints altogether.
        Some((service, _)) if op.args.hostname.is_none() => {
            service.endpoint_overrides(&catalog::catalog().partitions)
        }
        _ => Vec::new(),
    };
    let (token, mirrors) = match known {
        Some((service, model_op)) => against_model(cx, op, &value, service, model_op),
        None => (None, Vec::new()),
    };
    let nested = match known {
        Some((service, model_op)) => model_op
            .input
            .map(|input| nested_redactions(service, input, &op.body.fields))
            .unwrap_or_default(),
        None => Vec::new(),
    };
    unique_wire_names(cx, &op.body.fields);
    Some(Resolved {
        target: value.clone(),
        json_version,
        target_prefix: prefix.to_owned(),
        signing_name,
        endpoint_prefix,
        service_id,
        hostname,
        token,
        endpoint_rules: match known {
            Some((service, _)) if op.args.hostname.is_none() => service.endpoint_rules,
            _ => None,
        },
        endpoint_account_id: match known {
            Some((service, _)) if op.args.hostname.is_none() => service.endpoint_account_id,
            _ => false,
        },
        endpoint_params: match known {
            Some((_, model_op)) if op.args.hostname.is_none() => endpoint_params(op, model_op),
            _ => Vec::new(),
        },
        endpoint_paths: match known {
            Some((_, model_op)) if op.args.hostname.is_none() => model_op
                .endpoint_params
                .iter()
                .filter_map(|p| match p.source {
                    catalog::ParamSource::Path(path) => Some((p.name, path)),
                    _ => None,
                })
                .collect(),
            _ => Vec::new(),
        },
        // A model trait of the operation that no key spells out, so it is taken from
        // the catalog for a declaration with every metadata key too (`scaffold
        // --explicit`); an explicit `hostname` is where the discovery operation goes.
        endpoint_discovery: known
            .or_else(|| {
                catalog::catalog()
                    .resolve_target_in(&value, chosen.as_deref())
                    .ok()
            })
            .and_then(|(service, model_op)| {
                let discovery = model_op.discovery?;
                let describe = service.discovery_operation()?;
                Some((
                    format!("{}.{}", service.target_prefix, describe.name),
                    discovery == catalog::Discovery::Required,
                ))
            }),
        endpoints,
        mirrors,
        nested,
    })
}

/// The model's sensitive members of `id`, each with the error for a field of `ty` that
/// holds one without `#[aws(sensitive)]`.
fn sensitive_members(
    service: &Service,
    ty: &syn::Type,
    id: ShapeId,
) -> Vec<(&'static str, String)> {
    let shape = service.shape(id);
    let full = format!("{}#{}", service.name, shape.name);
    let ty = model::type_text(ty);
    shape
        .members()
        .iter()
        .filter(|m| shape.sensitive || service.redacts(m.target))
        .map(|m| {
            let message = format!(
                "`{ty}` holds `{}`, which is sensitive in `{full}`: mark its field `#[aws(sensitive)]` so that Debug redacts it",
                m.name
            );
            (m.name, message)
        })
        .collect()
}

/// Structures the input's fields hold (through `Option`, `Box`, `Vec` and maps) whose
/// model shape has sensitive members: their declarations are checked at compile time,
/// as the output's are. A nested structure's own nested ones are its declaration's
/// business (`shape = ...` checks them).
fn nested_redactions(
    service: &'static Service,
    input: ShapeId,
    fields: &[Field],
) -> Vec<(syn::Type, Vec<(&'static str, String)>)> {
    let shape = service.shape(input);
    let mut out: Vec<(syn::Type, Vec<(&'static str, String)>)> = Vec::new();
    for field in fields {
        let Some(member) = shape.member(&field.wire_name) else {
            continue;
        };
        let (mut ty, mut id) = (ty::unwrapped(&field.ty), member.target);
        while let (Kind::List(item) | Kind::Map(_, item), Some(inner)) =
            (&service.shape(id).kind, ty::collection_item(ty))
        {
            (ty, id) = (ty::unwrapped(inner), *item);
        }
        let target = service.shape(id);
        // Unions are enums, which the check cannot read; documents are not declared.
        if !matches!(target.kind, Kind::Structure { .. }) || target.is_union() {
            continue;
        }
        let sensitive = sensitive_members(service, ty, id);
        let text = model::type_text(ty);
        if !sensitive.is_empty() && !out.iter().any(|(t, _)| model::type_text(t) == text) {
            out.push((ty.clone(), sensitive));
        }
    }
    out
}

/// The catalog checks of an operation: its fields against the input members, its
/// `errors(...)` against the modeled errors, its `output` against the output shape.
fn against_model(
    cx: &Ctxt,
    op: &mut Operation,
    target: &str,
    service: &'static Service,
    model_op: &'static catalog::Operation,
) -> (Option<model::Token>, Vec<Mirror>) {
    let what = format!("the input of `{target}`");
    let owner = model::Owner {
        what: &what,
        input: true,
        span: op.body.item.ident.span(),
    };
    let token = match model_op.input {
        Some(input) => model::fields(cx, service, input, &mut op.body.fields, &owner, true),
        None => {
            for field in &op.body.fields {
                cx.error_spanned_by(
                    &field.ident,
                    format!(
                        "`{target}` takes no input members; remove `{}`",
                        field.ident
                    ),
                );
            }
            None
        }
    };
    let mut mirrors = Vec::new();
    let full = |id: ShapeId| format!("{}#{}", service.name, service.shape(id).name);
    let sensitive = |ty: &syn::Type, id: ShapeId| sensitive_members(service, ty, id);
    let members = |id: ShapeId| {
        let mut names: Vec<&str> = service.shape(id).members().iter().map(|m| m.name).collect();
        // A `message` field reads each of the three spellings services use.
        if names
            .iter()
            .any(|n| ["message", "Message", "errorMessage"].contains(n))
        {
            names.extend(["message", "Message", "errorMessage"]);
        }
        names
    };
    match (&op.args.output, model_op.output) {
        (Some(ty), Some(id)) => mirrors.push(Mirror {
            ty: ty.clone(),
            shape: full(id),
            members: members(id),
            model_members: service.shape(id).members().iter().map(|m| m.name).collect(),
            is_output: true,
            sensitive: sensitive(ty, id),
        }),
        (Some(ty), None) if !matches!(ty, syn::Type::Tuple(t) if t.elems.is_empty()) => {
            cx.error_spanned_by(
                ty,
                format!("`{target}` returns no output members; remove `output = ...`"),
            );
        }
        _ => {}
    }
    let modeled: Vec<&str> = model_op
        .errors
        .iter()
        .map(|e| service.shape(*e).name)
        .collect();
    for path in &op.args.errors {
        let Some(name) = path.segments.last().map(|s| s.ident.to_string()) else {
            continue;
        };
        match model_op
            .errors
            .iter()
            .find(|e| service.shape(**e).name == name)
        {
            Some(id) => {
                let ty: syn::Type = syn::parse_quote!(#path);
                mirrors.push(Mirror {
                    sensitive: sensitive(&ty, *id),
                    ty,
                    shape: full(*id),
                    members: members(*id),
                    model_members: service
                        .shape(*id)
                        .members()
                        .iter()
                        .map(|m| m.name)
                        .collect(),
                    is_output: false,
                });
            }
            None => cx.error_spanned_by(
                path,
                format!(
                    "`{name}` is not a modeled error of `{target}`{}",
                    model::alternatives(&name, modeled.iter().copied())
                ),
            ),
        }
    }
    (token, mirrors)
}

/// Checks a struct shape; with `shape = "<service>#<Shape>"`, against that model shape
/// (which also gives its fields their wire names). Returns the model shape's name.
pub(crate) fn struct_shape(
    cx: &Ctxt,
    s: &mut Struct,
    shape: Option<&syn::LitStr>,
) -> Option<String> {
    let resolved = shape.and_then(|lit| model::shape_ref(cx, lit).map(|r| (lit, r)));
    let name = resolved.and_then(|(lit, (service, id))| {
        let model = service.shape(id);
        let what = format!("`{}#{}`", service.name, model.name);
        if !matches!(model.kind, Kind::Structure { .. }) {
            cx.error_spanned_by(
                lit,
                format!(
                    "{what} is {} in the model, not a structure{}",
                    model::a(model.kind.describe()),
                    if model.kind.describe() == "enum" {
                        ": declare an enum"
                    } else {
                        ""
                    }
                ),
            );
            return None;
        }
        let owner = model::Owner {
            what: &what,
            input: model::is_input(service, id),
            span: s.item.ident.span(),
        };
        model::fields(cx, service, id, &mut s.fields, &owner, false);
        Some(format!("{}#{}", service.name, model.name))
    });
    unique_wire_names(cx, &s.fields);
    name
}

/// Checks a string enum; with `shape = ...`, its variants against the model's values.
pub(crate) fn enum_shape(cx: &Ctxt, shape: &mut Enum, model: Option<&syn::LitStr>) {
    if let Some((lit, (service, id))) =
        model.and_then(|lit| model::shape_ref(cx, lit).map(|r| (lit, r)))
    {
        let m = service.shape(id);
        let what = format!("`{}#{}`", service.name, m.name);
        match (&m.kind, shape.kind) {
            (Kind::String { enum_values }, EnumKind::String) if !enum_values.is_empty() => {
                model::variants(cx, enum_values, shape, &what);
            }
            // A union declared as an enum of one-field variants, one per member.
            (Kind::Structure { .. }, EnumKind::Union) => {
                model::union_variants(cx, service, id, shape, &what);
            }
            (Kind::Structure { .. }, _) => cx.error_spanned_by(
                lit,
                format!(
                    "{what} is a structure in the model: declare a struct, or an enum of one-field variants for a union"
                ),
            ),
            (other, _) => cx.error_spanned_by(
                lit,
                format!(
                    "{what} is {} in the model, not an enum",
                    model::a(other.describe())
                ),
            ),
        }
    }
    enum_values_unique(cx, shape);
}

fn enum_values_unique(cx: &Ctxt, shape: &Enum) {
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
