//! `target = "Prefix.Operation"`: its syntax, the catalog's service and operation it
//! names, and the service metadata that the declaration's keys and the catalog give.

use crate::ast::Operation;
use crate::catalog::{self, OperationError, Protocol, TargetError};
use crate::checked::{self, EndpointParamValue, OperationEndpoint};
use crate::ctxt::Ctxt;
use crate::suggest::backticked;

/// A well-formed `target` or `operation`: what the declaration names the operation by.
pub(crate) struct Target<'a> {
    pub(crate) lit: &'a syn::LitStr,
    /// The `X-Amz-Target`, `Prefix.Operation`; empty for a restJson1 operation.
    pub(crate) value: String,
    pub(crate) prefix: String,
    /// How messages name the operation: `Prefix.Operation`, or `service#Operation`
    /// when it is given with `operation = ...`.
    pub(crate) name: String,
    /// The catalog's service and operation `operation = ...` resolved to: such a
    /// declaration is always checked against the catalog.
    pub(crate) known: Option<Known>,
}

/// The cataloged service and operation a declaration names.
pub(crate) type Known = (&'static catalog::Service, &'static catalog::Operation);

/// The metadata keys that, all given, make a declaration speak for itself.
const METADATA_KEYS: [&str; 3] = ["json_version", "signing_name", "endpoint_prefix"];

/// What an operation outside the catalog declares instead of `operation`.
const OUTSIDE: &str = "for an operation outside awsjson's catalog (or newer than it), declare `target = \"Prefix.Operation\"` (awsJson) or `http = \"METHOD /uri\"` (restJson1) with the service's metadata keys";

fn malformed(value: &str) -> String {
    format!(
        "malformed `target` {value:?}: expected \"Prefix.Operation\", the `X-Amz-Target` of the operation, such as \"DynamoDB_20120810.PutItem\""
    )
}

pub(crate) fn parse<'a>(cx: &Ctxt, op: &'a Operation) -> Option<Target<'a>> {
    if let Some(lit) = &op.args.operation {
        if let Some(target) = &op.args.target {
            // One name for one operation: two could disagree, and `operation` says all.
            cx.error_spanned_by(
                target,
                "give either `operation` or `target`, not both: `operation = \"<service>#<Operation>\"` gives the target from the catalog; remove `target`",
            );
        }
        return operation(cx, lit);
    }
    let Some(lit) = &op.args.target else {
        cx.error_at(
            proc_macro2::Span::call_site(),
            "missing `operation = \"<service>#<Operation>\"` in #[aws_json_operation], such as `operation = \"dynamodb#PutItem\"` or `operation = \"lambda#Invoke\"` (or `target = \"Prefix.Operation\"` with the service's metadata keys)",
        );
        return None;
    };
    let value = lit.value();
    // The operation follows the last dot: some prefixes have dots of their own
    // (`com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101`).
    let well_formed = value.rsplit_once('.').filter(|(prefix, operation)| {
        let ident =
            |s: &str| !s.is_empty() && s.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
        prefix.split('.').all(ident) && ident(operation)
    });
    let Some((prefix, _)) = well_formed else {
        cx.error_spanned_by(lit, malformed(&value));
        return None;
    };
    let prefix = prefix.to_owned();
    Some(Target {
        lit,
        name: value.clone(),
        value,
        prefix,
        known: None,
    })
}

/// `operation = "<service>#<Operation>"`, resolved in the catalog (either protocol).
fn operation<'a>(cx: &Ctxt, lit: &'a syn::LitStr) -> Option<Target<'a>> {
    let id = lit.value();
    let did_you_mean = |suggestions: &[&str]| {
        if suggestions.is_empty() {
            String::new()
        } else {
            format!("; did you mean {}?", backticked(suggestions))
        }
    };
    let (service, model_op) = match catalog::catalog().resolve_operation(&id) {
        Ok(found) => found,
        Err(err) => {
            let message = match err {
                OperationError::Malformed => format!(
                    "malformed `operation` {id:?}: expected \"<service>#<Operation>\" with botocore's service name, such as \"lambda#Invoke\" or \"dynamodb#PutItem\""
                ),
                OperationError::UnknownService { suggestions } => {
                    let (service, _) = id.split_once('#').unwrap_or_default();
                    format!(
                        "unknown service `{service}` in `operation`{}; {OUTSIDE}",
                        did_you_mean(&suggestions)
                    )
                }
                OperationError::UnknownOperation { suggestions } => {
                    let (service, name) = id.split_once('#').unwrap_or_default();
                    format!(
                        "`{service}` has no operation `{name}`{}; {OUTSIDE}",
                        did_you_mean(&suggestions)
                    )
                }
            };
            cx.error_spanned_by(lit, message);
            return None;
        }
    };
    let (value, prefix) = match service.protocol {
        Protocol::RestJson1 => (String::new(), String::new()),
        Protocol::AwsJson1_0 | Protocol::AwsJson1_1 => (
            format!("{}.{}", service.target_prefix, model_op.name),
            service.target_prefix.to_owned(),
        ),
    };
    Some(Target {
        lit,
        value,
        prefix,
        name: format!("{}#{}", service.name, model_op.name),
        known: Some((service, model_op)),
    })
}

fn explicit(op: &Operation) -> [&Option<syn::LitStr>; 3] {
    [
        &op.args.json_version,
        &op.args.signing_name,
        &op.args.endpoint_prefix,
    ]
}

/// The service and operation of the catalog that `target` names; `None` (and no error)
/// when every metadata key is given: the declaration then speaks for itself and is not
/// checked (a service outside the catalog, or an operation or member newer than it).
pub(crate) fn lookup(cx: &Ctxt, op: &Operation, target: &Target) -> Option<Known> {
    if target.known.is_some() {
        return target.known;
    }
    if explicit(op).iter().all(|k| k.is_some()) {
        return None;
    }
    let chosen = op.args.endpoint_prefix.as_ref().map(syn::LitStr::value);
    let err = match catalog::catalog().resolve_target_in(&target.value, chosen.as_deref()) {
        Ok(found) => return Some(found),
        Err(err) => err,
    };
    let (value, prefix) = (&target.value, &target.prefix);
    let escape = "; for a service or operation outside awsjson's catalog (or newer than it), give `json_version`, `signing_name` and `endpoint_prefix`";
    let did_you_mean = |suggestions: &[&str]| {
        if suggestions.is_empty() {
            String::new()
        } else {
            format!("; did you mean {}?", backticked(suggestions))
        }
    };
    let message = match err {
        TargetError::Malformed => malformed(value),
        TargetError::UnknownOperation { suggestions } => {
            let (_, name) = value.rsplit_once('.').unwrap_or_default();
            format!(
                "`{prefix}` has no operation `{name}`{}{escape}",
                did_you_mean(&suggestions)
            )
        }
        TargetError::UnknownPrefix { suggestions } => {
            let mut m = format!(
                "unknown service prefix `{prefix}` in `target`{}{escape}",
                did_you_mean(&suggestions)
            );
            let missing: Vec<&str> = METADATA_KEYS
                .into_iter()
                .zip(explicit(op))
                .filter(|(_, v)| v.is_none())
                .map(|(k, _)| k)
                .collect();
            if missing.len() < METADATA_KEYS.len() {
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
    };
    cx.error_spanned_by(target.lit, message);
    None
}

/// The service's metadata: each key as declared, else the catalog's.
pub(crate) fn service(
    cx: &Ctxt,
    op: &Operation,
    target: Option<&Target>,
    known: Option<Known>,
) -> checked::Service {
    let json_version = match (&op.args.json_version, known) {
        (Some(lit), Some((service, _))) if service.protocol == Protocol::RestJson1 => {
            cx.error_spanned_by(
                lit,
                format!(
                    "`{}` is a restJson1 service, whose requests carry no JSON version; remove `json_version`",
                    service.name
                ),
            );
            String::new()
        }
        (Some(lit), _) => {
            let value = lit.value();
            if !matches!(value.as_str(), "1.0" | "1.1") {
                cx.error_spanned_by(
                    lit,
                    format!("unknown `json_version` {value:?}; expected \"1.0\" or \"1.1\""),
                );
            }
            value
        }
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
    // An explicit `hostname` replaces the catalog's endpoints altogether.
    let rules_of = known.filter(|_| op.args.hostname.is_none());
    checked::Service {
        json_version,
        target_prefix: target.map(|t| t.prefix.clone()).unwrap_or_default(),
        signing_name,
        endpoint_prefix,
        service_id,
        hostname,
        endpoints: rules_of.map_or_else(Vec::new, |(service, _)| {
            service.endpoint_overrides(&catalog::catalog().partitions)
        }),
        endpoint_rules: rules_of.and_then(|(service, _)| service.endpoint_rules),
    }
}

/// What a declaration naming `service` alone (no metadata keys) resolves to.
pub(crate) fn of_service(service: &'static catalog::Service) -> checked::Service {
    checked::Service {
        json_version: service.json_version.to_owned(),
        target_prefix: service.target_prefix.to_owned(),
        signing_name: service.signing_name.to_owned(),
        endpoint_prefix: service.endpoint_prefix.to_owned(),
        service_id: service.service_id.to_owned(),
        hostname: service.hostname(),
        endpoints: service.endpoint_overrides(&catalog::catalog().partitions),
        endpoint_rules: service.endpoint_rules,
    }
}

/// The operation's endpoint-rule inputs: the parameters that the declaration gives from
/// a field or a constant, and those from a JMESPath over the input. None with an explicit
/// `hostname`, which replaces the rule set.
pub(crate) fn endpoint(
    op: &Operation,
    fields: &[checked::Field],
    known: Option<Known>,
) -> OperationEndpoint {
    let Some((service, model_op)) = known.filter(|_| op.args.hostname.is_none()) else {
        return OperationEndpoint::default();
    };
    let input = model_op.input.map(|id| service.shape(id));
    // The field standing for a member (its wire name may be a restJson1 `jsonName`).
    let field_of = |member: &str| {
        fields.iter().find(|f| {
            input
                .and_then(|shape| super::place::member_for(shape, f))
                .is_some_and(|m| m.name == member)
        })
    };
    let params = model_op
        .endpoint_params
        .iter()
        .filter_map(|p| {
            let value = match &p.source {
                catalog::ParamSource::Member(member) => {
                    EndpointParamValue::Field(field_of(member)?.decl.ident.clone())
                }
                catalog::ParamSource::String(v) => EndpointParamValue::String(v),
                catalog::ParamSource::Bool(v) => EndpointParamValue::Bool(*v),
                catalog::ParamSource::Path(_) => return None,
            };
            Some((p.name, value))
        })
        .collect();
    let paths = model_op
        .endpoint_params
        .iter()
        .filter_map(|p| match p.source {
            catalog::ParamSource::Path(path) => Some((p.name, path)),
            _ => None,
        })
        .collect();
    OperationEndpoint {
        account_id: service.endpoint_account_id,
        params,
        paths,
    }
}

/// `Operation::ENDPOINT_DISCOVERY`: a model trait of the operation that no key spells
/// out, so it is taken from the catalog for a declaration with every metadata key too
/// (`scaffold --explicit`); an explicit `hostname` is where the discovery operation goes.
pub(crate) fn endpoint_discovery(
    op: &Operation,
    target: &str,
    known: Option<Known>,
) -> Option<(String, bool)> {
    let chosen = op.args.endpoint_prefix.as_ref().map(syn::LitStr::value);
    let (service, model_op) = known.or_else(|| {
        catalog::catalog()
            .resolve_target_in(target, chosen.as_deref())
            .ok()
    })?;
    let discovery = model_op.discovery?;
    let describe = service.discovery_operation()?;
    Some((
        format!("{}.{}", service.target_prefix, describe.name),
        discovery == catalog::Discovery::Required,
    ))
}
