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
//! `credential_process`, IAM Identity Center (`aws sso login`), roles and web
//! identity, ECS, EC2 instance metadata), cached
//! and refreshed before expiry; the region from `AWS_REGION`, the profile or instance
//! metadata; endpoints from each service's own endpoint rules, for every partition,
//! FIPS and dual-stack, account-based (DynamoDB, with the credentials' account id and
//! `AWS_ACCOUNT_ID_ENDPOINT_MODE`) and ARN-based (Kinesis), with
//! `AWS_ENDPOINT_URL[_<SERVICE_ID>]` and the profile's `endpoint_url`. See
//! [`ClientBuilder::from_env`] for the full list and [`Env`] to run it on a fixed set
//! of variables. [`Client::builder`] configures everything in code instead; plug in
//! your own source with [`ProvideCredentials`] (wrapped in a [`CredentialsCache`]).
//!
//! Sources that misbehave fail in bounded time with an error that names them: a
//! `credential_process` is run once for all the calls and retries waiting for it and
//! killed (with what it started) after [`DEFAULT_CREDENTIAL_PROCESS_TIMEOUT`], 1
//! minute, or [`ClientBuilder::credential_process_timeout`]; its error shows the
//! program, not its arguments. Credential responses (STS XML, the JSON of SSO, ECS,
//! instance metadata and `credential_process`) nested deeper than 128 levels are
//! refused. Container credentials go over plain HTTP only to loopback or the ECS / EKS
//! agent, checked on the host the request connects to.
//!
//! # The macros
//!
//! `#[aws_json_operation(...)]` on a struct with named fields. Keys:
//!
//! - `operation = "<service>#<Operation>"`: the operation in awsjson's catalog, by
//!   botocore's service name, of either protocol (`"lambda#Invoke"`,
//!   `"dynamodb#PutItem"`). The model gives everything else: the target or HTTP route,
//!   the service's metadata and endpoints, and for restJson1 each member's binding
//!   (URI label, query parameter, header, prefix headers, payload, status code or JSON
//!   body member with its `jsonName`) with its timestamp format, the host prefix and
//!   the idempotency token's place; fields need no binding attribute, and one given
//!   must say what the model says. Labels are required (not `Option`), and a
//!   `streaming` payload is a [`ByteStream`]. Give it or `target`, not both.
//! - `target = "Prefix.Operation"`: an awsJson operation's `X-Amz-Target`. For the 154
//!   JSON-protocol services of awsjson's catalog (generated from botocore, see
//!   `macros/catalog/README.md`) the target alone gives the protocol version, signing
//!   name and endpoint, and the declaration is checked against the service's model
//!   (below). Services or operations outside the catalog give `json_version = "1.1"`,
//!   `signing_name = "..."`, `endpoint_prefix = "..."` and optionally
//!   `service_id = "..."` and `hostname = "{region}.example.{dnsSuffix}"`; with those
//!   three keys a declaration is not checked against the catalog, which also declares
//!   operations or members newer than it.
//! - `output = Type`: the response shape; without it the call returns `()`.
//! - `errors(A, B, ...)`: modeled errors; the macro generates `<Struct>Error` with a
//!   variant per listed error and `Unmodeled(UnmodeledError)` for any other code.
//! - `rename_all = "camelCase"`: member naming (default `PascalCase`); also
//!   `snake_case`, `SCREAMING_SNAKE_CASE`, `kebab-case`, `lowercase`, `UPPERCASE`.
//! - `paginate(input_token = a, output_token = b, page_size = c, items = d: Item)`:
//!   the operation returns its results in pages. `input_token` (a field of the
//!   operation) and `output_token` (a field of the output) carry the next page's token;
//!   both must be `Option` of the same type. It adds `pages(&client)`, a [`Pages`]
//!   stream; with `items` (the output's list member and its element type) also
//!   `items(&client)`, an [`Items`] stream; with `page_size` (an `Option<i32>` or
//!   `Option<i64>` field) the streams' `page_size(n)`. Names are the Rust field names.
//!   See [`Pages`] for when a stream ends.
//! - `host_prefix = "data.{TableName}."`: the model's `endpoint` trait. The prefix goes
//!   before the endpoint's host; each `{Name}` is filled from the `String` field marked
//!   `#[aws(host_label)]` whose wire name it is. A label value that cannot be part of a
//!   host name (letters, digits, inner hyphens) fails the call before anything is sent.
//! - `request_compression = "gzip"`: the model's `requestCompression` trait. With the
//!   crate feature `gzip`, bodies of 10,240 bytes or more (the official SDKs' default;
//!   see [`ClientBuilder::request_min_compression_size_bytes`] and
//!   [`ClientBuilder::disable_request_compression`]) go gzip-compressed with
//!   `Content-Encoding: gzip`; without it they go uncompressed, which services accept.
//! - `deserialize`: the struct also implements `Deserialize`, so that a request can be
//!   loaded from JSON (a fixture, a queue). Off by default: it is a third of an
//!   operation's generated code, and sending needs only `Serialize`.
//! - `query_compatible`: the service is `@awsQueryCompatible`. Requests carry
//!   `x-amzn-query-mode: true`, and an error's code is the one the service's query
//!   protocol used (`x-amzn-query-error: Code;Fault`), with the fault in
//!   [`ErrorMeta::fault`]. The modeled variant is still chosen by `__type`.
//! - `crate = "my_facade::awsjson"` (on both attributes): the path by which the
//!   generated code reaches awsjson when the crate does not know it as `awsjson`: a
//!   renamed dependency (`aws = { package = "awsjson", ... }` and `crate = "aws"`) or a
//!   crate or module that re-exports it. A `::awsjson` path written in the declaration
//!   itself keeps its meaning.
//!
//! Field attributes:
//!
//! - `#[aws(rename = "KMSKeyId")]`: the wire name.
//! - `#[aws(timestamp = "date-time")]` (or `"http-date"`, `"epoch-seconds"`, the
//!   default): the format of a [`DateTime`] member, also inside `Option`, `Vec` and
//!   `HashMap`.
//! - `#[aws(default = ...)]` on a field that is not an `Option`: the model's default.
//!   The member is always sent, and a response that leaves it out reads as the
//!   default. Write `"text"` (strings, string enums, documents, and blobs as their
//!   bytes), `b"bytes"` (blobs), a number (numbers, int enums, timestamps as epoch
//!   seconds, documents), `true`/`false`, `[]` (lists, documents) or `{}` (maps,
//!   documents). A literal the type cannot take is a type error at the literal. A
//!   model default of `null` is an `Option` field without `default`; top-level input
//!   members with a default stay `Option`s too, as the client sends only what is set.
//! - `#[aws(host_label)]`: the `String` field that fills `{Name}` in `host_prefix`.
//! - `#[aws(endpoint_url)]`: a `String` or `Option<String>` field whose value, when
//!   set, is the URL this call goes to instead of the service endpoint (a service
//!   customization, as Amazon ML's `Predict` sends to its `PredictEndpoint`).
//! - `#[idempotency]` on one `Option<String>` field: left `None`, a fresh UUID v4 is
//!   sent, the same on every retry.
//! - `#[aws(sensitive)]`: the model's `sensitive` trait (a password, a secret, a key's
//!   plaintext). The struct's `#[derive(Debug)]` (which must come after the macro's
//!   attribute, as derives do) is replaced by an impl that prints the member as
//!   `"*** Sensitive Data Redacted ***"`, as the official SDKs do; the wire is
//!   unchanged. A member the catalog knows as sensitive (an operation's input, a
//!   `shape = ...` struct, or a struct mirroring a sensitive structure) is redacted
//!   without the attribute, and an operation's `output` or error type, or a structure
//!   its input holds, declared without `shape = ...` that holds a sensitive member
//!   without the attribute is a compile error. Structures nested in an output are
//!   checked only through `shape = ...` (as the scaffold declares them).
//!
//! ## restJson1 operations
//!
//! A service of the restJson1 protocol (Lambda, API Gateway, Bedrock, EKS, ...) names
//! an operation by its HTTP method and URI, and binds each member to a place in the
//! request. Outside the catalog, the declaration says what the model would:
//!
//! - `http = "METHOD /uri/{Label}/{Greedy+}?literal"` instead of `target`, with
//!   `signing_name` and `endpoint_prefix` (no `json_version`: bodies are
//!   `application/json`). `code = 201`: the success status (200 by default).
//!   `checksum_required`: the model's `httpChecksumRequired` (a `Content-MD5` header).
//! - Field attributes: `#[aws(label)]` fills `{Name}` (the field's wire name, so
//!   `rename` applies; `{Name+}` keeps `/`); `#[aws(query = "name")]` (lists repeat
//!   the parameter); `#[aws(query_params)]` on a map of strings or string lists (a name
//!   a `query` member gives wins); `#[aws(header = "X-Name")]` (lists comma-joined);
//!   `#[aws(prefix_headers = "X-Meta-")]` on a map; `#[aws(payload)]`: the member is
//!   the whole body (a structure or union as JSON, a string as text, a [`Blob`] as
//!   bytes, a [`ByteStream`] streamed), then no other member may be in the body;
//!   `#[aws(media_type = "image/png")]` on a payload or string header. A field without
//!   one is a member of the JSON body, which is sent (`{}` at least) whenever the input
//!   has body members.
//! - Outputs and errors (`#[aws_json_shape]` structs) take `header`,
//!   `prefix_headers`, `payload` and `#[aws(response_code)]` (an `i32` or
//!   `Option<i32>`, the status). The error is chosen by `X-Amzn-ErrorType`, else the
//!   body's `code` or `__type`.
//! - Timestamps in a label or the query string are date-time, in a header http-date,
//!   unless `#[aws(timestamp = "...")]` says otherwise.
//!
//! ```
//! use awsjson::{aws_json_operation, aws_json_shape};
//!
//! #[aws_json_shape]
//! pub struct InvokeResponse {
//!     #[aws(response_code)]
//!     pub status_code: i32,
//!     #[aws(header = "X-Amz-Function-Error")]
//!     pub function_error: Option<String>,
//!     #[aws(payload)]
//!     pub payload: Option<awsjson::Blob>,
//! }
//!
//! #[aws_json_operation(
//!     http = "POST /2015-03-31/functions/{FunctionName}/invocations",
//!     signing_name = "lambda",
//!     endpoint_prefix = "lambda",
//!     output = InvokeResponse
//! )]
//! pub struct Invoke {
//!     #[aws(label)]
//!     pub function_name: String,
//!     #[aws(query = "Qualifier")]
//!     pub qualifier: Option<String>,
//!     #[aws(header = "X-Amz-Invocation-Type")]
//!     pub invocation_type: Option<String>,
//!     #[aws(payload)]
//!     pub payload: Option<awsjson::Blob>,
//! }
//!
//! # #[tokio::main(flavor = "current_thread")]
//! # async fn main() {
//! let client = awsjson::Client::builder()
//!     .region("us-east-1")
//!     .credentials(awsjson::Credentials::new("AKID", "SECRET", None))
//!     .build()
//!     .unwrap();
//! let invoke = Invoke {
//!     function_name: "my function".into(),
//!     qualifier: Some("live".into()),
//!     invocation_type: Some("Event".into()),
//!     payload: Some(awsjson::Blob::new(br#"{"n":1}"#.to_vec())),
//! };
//! let request = client.build_request(&invoke).await.unwrap();
//! assert_eq!(request.method, "POST");
//! assert_eq!(
//!     request.url,
//!     "https://lambda.us-east-1.amazonaws.com/2015-03-31/functions/my%20function/invocations?Qualifier=live"
//! );
//! assert_eq!(request.header("x-amz-invocation-type"), Some("Event"));
//! assert_eq!(request.body, br#"{"n":1}"#);
//! # }
//! ```
//!
//! `Option` fields are left out of the body when `None`. A member sent as `null` reads
//! as if it were left out (as Smithy's protocol tests, botocore and the official SDKs
//! read it): `None` for an `Option`, the default for a member with `default`, else as
//! follows. A required (non-`Option`) member that a response leaves out reads, as
//! Smithy's client error correction asks, as: the zero value of a string (`""`),
//! number (`0`), boolean (`false`), blob (empty), timestamp (the epoch), document
//! (`null`), list or map (empty); for a string enum or a union, its `Unknown` variant
//! holding `""`; for an int enum, the value 0; for a structure, the structure made of
//! these values, when every required member it has can take one. A member of any other
//! type (such as a `Box` of a structure, which could make an endless value) is a
//! `missing field` error, and so is a structure that has such a member. Float members (`f32`, `f64`, also
//! inside containers) send and read `NaN`, `Infinity` and `-Infinity` as strings.
//! Lists are `Vec<T>` and maps `HashMap<String, T>`: a `null` entry is an error, as in
//! a dense collection; `Vec<Option<T>>` and `HashMap<String, Option<T>>` are sparse
//! collections, where `null` entries read and write as `None`. Untyped `document`
//! members are [`Document`]s.
//!
//! `#[aws_json_shape]` declares nested structures, outputs and errors (same field
//! rules, `rename_all` too) and enums of three kinds, told apart by their variants:
//!
//! - string enums: unit variants, named as on the wire (or `#[aws(rename = "...")]`,
//!   `rename_all = "SCREAMING_SNAKE_CASE"`), plus an added `Unknown(UnknownValue)`
//!   variant that keeps values added to the service later;
//! - int enums: unit variants with `= N`, plus an added `Unknown(i32)`;
//! - unions: one-field tuple variants, one per member (named like structure members,
//!   `PascalCase` unless `rename_all` says otherwise; `#[aws(timestamp = ...)]` on a
//!   variant sets its timestamp format). A union is a one-member object on the wire;
//!   `null` members and `__type` are ignored on read, except a [`Document`] member,
//!   for which `null` is a value (`{"json": null}` reads as `Json(Document::Null)`,
//!   unless another member is set), and a member this declaration does not know reads
//!   as an added `Unknown(UnknownValue)` variant holding its name, which cannot be sent
//!   back.
//!
//! Each of the three gets `Default`, its error-correction value (`Unknown` with an
//! empty value; 0 for an int enum: "not set"), so that a structure holding one derives
//! `Default` and is written with `..Default::default()`; an enum that derives its own
//! (a `#[default]` variant) keeps it.
//!
//! `#[aws_json_shape(shape = "ecr#Repository")]` names the model shape a structure, a
//! string enum or a union mirrors (botocore's service name, `#`, the shape): its wire
//! names and enum values then come from the model, and it is checked like an
//! operation's input. Give every structure nested in a declaration its `shape = ...`
//! (the scaffold prints it): without one, its fields' types are not checked against
//! the model, and only an operation's output and errors have their field names
//! checked (against the output and error shapes).
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
//!
//! ```
//! use std::collections::HashMap;
//! use awsjson::{aws_json_operation, aws_json_shape, DateTime, Document};
//!
//! #[aws_json_operation(
//!     target = "ExampleService.PutRecord",
//!     json_version = "1.0",
//!     signing_name = "example",
//!     endpoint_prefix = "example",
//!     rename_all = "camelCase",
//!     host_prefix = "{stream}.data.",
//!     request_compression = "gzip",
//! )]
//! pub struct PutRecord {
//!     #[aws(host_label)]
//!     pub stream: String,
//!     pub value: Value,
//!     pub level: Option<Level>,
//!     #[aws(default = 3)]
//!     pub copies: i32,
//!     pub tags: Option<HashMap<String, Option<String>>>,
//!     pub extra: Option<Document>,
//! }
//!
//! #[aws_json_shape(rename_all = "camelCase")]
//! #[derive(Debug, Clone, PartialEq)]
//! pub enum Value {
//!     Text(String),
//!     Number(f64),
//!     #[aws(timestamp = "date-time")]
//!     At(DateTime),
//! }
//!
//! #[aws_json_shape]
//! #[derive(Debug, Clone, Copy, PartialEq)]
//! pub enum Level {
//!     Low = 1,
//!     High = 2,
//! }
//!
//! let record: Value = awsjson::__private::serde_json::from_str(
//!     r#"{"__type": "ns#Value", "number": "NaN", "text": null}"#,
//! ).unwrap();
//! assert!(matches!(record, Value::Number(n) if n.is_nan()));
//! let later: Value = awsjson::__private::serde_json::from_str(r#"{"blob": "AA=="}"#).unwrap();
//! assert!(matches!(later, Value::Unknown(m) if m.as_str() == "blob"));
//! assert_eq!(Level::from(7), Level::Unknown(7));
//! ```
//!
//! # Retries, timeouts and limits
//!
//! Calls retry as the official SDKs' *standard* mode does (see [`Client`]): 3 attempts,
//! full-jitter exponential backoff from 1 s capped at 20 s, and a retry quota shared
//! by the client, so a failing service is not hammered. Every retry carries the same
//! body bytes and idempotency token. Once a response has answered 2xx, a failure of
//! its body (cut short, reset, stalled) is not retried: the operation was performed.
//!
//! No wait is unbounded by default. Connecting may take [`DEFAULT_CONNECT_TIMEOUT`]
//! (3.1 s, the SDKs' default); the response's status and headers
//! [`DEFAULT_RESPONSE_HEADER_TIMEOUT`] (90 s from the start of sending, more than the
//! longest long poll; [`ClientBuilder::response_header_timeout`]); and its body fails
//! when it stalls, under 1 byte/s over a 5 s grace period, as the official SDKs'
//! stalled-stream protection does ([`StalledStreamProtection`],
//! [`ClientBuilder::stalled_stream_protection`]). There is no attempt or operation
//! timeout unless one is set (as in the SDKs). A wait that runs out is a
//! [`TransportErrorKind::Timeout`], retried like any timeout. Response bodies are
//! capped at [`DEFAULT_MAX_RESPONSE_BYTES`] (64 MiB).
//!
//! Errors follow the standard library's guideline: `Display` says what went wrong at
//! its level (a service error: its code, message, status, request id and, after
//! retries, the number of attempts), `source()` gives the cause under it, and
//! [`ErrorChain`] shows the whole chain on one line. Text the service sent is shown up
//! to [`MAX_DISPLAYED_CHARS`] (1,024) characters each in `Display`; the accessors keep
//! it whole.
//!
//! ```
//! use std::time::Duration;
//!
//! let client = awsjson::Client::builder()
//!     .region("us-east-1")
//!     .credentials(awsjson::Credentials::new("AKID", "SECRET", None))
//!     .max_attempts(5)
//!     .initial_backoff(Duration::from_millis(200))
//!     .max_backoff(Duration::from_secs(5))
//!     .connect_timeout(Duration::from_secs(1))
//!     .attempt_timeout(Duration::from_secs(10))
//!     .operation_timeout(Duration::from_secs(30))
//!     .response_header_timeout(Duration::from_secs(20))
//!     .stalled_stream_protection(
//!         awsjson::StalledStreamProtection::enabled().with_grace_period(Duration::from_secs(2)),
//!     )
//!     .max_response_bytes(8 << 20)
//!     .build()
//!     .unwrap();
//! assert_eq!(client.retry_tokens(), 500);
//! ```
//!
//! A 3xx answer is reported as it came, not followed: a signed request is for one host.
//!
//! [`RetryMode::Adaptive`] (`AWS_RETRY_MODE=adaptive`) adds the SDKs' client-side rate
//! limiting once the service throttles; [`ClientBuilder::retry_classifier`] decides,
//! before the defaults, which error responses are retried ([`ClassifyRetry`]).
//!
//! # Plug-in points
//!
//! - **Your own HTTP client**: [`ClientBuilder::http_client`] takes a
//!   `reqwest::Client` (proxy, pool, TLS roots set in code); awsjson still signs,
//!   retries and applies its timeouts.
//! - **Per-call settings**: `op.customize()` ([`Customize`]) sends one call with its
//!   own timeouts, attempts, region, endpoint, signed headers, credentials or
//!   interceptors ([`CallConfig`]); [`Pages::config`] gives every page the same.
//! - **Interceptors** ([`Interceptor`]), on the builder and per call: headers added
//!   before signing, each attempt observed, the response adjusted before decoding.
//!   [`XRayTraceId`] sends Lambda's trace id, as the SDKs do.
//! - **Derived clients**: [`Client::with_region`] (and `with_endpoint_url`,
//!   `with_fips`, `with_dual_stack`) share the credentials cache, the connection pool
//!   and the retry quota.
//! - **Credentials in code**: [`AssumeRoleProvider`] and [`WebIdentityProvider`],
//!   cached like the default chain; any [`ProvideCredentials`] (the official SDK's
//!   providers too, behind a few lines of adapter) plugs in.
//!
//! # Event streams
//!
//! Operations that stream their answer (Bedrock's `ConverseStream`, Kinesis'
//! `SubscribeToShard`, Lambda's `InvokeWithResponseStream`) send
//! `application/vnd.amazon.eventstream` messages: typed headers and a payload, each
//! with two CRC32 checksums. [`event_stream`] has the framing ([`event_stream::Message`]
//! encodes and decodes one, [`event_stream::Decoder`] a stream of them from chunks of
//! any size), checked against the SDKs' shared test vectors; [`EventStream`] reads a
//! response's messages as a typed stream of events (a [`futures_core::Stream`] with an
//! async `next()`, as the paginators), with modeled exceptions as the operation's
//! errors, a timeout between events and the connection closed when it is dropped.
//!
//! An operation whose output has an event-stream member declares that member as
//! [`EventStream<Union, OperationError>`](EventStream), the union's variants being the
//! events; `send` returns the output with its other members and the open stream. With
//! restJson1 (Bedrock Runtime, Lambda) those members come from the response's headers
//! and the stream is the body, over HTTP/1.1 as the official SDKs send it, in the
//! default build:
//!
//! ```text
//! #[aws_json_shape(shape = "bedrock-runtime#ConverseStreamResponse")]
//! struct ConverseStreamResponse {
//!     stream: EventStream<ConverseStreamOutput, ConverseStreamError>, // HTTP payload
//! }
//!
//! let mut output = converse.send(&client).await?;
//! while let Some(event) = output.stream.next().await {
//!     match event? {
//!         ConverseStreamOutput::ContentBlockDelta(delta) => { /* a token */ }
//!         _ => { /* start, stop, metadata, newer event types */ }
//!     }
//! }
//! ```
//!
//! With awsJson (Kinesis' `SubscribeToShard`) the members come from the stream's
//! `initial-response` event, and AWS serves the stream over HTTP/2 only: such an
//! operation's `send` needs the `http2` feature (without it, it does not compile, and
//! the error names the feature).
//!
//! A streaming call takes the path of every call until its stream is handed over:
//! retries (never after an event was delivered), interceptors, `customize()`, the
//! attempt timeout, and the operation timeout up to the initial response. Requests
//! whose body is an event stream (Transcribe's audio, Bedrock's bidirectional stream)
//! are fed through an `event_stream::EventSender` (`http2` feature): each message is
//! wrapped and signed as it goes out, its `:chunk-signature` chained to the previous one
//! and to the request's signature ([`event_stream::EventSigner`], checked against the
//! SDKs' known answers), and the sender waits while the connection cannot take more.
//! `event_stream::send_with_input_stream` sends an operation that way, retried only
//! while none of the sender's events has gone out. A declaration gives its input's
//! event stream a member [`InputStream<Union>`](InputStream), fed by an [`InputSender`]
//! that encodes each event of the union into its message. An event's members go to its
//! message's headers (`#[aws(event_header)]`), its payload (`#[aws(event_payload)]`)
//! or the payload's JSON object, as the model says.
//!
//! # Cargo features
//!
//! - `catalog` (default): the service catalog the macros check declarations against.
//! - `gzip`: compresses the bodies of operations declared `request_compression = "gzip"`.
//! - `http2`: event-stream calls over HTTP/2 (reqwest's, on hyper's `h2`): the
//!   connections of the streaming calls that need it offer `h2` in ALPN (other calls
//!   stay on HTTP/1.1), and awsJson output streams and input event streams can be sent
//!   (restJson1's output streams need no feature). It adds 7 crates to the build
//!   (`h2`, `tokio-util`, `indexmap`, `hashbrown`, `equivalent`, `fnv`, `futures-sink`;
//!   `tests/tests/test_dependency_tree.rs` keeps the list) and about 14 s of CPU
//!   (+17 %) to a clean debug build of a one-line program (BENCHMARKS.md, *The http2
//!   feature*).
//! - `test-util`: the `mock` module, typed mocks for unit tests (rules per operation
//!   answering typed outputs and errors, and the calls recorded); the `stub` module, a
//!   local endpoint that verifies SigV4, for tests;
//!   the `conformance` module and `Env::replaying_to`, for the official SDKs'
//!   profile-parser and credential-chain suites.
//!
//! ## ASCII-only host names: the application's choice
//!
//! The URL parser in the tree (`url`, through reqwest) compiles ICU4X's Unicode tables
//! for international domain names: 22 crates and about a tenth of a clean build
//! (BENCHMARKS.md). AWS endpoints are ASCII, so an *application* that needs no
//! international domain names anywhere can drop them by naming `idna_adapter`'s
//! documented no-Unicode line in its own `Cargo.toml`:
//!
//! ```toml
//! [dependencies]
//! idna_adapter = "=1.0.0"
//! ```
//!
//! `url` then rejects non-ASCII host names with an error, in the whole program. That
//! is why awsjson does not do it for you, not even behind a feature: Cargo unifies
//! versions and features program-wide (an optional `=1.0.0` would already pin every
//! dependent's lock file), and a library may not take Unicode host names away from the
//! other crates of a program, just as it leaves the choice of a rustls provider to
//! the application. A library that depends on awsjson should not name the line either.

#![forbid(unsafe_code)]
// docs.rs (`[package.metadata.docs.rs]`) marks feature-gated items with their feature.
#![cfg_attr(docsrs, feature(doc_cfg))]

// serde's traits without its facade crate: every impl here and in generated code is
// written by hand (serde_core's documented use).
extern crate serde_core as serde;

mod blob;
mod byte_stream;
mod call;
mod call_config;
mod client;
mod codegen;
mod config;
mod credentials;
mod customize;
mod datetime;
mod default;
mod document;
mod endpoint;
mod error;
pub mod event_stream;
mod http;
mod http_binding;
mod interceptor;
mod json_read;
mod md5;
mod mirror;
mod operation;
mod paginate;
mod protocol;
mod rate_limit;
mod retry;
mod serde_adapters;
mod service;
mod signing_keys;
pub mod sigv4;
mod stall;
// Linux and the BSDs read the system's roots themselves (`tls.rs`).
#[cfg(all(unix, not(target_vendor = "apple"), not(target_os = "android")))]
mod system_roots;
mod tls;
mod transmit;
mod unknown;
mod uuid;
mod xml;
mod xray;

#[cfg(feature = "test-util")]
pub mod conformance;
#[cfg(feature = "test-util")]
pub mod mock;
#[cfg(feature = "test-util")]
#[cfg_attr(docsrs, doc(cfg(feature = "test-util")))]
pub mod stub;

#[doc(hidden)]
pub mod __private {
    pub use crate::private::*;
}
mod private;
mod region;

pub use awsjson_macros::{aws_json_operation, aws_json_shape};
pub use blob::{Base64Error, Blob};
pub use byte_stream::{BoxError, ByteStream, ByteStreamError};
pub use call_config::CallConfig;
pub use client::{
    Client, ClientBuilder, DEFAULT_CONNECT_TIMEOUT, DEFAULT_MAX_RESPONSE_BYTES,
    DEFAULT_MIN_COMPRESSION_BYTES, DEFAULT_RESPONSE_HEADER_TIMEOUT,
};
pub use config::Env;
pub use credentials::{
    AssumeRoleBuilder, AssumeRoleProvider, Credentials, CredentialsCache, CredentialsFuture,
    DEFAULT_CREDENTIAL_PROCESS_TIMEOUT, ProvideCredentials, WebIdentityBuilder,
    WebIdentityProvider,
};
pub use customize::{Customize, Customized};
pub use datetime::{DateTime, DateTimeParseError};
pub use document::{Document, Number};
pub use endpoint::AccountIdEndpointMode;
pub use error::{
    ConfigError, CredentialsError, DecodeError, Error, ErrorChain, ErrorMeta, MAX_DISPLAYED_CHARS,
    ServiceError, TransportError, TransportErrorKind, UnmodeledError,
};
pub use event_stream::{EventStream, EventUnion, InputSender, InputStream};
pub use http::{HttpRequest, InvalidHeader, RawResponse, ResponseHeaders};
pub use interceptor::{AttemptContext, AttemptOutcome, ExtraHeaders, Interceptor};
pub use operation::Operation;
pub use paginate::{Advance, Items, PageSize, Pages, Paginate, PaginateItems};
pub use retry::{
    ClassifyRetry, DEFAULT_INITIAL_BACKOFF, DEFAULT_MAX_ATTEMPTS, DEFAULT_MAX_BACKOFF, RetryClass,
    RetryMode,
};
pub use service::{EndpointVariant, JsonVersion, ServiceMeta};
pub use stall::{DEFAULT_MIN_THROUGHPUT, DEFAULT_STALL_GRACE_PERIOD, StalledStreamProtection};
pub use unknown::UnknownValue;
pub use xray::XRayTraceId;

#[doc = include_str!("../../README.md")]
#[cfg(doctest)]
pub struct ReadmeDoctests;
