//! A restJson1 output event stream through the whole call path, in the default build
//! (HTTP/1.1, no `http2` feature): Bedrock Runtime's `ConverseStream`, declared from
//! the catalog (`awsjson_examples::bedrock_converse`), sent with `send` to the test
//! event-stream server (`awsjson_tests::event_server`), which verifies each request's
//! SigV4 signature and frames the answer as the specification says.
//!
//! moto 5.2 implements no streaming operation (its Bedrock Runtime has `InvokeModel`
//! only, its Lambda no `InvokeWithResponseStream`, its Kinesis no `SubscribeToShard`),
//! so these run against the test server, with nothing else running.
//!
//! What is checked: tokens read one by one as the server sends them (the reader has the
//! first before the server sends the next), an exception mid-stream, a corrupt and a
//! truncated frame, the timeout between events, the connection closed when the stream
//! is dropped, an error answer before the stream (typed), retries before the stream
//! (throttling, 5xx), the interceptors and `customize()`, and the operation timeout
//! bounding the initial response only.

use std::sync::Arc;
use std::sync::atomic::{AtomicU32, Ordering};
use std::time::{Duration, Instant};

use awsjson::event_stream::Message as Frame;
use awsjson::{AttemptContext, AttemptOutcome, Client, Credentials, Customize, Error, Interceptor};
use awsjson_examples::bedrock_converse::*;
use awsjson_tests::event_server::{EventServer, Step};

const WAIT: Duration = Duration::from_secs(10);
const MODEL: &str = "anthropic.claude-3-haiku-20240307-v1:0";

fn credentials() -> Credentials {
    Credentials::new("AKIDCONVERSE", "converse-secret", None)
}

fn client(server: &EventServer) -> Client {
    Client::builder()
        .region("us-east-1")
        .credentials(credentials())
        .endpoint_url(server.url())
        .initial_backoff(Duration::from_millis(1))
        .max_backoff(Duration::from_millis(5))
        .build()
        .unwrap()
}

fn converse() -> ConverseStream {
    ConverseStream {
        model_id: MODEL.to_owned(),
        messages: Some(vec![Message {
            role: ConversationRole::User,
            content: vec![ContentBlock::Text("Say hello".to_owned())],
        }]),
        ..ConverseStream::default()
    }
}

/// An event as Bedrock frames it: the union member's name, its JSON payload.
fn event(event_type: &str, payload: &str) -> Vec<u8> {
    Frame::new(payload.to_owned())
        .with_header(":message-type", "event")
        .with_header(":event-type", event_type)
        .with_header(":content-type", "application/json")
        .encode()
        .unwrap()
}

fn start() -> Vec<u8> {
    event("messageStart", r#"{"role":"assistant"}"#)
}

fn delta(text: &str) -> Vec<u8> {
    event(
        "contentBlockDelta",
        &format!(r#"{{"contentBlockIndex":0,"delta":{{"text":"{text}"}}}}"#),
    )
}

fn stop() -> Vec<u8> {
    event("messageStop", r#"{"stopReason":"end_turn"}"#)
}

type Item = Option<Result<ConverseStreamOutput, Error<ConverseStreamError>>>;

async fn next(output: &mut ConverseStreamResponse) -> Item {
    tokio::time::timeout(WAIT, output.stream.next())
        .await
        .expect("the next event within the test's bound")
}

async fn send(client: &Client) -> Result<ConverseStreamResponse, Error<ConverseStreamError>> {
    tokio::time::timeout(WAIT, converse().send(client))
        .await
        .expect("the call returns within the test's bound")
}

fn text(item: Item) -> String {
    match item {
        Some(Ok(ConverseStreamOutput::ContentBlockDelta(d))) => match d.delta {
            ContentBlockDelta::Text(text) => text,
            other => panic!("{other:?}"),
        },
        other => panic!("expected a text delta, got {other:?}"),
    }
}

/// The bytes the server wrote for these events, HTTP chunk framing included.
fn chunked(events: &[&[u8]]) -> usize {
    events
        .iter()
        .map(|e| format!("{:x}\r\n", e.len()).len() + e.len() + 2)
        .sum()
}

#[tokio::test]
async fn tokens_arrive_one_by_one_as_the_server_sends_them() {
    let (first, second, third) = (delta("Hel"), delta("lo"), delta("!"));
    let steps = vec![
        Step::Chunk(start()),
        Step::Chunk(first.clone()),
        Step::Wait,
        Step::Chunk(second.clone()),
        Step::Wait,
        Step::Chunk(third),
        Step::Chunk(stop()),
    ];
    let server = EventServer::start(credentials(), steps).await.unwrap();
    let mut output = send(&client(&server)).await.unwrap();
    assert_eq!(output.stream.request_id(), Some("event-server-1"));
    assert!(matches!(
        next(&mut output).await,
        Some(Ok(ConverseStreamOutput::MessageStart(m))) if m.role == ConversationRole::Assistant
    ));
    assert_eq!(text(next(&mut output).await), "Hel");
    // The server is held before the second token: the reader has the first already.
    assert_eq!(server.written(), chunked(&[&start(), &first]));
    server.release();
    assert_eq!(text(next(&mut output).await), "lo");
    assert_eq!(server.written(), chunked(&[&start(), &first, &second]));
    server.release();
    assert_eq!(text(next(&mut output).await), "!");
    assert!(matches!(
        next(&mut output).await,
        Some(Ok(ConverseStreamOutput::MessageStop(_)))
    ));
    assert!(next(&mut output).await.is_none());

    let requests = server.requests();
    assert_eq!(requests.len(), 1);
    assert_eq!(requests[0].rejected, None, "the signature verified");
    let request = &requests[0].request;
    assert_eq!(request.method, "POST");
    assert_eq!(
        request.path,
        "/model/anthropic.claude-3-haiku-20240307-v1%3A0/converse-stream"
    );
    let body: serde_json::Value = serde_json::from_slice(&request.body).unwrap();
    assert_eq!(
        body,
        serde_json::json!({"messages":[{"role":"user","content":[{"text":"Say hello"}]}]})
    );
}

#[tokio::test]
async fn an_exception_mid_stream_is_an_error_and_ends_the_stream() {
    let exception = Frame::new(r#"{"message":"slow down"}"#)
        .with_header(":message-type", "exception")
        .with_header(":exception-type", "throttlingException")
        .with_header(":content-type", "application/json")
        .encode()
        .unwrap();
    let steps = vec![
        Step::Chunk(delta("a")),
        Step::Chunk(exception),
        Step::Chunk(delta("b")),
    ];
    let server = EventServer::start(credentials(), steps).await.unwrap();
    let mut output = send(&client(&server)).await.unwrap();
    assert_eq!(text(next(&mut output).await), "a");
    match next(&mut output).await {
        Some(Err(Error::Service(e))) => {
            assert_eq!(e.code(), "throttlingException");
            assert_eq!(e.message(), Some("slow down"));
            assert_eq!(e.request_id(), Some("event-server-1"));
        }
        other => panic!("{other:?}"),
    }
    assert!(next(&mut output).await.is_none(), "nothing after the error");
}

#[tokio::test]
async fn a_corrupt_frame_is_a_decode_error() {
    let mut corrupt = delta("b");
    let at = corrupt.len() - 6;
    corrupt[at] ^= 0x20;
    let steps = vec![Step::Chunk(delta("a")), Step::Chunk(corrupt)];
    let server = EventServer::start(credentials(), steps).await.unwrap();
    let mut output = send(&client(&server)).await.unwrap();
    assert_eq!(text(next(&mut output).await), "a");
    match next(&mut output).await {
        Some(Err(Error::Decode(e))) => assert!(e.to_string().contains("checksum mismatch"), "{e}"),
        other => panic!("{other:?}"),
    }
    assert!(next(&mut output).await.is_none());
}

#[tokio::test]
async fn a_truncated_stream_is_an_error_not_an_end() {
    let whole = delta("b");
    let steps = vec![
        Step::Chunk(delta("a")),
        Step::Chunk(whole[..whole.len() / 2].to_vec()),
    ];
    let server = EventServer::start(credentials(), steps).await.unwrap();
    let mut output = send(&client(&server)).await.unwrap();
    assert_eq!(text(next(&mut output).await), "a");
    match next(&mut output).await {
        Some(Err(Error::Decode(e))) => {
            assert!(
                e.to_string().contains("truncated") || e.to_string().contains("ended"),
                "{e}"
            )
        }
        other => panic!("{other:?}"),
    }
    assert!(next(&mut output).await.is_none());
}

#[tokio::test]
async fn the_event_timeout_bounds_the_wait_between_events() {
    let steps = vec![
        Step::Chunk(delta("a")),
        Step::Pause(Duration::from_millis(150)),
        Step::Chunk(delta("b")),
        Step::Hold,
    ];
    let server = EventServer::start(credentials(), steps).await.unwrap();
    let mut output = send(&client(&server)).await.unwrap();
    output.stream =
        std::mem::take(&mut output.stream).with_event_timeout(Duration::from_millis(400));
    assert_eq!(text(next(&mut output).await), "a");
    // A pause shorter than the timeout is no failure.
    assert_eq!(text(next(&mut output).await), "b");
    let started = Instant::now();
    match next(&mut output).await {
        Some(Err(Error::Transport(e))) => {
            assert!(e.is_timeout(), "{e}");
            assert!(e.to_string().contains("event timeout"), "{e}");
        }
        other => panic!("{other:?}"),
    }
    let waited = started.elapsed();
    assert!(
        waited >= Duration::from_millis(350) && waited < Duration::from_secs(5),
        "{waited:?}"
    );
    assert!(next(&mut output).await.is_none());
}

#[tokio::test]
async fn dropping_the_stream_closes_the_connection() {
    let steps = vec![Step::Chunk(delta("a")), Step::Hold];
    let server = EventServer::start(credentials(), steps).await.unwrap();
    let mut output = send(&client(&server)).await.unwrap();
    assert_eq!(text(next(&mut output).await), "a");
    assert!(!server.hung_up());
    drop(output);
    let deadline = Instant::now() + WAIT;
    while !server.hung_up() {
        assert!(Instant::now() < deadline, "the connection stayed open");
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
}

#[tokio::test]
async fn an_error_answer_before_the_stream_is_the_typed_error() {
    let server = EventServer::start(credentials(), vec![Step::Chunk(delta("a"))])
        .await
        .unwrap();
    server.fail_next(400, "ValidationException");
    match send(&client(&server)).await {
        Err(Error::Service(e)) => {
            assert!(
                matches!(e.err(), ConverseStreamError::ValidationException(v) if v.message.as_deref() == Some("failed on purpose")),
                "{:?}",
                e.err()
            );
            assert_eq!((e.status(), e.attempts()), (400, 1));
            assert_eq!(e.request_id(), Some("event-server-failed"));
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(server.answered(), 1, "a 400 is not retried");
}

#[tokio::test]
async fn a_wrong_signature_is_refused_before_the_stream() {
    let server = EventServer::start(credentials(), vec![Step::Chunk(delta("a"))])
        .await
        .unwrap();
    let client = Client::builder()
        .region("us-east-1")
        .credentials(Credentials::new("AKIDCONVERSE", "not-the-secret", None))
        .endpoint_url(server.url())
        .build()
        .unwrap();
    match send(&client).await {
        Err(Error::Service(e)) => {
            assert_eq!((e.code(), e.status()), ("InvalidSignatureException", 403));
            assert!(matches!(e.err(), ConverseStreamError::Unmodeled(_)));
        }
        other => panic!("{other:?}"),
    }
    assert!(server.requests()[0].rejected.is_some());
}

#[tokio::test]
async fn throttling_and_server_errors_before_the_stream_are_retried() {
    let server = EventServer::start(credentials(), vec![Step::Chunk(delta("a"))])
        .await
        .unwrap();
    server.fail_next(429, "ThrottlingException");
    server.fail_next(503, "ServiceUnavailableException");
    let mut output = send(&client(&server)).await.unwrap();
    assert_eq!(text(next(&mut output).await), "a");
    assert!(next(&mut output).await.is_none());
    assert_eq!(server.answered(), 3);
    let requests = server.requests();
    assert!(requests.iter().all(|r| r.rejected.is_none()));
    let attempt = |n: usize| {
        requests[n]
            .request
            .headers
            .iter()
            .find(|(name, _)| name == "amz-sdk-request")
            .map(|(_, value)| value.clone())
    };
    assert_eq!(attempt(2).as_deref(), Some("attempt=3; max=3"));
}

#[tokio::test]
async fn the_last_attempts_error_is_the_calls_error() {
    let server = EventServer::start(credentials(), vec![Step::Chunk(delta("a"))])
        .await
        .unwrap();
    for _ in 0..3 {
        server.fail_next(500, "InternalServerException");
    }
    match send(&client(&server)).await {
        Err(Error::Service(e)) => {
            assert!(matches!(
                e.err(),
                ConverseStreamError::InternalServerException(_)
            ));
            assert_eq!(e.attempts(), 3);
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(server.answered(), 3);
}

#[derive(Debug, Default)]
struct Count(Arc<AtomicU32>);

impl Interceptor for Count {
    fn read_after_attempt(&self, _: &AttemptContext<'_>, _: AttemptOutcome<'_>) {
        self.0.fetch_add(1, Ordering::SeqCst);
    }
}

#[tokio::test]
async fn a_customized_call_streams_with_its_settings_and_interceptors() {
    let server = EventServer::start(credentials(), vec![Step::Chunk(delta("a"))])
        .await
        .unwrap();
    server.fail_next(503, "ServiceUnavailableException");
    let attempts = Arc::new(AtomicU32::new(0));
    let (call, client) = (converse(), client(&server));
    let sent = call
        .customize()
        .header("x-call-header", "streamed")
        .max_attempts(2)
        .interceptor(Count(Arc::clone(&attempts)))
        .send(&client);
    let mut output = tokio::time::timeout(WAIT, sent).await.unwrap().unwrap();
    assert_eq!(text(next(&mut output).await), "a");
    assert_eq!(attempts.load(Ordering::SeqCst), 2);
    let requests = server.requests();
    assert_eq!(requests.len(), 2);
    for received in &requests {
        assert_eq!(received.rejected, None);
        assert!(
            received
                .request
                .headers
                .iter()
                .any(|(n, v)| n == "x-call-header" && v == "streamed")
        );
    }
}

#[tokio::test]
async fn the_operation_timeout_ends_at_the_initial_response() {
    let steps = vec![
        Step::Chunk(delta("a")),
        Step::Pause(Duration::from_millis(700)),
        Step::Chunk(delta("b")),
    ];
    let server = EventServer::start(credentials(), steps).await.unwrap();
    let (call, client) = (converse(), client(&server));
    let sent = call
        .customize()
        .operation_timeout(Duration::from_millis(300))
        .send(&client);
    let mut output = tokio::time::timeout(WAIT, sent).await.unwrap().unwrap();
    assert_eq!(text(next(&mut output).await), "a");
    // Past the operation timeout: the stream goes on.
    assert_eq!(text(next(&mut output).await), "b");
    assert!(next(&mut output).await.is_none());
}

/// Lambda's `InvokeWithResponseStream`: members bound to the response's status and
/// headers decode beside the stream.
mod lambda {
    use super::*;
    use awsjson::{aws_json_operation, aws_json_shape};

    #[aws_json_operation(
        operation = "lambda#InvokeWithResponseStream",
        output = InvokeWithResponseStreamResponse,
        errors(ResourceNotFoundException, TooManyRequestsException)
    )]
    #[derive(Debug, Clone, Default)]
    struct InvokeWithResponseStream {
        function_name: String,
        qualifier: Option<String>,
        payload: Option<awsjson::Blob>,
    }

    #[aws_json_shape(shape = "lambda#InvokeWithResponseStreamResponse")]
    #[derive(Debug, Default)]
    struct InvokeWithResponseStreamResponse {
        status_code: Option<i32>,
        executed_version: Option<String>,
        event_stream: awsjson::EventStream<
            InvokeWithResponseStreamResponseEvent,
            InvokeWithResponseStreamError,
        >,
        response_stream_content_type: Option<String>,
    }

    #[aws_json_shape(shape = "lambda#ResourceNotFoundException")]
    #[derive(Debug, Clone, Default)]
    struct ResourceNotFoundException {
        r#type: Option<String>,
        message: Option<String>,
    }

    #[aws_json_shape(shape = "lambda#TooManyRequestsException")]
    #[derive(Debug, Clone, Default)]
    struct TooManyRequestsException {
        retry_after_seconds: Option<String>,
        r#type: Option<String>,
        message: Option<String>,
    }

    #[aws_json_shape(shape = "lambda#InvokeWithResponseStreamResponseEvent")]
    #[derive(Debug, Clone)]
    enum InvokeWithResponseStreamResponseEvent {
        InvokeComplete(InvokeWithResponseStreamCompleteEvent),
    }

    #[aws_json_shape(shape = "lambda#InvokeWithResponseStreamCompleteEvent")]
    #[derive(Debug, Clone, Default)]
    struct InvokeWithResponseStreamCompleteEvent {
        error_code: Option<String>,
        error_details: Option<String>,
        log_result: Option<String>,
    }

    #[tokio::test]
    async fn the_status_and_headers_decode_beside_the_stream() {
        let complete = event("InvokeComplete", r#"{"LogResult":"bG9n"}"#);
        let server = EventServer::start(credentials(), vec![Step::Chunk(complete)])
            .await
            .unwrap();
        let call = InvokeWithResponseStream {
            function_name: "streamer".into(),
            qualifier: Some("live".into()),
            payload: Some(awsjson::Blob::new(b"{}".to_vec())),
        };
        let client = client(&server);
        let mut output = tokio::time::timeout(WAIT, call.send(&client))
            .await
            .unwrap()
            .unwrap();
        assert_eq!(output.status_code, Some(200));
        assert_eq!(
            output.response_stream_content_type.as_deref(),
            Some("application/vnd.amazon.eventstream")
        );
        let event = tokio::time::timeout(WAIT, output.event_stream.next())
            .await
            .unwrap();
        assert!(
            matches!(&event, Some(Ok(InvokeWithResponseStreamResponseEvent::InvokeComplete(c)))
                if c.log_result.as_deref() == Some("bG9n")),
            "{event:?}"
        );
        assert!(output.event_stream.next().await.is_none());
        let received = &server.requests()[0];
        assert_eq!(received.rejected, None);
        assert_eq!(
            received.request.path,
            "/2021-11-15/functions/streamer/response-streaming-invocations?Qualifier=live"
        );
    }

    #[tokio::test]
    async fn a_throttled_invocation_is_retried_then_typed() {
        let server = EventServer::start(credentials(), vec![]).await.unwrap();
        for _ in 0..3 {
            server.fail_next(429, "TooManyRequestsException");
        }
        let call = InvokeWithResponseStream {
            function_name: "streamer".into(),
            ..InvokeWithResponseStream::default()
        };
        let client = client(&server);
        match tokio::time::timeout(WAIT, call.send(&client))
            .await
            .unwrap()
        {
            Err(Error::Service(e)) => {
                assert!(matches!(
                    e.err(),
                    InvokeWithResponseStreamError::TooManyRequestsException(_)
                ));
                assert_eq!((e.status(), e.attempts()), (429, 3));
            }
            other => panic!("{other:?}"),
        }
    }
}
