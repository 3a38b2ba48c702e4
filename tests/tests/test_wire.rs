//! What the client does with responses that stall, break after a 2xx, or fail after
//! retries, and what a built request shows in `Debug`: each wait bounded, so that a
//! regression fails instead of hanging.

use std::future::Future;
use std::time::{Duration, Instant};

use awsjson::{
    Client, Credentials, Error, StalledStreamProtection, TransportError, TransportErrorKind,
};
use awsjson_examples::partner_central::*;
use awsjson_tests::fixture::job;
use awsjson_tests::server::{Action, Reply, Server};

const OK: &str = r#"{"Id":"job-0123456789abc","Arn":"arn:aws:x"}"#;

/// A short grace period, so that stall tests take a fraction of a second.
fn quick_stall() -> StalledStreamProtection {
    StalledStreamProtection::enabled().with_grace_period(Duration::from_millis(300))
}

/// Runs `call`, failing the test (not hanging it) when it takes longer than `limit`.
async fn within<T>(limit: Duration, call: impl Future<Output = T>) -> T {
    match tokio::time::timeout(limit, call).await {
        Ok(out) => out,
        Err(_) => panic!("the call did not return within {limit:?}"),
    }
}

fn transport<O>(err: &Error<O>) -> &TransportError
where
    O: std::fmt::Debug,
{
    match err {
        Error::Transport(e) => e,
        other => panic!("expected a transport error, got {other:?}"),
    }
}

/// The issue's case: a 200 that announces 44 bytes, sends 10 and goes silent. A client
/// with default settings fails it after the 5 s grace period instead of waiting forever.
#[tokio::test]
async fn a_body_that_goes_silent_fails_a_default_client_after_the_grace_period() {
    let stall = Action::Stall {
        reply: Reply::json(200, OK),
        sent: 10,
    };
    let server = Server::start(vec![], stall).await.unwrap();
    let client = server.client_builder().build().unwrap();
    let started = Instant::now();
    let err = within(Duration::from_secs(30), job().send(&client))
        .await
        .unwrap_err();
    let elapsed = started.elapsed();
    assert!(
        elapsed >= Duration::from_secs(5) && elapsed < Duration::from_secs(15),
        "{elapsed:?}"
    );
    let e = transport(&err);
    assert_eq!(e.kind(), TransportErrorKind::Timeout);
    assert_eq!(e.status(), Some(200));
    let text = err.to_string();
    assert!(
        text.contains("the response body stalled")
            && text.contains("under 1 byte/s over the stall grace period of 5s")
            && text.contains("10 of 44 bytes received"),
        "{text}"
    );
    // A 2xx was answered: the operation ran, so it is not sent again.
    assert_eq!(server.count(), 1, "{text}");
}

#[tokio::test]
async fn a_body_dripping_under_the_minimum_rate_fails_however_steady() {
    // One byte every 40 ms (25 byte/s) keeps the connection busy but stays under 100 byte/s.
    let drip = Action::Trickle {
        reply: Reply::json(200, format!(r#"{{"Id":"{}"}}"#, "x".repeat(200))),
        chunk: 1,
        every: Duration::from_millis(40),
    };
    let server = Server::start(vec![], drip).await.unwrap();
    let client = server
        .client_builder()
        .stalled_stream_protection(quick_stall().with_min_throughput(100))
        .build()
        .unwrap();
    let started = Instant::now();
    let err = within(Duration::from_secs(10), job().send(&client))
        .await
        .unwrap_err();
    let elapsed = started.elapsed();
    // The whole body would take 8 s at this rate.
    assert!(elapsed < Duration::from_secs(4), "{elapsed:?}");
    assert!(transport(&err).is_timeout(), "{err}");
    assert!(
        err.to_string()
            .contains("under 100 byte/s over the stall grace period of 300ms"),
        "{err}"
    );
}

#[tokio::test]
async fn a_body_slower_than_the_grace_period_but_above_the_rate_is_read_whole() {
    // 10 bytes every 30 ms: about 330 byte/s, for longer than the 300 ms grace period.
    let body = format!(r#"{{"Id":"{}"}}"#, "y".repeat(200));
    let steady = Action::Trickle {
        reply: Reply::json(200, body),
        chunk: 10,
        every: Duration::from_millis(30),
    };
    let server = Server::start(vec![], steady).await.unwrap();
    let client = server
        .client_builder()
        .stalled_stream_protection(quick_stall().with_min_throughput(100))
        .build()
        .unwrap();
    let started = Instant::now();
    let out = within(Duration::from_secs(10), job().send(&client))
        .await
        .unwrap();
    assert!(started.elapsed() > Duration::from_millis(300));
    assert_eq!(out.id.as_deref().map(str::len), Some(200));
    assert_eq!(server.count(), 1);
}

#[tokio::test]
async fn a_stalled_error_response_is_retried_as_a_timeout() {
    let stall = Action::Stall {
        reply: Reply::error(503, "ServiceUnavailable", "busy"),
        sent: 5,
    };
    let server = Server::start(vec![], stall).await.unwrap();
    let client = server
        .client_builder()
        .stalled_stream_protection(quick_stall())
        .build()
        .unwrap();
    let err = within(Duration::from_secs(10), job().send(&client))
        .await
        .unwrap_err();
    assert_eq!(server.count(), 3);
    let e = transport(&err);
    assert_eq!(e.kind(), TransportErrorKind::Timeout);
    assert_eq!(e.status(), Some(503));
    let text = err.to_string();
    assert!(
        text.contains("stalled") && text.contains("attempt 3 of 3, attempts exhausted"),
        "{text}"
    );
    // Each retry after a timeout costs 10 tokens.
    assert_eq!(client.retry_tokens(), 500 - 2 * 10);
}

#[tokio::test]
async fn stalled_stream_protection_can_be_turned_off() {
    let stall = Action::Stall {
        reply: Reply::json(200, OK),
        sent: 10,
    };
    let server = Server::start(vec![], stall).await.unwrap();
    let client = server
        .client_builder()
        .stalled_stream_protection(
            StalledStreamProtection::disabled().with_grace_period(Duration::from_millis(50)),
        )
        .attempt_timeout(Duration::from_millis(800))
        .max_attempts(1)
        .build()
        .unwrap();
    let started = Instant::now();
    let err = within(Duration::from_secs(10), job().send(&client))
        .await
        .unwrap_err();
    // Not the 50 ms stall: the attempt timeout ended the wait.
    assert!(started.elapsed() >= Duration::from_millis(800));
    let text = err.to_string();
    assert!(
        text.contains("attempt timeout of 800ms") && !text.contains("stalled"),
        "{text}"
    );
}

#[tokio::test]
async fn headers_that_never_arrive_hit_the_response_header_timeout() {
    let server = Server::start(vec![], Action::Hang).await.unwrap();
    let client = server
        .client_builder()
        .response_header_timeout(Duration::from_millis(300))
        .max_attempts(2)
        .build()
        .unwrap();
    let started = Instant::now();
    let err = within(Duration::from_secs(10), job().send(&client))
        .await
        .unwrap_err();
    assert!(started.elapsed() >= Duration::from_millis(600));
    // Retried like any timeout: nothing was answered, so nothing is known to have run.
    assert_eq!(server.count(), 2);
    let e = transport(&err);
    assert_eq!(e.kind(), TransportErrorKind::Timeout);
    assert_eq!(e.status(), None);
    let text = err.to_string();
    assert!(
        text.contains("no response headers within the response header timeout of 300ms")
            && text.contains("attempt 2 of 2"),
        "{text}"
    );
}

#[tokio::test]
async fn a_2xx_whose_body_breaks_is_not_sent_again() {
    let broken = [
        Action::ResetMidBody {
            reply: Reply::json(200, OK),
            sent: 10,
        },
        Action::ShortBody {
            reply: Reply::json(200, OK),
            declared: OK.len() + 50,
        },
    ];
    for action in broken {
        let ok = Action::Respond(Reply::json(200, OK));
        let server = Server::start(vec![action.clone()], ok).await.unwrap();
        let client = server.client_builder().build().unwrap();
        let err = within(Duration::from_secs(10), job().send(&client))
            .await
            .unwrap_err();
        assert_eq!(server.count(), 1, "{action:?}: {err}");
        let e = transport(&err);
        assert_eq!(e.kind(), TransportErrorKind::Io, "{err}");
        assert_eq!(e.status(), Some(200));
        let text = err.to_string();
        assert!(
            text.contains("reading the response body")
                && text.contains("attempt 1 of 3; not retried: the service answered HTTP 200"),
            "{text}"
        );
    }
}

#[tokio::test]
async fn a_complete_2xx_that_does_not_decode_is_not_sent_again() {
    for body in [&b"<html>ok</html>"[..], br#"{"Id":5}"#, br#"{"Id":"#] {
        let server = Server::start(vec![], Action::Respond(Reply::json(200, body)))
            .await
            .unwrap();
        let client = server.client_builder().build().unwrap();
        let err = within(Duration::from_secs(10), job().send(&client))
            .await
            .unwrap_err();
        assert!(matches!(err, Error::Decode(_)), "{err}");
        assert_eq!(server.count(), 1, "{err}");
    }
}

#[tokio::test]
async fn a_service_error_says_how_many_attempts_were_made() {
    let busy = || Action::Respond(Reply::error(503, "ServiceUnavailable", "busy"));
    let invalid = Action::Respond(Reply::error(400, "ValidationException", "bad catalog"));
    let server = Server::start(vec![busy(), busy()], invalid.clone())
        .await
        .unwrap();
    let client = server.client_builder().build().unwrap();
    let err = within(Duration::from_secs(10), job().send(&client))
        .await
        .unwrap_err();
    let service = err.service_error().expect("a service error");
    assert_eq!(service.attempts(), 3);
    assert!(matches!(
        service.err(),
        CreateResourceSnapshotJobError::ValidationException(_)
    ));
    assert_eq!(
        err.to_string(),
        "service error ValidationException: bad catalog (HTTP 400, request id \
         fault-ValidationException, after 3 attempts)"
    );

    // One attempt: nothing about attempts in the text.
    let server = Server::start(vec![], invalid).await.unwrap();
    let client = server.client_builder().build().unwrap();
    let err = within(Duration::from_secs(10), job().send(&client))
        .await
        .unwrap_err();
    assert_eq!(err.service_error().unwrap().attempts(), 1);
    assert!(!err.to_string().contains("attempt"), "{err}");
}

#[tokio::test]
async fn a_built_request_shows_neither_signature_nor_session_token_in_debug() {
    let client = Client::builder()
        .region("us-east-1")
        .credentials(Credentials::new(
            "AKIDDEBUG",
            "debug-secret",
            Some("debug-session-token".into()),
        ))
        .build()
        .unwrap();
    let request = client.build_request(&job()).await.unwrap();
    let authorization = request.header("authorization").unwrap();
    let (scope, signature) = authorization.split_once("Signature=").unwrap();
    assert_eq!(signature.len(), 64, "{authorization}");
    assert_eq!(
        request.header("x-amz-security-token"),
        Some("debug-session-token")
    );
    let debug = format!("{request:?}");
    assert!(!debug.contains(signature), "{debug}");
    assert!(!debug.contains("debug-session-token"), "{debug}");
    assert!(!debug.contains("debug-secret"), "{debug}");
    // What helps debugging stays: the credential scope and the signed headers.
    assert!(
        debug.contains(scope) && debug.contains("Signature=** redacted **"),
        "{debug}"
    );
    assert!(debug.contains("AWSPartnerCentralSelling.CreateResourceSnapshotJob"));
}

#[tokio::test]
async fn an_attempt_timeout_during_a_2xx_body_is_not_sent_again() {
    let slow = Action::Trickle {
        reply: Reply::json(200, format!(r#"{{"Id":"{}"}}"#, "z".repeat(100))),
        chunk: 1,
        every: Duration::from_millis(50),
    };
    let server = Server::start(vec![], slow).await.unwrap();
    let client = server
        .client_builder()
        .attempt_timeout(Duration::from_millis(400))
        .build()
        .unwrap();
    let err = within(Duration::from_secs(10), job().send(&client))
        .await
        .unwrap_err();
    assert_eq!(server.count(), 1, "{err}");
    let e = transport(&err);
    assert!(e.is_timeout(), "{err}");
    assert_eq!(e.status(), Some(200));
    assert!(
        err.to_string().contains("attempt timeout of 400ms")
            && err
                .to_string()
                .contains("not retried: the service answered HTTP 200"),
        "{err}"
    );
}
