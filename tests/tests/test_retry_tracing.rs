//! The `tracing` spans of a call: what they hold, and that no secret is among it.
//!
//! A binary of its own: the capturing subscriber is the thread's default dispatcher,
//! and no other test should run beside it.

use std::fmt::Write as _;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use awsjson::{Client, Credentials};
use awsjson_examples::partner_central::*;
use awsjson_tests::fault::{Action, FaultServer, Reply};
use tracing::field::{Field, Visit};
use tracing::span::{Attributes, Id, Record};
use tracing::{Event, Metadata, Subscriber};

/// Writes every span, field record and event as a line of text.
struct Capture {
    next: AtomicU64,
    lines: Arc<Mutex<Vec<String>>>,
}

struct Line(String);

impl Visit for Line {
    fn record_debug(&mut self, field: &Field, value: &dyn std::fmt::Debug) {
        let _ = write!(self.0, " {}={:?}", field.name(), value);
    }
}

impl Capture {
    fn push(&self, line: String) {
        self.lines.lock().unwrap().push(line);
    }
}

impl Subscriber for Capture {
    fn enabled(&self, _: &Metadata<'_>) -> bool {
        true
    }

    fn new_span(&self, span: &Attributes<'_>) -> Id {
        let id = self.next.fetch_add(1, Ordering::Relaxed) + 1;
        let mut line = Line(format!("span#{id} {}", span.metadata().name()));
        span.record(&mut line);
        self.push(line.0);
        Id::from_u64(id)
    }

    fn record(&self, span: &Id, values: &Record<'_>) {
        let mut line = Line(format!("record#{}", span.into_u64()));
        values.record(&mut line);
        self.push(line.0);
    }

    fn record_follows_from(&self, _: &Id, _: &Id) {}

    fn event(&self, event: &Event<'_>) {
        let mut line = Line(format!("event {}", event.metadata().level()));
        event.record(&mut line);
        self.push(line.0);
    }

    fn enter(&self, _: &Id) {}

    fn exit(&self, _: &Id) {}
}

#[test]
fn spans_per_call_and_attempt_without_secrets() {
    let lines = Arc::new(Mutex::new(Vec::new()));
    let capture = Capture {
        next: AtomicU64::new(0),
        lines: Arc::clone(&lines),
    };
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    tracing::subscriber::with_default(capture, || {
        runtime.block_on(async {
            let server = FaultServer::start(
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
            let client = Client::builder()
                .region("us-east-1")
                .credentials(Credentials::new(
                    "AKIDTRACE",
                    "trace-secret-key",
                    Some("trace-session-token".into()),
                ))
                .endpoint_url(server.url())
                .initial_backoff(Duration::from_millis(1))
                .build()
                .unwrap();
            CreateResourceSnapshotJob {
                catalog: "Sandbox".into(),
                engagement_identifier: "eng-abcdefghij1234".into(),
                resource_identifier: "O1234567".into(),
                resource_snapshot_template_identifier: "AWSOpportunitySummary".into(),
                resource_type: ResourceType::Opportunity,
                client_token: None,
                tags: None,
            }
            .send(&client)
            .await
            .unwrap();
            assert_eq!(server.count(), 2);
        });
    });
    let lines = lines.lock().unwrap();
    let text = lines.join("\n");
    let has = |needle: &str| {
        assert!(
            lines.iter().any(|l| l.contains(needle)),
            "no line with {needle:?} in:\n{text}"
        );
    };
    has(
        "awsjson.call rpc.system=\"aws-api\" rpc.service=\"PartnerCentral Selling\" \
         rpc.method=\"CreateResourceSnapshotJob\" region=\"us-east-1\" sdk_invocation_id=",
    );
    has("awsjson.attempt attempt=1");
    has("awsjson.attempt attempt=2");
    has("status=503");
    has("status=200");
    has("request_id=\"fault-ServiceUnavailableException\"");
    has("request_id=\"req-42\"");
    has("latency_ms=");
    has("retry=\"server error\"");
    has("retry=\"no: success\"");
    has("attempts=2");
    has("message=retrying reason=\"server error\" backoff_ms=");
    has("event DEBUG message=attempt got an error response status=503");
    has("event DEBUG message=attempt succeeded status=200 request_id=\"req-42\" latency_ms=");
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
    let lines = Arc::new(Mutex::new(Vec::new()));
    let capture = Capture {
        next: AtomicU64::new(0),
        lines: Arc::clone(&lines),
    };
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    tracing::subscriber::with_default(capture, || {
        runtime.block_on(async {
            let server = FaultServer::start(
                vec![],
                Action::Respond(Reply::error(400, "ValidationException", "bad catalog")),
            )
            .await
            .unwrap();
            let client = Client::builder()
                .region("eu-west-1")
                .credentials(Credentials::new(
                    "AKIDTRACE",
                    "trace-secret-key",
                    Some("trace-session-token".into()),
                ))
                .endpoint_url(server.url())
                .build()
                .unwrap();
            let err = CreateResourceSnapshotJob {
                catalog: "secret-catalog-value".into(),
                engagement_identifier: "eng-abcdefghij1234".into(),
                resource_identifier: "O1234567".into(),
                resource_snapshot_template_identifier: "AWSOpportunitySummary".into(),
                resource_type: ResourceType::Opportunity,
                client_token: None,
                tags: None,
            }
            .send(&client)
            .await
            .unwrap_err();
            assert!(err.to_string().contains("ValidationException"), "{err}");
            assert_eq!(server.count(), 1);
        });
    });
    let lines = lines.lock().unwrap();
    let text = lines.join("\n");
    let has = |needle: &str| {
        assert!(
            lines.iter().any(|l| l.contains(needle)),
            "no line with {needle:?} in:\n{text}"
        );
    };
    has("rpc.method=\"CreateResourceSnapshotJob\" region=\"eu-west-1\"");
    has("awsjson.attempt attempt=1");
    has(
        "event DEBUG message=attempt got an error response status=400 \
         request_id=\"fault-ValidationException\" latency_ms=",
    );
    has("event DEBUG message=not retrying: not retryable");
    has("retry=\"not retryable\"");
    has("attempts=1");
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
