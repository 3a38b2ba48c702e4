//! The checked declaration: the one value `check` returns and `expand` reads.
//!
//! It holds the declaration as parsed (`decl`, never written to) beside what the checks
//! resolved: wire names and timestamp formats from the model, the service's metadata,
//! the idempotency token, the endpoint pieces. `check` builds it even when a check
//! fails (with placeholder values where one did); the pipeline expands it only when the
//! error accumulator is empty, so "no error" is "a model exists".

use crate::ast::{self, EnumKind};

/// A structure member as the checks resolved it.
pub(crate) struct Field<'a> {
    pub(crate) decl: &'a ast::Field,
    /// The model's member name for a member checked against the catalog, else the
    /// declared one (`rename`, `rename_all`).
    pub(crate) wire_name: String,
    /// The declared timestamp format, else the model's; `None` is epoch seconds.
    pub(crate) timestamp: Option<&'static str>,
    /// `Debug` redacts it: `#[aws(sensitive)]`, or sensitive in the model.
    pub(crate) sensitive: bool,
    /// Where the member goes on the wire: always [`Binding::Body`] under awsJson.
    pub(crate) binding: Binding,
    /// The media type of an `httpPayload` blob or string (`@mediaType`), when the
    /// model gives one; the payload's `Content-Type` defaults by kind otherwise.
    pub(crate) media_type: Option<String>,
    /// A streaming blob payload (`@streaming`): a request body from bytes or a stream,
    /// a response body read as a stream.
    pub(crate) streaming: bool,
}

/// Where a member goes on the wire: restJson1's HTTP binding traits. The wire name of
/// a [`Binding::Body`] member is [`Field::wire_name`]; for a label it is the name in
/// the URI template, for a query parameter or header the name the binding gives.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub(crate) enum Binding {
    /// A member of the JSON body.
    #[default]
    Body,
    /// `{Name}` in the URI (`httpLabel`); `greedy` for `{Name+}`, which keeps `/`.
    Label { greedy: bool },
    /// A query-string parameter of this name (`httpQuery`); lists repeat it.
    Query(String),
    /// `httpQueryParams`: a map whose entries become query parameters, after the
    /// `Query` ones (an explicit `Query` name wins).
    QueryParams,
    /// A header of this name (`httpHeader`); lists are comma-joined.
    Header(String),
    /// `httpPrefixHeaders`: a map, one header per entry, named prefix + key.
    PrefixHeaders(String),
    /// The whole HTTP body (`httpPayload`).
    Payload,
    /// The HTTP status code of a response (`httpResponseCode`).
    ResponseCode,
    /// A header of an event's message, named for the member (`eventHeader`).
    EventHeader(String),
    /// The whole payload of an event's message (`eventPayload`).
    EventPayload,
}

impl Binding {
    /// Where a member with this binding and wire name sits, as one string the mirror
    /// checks compare at compile time: a body member's wire name as it is (awsJson's
    /// are unchanged), else `@` and the binding with its name (`@header
    /// x-amz-function-error`, headers in lower case, which HTTP does not distinguish),
    /// so that a type mirroring a model shape binds each member where the model does.
    pub(crate) fn place(&self, wire_name: &str) -> String {
        match self {
            Binding::Body => wire_name.to_owned(),
            Binding::Label { .. } => format!("@label {wire_name}"),
            Binding::Query(name) => format!("@query {name}"),
            Binding::QueryParams => "@query_params".to_owned(),
            Binding::Header(name) => format!("@header {}", name.to_ascii_lowercase()),
            Binding::PrefixHeaders(prefix) => {
                format!("@prefix_headers {}", prefix.to_ascii_lowercase())
            }
            Binding::Payload => "@payload".to_owned(),
            Binding::ResponseCode => "@response_code".to_owned(),
            Binding::EventHeader(name) => format!("@event_header {name}"),
            Binding::EventPayload => "@event_payload".to_owned(),
        }
    }

    /// [`Binding::place`] as messages say it: `wire name `Name``, `header `X-Foo``.
    pub(crate) fn describe(&self, wire_name: &str) -> String {
        match self {
            Binding::Body => format!("wire name `{wire_name}`"),
            Binding::Label { .. } => format!("URI label `{{{wire_name}}}`"),
            Binding::Query(name) => format!("query parameter `{name}`"),
            Binding::QueryParams => "the query parameters".to_owned(),
            Binding::Header(name) => format!("header `{name}`"),
            Binding::PrefixHeaders(prefix) => format!("headers `{prefix}*`"),
            Binding::Payload => "the HTTP payload".to_owned(),
            Binding::ResponseCode => "the status code".to_owned(),
            Binding::EventHeader(name) => format!("event header `{name}`"),
            Binding::EventPayload => "the event payload".to_owned(),
        }
    }
}

impl<'a> Field<'a> {
    /// The member as declared, before any model says otherwise.
    pub(crate) fn declared(decl: &'a ast::Field) -> Self {
        Field {
            decl,
            wire_name: decl.wire_name.clone(),
            timestamp: decl.attrs.timestamp,
            sensitive: decl.attrs.sensitive.is_some(),
            binding: Binding::Body,
            media_type: None,
            streaming: false,
        }
    }
}

pub(crate) struct Struct<'a> {
    pub(crate) item: &'a syn::DeriveInput,
    pub(crate) fields: Vec<Field<'a>>,
    /// The model shape (`"service#Shape"`) a shape mirrors, given with `shape = ...`.
    pub(crate) model: Option<String>,
}

/// An enum value or union member as the checks resolved it.
pub(crate) struct Variant<'a> {
    pub(crate) decl: &'a ast::Variant,
    pub(crate) wire_name: String,
    /// A union member's timestamp format: declared, else the model's.
    pub(crate) timestamp: Option<&'static str>,
    pub(crate) sensitive: bool,
    /// An event-stream union's error member: the error code it is known by (the name
    /// of the error shape it targets), `None` for any other member.
    pub(crate) exception: Option<String>,
}

impl<'a> Variant<'a> {
    pub(crate) fn declared(decl: &'a ast::Variant) -> Self {
        Variant {
            decl,
            wire_name: decl.wire_name.clone(),
            timestamp: decl.timestamp,
            sensitive: decl.sensitive,
            // The error's code is its type's name, as `errors(...)` names it.
            exception: decl
                .exception
                .and_then(|_| decl.ty.as_ref().and_then(crate::ty::base_name)),
        }
    }
}

pub(crate) struct Enum<'a> {
    pub(crate) item: &'a syn::DeriveInput,
    pub(crate) variants: Vec<Variant<'a>>,
    pub(crate) kind: EnumKind,
}

pub(crate) enum Shape<'a> {
    Struct(Struct<'a>),
    Enum(Enum<'a>),
}

/// A checked `#[aws_json_operation]`.
pub(crate) struct Operation<'a> {
    pub(crate) decl: &'a ast::Operation,
    pub(crate) body: Struct<'a>,
    /// `Prefix.Operation`, the `X-Amz-Target`; empty for a restJson1 operation.
    pub(crate) target: String,
    /// The operation's HTTP route: `Some` for restJson1 (from `http = "..."` or the
    /// catalog), `None` for awsJson.
    pub(crate) http: Option<HttpRoute>,
    pub(crate) service: Service,
    pub(crate) token: Option<Token>,
    /// Errors carry awsQuery codes: declared, or `awsQueryCompatible` in the model.
    pub(crate) query_compatible: bool,
    pub(crate) host_prefix: Option<HostPrefix>,
    pub(crate) endpoint_url: Option<EndpointUrl>,
    pub(crate) endpoint: OperationEndpoint,
    /// `Operation::ENDPOINT_DISCOVERY`: the target of the service's discovery operation
    /// and whether the model requires discovery, for an operation with the
    /// `endpointdiscovery` trait.
    pub(crate) endpoint_discovery: Option<(String, bool)>,
    /// Types whose members are checked (at compile time, by the expansion) against the
    /// model shape: the output and the errors.
    pub(crate) mirrors: Vec<Mirror>,
    /// Structures nested in the input, declared in their own macro invocations, each
    /// with the model's sensitive members it must redact (`Mirror::sensitive`).
    pub(crate) nested: Vec<(syn::Type, Vec<(String, String)>)>,
}

/// A restJson1 operation's `http` trait and the traits that shape its request.
pub(crate) struct HttpRoute {
    /// `GET`, `POST`, ...
    pub(crate) method: String,
    /// The URI template as the model writes it: path with `{Label}` / `{Greedy+}`,
    /// and any literal query after `?` (`/things/{Id}?tagging`).
    pub(crate) uri: String,
    /// The success status code (`code`, 200 when not given).
    pub(crate) code: u16,
    /// `httpChecksumRequired`: the request carries `Content-MD5`.
    pub(crate) checksum_required: bool,
    /// Whether the input has members bound to the JSON body in the model (declared or
    /// not): the request then carries a JSON object body even when every declared body
    /// member is unset, as the official SDKs send it.
    pub(crate) has_body_members: bool,
}

/// A service's metadata as `ServiceMeta` holds it.
pub(crate) struct Service {
    pub(crate) json_version: String,
    pub(crate) target_prefix: String,
    pub(crate) signing_name: String,
    pub(crate) endpoint_prefix: String,
    pub(crate) service_id: String,
    pub(crate) hostname: String,
    /// `ServiceMeta::endpoints`: the catalog's endpoints that the runtime cannot derive
    /// from `hostname`.
    pub(crate) endpoints: Vec<&'static crate::catalog::Endpoint>,
    /// `ServiceMeta::endpoint_rules`: the catalog's rule set of the service.
    pub(crate) endpoint_rules: Option<&'static str>,
}

/// The idempotency token: its member and the field holding it.
pub(crate) struct Token {
    /// The member's wire name at its binding (the JSON key, or the query parameter or
    /// header name).
    pub(crate) member: String,
    /// Where the token goes: [`Binding::Body`] under awsJson; a restJson1 token may be
    /// a query parameter or header (`DeleteAnalyzer`'s `clientToken`), which the
    /// request carries even when the declaration has no field for it.
    pub(crate) binding: Binding,
    /// The field holding it; `None` when the declaration leaves it out and awsjson
    /// fills it on every call.
    pub(crate) field: Option<syn::Ident>,
}

/// A checked host prefix: the template and, per `{label}`, the field that fills it.
pub(crate) struct HostPrefix {
    pub(crate) template: String,
    /// Wire name (as written in the template) and field.
    pub(crate) labels: Vec<(String, syn::Ident)>,
}

/// The `#[aws(endpoint_url)]` field.
pub(crate) struct EndpointUrl {
    pub(crate) field: syn::Ident,
    pub(crate) optional: bool,
}

/// The operation's part in endpoint resolution by the service's rule set.
#[derive(Default)]
pub(crate) struct OperationEndpoint {
    /// `Operation::ENDPOINT_ACCOUNT_ID`: the rule set routes by the account id.
    pub(crate) account_id: bool,
    /// `Operation::endpoint_params`: the operation's endpoint-rule parameters that a
    /// declaration can give (a `contextParam` member it declares, a static value).
    pub(crate) params: Vec<(&'static str, EndpointParamValue)>,
    /// `Operation::ENDPOINT_PATHS`: `operationContextParams` as (name, JMESPath).
    pub(crate) paths: Vec<(&'static str, &'static str)>,
}

/// Where an endpoint-rule parameter's value comes from in the generated code.
pub(crate) enum EndpointParamValue {
    Field(syn::Ident),
    String(&'static str),
    Bool(bool),
}

/// `output = T` or an error type, and the model shape it must mirror.
pub(crate) struct Mirror {
    pub(crate) ty: syn::Type,
    /// `"<service>#<Shape>"`.
    pub(crate) shape: String,
    /// Each model member's [`Binding::place`].
    pub(crate) members: Vec<String>,
    /// The model shape's member names as the model spells them, for errors.
    pub(crate) model_members: Vec<&'static str>,
    /// Whether `ty` is the operation's output (not one of its errors).
    pub(crate) is_output: bool,
    /// The output's event-stream member (its wire name), if the model gives it one.
    pub(crate) event_stream: Option<&'static str>,
    /// The model's sensitive members ([`Binding::place`]) and the error for a field of
    /// `ty` that holds one without `#[aws(sensitive)]`.
    pub(crate) sensitive: Vec<(String, String)>,
}
