//! Runs every client case of the official Smithy awsJson1_0 and awsJson1_1 protocol
//! compliance tests (`tests/vectors/smithy-awsjson/`, README there) against the
//! operations declared in `protocol/`.
//!
//! - request cases: the input is read from the case's `params` (turned into wire form
//!   by the model's shapes, then deserialized into the operation struct), then built
//!   and signed through `awsjson::__private::request`, the path `send` takes, at a
//!   fixed time; method, URI, host, headers and body are compared;
//! - response cases: `code`, `headers` and `body` go through
//!   `awsjson::__private::decode_response`; the decoded output is written out as JSON
//!   and read back into Smithy node form by test-only code (blobs through the test-only
//!   base64 decoder, timestamps through the test-only parsers of
//!   `awsjson_tests::timestamp`), then compared with `params` as the case writes them;
//! - error cases: the same decoder must give the named error variant with `params` as
//!   its members (compared the same way) and the vendor-params error code and fault.
//!
//! Writing the decoded value out uses the output's own `Serialize`: it is the one
//! generic way to look inside a typed value. It cannot hide a decoder error, because
//! the encoders it calls are pinned to the vectors' literal bytes by the request
//! cases and to known answers by `test_proptest.rs`, and the expected side never
//! touches the library. Numbers compare strictly: an integer equals only an integer of
//! the same value, a float only the same float.
//!
//! Every client case runs; the counts per protocol and kind are checked against the
//! files, and the only way to leave a case out is `EXCLUDED`, with a reason. Runs
//! without the libtest harness so that each case prints `PASS`/`FAIL` as it goes.

pub mod protocol;

use std::collections::BTreeMap;
use std::io::Read as _;
use std::time::{Duration, UNIX_EPOCH};

use awsjson::__private::{Operation, decode_response, request};
use awsjson::{Client, Credentials};
use awsjson_tests::smithy_node::{
    AsWritten, FromWire, ToWire, check_the_comparison, json_diff, parse, raw_response, strings,
    verdict, walk,
};
use serde_json::{Map, Value};

use protocol::{json10, json11};

/// Client cases left out, as `(file, kind, id, reason)`. Only a case that is wrong
/// for clients may be listed, with why.
const EXCLUDED: &[(&str, &str, &str, &str)] = &[];

/// Client cases per file, as the vectors' README counts them: a truncated or swapped
/// file fails the run.
const CLIENT_CASES: &[(&str, usize)] = &[("awsJson1_0.json", 70), ("awsJson1_1.json", 119)];

fn main() {
    check_the_comparison();
    let rt = tokio::runtime::Builder::new_current_thread()
        .build()
        .expect("tokio runtime");
    let mut passed = 0;
    let mut failed = Vec::new();
    let mut excluded_seen = Vec::new();
    let mut counts: BTreeMap<(String, String), usize> = BTreeMap::new();
    for (file, expected_client_cases) in CLIENT_CASES {
        let path = format!(
            "{}/vectors/smithy-awsjson/{file}",
            env!("CARGO_MANIFEST_DIR")
        );
        let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
        let vectors: Value = serde_json::from_str(&text).expect("vectors are JSON");
        let version = vectors["service"]["jsonVersion"]
            .as_str()
            .expect("service.jsonVersion")
            .to_owned();
        let shapes = vectors["shapes"].as_object().expect("shapes");
        let mut client_cases = 0;
        for case in vectors["cases"].as_array().expect("cases") {
            if case["appliesTo"] == "server" {
                println!(
                    "SKIP server-only {file} {} {}",
                    case["kind"].as_str().unwrap_or_default(),
                    case["id"].as_str().unwrap_or_default()
                );
                continue;
            }
            client_cases += 1;
            let id = case["id"].as_str().unwrap_or_default();
            let kind = case["kind"].as_str().unwrap_or_default();
            let label = format!("{file} {kind} {id}");
            if let Some((_, _, _, reason)) = EXCLUDED
                .iter()
                .find(|(f, k, i, _)| f == file && *k == kind && *i == id)
            {
                println!("EXCLUDED {label}: {reason}");
                excluded_seen.push((*file, kind.to_owned(), id.to_owned()));
                continue;
            }
            *counts
                .entry((file.to_string(), kind.to_owned()))
                .or_default() += 1;
            let ctx = Ctx {
                shapes,
                case,
                rt: &rt,
            };
            match run_case(&version, &ctx) {
                Ok(()) => {
                    passed += 1;
                    println!("PASS {label}");
                }
                Err(why) => {
                    println!("FAIL {label}: {why}");
                    failed.push(label);
                }
            }
        }
        assert_eq!(
            client_cases, *expected_client_cases,
            "{file}: the vectors changed; update CLIENT_CASES"
        );
    }
    for (file, kind, id, _) in EXCLUDED {
        assert!(
            excluded_seen
                .iter()
                .any(|(f, k, i)| f == file && k == kind && i == id),
            "EXCLUDED names {file} {kind} {id}, which is not a client case"
        );
    }
    let run: usize = counts.values().sum();
    for ((file, kind), n) in &counts {
        println!("ran {n:>3} {kind} cases of {file}");
    }
    let total: usize = CLIENT_CASES.iter().map(|(_, n)| n).sum();
    assert_eq!(
        run + EXCLUDED.len(),
        total,
        "every client case is run or explicitly excluded"
    );
    println!(
        "smithy awsJson client cases: {run} run, {} excluded",
        EXCLUDED.len()
    );
    println!("{passed} passed, {} failed", failed.len());
    if !failed.is_empty() {
        eprintln!("failed cases:\n  {}", failed.join("\n  "));
        std::process::exit(1);
    }
}

struct Ctx<'a> {
    shapes: &'a Map<String, Value>,
    case: &'a Value,
    rt: &'a tokio::runtime::Runtime,
}

/// The error variants of an operation's error enum, by name, with their members.
trait ErrorParts: std::fmt::Display {
    fn parts(&self) -> Option<(&'static str, Value)>;
}

macro_rules! error_parts {
    ($($ty:ty { $($variant:ident),* })*) => {$(
        impl ErrorParts for $ty {
            fn parts(&self) -> Option<(&'static str, Value)> {
                match self {
                    $(Self::$variant(e) => Some((
                        stringify!($variant),
                        written_out(e).expect("error members serialize"),
                    )),)*
                    #[allow(unreachable_patterns)]
                    _ => None,
                }
            }
        }
    )*};
}

error_parts! {
    json10::ContentTypeParametersError {}
    json10::EmptyInputAndEmptyOutputError {}
    json10::EndpointOperationError {}
    json10::EndpointWithHostLabelOperationError {}
    json10::GreetingWithErrorsError { InvalidGreeting, ComplexError, FooError }
    json10::HostWithPathOperationError {}
    json10::JsonUnionsError {}
    json10::NoInputAndNoOutputError {}
    json10::NoInputAndOutputError {}
    json10::OperationWithDefaultsError {}
    json10::OperationWithNestedStructureError {}
    json10::OperationWithRequiredMembersError {}
    json10::OperationWithRequiredMembersWithDefaultsError {}
    json10::PutWithContentEncodingError {}
    json10::QueryCompatibleOperationError { NoCustomCodeError, CustomCodeError }
    json10::QueryIncompatibleOperationError {}
    json10::SimpleScalarPropertiesError {}
    json11::ContentTypeParametersError {}
    json11::DatetimeOffsetsError {}
    json11::EmptyOperationError {}
    json11::EndpointOperationError {}
    json11::EndpointWithHostLabelOperationError {}
    json11::FractionalSecondsError {}
    json11::GreetingWithErrorsError { InvalidGreeting, ComplexError, FooError }
    json11::HostWithPathOperationError {}
    json11::JsonEnumsError {}
    json11::JsonIntEnumsError {}
    json11::JsonUnionsError {}
    json11::KitchenSinkOperationError { ErrorWithMembers, ErrorWithoutMembers }
    json11::NullOperationError {}
    json11::OperationWithOptionalInputOutputError {}
    json11::PredictError {
        InternalServerException,
        InvalidInputException,
        LimitExceededException,
        PredictorNotMountedException,
        ResourceNotFoundException
    }
    json11::PutAndGetInlineDocumentsError {}
    json11::PutWithContentEncodingError {}
    json11::SimpleScalarPropertiesError {}
    json11::SparseNullsOperationError {}
}

fn run_case(version: &str, ctx: &Ctx) -> Result<(), String> {
    let operation = ctx.case["operation"].as_str().unwrap_or_default();
    macro_rules! dispatch {
        ($($v:literal: $module:ident::{$($op:ident),* $(,)?})*) => {
            match (version, operation) {
                $($(($v, stringify!($op)) => run::<$module::$op>(ctx),)*)*
                _ => Err(format!("no declaration for operation {operation} of awsJson {version}")),
            }
        };
    }
    dispatch! {
        "1.0": json10::{
            ContentTypeParameters, EmptyInputAndEmptyOutput, EndpointOperation,
            EndpointWithHostLabelOperation, GreetingWithErrors, HostWithPathOperation,
            JsonUnions, NoInputAndNoOutput, NoInputAndOutput, OperationWithDefaults,
            OperationWithNestedStructure, OperationWithRequiredMembers,
            OperationWithRequiredMembersWithDefaults, PutWithContentEncoding,
            QueryCompatibleOperation, QueryIncompatibleOperation, SimpleScalarProperties,
        }
        "1.1": json11::{
            ContentTypeParameters, DatetimeOffsets, EmptyOperation, EndpointOperation,
            EndpointWithHostLabelOperation, FractionalSeconds, GreetingWithErrors,
            HostWithPathOperation, JsonEnums, JsonIntEnums, JsonUnions, KitchenSinkOperation,
            NullOperation, OperationWithOptionalInputOutput, Predict,
            PutAndGetInlineDocuments, PutWithContentEncoding, SimpleScalarProperties,
            SparseNullsOperation,
        }
    }
}

fn run<O>(ctx: &Ctx) -> Result<(), String>
where
    O: Operation + serde::de::DeserializeOwned,
    O::Output: serde::Serialize,
    O::Error: ErrorParts,
{
    match ctx.case["kind"].as_str() {
        Some("request") => request_case::<O>(ctx),
        Some("response") => response_case::<O>(ctx),
        Some("error") => error_case::<O>(ctx),
        other => Err(format!("unknown case kind {other:?}")),
    }
}

fn operation_shape<'a>(ctx: &Ctx<'a>) -> &'a Value {
    let name = ctx.case["operation"].as_str().unwrap_or_default();
    &ctx.shapes[name]
}

/// The case's params in wire form for the structure `target` (`Unit`: `{}`).
fn params_wire(ctx: &Ctx, target: &str) -> Value {
    let params = ctx.case.get("params").cloned().unwrap_or(Value::Null);
    if target == "Unit" {
        return Value::Object(Map::new());
    }
    match to_wire(&params, target, None, ctx.shapes) {
        Value::Null => Value::Object(Map::new()),
        v => v,
    }
}

const SIGNING_TIME: Duration = Duration::from_secs(1_700_000_000);

fn request_case<O>(ctx: &Ctx) -> Result<(), String>
where
    O: Operation + serde::de::DeserializeOwned,
{
    let case = ctx.case;
    let input = operation_shape(ctx)["input"].as_str().unwrap_or("Unit");
    let wire = params_wire(ctx, input);
    let op: O = serde_json::from_value(wire.clone())
        .map_err(|e| format!("params do not fit the declaration: {e}"))?;
    let host = case["host"].as_str().unwrap_or("example.com");
    let client = Client::builder()
        .region("us-east-1")
        .credentials(Credentials::new("AKID", "SECRET", None))
        .endpoint_url(format!("https://{host}"))
        .build()
        .map_err(|e| e.to_string())?;
    let req = ctx
        .rt
        .block_on(request(&client, &op, UNIX_EPOCH + SIGNING_TIME))
        .map_err(|e| format!("building the request: {e}"))?;
    let mut problems = Vec::new();
    if let Some(method) = case["method"].as_str().filter(|m| req.method != *m) {
        problems.push(format!("method {} != {method}", req.method));
    }
    let after_scheme = req.url.split_once("://").map_or("", |(_, r)| r);
    let path = after_scheme.find('/').map_or("/", |i| &after_scheme[i..]);
    if let Some(uri) = case["uri"].as_str().filter(|uri| path != *uri) {
        problems.push(format!("uri {path:?} != {uri:?}"));
    }
    if let Some(resolved) = case["resolvedHost"]
        .as_str()
        .filter(|resolved| req.header("host") != Some(*resolved))
    {
        problems.push(format!("host {:?} != {resolved:?}", req.header("host")));
    }
    if let Some(headers) = case["headers"].as_object() {
        for (name, value) in headers {
            let actual = req.header(name);
            if actual != value.as_str() {
                problems.push(format!("header {name}: {actual:?} != {value}"));
            }
        }
    }
    for name in strings(&case["forbidHeaders"]) {
        if req.header(name).is_some() {
            problems.push(format!("forbidden header {name} is present"));
        }
    }
    for name in strings(&case["requireHeaders"]) {
        if req.header(name).is_none() {
            problems.push(format!("required header {name} is missing"));
        }
    }
    let gzipped = req.header("content-encoding") == Some("gzip");
    let body = if gzipped {
        let mut out = Vec::new();
        flate2::read::GzDecoder::new(&req.body[..])
            .read_to_end(&mut out)
            .map_err(|e| format!("the body is not gzip: {e}"))?;
        out
    } else {
        req.body.clone()
    };
    match case["body"].as_str() {
        Some(expected) if case["bodyMediaType"] == "application/json" => {
            let expected: Value = serde_json::from_str(expected).map_err(|e| e.to_string())?;
            json_diff(&expected, &parse(&body)?, "body", &mut problems);
        }
        Some(expected) => {
            if body != expected.as_bytes() {
                problems.push(format!(
                    "body {:?} != {expected:?}",
                    String::from_utf8_lossy(&body)
                ));
            }
        }
        // No body in the case (only the compression cases and two header-only cases):
        // the body must still be the params, once decompressed. This goes beyond the
        // vectors (Smithy asserts nothing here); the expected value is the params in
        // wire form, written by this file's test-only code.
        None => json_diff(&wire, &parse(&body)?, "body", &mut problems),
    }
    verdict(problems)
}

fn response_case<O>(ctx: &Ctx) -> Result<(), String>
where
    O: Operation,
    O::Output: serde::Serialize,
    O::Error: ErrorParts,
{
    let output = operation_shape(ctx)["output"].as_str().unwrap_or("Unit");
    let decoded = decode_response::<O>(&raw_response(ctx.case))
        .map_err(|e| format!("decoding failed: {e}"))?;
    let actual = match written_out(&decoded)? {
        Value::Null => Value::Object(Map::new()),
        v => v,
    };
    let mut problems = Vec::new();
    json_diff(
        &params_node(ctx, output),
        &wire_to_node(&actual, output, ctx.shapes),
        "output",
        &mut problems,
    );
    verdict(problems)
}

fn error_case<O>(ctx: &Ctx) -> Result<(), String>
where
    O: Operation,
    O::Error: ErrorParts,
{
    let case = ctx.case;
    let error = match decode_response::<O>(&raw_response(ctx.case)) {
        Ok(_) => return Err("decoded as a success".to_owned()),
        Err(awsjson::Error::Service(error)) => error,
        Err(other) => return Err(format!("not a service error: {other}")),
    };
    let expected_name = case["error"].as_str().unwrap_or_default();
    let Some((name, members)) = error.err().parts() else {
        return Err(format!(
            "unmodeled error {} (expected {expected_name})",
            error.code()
        ));
    };
    let mut problems = Vec::new();
    if name != expected_name {
        problems.push(format!("variant {name} != {expected_name}"));
    }
    json_diff(
        &params_node(ctx, expected_name),
        &wire_to_node(&members, expected_name, ctx.shapes),
        "members",
        &mut problems,
    );
    if let Some(code) = case["vendorParams"]["code"]
        .as_str()
        .filter(|code| error.code() != *code)
    {
        problems.push(format!("code {:?} != {code:?}", error.code()));
    }
    if let Some(fault) = case["vendorParams"]["type"]
        .as_str()
        .filter(|fault| error.meta().fault.as_deref() != Some(*fault))
    {
        problems.push(format!("fault {:?} != {fault:?}", error.meta().fault));
    }
    verdict(problems)
}

/// A decoded value as the JSON text its `Serialize` writes, parsed back (as text, so
/// that an `f32` keeps its shortest form rather than its widening to `f64`).
fn written_out<T: serde::Serialize>(value: &T) -> Result<Value, String> {
    let text = serde_json::to_vec(value).map_err(|e| e.to_string())?;
    parse(&text)
}

fn to_wire(v: &Value, target: &str, format: Option<&str>, shapes: &Map<String, Value>) -> Value {
    walk(v, target, format, shapes, &ToWire)
}

fn wire_to_node(v: &Value, target: &str, shapes: &Map<String, Value>) -> Value {
    if target == "Unit" {
        return v.clone();
    }
    walk(v, target, None, shapes, &FromWire)
}

/// The case's params for the structure `target`, in node form for comparison.
fn params_node(ctx: &Ctx, target: &str) -> Value {
    let params = ctx.case.get("params").cloned().unwrap_or(Value::Null);
    if target == "Unit" {
        return Value::Object(Map::new());
    }
    match walk(&params, target, None, ctx.shapes, &AsWritten) {
        Value::Null => Value::Object(Map::new()),
        v => v,
    }
}
