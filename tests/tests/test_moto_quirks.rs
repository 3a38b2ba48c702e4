//! What moto 5.2.5 was seen to answer, replayed byte for byte by the local stub so each
//! quirk is pinned even where real moto cannot be made to produce it on demand (its
//! S3 fallback needs a request without `Authorization`, which awsjson never sends).

use awsjson::stub::{StubResponse, StubServer};
use awsjson::{Client, Credentials, DateTime, Error, aws_json_operation, aws_json_shape};

const TARGET: &str = "TrentService.DescribeKey";

#[aws_json_operation(target = "TrentService.DescribeKey", output = DescribeKeyResponse)]
struct DescribeKey {
    key_id: String,
}

#[aws_json_shape]
#[derive(Debug, PartialEq)]
struct DescribeKeyResponse {
    key_metadata: Option<KeyMetadata>,
}

#[aws_json_shape]
#[derive(Debug, PartialEq)]
struct KeyMetadata {
    key_id: String,
    key_usage: Option<String>,
    multi_region: Option<bool>,
    creation_date: Option<DateTime>,
    deletion_date: Option<DateTime>,
}

#[aws_json_operation(target = "TrentService.EnableKey")]
struct EnableKey {
    key_id: String,
}

async fn answering(response: StubResponse) -> (StubServer, Client) {
    let creds = Credentials::new("AKIDQUIRKS", "quirks-secret", None);
    let stub = StubServer::builder()
        .credentials(creds.clone())
        .region("us-east-1")
        .signing_name("kms")
        .on(TARGET, move |_| response.clone())
        .on("TrentService.EnableKey", |_| {
            StubResponse::raw(
                200,
                "application/xml",
                r#"<ListAllMyBucketsResult xmlns="http://s3.amazonaws.com/doc/2006-03-01"><Buckets/></ListAllMyBucketsResult>"#,
            )
        })
        .start()
        .await
        .unwrap();
    let client = Client::builder()
        .region("us-east-1")
        .credentials(creds)
        .endpoint_url(stub.url())
        .build()
        .unwrap();
    (stub, client)
}

#[tokio::test]
async fn success_is_decoded_by_protocol_whatever_the_content_type() {
    let body = r#"{"KeyMetadata": {"KeyId": "k1", "KeyUsage": null, "MultiRegion": null, "CreationDate": 1795657536.911644, "DeletionDate": 1795657540}}"#;
    for content_type in ["text/html; charset=utf-8", "text", "application/json"] {
        let (_stub, client) = answering(StubResponse::raw(200, content_type, body)).await;
        let out = DescribeKey {
            key_id: "k1".into(),
        }
        .send(&client)
        .await
        .unwrap();
        let meta = out.key_metadata.unwrap();
        assert_eq!(meta.key_id, "k1");
        // Explicit nulls read as absent members.
        assert_eq!((meta.key_usage, meta.multi_region), (None, None));
        // Epoch seconds, fractional and integer.
        let created = meta.creation_date.unwrap();
        assert_eq!(created.secs(), 1_795_657_536);
        assert!((created.as_secs_f64() - 1_795_657_536.911_644).abs() < 1e-5);
        assert_eq!(meta.deletion_date, Some(DateTime::from_secs(1_795_657_540)));
    }
}

#[tokio::test]
async fn an_xml_200_is_never_success() {
    let s3 = r#"<ListAllMyBucketsResult xmlns="http://s3.amazonaws.com/doc/2006-03-01"><Buckets/></ListAllMyBucketsResult>"#;
    let (_stub, client) = answering(StubResponse::raw(200, "application/xml", s3)).await;
    let err = DescribeKey {
        key_id: "k1".into(),
    }
    .send(&client)
    .await
    .unwrap_err();
    assert!(
        matches!(&err, Error::Decode(d) if d.status() == 200),
        "{err:?}"
    );
    // Not even for an operation without output, where an empty body would do.
    let err = EnableKey {
        key_id: "k1".into(),
    }
    .send(&client)
    .await
    .unwrap_err();
    let Error::Decode(decode) = &err else {
        panic!("expected a decode error, got {err}")
    };
    assert_eq!(decode.status(), 200);
    let text = err.to_string();
    assert!(
        text.contains("application/xml") && text.contains("ListAllMyBucketsResult"),
        "{text}"
    );
}

#[tokio::test]
async fn moto_error_responses_as_seen() {
    let xml_403 = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<ErrorResponse><Errors><Error><Code>SignatureDoesNotMatch</Code><Message>The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.</Message><Type>Sender</Type></Error></Errors></ErrorResponse>";
    let (_stub, client) =
        answering(StubResponse::raw(403, "text/html; charset=utf-8", xml_403)).await;
    let err = DescribeKey {
        key_id: "k1".into(),
    }
    .send(&client)
    .await
    .unwrap_err();
    assert_eq!(err.code(), Some("SignatureDoesNotMatch"));
    assert!(err.to_string().contains("HTTP 403"), "{err}");

    let html_500 = "<!doctype html>\n<html lang=en>\n<title>500 Internal Server Error</title>\n<h1>Internal Server Error</h1>\n<p>The server encountered an internal error and was unable to complete your request. Either the server is overloaded or there is an error in the application.</p>\n";
    let (_stub, client) =
        answering(StubResponse::raw(500, "text/html; charset=utf-8", html_500)).await;
    let err = DescribeKey {
        key_id: "k1".into(),
    }
    .send(&client)
    .await
    .unwrap_err();
    assert!(
        matches!(&err, Error::Decode(d) if d.status() == 500),
        "{err:?}"
    );
    assert!(
        err.to_string().contains("500 Internal Server Error"),
        "{err}"
    );

    // Bare `__type`, `x-amzn-errortype`, a stray `status` header, `Connection: close`.
    let (_stub, client) = answering(
        StubResponse::raw(
            400,
            "application/json",
            r#"{"__type": "NotFoundException", "message": "Key 'k1' does not exist"}"#,
        )
        .with_header("x-amzn-errortype", "NotFoundException")
        .with_header("status", "400")
        .with_header("x-amzn-requestid", "req-1"),
    )
    .await;
    let err = DescribeKey {
        key_id: "k1".into(),
    }
    .send(&client)
    .await
    .unwrap_err();
    let service = err.service_error().unwrap();
    assert_eq!(service.code(), "NotFoundException");
    assert_eq!(service.message(), Some("Key 'k1' does not exist"));
    assert_eq!(service.request_id(), Some("req-1"));
}

/// moto answers Timestream's `DescribeEndpoints` with AWS's own address (and serves
/// Timestream Query's targets from Timestream Write's handler, so Query's answer is
/// the same): a client pointed at moto must not follow it, which is why a configured
/// endpoint URL turns discovery off unless it is enabled explicitly
/// (`test_timestream.rs` runs this against moto itself).
#[tokio::test]
async fn timestream_discovery_answers_aws_own_address() {
    use awsjson_examples::timestream_write::CreateDatabase;
    let creds = Credentials::new("AKIDQUIRKS", "quirks-secret", None);
    let stub = StubServer::builder()
        .credentials(creds.clone())
        .region("us-east-1")
        .signing_name("timestream")
        .on("Timestream_20181101.DescribeEndpoints", |_| {
            StubResponse::raw(
                200,
                "text/html; charset=utf-8",
                r#"{"Endpoints": [{"Address": "ingest.timestream.us-east-1.amazonaws.com", "CachePeriodInMinutes": 1440}]}"#,
            )
        })
        .on("Timestream_20181101.CreateDatabase", |_| {
            StubResponse::raw(
                200,
                "text/html; charset=utf-8",
                r#"{"Database": {"DatabaseName": "db"}}"#,
            )
        })
        .start()
        .await
        .unwrap();
    let builder = || {
        Client::builder()
            .region("us-east-1")
            .credentials(creds.clone())
            .endpoint_url(stub.url())
    };
    let create = CreateDatabase {
        database_name: "db".into(),
        ..Default::default()
    };
    create.send(&builder().build().unwrap()).await.unwrap();
    let discovering = builder().endpoint_discovery(true).build().unwrap();
    let request = discovering.build_request(&create).await.unwrap();
    assert_eq!(
        request.url,
        "https://ingest.timestream.us-east-1.amazonaws.com/"
    );
    let targets: Vec<_> = stub.requests().into_iter().map(|r| r.target).collect();
    assert_eq!(
        targets,
        [
            "Timestream_20181101.CreateDatabase",
            "Timestream_20181101.DescribeEndpoints"
        ]
    );
}
