//! The code, message and request id of an error response, wherever the service put
//! them (header, JSON body, or an XML body from AWS's front door).

use crate::error::{DecodeError, ErrorMeta};
use crate::http::RawResponse;

/// Reads code, message and request id of an error response.
pub fn error_meta(response: &RawResponse) -> Result<ErrorMeta, DecodeError> {
    let request_id = response.request_id().map(str::to_owned);
    let header_code = response.header("x-amzn-errortype").map(sanitize_code);
    let body = &response.body;
    let trimmed = body.trim_ascii_start();
    let (body_code, message) = if trimmed.is_empty() {
        (None, None)
    } else if trimmed.starts_with(b"<") {
        // A query-protocol XML error (AWS's front door rejecting a signature answers so,
        // even for JSON services) or an HTML page from a proxy.
        let text = String::from_utf8_lossy(body);
        (xml_element(&text, "Code"), xml_element(&text, "Message"))
    } else {
        match serde_json::from_slice::<serde_json::Map<String, serde_json::Value>>(body) {
            Ok(map) => {
                let text = |key: &str| map.get(key).and_then(|v| v.as_str()).map(str::to_owned);
                let code = text("code")
                    .or_else(|| text("__type"))
                    .map(|c| sanitize_code(&c));
                let message = text("message")
                    .or_else(|| text("Message"))
                    .or_else(|| text("errorMessage"));
                (code, message)
            }
            Err(e) if header_code.is_none() => {
                return Err(DecodeError::from_response(
                    "the error response is not JSON",
                    response,
                    Some(e),
                ));
            }
            Err(_) => (None, None),
        }
    };
    match header_code.or(body_code) {
        Some(code) if !code.is_empty() => Ok(ErrorMeta {
            code,
            message,
            request_id,
            status: response.status,
            fault: None,
        }),
        _ => Err(DecodeError::from_response(
            "the error response names no error code",
            response,
            None,
        )),
    }
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

fn xml_element(text: &str, name: &str) -> Option<String> {
    let open = format!("<{name}>");
    let start = text.find(&open)? + open.len();
    let end = start + text[start..].find(&format!("</{name}>"))?;
    let value = text[start..end]
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&amp;", "&");
    Some(value.trim().to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

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
            headers: headers
                .iter()
                .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
                .collect(),
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
