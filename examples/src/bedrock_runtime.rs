//! Bedrock Runtime (restJson1): InvokeModel, whose request and answer are the model's
//! own JSON sent as the HTTP payload, with their media types in headers.

// Members are the service's own; their documentation is the Bedrock API reference.
#![allow(missing_docs)]

use awsjson::{Blob, aws_json_operation, aws_json_shape};

#[aws_json_operation(
    operation = "bedrock-runtime#InvokeModel",
    output = InvokeModelResponse,
    errors(AccessDeniedException, ResourceNotFoundException, ThrottlingException, ValidationException),
)]
#[derive(Debug, Clone, Default)]
pub struct InvokeModel {
    /// A model id or ARN (a URI label).
    pub model_id: String,
    /// The media type of `body` (the `Content-Type` header).
    pub content_type: Option<String>,
    /// The media type wanted back (the `Accept` header).
    pub accept: Option<String>,
    /// The request, in the model's own format: the whole HTTP body.
    pub body: Option<Blob>,
}

#[aws_json_shape(shape = "bedrock-runtime#InvokeModelResponse")]
#[derive(Debug, Clone)]
pub struct InvokeModelResponse {
    /// The model's answer: the whole HTTP body.
    pub body: Blob,
    /// Its media type (the `Content-Type` header).
    pub content_type: String,
}

#[aws_json_shape(shape = "bedrock-runtime#AccessDeniedException")]
#[derive(Debug, Clone)]
pub struct AccessDeniedException {
    pub message: Option<String>,
}

#[aws_json_shape(shape = "bedrock-runtime#ResourceNotFoundException")]
#[derive(Debug, Clone)]
pub struct ResourceNotFoundException {
    pub message: Option<String>,
}

#[aws_json_shape(shape = "bedrock-runtime#ThrottlingException")]
#[derive(Debug, Clone)]
pub struct ThrottlingException {
    pub message: Option<String>,
}

#[aws_json_shape(shape = "bedrock-runtime#ValidationException")]
#[derive(Debug, Clone)]
pub struct ValidationException {
    pub message: Option<String>,
}
