//! Bedrock Runtime (restJson1): `ConverseStream`, whose answer is an event stream of
//! the model's reply, token by token. The declarations are those
//! `awsjson-cli scaffold bedrock-runtime ConverseStream` prints, trimmed to the members
//! a text conversation uses: a declaration names the members it sends and reads, and
//! a union's variants it does not list read as its `Unknown` variant.

// Members are the service's own; their documentation is the Bedrock API reference.
#![allow(missing_docs)]

use awsjson::{aws_json_operation, aws_json_shape};

// The service's errors are the same shapes as `InvokeModel`'s: declared once.
pub use crate::bedrock_runtime::{
    AccessDeniedException, InternalServerException, ModelErrorException, ModelNotReadyException,
    ModelTimeoutException, ResourceNotFoundException, ServiceUnavailableException,
    ThrottlingException, ValidationException,
};

#[aws_json_operation(
    operation = "bedrock-runtime#ConverseStream", // POST /model/{modelId}/converse-stream
    output = ConverseStreamResponse,
    errors(
        AccessDeniedException,
        InternalServerException,
        ModelErrorException,
        ModelNotReadyException,
        ModelTimeoutException,
        ResourceNotFoundException,
        ServiceUnavailableException,
        ThrottlingException,
        ValidationException,
    ),
)]
#[derive(Debug, Clone, Default)]
pub struct ConverseStream {
    pub model_id: String, // URI label {modelId}
    pub messages: Option<Vec<Message>>,
    pub system: Option<Vec<SystemContentBlock>>,
    pub inference_config: Option<InferenceConfiguration>,
}

#[aws_json_shape(shape = "bedrock-runtime#ConverseStreamResponse")]
#[derive(Debug, Default)]
pub struct ConverseStreamResponse {
    pub stream: awsjson::EventStream<ConverseStreamOutput, ConverseStreamError>, // HTTP payload
}

#[aws_json_shape(shape = "bedrock-runtime#Message")]
#[derive(Debug, Clone, Default)]
pub struct Message {
    pub role: ConversationRole,
    pub content: Vec<ContentBlock>,
}

#[aws_json_shape(shape = "bedrock-runtime#SystemContentBlock")]
#[derive(Debug, Clone)]
pub enum SystemContentBlock {
    Text(String),
}

#[aws_json_shape(shape = "bedrock-runtime#InferenceConfiguration")]
#[derive(Debug, Clone, Default)]
pub struct InferenceConfiguration {
    pub max_tokens: Option<i32>,
    pub temperature: Option<f32>,
    pub top_p: Option<f32>,
    pub stop_sequences: Option<Vec<String>>,
}

#[aws_json_shape(shape = "bedrock-runtime#ContentBlock")]
#[derive(Debug, Clone)]
pub enum ContentBlock {
    Text(String),
}

#[aws_json_shape(shape = "bedrock-runtime#ConversationRole")]
#[derive(Debug, Clone, PartialEq)]
pub enum ConversationRole {
    User,
    Assistant,
    System,
}

#[aws_json_shape(shape = "bedrock-runtime#ConverseStreamOutput")]
#[derive(Debug, Clone)]
pub enum ConverseStreamOutput {
    MessageStart(MessageStartEvent),
    ContentBlockDelta(ContentBlockDeltaEvent),
    ContentBlockStop(ContentBlockStopEvent),
    MessageStop(MessageStopEvent),
    Metadata(ConverseStreamMetadataEvent),
}

#[aws_json_shape(shape = "bedrock-runtime#MessageStartEvent")]
#[derive(Debug, Clone, Default)]
pub struct MessageStartEvent {
    pub role: ConversationRole,
}

#[aws_json_shape(shape = "bedrock-runtime#ContentBlockDeltaEvent")]
#[derive(Debug, Clone, Default)]
pub struct ContentBlockDeltaEvent {
    pub delta: ContentBlockDelta,
    pub content_block_index: i32,
}

#[aws_json_shape(shape = "bedrock-runtime#ContentBlockDelta")]
#[derive(Debug, Clone)]
pub enum ContentBlockDelta {
    Text(String),
}

#[aws_json_shape(shape = "bedrock-runtime#ContentBlockStopEvent")]
#[derive(Debug, Clone, Default)]
pub struct ContentBlockStopEvent {
    pub content_block_index: i32,
}

#[aws_json_shape(shape = "bedrock-runtime#MessageStopEvent")]
#[derive(Debug, Clone, Default)]
pub struct MessageStopEvent {
    pub stop_reason: StopReason,
}

#[aws_json_shape(shape = "bedrock-runtime#StopReason")]
#[derive(Debug, Clone, PartialEq)]
pub enum StopReason {
    EndTurn,
    ToolUse,
    MaxTokens,
    StopSequence,
    GuardrailIntervened,
    ContentFiltered,
    MalformedModelOutput,
    MalformedToolUse,
    ModelContextWindowExceeded,
}

#[aws_json_shape(shape = "bedrock-runtime#ConverseStreamMetadataEvent")]
#[derive(Debug, Clone, Default)]
pub struct ConverseStreamMetadataEvent {
    pub usage: TokenUsage,
    pub metrics: ConverseStreamMetrics,
}

#[aws_json_shape(shape = "bedrock-runtime#TokenUsage")]
#[derive(Debug, Clone, Default)]
pub struct TokenUsage {
    pub input_tokens: i32,
    pub output_tokens: i32,
    pub total_tokens: i32,
}

#[aws_json_shape(shape = "bedrock-runtime#ConverseStreamMetrics")]
#[derive(Debug, Clone, Default)]
pub struct ConverseStreamMetrics {
    pub latency_ms: i64,
}
