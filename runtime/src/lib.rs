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
//! # Credentials, region and endpoints
//!
//! [`Client::from_env`] finds them as the official SDKs do: the default credential
//! chain (environment, `~/.aws/config` and `~/.aws/credentials` profiles with
//! `credential_process`, roles and web identity, ECS, EC2 instance metadata), cached
//! and refreshed before expiry; the region from `AWS_REGION`, the profile or instance
//! metadata; endpoints for every partition, FIPS and dual-stack, with
//! `AWS_ENDPOINT_URL[_<SERVICE_ID>]` and the profile's `endpoint_url`. See
//! [`ClientBuilder::from_env`] for the full list and [`Env`] to run it on a fixed set
//! of variables. [`Client::builder`] configures everything in code instead; plug in
//! your own source with [`ProvideCredentials`] (wrapped in a [`CredentialsCache`]).
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
mod config;
mod credentials;
mod datetime;
mod endpoint;
mod error;
mod http;
mod service;
pub mod sigv4;
mod unknown;

#[cfg(feature = "test-util")]
pub mod stub;

#[doc(hidden)]
pub mod __private {
    pub use crate::private::*;
}
mod private;
mod region;

pub use awsjson_macros::{aws_json_operation, aws_json_shape};
pub use blob::{Base64Error, Blob};
pub use client::{Client, ClientBuilder, DEFAULT_CONNECT_TIMEOUT, DEFAULT_MAX_RESPONSE_BYTES};
pub use config::Env;
pub use credentials::{Credentials, CredentialsCache, CredentialsFuture, ProvideCredentials};
pub use datetime::{DateTime, DateTimeParseError};
pub use error::{
    ConfigError, CredentialsError, DecodeError, Error, ErrorMeta, ServiceError, TransportError,
    TransportErrorKind, UnmodeledError,
};
pub use http::{HttpRequest, RawResponse};
pub use private::Operation;
pub use service::{EndpointVariant, JsonVersion, ServiceMeta};
pub use unknown::UnknownValue;

#[doc = include_str!("../../README.md")]
#[cfg(doctest)]
pub struct ReadmeDoctests;
