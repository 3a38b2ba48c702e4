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
//! - `target = "Prefix.Operation"` (required): the `X-Amz-Target`. For the 154
//!   JSON-protocol services of awsjson's catalog (generated from botocore, see
//!   `macros/catalog/README.md`) the target alone gives the protocol version, signing
//!   name and endpoint, and the declaration is checked against the service's model
//!   (below). Services or operations outside the catalog give `json_version = "1.1"`,
//!   `signing_name = "..."`, `endpoint_prefix = "..."` and optionally
//!   `service_id = "..."` and `hostname = "{region}.example.{dnsSuffix}"`.
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
//! `#[aws_json_shape(shape = "ecr#Repository")]` names the model shape a type mirrors
//! (botocore's service name, `#`, the shape): its wire names and enum values then come
//! from the model, and it is checked like an operation's input.
//!
//! # Checked against the model
//!
//! For a target in the catalog, each field maps to a member of the operation's input:
//! a snake_case field matches a member case-insensitively, ignoring underscores
//! (`kms_key_id` is `KMSKeyId`, `client_token` is `clientToken`), so `rename` is rarely
//! needed. These are compile errors, at the offending tokens, naming what the model
//! expects: an unknown operation or member (with the closest names), a required member
//! without a field, an `Option` field for a required member, a type that cannot hold the
//! member's (`String` for an integer, `Vec` for a structure), `#[idempotency]` on a
//! member the model does not mark as the token, an error the operation does not model,
//! and an `output` type whose fields are not members of the operation's output. The
//! model's idempotency token is filled even when the declaration has no field for it,
//! and timestamp formats come from the model. `cargo run -p awsjson-cli -- scaffold
//! <service> <Operation>...` prints ready-made declarations. Without the default
//! `catalog` feature nothing is embedded or checked, and every declaration gives its
//! metadata keys.

mod blob;
mod client;
mod credentials;
mod datetime;
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
