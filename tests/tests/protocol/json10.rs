//! The awsJson1_0 test services `JsonRpc10` and `QueryCompatibleJsonRpc10`
//! (`aws.protocoltests.json10`), declared with awsjson's own macros.

use std::collections::HashMap;

use awsjson::{Blob, DateTime, Document, aws_json_operation, aws_json_shape};

// --- operations -------------------------------------------------------------------

#[aws_json_operation(
    target = "JsonRpc10.ContentTypeParameters",
    deserialize,
    json_version = "1.0",
    signing_name = "jsonrpc10",
    endpoint_prefix = "jsonrpc10",
    rename_all = "camelCase",
    output = ContentTypeParametersOutput
)]
pub struct ContentTypeParameters {
    pub value: Option<i32>,
}

#[aws_json_operation(
    target = "JsonRpc10.EmptyInputAndEmptyOutput",
    deserialize,
    json_version = "1.0",
    signing_name = "jsonrpc10",
    endpoint_prefix = "jsonrpc10",
    output = EmptyInputAndEmptyOutputOutput
)]
pub struct EmptyInputAndEmptyOutput {}

#[aws_json_operation(
    target = "JsonRpc10.EndpointOperation",
    deserialize,
    json_version = "1.0",
    signing_name = "jsonrpc10",
    endpoint_prefix = "jsonrpc10",
    host_prefix = "foo."
)]
pub struct EndpointOperation {}

#[aws_json_operation(
    target = "JsonRpc10.EndpointWithHostLabelOperation",
    deserialize,
    json_version = "1.0",
    signing_name = "jsonrpc10",
    endpoint_prefix = "jsonrpc10",
    rename_all = "camelCase",
    host_prefix = "foo.{label}."
)]
pub struct EndpointWithHostLabelOperation {
    #[aws(host_label)]
    pub label: String,
}

#[aws_json_operation(
    target = "JsonRpc10.GreetingWithErrors",
    deserialize,
    json_version = "1.0",
    signing_name = "jsonrpc10",
    endpoint_prefix = "jsonrpc10",
    rename_all = "camelCase",
    output = GreetingWithErrorsOutput,
    errors(InvalidGreeting, ComplexError, FooError)
)]
pub struct GreetingWithErrors {
    pub greeting: Option<String>,
}

#[aws_json_operation(
    target = "JsonRpc10.HostWithPathOperation",
    deserialize,
    json_version = "1.0",
    signing_name = "jsonrpc10",
    endpoint_prefix = "jsonrpc10"
)]
pub struct HostWithPathOperation {}

#[aws_json_operation(
    target = "JsonRpc10.JsonUnions",
    deserialize,
    json_version = "1.0",
    signing_name = "jsonrpc10",
    endpoint_prefix = "jsonrpc10",
    rename_all = "camelCase",
    output = JsonUnionsOutput
)]
pub struct JsonUnions {
    pub contents: Option<MyUnion>,
}

#[aws_json_operation(
    target = "JsonRpc10.NoInputAndNoOutput",
    deserialize,
    json_version = "1.0",
    signing_name = "jsonrpc10",
    endpoint_prefix = "jsonrpc10"
)]
pub struct NoInputAndNoOutput {}

#[aws_json_operation(
    target = "JsonRpc10.NoInputAndOutput",
    deserialize,
    json_version = "1.0",
    signing_name = "jsonrpc10",
    endpoint_prefix = "jsonrpc10",
    output = NoInputAndOutputOutput
)]
pub struct NoInputAndOutput {}

/// Top-level members with a default stay optional in an input: the client sends only
/// what the caller set.
#[aws_json_operation(
    target = "JsonRpc10.OperationWithDefaults",
    deserialize,
    json_version = "1.0",
    signing_name = "jsonrpc10",
    endpoint_prefix = "jsonrpc10",
    rename_all = "camelCase",
    output = OperationWithDefaultsOutput
)]
pub struct OperationWithDefaults {
    pub defaults: Option<Defaults>,
    pub client_optional_defaults: Option<ClientOptionalDefaults>,
    pub top_level_default: Option<String>,
    pub other_top_level_default: Option<i32>,
}

#[aws_json_operation(
    target = "JsonRpc10.OperationWithNestedStructure",
    deserialize,
    json_version = "1.0",
    signing_name = "jsonrpc10",
    endpoint_prefix = "jsonrpc10",
    rename_all = "camelCase",
    output = OperationWithNestedStructureOutput
)]
pub struct OperationWithNestedStructure {
    pub top_level: TopLevel,
}

#[aws_json_operation(
    target = "JsonRpc10.OperationWithRequiredMembers",
    deserialize,
    json_version = "1.0",
    signing_name = "jsonrpc10",
    endpoint_prefix = "jsonrpc10",
    output = OperationWithRequiredMembersOutput
)]
pub struct OperationWithRequiredMembers {}

#[aws_json_operation(
    target = "JsonRpc10.OperationWithRequiredMembersWithDefaults",
    deserialize,
    json_version = "1.0",
    signing_name = "jsonrpc10",
    endpoint_prefix = "jsonrpc10",
    output = OperationWithRequiredMembersWithDefaultsOutput
)]
pub struct OperationWithRequiredMembersWithDefaults {}

/// `encoding` is bound to the `Content-Encoding` header in the model, a binding
/// awsJson ignores: it is a body member like any other.
#[aws_json_operation(
    target = "JsonRpc10.PutWithContentEncoding",
    deserialize,
    json_version = "1.0",
    signing_name = "jsonrpc10",
    endpoint_prefix = "jsonrpc10",
    rename_all = "camelCase",
    request_compression = "gzip"
)]
pub struct PutWithContentEncoding {
    pub encoding: Option<String>,
    pub data: Option<String>,
}

#[aws_json_operation(
    target = "QueryCompatibleJsonRpc10.QueryCompatibleOperation",
    deserialize,
    json_version = "1.0",
    signing_name = "querycompatiblejsonrpc10",
    endpoint_prefix = "querycompatiblejsonrpc10",
    query_compatible,
    errors(NoCustomCodeError, CustomCodeError)
)]
pub struct QueryCompatibleOperation {}

#[aws_json_operation(
    target = "JsonRpc10.QueryIncompatibleOperation",
    deserialize,
    json_version = "1.0",
    signing_name = "jsonrpc10",
    endpoint_prefix = "jsonrpc10"
)]
pub struct QueryIncompatibleOperation {}

#[aws_json_operation(
    target = "JsonRpc10.SimpleScalarProperties",
    deserialize,
    json_version = "1.0",
    signing_name = "jsonrpc10",
    endpoint_prefix = "jsonrpc10",
    rename_all = "camelCase",
    output = SimpleScalarPropertiesOutput
)]
pub struct SimpleScalarProperties {
    pub float_value: Option<f32>,
    pub double_value: Option<f64>,
}

// --- shapes -----------------------------------------------------------------------

#[aws_json_shape]
#[derive(Debug, Clone, PartialEq)]
pub struct ContentTypeParametersOutput {}

#[aws_json_shape]
#[derive(Debug, Clone, PartialEq)]
pub struct EmptyInputAndEmptyOutputOutput {}

#[aws_json_shape]
#[derive(Debug, Clone, PartialEq)]
pub struct NoInputAndOutputOutput {}

#[aws_json_shape(rename_all = "camelCase")]
#[derive(Debug, Clone, PartialEq)]
pub struct GreetingWithErrorsOutput {
    pub greeting: Option<String>,
}

#[aws_json_shape]
#[derive(Debug, Clone, PartialEq)]
pub struct InvalidGreeting {
    pub message: Option<String>,
}

#[aws_json_shape]
#[derive(Debug, Clone, PartialEq)]
pub struct ComplexError {
    pub top_level: Option<String>,
    pub nested: Option<ComplexNestedErrorData>,
}

/// The model gives `Foo` the `jsonName` `Fooooo`, which awsJson ignores.
#[aws_json_shape]
#[derive(Debug, Clone, PartialEq)]
pub struct ComplexNestedErrorData {
    pub foo: Option<String>,
}

#[aws_json_shape]
#[derive(Debug, Clone, PartialEq)]
pub struct FooError {}

#[aws_json_shape(rename_all = "camelCase")]
#[derive(Debug, Clone, PartialEq)]
pub struct NoCustomCodeError {
    pub message: Option<String>,
}

#[aws_json_shape(rename_all = "camelCase")]
#[derive(Debug, Clone, PartialEq)]
pub struct CustomCodeError {
    pub message: Option<String>,
}

#[aws_json_shape(rename_all = "camelCase")]
#[derive(Debug, Clone, PartialEq)]
pub struct JsonUnionsOutput {
    pub contents: Option<MyUnion>,
}

#[aws_json_shape(rename_all = "camelCase")]
#[derive(Debug, Clone, PartialEq)]
pub enum MyUnion {
    StringValue(String),
    BooleanValue(bool),
    NumberValue(i32),
    BlobValue(Blob),
    TimestampValue(DateTime),
    EnumValue(FooEnum),
    IntEnumValue(IntegerEnum),
    ListValue(Vec<String>),
    MapValue(HashMap<String, String>),
    StructureValue(GreetingStruct),
}

#[aws_json_shape(rename_all = "camelCase")]
#[derive(Debug, Clone, PartialEq)]
pub struct GreetingStruct {
    pub hi: Option<String>,
}

#[aws_json_shape]
#[derive(Debug, Clone, PartialEq)]
pub enum FooEnum {
    Foo,
    Baz,
    Bar,
    #[aws(rename = "1")]
    One,
    #[aws(rename = "0")]
    Zero,
}

#[aws_json_shape]
#[derive(Debug, Clone, PartialEq)]
pub enum IntegerEnum {
    A = 1,
    B = 2,
    C = 3,
}

#[aws_json_shape(rename_all = "SCREAMING_SNAKE_CASE")]
#[derive(Debug, Clone, PartialEq)]
pub enum TestEnum {
    Foo,
    Bar,
    Baz,
}

#[aws_json_shape]
#[derive(Debug, Clone, PartialEq)]
pub enum TestIntEnum {
    One = 1,
    Two = 2,
}

/// Every member has a default, so every member is always sent (except the document
/// whose default is `null`, which is an absent member).
#[aws_json_shape(rename_all = "camelCase")]
#[derive(Debug, Clone, PartialEq)]
pub struct Defaults {
    #[aws(default = "hi")]
    pub default_string: String,
    #[aws(default = true)]
    pub default_boolean: bool,
    #[aws(default = [])]
    pub default_list: Vec<String>,
    #[aws(default = {})]
    pub default_document_map: Document,
    #[aws(default = "hi")]
    pub default_document_string: Document,
    #[aws(default = true)]
    pub default_document_boolean: Document,
    #[aws(default = [])]
    pub default_document_list: Document,
    pub default_null_document: Option<Document>,
    #[aws(default = 0)]
    pub default_timestamp: DateTime,
    #[aws(default = b"abc")]
    pub default_blob: Blob,
    #[aws(default = 1)]
    pub default_byte: i8,
    #[aws(default = 1)]
    pub default_short: i16,
    #[aws(default = 10)]
    pub default_integer: i32,
    #[aws(default = 100)]
    pub default_long: i64,
    #[aws(default = 1.0)]
    pub default_float: f32,
    #[aws(default = 1.0)]
    pub default_double: f64,
    #[aws(default = {})]
    pub default_map: HashMap<String, String>,
    #[aws(default = "FOO")]
    pub default_enum: TestEnum,
    #[aws(default = 1)]
    pub default_int_enum: TestIntEnum,
    #[aws(default = "")]
    pub empty_string: String,
    #[aws(default = false)]
    pub false_boolean: bool,
    #[aws(default = b"")]
    pub empty_blob: Blob,
    #[aws(default = 0)]
    pub zero_byte: i8,
    #[aws(default = 0)]
    pub zero_short: i16,
    #[aws(default = 0)]
    pub zero_integer: i32,
    #[aws(default = 0)]
    pub zero_long: i64,
    #[aws(default = 0.0)]
    pub zero_float: f32,
    #[aws(default = 0.0)]
    pub zero_double: f64,
}

/// `member` has a default but is `@clientOptional`: the client treats it as optional.
#[aws_json_shape(rename_all = "camelCase")]
#[derive(Debug, Clone, PartialEq)]
pub struct ClientOptionalDefaults {
    pub member: Option<i32>,
}

/// The output of `OperationWithDefaults`: the members of `Defaults`, filled with their
/// defaults when the service leaves them out.
#[aws_json_shape(rename_all = "camelCase")]
#[derive(Debug, Clone, PartialEq)]
pub struct OperationWithDefaultsOutput {
    #[aws(default = "hi")]
    pub default_string: String,
    #[aws(default = true)]
    pub default_boolean: bool,
    #[aws(default = [])]
    pub default_list: Vec<String>,
    #[aws(default = {})]
    pub default_document_map: Document,
    #[aws(default = "hi")]
    pub default_document_string: Document,
    #[aws(default = true)]
    pub default_document_boolean: Document,
    #[aws(default = [])]
    pub default_document_list: Document,
    pub default_null_document: Option<Document>,
    #[aws(default = 0)]
    pub default_timestamp: DateTime,
    #[aws(default = b"abc")]
    pub default_blob: Blob,
    #[aws(default = 1)]
    pub default_byte: i8,
    #[aws(default = 1)]
    pub default_short: i16,
    #[aws(default = 10)]
    pub default_integer: i32,
    #[aws(default = 100)]
    pub default_long: i64,
    #[aws(default = 1.0)]
    pub default_float: f32,
    #[aws(default = 1.0)]
    pub default_double: f64,
    #[aws(default = {})]
    pub default_map: HashMap<String, String>,
    #[aws(default = "FOO")]
    pub default_enum: TestEnum,
    #[aws(default = 1)]
    pub default_int_enum: TestIntEnum,
    #[aws(default = "")]
    pub empty_string: String,
    #[aws(default = false)]
    pub false_boolean: bool,
    #[aws(default = b"")]
    pub empty_blob: Blob,
    #[aws(default = 0)]
    pub zero_byte: i8,
    #[aws(default = 0)]
    pub zero_short: i16,
    #[aws(default = 0)]
    pub zero_integer: i32,
    #[aws(default = 0)]
    pub zero_long: i64,
    #[aws(default = 0.0)]
    pub zero_float: f32,
    #[aws(default = 0.0)]
    pub zero_double: f64,
}

#[aws_json_shape(rename_all = "camelCase")]
#[derive(Debug, Clone, PartialEq)]
pub struct TopLevel {
    pub dialog: Dialog,
    #[aws(default = [])]
    pub dialog_list: Vec<Dialog>,
    #[aws(default = {})]
    pub dialog_map: HashMap<String, Dialog>,
}

#[aws_json_shape(rename_all = "camelCase")]
#[derive(Debug, Clone, PartialEq)]
pub struct Dialog {
    pub language: Option<String>,
    #[aws(default = "hi")]
    pub greeting: String,
    pub farewell: Option<Farewell>,
}

#[aws_json_shape(rename_all = "camelCase")]
#[derive(Debug, Clone, PartialEq)]
pub struct Farewell {
    #[aws(default = "bye")]
    pub phrase: String,
}

#[aws_json_shape(rename_all = "camelCase")]
#[derive(Debug, Clone, PartialEq)]
pub struct OperationWithNestedStructureOutput {
    pub dialog: Dialog,
    #[aws(default = [])]
    pub dialog_list: Vec<Dialog>,
    #[aws(default = {})]
    pub dialog_map: HashMap<String, Dialog>,
}

/// Required members without defaults: a response that leaves them out still decodes,
/// each read as its zero value (Smithy's client error correction).
#[aws_json_shape(rename_all = "camelCase")]
#[derive(Debug, Clone, PartialEq)]
pub struct OperationWithRequiredMembersOutput {
    pub required_string: String,
    pub required_boolean: bool,
    pub required_list: Vec<String>,
    pub required_timestamp: DateTime,
    pub required_blob: Blob,
    pub required_byte: i8,
    pub required_short: i16,
    pub required_integer: i32,
    pub required_long: i64,
    pub required_float: f32,
    pub required_double: f64,
    pub required_map: HashMap<String, String>,
}

#[aws_json_shape(rename_all = "camelCase")]
#[derive(Debug, Clone, PartialEq)]
pub struct OperationWithRequiredMembersWithDefaultsOutput {
    #[aws(default = "hi")]
    pub required_string: String,
    #[aws(default = true)]
    pub required_boolean: bool,
    #[aws(default = [])]
    pub required_list: Vec<String>,
    #[aws(default = 1)]
    pub required_timestamp: DateTime,
    #[aws(default = b"blob")]
    pub required_blob: Blob,
    #[aws(default = 1)]
    pub required_byte: i8,
    #[aws(default = 1)]
    pub required_short: i16,
    #[aws(default = 10)]
    pub required_integer: i32,
    #[aws(default = 100)]
    pub required_long: i64,
    #[aws(default = 1.0)]
    pub required_float: f32,
    #[aws(default = 1.0)]
    pub required_double: f64,
    #[aws(default = {})]
    pub required_map: HashMap<String, String>,
    #[aws(default = "FOO")]
    pub required_enum: RequiredEnum,
    #[aws(default = 1)]
    pub required_int_enum: RequiredIntEnum,
}

#[aws_json_shape(rename_all = "SCREAMING_SNAKE_CASE")]
#[derive(Debug, Clone, PartialEq)]
pub enum RequiredEnum {
    Foo,
    Bar,
    Baz,
}

#[aws_json_shape]
#[derive(Debug, Clone, PartialEq)]
pub enum RequiredIntEnum {
    One = 1,
    Two = 2,
}

#[aws_json_shape(rename_all = "camelCase")]
#[derive(Debug, Clone, PartialEq)]
pub struct SimpleScalarPropertiesOutput {
    pub float_value: Option<f32>,
    pub double_value: Option<f64>,
}
