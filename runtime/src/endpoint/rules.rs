//! The Smithy endpoint rules language: a service's own `endpoint-rule-set-1.json`,
//! evaluated as the official SDKs and botocore do.
//!
//! The catalog carries each service's rule set (minified, without its documentation);
//! the macro puts it in [`ServiceMeta::endpoint_rules`](crate::ServiceMeta). A rule set
//! is parsed once per process, and a client resolves each service's endpoint once
//! (its target cache), so a call pays nothing for it.
//!
//! Only the standard library the AWS rule sets use is known: `isSet`, `not`,
//! `booleanEquals`, `stringEquals`, `getAttr`, `substring`, `isValidHostLabel`,
//! `parseURL`, `uriEncode`, `aws.partition`, `aws.parseArn`. A rule set naming any other
//! function fails to resolve with an error that names it.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, OnceLock};

use serde_json::{Map, Value};

use super::partition_of;

/// An endpoint-rule parameter's value: a string, a boolean or a list of strings.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Param {
    /// A `String` parameter.
    Str(String),
    /// A `Boolean` parameter.
    Bool(bool),
    /// A `stringArray` parameter.
    StrList(Vec<String>),
}

impl Param {
    fn to_value(&self) -> Value {
        match self {
            Param::Str(s) => Value::String(s.clone()),
            Param::Bool(b) => Value::Bool(*b),
            Param::StrList(l) => Value::Array(l.iter().cloned().map(Value::String).collect()),
        }
    }
}

/// What a rule set gives: the URL and its properties (`authSchemes`), or an error.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct RuleEndpoint {
    pub(crate) url: String,
    pub(crate) properties: Map<String, Value>,
}

impl RuleEndpoint {
    /// The SigV4 scheme's signing region and name, when the endpoint gives them.
    pub(crate) fn sigv4(&self) -> (Option<&str>, Option<&str>) {
        let scheme = self
            .properties
            .get("authSchemes")
            .and_then(Value::as_array)
            .and_then(|s| s.iter().find(|s| s["name"] == "sigv4"));
        match scheme {
            Some(s) => (s["signingRegion"].as_str(), s["signingName"].as_str()),
            None => (None, None),
        }
    }
}

/// A parsed rule set, shared by every client of the process.
#[derive(Debug)]
pub(crate) struct RuleSet {
    parameters: Map<String, Value>,
    rules: Vec<Value>,
}

/// How deep rules may nest: the AWS rule sets nest 10 deep at most; a malformed one
/// fails instead of exhausting the stack.
const MAX_DEPTH: usize = 32;

impl RuleSet {
    /// The rule set of `text`, parsed on its first use in the process.
    pub(crate) fn get(text: &'static str) -> Result<Arc<RuleSet>, String> {
        // Keyed by where the static text is (address, length): one entry per service
        // compiled in.
        type Parsed = HashMap<(usize, usize), Arc<RuleSet>>;
        static PARSED: OnceLock<Mutex<Parsed>> = OnceLock::new();
        let cache = PARSED.get_or_init(Default::default);
        let key = (text.as_ptr() as usize, text.len());
        if let Some(set) = cache.lock().unwrap_or_else(|e| e.into_inner()).get(&key) {
            return Ok(set.clone());
        }
        let set = Arc::new(RuleSet::parse(text)?);
        cache
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .insert(key, set.clone());
        Ok(set)
    }

    pub(crate) fn parse(text: &str) -> Result<RuleSet, String> {
        let value: Value =
            serde_json::from_str(text).map_err(|e| format!("endpoint rules do not parse: {e}"))?;
        let Value::Object(mut top) = value else {
            return Err("endpoint rules are not an object".into());
        };
        let parameters = match top.remove("parameters") {
            Some(Value::Object(p)) => p,
            _ => return Err("endpoint rules have no parameters".into()),
        };
        let rules = match top.remove("rules") {
            Some(Value::Array(r)) => r,
            _ => return Err("endpoint rules have no rules".into()),
        };
        Ok(RuleSet { parameters, rules })
    }

    /// Whether the rule set has a parameter of this name.
    pub(crate) fn has_parameter(&self, name: &str) -> bool {
        self.parameters.contains_key(name)
    }

    /// Evaluates the rules with `params` (by name; defaults fill the others).
    pub(crate) fn resolve(&self, params: &[(&str, Param)]) -> Result<RuleEndpoint, String> {
        let mut scope: Vec<(String, Value)> = Vec::with_capacity(self.parameters.len() + 8);
        for (name, spec) in &self.parameters {
            let given = params.iter().find(|(n, _)| n == name).map(|(_, v)| v);
            let want = spec["type"].as_str().unwrap_or_default();
            let value = match given {
                Some(v) => {
                    let fits = matches!(
                        (want.to_ascii_lowercase().as_str(), v),
                        ("string", Param::Str(_))
                            | ("boolean", Param::Bool(_))
                            | ("stringarray", Param::StrList(_))
                    );
                    if !fits {
                        return Err(format!("parameter {name} is not a {want}"));
                    }
                    v.to_value()
                }
                None => match spec.get("default") {
                    Some(d) if !d.is_null() => d.clone(),
                    _ if spec["required"] == true => {
                        return Err(format!("no value for the required parameter {name}"));
                    }
                    _ => Value::Null,
                },
            };
            scope.push((name.clone(), value));
        }
        match evaluate_rules(&self.rules, &mut scope, 0)? {
            Some(Outcome::Endpoint(e)) => Ok(e),
            Some(Outcome::Error(e)) => Err(e),
            None => Err("no endpoint rule matched".into()),
        }
    }
}

enum Outcome {
    Endpoint(RuleEndpoint),
    Error(String),
}

fn evaluate_rules(
    rules: &[Value],
    scope: &mut Vec<(String, Value)>,
    depth: usize,
) -> Result<Option<Outcome>, String> {
    if depth > MAX_DEPTH {
        return Err("endpoint rules nest too deep".into());
    }
    for rule in rules {
        let mark = scope.len();
        let result = evaluate_rule(rule, scope, depth);
        scope.truncate(mark);
        if let Some(outcome) = result? {
            return Ok(Some(outcome));
        }
    }
    Ok(None)
}

fn evaluate_rule(
    rule: &Value,
    scope: &mut Vec<(String, Value)>,
    depth: usize,
) -> Result<Option<Outcome>, String> {
    let empty = Vec::new();
    let conditions = rule["conditions"].as_array().unwrap_or(&empty);
    for condition in conditions {
        let value = call(condition, scope, depth)?;
        if value.is_null() || value == Value::Bool(false) {
            return Ok(None);
        }
        if let Some(name) = condition["assign"].as_str() {
            if lookup(scope, name).is_some() {
                return Err(format!("endpoint rules assign {name} twice"));
            }
            scope.push((name.to_owned(), value));
        }
    }
    match rule["type"].as_str() {
        Some("tree") => {
            let rules = rule["rules"]
                .as_array()
                .ok_or("a tree rule without rules")?;
            evaluate_rules(rules, scope, depth + 1)
        }
        Some("error") => {
            let message = expr(&rule["error"], scope, depth)?;
            Ok(Some(Outcome::Error(
                message
                    .as_str()
                    .unwrap_or("endpoint rules gave an error")
                    .to_owned(),
            )))
        }
        Some("endpoint") => {
            let endpoint = &rule["endpoint"];
            let url = match expr(&endpoint["url"], scope, depth)? {
                Value::String(url) => url,
                other => {
                    return Err(format!(
                        "endpoint rules gave a URL that is not a string: {other}"
                    ));
                }
            };
            let properties = match endpoint.get("properties") {
                Some(p) => match resolve_properties(p, scope, depth)? {
                    Value::Object(m) => m,
                    _ => Map::new(),
                },
                None => Map::new(),
            };
            Ok(Some(Outcome::Endpoint(RuleEndpoint { url, properties })))
        }
        other => Err(format!("unknown endpoint rule type {other:?}")),
    }
}

/// Properties are literal JSON whose strings are templates.
fn resolve_properties(
    value: &Value,
    scope: &[(String, Value)],
    depth: usize,
) -> Result<Value, String> {
    if depth > MAX_DEPTH {
        return Err("endpoint properties nest too deep".into());
    }
    Ok(match value {
        Value::String(s) => Value::String(template(s, scope)?),
        Value::Array(a) => Value::Array(
            a.iter()
                .map(|v| resolve_properties(v, scope, depth + 1))
                .collect::<Result<_, _>>()?,
        ),
        Value::Object(m) => Value::Object(
            m.iter()
                .map(|(k, v)| Ok((k.clone(), resolve_properties(v, scope, depth + 1)?)))
                .collect::<Result<_, String>>()?,
        ),
        other => other.clone(),
    })
}

fn lookup<'a>(scope: &'a [(String, Value)], name: &str) -> Option<&'a Value> {
    scope.iter().rev().find(|(n, _)| n == name).map(|(_, v)| v)
}

/// An argument: a function call, a reference, a template string or a literal.
fn expr(value: &Value, scope: &[(String, Value)], depth: usize) -> Result<Value, String> {
    match value {
        Value::Object(m) if m.contains_key("fn") => call(value, scope, depth + 1),
        Value::Object(m) if m.contains_key("ref") => {
            let name = m["ref"].as_str().unwrap_or_default();
            Ok(lookup(scope, name).cloned().unwrap_or(Value::Null))
        }
        Value::String(s) => Ok(Value::String(template(s, scope)?)),
        other => Ok(other.clone()),
    }
}

/// `{Name}` and `{Name#path}` filled from the scope; `{{` and `}}` are braces.
fn template(s: &str, scope: &[(String, Value)]) -> Result<String, String> {
    if !s.contains(['{', '}']) {
        return Ok(s.to_owned());
    }
    let mut out = String::with_capacity(s.len() + 16);
    let mut rest = s;
    while let Some(i) = rest.find(['{', '}']) {
        out.push_str(&rest[..i]);
        let tail = &rest[i..];
        if tail.starts_with("{{") || tail.starts_with("}}") {
            out.push_str(&tail[..1]);
            rest = &tail[2..];
            continue;
        }
        if tail.starts_with('}') {
            return Err(format!("unbalanced `}}` in endpoint template {s:?}"));
        }
        let close = tail
            .find('}')
            .ok_or_else(|| format!("unclosed `{{` in endpoint template {s:?}"))?;
        let reference = &tail[1..close];
        let (name, path) = match reference.split_once('#') {
            Some((name, path)) => (name, Some(path)),
            None => (reference, None),
        };
        let mut value = lookup(scope, name).cloned().unwrap_or(Value::Null);
        if let Some(path) = path {
            value = get_attr(&value, path);
        }
        match value {
            Value::String(v) => out.push_str(&v),
            Value::Bool(b) => out.push_str(if b { "true" } else { "false" }),
            Value::Number(n) => out.push_str(&n.to_string()),
            _ => {
                return Err(format!(
                    "endpoint template {s:?} names the unset {reference}"
                ));
            }
        }
        rest = &tail[close + 1..];
    }
    out.push_str(rest);
    Ok(out)
}

fn get_attr(value: &Value, path: &str) -> Value {
    let mut value = value;
    for part in path.split('.') {
        let (name, index) = match part.strip_suffix(']').and_then(|p| p.split_once('[')) {
            Some((name, index)) => match index.parse::<usize>() {
                Ok(i) => (name, Some(i)),
                Err(_) => return Value::Null,
            },
            None => (part, None),
        };
        if !name.is_empty() {
            value = match value.get(name) {
                Some(v) => v,
                None => return Value::Null,
            };
        }
        if let Some(i) = index {
            value = match value.get(i) {
                Some(v) => v,
                None => return Value::Null,
            };
        }
    }
    value.clone()
}

fn call(c: &Value, scope: &[(String, Value)], depth: usize) -> Result<Value, String> {
    if depth > MAX_DEPTH {
        return Err("endpoint rules nest too deep".into());
    }
    let name = c["fn"].as_str().unwrap_or_default();
    let empty = Vec::new();
    let argv = c["argv"].as_array().unwrap_or(&empty);
    let args: Vec<Value> = argv
        .iter()
        .map(|a| expr(a, scope, depth))
        .collect::<Result<_, _>>()?;
    let arg = |i: usize| args.get(i).unwrap_or(&Value::Null);
    let string = |i: usize| arg(i).as_str();
    Ok(match name {
        "isSet" => Value::Bool(!arg(0).is_null()),
        "not" => Value::Bool(!matches!(arg(0), Value::Bool(true))),
        "booleanEquals" => match (arg(0), arg(1)) {
            (Value::Bool(a), Value::Bool(b)) => Value::Bool(a == b),
            _ => return Err("booleanEquals of values that are not booleans".into()),
        },
        "stringEquals" => match (arg(0), arg(1)) {
            (Value::String(a), Value::String(b)) => Value::Bool(a == b),
            _ => return Err("stringEquals of values that are not strings".into()),
        },
        "getAttr" => get_attr(arg(0), string(1).unwrap_or_default()),
        "substring" => substring(arg(0), arg(1), arg(2), arg(3))?,
        "isValidHostLabel" => Value::Bool(match string(0) {
            Some(v) if arg(1) == &Value::Bool(true) => v.split('.').all(is_host_label),
            Some(v) => is_host_label(v),
            None => false,
        }),
        "uriEncode" => match string(0) {
            Some(v) => {
                let mut encoded = String::with_capacity(v.len());
                crate::sigv4::percent_encode(v, &mut encoded);
                Value::String(encoded)
            }
            None => Value::Null,
        },
        "parseURL" => string(0).map_or(Value::Null, parse_url),
        "aws.partition" => string(0).map_or(Value::Null, partition),
        "aws.parseArn" => string(0).map_or(Value::Null, parse_arn),
        other => return Err(format!("endpoint rules call the unknown function {other}")),
    })
}

fn substring(value: &Value, start: &Value, stop: &Value, reverse: &Value) -> Result<Value, String> {
    let Value::String(s) = value else {
        return Ok(Value::Null);
    };
    let (Some(start), Some(stop)) = (start.as_u64(), stop.as_u64()) else {
        return Err("substring bounds are not numbers".into());
    };
    let (start, stop) = (
        usize::try_from(start).unwrap_or(usize::MAX),
        usize::try_from(stop).unwrap_or(usize::MAX),
    );
    if start >= stop || s.len() < stop || !s.is_ascii() {
        return Ok(Value::Null);
    }
    let part = if reverse == &Value::Bool(true) {
        &s[s.len() - stop..s.len() - start]
    } else {
        &s[start..stop]
    };
    Ok(Value::String(part.to_owned()))
}

/// RFC 1123: 1 to 63 letters, digits and hyphens, not starting or ending with one.
fn is_host_label(label: &str) -> bool {
    (1..=63).contains(&label.len())
        && label
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-')
        && !label.starts_with('-')
        && !label.ends_with('-')
}

/// `scheme://authority/path` with no query: its parts, the path ending in `/`, and
/// whether the host is an IP address.
fn parse_url(url: &str) -> Value {
    let Some((scheme, rest)) = url.split_once("://") else {
        return Value::Null;
    };
    if !matches!(scheme, "http" | "https") || rest.contains(['?', '#']) {
        return Value::Null;
    }
    let (authority, path) = match rest.find('/') {
        Some(i) => (&rest[..i], &rest[i..]),
        None => (rest, ""),
    };
    if authority.is_empty() {
        return Value::Null;
    }
    let host = match authority.strip_prefix('[') {
        Some(v6) => match v6.split_once(']') {
            Some((ip, port))
                if port.is_empty() || valid_port(&port[1..]) && port.starts_with(':') =>
            {
                return url_parts(
                    scheme,
                    authority,
                    path,
                    ip.parse::<std::net::Ipv6Addr>().is_ok(),
                );
            }
            _ => return Value::Null,
        },
        None => match authority.rsplit_once(':') {
            Some((host, port)) if valid_port(port) => host,
            Some(_) => return Value::Null,
            None => authority,
        },
    };
    url_parts(
        scheme,
        authority,
        path,
        host.parse::<std::net::Ipv4Addr>().is_ok(),
    )
}

fn valid_port(port: &str) -> bool {
    !port.is_empty() && port.parse::<u16>().is_ok()
}

fn url_parts(scheme: &str, authority: &str, path: &str, is_ip: bool) -> Value {
    let normalized = if path.ends_with('/') {
        path.to_owned()
    } else {
        format!("{path}/")
    };
    let mut m = Map::new();
    m.insert("scheme".into(), Value::String(scheme.into()));
    m.insert("authority".into(), Value::String(authority.into()));
    m.insert("path".into(), Value::String(path.into()));
    m.insert("normalizedPath".into(), Value::String(normalized));
    m.insert("isIp".into(), Value::Bool(is_ip));
    Value::Object(m)
}

fn partition(region: &str) -> Value {
    let p = partition_of(region);
    let mut m = Map::new();
    m.insert("name".into(), Value::String(p.id.into()));
    m.insert("dnsSuffix".into(), Value::String(p.dns_suffix.into()));
    m.insert(
        "dualStackDnsSuffix".into(),
        Value::String(p.dual_stack_dns_suffix.into()),
    );
    m.insert("supportsFIPS".into(), Value::Bool(p.supports_fips));
    m.insert(
        "supportsDualStack".into(),
        Value::Bool(p.supports_dual_stack),
    );
    m.insert(
        "implicitGlobalRegion".into(),
        Value::String(p.implicit_global_region.into()),
    );
    Value::Object(m)
}

/// `arn:partition:service:region:account:resource`, the resource split on `:` and `/`.
fn parse_arn(arn: &str) -> Value {
    let parts: Vec<&str> = arn.splitn(6, ':').collect();
    let [prefix, partition, service, region, account, resource] = parts[..] else {
        return Value::Null;
    };
    if prefix != "arn" || partition.is_empty() || service.is_empty() || resource.is_empty() {
        return Value::Null;
    }
    let mut m = Map::new();
    m.insert("partition".into(), Value::String(partition.into()));
    m.insert("service".into(), Value::String(service.into()));
    m.insert("region".into(), Value::String(region.into()));
    m.insert("accountId".into(), Value::String(account.into()));
    m.insert(
        "resourceId".into(),
        Value::Array(
            resource
                .split([':', '/'])
                .map(|s| Value::String(s.into()))
                .collect(),
        ),
    );
    Value::Object(m)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn templates_fill_references_and_attributes() {
        let scope = vec![
            ("Region".to_owned(), Value::String("eu-west-1".into())),
            ("P".to_owned(), partition("eu-west-1")),
        ];
        assert_eq!(
            template("https://x.{Region}.{P#dnsSuffix}", &scope).unwrap(),
            "https://x.eu-west-1.amazonaws.com"
        );
        assert_eq!(template("{{literal}}", &scope).unwrap(), "{literal}");
        assert!(template("{Missing}", &scope).is_err());
        assert!(template("{Region", &scope).is_err());
    }

    #[test]
    fn arns_and_urls() {
        let arn = parse_arn("arn:aws:kinesis:us-east-1:123:stream/test");
        assert_eq!(get_attr(&arn, "accountId"), Value::String("123".into()));
        assert_eq!(
            get_attr(&arn, "resourceId[1]"),
            Value::String("test".into())
        );
        assert_eq!(get_attr(&arn, "resourceId[2]"), Value::Null);
        assert!(parse_arn("arn:aws:kinesis").is_null());
        assert!(parse_arn("arn::kinesis:r:a:x").is_null());
        let url = parse_url("http://127.0.0.1:8000/a");
        assert_eq!(url["isIp"], true);
        assert_eq!(url["normalizedPath"], "/a/");
        assert!(parse_url("https://example.com?x=1").is_null());
        assert!(parse_url("ftp://example.com").is_null());
        assert_eq!(parse_url("https://[::1]:443")["isIp"], true);
    }

    #[test]
    fn rules_resolve_with_defaults_and_errors() {
        let set = RuleSet::parse(
            r#"{"parameters":{"Region":{"type":"String"},"UseFIPS":{"type":"Boolean","required":true,"default":false}},
                "rules":[
                  {"conditions":[{"fn":"isSet","argv":[{"ref":"Region"}]},
                                 {"fn":"aws.partition","argv":[{"ref":"Region"}],"assign":"P"}],
                   "type":"tree","rules":[
                     {"conditions":[{"fn":"booleanEquals","argv":[{"ref":"UseFIPS"},true]}],
                      "type":"error","error":"no FIPS in {P#name}"},
                     {"conditions":[],"type":"endpoint","endpoint":{"url":"https://svc.{Region}.{P#dnsSuffix}",
                      "properties":{"authSchemes":[{"name":"sigv4","signingRegion":"{P#implicitGlobalRegion}"}]}}}]},
                  {"conditions":[],"type":"error","error":"Invalid Configuration: Missing Region"}]}"#,
        )
        .unwrap();
        let e = set
            .resolve(&[("Region", Param::Str("cn-north-1".into()))])
            .unwrap();
        assert_eq!(e.url, "https://svc.cn-north-1.amazonaws.com.cn");
        assert_eq!(e.sigv4(), (Some("cn-northwest-1"), None));
        assert_eq!(
            set.resolve(&[
                ("Region", Param::Str("us-east-1".into())),
                ("UseFIPS", Param::Bool(true))
            ]),
            Err("no FIPS in aws".into())
        );
        assert_eq!(
            set.resolve(&[]),
            Err("Invalid Configuration: Missing Region".into())
        );
        assert!(
            set.resolve(&[("UseFIPS", Param::Str("yes".into()))])
                .is_err()
        );
    }

    #[test]
    fn unknown_functions_and_deep_nesting_are_errors() {
        let set = RuleSet::parse(
            r#"{"parameters":{},"rules":[{"conditions":[{"fn":"aws.teleport","argv":[]}],"type":"error","error":"x"}]}"#,
        )
        .unwrap();
        assert!(set.resolve(&[]).unwrap_err().contains("aws.teleport"));
        let mut deep = String::from(r#"{"conditions":[],"type":"error","error":"bottom"}"#);
        for _ in 0..40 {
            deep = format!(r#"{{"conditions":[],"type":"tree","rules":[{deep}]}}"#);
        }
        let set = RuleSet::parse(&format!(r#"{{"parameters":{{}},"rules":[{deep}]}}"#)).unwrap();
        assert!(set.resolve(&[]).unwrap_err().contains("too deep"));
    }
}
