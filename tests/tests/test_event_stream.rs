//! Event streams over HTTP: a signed request to the test-only event-stream server
//! (`awsjson_tests::event_server`, which checks the SigV4 signature), its chunked
//! `application/vnd.amazon.eventstream` answer read as an `awsjson::EventStream`:
//! typed events in any chunking, unknown events, modeled exceptions and unmodeled
//! errors, corrupt and truncated streams, the timeout between events, backpressure,
//! and dropping the stream closing the connection.

use std::time::{Duration, Instant};

use awsjson::event_stream::{EventUnion, Message};
use awsjson::{Credentials, Error, EventStream, UnknownValue, aws_json_operation, aws_json_shape};
use awsjson_tests::event_server::{EventServer, Step};

#[aws_json_operation(
    target = "EventTest_20260101.Subscribe",
    json_version = "1.1",
    signing_name = "eventtest",
    endpoint_prefix = "eventtest",
    errors(ThrottledException)
)]
struct Subscribe {
    shard_id: String,
}

#[aws_json_shape]
#[derive(Debug, PartialEq)]
struct ThrottledException {
    message: Option<String>,
}

#[aws_json_shape]
#[derive(Debug, Clone, PartialEq)]
struct Record {
    data: String,
    sequence: i64,
}

/// The event union, as the macro will implement it for `#[aws_json_shape]` unions.
#[derive(Debug, PartialEq)]
enum ShardEvent {
    Record(Record),
    Unknown(UnknownValue),
}

impl EventUnion for ShardEvent {
    fn decode_event(
        event_type: &str,
        message: &Message,
    ) -> Option<Result<Self, serde_json::Error>> {
        match event_type {
            "Record" => Some(serde_json::from_slice(message.payload()).map(ShardEvent::Record)),
            _ => None,
        }
    }

    fn unknown(event_type: UnknownValue) -> Self {
        ShardEvent::Unknown(event_type)
    }
}

type Events = EventStream<ShardEvent, SubscribeError>;

const WAIT: Duration = Duration::from_secs(10);

fn credentials() -> Credentials {
    Credentials::new("AKIDEVENTS", "event-secret", None)
}

fn event(event_type: &str, payload: &str) -> Vec<u8> {
    Message::new(payload.to_owned())
        .with_header(":message-type", "event")
        .with_header(":event-type", event_type)
        .with_header(":content-type", "application/json")
        .encode()
        .unwrap()
}

fn record(n: i64) -> Vec<u8> {
    event("Record", &format!(r#"{{"Data":"d{n}","Sequence":{n}}}"#))
}

fn rec(n: i64) -> ShardEvent {
    ShardEvent::Record(Record {
        data: format!("d{n}"),
        sequence: n,
    })
}

/// Sends `Subscribe`, signed by the client, and opens the stream of its answer.
async fn open(
    server: &EventServer,
    signed_with: Credentials,
) -> Result<Events, Error<SubscribeError>> {
    let client = awsjson::Client::builder()
        .region("us-east-1")
        .credentials(signed_with)
        .endpoint_url(server.url())
        .build()
        .unwrap();
    let request = client
        .build_request(&Subscribe {
            shard_id: "shard-1".into(),
        })
        .await
        .unwrap();
    // reqwest is built without a default crypto provider (awsjson names ring in its own
    // TLS config); this plain-HTTP client needs one installed all the same.
    let _ = rustls::crypto::ring::default_provider().install_default();
    let http = reqwest::Client::builder().build().unwrap();
    let mut builder = http.post(&request.url).body(request.body.clone());
    for (name, value) in &request.headers {
        if *name != "content-length" {
            builder = builder.header(name.as_ref(), value);
        }
    }
    let response = tokio::time::timeout(WAIT, builder.send())
        .await
        .expect("the server answers")
        .expect("the request is sent");
    awsjson::__private::open_event_stream(response).await
}

async fn next(events: &mut Events) -> Option<Result<ShardEvent, Error<SubscribeError>>> {
    tokio::time::timeout(WAIT, events.next())
        .await
        .expect("the next event within the test's bound")
}

#[tokio::test]
async fn events_arrive_typed_whatever_the_chunking() {
    let initial = event("initial-response", r#"{"StreamLifetime":5}"#);
    let (one, two, three) = (record(1), record(2), record(3));
    let mut two_three = two.clone();
    two_three.extend_from_slice(&three);
    let steps = vec![
        Step::Chunk(initial),
        // One message over three chunks, then two messages in one chunk.
        Step::Chunk(one[..5].to_vec()),
        Step::Chunk(one[5..20].to_vec()),
        Step::Chunk(one[20..].to_vec()),
        Step::Chunk(two_three),
        Step::Chunk(event("ShardEnded", "{}")),
        Step::Chunk(record(4)),
    ];
    let server = EventServer::start(credentials(), steps).await.unwrap();
    let mut events = open(&server, credentials()).await.unwrap();
    assert_eq!(events.request_id(), Some("event-server-1"));
    let initial = events.initial_response().await.unwrap();
    assert_eq!(initial.as_deref(), Some(&br#"{"StreamLifetime":5}"#[..]));
    assert_eq!(next(&mut events).await.unwrap().unwrap(), rec(1));
    assert_eq!(next(&mut events).await.unwrap().unwrap(), rec(2));
    assert_eq!(next(&mut events).await.unwrap().unwrap(), rec(3));
    let unknown = next(&mut events).await.unwrap().unwrap();
    assert!(
        matches!(&unknown, ShardEvent::Unknown(t) if t.as_str() == "ShardEnded"),
        "{unknown:?}"
    );
    assert_eq!(next(&mut events).await.unwrap().unwrap(), rec(4));
    assert!(next(&mut events).await.is_none());
    assert!(next(&mut events).await.is_none(), "fused");
    let requests = server.requests();
    assert_eq!(requests.len(), 1);
    assert_eq!(requests[0].rejected, None, "the signature verified");
}

#[tokio::test]
async fn the_stream_is_a_futures_stream_and_skips_the_initial_response() {
    use futures_core::Stream;
    let steps = vec![
        Step::Chunk(event("initial-response", "{}")),
        Step::Chunk(record(1)),
    ];
    let server = EventServer::start(credentials(), steps).await.unwrap();
    let mut events = open(&server, credentials()).await.unwrap();
    let mut got = Vec::new();
    let collect = std::future::poll_fn(|cx| {
        loop {
            match std::pin::Pin::new(&mut events).poll_next(cx) {
                std::task::Poll::Ready(Some(item)) => got.push(item.unwrap()),
                std::task::Poll::Ready(None) => return std::task::Poll::Ready(()),
                std::task::Poll::Pending => return std::task::Poll::Pending,
            }
        }
    });
    tokio::time::timeout(WAIT, collect).await.unwrap();
    assert_eq!(got, [rec(1)]);
}

#[tokio::test]
async fn a_modeled_exception_is_the_operations_error_and_ends_the_stream() {
    let exception = Message::new(r#"{"message":"slow down"}"#)
        .with_header(":message-type", "exception")
        .with_header(":exception-type", "ThrottledException")
        .with_header(":content-type", "application/json")
        .encode()
        .unwrap();
    let steps = vec![
        Step::Chunk(record(1)),
        Step::Chunk(exception),
        Step::Chunk(record(2)),
    ];
    let server = EventServer::start(credentials(), steps).await.unwrap();
    let mut events = open(&server, credentials()).await.unwrap();
    assert_eq!(next(&mut events).await.unwrap().unwrap(), rec(1));
    match next(&mut events).await.unwrap() {
        Err(Error::Service(e)) => {
            assert!(
                matches!(e.err(), SubscribeError::ThrottledException(t) if t.message.as_deref() == Some("slow down"))
            );
            assert_eq!(e.code(), "ThrottledException");
            assert_eq!(e.request_id(), Some("event-server-1"));
        }
        other => panic!("{other:?}"),
    }
    assert!(next(&mut events).await.is_none());
}

#[tokio::test]
async fn an_error_message_is_an_unmodeled_error() {
    let error = Message::new("")
        .with_header(":message-type", "error")
        .with_header(":error-code", "InternalFailure")
        .with_header(":error-message", "try again")
        .encode()
        .unwrap();
    let server = EventServer::start(credentials(), vec![Step::Chunk(error)])
        .await
        .unwrap();
    let mut events = open(&server, credentials()).await.unwrap();
    match next(&mut events).await.unwrap() {
        Err(Error::Service(e)) => {
            assert!(matches!(e.err(), SubscribeError::Unmodeled(_)));
            assert_eq!(
                (e.code(), e.message()),
                ("InternalFailure", Some("try again"))
            );
        }
        other => panic!("{other:?}"),
    }
    assert!(next(&mut events).await.is_none());
}

#[tokio::test]
async fn a_wrong_signature_is_refused_before_any_event() {
    let server = EventServer::start(credentials(), vec![Step::Chunk(record(1))])
        .await
        .unwrap();
    let wrong = Credentials::new("AKIDEVENTS", "not-the-secret", None);
    match open(&server, wrong).await {
        Err(Error::Service(e)) => {
            assert_eq!(e.code(), "InvalidSignatureException");
            assert_eq!(e.status(), 403);
            assert!(matches!(e.err(), SubscribeError::Unmodeled(_)));
        }
        other => panic!("{other:?}"),
    }
    assert!(server.requests()[0].rejected.is_some());
}

#[tokio::test]
async fn a_corrupt_message_ends_the_stream_with_a_decode_error() {
    let mut bad = record(2);
    let last = bad.len() - 1;
    bad[last] ^= 0xff;
    let steps = vec![
        Step::Chunk(record(1)),
        Step::Chunk(bad),
        Step::Chunk(record(3)),
    ];
    let server = EventServer::start(credentials(), steps).await.unwrap();
    let mut events = open(&server, credentials()).await.unwrap();
    assert_eq!(next(&mut events).await.unwrap().unwrap(), rec(1));
    match next(&mut events).await.unwrap() {
        Err(Error::Decode(e)) => {
            assert!(e.to_string().contains("message checksum mismatch"), "{e}");
            assert_eq!(e.request_id(), Some("event-server-1"));
        }
        other => panic!("{other:?}"),
    }
    assert!(next(&mut events).await.is_none());
}

#[tokio::test]
async fn a_stream_cut_inside_a_message_is_truncated() {
    let one = record(1);
    let steps = vec![Step::Chunk(record(0)), Step::Chunk(one[..10].to_vec())];
    let server = EventServer::start(credentials(), steps).await.unwrap();
    let mut events = open(&server, credentials()).await.unwrap();
    assert_eq!(next(&mut events).await.unwrap().unwrap(), rec(0));
    match next(&mut events).await.unwrap() {
        Err(Error::Decode(e)) => assert!(e.to_string().contains("truncated"), "{e}"),
        other => panic!("{other:?}"),
    }
    assert!(next(&mut events).await.is_none());
}

#[tokio::test]
async fn a_connection_lost_mid_stream_is_a_transport_error() {
    let one = record(1);
    let steps = vec![Step::Chunk(one[..10].to_vec()), Step::Abort];
    let server = EventServer::start(credentials(), steps).await.unwrap();
    let mut events = open(&server, credentials()).await.unwrap();
    match next(&mut events).await.unwrap() {
        Err(Error::Transport(e)) => {
            assert!(e.to_string().contains("reading the event stream"), "{e}")
        }
        other => panic!("{other:?}"),
    }
    assert!(next(&mut events).await.is_none());
}

#[tokio::test]
async fn the_timeout_is_between_events_not_on_the_stream() {
    let gap = Duration::from_millis(250);
    let mut steps = Vec::new();
    for n in 0..4 {
        steps.push(Step::Chunk(record(n)));
        steps.push(Step::Pause(gap));
    }
    steps.push(Step::Hold);
    let server = EventServer::start(credentials(), steps).await.unwrap();
    let events = open(&server, credentials()).await.unwrap();
    let mut events = events.with_event_timeout(Duration::from_millis(700));
    let started = Instant::now();
    for n in 0..4 {
        assert_eq!(next(&mut events).await.unwrap().unwrap(), rec(n));
    }
    // Four events over about a second: longer than the timeout, each gap shorter.
    assert!(started.elapsed() > Duration::from_millis(700));
    let waiting = Instant::now();
    match next(&mut events).await.unwrap() {
        Err(Error::Transport(e)) => {
            assert!(e.is_timeout(), "{e}");
            assert!(
                e.to_string().contains("no event within the event timeout"),
                "{e}"
            );
        }
        other => panic!("{other:?}"),
    }
    let waited = waiting.elapsed();
    assert!(
        waited >= Duration::from_millis(690) && waited < Duration::from_secs(5),
        "{waited:?}"
    );
    assert!(next(&mut events).await.is_none());
    // The timed-out stream has closed its connection.
    let deadline = Instant::now() + WAIT;
    while !server.hung_up() {
        assert!(Instant::now() < deadline, "the connection stayed open");
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

#[tokio::test]
async fn dropping_the_stream_closes_the_connection() {
    let steps = vec![Step::Chunk(record(1)), Step::Hold];
    let server = EventServer::start(credentials(), steps).await.unwrap();
    let mut events = open(&server, credentials()).await.unwrap();
    assert_eq!(next(&mut events).await.unwrap().unwrap(), rec(1));
    tokio::time::sleep(Duration::from_millis(100)).await;
    assert!(
        !server.hung_up(),
        "the connection stays open while the stream lives"
    );
    drop(events);
    let deadline = Instant::now() + WAIT;
    while !server.hung_up() {
        assert!(
            Instant::now() < deadline,
            "the connection stayed open after the drop"
        );
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

#[tokio::test]
async fn a_paused_reader_pauses_the_server() {
    // 64 MiB of events: far more than the socket buffers between the two ends hold.
    let message = event(
        "Record",
        &format!(r#"{{"Data":"{}","Sequence":1}}"#, "x".repeat(4000)),
    );
    let count = (64 << 20) / message.len();
    let total = count * message.len();
    let server = EventServer::start(credentials(), vec![Step::Flood { message, count }])
        .await
        .unwrap();
    let mut events = open(&server, credentials()).await.unwrap();
    assert!(matches!(
        next(&mut events).await,
        Some(Ok(ShardEvent::Record(_)))
    ));
    tokio::time::sleep(Duration::from_millis(500)).await;
    let written = server.written();
    assert!(
        written < total / 4,
        "the server wrote {written} of {total} bytes to a paused reader"
    );
    tokio::time::sleep(Duration::from_millis(300)).await;
    let later = server.written();
    assert!(
        later < written + (8 << 20),
        "still writing: {written} then {later}"
    );
    // Reading on lets it go on.
    for _ in 0..1000 {
        assert!(matches!(next(&mut events).await, Some(Ok(_))));
    }
    assert!(server.written() > later);
    drop(events);
    let deadline = Instant::now() + WAIT;
    while !server.hung_up() {
        assert!(
            Instant::now() < deadline,
            "the connection stayed open after the drop"
        );
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

#[tokio::test]
async fn a_message_without_a_message_type_is_a_decode_error() {
    let untyped = Message::new("{}")
        .with_header(":event-type", "Record")
        .encode()
        .unwrap();
    let server = EventServer::start(credentials(), vec![Step::Chunk(untyped)])
        .await
        .unwrap();
    let mut events = open(&server, credentials()).await.unwrap();
    match next(&mut events).await.unwrap() {
        Err(Error::Decode(e)) => assert!(e.to_string().contains("a message of type \"\""), "{e}"),
        other => panic!("{other:?}"),
    }
    assert!(next(&mut events).await.is_none());
}

#[tokio::test]
async fn an_event_that_does_not_match_its_shape_is_a_decode_error() {
    let steps = vec![Step::Chunk(event("Record", r#"{"Data":5}"#))];
    let server = EventServer::start(credentials(), steps).await.unwrap();
    let mut events = open(&server, credentials()).await.unwrap();
    match next(&mut events).await.unwrap() {
        Err(Error::Decode(e)) => {
            let text = e.to_string();
            assert!(
                text.contains("the Record event does not match its shape"),
                "{text}"
            );
            // The payload may hold sensitive members: described, not shown.
            assert!(!text.contains("Data"), "{text}");
        }
        other => panic!("{other:?}"),
    }
}

#[tokio::test]
async fn without_an_initial_response_the_first_event_is_kept() {
    let server = EventServer::start(credentials(), vec![Step::Chunk(record(1))])
        .await
        .unwrap();
    let mut events = open(&server, credentials()).await.unwrap();
    assert_eq!(events.initial_response().await.unwrap(), None);
    assert_eq!(events.initial_response().await.unwrap(), None, "asked once");
    assert_eq!(next(&mut events).await.unwrap().unwrap(), rec(1));
    assert!(next(&mut events).await.is_none());
}

#[tokio::test]
async fn an_initial_response_later_in_the_stream_is_an_unknown_event() {
    let steps = vec![
        Step::Chunk(record(1)),
        Step::Chunk(event("initial-response", "{}")),
    ];
    let server = EventServer::start(credentials(), steps).await.unwrap();
    let mut events = open(&server, credentials()).await.unwrap();
    assert_eq!(next(&mut events).await.unwrap().unwrap(), rec(1));
    let second = next(&mut events).await.unwrap().unwrap();
    assert!(
        matches!(&second, ShardEvent::Unknown(t) if t.as_str() == "initial-response"),
        "{second:?}"
    );
}
