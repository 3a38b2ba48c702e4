//! What the shape DSL puts on the wire and reads back: names, formats, enums.

use std::collections::HashMap;

use awsjson::stub::{StubResponse, StubServer};
use awsjson::{Blob, Client, Credentials, DateTime, Error, aws_json_operation, aws_json_shape};
use serde_json::json;

#[aws_json_operation(
    target = "AmazonEC2ContainerRegistry_V20150921.PutImage",
    // The fields are made up to cover every wire type: the metadata keys declare the
    // operation unchecked, as one newer than the catalog would be.
    json_version = "1.1",
    signing_name = "ecr",
    endpoint_prefix = "api.ecr",
    output = PutImageResponse,
    rename_all = "camelCase"
)]
struct PutImage {
    repository_name: String,
    #[aws(rename = "imageManifest")]
    manifest: String,
    image_tag: Option<String>,
    labels: HashMap<String, String>,
    #[aws(timestamp = "date-time")]
    not_before: Option<DateTime>,
    #[aws(timestamp = "http-date")]
    not_after: DateTime,
    pushed_at: DateTime,
    digest: Blob,
    state: Option<ImageState>,
}

#[aws_json_shape(rename_all = "camelCase")]
#[derive(Debug, PartialEq)]
struct PutImageResponse {
    image: Option<Image>,
    #[aws(timestamp = "date-time")]
    created_at: Option<DateTime>,
    pushed_at: Option<DateTime>,
    history: Option<Vec<DateTime>>,
}

#[aws_json_shape(rename_all = "camelCase")]
#[derive(Debug, PartialEq)]
struct Image {
    registry_id: String,
    state: ImageState,
    digest: Option<Blob>,
}

#[aws_json_shape(rename_all = "SCREAMING_SNAKE_CASE")]
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum ImageState {
    Active,
    #[aws(rename = "in-progress")]
    InProgress,
}

#[aws_json_operation(
    target = "AWSPartnerCentralSelling.DeleteResourceSnapshotJob",
    errors(ResourceNotFoundException)
)]
struct DeleteResourceSnapshotJob {
    catalog: String,
    resource_snapshot_job_identifier: String,
}

#[aws_json_shape]
#[derive(Debug)]
struct ResourceNotFoundException {
    message: Option<String>,
}

#[aws_json_operation(
    target = "Example_2024.Ping",
    json_version = "1.1",
    signing_name = "example",
    endpoint_prefix = "example"
)]
struct Ping {}

fn creds() -> Credentials {
    Credentials::new("AKIDSHAPES", "shapes-secret", None)
}

async fn stub_for(target: &'static str, body: &'static str) -> (StubServer, Client) {
    let stub = StubServer::builder()
        .credentials(creds())
        .on(target, move |_| StubResponse::json(body))
        .start()
        .await
        .unwrap();
    let client = Client::builder()
        .region("us-east-1")
        .credentials(creds())
        .endpoint_url(stub.url())
        .build()
        .unwrap();
    (stub, client)
}

#[tokio::test]
async fn members_and_formats_on_the_wire() {
    let (stub, client) = stub_for(
        "AmazonEC2ContainerRegistry_V20150921.PutImage",
        r#"{"image":{"registryId":"123","state":"in-progress","digest":"AAEC"},"createdAt":"2024-02-29T10:00:00.25+01:00",
            "pushedAt":1700000000.5,"history":[1,2.75],"somethingNew":{"x":[1]}}"#,
    )
    .await;
    let op = PutImage {
        repository_name: "repo".into(),
        manifest: "{}".into(),
        image_tag: None,
        labels: HashMap::from([("k".to_owned(), "v".to_owned())]),
        not_before: Some(DateTime::from_secs_and_nanos(1_700_000_000, 123_000_000)),
        not_after: DateTime::from_secs(1_398_796_238),
        pushed_at: DateTime::from_secs_and_nanos(1_515_531_081, 123_000_000),
        digest: Blob::new(vec![0, 1, 2]),
        state: Some(ImageState::from("BRAND_NEW")),
    };
    let out = op.send(&client).await.unwrap();
    let sent = &stub.requests()[0];
    assert_eq!(
        sent.header("content-type"),
        Some("application/x-amz-json-1.1")
    );
    assert_eq!(
        sent.json(),
        json!({
            "repositoryName": "repo",
            "imageManifest": "{}",
            "labels": {"k": "v"},
            "notBefore": "2023-11-14T22:13:20.123Z",
            "notAfter": "Tue, 29 Apr 2014 18:30:38 GMT",
            "pushedAt": 1_515_531_081.123,
            "digest": "AAEC",
            "state": "BRAND_NEW",
        })
    );
    assert_eq!(
        out,
        PutImageResponse {
            image: Some(Image {
                registry_id: "123".into(),
                state: ImageState::InProgress,
                digest: Some(Blob::new(vec![0, 1, 2]))
            }),
            // 2024-02-29T09:00:00.25Z, written as numbers: not through the parser under test.
            created_at: Some(DateTime::from_secs_and_nanos(1_709_197_200, 250_000_000)),
            pushed_at: Some(DateTime::from_secs_and_nanos(1_700_000_000, 500_000_000)),
            history: Some(vec![
                DateTime::from_secs(1),
                DateTime::from_secs_and_nanos(2, 750_000_000)
            ]),
        }
    );
}

#[test]
fn enums_keep_unknown_values() {
    assert_eq!(ImageState::from("ACTIVE"), ImageState::Active);
    assert_eq!(ImageState::from("in-progress"), ImageState::InProgress);
    let unknown = ImageState::from("ARCHIVED");
    assert_eq!(unknown.as_str(), "ARCHIVED");
    assert_eq!(unknown.to_string(), "ARCHIVED");
    assert_eq!(ImageState::values(), ["ACTIVE", "in-progress"]);
    let round: ImageState =
        serde_json::from_str(&serde_json::to_string(&unknown).unwrap()).unwrap();
    assert_eq!(round, unknown);
}

#[tokio::test]
async fn no_output_accepts_empty_or_empty_object() {
    for body in ["", "{}", " {\"Extra\": true} "] {
        let (_stub, client) =
            stub_for("AWSPartnerCentralSelling.DeleteResourceSnapshotJob", body).await;
        let op = DeleteResourceSnapshotJob {
            catalog: "Sandbox".into(),
            resource_snapshot_job_identifier: "job-1".into(),
        };
        op.send(&client).await.unwrap();
    }
    let (_stub, client) = stub_for(
        "AWSPartnerCentralSelling.DeleteResourceSnapshotJob",
        "<xml/>",
    )
    .await;
    let op = DeleteResourceSnapshotJob {
        catalog: "Sandbox".into(),
        resource_snapshot_job_identifier: "job-1".into(),
    };
    assert!(matches!(op.send(&client).await, Err(Error::Decode(_))));
}

#[tokio::test]
async fn empty_input_is_an_empty_object_and_explicit_metadata_is_used() {
    let (stub, client) = stub_for("Example_2024.Ping", "{}").await;
    Ping {}.send(&client).await.unwrap();
    let sent = &stub.requests()[0];
    assert_eq!(sent.body, b"{}");
    assert_eq!(
        sent.header("content-type"),
        Some("application/x-amz-json-1.1")
    );
    assert!(
        sent.header("authorization")
            .unwrap()
            .contains("/us-east-1/example/aws4_request")
    );
    let request = Client::builder()
        .region("eu-central-1")
        .credentials(creds())
        .build()
        .unwrap()
        .build_request(&Ping {})
        .await
        .unwrap();
    assert_eq!(request.url, "https://example.eu-central-1.amazonaws.com/");
}
