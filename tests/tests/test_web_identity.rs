//! Web identity set up in code (`WebIdentityProvider`): the token file read at each
//! fetch, exchanged through STS `AssumeRoleWithWebIdentity` (unsigned, as STS takes
//! it), the answer cached. STS is a scripted loopback server here; moto's STS is
//! exercised by test_assume_role.rs and the chain's web identity by test_credentials.rs.

use std::time::Duration;

use awsjson::{ProvideCredentials, WebIdentityProvider};
use awsjson_tests::server::{Action, Reply, Server};

const ANSWER: &str = r#"<AssumeRoleWithWebIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
  <AssumeRoleWithWebIdentityResult>
    <AssumedRoleUser>
      <Arn>arn:aws:sts::111122223333:assumed-role/ci/deploy</Arn>
    </AssumedRoleUser>
    <Credentials>
      <AccessKeyId>ASIAWEBIDENTITY</AccessKeyId>
      <SecretAccessKey>web-secret</SecretAccessKey>
      <SessionToken>web-token</SessionToken>
      <Expiration>2099-01-01T00:00:00Z</Expiration>
    </Credentials>
  </AssumeRoleWithWebIdentityResult>
</AssumeRoleWithWebIdentityResponse>"#;

fn form(body: &[u8]) -> Vec<(String, String)> {
    String::from_utf8_lossy(body)
        .split('&')
        .filter_map(|pair| pair.split_once('='))
        .map(|(k, v)| (k.to_owned(), v.replace("%3A", ":").replace("%2F", "/")))
        .collect()
}

#[tokio::test]
async fn the_token_file_is_exchanged_and_the_answer_cached() {
    let server = Server::start(vec![], Action::Respond(Reply::raw(200, "text/xml", ANSWER)))
        .await
        .unwrap();
    let dir = std::env::temp_dir().join(format!("awsjson-web-identity-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let token_file = dir.join("token");
    std::fs::write(&token_file, "eyJ.oidc.token\n").unwrap();
    let provider = WebIdentityProvider::builder("arn:aws:iam::111122223333:role/ci", &token_file)
        .session_name("deploy")
        .region("eu-west-1")
        .endpoint_url(server.url())
        .build()
        .unwrap();
    let creds = tokio::time::timeout(Duration::from_secs(10), provider.provide_credentials())
        .await
        .unwrap()
        .unwrap();
    assert_eq!(creds.access_key_id(), "ASIAWEBIDENTITY");
    assert_eq!(creds.session_token(), Some("web-token"));
    assert_eq!(creds.account_id(), Some("111122223333"));
    let again = provider.provide_credentials().await.unwrap();
    assert_eq!(again.access_key_id(), creds.access_key_id());
    let requests = server.requests();
    assert_eq!(requests.len(), 1, "cached: one exchange");
    let sent = form(&requests[0].body);
    for expected in [
        ("Action", "AssumeRoleWithWebIdentity"),
        ("RoleArn", "arn:aws:iam::111122223333:role/ci"),
        ("RoleSessionName", "deploy"),
        ("WebIdentityToken", "eyJ.oidc.token"),
    ] {
        assert!(
            sent.iter()
                .any(|(k, v)| (k.as_str(), v.as_str()) == expected),
            "{expected:?} in {sent:?}"
        );
    }
    assert_eq!(requests[0].header("authorization"), None);
    // A token file that is gone is an error naming it.
    std::fs::remove_file(&token_file).unwrap();
    let missing = WebIdentityProvider::builder("arn:aws:iam::1:role/x", &token_file)
        .endpoint_url(server.url())
        .build()
        .unwrap();
    let err = missing.provide_credentials().await.unwrap_err().to_string();
    assert!(err.contains(&token_file.display().to_string()), "{err}");
    let _ = std::fs::remove_dir_all(&dir);
}
