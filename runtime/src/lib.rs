//! A light, compile-time checked client for the AWS services that speak the awsJson
//! 1.0 / 1.1 protocols: DynamoDB, KMS, Secrets Manager, SSM, CloudWatch Logs, Kinesis,
//! Step Functions, Partner Central Selling and many more.
//!
//! Declare only the operations you call, as plain structs; the macro derives the wire
//! payload, fills idempotency tokens, checks the declaration and adds `send`.
//!
//! ```
//! use awsjson::{aws_json_operation, aws_json_shape};
//!
//! #[aws_json_operation(
//!     target = "AWSPartnerCentralSelling.CreateResourceSnapshotJob",
//!     output = CreateResourceSnapshotJobResponse,
//!     errors(AccessDeniedException, ValidationException),
//! )]
//! pub struct CreateResourceSnapshotJob {
//!     pub catalog: String,
//!     pub engagement_identifier: String,
//!     pub resource_identifier: String,
//!     pub resource_snapshot_template_identifier: String,
//!     pub resource_type: ResourceType,
//!     #[idempotency]
//!     pub client_token: Option<String>,
//!     pub tags: Option<Vec<Tag>>,
//! }
//!
//! #[aws_json_shape]
//! #[derive(Debug, Clone, PartialEq)]
//! pub enum ResourceType {
//!     Opportunity,
//! }
//!
//! #[aws_json_shape]
//! #[derive(Debug, Clone, PartialEq)]
//! pub struct Tag {
//!     pub key: String,
//!     pub value: String,
//! }
//!
//! #[aws_json_shape]
//! #[derive(Debug, Clone)]
//! pub struct CreateResourceSnapshotJobResponse {
//!     pub id: Option<String>,
//!     pub arn: Option<String>,
//! }
//!
//! #[aws_json_shape]
//! #[derive(Debug, Clone)]
//! pub struct AccessDeniedException {
//!     pub message: Option<String>,
//! }
//!
//! #[aws_json_shape]
//! #[derive(Debug, Clone)]
//! pub struct ValidationException {
//!     pub message: String,
//!     pub reason: String,
//! }
//!
//! # async fn demo() -> Result<(), Box<dyn std::error::Error>> {
//! let client = awsjson::Client::from_env().await?;
//! let job = CreateResourceSnapshotJob {
//!     catalog: "Sandbox".into(),
//!     engagement_identifier: "eng-abcdefghij1234".into(),
//!     resource_identifier: "O1234567".into(),
//!     resource_snapshot_template_identifier: "AWSOpportunitySummary".into(),
//!     resource_type: ResourceType::Opportunity,
//!     client_token: None,
//!     tags: None,
//! }
//! .send(&client)
//! .await;
//! match job {
//!     Ok(out) => println!("job {:?}", out.id),
//!     Err(awsjson::Error::Service(err)) => match err.err() {
//!         CreateResourceSnapshotJobError::ValidationException(v) => println!("invalid: {}", v.reason),
//!         other => println!("{other}: {}", err.meta()),
//!     },
//!     Err(other) => return Err(other.into()),
//! }
//! # Ok(()) }
//! ```
//!
//! # The macros
//!
//! `#[aws_json_operation(...)]` on a struct with named fields. Keys:
//!
//! - `target = "Prefix.Operation"` (required): the `X-Amz-Target`. Services awsjson
//!   knows get their protocol version, signing name and endpoint from the prefix;
//!   others give them as `json_version = "1.1"`, `signing_name = "..."`,
//!   `endpoint_prefix = "..."` and optionally `service_id = "..."` and
//!   `hostname = "{region}.example.{dnsSuffix}"`.
//! - `output = Type`: the response shape; without it the call returns `()`.
//! - `errors(A, B, ...)`: modeled errors; the macro generates `<Struct>Error` with a
//!   variant per listed error and `Unmodeled(UnmodeledError)` for any other code.
//! - `rename_all = "camelCase"`: member naming (default `PascalCase`); also
//!   `snake_case`, `SCREAMING_SNAKE_CASE`, `kebab-case`, `lowercase`, `UPPERCASE`.
//!
//! Field attributes: `#[aws(rename = "KMSKeyId")]`, `#[aws(timestamp = "date-time")]`
//! (or `"http-date"`, `"epoch-seconds"`), and `#[idempotency]` on one
//! `Option<String>` field: left `None`, a fresh UUID v4 is sent, the same on every retry.
//! `Option` fields are left out of the body when `None`.
//!
//! `#[aws_json_shape]` declares nested structures, outputs and errors (same field
//! rules, `rename_all` too) and string enums: unit variants named as on the wire (or
//! `#[aws(rename = "...")]`, `rename_all = "SCREAMING_SNAKE_CASE"`), plus an added
//! `Unknown(UnknownValue)` variant that keeps values added to the service later.

mod blob;
mod client;
mod credentials;
mod datetime;
mod error;
mod http;
mod service;
mod signing_keys;
pub mod sigv4;
mod unknown;

#[cfg(feature = "test-util")]
pub mod stub;

#[doc(hidden)]
pub mod __private {
    pub use crate::private::*;
}
mod private;

pub use awsjson_macros::{aws_json_operation, aws_json_shape};
pub use blob::{Base64Error, Blob};
pub use client::{Client, ClientBuilder, DEFAULT_CONNECT_TIMEOUT, DEFAULT_MAX_RESPONSE_BYTES};
pub use credentials::{Credentials, CredentialsFuture, ProvideCredentials};
pub use datetime::{DateTime, DateTimeParseError};
pub use error::{
    ConfigError, CredentialsError, DecodeError, Error, ErrorMeta, ServiceError, TransportError,
    TransportErrorKind, UnmodeledError,
};
pub use http::{HttpRequest, RawResponse};
pub use private::Operation;
pub use service::{JsonVersion, ServiceMeta};
pub use unknown::UnknownValue;

#[doc = include_str!("../../README.md")]
#[cfg(doctest)]
pub struct ReadmeDoctests;
