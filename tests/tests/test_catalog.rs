//! Real operations of seven services declared with `target` alone: no metadata keys,
//! no `rename`, no `rename_all`. The catalog supplies the service metadata, the wire
//! names (PascalCase for most services, camelCase for ECR), the timestamp formats and
//! the idempotency tokens, and checks every field against the model.

#![allow(dead_code, missing_docs)]

use std::collections::HashMap;

use awsjson::{Blob, DateTime, JsonVersion, Operation, aws_json_operation, aws_json_shape};
use awsjson_tests::offline::OfflineClient;
use serde_json::{Value, json};

/// The JSON body `send` would send for `op`.
fn body<O: Operation>(op: &O) -> Value {
    OfflineClient::new().body(op)
}

pub mod dynamodb {
    use super::*;

    #[aws_json_operation(
        target = "DynamoDB_20120810.PutItem",
        output = PutItemOutput,
        errors(ConditionalCheckFailedException, ResourceNotFoundException)
    )]
    pub struct PutItem {
        pub table_name: String,
        pub item: HashMap<String, AttributeValue>,
        pub condition_expression: Option<String>,
        pub return_values: Option<ReturnValue>,
    }

    #[aws_json_operation(target = "DynamoDB_20120810.GetItem", output = GetItemOutput)]
    pub struct GetItem {
        pub table_name: String,
        pub key: HashMap<String, AttributeValue>,
        pub consistent_read: Option<bool>,
    }

    #[aws_json_operation(target = "DynamoDB_20120810.DeleteItem")]
    pub struct DeleteItem {
        pub table_name: String,
        pub key: HashMap<String, AttributeValue>,
    }

    #[aws_json_operation(target = "DynamoDB_20120810.Query", output = QueryOutput)]
    pub struct Query {
        pub table_name: String,
        pub key_condition_expression: Option<String>,
        pub expression_attribute_values: Option<HashMap<String, AttributeValue>>,
        pub limit: Option<i32>,
        pub exclusive_start_key: Option<HashMap<String, AttributeValue>>,
    }

    #[aws_json_operation(target = "DynamoDB_20120810.ListTables", output = ListTablesOutput)]
    pub struct ListTables {
        pub exclusive_start_table_name: Option<String>,
        pub limit: Option<i32>,
    }

    #[aws_json_operation(
        target = "DynamoDB_20120810.DescribeTable",
        output = DescribeTableOutput,
        errors(ResourceNotFoundException)
    )]
    pub struct DescribeTable {
        pub table_name: String,
    }

    #[aws_json_shape(shape = "dynamodb#AttributeValue")]
    #[derive(Debug, Clone, PartialEq)]
    pub struct AttributeValue {
        pub s: Option<String>,
        pub n: Option<String>,
        pub b: Option<Blob>,
        pub bool: Option<bool>,
        pub l: Option<Vec<AttributeValue>>,
        pub m: Option<HashMap<String, AttributeValue>>,
    }

    // The same model shape as a union: one variant per member, named like fields.
    #[aws_json_shape(shape = "dynamodb#AttributeValue")]
    #[derive(Debug, Clone, PartialEq)]
    pub enum Value {
        S(String),
        N(String),
        Bool(bool),
        L(Vec<Value>),
        M(HashMap<String, Value>),
    }

    #[aws_json_operation(target = "DynamoDB_20120810.GetItem")]
    pub struct GetItemByValue {
        pub table_name: String,
        pub key: HashMap<String, Value>,
    }

    #[aws_json_shape(shape = "dynamodb#ReturnValue")]
    #[derive(Debug, Clone, PartialEq)]
    pub enum ReturnValue {
        None,
        AllOld,
        UpdatedNew,
    }

    #[aws_json_shape(shape = "dynamodb#PutItemOutput")]
    #[derive(Debug)]
    pub struct PutItemOutput {
        pub attributes: Option<HashMap<String, AttributeValue>>,
    }

    #[aws_json_shape(shape = "dynamodb#GetItemOutput")]
    #[derive(Debug)]
    pub struct GetItemOutput {
        pub item: Option<HashMap<String, AttributeValue>>,
    }

    #[aws_json_shape(shape = "dynamodb#QueryOutput")]
    #[derive(Debug)]
    pub struct QueryOutput {
        pub items: Option<Vec<HashMap<String, AttributeValue>>>,
        pub count: Option<i32>,
        pub last_evaluated_key: Option<HashMap<String, AttributeValue>>,
    }

    // No `shape`: the foundation's naming rules give the wire names, and the
    // operation still checks them against its output at compile time.
    #[aws_json_shape]
    #[derive(Debug)]
    pub struct ListTablesOutput {
        pub table_names: Option<Vec<String>>,
        pub last_evaluated_table_name: Option<String>,
    }

    #[aws_json_shape(shape = "dynamodb#DescribeTableOutput")]
    #[derive(Debug)]
    pub struct DescribeTableOutput {
        pub table: Option<TableDescription>,
    }

    #[aws_json_shape(shape = "dynamodb#TableDescription")]
    #[derive(Debug)]
    pub struct TableDescription {
        pub table_name: Option<String>,
        pub table_status: Option<TableStatus>,
        pub creation_date_time: Option<DateTime>,
        pub item_count: Option<i64>,
    }

    #[aws_json_shape(shape = "dynamodb#TableStatus")]
    #[derive(Debug, PartialEq)]
    pub enum TableStatus {
        Creating,
        Active,
        Deleting,
    }

    #[aws_json_shape]
    #[derive(Debug)]
    pub struct ConditionalCheckFailedException {
        pub message: Option<String>,
    }

    #[aws_json_shape]
    #[derive(Debug)]
    pub struct ResourceNotFoundException {
        pub message: Option<String>,
    }
}

pub mod kms {
    use super::*;

    #[aws_json_operation(target = "TrentService.Encrypt", output = EncryptResponse)]
    pub struct Encrypt {
        pub key_id: String,
        pub plaintext: Blob,
        pub encryption_context: Option<HashMap<String, String>>,
    }

    #[aws_json_operation(target = "TrentService.Decrypt", output = DecryptResponse)]
    pub struct Decrypt {
        pub ciphertext_blob: Blob,
        pub key_id: Option<String>,
    }

    #[aws_json_operation(target = "TrentService.GenerateDataKey", output = GenerateDataKeyResponse)]
    pub struct GenerateDataKey {
        pub key_id: String,
        pub key_spec: Option<String>,
        pub number_of_bytes: Option<i32>,
    }

    #[aws_json_operation(target = "TrentService.DescribeKey", output = DescribeKeyResponse)]
    pub struct DescribeKey {
        pub key_id: String,
    }

    #[aws_json_operation(target = "TrentService.ListKeys", output = ListKeysResponse)]
    pub struct ListKeys {
        pub limit: Option<i32>,
        pub marker: Option<String>,
    }

    #[aws_json_operation(target = "TrentService.CreateKey", output = DescribeKeyResponse)]
    pub struct CreateKey {
        pub description: Option<String>,
        pub key_usage: Option<String>,
    }

    #[aws_json_shape(shape = "kms#EncryptResponse")]
    #[derive(Debug)]
    pub struct EncryptResponse {
        pub ciphertext_blob: Option<Blob>,
        pub key_id: Option<String>,
    }

    #[aws_json_shape(shape = "kms#DecryptResponse")]
    #[derive(Debug)]
    pub struct DecryptResponse {
        pub plaintext: Option<Blob>,
    }

    #[aws_json_shape(shape = "kms#GenerateDataKeyResponse")]
    #[derive(Debug)]
    pub struct GenerateDataKeyResponse {
        pub ciphertext_blob: Option<Blob>,
        pub plaintext: Option<Blob>,
    }

    // CreateKey and DescribeKey both answer `{"KeyMetadata": ...}`; their model
    // shapes differ, so this one declares no `shape` and is checked by member name.
    #[aws_json_shape]
    #[derive(Debug)]
    pub struct DescribeKeyResponse {
        pub key_metadata: Option<KeyMetadata>,
    }

    #[aws_json_shape(shape = "kms#KeyMetadata")]
    #[derive(Debug)]
    pub struct KeyMetadata {
        pub key_id: String,
        pub arn: Option<String>,
        pub creation_date: Option<DateTime>,
        pub enabled: Option<bool>,
    }

    #[aws_json_shape(shape = "kms#ListKeysResponse")]
    #[derive(Debug)]
    pub struct ListKeysResponse {
        pub keys: Option<Vec<KeyListEntry>>,
        pub next_marker: Option<String>,
        pub truncated: Option<bool>,
    }

    #[aws_json_shape(shape = "kms#KeyListEntry")]
    #[derive(Debug)]
    pub struct KeyListEntry {
        pub key_id: Option<String>,
        pub key_arn: Option<String>,
    }
}

pub mod partner_central {
    use super::*;

    #[aws_json_operation(
        target = "AWSPartnerCentralSelling.CreateResourceSnapshotJob",
        output = CreateResourceSnapshotJobResponse,
        errors(ValidationException)
    )]
    pub struct CreateResourceSnapshotJob {
        pub catalog: String,
        pub engagement_identifier: String,
        pub resource_identifier: String,
        pub resource_snapshot_template_identifier: String,
        pub resource_type: ResourceType,
        pub client_token: Option<String>,
        pub tags: Option<Vec<Tag>>,
    }

    #[aws_json_operation(
        target = "AWSPartnerCentralSelling.ListEngagements",
        output = ListEngagementsResponse
    )]
    pub struct ListEngagements {
        pub catalog: String,
        pub max_results: Option<i32>,
        pub next_token: Option<String>,
    }

    #[aws_json_operation(
        target = "AWSPartnerCentralSelling.GetOpportunity",
        output = GetOpportunityResponse
    )]
    pub struct GetOpportunity {
        pub catalog: String,
        pub identifier: String,
    }

    #[aws_json_shape(shape = "partnercentral-selling#ResourceType")]
    #[derive(Debug, Clone, PartialEq)]
    pub enum ResourceType {
        Opportunity,
    }

    #[aws_json_shape(shape = "partnercentral-selling#Tag")]
    #[derive(Debug, Clone)]
    pub struct Tag {
        pub key: String,
        pub value: String,
    }

    #[aws_json_shape(shape = "partnercentral-selling#CreateResourceSnapshotJobResponse")]
    #[derive(Debug)]
    pub struct CreateResourceSnapshotJobResponse {
        pub id: Option<String>,
        pub arn: Option<String>,
    }

    #[aws_json_shape(shape = "partnercentral-selling#ListEngagementsResponse")]
    #[derive(Debug)]
    pub struct ListEngagementsResponse {
        pub engagement_summary_list: Vec<EngagementSummary>,
        pub next_token: Option<String>,
    }

    #[aws_json_shape(shape = "partnercentral-selling#EngagementSummary")]
    #[derive(Debug)]
    pub struct EngagementSummary {
        pub id: Option<String>,
        pub title: Option<String>,
        pub created_at: Option<DateTime>,
    }

    #[aws_json_shape(shape = "partnercentral-selling#GetOpportunityResponse")]
    #[derive(Debug)]
    pub struct GetOpportunityResponse {
        pub id: String,
        pub created_date: DateTime,
        pub last_modified_date: DateTime,
    }

    #[aws_json_shape(shape = "partnercentral-selling#ValidationException")]
    #[derive(Debug)]
    pub struct ValidationException {
        pub message: String,
        pub reason: String,
    }
}

pub mod ecr {
    use super::*;

    #[aws_json_operation(
        target = "AmazonEC2ContainerRegistry_V20150921.CreateRepository",
        output = CreateRepositoryResponse,
        errors(RepositoryAlreadyExistsException)
    )]
    pub struct CreateRepository {
        pub repository_name: String,
        pub image_tag_mutability: Option<ImageTagMutability>,
        pub tags: Option<Vec<Tag>>,
    }

    #[aws_json_operation(
        target = "AmazonEC2ContainerRegistry_V20150921.DescribeRepositories",
        output = DescribeRepositoriesResponse
    )]
    pub struct DescribeRepositories {
        pub repository_names: Option<Vec<String>>,
        pub next_token: Option<String>,
        pub max_results: Option<i32>,
    }

    #[aws_json_operation(
        target = "AmazonEC2ContainerRegistry_V20150921.DeleteRepository",
        output = CreateRepositoryResponse
    )]
    pub struct DeleteRepository {
        pub repository_name: String,
        pub force: Option<bool>,
    }

    #[aws_json_shape(shape = "ecr#ImageTagMutability")]
    #[derive(Debug, Clone, PartialEq)]
    pub enum ImageTagMutability {
        Mutable,
        Immutable,
    }

    #[aws_json_shape(shape = "ecr#Tag")]
    #[derive(Debug, Clone)]
    pub struct Tag {
        pub key: String,
        pub value: String,
    }

    // Create and Delete both answer `{"repository": ...}`: no `shape`, member names.
    #[aws_json_shape(rename_all = "camelCase")]
    #[derive(Debug)]
    pub struct CreateRepositoryResponse {
        pub repository: Option<Repository>,
    }

    #[aws_json_shape(shape = "ecr#DescribeRepositoriesResponse")]
    #[derive(Debug)]
    pub struct DescribeRepositoriesResponse {
        pub repositories: Option<Vec<Repository>>,
        pub next_token: Option<String>,
    }

    #[aws_json_shape(shape = "ecr#Repository")]
    #[derive(Debug)]
    pub struct Repository {
        pub repository_arn: Option<String>,
        pub repository_name: Option<String>,
        pub repository_uri: Option<String>,
        pub created_at: Option<DateTime>,
        pub image_tag_mutability: Option<ImageTagMutability>,
    }

    #[aws_json_shape(shape = "ecr#RepositoryAlreadyExistsException")]
    #[derive(Debug)]
    pub struct RepositoryAlreadyExistsException {
        pub message: Option<String>,
    }
}

pub mod secrets {
    use super::*;

    // `ClientRequestToken` is the model's idempotency token: filled though undeclared.
    #[aws_json_operation(target = "secretsmanager.CreateSecret", output = CreateSecretResponse)]
    pub struct CreateSecret {
        pub name: String,
        pub secret_string: Option<String>,
    }

    #[aws_json_operation(target = "secretsmanager.GetSecretValue", output = GetSecretValueResponse)]
    pub struct GetSecretValue {
        pub secret_id: String,
        pub version_stage: Option<String>,
    }

    #[aws_json_operation(target = "secretsmanager.PutSecretValue")]
    pub struct PutSecretValue {
        pub secret_id: String,
        pub secret_string: Option<String>,
        pub client_request_token: Option<String>,
    }

    #[aws_json_shape(shape = "secretsmanager#CreateSecretResponse")]
    #[derive(Debug)]
    pub struct CreateSecretResponse {
        pub arn: Option<String>,
        pub name: Option<String>,
        pub version_id: Option<String>,
    }

    #[aws_json_shape(shape = "secretsmanager#GetSecretValueResponse")]
    #[derive(Debug)]
    pub struct GetSecretValueResponse {
        pub arn: Option<String>,
        pub secret_string: Option<String>,
        pub created_date: Option<DateTime>,
    }
}

pub mod ssm {
    use super::*;

    #[aws_json_operation(target = "AmazonSSM.GetParameter", output = GetParameterResult)]
    pub struct GetParameter {
        pub name: String,
        pub with_decryption: Option<bool>,
    }

    #[aws_json_operation(target = "AmazonSSM.PutParameter")]
    pub struct PutParameter {
        pub name: String,
        pub value: String,
        pub overwrite: Option<bool>,
    }

    #[aws_json_shape(shape = "ssm#GetParameterResult")]
    #[derive(Debug)]
    pub struct GetParameterResult {
        pub parameter: Option<Parameter>,
    }

    #[aws_json_shape(shape = "ssm#Parameter")]
    #[derive(Debug)]
    pub struct Parameter {
        pub name: Option<String>,
        pub value: Option<String>,
        pub version: Option<i64>,
        pub last_modified_date: Option<DateTime>,
    }
}

pub mod logs {
    use super::*;

    #[aws_json_operation(target = "Logs_20140328.CreateLogGroup")]
    pub struct CreateLogGroup {
        pub log_group_name: String,
        pub kms_key_id: Option<String>,
    }

    #[aws_json_operation(target = "Logs_20140328.PutLogEvents")]
    pub struct PutLogEvents {
        pub log_group_name: String,
        pub log_stream_name: String,
        pub log_events: Vec<InputLogEvent>,
    }

    #[aws_json_shape(shape = "logs#InputLogEvent")]
    #[derive(Debug)]
    pub struct InputLogEvent {
        pub timestamp: i64,
        pub message: String,
    }
}

/// A target prefix with dots of its own.
pub mod cloudtrail {
    use super::*;

    #[aws_json_operation(
        target = "com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101.DescribeTrails"
    )]
    pub struct DescribeTrails {
        pub trail_name_list: Option<Vec<String>>,
    }
}

/// Timestream's query and write share a prefix and `TagResource`: the endpoint
/// prefix picks the service (and so its model and endpoint).
pub mod timestream {
    use super::*;

    #[aws_json_operation(
        target = "Timestream_20181101.TagResource",
        endpoint_prefix = "ingest.timestream"
    )]
    pub struct TagResource {
        pub resource_arn: String,
        pub tags: Vec<Tag>,
    }

    #[aws_json_shape(shape = "timestream-write#Tag")]
    pub struct Tag {
        pub key: String,
        pub value: String,
    }
}

/// A global service: one endpoint per partition, signed for one region.
pub mod support {
    use super::*;

    #[aws_json_operation(target = "AWSSupport_20130415.DescribeServices")]
    pub struct DescribeServices {
        pub language: Option<String>,
    }
}

#[test]
fn endpoints_the_runtime_cannot_derive_come_from_the_catalog() {
    let support = <support::DescribeServices as Operation>::SERVICE;
    assert_eq!(
        support.default_endpoint("eu-west-1"),
        "https://support.us-east-1.amazonaws.com"
    );
    let aws = support
        .endpoints
        .iter()
        .find(|e| e.partition == "aws" && !e.fips && !e.dual_stack && e.region.is_none())
        .unwrap();
    assert_eq!(aws.signing_region, Some("us-east-1"));
    assert_eq!(
        support.default_endpoint("cn-north-1"),
        "https://support.cn-north-1.amazonaws.com.cn"
    );
    // DynamoDB follows the conventions except for FIPS in GovCloud.
    let ddb = <dynamodb::PutItem as Operation>::SERVICE;
    assert_eq!(ddb.endpoints.len(), 1);
    assert_eq!(
        (
            ddb.endpoints[0].partition,
            ddb.endpoints[0].fips,
            ddb.endpoints[0].hostname
        ),
        (
            "aws-us-gov",
            true,
            "https://dynamodb.{region}.amazonaws.com"
        )
    );
    assert!(<kms::Encrypt as Operation>::SERVICE.endpoints.is_empty());
}

#[test]
fn service_metadata_comes_from_the_target() {
    let ddb = <dynamodb::PutItem as Operation>::SERVICE;
    assert_eq!(ddb.target_prefix, "DynamoDB_20120810");
    assert_eq!(ddb.json_version, JsonVersion::V1_0);
    assert_eq!(ddb.signing_name, "dynamodb");
    assert_eq!(ddb.hostname, "dynamodb.{region}.{dnsSuffix}");
    assert_eq!(
        ddb.default_endpoint("eu-west-1"),
        "https://dynamodb.eu-west-1.amazonaws.com"
    );

    let pcs = <partner_central::ListEngagements as Operation>::SERVICE;
    assert_eq!(pcs.json_version, JsonVersion::V1_0);
    assert_eq!(pcs.signing_name, "partnercentral-selling");
    assert_eq!(
        pcs.default_endpoint("us-east-1"),
        "https://partnercentral-selling.us-east-1.api.aws"
    );

    let ecr = <ecr::CreateRepository as Operation>::SERVICE;
    assert_eq!(ecr.json_version, JsonVersion::V1_1);
    assert_eq!(ecr.signing_name, "ecr");
    assert_eq!(ecr.endpoint_prefix, "api.ecr");
    assert_eq!(
        ecr.default_endpoint("us-west-2"),
        "https://api.ecr.us-west-2.amazonaws.com"
    );

    assert_eq!(
        <kms::Encrypt as Operation>::SERVICE.json_version,
        JsonVersion::V1_1
    );
    assert_eq!(<kms::Encrypt as Operation>::SERVICE.service_id, "KMS");
    assert_eq!(
        <ssm::GetParameter as Operation>::TARGET,
        "AmazonSSM.GetParameter"
    );
    let ts = <timestream::TagResource as Operation>::SERVICE;
    assert_eq!(ts.signing_name, "timestream");
    assert_eq!(ts.endpoint_prefix, "ingest.timestream");
    let trail = <cloudtrail::DescribeTrails as Operation>::SERVICE;
    assert_eq!(
        trail.target_prefix,
        "com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101"
    );
    assert_eq!(
        trail.default_endpoint("us-east-2"),
        "https://cloudtrail.us-east-2.amazonaws.com"
    );
}

#[test]
fn wire_names_come_from_the_model() {
    let put = dynamodb::PutItem {
        table_name: "t".into(),
        item: HashMap::from([(
            "pk".into(),
            dynamodb::AttributeValue {
                s: Some("a".into()),
                n: None,
                b: None,
                bool: None,
                l: None,
                m: None,
            },
        )]),
        condition_expression: None,
        return_values: Some(dynamodb::ReturnValue::AllOld),
    };
    assert_eq!(
        body(&put),
        json!({"TableName": "t", "Item": {"pk": {"S": "a"}}, "ReturnValues": "ALL_OLD"})
    );

    let get = dynamodb::GetItemByValue {
        table_name: "t".into(),
        key: HashMap::from([
            ("pk".into(), dynamodb::Value::S("a".into())),
            ("on".into(), dynamodb::Value::Bool(true)),
        ]),
    };
    assert_eq!(
        body(&get),
        json!({"TableName": "t", "Key": {"pk": {"S": "a"}, "on": {"BOOL": true}}})
    );

    let kms = kms::Encrypt {
        key_id: "alias/k".into(),
        plaintext: Blob::new(*b"hi"),
        encryption_context: None,
    };
    assert_eq!(body(&kms), json!({"KeyId": "alias/k", "Plaintext": "aGk="}));

    let ecr = ecr::CreateRepository {
        repository_name: "r".into(),
        image_tag_mutability: Some(ecr::ImageTagMutability::Immutable),
        tags: Some(vec![ecr::Tag {
            key: "k".into(),
            value: "v".into(),
        }]),
    };
    assert_eq!(
        body(&ecr),
        json!({"repositoryName": "r", "imageTagMutability": "IMMUTABLE", "tags": [{"Key": "k", "Value": "v"}]})
    );
}

#[test]
fn the_model_token_is_filled_with_or_without_a_field() {
    let declared = partner_central::CreateResourceSnapshotJob {
        catalog: "Sandbox".into(),
        engagement_identifier: "e".into(),
        resource_identifier: "r".into(),
        resource_snapshot_template_identifier: "t".into(),
        resource_type: partner_central::ResourceType::Opportunity,
        client_token: None,
        tags: None,
    };
    assert_eq!(body(&declared)["ClientToken"].as_str().unwrap().len(), 36);
    let given = partner_central::CreateResourceSnapshotJob {
        client_token: Some("mine".into()),
        ..declared
    };
    assert_eq!(body(&given)["ClientToken"], "mine");

    let undeclared = secrets::CreateSecret {
        name: "s".into(),
        secret_string: None,
    };
    let b = body(&undeclared);
    assert_eq!(b["Name"], "s");
    assert_eq!(b["ClientRequestToken"].as_str().unwrap().len(), 36);
}

#[test]
fn timestamp_formats_come_from_the_model() {
    // Partner Central's `DateTime` is ISO 8601; DynamoDB's timestamps are epoch seconds.
    let out = serde_json::from_slice::<partner_central::GetOpportunityResponse>(
        br#"{"Id":"O1","CreatedDate":"2024-05-01T12:00:00Z","LastModifiedDate":"2024-05-02T00:00:00.5Z"}"#,
    )
    .unwrap();
    assert_eq!(out.created_date, DateTime::from_secs(1_714_564_800));
    let out = serde_json::from_slice::<dynamodb::DescribeTableOutput>(
        br#"{"Table":{"TableName":"t","TableStatus":"ACTIVE","CreationDateTime":1714564800.25}}"#,
    )
    .unwrap();
    let table = out.table.unwrap();
    assert_eq!(table.table_status, Some(dynamodb::TableStatus::Active));
    assert_eq!(
        table.creation_date_time,
        Some(DateTime::from_secs_and_nanos(1_714_564_800, 250_000_000))
    );
}

/// The model's `endpoint` and `awsQueryCompatible` traits come from the catalog too:
/// these declarations name neither.
pub mod model_traits {
    use super::*;

    #[aws_json_operation(target = "Route53AutoNaming_v20170314.DiscoverInstances")]
    pub struct DiscoverInstances {
        pub namespace_name: String,
        pub service_name: String,
    }

    #[aws_json_operation(target = "AWSStepFunctions.TestState")]
    pub struct TestState {
        pub definition: String,
    }

    #[aws_json_operation(target = "GraniteServiceVersion20100801.ListDashboards")]
    pub struct ListDashboards {
        pub next_token: Option<String>,
    }

    #[aws_json_operation(target = "AWSStepFunctions.ListActivities")]
    pub struct ListActivities {
        pub next_token: Option<String>,
    }
}

#[test]
fn host_prefix_and_query_mode_come_from_the_model() {
    use model_traits::*;
    let discover = DiscoverInstances {
        namespace_name: "ns".into(),
        service_name: "svc".into(),
    };
    assert_eq!(discover.host_prefix().unwrap().as_deref(), Some("data-"));
    let test = TestState {
        definition: "{}".into(),
    };
    assert_eq!(test.host_prefix().unwrap().as_deref(), Some("sync-"));
    let list = ListActivities { next_token: None };
    assert_eq!(list.host_prefix().unwrap(), None);
    // Checked when this test compiles.
    const { assert!(<ListDashboards as Operation>::QUERY_COMPATIBLE) };
    const { assert!(!<ListActivities as Operation>::QUERY_COMPATIBLE) };
}
