//! The decode paths a per-call benchmark does not reach, one at a time, for callgrind
//! and DHAT (`run.sh` does the arithmetic):
//!
//!   awsjson-decode-bench errors N   reads N error answers' metadata (`error_meta`):
//!                                   code, message and request id of three service
//!                                   error bodies in turn
//!   awsjson-decode-bench events N   reads N events from a stream: an implicit payload
//!                                   with a header, a structure payload member with a
//!                                   header, a union member without bindings, in turn
//!
//! Each reads three more first (the set-up's own first calls); the difference between
//! two values of N, over their difference, is the cost of one.

use std::hint::black_box;

use awsjson::event_stream::Message;
use awsjson::{DateTime, EventStream, InputStream, aws_json_operation, aws_json_shape};

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let n = args.get(2).and_then(|s| s.parse::<usize>().ok());
    match (args.get(1).map(String::as_str), n) {
        (Some("errors"), Some(n)) => errors(n),
        (Some("events"), Some(n)) => events(n),
        _ => {
            eprintln!("usage: {} errors N | events N", args[0]);
            std::process::exit(2);
        }
    }
}

fn errors(n: usize) {
    let bodies = [
        // DynamoDB's conditional check failure, as the service answers it.
        r#"{"__type":"com.amazonaws.dynamodb.v20120810#ConditionalCheckFailedException","message":"The conditional request failed"}"#,
        // Throttling, the message in `Message`, members the reader skips.
        r#"{"__type":"ThrottlingException","Message":"Rate exceeded","Reason":"TooManyRequests","RetryAfterSeconds":2,"Details":{"a":[1,2,{"b":null}]}}"#,
        // A validation error with its field list.
        r#"{"__type":"ValidationException","message":"1 validation error detected","fieldList":[{"name":"Catalog","message":"must match pattern"}],"reason":"FIELD_VALIDATION_FAILED"}"#,
    ];
    let responses: Vec<awsjson::RawResponse> = bodies
        .iter()
        .map(|body| awsjson::RawResponse {
            status: 400,
            headers: awsjson::ResponseHeaders::from_pairs([("x-amzn-requestid", "r-1")])
                .expect("header"),
            body: body.as_bytes().to_vec(),
        })
        .collect();
    for i in 0..n + 3 {
        let meta = awsjson::__private::error_meta(black_box(&responses[i % 3]));
        black_box(meta.expect("error metadata"));
    }
}

#[aws_json_shape]
#[derive(Debug)]
pub struct Reading {
    #[aws(event_header)]
    pub sensor: String,
    #[aws(event_header)]
    pub at: Option<DateTime>,
    pub celsius: f64,
    pub unit: Option<String>,
    pub tags: Option<Vec<String>>,
}

#[aws_json_shape]
#[derive(Debug)]
pub struct Position {
    pub lat: f64,
    pub lon: f64,
    pub label: Option<String>,
}

#[aws_json_shape]
#[derive(Debug)]
pub struct Moved {
    #[aws(event_header)]
    pub vehicle: String,
    #[aws(event_payload)]
    pub position: Option<Position>,
}

#[aws_json_shape]
#[derive(Debug)]
pub struct Delta {
    pub index: i32,
    pub text: Option<String>,
}

#[aws_json_shape]
#[derive(Debug)]
pub enum Events {
    Reading(Reading),
    Moved(Moved),
    Delta(Delta),
}

/// The operation whose error type the stream carries; never sent.
#[aws_json_operation(http = "POST /watch", signing_name = "sensors", endpoint_prefix = "sensors")]
pub struct Watch {
    #[aws(payload)]
    pub events: InputStream<Events>,
}

fn events(n: usize) {
    let event = |event_type: &str, message: Message| {
        message
            .with_header(":message-type", "event")
            .with_header(":event-type", event_type)
            .encode()
            .expect("encode")
    };
    let mut bytes = Vec::new();
    for i in 0..n + 3 {
        bytes.extend(match i % 3 {
            0 => event(
                "Reading",
                Message::new(r#"{"Celsius":21.5,"Unit":"C","Tags":["north","roof"]}"#)
                    .with_header("Sensor", "s1"),
            ),
            1 => event(
                "Moved",
                Message::new(r#"{"Lat":52.52,"Lon":13.405,"Label":"Berlin"}"#)
                    .with_header("Vehicle", "v1"),
            ),
            _ => event("Delta", Message::new(r#"{"Index":0,"Text":" token"}"#)),
        });
    }
    let runtime = tokio::runtime::Builder::new_current_thread()
        .build()
        .expect("runtime");
    // Only this call is counted for events (run.sh: `Runtime::block_on`, inclusive):
    // building the stream's bytes above is not reading them.
    runtime.block_on(async {
        let mut stream: EventStream<Events, WatchError> = EventStream::from_bytes(bytes);
        while let Some(event) = stream.next().await {
            black_box(event.expect("event"));
        }
    });
}
