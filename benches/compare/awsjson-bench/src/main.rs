//! The benchmark program written with awsjson: four declared operations.

use std::collections::HashMap;
use std::hint::black_box;

use awsjson::{Client, Credentials, aws_json_operation, aws_json_shape};

include!("../../driver.rs");

#[aws_json_operation(
    target = "AWSPartnerCentralSelling.CreateResourceSnapshotJob",
    output = CreateResourceSnapshotJobResponse,
    errors(AccessDeniedException, ConflictException, InternalServerException,
           ResourceNotFoundException, ServiceQuotaExceededException,
           ThrottlingException, ValidationException),
)]
pub struct CreateResourceSnapshotJob {
    pub catalog: String,
    pub engagement_identifier: String,
    pub resource_identifier: String,
    pub resource_snapshot_template_identifier: String,
    pub resource_type: ResourceType,
    #[idempotency]
    pub client_token: Option<String>,
    pub tags: Option<Vec<Tag>>,
}

#[aws_json_shape]
#[derive(Debug)]
pub enum ResourceType {
    Opportunity,
}

#[aws_json_shape]
#[derive(Debug)]
pub struct Tag {
    pub key: String,
    pub value: String,
}

#[aws_json_shape]
#[derive(Debug)]
pub struct CreateResourceSnapshotJobResponse {
    pub id: Option<String>,
    pub arn: Option<String>,
}

#[aws_json_shape]
#[derive(Debug)]
pub struct AccessDeniedException {
    pub message: Option<String>,
    pub reason: Option<String>,
}

#[aws_json_shape]
#[derive(Debug)]
pub struct ValidationException {
    pub message: Option<String>,
    pub reason: Option<String>,
}

macro_rules! message_only {
    ($($name:ident),*) => {$(
        #[aws_json_shape]
        #[derive(Debug)]
        pub struct $name {
            pub message: Option<String>,
        }
    )*};
}

message_only!(
    ConflictException,
    InternalServerException,
    ResourceNotFoundException,
    ServiceQuotaExceededException,
    ThrottlingException,
    ConditionalCheckFailedException,
    InternalServerError,
    ProvisionedThroughputExceededException,
    RequestLimitExceeded,
    TransactionConflictException,
    ItemCollectionSizeLimitExceededException
);

/// A DynamoDB attribute value: exactly one member is set.
#[aws_json_shape]
#[derive(Debug, Default)]
pub struct AttributeValue {
    pub s: Option<String>,
    pub n: Option<String>,
    #[aws(rename = "BOOL")]
    pub bool: Option<bool>,
    pub l: Option<Vec<AttributeValue>>,
    pub m: Option<HashMap<String, AttributeValue>>,
}

fn s(value: &str) -> AttributeValue {
    AttributeValue {
        s: Some(value.to_owned()),
        ..AttributeValue::default()
    }
}

fn n(value: &str) -> AttributeValue {
    AttributeValue {
        n: Some(value.to_owned()),
        ..AttributeValue::default()
    }
}

#[aws_json_operation(
    target = "DynamoDB_20120810.PutItem",
    output = PutItemOutput,
    errors(ConditionalCheckFailedException, InternalServerError,
           ProvisionedThroughputExceededException, RequestLimitExceeded,
           ResourceNotFoundException, TransactionConflictException,
           ItemCollectionSizeLimitExceededException),
)]
pub struct PutItem {
    pub table_name: String,
    pub item: HashMap<String, AttributeValue>,
    pub condition_expression: Option<String>,
    pub return_consumed_capacity: Option<String>,
}

#[aws_json_shape]
#[derive(Debug)]
pub struct ConsumedCapacity {
    pub table_name: Option<String>,
    pub capacity_units: Option<f64>,
}

#[aws_json_shape]
#[derive(Debug)]
pub struct PutItemOutput {
    pub attributes: Option<HashMap<String, AttributeValue>>,
    pub consumed_capacity: Option<ConsumedCapacity>,
}

#[aws_json_operation(
    target = "DynamoDB_20120810.GetItem",
    output = GetItemOutput,
    errors(InternalServerError, ProvisionedThroughputExceededException,
           RequestLimitExceeded, ResourceNotFoundException),
)]
#[derive(Debug, Default)]
pub struct GetItem {
    pub table_name: String,
    pub key: HashMap<String, AttributeValue>,
    pub consistent_read: Option<bool>,
    // BENCH-EDIT-DECL
}

#[aws_json_shape]
#[derive(Debug)]
pub struct GetItemOutput {
    pub item: Option<HashMap<String, AttributeValue>>,
    pub consumed_capacity: Option<ConsumedCapacity>,
}

#[aws_json_operation(
    target = "DynamoDB_20120810.Query",
    output = QueryOutput,
    errors(InternalServerError, ProvisionedThroughputExceededException,
           RequestLimitExceeded, ResourceNotFoundException),
)]
pub struct Query {
    pub table_name: String,
    pub key_condition_expression: Option<String>,
    pub expression_attribute_values: Option<HashMap<String, AttributeValue>>,
    pub limit: Option<i32>,
}

#[aws_json_shape]
#[derive(Debug)]
pub struct QueryOutput {
    pub items: Option<Vec<HashMap<String, AttributeValue>>>,
    pub count: Option<i32>,
    pub scanned_count: Option<i32>,
    pub last_evaluated_key: Option<HashMap<String, AttributeValue>>,
}

#[derive(Clone)]
struct Ctx {
    client: Client,
}

async fn setup(endpoint: &str) -> Ctx {
    let client = Client::builder()
        .region("us-east-1")
        .credentials(Credentials::new(
            "AKIDEXAMPLE",
            "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY",
            None,
        ))
        .endpoint_url(endpoint)
        .build()
        .expect("client");
    Ctx { client }
}

/// As a program starts: region, credentials and endpoint from the environment and the
/// shared config files (run.sh sets `AWS_ENDPOINT_URL` and a `HOME` with both files).
async fn setup_from_env(_endpoint: &str) -> Ctx {
    Ctx {
        client: Client::from_env().await.expect("client from the environment"),
    }
}

// `..GetItem::default()` lets run.sh add a field to the `GetItem` declaration.
#[allow(clippy::needless_update)]
async fn call(ctx: &Ctx, i: usize) {
    let client = &ctx.client;
    match i % 4 {
        0 => {
            let out = CreateResourceSnapshotJob {
                catalog: "Sandbox".into(),
                engagement_identifier: "eng-abcdefghij1234".into(),
                resource_identifier: "O1234567".into(),
                resource_snapshot_template_identifier: "AWSOpportunitySummary".into(),
                resource_type: ResourceType::Opportunity,
                client_token: None,
                tags: Some(vec![Tag {
                    key: "team".into(),
                    value: "sales".into(),
                }]),
            }
            .send(client)
            .await
            .expect("CreateResourceSnapshotJob");
            black_box(out.id.expect("Id"));
        }
        1 => {
            let item = HashMap::from([
                ("pk".to_owned(), s("user#1")),
                ("sk".to_owned(), s("profile")),
                ("name".to_owned(), s("Ada Lovelace")), // BENCH-EDIT-CALL
                ("age".to_owned(), n("36")),
            ]);
            let out = PutItem {
                table_name: "bench".into(),
                item,
                condition_expression: None,
                return_consumed_capacity: Some("TOTAL".into()),
            }
            .send(client)
            .await
            .expect("PutItem");
            black_box(out.consumed_capacity.expect("ConsumedCapacity"));
        }
        2 => {
            let out = GetItem {
                table_name: "bench".into(),
                key: HashMap::from([
                    ("pk".to_owned(), s("user#1")),
                    ("sk".to_owned(), s("profile")),
                ]),
                consistent_read: Some(true),
                ..GetItem::default()
            }
            .send(client)
            .await
            .expect("GetItem");
            black_box(out.item.expect("Item"));
        }
        _ => {
            let out = Query {
                table_name: "bench".into(),
                key_condition_expression: Some("pk = :pk".into()),
                expression_attribute_values: Some(HashMap::from([(":pk".to_owned(), s("user#1"))])),
                limit: Some(10),
            }
            .send(client)
            .await
            .expect("Query");
            assert_eq!(out.items.expect("Items").len(), 3);
        }
    }
}

// Lambda's GetFunction (restJson1), named by the catalog: `function_name` is the URI
// label, `qualifier` the query parameter `Qualifier`.
#[aws_json_operation(
    operation = "lambda#GetFunction",
    output = GetFunctionResponse,
    errors(ResourceNotFoundException, InvalidParameterValueException),
)]
pub struct GetFunction {
    pub function_name: String,
    pub qualifier: Option<String>,
}

#[aws_json_shape(shape = "lambda#GetFunctionResponse")]
#[derive(Debug)]
pub struct GetFunctionResponse {
    pub configuration: Option<FunctionConfiguration>,
    pub code: Option<FunctionCodeLocation>,
    pub tags: Option<HashMap<String, String>>,
}

#[aws_json_shape(shape = "lambda#FunctionConfiguration")]
#[derive(Debug)]
pub struct FunctionConfiguration {
    pub function_name: Option<String>,
    pub function_arn: Option<String>,
    pub runtime: Option<String>,
    pub role: Option<String>,
    pub handler: Option<String>,
    pub code_size: Option<i64>,
    pub description: Option<String>,
    pub timeout: Option<i32>,
    pub memory_size: Option<i32>,
    pub last_modified: Option<String>,
    pub code_sha256: Option<String>,
    pub version: Option<String>,
    pub environment: Option<EnvironmentResponse>,
    pub revision_id: Option<String>,
    pub state: Option<String>,
    pub last_update_status: Option<String>,
    pub package_type: Option<String>,
    pub architectures: Option<Vec<String>>,
}

#[aws_json_shape(shape = "lambda#EnvironmentResponse")]
#[derive(Debug)]
pub struct EnvironmentResponse {
    pub variables: Option<HashMap<String, String>>,
}

#[aws_json_shape(shape = "lambda#FunctionCodeLocation")]
#[derive(Debug)]
pub struct FunctionCodeLocation {
    pub repository_type: Option<String>,
    pub location: Option<String>,
}

#[aws_json_shape(shape = "lambda#InvalidParameterValueException")]
#[derive(Debug)]
pub struct InvalidParameterValueException {
    pub r#type: Option<String>,
    pub message: Option<String>,
}

async fn call_rest_json(ctx: &Ctx, _: usize) {
    let out = GetFunction {
        function_name: "bench-fn".into(),
        qualifier: Some("live".into()),
    }
    .send(&ctx.client)
    .await
    .expect("GetFunction");
    let configuration = out.configuration.expect("Configuration");
    assert_eq!(configuration.memory_size, Some(256));
    black_box((configuration, out.code, out.tags));
}
