//! Paginators against the local stub, where every request can be counted: how many
//! pages a stream asks for, when it stops (absent, null, empty or repeated token, an
//! error), and that the streams work through the `futures_core::Stream` trait.

use std::pin::Pin;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::task::{Context, Poll, Wake, Waker};

use awsjson::stub::{StubRequest, StubResponse, StubServer};
use awsjson::{Client, Credentials, Error, aws_json_operation, aws_json_shape};

const TARGET: &str = "secretsmanager.ListSecrets";

#[aws_json_operation(
    target = "secretsmanager.ListSecrets",
    output = ListSecretsResponse,
    errors(InvalidNextTokenException),
    paginate(
        input_token = next_token,
        output_token = next_token,
        page_size = max_results,
        items = secret_list: Entry,
    ),
)]
#[derive(Default, Clone)]
struct ListSecrets {
    max_results: Option<i32>,
    next_token: Option<String>,
}

#[aws_json_shape]
#[derive(Debug)]
struct ListSecretsResponse {
    secret_list: Option<Vec<Entry>>,
    next_token: Option<String>,
}

#[aws_json_shape]
#[derive(Debug, Clone, PartialEq)]
struct Entry {
    name: String,
}

#[aws_json_shape]
#[derive(Debug)]
struct InvalidNextTokenException {
    message: Option<String>,
}

/// Pages only, no items and no page size: `pages()` is all it gets.
#[aws_json_operation(
    target = "secretsmanager.ListSecrets",
    output = ListSecretsResponse,
    paginate(input_token = next_token, output_token = next_token),
)]
#[derive(Default)]
struct ListSecretPages {
    next_token: Option<String>,
}

fn creds() -> Credentials {
    Credentials::new("AKIDPAGES", "pages-secret", None)
}

/// A service of `total` items answering pages of `MaxResults` (default 3), with
/// `last_token` as the last page's token.
async fn service(total: usize, last_token: &'static str) -> StubServer {
    StubServer::builder()
        .credentials(creds())
        .region("us-east-1")
        .signing_name("secretsmanager")
        .on(TARGET, move |req: &StubRequest| {
            let body = req.json();
            let size = body["MaxResults"].as_u64().unwrap_or(3) as usize;
            let start: usize = match body["NextToken"].as_str() {
                None => 0,
                Some(t) => match t.strip_prefix("from-") {
                    Some(n) => n.parse().unwrap(),
                    None => {
                        return StubResponse::error(400, "InvalidNextTokenException", "bad token");
                    }
                },
            };
            let end = (start + size).min(total);
            let names: Vec<serde_json::Value> = (start..end)
                .map(|i| serde_json::json!({ "Name": format!("s{i}") }))
                .collect();
            let token = if end < total {
                serde_json::json!(format!("from-{end}"))
            } else {
                serde_json::from_str(last_token).unwrap()
            };
            StubResponse::json(
                serde_json::json!({ "SecretList": names, "NextToken": token }).to_string(),
            )
        })
        .start()
        .await
        .unwrap()
}

fn client(stub: &StubServer) -> Client {
    Client::builder()
        .region("us-east-1")
        .credentials(creds())
        .endpoint_url(stub.url())
        .build()
        .unwrap()
}

fn tokens_sent(stub: &StubServer) -> Vec<Option<String>> {
    stub.requests()
        .iter()
        .map(|r| r.json()["NextToken"].as_str().map(str::to_owned))
        .collect()
}

fn names(entries: &[Entry]) -> Vec<String> {
    entries.iter().map(|e| e.name.clone()).collect()
}

#[tokio::test]
async fn pages_follow_tokens_to_the_end() {
    for last in ["null", "\"\""] {
        let stub = service(7, last).await;
        let client = client(&stub);
        let pages = ListSecrets::default()
            .pages(&client)
            .try_collect()
            .await
            .unwrap();
        assert_eq!(pages.len(), 3, "last token {last}");
        assert_eq!(
            tokens_sent(&stub),
            [None, Some("from-3".into()), Some("from-6".into())]
        );
        let sizes: Vec<usize> = pages
            .iter()
            .map(|p| p.secret_list.as_ref().unwrap().len())
            .collect();
        assert_eq!(sizes, [3, 3, 1]);
    }
}

#[tokio::test]
async fn an_absent_token_ends_the_stream_and_the_page_size_is_sent() {
    let stub = StubServer::builder()
        .credentials(creds())
        .region("us-east-1")
        .signing_name("secretsmanager")
        .on(TARGET, |_| {
            StubResponse::json(r#"{"SecretList":[{"Name":"only"}]}"#)
        })
        .start()
        .await
        .unwrap();
    let items = ListSecrets::default()
        .items(&client(&stub))
        .page_size(50)
        .try_collect()
        .await
        .unwrap();
    assert_eq!(names(&items), ["only"]);
    let requests = stub.requests();
    assert_eq!(requests.len(), 1);
    assert_eq!(requests[0].json()["MaxResults"], 50);
}

#[tokio::test]
async fn taking_n_items_requests_only_the_pages_holding_them() {
    let stub = service(100, "null").await;
    let first = ListSecrets::default()
        .items(&client(&stub))
        .page_size(4)
        .first(6)
        .await
        .unwrap();
    assert_eq!(names(&first), ["s0", "s1", "s2", "s3", "s4", "s5"]);
    assert_eq!(
        tokens_sent(&stub).len(),
        2,
        "pages of 4: the 6th item is on page 2"
    );

    // Exactly a page's worth: the next page is not requested.
    let stub = service(100, "null").await;
    let four = ListSecrets::default()
        .items(&client(&stub))
        .page_size(4)
        .first(4)
        .await
        .unwrap();
    assert_eq!(four.len(), 4);
    assert_eq!(stub.requests().len(), 1);

    // Nothing asked for, nothing sent.
    let stub = service(100, "null").await;
    let none = ListSecrets::default()
        .items(&client(&stub))
        .first(0)
        .await
        .unwrap();
    assert!(none.is_empty());
    assert!(stub.requests().is_empty());

    // Dropping a stream midway sends nothing more.
    let stub = service(100, "null").await;
    let mut items = ListSecrets::default().items(&client(&stub)).page_size(2);
    for want in ["s0", "s1", "s2"] {
        assert_eq!(items.next().await.unwrap().unwrap().name, want);
    }
    drop(items);
    // A prefetch spawned before the drop would land a little later: give it time.
    tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    assert_eq!(stub.requests().len(), 2);
}

#[tokio::test]
async fn a_repeated_token_stops_instead_of_looping() {
    let stub = StubServer::builder()
        .credentials(creds())
        .region("us-east-1")
        .signing_name("secretsmanager")
        .on(TARGET, |_| {
            StubResponse::json(r#"{"SecretList":[{"Name":"again"}],"NextToken":"stuck"}"#)
        })
        .start()
        .await
        .unwrap();
    let items = ListSecrets::default()
        .items(&client(&stub))
        .try_collect()
        .await
        .unwrap();
    assert_eq!(names(&items), ["again", "again"]);
    assert_eq!(tokens_sent(&stub), [None, Some("stuck".into())]);

    // The first page's token went into the second request; the last page keeps its own.
    let pages = ListSecrets::default()
        .pages(&client(&stub))
        .try_collect()
        .await
        .unwrap();
    let tokens: Vec<Option<&str>> = pages.iter().map(|p| p.next_token.as_deref()).collect();
    assert_eq!(tokens, [None, Some("stuck")]);
}

#[tokio::test]
async fn an_error_is_yielded_once_then_the_stream_ends() {
    let stub = service(10, "null").await;
    let client = client(&stub);
    let mut pages = ListSecrets {
        next_token: Some("garbage".into()),
        ..ListSecrets::default()
    }
    .pages(&client);
    let err = pages.next().await.unwrap().unwrap_err();
    let Error::Service(service) = &err else {
        panic!("expected a service error, got {err}")
    };
    assert!(matches!(
        service.err(),
        ListSecretsError::InvalidNextTokenException(_)
    ));
    assert!(pages.next().await.is_none());
    assert!(futures_core::FusedStream::is_terminated(&pages));
    assert_eq!(stub.requests().len(), 1);

    // try_collect gives the error, not the pages before it.
    let err = ListSecrets {
        next_token: Some("garbage".into()),
        ..ListSecrets::default()
    }
    .items(&client)
    .try_collect()
    .await
    .unwrap_err();
    assert_eq!(err.code(), Some("InvalidNextTokenException"));
}

#[tokio::test]
async fn a_paginator_starts_from_the_token_it_is_given() {
    let stub = service(7, "null").await;
    let pages = ListSecretPages {
        next_token: Some("from-5".into()),
    }
    .pages(&client(&stub))
    .try_collect()
    .await
    .unwrap();
    assert_eq!(pages.len(), 1);
    assert_eq!(names(pages[0].secret_list.as_ref().unwrap()), ["s5", "s6"]);
}

struct CountingWaker(AtomicUsize);

impl Wake for CountingWaker {
    fn wake(self: Arc<Self>) {
        self.0.fetch_add(1, Ordering::Relaxed);
    }
}

#[tokio::test]
async fn the_streams_implement_futures_core_stream() {
    use futures_core::Stream;

    let stub = service(5, "null").await;
    let client = client(&stub);
    let mut items = ListSecrets::default().items(&client).page_size(2);
    assert_eq!(items.size_hint(), (0, None));
    // Polled by hand, as any executor or combinator library would.
    let mut got = Vec::new();
    loop {
        let polled =
            std::future::poll_fn(
                |cx: &mut Context<'_>| match Pin::new(&mut items).poll_next(cx) {
                    Poll::Pending => Poll::Pending,
                    ready => ready,
                },
            )
            .await;
        match polled {
            Some(item) => got.push(item.unwrap().name),
            None => break,
        }
    }
    assert_eq!(got, ["s0", "s1", "s2", "s3", "s4"]);
    // Once finished, polling again is immediately ready with `None`, waking no one.
    let waker = Arc::new(CountingWaker(AtomicUsize::new(0)));
    let waker_handle = Waker::from(Arc::clone(&waker));
    let mut cx = Context::from_waker(&waker_handle);
    assert!(matches!(
        Pin::new(&mut items).poll_next(&mut cx),
        Poll::Ready(None)
    ));
    assert_eq!(waker.0.load(Ordering::Relaxed), 0);
}
