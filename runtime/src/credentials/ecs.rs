//! ECS (and EKS Pod Identity) container credentials.

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};
use std::time::Duration;

use super::{Credentials, Loaded, Sources};
use crate::config::Env;
use crate::endpoint::parse_http_url;
use crate::error::CredentialsError;

/// The ECS agent's link-local address, for `AWS_CONTAINER_CREDENTIALS_RELATIVE_URI`.
const ECS_HOST: &str = "http://169.254.170.2";
const TIMEOUT: Duration = Duration::from_secs(5);
const ATTEMPTS: usize = 3;

/// The credentials URL the environment names, or why there is none.
fn url(env: &Env) -> Result<Result<reqwest::Url, String>, CredentialsError> {
    if let Some(relative) = env.var("AWS_CONTAINER_CREDENTIALS_RELATIVE_URI") {
        let sep = if relative.starts_with('/') { "" } else { "/" };
        let full = format!("{ECS_HOST}{sep}{relative}");
        return checked(&full, "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI").map(Ok);
    }
    let Some(full) = env.var("AWS_CONTAINER_CREDENTIALS_FULL_URI") else {
        return Ok(Err(
            "neither AWS_CONTAINER_CREDENTIALS_RELATIVE_URI nor AWS_CONTAINER_CREDENTIALS_FULL_URI is set"
                .to_owned(),
        ));
    };
    checked(&full, "AWS_CONTAINER_CREDENTIALS_FULL_URI").map(Ok)
}

/// The URL parsed once, by the parser the request is sent with: the host checked is
/// the host connected to (a user name before it, `http://127.0.0.1:80@elsewhere/`, is
/// refused by the parse).
fn checked(text: &str, var: &str) -> Result<reqwest::Url, CredentialsError> {
    let url =
        parse_http_url(text).map_err(|why| CredentialsError::new(format!("ECS: {var}: {why}")))?;
    if url.scheme() == "https" || allowed_http_host(&url) {
        return Ok(url);
    }
    Err(CredentialsError::new(format!(
        "ECS: {var} {:?} must be https, or http to a loopback address or the ECS / EKS \
         agent (169.254.170.2, 169.254.170.23, fd00:ec2::23): the authorization token \
         would go in clear text",
        url.as_str()
    )))
}

/// Plain HTTP is allowed only where the traffic cannot leave the host (or the task):
/// `localhost`, 127.0.0.0/8, `::1`, and the ECS and EKS agents' link-local addresses.
fn allowed_http_host(url: &reqwest::Url) -> bool {
    let Some(host) = url.host_str() else {
        return false;
    };
    if host == "localhost" {
        return true;
    }
    // The parser writes IPv4 hosts in dotted form and IPv6 ones in brackets.
    let ip = host
        .strip_prefix('[')
        .and_then(|h| h.strip_suffix(']'))
        .unwrap_or(host);
    match ip.parse::<IpAddr>() {
        Ok(IpAddr::V4(v4)) => v4.is_loopback() || v4 == ECS_AGENT || v4 == EKS_AGENT,
        Ok(IpAddr::V6(v6)) => v6.is_loopback() || v6 == EKS_AGENT_V6,
        Err(_) => false,
    }
}

const ECS_AGENT: Ipv4Addr = Ipv4Addr::new(169, 254, 170, 2);
const EKS_AGENT: Ipv4Addr = Ipv4Addr::new(169, 254, 170, 23);
const EKS_AGENT_V6: Ipv6Addr = Ipv6Addr::new(0xfd00, 0xec2, 0, 0, 0, 0, 0, 0x23);

pub(crate) async fn load(sources: &Sources) -> Result<Loaded, CredentialsError> {
    match url(&sources.env)? {
        Ok(url) => fetch(sources, &url).await.map(Loaded::Found),
        Err(why) => Ok(Loaded::NotFound(why)),
    }
}

/// For `credential_source = EcsContainer`.
pub(crate) async fn require(
    sources: &Sources,
    profile: &str,
) -> Result<Credentials, CredentialsError> {
    match url(&sources.env)? {
        Ok(url) => fetch(sources, &url).await,
        Err(why) => Err(CredentialsError::new(format!(
            "profile `{profile}` has credential_source = EcsContainer, but {why}"
        ))),
    }
}

async fn fetch(sources: &Sources, url: &reqwest::Url) -> Result<Credentials, CredentialsError> {
    let env = &sources.env;
    let token = match env.var("AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE") {
        Some(file) => {
            let path = env.expand_home(&file);
            Some(
                std::fs::read_to_string(&path)
                    .map_err(|e| {
                        CredentialsError::new(format!(
                            "ECS: could not read AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE {}: {e}",
                            path.display()
                        ))
                    })?
                    .trim()
                    .to_owned(),
            )
        }
        None => env.var("AWS_CONTAINER_AUTHORIZATION_TOKEN"),
    };
    if token.as_deref().is_some_and(|t| t.contains(['\r', '\n'])) {
        return Err(CredentialsError::new(
            "ECS: the authorization token contains a line break",
        ));
    }
    let mut headers = vec![("accept", "application/json")];
    if let Some(token) = &token {
        headers.push(("authorization", token));
    }
    let mut last = String::new();
    for _ in 0..ATTEMPTS {
        match sources
            .http
            .send(reqwest::Method::GET, url.as_str(), &headers, None, TIMEOUT)
            .await
        {
            Ok((200, body)) => {
                return super::credentials_from_json(&body, "Token").map_err(|why| {
                    CredentialsError::new(format!("ECS credentials from {url}: {why}"))
                });
            }
            Ok((status, _)) if status >= 500 || status == 429 => {
                last = format!("HTTP {status}");
            }
            Ok((status, _)) => {
                return Err(CredentialsError::new(format!(
                    "ECS credentials from {url}: HTTP {status}"
                )));
            }
            Err(e) => last = e.message,
        }
    }
    Err(CredentialsError::new(format!(
        "ECS credentials from {url}: {last} ({ATTEMPTS} attempts)"
    )))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn full_uri(uri: &str) -> Result<String, String> {
        let env = Env::from_vars([("AWS_CONTAINER_CREDENTIALS_FULL_URI", uri)]);
        match url(&env) {
            Ok(Ok(url)) => Ok(url.as_str().to_owned()),
            Ok(Err(why)) => panic!("{why}"),
            Err(e) => Err(e.to_string()),
        }
    }

    #[test]
    fn http_only_to_loopback_or_the_agent() {
        for (ok, sent) in [
            ("http://127.0.0.1:8080/creds", "http://127.0.0.1:8080/creds"),
            ("http://127.1.2.3/x", "http://127.1.2.3/x"),
            ("http://127.1:9/x", "http://127.0.0.1:9/x"),
            ("http://localhost:1/x", "http://localhost:1/x"),
            ("http://LocalHost:1/x", "http://localhost:1/x"),
            ("http://[::1]:9/x", "http://[::1]:9/x"),
            (
                "http://169.254.170.2/v2/credentials",
                "http://169.254.170.2/v2/credentials",
            ),
            (
                "http://169.254.170.23/v1/credentials",
                "http://169.254.170.23/v1/credentials",
            ),
            (
                "http://[fd00:ec2::23]/v1/credentials",
                "http://[fd00:ec2::23]/v1/credentials",
            ),
            ("https://creds.example/x", "https://creds.example/x"),
        ] {
            assert_eq!(full_uri(ok).as_deref(), Ok(sent), "{ok}");
        }
        for bad in [
            "http://10.0.0.1/x",
            "http://example.com/x",
            "http://169.254.169.254/",
            "http://0.0.0.0:9/x",
            "http://localhost.example.com/x",
            "http://[::ffff:10.0.0.1]/x",
            "ftp://127.0.0.1/x",
        ] {
            let err = full_uri(bad).unwrap_err();
            assert!(
                err.contains("must be https") || err.contains("not an http"),
                "{bad}: {err}"
            );
        }
    }

    /// A user name before the host hides it from a reader that splits the text by
    /// hand; the request would go in clear text, token and all, to the host after `@`.
    #[test]
    fn a_user_name_cannot_hide_the_host() {
        for bad in [
            "http://127.0.0.1:80@attacker.example/creds",
            "http://[::1]@attacker.example:8080/creds",
            "http://localhost@attacker.example/creds",
            "http://169.254.170.2:secret@attacker.example/creds",
            "https://user:secret@creds.example/x",
            "http://127.0.0.1:80@127.0.0.1:9/creds",
        ] {
            let err = full_uri(bad).unwrap_err();
            assert!(err.contains("user name or password"), "{bad}: {err}");
            assert!(!err.contains("secret"), "{err}");
        }
        let env = Env::from_vars([(
            "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI",
            "@attacker.example/creds",
        )]);
        assert_eq!(
            url(&env).unwrap().unwrap().as_str(),
            "http://169.254.170.2/@attacker.example/creds"
        );
    }

    #[test]
    fn relative_uri_goes_to_the_agent_and_wins_over_full_uri() {
        let env = Env::from_vars([
            (
                "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI",
                "/v2/credentials/abc",
            ),
            ("AWS_CONTAINER_CREDENTIALS_FULL_URI", "http://127.0.0.1:1/x"),
        ]);
        assert_eq!(
            url(&env).unwrap().unwrap().as_str(),
            "http://169.254.170.2/v2/credentials/abc"
        );
        let env = Env::from_vars([(
            "AWS_CONTAINER_CREDENTIALS_FULL_URI",
            "https://creds.example/x",
        )]);
        assert_eq!(
            url(&env).unwrap().unwrap().as_str(),
            "https://creds.example/x"
        );
        assert!(url(&Env::from_vars([("X", "1")])).unwrap().is_err());
    }
}
