//! ECS (and EKS Pod Identity) container credentials.

use std::time::Duration;

use super::{Credentials, Loaded, Sources};
use crate::config::Env;
use crate::error::CredentialsError;

/// The ECS agent's link-local address, for `AWS_CONTAINER_CREDENTIALS_RELATIVE_URI`.
const ECS_HOST: &str = "http://169.254.170.2";
const TIMEOUT: Duration = Duration::from_secs(5);
const ATTEMPTS: usize = 3;

/// The credentials URL the environment names, or why there is none.
fn url(env: &Env) -> Result<Result<String, String>, CredentialsError> {
    if let Some(relative) = env.var("AWS_CONTAINER_CREDENTIALS_RELATIVE_URI") {
        let sep = if relative.starts_with('/') { "" } else { "/" };
        return Ok(Ok(format!("{ECS_HOST}{sep}{relative}")));
    }
    let Some(full) = env.var("AWS_CONTAINER_CREDENTIALS_FULL_URI") else {
        return Ok(Err(
            "neither AWS_CONTAINER_CREDENTIALS_RELATIVE_URI nor AWS_CONTAINER_CREDENTIALS_FULL_URI is set"
                .to_owned(),
        ));
    };
    if full.starts_with("https://") || (full.starts_with("http://") && allowed_http_host(&full)) {
        Ok(Ok(full))
    } else {
        Err(CredentialsError::new(format!(
            "ECS: AWS_CONTAINER_CREDENTIALS_FULL_URI {full:?} must be https, or http to a \
             loopback address or the ECS / EKS agent (169.254.170.2, 169.254.170.23, fd00:ec2::23)"
        )))
    }
}

/// Plain HTTP is allowed only where the traffic cannot leave the host (or the task).
fn allowed_http_host(url: &str) -> bool {
    let rest = &url["http://".len()..];
    let authority = rest.split(['/', '?', '#']).next().unwrap_or("");
    let host = if let Some(v6) = authority.strip_prefix('[') {
        v6.split(']').next().unwrap_or("")
    } else {
        authority.rsplit_once(':').map_or(authority, |(h, _)| h)
    };
    if host.eq_ignore_ascii_case("localhost") || host == "169.254.170.2" || host == "169.254.170.23"
    {
        return true;
    }
    match host.parse::<std::net::IpAddr>() {
        Ok(ip) => {
            let eks = std::net::Ipv6Addr::new(0xfd00, 0xec2, 0, 0, 0, 0, 0, 0x23);
            ip.is_loopback() || ip == std::net::IpAddr::V6(eks)
        }
        Err(_) => false,
    }
}

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

async fn fetch(sources: &Sources, url: &str) -> Result<Credentials, CredentialsError> {
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
            .send(reqwest::Method::GET, url, &headers, None, TIMEOUT)
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

    #[test]
    fn http_only_to_loopback_or_the_agent() {
        for ok in [
            "http://127.0.0.1:8080/creds",
            "http://127.1.2.3/x",
            "http://localhost:1/x",
            "http://[::1]:9/x",
            "http://169.254.170.2/v2/credentials",
            "http://169.254.170.23/v1/credentials",
            "http://[fd00:ec2::23]/v1/credentials",
        ] {
            assert!(allowed_http_host(ok), "{ok}");
        }
        for bad in [
            "http://10.0.0.1/x",
            "http://example.com/x",
            "http://169.254.169.254/",
        ] {
            assert!(!allowed_http_host(bad), "{bad}");
        }
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
            url(&env).unwrap(),
            Ok("http://169.254.170.2/v2/credentials/abc".to_owned())
        );
        let env = Env::from_vars([(
            "AWS_CONTAINER_CREDENTIALS_FULL_URI",
            "https://creds.example/x",
        )]);
        assert_eq!(url(&env).unwrap(), Ok("https://creds.example/x".to_owned()));
        assert!(url(&Env::from_vars([("X", "1")])).unwrap().is_err());
    }
}
