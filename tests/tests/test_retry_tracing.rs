//! The `tracing` spans of a call: what they hold, and that no secret is among it.
//!
//! A binary of its own: the capturing subscriber is the thread's default dispatcher,
//! and no other test should run beside it.

use awsjson::Credentials;
use awsjson_examples::partner_central::*;
use awsjson_tests::capture::Capture;
use awsjson_tests::fixture::job;
use awsjson_tests::server::{Action, Reply, Server};

#[test]
fn spans_per_call_and_attempt_without_secrets() {
    let capture = Capture::new();
    capture.block_on(async {
        let server = Server::start(
            vec![Action::Respond(Reply::error(
                503,
                "ServiceUnavailableException",
                "down",
            ))],
            Action::Respond(
                Reply::json(200, r#"{"Id":"job-1"}"#).with_header("x-amzn-requestid", "req-42"),
            ),
        )
        .await
        .unwrap();
        let client = server
            .client_builder()
            .credentials(Credentials::new(
                "AKIDTRACE",
                "trace-secret-key",
                Some("trace-session-token".into()),
            ))
            .build()
            .unwrap();
        job().send(&client).await.unwrap();
        assert_eq!(server.count(), 2);
    });
    let text = capture.text();
    capture.assert_has(
        "awsjson.call rpc.system=\"aws-api\" rpc.service=\"PartnerCentral Selling\" \
         rpc.method=\"CreateResourceSnapshotJob\" region=\"us-east-1\" sdk_invocation_id=",
    );
    capture.assert_has("awsjson.attempt attempt=1");
    capture.assert_has("awsjson.attempt attempt=2");
    capture.assert_has("status=503");
    capture.assert_has("status=200");
    capture.assert_has("request_id=\"fault-ServiceUnavailableException\"");
    capture.assert_has("request_id=\"req-42\"");
    capture.assert_has("latency_ms=");
    capture.assert_has("retry=\"server error\"");
    capture.assert_has("retry=\"no: success\"");
    capture.assert_has("attempts=2");
    capture.assert_has("message=retrying reason=\"server error\" backoff_ms=");
    capture.assert_has("event DEBUG message=attempt got an error response status=503");
    capture.assert_has(
        "event DEBUG message=attempt succeeded status=200 request_id=\"req-42\" latency_ms=",
    );
    for secret in [
        "trace-secret-key",
        "trace-session-token",
        "AWS4-HMAC-SHA256",
        "Signature=",
        "authorization",
        "Authorization",
    ] {
        assert!(!text.contains(secret), "{secret:?} in:\n{text}");
    }
}

#[test]
fn a_non_retryable_failure_logs_its_outcome_and_the_decision() {
    let capture = Capture::new();
    capture.block_on(async {
        let server = Server::start(
            vec![],
            Action::Respond(Reply::error(400, "ValidationException", "bad catalog")),
        )
        .await
        .unwrap();
        let client = server
            .client_builder()
            .region("eu-west-1")
            .credentials(Credentials::new(
                "AKIDTRACE",
                "trace-secret-key",
                Some("trace-session-token".into()),
            ))
            .build()
            .unwrap();
        let err = CreateResourceSnapshotJob {
            catalog: "secret-catalog-value".into(),
            ..job()
        }
        .send(&client)
        .await
        .unwrap_err();
        assert!(err.to_string().contains("ValidationException"), "{err}");
        assert_eq!(server.count(), 1);
    });
    let text = capture.text();
    capture.assert_has("rpc.method=\"CreateResourceSnapshotJob\" region=\"eu-west-1\"");
    capture.assert_has("awsjson.attempt attempt=1");
    capture.assert_has(
        "event DEBUG message=attempt got an error response status=400 \
         request_id=\"fault-ValidationException\" latency_ms=",
    );
    capture.assert_has("event DEBUG message=not retrying: not retryable");
    capture.assert_has("retry=\"not retryable\"");
    capture.assert_has("attempts=1");
    for secret in [
        "trace-secret-key",
        "trace-session-token",
        "Signature=",
        "secret-catalog-value",
        "bad catalog",
    ] {
        assert!(!text.contains(secret), "{secret:?} in:\n{text}");
    }
}
