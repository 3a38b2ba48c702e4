//! The typed mock (`awsjson::mock`): each kind of answer through the real decoder and
//! retry loop, rule matching and exhaustion, the unmatched-call message, retries
//! without backoff time, a paginator over mocked pages, and the inputs recorded as
//! they would have been sent.

use std::future::Future;
use std::pin::pin;
use std::task::{Context, Poll, Waker};
use std::time::{Duration, Instant};

use awsjson::mock::{Mock, Rule};
use awsjson::{
    Client, Credentials, Error, ErrorMeta, TransportErrorKind, aws_json_operation, aws_json_shape,
};

#[aws_json_operation(
    target = "secretsmanager.GetSecretValue",
    output = GetSecretValueResponse,
    errors(ResourceNotFoundException, InvalidRequestException),
)]
#[derive(Debug, Clone)]
struct GetSecretValue {
    secret_id: String,
    version_stage: Option<String>,
}

#[aws_json_shape]
#[derive(Debug, Clone, PartialEq)]
struct GetSecretValueResponse {
    name: Option<String>,
    #[aws(sensitive)]
    secret_string: Option<String>,
}

#[aws_json_shape]
#[derive(Debug, Clone, PartialEq)]
struct ResourceNotFoundException {
    message: Option<String>,
}

#[aws_json_shape]
#[derive(Debug, Clone, PartialEq)]
struct InvalidRequestException {
    message: Option<String>,
}

#[aws_json_operation(
    target = "secretsmanager.CreateSecret",
    output = CreateSecretResponse,
    errors(ResourceExistsException),
)]
#[derive(Debug, Clone)]
struct CreateSecret {
    name: String,
    #[idempotency]
    client_request_token: Option<String>,
    #[aws(sensitive)]
    secret_string: Option<String>,
}

#[aws_json_shape]
#[derive(Debug, Clone, PartialEq)]
struct CreateSecretResponse {
    name: Option<String>,
    version_id: Option<String>,
}

#[aws_json_shape]
#[derive(Debug, Clone, PartialEq)]
struct ResourceExistsException {
    message: Option<String>,
}

#[aws_json_operation(
    target = "secretsmanager.ListSecrets",
    output = ListSecretsResponse,
    paginate(
        input_token = next_token,
        output_token = next_token,
        page_size = max_results,
        items = secret_list: Entry,
    ),
)]
#[derive(Debug, Default, Clone)]
struct ListSecrets {
    max_results: Option<i32>,
    next_token: Option<String>,
}

#[aws_json_shape]
#[derive(Debug, Clone, PartialEq)]
struct ListSecretsResponse {
    secret_list: Option<Vec<Entry>>,
    next_token: Option<String>,
}

#[aws_json_shape]
#[derive(Debug, Clone, PartialEq)]
struct Entry {
    name: String,
}

/// `DeleteSecret`, declared without any rule in these tests.
#[aws_json_operation(target = "secretsmanager.DeleteSecret")]
#[derive(Debug)]
struct DeleteSecret {
    secret_id: String,
}

fn get(id: &str) -> GetSecretValue {
    GetSecretValue {
        secret_id: id.into(),
        version_stage: None,
    }
}

fn value(text: &str) -> GetSecretValueResponse {
    GetSecretValueResponse {
        name: Some("s".into()),
        secret_string: Some(text.into()),
    }
}

/// A client of `mock` making at most `attempts` attempts.
fn client_with(mock: &Mock, attempts: u32) -> Client {
    mock.client_from(
        Client::builder()
            .region("eu-west-1")
            .credentials(Credentials::new("AKID", "SECRET", None))
            .max_attempts(attempts),
    )
    .unwrap()
}

#[tokio::test]
async fn a_typed_output_is_decoded_from_its_wire_form() {
    let mock = Mock::new();
    mock.add(Rule::<GetSecretValue>::any().output(value("v1")));
    let out = get("a").send(&mock.client().unwrap()).await.unwrap();
    assert_eq!(out, value("v1"));
    let calls = mock.calls();
    assert_eq!(calls.len(), 1);
    assert!(calls[0].is::<GetSecretValue>());
    assert_eq!(calls[0].attempts(), 1);
}

#[tokio::test]
async fn an_operation_without_output_answers_an_empty_object() {
    let mock = Mock::new();
    mock.add(Rule::<DeleteSecret>::any().output(()));
    let client = mock.client().unwrap();
    DeleteSecret {
        secret_id: "x".into(),
    }
    .send(&client)
    .await
    .unwrap();
}

#[tokio::test]
async fn a_modeled_error_arrives_as_its_variant() {
    let mock = Mock::new();
    mock.add(
        Rule::<GetSecretValue>::any().modeled_error(ResourceNotFoundException {
            message: Some("gone".into()),
        }),
    )
    .add(
        Rule::<GetSecretValue>::any().modeled_error_with(
            ErrorMeta::new("InvalidRequestException", 400)
                .with_message("from meta")
                .with_request_id("req-7"),
            InvalidRequestException { message: None },
        ),
    );
    let client = mock.client().unwrap();
    let Err(Error::Service(err)) = get("a").send(&client).await else {
        panic!("a service error");
    };
    assert!(matches!(
        err.err(),
        GetSecretValueError::ResourceNotFoundException(e) if e.message.as_deref() == Some("gone")
    ));
    assert_eq!(err.code(), "ResourceNotFoundException");
    assert_eq!(err.status(), 400);
    assert_eq!(err.attempts(), 1);
    assert!(err.request_id().unwrap().starts_with("mock-request-"));

    let Err(Error::Service(err)) = get("a").send(&client).await else {
        panic!("a service error");
    };
    assert!(matches!(
        err.err(),
        GetSecretValueError::InvalidRequestException(e) if e.message.as_deref() == Some("from meta")
    ));
    assert_eq!(err.request_id(), Some("req-7"));
}

#[tokio::test]
async fn an_undeclared_modeled_error_fails_the_call_saying_so() {
    let mock = Mock::new();
    mock.add(
        Rule::<GetSecretValue>::any().modeled_error(ResourceExistsException { message: None }),
    );
    let err = get("a").send(&mock.client().unwrap()).await.unwrap_err();
    let Error::Config(err) = err else {
        panic!("a config error: {err:?}");
    };
    let text = err.to_string();
    assert!(
        text.contains(
            "`ResourceExistsException` is not an error `secretsmanager.GetSecretValue` declares"
        ),
        "{text}"
    );
}

#[tokio::test]
async fn an_unmodeled_error_keeps_code_message_status_and_request_id() {
    let mock = Mock::new();
    mock.add(
        Rule::<GetSecretValue>::any().unmodeled_error(
            ErrorMeta::new("KMSAccessDenied", 403)
                .with_message("no key for you")
                .with_request_id("rid-1"),
        ),
    );
    let Err(Error::Service(err)) = get("a").send(&mock.client().unwrap()).await else {
        panic!("a service error");
    };
    let GetSecretValueError::Unmodeled(unmodeled) = err.err() else {
        panic!("unmodeled: {err}");
    };
    assert_eq!(unmodeled.code(), "KMSAccessDenied");
    assert_eq!(unmodeled.message(), Some("no key for you"));
    assert_eq!(unmodeled.status(), 403);
    assert_eq!(unmodeled.request_id(), Some("rid-1"));
    // 403 with that code is not retryable.
    assert_eq!(err.attempts(), 1);
    assert_eq!(mock.calls()[0].attempts(), 1);
}

#[tokio::test]
async fn a_5xx_and_a_transport_error_are_retried_a_non_retryable_one_is_not() {
    let mock = Mock::new();
    mock.add(
        Rule::<GetSecretValue>::when(|g| g.secret_id == "flaky")
            .unmodeled_error(ErrorMeta::new("InternalServiceError", 500))
            .transport_error(TransportErrorKind::Connect, "refused")
            .output(value("finally")),
    )
    .add(
        Rule::<GetSecretValue>::when(|g| g.secret_id == "big")
            .transport_error(TransportErrorKind::TooLarge, "too much"),
    );
    let client = mock.client().unwrap();
    assert_eq!(get("flaky").send(&client).await.unwrap(), value("finally"));
    let Err(Error::Transport(err)) = get("big").send(&client).await else {
        panic!("a transport error");
    };
    assert_eq!(err.kind(), TransportErrorKind::TooLarge);
    let attempts: Vec<u32> = mock.calls().iter().map(|c| c.attempts()).collect();
    assert_eq!(attempts, [3, 1]);
}

#[tokio::test]
async fn timeouts_are_retried_until_attempts_run_out() {
    let mock = Mock::new();
    mock.add(Rule::<GetSecretValue>::any().timeout().always());
    let started = Instant::now();
    let Err(Error::Transport(err)) = get("a").send(&client_with(&mock, 4)).await else {
        panic!("a transport error");
    };
    assert!(err.is_timeout());
    assert!(err.to_string().contains("attempt 4 of 4"), "{err}");
    assert_eq!(mock.calls()[0].attempts(), 4);
    assert!(started.elapsed() < Duration::from_millis(500));
}

#[tokio::test]
async fn a_raw_response_goes_through_the_decoder() {
    let mock = Mock::new();
    mock.add(Rule::<GetSecretValue>::any().response(
        200,
        [("x-amzn-RequestId", "raw-1")],
        b"<html>not json</html>".as_slice(),
    ));
    let Err(Error::Decode(err)) = get("a").send(&mock.client().unwrap()).await else {
        panic!("a decode error");
    };
    assert_eq!(err.request_id(), Some("raw-1"));
}

#[tokio::test]
async fn rules_match_on_the_input_in_order_and_run_out() {
    let mock = Mock::new();
    mock.add(Rule::<GetSecretValue>::when(|g| g.secret_id == "a").output(value("a-once")))
        .add(
            Rule::<GetSecretValue>::when(|g| g.version_stage.as_deref() == Some("AWSPREVIOUS"))
                .output(value("previous"))
                .times(2),
        )
        .add(
            Rule::<GetSecretValue>::any()
                .output(value("fallback"))
                .always(),
        );
    let client = mock.client().unwrap();
    let text = |out: GetSecretValueResponse| out.secret_string.unwrap();
    assert_eq!(text(get("a").send(&client).await.unwrap()), "a-once");
    // The first rule is used up: "a" falls through to the last.
    assert_eq!(text(get("a").send(&client).await.unwrap()), "fallback");
    let previous = || GetSecretValue {
        version_stage: Some("AWSPREVIOUS".into()),
        ..get("b")
    };
    assert_eq!(
        mock.pending(),
        ["rule 2 (`secretsmanager.GetSecretValue`): 2 of 2 uses left"]
    );
    assert_eq!(text(previous().send(&client).await.unwrap()), "previous");
    assert_eq!(
        mock.pending(),
        ["rule 2 (`secretsmanager.GetSecretValue`): 1 of 2 uses left"]
    );
    assert_eq!(text(previous().send(&client).await.unwrap()), "previous");
    assert_eq!(text(previous().send(&client).await.unwrap()), "fallback");
    for _ in 0..3 {
        assert_eq!(text(get("z").send(&client).await.unwrap()), "fallback");
    }
    assert!(mock.pending().is_empty(), "{:?}", mock.pending());
    assert_eq!(mock.calls().len(), 8);
}

#[tokio::test]
async fn a_rule_of_another_operation_does_not_answer() {
    let mock = Mock::new();
    mock.add(Rule::<CreateSecret>::any().output(CreateSecretResponse {
        name: None,
        version_id: None,
    }));
    let err = get("a").send(&mock.client().unwrap()).await.unwrap_err();
    assert!(matches!(err, Error::Config(_)), "{err:?}");
    assert_eq!(mock.pending().len(), 1);
}

#[tokio::test]
async fn an_unmatched_call_names_the_operation_and_shows_the_input() {
    let mock = Mock::new();
    mock.add(Rule::<GetSecretValue>::when(|g| g.secret_id == "known").output(value("v")))
        .add(
            Rule::<CreateSecret>::any()
                .output(CreateSecretResponse {
                    name: None,
                    version_id: None,
                })
                .times(0),
        );
    let client = mock.client().unwrap();
    let Err(Error::Config(err)) = get("unknown-id").send(&client).await else {
        panic!("a config error");
    };
    let text = err.to_string();
    assert!(
        text.contains("no mock rule answers this `secretsmanager.GetSecretValue` call"),
        "{text}"
    );
    assert!(
        text.contains(r#"GetSecretValue { secret_id: "unknown-id", version_stage: None }"#),
        "{text}"
    );
    assert!(
        text.contains("1 rule(s) for it: 0 used up, the others do not match"),
        "{text}"
    );
    // Not retried: the test is missing a rule, not the service an answer.
    assert_eq!(mock.calls()[0].attempts(), 1);

    // The input's Debug redacts its sensitive members.
    let create = CreateSecret {
        name: "n".into(),
        client_request_token: Some("tok".into()),
        secret_string: Some("hunter2".into()),
    };
    let Err(Error::Config(err)) = create.send(&client).await else {
        panic!("a config error");
    };
    let text = err.to_string();
    assert!(text.contains("1 rule(s) for it: 1 used up"), "{text}");
    assert!(
        text.contains("name: \"n\"") && !text.contains("hunter2"),
        "{text}"
    );

    // Without a rule for the operation, its type is unknown here: only the member
    // names show, not their values.
    let delete = DeleteSecret {
        secret_id: "private-name".into(),
    };
    let Err(Error::Config(err)) = delete.send(&client).await else {
        panic!("a config error");
    };
    let text = err.to_string();
    assert!(
        text.contains("`secretsmanager.DeleteSecret` call (no rule for it was added)"),
        "{text}"
    );
    assert!(text.contains(r#"["SecretId"]"#), "{text}");
    assert!(!text.contains("private-name"), "{text}");
}

#[tokio::test]
async fn a_rule_without_answers_fails_the_call_saying_so() {
    let mock = Mock::new();
    mock.add(Rule::<GetSecretValue>::any());
    let err = get("a").send(&mock.client().unwrap()).await.unwrap_err();
    assert!(err.to_string().contains("has no answer"), "{err}");
}

/// The default backoff would wait up to 1 s, then 2 s, ... before each retry: a mock
/// client waits for none of it, whatever the builder says.
#[tokio::test]
async fn throttled_calls_retry_without_waiting_for_backoff() {
    let mock = Mock::new();
    mock.add(
        Rule::<GetSecretValue>::any()
            .throttle()
            .throttle()
            .throttle()
            .throttle()
            .output(value("through")),
    );
    let client = mock
        .client_from(
            Client::builder()
                .region("us-east-1")
                .credentials(Credentials::new("AKID", "SECRET", None))
                .max_attempts(5)
                .initial_backoff(Duration::from_secs(10))
                .max_backoff(Duration::from_secs(20)),
        )
        .unwrap();
    let started = Instant::now();
    let out = get("a").send(&client).await.unwrap();
    let elapsed = started.elapsed();
    assert_eq!(out, value("through"));
    assert_eq!(mock.calls()[0].attempts(), 5);
    assert!(elapsed < Duration::from_millis(300), "{elapsed:?}");
    // The retries took from the quota as real ones do (5 each; refunded once at the end).
    assert_eq!(client.retry_tokens(), 500 - 4 * 5 + 5);
}

/// Too many throttles: the error is the last, with its attempt count.
#[tokio::test]
async fn a_call_throttled_on_every_attempt_fails_with_the_throttle() {
    let mock = Mock::new();
    mock.add(Rule::<GetSecretValue>::any().throttle().always());
    let Err(Error::Service(err)) = get("a").send(&mock.client().unwrap()).await else {
        panic!("a service error");
    };
    assert_eq!(err.code(), "ThrottlingException");
    assert_eq!(err.attempts(), 3);
}

#[tokio::test]
async fn a_paginator_reads_three_mocked_pages() {
    let page = |names: &[&str], next: Option<&str>| ListSecretsResponse {
        secret_list: Some(
            names
                .iter()
                .map(|n| Entry {
                    name: (*n).to_owned(),
                })
                .collect(),
        ),
        next_token: next.map(str::to_owned),
    };
    let mock = Mock::new();
    mock.add(
        Rule::<ListSecrets>::any()
            .output(page(&["a", "b"], Some("t1")))
            .output(page(&["c", "d"], Some("t2")))
            .output(page(&["e"], None)),
    );
    let client = mock.client().unwrap();
    let names: Vec<String> = ListSecrets::default()
        .items(&client)
        .page_size(2)
        .try_collect()
        .await
        .unwrap()
        .into_iter()
        .map(|e| e.name)
        .collect();
    assert_eq!(names, ["a", "b", "c", "d", "e"]);
    let sent: Vec<(Option<String>, Option<i32>)> = mock
        .calls()
        .iter()
        .map(|c| {
            let input = c.input::<ListSecrets>().unwrap();
            (input.next_token, input.max_results)
        })
        .collect();
    assert_eq!(
        sent,
        [
            (None, Some(2)),
            (Some("t1".into()), Some(2)),
            (Some("t2".into()), Some(2))
        ]
    );
    assert!(mock.pending().is_empty());
}

#[tokio::test]
async fn the_recorded_input_is_what_was_sent_token_included() {
    let mock = Mock::new();
    mock.add(
        Rule::<CreateSecret>::when(|c| c.name == "db")
            .throttle()
            .output(CreateSecretResponse {
                name: Some("db".into()),
                version_id: Some("v1".into()),
            }),
    );
    let client = mock.client().unwrap();
    let create = CreateSecret {
        name: "db".into(),
        client_request_token: None,
        secret_string: Some("s3cret".into()),
    };
    let out = create.send(&client).await.unwrap();
    assert_eq!(out.version_id.as_deref(), Some("v1"));

    let calls = mock.calls();
    assert_eq!(calls.len(), 1);
    let call = &calls[0];
    assert_eq!(call.operation(), "secretsmanager.CreateSecret");
    assert_eq!(call.attempts(), 2);
    assert!(call.input::<GetSecretValue>().is_none());
    let sent = call.input::<CreateSecret>().unwrap();
    assert_eq!(sent.name, "db");
    assert_eq!(sent.secret_string.as_deref(), Some("s3cret"));
    // The token the client generated, the same on both attempts.
    let token = sent.client_request_token.expect("a generated token");
    assert_eq!(token.len(), 36, "{token}");
    for (i, request) in call.requests().iter().enumerate() {
        let body = String::from_utf8(request.body.clone()).unwrap();
        assert!(body.contains(&token), "{body}");
        assert_eq!(
            request.header("amz-sdk-request"),
            Some(format!("attempt={}; max=3", i + 1).as_str())
        );
        assert_eq!(
            request.header("x-amz-target"),
            Some("secretsmanager.CreateSecret")
        );
        assert!(
            request
                .header("authorization")
                .is_some_and(|a| a.starts_with("AWS4-HMAC-SHA256 Credential=AKIDMOCK/")),
            "signed"
        );
        assert_eq!(
            request.url,
            "https://secretsmanager.us-east-1.amazonaws.com/"
        );
    }
    // A call's Debug shows neither the secret nor the signature.
    let debug = format!("{call:?}");
    assert!(!debug.contains("s3cret"), "{debug}");
    assert!(debug.contains("Signature=** redacted **"), "{debug}");
}

/// Calls made concurrently through one mock are each recorded with their own attempts.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn concurrent_calls_are_recorded_apart() {
    let mock = Mock::new();
    mock.add(
        Rule::<GetSecretValue>::any()
            .throttle()
            .output(value("v"))
            .always(),
    );
    let client = mock.client().unwrap();
    let tasks: Vec<_> = (0..8)
        .map(|i| {
            let client = client.clone();
            tokio::spawn(async move { get(&format!("s{i}")).send(&client).await })
        })
        .collect();
    for task in tasks {
        let _ = task.await.unwrap();
    }
    let calls = mock.calls();
    assert_eq!(calls.len(), 8);
    let mut ids = std::collections::BTreeSet::new();
    for call in &calls {
        let id = call.requests()[0].header("amz-sdk-invocation-id").unwrap();
        assert!(ids.insert(id.to_owned()), "one record per call");
        for (i, request) in call.requests().iter().enumerate() {
            assert_eq!(request.header("amz-sdk-invocation-id"), Some(id));
            assert!(
                request
                    .header("amz-sdk-request")
                    .unwrap()
                    .starts_with(&format!("attempt={};", i + 1)),
                "{call:?}"
            );
        }
    }
}

/// A mock call needs no runtime: it completes on the first poll, with no reactor or
/// timer (retries included).
#[test]
fn a_mock_call_completes_without_a_runtime() {
    let mock = Mock::new();
    mock.add(Rule::<GetSecretValue>::any().throttle().output(value("v")));
    let client = mock.client().unwrap();
    let call = get("a");
    let mut future = pin!(call.send(&client));
    let mut cx = Context::from_waker(Waker::noop());
    let Poll::Ready(result) = future.as_mut().poll(&mut cx) else {
        panic!("a mock call completes on its first poll");
    };
    assert_eq!(result.unwrap(), value("v"));
    assert_eq!(mock.calls()[0].attempts(), 2);
}

#[aws_json_operation(
    target = "AmazonSQS.GetQueueUrl",
    query_compatible,
    output = GetQueueUrlResult,
)]
#[derive(Debug)]
struct GetQueueUrl {
    queue_name: String,
}

#[aws_json_shape]
#[derive(Debug)]
struct GetQueueUrlResult {
    queue_url: Option<String>,
}

/// A query-compatible service says the fault in `x-amzn-query-error`: a mocked error
/// with a fault arrives with it.
#[tokio::test]
async fn an_error_fault_reaches_a_query_compatible_operation() {
    let mock = Mock::new();
    mock.add(Rule::<GetQueueUrl>::any().unmodeled_error(
        ErrorMeta::new("AWS.SimpleQueueService.NonExistentQueue", 400).with_fault("Sender"),
    ));
    let get = GetQueueUrl {
        queue_name: "q".into(),
    };
    let Err(Error::Service(err)) = get.send(&mock.client().unwrap()).await else {
        panic!("a service error");
    };
    assert_eq!(err.code(), "AWS.SimpleQueueService.NonExistentQueue");
    assert_eq!(err.meta().fault.as_deref(), Some("Sender"));
    let calls = mock.calls();
    assert_eq!(
        calls[0].requests()[0].header("x-amzn-query-mode"),
        Some("true")
    );
}

/// A matcher may look at the mock itself (here, at the calls so far): it runs without
/// the mock's lock, so this cannot deadlock. Run on a thread of its own, bounded.
#[test]
fn a_matcher_may_read_the_mock() {
    let mock = Mock::new();
    let seen = mock.clone();
    mock.add(Rule::<GetSecretValue>::when(move |_| seen.calls().len() == 1).output(value("first")))
        .add(
            Rule::<GetSecretValue>::any()
                .output(value("later"))
                .always(),
        );
    let client = mock.client().unwrap();
    let (done, finished) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let mut texts = Vec::new();
        for _ in 0..2 {
            let call = get("a");
            let mut future = pin!(call.send(&client));
            let mut cx = Context::from_waker(Waker::noop());
            if let Poll::Ready(Ok(out)) = future.as_mut().poll(&mut cx) {
                texts.push(out.secret_string.unwrap());
            }
        }
        let _ = done.send(texts);
    });
    let texts = finished
        .recv_timeout(Duration::from_secs(10))
        .expect("the calls finish (a matcher under the mock's lock would deadlock)");
    assert_eq!(texts, ["first", "later"]);
}
