//! The seed operation end to end against the signature-verifying stub endpoint.

use awsjson::stub::{StubRequest, StubResponse, StubServer};
use awsjson::{Client, Credentials, Error};
use awsjson_examples::partner_central::*;
use awsjson_tests::fixture::{TARGET, job, job_with_token};
use serde_json::json;

fn creds() -> Credentials {
    Credentials::new(
        "AKIDTEST",
        "test-secret-key",
        Some("test-session-token".into()),
    )
}

async fn stub(
    respond: impl Fn(&StubRequest) -> StubResponse + Send + Sync + 'static,
) -> StubServer {
    StubServer::builder()
        .credentials(creds())
        .region("us-east-1")
        .signing_name("partnercentral-selling")
        .on(TARGET, respond)
        .start()
        .await
        .unwrap()
}

fn client(stub: &StubServer, creds: Credentials) -> Client {
    Client::builder()
        .region("us-east-1")
        .credentials(creds)
        .endpoint_url(stub.url())
        // The 502 and 500 cases are retried: no need to wait the default second.
        .initial_backoff(std::time::Duration::from_millis(1))
        .build()
        .unwrap()
}

fn ok(_: &StubRequest) -> StubResponse {
    StubResponse::json(r#"{"Id":"job-0123456789abc","Arn":"arn:aws:x","Unknown":1}"#)
}

fn is_uuid_v4(s: &str) -> bool {
    let b = s.as_bytes();
    s.len() == 36
        && [8, 13, 18, 23].iter().all(|&i| b[i] == b'-')
        && b[14] == b'4'
        && matches!(b[19], b'8' | b'9' | b'a' | b'b')
        && s.chars()
            .filter(|c| *c != '-')
            .all(|c| c.is_ascii_hexdigit() && !c.is_ascii_uppercase())
}

#[tokio::test]
async fn body_has_the_service_member_names_and_a_fresh_token() {
    let stub = stub(ok).await;
    let client = client(&stub, creds());
    let out = job().send(&client).await.unwrap();
    assert_eq!(
        out,
        CreateResourceSnapshotJobResponse {
            id: Some("job-0123456789abc".into()),
            arn: Some("arn:aws:x".into())
        }
    );
    job().send(&client).await.unwrap();

    let requests = stub.requests();
    assert_eq!(requests.len(), 2);
    let mut tokens = Vec::new();
    for request in &requests {
        assert_eq!(request.rejected, None);
        let mut body = request.json();
        let token = body.as_object_mut().unwrap().remove("ClientToken").unwrap();
        let token = token.as_str().unwrap().to_owned();
        assert!(is_uuid_v4(&token), "{token}");
        tokens.push(token);
        assert_eq!(
            body,
            json!({
                "Catalog": "Sandbox",
                "EngagementIdentifier": "eng-abcdefghij1234",
                "ResourceIdentifier": "O1234567",
                "ResourceSnapshotTemplateIdentifier": "AWSOpportunitySummary",
                "ResourceType": "Opportunity",
            })
        );
    }
    assert_ne!(tokens[0], tokens[1], "each call gets its own token");
}

#[tokio::test]
async fn a_callers_token_and_tags_go_out_unchanged() {
    let stub = stub(ok).await;
    let client = client(&stub, creds());
    let tags = vec![Tag {
        key: "team".into(),
        value: "sales".into(),
    }];
    CreateResourceSnapshotJob {
        tags: Some(tags),
        ..job_with_token("my-token-1")
    }
    .send(&client)
    .await
    .unwrap();
    let body = stub.requests()[0].json();
    assert_eq!(body["ClientToken"], "my-token-1");
    assert_eq!(body["Tags"], json!([{ "Key": "team", "Value": "sales" }]));
}

#[tokio::test]
async fn headers_are_exact_and_the_signature_verifies() {
    let stub = stub(ok).await;
    let client = client(&stub, creds());
    job_with_token("t").send(&client).await.unwrap();
    let request = &stub.requests()[0];
    assert_eq!(request.path, "/");
    assert_eq!(request.rejected, None, "the stub recomputed the signature");
    let host = stub.url().strip_prefix("http://").unwrap();
    assert_eq!(request.header("host"), Some(host));
    assert_eq!(
        request.header("content-type"),
        Some("application/x-amz-json-1.0")
    );
    assert_eq!(request.header("x-amz-target"), Some(TARGET));
    assert_eq!(
        request.header("x-amz-security-token"),
        Some("test-session-token")
    );
    assert_eq!(
        request.header("content-length"),
        Some(request.body.len().to_string().as_str())
    );
    assert!(
        request
            .header("user-agent")
            .unwrap()
            .starts_with("awsjson/")
    );
    let auth = request.header("authorization").unwrap();
    assert!(
        auth.starts_with("AWS4-HMAC-SHA256 Credential=AKIDTEST/"),
        "{auth}"
    );
    assert!(
        auth.contains("/us-east-1/partnercentral-selling/aws4_request"),
        "{auth}"
    );
    assert!(
        auth.contains(
            "SignedHeaders=content-type;host;x-amz-date;x-amz-security-token;x-amz-target,"
        ),
        "{auth}"
    );
    let date = request.header("x-amz-date").unwrap();
    assert!(date.len() == 16 && date.ends_with('Z'), "{date}");
}

#[tokio::test]
async fn a_wrong_secret_is_rejected_with_a_clear_error() {
    let stub = stub(ok).await;
    let wrong = Credentials::new(
        "AKIDTEST",
        "not-the-secret",
        Some("test-session-token".into()),
    );
    let err = job().send(&client(&stub, wrong)).await.unwrap_err();
    let Error::Service(service) = &err else {
        panic!("{err:?}")
    };
    assert!(matches!(
        service.err(),
        CreateResourceSnapshotJobError::Unmodeled(_)
    ));
    assert_eq!(service.code(), "InvalidSignatureException");
    assert_eq!(service.status(), 403);
    let text = err.to_string();
    assert!(
        text.contains("InvalidSignatureException") && text.contains("signature we calculated"),
        "{text}"
    );
    assert!(!text.contains("not-the-secret"), "{text}");
    assert!(stub.requests()[0].rejected.is_some());
}

/// Answers every request with the given status, headers and body.
async fn answering(
    status: u16,
    headers: &'static [(&'static str, &'static str)],
    body: &'static str,
) -> (StubServer, Client) {
    let stub = stub(move |_| {
        let mut response = StubResponse::raw(status, "application/x-amz-json-1.0", body);
        for (k, v) in headers {
            response = response.with_header(k, v);
        }
        response
    })
    .await;
    let client = client(&stub, creds());
    (stub, client)
}

async fn service_error(
    status: u16,
    headers: &'static [(&'static str, &'static str)],
    body: &'static str,
) -> awsjson::ServiceError<CreateResourceSnapshotJobError> {
    let (_stub, client) = answering(status, headers, body).await;
    match job().send(&client).await {
        Err(Error::Service(err)) => err,
        other => panic!("expected a service error, got {other:?}"),
    }
}

#[tokio::test]
async fn each_modeled_error_decodes_from_body_and_header_forms() {
    use CreateResourceSnapshotJobError as E;
    type Check = fn(&E) -> bool;
    let cases: [(&str, Check); 6] = [
        (
            "AccessDeniedException",
            |e| matches!(e, E::AccessDeniedException(x) if x.message.as_deref() == Some("boom") && x.reason == Some(AccessDeniedExceptionErrorCode::SearchOpportunitiesNotEnabled)),
        ),
        (
            "ConflictException",
            |e| matches!(e, E::ConflictException(x) if x.message.as_deref() == Some("boom")),
        ),
        (
            "InternalServerException",
            |e| matches!(e, E::InternalServerException(x) if x.message.as_deref() == Some("boom")),
        ),
        (
            "ResourceNotFoundException",
            |e| matches!(e, E::ResourceNotFoundException(x) if x.message.as_deref() == Some("boom")),
        ),
        (
            "ServiceQuotaExceededException",
            |e| matches!(e, E::ServiceQuotaExceededException(x) if x.message.as_deref() == Some("boom")),
        ),
        (
            "ThrottlingException",
            |e| matches!(e, E::ThrottlingException(x) if x.message.as_deref() == Some("boom")),
        ),
    ];
    for (code, check) in cases {
        let members = r#""Message":"boom","Reason":"SEARCH_OPPORTUNITIES_NOT_ENABLED""#;
        // Body form: a namespace-qualified __type.
        let body: &'static str = Box::leak(
            format!(r#"{{"__type":"com.amazonaws.partnercentral#{code}",{members}}}"#)
                .into_boxed_str(),
        );
        let err = service_error(400, &[("x-amzn-RequestId", "req-1")], body).await;
        assert!(check(err.err()), "{code} (body form): {err:?}");
        assert_eq!(
            (err.code(), err.message(), err.request_id(), err.status()),
            (code, Some("boom"), Some("req-1"), 400)
        );
        // Header form: X-Amzn-ErrorType with a suffix, no __type in the body.
        let header: &'static str =
            Box::leak(format!("{code}:http://internal.amazon.com/coral/").into_boxed_str());
        let headers: &'static [(&'static str, &'static str)] =
            Box::leak(Box::new([("X-Amzn-ErrorType", header)]));
        let body: &'static str = Box::leak(format!("{{{members}}}").into_boxed_str());
        let err = service_error(400, headers, body).await;
        assert!(check(err.err()), "{code} (header form): {err:?}");
        assert_eq!(err.code(), code);
    }
}

#[tokio::test]
async fn validation_exception_carries_reason_and_error_list() {
    let body = r#"{"__type":"ValidationException","Message":"bad input","Reason":"REQUEST_VALIDATION_FAILED",
        "ErrorList":[{"FieldName":"Catalog","Message":"unknown catalog","Code":"INVALID_VALUE"},
                     {"Message":"future code","Code":"SOMETHING_NEW"}]}"#;
    let err = service_error(400, &[], body).await;
    let CreateResourceSnapshotJobError::ValidationException(v) = err.err() else {
        panic!("{err:?}")
    };
    assert_eq!(v.message, "bad input");
    assert_eq!(v.reason, ValidationExceptionReason::RequestValidationFailed);
    let list = v.error_list.as_ref().unwrap();
    assert_eq!(list[0].field_name.as_deref(), Some("Catalog"));
    assert_eq!(list[0].code, ValidationExceptionErrorCode::InvalidValue);
    assert_eq!(
        list[1].code.as_str(),
        "SOMETHING_NEW",
        "unknown enum values are kept"
    );
    let header = service_error(
        400,
        &[("X-Amzn-ErrorType", "ValidationException")],
        r#"{"Message":"m","Reason":"BUSINESS_VALIDATION_FAILED"}"#,
    )
    .await;
    assert!(
        matches!(header.err(), CreateResourceSnapshotJobError::ValidationException(v) if v.reason == ValidationExceptionReason::BusinessValidationFailed)
    );
}

#[tokio::test]
async fn an_unknown_code_is_the_unmodeled_variant() {
    let err = service_error(
        400,
        &[("x-amzn-RequestId", "req-9")],
        r#"{"__type":"aws#BrandNewException","message":"something new"}"#,
    )
    .await;
    let CreateResourceSnapshotJobError::Unmodeled(u) = err.err() else {
        panic!("{err:?}")
    };
    assert_eq!(
        (u.code(), u.message(), u.request_id(), u.status()),
        (
            "BrandNewException",
            Some("something new"),
            Some("req-9"),
            400
        )
    );
    let text = Error::Service(err).to_string();
    assert!(
        text.contains("BrandNewException")
            && text.contains("something new")
            && text.contains("req-9")
            && text.contains("400"),
        "{text}"
    );
}

async fn decode_error(status: u16, content_type: &'static str, body: &'static str) -> String {
    let stub = stub(move |_| StubResponse::raw(status, content_type, body)).await;
    match job().send(&client(&stub, creds())).await {
        Err(err @ Error::Decode(_)) => err.to_string(),
        other => panic!("expected a decode error, got {other:?}"),
    }
}

#[tokio::test]
async fn bad_bodies_are_decode_errors_not_panics() {
    let html = decode_error(
        502,
        "text/html",
        "<html><body><h1>502 Bad Gateway</h1></body></html>",
    )
    .await;
    assert!(
        html.contains("502") && html.contains("text/html") && html.contains("Bad Gateway"),
        "{html}"
    );
    let truncated = decode_error(
        400,
        "application/x-amz-json-1.0",
        r#"{"__type":"ValidationExc"#,
    )
    .await;
    assert!(
        truncated.contains("not JSON") && truncated.contains("400"),
        "{truncated}"
    );
    let empty = decode_error(500, "application/x-amz-json-1.0", "").await;
    assert!(
        empty.contains("no error code") && empty.contains("empty body"),
        "{empty}"
    );
    let ok_but_truncated = decode_error(200, "application/x-amz-json-1.0", r#"{"Id":"job-"#).await;
    assert!(
        ok_but_truncated.contains("output shape") && ok_but_truncated.contains("200"),
        "{ok_but_truncated}"
    );
    let ok_but_xml = decode_error(200, "text/xml", "<ListAllMyBucketsResult/>").await;
    assert!(ok_but_xml.contains("200"), "{ok_but_xml}");
}

#[tokio::test]
async fn the_send_future_can_be_spawned() {
    let stub = stub(ok).await;
    let client = client(&stub, creds());
    let handle = tokio::spawn(async move { job().send(&client).await });
    assert!(handle.await.unwrap().is_ok());
}

#[test]
fn debug_never_shows_secrets() {
    let creds = Credentials::new(
        "AKIDTEST",
        "super-secret-key",
        Some("session-token-value".into()),
    );
    let client = Client::builder()
        .region("us-east-1")
        .credentials(creds.clone())
        .build()
        .unwrap();
    for text in [
        format!("{creds:?}"),
        format!("{client:?}"),
        format!("{client:#?}"),
    ] {
        assert!(text.contains("AKIDTEST"), "{text}");
        assert!(
            !text.contains("super-secret-key") && !text.contains("session-token-value"),
            "{text}"
        );
    }
}
