//! Interceptors and the retry classifier, at work on real calls: a header added before
//! signing that the stub's signature check accepts, attempts observed on a retried
//! call, the order of hooks, a response adjusted before decoding, the X-Ray trace id
//! in Lambda, and responses classified for retry.

use std::sync::{Arc, Mutex};
use std::time::Duration;

use awsjson::stub::{StubResponse, StubServer};
use awsjson::{
    AttemptContext, AttemptOutcome, ClassifyRetry, Client, ClientBuilder, Credentials, Customize,
    Env, ErrorMeta, ExtraHeaders, Interceptor, RawResponse, RetryClass,
};
use awsjson_examples::dynamodb::ListTables;
use awsjson_tests::server::{Action, Reply, Server};

/// A regression that makes a call hang fails the test within this bound.
const BOUND: Duration = Duration::from_secs(10);

fn creds() -> Credentials {
    Credentials::new("AKIDHOOK", "hook-secret", None)
}

fn ok() -> Action {
    Action::Respond(Reply::json(200, r#"{"TableNames":["t"]}"#))
}

/// Adds a header, signed or not.
#[derive(Debug)]
struct AddHeader {
    name: &'static str,
    value: &'static str,
    signed: bool,
}

impl Interceptor for AddHeader {
    fn modify_before_signing(&self, _cx: &AttemptContext<'_>, headers: &mut ExtraHeaders) {
        if self.signed {
            headers.insert(self.name, self.value).unwrap();
        } else {
            headers.insert_unsigned(self.name, self.value).unwrap();
        }
    }
}

/// Writes down every hook it sees.
#[derive(Debug, Default)]
struct Recorder {
    name: &'static str,
    log: Arc<Mutex<Vec<String>>>,
}

impl Interceptor for Recorder {
    fn modify_before_signing(&self, cx: &AttemptContext<'_>, _headers: &mut ExtraHeaders) {
        self.push(format!(
            "{} sign {}/{}",
            self.name,
            cx.attempt(),
            cx.max_attempts()
        ));
    }

    fn read_after_attempt(&self, cx: &AttemptContext<'_>, outcome: AttemptOutcome<'_>) {
        let what = match outcome {
            AttemptOutcome::Response(r) => r.status.to_string(),
            AttemptOutcome::Failed(e) => format!("failed: {e}"),
            _ => "other".to_owned(),
        };
        self.push(format!(
            "{} attempt {} of {} {} {}",
            self.name,
            cx.attempt(),
            cx.operation(),
            cx.service().service_id,
            what
        ));
    }

    fn modify_before_deserialization(&self, cx: &AttemptContext<'_>, response: &mut RawResponse) {
        self.push(format!(
            "{} decode after {} ({})",
            self.name,
            cx.attempt(),
            response.status
        ));
    }
}

impl Recorder {
    fn push(&self, line: String) {
        self.log.lock().unwrap().push(line);
    }
}

#[tokio::test]
async fn a_header_added_before_signing_is_signed_and_accepted() {
    let stub = StubServer::builder()
        .credentials(creds())
        .on("DynamoDB_20120810.ListTables", |_| {
            StubResponse::json(r#"{"TableNames":[]}"#)
        })
        .start()
        .await
        .unwrap();
    let client = Client::builder()
        .region("us-east-1")
        .credentials(creds())
        .endpoint_url(stub.url())
        .interceptor(AddHeader {
            name: "X-Tenant",
            value: "blue",
            signed: true,
        })
        .build()
        .unwrap();
    tokio::time::timeout(BOUND, ListTables::default().send(&client))
        .await
        .unwrap()
        .unwrap();
    let request = &stub.requests()[0];
    assert_eq!(request.rejected, None);
    assert_eq!(request.header("x-tenant"), Some("blue"));
    let authorization = request.header("authorization").unwrap();
    assert!(
        authorization.contains("SignedHeaders=content-type;host;x-amz-date;x-amz-target;x-tenant,"),
        "{authorization}"
    );
}

/// An unsigned header travels outside the signature: the stub accepts the request, and
/// the signature does not name it.
#[tokio::test]
async fn an_unsigned_header_is_sent_but_not_signed() {
    let stub = StubServer::builder()
        .credentials(creds())
        .on("DynamoDB_20120810.ListTables", |_| {
            StubResponse::json(r#"{"TableNames":[]}"#)
        })
        .start()
        .await
        .unwrap();
    let client = Client::builder()
        .region("us-east-1")
        .credentials(creds())
        .endpoint_url(stub.url())
        .build()
        .unwrap();
    let hook = AddHeader {
        name: "x-loose",
        value: "v",
        signed: false,
    };
    tokio::time::timeout(
        BOUND,
        ListTables::default()
            .customize()
            .interceptor(hook)
            .send(&client),
    )
    .await
    .unwrap()
    .unwrap();
    let request = &stub.requests()[0];
    assert_eq!(request.rejected, None);
    assert_eq!(request.header("x-loose"), Some("v"));
    assert!(!request.header("authorization").unwrap().contains("x-loose"));
}

/// A call retried twice: the client's interceptor, then the call's, see each attempt
/// with its number and outcome, then the response once before it is decoded.
#[tokio::test]
async fn interceptors_observe_each_attempt_of_a_retried_call_in_order() {
    let busy = Action::Respond(Reply::error(503, "ServiceUnavailable", "busy"));
    let server = Server::start(vec![busy.clone(), busy], ok()).await.unwrap();
    let log = Arc::new(Mutex::new(Vec::new()));
    let client = Client::builder()
        .region("us-east-1")
        .credentials(creds())
        .endpoint_url(server.url())
        .initial_backoff(Duration::from_millis(1))
        .interceptor(Recorder {
            name: "client",
            log: log.clone(),
        })
        .build()
        .unwrap();
    let out = tokio::time::timeout(
        BOUND,
        ListTables::default()
            .customize()
            .interceptor(Recorder {
                name: "call",
                log: log.clone(),
            })
            .send(&client),
    )
    .await
    .unwrap()
    .unwrap();
    assert_eq!(out.table_names.unwrap(), ["t"]);
    let expected: Vec<String> = [
        "client sign 1/3",
        "call sign 1/3",
        "client attempt 1 of ListTables DynamoDB 503",
        "call attempt 1 of ListTables DynamoDB 503",
        "client sign 2/3",
        "call sign 2/3",
        "client attempt 2 of ListTables DynamoDB 503",
        "call attempt 2 of ListTables DynamoDB 503",
        "client sign 3/3",
        "call sign 3/3",
        "client attempt 3 of ListTables DynamoDB 200",
        "call attempt 3 of ListTables DynamoDB 200",
        "client decode after 3 (200)",
        "call decode after 3 (200)",
    ]
    .map(String::from)
    .to_vec();
    assert_eq!(*log.lock().unwrap(), expected);
    assert_eq!(server.count(), 3);
}

/// Adjusts what a proxy on the way breaks: a body it wrapped.
#[derive(Debug)]
struct Unwrap;

impl Interceptor for Unwrap {
    fn modify_before_deserialization(&self, _cx: &AttemptContext<'_>, response: &mut RawResponse) {
        if let Some(inner) = response.body.strip_prefix(b"PROXY:") {
            response.body = inner.to_vec();
        }
    }
}

#[tokio::test]
async fn a_response_is_adjusted_before_it_is_decoded() {
    let wrapped = Action::Respond(Reply::json(200, r#"PROXY:{"TableNames":["x"]}"#));
    let server = Server::start(vec![], wrapped).await.unwrap();
    let builder = || {
        Client::builder()
            .region("us-east-1")
            .credentials(creds())
            .endpoint_url(server.url())
    };
    let plain = builder().build().unwrap();
    let err = ListTables::default().send(&plain).await.unwrap_err();
    assert!(err.to_string().contains("does not match"), "{err}");
    let fixed = builder().interceptor(Unwrap).build().unwrap();
    let out = ListTables::default().send(&fixed).await.unwrap();
    assert_eq!(out.table_names.unwrap(), ["x"]);
}

#[tokio::test]
async fn inside_lambda_the_trace_id_goes_out_unsigned() {
    let server = Server::start(vec![], ok()).await.unwrap();
    let trace = "Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1";
    let vars = [
        ("HOME", "/nonexistent"),
        ("AWS_EC2_METADATA_DISABLED", "true"),
        ("AWS_REGION", "us-east-1"),
        ("AWS_ACCESS_KEY_ID", "AKIDHOOK"),
        ("AWS_SECRET_ACCESS_KEY", "hook-secret"),
        ("AWS_ENDPOINT_URL", server.url()),
        ("AWS_LAMBDA_FUNCTION_NAME", "my-function"),
        ("_X_AMZN_TRACE_ID", trace),
    ];
    let in_lambda = ClientBuilder::from_env(&Env::from_vars(vars))
        .await
        .unwrap()
        .build()
        .unwrap();
    let outside = ClientBuilder::from_env(&Env::from_vars(
        vars.iter()
            .copied()
            .filter(|(k, _)| *k != "AWS_LAMBDA_FUNCTION_NAME"),
    ))
    .await
    .unwrap()
    .build()
    .unwrap();
    tokio::time::timeout(BOUND, async {
        ListTables::default().send(&in_lambda).await.unwrap();
        ListTables::default().send(&outside).await.unwrap();
    })
    .await
    .unwrap();
    let requests = server.requests();
    assert_eq!(requests[0].header("x-amzn-trace-id"), Some(trace));
    assert!(
        !requests[0]
            .header("authorization")
            .unwrap()
            .contains("x-amzn-trace-id")
    );
    assert_eq!(requests[1].header("x-amzn-trace-id"), None);
}

/// `ResourceInUseException` clears by itself for this program; 503 must not be retried.
#[derive(Debug)]
struct InUseIsTransient;

impl ClassifyRetry for InUseIsTransient {
    fn classify(
        &self,
        cx: &AttemptContext<'_>,
        status: u16,
        error: Option<&ErrorMeta>,
    ) -> RetryClass {
        assert_eq!(cx.operation(), "ListTables");
        match error.map(|e| e.code.as_str()) {
            Some("ResourceInUseException") => RetryClass::Transient,
            _ if status == 503 => RetryClass::DoNotRetry,
            _ => RetryClass::Default,
        }
    }
}

#[tokio::test]
async fn the_retry_classifier_decides_before_the_defaults() {
    let in_use = Action::Respond(Reply::error(400, "ResourceInUseException", "busy"));
    let server = Server::start(vec![in_use.clone(), in_use.clone()], ok())
        .await
        .unwrap();
    let builder = || {
        Client::builder()
            .region("us-east-1")
            .credentials(creds())
            .endpoint_url(server.url())
            .initial_backoff(Duration::from_millis(1))
    };
    // The defaults do not retry the code.
    let plain = builder().build().unwrap();
    let err = tokio::time::timeout(BOUND, ListTables::default().send(&plain))
        .await
        .unwrap()
        .unwrap_err();
    assert_eq!(err.code(), Some("ResourceInUseException"));
    assert_eq!(server.count(), 1);
    // The classifier makes it transient: the second in-use answer, then success.
    let classified = builder()
        .retry_classifier(InUseIsTransient)
        .build()
        .unwrap();
    tokio::time::timeout(BOUND, ListTables::default().send(&classified))
        .await
        .unwrap()
        .unwrap();
    assert_eq!(server.count(), 3);
    // And it stops a 503 the defaults would retry.
    server.push([Action::Respond(Reply::error(
        503,
        "ServiceUnavailable",
        "down",
    ))]);
    let err = tokio::time::timeout(BOUND, ListTables::default().send(&classified))
        .await
        .unwrap()
        .unwrap_err();
    assert_eq!(err.code(), Some("ServiceUnavailable"));
    assert_eq!(server.count(), 4);
}
