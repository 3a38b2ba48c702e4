//! Standard retry mode: the shared quota, configuration, and the SDK headers.

use std::time::{Duration, Instant};

use awsjson::stub::{StubResponse, StubServer};
use awsjson::{Client, Credentials, Error, TransportErrorKind};
use awsjson_tests::fixture::{TARGET, job, job_with_token};
use awsjson_tests::server::{Action, Reply, Server, client_builder};

fn ok() -> Action {
    Action::Respond(Reply::json(200, r#"{"Id":"job-1"}"#))
}

fn unavailable() -> Action {
    Action::Respond(Reply::error(503, "ServiceUnavailableException", "down"))
}

fn creds() -> Credentials {
    Credentials::new("AKIDRETRY", "retry-secret", Some("retry-session".into()))
}

fn builder(url: &str) -> awsjson::ClientBuilder {
    client_builder(url)
        .credentials(creds())
        .max_backoff(Duration::from_millis(2))
}

/// Sends one call and says how many requests it made.
async fn attempts_of(server: &Server, client: &Client) -> (usize, Result<(), String>) {
    let before = server.count();
    let result = job()
        .send(client)
        .await
        .map(drop)
        .map_err(|e| e.to_string());
    (server.count() - before, result)
}

#[tokio::test]
async fn the_quota_stops_retries_when_spent_and_successes_refill_it() {
    let server = Server::start(vec![], ok()).await.unwrap();
    let client = builder(server.url()).build().unwrap();
    assert_eq!(client.retry_tokens(), 500);

    // A success after a retry gives the retry's 5 tokens back: 100 such calls would
    // have spent the whole quota otherwise.
    for _ in 0..100 {
        server.push([unavailable(), ok()]);
        let (attempts, result) = attempts_of(&server, &client).await;
        assert_eq!((attempts, result), (2, Ok(())));
        assert_eq!(client.retry_tokens(), 500);
    }

    // A persistently failing service: each call makes 3 attempts (2 retries, 10
    // tokens) until the 500 tokens are gone, then 1.
    server.set_fallback(unavailable());
    for call in 0..50 {
        let (attempts, result) = attempts_of(&server, &client).await;
        assert_eq!(attempts, 3, "call {call}");
        assert!(result.unwrap_err().contains("ServiceUnavailableException"));
    }
    assert_eq!(client.retry_tokens(), 0);
    for _ in 0..3 {
        assert_eq!(attempts_of(&server, &client).await.0, 1);
    }

    // First-attempt successes add a token each.
    server.set_fallback(ok());
    for _ in 0..5 {
        assert_eq!(attempts_of(&server, &client).await, (1, Ok(())));
    }
    assert_eq!(client.retry_tokens(), 5);

    // Five tokens pay for one retry, no more.
    server.set_fallback(unavailable());
    assert_eq!(attempts_of(&server, &client).await.0, 2);
    assert_eq!(client.retry_tokens(), 0);
    assert_eq!(attempts_of(&server, &client).await.0, 1);

    // A transport error says why it was not retried.
    server.set_fallback(Action::Reset);
    let (attempts, result) = attempts_of(&server, &client).await;
    assert_eq!(attempts, 1);
    let text = result.unwrap_err();
    assert!(
        text.contains("attempt 1 of 3, retry quota exhausted"),
        "{text}"
    );
}

#[tokio::test]
async fn the_quota_is_per_client() {
    let server = Server::start(vec![], unavailable()).await.unwrap();
    let drained = builder(server.url()).build().unwrap();
    // Bounded: a quota that never drains fails the test rather than looping forever.
    for _ in 0..200 {
        if drained.retry_tokens() == 0 {
            break;
        }
        job().send(&drained).await.unwrap_err();
    }
    assert_eq!(drained.retry_tokens(), 0, "the quota never drained");
    let fresh = builder(server.url()).build().unwrap();
    assert_eq!(attempts_of(&server, &fresh).await.0, 3);
    // Clones share their client's quota.
    assert_eq!(attempts_of(&server, &drained.clone()).await.0, 1);
}

#[tokio::test]
async fn max_attempts_is_configurable_and_1_turns_retries_off() {
    let server = Server::start(vec![], unavailable()).await.unwrap();
    for (max, expected) in [(1, 1), (2, 2), (5, 5)] {
        let client = builder(server.url()).max_attempts(max).build().unwrap();
        let before = server.count();
        job().send(&client).await.unwrap_err();
        assert_eq!(server.count() - before, expected, "max_attempts({max})");
        let last = server.requests().pop().unwrap();
        assert_eq!(
            last.header("amz-sdk-request"),
            Some(format!("attempt={expected}; max={max}").as_str())
        );
    }
    let err = Client::builder()
        .region("us-east-1")
        .credentials(creds())
        .max_attempts(0)
        .build()
        .unwrap_err();
    assert!(err.to_string().contains("max_attempts is 0"), "{err}");
}

/// A regression that waits too long fails the test within this bound instead of hanging.
const BOUND: Duration = Duration::from_secs(10);

/// The gaps between the attempts of one call that fails on every attempt.
async fn backoff_gaps(client: &Client, server: &Server) -> Vec<Duration> {
    tokio::time::timeout(BOUND, job().send(client))
        .await
        .expect("the backoff schedule took longer than 10 s")
        .unwrap_err();
    server
        .requests()
        .windows(2)
        .map(|pair| pair[1].at - pair[0].at)
        .collect()
}

/// A 2 s base under a 30 ms cap: uncapped, the five retries would wait up to 2, 4, 8,
/// 16 and 32 s; capped, each waits at most 30 ms (plus the time an attempt takes).
#[tokio::test]
async fn backoff_never_exceeds_the_configured_cap() {
    let server = Server::start(vec![], unavailable()).await.unwrap();
    let client = builder(server.url())
        .max_attempts(6)
        .initial_backoff(Duration::from_secs(2))
        .max_backoff(Duration::from_millis(30))
        .build()
        .unwrap();
    let gaps = backoff_gaps(&client, &server).await;
    assert_eq!(gaps.len(), 5);
    // The slack covers one attempt on a loaded machine; an uncapped wait exceeds it
    // with probability above 0.78 on the first retry alone.
    assert!(
        gaps.iter()
            .all(|gap| *gap < Duration::from_millis(30 + 400)),
        "{gaps:?}"
    );
    // Full jitter may pick 0 for one retry, but five retries sum to 10 ms or less only
    // with probability 3e-5: the backoff does wait.
    let total: Duration = gaps.iter().sum();
    assert!(total >= Duration::from_millis(10), "{gaps:?}");
}

/// A 100 ms base doubles to ceilings of 100, 200, 400 and 800 ms: four retries wait
/// 1.5 s at most. With the 1 s default base instead they would wait 7.5 s on average.
#[tokio::test]
async fn backoff_starts_from_the_configured_base() {
    let server = Server::start(vec![], unavailable()).await.unwrap();
    let client = builder(server.url())
        .max_attempts(5)
        .initial_backoff(Duration::from_millis(100))
        .max_backoff(Duration::from_secs(20))
        .build()
        .unwrap();
    let gaps = backoff_gaps(&client, &server).await;
    assert_eq!(gaps.len(), 4);
    for (gap, ceiling) in gaps.iter().zip([100, 200, 400, 800]) {
        assert!(
            *gap < Duration::from_millis(ceiling + 400),
            "{gaps:?}: above the ceiling of {ceiling} ms"
        );
    }
    // Below 30 ms in all with probability 5e-6: a backoff that never waits fails.
    let total: Duration = gaps.iter().sum();
    assert!(total >= Duration::from_millis(30), "{gaps:?}");
}

#[test]
fn the_default_retry_settings_are_the_sdks() {
    assert_eq!(awsjson::DEFAULT_MAX_ATTEMPTS, 3);
    assert_eq!(awsjson::DEFAULT_INITIAL_BACKOFF, Duration::from_secs(1));
    assert_eq!(awsjson::DEFAULT_MAX_BACKOFF, Duration::from_secs(20));
}

#[tokio::test]
async fn the_operation_timeout_covers_backoff_too() {
    let server = Server::start(vec![unavailable()], Action::Hang)
        .await
        .unwrap();
    let client = builder(server.url())
        .initial_backoff(Duration::from_secs(10))
        .max_backoff(Duration::from_secs(10))
        .operation_timeout(Duration::from_millis(200))
        .build()
        .unwrap();
    let started = Instant::now();
    // Bounded, so that an operation timeout that no longer covers the 10 s backoff (or
    // the hung attempt) fails instead of hanging.
    let err = tokio::time::timeout(BOUND, job().send(&client))
        .await
        .expect("the operation timeout did not end the call")
        .unwrap_err();
    assert!(started.elapsed() < Duration::from_secs(2));
    let Error::Transport(transport) = &err else {
        panic!("{err:?}")
    };
    assert_eq!(transport.kind(), TransportErrorKind::Timeout);
    assert!(
        err.to_string()
            .contains("operation timeout of 200ms elapsed during attempt"),
        "{err}"
    );
}

#[tokio::test]
async fn a_callers_token_is_kept_on_every_retry() {
    let server = Server::start(vec![unavailable(), unavailable()], ok())
        .await
        .unwrap();
    let client = builder(server.url()).build().unwrap();
    job_with_token("caller-token-1")
        .send(&client)
        .await
        .unwrap();
    let requests = server.requests();
    assert_eq!(requests.len(), 3);
    for request in &requests {
        assert_eq!(request.body, requests[0].body);
        assert_eq!(request.json()["ClientToken"], "caller-token-1");
    }
}

fn is_uuid_v4(s: &str) -> bool {
    let b = s.as_bytes();
    s.len() == 36
        && [8, 13, 18, 23].iter().all(|&i| b[i] == b'-')
        && b[14] == b'4'
        && s.chars()
            .filter(|c| *c != '-')
            .all(|c| c.is_ascii_hexdigit() && !c.is_ascii_uppercase())
}

#[tokio::test]
async fn sdk_headers_go_out_and_the_stub_still_verifies_the_signature() {
    let calls = std::sync::atomic::AtomicUsize::new(0);
    let calls = std::sync::Arc::new(calls);
    let seen = std::sync::Arc::clone(&calls);
    let stub = StubServer::builder()
        .credentials(creds())
        .region("us-east-1")
        .signing_name("partnercentral-selling")
        .on(TARGET, move |_| {
            // Every other request is throttled, so each call takes two attempts.
            if seen.fetch_add(1, std::sync::atomic::Ordering::SeqCst) % 2 == 0 {
                StubResponse::error(400, "ThrottlingException", "slow down")
            } else {
                StubResponse::json(r#"{"Id":"job-1"}"#)
            }
        })
        .start()
        .await
        .unwrap();
    let client = builder(stub.url()).build().unwrap();
    job().send(&client).await.unwrap();
    job().send(&client).await.unwrap();
    let requests = stub.requests();
    assert_eq!(requests.len(), 4);
    for request in &requests {
        assert_eq!(request.rejected, None, "every attempt is signed afresh");
    }
    let ids: Vec<&str> = requests
        .iter()
        .map(|r| r.header("amz-sdk-invocation-id").unwrap())
        .collect();
    assert!(ids.iter().all(|id| is_uuid_v4(id)), "{ids:?}");
    assert_eq!(ids[0], ids[1], "one invocation id per call");
    assert_eq!(ids[2], ids[3]);
    assert_ne!(ids[0], ids[2], "a new id for each call");
    let attempts: Vec<&str> = requests
        .iter()
        .map(|r| r.header("amz-sdk-request").unwrap())
        .collect();
    assert_eq!(
        attempts,
        [
            "attempt=1; max=3",
            "attempt=2; max=3",
            "attempt=1; max=3",
            "attempt=2; max=3"
        ]
    );
    // The request the client would send shows the same headers.
    let request = client.build_request(&job()).await.unwrap();
    assert!(is_uuid_v4(request.header("amz-sdk-invocation-id").unwrap()));
    assert_eq!(request.header("amz-sdk-request"), Some("attempt=1; max=3"));
}
