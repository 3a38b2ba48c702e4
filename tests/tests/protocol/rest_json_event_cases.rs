//! The event-stream cases of the restJson1 vectors (`eventStreamCases`), as the
//! `smithy.test#eventStreamTests` specification asks of a client:
//!
//! - a `request` event: the event built from its `params` (`FromNode`) is encoded by
//!   the union's `EncodeEvent` (the path an `InputSender` takes); its headers (typed)
//!   and its payload (by media type) are compared with the case's, as the
//!   specification says to (`bytes` are not compared: header order and framing are
//!   free);
//! - a `response` event: the case's `bytes` are read by an `awsjson::EventStream` of the
//!   operation's output type, and the event it yields is compared with `params`
//!   (`ToNode`), or, when the case expects a failure, the stream must yield an error (of
//!   the named error shape when `errorId` says one);
//! - an initial request: the operation built from `initialRequestParams` is built and
//!   signed by `awsjson::__private::request`, as `send` does; method, path and headers
//!   are compared;
//! - an initial response (or, for a case with response events and none, a bare `200`):
//!   decoded by `awsjson::__private::decode_response` into the output (compared with
//!   `initialResponseParams`) or the expected error.
//!
//! Server-only cases print `SKIP server-only`; the counts are checked against the
//! vectors' README.

use std::time::UNIX_EPOCH;

use awsjson::__private::{EventUnion, Operation, OperationError, decode_response, request};
use awsjson::event_stream::{EncodeEvent, HeaderValue, Message};
use awsjson::{Client, Credentials, DateTime, EventStream};
use awsjson_tests::smithy_node::{json_diff, parse, verdict};
use serde_json::{Map, Value};

use crate::protocol::rest_json_events as ev;
use crate::{FromNode, SIGNING_TIME, ToNode, header_value};

/// Client event-stream cases and server-only ones, as the README counts them.
const CLIENT_CASES: usize = 84;
const SERVER_CASES: usize = 16;

/// Runs every event-stream case; `(passed, failed labels)`.
pub(crate) fn run(vectors: &Value, rt: &tokio::runtime::Runtime) -> (usize, Vec<String>) {
    let mut passed = 0;
    let mut failed = Vec::new();
    let (mut client, mut server) = (0, 0);
    for case in vectors["eventStreamCases"]
        .as_array()
        .expect("eventStreamCases")
    {
        let id = case["id"].as_str().unwrap_or_default();
        if case["appliesToClient"] != true {
            server += 1;
            println!("SKIP server-only eventStream {id}");
            continue;
        }
        client += 1;
        let label = format!("eventStream {id}");
        match rt.block_on(run_case(case)) {
            Ok(()) => {
                passed += 1;
                println!("PASS {label}");
            }
            Err(why) => {
                println!("FAIL {label}\n    {why}");
                failed.push(label);
            }
        }
    }
    assert_eq!(
        (client, server),
        (CLIENT_CASES, SERVER_CASES),
        "restJson1.json: the event-stream cases changed; update CLIENT_CASES/SERVER_CASES"
    );
    println!("ran {client:>3} eventStream cases ({server} server-only skipped)");
    (passed, failed)
}

async fn run_case(case: &Value) -> Result<(), String> {
    match case["operation"].as_str().unwrap_or_default() {
        "InputStream" => events::<ev::InputStream, ()>(case).await,
        "InputStreamWithInitialRequest" => {
            events::<ev::InputStreamWithInitialRequest, ()>(case).await
        }
        "OutputStream" => events::<ev::OutputStream, ev::OutputStreamOutput>(case).await,
        "OutputStreamWithInitialResponse" => events::<
            ev::OutputStreamWithInitialResponse,
            ev::OutputStreamWithInitialResponseOutput,
        >(case)
        .await,
        "DuplexStream" => events::<ev::DuplexStream, ev::DuplexStreamOutput>(case).await,
        "DuplexStreamWithInitialMessages" => events::<
            ev::DuplexStreamWithInitialMessages,
            ev::DuplexStreamWithInitialMessagesOutput,
        >(case)
        .await,
        other => Err(format!("no declaration for the operation {other}")),
    }
}

/// The output type's event stream, with its error type: how a response event is read.
trait Streams {
    type Error: OperationError + std::fmt::Debug;
}

impl Streams for () {
    type Error = ev::InputStreamError;
}

macro_rules! streams {
    ($($output:ident: $error:ident),*) => {$(
        impl Streams for ev::$output {
            type Error = ev::$error;
        }
    )*};
}

streams! {
    OutputStreamOutput: OutputStreamError,
    OutputStreamWithInitialResponseOutput: OutputStreamWithInitialResponseError,
    DuplexStreamOutput: DuplexStreamError,
    DuplexStreamWithInitialMessagesOutput: DuplexStreamWithInitialMessagesError
}

async fn events<O, S>(case: &Value) -> Result<(), String>
where
    O: Operation + FromNode,
    O::Output: ToNode,
    O::Error: std::fmt::Debug,
    S: Streams,
{
    let expectation = &case["expectation"]["failure"];
    let fails = expectation.is_object();
    // The error shape a failure must be, by name.
    let error_id = expectation["errorId"]
        .as_str()
        .map(|id| id.rsplit('#').next().unwrap_or(id).to_owned());
    let mut problems = Vec::new();
    let mut failed = false;

    if let Some(params) = case.get("initialRequestParams") {
        initial_request::<O>(params, &case["initialRequest"], &mut problems).await?;
    }

    let responses: Vec<&Value> = case["events"]
        .as_array()
        .into_iter()
        .flatten()
        .filter(|e| e["type"] == "response")
        .collect();
    if case.get("initialResponse").is_some() || !responses.is_empty() {
        let initial = &case["initialResponse"];
        let raw = awsjson::__private::RawResponse {
            status: initial["code"].as_u64().map_or(200, |c| c as u16),
            headers: awsjson::ResponseHeaders::from_pairs(
                initial["headers"]
                    .as_object()
                    .into_iter()
                    .flatten()
                    .map(|(k, v)| (k.as_str(), v.as_str().unwrap_or_default())),
            )
            .expect("the case's headers are HTTP headers"),
            body: initial["body"]
                .as_str()
                .unwrap_or_default()
                .as_bytes()
                .to_vec(),
        };
        match decode_response::<O>(&raw) {
            Ok(output) => {
                if let Some(params) = case.get("initialResponseParams") {
                    json_diff(params, &output.to_node(), "initial response", &mut problems);
                }
            }
            Err(e) => {
                failed = true;
                check_failure(&e, error_id.as_deref(), fails, &mut problems);
            }
        }
    }

    for (i, event) in case["events"].as_array().into_iter().flatten().enumerate() {
        if event["type"] == "request" {
            request_event(event, &format!("event {i}"), &mut problems)?;
        }
    }

    if !failed && !responses.is_empty() {
        let mut bytes = Vec::new();
        for event in &responses {
            let text = event["bytes"].as_str().unwrap_or_default();
            bytes.extend(
                awsjson_tests::base64::decode_lenient(text)
                    .ok_or_else(|| format!("bytes are not base64: {text}"))?,
            );
        }
        let mut stream: EventStream<ev::EventStream, S::Error> = EventStream::from_bytes(bytes);
        for (i, event) in responses.iter().enumerate() {
            let at = format!("response event {i}");
            match stream.next().await {
                None => problems.push(format!("{at}: the stream ended")),
                Some(Ok(got)) => {
                    if fails {
                        continue;
                    }
                    let expected = ev::EventStream::from_node(&event["params"])
                        .map_err(|e| format!("{at}: params do not fit the union: {e}"))?;
                    json_diff(&expected.to_node(), &got.to_node(), &at, &mut problems);
                }
                Some(Err(e)) => {
                    failed = true;
                    check_failure(&e, error_id.as_deref(), fails, &mut problems);
                    break;
                }
            }
        }
        if !failed && !fails {
            if let Some(extra) = stream.next().await {
                problems.push(format!("an event more than the case sends: {extra:?}"));
            }
        }
    }
    if fails && !failed {
        problems.push("expected a failure, got none".to_owned());
    }
    verdict(problems)
}

/// A failure the case may or may not expect: of the error shape `error_id` when it
/// names one (the typed variant, not the unmodeled one).
fn check_failure<E: std::fmt::Debug>(
    error: &awsjson::Error<E>,
    error_id: Option<&str>,
    expected: bool,
    problems: &mut Vec<String>,
) {
    if !expected {
        problems.push(format!("failed: {error}"));
        return;
    }
    let Some(name) = error_id else { return };
    match error {
        awsjson::Error::Service(e) => {
            let typed = format!("{:?}", e.err());
            if e.code() != name || !typed.starts_with(&format!("{name}(")) {
                problems.push(format!(
                    "expected the error {name}, got {} ({typed})",
                    e.code()
                ));
            }
        }
        other => problems.push(format!("expected the error {name}, got {other}")),
    }
}

/// The initial request: the input's members bound to the HTTP request.
async fn initial_request<O: Operation + FromNode>(
    params: &Value,
    expected: &Value,
    problems: &mut Vec<String>,
) -> Result<(), String> {
    let op = O::from_node(params).map_err(|e| format!("params do not fit the input: {e}"))?;
    let client = Client::builder()
        .region("us-east-1")
        .credentials(Credentials::new("AKID", "SECRET", None))
        .endpoint_url("https://example.com")
        .build()
        .map_err(|e| e.to_string())?;
    let req = request(&client, &op, UNIX_EPOCH + SIGNING_TIME)
        .await
        .map_err(|e| format!("building the initial request: {e}"))?;
    if let Some(method) = expected["method"].as_str().filter(|m| req.method != *m) {
        problems.push(format!("method {} != {method}", req.method));
    }
    let after_scheme = req.url.split_once("://").map_or("", |(_, r)| r);
    let path = after_scheme.find('/').map_or("/", |i| &after_scheme[i..]);
    let path = path.split_once('?').map_or(path, |(p, _)| p);
    if let Some(uri) = expected["uri"].as_str().filter(|uri| path != *uri) {
        problems.push(format!("path {path:?} != {uri:?}"));
    }
    for (name, value) in expected["headers"].as_object().into_iter().flatten() {
        let got = header_value(&req, name);
        if got.as_deref() != value.as_str() {
            problems.push(format!("header {name}: {got:?} != {value}"));
        }
    }
    let content_type = header_value(&req, "content-type");
    if content_type.as_deref() != Some("application/vnd.amazon.eventstream") {
        problems.push(format!(
            "content-type {content_type:?}: the body of an input stream is its events"
        ));
    }
    Ok(())
}

/// A request event: the union's message for `params`, its headers and payload.
fn request_event(event: &Value, at: &str, problems: &mut Vec<String>) -> Result<(), String> {
    let value = ev::EventStream::from_node(&event["params"])
        .map_err(|e| format!("{at}: params do not fit the union: {e}"))?;
    let message = match value.encode_event() {
        Ok(message) => message,
        Err(e) => {
            problems.push(format!("{at}: not encoded: {e}"));
            return Ok(());
        }
    };
    // The message must frame, and read back as it was written.
    let framed = message
        .encode()
        .and_then(|bytes| Message::decode(&bytes))
        .map_err(|e| format!("{at}: the message does not frame: {e}"))?;
    for (name, typed) in event["headers"].as_object().into_iter().flatten() {
        let got = framed.header(name).map(typed_node);
        if got.as_ref() != Some(typed) {
            problems.push(format!("{at}: header {name}: {got:?} != {typed}"));
        }
    }
    for name in event["forbidHeaders"].as_array().into_iter().flatten() {
        let name = name.as_str().unwrap_or_default();
        if framed.header(name).is_some() {
            problems.push(format!("{at}: forbidden header {name} present"));
        }
    }
    for name in event["requireHeaders"].as_array().into_iter().flatten() {
        let name = name.as_str().unwrap_or_default();
        if framed.header(name).is_none() {
            problems.push(format!("{at}: required header {name} absent"));
        }
    }
    if let Some(body) = event["body"].as_str() {
        let payload = framed.payload();
        if event["bodyMediaType"] == "application/json" {
            let expected = parse(body.as_bytes())?;
            match parse(payload) {
                Ok(got) => json_diff(&expected, &got, &format!("{at} payload"), problems),
                Err(e) => problems.push(format!("{at}: payload {e}")),
            }
        } else if payload.as_ref() != body.as_bytes() {
            problems.push(format!(
                "{at}: payload {:?} != {body:?}",
                String::from_utf8_lossy(payload)
            ));
        }
    }
    Ok(())
}

/// A header value as the cases write it: `{"type": value}`.
fn typed_node(value: &HeaderValue) -> Value {
    let (kind, v) = match value {
        HeaderValue::Bool(b) => ("boolean", Value::from(*b)),
        HeaderValue::Byte(n) => ("byte", Value::from(*n)),
        HeaderValue::Short(n) => ("short", Value::from(*n)),
        HeaderValue::Int(n) => ("integer", Value::from(*n)),
        HeaderValue::Long(n) => ("long", Value::from(*n)),
        HeaderValue::ByteArray(b) => ("blob", Value::from(awsjson_tests::base64::encode(b))),
        HeaderValue::String(s) => ("string", Value::from(s.as_str())),
        HeaderValue::Timestamp(_) => (
            "timestamp",
            Value::from(
                value
                    .as_timestamp()
                    .map(|t| t.to_date_time())
                    .unwrap_or_default(),
            ),
        ),
        other => ("other", Value::from(format!("{other:?}"))),
    };
    Value::Object(Map::from_iter([(kind.to_owned(), v)]))
}

impl<T> FromNode for awsjson::InputStream<T> {
    fn from_node(v: &Value) -> Result<Self, String> {
        match v {
            Value::Null => Ok(awsjson::InputStream::default()),
            other => Err(format!(
                "an input stream is sent, not given as params: {other}"
            )),
        }
    }
}

/// An output's stream, in an output built from params: one that has ended.
impl<T, E> FromNode for EventStream<T, E> {
    fn from_node(v: &Value) -> Result<Self, String> {
        match v {
            Value::Null => Ok(EventStream::default()),
            other => Err(format!(
                "a stream is received, not given as params: {other}"
            )),
        }
    }
}

/// A stream is not a value: absent from the node form of its output.
impl<T, E> ToNode for EventStream<T, E> {
    fn to_node(self) -> Value {
        Value::Null
    }
}

/// A union's value needs `EventUnion` to be read from a stream: checked here, once.
const _: fn() = || {
    fn is_union<T: EventUnion + EncodeEvent>() {}
    is_union::<ev::EventStream>();
};

/// The date-time form in which event params write timestamps.
pub(crate) fn date_time_node(v: &Value) -> Option<DateTime> {
    v.as_str().and_then(|s| DateTime::parse_date_time(s).ok())
}
