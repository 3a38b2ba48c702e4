//! The code and message of an error answer, wherever the service put them: the
//! `x-amzn-errortype` header, a JSON body, or an XML body (AWS's front door rejecting a
//! signature answers so even for JSON services; STS always does). The one reader of
//! error codes: operations and the credential calls (STS, SSO, SSO OIDC) use it alike.

use std::borrow::Cow;

use serde_json::{Map, Value};

use crate::error::{DecodeError, ErrorMeta};
use crate::http::RawResponse;
use crate::json_read::Reader;

/// The members a JSON error body names its code and message with, in order.
pub(crate) struct JsonKeys {
    code: &'static [&'static str],
    message: &'static [&'static str],
}

impl JsonKeys {
    /// The keys, at most [`MAX_SPELLINGS`] of each (checked when the `const` is
    /// evaluated, so a longer list does not build).
    pub(crate) const fn new(
        code: &'static [&'static str],
        message: &'static [&'static str],
    ) -> JsonKeys {
        assert!(code.len() <= MAX_SPELLINGS && message.len() <= MAX_SPELLINGS);
        JsonKeys { code, message }
    }
}

/// The most spellings of a code or message [`read_json`] looks for.
const MAX_SPELLINGS: usize = 4;

/// awsJson's and restJson's: the code in `code` or `__type`, the message in `message`,
/// `Message` or `errorMessage`.
pub(crate) const AWS_JSON: JsonKeys =
    JsonKeys::new(&["code", "__type"], &["message", "Message", "errorMessage"]);

/// An error body as read once: its code (`x-amzn-errortype` first) and message.
#[derive(Debug, Default)]
pub(crate) struct ErrorBody {
    /// Sanitized (`ns#Code:extra` is `Code`); may be empty.
    pub(crate) code: Option<String>,
    pub(crate) message: Option<String>,
    /// How many of [`AWS_JSON`]'s message spellings the body's object has.
    message_spellings: usize,
    /// Why a body that is neither empty nor XML did not read as a JSON object.
    pub(crate) not_json: Option<serde_json::Error>,
}

/// Reads the code and message of an error answer with `errortype` (the
/// `x-amzn-errortype` header) and `body`.
pub(crate) fn read_body(errortype: Option<&str>, body: &[u8], keys: &JsonKeys) -> ErrorBody {
    let header_code = errortype.map(sanitize_code);
    let trimmed = body.trim_ascii_start();
    let mut read = ErrorBody::default();
    if trimmed.starts_with(b"<") {
        // A query-protocol XML error, or an HTML page from a proxy.
        let root = crate::xml::parse(&String::from_utf8_lossy(body)).ok();
        let text = |name: &str| {
            let element = root.as_ref()?.find(name)?;
            Some(element.text.trim().to_owned())
        };
        read.code = text("Code");
        read.message = text("Message");
    } else if !trimmed.is_empty() {
        match read_json(body, keys) {
            Ok(json) => {
                read.code = json.code.map(|c| sanitize_code(&c));
                read.message = json.message.map(Cow::into_owned);
                read.message_spellings = json.message_spellings;
            }
            Err(e) => read.not_json = Some(e),
        }
    }
    // An empty header says nothing: the body's code stands (as botocore reads it).
    if header_code.as_deref().is_some_and(|c| !c.is_empty()) {
        read.code = header_code;
    }
    read
}

/// What a JSON error body says of itself, borrowed from it where it can be.
struct JsonError<'a> {
    code: Option<Cow<'a, str>>,
    message: Option<Cow<'a, str>>,
    message_spellings: usize,
}

/// Reads a JSON error body's code and message, the first of `keys`' spellings whose
/// value is a string (a key given twice: its last value), in one pass that copies
/// nothing else: the other members are skipped, not built into a
/// `Map<String, Value>` (issue 20: an error answer's metadata took 15 allocations and
/// 10,000 instructions that way, 4 and 6,400 this way; BENCHMARKS.md). Any JSON object
/// reads, however deep; anything else is the reader's error.
fn read_json<'a>(body: &'a [u8], keys: &JsonKeys) -> Result<JsonError<'a>, serde_json::Error> {
    // By the index of each spelling in `keys`: `Some(None)` for a value that is
    // not a string.
    let mut codes: [Option<Option<Cow<'a, str>>>; MAX_SPELLINGS] = Default::default();
    let mut messages: [Option<Option<Cow<'a, str>>>; MAX_SPELLINGS] = Default::default();
    let mut spellings = [false; MAX_SPELLINGS];
    let mut r = Reader::new(body);
    let mut object = r.object("a JSON object")?;
    while let Some(key) = object.next_key()? {
        let code = keys.code.iter().position(|k| *k == key);
        let message = keys.message.iter().position(|k| *k == key);
        if let Some(i) = AWS_JSON.message.iter().position(|k| *k == key) {
            spellings[i] = true;
        }
        let r = object.reader();
        let value = match (code, message) {
            (None, None) => {
                r.skip()?;
                continue;
            }
            _ if r.peek() == Some(b'"') => Some(r.str("a string")?),
            _ => {
                r.skip()?;
                None
            }
        };
        if let Some(slot) = code.and_then(|i| codes.get_mut(i)) {
            *slot = Some(value.clone());
        }
        if let Some(slot) = message.and_then(|i| messages.get_mut(i)) {
            *slot = Some(value);
        }
    }
    r.end()?;
    let first = |found: &mut [Option<Option<Cow<'a, str>>>]| {
        found.iter_mut().find_map(|v| v.take().flatten())
    };
    Ok(JsonError {
        code: first(&mut codes),
        message: first(&mut messages),
        message_spellings: spellings.iter().filter(|s| **s).count(),
    })
}

/// An operation's error response as read once: its metadata, and the body its typed
/// decode reads.
#[derive(Debug)]
pub(crate) struct ErrorAnswer {
    pub(crate) meta: ErrorMeta,
    /// The body with one spelling of the message, when it had several.
    pub(crate) rewritten: Option<Vec<u8>>,
}

impl ErrorAnswer {
    /// The body the typed error decodes from: `response`'s, or the rewritten one.
    pub(crate) fn body<'a>(&'a self, response: &'a RawResponse) -> &'a [u8] {
        self.rewritten.as_deref().unwrap_or(&response.body)
    }
}

/// Reads code, message and request id of an error response.
pub fn error_meta(response: &RawResponse) -> Result<ErrorMeta, DecodeError> {
    read_error(response).map(|answer| answer.meta)
}

/// Reads an operation's error response: the metadata, and the body once, for the retry
/// decision and the typed decode both.
pub(crate) fn read_error(response: &RawResponse) -> Result<ErrorAnswer, DecodeError> {
    let read = read_body(
        response.header("x-amzn-errortype"),
        &response.body,
        &AWS_JSON,
    );
    if let (Some(e), None) = (read.not_json, &read.code) {
        return Err(DecodeError::from_response(
            "the error response is not JSON",
            response,
            Some(e),
        ));
    }
    let rewritten = if read.message_spellings > 1 {
        single_message(&response.body)
    } else {
        None
    };
    match read.code {
        Some(code) if !code.is_empty() => Ok(ErrorAnswer {
            meta: ErrorMeta {
                code,
                message: read.message,
                request_id: response.request_id().map(str::to_owned),
                status: response.status,
                fault: None,
            },
            rewritten,
        }),
        _ => Err(DecodeError::from_response(
            "the error response names no error code",
            response,
            None,
        )),
    }
}

/// The error body `body`, which has more than one of `message`, `Message` and
/// `errorMessage`, with only the first of them.
///
/// Error shapes read each spelling into their one `message` member (aliases),
/// and serde rejects a member given twice, which SQS (query-compatible) and SSM do:
/// `{"__type": "...", "message": "m", "Message": "m"}`. Rare, so read the simple way.
fn single_message(body: &[u8]) -> Option<Vec<u8>> {
    let mut map: Map<String, Value> = serde_json::from_slice(body).ok()?;
    let spellings = AWS_JSON.message;
    let keep = spellings
        .iter()
        .find(|k| map.contains_key(**k))
        .copied()
        .unwrap_or("message");
    map.retain(|k, _| k == keep || !spellings.contains(&k.as_str()));
    serde_json::to_vec(&map).ok()
}

/// For `@awsQueryCompatible` services: `x-amzn-query-error: Code;Fault` gives the
/// code the service's query protocol used, which callers match on.
pub(crate) fn query_error(response: &RawResponse, meta: &mut ErrorMeta) {
    let Some((code, fault)) = response
        .header("x-amzn-query-error")
        .and_then(|v| v.split_once(';'))
    else {
        return;
    };
    let (code, fault) = (code.trim(), fault.trim());
    if !code.is_empty() {
        meta.code = code.to_owned();
    }
    if !fault.is_empty() {
        meta.fault = Some(fault.to_owned());
    }
}

/// `aws.protocoltests#FooError:http://…` → `FooError`.
fn sanitize_code(raw: &str) -> String {
    let code = raw.split(':').next().unwrap_or(raw);
    code.rsplit('#').next().unwrap_or(code).trim().to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn error_bodies_keep_one_message_spelling() {
        let body = |text: &str| {
            let response = response(400, &[], text);
            let answer = read_error(&response).unwrap();
            answer.body(&response).to_vec()
        };
        let map: Map<String, Value> = serde_json::from_slice(&body(
            r#"{"__type":"ParameterAlreadyExists","message":"m1","Message":"m2"}"#,
        ))
        .unwrap();
        assert_eq!(map.len(), 2);
        assert_eq!(map["message"], "m1");
        let only = r#"{"__type":"A","Message":"only"}"#;
        assert_eq!(body(only), only.as_bytes());
    }

    #[test]
    fn an_empty_error_type_header_leaves_the_body_code() {
        let meta = error_meta(&response(
            400,
            &[("x-amzn-errortype", "")],
            r#"{"__type":"ns#Foo"}"#,
        ))
        .unwrap();
        assert_eq!(meta.code, "Foo");
    }

    #[test]
    fn xml_errors_are_read_by_the_xml_reader() {
        // Namespaced and CDATA text, which a search for `<Code>` misread.
        let xml = r#"<?xml version="1.0"?><e:ErrorResponse xmlns:e="urn:x"><e:Error><e:Code><![CDATA[Throttling]]></e:Code><e:Message>slow &lt;down&gt;</e:Message></e:Error></e:ErrorResponse>"#;
        let meta = error_meta(&response(400, &[], xml)).unwrap();
        assert_eq!(
            (meta.code.as_str(), meta.message.as_deref()),
            ("Throttling", Some("slow <down>"))
        );
        // Deeper than the reader's bound: no code, an error, no stack overflow.
        let deep = format!(
            "{}<Code>X</Code>{}",
            "<a>".repeat(100_000),
            "</a>".repeat(100_000)
        );
        assert!(error_meta(&response(400, &[], &deep)).is_err());
    }

    #[test]
    fn sso_and_operations_read_codes_alike() {
        const SSO: JsonKeys = JsonKeys::new(&["__type", "error"], &["error_description"]);
        let read = read_body(
            None,
            br#"{"__type":"aws.sso#TooManyRequestsException:http://internal/","error_description":"d"}"#,
            &SSO,
        );
        assert_eq!(read.code.as_deref(), Some("TooManyRequestsException"));
        assert_eq!(read.message.as_deref(), Some("d"));
        let read = read_body(
            Some("InvalidGrantException:x"),
            br#"{"error":"invalid_grant"}"#,
            &SSO,
        );
        assert_eq!(read.code.as_deref(), Some("InvalidGrantException"));
    }

    #[test]
    fn json_error_bodies_read_as_a_map_of_them_would() {
        let read = |body: &str| read_body(None, body.as_bytes(), &AWS_JSON);
        // A key given twice: its last value.
        let twice = read(r#"{"__type":"First","message":"m1","__type":"Second","message":"m2"}"#);
        assert_eq!(
            (twice.code.as_deref(), twice.message.as_deref()),
            (Some("Second"), Some("m2"))
        );
        // A spelling whose value is not a string is passed over for the next one.
        let number = read(r#"{"code":5,"__type":"ns#Named","message":{"text":"x"},"Message":"M"}"#);
        assert_eq!(
            (number.code.as_deref(), number.message.as_deref()),
            (Some("Named"), Some("M"))
        );
        // The first spelling in the list wins over one that comes first in the body.
        let order = read(r#"{"__type":"Type","code":"Code","errorMessage":"e","message":"m"}"#);
        assert_eq!(
            (order.code.as_deref(), order.message.as_deref()),
            (Some("Code"), Some("m"))
        );
        assert_eq!(order.message_spellings, 2);
        // Escapes are read.
        let escaped = read(r#"{"__type":"A\u0042","message":"line\nnext \"q\""}"#);
        assert_eq!(
            (escaped.code.as_deref(), escaped.message.as_deref()),
            (Some("AB"), Some("line\nnext \"q\""))
        );
        // Members of any depth are skipped without recursion.
        let deep = format!(
            r#"{{"details":{}{},"__type":"Deep"}}"#,
            "[".repeat(100_000),
            "]".repeat(100_000)
        );
        assert_eq!(read(&deep).code.as_deref(), Some("Deep"));
        // Not one JSON object: the reader's error, and no code.
        for body in [
            r#"["__type"]"#,
            r#"{"__type":"A"} {}"#,
            r#"{"__type":"A""#,
            "nul",
        ] {
            let read = read(body);
            assert!(read.not_json.is_some() && read.code.is_none(), "{body}");
        }
    }

    #[test]
    fn codes_are_sanitized() {
        assert_eq!(
            sanitize_code(
                "aws.protocoltests.restjson#FooError:http://internal.amazon.com/coral/com.amazon.coral.validate/"
            ),
            "FooError"
        );
        assert_eq!(sanitize_code("FooError"), "FooError");
        assert_eq!(
            sanitize_code("com.amazonaws.dynamodb.v20120810#ResourceNotFoundException"),
            "ResourceNotFoundException"
        );
    }

    fn response(status: u16, headers: &[(&str, &str)], body: &str) -> RawResponse {
        RawResponse {
            status,
            headers: crate::http::ResponseHeaders::from_pairs(headers.iter().copied()).unwrap(),
            body: body.as_bytes().to_vec(),
        }
    }

    #[test]
    fn error_meta_from_header_body_and_xml() {
        let meta = error_meta(&response(
            400,
            &[("X-Amzn-ErrorType", "Foo:bar"), ("x-amzn-RequestId", "r1")],
            "",
        ))
        .unwrap();
        assert_eq!(
            (meta.code.as_str(), meta.request_id.as_deref()),
            ("Foo", Some("r1"))
        );
        let meta = error_meta(&response(400, &[], r#"{"__type":"ns#Bar","Message":"m"}"#)).unwrap();
        assert_eq!(
            (meta.code.as_str(), meta.message.as_deref()),
            ("Bar", Some("m"))
        );
        let meta = error_meta(&response(400, &[], r#"{"code":"Baz","errorMessage":"e"}"#)).unwrap();
        assert_eq!(
            (meta.code.as_str(), meta.message.as_deref()),
            ("Baz", Some("e"))
        );
        let xml = "<ErrorResponse><Error><Code>SignatureDoesNotMatch</Code><Message>a &amp; b</Message></Error></ErrorResponse>";
        let meta = error_meta(&response(403, &[], xml)).unwrap();
        assert_eq!(
            (meta.code.as_str(), meta.message.as_deref()),
            ("SignatureDoesNotMatch", Some("a & b"))
        );
        let err = error_meta(&response(
            502,
            &[("content-type", "text/html")],
            "<html>Bad Gateway</html>",
        ))
        .unwrap_err();
        assert!(
            err.to_string().contains("502") && err.to_string().contains("Bad Gateway"),
            "{err}"
        );
        assert!(error_meta(&response(500, &[], "")).is_err());
        assert!(error_meta(&response(400, &[], r#"{"__type":"Trunc"#)).is_err());
    }
}
