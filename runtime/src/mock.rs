//! Typed mocks: unit tests of code that calls AWS, without a server, a socket or a
//! timer.
//!
//! A [`Mock`] holds [`Rule`]s, each for one declared operation: which inputs it
//! answers (a closure over the input struct, or any) and what it answers, in order
//! (a typed output, a modeled error, an unmodeled error, a transport error, a
//! timeout, a raw response), once, `n` times or always. [`Mock::client`] is a
//! [`Client`] whose attempts the mock answers: a call takes the real path (the
//! idempotency token is filled, the body encoded, every attempt signed, retried as
//! the standard mode retries, the last response decoded), only the HTTP exchange is
//! replaced, and the retry backoff is zero (and no endpoint is discovered: a mocked
//! Timestream call needs no rule for `DescribeEndpoints`). So a mocked answer goes through the same
//! decoder and retry classification as a real one: a mocked `ThrottlingException` is
//! retried, a mocked modeled error arrives as its variant.
//!
//! Afterwards [`Mock::calls`] tells what was sent, in order: the operation, the input
//! decoded back from the body that would have gone on the wire (with the generated
//! idempotency token), and each attempt's signed request.
//!
//! A call no rule answers fails with [`Error::Config`], not
//! retried, whose message names the operation and shows the input (its `Debug`, which
//! redacts sensitive members, when a rule for that operation was added; else only the
//! names of the members it sent).
//!
//! ```
//! use awsjson::mock::{Mock, Rule};
//! use awsjson::{aws_json_operation, aws_json_shape};
//!
//! #[aws_json_operation(
//!     target = "secretsmanager.GetSecretValue",
//!     output = GetSecretValueResponse,
//!     errors(ResourceNotFoundException),
//! )]
//! #[derive(Debug)]
//! struct GetSecretValue {
//!     secret_id: String,
//! }
//!
//! #[aws_json_shape]
//! #[derive(Debug)]
//! struct GetSecretValueResponse {
//!     #[aws(sensitive)]
//!     secret_string: Option<String>,
//! }
//!
//! #[aws_json_shape]
//! #[derive(Debug)]
//! struct ResourceNotFoundException {
//!     message: Option<String>,
//! }
//!
//! /// The code under test: a missing secret reads as `None`.
//! async fn secret(client: &awsjson::Client, id: &str) -> Result<Option<String>, String> {
//!     let get = GetSecretValue { secret_id: id.into() };
//!     match get.send(client).await {
//!         Ok(out) => Ok(out.secret_string),
//!         Err(awsjson::Error::Service(e))
//!             if matches!(e.err(), GetSecretValueError::ResourceNotFoundException(_)) =>
//!         {
//!             Ok(None)
//!         }
//!         Err(e) => Err(e.to_string()),
//!     }
//! }
//!
//! # #[tokio::main(flavor = "current_thread")]
//! # async fn main() {
//! let mock = Mock::new();
//! mock.add(
//!     Rule::<GetSecretValue>::when(|get| get.secret_id == "db")
//!         // Throttled first: the client retries, at once.
//!         .throttle()
//!         .output(GetSecretValueResponse { secret_string: Some("hunter2".into()) }),
//! )
//! .add(Rule::<GetSecretValue>::any().modeled_error(ResourceNotFoundException {
//!     message: Some("no such secret".into()),
//! }));
//! let client = mock.client().unwrap();
//!
//! assert_eq!(secret(&client, "db").await, Ok(Some("hunter2".into())));
//! assert_eq!(secret(&client, "cache").await, Ok(None));
//! // Both rules were used once: a third call finds none.
//! let err = secret(&client, "db").await.unwrap_err();
//! assert!(err.contains("no mock rule answers"), "{err}");
//!
//! let calls = mock.calls();
//! assert_eq!(calls.len(), 3);
//! assert_eq!(calls[0].attempts(), 2);
//! assert_eq!(calls[1].input::<GetSecretValue>().unwrap().secret_id, "cache");
//! assert!(mock.pending().is_empty());
//! # }
//! ```
//!
//! A paginator takes one answer per page: `Rule::any().output(page1).output(page2)`.

use std::any::type_name;
use std::collections::BTreeMap;
use std::convert::Infallible;
use std::fmt;
use std::marker::PhantomData;
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};
use std::time::Duration;

use serde_core::Serialize;
use serde_core::de::DeserializeOwned;

use crate::error::{ConfigError, Error, ErrorMeta, TransportError, TransportErrorKind};
use crate::http::{HttpRequest, InvalidHeader, RawResponse, ResponseHeaders};
use crate::operation::{Operation, OperationError};
use crate::{Client, ClientBuilder, Credentials, StalledStreamProtection};

/// The region of [`Mock::client`].
pub const MOCK_REGION: &str = "us-east-1";

/// How much of an unmatched input a message shows.
const SHOWN_INPUT_CHARS: usize = 2000;

/// A set of [`Rule`]s and the record of the calls they answered. Cheap to clone: the
/// clones share rules and record.
#[derive(Clone, Default)]
pub struct Mock {
    transport: Arc<MockTransport>,
}

impl fmt::Debug for Mock {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let state = self.transport.state();
        f.debug_struct("Mock")
            .field("rules", &state.rules.len())
            .field("calls", &state.calls.len())
            .finish()
    }
}

impl Mock {
    /// A mock with no rules: every call fails until rules are added.
    pub fn new() -> Self {
        Mock::default()
    }

    /// Adds a rule after those already added. A call is answered by the first rule,
    /// in the order added, that is for its operation, matches its input and has uses
    /// left.
    pub fn add<O>(&self, rule: Rule<O>) -> &Self
    where
        O: Operation + DeserializeOwned + fmt::Debug + 'static,
    {
        let answers = if rule.answers.is_empty() {
            vec![WireAnswer::Invalid(format!(
                "a mock rule for `{}` has no answer: give it one (output, modeled_error, \
                 unmodeled_error, throttle, transport_error, timeout or response)",
                O::TARGET
            ))]
        } else {
            rule.answers
        };
        let matcher = rule.matcher;
        self.transport.state().rules.push(StoredRule {
            target: O::TARGET,
            matches: Arc::new(move |body| match serde_json::from_slice::<O>(body) {
                Ok(input) => matcher.as_ref().is_none_or(|m| m(&input)),
                Err(_) => false,
            }),
            describe: describe::<O>,
            answers,
            next: 0,
            uses_left: rule.uses,
            uses: rule.uses,
        });
        self
    }

    /// A client whose calls this mock answers: region [`MOCK_REGION`], static
    /// credentials, the default 3 attempts.
    pub fn client(&self) -> Result<Client, ConfigError> {
        self.client_from(
            Client::builder()
                .region(MOCK_REGION)
                .credentials(Credentials::new("AKIDMOCK", "mock-secret", None)),
        )
    }

    /// A client built from `builder` (region, credentials, attempts, timeouts as it
    /// says) whose calls this mock answers. The backoff between attempts is zero,
    /// bodies go uncompressed (so the recorded body is the JSON) and no wait is bounded
    /// but by the attempt and operation timeouts the builder sets.
    pub fn client_from(&self, builder: ClientBuilder) -> Result<Client, ConfigError> {
        builder
            .initial_backoff(Duration::ZERO)
            .max_backoff(Duration::ZERO)
            .disable_request_compression(true)
            .response_header_timeout(None)
            .stalled_stream_protection(StalledStreamProtection::disabled())
            .build()?
            .with_mock(Arc::<MockTransport>::clone(&self.transport))
            .ok_or_else(|| ConfigError::new("the mock client was shared before it was set up"))
    }

    /// The calls made so far, in the order they started, each with all its attempts.
    pub fn calls(&self) -> Vec<MockCall> {
        self.transport.state().calls.clone()
    }

    /// The rules that still expect a use (not those added with [`Rule::always`]),
    /// described: empty when every rule was used as often as it says.
    pub fn pending(&self) -> Vec<String> {
        self.transport
            .state()
            .rules
            .iter()
            .enumerate()
            .filter_map(|(i, rule)| {
                let (left, of) = (rule.uses_left?, rule.uses?);
                (left > 0).then(|| {
                    format!(
                        "rule {} (`{}`): {left} of {of} uses left{}",
                        i + 1,
                        rule.target,
                        if rule.next > 0 {
                            format!(", {} answers into the current one", rule.next)
                        } else {
                            String::new()
                        }
                    )
                })
            })
            .collect()
    }
}

/// What a call of operation `O` is answered with: which inputs it matches, a sequence
/// of answers (one per attempt or page: the first attempt gets the first, a retry the
/// next), and how many times the sequence is used (once unless [`times`](Self::times)
/// or [`always`](Self::always) says otherwise). Calls made at the same time take a
/// rule's answers in the order their attempts arrive.
///
/// Answers are encoded when the rule is built, to the bytes the service would send;
/// one that cannot be (an error code the operation does not declare, an output that
/// does not serialize) makes the call it answers fail with
/// [`Error::Config`] saying why.
pub struct Rule<O: Operation> {
    matcher: Option<Matcher<O>>,
    answers: Vec<WireAnswer>,
    uses: Option<u32>,
    op: PhantomData<fn(&O)>,
}

type Matcher<O> = Box<dyn Fn(&O) -> bool + Send + Sync>;

/// A [`Matcher`] over the body sent, which it decodes first.
type BodyMatcher = Arc<dyn Fn(&[u8]) -> bool + Send + Sync>;

impl<O: Operation> fmt::Debug for Rule<O> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Rule")
            .field("operation", &O::TARGET)
            .field("matches_any", &self.matcher.is_none())
            .field("answers", &self.answers.len())
            .field("uses", &self.uses)
            .finish()
    }
}

impl<O: Operation> Rule<O> {
    /// A rule for every call of `O`.
    pub fn any() -> Self {
        Rule {
            matcher: None,
            answers: Vec::new(),
            uses: Some(1),
            op: PhantomData,
        }
    }

    /// A rule for the calls of `O` whose input, as decoded from the body sent,
    /// `matches` accepts.
    pub fn when(matches: impl Fn(&O) -> bool + Send + Sync + 'static) -> Self {
        Rule {
            matcher: Some(Box::new(matches)),
            ..Rule::any()
        }
    }

    /// The sequence of answers is used `n` times, then the rule is exhausted.
    #[must_use]
    pub fn times(mut self, n: u32) -> Self {
        self.uses = Some(n);
        self
    }

    /// The sequence of answers is used over and over.
    #[must_use]
    pub fn always(mut self) -> Self {
        self.uses = None;
        self
    }

    /// Answers HTTP 200 with `output`, serialized as the service would send it.
    #[must_use]
    pub fn output(mut self, output: O::Output) -> Self
    where
        O::Output: Serialize,
    {
        let answer = match serde_json::to_vec(&output) {
            // `()` serializes as `null`; an operation without output answers `{}`.
            Ok(body) if body == b"null" => response(200, ResponseHeaders::new(), b"{}".to_vec()),
            Ok(body) => response(200, ResponseHeaders::new(), body),
            Err(e) => WireAnswer::Invalid(format!(
                "the mocked output of `{}` does not serialize: {e}",
                O::TARGET
            )),
        };
        self.answers.push(answer);
        self
    }

    /// Answers HTTP 400 with the modeled error `error`, its code the type's name (as
    /// `errors(...)` names the variant).
    #[must_use]
    pub fn modeled_error<E: Serialize>(self, error: E) -> Self {
        let code = short_type_name::<E>();
        self.modeled_error_with(ErrorMeta::new(code, 400), error)
    }

    /// Answers with the modeled error `error` under `meta`'s code, status, message
    /// (when `error` has none) and request id.
    #[must_use]
    pub fn modeled_error_with<E: Serialize>(mut self, meta: ErrorMeta, error: E) -> Self {
        let answer = match serde_json::to_value(&error) {
            Ok(serde_json::Value::Object(mut members)) => {
                if let Some(message) = &meta.message {
                    let has_message = ["message", "Message", "errorMessage"]
                        .iter()
                        .any(|k| members.get(*k).is_some_and(|v| !v.is_null()));
                    if !has_message {
                        members.insert("message".into(), message.clone().into());
                    }
                }
                members.insert("__type".into(), meta.code.clone().into());
                let body = serde_json::to_vec(&members).unwrap_or_default();
                match O::Error::modeled(&meta.code, &body) {
                    Some(Ok(_)) => error_response(&meta, body),
                    Some(Err(e)) => WireAnswer::Invalid(format!(
                        "the mocked `{}` error of `{}` does not decode as its shape: {e}",
                        meta.code,
                        O::TARGET
                    )),
                    None => WireAnswer::Invalid(format!(
                        "`{}` is not an error `{}` declares: list it in `errors(...)`, or \
                         answer with `Rule::unmodeled_error`",
                        meta.code,
                        O::TARGET
                    )),
                }
            }
            Ok(_) => WireAnswer::Invalid(format!(
                "the mocked `{}` error of `{}` does not serialize as a structure",
                meta.code,
                O::TARGET
            )),
            Err(e) => WireAnswer::Invalid(format!(
                "the mocked `{}` error of `{}` does not serialize: {e}",
                meta.code,
                O::TARGET
            )),
        };
        self.answers.push(answer);
        self
    }

    /// Answers with an error the operation does not model (it arrives as the
    /// `Unmodeled` variant, unless its code is a modeled one): `meta`'s code, status,
    /// message and request id. Retried as a real one would be (a throttling code, a
    /// 5xx status).
    #[must_use]
    pub fn unmodeled_error(mut self, meta: ErrorMeta) -> Self {
        let mut members = serde_json::Map::new();
        members.insert("__type".into(), meta.code.clone().into());
        if let Some(message) = &meta.message {
            members.insert("message".into(), message.clone().into());
        }
        let body = serde_json::to_vec(&members).unwrap_or_default();
        self.answers.push(error_response(&meta, body));
        self
    }

    /// Answers `ThrottlingException` (HTTP 400, "Rate exceeded"), which the client
    /// retries.
    #[must_use]
    pub fn throttle(self) -> Self {
        self.unmodeled_error(
            ErrorMeta::new("ThrottlingException", 400).with_message("Rate exceeded"),
        )
    }

    /// Fails the attempt with a transport error of `kind` (a connection error or
    /// broken connection is retried, as a timeout is).
    #[must_use]
    pub fn transport_error(mut self, kind: TransportErrorKind, message: impl Into<String>) -> Self {
        self.answers.push(WireAnswer::Transport {
            kind,
            message: message.into(),
        });
        self
    }

    /// Fails the attempt with a timeout, as an elapsed attempt timeout would (retried),
    /// without waiting for it.
    #[must_use]
    pub fn timeout(self) -> Self {
        self.transport_error(TransportErrorKind::Timeout, "mock: the attempt timed out")
    }

    /// Answers this status, headers and body as they are: for answers the typed ones
    /// do not cover (a skewed `Date`, a malformed body, an HTML error page).
    #[must_use]
    pub fn response<N, V>(
        mut self,
        status: u16,
        headers: impl IntoIterator<Item = (N, V)>,
        body: impl Into<Vec<u8>>,
    ) -> Self
    where
        N: Into<String>,
        V: Into<String>,
    {
        let headers = headers
            .into_iter()
            .map(|(name, value)| (name.into(), value.into()));
        self.answers
            .push(match ResponseHeaders::from_pairs(headers) {
                Ok(headers) => WireAnswer::Response(RawResponse {
                    status,
                    headers,
                    body: body.into(),
                }),
                Err(e) => WireAnswer::Invalid(format!("mock: the response's headers: {e}")),
            });
        self
    }
}

/// One call the mock saw: its operation and every attempt's signed request.
#[derive(Clone)]
pub struct MockCall {
    operation: String,
    invocation_id: String,
    requests: Vec<HttpRequest>,
}

impl fmt::Debug for MockCall {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // The body holds the input's members, sensitive ones too: `HttpRequest`'s Debug
        // shows its length only.
        f.debug_struct("MockCall")
            .field("operation", &self.operation)
            .field("attempts", &self.attempts())
            .field("requests", &self.requests)
            .finish()
    }
}

impl MockCall {
    /// `X-Amz-Target`: `Prefix.Operation`.
    pub fn operation(&self) -> &str {
        &self.operation
    }

    /// Whether the call was of operation `O`.
    pub fn is<O: Operation>(&self) -> bool {
        self.operation == O::TARGET
    }

    /// How many attempts the call made.
    pub fn attempts(&self) -> u32 {
        u32::try_from(self.requests.len()).unwrap_or(u32::MAX)
    }

    /// The body sent (the same on every attempt).
    pub fn body(&self) -> &[u8] {
        self.requests.first().map_or(&[], |r| r.body.as_slice())
    }

    /// Each attempt's signed request, in order.
    pub fn requests(&self) -> &[HttpRequest] {
        &self.requests
    }

    /// The input, decoded from the body sent by `O`'s own `Deserialize`: what the
    /// service would have read. `None` when the call was of another operation.
    pub fn input<O: Operation + DeserializeOwned>(&self) -> Option<O> {
        if !self.is::<O>() {
            return None;
        }
        serde_json::from_slice(self.body()).ok()
    }
}

/// The HTTP exchange of a mock client: answers each attempt from the rules and records
/// it.
#[derive(Default)]
pub(crate) struct MockTransport {
    state: Mutex<State>,
}

#[derive(Default)]
struct State {
    rules: Vec<StoredRule>,
    calls: Vec<MockCall>,
    responses: u64,
}

struct StoredRule {
    target: &'static str,
    matches: BodyMatcher,
    describe: fn(&[u8]) -> String,
    answers: Vec<WireAnswer>,
    /// The answer the next matching attempt gets.
    next: usize,
    /// `None`: always.
    uses_left: Option<u32>,
    uses: Option<u32>,
}

#[derive(Clone)]
enum WireAnswer {
    Response(RawResponse),
    Transport {
        kind: TransportErrorKind,
        message: String,
    },
    /// A rule that could not be encoded: the call fails saying why.
    Invalid(String),
}

impl crate::client::Exchange for MockTransport {
    fn exchange(
        &self,
        url: &str,
        headers: &[(std::borrow::Cow<'static, str>, String)],
        body: &[u8],
    ) -> Result<RawResponse, Error<Infallible>> {
        MockTransport::exchange(self, url, headers, body)
    }
}

impl MockTransport {
    fn state(&self) -> MutexGuard<'_, State> {
        // A test that panicked while holding the lock left the state whole: each
        // change under it is a single push or counter update.
        self.state.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Answers one attempt, signed and ready to go to `url`.
    pub(crate) fn exchange(
        &self,
        url: &str,
        headers: &[(std::borrow::Cow<'static, str>, String)],
        body: &[u8],
    ) -> Result<RawResponse, Error<Infallible>> {
        let header = |name: &str| {
            headers
                .iter()
                .find(|(n, _)| *n == name)
                .map_or("", |(_, v)| v.as_str())
        };
        let target = header("x-amz-target");
        let invocation_id = header("amz-sdk-invocation-id");
        if target.is_empty() {
            return Err(Error::Config(ConfigError::new(format!(
                "the mock answers awsJson calls, by their target; this call to {url} is a \
                 restJson1 call, which it does not answer yet: test it against a local \
                 HTTP server or moto instead"
            ))));
        }
        let request = HttpRequest {
            method: "POST",
            url: url.to_owned(),
            headers: headers.to_vec(),
            body: body.to_vec(),
        };
        let mut state = self.state();
        match state
            .calls
            .iter_mut()
            .rev()
            .find(|c| c.invocation_id == invocation_id && c.operation == target)
        {
            Some(call) => call.requests.push(request),
            None => state.calls.push(MockCall {
                operation: target.to_owned(),
                invocation_id: invocation_id.to_owned(),
                requests: vec![request],
            }),
        }
        let candidates: Vec<(usize, BodyMatcher)> = state
            .rules
            .iter()
            .enumerate()
            .filter(|(_, r)| r.target == target && r.uses_left != Some(0))
            .map(|(i, r)| (i, Arc::clone(&r.matches)))
            .collect();
        drop(state);
        // The matchers are the test's closures: they run without the lock, so one
        // that looks at the mock (its calls, say) cannot deadlock it.
        let matching: Vec<usize> = candidates
            .into_iter()
            .filter(|(_, matches)| matches(body))
            .map(|(i, _)| i)
            .collect();
        let mut state = self.state();
        // The first matching rule that a concurrent call has not used up meanwhile.
        let found = matching
            .into_iter()
            .find(|i| state.rules[*i].uses_left != Some(0));
        let Some(index) = found else {
            let (rules, exhausted, describe) = state
                .rules
                .iter()
                .filter(|r| r.target == target)
                .fold((0, 0, None), |(n, used, describe), r| {
                    (
                        n + 1,
                        used + usize::from(r.uses_left == Some(0)),
                        describe.or(Some(r.describe)),
                    )
                });
            drop(state);
            let (input, why) = match describe {
                Some(describe) => (
                    describe(body),
                    format!("{rules} rule(s) for it: {exhausted} used up, the others do not match"),
                ),
                None => (member_names(body), "no rule for it was added".to_owned()),
            };
            return Err(Error::Config(ConfigError::new(format!(
                "no mock rule answers this `{target}` call ({why}); input: {input}"
            ))));
        };
        let rule = &mut state.rules[index];
        let answer = rule.answers[rule.next].clone();
        rule.next += 1;
        if rule.next == rule.answers.len() {
            rule.next = 0;
            if let Some(left) = &mut rule.uses_left {
                *left -= 1;
            }
        }
        state.responses += 1;
        let request_id = format!("mock-request-{}", state.responses);
        drop(state);
        match answer {
            WireAnswer::Response(mut response) => {
                if response.request_id().is_none() {
                    // `mock-request-N` is a valid value: this cannot fail.
                    let _ = response.headers.insert("x-amzn-requestid", &request_id);
                }
                Ok(response)
            }
            WireAnswer::Transport { kind, message } => {
                Err(Error::Transport(TransportError::new(kind, message)))
            }
            WireAnswer::Invalid(why) => Err(Error::Config(ConfigError::new(why))),
        }
    }
}

/// The input's `Debug` (which redacts sensitive members), from the body sent.
fn describe<O: DeserializeOwned + fmt::Debug>(body: &[u8]) -> String {
    match serde_json::from_slice::<O>(body) {
        Ok(input) => bounded(format!("{input:?}")),
        Err(e) => format!(
            "{} ({} bytes that do not decode: {e})",
            member_names(body),
            body.len()
        ),
    }
}

/// The member names of a JSON object body, not their values: without the operation's
/// type, which members are sensitive is unknown.
fn member_names(body: &[u8]) -> String {
    match serde_json::from_slice::<BTreeMap<String, serde_core::de::IgnoredAny>>(body) {
        Ok(members) => bounded(format!(
            "an object with members {:?} (values not shown: add a rule for the operation \
             to see its Debug)",
            members.keys().collect::<Vec<_>>()
        )),
        Err(_) => format!("{} bytes that are not a JSON object", body.len()),
    }
}

fn bounded(mut text: String) -> String {
    if let Some((at, _)) = text.char_indices().nth(SHOWN_INPUT_CHARS) {
        text.truncate(at);
        text.push_str("...");
    }
    text
}

fn response(status: u16, headers: ResponseHeaders, body: Vec<u8>) -> WireAnswer {
    WireAnswer::Response(RawResponse {
        status,
        headers,
        body,
    })
}

fn error_response(meta: &ErrorMeta, body: Vec<u8>) -> WireAnswer {
    match error_headers(meta) {
        Ok(headers) => response(meta.status, headers, body),
        Err(e) => WireAnswer::Invalid(format!("mock: the error's headers: {e}")),
    }
}

fn error_headers(meta: &ErrorMeta) -> Result<ResponseHeaders, InvalidHeader> {
    let mut headers = ResponseHeaders::new();
    if let Some(id) = &meta.request_id {
        headers.insert("x-amzn-requestid", id)?;
    }
    // Where `@awsQueryCompatible` services say the fault (`Sender`, `Receiver`); the
    // others do not read it.
    if let Some(fault) = &meta.fault {
        headers.insert("x-amzn-query-error", &format!("{};{fault}", meta.code))?;
    }
    Ok(headers)
}

/// `Type` of `path::to::Type<Args>`.
fn short_type_name<T>() -> &'static str {
    let name = type_name::<T>();
    let name = name.split('<').next().unwrap_or(name);
    name.rsplit("::").next().unwrap_or(name)
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Plain;

    #[test]
    fn a_type_name_is_its_last_segment() {
        assert_eq!(short_type_name::<Plain>(), "Plain");
        assert_eq!(short_type_name::<Vec<Plain>>(), "Vec");
        assert_eq!(short_type_name::<u8>(), "u8");
    }

    #[test]
    fn a_long_input_is_cut() {
        let shown = bounded("é".repeat(SHOWN_INPUT_CHARS + 5));
        assert_eq!(shown.chars().count(), SHOWN_INPUT_CHARS + 3);
        assert!(shown.ends_with("..."));
    }
}
