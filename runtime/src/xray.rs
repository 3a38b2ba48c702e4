//! The X-Ray trace-id interceptor the official SDKs run inside Lambda.

use crate::config::Env;
use crate::interceptor::{AttemptContext, ExtraHeaders, Interceptor};

/// The official SDKs' recursion-detection interceptor: inside AWS Lambda
/// (`AWS_LAMBDA_FUNCTION_NAME` set), the invocation's X-Ray trace id
/// (`_X_AMZN_TRACE_ID`) goes out as `x-amzn-trace-id`, so that X-Ray links the calls a
/// function makes to its invocation and services can tell a call loop. Unsigned, as
/// the SDKs send it; a header of that name set by the call or an earlier interceptor
/// is kept; characters outside visible ASCII are percent-encoded.
///
/// [`Client::from_env`](crate::Client::from_env) registers it when it runs in Lambda;
/// register it yourself on a client built in code. Both variables are read on each
/// attempt: Lambda changes the trace id with each invocation.
///
/// ```
/// let client = awsjson::Client::builder()
///     .region("us-east-1")
///     .credentials(awsjson::Credentials::new("AKID", "SECRET", None))
///     .interceptor(awsjson::XRayTraceId::new())
///     .build()
///     .unwrap();
/// # let _ = client;
/// ```
#[derive(Debug, Clone, Default)]
pub struct XRayTraceId {
    env: Option<Env>,
}

/// The header the trace id goes out in.
const TRACE_ID_HEADER: &str = "x-amzn-trace-id";

impl XRayTraceId {
    /// Reads the process environment.
    pub fn new() -> Self {
        XRayTraceId::default()
    }

    /// Reads `env` instead of the process environment.
    pub fn from_env(env: &Env) -> Self {
        XRayTraceId {
            env: Some(env.clone()),
        }
    }

    fn var(&self, name: &str) -> Option<String> {
        match &self.env {
            Some(env) => env.var(name),
            // `var_os` does not allocate for an unset variable: outside Lambda the hook
            // costs a lookup.
            None => std::env::var_os(name).map(|v| v.to_string_lossy().into_owned()),
        }
    }
}

impl Interceptor for XRayTraceId {
    fn modify_before_signing(&self, _context: &AttemptContext<'_>, headers: &mut ExtraHeaders) {
        if headers.get(TRACE_ID_HEADER).is_some() || self.var("AWS_LAMBDA_FUNCTION_NAME").is_none()
        {
            return;
        }
        let Some(trace_id) = self.var("_X_AMZN_TRACE_ID") else {
            return;
        };
        let encoded = encode_trace_id(trace_id.trim());
        if !encoded.is_empty() {
            // Encoded, the value is always a valid header value.
            let _ = headers.insert_unsigned(TRACE_ID_HEADER, &encoded);
        }
    }
}

/// Percent-encodes control characters and bytes outside ASCII, as the SDKs do, so
/// that a trace id with odd bytes cannot break the request.
fn encode_trace_id(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for b in value.bytes() {
        if b == b' ' || b.is_ascii_graphic() {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::interceptor::tests::context;

    fn traced(vars: &[(&str, &str)]) -> ExtraHeaders {
        let env = Env::from_vars(vars.iter().copied());
        let mut headers = ExtraHeaders::default();
        XRayTraceId::from_env(&env).modify_before_signing(&context(), &mut headers);
        headers
    }

    #[test]
    fn trace_id_goes_out_in_lambda_only() {
        let id = "Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1";
        let inside = traced(&[("AWS_LAMBDA_FUNCTION_NAME", "f"), ("_X_AMZN_TRACE_ID", id)]);
        assert_eq!(inside.get("x-amzn-trace-id"), Some(id));
        assert!(!inside.entries[0].signed);
        assert!(traced(&[("_X_AMZN_TRACE_ID", id)]).is_empty());
        assert!(traced(&[("AWS_LAMBDA_FUNCTION_NAME", "f")]).is_empty());
        // Control characters and bytes outside ASCII are percent-encoded.
        let odd = traced(&[
            ("AWS_LAMBDA_FUNCTION_NAME", "f"),
            ("_X_AMZN_TRACE_ID", "first line\nsecond¿\t"),
        ]);
        assert_eq!(
            odd.get("x-amzn-trace-id"),
            Some("first line%0Asecond%C2%BF")
        );
    }

    #[test]
    fn a_trace_id_set_already_is_kept() {
        let env = Env::from_vars([
            ("AWS_LAMBDA_FUNCTION_NAME", "f"),
            ("_X_AMZN_TRACE_ID", "from-env"),
        ]);
        let mut headers = ExtraHeaders::default();
        headers.insert("X-Amzn-Trace-Id", "mine").unwrap();
        XRayTraceId::from_env(&env).modify_before_signing(&context(), &mut headers);
        assert_eq!(headers.get("x-amzn-trace-id"), Some("mine"));
    }
}
