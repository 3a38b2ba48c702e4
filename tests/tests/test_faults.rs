//! Scripted faults on loopback: for each, what the client did (attempts, bytes, token)
//! and what the caller got.

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use awsjson::{Client, Error, TransportErrorKind};
use awsjson_examples::partner_central::*;
use awsjson_tests::fixture::job;
use awsjson_tests::server::{Action, Received, Reply, Server, client_builder};
use awsjson_tests::timestamp;

const OK: &str = r#"{"Id":"job-0123456789abc","Arn":"arn:aws:x"}"#;

fn ok() -> Action {
    Action::Respond(Reply::json(200, OK))
}

/// A regression that makes a call hang fails the test within this bound.
const BOUND: Duration = Duration::from_secs(10);

/// Sends `job()`, failing the test if the call does not end within [`BOUND`].
async fn bounded_send(
    client: &Client,
) -> Result<CreateResourceSnapshotJobResponse, Error<CreateResourceSnapshotJobError>> {
    tokio::time::timeout(BOUND, job().send(client))
        .await
        .expect("the call did not end within 10 s")
}

async fn scripted(script: Vec<Action>, fallback: Action) -> (Server, Client) {
    let server = Server::start(script, fallback).await.unwrap();
    let client = server.client_builder().build().unwrap();
    (server, client)
}

/// Every attempt of one call: the same body bytes (so the same token), the same
/// invocation id, `amz-sdk-request` counting up, each signed.
fn assert_one_call(requests: &[Received], max: u32) {
    let first = &requests[0];
    let token = first.json()["ClientToken"].as_str().unwrap().to_owned();
    assert_eq!(token.len(), 36, "{token}");
    let invocation = first.header("amz-sdk-invocation-id").unwrap();
    for (i, request) in requests.iter().enumerate() {
        assert_eq!(request.body, first.body, "attempt {} body", i + 1);
        assert_eq!(request.json()["ClientToken"], token.as_str());
        assert_eq!(request.header("amz-sdk-invocation-id"), Some(invocation));
        assert_eq!(
            request.header("amz-sdk-request"),
            Some(format!("attempt={}; max={max}", i + 1).as_str())
        );
        assert!(request.header("authorization").is_some());
        assert!(request.header("x-amz-date").is_some());
    }
}

async fn succeeds_on_second_attempt(first: Action) {
    let (server, client) = scripted(vec![first.clone(), ok()], ok()).await;
    let out = job()
        .send(&client)
        .await
        .unwrap_or_else(|e| panic!("{first:?}: {e}"));
    assert_eq!(out.id.as_deref(), Some("job-0123456789abc"));
    let requests = server.requests();
    assert_eq!(requests.len(), 2, "{first:?}");
    assert_one_call(&requests, 3);
}

#[tokio::test]
async fn connection_reset_before_any_response_is_retried() {
    succeeds_on_second_attempt(Action::Reset).await;
}

#[tokio::test]
async fn connection_reset_mid_body_is_retried() {
    // Of an error response: a 2xx whose body breaks is not retried (test_wire.rs).
    succeeds_on_second_attempt(Action::ResetMidBody {
        reply: Reply::error(503, "ServiceUnavailable", "busy"),
        sent: 10,
    })
    .await;
}

#[tokio::test]
async fn server_errors_then_success_are_retried() {
    for status in [500, 502, 503, 504] {
        succeeds_on_second_attempt(Action::Respond(Reply::error(
            status,
            "InternalServerException",
            "try again",
        )))
        .await;
    }
}

#[tokio::test]
async fn throttling_then_success_is_retried() {
    for code in [
        "ThrottlingException",
        "TooManyRequestsException",
        "ProvisionedThroughputExceededException",
        "RequestLimitExceeded",
        "RequestTimeoutException",
    ] {
        succeeds_on_second_attempt(Action::Respond(Reply::error(400, code, "slow down"))).await;
    }
}

#[tokio::test]
async fn persistent_429_stops_after_max_attempts_with_the_service_error() {
    let (server, client) = scripted(
        vec![],
        Action::Respond(Reply::json(
            429,
            r#"{"__type":"TooManyRequests","message":"enhance your calm"}"#,
        )),
    )
    .await;
    let err = job().send(&client).await.unwrap_err();
    let requests = server.requests();
    assert_eq!(requests.len(), 3);
    assert_one_call(&requests, 3);
    let Error::Service(service) = &err else {
        panic!("{err:?}")
    };
    assert!(matches!(
        service.err(),
        CreateResourceSnapshotJobError::Unmodeled(_)
    ));
    assert_eq!((service.code(), service.status()), ("TooManyRequests", 429));
    assert!(err.to_string().contains("enhance your calm"), "{err}");
}

#[tokio::test]
async fn validation_exception_is_not_retried() {
    let body = r#"{"__type":"ValidationException","Message":"bad catalog","Reason":"REQUEST_VALIDATION_FAILED"}"#;
    let (server, client) = scripted(vec![], Action::Respond(Reply::json(400, body))).await;
    let err = job().send(&client).await.unwrap_err();
    assert_eq!(server.count(), 1);
    let Some(CreateResourceSnapshotJobError::ValidationException(v)) =
        err.service_error().map(|e| e.err())
    else {
        panic!("{err:?}")
    };
    assert_eq!(v.message, "bad catalog");
    for code in [
        "AccessDeniedException",
        "ResourceNotFoundException",
        "ConflictException",
    ] {
        let (server, client) =
            scripted(vec![], Action::Respond(Reply::error(400, code, "no"))).await;
        let err = job().send(&client).await.unwrap_err();
        assert_eq!(err.code(), Some(code));
        assert_eq!(server.count(), 1, "{code} must not be retried");
    }
}

#[tokio::test]
async fn headers_that_never_arrive_hit_the_attempt_timeout_each_attempt() {
    let server = Server::start(vec![], Action::Hang).await.unwrap();
    // 500 ms: each attempt's request must be read whole by the server (which logs it
    // only then) before its timeout, also on a loaded machine.
    let client = server
        .client_builder()
        .attempt_timeout(Duration::from_millis(500))
        .build()
        .unwrap();
    let err = bounded_send(&client).await.unwrap_err();
    let requests = server.requests();
    assert_eq!(requests.len(), 3);
    assert_one_call(&requests, 3);
    let Error::Transport(transport) = &err else {
        panic!("{err:?}")
    };
    assert_eq!(transport.kind(), TransportErrorKind::Timeout);
    assert!(transport.is_timeout());
    let text = err.to_string();
    assert!(
        text.contains("timed out")
            && text.contains("attempt timeout of 500ms")
            && text.contains("attempt 3 of 3, attempts exhausted"),
        "{text}"
    );
    // A timeout retry costs 10 tokens.
    assert_eq!(client.retry_tokens(), 500 - 2 * 10);
}

#[tokio::test]
async fn a_hang_then_success_recovers_within_the_attempt_timeout() {
    let server = Server::start(vec![Action::Hang, ok()], ok()).await.unwrap();
    // 1 s: the hung first attempt still times out, and the second (a new connection,
    // signing, the whole response) has room on a loaded machine.
    let client = server
        .client_builder()
        .attempt_timeout(Duration::from_secs(1))
        .build()
        .unwrap();
    bounded_send(&client).await.unwrap();
    assert_eq!(server.count(), 2);
    assert_one_call(&server.requests(), 3);
    assert_eq!(
        client.retry_tokens(),
        500,
        "the retry's 10 tokens came back"
    );
}

#[tokio::test]
async fn a_body_trickling_past_the_operation_timeout_fails_once_with_a_timeout() {
    let server = Server::start(
        vec![],
        Action::Trickle {
            reply: Reply::json(200, format!("{{\"Id\":\"{}\"}}", "x".repeat(100))),
            chunk: 2,
            every: Duration::from_millis(20),
        },
    )
    .await
    .unwrap();
    let client = server
        .client_builder()
        .operation_timeout(Duration::from_millis(300))
        .build()
        .unwrap();
    let started = std::time::Instant::now();
    let err = bounded_send(&client).await.unwrap_err();
    let elapsed = started.elapsed();
    assert!(
        elapsed >= Duration::from_millis(300) && elapsed < Duration::from_secs(2),
        "{elapsed:?}"
    );
    assert_eq!(server.count(), 1);
    let Error::Transport(transport) = &err else {
        panic!("{err:?}")
    };
    assert_eq!(transport.kind(), TransportErrorKind::Timeout);
    let text = err.to_string();
    assert!(
        text.contains("operation timeout of 300ms elapsed during attempt 1 of 3"),
        "{text}"
    );
}

#[tokio::test]
async fn a_content_length_longer_than_the_body_is_a_broken_connection() {
    // Of an error response: a 2xx whose body is cut short is not retried (test_wire.rs).
    let error = Reply::error(500, "InternalServerException", "oops");
    let short = Action::ShortBody {
        declared: error.body.len() + 50,
        reply: error,
    };
    succeeds_on_second_attempt(short.clone()).await;

    let (server, client) = scripted(vec![], short).await;
    let err = job().send(&client).await.unwrap_err();
    assert_eq!(server.count(), 3);
    let Error::Transport(transport) = &err else {
        panic!("{err:?}")
    };
    assert_eq!(transport.kind(), TransportErrorKind::Io);
    let text = err.to_string();
    assert!(
        text.contains("reading the response body") && text.contains("attempt 3 of 3"),
        "{text}"
    );
}

#[tokio::test]
async fn an_html_502_page_is_retried_then_reported_as_undecodable() {
    let page = "<html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>";
    let (server, client) =
        scripted(vec![], Action::Respond(Reply::raw(502, "text/html", page))).await;
    let err = job().send(&client).await.unwrap_err();
    assert_eq!(server.count(), 3);
    assert_one_call(&server.requests(), 3);
    let Error::Decode(decode) = &err else {
        panic!("{err:?}")
    };
    assert_eq!(decode.status(), 502);
    let text = err.to_string();
    assert!(
        text.contains("502") && text.contains("text/html") && text.contains("Bad Gateway"),
        "{text}"
    );
}

#[tokio::test]
async fn a_body_over_the_size_cap_is_an_error_not_an_allocation() {
    let big = vec![b' '; 10 * 1024 * 1024];
    for action in [
        Action::Respond(Reply::json(200, big.clone())),
        Action::CloseDelimited(Reply::json(200, big.clone())),
    ] {
        let server = Server::start(vec![], action).await.unwrap();
        let client = server
            .client_builder()
            .max_response_bytes(1024 * 1024)
            .build()
            .unwrap();
        let err = job().send(&client).await.unwrap_err();
        assert_eq!(server.count(), 1, "a too-large answer is not retried");
        let Error::Transport(transport) = &err else {
            panic!("{err:?}")
        };
        assert_eq!(transport.kind(), TransportErrorKind::TooLarge);
        let text = err.to_string();
        assert!(
            text.contains("larger than the 1048576-byte limit")
                && text.contains("max_response_bytes"),
            "{text}"
        );
    }
}

#[tokio::test]
async fn invalid_utf8_is_a_decode_error() {
    let mut body = br#"{"Id":""#.to_vec();
    body.extend_from_slice(&[0xff, 0xfe, 0x80]);
    body.extend_from_slice(br#""}"#);
    let (server, client) = scripted(vec![], Action::Respond(Reply::json(200, body.clone()))).await;
    let err = job().send(&client).await.unwrap_err();
    assert_eq!(server.count(), 1);
    assert!(matches!(err, Error::Decode(_)), "{err:?}");
    assert!(err.to_string().contains("output shape"), "{err}");

    // The same bytes in a modeled error's member, and in an error with no code header.
    let mut message = br#"{"message":""#.to_vec();
    message.extend_from_slice(&[0xff, 0xfe, 0x80]);
    message.extend_from_slice(br#""}"#);
    let error = Reply::json(400, message).with_header("x-amzn-errortype", "ValidationException");
    let (_server, client) = scripted(vec![], Action::Respond(error)).await;
    let err = job().send(&client).await.unwrap_err();
    assert!(
        matches!(&err, Error::Decode(_)) && err.to_string().contains("ValidationException"),
        "{err}"
    );
    let (_server, client) = scripted(vec![], Action::Respond(Reply::json(400, body))).await;
    let err = job().send(&client).await.unwrap_err();
    assert!(err.to_string().contains("not JSON"), "{err}");
}

fn nested(depth: usize, open: &str, close: &str) -> Vec<u8> {
    let mut body = open.repeat(depth).into_bytes();
    body.push(b'1');
    body.extend_from_slice(close.repeat(depth).as_bytes());
    body
}

/// A recursive output, so that deep JSON reaches a decoder that recurses.
// Not a Partner Central operation: the metadata keys declare it outside the catalog.
#[awsjson::aws_json_operation(
    target = "AWSPartnerCentralSelling.GetTree",
    json_version = "1.0",
    signing_name = "partnercentral-selling",
    endpoint_prefix = "partnercentral-selling",
    output = Tree
)]
struct GetTree {}

#[awsjson::aws_json_shape]
#[derive(Debug)]
struct Tree {
    children: Option<Vec<Tree>>,
    pick: Option<Pick>,
    doc: Option<awsjson::Document>,
}

/// A recursive union.
#[awsjson::aws_json_shape]
#[derive(Debug)]
enum Pick {
    Nodes(Vec<Tree>),
}

fn wrapped(prefix: &str, inner: &[u8], suffix: &str) -> Vec<u8> {
    let mut body = prefix.as_bytes().to_vec();
    body.extend_from_slice(inner);
    body.extend_from_slice(suffix.as_bytes());
    body
}

#[tokio::test]
async fn json_nested_100000_deep_does_not_overflow_the_stack() {
    const DEPTH: usize = 100_000;
    let arrays = nested(DEPTH, "[", "]");
    let objects = nested(DEPTH, r#"{"a":"#, "}");
    let tree = nested(DEPTH, r#"{"Children":["#, "]}");
    let respond = |reply: Reply| Action::Respond(reply);

    // Output paths: a recursive shape stops at serde_json's recursion limit; an
    // unknown member is skipped without recursing; a wrong type fails at once.
    let union = nested(DEPTH, r#"{"Pick":{"Nodes":["#, "]}}");
    let document = wrapped(r#"{"Doc":"#, &arrays, "}");
    let document_objects = wrapped(r#"{"Doc":"#, &objects, "}");
    for body in [&tree, &union, &document, &document_objects] {
        let (_s, client) = scripted(vec![], respond(Reply::json(200, body.clone()))).await;
        let err = GetTree {}.send(&client).await.unwrap_err();
        let chain = awsjson::ErrorChain(&err).to_string();
        assert!(chain.contains("recursion limit exceeded"), "{chain}");
    }
    let (_s, client) = scripted(vec![], respond(Reply::json(200, arrays.clone()))).await;
    let err = GetTree {}.send(&client).await.unwrap_err();
    assert!(matches!(err, Error::Decode(_)), "{err}");
    let (_s, client) = scripted(vec![], respond(Reply::json(200, objects.clone()))).await;
    let out = GetTree {}.send(&client).await.unwrap();
    assert!(out.children.is_none());
    let (_s, client) = scripted(vec![], respond(Reply::json(200, arrays.clone()))).await;
    let err = job().send(&client).await.unwrap_err();
    assert!(err.to_string().contains("output shape"), "{err}");

    for body in [arrays, objects, tree] {
        // The error-meta path: no code header, so the code must come from the body.
        let (_s, client) = scripted(vec![], respond(Reply::json(400, body.clone()))).await;
        let err = job().send(&client).await.unwrap_err();
        assert!(
            matches!(&err, Error::Decode(_)) && err.to_string().contains("HTTP 400"),
            "{err}"
        );
        // A modeled error's members: an array is not its object; the deep members of an
        // object are skipped, and the members it requires are error-corrected.
        let modeled =
            Reply::json(400, body.clone()).with_header("x-amzn-errortype", "ValidationException");
        let (_s, client) = scripted(vec![], respond(modeled)).await;
        let err = job().send(&client).await.unwrap_err();
        let is_array = body.starts_with(b"[");
        assert!(
            if is_array {
                matches!(&err, Error::Decode(_)) && err.to_string().contains("ValidationException")
            } else {
                err.code() == Some("ValidationException")
            },
            "{err}"
        );
        // An unmodeled code: the body is only read for its message.
        let unmodeled = Reply::json(400, body).with_header("x-amzn-errortype", "SomethingNew");
        let (_s, client) = scripted(vec![], respond(unmodeled)).await;
        let err = job().send(&client).await.unwrap_err();
        assert_eq!(err.code(), Some("SomethingNew"), "{err}");
    }
}

// The server's `Date` and the request's `X-Amz-Date` go through the tests crate's own
// timestamp code, so that a formatter and a parser of the runtime wrong in the same way
// cannot cancel out here.
fn http_date(time: SystemTime) -> String {
    let secs = i64::try_from(time.duration_since(UNIX_EPOCH).unwrap().as_secs()).unwrap();
    timestamp::format_http_date(secs * 1000)
}

fn amz_date_secs(request: &Received) -> i64 {
    let date = request.header("x-amz-date").unwrap();
    let iso = format!(
        "{}-{}-{}T{}:{}:{}Z",
        &date[0..4],
        &date[4..6],
        &date[6..8],
        &date[9..11],
        &date[11..13],
        &date[13..15]
    );
    timestamp::parse_date_time(&iso).unwrap() / 1000
}

#[tokio::test]
async fn a_skew_error_corrects_the_clock_for_this_and_later_calls() {
    for (offset, code, message) in [
        (
            3600i64,
            "InvalidSignatureException",
            "Signature expired: 20260101T000000Z is now earlier than 20260101T010000Z (20260101T010500Z - 5 min.)",
        ),
        (
            -3600,
            "InvalidSignatureException",
            "Signature not yet current: 20260101T010000Z is still later than 20260101T000500Z (20260101T000000Z + 5 min.)",
        ),
        (
            7200,
            "RequestTimeTooSkewed",
            "The difference between the request time and the server's time is too large.",
        ),
        (-600, "RequestInTheFuture", "Request is in the future"),
    ] {
        let server_now = if offset > 0 {
            SystemTime::now() + Duration::from_secs(offset.unsigned_abs())
        } else {
            SystemTime::now() - Duration::from_secs(offset.unsigned_abs())
        };
        let skewed = Reply::error(403, code, message).with_header("date", &http_date(server_now));
        let (server, client) = scripted(vec![Action::Respond(skewed)], ok()).await;
        job()
            .send(&client)
            .await
            .unwrap_or_else(|e| panic!("{code}: {e}"));
        let requests = server.requests();
        assert_eq!(requests.len(), 2, "{code}");
        assert_one_call(&requests, 3);
        let local = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .unwrap()
            .as_secs() as i64;
        let first = amz_date_secs(&requests[0]);
        let second = amz_date_secs(&requests[1]);
        assert!(
            (first - local).abs() < 60,
            "{code}: first attempt signed with the local clock"
        );
        assert!(
            (second - (local + offset)).abs() < 60,
            "{code}: the retry is signed with the service's clock ({second} vs {local}{offset:+})"
        );
        // A later call starts from the corrected clock.
        job().send(&client).await.unwrap();
        let third = amz_date_secs(&server.requests()[2]);
        assert!(
            (third - (local + offset)).abs() < 60,
            "{code}: later calls stay corrected"
        );
    }
}

#[tokio::test]
async fn a_signature_error_that_is_not_skew_is_not_retried() {
    let wrong = Reply::error(
        403,
        "InvalidSignatureException",
        "The request signature we calculated does not match the signature you provided.",
    )
    .with_header(
        "date",
        &http_date(SystemTime::now() + Duration::from_secs(3600)),
    );
    let (server, client) = scripted(vec![], Action::Respond(wrong)).await;
    let err = job().send(&client).await.unwrap_err();
    assert_eq!(server.count(), 1);
    assert_eq!(err.code(), Some("InvalidSignatureException"));

    // A skew code whose Date agrees with our clock: the clock is not the problem.
    let same = Reply::error(403, "RequestExpired", "Request has expired.")
        .with_header("date", &http_date(SystemTime::now()));
    let (server, client) = scripted(vec![], Action::Respond(same)).await;
    let err = job().send(&client).await.unwrap_err();
    assert_eq!(server.count(), 1);
    assert_eq!(err.code(), Some("RequestExpired"));
}

#[tokio::test]
async fn connection_refused_is_retried_then_a_connect_error() {
    // A port that was just free: bind, read the port, close.
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let client = client_builder(&format!("http://127.0.0.1:{port}"))
        .build()
        .unwrap();
    let err = job().send(&client).await.unwrap_err();
    let Error::Transport(transport) = &err else {
        panic!("{err:?}")
    };
    assert_eq!(transport.kind(), TransportErrorKind::Connect);
    let text = err.to_string();
    assert!(
        text.contains("could not connect") && text.contains("attempt 3 of 3, attempts exhausted"),
        "{text}"
    );
    assert_eq!(client.retry_tokens(), 500 - 2 * 5);
}

#[tokio::test]
async fn a_connect_that_never_completes_hits_the_connect_timeout() {
    // A listener that never accepts, with a backlog of 1: once its queue is full the
    // kernel drops further SYNs, so a connect hangs.
    let socket = tokio::net::TcpSocket::new_v4().unwrap();
    socket.bind("127.0.0.1:0".parse().unwrap()).unwrap();
    let listener = socket.listen(1).unwrap();
    let addr = listener.local_addr().unwrap();
    // That is Linux's behaviour (the CI platform); a kernel that refuses instead gives
    // `Connect`, so the precondition is checked first and named if it does not hold.
    let mut fillers = Vec::new();
    let mut a_connect_hung = false;
    for _ in 0..8 {
        match tokio::time::timeout(
            Duration::from_millis(100),
            tokio::net::TcpStream::connect(addr),
        )
        .await
        {
            Ok(Ok(stream)) => fillers.push(stream),
            Ok(Err(e)) => panic!(
                "a connect to the full backlog was refused ({e}): this test needs a kernel that drops SYNs to a full accept queue, as Linux does"
            ),
            Err(_) => {
                a_connect_hung = true;
                break;
            }
        }
    }
    assert!(a_connect_hung, "8 connects to a backlog of 1 all completed");
    let client = client_builder(&format!("http://{addr}"))
        .connect_timeout(Duration::from_millis(100))
        .build()
        .unwrap();
    let started = std::time::Instant::now();
    let err = bounded_send(&client).await.unwrap_err();
    assert!(
        started.elapsed() < Duration::from_secs(3),
        "{:?}",
        started.elapsed()
    );
    let Error::Transport(transport) = &err else {
        panic!("{err:?}")
    };
    assert_eq!(transport.kind(), TransportErrorKind::Timeout, "{err}");
    let text = err.to_string();
    assert!(
        text.contains("timed out: connecting to the endpoint")
            && text.contains("attempt 3 of 3, attempts exhausted"),
        "{text}"
    );
    // A timeout retry costs 10 tokens.
    assert_eq!(client.retry_tokens(), 500 - 2 * 10);
    drop((fillers, listener));
}

#[tokio::test]
async fn a_non_ascii_endpoint_host_goes_out_as_punycode() {
    // awsjson leaves `url` its Unicode tables (dropping them is the application's
    // choice): such a host is sent to, as its punycode form.
    let client = client_builder("http://bücher.example:4566")
        .build()
        .unwrap();
    let request = client.build_request(&job()).await.unwrap();
    assert_eq!(request.url, "http://xn--bcher-kva.example:4566/");
    assert_eq!(request.header("host"), Some("xn--bcher-kva.example:4566"));
}

#[tokio::test]
async fn a_redirect_is_reported_not_followed() {
    // Following it would send the signed request (and its token) to another host: the
    // other host is a live server that would answer, and must see nothing.
    let elsewhere = Server::start(vec![], ok()).await.unwrap();
    let (server, client) = scripted(
        vec![Action::Respond(
            Reply::raw(307, "text/html", "<html>moved</html>")
                .with_header("location", &format!("{}/elsewhere", elsewhere.url())),
        )],
        ok(),
    )
    .await;
    let err = bounded_send(&client).await.unwrap_err();
    assert_eq!(server.count(), 1);
    assert_eq!(elsewhere.count(), 0, "the redirect was followed");
    // An HTML answer without an error code: reported as the response it is.
    let Error::Decode(decode) = &err else {
        panic!("a 307 is reported as the response it is: {err:?}")
    };
    assert_eq!(decode.status(), 307);
    let text = err.to_string();
    assert!(text.contains("307"), "{text}");
}
