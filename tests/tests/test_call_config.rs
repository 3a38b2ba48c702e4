//! Per-call settings (`op.customize()`, `Pages::config`): each changes the one call
//! (or the pages of one paginator) it is given to, and nothing else.

use std::time::{Duration, Instant};

use awsjson::mock::{Mock, Rule};
use awsjson::stub::{StubRequest, StubResponse, StubServer};
use awsjson::{CallConfig, Client, Credentials, Customize, Error, TransportErrorKind};
use awsjson_examples::dynamodb::{ListTables, ListTablesOutput};
use awsjson_tests::server::{Action, Reply, Server};

/// A regression that makes a call hang fails the test within this bound.
const BOUND: Duration = Duration::from_secs(10);

fn creds() -> Credentials {
    Credentials::new("AKIDCALL", "call-secret", None)
}

/// The region of a request's credential scope.
fn scope_region(request: &StubRequest) -> String {
    let authorization = request.header("authorization").unwrap();
    let credential = authorization
        .split("Credential=")
        .nth(1)
        .unwrap()
        .split(',')
        .next()
        .unwrap();
    credential.split('/').nth(2).unwrap().to_owned()
}

/// Two pages: `a`, then `b` without a next token.
fn pages(request: &StubRequest) -> StubResponse {
    match request.json()["ExclusiveStartTableName"].as_str() {
        None => StubResponse::json(r#"{"TableNames":["a"],"LastEvaluatedTableName":"a"}"#),
        Some(_) => StubResponse::json(r#"{"TableNames":["b"]}"#),
    }
}

async fn stub() -> StubServer {
    StubServer::builder()
        .credentials(creds())
        .on("DynamoDB_20120810.ListTables", pages)
        .start()
        .await
        .unwrap()
}

fn client(url: &str) -> Client {
    Client::builder()
        .region("us-east-1")
        .credentials(creds())
        .endpoint_url(url)
        .build()
        .unwrap()
}

#[tokio::test]
async fn a_region_changes_one_call() {
    let stub = stub().await;
    let client = client(stub.url());
    let op = ListTables::default();
    tokio::time::timeout(BOUND, async {
        op.send(&client).await.unwrap();
        op.customize()
            .region("eu-west-1")
            .send(&client)
            .await
            .unwrap();
        op.send(&client).await.unwrap();
    })
    .await
    .unwrap();
    let requests = stub.requests();
    assert!(
        requests.iter().all(|r| r.rejected.is_none()),
        "{requests:?}"
    );
    let regions: Vec<String> = requests.iter().map(scope_region).collect();
    assert_eq!(regions, ["us-east-1", "eu-west-1", "us-east-1"]);
    assert_eq!(client.region(), "us-east-1");
}

/// Without an endpoint URL, the call's region also picks the call's endpoint.
#[tokio::test]
async fn a_region_resolves_the_calls_endpoint() {
    let mock = Mock::new();
    mock.add(
        Rule::<ListTables>::any()
            .output(ListTablesOutput {
                table_names: Some(vec![]),
                last_evaluated_table_name: None,
            })
            .always(),
    );
    let client = mock
        .client_from(Client::builder().region("us-east-1").credentials(creds()))
        .unwrap();
    let op = ListTables::default();
    op.customize()
        .region("ap-southeast-2")
        .send(&client)
        .await
        .unwrap();
    op.send(&client).await.unwrap();
    let urls: Vec<String> = mock
        .calls()
        .iter()
        .map(|call| call.requests()[0].url.clone())
        .collect();
    assert_eq!(
        urls,
        [
            "https://dynamodb.ap-southeast-2.amazonaws.com/",
            "https://dynamodb.us-east-1.amazonaws.com/",
        ]
    );
}

#[tokio::test]
async fn every_page_of_a_paginator_takes_the_settings() {
    let stub = stub().await;
    let client = client(stub.url());
    let config = CallConfig::new()
        .region("eu-central-1")
        .header("x-page-tag", "paged");
    let names = tokio::time::timeout(BOUND, async {
        let names = ListTables::default()
            .items(&client)
            .config(config)
            .try_collect()
            .await
            .unwrap();
        ListTables::default().send(&client).await.unwrap();
        names
    })
    .await
    .unwrap();
    assert_eq!(names, ["a", "b"]);
    let requests = stub.requests();
    assert_eq!(requests.len(), 3);
    assert!(
        requests.iter().all(|r| r.rejected.is_none()),
        "{requests:?}"
    );
    let seen: Vec<(String, Option<&str>)> = requests
        .iter()
        .map(|r| (scope_region(r), r.header("x-page-tag")))
        .collect();
    assert_eq!(
        seen,
        [
            ("eu-central-1".to_owned(), Some("paged")),
            ("eu-central-1".to_owned(), Some("paged")),
            ("us-east-1".to_owned(), None),
        ]
    );
}

/// The call's attempt timeout cuts a hanging attempt short; the same operation sent
/// plainly just after waits for the (slow) answer.
#[tokio::test]
async fn a_timeout_changes_one_call() {
    let ok = Action::Respond(Reply::json(200, r#"{"TableNames":[]}"#));
    let server = Server::start(vec![Action::Hang], ok).await.unwrap();
    let client = Client::builder()
        .region("us-east-1")
        .credentials(creds())
        .endpoint_url(server.url())
        .build()
        .unwrap();
    let op = ListTables::default();
    let started = Instant::now();
    let err = tokio::time::timeout(
        BOUND,
        op.customize()
            .attempt_timeout(Duration::from_millis(200))
            .max_attempts(1)
            .send(&client),
    )
    .await
    .unwrap()
    .unwrap_err();
    let Error::Transport(e) = &err else {
        panic!("expected a timeout, got {err}")
    };
    assert_eq!(e.kind(), TransportErrorKind::Timeout);
    assert!(err.to_string().contains("200ms"), "{err}");
    assert!(started.elapsed() < Duration::from_secs(5));
    // The client's own settings are untouched: no attempt timeout, 3 attempts.
    tokio::time::timeout(BOUND, op.send(&client))
        .await
        .unwrap()
        .unwrap();
    let requests = server.requests();
    assert_eq!(requests.len(), 2);
    assert_eq!(
        requests[1].header("amz-sdk-request"),
        Some("attempt=1; max=3")
    );
    assert_eq!(
        requests[0].header("amz-sdk-request"),
        Some("attempt=1; max=1")
    );
}

#[tokio::test]
async fn an_operation_timeout_and_credentials_change_one_call() {
    let other = Credentials::new("AKIDOTHER", "other-secret", None);
    let stub = StubServer::builder()
        .credentials(creds())
        .credentials(other.clone())
        .on("DynamoDB_20120810.ListTables", pages)
        .start()
        .await
        .unwrap();
    let client = client(stub.url());
    let op = ListTables::default();
    tokio::time::timeout(BOUND, async {
        op.customize()
            .credentials(other)
            .operation_timeout(Duration::from_secs(5))
            .send(&client)
            .await
            .unwrap();
        op.send(&client).await.unwrap();
    })
    .await
    .unwrap();
    let keys: Vec<bool> = stub
        .requests()
        .iter()
        .map(|r| r.header("authorization").unwrap().contains("AKIDOTHER/"))
        .collect();
    assert_eq!(keys, [true, false]);
}

#[tokio::test]
async fn an_invalid_setting_fails_the_call_before_sending() {
    let stub = stub().await;
    let client = client(stub.url());
    let err = ListTables::default()
        .customize()
        .header("authorization", "mine")
        .send(&client)
        .await
        .unwrap_err();
    assert!(matches!(err, Error::Config(_)), "{err}");
    assert!(err.to_string().contains("authorization"), "{err}");
    let err = ListTables::default()
        .customize()
        .endpoint_url("ftp://example.com")
        .send(&client)
        .await
        .unwrap_err();
    assert!(err.to_string().contains("endpoint"), "{err}");
    assert!(stub.requests().is_empty());
}
