//! What IAM Identity Center credentials log: the events of a failed and of a
//! successful token refresh, without any token, client secret or credential.
//!
//! A binary of its own: the capturing subscriber is the thread's default dispatcher,
//! and no other test should run beside it.

use awsjson_tests::capture::Capture;
use awsjson_tests::env::{base_vars, key_used};
use awsjson_tests::server::{Action, Reply, Server};
use awsjson_tests::temp_dir::TempDir;

fn in_secs(secs: i64) -> String {
    awsjson::DateTime::from_secs(awsjson::DateTime::now().secs() + secs).to_date_time()
}

#[test]
fn refresh_events_without_secrets() {
    let capture = Capture::new();
    capture.block_on(async {
            let role = serde_json::json!({"roleCredentials": {
                "accessKeyId": "ASIATRACE",
                "secretAccessKey": "SECRET-role-key",
                "sessionToken": "SECRET-role-session",
                "expiration": 4_102_444_800_000_u64,
            }});
            let portal = Server::start(
                vec![],
                Action::Respond(Reply::json(200, role.to_string())),
            )
            .await
            .unwrap();
            let oidc = Server::start(
                vec![Action::Respond(
                    Reply::json(
                        400,
                        r#"{"error":"invalid_grant","error_description":"bad SECRET-refresh-token"}"#,
                    )
                    .with_header("x-amzn-errortype", "InvalidGrantException"),
                )],
                Action::Respond(Reply::json(
                    200,
                    r#"{"accessToken":"SECRET-new-access","expiresIn":3600,"tokenType":"Bearer"}"#,
                )),
            )
            .await
            .unwrap();
            let home = TempDir::new();
            home.write(
                ".aws/config",
                "[default]\nsso_session = s\nsso_account_id = 1\nsso_role_name = R\n\
                 [sso-session s]\nsso_start_url = https://d-1.awsapps.com/start\nsso_region = eu-west-1\n",
            );
            // SHA-1 of `s`.
            home.write(
                ".aws/sso/cache/a0f1490a20d0211c997b44bc357e1972deab8ae3.json",
                &serde_json::json!({
                    "accessToken": "SECRET-access-token",
                    "expiresAt": in_secs(120),
                    "refreshToken": "SECRET-refresh-token",
                    "clientId": "c",
                    "clientSecret": "SECRET-client-secret",
                    "registrationExpiresAt": in_secs(86_400),
                })
                .to_string(),
            );
            let mut vars = base_vars(&home);
            vars.push(("AWS_ENDPOINT_URL_SSO".into(), portal.url().into()));
            vars.push(("AWS_ENDPOINT_URL_SSO_OIDC".into(), oidc.url().into()));
            // The refresh fails (the token still works), then succeeds.
            assert_eq!(key_used(&vars).await.unwrap(), "ASIATRACE");
            assert_eq!(key_used(&vars).await.unwrap(), "ASIATRACE");
            assert_eq!(oidc.count(), 2);
            let bearer: Vec<_> = portal
                .requests()
                .iter()
                .map(|r| r.header("x-amz-sso_bearer_token").unwrap().to_owned())
                .collect();
            assert_eq!(bearer, ["SECRET-access-token", "SECRET-new-access"]);
        });
    let text = capture.text();
    assert!(
        text.contains("refreshing the SSO token failed (SSO OIDC CreateToken: InvalidGrantException: bad ** redacted ** (HTTP 400))"),
        "{text}"
    );
    assert!(text.contains("refreshed the SSO token"), "{text}");
    assert!(!text.contains("SECRET"), "{text}");
}
