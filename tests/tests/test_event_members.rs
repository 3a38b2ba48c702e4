//! Event structures bound to their messages' headers and payload, declared by hand
//! (`#[aws(event_header)]`, `#[aws(event_payload)]`, `#[aws(exception)]`) and from the
//! catalog (`shape = "lambda#InvokeResponseStreamUpdate"`, whose `Payload` is the event
//! payload): read from a stream's bytes, written by `EncodeEvent`, sent by an
//! `InputSender`. The restJson1 vectors' 84 client cases are in `protocol_restjson1.rs`.

use awsjson::event_stream::{EncodeEvent, EventSendError, HeaderValue, Message};
use awsjson::{
    Blob, DateTime, Error, EventStream, InputStream, aws_json_operation, aws_json_shape,
};

#[aws_json_shape(shape = "lambda#InvokeResponseStreamUpdate")]
#[derive(Debug, PartialEq)]
struct Update {
    payload: Option<Blob>,
}

#[aws_json_shape(shape = "lambda#InvokeWithResponseStreamCompleteEvent")]
#[derive(Debug, PartialEq)]
struct Complete {
    error_code: Option<String>,
}

#[aws_json_shape(shape = "lambda#InvokeWithResponseStreamResponseEvent")]
#[derive(Debug, PartialEq)]
enum LambdaEvents {
    PayloadChunk(Update),
    InvokeComplete(Complete),
}

fn event(event_type: &str, message: Message) -> Vec<u8> {
    message
        .with_header(":message-type", "event")
        .with_header(":event-type", event_type)
        .encode()
        .unwrap()
}

#[tokio::test]
async fn a_cataloged_event_payload_is_the_raw_bytes() {
    let mut bytes = event(
        "PayloadChunk",
        Message::new(&b"{\"not\": json"[..])
            .with_header(":content-type", "application/octet-stream"),
    );
    bytes.extend(event(
        "InvokeComplete",
        Message::new(r#"{"ErrorCode":"Unhandled"}"#),
    ));
    let mut stream: EventStream<LambdaEvents, WatchError> = EventStream::from_bytes(bytes);
    assert_eq!(
        stream.next().await.unwrap().unwrap(),
        LambdaEvents::PayloadChunk(Update {
            payload: Some(Blob::new(&b"{\"not\": json"[..]))
        })
    );
    assert_eq!(
        stream.next().await.unwrap().unwrap(),
        LambdaEvents::InvokeComplete(Complete {
            error_code: Some("Unhandled".into())
        })
    );
    assert!(stream.next().await.is_none());
    // And back: the payload is the bytes, with their media type.
    let update = LambdaEvents::PayloadChunk(Update {
        payload: Some(Blob::new(&b"abc"[..])),
    });
    let message = update.encode_event().unwrap();
    assert_eq!(message.payload().as_ref(), b"abc");
    assert_eq!(
        message.header_str(":content-type"),
        Some("application/octet-stream")
    );
    assert_eq!(message.header_str(":event-type"), Some("PayloadChunk"));
}

#[aws_json_shape]
#[derive(Debug, Clone, PartialEq)]
struct Reading {
    #[aws(event_header)]
    sensor: String,
    #[aws(event_header)]
    at: Option<DateTime>,
    #[aws(event_header)]
    seq: i64,
    celsius: f64,
}

#[aws_json_shape]
#[derive(Debug, Clone, PartialEq)]
struct Overheated {
    message: Option<String>,
}

#[aws_json_shape]
#[derive(Debug, Clone, PartialEq)]
enum Readings {
    Reading(Reading),
    #[aws(exception)]
    Alarm(Overheated),
}

#[aws_json_operation(
    http = "POST /watch",
    signing_name = "sensors",
    endpoint_prefix = "sensors",
    errors(Overheated)
)]
struct Watch {
    #[aws(payload)]
    readings: InputStream<Readings>,
}

#[tokio::test]
async fn headers_and_the_implicit_payload_round_trip() {
    let reading = Readings::Reading(Reading {
        sensor: "north".into(),
        at: Some(DateTime::from_secs(1_700_000_000)),
        seq: 7,
        celsius: 21.5,
    });
    let message = reading.encode_event().unwrap();
    // Headers are named as members are on the wire (PascalCase unless renamed).
    assert_eq!(message.header_str("Sensor"), Some("north"));
    assert_eq!(message.header("Seq"), Some(&HeaderValue::Long(7)));
    assert_eq!(
        message.header("At"),
        Some(&HeaderValue::Timestamp(1_700_000_000_000))
    );
    // Only the member bound to nothing is in the JSON payload.
    assert_eq!(message.payload().as_ref(), br#"{"Celsius":21.5}"#);
    let mut stream: EventStream<Readings, WatchError> =
        EventStream::from_bytes(message.encode().unwrap());
    assert_eq!(stream.next().await.unwrap().unwrap(), reading);
}

#[tokio::test]
async fn an_exception_member_is_sent_as_one_and_read_as_the_typed_error() {
    let alarm = Readings::Alarm(Overheated {
        message: Some("too hot".into()),
    });
    let message = alarm.encode_event().unwrap();
    assert_eq!(message.header_str(":message-type"), Some("exception"));
    assert_eq!(message.header_str(":exception-type"), Some("Alarm"));
    let mut stream: EventStream<Readings, WatchError> =
        EventStream::from_bytes(message.encode().unwrap());
    match stream.next().await {
        Some(Err(Error::Service(e))) => {
            assert_eq!(e.code(), "Overheated");
            assert!(
                matches!(e.err(), WatchError::Overheated(o) if o.message.as_deref() == Some("too hot"))
            );
        }
        other => panic!("{other:?}"),
    }
    assert!(
        stream.next().await.is_none(),
        "an exception ends the stream"
    );
}

#[tokio::test]
async fn a_header_of_the_wrong_type_is_a_decode_error() {
    let bytes = event("Reading", Message::new("{}").with_header("Seq", "seven"));
    let mut stream: EventStream<Readings, WatchError> = EventStream::from_bytes(bytes);
    let got = stream.next().await;
    assert!(matches!(got, Some(Err(Error::Decode(_)))), "{got:?}");
}

#[tokio::test]
async fn an_input_stream_is_sent_once() {
    let (sender, readings) = InputStream::<Readings>::channel(1);
    let op = Watch { readings };
    let client = awsjson::Client::builder()
        .region("us-east-1")
        .credentials(awsjson::Credentials::new("AKID", "SECRET", None))
        .endpoint_url("http://127.0.0.1:9")
        .build()
        .unwrap();
    // The request the call signs: the body is the events.
    let req = awsjson::__private::request(&client, &op, std::time::SystemTime::now())
        .await
        .unwrap();
    let ct = req
        .headers
        .iter()
        .find(|(n, _)| n.eq_ignore_ascii_case("content-type"));
    assert_eq!(
        ct.map(|(_, v)| v.as_str()),
        Some("application/vnd.amazon.eventstream")
    );
    assert!(format!("{:?}", op.readings).contains("taken: false"));
    drop(op);
    // The stream is gone with its input: the sender says so.
    let reading = Readings::Reading(Reading {
        sensor: "s".into(),
        at: None,
        seq: 1,
        celsius: 0.0,
    });
    assert!(matches!(
        sender.send(reading).await,
        Err(EventSendError::Closed)
    ));
}

/// A structure payload member, read by the runtime's reader.
#[aws_json_shape]
#[derive(Debug, Clone, PartialEq)]
struct Position {
    lat: f64,
    lon: f64,
}

#[aws_json_shape]
#[derive(Debug, Clone, PartialEq)]
struct Moved {
    #[aws(event_header)]
    vehicle: String,
    #[aws(event_payload)]
    position: Option<Position>,
}

/// A payload member of the user's own serde type, read through serde.
#[aws_json_shape]
#[derive(Debug, Clone, PartialEq)]
struct Noted {
    #[aws(event_payload)]
    note: Option<serde_json::Value>,
}

#[aws_json_shape]
#[derive(Debug, Clone, PartialEq)]
enum Fleet {
    Moved(Moved),
    Noted(Noted),
}

#[tokio::test]
async fn json_payload_members_read_as_their_type_reads() {
    let read = |event_type: &str, message: Message| {
        let bytes = event(event_type, message);
        async move {
            let mut stream: EventStream<Fleet, WatchError> = EventStream::from_bytes(bytes);
            stream.next().await.unwrap()
        }
    };
    let moved = read(
        "Moved",
        Message::new(r#"{"Lat":52.5,"Lon":13.4,"Extra":[1,{"x":null}]}"#)
            .with_header("Vehicle", "v1"),
    )
    .await
    .unwrap();
    assert_eq!(
        moved,
        Fleet::Moved(Moved {
            vehicle: "v1".into(),
            position: Some(Position {
                lat: 52.5,
                lon: 13.4
            }),
        })
    );
    // An empty payload leaves the member unset.
    let empty = read("Moved", Message::new("").with_header("Vehicle", "v2"))
        .await
        .unwrap();
    assert!(matches!(empty, Fleet::Moved(Moved { position: None, .. })));
    let noted = read("Noted", Message::new(r#"{"any":["json",1]}"#))
        .await
        .unwrap();
    assert_eq!(
        noted,
        Fleet::Noted(Noted {
            note: Some(serde_json::json!({"any": ["json", 1]}))
        })
    );
    // What is not one JSON value of the member's type is a decode error.
    for (event_type, payload) in [
        ("Moved", r#"{"Lat":1,"Lon":2} {}"#),
        ("Moved", r#"{"Lat":"north","Lon":2}"#),
        ("Noted", r#"{"any":1"#),
    ] {
        let got = read(
            event_type,
            Message::new(payload).with_header("Vehicle", "v"),
        )
        .await;
        assert!(matches!(got, Err(Error::Decode(_))), "{payload}: {got:?}");
    }
    // And back: the payload member is the message's JSON payload.
    let message = moved.encode_event().unwrap();
    assert_eq!(message.payload().as_ref(), br#"{"Lat":52.5,"Lon":13.4}"#);
}
