//! STS `AssumeRole` and `AssumeRoleWithWebIdentity`: the query protocol (a form-encoded
//! POST) with XML responses.
//!
//! The XML is read by the small parser below rather than a crate: STS answers with a
//! fixed, shallow document and we need four elements of it (five of an error). The
//! parser handles what a conforming response may contain (declaration, namespaces,
//! attributes, comments, CDATA, the five predefined entities and character
//! references) and rejects anything malformed; it never expands DTD entities.
//! It is ~170 lines; the smallest correct crate, quick-xml 0.38 (with memchr), took
//! 4.1 s to build clean in debug on the project machine, more than this whole module
//! adds to the runtime crate.

use std::time::{Duration, SystemTime};

use super::{Credentials, Sources};
use crate::error::CredentialsError;
use crate::retry::code_reason;
use crate::service::{JsonVersion, ServiceMeta};
use crate::sigv4;

/// STS as an endpoint: `sts.{region}.amazonaws.com` (regional, the SDKs' default),
/// `sts-fips...`, `AWS_ENDPOINT_URL_STS`, `[services x] sts = endpoint_url = ...`.
pub(crate) const STS: ServiceMeta = ServiceMeta {
    target_prefix: "",
    json_version: JsonVersion::V1_0,
    signing_name: "sts",
    endpoint_prefix: "sts",
    service_id: "STS",
    hostname: "sts.{region}.{dnsSuffix}",
    endpoints: &[],
    endpoint_rules: None,
};

const TIMEOUT: Duration = Duration::from_secs(10);

/// `AssumeRole`, signed with `source`.
pub(crate) async fn assume_role(
    sources: &Sources,
    source: &Credentials,
    region: &str,
    params: &[(&str, &str)],
) -> Result<Credentials, CredentialsError> {
    call(sources, region, "AssumeRole", params, Some(source)).await
}

/// `AssumeRoleWithWebIdentity`, which STS takes unsigned (the token is the proof).
pub(crate) async fn assume_role_with_web_identity(
    sources: &Sources,
    region: &str,
    params: &[(&str, &str)],
) -> Result<Credentials, CredentialsError> {
    call(sources, region, "AssumeRoleWithWebIdentity", params, None).await
}

async fn call(
    sources: &Sources,
    region: &str,
    action: &str,
    params: &[(&str, &str)],
    signer: Option<&Credentials>,
) -> Result<Credentials, CredentialsError> {
    let role = params
        .iter()
        .find(|(k, _)| *k == "RoleArn")
        .map_or("", |(_, v)| *v);
    let fail = |why: String| CredentialsError::new(format!("STS {action} for {role}: {why}"));
    let endpoint = sources.endpoints.resolve(&STS, region).map_err(&fail)?;
    let mut body = form_encode(&[("Action", action), ("Version", "2011-06-15")]);
    body.push('&');
    body.push_str(&form_encode(params));
    let (host, path) = split_url(&endpoint.url)
        .ok_or_else(|| fail(format!("endpoint {:?} is not an http(s) URL", endpoint.url)))?;
    let content_type = "application/x-www-form-urlencoded; charset=utf-8";
    let mut headers: Vec<(&str, String)> = vec![("content-type", content_type.to_owned())];
    if let Some(creds) = signer {
        let signed = sigv4::sign(
            &sigv4::SignableRequest {
                method: "POST",
                uri: path,
                headers: &[("content-type", content_type), ("host", host)],
                body: body.as_bytes(),
            },
            &sigv4::SigningParams {
                access_key_id: creds.access_key_id(),
                secret_access_key: creds.secret_access_key(),
                session_token: creds.session_token(),
                region: endpoint.signing_region.as_deref().unwrap_or(region),
                service: "sts",
                time: SystemTime::now(),
                settings: sigv4::SigningSettings::default(),
            },
        );
        headers.push(("x-amz-date", signed.x_amz_date));
        if let Some(token) = signed.security_token {
            headers.push(("x-amz-security-token", token));
        }
        headers.push(("authorization", signed.authorization));
    }
    let header_refs: Vec<(&str, &str)> = headers.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let response = sources
        .http
        .exchange_retried(
            reqwest::Method::POST,
            &endpoint.url,
            &header_refs,
            Some(body.into_bytes()),
            TIMEOUT,
            |response| {
                // STS names throttling in its XML error; web identity adds a transient
                // failure to reach the identity provider.
                parse(&String::from_utf8_lossy(&response.body))
                    .ok()
                    .and_then(|root| root.find("Code").map(|e| e.text.trim().to_owned()))
                    .is_some_and(|code| {
                        code_reason(&code).is_some() || code == "IDPCommunicationError"
                    })
            },
        )
        .await
        .map_err(|e| fail(format!("{} ({})", e.message, endpoint.url)))?;
    let (status, response) = (response.status, response.body);
    let text = String::from_utf8_lossy(&response);
    let doc = parse(&text);
    if !(200..300).contains(&status) {
        let (code, message) = match &doc {
            Ok(root) => (
                root.find("Code").map(|e| e.text.clone()),
                root.find("Message").map(|e| e.text.clone()),
            ),
            Err(_) => (None, None),
        };
        let mut why = code.unwrap_or_else(|| "an error".to_owned());
        if let Some(message) = message {
            why.push_str(": ");
            why.push_str(&message);
        }
        return Err(fail(format!("{why} (HTTP {status})")));
    }
    let root = doc.map_err(|e| fail(format!("the response is not XML: {e}")))?;
    credentials_from(&root).map_err(fail)
}

fn credentials_from(root: &Element) -> Result<Credentials, String> {
    let creds = root
        .find("Credentials")
        .ok_or("the response has no <Credentials>")?;
    let text = |name: &str| {
        creds
            .child(name)
            .map(|e| e.text.trim().to_owned())
            .filter(|t| !t.is_empty())
            .ok_or_else(|| format!("the response has no <{name}>"))
    };
    let expiration = text("Expiration")?;
    let expiry = crate::DateTime::parse_date_time(&expiration)
        .map_err(|_| "<Expiration> is not an ISO 8601 timestamp".to_owned())?;
    // `arn:aws:sts::111122223333:assumed-role/role/session`: the account is the fifth field.
    let account_id = root
        .find("AssumedRoleUser")
        .and_then(|user| user.child("Arn"))
        .and_then(|arn| arn.text.trim().split(':').nth(4).map(str::to_owned));
    Ok(Credentials::new(
        text("AccessKeyId")?,
        text("SecretAccessKey")?,
        Some(text("SessionToken")?),
    )
    .with_expiry(expiry.into())
    .with_account_id_from(account_id.as_deref()))
}

/// `application/x-www-form-urlencoded`, with RFC 3986 unreserved characters left as is.
pub(crate) fn form_encode(params: &[(&str, &str)]) -> String {
    let mut out = String::new();
    for (i, (k, v)) in params.iter().enumerate() {
        if i > 0 {
            out.push('&');
        }
        percent_encode(k, &mut out);
        out.push('=');
        percent_encode(v, &mut out);
    }
    out
}

fn percent_encode(s: &str, out: &mut String) {
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
}

/// `(host header, path)` of an `http(s)://` URL.
pub(crate) fn split_url(url: &str) -> Option<(&str, &str)> {
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))?;
    let (host, path) = match rest.find('/') {
        Some(i) => rest.split_at(i),
        None => (rest, "/"),
    };
    (!host.is_empty()).then_some((host, path))
}

/// An XML element: local name (namespace prefix dropped), decoded text, children.
#[derive(Debug, Default, PartialEq, Eq)]
pub(crate) struct Element {
    pub(crate) name: String,
    pub(crate) text: String,
    pub(crate) children: Vec<Element>,
}

impl Element {
    pub(crate) fn child(&self, name: &str) -> Option<&Element> {
        self.children.iter().find(|c| c.name == name)
    }

    /// The first element named `name`, depth first, this one included.
    pub(crate) fn find(&self, name: &str) -> Option<&Element> {
        if self.name == name {
            return Some(self);
        }
        self.children.iter().find_map(|c| c.find(name))
    }
}

/// Parses a document into its root element.
pub(crate) fn parse(input: &str) -> Result<Element, String> {
    let mut stack: Vec<Element> = Vec::new();
    let mut root: Option<Element> = None;
    let mut rest = input.strip_prefix('\u{feff}').unwrap_or(input);
    while !rest.is_empty() {
        if let Some(after) = rest.strip_prefix("<?") {
            rest = skip_past(after, "?>")?;
        } else if let Some(after) = rest.strip_prefix("<!--") {
            rest = skip_past(after, "-->")?;
        } else if let Some(after) = rest.strip_prefix("<![CDATA[") {
            let end = after.find("]]>").ok_or("unterminated CDATA section")?;
            let top = stack.last_mut().ok_or("text outside the root element")?;
            top.text.push_str(&after[..end]);
            rest = &after[end + 3..];
        } else if let Some(after) = rest.strip_prefix("<!") {
            if !stack.is_empty() {
                return Err("a declaration inside an element".to_owned());
            }
            rest = skip_past(after, ">")?;
        } else if let Some(after) = rest.strip_prefix("</") {
            let end = after.find('>').ok_or("unterminated end tag")?;
            let name = local_name(after[..end].trim());
            let element = stack.pop().ok_or("an end tag without a start tag")?;
            if element.name != name {
                return Err(format!("</{name}> closes <{}>", element.name));
            }
            attach(&mut stack, &mut root, element)?;
            rest = &after[end + 1..];
        } else if let Some(after) = rest.strip_prefix('<') {
            let (tag, self_closing, after) = start_tag(after)?;
            let name_end = tag.find(|c: char| c.is_whitespace()).unwrap_or(tag.len());
            let name = &tag[..name_end];
            if name.is_empty() {
                return Err("an element without a name".to_owned());
            }
            let element = Element {
                name: local_name(name).to_owned(),
                ..Element::default()
            };
            if self_closing {
                attach(&mut stack, &mut root, element)?;
            } else {
                stack.push(element);
            }
            rest = after;
        } else {
            let end = rest.find('<').unwrap_or(rest.len());
            let raw = &rest[..end];
            match stack.last_mut() {
                Some(top) => top.text.push_str(&decode_entities(raw)?),
                None if raw.trim().is_empty() => {}
                None => return Err("text outside the root element".to_owned()),
            }
            rest = &rest[end..];
        }
    }
    if let Some(open) = stack.last() {
        return Err(format!("<{}> is never closed", open.name));
    }
    root.ok_or_else(|| "no root element".to_owned())
}

fn skip_past<'a>(s: &'a str, end: &str) -> Result<&'a str, String> {
    s.find(end)
        .map(|i| &s[i + end.len()..])
        .ok_or_else(|| format!("missing `{end}`"))
}

/// The inside of a start tag, whether it is `<x/>`, and what follows it. Attribute
/// values may hold `>`, so quotes are tracked.
fn start_tag(s: &str) -> Result<(&str, bool, &str), String> {
    let mut quote: Option<char> = None;
    for (i, c) in s.char_indices() {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (Some(_), _) => {}
            (None, '"' | '\'') => quote = Some(c),
            (None, '>') => {
                let inner = &s[..i];
                let (inner, closing) = match inner.strip_suffix('/') {
                    Some(inner) => (inner, true),
                    None => (inner, false),
                };
                return Ok((inner.trim(), closing, &s[i + 1..]));
            }
            (None, '<') => return Err("`<` inside a start tag".to_owned()),
            _ => {}
        }
    }
    Err("unterminated start tag".to_owned())
}

fn local_name(name: &str) -> &str {
    name.rsplit(':').next().unwrap_or(name)
}

fn attach(
    stack: &mut [Element],
    root: &mut Option<Element>,
    element: Element,
) -> Result<(), String> {
    match stack.last_mut() {
        Some(parent) => parent.children.push(element),
        None if root.is_none() => *root = Some(element),
        None => return Err("more than one root element".to_owned()),
    }
    Ok(())
}

fn decode_entities(raw: &str) -> Result<String, String> {
    let mut out = String::with_capacity(raw.len());
    let mut rest = raw;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        let after = &rest[i + 1..];
        let end = after.find(';').ok_or("an `&` without `;`")?;
        let entity = &after[..end];
        let c = match entity {
            "lt" => '<',
            "gt" => '>',
            "amp" => '&',
            "quot" => '"',
            "apos" => '\'',
            _ => {
                let code = if let Some(hex) = entity.strip_prefix("#x") {
                    u32::from_str_radix(hex, 16).ok()
                } else if let Some(dec) = entity.strip_prefix('#') {
                    dec.parse().ok()
                } else {
                    None
                };
                code.and_then(char::from_u32)
                    .ok_or_else(|| format!("unknown entity `&{entity};`"))?
            }
        };
        out.push(c);
        rest = &after[end + 1..];
    }
    out.push_str(rest);
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    const ASSUME_ROLE: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<AssumeRoleResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
  <AssumeRoleResult>
    <SourceIdentity>Alice</SourceIdentity>
    <AssumedRoleUser>
      <Arn>arn:aws:sts::123456789012:assumed-role/demo/TestAR</Arn>
      <AssumedRoleId>ARO123EXAMPLE123:TestAR</AssumedRoleId>
    </AssumedRoleUser>
    <Credentials>
      <AccessKeyId>ASIAIOSFODNN7EXAMPLE</AccessKeyId>
      <SecretAccessKey>wJalrXUtnFEMI/K7MDENG/bPxRfiCYzEXAMPLEKEY</SecretAccessKey>
      <SessionToken><![CDATA[AQoDYXdzEPT//////////wEXAMPLEtc764]]>&amp;x&#x3D;&#61;</SessionToken>
      <Expiration>2019-11-09T13:34:41Z</Expiration>
    </Credentials>
    <PackedPolicySize a='>'>6</PackedPolicySize>
  </AssumeRoleResult>
  <!-- comment <Credentials> -->
  <ResponseMetadata><RequestId>c6104cbe-af31-11e0-8154-cbc7ccf896c7</RequestId></ResponseMetadata>
</AssumeRoleResponse>"#;

    #[test]
    fn reads_assume_role_response() {
        let root = parse(ASSUME_ROLE).unwrap();
        assert_eq!(root.name, "AssumeRoleResponse");
        let creds = credentials_from(&root).unwrap();
        assert_eq!(creds.access_key_id(), "ASIAIOSFODNN7EXAMPLE");
        assert_eq!(creds.account_id(), Some("123456789012"));
        assert_eq!(
            creds.session_token(),
            Some("AQoDYXdzEPT//////////wEXAMPLEtc764&x==")
        );
        assert_eq!(
            crate::DateTime::from(creds.expiry().unwrap()).to_date_time(),
            "2019-11-09T13:34:41Z"
        );
    }

    #[test]
    fn reads_error_and_rejects_malformed() {
        let root = parse(
            "<ErrorResponse><Error><Type>Sender</Type><Code>AccessDenied</Code>\
             <Message>User: a &lt;b&gt; is not authorized</Message></Error></ErrorResponse>",
        )
        .unwrap();
        assert_eq!(root.find("Code").unwrap().text, "AccessDenied");
        assert_eq!(
            root.find("Message").unwrap().text,
            "User: a <b> is not authorized"
        );
        assert!(parse("<a><b></a>").unwrap_err().contains("closes"));
        assert!(parse("<a>").unwrap_err().contains("never closed"));
        assert!(
            parse("<a>&bogus;</a>")
                .unwrap_err()
                .contains("unknown entity")
        );
        assert!(
            parse("<a/><b/>")
                .unwrap_err()
                .contains("more than one root")
        );
        assert!(parse("text").is_err());
        assert!(parse("").is_err());
        let missing =
            parse("<R><Credentials><AccessKeyId>A</AccessKeyId></Credentials></R>").unwrap();
        assert!(
            credentials_from(&missing)
                .unwrap_err()
                .contains("<Expiration>")
        );
    }

    #[test]
    fn form_encoding() {
        assert_eq!(
            form_encode(&[("RoleArn", "arn:aws:iam::1:role/a b"), ("X", "~._-")]),
            "RoleArn=arn%3Aaws%3Aiam%3A%3A1%3Arole%2Fa%20b&X=~._-"
        );
    }
}
