//! Operations declared with awsjson, shared by the example programs (and the tests).

pub mod apigateway;
pub mod bedrock_converse;
pub mod bedrock_runtime;
pub mod dynamodb;
#[cfg(feature = "http2")]
pub mod kinesis;
pub mod kms;
pub mod lambda;
pub mod partner_central;
pub mod signup;
pub mod timestream_query;
pub mod timestream_write;
