//! The output of `awsjson-cli scaffold` compiles as is: these modules are its output
//! for operations of fourteen services (five restJson1: Lambda, API Gateway, EKS,
//! Bedrock Runtime, Polly), kept current by `awsjson-cli`'s own test
//! (`cargo test -p awsjson-cli`; regenerate with `AWSJSON_BLESS=1`).

#![allow(dead_code, missing_docs, clippy::all)]

#[path = "scaffold/apigateway.rs"]
pub mod apigateway;
#[path = "scaffold/bedrock_runtime.rs"]
pub mod bedrock_runtime;
#[path = "scaffold/eks.rs"]
pub mod eks;
#[path = "scaffold/lambda.rs"]
pub mod lambda;
#[path = "scaffold/polly.rs"]
pub mod polly;

#[path = "scaffold/cloudwatch.rs"]
pub mod cloudwatch;
#[path = "scaffold/dynamodb.rs"]
pub mod dynamodb;
#[path = "scaffold/ecr.rs"]
pub mod ecr;
#[path = "scaffold/kms.rs"]
pub mod kms;
#[path = "scaffold/partnercentral_selling.rs"]
pub mod partnercentral_selling;
#[path = "scaffold/secretsmanager.rs"]
pub mod secretsmanager;
#[path = "scaffold/servicediscovery.rs"]
pub mod servicediscovery;
#[path = "scaffold/timestream_write.rs"]
pub mod timestream_write;
#[path = "scaffold/verifiedpermissions.rs"]
pub mod verifiedpermissions;

use awsjson::Operation;

#[test]
fn scaffolded_declarations_are_operations() {
    assert_eq!(
        <partnercentral_selling::ListEngagements as Operation>::TARGET,
        "AWSPartnerCentralSelling.ListEngagements"
    );
    assert_eq!(
        <dynamodb::Query as Operation>::SERVICE.signing_name,
        "dynamodb"
    );
    assert_eq!(<kms::Decrypt as Operation>::TARGET, "TrentService.Decrypt");
    assert_eq!(
        <ecr::DescribeRepositories as Operation>::SERVICE.endpoint_prefix,
        "api.ecr"
    );
    assert_eq!(
        <secretsmanager::CreateSecret as Operation>::IDEMPOTENCY_TOKEN,
        Some("ClientRequestToken")
    );
}

/// A model union scaffolds as an enum: one member on the wire, members the declaration
/// does not know read as `Unknown`.
#[test]
fn scaffolded_unions_are_enums_on_the_wire() {
    use verifiedpermissions::{AttributeValue, ContextDefinition};
    let context = ContextDefinition::ContextMap(
        [(
            "tags".to_owned(),
            AttributeValue::Set(vec![
                AttributeValue::String("a".into()),
                AttributeValue::Long(2),
            ]),
        )]
        .into(),
    );
    assert_eq!(
        serde_json::to_string(&context).unwrap(),
        r#"{"contextMap":{"tags":{"set":[{"string":"a"},{"long":2}]}}}"#
    );
    let read: AttributeValue =
        serde_json::from_str(r#"{"record":{"ok":{"boolean":true}}}"#).unwrap();
    let AttributeValue::Record(record) = read else {
        panic!("{read:?}")
    };
    assert!(matches!(record["ok"], AttributeValue::Boolean(true)));
    let later: AttributeValue = serde_json::from_str(r#"{"newKind":1}"#).unwrap();
    assert!(matches!(later, AttributeValue::Unknown(_)), "{later:?}");
}

/// The scaffold marks sensitive members `#[aws(sensitive)]`, and its `#[derive(Debug)]`
/// then prints them redacted.
#[test]
fn scaffolded_secrets_do_not_print() {
    let response: secretsmanager::GetSecretValueResponse = serde_json::from_str(
        r#"{"Name":"prod/db","SecretString":"hunter2","SecretBinary":"aHVudGVyMg=="}"#,
    )
    .unwrap();
    let debug = format!("{response:?}");
    assert!(!debug.contains("hunter2"), "{debug}");
    assert!(
        debug.contains("secret_string: \"*** Sensitive Data Redacted ***\""),
        "{debug}"
    );
    assert!(debug.contains("name: Some(\"prod/db\")"), "{debug}");
    let decrypted: kms::DecryptResponse =
        serde_json::from_str(r#"{"KeyId":"k","Plaintext":"aHVudGVyMg=="}"#).unwrap();
    let debug = format!("{decrypted:?}");
    assert!(
        debug.contains("plaintext: \"*** Sensitive Data Redacted ***\""),
        "{debug}"
    );
    assert!(debug.contains("key_id: Some(\"k\")"), "{debug}");
}

/// List operations scaffold with their model paginator: `pages()`, `items()` of the
/// result key's element type, and a page size where the model has a limit key.
#[test]
fn scaffolded_list_operations_paginate() {
    use std::any::TypeId;
    fn items<O: awsjson::PaginateItems + awsjson::PageSize>() -> TypeId
    where
        O::Item: 'static,
    {
        TypeId::of::<O::Item>()
    }
    assert_eq!(
        items::<ecr::DescribeRepositories>(),
        TypeId::of::<ecr::Repository>()
    );
    assert_eq!(
        items::<partnercentral_selling::ListEngagements>(),
        TypeId::of::<partnercentral_selling::EngagementSummary>()
    );
    assert_eq!(
        items::<dynamodb::Query>(),
        TypeId::of::<std::collections::HashMap<String, dynamodb::AttributeValue>>()
    );
}

/// Scaffolded inputs and shapes take `..Default::default()`: a user writes only the
/// members they set. Required members default to their zero value (an empty string,
/// an enum's or union's unknown variant), which the service rejects if left so.
#[test]
fn scaffolded_declarations_default() {
    let query = dynamodb::Query {
        table_name: "Music".to_owned(),
        limit: Some(10),
        ..Default::default()
    };
    assert_eq!(
        serde_json::to_value(&query).unwrap(),
        serde_json::json!({"TableName": "Music", "Limit": 10})
    );
    let secret = secretsmanager::CreateSecret {
        name: "prod/db".to_owned(),
        ..Default::default()
    };
    assert_eq!(secret.name, "prod/db");
    assert!(secret.secret_string.is_none());
    // A required enum member's default is the unknown variant with no value.
    let element = dynamodb::Condition::default();
    assert_eq!(element.comparison_operator.as_str(), "");
    assert!(matches!(
        element.comparison_operator,
        dynamodb::ComparisonOperator::Unknown(_)
    ));
    assert!(matches!(
        verifiedpermissions::AttributeValue::default(),
        verifiedpermissions::AttributeValue::Unknown(_)
    ));
}

/// The scaffold prints the model's host prefix, query compatibility and the endpoint
/// prefix that picks one of two services sharing a target prefix; the macro agrees.
#[test]
fn scaffolded_model_traits() {
    let discover = servicediscovery::DiscoverInstances::default();
    assert_eq!(discover.host_prefix().unwrap().as_deref(), Some("data-"));
    assert!(<cloudwatch::ListDashboards as Operation>::QUERY_COMPATIBLE);
    assert_eq!(
        <timestream_write::DescribeEndpoints as Operation>::SERVICE.endpoint_prefix,
        "ingest.timestream"
    );
}

/// restJson1 scaffolds send from the model's route, with no `X-Amz-Target`: each is
/// built into a request against a fixed region, which shows method, path and query.
#[tokio::test]
async fn scaffolded_rest_json_declarations_build_requests() {
    let client = awsjson::Client::builder()
        .region("eu-west-1")
        .credentials(awsjson::Credentials::new("AKID", "SECRET", None))
        .build()
        .unwrap();
    let invoke = lambda::Invoke {
        function_name: "f".into(),
        qualifier: Some("1".into()),
        ..Default::default()
    };
    let request = client.build_request(&invoke).await.unwrap();
    assert_eq!(request.method, "POST");
    assert_eq!(
        request.url,
        "https://lambda.eu-west-1.amazonaws.com/2015-03-31/functions/f/invocations?Qualifier=1"
    );
    assert_eq!(request.header("x-amz-target"), None);
    let apis = apigateway::GetRestApis {
        limit: Some(5),
        ..Default::default()
    };
    let request = client.build_request(&apis).await.unwrap();
    assert_eq!(request.method, "GET");
    assert_eq!(
        request.url,
        "https://apigateway.eu-west-1.amazonaws.com/restapis?limit=5"
    );
    let cluster = eks::DescribeCluster {
        name: "prod".into(),
    };
    let request = client.build_request(&cluster).await.unwrap();
    assert_eq!(
        request.url,
        "https://eks.eu-west-1.amazonaws.com/clusters/prod"
    );
    let model = bedrock_runtime::InvokeModel {
        model_id: "anthropic.claude-v2".into(),
        content_type: Some("application/json".into()),
        body: Some(awsjson::Blob::new(b"{}".to_vec())),
        ..Default::default()
    };
    let request = client.build_request(&model).await.unwrap();
    assert_eq!(
        request.url,
        "https://bedrock-runtime.eu-west-1.amazonaws.com/model/anthropic.claude-v2/invoke"
    );
    assert_eq!(request.header("content-type"), Some("application/json"));
    let speech = polly::SynthesizeSpeech {
        text: "hi".into(),
        output_format: polly::OutputFormat::Mp3,
        voice_id: polly::VoiceId::Joanna,
        ..Default::default()
    };
    let request = client.build_request(&speech).await.unwrap();
    assert_eq!(
        request.url,
        "https://polly.eu-west-1.amazonaws.com/v1/speech"
    );
}
