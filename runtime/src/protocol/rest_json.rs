//! restJson1: the operation is the HTTP method and URI; members go to URI labels, the
//! query string, headers, the JSON body or the whole payload, as their bindings say;
//! a response's headers, status and payload fill the output's members bound to them.
//!
//! The expansion writes, per operation, a [`Route`] and an `http_bindings` that hands
//! each bound member to a [`Request`]; per output or error shape, a `decode_http` that
//! reads its bound members from a [`Response`]. Those types and the text of each value
//! are `http_binding.rs`; here is what needs the operation: the request as a whole, and
//! the customizations botocore applies to some services.

use std::borrow::Cow;
use std::convert::Infallible;

use crate::byte_stream::ByteStream;
use crate::error::{ConfigError, Error};
pub use crate::http_binding::{
    BindError, FromPayload, PayloadBytes, PayloadStream, Request, Response, Route,
};
use crate::http_binding::{Payload, encode};
use crate::operation::Operation;
use crate::service::ServiceMeta;

/// What a restJson1 operation's input makes of a request.
pub(crate) struct Encoded {
    /// Path and query, to append to the endpoint's path.
    pub(crate) uri: String,
    pub(crate) body: Vec<u8>,
    /// A streaming body, sent instead of `body`.
    pub(crate) stream: Option<ByteStream>,
    pub(crate) headers: Vec<(Cow<'static, str>, Cow<'static, str>)>,
}

/// Encodes `op` as its route says, with the customizations botocore applies to some
/// restJson1 services.
pub(crate) fn encode_request<O: Operation>(
    op: &O,
    route: &'static Route,
) -> Result<Encoded, Error<Infallible>> {
    let config = |why: String| {
        Error::Config(ConfigError::new(format!(
            "could not encode the {} request: {why}",
            route.name
        )))
    };
    let mut request = Request::default();
    op.http_bindings(&mut request)
        .map_err(|e| config(e.to_string()))?;
    let service = O::SERVICE;
    let mut uri = expand_path(route, &request.labels, service).map_err(config)?;
    push_query(&mut uri, route.query, &request.query, &request.query_params);
    let mut headers = request.headers;
    for (name, value) in request.prefixed {
        if !headers.iter().any(|(n, _)| *n == name) {
            headers.push((Cow::Owned(name), Cow::Owned(value)));
        }
    }
    let (body, stream, content_type) = match request.payload {
        Some(Payload::Bytes(body, content_type)) => (body, None, Some(content_type)),
        Some(Payload::Stream(stream, content_type)) => {
            (Vec::new(), Some(stream), Some(content_type))
        }
        None if route.json_body => {
            let body = super::aws_json::encode(op).map_err(|e| config(e.to_string()))?;
            (body, None, Some(Cow::Borrowed("application/json")))
        }
        None => (Vec::new(), None, None),
    };
    // A member bound to `Content-Type` says it; else the body's kind.
    if let Some(content_type) = content_type {
        if !headers.iter().any(|(n, _)| n == "content-type") {
            headers.push((Cow::Borrowed("content-type"), content_type));
        }
    }
    customize(service, &body, &mut headers);
    if route.checksum_required && stream.is_none() {
        headers.push((
            Cow::Borrowed("content-md5"),
            Cow::Owned(crate::Blob::new(crate::md5::digest(&body)).to_base64()),
        ));
    }
    Ok(Encoded {
        uri,
        body,
        stream,
        headers,
    })
}

/// The headers botocore adds for some restJson1 services, which the Smithy protocol
/// tests name: API Gateway answers JSON only when asked (`Accept`), Glacier wants its
/// API version in every request.
fn customize(
    service: &ServiceMeta,
    body: &[u8],
    headers: &mut Vec<(Cow<'static, str>, Cow<'static, str>)>,
) {
    match service.signing_name {
        "apigateway" => headers.push((Cow::Borrowed("accept"), Cow::Borrowed("application/json"))),
        "glacier" => {
            headers.push((
                Cow::Borrowed("x-amz-glacier-version"),
                Cow::Borrowed("2012-06-01"),
            ));
            // Archive uploads carry the body's SHA-256 and tree hash (UploadArchive,
            // UploadMultipartPart: the operations with a body), unless given.
            if !body.is_empty() {
                let (linear, tree) = glacier_hashes(body);
                if !headers.iter().any(|(n, _)| n == "x-amz-content-sha256") {
                    headers.push((Cow::Borrowed("x-amz-content-sha256"), Cow::Owned(linear)));
                }
                if !headers.iter().any(|(n, _)| n == "x-amz-sha256-tree-hash") {
                    headers.push((Cow::Borrowed("x-amz-sha256-tree-hash"), Cow::Owned(tree)));
                }
            }
        }
        _ => {}
    }
}

/// Glacier's two checksums of a body, hex: its SHA-256, and the root of the SHA-256
/// tree over its 1 MiB chunks (pairs hashed level by level, an odd one carried up).
fn glacier_hashes(body: &[u8]) -> (String, String) {
    use ring::digest::{SHA256, digest};
    let hex = |bytes: &[u8]| bytes.iter().map(|b| format!("{b:02x}")).collect::<String>();
    let linear = hex(digest(&SHA256, body).as_ref());
    let mut level: Vec<Vec<u8>> = body
        .chunks(1024 * 1024)
        .map(|chunk| digest(&SHA256, chunk).as_ref().to_vec())
        .collect();
    while level.len() > 1 {
        level = level
            .chunks(2)
            .map(|pair| match pair {
                [a, b] => {
                    let mut joined = a.clone();
                    joined.extend_from_slice(b);
                    digest(&SHA256, &joined).as_ref().to_vec()
                }
                [one] => one.clone(),
                _ => Vec::new(),
            })
            .collect();
    }
    let tree = level
        .first()
        .map_or_else(|| linear.clone(), |root| hex(root));
    (linear, tree)
}

/// The path with every label filled; a label without a value is an error (Glacier's
/// `accountId` defaults to `-`, the account of the credentials, as botocore sends it).
fn expand_path(
    route: &Route,
    labels: &[(&'static str, String)],
    service: &ServiceMeta,
) -> Result<String, String> {
    let mut out = String::with_capacity(route.path.len() + 32);
    let mut rest = route.path;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let close = after
            .find('}')
            .ok_or_else(|| format!("the URI template {:?} is malformed", route.path))?;
        let name = after[..close].trim_end_matches('+');
        let value = labels
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, v)| v.as_str())
            .filter(|v| !v.is_empty());
        match value {
            Some(value) => out.push_str(value),
            None if service.signing_name == "glacier" && name == "accountId" => out.push('-'),
            None => return Err(format!("the URI label {name} is empty")),
        }
        rest = &after[close + 1..];
    }
    out.push_str(rest);
    Ok(out)
}

fn push_query(
    uri: &mut String,
    literal: &str,
    query: &[(Cow<'static, str>, String)],
    params: &[(String, String)],
) {
    let mut first = true;
    let mut push = |uri: &mut String, pair: &str| {
        uri.push(if first { '?' } else { '&' });
        first = false;
        uri.push_str(pair);
    };
    for pair in literal.split('&').filter(|p| !p.is_empty()) {
        push(uri, pair);
    }
    for (name, value) in query {
        push(
            uri,
            &format!("{}={}", encode(name, false), encode(value, false)),
        );
    }
    for (name, value) in params {
        if query.iter().any(|(n, _)| n == name) {
            continue;
        }
        push(
            uri,
            &format!("{}={}", encode(name, false), encode(value, false)),
        );
    }
}

/// The value a structure's `Deserialize` gives a member bound outside the body (a
/// header, the status, the payload), which `decode_http` then reads: its type's zero
/// value, else an error naming it.
pub fn unbound<T, E: serde::de::Error>(value: Option<T>, member: &'static str) -> Result<T, E> {
    value.ok_or_else(|| {
        E::custom(format!(
            "`{member}` is read from the HTTP response's headers, status or payload, not from a JSON body"
        ))
    })
}

/// Whether an unset payload of this type is sent as `{}`: a structure's is, a union's
/// or enum's is not (autoref: [`UnsetStruct`] applies to shapes, [`UnsetOther`] to the
/// rest).
pub struct Unset<T>(std::marker::PhantomData<T>);

impl<T> Unset<T> {
    /// The probe.
    pub const NEW: Self = Unset(std::marker::PhantomData);
}

/// An unset structure payload is `{}`.
pub trait UnsetStruct {
    /// `{}`.
    fn unset_body(&self) -> Option<&'static str> {
        Some("{}")
    }
}

impl<T: crate::operation::OutputShape> UnsetStruct for Unset<T> {}

/// Any other unset payload is no body.
pub trait UnsetOther {
    /// None.
    fn unset_body(&self) -> Option<&'static str> {
        None
    }
}

impl<T> UnsetOther for &Unset<T> {}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::http::RawResponse;

    #[test]
    fn glacier_tree_hashes() {
        // A body of one chunk is its own tree.
        let (linear, tree) = glacier_hashes(b"hello world");
        assert_eq!(
            linear,
            "b94d27b9934d3e08a52e52d7da7dabfac484efe37a5380ee9088f7ace2efcde9"
        );
        assert_eq!(tree, linear);
        // Two chunks: the hash of the two chunk hashes, by ring here, written out.
        use ring::digest::{SHA256, digest};
        let body = vec![b'a'; 1024 * 1024 + 1];
        let mut joined = digest(&SHA256, &body[..1024 * 1024]).as_ref().to_vec();
        joined.extend_from_slice(digest(&SHA256, b"a").as_ref());
        let expected: String = digest(&SHA256, &joined)
            .as_ref()
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect();
        assert_eq!(glacier_hashes(&body).1, expected);
    }

    const ROUTE: Route = Route {
        name: "Op",
        method: "GET",
        path: "/a/{Id}/{Key+}",
        query: "x-id=Op",
        code: 200,
        json_body: false,
        checksum_required: false,
    };

    fn service(signing_name: &'static str) -> ServiceMeta {
        ServiceMeta::new(
            "",
            crate::JsonVersion::V1_0,
            signing_name,
            signing_name,
            signing_name,
            "x.{region}.{dnsSuffix}",
        )
    }

    #[test]
    fn labels_are_encoded_and_greedy_ones_keep_slashes() {
        let mut r = Request::default();
        r.label("Id", false, "a b/c").unwrap();
        r.label("Key", true, "d/e f").unwrap();
        let path = expand_path(&ROUTE, &r.labels, &service("svc")).unwrap();
        assert_eq!(path, "/a/a%20b%2Fc/d/e%20f");
        let empty = Request::default();
        assert_eq!(
            expand_path(&ROUTE, &empty.labels, &service("svc")).unwrap_err(),
            "the URI label Id is empty"
        );
    }

    #[test]
    fn glacier_account_ids_default_to_dash() {
        let route = Route {
            path: "/{accountId}/vaults",
            ..ROUTE
        };
        assert_eq!(
            expand_path(&route, &[], &service("glacier")).unwrap(),
            "/-/vaults"
        );
    }

    #[test]
    fn named_query_parameters_win_over_query_params() {
        let mut r = Request::default();
        r.query("a", &vec!["1", "2 3"]).unwrap();
        r.query("b", &None::<i32>).unwrap();
        let params: std::collections::BTreeMap<&str, &str> =
            [("a", "no"), ("c", "&")].into_iter().collect();
        r.query_params(&params).unwrap();
        let mut uri = String::from("/p");
        push_query(&mut uri, ROUTE.query, &r.query, &r.query_params);
        assert_eq!(uri, "/p?x-id=Op&a=1&a=2%203&c=%26");
    }

    #[test]
    fn headers_lists_and_prefixes() {
        let mut r = Request::default();
        r.header("x-list", &vec!["a", "b,c"], true, true).unwrap();
        r.header("x-none", &None::<String>, true, false).unwrap();
        r.header("x-n", &5, true, false).unwrap();
        let meta: std::collections::BTreeMap<&str, &str> = [("Abc", "1")].into_iter().collect();
        r.prefix_headers("x-meta-", &meta).unwrap();
        let headers: Vec<(&str, &str)> = r.headers.iter().map(|(n, v)| (&**n, &**v)).collect();
        assert_eq!(headers, [("x-list", "a, \"b,c\""), ("x-n", "5")]);
        assert_eq!(r.prefixed, [("x-meta-abc".to_owned(), "1".to_owned())]);
    }

    #[test]
    fn responses_fill_bound_members() {
        let raw = RawResponse {
            status: 201,
            headers: crate::http::ResponseHeaders::from_pairs([
                ("x-count", "3"),
                ("x-meta-a", "1"),
                ("x-meta-b", "2"),
            ])
            .unwrap(),
            body: b"\"on\"".to_vec(),
        };
        let response = Response::new(&raw, &raw.body);
        let mut count: Option<i32> = None;
        response
            .header("x-count", &mut count, std::marker::PhantomData)
            .unwrap();
        assert_eq!(count, Some(3));
        let mut missing: Option<i32> = None;
        response
            .header("x-missing", &mut missing, std::marker::PhantomData)
            .unwrap();
        assert_eq!(missing, None);
        let mut meta: Option<std::collections::BTreeMap<String, String>> = None;
        response
            .prefix_headers("x-meta-", &mut meta, std::marker::PhantomData)
            .unwrap();
        assert_eq!(meta.unwrap().len(), 2);
        let mut status = 0_i32;
        response
            .status(&mut status, std::marker::PhantomData)
            .unwrap();
        assert_eq!(status, 201);
        let mut text: Option<String> = None;
        response.payload_bytes(&mut text).unwrap();
        assert_eq!(text.as_deref(), Some("\"on\""));
        let mut json: Option<String> = None;
        response
            .payload_json(&mut json, crate::json_read::FromJson::from_json)
            .unwrap();
        assert_eq!(json.as_deref(), Some("on"));
    }
}
