//! The errors a call returns, as a caller's program sees them: each cause printed once
//! along `source()`, service text bounded in `Display`, and every kind buildable in a
//! caller's own tests.

use std::error::Error as StdError;
use std::time::Duration;

use awsjson::{
    ConfigError, CredentialsError, DecodeError, Error, ErrorChain, ErrorMeta, MAX_DISPLAYED_CHARS,
    ServiceError, TransportError, TransportErrorKind, UnmodeledError,
};
use awsjson_examples::partner_central::*;
use awsjson_tests::fixture::job;
use awsjson_tests::server::{Action, Reply, Server, client_builder};

/// The error of one call answered by `action`, within 10 s.
async fn error_from(action: Action) -> Error<CreateResourceSnapshotJobError> {
    let server = Server::start(vec![], action).await.unwrap();
    let client = client_builder(server.url())
        .max_attempts(1)
        .build()
        .unwrap();
    tokio::time::timeout(Duration::from_secs(10), job().send(&client))
        .await
        .expect("the call returned within 10 s")
        .unwrap_err()
}

/// Walks `source()` from `err` down: the text of every level.
fn chain(err: &(dyn StdError + 'static)) -> Vec<String> {
    let mut levels = vec![err.to_string()];
    let mut source = err.source();
    while let Some(cause) = source {
        levels.push(cause.to_string());
        source = cause.source();
        assert!(levels.len() < 32, "a cycle in the source chain: {levels:?}");
    }
    levels
}

/// What a reporter that walks the chain (anyhow's `{:#}`, eyre) prints once per level
/// must not repeat: no level's text contains the text of the level below it.
fn assert_each_cause_once(err: &(dyn StdError + 'static), min_levels: usize) {
    let levels = chain(err);
    assert!(levels.len() >= min_levels, "{levels:#?}");
    for pair in levels.windows(2) {
        assert!(
            !pair[0].contains(pair[1].as_str()),
            "a level repeats its cause:\n  {}\n  {}",
            pair[0],
            pair[1]
        );
    }
}

#[tokio::test]
async fn every_error_prints_each_cause_once_along_its_chain() {
    // A connection refused: ours, then reqwest's, then the OS error.
    let closed = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}", closed.local_addr().unwrap());
    drop(closed);
    let client = client_builder(&url).max_attempts(1).build().unwrap();
    let refused = tokio::time::timeout(Duration::from_secs(10), job().send(&client))
        .await
        .unwrap()
        .unwrap_err();
    assert!(matches!(refused, Error::Transport(_)), "{refused}");
    assert_each_cause_once(&refused, 3);
    let full = ErrorChain(&refused).to_string();
    assert!(full.starts_with(&refused.to_string()), "{full}");
    assert!(full.len() > refused.to_string().len(), "{full}");

    // A body cut short.
    let broken = error_from(Action::ResetMidBody {
        reply: Reply::json(200, r#"{"Id":"job-0123456789abc"}"#),
        sent: 5,
    })
    .await;
    assert!(matches!(broken, Error::Transport(_)), "{broken}");
    assert_each_cause_once(&broken, 2);

    // A body that does not fit the output: the JSON error is the cause.
    let decode = error_from(Action::Respond(Reply::json(200, r#"{"Id":5}"#))).await;
    assert!(matches!(decode, Error::Decode(_)), "{decode}");
    assert_each_cause_once(&decode, 2);
    assert!(
        ErrorChain(&decode)
            .to_string()
            .contains("invalid type: integer `5`, expected a string"),
        "{}",
        ErrorChain(&decode)
    );

    // Modeled and unmodeled service errors: the typed error is what the service error
    // is, not a cause of it, so the code and message are printed once.
    for (code, modeled) in [("ConflictException", true), ("SomethingNew", false)] {
        let err = error_from(Action::Respond(Reply::error(409, code, "no"))).await;
        let Error::Service(service) = &err else {
            panic!("{err}")
        };
        assert_eq!(
            matches!(
                service.err(),
                CreateResourceSnapshotJobError::ConflictException(_)
            ),
            modeled
        );
        assert_each_cause_once(&err, 1);
        assert_eq!(chain(&err), [err.to_string()]);
        assert!(
            err.to_string().contains(&format!("{code}: no (HTTP 409")),
            "{err}"
        );
    }

    // Credentials and configuration errors.
    let creds: Error<CreateResourceSnapshotJobError> =
        Error::Credentials(CredentialsError::new("no credentials in the environment"));
    assert_each_cause_once(&creds, 1);
    let config: Error<CreateResourceSnapshotJobError> =
        Error::Config(ConfigError::new("no region"));
    assert_each_cause_once(&config, 1);
}

#[tokio::test]
async fn a_huge_service_message_is_bounded_in_display_and_whole_in_the_accessor() {
    let message = format!("first line\nsecond line {}", "m".repeat(5 * 1024 * 1024));
    let err = error_from(Action::Respond(Reply::error(
        400,
        "ValidationException",
        &message,
    )))
    .await;
    let text = err.to_string();
    assert!(
        text.chars().count() < MAX_DISPLAYED_CHARS + 200,
        "{} chars",
        text.len()
    );
    assert!(!text.contains('\n'), "one line");
    assert!(
        text.starts_with("service error ValidationException: first line second line mmm"),
        "{}",
        &text[..100]
    );
    let left_out = message.len() - MAX_DISPLAYED_CHARS;
    assert!(
        text.contains(&format!("… ({left_out} more bytes) (HTTP 400")),
        "{}",
        &text[text.len() - 120..]
    );
    // The whole text stays reachable.
    let service = err.service_error().unwrap();
    assert_eq!(service.message(), Some(message.as_str()));
    assert_eq!(service.meta().message.as_deref(), Some(message.as_str()));

    // An unmodeled code of the same size, and a huge code.
    let err = error_from(Action::Respond(Reply::error(400, "Unlisted", &message))).await;
    assert!(err.to_string().len() < 3 * MAX_DISPLAYED_CHARS, "bounded");
    let CreateResourceSnapshotJobError::Unmodeled(unmodeled) = err.service_error().unwrap().err()
    else {
        panic!("{err}")
    };
    assert_eq!(unmodeled.message(), Some(message.as_str()));
    assert!(unmodeled.to_string().len() < 3 * MAX_DISPLAYED_CHARS);
    let code = "C".repeat(100_000);
    let err = error_from(Action::Respond(Reply::error(400, &code, "m"))).await;
    assert_eq!(err.code(), Some(code.as_str()));
    assert!(err.to_string().len() < 3 * MAX_DISPLAYED_CHARS);
}

/// A caller's test can make any error an operation returns, with the constructors.
#[test]
fn every_error_can_be_built_for_a_callers_tests() {
    let meta = ErrorMeta::new("ThrottlingException", 400)
        .with_message("Rate exceeded")
        .with_request_id("req-7")
        .with_fault("Sender");
    assert_eq!(
        (
            meta.code.as_str(),
            meta.message.as_deref(),
            meta.request_id.as_deref(),
            meta.status,
            meta.fault.as_deref()
        ),
        (
            "ThrottlingException",
            Some("Rate exceeded"),
            Some("req-7"),
            400,
            Some("Sender")
        )
    );

    let unmodeled = UnmodeledError::new(meta.clone());
    assert_eq!(unmodeled.code(), "ThrottlingException");
    assert_eq!(unmodeled.meta(), &meta);
    let err: Error<CreateResourceSnapshotJobError> = Error::Service(
        ServiceError::new(CreateResourceSnapshotJobError::Unmodeled(unmodeled), meta)
            .with_attempts(2),
    );
    assert_eq!(err.code(), Some("ThrottlingException"));
    assert_eq!(err.request_id(), Some("req-7"));
    assert_eq!(err.service_error().unwrap().attempts(), 2);
    assert_eq!(
        err.to_string(),
        "service error ThrottlingException: Rate exceeded (HTTP 400, request id req-7, after 2 attempts)"
    );

    let modeled: Error<CreateResourceSnapshotJobError> = Error::Service(ServiceError::new(
        CreateResourceSnapshotJobError::ConflictException(ConflictException {
            message: Some("taken".into()),
        }),
        ErrorMeta::new("ConflictException", 409).with_message("taken"),
    ));
    assert_eq!(modeled.service_error().unwrap().status(), 409);

    let io = std::io::Error::new(std::io::ErrorKind::ConnectionReset, "reset by peer");
    let transport = TransportError::new(TransportErrorKind::Io, "reading the response body")
        .with_source(io)
        .with_status(200);
    assert_eq!(transport.status(), Some(200));
    assert_eq!(transport.source().unwrap().to_string(), "reset by peer");
    let err: Error<CreateResourceSnapshotJobError> = Error::Transport(transport);
    assert_eq!(
        ErrorChain(&err).to_string(),
        "transport: connection failed: reading the response body: reset by peer"
    );

    let timeout: Error<CreateResourceSnapshotJobError> = Error::Transport(TransportError::new(
        TransportErrorKind::Timeout,
        "no answer",
    ));
    assert!(matches!(&timeout, Error::Transport(e) if e.is_timeout()));

    let decode: Error<CreateResourceSnapshotJobError> =
        Error::Decode(DecodeError::new("the output did not fit", 200));
    assert!(matches!(&decode, Error::Decode(e) if e.status() == 200));
    let config: Error<CreateResourceSnapshotJobError> =
        Error::Config(ConfigError::new("no region"));
    assert_eq!(config.to_string(), "configuration: no region");
}
