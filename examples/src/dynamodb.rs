//! DynamoDB: tables, items, queries, scans, batches and transactions.
//!
//! `AttributeValue` is a union: an enum with one variant per member.

// Members are the service's own; their documentation is the DynamoDB API reference.
#![allow(missing_docs)]

use std::collections::HashMap;

use awsjson::{Blob, DateTime, aws_json_operation, aws_json_shape};

/// An item or a key: attribute name to value.
pub type Item = HashMap<String, AttributeValue>;

/// One attribute value: a union, so exactly one of its members is on the wire.
#[aws_json_shape]
#[derive(Debug, Clone, PartialEq)]
pub enum AttributeValue {
    S(String),
    /// DynamoDB sends numbers as strings to keep their precision.
    N(String),
    B(Blob),
    #[aws(rename = "SS")]
    Ss(Vec<String>),
    #[aws(rename = "NS")]
    Ns(Vec<String>),
    #[aws(rename = "BS")]
    Bs(Vec<Blob>),
    M(HashMap<String, AttributeValue>),
    L(Vec<AttributeValue>),
    #[aws(rename = "NULL")]
    Null(bool),
    #[aws(rename = "BOOL")]
    Bool(bool),
}

impl AttributeValue {
    /// A string.
    pub fn s(value: impl Into<String>) -> Self {
        AttributeValue::S(value.into())
    }

    /// A number.
    pub fn n(value: impl ToString) -> Self {
        AttributeValue::N(value.to_string())
    }

    /// The string, if this is one.
    pub fn as_s(&self) -> Option<&str> {
        match self {
            AttributeValue::S(s) => Some(s),
            _ => None,
        }
    }

    /// The number, if this is one that parses as `T`.
    pub fn as_n<T: std::str::FromStr>(&self) -> Option<T> {
        match self {
            AttributeValue::N(n) => n.parse().ok(),
            _ => None,
        }
    }
}

/// A primary-key attribute and its role.
#[aws_json_shape]
#[derive(Debug, Clone, PartialEq)]
pub struct KeySchemaElement {
    pub attribute_name: String,
    pub key_type: KeyType,
}

/// `HASH` (partition key) or `RANGE` (sort key).
#[aws_json_shape]
#[derive(Debug, Clone, PartialEq)]
pub enum KeyType {
    #[aws(rename = "HASH")]
    Hash,
    #[aws(rename = "RANGE")]
    Range,
}

/// The type of a key attribute.
#[aws_json_shape]
#[derive(Debug, Clone, PartialEq)]
pub struct AttributeDefinition {
    pub attribute_name: String,
    pub attribute_type: ScalarAttributeType,
}

/// `S`, `N` or `B`.
#[aws_json_shape]
#[derive(Debug, Clone, PartialEq)]
pub enum ScalarAttributeType {
    S,
    N,
    B,
}

/// How a table is billed.
#[aws_json_shape(rename_all = "SCREAMING_SNAKE_CASE")]
#[derive(Debug, Clone, PartialEq)]
pub enum BillingMode {
    Provisioned,
    PayPerRequest,
}

/// A table's lifecycle state.
#[aws_json_shape(rename_all = "SCREAMING_SNAKE_CASE")]
#[derive(Debug, Clone, PartialEq)]
pub enum TableStatus {
    Creating,
    Updating,
    Deleting,
    Active,
    InaccessibleEncryptionCredentials,
    Archiving,
    Archived,
}

/// Which attributes a write returns.
#[aws_json_shape(rename_all = "SCREAMING_SNAKE_CASE")]
#[derive(Debug, Clone, PartialEq)]
pub enum ReturnValue {
    None,
    AllOld,
    UpdatedOld,
    AllNew,
    UpdatedNew,
}

/// A table as `DescribeTable` and friends report it.
#[aws_json_shape]
#[derive(Debug, Clone)]
pub struct TableDescription {
    pub table_name: Option<String>,
    pub table_arn: Option<String>,
    pub table_status: Option<TableStatus>,
    pub creation_date_time: Option<DateTime>,
    pub item_count: Option<i64>,
    pub key_schema: Option<Vec<KeySchemaElement>>,
    pub attribute_definitions: Option<Vec<AttributeDefinition>>,
    pub billing_mode_summary: Option<BillingModeSummary>,
}

/// The billing mode of a table.
#[aws_json_shape]
#[derive(Debug, Clone)]
pub struct BillingModeSummary {
    pub billing_mode: Option<BillingMode>,
}

/// Creates a table.
#[aws_json_operation(
    target = "DynamoDB_20120810.CreateTable",
    output = CreateTableOutput,
    errors(ResourceInUseException, LimitExceededException),
)]
#[derive(Debug, Clone)]
pub struct CreateTable {
    pub table_name: String,
    pub key_schema: Vec<KeySchemaElement>,
    pub attribute_definitions: Vec<AttributeDefinition>,
    pub billing_mode: Option<BillingMode>,
}

/// The created table.
#[aws_json_shape]
#[derive(Debug, Clone)]
pub struct CreateTableOutput {
    pub table_description: Option<TableDescription>,
}

/// Describes a table.
#[aws_json_operation(
    target = "DynamoDB_20120810.DescribeTable",
    output = DescribeTableOutput,
    errors(ResourceNotFoundException),
)]
#[derive(Debug, Clone)]
pub struct DescribeTable {
    pub table_name: String,
}

/// The described table.
#[aws_json_shape]
#[derive(Debug, Clone)]
pub struct DescribeTableOutput {
    pub table: Option<TableDescription>,
}

/// Lists table names, a page at a time.
#[aws_json_operation(
    target = "DynamoDB_20120810.ListTables",
    output = ListTablesOutput,
    paginate(
        input_token = exclusive_start_table_name,
        output_token = last_evaluated_table_name,
        page_size = limit,
        items = table_names: String,
    ),
)]
#[derive(Debug, Clone, Default)]
pub struct ListTables {
    pub exclusive_start_table_name: Option<String>,
    pub limit: Option<i32>,
}

/// A page of table names.
#[aws_json_shape]
#[derive(Debug, Clone)]
pub struct ListTablesOutput {
    pub table_names: Option<Vec<String>>,
    pub last_evaluated_table_name: Option<String>,
}

/// Deletes a table.
#[aws_json_operation(
    target = "DynamoDB_20120810.DeleteTable",
    output = DeleteTableOutput,
    errors(ResourceNotFoundException, ResourceInUseException),
)]
#[derive(Debug, Clone)]
pub struct DeleteTable {
    pub table_name: String,
}

/// The deleted table.
#[aws_json_shape]
#[derive(Debug, Clone)]
pub struct DeleteTableOutput {
    pub table_description: Option<TableDescription>,
}

/// Writes an item, optionally only if a condition holds.
#[aws_json_operation(
    target = "DynamoDB_20120810.PutItem",
    output = PutItemOutput,
    errors(ConditionalCheckFailedException, ResourceNotFoundException),
)]
#[derive(Debug, Clone, Default)]
pub struct PutItem {
    pub table_name: String,
    pub item: Item,
    pub condition_expression: Option<String>,
    pub expression_attribute_names: Option<HashMap<String, String>>,
    pub expression_attribute_values: Option<Item>,
    pub return_values: Option<ReturnValue>,
}

/// What `PutItem` returns.
#[aws_json_shape]
#[derive(Debug, Clone)]
pub struct PutItemOutput {
    pub attributes: Option<Item>,
}

/// Reads an item by key.
#[aws_json_operation(
    target = "DynamoDB_20120810.GetItem",
    output = GetItemOutput,
    errors(ResourceNotFoundException),
)]
#[derive(Debug, Clone, Default)]
pub struct GetItem {
    pub table_name: String,
    pub key: Item,
    pub consistent_read: Option<bool>,
    pub projection_expression: Option<String>,
}

/// The item, if there is one with that key.
#[aws_json_shape]
#[derive(Debug, Clone)]
pub struct GetItemOutput {
    pub item: Option<Item>,
}

/// Updates an item's attributes.
#[aws_json_operation(
    target = "DynamoDB_20120810.UpdateItem",
    output = UpdateItemOutput,
    errors(ConditionalCheckFailedException, ResourceNotFoundException),
)]
#[derive(Debug, Clone, Default)]
pub struct UpdateItem {
    pub table_name: String,
    pub key: Item,
    pub update_expression: Option<String>,
    pub condition_expression: Option<String>,
    pub expression_attribute_names: Option<HashMap<String, String>>,
    pub expression_attribute_values: Option<Item>,
    pub return_values: Option<ReturnValue>,
}

/// What `UpdateItem` returns.
#[aws_json_shape]
#[derive(Debug, Clone)]
pub struct UpdateItemOutput {
    pub attributes: Option<Item>,
}

/// Deletes an item by key.
#[aws_json_operation(
    target = "DynamoDB_20120810.DeleteItem",
    output = DeleteItemOutput,
    errors(ConditionalCheckFailedException, ResourceNotFoundException),
)]
#[derive(Debug, Clone, Default)]
pub struct DeleteItem {
    pub table_name: String,
    pub key: Item,
    pub return_values: Option<ReturnValue>,
}

/// What `DeleteItem` returns.
#[aws_json_shape]
#[derive(Debug, Clone)]
pub struct DeleteItemOutput {
    pub attributes: Option<Item>,
}

/// Items of one partition key, a page at a time.
#[aws_json_operation(
    target = "DynamoDB_20120810.Query",
    output = QueryOutput,
    errors(ResourceNotFoundException),
    paginate(
        input_token = exclusive_start_key,
        output_token = last_evaluated_key,
        page_size = limit,
        items = items: Item,
    ),
)]
#[derive(Debug, Clone, Default)]
pub struct Query {
    pub table_name: String,
    pub key_condition_expression: Option<String>,
    pub filter_expression: Option<String>,
    pub expression_attribute_names: Option<HashMap<String, String>>,
    pub expression_attribute_values: Option<Item>,
    pub scan_index_forward: Option<bool>,
    pub limit: Option<i32>,
    pub exclusive_start_key: Option<Item>,
}

/// A page of a query.
#[aws_json_shape]
#[derive(Debug, Clone)]
pub struct QueryOutput {
    pub items: Option<Vec<Item>>,
    pub count: Option<i32>,
    pub scanned_count: Option<i32>,
    pub last_evaluated_key: Option<Item>,
}

/// Every item of a table, a page at a time.
#[aws_json_operation(
    target = "DynamoDB_20120810.Scan",
    output = ScanOutput,
    errors(ResourceNotFoundException),
    paginate(
        input_token = exclusive_start_key,
        output_token = last_evaluated_key,
        page_size = limit,
        items = items: Item,
    ),
)]
#[derive(Debug, Clone, Default)]
pub struct Scan {
    pub table_name: String,
    pub filter_expression: Option<String>,
    pub expression_attribute_names: Option<HashMap<String, String>>,
    pub expression_attribute_values: Option<Item>,
    pub limit: Option<i32>,
    pub exclusive_start_key: Option<Item>,
}

/// A page of a scan.
#[aws_json_shape]
#[derive(Debug, Clone)]
pub struct ScanOutput {
    pub items: Option<Vec<Item>>,
    pub count: Option<i32>,
    pub scanned_count: Option<i32>,
    pub last_evaluated_key: Option<Item>,
}

/// Puts and deletes items in one or more tables (up to 25 requests).
#[aws_json_operation(
    target = "DynamoDB_20120810.BatchWriteItem",
    output = BatchWriteItemOutput,
    errors(ResourceNotFoundException),
)]
#[derive(Debug, Clone, Default)]
pub struct BatchWriteItem {
    pub request_items: HashMap<String, Vec<WriteRequest>>,
}

/// One put or delete of a batch.
#[aws_json_shape]
#[derive(Debug, Clone, Default)]
pub struct WriteRequest {
    pub put_request: Option<PutRequest>,
    pub delete_request: Option<DeleteRequest>,
}

/// Put an item.
#[aws_json_shape]
#[derive(Debug, Clone)]
pub struct PutRequest {
    pub item: Item,
}

/// Delete an item by key.
#[aws_json_shape]
#[derive(Debug, Clone)]
pub struct DeleteRequest {
    pub key: Item,
}

/// Requests the service did not get to; send them again.
#[aws_json_shape]
#[derive(Debug, Clone)]
pub struct BatchWriteItemOutput {
    pub unprocessed_items: Option<HashMap<String, Vec<WriteRequest>>>,
}

/// Writes several items all or nothing; idempotent for 10 minutes per token.
#[aws_json_operation(
    target = "DynamoDB_20120810.TransactWriteItems",
    output = TransactWriteItemsOutput,
    errors(TransactionCanceledException, ResourceNotFoundException),
)]
#[derive(Debug, Clone, Default)]
pub struct TransactWriteItems {
    pub transact_items: Vec<TransactWriteItem>,
    #[idempotency]
    pub client_request_token: Option<String>,
}

/// One write of a transaction.
#[aws_json_shape]
#[derive(Debug, Clone, Default)]
pub struct TransactWriteItem {
    pub put: Option<Put>,
    pub delete: Option<Delete>,
    pub condition_check: Option<ConditionCheck>,
}

/// A conditional put in a transaction.
#[aws_json_shape]
#[derive(Debug, Clone, Default)]
pub struct Put {
    pub table_name: String,
    pub item: Item,
    pub condition_expression: Option<String>,
}

/// A delete in a transaction.
#[aws_json_shape]
#[derive(Debug, Clone, Default)]
pub struct Delete {
    pub table_name: String,
    pub key: Item,
}

/// A condition on an item the transaction does not write.
#[aws_json_shape]
#[derive(Debug, Clone, Default)]
pub struct ConditionCheck {
    pub table_name: String,
    pub key: Item,
    pub condition_expression: String,
    pub expression_attribute_values: Option<Item>,
}

/// `TransactWriteItems` returns nothing of interest here.
#[aws_json_shape]
#[derive(Debug, Clone)]
pub struct TransactWriteItemsOutput {}

/// The table or index does not exist.
#[aws_json_shape]
#[derive(Debug, Clone)]
pub struct ResourceNotFoundException {
    pub message: Option<String>,
}

/// The table exists already, or is being created or deleted.
#[aws_json_shape]
#[derive(Debug, Clone)]
pub struct ResourceInUseException {
    pub message: Option<String>,
}

/// Too many tables or concurrent control-plane operations.
#[aws_json_shape]
#[derive(Debug, Clone)]
pub struct LimitExceededException {
    pub message: Option<String>,
}

/// The write's condition did not hold.
#[aws_json_shape]
#[derive(Debug, Clone)]
pub struct ConditionalCheckFailedException {
    pub message: Option<String>,
    pub item: Option<Item>,
}

/// The transaction was cancelled; one reason per item, in order.
#[aws_json_shape]
#[derive(Debug, Clone)]
pub struct TransactionCanceledException {
    pub message: Option<String>,
    pub cancellation_reasons: Option<Vec<CancellationReason>>,
}

/// Why one item of a transaction failed (`Code` is `None` for the ones that did not).
#[aws_json_shape]
#[derive(Debug, Clone)]
pub struct CancellationReason {
    pub code: Option<String>,
    pub message: Option<String>,
}

/// `{"pk": value}` and friends: an item from name-value pairs.
pub fn item<const N: usize>(pairs: [(&str, AttributeValue); N]) -> Item {
    pairs.into_iter().map(|(k, v)| (k.to_owned(), v)).collect()
}
