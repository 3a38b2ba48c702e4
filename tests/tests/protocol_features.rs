//! Wire behaviour of the DSL features the Smithy vectors exercise only in part:
//! unknown union members and enum values, sparse versus dense collections, invalid
//! host labels, the compression threshold, query-compatible codes.

use std::collections::HashMap;

use awsjson::{Blob, Client, Credentials, DateTime, Document, aws_json_operation, aws_json_shape};
use awsjson_tests::wire;

#[aws_json_shape(rename_all = "camelCase")]
#[derive(Debug, Clone, PartialEq)]
enum Value {
    Text(String),
    Number(f64),
    #[aws(timestamp = "date-time")]
    At(DateTime),
    Bytes(Blob),
}

#[aws_json_shape]
#[derive(Debug, Clone, Copy, PartialEq)]
enum Priority {
    Low = 1,
    High = 10,
}

#[aws_json_shape(rename_all = "camelCase")]
#[derive(Debug, Clone, PartialEq)]
struct Holder {
    value: Option<Value>,
    priority: Option<Priority>,
    dense: Option<Vec<String>>,
    sparse: Option<Vec<Option<String>>>,
    dense_map: Option<HashMap<String, String>>,
    sparse_map: Option<HashMap<String, Option<String>>>,
    doc: Option<Document>,
    #[aws(default = 7)]
    count: i32,
}

fn decode(json: &str) -> Result<Holder, String> {
    serde_json::from_str::<Holder>(json).map_err(|e| e.to_string())
}

#[test]
fn union_members_round_trip_with_their_formats() {
    let holder = decode(r#"{"value":{"at":"2020-01-02T03:04:05.5+01:00"}}"#).unwrap();
    assert_eq!(
        holder.value,
        Some(Value::At(DateTime::from_secs_and_nanos(
            1_577_930_645,
            500_000_000
        )))
    );
    let json = serde_json::to_string(&holder.value).unwrap();
    assert_eq!(json, r#"{"at":"2020-01-02T02:04:05.5Z"}"#);
    let holder = decode(r#"{"value":{"number":"-Infinity"}}"#).unwrap();
    assert_eq!(holder.value, Some(Value::Number(f64::NEG_INFINITY)));
    assert_eq!(
        serde_json::to_string(&Value::Number(f64::NAN)).unwrap(),
        r#"{"number":"NaN"}"#
    );
}

#[test]
fn unknown_union_member_is_kept_and_cannot_be_sent() {
    let holder = decode(r#"{"value":{"__type":"ns#Value","newKind":{"a":1}}}"#).unwrap();
    let Some(Value::Unknown(member)) = &holder.value else {
        panic!("{:?}", holder.value)
    };
    assert_eq!(member.as_str(), "newKind");
    let err = serde_json::to_string(&holder.value)
        .unwrap_err()
        .to_string();
    assert!(
        err.contains("Value::Unknown") && err.contains("newKind"),
        "{err}"
    );
}

#[test]
fn union_needs_exactly_one_member() {
    let err = decode(r#"{"value":{"text":"a","number":1}}"#).unwrap_err();
    assert!(err.contains("more than one member"), "{err}");
    let err = decode(r#"{"value":{"text":null}}"#).unwrap_err();
    assert!(err.contains("no member set"), "{err}");
    let err = decode(r#"{"value":"text"}"#).unwrap_err();
    assert!(err.contains("union Value"), "{err}");
}

#[test]
fn int_enums_keep_unknown_values() {
    let holder = decode(r#"{"priority":42}"#).unwrap();
    assert_eq!(holder.priority, Some(Priority::Unknown(42)));
    assert_eq!(Priority::from(10), Priority::High);
    assert_eq!(Priority::Unknown(42).as_i32(), 42);
    assert_eq!(Priority::values(), &[1, 10]);
    assert_eq!(serde_json::to_string(&Priority::Low).unwrap(), "1");
}

#[test]
fn null_in_a_dense_collection_is_an_error_in_a_sparse_one_a_none() {
    // The error is the null, not some other reason.
    let err = decode(r#"{"dense":["a",null]}"#).unwrap_err();
    assert!(err.contains("null"), "{err}");
    let err = decode(r#"{"denseMap":{"a":null}}"#).unwrap_err();
    assert!(err.contains("null"), "{err}");
    assert!(decode(r#"{"dense":["a","b"]}"#).is_ok());
    let holder = decode(r#"{"sparse":["a",null],"sparseMap":{"a":null}}"#).unwrap();
    assert_eq!(holder.sparse, Some(vec![Some("a".to_owned()), None]));
    assert_eq!(
        holder.sparse_map,
        Some(HashMap::from([("a".to_owned(), None)]))
    );
    assert_eq!(
        serde_json::to_string(&holder).unwrap(),
        r#"{"sparse":["a",null],"sparseMap":{"a":null},"count":7}"#
    );
}

#[test]
fn null_members_are_unset_and_defaults_fill_missing_ones() {
    let holder = decode(r#"{"value":null,"doc":null}"#).unwrap();
    assert_eq!((holder.value, holder.doc, holder.count), (None, None, 7));
    let holder = decode(r#"{"count":3,"doc":{"n":12345678901234567890}}"#).unwrap();
    assert_eq!(holder.count, 3);
    assert_eq!(
        serde_json::to_string(&holder.doc).unwrap(),
        r#"{"n":12345678901234567890}"#
    );
}

#[aws_json_operation(
    target = "Svc.Put",
    json_version = "1.1",
    signing_name = "svc",
    endpoint_prefix = "svc",
    host_prefix = "{Tenant}.data.",
    request_compression = "gzip",
    query_compatible,
    errors(Throttled)
)]
struct Put {
    #[aws(host_label)]
    tenant: String,
    data: String,
}

#[aws_json_shape]
#[derive(Debug)]
struct Throttled {
    message: Option<String>,
}

fn client() -> Client {
    Client::builder()
        .region("eu-west-1")
        .credentials(Credentials::new("AKID", "SECRET", None))
        .endpoint_url("http://localhost:9/base")
        .build()
        .unwrap()
}

async fn build(op: &Put) -> Result<awsjson::HttpRequest, awsjson::Error<std::convert::Infallible>> {
    client().build_request(op).await
}

#[tokio::test]
async fn host_labels_are_validated_and_prefixed() {
    let op = Put {
        tenant: "acme-1".into(),
        data: "x".into(),
    };
    let req = build(&op).await.unwrap();
    assert_eq!(req.url, "http://acme-1.data.localhost:9/base/");
    assert_eq!(req.header("host"), Some("acme-1.data.localhost:9"));
    assert_eq!(req.header("x-amzn-query-mode"), Some("true"));
    assert!(
        req.header("authorization")
            .unwrap()
            .contains("x-amzn-query-mode")
    );
    // A host prefix cannot go in front of an IP address: said before anything is sent.
    let on_ip = Client::builder()
        .region("eu-west-1")
        .credentials(Credentials::new("AKID", "SECRET", None))
        .endpoint_url("http://127.0.0.1:9/base")
        .build()
        .unwrap();
    let err = on_ip.build_request(&op).await.unwrap_err().to_string();
    assert!(
        err.contains("http://acme-1.data.127.0.0.1:9/base/") && err.contains("does not parse"),
        "{err}"
    );
    for bad in ["", "a.b", "-a", "a b", "ä"] {
        let op = Put {
            tenant: bad.into(),
            data: "x".into(),
        };
        let err = build(&op).await.unwrap_err().to_string();
        assert!(
            err.contains("`Tenant`") && err.contains("host name"),
            "{err}"
        );
    }
}

#[tokio::test]
async fn only_bodies_past_the_threshold_are_compressed() {
    let small = Put {
        tenant: "t".into(),
        data: "x".repeat(100),
    };
    let req = build(&small).await.unwrap();
    assert_eq!(req.header("content-encoding"), None);
    let large = Put {
        tenant: "t".into(),
        data: "x".repeat(awsjson::DEFAULT_MIN_COMPRESSION_BYTES),
    };
    let req = build(&large).await.unwrap();
    assert_eq!(req.header("content-encoding"), Some("gzip"));
    assert!(req.body.len() < 1000, "{} bytes", req.body.len());
    assert!(
        req.header("authorization")
            .unwrap()
            .contains("content-encoding")
    );
}

#[tokio::test]
async fn the_client_sets_the_threshold_or_turns_compression_off() {
    let op = Put {
        tenant: "t".into(),
        data: "x".repeat(100),
    };
    let builder = || {
        Client::builder()
            .region("eu-west-1")
            .credentials(Credentials::new("AKID", "SECRET", None))
            .endpoint_url("http://localhost:9/base")
    };
    let low = builder()
        .request_min_compression_size_bytes(50)
        .build()
        .unwrap();
    let req = low.build_request(&op).await.unwrap();
    assert_eq!(req.header("content-encoding"), Some("gzip"));
    let off = builder()
        .request_min_compression_size_bytes(0)
        .disable_request_compression(true)
        .build()
        .unwrap();
    let req = off.build_request(&op).await.unwrap();
    assert_eq!(req.header("content-encoding"), None);
    assert!(String::from_utf8(req.body).unwrap().contains("xxxx"));
    let err = builder()
        .request_min_compression_size_bytes(10_485_761)
        .build()
        .unwrap_err()
        .to_string();
    assert!(err.contains("at most 10485760"), "{err}");
}

#[aws_json_operation(
    target = "Svc.Plain",
    json_version = "1.0",
    signing_name = "svc",
    endpoint_prefix = "svc"
)]
struct Plain {
    data: String,
}

/// The vectors' `NonQueryCompatibleAwsJson10ForbidsQueryModeHeader` documents this but
/// lists no `forbidHeaders`; nor may a small body be compressed without being asked.
#[tokio::test]
async fn plain_operations_send_no_query_mode_and_no_encoding() {
    let op = Plain {
        data: "x".repeat(awsjson::DEFAULT_MIN_COMPRESSION_BYTES),
    };
    let req = client().build_request(&op).await.unwrap();
    assert_eq!(req.header("x-amzn-query-mode"), None);
    assert_eq!(req.header("content-encoding"), None);
    assert_eq!(req.url, "http://localhost:9/base/");
}

#[test]
fn query_compatible_codes_come_from_the_header() {
    let response = wire::response(
        400,
        &[(
            "x-amzn-query-error",
            "AWS.SimpleQueueService.Throttled;Sender",
        )],
        *br#"{"__type":"ns#Throttled","message":"slow down"}"#,
    );
    let Err(awsjson::Error::Service(err)) = wire::decode::<Put>(&response) else {
        panic!("expected a service error")
    };
    assert!(
        matches!(err.err(), PutError::Throttled(t) if t.message.as_deref() == Some("slow down"))
    );
    assert_eq!(err.code(), "AWS.SimpleQueueService.Throttled");
    assert_eq!(err.meta().fault.as_deref(), Some("Sender"));
}

/// The generated union, int-enum, default and host-prefix code names everything by
/// absolute path.
#[allow(dead_code, non_camel_case_types, clippy::all)]
mod hygiene {
    struct Option;
    struct Some;
    struct None;
    struct Result;
    struct Ok;
    struct Err;
    struct String;
    struct Vec;
    struct Box;
    struct i32;
    struct i64;
    mod serde {}
    mod serde_json {}
    mod core {}
    mod std {}

    #[awsjson::aws_json_operation(
        target = "Svc.Op",
        json_version = "1.0",
        signing_name = "svc",
        endpoint_prefix = "svc",
        host_prefix = "{Name}.",
        request_compression = "gzip",
        query_compatible
    )]
    pub(crate) struct Op {
        #[aws(host_label)]
        pub(crate) name: ::std::string::String,
        #[aws(endpoint_url)]
        pub(crate) url: ::std::option::Option<::std::string::String>,
        pub(crate) choice: ::std::option::Option<Choice>,
        #[aws(default = 1)]
        pub(crate) level: Level,
        #[aws(default = [])]
        pub(crate) list: ::std::vec::Vec<f64>,
    }

    #[awsjson::aws_json_shape]
    pub(crate) enum Choice {
        Text(::std::string::String),
        Ratio(f32),
        #[aws(timestamp = "http-date")]
        When(awsjson::DateTime),
    }

    #[awsjson::aws_json_shape]
    pub(crate) enum Level {
        One = 1,
        Two = 2,
    }
}
