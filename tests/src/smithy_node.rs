//! The Smithy protocol-test runners' common ground (`protocol_awsjson.rs`,
//! `protocol_restjson1.rs`): a case's `params` (Smithy node values) walked by the
//! vectors' shapes into wire form and back, and the comparison of JSON values by kind.
//!
//! Test-only code throughout: blobs go through [`crate::base64`], timestamps through
//! [`crate::timestamp`], never through the library.

use serde_json::{Map, Value};

/// What a walk does at a blob or a timestamp; everything else is walked by shape.
pub trait Leaves {
    /// A blob value.
    fn blob(&self, v: &Value) -> Value;
    /// A timestamp value, with the format its member or shape gives.
    fn timestamp(&self, v: &Value, format: &str) -> Value;
    /// Whether `null` structure members are dropped (Smithy node form: null is unset).
    fn drop_null_members(&self) -> bool;
}

/// Walks `v` (a value of shape `target`) and rewrites its blobs and timestamps.
pub fn walk(
    v: &Value,
    target: &str,
    format: Option<&str>,
    shapes: &Map<String, Value>,
    leaves: &dyn Leaves,
) -> Value {
    if v.is_null() {
        return Value::Null;
    }
    match target {
        "Blob" => leaves.blob(v),
        "Timestamp" => leaves.timestamp(v, format.unwrap_or("epoch-seconds")),
        _ => {
            let Some(shape) = shapes.get(target) else {
                // Other prelude shapes are written as on the wire.
                return v.clone();
            };
            match shape["type"].as_str().unwrap_or_default() {
                "structure" | "union" => {
                    let mut out = Map::new();
                    for (name, value) in v.as_object().into_iter().flatten() {
                        if value.is_null() && leaves.drop_null_members() {
                            continue;
                        }
                        let member = &shape["members"][name];
                        let member_target = member["target"].as_str().unwrap_or("String");
                        out.insert(
                            name.clone(),
                            walk(
                                value,
                                member_target,
                                member["timestampFormat"].as_str(),
                                shapes,
                                leaves,
                            ),
                        );
                    }
                    Value::Object(out)
                }
                "list" => {
                    let member = shape["member"].as_str().unwrap_or("String");
                    Value::Array(
                        v.as_array()
                            .into_iter()
                            .flatten()
                            .map(|item| walk(item, member, format, shapes, leaves))
                            .collect(),
                    )
                }
                "map" => {
                    let value_target = shape["value"].as_str().unwrap_or("String");
                    Value::Object(
                        v.as_object()
                            .into_iter()
                            .flatten()
                            .map(|(k, item)| {
                                (k.clone(), walk(item, value_target, format, shapes, leaves))
                            })
                            .collect(),
                    )
                }
                "timestamp" => leaves.timestamp(
                    v,
                    format
                        .or(shape["timestampFormat"].as_str())
                        .unwrap_or("epoch-seconds"),
                ),
                "blob" => leaves.blob(v),
                _ => v.clone(),
            }
        }
    }
}

/// Epoch seconds as the cases write them, in milliseconds (the vectors' README: compare
/// `946845296.123` at millisecond precision).
pub fn epoch_millis(v: &Value) -> Option<i64> {
    if let Some(secs) = v.as_i64() {
        return secs.checked_mul(1000);
    }
    #[allow(clippy::cast_possible_truncation)]
    v.as_f64().map(|secs| (secs * 1000.0).round() as i64)
}

/// A timestamp in node form for comparison: its instant to the millisecond, whatever
/// format carried it.
pub fn instant(ms: Option<i64>, v: &Value) -> Value {
    match ms {
        Some(ms) => Value::String(format!("timestamp at {ms} ms")),
        None => Value::String(format!("unreadable timestamp {v}")),
    }
}

/// Smithy node form (as the cases write `params`) to wire form: blobs base64,
/// timestamps in their member's format, `null` structure members dropped (null entries
/// of sparse lists and maps stay).
pub struct ToWire;

impl Leaves for ToWire {
    fn blob(&self, v: &Value) -> Value {
        Value::String(crate::base64::encode(
            v.as_str().unwrap_or_default().as_bytes(),
        ))
    }
    fn timestamp(&self, v: &Value, format: &str) -> Value {
        let ms = epoch_millis(v).unwrap_or_default();
        match format {
            "date-time" => Value::String(crate::timestamp::format_date_time(ms)),
            "http-date" => Value::String(crate::timestamp::format_http_date(ms)),
            _ => v.clone(),
        }
    }
    fn drop_null_members(&self) -> bool {
        true
    }
}

/// Wire form back to node form for comparison with `params`: a blob becomes the text
/// of its bytes, a timestamp its instant.
pub struct FromWire;

impl Leaves for FromWire {
    fn blob(&self, v: &Value) -> Value {
        let text = v.as_str().unwrap_or_default();
        match crate::base64::decode_lenient(text).map(String::from_utf8) {
            Some(Ok(text)) => Value::String(text),
            _ => Value::String(format!("not base64 of UTF-8 text: {v}")),
        }
    }
    fn timestamp(&self, v: &Value, format: &str) -> Value {
        let ms = match (format, v.as_str()) {
            ("date-time", Some(text)) => crate::timestamp::parse_date_time(text),
            ("http-date", Some(text)) => crate::timestamp::parse_http_date(text),
            ("epoch-seconds", None) => epoch_millis(v),
            _ => None,
        };
        instant(ms, v)
    }
    fn drop_null_members(&self) -> bool {
        false
    }
}

/// `params` as written, with only their timestamps turned into instants and null
/// structure members dropped.
pub struct AsWritten;

impl Leaves for AsWritten {
    fn blob(&self, v: &Value) -> Value {
        v.clone()
    }
    fn timestamp(&self, v: &Value, _: &str) -> Value {
        instant(epoch_millis(v), v)
    }
    fn drop_null_members(&self) -> bool {
        true
    }
}

/// The body or value as JSON, or why not.
pub fn parse(body: &[u8]) -> Result<Value, String> {
    serde_json::from_slice(body).map_err(|e| {
        format!(
            "the body is not JSON ({e}): {:?}",
            String::from_utf8_lossy(body)
        )
    })
}

/// A case's verdict from its list of problems.
pub fn verdict(problems: Vec<String>) -> Result<(), String> {
    if problems.is_empty() {
        Ok(())
    } else {
        Err(problems.join("; "))
    }
}

/// The strings of a JSON array (`forbidHeaders`, `queryParams`, ...).
pub fn strings(v: &Value) -> impl Iterator<Item = &str> {
    v.as_array().into_iter().flatten().filter_map(Value::as_str)
}

/// JSON equality, with numbers kept apart by kind as smithy-rs's `serde_json::Value`
/// comparison does: an integer equals only the same integer (longs above 2^53
/// included), a float only the same float (`1` is not `1.0`); `NaN` strings are
/// strings on both sides.
pub fn json_diff(expected: &Value, actual: &Value, at: &str, problems: &mut Vec<String>) {
    match (expected, actual) {
        (Value::Object(e), Value::Object(a)) => {
            for (k, ev) in e {
                match a.get(k) {
                    Some(av) => json_diff(ev, av, &format!("{at}.{k}"), problems),
                    None => problems.push(format!("{at}.{k} missing (expected {ev})")),
                }
            }
            for k in a.keys().filter(|k| !e.contains_key(*k)) {
                problems.push(format!("{at}.{k} unexpected: {}", a[k]));
            }
        }
        (Value::Array(e), Value::Array(a)) if e.len() == a.len() => {
            for (i, (ev, av)) in e.iter().zip(a).enumerate() {
                json_diff(ev, av, &format!("{at}[{i}]"), problems);
            }
        }
        (Value::Number(e), Value::Number(a)) => {
            let same = match (e.is_f64(), a.is_f64()) {
                (false, false) => e.as_i64() == a.as_i64() && e.as_u64() == a.as_u64(),
                #[allow(clippy::float_cmp)]
                (true, true) => e.as_f64() == a.as_f64(),
                _ => false,
            };
            if !same {
                problems.push(format!("{at}: {actual} != {expected}"));
            }
        }
        _ if expected == actual => {}
        _ => problems.push(format!("{at}: {actual} != {expected}")),
    }
}

/// The comparison itself, checked before a run: numbers of another kind or value, and
/// a long off by one above 2^53, must differ.
pub fn check_the_comparison() {
    let differs = |e: &str, a: &str| {
        let mut problems = Vec::new();
        json_diff(
            &parse(e.as_bytes()).unwrap(),
            &parse(a.as_bytes()).unwrap(),
            "",
            &mut problems,
        );
        !problems.is_empty()
    };
    assert!(differs("1", "1.0") && differs("1.0", "1") && differs("1.5", "1.25"));
    assert!(differs("1234567890123456789", "1234567890123456788"));
    assert!(differs("1234567890123456789", "1.2345678901234568e18"));
    assert!(differs(r#"{"a":1}"#, r#"{"a":1,"b":2}"#) && differs(r#"{"a":1}"#, "{}"));
    assert!(!differs(r#"{"a":[1,2.5,"NaN"]}"#, r#"{"a":[1,2.5,"NaN"]}"#));
}

/// A response case's `code`, `headers` and `body` as the response the client got.
pub fn raw_response(case: &Value) -> awsjson::__private::RawResponse {
    awsjson::__private::RawResponse {
        status: case["code"]
            .as_u64()
            .and_then(|c| u16::try_from(c).ok())
            .unwrap_or(0),
        headers: case["headers"]
            .as_object()
            .map(|h| {
                awsjson::ResponseHeaders::from_pairs(
                    h.iter()
                        .map(|(k, v)| (k.as_str(), v.as_str().unwrap_or_default())),
                )
                .expect("the case's headers are HTTP headers")
            })
            .unwrap_or_default(),
        body: case["body"]
            .as_str()
            .unwrap_or_default()
            .as_bytes()
            .to_vec(),
    }
}
