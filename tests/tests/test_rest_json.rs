//! restJson1 operations declared explicitly (`http = ...` and the field binding
//! attributes), end to end against the loopback server: what goes on the wire (method,
//! path, query, headers, body, signature) and what a response's headers, status and
//! body decode into. The expected requests are written out here by hand from the
//! Smithy restJson1 rules (percent-encoding of labels and queries, comma-joined header
//! lists, http-date headers), not computed by the runtime's own code.

use std::collections::HashMap;

use awsjson::{Blob, ByteStream, DateTime, Error, aws_json_operation, aws_json_shape};
use awsjson_tests::server::{Action, Reply, Server};

#[aws_json_shape]
#[derive(Debug)]
struct Config {
    memory: Option<i32>,
}

#[aws_json_shape]
#[derive(Debug)]
struct ResourceNotFoundException {
    message: Option<String>,
    #[aws(header = "X-Resource")]
    resource: Option<String>,
}

#[aws_json_shape]
#[derive(Debug)]
struct ThingOutput {
    name: Option<String>,
    #[aws(header = "X-Amz-Version")]
    version: Option<i64>,
    #[aws(header = "X-Tags")]
    tags: Option<Vec<String>>,
    #[aws(header = "Last-Modified")]
    modified: Option<DateTime>,
    #[aws(prefix_headers = "X-Meta-")]
    meta: Option<HashMap<String, String>>,
    #[aws(response_code)]
    status: i32,
}

#[aws_json_operation(
    http = "PUT /things/{ThingName}/parts/{Key+}?mode=full",
    code = 201,
    signing_name = "things",
    endpoint_prefix = "things",
    output = ThingOutput,
    errors(ResourceNotFoundException)
)]
struct PutThing {
    #[aws(label)]
    thing_name: String,
    #[aws(label, rename = "Key")]
    key: String,
    #[aws(query = "tag")]
    tags: Option<Vec<String>>,
    #[aws(query = "limit")]
    limit: Option<i32>,
    #[aws(query_params)]
    extra: Option<HashMap<String, String>>,
    #[aws(header = "X-Amz-Invocation-Type")]
    invocation_type: Option<String>,
    #[aws(header = "X-List")]
    list: Option<Vec<String>>,
    #[aws(header = "X-Since")]
    since: Option<DateTime>,
    #[aws(prefix_headers = "X-Meta-")]
    meta: Option<HashMap<String, String>>,
    description: Option<String>,
    config: Option<Config>,
}

#[aws_json_operation(
    http = "GET /things",
    signing_name = "things",
    endpoint_prefix = "things"
)]
struct ListThings {
    #[aws(query = "next")]
    next: Option<String>,
}

#[aws_json_shape]
#[derive(Debug)]
struct BlobOutput {
    #[aws(header = "Content-Type")]
    content_type: Option<String>,
    #[aws(payload)]
    body: Option<Blob>,
}

#[aws_json_operation(
    http = "POST /blobs/{Id}",
    signing_name = "things",
    endpoint_prefix = "things",
    output = BlobOutput
)]
struct PutBlob {
    #[aws(label)]
    id: String,
    #[aws(payload, media_type = "image/png")]
    body: Option<Blob>,
}

#[aws_json_shape]
#[derive(Debug)]
struct StreamOutput {
    #[aws(payload)]
    body: ByteStream,
}

#[aws_json_operation(
    http = "POST /streams",
    signing_name = "things",
    endpoint_prefix = "things",
    output = StreamOutput
)]
struct PutStream {
    #[aws(payload)]
    body: ByteStream,
}

fn put_thing() -> PutThing {
    PutThing {
        thing_name: "a b/ü".into(),
        key: "dir/file name.txt".into(),
        tags: Some(vec!["x".into(), "y&z".into()]),
        limit: Some(5),
        extra: Some(HashMap::from([
            ("limit".into(), "ignored".into()),
            ("other".into(), "1".into()),
        ])),
        invocation_type: Some("Event".into()),
        list: Some(vec!["a".into(), "b,c".into()]),
        since: Some(DateTime::from_secs(1_576_540_098)),
        meta: Some(HashMap::from([("Owner".into(), "me".into())])),
        description: Some("hello".into()),
        config: Some(Config { memory: Some(128) }),
    }
}

#[tokio::test]
async fn a_request_binds_each_member_where_it_says() {
    let server = Server::start(
        Vec::new(),
        Reply::json(201, r#"{"Name":"n"}"#)
            .with_header("X-Amz-Version", "7")
            .with_header("X-Tags", r#"a, "b,c", d"#)
            .with_header("Last-Modified", "Mon, 16 Dec 2019 23:48:18 GMT")
            .with_header("X-Meta-Color", "red")
            .into(),
    )
    .await
    .unwrap();
    let client = server.client_builder().build().unwrap();
    let out = put_thing().send(&client).await.unwrap();

    let requests = server.requests();
    let request = &requests[0];
    assert_eq!(request.method, "PUT");
    assert_eq!(
        request.path,
        "/things/a%20b%2F%C3%BC/parts/dir/file%20name.txt?mode=full&tag=x&tag=y%26z&limit=5&other=1"
    );
    assert_eq!(request.header("x-amz-invocation-type"), Some("Event"));
    assert_eq!(request.header("x-list"), Some(r#"a, "b,c""#));
    assert_eq!(
        request.header("x-since"),
        Some("Mon, 16 Dec 2019 23:48:18 GMT")
    );
    assert_eq!(request.header("x-meta-owner"), Some("me"));
    assert_eq!(request.header("content-type"), Some("application/json"));
    assert_eq!(request.header("x-amz-target"), None);
    assert_eq!(
        request.json(),
        serde_json::json!({"Description": "hello", "Config": {"Memory": 128}})
    );
    let authorization = request.header("authorization").unwrap();
    assert!(
        authorization.contains("/us-east-1/things/aws4_request"),
        "{authorization}"
    );

    assert_eq!(out.name.as_deref(), Some("n"));
    assert_eq!(out.version, Some(7));
    assert_eq!(
        out.tags,
        Some(vec!["a".to_owned(), "b,c".to_owned(), "d".to_owned()])
    );
    assert_eq!(out.modified, Some(DateTime::from_secs(1_576_540_098)));
    assert_eq!(
        out.meta,
        Some(HashMap::from([("color".to_owned(), "red".to_owned())]))
    );
    assert_eq!(out.status, 201);
}

#[tokio::test]
async fn no_body_members_no_body_and_no_content_type() {
    let server = Server::start(Vec::new(), Reply::json(200, "").into())
        .await
        .unwrap();
    let client = server.client_builder().build().unwrap();
    ListThings {
        next: Some("t/1".into()),
    }
    .send(&client)
    .await
    .unwrap();
    let request = &server.requests()[0];
    assert_eq!(request.method, "GET");
    assert_eq!(request.path, "/things?next=t%2F1");
    assert!(request.body.is_empty());
    assert_eq!(request.header("content-type"), None);
}

#[tokio::test]
async fn an_error_is_chosen_by_x_amzn_errortype_and_reads_its_headers() {
    let server = Server::start(
        Vec::new(),
        Reply::json(404, r#"{"message":"no such thing"}"#)
            .with_header(
                "X-Amzn-ErrorType",
                "ResourceNotFoundException:http://internal.amazon.com/coral/",
            )
            .with_header("X-Resource", "thing-1")
            .into(),
    )
    .await
    .unwrap();
    let client = server.client_builder().build().unwrap();
    let err = put_thing().send(&client).await.unwrap_err();
    let Error::Service(err) = err else {
        panic!("expected a service error, got {err:?}");
    };
    assert_eq!(err.meta().code, "ResourceNotFoundException");
    let PutThingError::ResourceNotFoundException(e) = err.err() else {
        panic!("expected ResourceNotFoundException, got {:?}", err.err());
    };
    assert_eq!(e.message.as_deref(), Some("no such thing"));
    assert_eq!(e.resource.as_deref(), Some("thing-1"));
}

#[tokio::test]
async fn a_blob_payload_is_the_body_with_its_media_type() {
    let server = Server::start(
        Vec::new(),
        Reply::raw(200, "image/jpeg", vec![0xff, 0xd8, 0x00]).into(),
    )
    .await
    .unwrap();
    let client = server.client_builder().build().unwrap();
    let out = PutBlob {
        id: "1".into(),
        body: Some(Blob::new(vec![0x89, b'P', b'N', b'G'])),
    }
    .send(&client)
    .await
    .unwrap();
    let request = &server.requests()[0];
    assert_eq!(request.body, [0x89, b'P', b'N', b'G']);
    assert_eq!(request.header("content-type"), Some("image/png"));
    assert_eq!(out.body, Some(Blob::new(vec![0xff, 0xd8, 0x00])));
    assert_eq!(out.content_type.as_deref(), Some("image/jpeg"));

    // Unset: no body, no content type.
    PutBlob {
        id: "2".into(),
        body: None,
    }
    .send(&client)
    .await
    .unwrap();
    let request = &server.requests()[1];
    assert!(request.body.is_empty());
    assert_eq!(request.header("content-type"), None);
}

#[tokio::test]
async fn a_streaming_payload_from_bytes_round_trips() {
    let server = Server::start(
        Vec::new(),
        Reply::raw(200, "application/octet-stream", b"streamed back".to_vec()).into(),
    )
    .await
    .unwrap();
    let client = server.client_builder().build().unwrap();
    let out = PutStream {
        body: ByteStream::from("to the server"),
    }
    .send(&client)
    .await
    .unwrap();
    let request = &server.requests()[0];
    assert_eq!(request.body, b"to the server");
    assert_eq!(
        request.header("content-type"),
        Some("application/octet-stream")
    );
    assert_eq!(out.body.collect().await.unwrap(), "streamed back");
}

#[tokio::test]
async fn build_request_shows_method_and_path() {
    let client = awsjson::Client::builder()
        .region("eu-west-1")
        .credentials(awsjson::Credentials::new("AKID", "SECRET", None))
        .build()
        .unwrap();
    let request = client
        .build_request(&ListThings { next: None })
        .await
        .unwrap();
    assert_eq!(request.method, "GET");
    assert_eq!(request.url, "https://things.eu-west-1.amazonaws.com/things");
    // A GET without a body says no length.
    assert_eq!(request.header("content-length"), None);
}

/// A response read as a stream is not buffered: `send` returns once the head is in,
/// and the first bytes can be read while the service still holds the rest.
#[tokio::test]
async fn a_streaming_response_is_read_as_it_arrives() {
    let reply = Reply::raw(200, "application/octet-stream", vec![b'x'; 4096]);
    let server = Server::start(
        vec![Action::Stall { reply, sent: 100 }],
        Reply::json(500, "").into(),
    )
    .await
    .unwrap();
    // A cap far below the body: a streamed body is the caller's to bound.
    let client = server
        .client_builder()
        .max_response_bytes(16)
        .build()
        .unwrap();
    let mut out = tokio::time::timeout(
        std::time::Duration::from_secs(5),
        PutStream {
            body: ByteStream::from("x"),
        }
        .send(&client),
    )
    .await
    .expect("send returned before the body was complete")
    .unwrap();
    let mut read = 0;
    while read < 100 {
        let chunk = out.body.next().await.unwrap().unwrap();
        read += chunk.len();
    }
    assert_eq!(read, 100);
    // The rest never comes: the next read waits.
    let next = tokio::time::timeout(std::time::Duration::from_millis(200), out.body.next()).await;
    assert!(next.is_err(), "the stalled body yielded {next:?}");
}

/// A streamed body that stops arriving while it is read fails after the client's stall
/// grace period; a reader that pauses is no stall.
#[tokio::test]
async fn a_stalled_streaming_response_fails_the_read() {
    let reply = Reply::raw(200, "application/octet-stream", vec![b'x'; 4096]);
    let server = Server::start(
        vec![Action::Stall { reply, sent: 10 }],
        Reply::json(500, "").into(),
    )
    .await
    .unwrap();
    let grace = std::time::Duration::from_millis(300);
    let client = server
        .client_builder()
        .stalled_stream_protection(
            awsjson::StalledStreamProtection::enabled().with_grace_period(grace),
        )
        .build()
        .unwrap();
    let mut out = PutStream {
        body: ByteStream::from("x"),
    }
    .send(&client)
    .await
    .unwrap();
    // The reader pauses longer than the grace period: the bytes sent are still there.
    tokio::time::sleep(grace * 2).await;
    assert_eq!(out.body.next().await.unwrap().unwrap(), "xxxxxxxxxx");
    let started = std::time::Instant::now();
    let err = tokio::time::timeout(std::time::Duration::from_secs(5), out.body.next())
        .await
        .expect("the stall was not caught")
        .unwrap()
        .unwrap_err();
    assert!(err.to_string().contains("stalled"), "{err}");
    assert!(started.elapsed() >= grace, "{:?}", started.elapsed());
}

struct Chunks(std::collections::VecDeque<&'static str>);

impl futures_core::Stream for Chunks {
    type Item = Result<bytes::Bytes, std::io::Error>;
    fn poll_next(
        mut self: std::pin::Pin<&mut Self>,
        _: &mut std::task::Context<'_>,
    ) -> std::task::Poll<Option<Self::Item>> {
        std::task::Poll::Ready(self.0.pop_front().map(|s| Ok(bytes::Bytes::from(s))))
    }
}

/// A request body from a stream goes chunked and unsigned, and is sent once: a call
/// whose first attempt fails is not sent again.
#[tokio::test]
async fn a_streaming_request_goes_once_unsigned() {
    let server = Server::start(
        Vec::new(),
        Reply::raw(200, "application/octet-stream", b"ok".to_vec()).into(),
    )
    .await
    .unwrap();
    let client = server.client_builder().build().unwrap();
    let op = PutStream {
        body: ByteStream::from_stream(Chunks(["one ", "two ", "three"].into())),
    };
    let out = op.send(&client).await.unwrap();
    assert_eq!(out.body.collect().await.unwrap(), "ok");
    let request = &server.requests()[0];
    assert_eq!(request.body, b"one two three");
    assert_eq!(request.header("transfer-encoding"), Some("chunked"));
    assert_eq!(request.header("content-length"), None);
    assert_eq!(
        request.header("x-amz-content-sha256"),
        Some("UNSIGNED-PAYLOAD")
    );
    assert!(
        request
            .header("authorization")
            .unwrap()
            .contains("x-amz-content-sha256"),
        "the payload hash header is signed"
    );
    // The stream was read by that call: sending the same input again says so.
    let err = op.send(&client).await.unwrap_err();
    assert!(err.to_string().contains("sent once"), "{err}");

    // A retryable failure is not retried: the stream is gone.
    let failing = Server::start(Vec::new(), Reply::json(503, "").into())
        .await
        .unwrap();
    let client = failing.client_builder().build().unwrap();
    let err = PutStream {
        body: ByteStream::from_stream(Chunks(["a"].into())),
    }
    .send(&client)
    .await
    .unwrap_err();
    assert!(
        err.to_string()
            .contains("streaming body was sent by an earlier attempt"),
        "{err}"
    );
    assert_eq!(failing.requests().len(), 1);
}

/// The typed mock answers awsJson calls by their target; a restJson1 call is an error
/// that says so.
#[tokio::test]
async fn the_mock_says_it_does_not_answer_rest_json() {
    let mock = awsjson::mock::Mock::new();
    let client = mock.client().unwrap();
    let err = ListThings { next: None }.send(&client).await.unwrap_err();
    assert!(
        matches!(&err, Error::Config(e) if e.to_string().contains("is a restJson1 call, which it does not answer")),
        "{err}"
    );
}

#[aws_json_shape]
#[derive(Debug)]
struct ConfigOutput {
    #[aws(payload)]
    config: Option<Config>,
}

#[aws_json_operation(
    http = "GET /configs/{Id}",
    signing_name = "things",
    endpoint_prefix = "things",
    output = ConfigOutput
)]
struct GetConfig {
    #[aws(label)]
    id: String,
}

/// A payload member of the user's own serde type: read through serde.
#[aws_json_shape]
#[derive(Debug)]
struct RawOutput {
    #[aws(payload)]
    raw: Option<serde_json::Value>,
}

#[aws_json_operation(
    http = "GET /raw/{Id}",
    signing_name = "things",
    endpoint_prefix = "things",
    output = RawOutput
)]
struct GetRaw {
    #[aws(label)]
    id: String,
}

#[tokio::test]
async fn a_json_payload_member_reads_as_its_type_reads() {
    let replies = [
        r#"{"Memory":256,"Other":[1,{"x":null}]}"#,
        "",
        r#"{"Memory":"lots"}"#,
        r#"{"Memory":1} trailing"#,
    ];
    let server = Server::start(
        replies
            .iter()
            .map(|body| Reply::raw(200, "application/json", body.as_bytes().to_vec()).into())
            .collect::<Vec<Action>>(),
        Reply::raw(500, "application/json", &b"{}"[..]).into(),
    )
    .await
    .unwrap();
    let client = server.client_builder().build().unwrap();
    let get = || async { GetConfig { id: "c".into() }.send(&client).await };
    let out = get().await.unwrap();
    assert_eq!(out.config.and_then(|c| c.memory), Some(256));
    // An empty body leaves the payload unset.
    assert!(get().await.unwrap().config.is_none());
    // Not the payload's type, or more than one value: a decode error.
    for _ in 2..4 {
        let got = get().await;
        assert!(matches!(got, Err(Error::Decode(_))), "{got:?}");
    }

    let server = Server::start(
        Vec::new(),
        Reply::raw(200, "application/json", br#"{"any":["json",1.5]}"#.to_vec()).into(),
    )
    .await
    .unwrap();
    let client = server.client_builder().build().unwrap();
    let out = GetRaw { id: "r".into() }.send(&client).await.unwrap();
    assert_eq!(out.raw, Some(serde_json::json!({"any": ["json", 1.5]})));
}
