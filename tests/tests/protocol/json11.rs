//! The awsJson1_1 test services `JsonProtocol` (`aws.protocoltests.json`) and
//! `AmazonML_20141212` (`com.amazonaws.machinelearning`), declared with awsjson's own
//! macros.

use std::collections::HashMap;

use awsjson::{Blob, DateTime, Document, aws_json_operation, aws_json_shape};

// --- operations -------------------------------------------------------------------

#[aws_json_operation(
    target = "JsonProtocol.ContentTypeParameters",
    deserialize,
    json_version = "1.1",
    signing_name = "jsonprotocol",
    endpoint_prefix = "jsonprotocol",
    rename_all = "camelCase",
    output = ContentTypeParametersOutput
)]
pub struct ContentTypeParameters {
    pub value: Option<i32>,
}

#[aws_json_operation(
    target = "JsonProtocol.DatetimeOffsets",
    deserialize,
    json_version = "1.1",
    signing_name = "jsonprotocol",
    endpoint_prefix = "jsonprotocol",
    output = DatetimeOffsetsOutput
)]
pub struct DatetimeOffsets {}

#[aws_json_operation(
    target = "JsonProtocol.EmptyOperation",
    deserialize,
    json_version = "1.1",
    signing_name = "jsonprotocol",
    endpoint_prefix = "jsonprotocol"
)]
pub struct EmptyOperation {}

#[aws_json_operation(
    target = "JsonProtocol.EndpointOperation",
    deserialize,
    json_version = "1.1",
    signing_name = "jsonprotocol",
    endpoint_prefix = "jsonprotocol",
    host_prefix = "foo."
)]
pub struct EndpointOperation {}

#[aws_json_operation(
    target = "JsonProtocol.EndpointWithHostLabelOperation",
    deserialize,
    json_version = "1.1",
    signing_name = "jsonprotocol",
    endpoint_prefix = "jsonprotocol",
    rename_all = "camelCase",
    host_prefix = "foo.{label}."
)]
pub struct EndpointWithHostLabelOperation {
    #[aws(host_label)]
    pub label: String,
}

#[aws_json_operation(
    target = "JsonProtocol.FractionalSeconds",
    deserialize,
    json_version = "1.1",
    signing_name = "jsonprotocol",
    endpoint_prefix = "jsonprotocol",
    output = FractionalSecondsOutput
)]
pub struct FractionalSeconds {}

#[aws_json_operation(
    target = "JsonProtocol.GreetingWithErrors",
    deserialize,
    json_version = "1.1",
    signing_name = "jsonprotocol",
    endpoint_prefix = "jsonprotocol",
    output = GreetingWithErrorsOutput,
    errors(InvalidGreeting, ComplexError, FooError)
)]
pub struct GreetingWithErrors {}

#[aws_json_operation(
    target = "JsonProtocol.HostWithPathOperation",
    deserialize,
    json_version = "1.1",
    signing_name = "jsonprotocol",
    endpoint_prefix = "jsonprotocol"
)]
pub struct HostWithPathOperation {}

#[aws_json_operation(
    target = "JsonProtocol.JsonEnums",
    deserialize,
    json_version = "1.1",
    signing_name = "jsonprotocol",
    endpoint_prefix = "jsonprotocol",
    rename_all = "camelCase",
    output = JsonEnumsInputOutput
)]
pub struct JsonEnums {
    pub foo_enum1: Option<FooEnum>,
    pub foo_enum2: Option<FooEnum>,
    pub foo_enum3: Option<FooEnum>,
    pub foo_enum_list: Option<Vec<FooEnum>>,
    pub foo_enum_set: Option<Vec<FooEnum>>,
    pub foo_enum_map: Option<HashMap<String, FooEnum>>,
}

#[aws_json_operation(
    target = "JsonProtocol.JsonIntEnums",
    deserialize,
    json_version = "1.1",
    signing_name = "jsonprotocol",
    endpoint_prefix = "jsonprotocol",
    rename_all = "camelCase",
    output = JsonIntEnumsInputOutput
)]
pub struct JsonIntEnums {
    pub int_enum1: Option<IntegerEnum>,
    pub int_enum2: Option<IntegerEnum>,
    pub int_enum3: Option<IntegerEnum>,
    pub int_enum_list: Option<Vec<IntegerEnum>>,
    pub int_enum_set: Option<Vec<IntegerEnum>>,
    pub int_enum_map: Option<HashMap<String, IntegerEnum>>,
}

#[aws_json_operation(
    target = "JsonProtocol.JsonUnions",
    deserialize,
    json_version = "1.1",
    signing_name = "jsonprotocol",
    endpoint_prefix = "jsonprotocol",
    rename_all = "camelCase",
    output = UnionInputOutput
)]
pub struct JsonUnions {
    pub contents: Option<MyUnion>,
}

/// Input and output are both `KitchenSink`: the operation struct is the input, so it
/// repeats the shape's members.
#[aws_json_operation(
    target = "JsonProtocol.KitchenSinkOperation",
    deserialize,
    json_version = "1.1",
    signing_name = "jsonprotocol",
    endpoint_prefix = "jsonprotocol",
    output = KitchenSink,
    errors(ErrorWithMembers, ErrorWithoutMembers)
)]
pub struct KitchenSinkOperation {
    pub blob: Option<Blob>,
    pub boolean: Option<bool>,
    pub double: Option<f64>,
    pub empty_struct: Option<EmptyStruct>,
    pub float: Option<f32>,
    #[aws(timestamp = "http-date")]
    pub httpdate_timestamp: Option<DateTime>,
    pub integer: Option<i32>,
    #[aws(timestamp = "date-time")]
    pub iso8601_timestamp: Option<DateTime>,
    pub json_value: Option<String>,
    pub list_of_lists: Option<Vec<Vec<String>>>,
    pub list_of_maps_of_strings: Option<Vec<HashMap<String, String>>>,
    pub list_of_strings: Option<Vec<String>>,
    pub list_of_structs: Option<Vec<SimpleStruct>>,
    pub long: Option<i64>,
    pub map_of_lists_of_strings: Option<HashMap<String, Vec<String>>>,
    pub map_of_maps: Option<HashMap<String, HashMap<String, String>>>,
    pub map_of_strings: Option<HashMap<String, String>>,
    pub map_of_structs: Option<HashMap<String, SimpleStruct>>,
    pub recursive_list: Option<Vec<KitchenSink>>,
    pub recursive_map: Option<HashMap<String, KitchenSink>>,
    pub recursive_struct: Option<Box<KitchenSink>>,
    pub simple_struct: Option<SimpleStruct>,
    pub string: Option<String>,
    pub struct_with_json_name: Option<StructWithJsonName>,
    pub timestamp: Option<DateTime>,
    #[aws(timestamp = "epoch-seconds")]
    pub unix_timestamp: Option<DateTime>,
}

#[aws_json_operation(
    target = "JsonProtocol.NullOperation",
    deserialize,
    json_version = "1.1",
    signing_name = "jsonprotocol",
    endpoint_prefix = "jsonprotocol",
    rename_all = "camelCase",
    output = NullOperationInputOutput
)]
pub struct NullOperation {
    pub string: Option<String>,
}

#[aws_json_operation(
    target = "JsonProtocol.OperationWithOptionalInputOutput",
    deserialize,
    json_version = "1.1",
    signing_name = "jsonprotocol",
    endpoint_prefix = "jsonprotocol",
    output = OperationWithOptionalInputOutputOutput
)]
pub struct OperationWithOptionalInputOutput {
    pub value: Option<String>,
}

#[aws_json_operation(
    target = "AmazonML_20141212.Predict",
    deserialize,
    json_version = "1.1",
    signing_name = "machinelearning",
    endpoint_prefix = "machinelearning",
    output = PredictOutput,
    errors(
        InternalServerException,
        InvalidInputException,
        LimitExceededException,
        PredictorNotMountedException,
        ResourceNotFoundException
    )
)]
pub struct Predict {
    #[aws(rename = "MLModelId")]
    pub ml_model_id: String,
    pub record: HashMap<String, String>,
    /// Amazon ML sends `Predict` to the endpoint the model is mounted on.
    #[aws(endpoint_url)]
    pub predict_endpoint: String,
}

#[aws_json_operation(
    target = "JsonProtocol.PutAndGetInlineDocuments",
    deserialize,
    json_version = "1.1",
    signing_name = "jsonprotocol",
    endpoint_prefix = "jsonprotocol",
    rename_all = "camelCase",
    output = PutAndGetInlineDocumentsInputOutput
)]
pub struct PutAndGetInlineDocuments {
    pub inline_document: Option<Document>,
}

/// `encoding` is bound to the `Content-Encoding` header in the model, a binding
/// awsJson ignores: it is a body member like any other.
#[aws_json_operation(
    target = "JsonProtocol.PutWithContentEncoding",
    deserialize,
    json_version = "1.1",
    signing_name = "jsonprotocol",
    endpoint_prefix = "jsonprotocol",
    rename_all = "camelCase",
    request_compression = "gzip"
)]
pub struct PutWithContentEncoding {
    pub encoding: Option<String>,
    pub data: Option<String>,
}

#[aws_json_operation(
    target = "JsonProtocol.SimpleScalarProperties",
    deserialize,
    json_version = "1.1",
    signing_name = "jsonprotocol",
    endpoint_prefix = "jsonprotocol",
    rename_all = "camelCase",
    output = SimpleScalarPropertiesInputOutput
)]
pub struct SimpleScalarProperties {
    pub float_value: Option<f32>,
    pub double_value: Option<f64>,
}

#[aws_json_operation(
    target = "JsonProtocol.SparseNullsOperation",
    deserialize,
    json_version = "1.1",
    signing_name = "jsonprotocol",
    endpoint_prefix = "jsonprotocol",
    rename_all = "camelCase",
    output = SparseNullsOperationInputOutput
)]
pub struct SparseNullsOperation {
    pub sparse_string_list: Option<Vec<Option<String>>>,
    pub sparse_string_map: Option<HashMap<String, Option<String>>>,
}

// --- shapes -----------------------------------------------------------------------

#[aws_json_shape]
#[derive(Debug, Clone, PartialEq)]
pub struct ContentTypeParametersOutput {}

#[aws_json_shape(rename_all = "camelCase")]
#[derive(Debug, Clone, PartialEq)]
pub struct DatetimeOffsetsOutput {
    #[aws(timestamp = "date-time")]
    pub datetime: Option<DateTime>,
}

#[aws_json_shape(rename_all = "camelCase")]
#[derive(Debug, Clone, PartialEq)]
pub struct FractionalSecondsOutput {
    #[aws(timestamp = "date-time")]
    pub datetime: Option<DateTime>,
}

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
pub struct JsonEnumsInputOutput {
    pub foo_enum1: Option<FooEnum>,
    pub foo_enum2: Option<FooEnum>,
    pub foo_enum3: Option<FooEnum>,
    pub foo_enum_list: Option<Vec<FooEnum>>,
    pub foo_enum_set: Option<Vec<FooEnum>>,
    pub foo_enum_map: Option<HashMap<String, FooEnum>>,
}

#[aws_json_shape(rename_all = "camelCase")]
#[derive(Debug, Clone, PartialEq)]
pub struct JsonIntEnumsInputOutput {
    pub int_enum1: Option<IntegerEnum>,
    pub int_enum2: Option<IntegerEnum>,
    pub int_enum3: Option<IntegerEnum>,
    pub int_enum_list: Option<Vec<IntegerEnum>>,
    pub int_enum_set: Option<Vec<IntegerEnum>>,
    pub int_enum_map: Option<HashMap<String, IntegerEnum>>,
}

#[aws_json_shape]
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
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

#[aws_json_shape(rename_all = "camelCase")]
#[derive(Debug, Clone, PartialEq)]
pub struct UnionInputOutput {
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
pub struct KitchenSink {
    pub blob: Option<Blob>,
    pub boolean: Option<bool>,
    pub double: Option<f64>,
    pub empty_struct: Option<EmptyStruct>,
    pub float: Option<f32>,
    #[aws(timestamp = "http-date")]
    pub httpdate_timestamp: Option<DateTime>,
    pub integer: Option<i32>,
    #[aws(timestamp = "date-time")]
    pub iso8601_timestamp: Option<DateTime>,
    pub json_value: Option<String>,
    pub list_of_lists: Option<Vec<Vec<String>>>,
    pub list_of_maps_of_strings: Option<Vec<HashMap<String, String>>>,
    pub list_of_strings: Option<Vec<String>>,
    pub list_of_structs: Option<Vec<SimpleStruct>>,
    pub long: Option<i64>,
    pub map_of_lists_of_strings: Option<HashMap<String, Vec<String>>>,
    pub map_of_maps: Option<HashMap<String, HashMap<String, String>>>,
    pub map_of_strings: Option<HashMap<String, String>>,
    pub map_of_structs: Option<HashMap<String, SimpleStruct>>,
    pub recursive_list: Option<Vec<KitchenSink>>,
    pub recursive_map: Option<HashMap<String, KitchenSink>>,
    pub recursive_struct: Option<Box<KitchenSink>>,
    pub simple_struct: Option<SimpleStruct>,
    pub string: Option<String>,
    pub struct_with_json_name: Option<StructWithJsonName>,
    pub timestamp: Option<DateTime>,
    #[aws(timestamp = "epoch-seconds")]
    pub unix_timestamp: Option<DateTime>,
}

#[aws_json_shape]
#[derive(Debug, Clone, PartialEq)]
pub struct EmptyStruct {}

#[aws_json_shape]
#[derive(Debug, Clone, PartialEq)]
pub struct SimpleStruct {
    pub value: Option<String>,
}

/// The model gives `Value` the `jsonName` `RenamedMember`, which awsJson ignores.
#[aws_json_shape]
#[derive(Debug, Clone, PartialEq)]
pub struct StructWithJsonName {
    pub value: Option<String>,
}

#[aws_json_shape]
#[derive(Debug, Clone, PartialEq)]
pub struct ErrorWithMembers {
    pub code: Option<String>,
    pub complex_data: Option<KitchenSink>,
    pub integer_field: Option<i32>,
    pub list_field: Option<Vec<String>>,
    pub map_field: Option<HashMap<String, String>>,
    pub message: Option<String>,
    pub string_field: Option<String>,
}

#[aws_json_shape]
#[derive(Debug, Clone, PartialEq)]
pub struct ErrorWithoutMembers {}

#[aws_json_shape(rename_all = "camelCase")]
#[derive(Debug, Clone, PartialEq)]
pub struct NullOperationInputOutput {
    pub string: Option<String>,
}

#[aws_json_shape]
#[derive(Debug, Clone, PartialEq)]
pub struct OperationWithOptionalInputOutputOutput {
    pub value: Option<String>,
}

#[aws_json_shape(rename_all = "camelCase")]
#[derive(Debug, Clone, PartialEq)]
pub struct PutAndGetInlineDocumentsInputOutput {
    pub inline_document: Option<Document>,
}

#[aws_json_shape(rename_all = "camelCase")]
#[derive(Debug, Clone, PartialEq)]
pub struct SimpleScalarPropertiesInputOutput {
    pub float_value: Option<f32>,
    pub double_value: Option<f64>,
}

/// Sparse: `null` entries are kept as `None`.
#[aws_json_shape(rename_all = "camelCase")]
#[derive(Debug, Clone, PartialEq)]
pub struct SparseNullsOperationInputOutput {
    pub sparse_string_list: Option<Vec<Option<String>>>,
    pub sparse_string_map: Option<HashMap<String, Option<String>>>,
}

#[aws_json_shape]
#[derive(Debug, Clone, PartialEq)]
pub struct PredictOutput {
    pub prediction: Option<Prediction>,
}

#[aws_json_shape(rename_all = "camelCase")]
#[derive(Debug, Clone, PartialEq)]
pub struct Prediction {
    pub predicted_label: Option<String>,
    pub predicted_value: Option<f32>,
    pub predicted_scores: Option<HashMap<String, f32>>,
    pub details: Option<HashMap<DetailsAttributes, String>>,
}

#[aws_json_shape]
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum DetailsAttributes {
    PredictiveModelType,
    Algorithm,
}

#[aws_json_shape(rename_all = "camelCase")]
#[derive(Debug, Clone, PartialEq)]
pub struct InternalServerException {
    pub message: Option<String>,
    pub code: Option<i32>,
}

#[aws_json_shape(rename_all = "camelCase")]
#[derive(Debug, Clone, PartialEq)]
pub struct InvalidInputException {
    pub message: Option<String>,
    pub code: Option<i32>,
}

#[aws_json_shape(rename_all = "camelCase")]
#[derive(Debug, Clone, PartialEq)]
pub struct LimitExceededException {
    pub message: Option<String>,
    pub code: Option<i32>,
}

#[aws_json_shape(rename_all = "camelCase")]
#[derive(Debug, Clone, PartialEq)]
pub struct PredictorNotMountedException {
    pub message: Option<String>,
}

#[aws_json_shape(rename_all = "camelCase")]
#[derive(Debug, Clone, PartialEq)]
pub struct ResourceNotFoundException {
    pub message: Option<String>,
    pub code: Option<i32>,
}
