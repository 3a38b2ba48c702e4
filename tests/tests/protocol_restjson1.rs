//! Runs every client case of the official Smithy restJson1 protocol compliance tests
//! (`tests/vectors/smithy-restjson1/restJson1.json`, README there) against the
//! operations declared in `protocol/rest_json*.rs` (written from the vectors' shapes by
//! `tools/gen-protocol-decls/gen.py`, with the explicit DSL).
//!
//! - request cases: the input is built from the case's `params` member by member
//!   (`FromNode`, generated beside the declarations in `protocol/rest_json_nodes.rs`),
//!   then built and signed through `awsjson::__private::request`, the path `send`
//!   takes, at a fixed time; method, path, query parameters, host, headers and body
//!   are compared with the case's;
//! - response cases: `code`, `headers` and `body` go through
//!   `awsjson::__private::decode_response`; the decoded output is read back into
//!   Smithy node form member by member (`ToNode`: blobs as their text, timestamps as
//!   their instant to the millisecond), then compared with `params` as the case writes
//!   them;
//! - error cases: the same decoder must give the named error variant with `params` as
//!   its members (compared the same way).
//!
//! Neither direction goes through the library's own serde, so a member bound to a
//! header or the status reads the same as one in the body. Numbers compare by kind (see
//! `tests/README.md`): `1` is not `1.0`.
//!
//! Every client case runs; the counts per kind are checked against the file, and the
//! only way to leave a case out is `EXCLUDED`, with a reason. The event-stream cases of
//! the same file (`eventStreamCases`) run after them (`protocol/rest_json_event_cases.rs`). Runs without the
//! libtest harness so that each case prints `PASS`/`FAIL` as it goes, the case id last
//! (a failure's reasons on the next line).

pub mod protocol {
    //! The restJson1 test services, declared with awsjson's macros.

    // The declarations mirror the test models member for member; the models document
    // them.
    #![allow(missing_docs)]

    pub mod rest_json;
    pub mod rest_json_event_cases;
    pub mod rest_json_events;
    pub mod rest_json_events_nodes;
    pub mod rest_json_nodes;
    pub mod rest_json_others;
    pub mod rest_json_shapes;
}

use std::collections::{BTreeMap, HashMap};
use std::io::Read as _;
use std::time::{Duration, UNIX_EPOCH};

use awsjson::__private::{Operation, decode_response, request};
use awsjson::{Blob, ByteStream, Client, Credentials, DateTime, Document};
use awsjson_tests::smithy_node::{
    AsWritten, check_the_comparison, epoch_millis, instant, json_diff, parse, raw_response,
    strings, verdict, walk,
};
use serde_json::{Map, Value};

use protocol::rest_json;
use protocol::rest_json_others::{apigateway, glacier, validation};

/// Client cases left out, as `(kind, id, reason)`. Only a case that is wrong for
/// clients, or asserts what a client cannot observe, may be listed, with why.
const EXCLUDED: &[(&str, &str, &str)] = &[];

/// Client cases per kind, as the vectors' README counts them: a truncated or swapped
/// file fails the run.
const CLIENT_CASES: &[(&str, usize)] = &[("request", 142), ("response", 94), ("error", 14)];

const VECTORS: &str = "restJson1.json";

fn main() {
    check_the_comparison();
    let rt = tokio::runtime::Builder::new_current_thread()
        .build()
        .expect("tokio runtime");
    let path = format!(
        "{}/vectors/smithy-restjson1/{VECTORS}",
        env!("CARGO_MANIFEST_DIR")
    );
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let vectors: Value = serde_json::from_str(&text).expect("vectors are JSON");
    let shapes = vectors["shapes"].as_object().expect("shapes");

    let mut passed = 0;
    let mut failed = Vec::new();
    let mut excluded_seen = Vec::new();
    let mut client_cases: BTreeMap<String, usize> = BTreeMap::new();
    let mut run: BTreeMap<String, usize> = BTreeMap::new();
    for case in vectors["cases"].as_array().expect("cases") {
        let id = case["id"].as_str().unwrap_or_default();
        let kind = case["kind"].as_str().unwrap_or_default();
        if case["appliesToClient"] != true {
            println!("SKIP server-only {kind} {id}");
            continue;
        }
        *client_cases.entry(kind.to_owned()).or_default() += 1;
        let label = format!("{kind} {id}");
        if let Some((_, _, reason)) = EXCLUDED.iter().find(|(k, i, _)| *k == kind && *i == id) {
            println!("EXCLUDED ({reason}) {label}");
            excluded_seen.push((kind.to_owned(), id.to_owned()));
            continue;
        }
        *run.entry(kind.to_owned()).or_default() += 1;
        let ctx = Ctx {
            shapes,
            case,
            rt: &rt,
        };
        match run_case(&ctx) {
            Ok(()) => {
                passed += 1;
                println!("PASS {label}");
            }
            Err(why) => {
                // The id stays last on the line; what differs follows, indented.
                println!("FAIL {label}\n    {why}");
                failed.push(label);
            }
        }
    }
    for (kind, expected) in CLIENT_CASES {
        assert_eq!(
            client_cases.get(*kind).copied().unwrap_or_default(),
            *expected,
            "{VECTORS}: the {kind} client cases changed; update CLIENT_CASES"
        );
    }
    assert_eq!(
        client_cases.len(),
        CLIENT_CASES.len(),
        "{VECTORS}: a case kind this runner does not know: {client_cases:?}"
    );
    for (kind, id, _) in EXCLUDED {
        assert!(
            excluded_seen.iter().any(|(k, i)| k == kind && i == id),
            "EXCLUDED names {kind} {id}, which is not a client case"
        );
    }
    for (kind, n) in &run {
        println!("ran {n:>3} {kind} cases");
    }
    let ran: usize = run.values().sum();
    let total: usize = CLIENT_CASES.iter().map(|(_, n)| n).sum();
    assert_eq!(
        ran + EXCLUDED.len(),
        total,
        "every client case is run or explicitly excluded"
    );
    println!(
        "smithy restJson1 client cases: {ran} run, {} excluded",
        EXCLUDED.len()
    );
    let (events_passed, events_failed) = protocol::rest_json_event_cases::run(&vectors, &rt);
    passed += events_passed;
    failed.extend(events_failed);
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
trait ErrorParts {
    fn parts(self) -> Option<(&'static str, Value)>;
}

macro_rules! error_parts {
    ($($ty:ty { $($variant:ident),* })*) => {$(
        impl ErrorParts for $ty {
            fn parts(self) -> Option<(&'static str, Value)> {
                match self {
                    $(Self::$variant(e) => Some((stringify!($variant), e.to_node())),)*
                    #[allow(unreachable_patterns)]
                    _ => None,
                }
            }
        }
    )*};
}

error_parts! {
    rest_json::GreetingWithErrorsError { InvalidGreeting, ComplexError, FooError }
}

fn run_case(ctx: &Ctx) -> Result<(), String> {
    let service = ctx.case["service"].as_str().unwrap_or_default();
    let operation = ctx.case["operation"].as_str().unwrap_or_default();
    let kind = ctx.case["kind"].as_str().unwrap_or_default();
    macro_rules! dispatch {
        ($($service:literal: $module:ident::{$($op:ident),* $(,)?})*) => {
            match (service, operation) {
                $($(($service, stringify!($op)) => match kind {
                    "request" => request_case::<$module::$op>(ctx),
                    "response" => response_case::<$module::$op>(ctx),
                    _ => Err(format!("no error case expected for {operation}")),
                },)*)*
                _ => Err(format!("no declaration for operation {operation} of {service}")),
            }
        };
    }
    if kind == "error" {
        return match (service, operation) {
            ("RestJson", "GreetingWithErrors") => error_case::<rest_json::GreetingWithErrors>(ctx),
            _ => Err(format!(
                "no error declaration for operation {operation} of {service}"
            )),
        };
    }
    dispatch! {
        "RestJson": rest_json::{
            AllQueryStringTypes, ConstantAndVariableQueryString, ConstantQueryString,
            DatetimeOffsets, DocumentType, DocumentTypeAsMapValue, DocumentTypeAsPayload,
            EmptyInputAndEmptyOutput, EndpointOperation, EndpointWithHostLabelOperation,
            FractionalSeconds, GreetingWithErrors, HostWithPathOperation,
            HttpChecksumRequired, HttpEmptyPrefixHeaders, HttpEnumPayload, HttpPayloadTraits,
            HttpPayloadTraitsWithMediaType, HttpPayloadWithStructure, HttpPayloadWithUnion,
            HttpPrefixHeaders, HttpPrefixHeadersInResponse, HttpQueryParamsOnlyOperation,
            HttpRequestWithFloatLabels, HttpRequestWithGreedyLabelInPath,
            HttpRequestWithLabels, HttpRequestWithLabelsAndTimestampFormat,
            HttpRequestWithRegexLiteral, HttpResponseCode, HttpStringPayload,
            IgnoreQueryParamsInResponse, InputAndOutputWithHeaders, JsonBlobs, JsonEnums,
            JsonIntEnums, JsonLists, JsonMaps, JsonTimestamps, JsonUnions, MediaTypeHeader,
            NoInputAndNoOutput, NoInputAndOutput, NullAndEmptyHeadersClient,
            OmitsNullSerializesEmptyString, OmitsSerializingEmptyLists, OperationWithDefaults,
            OperationWithNestedStructure, PostPlayerAction, PostUnionWithJsonName,
            PutWithContentEncoding, QueryIdempotencyTokenAutoFill, QueryParamsAsStringListMap,
            QueryPrecedence, RecursiveShapes, SimpleScalarProperties, SparseJsonLists,
            SparseJsonMaps, StreamingTraits, StreamingTraitsRequireLength,
            StreamingTraitsWithMediaType, TestBodyStructure, TestGetNoInputNoPayload,
            TestGetNoPayload, TestPayloadBlob, TestPayloadStructure, TestPostNoInputNoPayload,
            TestPostNoPayload, TimestampFormatHeaders, UnitInputAndOutput,
        }
        "BackplaneControlService": apigateway::{GetRestApis}
        "Glacier": glacier::{UploadArchive, UploadMultipartPart}
        "RestJsonValidation": validation::{RecursiveStructures}
    }
}

fn operation_shape<'a>(ctx: &Ctx<'a>) -> &'a Value {
    let name = ctx.case["operation"].as_str().unwrap_or_default();
    &ctx.shapes[name]
}

const SIGNING_TIME: Duration = Duration::from_secs(1_700_000_000);

/// The query string of a URL as its `name=value` (or bare `name`) pieces, as on the
/// wire.
fn query_pieces(url: &str) -> Vec<&str> {
    url.split_once('?')
        .map(|(_, q)| q.split('&').filter(|p| !p.is_empty()).collect())
        .unwrap_or_default()
}

fn query_name(piece: &str) -> &str {
    piece.split_once('=').map_or(piece, |(name, _)| name)
}

/// A header's value as the case states it: repeated fields joined with `", "`.
fn header_value(req: &awsjson::HttpRequest, name: &str) -> Option<String> {
    let values: Vec<&str> = req
        .headers
        .iter()
        .filter(|(n, _)| n.eq_ignore_ascii_case(name))
        .map(|(_, v)| v.as_str())
        .collect();
    (!values.is_empty()).then(|| values.join(", "))
}

fn request_case<O>(ctx: &Ctx) -> Result<(), String>
where
    O: Operation + FromNode,
{
    let case = ctx.case;
    let op = O::from_node(&case["params"])
        .map_err(|e| format!("params do not fit the declaration: {e}"))?;
    let host = case["host"].as_str().unwrap_or("example.com");
    let client = Client::builder()
        .region("us-east-1")
        .credentials(Credentials::new("AKID", "SECRET", None))
        .endpoint_url(format!("https://{host}"))
        .build()
        .map_err(|e| e.to_string())?;
    // Cases that leave the idempotency token unset expect the zero token, as the
    // official SDKs' protocol tests fix theirs.
    let req = awsjson::__private::with_zero_tokens(|| {
        ctx.rt
            .block_on(request(&client, &op, UNIX_EPOCH + SIGNING_TIME))
    })
    .map_err(|e| format!("building the request: {e}"))?;
    let mut problems = Vec::new();
    if let Some(method) = case["method"].as_str().filter(|m| req.method != *m) {
        problems.push(format!("method {} != {method}", req.method));
    }
    let after_scheme = req.url.split_once("://").map_or("", |(_, r)| r);
    let path_and_query = after_scheme.find('/').map_or("/", |i| &after_scheme[i..]);
    let path = path_and_query
        .split_once('?')
        .map_or(path_and_query, |(p, _)| p);
    if let Some(uri) = case["uri"].as_str().filter(|uri| path != *uri) {
        problems.push(format!("path {path:?} != {uri:?}"));
    }
    let mut query = query_pieces(&req.url);
    for expected in strings(&case["queryParams"]) {
        match query.iter().position(|piece| *piece == expected) {
            // Each expected piece takes one actual piece: repeated names stay repeated.
            Some(at) => {
                query.remove(at);
            }
            None => problems.push(format!(
                "query parameter {expected:?} missing from {:?}",
                query_pieces(&req.url)
            )),
        }
    }
    let all_query = query_pieces(&req.url);
    for name in strings(&case["forbidQueryParams"]) {
        if all_query.iter().any(|p| query_name(p) == name) {
            problems.push(format!("forbidden query parameter {name} is present"));
        }
    }
    for name in strings(&case["requireQueryParams"]) {
        if !all_query.iter().any(|p| query_name(p) == name) {
            problems.push(format!("required query parameter {name} is missing"));
        }
    }
    if let Some(resolved) = case["resolvedHost"]
        .as_str()
        .filter(|resolved| req.header("host") != Some(*resolved))
    {
        problems.push(format!("host {:?} != {resolved:?}", req.header("host")));
    }
    if let Some(headers) = case["headers"].as_object() {
        for (name, value) in headers {
            let actual = header_value(&req, name);
            if actual.as_deref() != value.as_str() {
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
    let gzipped = req
        .header("content-encoding")
        .is_some_and(|e| e.split(',').any(|e| e.trim() == "gzip"));
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
        Some("") if !body.is_empty() => problems.push(format!(
            "body {:?} != no body",
            String::from_utf8_lossy(&body)
        )),
        Some("") => {}
        Some(expected) if case["bodyMediaType"] == "application/json" => {
            let expected: Value = serde_json::from_str(expected).map_err(|e| e.to_string())?;
            json_diff(&expected, &parse(&body)?, "body", &mut problems);
        }
        Some(expected) if body != expected.as_bytes() => problems.push(format!(
            "body {:?} != {expected:?}",
            String::from_utf8_lossy(&body)
        )),
        Some(_) => {}
        // No body in the case (the two compression cases and the two GETs of
        // `HttpQueryParamsOnlyOperation`): Smithy asserts nothing about it. A compressed
        // body must still decompress (above) to JSON.
        None if gzipped => {
            parse(&body)?;
        }
        None => {}
    }
    verdict(problems)
}

fn response_case<O>(ctx: &Ctx) -> Result<(), String>
where
    O: Operation,
    O::Output: ToNode,
{
    let output = operation_shape(ctx)["output"].as_str().unwrap_or("Unit");
    let decoded = decode_response::<O>(&raw_response(ctx.case))
        .map_err(|e| format!("decoding failed: {e}"))?;
    let mut problems = Vec::new();
    json_diff(
        &params_node(ctx, output),
        &decoded.to_node(),
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
    let code = error.code().to_owned();
    let Some((name, members)) = error.into_err().parts() else {
        return Err(format!("unmodeled error {code} (expected {expected_name})"));
    };
    let mut problems = Vec::new();
    if name != expected_name {
        problems.push(format!("variant {name} != {expected_name}"));
    }
    json_diff(
        &params_node(ctx, expected_name),
        &members,
        "members",
        &mut problems,
    );
    verdict(problems)
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

// --- Smithy node values and the declared types -------------------------------------
//
// The generated impls (`protocol/rest_json_nodes.rs`) build every declared structure,
// union and enum member by member over these; the leaves are here.

/// A declared type read from a Smithy node value (a case's `params`): blobs as their
/// text, timestamps as epoch seconds, `NaN` and the infinities as strings.
pub trait FromNode: Sized {
    /// Reads `v`, or says why it does not fit.
    fn from_node(v: &Value) -> Result<Self, String>;
}

/// A declared type as a Smithy node value, in the form `params_node` gives the case's
/// `params`: unset members left out, timestamps as their instant.
pub trait ToNode {
    /// The value in node form.
    fn to_node(self) -> Value;
}

/// The member `name` of the node object `v`; `null` or absent is an unset member.
pub fn member<T: FromNode>(v: &Value, name: &str) -> Result<T, String> {
    T::from_node(v.get(name).unwrap_or(&Value::Null)).map_err(|e| format!("{name}: {e}"))
}

/// The member `name`, or the model's default (a node value, as JSON text) when the
/// case leaves it unset: what a user who does not set it gets from the model.
pub fn member_or<T: FromNode>(v: &Value, name: &str, default: &str) -> Result<T, String> {
    match v.get(name) {
        Some(value) if !value.is_null() => member(v, name),
        _ => T::from_node(&serde_json::from_str(default).map_err(|e| e.to_string())?)
            .map_err(|e| format!("{name} (default): {e}")),
    }
}

/// Sets the member `name` of `m` unless it is unset.
pub fn put<T: ToNode>(m: &mut Map<String, Value>, name: &str, value: T) {
    let value = value.to_node();
    if !value.is_null() {
        m.insert(name.to_owned(), value);
    }
}

/// A union in node form: the one member set.
pub fn one(name: &str, value: Value) -> Value {
    Value::Object(Map::from_iter([(name.to_owned(), value)]))
}

/// The one member set of a union node.
pub fn union_member(v: &Value) -> Result<(&str, &Value), String> {
    let set: Vec<_> = v
        .as_object()
        .ok_or_else(|| format!("a union is an object: {v}"))?
        .iter()
        .filter(|(_, value)| !value.is_null())
        .collect();
    match set[..] {
        [(name, value)] => Ok((name.as_str(), value)),
        _ => Err(format!("a union has one member set: {v}")),
    }
}

impl FromNode for String {
    fn from_node(v: &Value) -> Result<Self, String> {
        v.as_str()
            .map(str::to_owned)
            .ok_or_else(|| format!("not a string: {v}"))
    }
}

impl FromNode for bool {
    fn from_node(v: &Value) -> Result<Self, String> {
        v.as_bool().ok_or_else(|| format!("not a boolean: {v}"))
    }
}

macro_rules! integers {
    ($($ty:ty),*) => {$(
        impl FromNode for $ty {
            fn from_node(v: &Value) -> Result<Self, String> {
                v.as_i64()
                    .and_then(|n| <$ty>::try_from(n).ok())
                    .ok_or_else(|| format!("not a {}: {v}", stringify!($ty)))
            }
        }
        impl ToNode for $ty {
            fn to_node(self) -> Value {
                Value::from(self)
            }
        }
    )*};
}

integers!(i8, i16, i32, i64);

/// A float node: a number, or `"NaN"`, `"Infinity"`, `"-Infinity"`.
fn float_node(v: &Value) -> Result<f64, String> {
    match v {
        Value::Number(n) => n.as_f64().ok_or_else(|| format!("not a float: {v}")),
        Value::String(s) if s == "NaN" => Ok(f64::NAN),
        Value::String(s) if s == "Infinity" => Ok(f64::INFINITY),
        Value::String(s) if s == "-Infinity" => Ok(f64::NEG_INFINITY),
        _ => Err(format!("not a float: {v}")),
    }
}

/// A float as a node: the special values as their strings, others as the shortest
/// text of the float's own type, read back (so an `f32` `1.1` stays `1.1`).
fn float_to_node(value: f64, text: String) -> Value {
    if value.is_nan() {
        Value::from("NaN")
    } else if value.is_infinite() {
        Value::from(if value > 0.0 { "Infinity" } else { "-Infinity" })
    } else {
        serde_json::from_str(&text).unwrap_or_else(|_| Value::from(text))
    }
}

impl FromNode for f32 {
    fn from_node(v: &Value) -> Result<Self, String> {
        #[allow(clippy::cast_possible_truncation)]
        float_node(v).map(|f| f as f32)
    }
}

impl ToNode for f32 {
    fn to_node(self) -> Value {
        float_to_node(
            f64::from(self),
            serde_json::to_string(&self).unwrap_or_default(),
        )
    }
}

impl FromNode for f64 {
    fn from_node(v: &Value) -> Result<Self, String> {
        float_node(v)
    }
}

impl ToNode for f64 {
    fn to_node(self) -> Value {
        float_to_node(self, serde_json::to_string(&self).unwrap_or_default())
    }
}

impl ToNode for String {
    fn to_node(self) -> Value {
        Value::String(self)
    }
}

impl ToNode for bool {
    fn to_node(self) -> Value {
        Value::Bool(self)
    }
}

impl FromNode for DateTime {
    fn from_node(v: &Value) -> Result<Self, String> {
        // Event params write timestamps in their shape's format.
        if let Some(t) = protocol::rest_json_event_cases::date_time_node(v) {
            return Ok(t);
        }
        match v.as_i64() {
            Some(secs) => Ok(DateTime::from_secs(secs)),
            None => v
                .as_f64()
                .and_then(DateTime::from_fractional_secs)
                .ok_or_else(|| format!("not epoch seconds: {v}")),
        }
    }
}

impl ToNode for DateTime {
    fn to_node(self) -> Value {
        let secs = Value::from(self.as_secs_f64());
        instant(epoch_millis(&secs), &secs)
    }
}

impl FromNode for Blob {
    fn from_node(v: &Value) -> Result<Self, String> {
        String::from_node(v).map(|text| Blob::new(text.into_bytes()))
    }
}

/// Bytes as a node: the text they are in the cases.
fn text_node(bytes: &[u8]) -> Value {
    match std::str::from_utf8(bytes) {
        Ok(text) => Value::from(text),
        Err(_) => Value::String(format!("not UTF-8: {bytes:?}")),
    }
}

impl ToNode for Blob {
    fn to_node(self) -> Value {
        text_node(self.as_bytes())
    }
}

impl FromNode for ByteStream {
    fn from_node(v: &Value) -> Result<Self, String> {
        match v {
            // An unset streaming payload is an empty body (its model default is "").
            Value::Null => Ok(ByteStream::default()),
            _ => String::from_node(v).map(ByteStream::from),
        }
    }
}

impl ToNode for ByteStream {
    fn to_node(self) -> Value {
        let rt = tokio::runtime::Builder::new_current_thread()
            .build()
            .expect("tokio runtime");
        match rt.block_on(self.collect()) {
            // The cases leave an empty streaming payload out of `params`.
            Ok(bytes) if bytes.is_empty() => Value::Null,
            Ok(bytes) => text_node(&bytes),
            Err(e) => Value::String(format!("reading the stream failed: {e}")),
        }
    }
}

impl FromNode for Document {
    fn from_node(v: &Value) -> Result<Self, String> {
        serde_json::from_value(v.clone()).map_err(|e| e.to_string())
    }
}

impl ToNode for Document {
    fn to_node(self) -> Value {
        serde_json::to_value(&self).unwrap_or_else(|e| Value::String(e.to_string()))
    }
}

impl<T: FromNode> FromNode for Option<T> {
    fn from_node(v: &Value) -> Result<Self, String> {
        match v {
            Value::Null => Ok(None),
            _ => T::from_node(v).map(Some),
        }
    }
}

impl<T: ToNode> ToNode for Option<T> {
    fn to_node(self) -> Value {
        self.map_or(Value::Null, ToNode::to_node)
    }
}

impl<T: FromNode> FromNode for Box<T> {
    fn from_node(v: &Value) -> Result<Self, String> {
        T::from_node(v).map(Box::new)
    }
}

impl<T: ToNode> ToNode for Box<T> {
    fn to_node(self) -> Value {
        (*self).to_node()
    }
}

impl<T: FromNode> FromNode for Vec<T> {
    fn from_node(v: &Value) -> Result<Self, String> {
        v.as_array()
            .ok_or_else(|| format!("not a list: {v}"))?
            .iter()
            .map(T::from_node)
            .collect()
    }
}

impl<T: ToNode> ToNode for Vec<T> {
    fn to_node(self) -> Value {
        Value::Array(self.into_iter().map(ToNode::to_node).collect())
    }
}

impl<K, V> FromNode for HashMap<K, V>
where
    K: FromNode + Eq + std::hash::Hash,
    V: FromNode,
{
    fn from_node(v: &Value) -> Result<Self, String> {
        v.as_object()
            .ok_or_else(|| format!("not a map: {v}"))?
            .iter()
            .map(|(k, value)| {
                Ok((
                    K::from_node(&Value::from(k.as_str()))?,
                    V::from_node(value)?,
                ))
            })
            .collect()
    }
}

impl<K: ToNode, V: ToNode> ToNode for HashMap<K, V> {
    fn to_node(self) -> Value {
        Value::Object(
            self.into_iter()
                .map(|(k, value)| {
                    let key = match k.to_node() {
                        Value::String(key) => key,
                        other => other.to_string(),
                    };
                    (key, value.to_node())
                })
                .collect(),
        )
    }
}

/// The output of an operation without one.
impl ToNode for () {
    fn to_node(self) -> Value {
        Value::Object(Map::new())
    }
}
