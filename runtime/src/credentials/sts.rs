//! STS `AssumeRole` and `AssumeRoleWithWebIdentity`: the query protocol (a form-encoded
//! POST) with XML responses, read by [`xml`](crate::xml).

use std::time::{Duration, SystemTime};

use super::{Credentials, Http, Sources};
use crate::endpoint::{EndpointConfig, host_header, parse_http_url};
use crate::error::CredentialsError;
use crate::protocol::error_code::{AWS_JSON, read_body};
use crate::retry::{RetryReason, code_reason};
use crate::service::{JsonVersion, ServiceMeta};
use crate::sigv4;
use crate::xml::{Element, parse, shown};

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
    let via = (&sources.http, &sources.endpoints);
    call(via, region, "AssumeRole", params, Some(source)).await
}

/// `AssumeRoleWithWebIdentity`, which STS takes unsigned (the token is the proof).
pub(crate) async fn assume_role_with_web_identity(
    sources: &Sources,
    region: &str,
    params: &[(&str, &str)],
) -> Result<Credentials, CredentialsError> {
    let via = (&sources.http, &sources.endpoints);
    call(via, region, "AssumeRoleWithWebIdentity", params, None).await
}

/// An STS call over `http`, to the STS endpoint `endpoints` give for `region`, signed
/// with `signer` (unsigned without).
pub(crate) async fn call(
    (http, endpoints): (&Http, &EndpointConfig),
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
    let endpoint = endpoints.resolve(&STS, region).map_err(&fail)?;
    let mut body = form_encode(&[("Action", action), ("Version", "2011-06-15")]);
    body.push('&');
    body.push_str(&form_encode(params));
    let signing_region = endpoint.signing_region.as_deref().unwrap_or(region);
    let signer = signer.map(|creds| (creds, signing_region, SystemTime::now()));
    let (url, headers) = signed_request(&endpoint.url, &body, signer).map_err(&fail)?;
    let header_refs: Vec<(&'static str, &str)> =
        headers.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let response = http
        .exchange_retried(
            reqwest::Method::POST,
            url.as_str(),
            &header_refs,
            Some(body.into_bytes()),
            TIMEOUT,
            |response| {
                // STS names throttling in its XML error; web identity adds a transient
                // failure to reach the identity provider.
                let code = read_body(None, &response.body, &AWS_JSON).code?;
                code_reason(&code)
                    .or((code == "IDPCommunicationError").then_some(RetryReason::ServerError))
            },
        )
        .await
        .map_err(|e| fail(format!("{} ({url})", e.message)))?;
    let (status, response) = (response.status, response.body);
    if !(200..300).contains(&status) {
        let read = read_body(None, &response, &AWS_JSON);
        // What the endpoint says goes into the error bounded: it can be a megabyte.
        let mut why = read
            .code
            .map_or_else(|| "an error".to_owned(), |c| shown(&c, 128));
        if let Some(message) = read.message {
            why.push_str(": ");
            why.push_str(&shown(&message, MAX_MESSAGE_CHARS));
        }
        return Err(fail(format!("{why} (HTTP {status})")));
    }
    let root = parse(&String::from_utf8_lossy(&response))
        .map_err(|e| fail(format!("the response is not XML: {e}")))?;
    credentials_from(&root).map_err(fail)
}

/// The URL an STS request goes to and its headers, signed (when `signer` is given) for
/// the host and path of exactly that URL: the parser that connects reads them, and the
/// query and fragment are left out as the main client leaves them out.
fn signed_request(
    endpoint: &str,
    body: &str,
    signer: Option<(&Credentials, &str, SystemTime)>,
) -> Result<(reqwest::Url, Headers), String> {
    let mut url = parse_http_url(endpoint).map_err(|why| format!("endpoint {why}"))?;
    url.set_query(None);
    url.set_fragment(None);
    let mut headers = vec![("content-type", CONTENT_TYPE.to_owned())];
    if let Some((creds, region, time)) = signer {
        let signed = sigv4::sign(
            &sigv4::SignableRequest {
                method: "POST",
                uri: url.path(),
                headers: &[("content-type", CONTENT_TYPE), ("host", &host_header(&url))],
                body: body.as_bytes(),
            },
            &sigv4::SigningParams {
                access_key_id: creds.access_key_id(),
                secret_access_key: creds.secret_access_key(),
                session_token: creds.session_token(),
                region,
                service: "sts",
                time,
                settings: sigv4::SigningSettings::default(),
            },
        );
        headers.push(("x-amz-date", signed.x_amz_date));
        if let Some(token) = signed.security_token {
            headers.push(("x-amz-security-token", token));
        }
        headers.push(("authorization", signed.authorization));
    }
    Ok((url, headers))
}

type Headers = Vec<(&'static str, String)>;

/// The most of an STS error message an error shows.
const MAX_MESSAGE_CHARS: usize = 1024;

const CONTENT_TYPE: &str = "application/x-www-form-urlencoded; charset=utf-8";

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

/// `awsjson-<milliseconds>`, as the SDKs name role sessions nobody named.
pub(crate) fn default_session_name() -> String {
    let millis = SystemTime::now()
        .duration_since(SystemTime::UNIX_EPOCH)
        .unwrap_or_default()
        .as_millis();
    format!("awsjson-{millis}")
}

/// `application/x-www-form-urlencoded`, with RFC 3986 unreserved characters left as is.
pub(crate) fn form_encode(params: &[(&str, &str)]) -> String {
    let mut out = String::new();
    for (i, (k, v)) in params.iter().enumerate() {
        if i > 0 {
            out.push('&');
        }
        sigv4::percent_encode(k, &mut out);
        out.push('=');
        sigv4::percent_encode(v, &mut out);
    }
    out
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

    /// The `Host` signed is the one the URL sent puts on the wire, default ports left
    /// out as the official SDKs and HTTP clients leave them out.
    #[test]
    fn the_host_signed_is_the_host_sent() {
        let creds = Credentials::new("AKID", "SECRET", None);
        let time = SystemTime::UNIX_EPOCH + Duration::from_secs(1_700_000_000);
        let body = "Action=AssumeRole&Version=2011-06-15";
        for (endpoint, sent, host) in [
            (
                "https://sts.us-east-1.amazonaws.com:443",
                "https://sts.us-east-1.amazonaws.com/",
                "sts.us-east-1.amazonaws.com",
            ),
            ("http://127.0.0.1:80/", "http://127.0.0.1/", "127.0.0.1"),
            (
                "https://STS.Example.com:8443?x=1",
                "https://sts.example.com:8443/",
                "sts.example.com:8443",
            ),
            (
                "http://127.1:4566/a/../",
                "http://127.0.0.1:4566/",
                "127.0.0.1:4566",
            ),
        ] {
            let (url, headers) =
                signed_request(endpoint, body, Some((&creds, "us-east-1", time))).unwrap();
            assert_eq!(url.as_str(), sent);
            let header = |name: &str| {
                headers
                    .iter()
                    .find(|(n, _)| *n == name)
                    .map(|(_, v)| v.as_str())
                    .unwrap()
            };
            let expected = sigv4::sign(
                &sigv4::SignableRequest {
                    method: "POST",
                    uri: "/",
                    headers: &[("content-type", CONTENT_TYPE), ("host", host)],
                    body: body.as_bytes(),
                },
                &sigv4::SigningParams {
                    access_key_id: "AKID",
                    secret_access_key: "SECRET",
                    session_token: None,
                    region: "us-east-1",
                    service: "sts",
                    time,
                    settings: sigv4::SigningSettings::default(),
                },
            );
            assert_eq!(
                header("authorization"),
                expected.authorization,
                "{endpoint}"
            );
        }
        let err = signed_request("http://user:pw@sts.example.com/", body, None).unwrap_err();
        assert!(
            err.contains("user name or password") && !err.contains("pw"),
            "{err}"
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
